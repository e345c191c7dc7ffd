// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - the query file: while a supervisor such as warden-queryd
 * holds it open, a request rejected in enforcing mode waits for its
 * answer: grant, reject, or check again after the policy changed.
 */

#include "common.h"

#include <linux/kstrtox.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/poll.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/wait.h>

#include "audit.h"
#include "domain.h"
#include "policy.h"
#include "query.h"
#include "stat.h"

/**
 * struct warden_query - a request waiting for an answer
 * @list: the queries, oldest first.
 * @serial: its serial number, which answers name.
 * @seq: the order queries were asked in, retries included; each reader
 *       is handed every query once, in this order.
 * @answer: the &enum warden_answer, %WARDEN_ANSWER_NONE until answered.
 * @charged: the bytes charged to the query memory pool.
 * @domainname: the domain the request was made in, for "select Q=".
 * @text: "Q<serial>-<retry>", a newline and the request's record.
 */
struct warden_query {
	struct list_head list;
	unsigned int serial;
	u64 seq;
	u8 answer;
	size_t charged;
	char *domainname;
	char *text;
};

static LIST_HEAD(warden_queries);
/* Guards the list, the answers and the counters below. */
static DEFINE_MUTEX(warden_query_lock);
static unsigned int warden_query_next_serial;
/* The number of queries ever asked: the @seq of the next one. */
static atomic64_t warden_query_asked = ATOMIC64_INIT(0);
static atomic_t warden_query_readers = ATOMIC_INIT(0);
/* Readers wait here for queries, askers for answers. */
static DECLARE_WAIT_QUEUE_HEAD(warden_query_wait);
static DECLARE_WAIT_QUEUE_HEAD(warden_answer_wait);

/**
 * warden_query_wanted - whether a supervisor would see a query
 *
 * Return: true while someone holds the query file open for reading.
 */
bool warden_query_wanted(void)
{
	return atomic_read(&warden_query_readers) > 0;
}

static bool warden_query_settled(const struct warden_query *query)
{
	return READ_ONCE(query->answer) != WARDEN_ANSWER_NONE ||
	       !warden_query_wanted();
}

static struct warden_query *
warden_query_new(const struct warden_domain *domain, const char *record,
		 const struct warden_query_state *state)
{
	struct warden_query *query = kzalloc(sizeof(*query), GFP_NOFS);

	if (!query)
		return NULL;
	query->domainname = kstrdup(domain->name, GFP_NOFS);
	query->text = kasprintf(GFP_NOFS, "Q%u-%u\n%s", state->serial,
				state->retry, record);
	query->charged = sizeof(*query) + strlen(domain->name) + 1 +
			 (query->text ? strlen(query->text) + 1 : 0);
	if (!query->domainname || !query->text ||
	    !warden_memory_charge(WARDEN_MEMORY_QUERY, query->charged)) {
		kfree(query->domainname);
		kfree(query->text);
		kfree(query);
		return NULL;
	}
	query->serial = state->serial;
	return query;
}

/**
 * warden_query_ask - let the supervisors decide a rejected request
 * @domain: the domain the request was made in.
 * @record: its audit record.
 * @state: its serial number and retry count; a retry count of 0 gets a
 *         new serial number.
 * @timeout: seconds to wait for an answer.
 *
 * Waits until a supervisor answers, the last one closes the query file,
 * @timeout passes or the task is killed.  The wait is cut in slices of a
 * second, so that a long timeout does not look like a hung task.
 *
 * Return: the answer; %WARDEN_ANSWER_REJECT for everything but a grant
 * or a retry.
 */
