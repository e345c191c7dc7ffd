// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - the securityfs interface, /sys/kernel/security/warden/.
 *
 * This file only checks privileges, copies data from and to user space and
 * hands it to the engine; what the data means is decided elsewhere.  The
 * directory exists only when the LSM framework started Warden.
 */

#include "common.h"

#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/kstrtox.h>
#include <linux/minmax.h>
#include <linux/mutex.h>
#include <linux/init.h>
#include <linux/pid.h>
#include <linux/pid_namespace.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/security.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "audit.h"
#include "check.h"
#include "cred.h"
#include "document.h"
#include "domain.h"
#include "domain_policy.h"
#include "exec.h"
#include "manager.h"
#include "policy.h"
#include "profile.h"
#include "query.h"
#include "setup.h"
#include "stat.h"

/* What the version file reports: the TOMOYO interface level Warden speaks. */
#define WARDEN_INTERFACE_VERSION "2.6.0"

/* No line written to the stat file is near this long. */
#define WARDEN_STAT_WRITE_MAX 1024

/*
 * The longest policy line accepted.  Longer ones are refused and skipped
 * up to their newline, so a newline-free write cannot grow a buffer
 * without bound.
 */
#define WARDEN_LINE_MAX (64 * 1024)
/* How much of a refused line the kernel log quotes. */
#define WARDEN_LINE_QUOTE 80

static bool warden_may_manage_policy(void)
{
	return warden_policy_manager_allows();
}

struct warden_line_writer;

/**
 * struct warden_policy_file - a policy file that is written line by line
 * @name: its name under /sys/kernel/security/warden/, for messages.
 * @view: what reads print, as the open file's "select" lines narrow it.
 * @select_domain: "select pid=|global-pid=|domain=|Q=" chooses a domain.
 * @select_transitions: "select transition_only" applies.
 */
struct warden_policy_file {
	const char *name;
	enum warden_policy_view view;
	bool select_domain;
	bool select_transitions;
};

/**
 * struct warden_line_writer - what one open file has written so far
 * @lock: serialises writes through this open file.
 * @file: the policy file.
 * @lineno: lines seen, for messages.
 * @len: bytes of the incomplete line in @buf.
 * @size: bytes allocated for @buf.
 * @skipping: the current line was refused as too long; drop it up to its
 *            newline.
 * @buf: the incomplete line.
 * @state: what the file's line parser keeps between lines.
 * @select: what the last "select" line asked for, printed back first;
 *          %NULL when none was written.
 * @selected: the domainname it chose, %NULL when none matched.
 * @transition_only: "select transition_only" was written.
 * @doc: the policy file's document, %NULL until the first write.
 * @opener: the file table of the process that opened the file; only
 *          compared, never dereferenced.
 * @cursor: where reads are in the printout; its policy stays pinned
 *          from the read at offset 0 to the next one, or the close.
 */
struct warden_line_writer {
	struct mutex lock; /* protects the members below */
	const struct warden_policy_file *file;
	unsigned int lineno;
	size_t len;
	size_t size;
	bool skipping;
	char *buf;
	char *state;
	char *select;
	char *selected;
	bool transition_only;
	struct warden_document *doc;
	fl_owner_t opener;
	struct warden_policy_cursor cursor;
};

/*
 * The domain of the process @pid, in the caller's pid namespace or, when
 * @global, the initial one; with a reference, or NULL if there is none.
 */
static struct warden_domain *warden_pid_domain(pid_t pid, bool global)
{
	struct warden_domain *domain = NULL;
	struct task_struct *task;

	rcu_read_lock();
	task = global ? find_task_by_pid_ns(pid, &init_pid_ns) :
			find_task_by_vpid(pid);
	if (task)
		domain = warden_domain_get(warden_cred(__task_cred(task))->domain);
	rcu_read_unlock();
	return domain;
}

/* The domainname of the process @pid, allocated; NULL if none. */
static char *warden_pid_domainname(pid_t pid, bool global)
{
	struct warden_domain *domain = warden_pid_domain(pid, global);
	char *name;

	if (!domain)
		return NULL;
	name = kstrdup(domain->name, GFP_KERNEL);
	warden_domain_put(domain);
	return name;
}

