// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - deciding a request: the domain's mode for the operation,
 * its entries and the ACL groups it uses, and what each mode does with a
 * request that nothing grants.
 */

#include <linux/ctype.h>
#include <linux/kstrtox.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/rculist.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "check.h"
#include "domain.h"
#include "domain_policy.h"
#include "exception.h"
#include "pattern.h"
#include "policy.h"
#include "stat.h"

/**
 * warden_check_domain - the policy's entry for a live domain
 * @policy: the policy; the caller is in an RCU read-side critical section
 *          or holds warden_policy_lock.
 * @domain: the domain.
 *
 * Return: the domain's policy, or %NULL when the policy has none for it.
 */
struct warden_domain_policy *
warden_check_domain(const struct warden_policy *policy,
		    const struct warden_domain *domain)
{
	return warden_domain_policy_lookup(policy, domain->name, domain->hash);
}

/**
 * warden_check_mode - the config of an operation in a domain
 * @policy: the policy; the caller is in an RCU read-side critical section.
 * @dp: the domain's policy, or %NULL.
 * @op: the operation.
 *
 * Until a policy is loaded, and for a domain the policy lacks or whose
 * profile is not defined, every operation is disabled.
 *
 * Return: the config byte: an &enum warden_mode and the log flags.
 */
u8 warden_check_mode(const struct warden_policy *policy,
		     const struct warden_domain_policy *dp, enum warden_op op)
{
	const struct warden_profile *profile;

	if (!dp || !warden_policy_is_loaded())
		return WARDEN_MODE_DISABLED;
	profile = rcu_dereference(policy->profiles.profile[READ_ONCE(dp->profile)]);
	if (!profile)
		return WARDEN_MODE_DISABLED;
	return warden_profile_config(profile, op);
}

/**
 * warden_op_enabled - whether a domain mediates an operation at all
 * @domain: the domain.
 * @op: the operation.
 *
 * Hooks call this before they build a pathname, so that a disabled
 * operation costs a hash lookup and nothing else.
 *
 * Return: false if the operation is disabled in @domain.
 */
bool warden_op_enabled(const struct warden_domain *domain, enum warden_op op)
{
	const struct warden_policy *policy;
	u8 config;

	if (!warden_policy_is_loaded())
		return false;
	rcu_read_lock();
	policy = rcu_dereference(warden_policy);
	config = warden_check_mode(policy, warden_check_domain(policy, domain),
				   op);
	rcu_read_unlock();
	return (config & WARDEN_CONFIG_MODE_MASK) != WARDEN_MODE_DISABLED;
}

/* Whether @dp uses the ACL group named @name. */
static bool warden_group_used(const struct warden_domain_policy *dp,
			      const char *name)
{
	const struct warden_text_line *line;
	u8 number;

	if (isdigit(*name))
		return !kstrtou8(name, 10, &number) &&
		       test_bit(number, dp->groups);
	list_for_each_entry_rcu(line, &dp->named_groups, list)
		if (!strcmp(line->text, name))
			return true;
	return false;
}

/* Whether the domain's entries, or a group it uses, grant @req. */
static bool warden_domain_allows(const struct warden_policy *policy,
				 struct warden_domain_policy *dp,
				 struct warden_request *req)
{
	struct warden_acl_group *group;

	if (warden_acl_allows(&dp->acls, req))
		return true;
	list_for_each_entry_rcu(group, &policy->exception.acl_groups, list)
		if (warden_group_used(dp, group->name) &&
		    warden_acl_allows(&group->acls, req))
			return true;
	return false;
}

static const char *const warden_mode_names[] = {
	[WARDEN_MODE_DISABLED] = "disabled",
	[WARDEN_MODE_LEARNING] = "learning",
	[WARDEN_MODE_PERMISSIVE] = "permissive",
	[WARDEN_MODE_ENFORCING] = "enforcing",
};

static const enum warden_stat_event warden_mode_events[] = {
	[WARDEN_MODE_LEARNING] = WARDEN_STAT_VIOLATION_LEARNING,
	[WARDEN_MODE_PERMISSIVE] = WARDEN_STAT_VIOLATION_PERMISSIVE,
	[WARDEN_MODE_ENFORCING] = WARDEN_STAT_VIOLATION_ENFORCING,
};

