// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - the policy store.
 *
 * The only code that knows warden_policy_lock and the __rcu pointer to
 * the policy in force: it creates and frees policies, publishes a
 * complete new one with one pointer swap, pins the one in force for
 * readers that print it, and runs every change to the policy in force
 * (line writes, learning, domain creation) through warden_policy_store().
 * The lifecycle is told in policy.h.  What a line means is the business
 * of the grammars above (document.c and the rule files), which the store
 * calls only through the change function it is handed.
 */

#include "common.h"

#include <linux/capability.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/refcount.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#include "domain_policy.h"
#include "manager.h"
#include "namespace.h"
#include "policy.h"
#include "profile.h"
#include "stat.h"
#include "value.h"

/* Serialises every change to the policy in force; readers use RCU. */
DEFINE_MUTEX(warden_policy_lock);

/* Odd while a writer holds warden_policy_lock, even otherwise; starts at 2. */
atomic_long_t warden_policy_epoch = ATOMIC_LONG_INIT(2);

/*
 * Called by every writer once it holds warden_policy_lock, before it
 * changes anything: the epoch turns odd, so that a reader holding what it
 * looked up in an earlier read-side critical section stops using it
 * (warden_policy_unchanged()) before the writer can unlink and free it.
 */
static void warden_policy_write_begin(void)
{
	atomic_long_inc(&warden_policy_epoch);
	/* The odd epoch is seen before any change this writer makes. */
	smp_mb__after_atomic();
}

/**
 * warden_policy_write_lock - take warden_policy_lock to change the policy
 *
 * Every writer of the policy in force takes the lock here and releases
 * it with warden_policy_write_unlock(), so that the policy epoch is odd
 * exactly while a writer may be changing something.
 */
void warden_policy_write_lock(void)
{
	mutex_lock(&warden_policy_lock);
	warden_policy_write_begin();
}

/* As warden_policy_write_lock(); -EINTR if a fatal signal came first. */
static int warden_policy_write_lock_killable(void)
{
	if (mutex_lock_killable(&warden_policy_lock))
		return -EINTR;
	warden_policy_write_begin();
	return 0;
}

/**
 * warden_policy_write_unlock - release warden_policy_lock after a change
 *
 * Moves the policy epoch on to the next even value, so that modes cached
 * by domains in an older epoch are read again; every holder of the lock
 * took it with warden_policy_write_lock() and releases it here, which
 * keeps the rule in one place whatever the holder changed.
 */
void warden_policy_write_unlock(void)
{
	lockdep_assert_held(&warden_policy_lock);
	/* Release: whoever sees the new epoch sees the changes made. */
	atomic_long_inc_return_release(&warden_policy_epoch);
	mutex_unlock(&warden_policy_lock);
}

/*
 * Held, for lockdep only, by a task working on a private policy: one
 * being parsed from a document or one being freed.  No task waits on it.
 */
struct lockdep_map warden_policy_private_map;
static struct lock_class_key warden_policy_private_key;

static struct warden_policy warden_initial_policy = {
	.usage = REFCOUNT_INIT(1),
	.profiles.version = WARDEN_PROFILE_VERSION,
	.managers = LIST_HEAD_INIT(warden_initial_policy.managers),
	.exception.transitions =
		LIST_HEAD_INIT(warden_initial_policy.exception.transitions),
	.exception.groups.all =
		LIST_HEAD_INIT(warden_initial_policy.exception.groups.all),
	.exception.groups.defined =
		LIST_HEAD_INIT(warden_initial_policy.exception.groups.defined),
	.exception.acl_groups.all =
		LIST_HEAD_INIT(warden_initial_policy.exception.acl_groups.all),
	.exception.acl_groups.defined =
		LIST_HEAD_INIT(warden_initial_policy.exception.acl_groups.defined),
	.namespaces = LIST_HEAD_INIT(warden_initial_policy.namespaces),
	.domains = LIST_HEAD_INIT(warden_initial_policy.domains),
};

/* The policy in force; replaced whole by a load of the policy file. */
struct warden_policy __rcu *warden_policy =
	RCU_INITIALIZER(&warden_initial_policy);

static void warden_policy_free_work(struct work_struct *work);

/* Set once, when an administrator first loads policy. */
bool warden_policy_loaded;

/* Set while the boot-time loader runs: its writes do not activate. */
static bool warden_activation_deferred;

/**
 * warden_policy_defer_activation - hold activation back, or stop doing so
 * @defer: whether writes to the profile and policy files leave the policy
 *         inactive from now on.
 * @activate: when @defer is false, activate the policy now.
 *
 * The boot-time loader writes the policy in an order of its own choosing
 * (TOMOYO's loader writes profiles first and domains later, whose
 * use_profile lines may name profiles defined later still), so the
 * policy is activated once, when the loader is done.  Until then every
 * writer may change it, as before any policy was loaded.
 */
