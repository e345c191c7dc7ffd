// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - deciding a request: the domain's mode for the operation,
 * its entries and the ACL groups it uses, and what each mode does with a
 * request that nothing grants.
 */

#include "common.h"

#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/rculist.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "audit.h"
#include "check.h"
#include "domain.h"
#include "domain_policy.h"
#include "netacl.h"
#include "pattern.h"
#include "policy.h"
#include "query.h"
#include "quiet.h"
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

/*
 * The config of an operation in a domain: disabled until a policy is
 * loaded, and for a domain the policy lacks or whose profile is not
 * defined.
 */
static u8 warden_check_mode(const struct warden_domain_policy *dp,
			    const struct warden_profile *profile,
			    enum warden_op op)
{
	if (!dp || !profile || !warden_policy_is_loaded())
		return WARDEN_MODE_DISABLED;
	return warden_profile_config(profile, op);
}

/*
 * Read the config of every operation of @domain, its profile and the
 * profile's preferences into its mode cache, and into @rctx.
 */
static void warden_modes_refill(struct warden_request_ctx *rctx,
				const struct warden_domain *domain,
				enum warden_op op, unsigned long epoch)
{
	struct warden_mode_cache *cache = warden_domain_modes(domain);
	unsigned int pref[WARDEN_NR_PREFS] = {};
	const struct warden_profile *profile = NULL;
	const struct warden_domain_policy *dp;
	const struct warden_policy *policy;
	u8 config[WARDEN_NR_OPS], number = 0;
	unsigned long flags;
	unsigned int i;

	rcu_read_lock();
	policy = rcu_dereference(warden_policy);
	dp = warden_check_domain(policy, domain);
	if (dp) {
		number = READ_ONCE(dp->profile);
		profile = warden_dp_profile(policy, dp);
	}
	if (profile)
		memcpy(pref, profile->pref, sizeof(pref));
	for (i = 0; i < WARDEN_NR_OPS; i++)
		config[i] = warden_check_mode(dp, profile, i);
	rcu_read_unlock();
	/*
	 * Tasks of one domain may refill at once, from different epochs; the
	 * newer epoch wins, so that the cache never moves back in time.
	 */
	spin_lock_irqsave(&cache->lock, flags);
	if (epoch > cache->epoch) {
		write_seqcount_begin(&cache->seq);
		cache->epoch = epoch;
		memcpy(cache->config, config, sizeof(config));
		cache->profile = number;
		memcpy(cache->pref, pref, sizeof(pref));
		write_seqcount_end(&cache->seq);
	}
	spin_unlock_irqrestore(&cache->lock, flags);
	rctx->config = config[op];
	rctx->profile = number;
	memcpy(rctx->pref, pref, sizeof(pref));
}

/**
 * warden_request_begin - resolve where a hook's request is decided
 * @rctx: receives the domain, the operation's config and mode, the
 *        profile and its preferences.
 * @domain: the domain the request is made in.
 * @op: the operation it falls under.
 *
 * The domain's modes are looked up in the policy once per policy epoch
 * and then read from the domain itself, so that a disabled operation
 * costs a read of the domain's mode cache and nothing else.  Hooks call
 * this before they build a pathname, and pass @rctx to every decision.
 *
 * Return: false if @op is disabled in @domain: the hook has nothing to
 * decide.
 */
bool warden_request_begin(struct warden_request_ctx *rctx,
			  const struct warden_domain *domain,
			  enum warden_op op)
{
	const struct warden_mode_cache *cache = &domain->modes;
	unsigned long epoch, cached;
	unsigned int seq;

	memset(rctx, 0, sizeof(*rctx));
	rctx->domain = domain;
	rctx->op = op;
	if (!warden_policy_is_loaded())
		return false;
	/* Read before the policy, so that a change made meanwhile shows. */
	epoch = warden_policy_epoch_read();
	do {
		seq = read_seqcount_begin(&cache->seq);
		cached = cache->epoch;
		rctx->config = cache->config[op];
		rctx->profile = cache->profile;
		memcpy(rctx->pref, cache->pref, sizeof(rctx->pref));
	} while (read_seqcount_retry(&cache->seq, seq));
	if (cached != epoch)
		warden_modes_refill(rctx, domain, op, epoch);
	rctx->mode = rctx->config & WARDEN_CONFIG_MODE_MASK;
	return rctx->mode != WARDEN_MODE_DISABLED;
}

/*
 * Whether the domain's file entries grant @req: its own, and those of
 * the groups it uses, which its index files too.
 */
static bool warden_domain_allows(struct warden_domain_policy *dp,
				 struct warden_request *req)
{
	return warden_acl_allows(&dp->acls, req);
}

