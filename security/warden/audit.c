// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - audit records: their text, in TOMOYO's format, and the
 * audit file that hands them to a reader one record per read().
 */

#include "common.h"

#include <linux/binfmts.h>
#include <linux/cred.h>
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/list.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/seq_buf.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#include "audit.h"
#include "cond.h"
#include "domain.h"
#include "profile.h"
#include "realpath.h"
#include "stat.h"

/* The most bytes of escaped arguments and environment a record shows. */
#define WARDEN_AUDIT_ARGS_MAX 4096
/* Room for the header's fixed part and four file attribute groups. */
#define WARDEN_AUDIT_HEADER_MAX 1536

/* The type= of a file in a record, as TOMOYO names it. */
static const char *warden_audit_type(umode_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFREG:
		return "file";
	case S_IFDIR:
		return "directory";
	case S_IFLNK:
		return "symlink";
	case S_IFIFO:
		return "fifo";
	case S_IFSOCK:
		return "socket";
	case S_IFBLK:
		return "block";
	case S_IFCHR:
		return "char";
	}
	return "unknown";
}

/* " pathN={ ... }" when the file exists, then " pathN.parent={ ... }". */
static void warden_audit_path(struct seq_buf *s, unsigned int n,
			      const struct path *path)
{
	struct inode *inode = d_backing_inode(path->dentry);
	struct dentry *parent;

	if (inode) {
		umode_t mode = inode->i_mode;
		dev_t dev = inode->i_sb->s_dev;

		seq_buf_printf(s, " path%u={ uid=%u gid=%u ino=%lu", n,
			       from_kuid(&init_user_ns, inode->i_uid),
			       from_kgid(&init_user_ns, inode->i_gid),
			       inode->i_ino);
		seq_buf_printf(s, " major=%u minor=%u perm=0%o type=%s",
			       MAJOR(dev), MINOR(dev), mode & S_IALLUGO,
			       warden_audit_type(mode));
		if (S_ISCHR(mode) || S_ISBLK(mode))
			seq_buf_printf(s, " dev_major=%u dev_minor=%u",
				       MAJOR(inode->i_rdev),
				       MINOR(inode->i_rdev));
		seq_buf_puts(s, " }");
	}
	parent = dget_parent(path->dentry);
	inode = d_backing_inode(parent);
	if (inode)
		seq_buf_printf(s, " path%u.parent={ uid=%u gid=%u ino=%lu perm=0%o }",
			       n, from_kuid(&init_user_ns, inode->i_uid),
			       from_kgid(&init_user_ns, inode->i_gid),
			       inode->i_ino, inode->i_mode & S_IALLUGO);
	dput(parent);
}

/*
 * ' "a" "b" ... }' for @count strings from *@args, each escaped; strings
 * past the room left are elided as "... ".
 */
static void warden_audit_strings(struct seq_buf *s, const char **args,
				 const char *end, unsigned int count,
				 size_t *room)
{
	bool elided = false;
	char *escaped;

	for (; count && *args < end; count--) {
		size_t len = strnlen(*args, end - *args);
		size_t need = warden_encoded_len(*args, len) + 3;

		escaped = NULL;
		if (!elided && need <= *room)
			escaped = kmalloc(need, GFP_NOFS);
		if (escaped) {
			warden_encode(escaped, *args, len);
			seq_buf_printf(s, "\"%s\" ", escaped);
			kfree(escaped);
			*room -= need;
		} else if (!elided) {
			seq_buf_puts(s, "... ");
			elided = true;
		}
		*args += len + 1;
	}
	seq_buf_puts(s, "}");
}

/* ' exec={ realpath="..." argc=N envc=N argv[]={ ... } envp[]={ ... } }' */
static void warden_audit_exec(struct seq_buf *s,
			      const struct warden_cond_ctx *ctx)
{
	const struct linux_binprm *bprm = ctx->bprm;
	const char *args = ctx->args, *end;
	size_t room = WARDEN_AUDIT_ARGS_MAX, len = ctx->args_len;
	char *copy = NULL;

	seq_buf_printf(s, " exec={ realpath=\"%s\" argc=%d envc=%d",
		       ctx->exec_realpath, bprm->argc, bprm->envc);
	/* The check reads the strings only for conditions that need them. */
	if (!args && ctx->read_args) {
		copy = ctx->read_args(bprm, &len);
		args = copy;
	}
	if (!args) {
		/* The strings were too long to copy. */
		seq_buf_puts(s, " argv[]={ ... } envp[]={ ... } }");
		return;
	}
	end = args + len;
	seq_buf_puts(s, " argv[]={ ");
	warden_audit_strings(s, &args, end, bprm->argc, &room);
	seq_buf_puts(s, " envp[]={ ");
	warden_audit_strings(s, &args, end, bprm->envc, &room);
	seq_buf_puts(s, " }");
	kfree(copy);
}