enum warden_answer warden_query_ask(const struct warden_domain *domain,
				    const char *record,
				    struct warden_query_state *state,
				    unsigned int timeout)
{
	unsigned long deadline = jiffies + timeout * HZ;
	struct warden_query *query;
	u8 answer;

	might_sleep();
	if (!timeout || !warden_query_wanted())
		return WARDEN_ANSWER_REJECT;
	mutex_lock(&warden_query_lock);
	if (!state->retry)
		state->serial = warden_query_next_serial++;
	mutex_unlock(&warden_query_lock);
	query = warden_query_new(domain, record, state);
	if (!query)
		return WARDEN_ANSWER_REJECT;

	mutex_lock(&warden_query_lock);
	query->seq = atomic64_inc_return(&warden_query_asked) - 1;
	list_add_tail(&query->list, &warden_queries);
	mutex_unlock(&warden_query_lock);
	wake_up_all(&warden_query_wait);

	for (;;) {
		long left = (long)(deadline - jiffies);

		if (warden_query_settled(query) || left <= 0 ||
		    fatal_signal_pending(current))
			break;
		wait_event_killable_timeout(warden_answer_wait,
					    warden_query_settled(query),
					    min_t(long, HZ, left));
	}

	mutex_lock(&warden_query_lock);
	list_del(&query->list);
	answer = query->answer;
	mutex_unlock(&warden_query_lock);
	warden_memory_uncharge(WARDEN_MEMORY_QUERY, query->charged);
	kfree(query->domainname);
	kfree(query->text);
	kfree(query);
	return answer == WARDEN_ANSWER_NONE ? WARDEN_ANSWER_REJECT : answer;
}

/* The unanswered query numbered @serial, or NULL; under the lock. */
static struct warden_query *warden_query_find(unsigned int serial)
{
	struct warden_query *query;

	lockdep_assert_held(&warden_query_lock);
	list_for_each_entry(query, &warden_queries, list)
		if (query->serial == serial &&
		    query->answer == WARDEN_ANSWER_NONE)
			return query;
	return NULL;
}

/**
 * warden_query_domainname - the domain of a waiting request
 * @serial: the request's serial number.
 *
 * Return: the domainname, allocated, or %NULL when no request with that
 * number waits.
 */
char *warden_query_domainname(unsigned int serial)
{
	struct warden_query *query;
	char *name = NULL;

	mutex_lock(&warden_query_lock);
	query = warden_query_find(serial);
	if (query)
		name = kstrdup(query->domainname, GFP_KERNEL);
	mutex_unlock(&warden_query_lock);
	return name;
}

/**
 * struct warden_query_reader - an open query file
 * @lock: serialises the reads of one open file.
 * @next_seq: the first query this reader has not been handed.
 * @text: the query being read, a copy; or %NULL.
 * @pos: how much of @text was read.
 */
struct warden_query_reader {
	struct mutex lock; /* serialises the reads of one open file */
	u64 next_seq;
	char *text;
	size_t pos;
};

/*
 * The first query waiting that @reader was not handed, or NULL; when
 * there is none, @reader is moved past every query asked so far, so that
 * answered ones are not looked for again.  The caller holds
 * warden_query_lock.
 */
static struct warden_query *
warden_query_first(struct warden_query_reader *reader)
{
	struct warden_query *query;

	lockdep_assert_held(&warden_query_lock);
	list_for_each_entry(query, &warden_queries, list)
		if (query->seq >= reader->next_seq &&
		    query->answer == WARDEN_ANSWER_NONE)
			return query;
	WRITE_ONCE(reader->next_seq, atomic64_read(&warden_query_asked));
	return NULL;
}

/* The next query for @reader, copied; NULL if none. */
static char *warden_query_next(struct warden_query_reader *reader,
			       bool *none)
{
	struct warden_query *query;
	char *text = NULL;

	mutex_lock(&warden_query_lock);
	query = warden_query_first(reader);
	*none = !query;
	if (query) {
		text = kstrdup(query->text, GFP_KERNEL);
		if (text)
			WRITE_ONCE(reader->next_seq, query->seq + 1);
	}
	mutex_unlock(&warden_query_lock);
	return text;
}

/*
 * Whether a query may be waiting that @reader was not handed.  Lockless,
 * for wait; warden_query_next() skips the queries answered meanwhile and
 * moves @reader past them.
 */
static bool warden_query_available(struct warden_query_reader *reader)
{
	return atomic64_read(&warden_query_asked) > READ_ONCE(reader->next_seq);
}

/*
 * Whether a query is waiting that @reader was not handed, for poll: a
 * reader that opened the file after queries were asked and answered is
 * not woken for them, since a read would block.
 */
static bool warden_query_pending(struct warden_query_reader *reader)
{
	bool pending;

	if (!warden_query_available(reader))
		return false;
	mutex_lock(&warden_query_lock);
	pending = warden_query_first(reader);
	mutex_unlock(&warden_query_lock);
	return pending;
}

