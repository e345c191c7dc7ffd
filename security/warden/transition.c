// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - transition controls and aggregators: parsed into typed
 * entries when written, printed in TOMOYO 2.6's canonical form, and
 * consulted at exec without allocating anything.
 *
 * An exec needs two answers from them: the name the program goes by (the
 * first aggregator that matches it), and which control, if any, overrides
 * the ordinary "child" transition.
 */

#include "common.h"

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/overflow.h>
#include <linux/rculist.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "pattern.h"
#include "stat.h"
#include "transition.h"
#include "value.h"

static const char *const warden_transition_names[] = {
	[WARDEN_NO_RESET_DOMAIN] = "no_reset_domain",
	[WARDEN_RESET_DOMAIN] = "reset_domain",
	[WARDEN_NO_INITIALIZE_DOMAIN] = "no_initialize_domain",
	[WARDEN_INITIALIZE_DOMAIN] = "initialize_domain",
	[WARDEN_NO_KEEP_DOMAIN] = "no_keep_domain",
	[WARDEN_KEEP_DOMAIN] = "keep_domain",
	[WARDEN_AGGREGATOR] = "aggregator",
};

static_assert(ARRAY_SIZE(warden_transition_names) ==
	      WARDEN_NR_TRANSITION_KINDS);

/*
 * The longest canonical line accepted: what did not fit TOMOYO's line
 * buffer would not read back as what was written.
 */
#define WARDEN_TRANSITION_TEXT_MAX 8192

/**
 * warden_transition_kind_of - the transition keyword a word is
 * @keyword: the first word of an exception policy line.
 *
 * Return: the &enum warden_transition_kind, or -EINVAL if @keyword is
 * not a transition control or "aggregator".
 */
int warden_transition_kind_of(const char *keyword)
{
	int kind = match_string(warden_transition_names,
				ARRAY_SIZE(warden_transition_names), keyword);

	return kind < 0 ? -EINVAL : kind;
}

/* A new, unlisted entry holding @program and @second, charged. */
static struct warden_transition_entry *
warden_transition_new(unsigned int kind, const char *program,
		      const char *second)
{
	size_t program_len = strlen(program), second_len = strlen(second);
	struct warden_transition_entry *entry;
	size_t size;

	size = struct_size(entry, program, program_len + second_len + 2);
	if (!warden_memory_charge(WARDEN_MEMORY_POLICY, size))
		return NULL;
	entry = kzalloc(size, GFP_KERNEL_ACCOUNT);
	if (!entry) {
		warden_memory_uncharge(WARDEN_MEMORY_POLICY, size);
		return NULL;
	}
	refcount_set(&entry->usage, 1);
	entry->charged = size;
	entry->kind = kind;
	memcpy(entry->program, program, program_len + 1);
	entry->second = entry->program + program_len + 1;
	memcpy(entry->program + program_len + 1, second, second_len + 1);
	entry->program_pattern = warden_word_has_wildcard(program);
	if (kind == WARDEN_AGGREGATOR)
		return entry;
	entry->program_any = !strcmp(program, "any");
	if (!strcmp(second, "any")) {
		entry->from = WARDEN_FROM_ANY;
	} else if (*second == '<') {
		entry->from = WARDEN_FROM_DOMAIN;
	} else {
		entry->from = WARDEN_FROM_PROGRAM;
		entry->from_pattern = warden_word_has_wildcard(second);
	}
	return entry;
}

/**
 * warden_transition_put - drop a reference on an entry
 * @entry: the entry, or %NULL.
 *
 * The last reference is dropped only once the entry is unlisted and no
 * reader can find it any more, so it is freed at once.
 */
void warden_transition_put(struct warden_transition_entry *entry)
{
	if (entry && refcount_dec_and_test(&entry->usage))
		kfree(entry);
}

static void warden_transition_release(struct rcu_head *head)
{
	warden_transition_put(container_of(head, struct warden_transition_entry,
					   rcu));
}

/*
 * Unlink an entry; the list's reference goes after a grace period, when no
 * reader that found the entry can still be taking a reference.
 */
static void warden_transition_remove(struct warden_transition_entry *entry)
{
	list_del_rcu(&entry->list);
	warden_memory_uncharge(WARDEN_MEMORY_POLICY, entry->charged);
	call_rcu(&entry->rcu, warden_transition_release);
}

/*
 * Split "<program|any> [from <domainname|program|any>]" into its two
 * parts, filling in what TOMOYO 2.6 leaves implied: "keep_domain
 * <domain>" means any program from that domain, and the other controls
 * without "from" apply from any domain.
 */
