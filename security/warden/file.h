/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - the file hooks, and the check of one pathname that the
 * exec hooks share with them.
 */

#ifndef _SECURITY_WARDEN_FILE_H
#define _SECURITY_WARDEN_FILE_H

#include <linux/fs.h>
#include <linux/init.h>
#include <linux/path.h>

#include "acl.h"
#include "profile.h"
#include "setup.h"

struct warden_domain;

/**
 * struct warden_sb_security - Warden's part of a struct super_block
 * @new_api_mount: fsconfig(FSCONFIG_CMD_CREATE) made or found the
 *                 filesystem, and no attach of it by move_mount(2) has been
 *                 granted since: a detached mount of its whole tree is taken
 *                 for the one fsmount(2) made.  Read and written with
 *                 READ_ONCE() and WRITE_ONCE().
 */
struct warden_sb_security {
	bool new_api_mount;
};

static inline struct warden_sb_security *
warden_sb(const struct super_block *sb)
{
	return sb->s_security + warden_blob_sizes.lbs_superblock;
}

int warden_path_perm(const struct warden_domain *domain, enum warden_op op,
		     enum warden_path_op path_op, const struct path *path);
void __init warden_add_file_hooks(void);

#endif /* _SECURITY_WARDEN_FILE_H */
