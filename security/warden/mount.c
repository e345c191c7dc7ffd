// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - the mount hooks.
 *
 * mount(2) and the new mount API (fsmount(2), open_tree(2), move_mount(2),
 * fspick(2)) are decided by the same "file mount <device> <dir> <fstype>
 * <flags>" entry, with TOMOYO's "--bind", "--move", "--remount", ... words:
 * each hook names its request as the equivalent mount(2) would be named,
 * and decides it once.
 */

#include "common.h"

#include <linux/compat.h>
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/lsm_hooks.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <uapi/linux/mount.h>
#include <asm/syscall.h>
#include <asm/unistd.h>

#include "acl.h"
#include "check.h"
#include "cred.h"
#include "file.h"
#include "mount.h"
#include "realpath.h"
#include "setup.h"

/* The flags of mount(2) that change a mount's propagation type. */
#define WARDEN_MS_PROPAGATION (MS_SHARED | MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE)

/**
 * warden_mount_special - the word of a mount(2) that mounts no new filesystem
 * @flags: the request's flags, MS_MGC_VAL removed; the flag the word
 *         stands for is cleared.
 * @word: receives TOMOYO's "--remount", "--bind", ..., or %NULL for the
 *        mount of a new filesystem, which its type names.
 * @device_is_file: receives whether the device word names a file, so that
 *                  entries compare it: the tree "--bind" and "--move" take.
 *                  What a new filesystem's is depends on its type.
 *
 * mount(2) does the first of these that its flags ask for, in this order.
 * A propagation change that asks for two types at once cannot succeed: as
 * TOMOYO does, it is refused before the policy is consulted, so that it is
 * neither logged nor learned.
 *
 * Return: 0, or -EINVAL for conflicting propagation flags.
 */
int warden_mount_special(unsigned long *flags, const char **word,
			 bool *device_is_file)
{
	static const struct {
		unsigned long flag;
		const char *word;
		bool device_is_file;
	} special[] = {
		{ MS_REMOUNT, "--remount", false },
		{ MS_BIND, "--bind", true },
		{ MS_SHARED, "--make-shared", false },
		{ MS_PRIVATE, "--make-private", false },
		{ MS_SLAVE, "--make-slave", false },
		{ MS_UNBINDABLE, "--make-unbindable", false },
		{ MS_MOVE, "--move", true },
	};
	unsigned long flag;
	unsigned int i;

	*word = NULL;
	*device_is_file = false;
	for (i = 0; i < ARRAY_SIZE(special); i++) {
		flag = special[i].flag;
		if (!(*flags & flag))
			continue;
		if ((flag & WARDEN_MS_PROPAGATION) &&
		    (*flags & WARDEN_MS_PROPAGATION & ~flag))
			return -EINVAL;
		*flags &= ~flag;
		*word = special[i].word;
		*device_is_file = special[i].device_is_file;
		break;
	}
	return 0;
}

/*
 * Whether the device word of a new filesystem of type @type names a file:
 * where the filesystem needs a block device.  An unknown type cannot be
 * mounted and is refused before the policy is consulted, as TOMOYO does.
 */
static int warden_mount_fstype_device(const char *type, bool *device_is_file)
{
	struct file_system_type *fstype = type ? get_fs_type(type) : NULL;

	if (!fstype)
		return -ENODEV;
	*device_is_file = fstype->fs_flags & FS_REQUIRES_DEV;
	put_filesystem(fstype);
	return 0;
}

/*
 * The device word of mount(2).  Where it names a file, the file's
 * pathname, which entries compare; a name that leads to no file cannot be
 * mounted and is refused before the policy is consulted, as TOMOYO does.
 * Elsewhere it is whatever the filesystem makes of it: the word as given,
 * logged and learned but compared with no entry's, as in TOMOYO.
 */
static int warden_mount_add_device(struct warden_hook_request *hr,
				   const char *dev_name, bool device_is_file)
{
	struct path path;
	int err;

	if (!device_is_file) {
		hr->req.uncompared |= BIT(hr->nr_names);
		return warden_hook_add_word(hr, dev_name ?: "<NULL>");
	}
	if (!dev_name)
		return -ENOENT;
	err = kern_path(dev_name, LOOKUP_FOLLOW, &path);
	if (err)
		return err;
	err = warden_hook_add_path(hr, &path, false);
	/* The device's path does not outlive this function. */
	hr->ctx.path[0] = NULL;
	path_put(&path);
	return err;
}