/* The bytes a record of @event needs at most, its NUL included. */
static size_t warden_audit_size(const struct warden_audit_event *event)
{
	const struct warden_cond_ctx *ctx = event->ctx;
	size_t size = WARDEN_AUDIT_HEADER_MAX + strlen(event->domain->name) +
		      strlen(event->line) + 4;

	if (ctx && ctx->bprm && ctx->exec_realpath)
		size += strlen(ctx->exec_realpath) + WARDEN_AUDIT_ARGS_MAX +
			128;
	else if (ctx && ctx->symlink_target)
		size += strlen(ctx->symlink_target) + 32;
	return size;
}

/**
 * warden_audit_format - the audit record of a decided request
 * @event: the request and how it was decided.
 *
 * The record is three lines, as TOMOYO writes them: a header with the
 * time, the profile and mode, the task's ids, the attributes of the files
 * and, for an exec, the program's arguments and environment; the
 * domainname; and the policy line of the request.
 *
 * Return: the record, allocated and NUL-terminated, or %NULL when out of
 * memory.
 */
char *warden_audit_format(const struct warden_audit_event *event)
{
	const struct warden_cond_ctx *ctx = event->ctx;
	const struct cred *cred = current_cred();
	char stamp[WARDEN_TIME_TEXT_SIZE];
	size_t size = warden_audit_size(event);
	struct seq_buf s;
	unsigned int i;
	char *record;
	pid_t ppid;

	record = kmalloc(size, GFP_NOFS);
	if (!record)
		return NULL;
	seq_buf_init(&s, record, size);
	warden_time_to_text(ktime_get_real_seconds(), stamp);
	rcu_read_lock();
	ppid = task_tgid_vnr(rcu_dereference(current->real_parent));
	rcu_read_unlock();
	seq_buf_printf(&s, "#%s# profile=%u mode=%s granted=%s%s (global-pid=%d)",
		       stamp, event->profile, warden_mode_names[event->mode],
		       event->granted ? "yes" : "no",
		       event->quiet ? " quiet=yes" : "", task_pid_nr(current));
	seq_buf_printf(&s, " task={ pid=%d ppid=%d uid=%u gid=%u euid=%u egid=%u",
		       task_tgid_vnr(current), ppid,
		       from_kuid(&init_user_ns, cred->uid),
		       from_kgid(&init_user_ns, cred->gid),
		       from_kuid(&init_user_ns, cred->euid),
		       from_kgid(&init_user_ns, cred->egid));
	seq_buf_printf(&s, " suid=%u sgid=%u fsuid=%u fsgid=%u }",
		       from_kuid(&init_user_ns, cred->suid),
		       from_kgid(&init_user_ns, cred->sgid),
		       from_kuid(&init_user_ns, cred->fsuid),
		       from_kgid(&init_user_ns, cred->fsgid));
	for (i = 0; ctx && i < ARRAY_SIZE(ctx->path); i++)
		if (ctx->path[i])
			warden_audit_path(&s, i + 1, ctx->path[i]);
	if (ctx && ctx->bprm && ctx->exec_realpath)
		warden_audit_exec(&s, ctx);
	else if (ctx && ctx->symlink_target)
		seq_buf_printf(&s, " symlink.target=\"%s\"",
			       ctx->symlink_target);
	seq_buf_printf(&s, "\n%s\n%s\n", event->domain->name, event->line);
	/* The size is an upper bound: running out of it is a bug. */
	if (WARN_ON_ONCE(seq_buf_has_overflowed(&s))) {
		kfree(record);
		return NULL;
	}
	seq_buf_str(&s);
	return record;
}

/**
 * struct warden_audit_entry - a record waiting for a reader
 * @list: the queue of records.
 * @charged: the bytes charged to the audit memory pool.
 * @record: the record, NUL-terminated.
 */
struct warden_audit_entry {
	struct list_head list;
	size_t charged;
	char *record;
};

static LIST_HEAD(warden_audit_queue);
static DEFINE_SPINLOCK(warden_audit_lock);
static unsigned int warden_audit_count;
static DECLARE_WAIT_QUEUE_HEAD(warden_audit_wait);

/**
 * warden_audit_log - queue a record for the audit file's readers
 * @record: the record from warden_audit_format(), or %NULL when it could
 *          not be made; the queue takes it over.
 * @max_records: the most records the domain's profile lets wait.
 *
 * A record that finds the queue full, or the audit memory quota used up,
 * is dropped and counted in the stat file.
 */
