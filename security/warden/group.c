// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - path, number and address groups: their lines, their
 * members, and the references rules hold to them.
 *
 * Members are parsed once, when their line is written; a decision walks
 * the members of a group it holds a pointer to and compares values.
 */

#include "common.h"

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/overflow.h>
#include <linux/rculist.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "group.h"
#include "pattern.h"
#include "stat.h"

static const char *const warden_group_keywords[] = {
	[WARDEN_GROUP_PATH] = "path_group",
	[WARDEN_GROUP_NUMBER] = "number_group",
	[WARDEN_GROUP_ADDRESS] = "address_group",
};

static_assert(ARRAY_SIZE(warden_group_keywords) == WARDEN_NR_GROUP_TYPES);

/* The longest path member, as exception lines have always allowed. */
#define WARDEN_GROUP_PATH_MAX 8191

/**
 * struct warden_group_member - one member of a group, parsed
 * @list: links the members of &warden_group.members.
 * @rcu: defers freeing past readers.
 * @number: the number or range of a number group's member.
 * @address: the address range of an address group's member.
 * @patterned: @path holds wildcards.
 * @path: the pathname or pattern of a path group's member; empty for the
 *        other types.
 */
struct warden_group_member {
	struct list_head list;
	struct rcu_head rcu;
	union {
		struct warden_number number;
		struct warden_address_range address;
	};
	bool patterned;
	char path[];
};

static size_t warden_group_size(const char *name)
{
	return struct_size_t(struct warden_group, name, strlen(name) + 1);
}

static size_t warden_member_size(const struct warden_group_member *member)
{
	return struct_size(member, path, strlen(member->path) + 1);
}

/**
 * warden_group_set_init - prepare an empty set of groups
 * @set: the set.
 */
void warden_group_set_init(struct warden_group_set *set)
{
	INIT_LIST_HEAD(&set->all);
	INIT_LIST_HEAD(&set->defined);
}

static void warden_group_free(struct warden_group *group)
{
	struct warden_group_member *member, *next;

	list_for_each_entry_safe(member, next, &group->members, list) {
		warden_memory_uncharge(WARDEN_MEMORY_POLICY,
				       warden_member_size(member));
		kfree(member);
	}
	warden_memory_uncharge(WARDEN_MEMORY_POLICY,
			       warden_group_size(group->name));
	kfree(group);
}

/**
 * warden_group_set_clear - free every group of a set nobody can reach
 * @set: the set; no reader and no rule may still use its groups.
 */
void warden_group_set_clear(struct warden_group_set *set)
{
	struct warden_group *group, *next;

	list_for_each_entry_safe(group, next, &set->all, list) {
		list_del(&group->list);
		warden_group_free(group);
	}
	INIT_LIST_HEAD(&set->defined);
}

/* The group of @type named @name; the caller holds warden_policy_lock. */
static struct warden_group *warden_group_lookup(struct warden_group_set *set,
						enum warden_group_type type,
						const char *name)
{
	struct warden_group *group;

	lockdep_assert(warden_policy_write_held());
	list_for_each_entry(group, &set->all, list)
		if (group->type == type && !strcmp(group->name, name))
			return group;
	return NULL;
}

/**
 * warden_group_find - the group of a type and name, if there is one
 * @set: the groups; the caller is in an RCU read-side critical section or
 *       holds warden_policy_lock.
 * @type: the &enum warden_group_type.
 * @name: the name, without its '@'.
 *
 * For rules still kept as text; compiled rules hold their group.
 *
 * Return: the group, or %NULL.
 */
struct warden_group *warden_group_find(const struct warden_group_set *set,
				       enum warden_group_type type,
				       const char *name)
{
	struct warden_group *group;

	lockdep_assert(warden_policy_readable());
	list_for_each_entry_rcu(group, &set->all, list)
		if (group->type == type && !strcmp(group->name, name))
			return group;
	return NULL;
}