/*
 * mount(2): the request's own errors come first, then the policy decides
 * "file mount <device> <dir> <type|--word> <flags>".
 */
static int warden_sb_mount(const char *dev_name, const struct path *path,
			   const char *type, unsigned long flags, void *data)
{
	struct warden_hook_request hr = {
		.req = { .kind = WARDEN_ACL_MOUNT, .op = 0 },
	};
	struct warden_request_ctx rctx;
	bool device_is_file;
	const char *word;
	int err;

	if (!warden_request_begin(&rctx, warden_current_domain(),
				  WARDEN_OP_FILE_MOUNT))
		return 0;
	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	err = warden_mount_special(&flags, &word, &device_is_file);
	if (!err && !word) {
		err = warden_mount_fstype_device(type, &device_is_file);
		word = type;
	}
	if (err)
		return err;
	/* A request that could not be built is not decided. */
	err = warden_mount_add_device(&hr, dev_name, device_is_file);
	if (!err)
		err = warden_hook_add_path(&hr, path, true);
	if (!err)
		err = warden_hook_add_word(&hr, word);
	hr.req.number[0] = flags;
	return warden_hook_decide(&hr, &rctx, err);
}

/*
 * Whether the caller is in syscall @nr: sb_kern_mount and sb_remount are
 * reached from more than one syscall and cannot tell from their arguments
 * which.  A kernel thread is in none.
 */
static bool warden_in_syscall(long nr)
{
	if (current->flags & PF_KTHREAD)
		return false;
	return syscall_get_nr(current, task_pt_regs(current)) == nr;
}

/*
 * The device word of a filesystem the caller did not name: what the
 * filesystem reports, "/dev/<name>" for a block device (where devtmpfs
 * puts it), else the superblock's id, e.g. "tmpfs".  As for mount(2),
 * entries compare it only for a new filesystem on a block device, not for
 * "--remount".
 */
static int warden_mount_add_source(struct warden_hook_request *hr,
				   const struct super_block *sb, bool remount)
{
	char word[sizeof("/dev/") + sizeof(sb->s_id)];
	bool needs_dev = sb->s_type->fs_flags & FS_REQUIRES_DEV;

	/* TOMOYO's rule: compared where it names a block device, see above. */
	if (remount || !needs_dev)
		hr->req.uncompared |= BIT(hr->nr_names);
	if (needs_dev && sb->s_bdev)
		snprintf(word, sizeof(word), "/dev/%s", sb->s_id);
	else
		strscpy(word, sb->s_id, sizeof(word));
	return warden_hook_add_word(hr, word);
}

/* The filesystem type word: "fuse.sshfs" where a subtype is set. */
static int warden_mount_add_fstype(struct warden_hook_request *hr,
				   const struct super_block *sb)
{
	char *word;
	int err;

	if (!sb->s_subtype || !*sb->s_subtype)
		return warden_hook_add_word(hr, sb->s_type->name);
	word = kasprintf(GFP_NOFS, "%s.%s", sb->s_type->name, sb->s_subtype);
	if (!word)
		return -ENOMEM;
	err = warden_hook_add_word(hr, word);
	kfree(word);
	return err;
}

/* The mount(2) flags a detached mount of a new filesystem stands for. */
static unsigned long warden_mount_flags(const struct vfsmount *mnt)
{
	static const struct {
		int mnt_flag;
		unsigned long ms_flag;
	} map[] = {
		{ MNT_READONLY, MS_RDONLY },
		{ MNT_NOSUID, MS_NOSUID },
		{ MNT_NODEV, MS_NODEV },
		{ MNT_NOEXEC, MS_NOEXEC },
		{ MNT_NOATIME, MS_NOATIME },
		{ MNT_NODIRATIME, MS_NODIRATIME },
	};
	unsigned long sb_flags = mnt->mnt_sb->s_flags;
	unsigned long flags;
	unsigned int i;

	/* Options of the filesystem itself, as "-o ro,sync,..." sets them. */
	flags = sb_flags & (SB_RDONLY | SB_SYNCHRONOUS | SB_DIRSYNC |
			    SB_LAZYTIME);
	for (i = 0; i < ARRAY_SIZE(map); i++)
		if (mnt->mnt_flags & map[i].mnt_flag)
			flags |= map[i].ms_flag;
	/* relatime is what mount(2) gives when no atime flag is passed. */
	if (!(mnt->mnt_flags & (MNT_NOATIME | MNT_RELATIME)))
		flags |= MS_STRICTATIME;
	return flags;
}

