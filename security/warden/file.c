// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - the file hooks.
 *
 * Every file operation TOMOYO 2.6 mediates is turned into a request: the
 * operation, the pathnames it names and its numbers.  A hook resolves
 * first, once, where the request is decided in the caller's domain, and
 * builds pathnames only if the operation is mediated there.
 */

#include "common.h"

#include <linux/compat.h>
#include <linux/dcache.h>
#include <linux/fcntl.h>
#include <linux/fs_struct.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/lsm_hooks.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/slab.h>
#include <linux/uidgid.h>
#include <uapi/linux/mount.h>
#include <asm/syscall.h>
#include <asm/unistd.h>

#include "acl.h"
#include "check.h"
#include "cond.h"
#include "cred.h"
#include "file.h"
#include "realpath.h"
#include "setup.h"

/* The numbers of "file create|mkdir|...": their bit in the entry. */
enum warden_path_number_op {
	WARDEN_PN_CREATE,
	WARDEN_PN_MKDIR,
	WARDEN_PN_MKFIFO,
	WARDEN_PN_MKSOCK,
	WARDEN_PN_IOCTL,
	WARDEN_PN_CHMOD,
	WARDEN_PN_CHOWN,
	WARDEN_PN_CHGRP,
};

enum warden_path2_op {
	WARDEN_P2_LINK,
	WARDEN_P2_RENAME,
	WARDEN_P2_PIVOT_ROOT,
};

/* A request being put together by a hook, and the names it built. */
struct warden_hook_request {
	struct warden_request req;
	struct warden_cond_ctx ctx;
	struct warden_name name[WARDEN_ACL_MAX_WORDS];
	unsigned int nr_names;
};

/* Build the pathname of @path as the next word of the request. */
static int warden_hook_add_path(struct warden_hook_request *hr,
				const struct path *path, bool is_dir)
{
	struct warden_name *name = &hr->name[hr->nr_names];
	int err;

	err = warden_name_build(path, is_dir, name);
	if (err)
		return err;
	/* The files of "path1" and "path2" in the request's conditions. */
	if (hr->nr_names < ARRAY_SIZE(hr->ctx.path))
		hr->ctx.path[hr->nr_names] = path;
	hr->req.cond = &hr->ctx;
	hr->req.word[hr->nr_names++] = name->name;
	return 0;
}

/* Add a word that is not a pathname, escaped as policy writes it. */
static int warden_hook_add_word(struct warden_hook_request *hr,
				const char *word)
{
	struct warden_name *name = &hr->name[hr->nr_names];
	size_t len = strlen(word);

	name->buf = NULL;
	name->encoded = kmalloc(warden_encoded_len(word, len) + 1, GFP_NOFS);
	if (!name->encoded)
		return -ENOMEM;
	warden_encode(name->encoded, word, len);
	name->name = name->encoded;
	hr->req.word[hr->nr_names++] = name->name;
	return 0;
}

/* Decide the request where @rctx says. */
static int warden_hook_check(struct warden_hook_request *hr,
			     struct warden_request_ctx *rctx)
{
	struct warden_verdict verdict;
	int err;

	err = warden_check(rctx, &hr->req, &verdict);
	warden_verdict_release(&verdict);
	return err;
}

/* Release the names a request built. */
static void warden_hook_release(struct warden_hook_request *hr)
{
	unsigned int i;

	for (i = 0; i < hr->nr_names; i++)
		warden_name_put(&hr->name[i]);
}

/* Decide the request unless building it failed, then release it. */
static int warden_hook_decide(struct warden_hook_request *hr,
			      struct warden_request_ctx *rctx, int err)
{
	if (!err)
		err = warden_hook_check(hr, rctx);
	warden_hook_release(hr);
	return err;
}

/**
 * warden_path_perm - check an operation on one pathname
 * @domain: the domain to check in.
 * @op: the profile operation.
 * @path_op: the &enum warden_path_op.
 * @path: the file.
 *
 * Return: 0 to allow, -EPERM to reject, or the error of building the name.
 */
