// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - the exception policy: parsing, printing and storage.
 *
 * Each line is checked and turned into its canonical text as TOMOYO 2.6
 * prints it ("keep_domain any from <kernel> /usr/sbin/sshd"); a line
 * already present is not added twice, and "delete" removes one.
 */

#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/overflow.h>
#include <linux/rculist.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "acl.h"
#include "domain.h"
#include "domain_policy.h"
#include "exception.h"
#include "netacl.h"
#include "pattern.h"
#include "policy.h"
#include "stat.h"

/* Transition keywords, in the order TOMOYO numbers them; then aggregator. */
static const char *const warden_transition_names[] = {
	"no_reset_domain", "reset_domain", "no_initialize_domain",
	"initialize_domain", "no_keep_domain", "keep_domain", "aggregator",
};

#define WARDEN_AGGREGATOR (ARRAY_SIZE(warden_transition_names) - 1)
#define WARDEN_NO_KEEP 4
#define WARDEN_KEEP 5

static const char *const warden_group_names[] = {
	"path_group", "number_group", "address_group",
};

#define WARDEN_PATH_GROUP 0
#define WARDEN_NUMBER_GROUP 1
#define WARDEN_ADDRESS_GROUP 2

/* The longest canonical text of one exception line we build. */
#define WARDEN_EXCEPTION_TEXT_MAX 8192

/**
 * warden_exception_init - prepare an empty exception policy
 * @exception: the exception policy.
 */
void warden_exception_init(struct warden_exception_policy *exception)
{
	INIT_LIST_HEAD(&exception->transitions);
	INIT_LIST_HEAD(&exception->groups);
	INIT_LIST_HEAD(&exception->acl_groups);
}

static size_t warden_line_size(const char *text)
{
	return struct_size_t(struct warden_text_line, text,
			     strlen(text) + 1);
}

static void warden_line_free(struct warden_text_line *line)
{
	list_del_rcu(&line->list);
	warden_memory_uncharge(WARDEN_MEMORY_POLICY,
			       warden_line_size(line->text));
	kfree_rcu_mightsleep(line);
}

/**
 * warden_text_list_update - add a canonical line to a list, or delete it
 * @list: the list; the caller holds warden_policy_lock.
 * @kind: the line's keyword, compared with the entries' kind.
 * @text: the canonical text.
 * @is_delete: remove the line instead of adding it.
 * @reason: receives why the update was refused.
 *
 * A line already in the list is not added twice.
 *
 * Return: 0; -ENOENT when deleting a line that is not there; -ENOMEM
 * when memory or the policy quota runs out.
 */
int warden_text_list_update(struct list_head *list, u8 kind,
			    const char *text, bool is_delete,
			    const char **reason)
{
	struct warden_text_line *line;
	size_t size;

	list_for_each_entry(line, list, list) {
		if (line->kind != kind || strcmp(line->text, text))
			continue;
		if (is_delete)
			warden_line_free(line);
		return 0;
	}
	if (is_delete) {
		*reason = "no such entry to delete";
		return -ENOENT;
	}
	size = warden_line_size(text);
	if (!warden_memory_charge(WARDEN_MEMORY_POLICY, size))
		return -ENOMEM;
	line = kmalloc(size, GFP_KERNEL_ACCOUNT);
	if (!line) {
		warden_memory_uncharge(WARDEN_MEMORY_POLICY, size);
		return -ENOMEM;
	}
	line->kind = kind;
	memcpy(line->text, text, strlen(text) + 1);
	list_add_tail_rcu(&line->list, list);
	return 0;
}

/* A pathname or pseudo pathname ("pipe:[\$]"), with or without wildcards. */
static bool warden_path_word_valid(const char *word, bool wildcards)
{
	return *word && *word != '@' && *word != '<' &&
	       !warden_word_check(word, wildcards);
}

/*
 * A program: a pathname, which starts with "/" or, for files named by
 * their filesystem, with "<filesystem>:/" (init_policy writes
 * "aggregator proc:/self/exe /proc/self/exe").
 */
static bool warden_program_valid(const char *word, bool wildcards)
{
	const char *slash = strchr(word, '/');

	if (!slash || (slash != word &&
		       (slash == word + 1 || slash[-1] != ':')))
		return false;
	return !warden_word_check(word, wildcards);
}

/*
 * "<type> <program|any> [from <domainname|program|any>]" into
 * "<type> <program|any> from <domainname|program|any>".
 */
static int warden_transition_parse(unsigned int type, char *args, char *text,
				   const char **reason)
{
	char *program = args, *domain = strstr(args, " from ");

	if (domain) {
		*domain = '\0';
		domain += strlen(" from ");
	} else if (type == WARDEN_KEEP || type == WARDEN_NO_KEEP) {
		domain = program;
		program = "any";
	} else {
		domain = "any";
	}
	if (strcmp(program, "any") && !warden_program_valid(program, true)) {
		*reason = "the program must be a pathname or \"any\"";
		return -EINVAL;
	}
	if (strcmp(domain, "any") && warden_domainname_check(domain) &&
	    !warden_program_valid(domain, true)) {
		*reason = "after \"from\" comes a domainname, a program or \"any\"";
		return -EINVAL;
	}
	if (snprintf(text, WARDEN_EXCEPTION_TEXT_MAX, "%s %s from %s",
		     warden_transition_names[type], program,
		     domain) >= WARDEN_EXCEPTION_TEXT_MAX) {
		/* Kept cut short, it would no longer say what was written. */
		*reason = "too long";
		return -EINVAL;
	}
	return 0;
}