static int warden_control_parse(unsigned int kind, char *args,
				const char **program, const char **from,
				const char **reason)
{
	char *split = strstr(args, " from ");

	*program = args;
	if (split) {
		*split = '\0';
		*from = split + strlen(" from ");
	} else if (kind == WARDEN_KEEP_DOMAIN || kind == WARDEN_NO_KEEP_DOMAIN) {
		*program = "any";
		*from = args;
	} else {
		*from = "any";
	}
	if (strcmp(*program, "any") &&
	    !warden_program_word_valid(*program, true)) {
		*reason = "the program must be a pathname or \"any\"";
		return -EINVAL;
	}
	if (strcmp(*from, "any") && warden_domainname_check(*from) &&
	    !warden_program_word_valid(*from, true)) {
		*reason = "after \"from\" comes a domainname, a program or \"any\"";
		return -EINVAL;
	}
	if (strlen(warden_transition_names[kind]) + strlen(*program) +
	    strlen(*from) + strlen("  from ") >= WARDEN_TRANSITION_TEXT_MAX) {
		*reason = "too long";
		return -EINVAL;
	}
	return 0;
}

/* "<pattern> <name>": the programs an aggregator matches, and their name. */
static int warden_aggregator_parse(char *args, const char **pattern,
				   const char **name, const char **reason)
{
	char *space = strchr(args, ' ');

	if (!space || strchr(space + 1, ' ')) {
		*reason = "aggregator takes a pattern and a pathname";
		return -EINVAL;
	}
	*space = '\0';
	*pattern = args;
	*name = space + 1;
	if (!warden_program_word_valid(*pattern, true) ||
	    !warden_program_word_valid(*name, false)) {
		*reason = "aggregator takes a pattern and a pathname";
		return -EINVAL;
	}
	if (strlen(*pattern) + strlen(*name) + 1 >= WARDEN_TRANSITION_TEXT_MAX) {
		*reason = "too long";
		return -EINVAL;
	}
	return 0;
}

/**
 * warden_transition_write - add a transition control or aggregator, or delete it
 * @list: the entries; the caller serializes the writers of the policy.
 * @kind: the line's &enum warden_transition_kind.
 * @args: what follows the keyword; parsed in place.
 * @is_delete: remove the entry instead of adding it.
 * @reason: receives why the line was refused.
 *
 * An entry already listed is not added twice.  Readers walking @list
 * under RCU see it before or after the change, never half of it.
 *
 * Return: 0; -EINVAL for a malformed line; -ENOENT when deleting an entry
 * that is not there; -ENOMEM when memory or the policy quota runs out.
 */
int warden_transition_write(struct list_head *list, unsigned int kind,
			    char *args, bool is_delete, const char **reason)
{
	struct warden_transition_entry *entry;
	const char *program, *second;
	int err;

	if (kind >= WARDEN_NR_TRANSITION_KINDS) {
		*reason = "unknown keyword";
		return -EINVAL;
	}
	if (kind == WARDEN_AGGREGATOR)
		err = warden_aggregator_parse(args, &program, &second, reason);
	else
		err = warden_control_parse(kind, args, &program, &second,
					   reason);
	if (err)
		return err;
	list_for_each_entry(entry, list, list) {
		if (entry->kind != kind || strcmp(entry->program, program) ||
		    strcmp(entry->second, second))
			continue;
		if (is_delete)
			warden_transition_remove(entry);
		return 0;
	}
	if (is_delete) {
		*reason = "no such entry to delete";
		return -ENOENT;
	}
	entry = warden_transition_new(kind, program, second);
	if (!entry)
		return -ENOMEM;
	list_add_tail_rcu(&entry->list, list);
	return 0;
}

/**
 * warden_transition_show - print transition controls and aggregators
 * @m: the seq_file.
 * @list: the entries; the caller holds the policy's writer lock or is in
 *        an RCU read-side critical section.
 * @prefix: printed before every line, e.g. "<apache> " for a namespace.
 *
 * In the order written, in TOMOYO 2.6's canonical form:
 * "keep_domain any from <kernel> /usr/sbin/sshd",
 * "aggregator /usr/bin/\*vi\* /usr/bin/editor".
 */
void warden_transition_show(struct seq_file *m, const struct list_head *list,
			    const char *prefix)
{
	const struct warden_transition_entry *entry;

	lockdep_assert(warden_policy_readable());
	list_for_each_entry_rcu(entry, list, list, true) {
		if (entry->kind == WARDEN_AGGREGATOR)
			seq_printf(m, "%saggregator %s %s\n", prefix,
				   entry->program, entry->second);
		else
			seq_printf(m, "%s%s %s from %s\n", prefix,
				   warden_transition_names[entry->kind],
				   entry->program, entry->second);
	}
}