/* The "file ..." line that would grant @req, allocated; NULL if none. */
static char *warden_request_line(const struct warden_request *req)
{
	size_t size = 128;
	unsigned int i;
	char *line;

	for (i = 0; i < WARDEN_ACL_MAX_WORDS && req->word[i]; i++)
		size += strlen(req->word[i]) + 1;
	line = kmalloc(size, GFP_NOFS);
	if (line && warden_acl_format(line, size, req)) {
		kfree(line);
		return NULL;
	}
	return line;
}

/*
 * Learning mode: add the line that grants @req to the domain, unless the
 * domain already holds @max_entries entries; then mark it and stop.
 */
static void warden_learn(const struct warden_domain *domain,
			 const struct warden_request *req,
			 unsigned int max_entries)
{
	struct warden_domain_policy *dp;
	const char *reason;
	char *line;

	line = warden_request_line(req);
	if (!line)
		return;
	if (mutex_lock_killable(&warden_policy_lock))
		goto out;
	dp = warden_check_domain(warden_policy_locked(), domain);
	if (!dp || READ_ONCE(dp->quota_exceeded))
		goto out_unlock;
	if (dp->acls.count >= max_entries) {
		WRITE_ONCE(dp->quota_exceeded, true);
		pr_warn("Warden: domain '%s' reached max_learning_entry=%u: learning stops there\n",
			domain->name, max_entries);
		goto out_unlock;
	}
	if (warden_acl_write(&dp->acls, line, false, &reason))
		pr_warn_ratelimited("Warden: cannot learn \"file %s\" in '%s'\n",
				    line, domain->name);
out_unlock:
	mutex_unlock(&warden_policy_lock);
out:
	kfree(line);
}

/* Tell the administrator about a request nothing granted. */
static void warden_report(const struct warden_domain *domain, u8 mode,
			  const struct warden_request *req)
{
	char *line = warden_request_line(req);

	pr_notice_ratelimited("Warden: %s mode: file %s denied to pid %d (%s) in '%s'\n",
			      warden_mode_names[mode], line ?: "(no memory)",
			      task_tgid_nr(current), current->comm,
			      domain->name);
	kfree(line);
}

/**
 * warden_check - decide a file request in a domain
 * @domain: the domain the request is made in.
 * @op: the profile operation it falls under.
 * @req: the request.
 * @verdict: receives how it was decided; free @verdict->matched.
 *
 * A request no entry grants is, by the domain's mode: learned (its line is
 * added to the domain), allowed and counted (permissive), or rejected and
 * counted (enforcing).
 *
 * Return: 0 to allow the request, -EPERM to reject it, -ENOMEM.
 */
int warden_check(const struct warden_domain *domain, enum warden_op op,
		 struct warden_request *req, struct warden_verdict *verdict)
{
	const struct warden_profile *profile;
	const struct warden_policy *policy;
	struct warden_domain_policy *dp;
	unsigned int max_learning = 0;
	u8 config, mode;

	memset(verdict, 0, sizeof(*verdict));
	rcu_read_lock();
	policy = rcu_dereference(warden_policy);
	dp = warden_check_domain(policy, domain);
	config = warden_check_mode(policy, dp, op);
	mode = config & WARDEN_CONFIG_MODE_MASK;
	verdict->mode = mode;
	if (mode == WARDEN_MODE_DISABLED) {
		rcu_read_unlock();
		return 0;
	}
	req->exception = &policy->exception;
	verdict->granted = warden_domain_allows(policy, dp, req);
	if (verdict->granted && req->matched &&
	    warden_word_has_wildcard(req->matched)) {
		verdict->matched = kstrdup(req->matched, GFP_ATOMIC);
		if (!verdict->matched) {
			rcu_read_unlock();
			return -ENOMEM;
		}
	}
	profile = rcu_dereference(policy->profiles.profile[READ_ONCE(dp->profile)]);
	if (profile)
		max_learning = profile->pref[WARDEN_PREF_MAX_LEARNING_ENTRY];
	rcu_read_unlock();
	if (verdict->granted)
		return 0;

	warden_stat_record(warden_mode_events[mode]);
	if (mode != WARDEN_MODE_LEARNING && (config & WARDEN_CONFIG_REJECT_LOG))
		warden_report(domain, mode, req);
	if (mode == WARDEN_MODE_LEARNING)
		warden_learn(domain, req, max_learning);
	return mode == WARDEN_MODE_ENFORCING ? -EPERM : 0;
}
