/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - the layout of a policy, for the files that fill one.
 *
 * The rule layers that keep a part of the policy (the domains, the
 * managers, the namespaces) take the policy they work on as an argument
 * and need only its layout; its lifecycle (the policy in force, the lock,
 * publishing and freeing) is policy.h's, which includes this.
 */

#ifndef _SECURITY_WARDEN_POLICY_TYPES_H
#define _SECURITY_WARDEN_POLICY_TYPES_H

#include <linux/hashtable.h>
#include <linux/list.h>
#include <linux/refcount.h>
#include <linux/types.h>
#include <linux/workqueue.h>

#include "exception.h"
#include "profile.h"

/**
 * struct warden_policy - everything an administrator configures
 * @profiles: the profiles of the root namespace.
 * @managers: the &struct warden_manager entries that may change policy.
 * @manage_by_non_root: managers need not run as root.
 * @exception: the exception policy of the root namespace.
 * @namespaces: the other namespaces, as &struct warden_namespace.
 * @domains: the &struct warden_domain_policy entries, in creation order.
 * @domain_hash: the same, by name.
 * @usage: references: one while in force, one per reader that pinned it
 *         with warden_policy_get().
 * @apart: its memory is counted in @memory, not in the policy pool of
 *         the stat file: the policy is private, or was replaced.
 * @memory: the bytes charged to the policy while @apart.
 * @free_work: frees the policy a grace period after it was replaced.
 */
struct warden_policy {
	struct warden_profile_set profiles;
	struct list_head managers;
	bool manage_by_non_root;
	struct warden_exception_policy exception;
	struct list_head namespaces;
	struct list_head domains;
	DECLARE_HASHTABLE(domain_hash, 12);
	refcount_t usage;
	bool apart;
	size_t memory;
	struct rcu_work free_work;
};

#endif /* _SECURITY_WARDEN_POLICY_TYPES_H */