void warden_policy_defer_activation(bool defer, bool activate)
{
	warden_policy_write_lock();
	warden_activation_deferred = defer;
	if (!defer && activate)
		warden_policy_activate();
	warden_policy_write_unlock();
}

/**
 * warden_policy_activate - mark the policy loaded
 *
 * Called by the first write to the profile or policy file.  From then on
 * profiles decide, and the domains that use a profile nobody defined are
 * named in the kernel log, as they stay disabled.
 */
void warden_policy_activate(void)
{
	const struct warden_domain_policy *dp;
	const struct warden_policy *policy;

	lockdep_assert_held(&warden_policy_lock);
	if (warden_policy_loaded || warden_activation_deferred)
		return;
	policy = warden_policy_locked();
	list_for_each_entry(dp, &policy->domains, list)
		if (dp->profile &&
		    !rcu_access_pointer(warden_ns_profiles(policy, dp->ns)->profile[dp->profile]))
			pr_warn("profile %u used by '%s' is not defined\n",
				dp->profile, dp->name);
	/* Pairs with warden_policy_is_loaded(): profiles are seen first. */
	smp_store_release(&warden_policy_loaded, true);
	pr_info("policy loaded\n");
}

/**
 * warden_policy_init - complete the initial policy
 *
 * Return: 0, or -ENOMEM if the root domain could not be allocated.
 */
int __init warden_policy_init(void)
{
	int err;

	lockdep_init_map(&warden_policy_private_map, "warden_policy_private",
			 &warden_policy_private_key, 0);
	INIT_RCU_WORK(&warden_initial_policy.free_work,
		      warden_policy_free_work);
	warden_policy_write_lock();
	err = warden_domain_policy_init(&warden_initial_policy);
	warden_policy_write_unlock();
	return err;
}

/**
 * warden_policy_private_enter - start working on a private policy
 * @policy: a policy no other task can reach: one being built from a
 *          document, or one being freed.
 * @account: the caller's memory account, on its stack, until
 *           warden_policy_private_leave().
 *
 * The caller's policy charges go to @policy's own count, not to the
 * policy in force, and lockdep sees the caller as the policy's writer.
 */
void warden_policy_private_enter(struct warden_policy *policy,
				 struct warden_memory_account *account)
{
	lock_map_acquire(&warden_policy_private_map);
	warden_memory_account_begin(account, &policy->memory);
}

/**
 * warden_policy_private_leave - stop working on a private policy
 * @account: the account warden_policy_private_enter() began.
 */
void warden_policy_private_leave(struct warden_memory_account *account)
{
	warden_memory_account_end(account);
	lock_map_release(&warden_policy_private_map);
}

/* Free everything a policy holds; the caller may write it. */
static void warden_policy_clear(struct warden_policy *policy)
{
	lockdep_assert(warden_policy_write_held());
	warden_profile_set_clear(&policy->profiles);
	warden_manager_clear(policy);
	/* Domains first: they file the entries of the groups they use. */
	warden_domain_policy_clear(policy);
	warden_exception_clear(&policy->exception);
	warden_namespace_clear(policy);
}

/**
 * warden_policy_free - free a policy no reader can reach any more
 * @policy: a private policy, or one replaced a grace period ago.
 *
 * A policy counted apart gives its memory back to its own count, which
 * must end at zero.
 */
void warden_policy_free(struct warden_policy *policy)
{
	struct warden_memory_account account;

	if (policy->apart) {
		warden_policy_private_enter(policy, &account);
		warden_policy_clear(policy);
		warden_policy_private_leave(&account);
		WARN_ON_ONCE(policy->memory);
	} else {
		warden_policy_clear(policy);
	}
	if (policy != &warden_initial_policy)
		kfree(policy);
}

static void warden_policy_free_work(struct work_struct *work)
{
	warden_policy_free(container_of(to_rcu_work(work), struct warden_policy,
					free_work));
}

/**
 * warden_policy_create - a new policy with only the root domain
 * @apart: a private policy, whose memory counts on its own until it is
 *         published; otherwise the caller holds warden_policy_lock and
 *         the memory counts in the policy pool.
 *
 * Return: the policy, or %NULL when memory or the quota runs out.
 */
struct warden_policy *warden_policy_create(bool apart)
{
	struct warden_memory_account account;
	struct warden_policy *policy;
	int err;

	policy = kzalloc(sizeof(*policy), GFP_KERNEL_ACCOUNT);
	if (!policy)
		return NULL;
	policy->profiles.version = WARDEN_PROFILE_VERSION;
	INIT_LIST_HEAD(&policy->managers);
	warden_exception_init(&policy->exception);
	INIT_LIST_HEAD(&policy->namespaces);
	INIT_LIST_HEAD(&policy->domains);
	hash_init(policy->domain_hash);
	INIT_RCU_WORK(&policy->free_work, warden_policy_free_work);
	refcount_set(&policy->usage, 1);
	policy->apart = apart;
	if (apart)
		warden_policy_private_enter(policy, &account);
	err = warden_domain_policy_init(policy);
	if (apart)
		warden_policy_private_leave(&account);
	if (err) {
		kfree(policy);
		return NULL;
	}
	return policy;
}

