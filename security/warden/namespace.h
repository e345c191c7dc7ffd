/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - policy namespaces other than "<kernel>".
 */

#ifndef _SECURITY_WARDEN_NAMESPACE_H
#define _SECURITY_WARDEN_NAMESPACE_H

#include <linux/list.h>
#include <linux/types.h>

#include "domain.h"
#include "exception.h"
#include "profile.h"

struct warden_policy;

/**
 * struct warden_namespace - a policy namespace other than "<kernel>"
 * @list: links the namespaces of &warden_policy.namespaces.
 * @profiles: the namespace's profiles.
 * @exception: the namespace's exception policy.
 * @name: the namespace, e.g. "<apache>".
 *
 * Domains whose name starts with the namespace use its profiles, and
 * execs from them its transition controls, aggregators and groups.
 */
struct warden_namespace {
	struct list_head list;
	struct warden_profile_set profiles;
	struct warden_exception_policy exception;
	char name[];
};

/*
 * "<namespace> " before a line of a namespace other than "<kernel>": the
 * longest name, a space and a NUL.
 */
#define WARDEN_NAMESPACE_PREFIX_MAX (WARDEN_NAMESPACE_NAME_MAX + 2)

struct warden_namespace *warden_namespace_get(struct warden_policy *policy,
					      const char *name, size_t len);
struct warden_namespace *warden_namespace_new(const char *name, size_t len);
void warden_namespace_discard(struct warden_namespace *ns);
void warden_namespace_publish(struct warden_policy *policy,
			      struct warden_namespace *ns);
void warden_namespace_clear(struct warden_policy *policy);
const struct warden_profile_set *
warden_ns_profiles(const struct warden_policy *policy,
		   const struct warden_namespace *ns);
const struct warden_exception_policy *
warden_ns_exception(const struct warden_policy *policy,
		    const struct warden_namespace *ns);

#endif /* _SECURITY_WARDEN_NAMESPACE_H */
