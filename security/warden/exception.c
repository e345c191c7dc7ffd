// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - the exception policy: parsing, printing and storage.
 *
 * Each line goes, by its keyword, to the transition controls, the groups
 * or the ACL groups, which compile it and print it back as TOMOYO 2.6
 * does ("keep_domain any from <kernel> /usr/sbin/sshd"); a line already
 * present is not added twice, and "delete" removes one.
 */

#include "common.h"

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/rcupdate.h>
#include <linux/seq_file.h>
#include <linux/string.h>

#include "acl_group.h"
#include "exception.h"
#include "group.h"
#include "transition.h"

static const char *const warden_group_names[] = {
	[WARDEN_GROUP_PATH] = "path_group",
	[WARDEN_GROUP_NUMBER] = "number_group",
	[WARDEN_GROUP_ADDRESS] = "address_group",
};

static_assert(ARRAY_SIZE(warden_group_names) == WARDEN_NR_GROUP_TYPES);

/**
 * warden_exception_init - prepare an empty exception policy
 * @exception: the exception policy.
 */
void warden_exception_init(struct warden_exception_policy *exception)
{
	INIT_LIST_HEAD(&exception->transitions);
	warden_group_set_init(&exception->groups);
	warden_acl_group_set_init(&exception->acl_groups);
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
	unsigned int i;
	char *keyword;
	int err;

	lockdep_assert(warden_policy_write_held());
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
	i = match_string(warden_group_names, ARRAY_SIZE(warden_group_names),
			 keyword);
	if (i < ARRAY_SIZE(warden_group_names))
		return warden_group_write(&exception->groups, i, line,
					  is_delete, reason);

	err = warden_transition_kind_of(keyword);
	if (err >= 0)
		return warden_transition_write(&exception->transitions, err,
					       line, is_delete, reason);
	*reason = "unknown keyword";
	return -EINVAL;
}

/**
 * warden_exception_show - print the exception_policy file
 * @m: the seq_file.
 * @exception: the exception policy; the caller holds warden_policy_lock
 *             or is in an RCU read-side critical section.
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
	lockdep_assert(warden_policy_readable());
	warden_transition_show(m, &exception->transitions, prefix);
	if (transition_only)
		return;
	warden_group_show(m, &exception->groups, prefix);
	warden_acl_group_show(m, &exception->acl_groups, prefix);
}

/**
 * warden_exception_clear - free an exception policy nobody can reach
 * @exception: the exception policy.
 */
void warden_exception_clear(struct warden_exception_policy *exception)
{
	warden_transition_clear(&exception->transitions);
	/* ACL entries point to groups: they go first. */
	warden_acl_group_set_clear(&exception->acl_groups);
	warden_group_set_clear(&exception->groups);
}
