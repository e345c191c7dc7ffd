// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - ACL groups: the "acl_group" lines of the exception policy,
 * and the groups each domain uses.
 */

#include "common.h"

#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/hashtable.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/overflow.h>
#include <linux/rcupdate.h>
#include <linux/rculist.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/stringhash.h>

#include "acl_group.h"
#include "pattern.h"
#include "quiet.h"
#include "stat.h"
#include "value.h"

static size_t warden_acl_group_size(const char *name)
{
	return struct_size_t(struct warden_acl_group, name, strlen(name) + 1);
}

/**
 * warden_acl_group_set_init - prepare an empty set of ACL groups
 * @set: the set.
 */
void warden_acl_group_set_init(struct warden_acl_group_set *set)
{
	INIT_LIST_HEAD(&set->all);
	INIT_LIST_HEAD(&set->defined);
	hash_init(set->names);
}

static void warden_acl_group_free(struct warden_acl_group *group)
{
	/* The domains that used the group went before it. */
	warden_acl_set_destroy(&group->acls);
	warden_netacl_set_destroy(&group->netacls);
	warden_quiet_free(rcu_dereference_protected(group->quiet, true));
	warden_memory_uncharge(WARDEN_MEMORY_POLICY,
			       warden_acl_group_size(group->name));
	kfree(group);
}

/**
 * warden_acl_group_set_clear - free every ACL group of a set
 * @set: the set; no reader and no domain may still use its groups.
 */
void warden_acl_group_set_clear(struct warden_acl_group_set *set)
{
	struct warden_acl_group *group, *next;

	list_for_each_entry_safe(group, next, &set->all, list) {
		list_del(&group->list);
		warden_acl_group_free(group);
	}
	INIT_LIST_HEAD(&set->defined);
	hash_init(set->names);
}

/* Room for a group number as a group is named by it. */
#define WARDEN_ACL_GROUP_NUMBER_MAX 11

/*
 * The name a group is filed under: a number is the same group however it
 * is written, and is named as TOMOYO prints it ("007" is group 7).
 */
static const char *warden_acl_group_canonical(const char *name, char *buf)
{
	unsigned int number;

	if (!isdigit(*name) || kstrtouint(name, 10, &number))
		return name;
	snprintf(buf, WARDEN_ACL_GROUP_NUMBER_MAX, "%u", number);
	return buf;
}

static u32 warden_acl_group_hash(const char *name)
{
	return full_name_hash(NULL, name, strlen(name));
}

/* The group filed under the canonical @name, or NULL. */
static struct warden_acl_group *
warden_acl_group_find(struct warden_acl_group_set *set, const char *name)
{
	struct warden_acl_group *group;

	hash_for_each_possible(set->names, group, hash,
			       warden_acl_group_hash(name))
		if (!strcmp(group->name, name))
			return group;
	return NULL;
}

/**
 * warden_acl_group_lookup - the ACL group of a number or name
 * @set: the groups; the caller holds warden_policy_lock.
 * @name: the number or name.
 *
 * Return: the group, or %NULL when there is none.
 */
struct warden_acl_group *
warden_acl_group_lookup(struct warden_acl_group_set *set, const char *name)
{
	char buf[WARDEN_ACL_GROUP_NUMBER_MAX];

	lockdep_assert(warden_policy_write_held());
	return warden_acl_group_find(set,
				     warden_acl_group_canonical(name, buf));
}

/* The ACL group of a number or name, created empty if need be; or NULL. */
static struct warden_acl_group *
warden_acl_group_get(struct warden_acl_group_set *set, const char *name)
{
	char buf[WARDEN_ACL_GROUP_NUMBER_MAX];
	struct warden_acl_group *group;
	size_t size;

	name = warden_acl_group_canonical(name, buf);
	group = warden_acl_group_find(set, name);
	if (group)
		return group;
	size = warden_acl_group_size(name);
	if (!warden_memory_charge(WARDEN_MEMORY_POLICY, size))
		return NULL;
	group = kzalloc(size, GFP_KERNEL_ACCOUNT);
	if (!group || warden_acl_set_init(&group->acls)) {
		kfree(group);
		warden_memory_uncharge(WARDEN_MEMORY_POLICY, size);
		return NULL;
	}
	if (warden_netacl_set_init(&group->netacls)) {
		warden_acl_set_destroy(&group->acls);
		kfree(group);
		warden_memory_uncharge(WARDEN_MEMORY_POLICY, size);
		return NULL;
	}
	INIT_LIST_HEAD(&group->defined);
	memcpy(group->name, name, strlen(name) + 1);
	list_add_tail(&group->list, &set->all);
	hash_add(set->names, &group->hash, warden_acl_group_hash(name));
	return group;
}

