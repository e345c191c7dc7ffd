/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - deciding a request.
 *
 * A hook first resolves, once, where its request is decided: the
 * caller's domain, the mode of the operation there, the profile and its
 * preferences.  A disabled operation stops there and costs no pathname;
 * otherwise the hook builds the request and asks for the decision, which
 * applies the mode: learn, complain or reject.
 */

#ifndef _SECURITY_WARDEN_CHECK_H
#define _SECURITY_WARDEN_CHECK_H

#include <linux/types.h>

#include "acl.h"
#include "profile.h"

struct warden_domain;
struct warden_domain_policy;
struct warden_exception_policy;
struct warden_net_request;
struct warden_policy;

/**
 * struct warden_request_ctx - where a request is decided, resolved once
 * @domain: the domain the request is made in.
 * @op: the &enum warden_op the request falls under.
 * @config: the config byte of @op in @domain: an &enum warden_mode and the
 *          log flags.
 * @mode: the &enum warden_mode of @config.
 * @profile: the number of @domain's profile.
 * @pref: the profile's preferences, copied.
 * @epoch: the policy epoch read before @dp was looked up; 0 until it is.
 * @dp: the domain's policy, looked up once per hook by
 *      warden_request_policy(), in the RCU read-side critical section of
 *      the hook's first decision, and used by its later decisions, in
 *      critical sections of their own, while warden_policy_unchanged(
 *      @epoch) says no writer came, so that nothing it points to can have
 *      been freed; otherwise looked up again.  Not valid outside an RCU
 *      read-side critical section unless @pinned.
 * @exception: the exception policy of @dp's namespace (of the root
 *             namespace when the policy lacks the domain), valid as @dp.
 * @pinned: @dp and @exception were given by the caller (a test deciding
 *          in a domain policy it owns) and are not looked up.
 *
 * A hook fills the context once with warden_request_begin(), from the
 * domain's mode cache, and hands it to every decision it asks for; the
 * decision, learning and the audit record read the domain, its mode,
 * profile and preferences from it, and look none of them up again, nor
 * the domain's policy once the first decision found it.
 */
struct warden_request_ctx {
	const struct warden_domain *domain;
	u8 op;
	u8 config;
	u8 mode;
	u8 profile;
	unsigned int pref[WARDEN_NR_PREFS];
	unsigned long epoch;
	struct warden_domain_policy *dp;
	const struct warden_exception_policy *exception;
	bool pinned;
};

/**
 * struct warden_verdict - how a request was decided
 * @mode: the &enum warden_mode it was decided in.
 * @granted: an entry granted it.
 * @quiet: nothing granted it and a quiet rule of the domain, or of an ACL
 *         group it uses, covers it: a known denial, counted but neither
 *         logged, queried nor learned unless the profile's quiet_log
 *         says to log it.
 * @entry: the granting entry, held, when the request asked for it with
 *         &warden_request.hold; else %NULL.  Release it with
 *         warden_verdict_release().
 * @matched: the first word of @entry when that word is a pattern; else
 *           %NULL.  Valid while @entry is held.
 * @transit: @entry's domain transition preference, or %NULL; valid while
 *           @entry is held.
 * @error: an error that kept the request from being decided, or 0.
 * @grant_log: what the granting entry says of logging the grant: 1 yes,
 *             0 no, -1 as the profile says.
 * @audited: an audit record of the request was handed to the audit log.
 * @learned: learning mode was asked to add the request's line.
 *
 * Deciding allocates nothing: holding the granting entry is taking a
 * reference, which cannot fail.
 */
struct warden_verdict {
	u8 mode;
	bool granted;
	bool quiet;
	struct warden_acl *entry;
	const char *matched;
	const char *transit;
	int error;
	s8 grant_log;
	bool audited;
	bool learned;
};

struct warden_domain_policy *
warden_check_domain(const struct warden_policy *policy,
		    const struct warden_domain *domain);
bool warden_request_begin(struct warden_request_ctx *rctx,
			  const struct warden_domain *domain,
			  enum warden_op op);
int warden_check(struct warden_request_ctx *rctx, struct warden_request *req,
		 struct warden_verdict *verdict);
void warden_verdict_release(struct warden_verdict *verdict);
struct warden_domain_policy *
warden_request_policy(struct warden_request_ctx *rctx);
bool warden_check_needs_exec_args(struct warden_request_ctx *rctx);
int warden_check_net(struct warden_request_ctx *rctx,
		     struct warden_net_request *req);

#endif /* _SECURITY_WARDEN_CHECK_H */