static int warden_aggregator_parse(char *args, char *text,
				   const char **reason)
{
	char *original = strsep(&args, " ");

	if (!args || strchr(args, ' ') || !warden_program_valid(original, true) ||
	    !warden_program_valid(args, false)) {
		*reason = "aggregator takes a pattern and a pathname";
		return -EINVAL;
	}
	if (snprintf(text, WARDEN_EXCEPTION_TEXT_MAX, "%s %s", original,
		     args) >= WARDEN_EXCEPTION_TEXT_MAX) {
		*reason = "too long";
		return -EINVAL;
	}
	return 0;
}

/* Check a group member and print it canonically into @text. */
static int warden_group_member_parse(unsigned int type, const char *member,
				     char *text, const char **reason)
{
	struct warden_number number;
	char *copy;

	switch (type) {
	case WARDEN_PATH_GROUP:
		if (!warden_path_word_valid(member, true)) {
			*reason = "invalid pathname or pattern";
			return -EINVAL;
		}
		if (strscpy(text, member, WARDEN_EXCEPTION_TEXT_MAX) < 0) {
			*reason = "too long";
			return -EINVAL;
		}
		return 0;
	case WARDEN_NUMBER_GROUP:
		copy = kstrdup(member, GFP_KERNEL);
		if (!copy)
			return -ENOMEM;
		if (warden_acl_parse_number(copy, &number)) {
			kfree(copy);
			*reason = "invalid number or range";
			return -EINVAL;
		}
		kfree(copy);
		warden_acl_print_number(text, WARDEN_EXCEPTION_TEXT_MAX,
					&number);
		return 0;
	}
	/* An IPv4 or IPv6 address, or a range of one family. */
	if (warden_address_canonical(member, text, WARDEN_EXCEPTION_TEXT_MAX)) {
		*reason = "invalid IPv4 or IPv6 address or range";
		return -EINVAL;
	}
	return 0;
}

/* The group of @type named @name, under RCU or warden_policy_lock. */
static struct warden_group *
warden_group_lookup(const struct warden_exception_policy *exception,
		    unsigned int type, const char *name)
{
	struct warden_group *group;

	list_for_each_entry_rcu(group, &exception->groups, list,
				lockdep_is_held(&warden_policy_lock))
		if (group->type == type && !strcmp(group->name, name))
			return group;
	return NULL;
}

static int warden_group_write(struct warden_exception_policy *exception,
			      unsigned int type, char *args, char *text,
			      bool is_delete, const char **reason)
{
	char *name = strsep(&args, " ");
	struct warden_group *group;
	size_t size;
	int err;

	if (!args || strchr(args, ' ') || !*name || *name == '@' ||
	    warden_word_check(name, false)) {
		*reason = "a group line is \"<keyword> <name> <member>\"";
		return -EINVAL;
	}
	err = warden_group_member_parse(type, args, text, reason);
	if (err)
		return err;
	group = warden_group_lookup(exception, type, name);
	if (group)
		/* An emptied group stays, as a referenced TOMOYO group does. */
		return warden_text_list_update(&group->members, 0, text,
					       is_delete, reason);
	if (is_delete) {
		*reason = "no such group";
		return -ENOENT;
	}
	size = struct_size(group, name, strlen(name) + 1);
	if (!warden_memory_charge(WARDEN_MEMORY_POLICY, size))
		return -ENOMEM;
	group = kmalloc(size, GFP_KERNEL_ACCOUNT);
	if (!group) {
		warden_memory_uncharge(WARDEN_MEMORY_POLICY, size);
		return -ENOMEM;
	}
	INIT_LIST_HEAD(&group->members);
	group->type = type;
	memcpy(group->name, name, strlen(name) + 1);
	/* A new group is published only with its first member. */
	err = warden_text_list_update(&group->members, 0, text, false, reason);
	if (err) {
		warden_memory_uncharge(WARDEN_MEMORY_POLICY, size);
		kfree(group);
		return err;
	}
	list_add_tail_rcu(&group->list, &exception->groups);
	return 0;
}

static struct warden_acl_group *
warden_acl_group_find(struct warden_exception_policy *exception,
		      const char *name)
{
	struct warden_acl_group *group;

	list_for_each_entry(group, &exception->acl_groups, list)
		if (!strcmp(group->name, name))
			return group;
	return NULL;
}

static void warden_acl_group_free(struct warden_acl_group *group)
{
	warden_acl_set_destroy(&group->acls);
	warden_memory_uncharge(WARDEN_MEMORY_POLICY,
			       struct_size(group, name, strlen(group->name) + 1));
	kfree(group);
}

static int warden_acl_group_write(struct warden_exception_policy *exception,
				  char *args, bool is_delete,
				  const char **reason)
{
	char *name = strsep(&args, " ");
	struct warden_acl_group *group;
	unsigned int number;
	size_t size;
	int err;

	if (!args || !*name || warden_word_check(name, false) ||
	    (isdigit(*name) && (kstrtouint(name, 10, &number) ||
				number >= WARDEN_MAX_ACL_GROUPS))) {
		*reason = "acl_group takes a number from 0 to 255 or a name";
		return -EINVAL;
	}
	if (strlen(name) > WARDEN_ACL_GROUP_NAME_MAX) {
		*reason = "an acl_group name is at most 64 bytes";
		return -EINVAL;
	}
	if (!str_has_prefix(args, "file ")) {
		*reason = "only file lines are supported in acl_group yet";
		return -EINVAL;
	}
	args += strlen("file ");
	group = warden_acl_group_find(exception, name);
	if (group)
		return warden_acl_write(&group->acls, args, is_delete, reason);
	if (is_delete) {
		*reason = "no such acl_group";
		return -ENOENT;
	}
	size = struct_size(group, name, strlen(name) + 1);
	if (!warden_memory_charge(WARDEN_MEMORY_POLICY, size))
		return -ENOMEM;
	group = kmalloc(size, GFP_KERNEL_ACCOUNT);
	if (!group || warden_acl_set_init(&group->acls)) {
		kfree(group);
		warden_memory_uncharge(WARDEN_MEMORY_POLICY, size);
		return -ENOMEM;
	}
	memcpy(group->name, name, strlen(name) + 1);
	/* A new group is published only with its first entry. */
	err = warden_acl_write(&group->acls, args, false, reason);
	if (err) {
		warden_acl_group_free(group);
		return err;
	}
	list_add_tail_rcu(&group->list, &exception->acl_groups);
	return 0;
}

