/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - entering domains: by exec, or by writing self_domain; and
 * the policy loader the first exec of init runs.
 */

#ifndef _SECURITY_WARDEN_EXEC_H
#define _SECURITY_WARDEN_EXEC_H

#include <linux/init.h>

struct linux_binprm;
struct warden_domain;

struct warden_domain *warden_enter_domain(const struct warden_domain *from,
					  const char *name);
int warden_self_transition(const char *name);
void warden_loader_run(const struct linux_binprm *bprm);
void __init warden_add_exec_hooks(void);

#endif /* _SECURITY_WARDEN_EXEC_H */
