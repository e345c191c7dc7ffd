// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - statistics and memory accounting.
 *
 * The counters are lock-free: a reader of the stat file may see one
 * counter a moment older than another, which is all a statistic promises.
 * The layout of the stat file is TOMOYO's, so tools that parse it keep
 * working; Warden's own counters follow TOMOYO's lines.
 */

#include "common.h"

#include <linux/atomic.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/time64.h>
#include <linux/timekeeping.h>
#include <kunit/visibility.h>

#include "stat.h"

/* The whole label of each line; the stat file pads them to one width. */
static const char *const warden_stat_labels[] = {
	[WARDEN_STAT_POLICY_UPDATE] = "Policy update:",
	[WARDEN_STAT_VIOLATION_LEARNING] = "Policy violation in learning mode:",
	[WARDEN_STAT_VIOLATION_PERMISSIVE] =
		"Policy violation in permissive mode:",
	[WARDEN_STAT_VIOLATION_ENFORCING] =
		"Policy violation in enforcing mode:",
	[WARDEN_STAT_VIOLATION_QUIETED] = "Policy violation quieted:",
};

static_assert(ARRAY_SIZE(warden_stat_labels) == WARDEN_STAT_NR_EVENTS);

static const char *const warden_memory_labels[] = {
	[WARDEN_MEMORY_POLICY] = "Memory used by policy:",
	[WARDEN_MEMORY_AUDIT] = "Memory used by audit log:",
	[WARDEN_MEMORY_QUERY] = "Memory used by query message:",
};

static_assert(ARRAY_SIZE(warden_memory_labels) == WARDEN_MEMORY_NR_KINDS);

/* Visible to the KUnit suite, which counts an event of its own. */
VISIBLE_IF_KUNIT atomic_t warden_stat_count[WARDEN_STAT_NR_EVENTS];
static time64_t warden_stat_last[WARDEN_STAT_NR_EVENTS];

static atomic_t warden_memory_used[WARDEN_MEMORY_NR_KINDS];
/*
 * Zero means unlimited, as in TOMOYO.  The audit and query pools start
 * bounded, with the values TOMOYO's tools configure, so that a flood of
 * violations cannot pin unbounded kernel memory before anyone sets them.
 */
static unsigned int warden_memory_quota[WARDEN_MEMORY_NR_KINDS] = {
	[WARDEN_MEMORY_AUDIT] = 16 * 1024 * 1024,
	[WARDEN_MEMORY_QUERY] = 1024 * 1024,
};

/* Records the audit log could not keep; printed after TOMOYO's lines. */
static atomic_t warden_audit_dropped;

/**
 * warden_time_to_text - format a wall-clock time as TOMOYO prints it
 * @seconds: seconds since the epoch.
 * @buf: receives "YYYY/MM/DD hh:mm:ss" in UTC.
 */