/*
 * "select pid=N", "select global-pid=N", "select domain=NAME" or
 * "select Q=N": the domain that reads print alone and writes apply to.
 */
static char *warden_select_target(const char *what)
{
	bool global = str_has_prefix(what, "global-pid=");
	char *name = NULL;
	int pid;

	if (global || str_has_prefix(what, "pid=")) {
		if (kstrtoint(strchr(what, '=') + 1, 10, &pid) || pid <= 0)
			return ERR_PTR(-EINVAL);
		return warden_pid_domainname(pid, global);
	}
	if (str_has_prefix(what, "domain=")) {
		what += strlen("domain=");
		if (warden_domainname_check(what))
			return ERR_PTR(-EINVAL);
		if (warden_policy_has_domain(what))
			name = kstrdup(what, GFP_KERNEL);
		return name;
	}
	if (str_has_prefix(what, "Q=")) {
		unsigned int serial;

		if (kstrtouint(what + 2, 10, &serial))
			return ERR_PTR(-EINVAL);
		/* The domain of the request waiting in that query, if any. */
		return warden_query_domainname(serial);
	}
	return ERR_PTR(-EINVAL);
}

/*
 * "select <domainname>": the lines written next apply to that domain if
 * it exists (none is created); what reads print does not change.
 */
static int warden_select_for_writing(struct warden_line_writer *w,
				     const char *domainname)
{
	char *state = NULL;

	if (warden_domainname_check(domainname))
		return -EINVAL;
	if (warden_policy_has_domain(domainname)) {
		state = kstrdup(domainname, GFP_KERNEL);
		if (!state)
			return -ENOMEM;
	}
	kfree(w->state);
	w->state = state;
	return 1;
}

/*
 * "reset" and "select" lines choose what the open file reads back and
 * which domain later lines apply to; they change no policy, so writers
 * that are not managers may use them.  Returns 1 for such a line, 0 for
 * a policy line, or an error.
 */
static int warden_view_line(struct warden_line_writer *w, const char *line)
{
	const struct warden_policy_file *file = w->file;
	char *select, *selected;

	if (!strcmp(line, "reset")) {
		kfree(w->state);
		kfree(w->select);
		kfree(w->selected);
		w->state = NULL;
		w->select = NULL;
		w->selected = NULL;
		w->transition_only = false;
		return 1;
	}
	if (!str_has_prefix(line, "select "))
		return 0;
	if (file->select_transitions && !strcmp(line, "select transition_only")) {
		w->transition_only = true;
		return 1;
	}
	if (!file->select_domain)
		return 0;
	if (line[strlen("select ")] == '<')
		return warden_select_for_writing(w, line + strlen("select "));
	selected = warden_select_target(line + strlen("select "));
	if (IS_ERR(selected))
		return PTR_ERR(selected);
	select = kstrdup(line + strlen("select "), GFP_KERNEL);
	if (!select) {
		kfree(selected);
		return -ENOMEM;
	}
	kfree(w->select);
	kfree(w->selected);
	w->select = select;
	w->selected = selected;
	/* Lines written next apply to the selected domain. */
	kfree(w->state);
	w->state = selected ? kstrdup(selected, GFP_KERNEL) : NULL;
	return 1;
}