/**
 * warden_exception_write - apply one line written to exception_policy
 * @exception: the exception policy; the caller holds warden_policy_lock.
 * @line: the line; parsed in place.
 * @reason: receives why the line was refused.
 *
 * Return: 0; -EINVAL for a malformed line; -ENOENT when deleting what is
 * not there; -ENOMEM when memory or the policy quota runs out.
 */
int warden_exception_write(struct warden_exception_policy *exception,
			   char *line, const char **reason)
{
	bool is_delete = false;
	char *keyword, *text;
	unsigned int i;
	int err;

	lockdep_assert_held(&warden_policy_lock);
	*reason = NULL;
	if (str_has_prefix(line, "delete ")) {
		is_delete = true;
		line += strlen("delete ");
	}
	keyword = strsep(&line, " ");
	if (!line || !*line) {
		*reason = "missing arguments";
		return -EINVAL;
	}
	if (!strcmp(keyword, "acl_group"))
		return warden_acl_group_write(exception, line, is_delete,
					      reason);

	text = kmalloc(WARDEN_EXCEPTION_TEXT_MAX, GFP_KERNEL);
	if (!text)
		return -ENOMEM;
	i = match_string(warden_transition_names,
			 ARRAY_SIZE(warden_transition_names), keyword);
	if (i == WARDEN_AGGREGATOR) {
		err = warden_aggregator_parse(line, text, reason);
		if (!err)
			err = warden_text_list_update(&exception->transitions,
						      i, text, is_delete,
						      reason);
		goto out_free;
	}
	if (i < WARDEN_AGGREGATOR) {
		err = warden_transition_parse(i, line, text, reason);
		if (!err)
			err = warden_text_list_update(&exception->transitions,
						      i, text, is_delete,
						      reason);
		goto out_free;
	}
	i = match_string(warden_group_names, ARRAY_SIZE(warden_group_names),
			 keyword);
	if (i < ARRAY_SIZE(warden_group_names)) {
		err = warden_group_write(exception, i, line, text, is_delete,
					 reason);
		goto out_free;
	}
	*reason = "unknown keyword";
	err = -EINVAL;
out_free:
	kfree(text);
	return err;
}

/**
 * warden_exception_show - print the exception_policy file
 * @m: the seq_file.
 * @exception: the exception policy; the caller holds warden_policy_lock.
 * @prefix: printed before every line, e.g. "<apache> " for a namespace.
 * @transition_only: print only the transition controls and aggregators.
 *
 * In TOMOYO's order: transition controls and aggregators, then groups,
 * then ACL groups.
 */
void warden_exception_show(struct seq_file *m,
			   const struct warden_exception_policy *exception,
			   const char *prefix, bool transition_only)
{
	const struct warden_text_line *line;
	const struct warden_acl_group *acl_group;
	const struct warden_group *group;
	unsigned int type;

	list_for_each_entry(line, &exception->transitions, list)
		if (line->kind == WARDEN_AGGREGATOR)
			seq_printf(m, "%saggregator %s\n", prefix, line->text);
		else
			seq_printf(m, "%s%s\n", prefix, line->text);
	if (transition_only)
		return;
	for (type = 0; type < ARRAY_SIZE(warden_group_names); type++)
		list_for_each_entry(group, &exception->groups, list) {
			if (group->type != type)
				continue;
			list_for_each_entry(line, &group->members, list)
				seq_printf(m, "%s%s %s %s\n", prefix,
					   warden_group_names[type],
					   group->name, line->text);
		}
	list_for_each_entry(acl_group, &exception->acl_groups, list) {
		char line_prefix[WARDEN_NAMESPACE_PREFIX_MAX +
				 WARDEN_ACL_GROUP_NAME_MAX + 16];

		snprintf(line_prefix, sizeof(line_prefix), "%sacl_group %s ",
			 prefix, acl_group->name);
		warden_acl_show_prefixed(m, &acl_group->acls, line_prefix, false);
	}
}

/**
 * warden_text_list_clear - free every line of a list
 * @list: the list.
 */
void warden_text_list_clear(struct list_head *list)
{
	struct warden_text_line *line, *next;

	list_for_each_entry_safe(line, next, list, list)
		warden_line_free(line);
}

/**
 * warden_exception_clear - free an exception policy nobody can reach
 * @exception: the exception policy.
 */
void warden_exception_clear(struct warden_exception_policy *exception)
{
	struct warden_acl_group *acl_group, *next_acl_group;
	struct warden_group *group, *next_group;

	warden_text_list_clear(&exception->transitions);
	list_for_each_entry_safe(group, next_group, &exception->groups, list) {
		warden_text_list_clear(&group->members);
		list_del(&group->list);
		warden_memory_uncharge(WARDEN_MEMORY_POLICY,
				       struct_size(group, name,
						   strlen(group->name) + 1));
		kfree(group);
	}
	list_for_each_entry_safe(acl_group, next_acl_group,
				 &exception->acl_groups, list) {
		list_del(&acl_group->list);
		warden_acl_group_free(acl_group);
	}
}

