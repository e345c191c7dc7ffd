/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - the file hooks, and the check of one pathname that the
 * exec hooks share with them.
 */

#ifndef _SECURITY_WARDEN_FILE_H
#define _SECURITY_WARDEN_FILE_H

#include <linux/init.h>
#include <linux/path.h>

#include "acl.h"
#include "profile.h"

struct warden_domain;

int warden_path_perm(const struct warden_domain *domain, enum warden_op op,
		     enum warden_path_op path_op, const struct path *path);
void __init warden_add_file_hooks(void);

#endif /* _SECURITY_WARDEN_FILE_H */
