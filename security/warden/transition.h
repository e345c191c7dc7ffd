/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - transition controls and aggregators, compiled when written.
 *
 * The exception policy lines that say where an exec goes are parsed once
 * into typed entries; an exec walks them without allocating, so memory
 * pressure can never send a program into another domain.
 */

#ifndef _SECURITY_WARDEN_TRANSITION_H
#define _SECURITY_WARDEN_TRANSITION_H

#include <linux/list.h>
#include <linux/rcupdate.h>
#include <linux/refcount.h>
#include <linux/seq_file.h>
#include <linux/types.h>

/**
 * enum warden_transition_kind - the keyword of a transition line
 * @WARDEN_NO_RESET_DOMAIN: "no_reset_domain".
 * @WARDEN_RESET_DOMAIN: "reset_domain".
 * @WARDEN_NO_INITIALIZE_DOMAIN: "no_initialize_domain".
 * @WARDEN_INITIALIZE_DOMAIN: "initialize_domain".
 * @WARDEN_NO_KEEP_DOMAIN: "no_keep_domain".
 * @WARDEN_KEEP_DOMAIN: "keep_domain".
 * @WARDEN_AGGREGATOR: "aggregator".
 * @WARDEN_NR_TRANSITION_KINDS: the number of keywords.
 *
 * Each no_ form directly precedes its positive form, in TOMOYO's order.
 */
enum warden_transition_kind {
	WARDEN_NO_RESET_DOMAIN,
	WARDEN_RESET_DOMAIN,
	WARDEN_NO_INITIALIZE_DOMAIN,
	WARDEN_INITIALIZE_DOMAIN,
	WARDEN_NO_KEEP_DOMAIN,
	WARDEN_KEEP_DOMAIN,
	WARDEN_AGGREGATOR,
	WARDEN_NR_TRANSITION_KINDS,
};

/**
 * enum warden_transition - where an exec takes a task
 * @WARDEN_TRANSITION_CHILD: to the child "<domain> <program>".
 * @WARDEN_TRANSITION_RESET: to the root of the namespace "<program>".
 * @WARDEN_TRANSITION_INITIALIZE: to "<namespace> <program>".
 * @WARDEN_TRANSITION_KEEP: nowhere; the task stays in its domain.
 */
enum warden_transition {
	WARDEN_TRANSITION_CHILD,
	WARDEN_TRANSITION_RESET,
	WARDEN_TRANSITION_INITIALIZE,
	WARDEN_TRANSITION_KEEP,
};

/**
 * enum warden_transition_from - which execs a control's "from" part covers
 * @WARDEN_FROM_ANY: "any": every domain.
 * @WARDEN_FROM_DOMAIN: a domainname: that domain only.
 * @WARDEN_FROM_PROGRAM: a program or pattern: domains whose last program
 *                       it names.
 */
enum warden_transition_from {
	WARDEN_FROM_ANY,
	WARDEN_FROM_DOMAIN,
	WARDEN_FROM_PROGRAM,
};

/**
 * struct warden_transition_entry - one transition control or aggregator
 * @list: links the entries of &warden_exception_policy.transitions, in
 *        the order written.
 * @rcu: defers dropping the list's reference past the readers.
 * @usage: references: one while the entry is listed, one for each exec
 *         that holds its aggregated name.
 * @charged: the bytes charged to the policy quota while it is listed.
 * @kind: an &enum warden_transition_kind.
 * @from: for a control, an &enum warden_transition_from.
 * @program_any: for a control, the program is "any".
 * @program_pattern: the program (an aggregator's pattern) has wildcards.
 * @from_pattern: a %WARDEN_FROM_PROGRAM @second has wildcards.
 * @second: a control's "from" part, or the name an aggregator gives;
 *          points into @program's buffer.
 * @program: the program, "any" or pattern; then @second.
 *
 * Nothing in an entry changes once it is listed; deleting one unlinks it
 * and drops the list's reference after a grace period, so a reader that
 * found it under RCU may take a reference with refcount_inc().
 */
struct warden_transition_entry {
	struct list_head list;
	struct rcu_head rcu;
	refcount_t usage;
	size_t charged;
	u8 kind;
	u8 from;
	bool program_any;
	bool program_pattern;
	bool from_pattern;
	const char *second;
	char program[];
};

int warden_transition_kind_of(const char *keyword);
int warden_transition_write(struct list_head *list, unsigned int kind,
			    char *args, bool is_delete, const char **reason);
void warden_transition_show(struct seq_file *m, const struct list_head *list,
			    const char *prefix);
void warden_transition_clear(struct list_head *list);
enum warden_transition
warden_transition_decide(const struct list_head *list, const char *domainname,
			 const char *program);
struct warden_transition_entry *
warden_transition_aggregate(const struct list_head *list, const char *program);
void warden_transition_put(struct warden_transition_entry *entry);

/**
 * warden_aggregated_name - the name an aggregator gives the programs it matches
 * @entry: an aggregator that warden_transition_aggregate() returned.
 *
 * Return: the name, valid while the caller holds its reference on @entry.
 */
static inline const char *
warden_aggregated_name(const struct warden_transition_entry *entry)
{
	return entry->second;
}

#endif /* _SECURITY_WARDEN_TRANSITION_H */
