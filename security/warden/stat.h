/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - statistics and memory accounting.
 *
 * Counts policy updates and violations per mode with the time of the last
 * one, and the memory held by policy, audit records and query messages
 * against their quotas.  The stat file prints them in TOMOYO's layout.
 */

#ifndef _SECURITY_WARDEN_STAT_H
#define _SECURITY_WARDEN_STAT_H

#include <linux/list.h>
#include <linux/seq_file.h>
#include <linux/time64.h>
#include <linux/types.h>

struct task_struct;

/**
 * enum warden_stat_event - events counted in the stat file
 * @WARDEN_STAT_POLICY_UPDATE: a write changed the policy.
 * @WARDEN_STAT_VIOLATION_LEARNING: a request was learned.
 * @WARDEN_STAT_VIOLATION_PERMISSIVE: a request was allowed, not granted.
 * @WARDEN_STAT_VIOLATION_ENFORCING: a request was rejected.
 * @WARDEN_STAT_VIOLATION_QUIETED: a request nothing granted was covered by
 *                                 a quiet rule, in any mode; it is not
 *                                 counted on the mode's line.
 * @WARDEN_STAT_NR_EVENTS: number of counters.
 */
enum warden_stat_event {
	WARDEN_STAT_POLICY_UPDATE,
	WARDEN_STAT_VIOLATION_LEARNING,
	WARDEN_STAT_VIOLATION_PERMISSIVE,
	WARDEN_STAT_VIOLATION_ENFORCING,
	WARDEN_STAT_VIOLATION_QUIETED,
	WARDEN_STAT_NR_EVENTS,
};

/**
 * enum warden_memory_kind - memory pools accounted against a quota
 * @WARDEN_MEMORY_POLICY: domains, ACLs and the exception policy.
 * @WARDEN_MEMORY_AUDIT: audit records waiting for a reader.
 * @WARDEN_MEMORY_QUERY: violations waiting for an answer.
 * @WARDEN_MEMORY_NR_KINDS: number of pools.
 */
enum warden_memory_kind {
	WARDEN_MEMORY_POLICY,
	WARDEN_MEMORY_AUDIT,
	WARDEN_MEMORY_QUERY,
	WARDEN_MEMORY_NR_KINDS,
};

/**
 * struct warden_memory_account - a task's policy memory counted apart
 * @list: links the accounts in effect.
 * @task: the task whose charges it takes.
 * @used: the counter the charges go to.
 */
struct warden_memory_account {
	struct list_head list;
	struct task_struct *task;
	size_t *used;
};

/* "YYYY/MM/DD hh:mm:ss" and its NUL. */
#define WARDEN_TIME_TEXT_SIZE 20

void warden_time_to_text(time64_t seconds, char buf[WARDEN_TIME_TEXT_SIZE]);
void warden_stat_record(enum warden_stat_event event);
void warden_stat_audit_dropped(void);
void warden_stat_show(struct seq_file *m);
int warden_stat_parse_quota(const char *line, enum warden_memory_kind *kind,
			    unsigned int *quota);
void warden_stat_set_quota(enum warden_memory_kind kind, unsigned int quota);
bool warden_memory_charge(enum warden_memory_kind kind, size_t size);
void warden_memory_uncharge(enum warden_memory_kind kind, size_t size);
void warden_memory_account_begin(struct warden_memory_account *account,
				 size_t *used);
void warden_memory_account_end(struct warden_memory_account *account);
int warden_memory_replace(enum warden_memory_kind kind, size_t used,
			  size_t *replaced);
unsigned int warden_memory_in_use(enum warden_memory_kind kind);

#if IS_ENABLED(CONFIG_SECURITY_WARDEN_KUNIT_TEST)
/* How often each event happened; stat.c's own unless KUnit tests it. */
extern atomic_t warden_stat_count[WARDEN_STAT_NR_EVENTS];
#endif

#endif /* _SECURITY_WARDEN_STAT_H */