/* Whether @pattern, a pathname that may hold wildcards, names @name. */
static bool warden_program_matches(const char *pattern, const char *name)
{
	return warden_word_has_wildcard(pattern) ?
	       warden_pattern_match(name, pattern) : !strcmp(pattern, name);
}

/* Whether a member of the group of @type named @name satisfies @match. */
static bool
warden_group_any(const struct warden_exception_policy *exception,
		 unsigned int type, const char *name,
		 bool (*match)(const char *member, const void *arg),
		 const void *arg)
{
	const struct warden_text_line *member;
	const struct warden_group *group;

	group = exception ? warden_group_lookup(exception, type, name) : NULL;
	if (!group)
		return false;
	list_for_each_entry_rcu(member, &group->members, list)
		if (match(member->text, arg))
			return true;
	return false;
}

static bool warden_path_member_matches(const char *member, const void *path)
{
	return warden_program_matches(member, path);
}

static bool warden_number_member_covers(const char *member, const void *value)
{
	return warden_acl_number_text_covers(member,
					     *(const unsigned long *)value);
}

struct warden_address_arg {
	bool ipv6;
	const u8 *address;
};

static bool warden_address_member_covers(const char *member, const void *arg)
{
	const struct warden_address_arg *a = arg;

	return warden_address_covers(member, a->ipv6, a->address);
}

/**
 * warden_exception_address_group_matches - whether an address group has one
 * @exception: the exception policy, or %NULL; the caller is in an RCU
 *             read-side critical section or holds warden_policy_lock.
 * @name: the group's name, without its '@'.
 * @ipv6: @address is IPv6.
 * @address: the address, in network byte order.
 *
 * Return: true if a member of the group, an address or a range, covers
 * @address; false also when there is no such group.
 */
bool
warden_exception_address_group_matches(const struct warden_exception_policy *exception,
				       const char *name, bool ipv6,
				       const u8 *address)
{
	const struct warden_address_arg arg = { ipv6, address };

	return warden_group_any(exception, WARDEN_ADDRESS_GROUP, name,
				warden_address_member_covers, &arg);
}

/**
 * warden_exception_path_group_matches - whether a path group names a file
 * @exception: the exception policy, or %NULL; the caller is in an RCU
 *             read-side critical section or holds warden_policy_lock.
 * @name: the group's name, without its '@'.
 * @path: the encoded pathname.
 *
 * Return: true if a member of the group, a pathname or a pattern, matches
 * @path; false also when there is no such group.
 */
bool
warden_exception_path_group_matches(const struct warden_exception_policy *exception,
				    const char *name, const char *path)
{
	return warden_group_any(exception, WARDEN_PATH_GROUP, name,
				warden_path_member_matches, path);
}

/**
 * warden_exception_number_group_matches - whether a number group has a value
 * @exception: the exception policy, or %NULL; the caller is in an RCU
 *             read-side critical section or holds warden_policy_lock.
 * @name: the group's name, without its '@'.
 * @value: the number.
 *
 * Return: true if a member of the group, a number or a range, covers
 * @value; false also when there is no such group.
 */
bool
warden_exception_number_group_matches(const struct warden_exception_policy *exception,
				      const char *name, unsigned long value)
{
	return warden_group_any(exception, WARDEN_NUMBER_GROUP, name,
				warden_number_member_covers, &value);
}

/*
 * Whether the "from" part of a transition control covers a domain: "any",
 * the whole domainname, or the program the domain was last entered by.
 */
static bool warden_from_matches(const char *from, const char *domainname)
{
	const char *last;

	if (!strcmp(from, "any"))
		return true;
	if (*from == '<')
		return !strcmp(from, domainname);
	last = strrchr(domainname, ' ');
	return last && warden_program_matches(from, last + 1);
}

/* Whether a canonical "<keyword> <program> from <from>" line applies. */
static bool warden_transition_matches(const char *text,
				      const char *domainname,
				      const char *program)
{
	const char *args = strchr(text, ' ') + 1;
	const char *from = strstr(args, " from ");
	size_t len = from - args;
	char *wanted;
	bool match;

	if (!warden_from_matches(from + strlen(" from "), domainname))
		return false;
	if (len == strlen("any") && !strncmp(args, "any", len))
		return true;
	wanted = kmemdup_nul(args, len, GFP_ATOMIC);
	if (!wanted)
		return false;
	match = warden_program_matches(wanted, program);
	kfree(wanted);
	return match;
}

/**
 * warden_exception_transition - the transition control that applies
 * @exception: the exception policy; the caller is in an RCU read-side
 *             critical section or holds warden_policy_lock.
 * @domainname: the domain the exec happens in.
 * @program: the program executed, after aggregation.
 *
 * Controls are tried in TOMOYO's order: reset, initialize, keep, each
 * after its no_ form; a matching no_ form skips its positive form.
 *
 * Return: %WARDEN_TRANSITION_RESET, %WARDEN_TRANSITION_INITIALIZE or
 * %WARDEN_TRANSITION_KEEP, or %WARDEN_TRANSITION_CHILD when none applies.
 */