/**
 * warden_request_policy - the domain's policy, for a decision of a hook
 * @rctx: where the hook's requests are decided, from
 *        warden_request_begin().
 *
 * The caller is in an RCU read-side critical section.  The first call of
 * a hook looks up the domain's policy and its namespace's exception
 * policy in the policy in force; later calls, in the same critical
 * section or later ones, return what it found while no writer has taken
 * warden_policy_lock since, and look them up again otherwise.  A hook that
 * decides several requests (an exec, a rename, an open for read and
 * write) thus makes one lookup.
 *
 * Return: the domain's policy, or %NULL when the policy has none for it;
 * rctx->exception is set too.
 */
struct warden_domain_policy *
warden_request_policy(struct warden_request_ctx *rctx)
{
	const struct warden_policy *policy;
	unsigned long epoch;

	lockdep_assert(rcu_read_lock_held());
	if (rctx->pinned)
		return rctx->dp;
	if (rctx->epoch && warden_policy_unchanged(rctx->epoch))
		return rctx->dp;
	/* Before the lookup: a writer that comes later is seen. */
	epoch = warden_policy_epoch_read();
	policy = rcu_dereference(warden_policy);
	rctx->dp = warden_check_domain(policy, rctx->domain);
	rctx->exception = warden_ns_exception(policy,
					      rctx->dp ? rctx->dp->ns : NULL);
	rctx->epoch = epoch;
	return rctx->dp;
}

/**
 * warden_check_needs_exec_args - whether a check may read exec strings
 * @rctx: where the exec is checked, from warden_request_begin().
 *
 * An exec reads its argument and environment strings only when the
 * domain mediates the operation and an entry of the domain, or of an ACL
 * group it uses, has an exec.argv[] or exec.envp[] condition.
 *
 * Return: true if the strings may be needed.
 */
bool warden_check_needs_exec_args(struct warden_request_ctx *rctx)
{
	struct warden_domain_policy *dp;
	bool needed = false;

	if (rctx->mode == WARDEN_MODE_DISABLED)
		return false;
	rcu_read_lock();
	dp = warden_request_policy(rctx);
	if (dp)
		needed = warden_acl_set_needs_exec_args(&dp->acls) ||
			 warden_quiet_needs_exec_args(rcu_dereference(dp->quiet)) ||
			 warden_acl_groups_need_exec_args(&dp->uses);
	rcu_read_unlock();
	return needed;
}

static const enum warden_stat_event warden_mode_events[] = {
	[WARDEN_MODE_LEARNING] = WARDEN_STAT_VIOLATION_LEARNING,
	[WARDEN_MODE_PERMISSIVE] = WARDEN_STAT_VIOLATION_PERMISSIVE,
	[WARDEN_MODE_ENFORCING] = WARDEN_STAT_VIOLATION_ENFORCING,
};

static_assert(ARRAY_SIZE(warden_mode_events) == WARDEN_MODE_ENFORCING + 1);

/**
 * struct warden_check_ops - what differs between kinds of request
 * @allows: whether the domain's policy grants the request; called in an
 *          RCU read-side critical section, fills @verdict.
 * @quiet: whether a quiet rule of the domain's policy covers a request
 *         @allows refused; called in the same critical section.
 * @line: the policy line that names the request, allocated, or %NULL.
 * @ctx: what the request offers conditions and audit records, or %NULL.
 */
struct warden_check_ops {
	bool (*allows)(const struct warden_request_ctx *rctx, void *req,
		       struct warden_verdict *verdict);
	bool (*quiet)(const struct warden_request_ctx *rctx, const void *req);
	char *(*line)(const void *req);
	const struct warden_cond_ctx *(*ctx)(const void *req);
};

/* A line learning mode adds to a domain of the policy in force. */
struct warden_learning {
	const struct warden_request_ctx *rctx;
	char *line;
};

static int warden_learn_change(struct warden_policy *policy, void *arg)
{
	const struct warden_learning *l = arg;
	const struct warden_request_ctx *rctx = l->rctx;
	unsigned int max_entries = rctx->pref[WARDEN_PREF_MAX_LEARNING_ENTRY];
	const char *name = rctx->domain->name;
	struct warden_domain_policy *dp = rctx->dp;
	int err;

	/* Another writer may have replaced or deleted what the hook found. */
	if (!rctx->pinned)
		dp = warden_check_domain(policy, rctx->domain);
	if (!dp || READ_ONCE(dp->quota_exceeded))
		return 0;
	if (warden_domain_policy_entries(dp) >= max_entries) {
		WRITE_ONCE(dp->quota_exceeded, true);
		pr_warn("domain '%s' reached max_learning_entry=%u: learning stops there\n",
			name, max_entries);
		return 0;
	}
	err = warden_domain_policy_learn(dp, l->line);
	if (err)
		pr_warn_ratelimited("cannot learn \"%s\" in '%s': %d\n",
				    l->line, name, err);
	return err;
}