/* The group of @type named @name, created empty if need be; or NULL. */
static struct warden_group *warden_group_get(struct warden_group_set *set,
					     enum warden_group_type type,
					     const char *name)
{
	struct warden_group *group = warden_group_lookup(set, type, name);
	size_t size;

	if (group)
		return group;
	size = warden_group_size(name);
	if (!warden_memory_charge(WARDEN_MEMORY_POLICY, size))
		return NULL;
	group = kzalloc(size, GFP_KERNEL_ACCOUNT);
	if (!group) {
		warden_memory_uncharge(WARDEN_MEMORY_POLICY, size);
		return NULL;
	}
	INIT_LIST_HEAD(&group->members);
	INIT_LIST_HEAD(&group->defined);
	group->type = type;
	memcpy(group->name, name, strlen(name) + 1);
	list_add_tail_rcu(&group->list, &set->all);
	return group;
}

/**
 * warden_group_ref - the group a rule names, created empty if need be
 * @set: the groups of the rule's exception policy; the caller holds
 *       warden_policy_lock.
 * @type: the &enum warden_group_type the rule expects.
 * @name: the name, without its '@'.
 *
 * A group created here is charged to the policy and prints nothing until
 * a line gives it a member.  A caller whose line is refused afterwards
 * gives back what it created with warden_group_rollback().  A group a
 * rule named stays when its last member is deleted.
 *
 * Return: the group, valid as long as @set; or %NULL when memory or the
 * policy quota runs out.
 */
struct warden_group *warden_group_ref(struct warden_group_set *set,
				      enum warden_group_type type,
				      const char *name)
{
	struct warden_group *group;

	lockdep_assert(warden_policy_write_held());
	group = warden_group_get(set, type, name);
	if (group)
		group->named = true;
	return group;
}

/**
 * warden_group_mark - remember which groups a set has before a line
 * @set: the groups; the caller holds warden_policy_lock.
 * @mark: receives the position.
 */
void warden_group_mark(const struct warden_group_set *set,
		       struct warden_group_mark *mark)
{
	lockdep_assert(warden_policy_write_held());
	mark->last = set->all.prev;
}

/**
 * warden_group_rollback - free the groups created since a mark
 * @set: the groups; the caller holds warden_policy_lock, as it did since
 *       warden_group_mark().
 * @mark: the position warden_group_mark() gave.
 *
 * A refused line leaves no group behind: neither in what prints nor in
 * the memory count.
 */
void warden_group_rollback(struct warden_group_set *set,
			   const struct warden_group_mark *mark)
{
	lockdep_assert(warden_policy_write_held());
	while (set->all.prev != mark->last) {
		struct warden_group *group = list_last_entry(&set->all,
							     struct warden_group,
							     list);

		/* A group made for a refused line was never filled. */
		WARN_ON_ONCE(group->listed || !list_empty(&group->members));
		list_del_rcu(&group->list);
		warden_memory_uncharge(WARDEN_MEMORY_POLICY,
				       warden_group_size(group->name));
		kfree_rcu_mightsleep(group);
	}
}

/**
 * warden_group_ref_valid - whether a word is a well-formed "@name"
 * @word: the word.
 *
 * Return: true for '@' and a name that needs no escape and has no
 * wildcard.
 */
bool warden_group_ref_valid(const char *word)
{
	return word[0] == '@' && word[1] && !warden_word_check(word + 1, false);
}

/* Parse a member of a @type group into a new, uncharged member. */
static struct warden_group_member *
warden_member_parse(enum warden_group_type type, const char *text,
		    const char **reason)
{
	struct warden_group_member *member, parsed = {};
	size_t len = 0;

	switch (type) {
	case WARDEN_GROUP_PATH:
		if (!*text || *text == '@' || *text == '<' ||
		    warden_word_check(text, true)) {
			*reason = "invalid pathname or pattern";
			return ERR_PTR(-EINVAL);
		}
		len = strlen(text);
		if (len > WARDEN_GROUP_PATH_MAX) {
			*reason = "too long";
			return ERR_PTR(-EINVAL);
		}
		parsed.patterned = warden_word_has_wildcard(text);
		break;
	case WARDEN_GROUP_NUMBER:
		if (warden_number_parse(text, &parsed.number)) {
			*reason = "invalid number or range";
			return ERR_PTR(-EINVAL);
		}
		break;
	default:
		if (warden_address_range_parse(text, &parsed.address)) {
			*reason = "invalid IPv4 or IPv6 address or range";
			return ERR_PTR(-EINVAL);
		}
		break;
	}
	member = kmalloc(struct_size(member, path, len + 1), GFP_KERNEL_ACCOUNT);
	if (!member)
		return ERR_PTR(-ENOMEM);
	*member = parsed;
	memcpy(member->path, text, len);
	member->path[len] = '\0';
	return member;
}