enum warden_transition
warden_exception_transition(const struct warden_exception_policy *exception,
			    const char *domainname, const char *program)
{
	const struct warden_text_line *line;
	unsigned int type = 0;

	while (type < WARDEN_AGGREGATOR) {
		bool found = false;

		list_for_each_entry_rcu(line, &exception->transitions, list) {
			if (line->kind == type &&
			    warden_transition_matches(line->text, domainname,
						      program)) {
				found = true;
				break;
			}
		}
		if (!found) {
			type++;
			continue;
		}
		/* no_reset, no_initialize: skip the positive form. */
		if (type == 0 || type == 2) {
			type += 2;
			continue;
		}
		break;
	}
	switch (type) {
	case 1:
		return WARDEN_TRANSITION_RESET;
	case 3:
		return WARDEN_TRANSITION_INITIALIZE;
	case WARDEN_KEEP:
		return WARDEN_TRANSITION_KEEP;
	}
	return WARDEN_TRANSITION_CHILD;
}

/**
 * warden_exception_aggregate - the name an aggregator gives a program
 * @exception: the exception policy; the caller is in an RCU read-side
 *             critical section or holds warden_policy_lock.
 * @program: the pathname of the executed program.
 *
 * Return: the aggregated name of the first aggregator whose pattern
 * matches @program, valid while the caller stays in its critical section,
 * or %NULL.
 */
const char *
warden_exception_aggregate(const struct warden_exception_policy *exception,
			   const char *program)
{
	const struct warden_text_line *line;

	list_for_each_entry_rcu(line, &exception->transitions, list) {
		const char *name = strchr(line->text, ' ');
		char *pattern;
		bool match;

		if (line->kind != WARDEN_AGGREGATOR || !name)
			continue;
		pattern = kmemdup_nul(line->text, name - line->text,
				      GFP_ATOMIC);
		if (!pattern)
			continue;
		match = warden_program_matches(pattern, program);
		kfree(pattern);
		if (match)
			return name + 1;
	}
	return NULL;
}

#ifdef CONFIG_SECURITY_WARDEN_KUNIT_TEST

#include <kunit/test.h>

/**
 * warden_test_exception_load - give a test an exception policy
 * @test: the test, failed if a line is refused.
 * @e: receives the exception policy; clear it with warden_exception_clear().
 * @lines: exception policy lines.
 * @n: their number.
 */
void warden_test_exception_load(struct kunit *test,
				struct warden_exception_policy *e,
				const char *const *lines, size_t n)
{
	const char *reason;
	size_t i;

	warden_exception_init(e);
	mutex_lock(&warden_policy_lock);
	for (i = 0; i < n; i++) {
		char *line = kstrdup(lines[i], GFP_KERNEL);

		KUNIT_ASSERT_NOT_NULL(test, line);
		KUNIT_EXPECT_EQ_MSG(test, warden_exception_write(e, line, &reason),
				    0, "%s", lines[i]);
		kfree(line);
	}
	warden_policy_unlock();
}

struct warden_exception_case {
	const char *line;
	const char *printed;
};

static const struct warden_exception_case warden_exception_valid[] = {
	{ "initialize_domain /usr/sbin/httpd",
	  "initialize_domain /usr/sbin/httpd from any\n" },
	{ "initialize_domain /usr/sbin/httpd from any",
	  "initialize_domain /usr/sbin/httpd from any\n" },
	{ "initialize_domain /usr/sbin/httpd from <kernel> /sbin/init",
	  "initialize_domain /usr/sbin/httpd from <kernel> /sbin/init\n" },
	{ "initialize_domain /usr/sbin/httpd from /sbin/init",
	  "initialize_domain /usr/sbin/httpd from /sbin/init\n" },
	{ "initialize_domain any from <kernel>",
	  "initialize_domain any from <kernel>\n" },
	{ "no_initialize_domain /usr/sbin/httpd from <kernel> /etc/rc.d/rc",
	  "no_initialize_domain /usr/sbin/httpd from <kernel> /etc/rc.d/rc\n" },
	{ "initialize_domain /usr/libexec/\\*", "initialize_domain /usr/libexec/\\* from any\n" },
	{ "keep_domain <kernel> /usr/sbin/sshd /bin/bash",
	  "keep_domain any from <kernel> /usr/sbin/sshd /bin/bash\n" },
	{ "keep_domain /bin/ls from <kernel> /usr/sbin/sshd",
	  "keep_domain /bin/ls from <kernel> /usr/sbin/sshd\n" },
	{ "keep_domain any from <kernel> /usr/sbin/sshd",
	  "keep_domain any from <kernel> /usr/sbin/sshd\n" },
	{ "keep_domain /usr/sbin/sshd", "keep_domain any from /usr/sbin/sshd\n" },
	{ "no_keep_domain <kernel> /usr/sbin/sshd",
	  "no_keep_domain any from <kernel> /usr/sbin/sshd\n" },
	{ "no_keep_domain /bin/passwd from any", "no_keep_domain /bin/passwd from any\n" },
	{ "reset_domain /usr/sbin/sshd", "reset_domain /usr/sbin/sshd from any\n" },
	{ "reset_domain /usr/sbin/sshd from <kernel> /sbin/init",
	  "reset_domain /usr/sbin/sshd from <kernel> /sbin/init\n" },
	{ "no_reset_domain /usr/sbin/sshd from any", "no_reset_domain /usr/sbin/sshd from any\n" },
	{ "aggregator /usr/bin/vi /usr/bin/editor", "aggregator /usr/bin/vi /usr/bin/editor\n" },
	{ "aggregator /usr/bin/\\*vi\\* /usr/bin/editor",
	  "aggregator /usr/bin/\\*vi\\* /usr/bin/editor\n" },
	{ "aggregator /etc/rc.d/rc\\?.d/\\?\\+\\+apache /etc/rc.d/apache",
	  "aggregator /etc/rc.d/rc\\?.d/\\?\\+\\+apache /etc/rc.d/apache\n" },
	{ "aggregator proc:/self/exe /proc/self/exe",
	  "aggregator proc:/self/exe /proc/self/exe\n" },
	{ "path_group WEB /var/www/\\*", "path_group WEB /var/www/\\*\n" },
	{ "path_group WEB /srv/www/html/", "path_group WEB /srv/www/html/\n" },
	{ "path_group TMP /tmp/\\{\\*\\}/\\*", "path_group TMP /tmp/\\{\\*\\}/\\*\n" },
	{ "path_group ANY_FILE /\\{\\*\\}/\\*", "path_group ANY_FILE /\\{\\*\\}/\\*\n" },
	{ "path_group sockets socket:[\\$]", "path_group sockets socket:[\\$]\n" },
	{ "number_group PORTS 1024-65535", "number_group PORTS 1024-65535\n" },
	{ "number_group PORTS 80", "number_group PORTS 80\n" },
	{ "number_group MODES 0644", "number_group MODES 0644\n" },
	{ "number_group IOCTL 0x5401-0x54FF", "number_group IOCTL 0x5401-0x54FF\n" },
	{ "number_group IOCTL 0x5401-0x54ff", "number_group IOCTL 0x5401-0x54FF\n" },
	{ "address_group LOCAL 127.0.0.1", "address_group LOCAL 127.0.0.1\n" },
	{ "address_group LAN 10.0.0.0-10.255.255.255",
	  "address_group LAN 10.0.0.0-10.255.255.255\n" },
	{ "address_group LOCAL 127.0.0.1-127.0.0.1", "address_group LOCAL 127.0.0.1\n" },
	{ "address_group LOCAL6 ::1", "address_group LOCAL6 ::1\n" },
	{ "address_group LINK fe80::-fe80::ffff",
	  "address_group LINK fe80::-fe80::ffff\n" },
	{ "address_group V6 2001:0db8:0000:0000:0000:0000:0000:0001",
	  "address_group V6 2001:db8::1\n" },
	{ "acl_group 0 file read /etc/ld.so.cache",
	  "acl_group 0 file read /etc/ld.so.cache\n" },
	{ "acl_group 255 file read/write /dev/null",
	  "acl_group 255 file read/write /dev/null\n" },
	{ "acl_group term_use_console file read/write /dev/console",
	  "acl_group term_use_console file read/write /dev/console\n" },
	{ "acl_group 1 file create /tmp/\\* 0600", "acl_group 1 file create /tmp/\\* 0600\n" },
	{ "acl_group 1 file rename /tmp/a /tmp/b", "acl_group 1 file rename /tmp/a /tmp/b\n" },
};