/* What warden_mount_find() looks for in a copy of the caller's tree. */
struct warden_mount_search {
	struct dentry *dentry;
	struct vfsmount *found;
};

static int warden_mount_find(struct vfsmount *mnt, void *arg)
{
	struct warden_mount_search *search = arg;

	if (mnt->mnt_sb != search->dentry->d_sb ||
	    !is_subdir(search->dentry, mnt->mnt_root))
		return 0;
	search->found = mnt;
	return 1;
}

/*
 * Name @path as the caller's tree shows the file: a detached copy of a
 * tree (open_tree(2)) or a filesystem's root (fspick(2)) has no pathname
 * of its own.  The first mount of the caller's tree, from its root, that
 * shows the file names it; where none does, the file is named within its
 * filesystem ("tmpfs:/dir/").  @path's mount may be %NULL.
 */
static int warden_mount_add_in_tree(struct warden_hook_request *hr,
				    const struct path *path)
{
	struct warden_mount_search search = { .dentry = path->dentry };
	struct warden_name *name = &hr->name[hr->nr_names];
	struct path root, seen, tree_root;
	struct vfsmount *tree;
	int err;

	get_fs_root(current->fs, &root);
	tree = collect_mounts(&root);
	path_put(&root);
	if (IS_ERR(tree) && PTR_ERR(tree) != -EINVAL)
		return PTR_ERR(tree);
	if (!IS_ERR(tree))
		iterate_mounts(warden_mount_find, &search, tree);
	if (search.found) {
		seen.mnt = search.found;
		seen.dentry = path->dentry;
		tree_root.mnt = tree;
		tree_root.dentry = tree->mnt_root;
		err = warden_name_build_within(&seen, &tree_root, false, name);
	} else {
		err = warden_name_build(path, false, name);
	}
	if (!IS_ERR(tree))
		drop_collected_mounts(tree);
	if (err)
		return err;
	if (hr->nr_names < ARRAY_SIZE(hr->ctx.path))
		hr->ctx.path[hr->nr_names] = path->mnt ? path : NULL;
	hr->req.cond = &hr->ctx;
	hr->req.word[hr->nr_names++] = name->name;
	return 0;
}

/*
 * fsconfig(FSCONFIG_CMD_CREATE) made or found @sb for the new mount API:
 * the detached mount fsmount(2) makes of it is a new filesystem when
 * move_mount(2) attaches it.  mount(2) of a new filesystem comes here too,
 * already decided by sb_mount, and attaches it at once.
 */
static int warden_sb_kern_mount(const struct super_block *sb)
{
	if (warden_in_syscall(__NR_fsconfig))
		WRITE_ONCE(warden_sb(sb)->new_api_mount, true);
	return 0;
}

/*
 * move_mount(2) of an attached mount is "--move"; of a detached one it
 * attaches either a new filesystem that fsmount(2) made, decided as the
 * mount(2) of that filesystem would be, or a copy of a tree that
 * open_tree(OPEN_TREE_CLONE) made, decided as "--bind" of that tree
 * (with MS_REC when the copy holds mounts, as AT_RECURSIVE copies them).
 * fsmount(2) mounts a whole filesystem and nothing below it; a copy that
 * is not one is never taken for a new filesystem.
 */