/* Whether two members of a @type group print the same. */
static bool warden_member_equal(enum warden_group_type type,
				const struct warden_group_member *a,
				const struct warden_group_member *b)
{
	switch (type) {
	case WARDEN_GROUP_PATH:
		return !strcmp(a->path, b->path);
	case WARDEN_GROUP_NUMBER:
		return a->number.min == b->number.min &&
		       a->number.max == b->number.max &&
		       a->number.min_base == b->number.min_base &&
		       a->number.max_base == b->number.max_base;
	default:
		return a->address.ipv6 == b->address.ipv6 &&
		       !memcmp(a->address.min, b->address.min, 16) &&
		       !memcmp(a->address.max, b->address.max, 16);
	}
}

/* The member of @group that prints as @like does, or %NULL. */
static struct warden_group_member *
warden_member_find(const struct warden_group *group,
		   const struct warden_group_member *like)
{
	struct warden_group_member *member;

	list_for_each_entry(member, &group->members, list)
		if (warden_member_equal(group->type, member, like))
			return member;
	return NULL;
}

/*
 * An emptied group that no rule named is freed, so that adding a member
 * and deleting it again leaves the policy as it was; one a rule named
 * stays, empty, as the rule may hold a pointer to it.
 */
static void warden_group_drop_if_unused(struct warden_group *group)
{
	if (group->named || !list_empty(&group->members))
		return;
	list_del_rcu(&group->list);
	if (group->listed)
		list_del_rcu(&group->defined);
	warden_memory_uncharge(WARDEN_MEMORY_POLICY,
			       warden_group_size(group->name));
	kfree_rcu_mightsleep(group);
}

/**
 * warden_group_write - apply a path_group, number_group or address_group line
 * @set: the groups; the caller holds warden_policy_lock.
 * @type: the line's &enum warden_group_type.
 * @args: the words after the keyword, "<name> <member>"; parsed in place.
 * @is_delete: remove the member instead of adding it.
 * @reason: receives why the line was refused.
 *
 * Return: 0; -EINVAL for a malformed line; -ENOENT when deleting what is
 * not there; -ENOMEM when memory or the policy quota runs out.
 */
int warden_group_write(struct warden_group_set *set,
		       enum warden_group_type type, char *args,
		       bool is_delete, const char **reason)
{
	char *name = strsep(&args, " ");
	struct warden_group_member *member, *old;
	struct warden_group_mark mark;
	struct warden_group *group;
	size_t size;

	lockdep_assert(warden_policy_write_held());
	if (!args || strchr(args, ' ') || !*name || *name == '@' ||
	    warden_word_check(name, false)) {
		*reason = "a group line is \"<keyword> <name> <member>\"";
		return -EINVAL;
	}
	member = warden_member_parse(type, args, reason);
	if (IS_ERR(member))
		return PTR_ERR(member);
	group = warden_group_lookup(set, type, name);
	old = group ? warden_member_find(group, member) : NULL;
	if (old || is_delete) {
		kfree(member);
		if (!old) {
			*reason = group ? "no such entry to delete" :
					  "no such group";
			return -ENOENT;
		}
		if (is_delete) {
			list_del_rcu(&old->list);
			warden_memory_uncharge(WARDEN_MEMORY_POLICY,
					       warden_member_size(old));
			kfree_rcu_mightsleep(old);
			warden_group_drop_if_unused(group);
		}
		return 0;
	}
	warden_group_mark(set, &mark);
	if (!group)
		group = warden_group_get(set, type, name);
	size = warden_member_size(member);
	if (!group || !warden_memory_charge(WARDEN_MEMORY_POLICY, size)) {
		kfree(member);
		warden_group_rollback(set, &mark);
		return -ENOMEM;
	}
	list_add_tail_rcu(&member->list, &group->members);
	if (!group->listed) {
		group->listed = true;
		list_add_tail_rcu(&group->defined, &set->defined);
	}
	return 0;
}