static int warden_apply_line(struct warden_line_writer *w)
{
	char quote[WARDEN_LINE_QUOTE + 1];
	const char *reason = NULL;
	char *line = w->buf;
	int err;

	w->lineno++;
	/* An empty line: before the first byte of a file, there is no buffer. */
	if (!w->len)
		return 0;
	w->buf[w->len] = '\0';
	/*
	 * A NUL byte would end the line early for the parser, which would
	 * then apply its first part; the whole line is refused instead.
	 */
	if (strlen(line) != w->len) {
		w->len = 0;
		pr_warn_ratelimited("%s: line %u: holds a NUL byte\n",
				    w->file->name, w->lineno);
		return -EINVAL;
	}
	w->len = 0;
	warden_normalize_line(line);
	if (!*line || *line == '#')
		return 0;
	strscpy(quote, line, sizeof(quote));
	err = warden_view_line(w, line);
	if (err > 0)
		return 0;
	if (!err && !warden_may_manage_policy()) {
		reason = "not permitted: the writer is not a manager";
		err = -EPERM;
	}
	if (err) {
		pr_warn_ratelimited("%s: line %u: %s: \"%s\"\n",
				    w->file->name, w->lineno,
				    reason ?: "invalid select line", quote);
		return err;
	}
	/* @state is the writer's: %NULL at open, freed with kfree() at close. */
	err = warden_policy_store_line(w->file->view, &w->state, line, &reason);
	if (!err)
		return 0;
	if (!reason)
		reason = err == -ENOMEM ? "out of memory or over the policy quota" :
					  "refused";
	pr_warn_ratelimited("%s: line %u: %s: \"%s\"\n", w->file->name,
			    w->lineno, reason, quote);
	return err;
}

/* Append one byte to the incomplete line, growing the buffer as needed. */
static int warden_line_append(struct warden_line_writer *w, char c)
{
	if (w->len + 1 >= w->size) {
		size_t size = w->size ? w->size * 2 : 256;
		char *buf;

		if (size > WARDEN_LINE_MAX) {
			w->len = 0;
			w->lineno++;
			w->skipping = true;
			pr_warn_ratelimited("%s: line %u: longer than %u bytes\n",
					    w->file->name, w->lineno,
					    WARDEN_LINE_MAX);
			return -EINVAL;
		}
		buf = kvrealloc(w->buf, size, GFP_KERNEL_ACCOUNT);
		if (!buf)
			return -ENOMEM;
		w->buf = buf;
		w->size = size;
	}
	w->buf[w->len++] = c;
	return 0;
}

/*
 * Feed written bytes to the writer: each complete line is applied as it
 * ends, whole or not at all.  The first refused line ends the write with
 * its error; the lines before it stay applied, as with TOMOYO.
 */
static ssize_t warden_policy_file_write(struct file *file,
					const char __user *ubuf, size_t count,
					loff_t *ppos)
{
	struct seq_file *m = file->private_data;
	struct warden_line_writer *w = m->private;
	char chunk[256];
	size_t done = 0;
	int err = 0;

	/* An empty write is how TOMOYO's tools ask "am I a manager?". */
	if (!count)
		return warden_may_manage_policy() ? 0 : -EPERM;
	if (mutex_lock_interruptible(&w->lock))
		return -EINTR;
	while (done < count && !err) {
		size_t n = min(count - done, sizeof(chunk));
		size_t i;

		if (copy_from_user(chunk, ubuf + done, n)) {
			err = -EFAULT;
			break;
		}
		for (i = 0; i < n && !err; i++) {
			if (chunk[i] == '\n') {
				if (w->skipping)
					w->skipping = false;
				else
					err = warden_apply_line(w);
			} else if (!w->skipping) {
				err = warden_line_append(w, chunk[i]);
			}
		}
		done += i;
		cond_resched();
	}
	mutex_unlock(&w->lock);
	return err ? err : count;
}

/* A last line without a newline is applied when the file is closed. */
static int warden_policy_file_flush(struct file *file, fl_owner_t id)
{
	struct seq_file *m = file->private_data;
	struct warden_line_writer *w = m->private;
	int err = 0;

	if (!(file->f_mode & FMODE_WRITE))
		return 0;
	mutex_lock(&w->lock);
	if (w->len && !w->skipping)
		err = warden_apply_line(w);
	w->len = 0;
	w->skipping = false;
	mutex_unlock(&w->lock);
	return err;
}

/* The most bytes of a write to the policy file parsed at a time. */
#define WARDEN_DOCUMENT_CHUNK (16 * 1024)

/*
 * The policy file: each write parses the lines it completes into the
 * open file's private document, so a bad line fails its write() (and
 * every later one); the document applies at the last close.
 */
