// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - building the pathname of a file for a check.
 *
 * The name is built in a page of the VFS names cache and escaped only when
 * it holds bytes that need it, so a check of an ordinary pathname
 * allocates nothing beyond that cached page.
 */

#include "common.h"

#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/magic.h>
#include <linux/mount.h>
#include <linux/pid_namespace.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "realpath.h"

/**
 * warden_encoded_len - the length of a byte string once escaped
 * @raw: the bytes.
 * @len: their number.
 *
 * A backslash becomes "\\"; a space, a control byte or a byte above 0x7e
 * becomes a backslash and three octal digits.
 *
 * Return: the length of the escaped string, without its NUL.
 */
size_t warden_encoded_len(const char *raw, size_t len)
{
	size_t i, out = len;

	for (i = 0; i < len; i++) {
		unsigned char c = raw[i];

		if (c == '\\')
			out += 1;
		else if (c <= ' ' || c >= 0x7f)
			out += 3;
	}
	return out;
}

/**
 * warden_encode - escape a byte string
 * @out: receives the escaped string and a NUL; it holds at least
 *       warden_encoded_len(@raw, @len) + 1 bytes.
 * @raw: the bytes.
 * @len: their number.
 */
void warden_encode(char *out, const char *raw, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = raw[i];

		if (c == '\\') {
			*out++ = '\\';
			*out++ = '\\';
		} else if (c <= ' ' || c >= 0x7f) {
			*out++ = '\\';
			*out++ = '0' + (c >> 6);
			*out++ = '0' + ((c >> 3) & 7);
			*out++ = '0' + (c & 7);
		} else {
			*out++ = c;
		}
	}
	*out = '\0';
}

/*
 * In procfs, "/<pid>/..." of the caller's own process is named
 * "/self/...", so that one policy line covers every instance of a program.
 */
static char *warden_proc_self(struct super_block *sb, char *buf, char *pos)
{
	unsigned long pid = 0;
	char *end = pos + 1;

	while (*end >= '0' && *end <= '9' && pid < INT_MAX)
		pid = pid * 10 + (*end++ - '0');
	if (end == pos + 1 || *end != '/' || pid >= INT_MAX ||
	    pid != task_tgid_nr_ns(current, proc_pid_ns(sb)))
		return pos;
	if (end - strlen("/self") < buf)
		return pos;
	pos = end - strlen("/self");
	memcpy(pos, "/self", strlen("/self"));
	return pos;
}

/*
 * The name of a file within its filesystem, "<fstype>:<path>" or
 * "dev(<major>,<minor>):<path>", for filesystems that have no place in the
 * mount tree a pathname could name.
 */
static char *warden_local_path(struct dentry *dentry, char *buf, int buflen)
{
	struct super_block *sb = dentry->d_sb;
	char prefix[32];
	const char *fsname = prefix;
	size_t len;
	char *pos;

	pos = dentry_path_raw(dentry, buf, buflen);
	if (IS_ERR(pos))
		return pos;
	if (sb->s_magic == PROC_SUPER_MAGIC && *pos == '/')
		pos = warden_proc_self(sb, buf, pos);
	if (sb->s_type->fs_flags & FS_REQUIRES_DEV)
		snprintf(prefix, sizeof(prefix), "dev(%u,%u)", MAJOR(sb->s_dev),
			 MINOR(sb->s_dev));
	else
		fsname = sb->s_type->name;
	len = strlen(fsname);
	if (pos - buf < len + 1)
		return ERR_PTR(-ENAMETOOLONG);
	pos -= len + 1;
	memcpy(pos, fsname, len);
	pos[len] = ':';
	return pos;
}

/*
 * Filesystems that can be renamed within, or that sit on a device, are
 * named by their place in the mount tree; the others (procfs, sysfs,
 * securityfs, ...) by their own name and the path inside them.
 */
static bool warden_named_by_mount(const struct path *path)
{
	struct super_block *sb = path->dentry->d_sb;

	return path->mnt && (d_backing_inode(sb->s_root)->i_op->rename ||
			     (sb->s_type->fs_flags & FS_REQUIRES_DEV));
}