/**
 * warden_acl_group_ref - the ACL group a domain uses, created empty if need be
 * @set: the groups; the caller holds warden_policy_lock.
 * @name: the number or name.
 *
 * A group created here is charged to the policy and prints nothing until
 * an acl_group line gives it an entry; a caller whose line is refused
 * afterwards gives it back with warden_acl_group_rollback().  A group a
 * domain used stays when its last entry is deleted.
 *
 * Return: the group, valid as long as @set; or %NULL when memory or the
 * policy quota runs out.
 */
struct warden_acl_group *
warden_acl_group_ref(struct warden_acl_group_set *set, const char *name)
{
	struct warden_acl_group *group;

	lockdep_assert(warden_policy_write_held());
	group = warden_acl_group_get(set, name);
	if (group)
		group->used = true;
	return group;
}

/*
 * An emptied group that no domain used is freed, so that adding an entry
 * and deleting it again leaves the policy as it was.  Readers reach it
 * only through the printed list; its index cannot be freed under RCU, so
 * the writer waits for them.
 */
static void warden_acl_group_drop_if_unused(struct warden_acl_group *group)
{
	if (group->used || group->acls.count || group->netacls.count ||
	    rcu_access_pointer(group->quiet))
		return;
	list_del(&group->list);
	hash_del(&group->hash);
	if (group->listed)
		list_del_rcu(&group->defined);
	synchronize_rcu();
	warden_acl_group_free(group);
}

/**
 * warden_acl_group_mark - remember which ACL groups a set has
 * @set: the groups; the caller holds warden_policy_lock.
 * @mark: receives the position.
 */
void warden_acl_group_mark(const struct warden_acl_group_set *set,
			   struct warden_acl_group_mark *mark)
{
	lockdep_assert(warden_policy_write_held());
	mark->last = set->all.prev;
}

/**
 * warden_acl_group_rollback - free the ACL groups created since a mark
 * @set: the groups; the caller holds warden_policy_lock, as it did since
 *       warden_acl_group_mark().
 * @mark: the position warden_acl_group_mark() gave.
 *
 * Readers only reach a group through a domain's use or the printed list,
 * and a group made for a refused line has neither.
 */
void warden_acl_group_rollback(struct warden_acl_group_set *set,
			       const struct warden_acl_group_mark *mark)
{
	lockdep_assert(warden_policy_write_held());
	while (set->all.prev != mark->last) {
		struct warden_acl_group *group =
			list_last_entry(&set->all, struct warden_acl_group, list);

		WARN_ON_ONCE(group->listed || group->acls.count ||
			     group->netacls.count ||
			     rcu_access_pointer(group->quiet));
		list_del(&group->list);
		hash_del(&group->hash);
		warden_acl_group_free(group);
	}
}

/**
 * warden_acl_group_name_check - check the number or name of an ACL group
 * @name: what "acl_group" or "use_group" names.
 * @reason: receives why it was refused.
 *
 * A group is numbered 0 to 255, as in TOMOYO, or named by a word of
 * [a-z][a-z0-9_]* of at most %WARDEN_ACL_GROUP_NAME_MAX bytes.
 *
 * Return: 0, or -EINVAL.
 */
int warden_acl_group_name_check(const char *name, const char **reason)
{
	unsigned int number;
	const char *c;

	if (isdigit(*name)) {
		if (kstrtouint(name, 10, &number) ||
		    number >= WARDEN_MAX_ACL_GROUPS) {
			*reason = "an acl_group number is 0 to 255";
			return -EINVAL;
		}
		return 0;
	}
	if (!islower(*name)) {
		*reason = "an acl_group is a number from 0 to 255 or a name of a-z, 0-9 and _";
		return -EINVAL;
	}
	for (c = name; *c; c++) {
		if (!islower(*c) && !isdigit(*c) && *c != '_') {
			*reason = "an acl_group name holds only a-z, 0-9 and _";
			return -EINVAL;
		}
	}
	if (c - name > WARDEN_ACL_GROUP_NAME_MAX) {
		*reason = "an acl_group name is at most 64 bytes";
		return -EINVAL;
	}
	return 0;
}

/* Add or delete one line of a group: file, quiet, or the others. */
static int warden_acl_group_line(struct warden_acl_group *group,
				 struct warden_exception_policy *exception,
				 char *line, bool is_delete,
				 const char **reason)
{
	if (!strcmp(line, "quiet")) {
		*reason = "a quiet rule needs the line it quiets";
		return -EINVAL;
	}
	if (str_has_prefix(line, "quiet "))
		return warden_quiet_write(&group->quiet, exception,
					  line + strlen("quiet "), is_delete,
					  reason);
	if (str_has_prefix(line, "file "))
		return warden_acl_write(&group->acls, exception,
					line + strlen("file "), is_delete,
					reason);
	if (str_has_prefix(line, "network ") || str_has_prefix(line, "misc ") ||
	    str_has_prefix(line, "task "))
		return warden_netacl_write(&group->netacls, exception, line,
					   is_delete, reason);
	*reason = "an acl_group holds file, network, misc, task and quiet lines";
	return -EINVAL;
}

