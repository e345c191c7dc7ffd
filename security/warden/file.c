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

#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/lsm_hooks.h>
#include <linux/mount.h>
#include <linux/slab.h>
#include <linux/uidgid.h>

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

/**
 * warden_hook_add_path - add a pathname to a request
 * @hr: the request.
 * @path: the file; its pathname becomes the request's next word, and the
 *        file its "path1" or "path2" in conditions.
 * @is_dir: name a directory, ending in '/', even if the dentry is negative.
 *
 * Return: 0, or the error of building the name.
 */
int warden_hook_add_path(struct warden_hook_request *hr,
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

/**
 * warden_hook_add_word - add a word that is not a pathname to a request
 * @hr: the request.
 * @word: the word, escaped here as policy writes it.
 *
 * Return: 0 or -ENOMEM.
 */
int warden_hook_add_word(struct warden_hook_request *hr, const char *word)
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

/**
 * warden_hook_decide - decide a request, then release it
 * @hr: the request.
 * @rctx: where it is decided.
 * @err: the error of building it; it is not decided when this is set.
 *
 * Return: 0 to allow, -EPERM to reject, or @err.
 */
int warden_hook_decide(struct warden_hook_request *hr,
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

/*
 * Setting O_APPEND needs what an open with it needs, "file append", and
 * clearing it what an open without it needs, "file write": as in TOMOYO,
 * whatever mode the file was opened in.
 */
static int warden_file_fcntl(struct file *file, unsigned int cmd,
			     unsigned long arg)
{
	if (cmd != F_SETFL || !((arg ^ file->f_flags) & O_APPEND))
		return 0;
	return warden_current_path_perm(WARDEN_OP_FILE_OPEN,
					(arg & O_APPEND) ? WARDEN_PATH_APPEND :
							   WARDEN_PATH_WRITE,
					&file->f_path);
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
};

/**
 * warden_add_file_hooks - register the file hooks
 */
void __init warden_add_file_hooks(void)
{
	security_add_hooks(warden_file_hooks, ARRAY_SIZE(warden_file_hooks),
			   &warden_lsmid);
}
