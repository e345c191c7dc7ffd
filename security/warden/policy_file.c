// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - the policy files of securityfs: profile, manager,
 * exception_policy, domain_policy, and the whole policy as one document.
 *
 * Writes are assembled into lines and handed to the policy text
 * (document.c), which parses them; "select" lines narrow what reads print
 * and where domain_policy lines go.  Reads print the policy from an RCU
 * snapshot through seq_file.  Only managers may write.
 */

#include "common.h"

#include <linux/fs.h>
#include <linux/kstrtox.h>
#include <linux/minmax.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "cred.h"
#include "document.h"
#include "domain.h"
#include "policy.h"
#include "policy_file.h"
#include "query.h"

/*
 * The longest policy line accepted.  Longer ones are refused and skipped
 * up to their newline, so a newline-free write cannot grow a buffer
 * without bound.
 */
#define WARDEN_LINE_MAX (64 * 1024)
/* How much of a refused line the kernel log quotes. */
#define WARDEN_LINE_QUOTE 80

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
	if (!err && !warden_policy_manager_allows()) {
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

/*
 * Append one byte to the incomplete line, growing the buffer as needed;
 * -E2BIG when the line grows too long.
 */
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
			return -E2BIG;
		}
		buf = kvrealloc(w->buf, size, GFP_KERNEL_ACCOUNT);
		if (!buf) {
			/* Refused whole: no part of it is applied. */
			w->len = 0;
			w->lineno++;
			w->skipping = true;
			pr_warn_ratelimited("%s: line %u: out of memory\n",
					    w->file->name, w->lineno);
			return -ENOMEM;
		}
		w->buf = buf;
		w->size = size;
	}
	w->buf[w->len++] = c;
	return 0;
}

/*
 * Feed one written byte to the writer.  Returns 0, or the error of a line
 * it ended, or -E2BIG for one it made too long.
 */
static int warden_line_feed(struct warden_line_writer *w, char c)
{
	if (c == '\n') {
		if (!w->skipping)
			return warden_apply_line(w);
		w->skipping = false;
		return 0;
	}
	return w->skipping ? 0 : warden_line_append(w, c);
}

/*
 * Feed written bytes to the writer: each complete line is applied as it
 * ends, whole or not at all, on its own, so the policy a file loads does
 * not depend on how its writer split it into write()s.  A refused line
 * is logged and the lines after it are still applied; the write then
 * fails with the first line's error.  Only three things end a write at
 * once: a writer that is not a manager (-EPERM, as TOMOYO), a fault, and
 * a line longer than %WARDEN_LINE_MAX, whose rest is not read but
 * skipped up to its newline by the writes that follow.
 */
static ssize_t warden_policy_file_write(struct file *file,
					const char __user *ubuf, size_t count,
					loff_t *ppos)
{
	struct seq_file *m = file->private_data;
	struct warden_line_writer *w = m->private;
	bool stop = false;
	char chunk[256];
	size_t done = 0;
	int err = 0;

	/* An empty write is how TOMOYO's tools ask "am I a manager?". */
	if (!count)
		return warden_policy_manager_allows() ? 0 : -EPERM;
	if (mutex_lock_interruptible(&w->lock))
		return -EINTR;
	while (done < count && !stop) {
		size_t n = min(count - done, sizeof(chunk));
		size_t i;
		int ret;

		if (copy_from_user(chunk, ubuf + done, n)) {
			err = err ?: -EFAULT;
			break;
		}
		for (i = 0; i < n && !stop; i++) {
			ret = warden_line_feed(w, chunk[i]);
			if (!ret)
				continue;
			/*
			 * Reading on to an overlong line's newline could
			 * take as long as the write is large.
			 */
			stop = ret == -EPERM || ret == -E2BIG;
			err = err ?: (ret == -E2BIG ? -EINVAL : ret);
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

	if (!warden_policy_manager_allows())
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

const struct file_operations warden_policy_file_fops = {
	.open = warden_policy_file_open,
	.read = seq_read,
	.write = warden_policy_file_write,
	.flush = warden_policy_file_flush,
	.llseek = seq_lseek,
	.release = warden_policy_file_release,
};

const struct file_operations warden_document_fops = {
	.open = warden_policy_file_open,
	.read = seq_read,
	.write = warden_document_file_write,
	.flush = warden_document_file_flush,
	.llseek = seq_lseek,
	.release = warden_document_file_release,
};

const struct warden_policy_file warden_profile_file = {
	.name = "profile",
	.view = WARDEN_VIEW_PROFILE,
};

const struct warden_policy_file warden_manager_file = {
	.name = "manager",
	.view = WARDEN_VIEW_MANAGER,
};

const struct warden_policy_file warden_document_file = {
	.name = "policy",
	.view = WARDEN_VIEW_DOCUMENT,
};

const struct warden_policy_file warden_exception_file = {
	.name = "exception_policy",
	.view = WARDEN_VIEW_EXCEPTION,
	.select_transitions = true,
};

const struct warden_policy_file warden_domain_policy_file = {
	.name = "domain_policy",
	.view = WARDEN_VIEW_DOMAIN,
	.select_domain = true,
	.select_transitions = true,
};