/**
 * warden_policy_publish - put a private policy in force
 * @new: a complete private policy from warden_policy_create(true).
 *
 * One pointer swap under warden_policy_lock, taken and released like
 * every other change.  The quota is checked against @new's own size: the
 * policy it replaces stops counting at the same moment, and is freed a
 * grace period after its last reader without the caller waiting for it.
 *
 * Return: 0, or -ENOMEM when @new does not fit in the policy quota; the
 * policy in force is then unchanged and @new still the caller's.
 */
int warden_policy_publish(struct warden_policy *new)
{
	struct warden_policy *old;
	size_t replaced;
	int err;

	warden_policy_write_lock();
	err = warden_memory_replace(WARDEN_MEMORY_POLICY, new->memory,
				    &replaced);
	if (err)
		goto out_unlock;
	new->memory = 0;
	new->apart = false;
	old = rcu_replace_pointer(warden_policy, new,
				  lockdep_is_held(&warden_policy_lock));
	old->memory = replaced;
	old->apart = true;
	warden_stat_record(WARDEN_STAT_POLICY_UPDATE);
	warden_policy_activate();
	/* Readers that pinned it keep it; the last one frees it. */
	warden_policy_put(old);
out_unlock:
	warden_policy_write_unlock();
	return err;
}

/**
 * warden_policy_has_domain - whether the policy in force has a domain
 * @name: the domainname.
 *
 * Return: true if the domain exists now; it may be deleted at any time.
 */
bool warden_policy_has_domain(const char *name)
{
	bool found;

	rcu_read_lock();
	found = warden_domain_policy_find(rcu_dereference(warden_policy), name);
	rcu_read_unlock();
	return found;
}

/**
 * warden_policy_get - pin the policy in force
 *
 * A reader that prints the policy over several reads keeps printing the
 * same policy, even if a document replaces it meanwhile.
 *
 * Return: the policy in force, with a reference for warden_policy_put().
 */
struct warden_policy *warden_policy_get(void)
{
	struct warden_policy *policy;

	rcu_read_lock();
	for (;;) {
		policy = rcu_dereference(warden_policy);
		if (refcount_inc_not_zero(&policy->usage))
			break;
		/* Being replaced: the pointer already names the next one. */
		cpu_relax();
	}
	rcu_read_unlock();
	return policy;
}

/**
 * warden_policy_put - drop a reference to a policy
 * @policy: a policy from warden_policy_get(), or %NULL.
 *
 * The last reference to a replaced policy frees it after a grace period,
 * from a work item, so the caller never waits.
 */
void warden_policy_put(struct warden_policy *policy)
{
	if (policy && refcount_dec_and_test(&policy->usage))
		queue_rcu_work(system_wq, &policy->free_work);
}

/**
 * warden_policy_store - change the policy in force
 * @change: applies the change to the policy in force, which it is
 *          handed; called with warden_policy_lock held, so it may use the
 *          writer functions of the rule files, which publish every new
 *          object with an RCU primitive.
 * @arg: @change's argument.
 *
 * The one way to change the policy in force in place: line writes to the
 * profile, manager, exception_policy and domain_policy files, learning
 * and the creation of a domain at exec all come through here, each for
 * one short change.  A document load, which builds a private policy, does
 * not: it holds no lock while it parses and ends in
 * warden_policy_publish().  The lock is released through
 * warden_policy_write_unlock(), which moves the policy epoch on.
 *
 * Return: -EINTR if a fatal signal came while waiting for the lock, else
 * what @change returned.
 */
int warden_policy_store(int (*change)(struct warden_policy *policy,
				      void *arg),
			void *arg)
{
	int err;

	if (warden_policy_write_lock_killable())
		return -EINTR;
	err = change(warden_policy_locked(), arg);
	warden_policy_write_unlock();
	return err;
}

/**
 * warden_policy_manager_allows - whether the caller may change the policy
 *
 * Until the policy is loaded, a process with CAP_MAC_ADMIN may; then the
 * manager entries of the policy in force decide (warden_manager_allows()).
 *
 * Return: true if the caller may write policy.
 */
bool warden_policy_manager_allows(void)
{
	struct warden_policy *policy;
	bool allows;

	if (!warden_policy_is_loaded())
		return capable(CAP_MAC_ADMIN);
	/* Pinned, not under RCU: finding the caller's program may sleep. */
	policy = warden_policy_get();
	allows = warden_manager_allows(policy);
	warden_policy_put(policy);
	return allows;
}