/*
 * Learning mode: add @line, which grants the request, to the domain,
 * unless the domain already holds max_learning_entry entries; then mark
 * it and stop.  A change of the policy in force, so through the store.
 */
static void warden_learn(const struct warden_request_ctx *rctx, char *line)
{
	struct warden_learning l = {
		.rctx = rctx,
		.line = line,
	};

	warden_policy_store(warden_learn_change, &l);
}

/*
 * Look the request up in the domain's policy, which the hook's first
 * decision looked up (warden_request_policy()).  Fills @verdict.
 */
static void warden_lookup(struct warden_request_ctx *rctx,
			  const struct warden_check_ops *ops, void *req,
			  struct warden_verdict *verdict)
{
	memset(verdict, 0, sizeof(*verdict));
	verdict->grant_log = -1;
	verdict->mode = rctx->mode;
	if (rctx->mode == WARDEN_MODE_DISABLED)
		return;
	rcu_read_lock();
	warden_request_policy(rctx);
	/* A domain deleted since its modes were read mediates nothing. */
	if (!rctx->dp) {
		verdict->mode = WARDEN_MODE_DISABLED;
		rcu_read_unlock();
		return;
	}
	verdict->granted = ops->allows(rctx, req, verdict);
	/* Quiet rules are looked at on denials only; they never grant. */
	if (!verdict->granted) {
		verdict->quiet = ops->quiet(rctx, req);
		warden_domain_policy_count(rctx->dp, verdict->mode,
					   verdict->quiet);
	}
	rcu_read_unlock();
}

/* The audit record of a decided request, allocated; NULL if none. */
static char *warden_record(const struct warden_request_ctx *rctx,
			   const struct warden_check_ops *ops, const void *req,
			   const struct warden_verdict *verdict,
			   const char *line)
{
	struct warden_audit_event event = {
		.domain = rctx->domain,
		.profile = rctx->profile,
		.mode = verdict->mode,
		.granted = verdict->granted,
		.quiet = verdict->quiet,
		.ctx = ops->ctx ? ops->ctx(req) : NULL,
		.line = line,
	};

	return line ? warden_audit_format(&event) : NULL;
}

/* Whether a request decided so is written to the audit log. */
static bool warden_audited(const struct warden_verdict *verdict, u8 config)
{
	if (!verdict->granted)
		return config & WARDEN_CONFIG_REJECT_LOG;
	if (verdict->grant_log >= 0)
		return verdict->grant_log;
	return config & WARDEN_CONFIG_GRANT_LOG;
}

/*
 * Decide a request where @rctx says: look it up in the domain's policy,
 * log it as the profile and the granting entry ask, and apply the mode to
 * a request nothing grants.  In enforcing mode a supervisor reading the
 * query file may grant the request, or have it checked again after it
 * changed the policy.
 */
static int warden_decide(struct warden_request_ctx *rctx,
			 const struct warden_check_ops *ops, void *req,
			 struct warden_verdict *verdict)
{
	struct warden_query_state query = {};
	enum warden_answer answer;
	bool ask, log, learn, hush;
	char *line, *record;

	memset(verdict, 0, sizeof(*verdict));
again:
	/* A retry decides afresh; what the last lookup held goes. */
	warden_verdict_release(verdict);
	warden_lookup(rctx, ops, req, verdict);
	if (verdict->mode == WARDEN_MODE_DISABLED)
		return 0;
	if (verdict->error)
		return verdict->error;
	if (verdict->quiet)
		warden_stat_record(WARDEN_STAT_VIOLATION_QUIETED);
	else if (!verdict->granted)
		warden_stat_record(warden_mode_events[verdict->mode]);

	/*
	 * A known denial is neither logged nor queried, unless quiet_log
	 * asks for its records, marked; it is never learned: the policy
	 * says what to do with it already.
	 */
	hush = verdict->quiet && !rctx->pref[WARDEN_PREF_QUIET_LOG];
	log = !hush && warden_audited(verdict, rctx->config);
	learn = !verdict->granted && !verdict->quiet &&
		verdict->mode == WARDEN_MODE_LEARNING;
	ask = !hush && !verdict->granted &&
	      verdict->mode == WARDEN_MODE_ENFORCING && warden_query_wanted();
	if (log || learn || ask) {
		line = ops->line(req);
		record = log || ask ?
			 warden_record(rctx, ops, req, verdict, line) : NULL;
		/* Learning parses the line in place: it goes last. */
		if (learn && line) {
			warden_learn(rctx, line);
			verdict->learned = true;
		}
		kfree(line);
		/* The log takes a record over; a query needs its own. */
		if (log) {
			warden_audit_log(ask ? kstrdup(record, GFP_NOFS) : record,
					 rctx->pref[WARDEN_PREF_MAX_AUDIT_LOG]);
			verdict->audited = true;
		}
		if (ask) {
			answer = !record ? WARDEN_ANSWER_REJECT :
				 warden_query_ask(rctx->domain, record, &query,
						  rctx->pref[WARDEN_PREF_QUERY_TIMEOUT]);
			kfree(record);
			if (answer == WARDEN_ANSWER_RETRY) {
				query.retry++;
				/* The supervisor may have changed the mode. */
				if (!rctx->pinned)
					warden_request_begin(rctx, rctx->domain,
							     rctx->op);
				goto again;
			}
			if (answer == WARDEN_ANSWER_GRANT)
				return 0;
		}
	}
	if (verdict->granted || verdict->mode != WARDEN_MODE_ENFORCING)
		return 0;
	return -EPERM;
}