static ssize_t warden_document_file_write(struct file *file,
					  const char __user *ubuf,
					  size_t count, loff_t *ppos)
{
	struct seq_file *m = file->private_data;
	struct warden_line_writer *w = m->private;
	size_t done = 0;
	char *chunk;
	int err = 0;

	if (!warden_may_manage_policy())
		return -EPERM;
	if (!count)
		return 0;
	chunk = kmalloc(min_t(size_t, count, WARDEN_DOCUMENT_CHUNK), GFP_KERNEL);
	if (!chunk)
		return -ENOMEM;
	if (mutex_lock_interruptible(&w->lock)) {
		err = -EINTR;
		goto out_free;
	}
	if (!w->doc) {
		w->doc = warden_document_new();
		if (!w->doc)
			err = -ENOMEM;
	}
	/* A write past the largest document is refused before any parse. */
	if (!err && !warden_document_has_room(w->doc, count))
		err = -EFBIG;
	while (!err && done < count) {
		size_t n = min_t(size_t, count - done, WARDEN_DOCUMENT_CHUNK);

		if (copy_from_user(chunk, ubuf + done, n)) {
			err = -EFAULT;
			break;
		}
		err = warden_document_write(w->doc, chunk, n);
		if (!err)
			done += n;
	}
	mutex_unlock(&w->lock);
out_free:
	kfree(chunk);
	/* Bytes already parsed stay parsed; a bad line refuses the write. */
	if (err == -EFAULT && done)
		return done;
	return err ? err : count;
}

/*
 * ->flush runs at every close of the open file, in every process that
 * shares it (a shell's "{ cat a; cat b; } > policy" closes it in each
 * cat).  The close that drops the last reference applies the document,
 * and so does the close by the process that opened the file, even when
 * a child forked meanwhile (by another thread, say) still holds it until
 * it execs or exits; that close() returns the outcome: 0 when the
 * document is in force, the error otherwise.  Writes after it fail.
 */
static int warden_document_file_flush(struct file *file, fl_owner_t id)
{
	struct seq_file *m = file->private_data;
	struct warden_line_writer *w = m->private;
	int err = 0;

	if (!(file->f_mode & FMODE_WRITE) ||
	    (file_count(file) > 1 && id != w->opener))
		return 0;
	mutex_lock(&w->lock);
	if (w->doc)
		err = warden_document_apply(w->doc);
	mutex_unlock(&w->lock);
	return err;
}

/*
 * Reads print the policy a record at a time (a section, a domain), each
 * under rcu_read_lock(): no writer waits for a reader, and a reader waits
 * for no writer.  A "select" line puts "# select ..." first, as record 0.
 */
static void *warden_policy_seq_start(struct seq_file *m, loff_t *pos)
	__acquires(RCU)
{
	struct warden_line_writer *w = m->private;
	struct warden_policy_cursor *cursor = &w->cursor;
	loff_t index = *pos;

	mutex_lock(&w->lock);
	/* A read from the start sees the policy in force now. */
	if (!index || !cursor->policy) {
		warden_policy_put(cursor->policy);
		cursor->policy = warden_policy_get();
	}
	rcu_read_lock();
	cursor->view = w->file->view;
	cursor->only = w->select ? w->selected : NULL;
	cursor->transition_only = w->transition_only;
	if (w->select) {
		if (!index)
			return SEQ_START_TOKEN;
		if (!w->selected)
			return NULL;
		index--;
	}
	return warden_policy_cursor_seek(cursor, index) ? cursor : NULL;
}

static void *warden_policy_seq_next(struct seq_file *m, void *v, loff_t *pos)
{
	struct warden_line_writer *w = m->private;
	struct warden_policy_cursor *cursor = &w->cursor;

	++*pos;
	if (v == SEQ_START_TOKEN) {
		if (!w->selected)
			return NULL;
		return warden_policy_cursor_seek(cursor, 0) ? cursor : NULL;
	}
	return warden_policy_cursor_next(cursor) ? cursor : NULL;
}

static void warden_policy_seq_stop(struct seq_file *m, void *v)
	__releases(RCU)
{
	struct warden_line_writer *w = m->private;

	rcu_read_unlock();
	mutex_unlock(&w->lock);
}

