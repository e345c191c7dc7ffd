/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - the policy in force.
 *
 * The whole policy hangs off one RCU-protected pointer so that a complete
 * new policy can be published with a single swap; warden_policy_lock
 * serialises every writer.
 */

#ifndef _SECURITY_WARDEN_POLICY_H
#define _SECURITY_WARDEN_POLICY_H

#include <linux/atomic.h>
#include <linux/hashtable.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/seq_file.h>

#include "exception.h"
#include "profile.h"
#include "value.h"

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

/**
 * struct warden_policy - everything an administrator configures
 * @profiles: the profiles of the root namespace.
 * @managers: the &struct warden_manager entries that may change policy.
 * @manage_by_non_root: managers need not run as root.
 * @exception: the exception policy of the root namespace.
 * @namespaces: the other namespaces, as &struct warden_namespace.
 * @domains: the &struct warden_domain_policy entries, in creation order.
 * @domain_hash: the same, by name.
 */
struct warden_policy {
	struct warden_profile_set profiles;
	struct list_head managers;
	bool manage_by_non_root;
	struct warden_exception_policy exception;
	struct list_head namespaces;
	struct list_head domains;
	DECLARE_HASHTABLE(domain_hash, 12);
};

/*
 * "<namespace> " before a line of a namespace other than "<kernel>": the
 * longest name, a space and a NUL.
 */
#define WARDEN_NAMESPACE_PREFIX_MAX (WARDEN_NAMESPACE_NAME_MAX + 2)

extern struct mutex warden_policy_lock;
extern atomic_long_t warden_policy_epoch;
extern bool warden_policy_loaded;
extern struct warden_policy __rcu *warden_policy;

/**
 * warden_policy_locked - the policy in force, for a writer
 *
 * Return: the policy; valid while the caller holds warden_policy_lock.
 */
static inline struct warden_policy *warden_policy_locked(void)
{
	return rcu_dereference_protected(warden_policy,
					 lockdep_is_held(&warden_policy_lock));
}

/**
 * warden_policy_is_loaded - whether the policy is active
 *
 * Return: true once an administrator's policy has been loaded; before,
 * every operation is disabled and exec from the root stays in the root.
 */
static inline bool warden_policy_is_loaded(void)
{
	/* Pairs with warden_policy_activate(). */
	return smp_load_acquire(&warden_policy_loaded);
}

/**
 * warden_policy_epoch_read - the epoch of the policy in force
 *
 * Every writer moves the epoch on when it releases warden_policy_lock, so
 * that what was read of the policy in an older epoch can be told stale.
 *
 * Return: the epoch; never 0.
 */
static inline unsigned long warden_policy_epoch_read(void)
{
	/* Pairs with warden_policy_unlock(): the changes are seen first. */
	return atomic_long_read_acquire(&warden_policy_epoch);
}

void warden_policy_unlock(void);
void warden_policy_activate(void);
void warden_policy_defer_activation(bool defer);
struct warden_namespace *warden_namespace_get(struct warden_policy *policy,
					      const char *name, size_t len);
struct warden_namespace *warden_namespace_new(const char *name, size_t len);
void warden_namespace_discard(struct warden_namespace *ns);
void warden_namespace_publish(struct warden_policy *policy,
			      struct warden_namespace *ns);
int warden_policy_write_profile(struct warden_policy *policy, char *line,
				const char **reason);
int warden_policy_write_exception(struct warden_policy *policy, char *line,
				  const char **reason);
const struct warden_profile_set *
warden_ns_profiles(const struct warden_policy *policy,
		   const struct warden_namespace *ns);
const struct warden_exception_policy *
warden_ns_exception(const struct warden_policy *policy,
		    const struct warden_namespace *ns);
void warden_policy_show_profiles(struct seq_file *m,
				 const struct warden_policy *policy);
void warden_policy_show_exceptions(struct seq_file *m,
				   const struct warden_policy *policy,
				   bool transition_only);
int __init warden_policy_init(void);
void warden_normalize_line(char *line);
int warden_policy_replace(char *document, unsigned int *lineno,
			  const char **reason);
void warden_policy_show(struct seq_file *m);

#endif /* _SECURITY_WARDEN_POLICY_H */
