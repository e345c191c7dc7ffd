// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - policy namespaces other than "<kernel>".
 *
 * A namespace holds its own profiles and exception policy; the domains
 * whose names start with it use them.  A namespace comes into being with
 * the first line that names it and lasts as long as its policy.
 */

#include "common.h"

#include <linux/err.h>
#include <linux/lockdep.h>
#include <linux/overflow.h>
#include <linux/rculist.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "namespace.h"
#include "policy_types.h"
#include "stat.h"

/**
 * warden_namespace_get - a namespace of the policy, by name
 * @policy: the policy; the caller holds warden_policy_lock, or is in an
 *          RCU read-side critical section.
 * @name: the namespace, e.g. "<apache>"; not NUL-terminated.
 * @len: its length.
 *
 * Return: the namespace, %NULL for the root namespace "<kernel>", or
 * ERR_PTR(-ENOENT) when it does not exist.
 */
struct warden_namespace *warden_namespace_get(struct warden_policy *policy,
					      const char *name, size_t len)
{
	struct warden_namespace *ns;

	if (len == strlen(WARDEN_ROOT_DOMAINNAME) &&
	    !strncmp(name, WARDEN_ROOT_DOMAINNAME, len))
		return NULL;
	list_for_each_entry_rcu(ns, &policy->namespaces, list,
				warden_policy_write_held())
		if (strlen(ns->name) == len && !strncmp(ns->name, name, len))
			return ns;
	return ERR_PTR(-ENOENT);
}

/**
 * warden_namespace_new - a namespace not yet part of any policy
 * @name: the namespace, e.g. "<apache>"; not NUL-terminated.
 * @len: its length.
 *
 * A line that may be refused fills a new namespace first and publishes
 * it only once it applied, so that a refused line leaves no namespace
 * behind.  The caller may write the policy.
 *
 * Return: the namespace, charged to the policy quota, or ERR_PTR(-ENOMEM).
 */
struct warden_namespace *warden_namespace_new(const char *name, size_t len)
{
	struct warden_namespace *ns;
	size_t size = struct_size(ns, name, len + 1);

	lockdep_assert(warden_policy_write_held());
	if (!warden_memory_charge(WARDEN_MEMORY_POLICY, size))
		return ERR_PTR(-ENOMEM);
	ns = kzalloc(size, GFP_KERNEL_ACCOUNT);
	if (!ns) {
		warden_memory_uncharge(WARDEN_MEMORY_POLICY, size);
		return ERR_PTR(-ENOMEM);
	}
	ns->profiles.version = WARDEN_PROFILE_VERSION;
	warden_exception_init(&ns->exception);
	memcpy(ns->name, name, len);
	return ns;
}

/**
 * warden_namespace_discard - free a namespace no reader can reach
 * @ns: a namespace from warden_namespace_new() that was not published,
 *      or one unlinked from a policy no reader can reach any more.
 */
void warden_namespace_discard(struct warden_namespace *ns)
{
	warden_profile_set_clear(&ns->profiles);
	warden_exception_clear(&ns->exception);
	warden_memory_uncharge(WARDEN_MEMORY_POLICY,
			       struct_size(ns, name, strlen(ns->name) + 1));
	kfree(ns);
}

/**
 * warden_namespace_publish - make a new namespace part of a policy
 * @policy: the policy; the caller may write it (warden_policy_write_held()).
 * @ns: a namespace from warden_namespace_new().
 */
void warden_namespace_publish(struct warden_policy *policy,
			      struct warden_namespace *ns)
{
	lockdep_assert(warden_policy_write_held());
	list_add_tail_rcu(&ns->list, &policy->namespaces);
}

/**
 * warden_namespace_clear - free every namespace of a policy
 * @policy: a policy no reader can reach any more.
 */
void warden_namespace_clear(struct warden_policy *policy)
{
	struct warden_namespace *ns, *next;

	list_for_each_entry_safe(ns, next, &policy->namespaces, list) {
		list_del(&ns->list);
		warden_namespace_discard(ns);
	}
}

/**
 * warden_ns_profiles - the profiles of a namespace
 * @policy: the policy.
 * @ns: the namespace, or %NULL for "<kernel>".
 *
 * Return: the namespace's profiles.
 */
const struct warden_profile_set *
warden_ns_profiles(const struct warden_policy *policy,
		   const struct warden_namespace *ns)
{
	return ns ? &ns->profiles : &policy->profiles;
}

/**
 * warden_ns_exception - the exception policy of a namespace
 * @policy: the policy.
 * @ns: the namespace, or %NULL for "<kernel>".
 *
 * Return: the namespace's exception policy.
 */
const struct warden_exception_policy *
warden_ns_exception(const struct warden_policy *policy,
		    const struct warden_namespace *ns)
{
	return ns ? &ns->exception : &policy->exception;
}