static int warden_policy_seq_show(struct seq_file *m, void *v)
{
	struct warden_line_writer *w = m->private;

	if (v == SEQ_START_TOKEN)
		seq_printf(m, "# select %s\n", w->select);
	else
		warden_policy_cursor_show(m, v);
	return 0;
}

static const struct seq_operations warden_policy_seq_ops = {
	.start = warden_policy_seq_start,
	.next = warden_policy_seq_next,
	.stop = warden_policy_seq_stop,
	.show = warden_policy_seq_show,
};

static int warden_policy_file_open(struct inode *inode, struct file *file)
{
	struct warden_line_writer *w;
	int err;

	w = kzalloc(sizeof(*w), GFP_KERNEL_ACCOUNT);
	if (!w)
		return -ENOMEM;
	mutex_init(&w->lock);
	w->file = inode->i_private;
	w->opener = current->files;
	err = seq_open(file, &warden_policy_seq_ops);
	if (err) {
		kfree(w);
		return err;
	}
	((struct seq_file *)file->private_data)->private = w;
	return 0;
}

static int warden_policy_file_release(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;
	struct warden_line_writer *w = m->private;

	kfree(w->state);
	kfree(w->select);
	kfree(w->selected);
	kvfree(w->buf);
	warden_policy_put(w->cursor.policy);
	kfree(w);
	return seq_release(inode, file);
}

/*
 * When the last reference went elsewhere than a close() (it was held for
 * a moment by another task, or the file was passed on and dropped), the
 * document is applied here; its outcome is then only in the kernel log.
 */
static int warden_document_file_release(struct inode *inode,
					struct file *file)
{
	struct seq_file *m = file->private_data;
	struct warden_line_writer *w = m->private;

	if (w->doc && warden_document_pending(w->doc) &&
	    warden_document_apply(w->doc))
		pr_warn_ratelimited("policy: the document was refused; the policy in force is unchanged\n");
	warden_document_free(w->doc);
	w->doc = NULL;
	return warden_policy_file_release(inode, file);
}

static const struct file_operations warden_policy_file_fops = {
	.open = warden_policy_file_open,
	.read = seq_read,
	.write = warden_policy_file_write,
	.flush = warden_policy_file_flush,
	.llseek = seq_lseek,
	.release = warden_policy_file_release,
};

static const struct file_operations warden_document_fops = {
	.open = warden_policy_file_open,
	.read = seq_read,
	.write = warden_document_file_write,
	.flush = warden_document_file_flush,
	.llseek = seq_lseek,
	.release = warden_document_file_release,
};

static const struct warden_policy_file warden_profile_file = {
	.name = "profile",
	.view = WARDEN_VIEW_PROFILE,
};

static const struct warden_policy_file warden_manager_file = {
	.name = "manager",
	.view = WARDEN_VIEW_MANAGER,
};

static const struct warden_policy_file warden_document_file = {
	.name = "policy",
	.view = WARDEN_VIEW_DOCUMENT,
};

static const struct warden_policy_file warden_exception_file = {
	.name = "exception_policy",
	.view = WARDEN_VIEW_EXCEPTION,
	.select_transitions = true,
};

static const struct warden_policy_file warden_domain_policy_file = {
	.name = "domain_policy",
	.view = WARDEN_VIEW_DOMAIN,
	.select_domain = true,
	.select_transitions = true,
};

static ssize_t warden_version_read(struct file *file, char __user *buf,
				   size_t count, loff_t *ppos)
{
	static const char version[] = WARDEN_INTERFACE_VERSION;

	return simple_read_from_buffer(buf, count, ppos, version,
				       sizeof(version) - 1);
}

static const struct file_operations warden_version_fops = {
	.read = warden_version_read,
	.llseek = generic_file_llseek,
};

static int warden_stat_seq_show(struct seq_file *m, void *unused)
{
	warden_stat_show(m);
	return 0;
}

static int warden_stat_open(struct inode *inode, struct file *file)
{
	return single_open(file, warden_stat_seq_show, NULL);
}