/**
 * warden_test_exception_corpus - a valid exception policy line of the KUnit table, for the fuzzer
 * @i: the index of the line.
 *
 * Return: the line, or %NULL past the end of the table.
 */
const char *warden_test_exception_corpus(size_t i)
{
	return i < ARRAY_SIZE(warden_exception_valid) ? warden_exception_valid[i].line : NULL;
}

static void warden_exception_case_desc(const struct warden_exception_case *c,
				       char *desc)
{
	strscpy(desc, c->line, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(warden_exception_valid, warden_exception_valid,
		  warden_exception_case_desc);

static int warden_test_exception_write(struct warden_exception_policy *e,
				       const char *text)
{
	char *line = kstrdup(text, GFP_KERNEL);
	const char *reason;
	int err;

	if (!line)
		return -ENOMEM;
	mutex_lock(&warden_policy_lock);
	err = warden_exception_write(e, line, &reason);
	warden_policy_unlock();
	kfree(line);
	return err;
}

static char *warden_test_exception_dump(struct kunit *test,
					struct warden_exception_policy *e)
{
	struct seq_file m = {};

	m.size = 8192;
	m.buf = kunit_kzalloc(test, m.size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m.buf);
	mutex_lock(&warden_policy_lock);
	warden_exception_show(&m, e, "", false);
	warden_policy_unlock();
	return m.buf;
}

static void test_valid_exception_line_prints_canonically(struct kunit *test)
{
	const struct warden_exception_case *c = test->param_value;
	struct warden_exception_policy e;
	char *again;

	warden_exception_init(&e);
	KUNIT_ASSERT_EQ(test, warden_test_exception_write(&e, c->line), 0);
	KUNIT_EXPECT_STREQ(test, warden_test_exception_dump(test, &e),
			   c->printed);
	/* The canonical line reads back as the same, single entry. */
	again = kunit_kstrdup(test, c->printed, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, again);
	again[strlen(again) - 1] = '\0';
	KUNIT_EXPECT_EQ(test, warden_test_exception_write(&e, again), 0);
	KUNIT_EXPECT_STREQ(test, warden_test_exception_dump(test, &e),
			   c->printed);
	synchronize_rcu();
	warden_exception_clear(&e);
}

static const char *const warden_exception_invalid[] = {
	"",
	"initialize_domain",
	"initialize_domain ",
	"initialise_domain /usr/sbin/httpd",
	"initialize_domain usr/sbin/httpd",
	"initialize_domain /usr/sbin/\\q",
	"initialize_domain /usr/sbin/httpd from",
	"initialize_domain /usr/sbin/httpd from <kernel",
	"initialize_domain /usr/sbin/httpd from <kernel> bin",
	"initialize_domain /usr/sbin/httpd to any",
	"keep_domain <kernel",
	"keep_domain /bin/ls from <kernel>  /usr/sbin/sshd",
	"no_keep_domain",
	"reset_domain",
	"aggregator /usr/bin/vi",
	"aggregator :/self/exe /proc/self/exe",
	"aggregator proc/self:/exe /proc/self/exe",
	"aggregator /usr/bin/vi /usr/bin/\\*",
	"aggregator /usr/bin/vi /usr/bin/editor extra",
	"aggregator /usr/bin/\\q /usr/bin/editor",
	"path_group WEB",
	"path_group /var/www/\\*",
	"path_group WEB /var/www/\\q",
	"path_group WEB /var/www/a /var/www/b",
	"path_group @WEB /var/www/",
	"path_group W\\*B /var/www/",
	"number_group PORTS",
	"number_group PORTS abc",
	"number_group PORTS 2-1",
	"number_group PORTS -1",
	"number_group PORTS 1 2",
	"number_group PORTS 08",
	"address_group LOCAL",
	"address_group LOCAL 127.0.0",
	"address_group LOCAL 127.0.0.256",
	"address_group LOCAL 127.0.0.2-127.0.0.1",
	"address_group LOCAL localhost",
	"address_group LOCAL ::g",
	"address_group LOCAL 127.0.0.1-::1",
	"acl_group",
	"acl_group 0",
	"acl_group 256 file read /etc/a",
	"acl_group 1x file read /etc/a",
	"acl_group 0 file reed /etc/a",
	"acl_group 0 network inet stream bind 127.0.0.1 80",
	"acl_group 0 use_profile 1",
	"group WEB /var/www/",
	"Path_group WEB /var/www/",
	"delete",
	"delete ",
};

static void warden_exception_invalid_desc(const char *const *line, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "\"%s\"", *line);
}

KUNIT_ARRAY_PARAM(warden_exception_invalid, warden_exception_invalid,
		  warden_exception_invalid_desc);

static void test_invalid_exception_line_changes_nothing(struct kunit *test)
{
	const char *const *line = test->param_value;
	struct warden_exception_policy e;
	static const char setup[] = "path_group WEB /var/www/\\*";
	const char *before;

	warden_exception_init(&e);
	KUNIT_ASSERT_EQ(test, warden_test_exception_write(&e, setup), 0);
	before = warden_test_exception_dump(test, &e);
	KUNIT_EXPECT_EQ(test, warden_test_exception_write(&e, *line), -EINVAL);
	KUNIT_EXPECT_STREQ(test, warden_test_exception_dump(test, &e), before);
	synchronize_rcu();
	warden_exception_clear(&e);
}

static void test_exception_order_and_delete(struct kunit *test)
{
	static const char *const lines[] = {
		"path_group B /b",
		"keep_domain <kernel> /usr/sbin/sshd",
		"number_group N 1",
		"path_group A /a1",
		"acl_group 0 file read /x",
		"path_group B /b2",
		"aggregator /usr/bin/vi /usr/bin/editor",
	};
	static const struct {
		const char *line;
		int err;
	} deletes[] = {
		{ "delete path_group B /b", 0 },
		{ "delete path_group B /b", -ENOENT },
		{ "delete keep_domain any from <kernel> /usr/sbin/sshd", 0 },
		{ "delete acl_group 0 file read /x", 0 },
	};
	struct warden_exception_policy e;
	size_t i;

	warden_exception_init(&e);
	for (i = 0; i < ARRAY_SIZE(lines); i++)
		KUNIT_ASSERT_EQ(test, warden_test_exception_write(&e, lines[i]),
				0);
	KUNIT_EXPECT_STREQ(test, warden_test_exception_dump(test, &e),
			   "keep_domain any from <kernel> /usr/sbin/sshd\n"
			   "aggregator /usr/bin/vi /usr/bin/editor\n"
			   "path_group B /b\n"
			   "path_group B /b2\n"
			   "path_group A /a1\n"
			   "number_group N 1\n"
			   "acl_group 0 file read /x\n");
	for (i = 0; i < ARRAY_SIZE(deletes); i++)
		KUNIT_EXPECT_EQ_MSG(test,
				    warden_test_exception_write(&e, deletes[i].line),
				    deletes[i].err, "%s", deletes[i].line);
	KUNIT_EXPECT_STREQ(test, warden_test_exception_dump(test, &e),
			   "aggregator /usr/bin/vi /usr/bin/editor\n"
			   "path_group B /b2\n"
			   "path_group A /a1\n"
			   "number_group N 1\n");
	synchronize_rcu();
	warden_exception_clear(&e);
}

/* Which way an exec of @program from @domain goes under @lines. */
static const struct warden_transition_case {
	const char *lines[3];
	const char *domain;
	const char *program;
	enum warden_transition expected;
} warden_transition_cases[] = {
	{ { NULL }, "<kernel>", "/bin/sh", WARDEN_TRANSITION_CHILD },
	{ { "initialize_domain /usr/sbin/httpd" },
	  "<kernel> /sbin/init", "/usr/sbin/httpd",
	  WARDEN_TRANSITION_INITIALIZE },
	{ { "initialize_domain /usr/sbin/httpd" },
	  "<kernel> /sbin/init", "/usr/sbin/httpd2", WARDEN_TRANSITION_CHILD },
	{ { "initialize_domain /usr/sbin/httpd",
	    "no_initialize_domain /usr/sbin/httpd from <kernel> /etc/rc" },
	  "<kernel> /etc/rc", "/usr/sbin/httpd", WARDEN_TRANSITION_CHILD },
	{ { "initialize_domain /usr/sbin/httpd",
	    "no_initialize_domain /usr/sbin/httpd from <kernel> /etc/rc" },
	  "<kernel> /sbin/init", "/usr/sbin/httpd",
	  WARDEN_TRANSITION_INITIALIZE },
	{ { "initialize_domain /usr/sbin/httpd from /sbin/init" },
	  "<kernel> /x /sbin/init", "/usr/sbin/httpd",
	  WARDEN_TRANSITION_INITIALIZE },
	{ { "initialize_domain /usr/libexec/\\*" },
	  "<kernel>", "/usr/libexec/helper", WARDEN_TRANSITION_INITIALIZE },
	{ { "keep_domain <kernel> /usr/sbin/sshd" },
	  "<kernel> /usr/sbin/sshd", "/bin/bash", WARDEN_TRANSITION_KEEP },
	{ { "keep_domain <kernel> /usr/sbin/sshd" },
	  "<kernel> /usr/sbin/sshd /bin/bash", "/bin/ls",
	  WARDEN_TRANSITION_CHILD },
	{ { "keep_domain /bin/ls from <kernel> /usr/sbin/sshd" },
	  "<kernel> /usr/sbin/sshd", "/bin/ls", WARDEN_TRANSITION_KEEP },
	{ { "keep_domain /bin/ls from <kernel> /usr/sbin/sshd" },
	  "<kernel> /usr/sbin/sshd", "/bin/cat", WARDEN_TRANSITION_CHILD },
	{ { "keep_domain any from <kernel> /usr/sbin/sshd",
	    "no_keep_domain /bin/passwd from any" },
	  "<kernel> /usr/sbin/sshd", "/bin/passwd", WARDEN_TRANSITION_CHILD },
	{ { "keep_domain any from <kernel> /usr/sbin/sshd",
	    "no_keep_domain /bin/passwd from any" },
	  "<kernel> /usr/sbin/sshd", "/bin/ls", WARDEN_TRANSITION_KEEP },
	{ { "reset_domain /usr/sbin/sshd" },
	  "<kernel> /a /b", "/usr/sbin/sshd", WARDEN_TRANSITION_RESET },
	{ { "reset_domain /usr/sbin/sshd",
	    "no_reset_domain /usr/sbin/sshd from <kernel> /a /b" },
	  "<kernel> /a /b", "/usr/sbin/sshd", WARDEN_TRANSITION_CHILD },
	/* Reset is tried before initialize, initialize before keep. */
	{ { "keep_domain any from <kernel> /a", "initialize_domain /bin/x",
	    "reset_domain /bin/x" },
	  "<kernel> /a", "/bin/x", WARDEN_TRANSITION_RESET },
	{ { "keep_domain any from <kernel> /a", "initialize_domain /bin/x" },
	  "<kernel> /a", "/bin/x", WARDEN_TRANSITION_INITIALIZE },
	{ { "keep_domain any from <kernel> /a",
	    "no_initialize_domain /bin/x from any",
	    "initialize_domain /bin/x" },
	  "<kernel> /a", "/bin/x", WARDEN_TRANSITION_KEEP },
};

static void warden_transition_case_desc(const struct warden_transition_case *c,
					char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s from %s", c->program,
		 c->domain);
}

