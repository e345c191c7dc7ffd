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
#include "netacl.h"
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

/* The profile a domain uses, in its namespace; NULL if not defined. */
static const struct warden_profile *
warden_dp_profile(const struct warden_policy *policy,
		  const struct warden_domain_policy *dp)
{
	const struct warden_profile_set *set = warden_ns_profiles(policy, dp->ns);

	return rcu_dereference(set->profile[READ_ONCE(dp->profile)]);
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
	profile = warden_dp_profile(policy, dp);
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

/* Whether the domain's file entries, or a group it uses, grant @req. */
static bool warden_domain_allows(const struct warden_policy *policy,
				 struct warden_domain_policy *dp,
				 struct warden_request *req)
{
	struct warden_acl_group *group;

	if (warden_acl_allows(&dp->acls, req))
		return true;
	list_for_each_entry_rcu(group,
				&warden_ns_exception(policy, dp->ns)->acl_groups,
				list)
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

/**
 * struct warden_check_ops - what differs between kinds of request
 * @allows: whether the domain's policy grants the request; called in an
 *          RCU read-side critical section, may fill @verdict.
 * @line: the policy line that would grant it, allocated, or %NULL.
 */
struct warden_check_ops {
	bool (*allows)(const struct warden_policy *policy,
		       struct warden_domain_policy *dp, void *req,
		       struct warden_verdict *verdict);
	char *(*line)(const void *req);
};

/*
 * Learning mode: add @line, which grants the request, to the domain,
 * unless the domain already holds @max_entries entries; then mark it and
 * stop.
 */
static void warden_learn(const struct warden_domain *domain, char *line,
			 unsigned int max_entries)
{
	struct warden_domain_policy *dp;
	int err;

	if (mutex_lock_killable(&warden_policy_lock))
		return;
	dp = warden_check_domain(warden_policy_locked(), domain);
	if (!dp || READ_ONCE(dp->quota_exceeded))
		goto out_unlock;
	if (warden_domain_policy_entries(dp) >= max_entries) {
		WRITE_ONCE(dp->quota_exceeded, true);
		pr_warn("Warden: domain '%s' reached max_learning_entry=%u: learning stops there\n",
			domain->name, max_entries);
		goto out_unlock;
	}
	err = warden_domain_policy_learn(dp, line);
	if (err)
		pr_warn_ratelimited("Warden: cannot learn \"%s\" in '%s': %d\n",
				    line, domain->name, err);
out_unlock:
	mutex_unlock(&warden_policy_lock);
}

/* Tell the administrator about a request nothing granted. */
static void warden_report(const struct warden_domain *domain, u8 mode,
			  const char *line)
{
	pr_notice_ratelimited("Warden: %s mode: %s denied to pid %d (%s) in '%s'\n",
			      warden_mode_names[mode], line ?: "(no memory)",
			      task_tgid_nr(current), current->comm,
			      domain->name);
}

/*
 * Decide a request in a domain: look it up in the domain's mode, and
 * apply the mode to a request nothing grants.
 */
static int warden_decide(const struct warden_domain *domain,
			 enum warden_op op, const struct warden_check_ops *ops,
			 void *req, struct warden_verdict *verdict)
{
	const struct warden_profile *profile;
	const struct warden_policy *policy;
	struct warden_domain_policy *dp;
	unsigned int max_learning = 0;
	u8 config, mode;
	char *line;

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
	verdict->granted = ops->allows(policy, dp, req, verdict);
	profile = warden_dp_profile(policy, dp);
	if (profile)
		max_learning = profile->pref[WARDEN_PREF_MAX_LEARNING_ENTRY];
	rcu_read_unlock();
	if (verdict->granted)
		return 0;
	if (verdict->error)
		return verdict->error;

	warden_stat_record(warden_mode_events[mode]);
	if (mode == WARDEN_MODE_LEARNING ||
	    (config & WARDEN_CONFIG_REJECT_LOG)) {
		line = ops->line(req);
		if (mode == WARDEN_MODE_LEARNING) {
			if (line)
				warden_learn(domain, line, max_learning);
		} else {
			warden_report(domain, mode, line);
		}
		kfree(line);
	}
	return mode == WARDEN_MODE_ENFORCING ? -EPERM : 0;
}

static bool warden_file_allows(const struct warden_policy *policy,
			       struct warden_domain_policy *dp, void *arg,
			       struct warden_verdict *verdict)
{
	struct warden_request *req = arg;

	req->exception = warden_ns_exception(policy, dp->ns);
	if (!warden_domain_allows(policy, dp, req))
		return false;
	if (req->matched && warden_word_has_wildcard(req->matched)) {
		verdict->matched = kstrdup(req->matched, GFP_ATOMIC);
		if (!verdict->matched)
			goto out_nomem;
	}
	if (req->transit) {
		verdict->transit = kstrdup(req->transit, GFP_ATOMIC);
		if (!verdict->transit)
			goto out_nomem;
	}
	return true;

out_nomem:
	kfree(verdict->matched);
	verdict->matched = NULL;
	verdict->error = -ENOMEM;
	return false;
}

/* The "file ..." line that would grant @req, allocated; NULL if none. */
static char *warden_file_line(const void *arg)
{
	const struct warden_request *req = arg;
	size_t size = 128;
	unsigned int i;
	char *line;

	for (i = 0; i < WARDEN_ACL_MAX_WORDS && req->word[i]; i++)
		size += strlen(req->word[i]) + 1;
	line = kmalloc(size, GFP_NOFS);
	if (!line)
		return NULL;
	memcpy(line, "file ", strlen("file "));
	if (warden_acl_format(line + strlen("file "), size - strlen("file "),
			      req)) {
		kfree(line);
		return NULL;
	}
	return line;
}

static const struct warden_check_ops warden_file_ops = {
	.allows = warden_file_allows,
	.line = warden_file_line,
};

/**
 * warden_check - decide a file request in a domain
 * @domain: the domain the request is made in.
 * @op: the profile operation it falls under.
 * @req: the request.
 * @verdict: receives how it was decided; free @verdict->matched and
 *           @verdict->transit.
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
	return warden_decide(domain, op, &warden_file_ops, req, verdict);
}

static bool warden_net_allows(const struct warden_policy *policy,
			      struct warden_domain_policy *dp, void *req,
			      struct warden_verdict *verdict)
{
	return warden_netacl_allows(&dp->netacls, req,
				    warden_ns_exception(policy, dp->ns));
}

static char *warden_net_line(const void *req)
{
	return warden_netacl_format(req);
}

static const struct warden_check_ops warden_net_ops = {
	.allows = warden_net_allows,
	.line = warden_net_line,
};

/**
 * warden_check_net - decide a network or environment request in a domain
 * @domain: the domain the request is made in.
 * @op: the profile operation it falls under.
 * @req: the request.
 *
 * Return: 0 to allow the request, -EPERM to reject it.
 */
int warden_check_net(const struct warden_domain *domain, enum warden_op op,
		     struct warden_net_request *req)
{
	struct warden_verdict verdict;

	return warden_decide(domain, op, &warden_net_ops, req, &verdict);
}