/*
 * Each line sets one quota.  All lines are checked before any is applied,
 * so a write with a bad line changes nothing.
 */
static ssize_t warden_stat_write(struct file *file, const char __user *ubuf,
				 size_t count, loff_t *ppos)
{
	struct {
		bool set;
		unsigned int quota;
	} pending[WARDEN_MEMORY_NR_KINDS] = {};
	char *buf, *cursor, *line;
	unsigned int lineno = 0;
	ssize_t ret;
	int i;

	if (!warden_may_manage_policy())
		return -EPERM;
	if (count > WARDEN_STAT_WRITE_MAX)
		return -EINVAL;
	buf = memdup_user_nul(ubuf, count);
	if (IS_ERR(buf))
		return PTR_ERR(buf);

	cursor = buf;
	while ((line = strsep(&cursor, "\n"))) {
		enum warden_memory_kind kind;
		unsigned int quota;

		lineno++;
		line = strim(line);
		/* TOMOYO's stat.conf starts with a comment. */
		if (!*line || *line == '#')
			continue;
		if (warden_stat_parse_quota(line, &kind, &quota)) {
			pr_warn_ratelimited("stat: line %u: not \"Memory used by <pool>: <bytes>\": \"%.64s\"\n",
					    lineno, line);
			ret = -EINVAL;
			goto out_free;
		}
		pending[kind].set = true;
		pending[kind].quota = quota;
	}
	for (i = 0; i < WARDEN_MEMORY_NR_KINDS; i++)
		if (pending[i].set)
			warden_stat_set_quota(i, pending[i].quota);
	ret = count;
out_free:
	kfree(buf);
	return ret;
}

static const struct file_operations warden_stat_fops = {
	.open = warden_stat_open,
	.read = seq_read,
	.write = warden_stat_write,
	.llseek = seq_lseek,
	.release = single_release,
};

/* The longest domainname self_domain accepts. */
#define WARDEN_DOMAINNAME_MAX 4096

static ssize_t warden_self_domain_read(struct file *file, char __user *buf,
				       size_t count, loff_t *ppos)
{
	struct warden_domain *domain;
	ssize_t ret;

	domain = warden_domain_get(warden_current_domain());
	ret = simple_read_from_buffer(buf, count, ppos, domain->name,
				      strlen(domain->name));
	warden_domain_put(domain);
	return ret;
}

/* Writing a domainname moves the writer there, if its policy allows. */
static ssize_t warden_self_domain_write(struct file *file,
					const char __user *ubuf, size_t count,
					loff_t *ppos)
{
	char *name;
	int err;

	if (!count || count >= WARDEN_DOMAINNAME_MAX)
		return -EINVAL;
	name = memdup_user_nul(ubuf, count);
	if (IS_ERR(name))
		return PTR_ERR(name);
	/* "echo <domainname> > self_domain" ends it with a newline. */
	name[strcspn(name, "\n")] = '\0';
	warden_normalize_line(name);
	err = warden_self_transition(name);
	kfree(name);
	return err ? err : count;
}

static const struct file_operations warden_self_domain_fops = {
	.read = warden_self_domain_read,
	.write = warden_self_domain_write,
	.llseek = generic_file_llseek,
};

/* Serialises the answers of .process_status with their readers. */
static DEFINE_MUTEX(warden_process_status_lock);

/*
 * .process_status: write a pid ("<pid>" or "global-pid <pid>"), then read
 * "<pid> <profile> <domainname>" of that process, from its start.
 */
