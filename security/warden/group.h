/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - path, number and address groups of an exception policy,
 * and the exception policy that holds them.
 *
 * "path_group", "number_group" and "address_group" lines fill named
 * groups; rules refer to them as "@name".  A rule holds a pointer to its
 * group, taken when the rule is written: a group a rule names before any
 * line fills it is created empty, as TOMOYO does, and lives as long as the
 * exception policy that owns it, so no decision looks a group up by name.
 */

#ifndef _SECURITY_WARDEN_GROUP_H
#define _SECURITY_WARDEN_GROUP_H

#include <linux/hashtable.h>
#include <linux/list.h>
#include <linux/seq_file.h>
#include <linux/types.h>

#include "value.h"

/**
 * enum warden_group_type - what a group holds
 * @WARDEN_GROUP_PATH: pathnames and patterns ("path_group").
 * @WARDEN_GROUP_NUMBER: numbers and ranges ("number_group").
 * @WARDEN_GROUP_ADDRESS: IPv4 and IPv6 address ranges ("address_group").
 * @WARDEN_NR_GROUP_TYPES: the number of types.
 */
enum warden_group_type {
	WARDEN_GROUP_PATH,
	WARDEN_GROUP_NUMBER,
	WARDEN_GROUP_ADDRESS,
	WARDEN_NR_GROUP_TYPES,
};

/**
 * struct warden_group_set - the groups of one exception policy
 * @all: every group, as &struct warden_group, in the order created; new
 *       groups go to the tail, which warden_group_rollback() relies on.
 * @defined: the groups that ever had a member, in the order they got
 *           their first one: the order they print in.
 *
 * Changed only under warden_policy_lock; readers walk members under RCU.
 */
struct warden_group_set {
	struct list_head all;
	struct list_head defined;
};

/**
 * struct warden_group - a named group of pathnames, numbers or addresses
 * @list: links the groups of &warden_group_set.all.
 * @defined: links the groups of &warden_group_set.defined, once listed.
 * @members: the members, as &struct warden_group_member, in the order
 *           added.
 * @listed: the group is on &warden_group_set.defined.
 * @named: a rule named the group, and may hold a pointer to it: it stays
 *         when emptied.  A group no rule named goes with its last member.
 * @type: an &enum warden_group_type.
 * @name: the group's name, without its '@'.
 */
struct warden_group {
	struct list_head list;
	struct list_head defined;
	struct list_head members;
	bool listed;
	bool named;
	u8 type;
	char name[];
};

/**
 * struct warden_acl_group_set - the ACL groups of one exception policy
 * @all: every group, as &struct warden_acl_group, in the order created;
 *       new groups go to the tail, which warden_acl_group_rollback()
 *       relies on.
 * @defined: the groups that ever had an entry, in the order they got
 *           their first one: the order they print in.
 * @names: every group, by a hash of its name, so that a line finds its
 *         group without a walk of @all however many there are.
 */
struct warden_acl_group_set {
	struct list_head all;
	struct list_head defined;
	DECLARE_HASHTABLE(names, 5);
};

/**
 * struct warden_exception_policy - the exception policy of a namespace
 * @transitions: transition controls and aggregators, as
 *               &struct warden_transition_entry, in the order added.
 * @groups: path, number and address groups.
 * @acl_groups: ACL groups.
 *
 * Groups and ACL groups live as long as the exception policy: rules and
 * domains of its namespace hold pointers to them.  Every kind of rule
 * resolves its "@name" and "use_group" words here when it is written, so
 * the dictionaries are declared with the groups, below the rules that
 * point into them; exception.h reads and writes the exception policy.
 */
struct warden_exception_policy {
	struct list_head transitions;
	struct warden_group_set groups;
	struct warden_acl_group_set acl_groups;
};

/**
 * struct warden_group_mark - where a group set stood before a line
 * @last: the last group of &warden_group_set.all then.
 */
struct warden_group_mark {
	struct list_head *last;
};

void warden_group_set_init(struct warden_group_set *set);
void warden_group_set_clear(struct warden_group_set *set);
struct warden_group *warden_group_ref(struct warden_group_set *set,
				      enum warden_group_type type,
				      const char *name);
struct warden_group *warden_group_find(const struct warden_group_set *set,
				       enum warden_group_type type,
				       const char *name);
void warden_group_mark(const struct warden_group_set *set,
		       struct warden_group_mark *mark);
void warden_group_rollback(struct warden_group_set *set,
			   const struct warden_group_mark *mark);
int warden_group_write(struct warden_group_set *set,
		       enum warden_group_type type, char *args,
		       bool is_delete, const char **reason);
void warden_group_show(struct seq_file *m, const struct warden_group_set *set,
		       const char *prefix);
bool warden_group_ref_valid(const char *word);
const char *warden_group_name(const struct warden_group *group);
bool warden_group_has_path(const struct warden_group *group,
			   const char *path);
bool warden_group_has_numbers(const struct warden_group *group,
			      unsigned long min, unsigned long max);
bool warden_group_has_number(const struct warden_group *group,
			     unsigned long value);
bool warden_group_has_address(const struct warden_group *group, bool ipv6,
			      const u8 *address);

#endif /* _SECURITY_WARDEN_GROUP_H */
