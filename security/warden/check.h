/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - deciding a request.
 *
 * A hook first asks whether the operation is mediated at all in the
 * caller's domain, so that a disabled operation costs no pathname; then
 * it builds the request and asks for the decision, which applies the
 * mode of the domain's profile: learn, complain or reject.
 */

#ifndef _SECURITY_WARDEN_CHECK_H
#define _SECURITY_WARDEN_CHECK_H

#include <linux/types.h>

#include "acl.h"
#include "profile.h"

struct warden_domain;
struct warden_domain_policy;
struct warden_net_request;
struct warden_policy;

/**
 * struct warden_verdict - how a request was decided
 * @mode: the &enum warden_mode it was decided in.
 * @granted: an entry granted it.
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
 *
 * Deciding allocates nothing: holding the granting entry is taking a
 * reference, which cannot fail.
 */
struct warden_verdict {
	u8 mode;
	bool granted;
	struct warden_acl *entry;
	const char *matched;
	const char *transit;
	int error;
	s8 grant_log;
};

struct warden_domain_policy *
warden_check_domain(const struct warden_policy *policy,
		    const struct warden_domain *domain);
u8 warden_check_mode(const struct warden_policy *policy,
		     const struct warden_domain_policy *dp, enum warden_op op);
u8 warden_op_config(const struct warden_domain *domain, enum warden_op op);
bool warden_op_enabled(const struct warden_domain *domain,
		       enum warden_op op);
int warden_check(const struct warden_domain *domain, enum warden_op op,
		 struct warden_request *req, struct warden_verdict *verdict);
void warden_verdict_release(struct warden_verdict *verdict);
bool warden_check_needs_exec_args(const struct warden_domain *domain,
				  enum warden_op op);
int warden_check_net(const struct warden_domain *domain, enum warden_op op,
		     struct warden_net_request *req);

#endif /* _SECURITY_WARDEN_CHECK_H */