void warden_audit_log(char *record, unsigned int max_records)
{
	struct warden_audit_entry *entry;
	bool queued = false;
	size_t charged;

	if (!record)
		goto out_drop;
	entry = kmalloc(sizeof(*entry), GFP_NOFS);
	if (!entry)
		goto out_drop;
	charged = strlen(record) + 1 + sizeof(*entry);
	entry->record = record;
	entry->charged = charged;
	spin_lock(&warden_audit_lock);
	if (warden_audit_count < max_records &&
	    warden_memory_charge(WARDEN_MEMORY_AUDIT, charged)) {
		list_add_tail(&entry->list, &warden_audit_queue);
		warden_audit_count++;
		queued = true;
	}
	spin_unlock(&warden_audit_lock);
	if (queued) {
		wake_up_interruptible(&warden_audit_wait);
		return;
	}
	kfree(entry);
out_drop:
	kfree(record);
	warden_stat_audit_dropped();
}

/**
 * warden_text_read - hand a reader the rest of one text
 * @text: the text, NUL-terminated; its NUL is handed out too, to mark
 *        its end for readers that read more than one.
 * @pos: how much of it the reader had; advanced.
 * @buf: the reader's buffer.
 * @count: its size.
 *
 * A read never mixes two texts: a reader with room gets the whole text,
 * one without gets what fits and the rest on the next read.
 *
 * Return: the bytes copied, or -EFAULT.
 */
ssize_t warden_text_read(const char *text, size_t *pos, char __user *buf,
			 size_t count)
{
	size_t len = strlen(text) + 1 - *pos;

	len = min(len, count);
	if (copy_to_user(buf, text + *pos, len))
		return -EFAULT;
	*pos += len;
	return len;
}

/**
 * struct warden_audit_reader - an open audit file
 * @lock: serialises the reads of one open file.
 * @entry: the record being read, taken off the queue; or %NULL.
 * @pos: how much of it was read.
 */
struct warden_audit_reader {
	struct mutex lock; /* serialises the reads of one open file */
	struct warden_audit_entry *entry;
	size_t pos;
};

static void warden_audit_free(struct warden_audit_entry *entry)
{
	warden_memory_uncharge(WARDEN_MEMORY_AUDIT, entry->charged);
	kfree(entry->record);
	kfree(entry);
}

/* Take the oldest record off the queue, or NULL. */
static struct warden_audit_entry *warden_audit_take(void)
{
	struct warden_audit_entry *entry;

	spin_lock(&warden_audit_lock);
	entry = list_first_entry_or_null(&warden_audit_queue,
					 struct warden_audit_entry, list);
	if (entry) {
		list_del(&entry->list);
		warden_audit_count--;
	}
	spin_unlock(&warden_audit_lock);
	return entry;
}

static bool warden_audit_pending(void)
{
	return !list_empty_careful(&warden_audit_queue);
}

static ssize_t warden_audit_read(struct file *file, char __user *buf,
				 size_t count, loff_t *ppos)
{
	struct warden_audit_reader *reader = file->private_data;
	ssize_t ret;

	if (!count)
		return 0;
	if (mutex_lock_interruptible(&reader->lock))
		return -EINTR;
	while (!reader->entry) {
		reader->entry = warden_audit_take();
		if (reader->entry)
			break;
		ret = -EAGAIN;
		if (file->f_flags & O_NONBLOCK)
			goto out_unlock;
		mutex_unlock(&reader->lock);
		ret = wait_event_interruptible(warden_audit_wait,
					       warden_audit_pending());
		if (ret)
			return ret;
		if (mutex_lock_interruptible(&reader->lock))
			return -EINTR;
	}
	ret = warden_text_read(reader->entry->record, &reader->pos, buf,
			       count);
	if (reader->pos > strlen(reader->entry->record)) {
		warden_audit_free(reader->entry);
		reader->entry = NULL;
		reader->pos = 0;
	}
out_unlock:
	mutex_unlock(&reader->lock);
	return ret;
}

static __poll_t warden_audit_poll(struct file *file, poll_table *wait)
{
	struct warden_audit_reader *reader = file->private_data;

	poll_wait(file, &warden_audit_wait, wait);
	if (READ_ONCE(reader->entry) || warden_audit_pending())
		return EPOLLIN | EPOLLRDNORM;
	return 0;
}

static int warden_audit_open(struct inode *inode, struct file *file)
{
	struct warden_audit_reader *reader;

	reader = kzalloc(sizeof(*reader), GFP_KERNEL);
	if (!reader)
		return -ENOMEM;
	mutex_init(&reader->lock);
	file->private_data = reader;
	return 0;
}

/* A record a reader had begun is its to lose: it was taken. */
static int warden_audit_release(struct inode *inode, struct file *file)
{
	struct warden_audit_reader *reader = file->private_data;

	if (reader->entry)
		warden_audit_free(reader->entry);
	kfree(reader);
	return 0;
}

const struct file_operations warden_audit_fops = {
	.open = warden_audit_open,
	.read = warden_audit_read,
	.poll = warden_audit_poll,
	.release = warden_audit_release,
	.llseek = noop_llseek,
};