int warden_path_perm(const struct warden_domain *domain, enum warden_op op,
		     enum warden_path_op path_op, const struct path *path)
{
	struct warden_hook_request hr = {
		.req = { .kind = WARDEN_ACL_PATH, .op = path_op },
	};
	struct warden_request_ctx rctx;

	if (!warden_request_begin(&rctx, domain, op))
		return 0;
	return warden_hook_decide(&hr, &rctx,
				  warden_hook_add_path(&hr, path, false));
}

static int warden_current_path_perm(enum warden_op op,
				    enum warden_path_op path_op,
				    const struct path *path)
{
	return warden_path_perm(warden_current_domain(), op, path_op, path);
}

/* An operation on one pathname and one number. */
static int warden_path_number_perm(enum warden_op op,
				   enum warden_path_number_op pn_op,
				   const struct path *path, bool is_dir,
				   unsigned long number)
{
	struct warden_hook_request hr = {
		.req = {
			.kind = WARDEN_ACL_PATH_NUMBER,
			.op = pn_op,
			.number = { number },
		},
	};
	struct warden_request_ctx rctx;

	if (!warden_request_begin(&rctx, warden_current_domain(), op))
		return 0;
	return warden_hook_decide(&hr, &rctx,
				  warden_hook_add_path(&hr, path, is_dir));
}

/* An operation on two pathnames, decided where @rctx says. */
static int warden_path2_decide(struct warden_request_ctx *rctx,
			       enum warden_path2_op p2_op,
			       const struct path *path1,
			       const struct path *path2)
{
	struct warden_hook_request hr = {
		.req = { .kind = WARDEN_ACL_PATH2, .op = p2_op },
	};
	int err;

	err = warden_hook_add_path(&hr, path1, false);
	if (!err)
		err = warden_hook_add_path(&hr, path2, d_is_dir(path1->dentry));
	return warden_hook_decide(&hr, rctx, err);
}

/* An operation on two pathnames. */
static int warden_path2_perm(enum warden_op op, enum warden_path2_op p2_op,
			     const struct path *path1,
			     const struct path *path2)
{
	struct warden_request_ctx rctx;

	if (!warden_request_begin(&rctx, warden_current_domain(), op))
		return 0;
	return warden_path2_decide(&rctx, p2_op, path1, path2);
}

static int warden_file_open(struct file *file)
{
	struct warden_hook_request hr = {
		.req = { .kind = WARDEN_ACL_PATH },
	};
	struct warden_request_ctx rctx;
	int err;

	/*
	 * The exec hooks check the program itself; an exec opens it with
	 * __FMODE_EXEC in f_flags (f_mode gets FMODE_EXEC only later).
	 */
	if (file->f_flags & __FMODE_EXEC)
		return 0;
	if (!(file->f_mode & (FMODE_READ | FMODE_WRITE)) ||
	    !warden_request_begin(&rctx, warden_current_domain(),
				  WARDEN_OP_FILE_OPEN))
		return 0;
	/* One pathname and one context serve both checks of an O_RDWR open. */
	err = warden_hook_add_path(&hr, &file->f_path, false);
	if (!err && (file->f_mode & FMODE_READ)) {
		hr.req.op = WARDEN_PATH_READ;
		err = warden_hook_check(&hr, &rctx);
	}
	if (!err && (file->f_mode & FMODE_WRITE)) {
		hr.req.op = (file->f_flags & O_APPEND) ? WARDEN_PATH_APPEND :
							 WARDEN_PATH_WRITE;
		err = warden_hook_check(&hr, &rctx);
	}
	warden_hook_release(&hr);
	return err;
}