/**
 * warden_acl_group_write - apply an "acl_group" line
 * @exception: the exception policy; the caller holds warden_policy_lock.
 * @args: the words after "acl_group": "<number or name> <line>", where
 *        the line is any file, network, misc or task line a domain may
 *        hold; parsed in place.
 * @is_delete: remove the entry instead of adding it.
 * @reason: receives why the line was refused.
 *
 * Return: 0; -EINVAL for a malformed line; -ENOENT when deleting what is
 * not there; -ENOMEM when memory or the policy quota runs out.
 */
int warden_acl_group_write(struct warden_exception_policy *exception,
			   char *args, bool is_delete, const char **reason)
{
	struct warden_acl_group_set *set = &exception->acl_groups;
	char *name = strsep(&args, " ");
	struct warden_acl_group_mark mark;
	struct warden_acl_group *group;
	int err;

	lockdep_assert(warden_policy_write_held());
	if (!args) {
		*reason = "an acl_group line is \"acl_group <number or name> <line>\"";
		return -EINVAL;
	}
	err = warden_acl_group_name_check(name, reason);
	if (err)
		return err;
	/* A number is filed as TOMOYO prints it: "007" is group 7. */
	if (is_delete) {
		group = warden_acl_group_lookup(set, name);
		if (!group) {
			*reason = "no such acl_group";
			return -ENOENT;
		}
		err = warden_acl_group_line(group, exception, args, true,
					    reason);
		if (!err)
			warden_acl_group_drop_if_unused(group);
		return err;
	}
	warden_acl_group_mark(set, &mark);
	group = warden_acl_group_get(set, name);
	if (!group)
		return -ENOMEM;
	err = warden_acl_group_line(group, exception, args, false, reason);
	if (err) {
		warden_acl_group_rollback(set, &mark);
		return err;
	}
	/* A group prints from its first entry on, in that order. */
	if (!group->listed) {
		group->listed = true;
		list_add_tail_rcu(&group->defined, &set->defined);
	}
	return 0;
}

/**
 * warden_acl_group_show - print the acl_group lines of a set
 * @m: the seq_file.
 * @set: the groups; the caller is in an RCU read-side
 *       critical section.
 * @prefix: printed before every line, e.g. "<apache> " for a namespace.
 */
void warden_acl_group_show(struct seq_file *m,
			   const struct warden_acl_group_set *set,
			   const char *prefix)
{
	const struct warden_acl_group *group;

	lockdep_assert(warden_policy_readable());
	list_for_each_entry_rcu(group, &set->defined, defined) {
		char line_prefix[WARDEN_NAMESPACE_NAME_MAX + 2 +
				 WARDEN_ACL_GROUP_NAME_MAX + 16];

		snprintf(line_prefix, sizeof(line_prefix), "%sacl_group %s ",
			 prefix, group->name);
		warden_acl_show_prefixed(m, &group->acls, line_prefix, false);
		warden_netacl_show(m, &group->netacls, line_prefix, false);
		warden_quiet_show(m, rcu_dereference_check(group->quiet,
							   warden_policy_write_held()),
				  line_prefix);
	}
}

/* Free a use no reader can see any more. */
static void warden_acl_group_use_free(struct warden_acl_group_use *use)
{
	warden_memory_uncharge(WARDEN_MEMORY_POLICY, sizeof(*use));
	kfree(use);
}

/**
 * warden_acl_group_use - have a domain use an ACL group, or stop using it
 * @user: the domain's uses and entries; the caller holds
 *        warden_policy_lock.
 * @group: the group.
 * @is_delete: stop using it.
 * @reason: receives why the change was refused.
 *
 * A domain that uses a group files the group's entries in its own
 * indexes, and keeps them there until it stops using the group.  A group
 * already used is not used twice.
 *
 * Return: 0; -ENOENT when stopping a use there is not; -ENOMEM when
 * memory or the policy quota runs out, with nothing changed.
 */