static int warden_move_mount(const struct path *from_path,
			     const struct path *to_path)
{
	struct warden_hook_request hr = {
		.req = { .kind = WARDEN_ACL_MOUNT, .op = 0 },
	};
	struct vfsmount *mnt = from_path->mnt;
	struct super_block *sb = mnt->mnt_sb;
	bool whole_fs = mnt->mnt_root == sb->s_root;
	struct warden_request_ctx rctx;
	bool new_fs = false, submounts;
	int err = 0;

	if (our_mnt(mnt)) {
		if (!warden_request_begin(&rctx, warden_current_domain(),
					  WARDEN_OP_FILE_MOUNT))
			return 0;
		err = warden_hook_add_path(&hr, from_path, false);
		if (!err)
			err = warden_hook_add_path(&hr, to_path, true);
		if (!err)
			err = warden_hook_add_word(&hr, "--move");
		return warden_hook_decide(&hr, &rctx, err);
	}
	if (!warden_request_begin(&rctx, warden_current_domain(),
				  WARDEN_OP_FILE_MOUNT))
		goto out_attached;
	submounts = path_has_submounts(from_path);
	if (whole_fs && !submounts)
		new_fs = READ_ONCE(warden_sb(sb)->new_api_mount);
	if (new_fs) {
		err = warden_mount_add_source(&hr, sb, false);
		if (!err)
			err = warden_hook_add_path(&hr, to_path, true);
		if (!err)
			err = warden_mount_add_fstype(&hr, sb);
		hr.req.number[0] = warden_mount_flags(mnt);
	} else {
		err = warden_mount_add_in_tree(&hr, from_path);
		if (!err)
			err = warden_hook_add_path(&hr, to_path, true);
		if (!err)
			err = warden_hook_add_word(&hr, "--bind");
		hr.req.number[0] = submounts ? MS_REC : 0;
	}
	err = warden_hook_decide(&hr, &rctx, err);
out_attached:
	/*
	 * Once a whole filesystem is attached, in whatever domain, a copy
	 * of its tree is a copy, not the mount fsmount(2) made.
	 */
	if (whole_fs && !err)
		WRITE_ONCE(warden_sb(sb)->new_api_mount, false);
	return err;
}

/*
 * Only mount(2) with MS_REMOUNT, umount(2) of the caller's root (which
 * remounts it read-only) and fsconfig(FSCONFIG_CMD_RECONFIGURE) after
 * fspick(2) reconfigure a filesystem for a process.  The first two were
 * decided by sb_mount and sb_umount; a compat mount(2) is decided again
 * here, which can refuse but never skip.  A kernel thread's (emergency
 * remount) is no process's request.
 */
static bool warden_remount_decided(void)
{
	if (current->flags & PF_KTHREAD)
		return true;
	if (in_compat_syscall())
		return false;
#ifdef __NR_umount
	if (warden_in_syscall(__NR_umount))
		return true;
#endif
	return warden_in_syscall(__NR_mount) ||
	       warden_in_syscall(__NR_umount2);
}

/*
 * fspick(2) and fsconfig(FSCONFIG_CMD_RECONFIGURE): "--remount" of the
 * filesystem, named at its root where the caller's tree shows it.  The
 * hook is told neither the mount fspick(2) picked nor the flags that
 * change, so the flags word is 0.
 */
static int warden_sb_remount(struct super_block *sb, void *mnt_opts)
{
	struct warden_hook_request hr = {
		.req = { .kind = WARDEN_ACL_MOUNT, .op = 0 },
	};
	struct path root = { .dentry = sb->s_root };
	struct warden_request_ctx rctx;
	int err;

	if (warden_remount_decided() ||
	    !warden_request_begin(&rctx, warden_current_domain(),
				  WARDEN_OP_FILE_MOUNT))
		return 0;
	err = warden_mount_add_source(&hr, sb, true);
	if (!err)
		err = warden_mount_add_in_tree(&hr, &root);
	if (!err)
		err = warden_hook_add_word(&hr, "--remount");
	return warden_hook_decide(&hr, &rctx, err);
}

static struct security_hook_list warden_mount_hooks[] __ro_after_init = {
	LSM_HOOK_INIT(sb_mount, warden_sb_mount),
	LSM_HOOK_INIT(sb_kern_mount, warden_sb_kern_mount),
	LSM_HOOK_INIT(sb_remount, warden_sb_remount),
	LSM_HOOK_INIT(move_mount, warden_move_mount),
};

/**
 * warden_add_mount_hooks - register the mount hooks
 */
void __init warden_add_mount_hooks(void)
{
	security_add_hooks(warden_mount_hooks, ARRAY_SIZE(warden_mount_hooks),
			   &warden_lsmid);
}