static ssize_t warden_process_status_write(struct file *file,
					   const char __user *ubuf,
					   size_t count, loff_t *ppos)
{
	const struct warden_domain_policy *dp;
	struct warden_domain *domain;
	char text[32], *cursor = text;
	bool global;
	u8 profile = 0;
	char *answer;
	pid_t pid;

	if (!count || count >= sizeof(text))
		return -EINVAL;
	if (copy_from_user(text, ubuf, count))
		return -EFAULT;
	text[count] = '\0';
	cursor = strim(text);
	global = str_has_prefix(cursor, "global-pid ");
	if (global)
		cursor += strlen("global-pid ");
	if (kstrtoint(cursor, 10, &pid) || pid <= 0)
		return -EINVAL;
	domain = warden_pid_domain(pid, global);
	if (!domain)
		return -ESRCH;
	rcu_read_lock();
	dp = warden_check_domain(rcu_dereference(warden_policy), domain);
	if (dp)
		profile = READ_ONCE(dp->profile);
	rcu_read_unlock();
	/* TOMOYO's layout, without a newline: tools print it as it is. */
	answer = kasprintf(GFP_KERNEL, "%d %u %s", pid, profile,
			   domain->name);
	warden_domain_put(domain);
	if (!answer)
		return -ENOMEM;
	mutex_lock(&warden_process_status_lock);
	kfree(file->private_data);
	file->private_data = answer;
	mutex_unlock(&warden_process_status_lock);
	/* Each answer is read from its start, without a seek in between. */
	*ppos = 0;
	return count;
}

static ssize_t warden_process_status_read(struct file *file, char __user *buf,
					  size_t count, loff_t *ppos)
{
	const char *answer;
	ssize_t ret = 0;

	mutex_lock(&warden_process_status_lock);
	answer = file->private_data;
	if (answer)
		ret = simple_read_from_buffer(buf, count, ppos, answer,
					      strlen(answer));
	mutex_unlock(&warden_process_status_lock);
	return ret;
}

static int warden_process_status_open(struct inode *inode, struct file *file)
{
	file->private_data = NULL;
	return 0;
}

static int warden_process_status_release(struct inode *inode,
					 struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static const struct file_operations warden_process_status_fops = {
	.open = warden_process_status_open,
	.read = warden_process_status_read,
	.write = warden_process_status_write,
	.release = warden_process_status_release,
	.llseek = generic_file_llseek,
};

static const struct warden_fs_file {
	const char *name;
	umode_t mode;
	const struct file_operations *fops;
	const void *data;
} warden_fs_files[] = {
	{ "audit", 0400, &warden_audit_fops, NULL },
	{ "query", 0600, &warden_query_fops, NULL },
	{ "domain_policy", 0600, &warden_policy_file_fops,
	  &warden_domain_policy_file },
	{ "exception_policy", 0600, &warden_policy_file_fops,
	  &warden_exception_file },
	{ "manager", 0600, &warden_policy_file_fops, &warden_manager_file },
	{ "policy", 0600, &warden_document_fops, &warden_document_file },
	{ "profile", 0600, &warden_policy_file_fops, &warden_profile_file },
	{ "self_domain", 0666, &warden_self_domain_fops, NULL },
	{ ".process_status", 0600, &warden_process_status_fops, NULL },
	{ "stat", 0644, &warden_stat_fops, NULL },
	{ "version", 0400, &warden_version_fops, NULL },
};

/* Create the directory @name with every file of the interface. */
static int __init warden_fs_create_dir(const char *name)
{
	struct dentry *dir, *file;
	size_t i;

	dir = securityfs_create_dir(name, NULL);
	if (IS_ERR(dir))
		goto out_err;
	for (i = 0; i < ARRAY_SIZE(warden_fs_files); i++) {
		const struct warden_fs_file *entry = &warden_fs_files[i];

		file = securityfs_create_file(entry->name, entry->mode, dir,
					      (void *)entry->data, entry->fops);
		if (IS_ERR(file))
			goto out_remove_dir;
	}
	return 0;

out_remove_dir:
	securityfs_recursive_remove(dir);
	dir = file;
out_err:
	pr_err("cannot create /sys/kernel/security/%s: %ld\n",
	       name, PTR_ERR(dir));
	return PTR_ERR(dir);
}

static int __init warden_fs_init(void)
{
	int err;

	if (!warden_initialized)
		return 0;
	err = warden_fs_create_dir(WARDEN_NAME);
	if (err || !warden_tomoyo_compat())
		return err;
	/*
	 * A second directory with the same files: the files carry no state
	 * of their own, so both names serve the one policy.
	 */
	return warden_fs_create_dir(WARDEN_TOMOYO_NAME);
}

fs_initcall(warden_fs_init);
