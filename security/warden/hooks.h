/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - hook registration and the checks hooks share.
 */

#ifndef _SECURITY_WARDEN_HOOKS_H
#define _SECURITY_WARDEN_HOOKS_H

#include <linux/init.h>
#include <linux/path.h>

#include "acl.h"
#include "profile.h"
#include "setup.h"

struct warden_domain;

int warden_path_perm(const struct warden_domain *domain, enum warden_op op,
		     enum warden_path_op path_op, const struct path *path);
void __init warden_add_file_hooks(void);
void __init warden_add_exec_hooks(void);
void __init warden_add_net_hooks(void);

#endif /* _SECURITY_WARDEN_HOOKS_H */