int warden_acl_group_use(const struct warden_acl_user *user,
			 struct warden_acl_group *group, bool is_delete,
			 const char **reason)
{
	struct warden_acl_group_use *use;

	lockdep_assert(warden_policy_write_held());
	list_for_each_entry(use, user->uses, list) {
		if (use->group != group)
			continue;
		if (is_delete) {
			list_del_rcu(&use->list);
			warden_acl_set_unmirror(&group->acls, &use->acls, true);
			warden_netacl_set_unmirror(&group->netacls,
						   &use->netacls, true);
			warden_memory_uncharge(WARDEN_MEMORY_POLICY,
					       sizeof(*use));
			kfree_rcu(use, rcu);
		}
		return 0;
	}
	if (is_delete) {
		*reason = "no such entry to delete";
		return -ENOENT;
	}
	if (!warden_memory_charge(WARDEN_MEMORY_POLICY, sizeof(*use)))
		return -ENOMEM;
	use = kmalloc(sizeof(*use), GFP_KERNEL_ACCOUNT);
	if (!use) {
		warden_memory_uncharge(WARDEN_MEMORY_POLICY, sizeof(*use));
		return -ENOMEM;
	}
	use->group = group;
	if (warden_acl_set_mirror(&group->acls, &use->acls, user->acls))
		goto out_free;
	if (warden_netacl_set_mirror(&group->netacls, &use->netacls,
				     user->netacls)) {
		warden_acl_set_unmirror(&group->acls, &use->acls, true);
		goto out_free;
	}
	list_add_tail_rcu(&use->list, user->uses);
	return 0;

out_free:
	warden_acl_group_use_free(use);
	return -ENOMEM;
}

/**
 * warden_acl_group_uses_copy - have a domain use what another one uses
 * @to: a new domain; the caller holds warden_policy_lock.
 * @from: the uses to copy.
 *
 * Return: 0, or -ENOMEM with the uses copied so far kept.
 */
int warden_acl_group_uses_copy(const struct warden_acl_user *to,
			       const struct list_head *from)
{
	const struct warden_acl_group_use *use;
	const char *reason;
	int err;

	lockdep_assert(warden_policy_write_held());
	list_for_each_entry(use, from, list) {
		err = warden_acl_group_use(to, use->group, false, &reason);
		if (err)
			return err;
	}
	return 0;
}

/**
 * warden_acl_group_uses_clear - free the uses of a domain nobody can reach
 * @uses: the uses; the caller holds warden_policy_lock, and destroys the
 *        domain's indexes, with the refs they hold to the groups'
 *        entries.
 */
void warden_acl_group_uses_clear(struct list_head *uses)
{
	struct warden_acl_group_use *use, *next;

	lockdep_assert(warden_policy_write_held());
	list_for_each_entry_safe(use, next, uses, list) {
		list_del(&use->list);
		warden_acl_set_unmirror(&use->group->acls, &use->acls, false);
		warden_netacl_set_unmirror(&use->group->netacls, &use->netacls,
					   false);
		warden_acl_group_use_free(use);
	}
}

/**
 * warden_acl_groups_quiet - whether a quiet rule of a used ACL group
 *			     covers a file request
 * @uses: the domain's uses; the caller is in an RCU read-side critical
 *        section.
 * @req: the request, which nothing granted; it is not changed.
 *
 * Only a denial asks, so walking every used group is no cost to grants.
 *
 * Return: true if a quiet entry of one of them covers @req.
 */
bool warden_acl_groups_quiet(const struct list_head *uses,
			     const struct warden_request *req)
{
	const struct warden_acl_group_use *use;

	list_for_each_entry_rcu(use, uses, list)
		if (warden_quiet_covers(rcu_dereference(use->group->quiet),
					req))
			return true;
	return false;
}

/**
 * warden_acl_groups_quiet_net - whether a quiet rule of a used ACL group
 *				 covers a network or environment request
 * @uses: the domain's uses; the caller is in an RCU read-side critical
 *        section.
 * @req: the request, which nothing granted; it is not changed.
 * @exception: the exception policy of the domain's namespace.
 *
 * Return: true if a quiet entry of one of them covers @req.
 */
bool warden_acl_groups_quiet_net(const struct list_head *uses,
				 const struct warden_net_request *req,
				 const struct warden_exception_policy *exception)
{
	const struct warden_acl_group_use *use;

	list_for_each_entry_rcu(use, uses, list)
		if (warden_quiet_covers_net(rcu_dereference(use->group->quiet),
					    req, exception))
			return true;
	return false;
}

/**
 * warden_acl_groups_need_exec_args - whether used groups' quiet rules read
 *				      exec strings
 * @uses: the domain's uses; the caller is in an RCU read-side critical
 *        section or holds warden_policy_lock.
 *
 * The groups' other entries are filed in the domain's own set, which
 * counts them; their quiet rules are looked up group by group.
 *
 * Return: true if a quiet entry of a group the domain uses has an
 * exec.argv[] or exec.envp[] condition.
 */
bool warden_acl_groups_need_exec_args(const struct list_head *uses)
{
	const struct warden_acl_group_use *use;
	const struct warden_quiet *quiet;

	lockdep_assert(warden_policy_readable());
	list_for_each_entry_rcu(use, uses, list) {
		quiet = rcu_dereference_check(use->group->quiet,
					      warden_policy_write_held());
		if (warden_quiet_needs_exec_args(quiet))
			return true;
	}
	return false;
}