/**
 * warden_group_show - print the group lines of a set
 * @m: the seq_file.
 * @set: the groups; the caller is in an RCU read-side
 *       critical section.
 * @prefix: printed before every line, e.g. "<apache> " for a namespace.
 *
 * Path groups first, then number groups, then address groups, each in
 * the order they were first filled; empty groups print nothing.
 */
void warden_group_show(struct seq_file *m, const struct warden_group_set *set,
		       const char *prefix)
{
	const struct warden_group_member *member;
	const struct warden_group *group;
	char text[WARDEN_ADDRESS_TEXT_MAX];
	unsigned int type;

	lockdep_assert(warden_policy_readable());
	for (type = 0; type < WARDEN_NR_GROUP_TYPES; type++) {
		list_for_each_entry_rcu(group, &set->defined, defined) {
			if (group->type != type)
				continue;
			list_for_each_entry_rcu(member, &group->members, list) {
				if (type == WARDEN_GROUP_NUMBER)
					warden_number_print(text, sizeof(text),
							    &member->number);
				else if (type == WARDEN_GROUP_ADDRESS)
					warden_address_range_print(text,
								   sizeof(text),
								   &member->address);
				seq_printf(m, "%s%s %s %s\n", prefix,
					   warden_group_keywords[type],
					   group->name,
					   type == WARDEN_GROUP_PATH ?
					   member->path : text);
			}
		}
	}
}

/**
 * warden_group_name - the name of a group
 * @group: the group.
 *
 * Return: its name, without the '@'.
 */
const char *warden_group_name(const struct warden_group *group)
{
	return group->name;
}

/**
 * warden_group_has_path - whether a path group names a pathname
 * @group: the group; the caller is in an RCU read-side critical section
 *         or holds warden_policy_lock.
 * @path: the encoded pathname.
 *
 * Return: true if a member, a pathname or a pattern, matches @path.
 */
bool warden_group_has_path(const struct warden_group *group, const char *path)
{
	const struct warden_group_member *member;

	lockdep_assert(warden_policy_readable());
	list_for_each_entry_rcu(member, &group->members, list)
		if (member->patterned ? warden_pattern_match(path, member->path) :
		    !strcmp(member->path, path))
			return true;
	return false;
}

/**
 * warden_group_has_numbers - whether a number group meets a range
 * @group: the group; the caller is in an RCU read-side critical section
 *         or holds warden_policy_lock.
 * @min: the lower bound of the range.
 * @max: its upper bound.
 *
 * Return: true if a member, a number or a range, shares a value with
 * @min-@max.
 */
bool warden_group_has_numbers(const struct warden_group *group,
			      unsigned long min, unsigned long max)
{
	const struct warden_group_member *member;

	lockdep_assert(warden_policy_readable());
	list_for_each_entry_rcu(member, &group->members, list)
		if (member->number.min <= max && min <= member->number.max)
			return true;
	return false;
}

/**
 * warden_group_has_number - whether a number group holds a value
 * @group: the group; as for warden_group_has_numbers().
 * @value: the value.
 *
 * Return: true if a member, a number or a range, covers @value.
 */
bool warden_group_has_number(const struct warden_group *group,
			     unsigned long value)
{
	return warden_group_has_numbers(group, value, value);
}

/**
 * warden_group_has_address - whether an address group holds an address
 * @group: the group; the caller is in an RCU read-side critical section
 *         or holds warden_policy_lock.
 * @ipv6: @address is IPv6.
 * @address: the address, in network byte order.
 *
 * Return: true if a member, an address or a range, covers @address.
 */
bool warden_group_has_address(const struct warden_group *group, bool ipv6,
			      const u8 *address)
{
	const struct warden_group_member *member;

	lockdep_assert(warden_policy_readable());
	list_for_each_entry_rcu(member, &group->members, list)
		if (warden_address_range_covers(&member->address, ipv6,
						address))
			return true;
	return false;
}
