/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - the mount hooks and the superblock blob they keep: every
 * way of mounting, mount(2) and the new mount API, is decided by the
 * "file mount" entry of the equivalent mount(2).
 */

#ifndef _SECURITY_WARDEN_MOUNT_H
#define _SECURITY_WARDEN_MOUNT_H

#include <linux/fs.h>
#include <linux/init.h>

#include "setup.h"

/**
 * struct warden_sb_security - Warden's part of a struct super_block
 * @new_api_mount: fsconfig(FSCONFIG_CMD_CREATE) made or found the
 *                 filesystem, and move_mount(2) has not attached a mount
 *                 of its whole tree since: a detached mount of its whole
 *                 tree is taken for the one fsmount(2) made.  Read and
 *                 written with READ_ONCE() and WRITE_ONCE().
 */
struct warden_sb_security {
	bool new_api_mount;
};

static inline struct warden_sb_security *
warden_sb(const struct super_block *sb)
{
	return sb->s_security + warden_blob_sizes.lbs_superblock;
}

int warden_mount_special(unsigned long *flags, const char **word,
			 bool *device_is_file);
void __init warden_add_mount_hooks(void);

#endif /* _SECURITY_WARDEN_MOUNT_H */