/* Clearing O_APPEND turns an append-only file into a writable one. */
static int warden_file_fcntl(struct file *file, unsigned int cmd,
			     unsigned long arg)
{
	if (cmd != F_SETFL || !((arg ^ file->f_flags) & O_APPEND) ||
	    (arg & O_APPEND))
		return 0;
	return warden_current_path_perm(WARDEN_OP_FILE_OPEN,
					WARDEN_PATH_WRITE, &file->f_path);
}

static int warden_file_truncate(struct file *file)
{
	return warden_current_path_perm(WARDEN_OP_FILE_TRUNCATE,
					WARDEN_PATH_TRUNCATE, &file->f_path);
}

static int warden_path_truncate(const struct path *path)
{
	return warden_current_path_perm(WARDEN_OP_FILE_TRUNCATE,
					WARDEN_PATH_TRUNCATE, path);
}

static int warden_inode_getattr(const struct path *path)
{
	return warden_current_path_perm(WARDEN_OP_FILE_GETATTR,
					WARDEN_PATH_GETATTR, path);
}

static int warden_path_unlink(const struct path *dir, struct dentry *dentry)
{
	struct path path = { .mnt = dir->mnt, .dentry = dentry };

	return warden_current_path_perm(WARDEN_OP_FILE_UNLINK,
					WARDEN_PATH_UNLINK, &path);
}

static int warden_path_rmdir(const struct path *dir, struct dentry *dentry)
{
	struct path path = { .mnt = dir->mnt, .dentry = dentry };

	return warden_current_path_perm(WARDEN_OP_FILE_RMDIR,
					WARDEN_PATH_RMDIR, &path);
}

static int warden_path_symlink(const struct path *dir, struct dentry *dentry,
			       const char *old_name)
{
	struct path path = { .mnt = dir->mnt, .dentry = dentry };
	struct warden_hook_request hr = {
		.req = { .kind = WARDEN_ACL_PATH, .op = WARDEN_PATH_SYMLINK },
	};
	struct warden_request_ctx rctx;
	size_t len = strlen(old_name);
	char *target;
	int err;

	if (!warden_request_begin(&rctx, warden_current_domain(),
				  WARDEN_OP_FILE_SYMLINK))
		return 0;
	/* symlink.target in conditions is the encoded link contents. */
	target = kmalloc(warden_encoded_len(old_name, len) + 1, GFP_NOFS);
	if (!target)
		return -ENOMEM;
	warden_encode(target, old_name, len);
	hr.ctx.symlink_target = target;
	err = warden_hook_decide(&hr, &rctx,
				 warden_hook_add_path(&hr, &path, false));
	kfree(target);
	return err;
}

static int warden_path_chroot(const struct path *path)
{
	return warden_current_path_perm(WARDEN_OP_FILE_CHROOT,
					WARDEN_PATH_CHROOT, path);
}

static int warden_path_mkdir(const struct path *dir, struct dentry *dentry,
			     umode_t mode)
{
	struct path path = { .mnt = dir->mnt, .dentry = dentry };

	return warden_path_number_perm(WARDEN_OP_FILE_MKDIR, WARDEN_PN_MKDIR,
				       &path, true, mode & S_IALLUGO);
}

static int warden_path_mknod(const struct path *dir, struct dentry *dentry,
			     umode_t mode, unsigned int dev)
{
	struct path path = { .mnt = dir->mnt, .dentry = dentry };
	struct warden_hook_request hr = {
		.req = { .kind = WARDEN_ACL_MKDEV },
	};
	unsigned long perm = mode & S_IALLUGO;
	struct warden_request_ctx rctx;
	enum warden_op op;

	switch (mode & S_IFMT) {
	case S_IFCHR:
		op = WARDEN_OP_FILE_MKCHAR;
		hr.req.op = 1;
		break;
	case S_IFBLK:
		op = WARDEN_OP_FILE_MKBLOCK;
		hr.req.op = 0;
		break;
	case S_IFIFO:
		return warden_path_number_perm(WARDEN_OP_FILE_MKFIFO,
					       WARDEN_PN_MKFIFO, &path, false,
					       perm);
	case S_IFSOCK:
		return warden_path_number_perm(WARDEN_OP_FILE_MKSOCK,
					       WARDEN_PN_MKSOCK, &path, false,
					       perm);
	default:
		return warden_path_number_perm(WARDEN_OP_FILE_CREATE,
					       WARDEN_PN_CREATE, &path, false,
					       perm);
	}
	if (!warden_request_begin(&rctx, warden_current_domain(), op))
		return 0;
	hr.req.number[0] = perm;
	hr.req.number[1] = MAJOR(new_decode_dev(dev));
	hr.req.number[2] = MINOR(new_decode_dev(dev));
	return warden_hook_decide(&hr, &rctx,
				  warden_hook_add_path(&hr, &path, false));
}