KUNIT_ARRAY_PARAM(warden_transition, warden_transition_cases,
		  warden_transition_case_desc);

static void test_transition_controls(struct kunit *test)
{
	const struct warden_transition_case *c = test->param_value;
	struct warden_exception_policy e;
	size_t i;

	warden_exception_init(&e);
	for (i = 0; i < ARRAY_SIZE(c->lines) && c->lines[i]; i++)
		KUNIT_ASSERT_EQ(test, warden_test_exception_write(&e, c->lines[i]),
				0);
	rcu_read_lock();
	KUNIT_EXPECT_EQ(test, warden_exception_transition(&e, c->domain,
							  c->program),
			c->expected);
	rcu_read_unlock();
	mutex_lock(&warden_policy_lock);
	warden_exception_clear(&e);
	warden_policy_unlock();
}

static void test_aggregator_names_first_match(struct kunit *test)
{
	struct warden_exception_policy e;
	static const char *const lines[] = {
		"aggregator /usr/bin/\\*vi\\* /usr/bin/editor",
		"aggregator /usr/bin/vim /usr/bin/vim-any",
	};
	size_t i;

	warden_exception_init(&e);
	for (i = 0; i < ARRAY_SIZE(lines); i++)
		KUNIT_ASSERT_EQ(test, warden_test_exception_write(&e, lines[i]),
				0);
	rcu_read_lock();
	KUNIT_EXPECT_STREQ(test, warden_exception_aggregate(&e, "/usr/bin/vim"),
			   "/usr/bin/editor");
	KUNIT_EXPECT_STREQ(test, warden_exception_aggregate(&e, "/usr/bin/nvi"),
			   "/usr/bin/editor");
	KUNIT_EXPECT_NULL(test, warden_exception_aggregate(&e, "/usr/bin/ed"));
	rcu_read_unlock();
	mutex_lock(&warden_policy_lock);
	warden_exception_clear(&e);
	warden_policy_unlock();
}

static struct kunit_case warden_exception_test_cases[] = {
	KUNIT_CASE_PARAM(test_valid_exception_line_prints_canonically,
			 warden_exception_valid_gen_params),
	KUNIT_CASE_PARAM(test_invalid_exception_line_changes_nothing,
			 warden_exception_invalid_gen_params),
	KUNIT_CASE(test_exception_order_and_delete),
	KUNIT_CASE_PARAM(test_transition_controls,
			 warden_transition_gen_params),
	KUNIT_CASE(test_aggregator_names_first_match),
	{}
};

static struct kunit_suite warden_exception_test_suite = {
	.name = "warden_exception",
	.test_cases = warden_exception_test_cases,
};

kunit_test_suite(warden_exception_test_suite);

#endif /* CONFIG_SECURITY_WARDEN_KUNIT_TEST */