/*
 * Finish a name built at @pos in @out->buf: a directory ends in '/', and
 * the escapes are added where the pathname needs them.  Releases @out on
 * an error, @pos's included.
 */
static int warden_name_finish(struct warden_name *out, char *pos, bool is_dir)
{
	size_t len, encoded;

	if (IS_ERR(pos)) {
		__putname(out->buf);
		out->buf = NULL;
		return PTR_ERR(pos);
	}
	len = strlen(pos);
	if (is_dir && (!len || pos[len - 1] != '/')) {
		pos[len++] = '/';
		pos[len] = '\0';
	}
	encoded = warden_encoded_len(pos, len);
	if (encoded == len) {
		out->name = pos;
		return 0;
	}
	out->encoded = kmalloc(encoded + 1, GFP_NOFS);
	if (!out->encoded) {
		warden_name_put(out);
		return -ENOMEM;
	}
	warden_encode(out->encoded, pos, len);
	out->name = out->encoded;
	return 0;
}

/**
 * warden_name_build - the pathname of a file, as policy names it
 * @path: the file; its dentry may be negative (a name being created).
 * @is_dir: name a directory, ending in '/', even if the dentry is negative.
 * @out: receives the name; release it with warden_name_put().
 *
 * Pseudo files (pipes, sockets, anonymous inodes) are named by their
 * filesystem ("pipe:[1234]").  Files that the root of the mount namespace
 * cannot reach, e.g. on a lazily unmounted tree, are named within their
 * filesystem instead of failing the caller's request.
 *
 * Return: 0, -ENOMEM, or -ENAMETOOLONG.
 */
int warden_name_build(const struct path *path, bool is_dir,
		      struct warden_name *out)
{
	struct dentry *dentry = path->dentry;
	/* One byte is kept back for the '/' of a directory. */
	const int buflen = PATH_MAX - 1;
	char *buf, *pos;

	out->encoded = NULL;
	out->buf = __getname();
	if (!out->buf)
		return -ENOMEM;
	buf = out->buf;
	if (dentry->d_op && dentry->d_op->d_dname) {
		pos = dentry->d_op->d_dname(dentry, buf, buflen);
	} else if (!warden_named_by_mount(path)) {
		pos = warden_local_path(dentry, buf, buflen);
	} else {
		pos = d_absolute_path(path, buf, buflen);
		if (pos == ERR_PTR(-EINVAL))
			pos = warden_local_path(dentry, buf, buflen);
	}
	return warden_name_finish(out, pos, is_dir || d_is_dir(dentry));
}

/**
 * warden_name_build_within - the pathname of a file seen from a given root
 * @path: the file.
 * @root: the directory the pathname starts from; it should reach @path.
 * @is_dir: name a directory, ending in '/'.
 * @out: receives the name; release it with warden_name_put().
 *
 * The mount hooks name a file of a detached copy of a tree as the
 * caller's own tree shows it, from a copy of that tree.
 *
 * Return: 0, -ENOMEM, -ENAMETOOLONG, or -ENOENT when @root does not reach
 * @path.
 */
int warden_name_build_within(const struct path *path, const struct path *root,
			     bool is_dir, struct warden_name *out)
{
	char *pos;

	out->encoded = NULL;
	out->buf = __getname();
	if (!out->buf)
		return -ENOMEM;
	pos = __d_path(path, root, out->buf, PATH_MAX - 1);
	if (!pos)
		pos = ERR_PTR(-ENOENT);
	return warden_name_finish(out, pos, is_dir || d_is_dir(path->dentry));
}

/**
 * warden_name_put - release what warden_name_build() built
 * @name: the name; may have been released already.
 */
void warden_name_put(struct warden_name *name)
{
	kfree(name->encoded);
	name->encoded = NULL;
	if (name->buf)
		__putname(name->buf);
	name->buf = NULL;
	name->name = NULL;
}