static int warden_path_chmod(const struct path *path, umode_t mode)
{
	return warden_path_number_perm(WARDEN_OP_FILE_CHMOD, WARDEN_PN_CHMOD,
				       path, false, mode & S_IALLUGO);
}

static int warden_path_chown(const struct path *path, kuid_t uid, kgid_t gid)
{
	int err = 0;

	if (uid_valid(uid))
		err = warden_path_number_perm(WARDEN_OP_FILE_CHOWN,
					      WARDEN_PN_CHOWN, path, false,
					      from_kuid(&init_user_ns, uid));
	if (!err && gid_valid(gid))
		err = warden_path_number_perm(WARDEN_OP_FILE_CHGRP,
					      WARDEN_PN_CHGRP, path, false,
					      from_kgid(&init_user_ns, gid));
	return err;
}

static int warden_file_ioctl(struct file *file, unsigned int cmd,
			     unsigned long arg)
{
	return warden_path_number_perm(WARDEN_OP_FILE_IOCTL, WARDEN_PN_IOCTL,
				       &file->f_path, false, cmd);
}

static int warden_path_link(struct dentry *old_dentry,
			    const struct path *new_dir,
			    struct dentry *new_dentry)
{
	struct path old = { .mnt = new_dir->mnt, .dentry = old_dentry };
	struct path new = { .mnt = new_dir->mnt, .dentry = new_dentry };

	return warden_path2_perm(WARDEN_OP_FILE_LINK, WARDEN_P2_LINK, &old,
				 &new);
}

static int warden_path_rename(const struct path *old_dir,
			      struct dentry *old_dentry,
			      const struct path *new_dir,
			      struct dentry *new_dentry, unsigned int flags)
{
	struct path old = { .mnt = old_dir->mnt, .dentry = old_dentry };
	struct path new = { .mnt = new_dir->mnt, .dentry = new_dentry };
	struct warden_request_ctx rctx;
	int err;

	if (!warden_request_begin(&rctx, warden_current_domain(),
				  WARDEN_OP_FILE_RENAME))
		return 0;
	err = warden_path2_decide(&rctx, WARDEN_P2_RENAME, &old, &new);
	/* An exchange moves each file to the other's name. */
	if (!err && (flags & RENAME_EXCHANGE))
		err = warden_path2_decide(&rctx, WARDEN_P2_RENAME, &new, &old);
	return err;
}

static int warden_sb_pivotroot(const struct path *old_path,
			       const struct path *new_path)
{
	/* "file pivot_root <new_root> <put_old>", as TOMOYO orders them. */
	return warden_path2_perm(WARDEN_OP_FILE_PIVOT_ROOT,
				 WARDEN_P2_PIVOT_ROOT, new_path, old_path);
}

static int warden_sb_umount(struct vfsmount *mnt, int flags)
{
	struct path path = { .mnt = mnt, .dentry = mnt->mnt_root };

	return warden_current_path_perm(WARDEN_OP_FILE_UNMOUNT,
					WARDEN_PATH_UNMOUNT, &path);
}