static bool warden_file_allows(const struct warden_request_ctx *rctx,
			       void *arg, struct warden_verdict *verdict)
{
	struct warden_request *req = arg;

	if (!warden_domain_allows(rctx->dp, req))
		return false;
	verdict->grant_log = req->grant_log;
	/* What the caller reads after the RCU section lives in the entry. */
	verdict->entry = req->entry;
	if (req->entry) {
		if (warden_word_has_wildcard(req->matched))
			verdict->matched = req->matched;
		verdict->transit = req->transit;
	}
	return true;
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

static const struct warden_cond_ctx *warden_file_ctx(const void *arg)
{
	const struct warden_request *req = arg;

	return req->cond;
}

static bool warden_file_quiet(const struct warden_request_ctx *rctx,
			      const void *arg)
{
	const struct warden_request *req = arg;
	struct warden_domain_policy *dp = rctx->dp;

	return warden_quiet_covers(rcu_dereference(dp->quiet), req) ||
	       warden_acl_groups_quiet(&dp->uses, req);
}

static const struct warden_check_ops warden_file_ops = {
	.allows = warden_file_allows,
	.quiet = warden_file_quiet,
	.line = warden_file_line,
	.ctx = warden_file_ctx,
};

/**
 * warden_check - decide a file request
 * @rctx: where it is decided, from warden_request_begin().
 * @req: the request.
 * @verdict: receives how it was decided; release it with
 *           warden_verdict_release().
 *
 * A request no entry grants is, by the domain's mode: learned (its line is
 * added to the domain), allowed and counted (permissive), or rejected and
 * counted (enforcing).  One a quiet rule covers is allowed or rejected
 * alike, but counted as quieted, and neither learned, nor logged or
 * queried unless the profile's quiet_log says so.
 *
 * Return: 0 to allow the request, -EPERM to reject it, -ENOMEM.
 */
int warden_check(struct warden_request_ctx *rctx, struct warden_request *req,
		 struct warden_verdict *verdict)
{
	return warden_decide(rctx, &warden_file_ops, req, verdict);
}

/**
 * warden_verdict_release - release what a verdict holds
 * @verdict: the verdict; its granting entry, if held, is released.
 */
void warden_verdict_release(struct warden_verdict *verdict)
{
	if (verdict->entry)
		warden_acl_put(verdict->entry);
	verdict->entry = NULL;
	verdict->matched = NULL;
	verdict->transit = NULL;
}

static bool warden_net_allows(const struct warden_request_ctx *rctx,
			      void *arg, struct warden_verdict *verdict)
{
	struct warden_net_request *req = arg;

	if (!warden_netacl_allows(&rctx->dp->netacls, req, rctx->exception))
		return false;
	verdict->grant_log = req->grant_log;
	return true;
}

static char *warden_net_line(const void *req)
{
	return warden_netacl_format(req);
}

static bool warden_net_quiet(const struct warden_request_ctx *rctx,
			     const void *arg)
{
	const struct warden_net_request *req = arg;
	struct warden_domain_policy *dp = rctx->dp;

	return warden_quiet_covers_net(rcu_dereference(dp->quiet), req,
				       rctx->exception) ||
	       warden_acl_groups_quiet_net(&dp->uses, req, rctx->exception);
}

static const struct warden_check_ops warden_net_ops = {
	.allows = warden_net_allows,
	.quiet = warden_net_quiet,
	.line = warden_net_line,
};

/**
 * warden_check_net - decide a network or environment request
 * @rctx: where it is decided, from warden_request_begin().
 * @req: the request.
 *
 * Return: 0 to allow the request, -EPERM to reject it.
 */
int warden_check_net(struct warden_request_ctx *rctx,
		     struct warden_net_request *req)
{
	struct warden_verdict verdict;
	int err;

	err = warden_decide(rctx, &warden_net_ops, req, &verdict);
	warden_verdict_release(&verdict);
	return err;
}