/**
 * warden_transition_clear - unlink and release every entry of a list
 * @list: the entries; the caller serializes the writers of the policy.
 */
void warden_transition_clear(struct list_head *list)
{
	struct warden_transition_entry *entry, *next;

	list_for_each_entry_safe(entry, next, list, list)
		warden_transition_remove(entry);
}

/* Whether @pattern, a program that may hold wildcards, names @name. */
static bool warden_program_matches(const char *pattern, bool is_pattern,
				   const char *name)
{
	return is_pattern ? warden_pattern_match(name, pattern) :
			    !strcmp(pattern, name);
}

/* Whether a control covers an exec of @program from @domainname. */
static bool warden_control_applies(const struct warden_transition_entry *entry,
				   const char *domainname, const char *program)
{
	const char *last;

	switch (entry->from) {
	case WARDEN_FROM_DOMAIN:
		if (strcmp(entry->second, domainname))
			return false;
		break;
	case WARDEN_FROM_PROGRAM:
		/* The program the domain was last entered by. */
		last = strrchr(domainname, ' ');
		if (!last || !warden_program_matches(entry->second,
						     entry->from_pattern,
						     last + 1))
			return false;
		break;
	}
	return entry->program_any ||
	       warden_program_matches(entry->program, entry->program_pattern,
				      program);
}

/* Whether some control of @kind covers the exec. */
static bool warden_control_found(const struct list_head *list,
				 unsigned int kind, const char *domainname,
				 const char *program)
{
	const struct warden_transition_entry *entry;

	list_for_each_entry_rcu(entry, list, list)
		if (entry->kind == kind &&
		    warden_control_applies(entry, domainname, program))
			return true;
	return false;
}

/**
 * warden_transition_decide - the transition control that applies to an exec
 * @list: the namespace's entries; the caller is in an RCU read-side
 *        critical section or holds the policy's writer lock.
 * @domainname: the domain the exec happens in.
 * @program: the program executed, after aggregation.
 *
 * As TOMOYO 2.6 decides: reset, then initialize, then keep, each unless
 * its no_ form also covers the exec.  Nothing is allocated, so the answer
 * depends on the policy alone.
 *
 * Return: %WARDEN_TRANSITION_RESET, %WARDEN_TRANSITION_INITIALIZE or
 * %WARDEN_TRANSITION_KEEP, or %WARDEN_TRANSITION_CHILD when none applies.
 */
enum warden_transition
warden_transition_decide(const struct list_head *list, const char *domainname,
			 const char *program)
{
	static const struct {
		u8 kind;
		u8 transition;
	} order[] = {
		{ WARDEN_RESET_DOMAIN, WARDEN_TRANSITION_RESET },
		{ WARDEN_INITIALIZE_DOMAIN, WARDEN_TRANSITION_INITIALIZE },
		{ WARDEN_KEEP_DOMAIN, WARDEN_TRANSITION_KEEP },
	};
	unsigned int i;

	lockdep_assert(warden_policy_readable());
	for (i = 0; i < ARRAY_SIZE(order); i++) {
		/* The no_ form sits just before its positive form. */
		if (warden_control_found(list, order[i].kind - 1, domainname,
					 program))
			continue;
		if (warden_control_found(list, order[i].kind, domainname,
					 program))
			return order[i].transition;
	}
	return WARDEN_TRANSITION_CHILD;
}

/**
 * warden_transition_aggregate - the aggregator that names a program
 * @list: the namespace's entries; the caller is in an RCU read-side
 *        critical section.
 * @program: the pathname of the executed program.
 *
 * Taking a reference cannot fail, so an exec either finds the aggregator
 * the policy has for it, or the policy has none.
 *
 * Return: the first aggregator whose pattern matches @program, with a
 * reference the caller drops with warden_transition_put(); or %NULL.
 */
struct warden_transition_entry *
warden_transition_aggregate(const struct list_head *list, const char *program)
{
	struct warden_transition_entry *entry;

	lockdep_assert(warden_policy_readable());
	list_for_each_entry_rcu(entry, list, list) {
		if (entry->kind != WARDEN_AGGREGATOR ||
		    !warden_program_matches(entry->program,
					    entry->program_pattern, program))
			continue;
		refcount_inc(&entry->usage);
		return entry;
	}
	return NULL;
}