/*
 * The filesystem type word of a mount request: TOMOYO's "--bind",
 * "--remount", ... for requests that mount no new filesystem.  Clears
 * the flag that the word stands for.
 */
static const char *warden_mount_type(const char *type, unsigned long *flags)
{
	static const struct {
		unsigned long flag;
		const char *word;
	} special[] = {
		{ MS_REMOUNT, "--remount" },
		{ MS_BIND, "--bind" },
		{ MS_SHARED, "--make-shared" },
		{ MS_PRIVATE, "--make-private" },
		{ MS_SLAVE, "--make-slave" },
		{ MS_UNBINDABLE, "--make-unbindable" },
		{ MS_MOVE, "--move" },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(special); i++) {
		if (*flags & special[i].flag) {
			*flags &= ~special[i].flag;
			return special[i].word;
		}
	}
	return type ?: "<NULL>";
}

/* The device word: a pathname where the request names a file. */
static int warden_mount_add_device(struct warden_hook_request *hr,
				   const char *dev_name, const char *type,
				   bool dev_is_path)
{
	struct file_system_type *fstype;
	struct path path;
	int err;

	if (!dev_is_path && type && *type != '-') {
		fstype = get_fs_type(type);
		if (fstype) {
			dev_is_path = fstype->fs_flags & FS_REQUIRES_DEV;
			put_filesystem(fstype);
		}
	}
	if (dev_is_path && dev_name &&
	    !kern_path(dev_name, LOOKUP_FOLLOW, &path)) {
		err = warden_hook_add_path(hr, &path, false);
		/* The device's path does not outlive this function. */
		hr->ctx.path[0] = NULL;
		path_put(&path);
		return err;
	}
	return warden_hook_add_word(hr, dev_name ?: "<NULL>");
}

static int warden_sb_mount(const char *dev_name, const struct path *path,
			   const char *type, unsigned long flags, void *data)
{
	struct warden_hook_request hr = {
		.req = { .kind = WARDEN_ACL_MOUNT, .op = 0 },
	};
	struct warden_request_ctx rctx;
	const char *word;
	int err;

	if (!warden_request_begin(&rctx, warden_current_domain(),
				  WARDEN_OP_FILE_MOUNT))
		return 0;
	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	word = warden_mount_type(type, &flags);
	err = warden_mount_add_device(&hr, dev_name, type,
				      !strcmp(word, "--bind") ||
				      !strcmp(word, "--move"));
	if (!err)
		err = warden_hook_add_path(&hr, path, true);
	if (!err)
		err = warden_hook_add_word(&hr, word);
	hr.req.number[0] = flags;
	return warden_hook_decide(&hr, &rctx, err);
}

/*
 * The syscall the caller is in, for the two hooks that more than one
 * syscall reaches and that cannot tell from their arguments which one it
 * was.  A kernel thread is in none.
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
 * puts it), else the superblock's id, e.g. "tmpfs".
 */
static int warden_mount_add_source(struct warden_hook_request *hr,
				   const struct super_block *sb)
{
	char word[sizeof("/dev/") + sizeof(sb->s_id)];

	if ((sb->s_type->fs_flags & FS_REQUIRES_DEV) && sb->s_bdev)
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
	const struct dentry *dentry;
	struct vfsmount *found;
};

