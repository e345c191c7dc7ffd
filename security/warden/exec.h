/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - entering domains: by exec, or by writing self_domain.
 */

#ifndef _SECURITY_WARDEN_EXEC_H
#define _SECURITY_WARDEN_EXEC_H

struct warden_domain;

struct warden_domain *warden_enter_domain(const struct warden_domain *from,
					  const char *name);
int warden_self_transition(const char *name);

#endif /* _SECURITY_WARDEN_EXEC_H */