static ssize_t warden_query_read(struct file *file, char __user *buf,
				 size_t count, loff_t *ppos)
{
	struct warden_query_reader *reader = file->private_data;
	ssize_t ret;
	bool none;

	if (!count)
		return 0;
	if (mutex_lock_interruptible(&reader->lock))
		return -EINTR;
	while (!reader->text) {
		reader->text = warden_query_next(reader, &none);
		if (reader->text)
			break;
		ret = none ? -EAGAIN : -ENOMEM;
		if (!none || (file->f_flags & O_NONBLOCK))
			goto out_unlock;
		mutex_unlock(&reader->lock);
		ret = wait_event_interruptible(warden_query_wait,
					       warden_query_available(reader));
		if (ret)
			return ret;
		if (mutex_lock_interruptible(&reader->lock))
			return -EINTR;
	}
	ret = warden_text_read(reader->text, &reader->pos, buf, count);
	if (reader->pos > strlen(reader->text)) {
		kfree(reader->text);
		reader->text = NULL;
		reader->pos = 0;
	}
out_unlock:
	mutex_unlock(&reader->lock);
	return ret;
}

/* "A<serial>=<answer>": 1 grants, 2 rejects, 3 checks again. */
static int warden_query_answer(char *line)
{
	struct warden_query *query;
	unsigned int serial, answer;
	char *eq;

	if (line[0] != 'A')
		return -EINVAL;
	eq = strchr(line, '=');
	if (!eq)
		return -EINVAL;
	*eq = '\0';
	if (kstrtouint(line + 1, 10, &serial) ||
	    kstrtouint(eq + 1, 10, &answer) ||
	    answer < WARDEN_ANSWER_GRANT || answer > WARDEN_ANSWER_RETRY)
		return -EINVAL;
	mutex_lock(&warden_query_lock);
	query = warden_query_find(serial);
	if (query)
		WRITE_ONCE(query->answer, answer);
	mutex_unlock(&warden_query_lock);
	/* A request that stopped waiting needs no answer: not an error. */
	wake_up_all(&warden_answer_wait);
	return 0;
}

/* The longest write the query file takes: a few answers. */
#define WARDEN_QUERY_WRITE_MAX 4096

static ssize_t warden_query_write(struct file *file, const char __user *ubuf,
				  size_t count, loff_t *ppos)
{
	char *buf, *cursor, *line;
	int err = 0;

	if (!warden_policy_manager_allows())
		return -EPERM;
	/* An empty write is how TOMOYO's tools ask "am I a manager?". */
	if (!count)
		return 0;
	if (count > WARDEN_QUERY_WRITE_MAX)
		return -EINVAL;
	buf = memdup_user_nul(ubuf, count);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	cursor = buf;
	while (!err && (line = strsep(&cursor, "\n"))) {
		line = strim(line);
		if (*line)
			err = warden_query_answer(line);
	}
	kfree(buf);
	return err ? err : count;
}

static __poll_t warden_query_poll(struct file *file, poll_table *wait)
{
	struct warden_query_reader *reader = file->private_data;

	poll_wait(file, &warden_query_wait, wait);
	if (READ_ONCE(reader->text) || warden_query_pending(reader))
		return EPOLLIN | EPOLLRDNORM;
	return 0;
}

static int warden_query_open(struct inode *inode, struct file *file)
{
	struct warden_query_reader *reader;

	reader = kzalloc(sizeof(*reader), GFP_KERNEL);
	if (!reader)
		return -ENOMEM;
	mutex_init(&reader->lock);
	file->private_data = reader;
	if (file->f_mode & FMODE_READ)
		atomic_inc(&warden_query_readers);
	return 0;
}

/* The last supervisor leaving rejects every request still waiting. */
static int warden_query_release(struct inode *inode, struct file *file)
{
	struct warden_query_reader *reader = file->private_data;

	if ((file->f_mode & FMODE_READ) &&
	    atomic_dec_and_test(&warden_query_readers))
		wake_up_all(&warden_answer_wait);
	kfree(reader->text);
	kfree(reader);
	return 0;
}

const struct file_operations warden_query_fops = {
	.open = warden_query_open,
	.read = warden_query_read,
	.write = warden_query_write,
	.poll = warden_query_poll,
	.release = warden_query_release,
	.llseek = noop_llseek,
};