static int warden_mount_find(struct vfsmount *mnt, void *arg)
{
	struct warden_mount_search *search = arg;

	if (mnt->mnt_sb != search->dentry->d_sb ||
	    !is_subdir((struct dentry *)search->dentry, mnt->mnt_root))
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
		err = warden_name_build_within(&seen, &tree_root, true, name);
	} else {
		err = warden_name_build(path, true, name);
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
	struct warden_request_ctx rctx;
	bool new_fs = false, submounts;
	int err;

	if (!warden_request_begin(&rctx, warden_current_domain(),
				  WARDEN_OP_FILE_MOUNT))
		return 0;
	if (our_mnt(mnt)) {
		err = warden_hook_add_path(&hr, from_path, false);
		if (!err)
			err = warden_hook_add_path(&hr, to_path, true);
		if (!err)
			err = warden_hook_add_word(&hr, "--move");
		return warden_hook_decide(&hr, &rctx, err);
	}
	submounts = path_has_submounts(from_path);
	if (mnt->mnt_root == sb->s_root && !submounts)
		new_fs = READ_ONCE(warden_sb(sb)->new_api_mount);
	if (new_fs) {
		err = warden_mount_add_source(&hr, sb);
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
	/* Once attached, a copy of its tree is a copy, not a new mount. */
	if (new_fs && !err)
		WRITE_ONCE(warden_sb(sb)->new_api_mount, false);
	return err;
}

/*
 * Only mount(2) with MS_REMOUNT, umount(2) of the caller's root (which
 * remounts it read-only) and fsconfig(FSCONFIG_CMD_RECONFIGURE) after
 * fspick(2) reconfigure a filesystem for a process.  The first two were
 * decided by sb_mount and sb_umount; a compat mount(2) is decided again
 * here, which can refuse but never skip.
 */
static bool warden_remount_decided(void)
{
	long nr;

	if (current->flags & PF_KTHREAD)
		return true;
	if (in_compat_syscall())
		return false;
	nr = syscall_get_nr(current, task_pt_regs(current));
#ifdef __NR_umount
	if (nr == __NR_umount)
		return true;
#endif
	return nr == __NR_mount || nr == __NR_umount2;
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
	err = warden_mount_add_source(&hr, sb);
	if (!err)
		err = warden_mount_add_in_tree(&hr, &root);
	if (!err)
		err = warden_hook_add_word(&hr, "--remount");
	return warden_hook_decide(&hr, &rctx, err);
}

static struct security_hook_list warden_file_hooks[] __ro_after_init = {
	LSM_HOOK_INIT(file_open, warden_file_open),
	LSM_HOOK_INIT(file_fcntl, warden_file_fcntl),
	LSM_HOOK_INIT(file_truncate, warden_file_truncate),
	LSM_HOOK_INIT(file_ioctl, warden_file_ioctl),
	LSM_HOOK_INIT(file_ioctl_compat, warden_file_ioctl),
	LSM_HOOK_INIT(path_truncate, warden_path_truncate),
	LSM_HOOK_INIT(inode_getattr, warden_inode_getattr),
	LSM_HOOK_INIT(path_unlink, warden_path_unlink),
	LSM_HOOK_INIT(path_rmdir, warden_path_rmdir),
	LSM_HOOK_INIT(path_symlink, warden_path_symlink),
	LSM_HOOK_INIT(path_chroot, warden_path_chroot),
	LSM_HOOK_INIT(path_mkdir, warden_path_mkdir),
	LSM_HOOK_INIT(path_mknod, warden_path_mknod),
	LSM_HOOK_INIT(path_chmod, warden_path_chmod),
	LSM_HOOK_INIT(path_chown, warden_path_chown),
	LSM_HOOK_INIT(path_link, warden_path_link),
	LSM_HOOK_INIT(path_rename, warden_path_rename),
	LSM_HOOK_INIT(sb_pivotroot, warden_sb_pivotroot),
	LSM_HOOK_INIT(sb_umount, warden_sb_umount),
	LSM_HOOK_INIT(sb_mount, warden_sb_mount),
	LSM_HOOK_INIT(sb_kern_mount, warden_sb_kern_mount),
	LSM_HOOK_INIT(sb_remount, warden_sb_remount),
	LSM_HOOK_INIT(move_mount, warden_move_mount),
};

/**
 * warden_add_file_hooks - register the file hooks
 */
void __init warden_add_file_hooks(void)
{
	security_add_hooks(warden_file_hooks, ARRAY_SIZE(warden_file_hooks),
			   &warden_lsmid);
}