void warden_time_to_text(time64_t seconds, char buf[WARDEN_TIME_TEXT_SIZE])
{
	struct tm tm;

	time64_to_tm(seconds, 0, &tm);
	snprintf(buf, WARDEN_TIME_TEXT_SIZE, "%04u/%02u/%02u %02u:%02u:%02u",
		 (unsigned int)(tm.tm_year + 1900), tm.tm_mon + 1, tm.tm_mday,
		 tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/**
 * warden_stat_audit_dropped - count an audit record that was not kept
 */
void warden_stat_audit_dropped(void)
{
	atomic_inc(&warden_audit_dropped);
}

/**
 * warden_stat_record - count one event and remember when it happened
 * @event: what happened.
 */
void warden_stat_record(enum warden_stat_event event)
{
	if (WARN_ON_ONCE(event >= WARDEN_STAT_NR_EVENTS))
		return;
	atomic_inc(&warden_stat_count[event]);
	WRITE_ONCE(warden_stat_last[event], ktime_get_real_seconds());
}

/* A label padded to 37 columns, then a number right-aligned to column 48. */
static void warden_stat_line(struct seq_file *m, const char *label,
			     unsigned int value)
{
	seq_printf(m, "%-37s %10u", label, value);
}

/**
 * warden_stat_show - print the stat file
 * @m: the seq_file to print into.
 *
 * Each line is a label padded to 37 columns and a 10-column number, as
 * TOMOYO prints them; "(Last: ...)" follows an event counter once the
 * event has happened, "(Quota: ...)" a memory line whose quota is set.
 */
void warden_stat_show(struct seq_file *m)
{
	unsigned int total = 0;
	int i;

	for (i = 0; i < WARDEN_STAT_NR_EVENTS; i++) {
		time64_t last = READ_ONCE(warden_stat_last[i]);

		warden_stat_line(m, warden_stat_labels[i],
				 atomic_read(&warden_stat_count[i]));
		if (last) {
			char text[WARDEN_TIME_TEXT_SIZE];

			warden_time_to_text(last, text);
			seq_printf(m, " (Last: %s)", text);
		}
		seq_putc(m, '\n');
	}
	for (i = 0; i < WARDEN_MEMORY_NR_KINDS; i++) {
		unsigned int used = atomic_read(&warden_memory_used[i]);
		unsigned int quota = READ_ONCE(warden_memory_quota[i]);

		total += used;
		warden_stat_line(m, warden_memory_labels[i], used);
		if (quota)
			seq_printf(m, " (Quota: %10u)", quota);
		seq_putc(m, '\n');
	}
	warden_stat_line(m, "Total memory used:", total);
	seq_putc(m, '\n');
	warden_stat_line(m, "Audit records dropped:",
			 atomic_read(&warden_audit_dropped));
	seq_putc(m, '\n');
}

/**
 * warden_stat_parse_quota - parse one line written to the stat file
 * @line: "Memory used by <pool>: <bytes>", without its newline.
 * @kind: receives the pool.
 * @quota: receives the number of bytes, 0 for unlimited.
 *
 * Return: 0 on success, -EINVAL if the line names no pool or the number
 * is not a decimal that fits in 32 bits.
 */
int warden_stat_parse_quota(const char *line, enum warden_memory_kind *kind,
			    unsigned int *quota)
{
	int i;

	for (i = 0; i < WARDEN_MEMORY_NR_KINDS; i++) {
		size_t len = str_has_prefix(line, warden_memory_labels[i]);

		if (!len)
			continue;
		line = skip_spaces(line + len);
		if (kstrtouint(line, 10, quota))
			return -EINVAL;
		*kind = i;
		return 0;
	}
	return -EINVAL;
}

/**
 * warden_stat_set_quota - set the quota of a memory pool
 * @kind: the pool.
 * @quota: bytes, 0 for unlimited.
 */
void warden_stat_set_quota(enum warden_memory_kind kind, unsigned int quota)
{
	if (WARN_ON_ONCE(kind >= WARDEN_MEMORY_NR_KINDS))
		return;
	WRITE_ONCE(warden_memory_quota[kind], quota);
}

/*
 * The tasks whose policy memory is counted apart from the pool, each by
 * a warden_memory_account_begin() still in effect.  Few tasks are ever on
 * it (one per policy document being parsed or policy being freed), and
 * only policy changes look it up, never a decision.
 */
static LIST_HEAD(warden_memory_accounts);
static DEFINE_SPINLOCK(warden_memory_accounts_lock);

/**
 * warden_memory_account_begin - count the caller's policy memory apart
 * @account: the caller's entry, on its stack, until the matching
 *           warden_memory_account_end().
 * @used: the counter that takes the caller's charges, e.g. the size of a
 *        policy that is not in force.
 *
 * A policy being built beside the one in force, or freed after it was
 * replaced, must not count against the quota of the policy in force: its
 * charges are checked against the quota on their own and kept in @used.
 */
void warden_memory_account_begin(struct warden_memory_account *account,
				 size_t *used)
{
	unsigned long flags;

	account->task = current;
	account->used = used;
	spin_lock_irqsave(&warden_memory_accounts_lock, flags);
	list_add(&account->list, &warden_memory_accounts);
	spin_unlock_irqrestore(&warden_memory_accounts_lock, flags);
}

/**
 * warden_memory_account_end - count the caller's policy memory in the pool again
 * @account: the entry warden_memory_account_begin() took.
 */
void warden_memory_account_end(struct warden_memory_account *account)
{
	unsigned long flags;

	spin_lock_irqsave(&warden_memory_accounts_lock, flags);
	list_del(&account->list);
	spin_unlock_irqrestore(&warden_memory_accounts_lock, flags);
}

/*
 * Charge (@size > 0) or uncharge the caller's own account, if it has one.
 * Returns false when it has none; sets *@fits to whether the charge was
 * within the quota (and made).
 */
static bool warden_memory_account_move(long size, unsigned int quota,
				       bool *fits)
{
	struct warden_memory_account *account;
	unsigned long flags;
	bool found = false;

	if (list_empty_careful(&warden_memory_accounts))
		return false;
	spin_lock_irqsave(&warden_memory_accounts_lock, flags);
	list_for_each_entry(account, &warden_memory_accounts, list) {
		if (account->task != current)
			continue;
		found = true;
		if (size < 0) {
			WARN_ON_ONCE(*account->used < -size);
			*account->used -= min_t(size_t, -size, *account->used);
			*fits = true;
		} else {
			*fits = *account->used + size <= INT_MAX &&
				(!quota || *account->used + size <= quota);
			if (*fits)
				*account->used += size;
		}
		break;
	}
	spin_unlock_irqrestore(&warden_memory_accounts_lock, flags);
	return found;
}

/**
 * warden_memory_charge - account memory to a pool, within its quota
 * @kind: the pool.
 * @size: bytes about to be allocated.
 *
 * Policy memory of a task inside warden_memory_account_begin() goes to its
 * own account instead, against the same quota.
 *
 * Return: true if the pool had room and now counts @size; false if the
 * quota would be exceeded, in which case nothing is counted.
 */
bool warden_memory_charge(enum warden_memory_kind kind, size_t size)
{
	unsigned int quota = READ_ONCE(warden_memory_quota[kind]);
	int used = atomic_read(&warden_memory_used[kind]);
	bool fits;

	if (kind == WARDEN_MEMORY_POLICY && size <= INT_MAX &&
	    warden_memory_account_move(size, quota, &fits))
		return fits;
	do {
		if (size > INT_MAX - used ||
		    (quota && used + size > quota))
			return false;
	} while (!atomic_try_cmpxchg(&warden_memory_used[kind], &used,
				     used + size));
	return true;
}

/**
 * warden_memory_uncharge - return memory accounted by warden_memory_charge()
 * @kind: the pool.
 * @size: the bytes charged.
 */
void warden_memory_uncharge(enum warden_memory_kind kind, size_t size)
{
	bool fits;

	if (kind == WARDEN_MEMORY_POLICY && size <= INT_MAX &&
	    warden_memory_account_move(-(long)size, 0, &fits))
		return;
	WARN_ON_ONCE(atomic_sub_return(size, &warden_memory_used[kind]) < 0);
}

/**
 * warden_memory_replace - make an account the pool, and the pool an account
 * @kind: the pool.
 * @used: the bytes of the policy that goes in force.
 * @replaced: receives the bytes the pool counted, those of the policy
 *            that leaves.
 *
 * The caller serialises every charge of the pool (it holds the policy
 * lock), so nothing is counted between the read and the write.
 *
 * Return: 0, or -ENOMEM when @used is over the quota; nothing changes then.
 */
int warden_memory_replace(enum warden_memory_kind kind, size_t used,
			  size_t *replaced)
{
	unsigned int quota = READ_ONCE(warden_memory_quota[kind]);

	if (used > INT_MAX || (quota && used > quota))
		return -ENOMEM;
	*replaced = atomic_xchg(&warden_memory_used[kind], used);
	return 0;
}

/**
 * warden_memory_in_use - the bytes a pool counts now
 * @kind: the pool.
 *
 * Return: what warden_memory_charge() counted and was not yet returned.
 */
unsigned int warden_memory_in_use(enum warden_memory_kind kind)
{
	return atomic_read(&warden_memory_used[kind]);
}
