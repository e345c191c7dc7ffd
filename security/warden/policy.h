/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - the policy store: the policy in force, and its lifecycle.
 *
 * The lifecycle.  The whole policy hangs off one RCU-protected pointer,
 * warden_policy, which only policy.c writes.  A policy document (the
 * policy file) is parsed, line by line as its writes arrive, into a
 * private struct warden_policy that no reader can see, with no global
 * lock held: only the writing task touches it, and its memory counts
 * apart from the policy in force.  At the last close of the file (or the
 * opener's close) it is published by warden_policy_publish() with one
 * rcu_replace_pointer() under warden_policy_lock; the replaced policy
 * stops counting against the quota at that moment and is freed by a work
 * item a grace period after its last reader, so the writer never waits
 * for readers.  While a policy is in force, three kinds of writer change
 * it in place, all through warden_policy_store(), which holds
 * warden_policy_lock for one short change: lines of the profile,
 * manager, exception_policy and domain_policy files, learning mode, and
 * the creation of a domain by an exec.  They take the lock with
 * warden_policy_write_lock(), which turns the policy epoch odd, publish
 * every new object with rcu_assign_pointer(), list_add_tail_rcu() or
 * hash_add_rcu(), unlink with the _rcu deletions and free with
 * kfree_rcu() or after a grace period, and release the lock with
 * warden_policy_write_unlock(), which turns the epoch even again.
 * Readers (every decision, and every print of the policy files, record
 * by record through seq_operations from a policy pinned with
 * warden_policy_get()) run under rcu_read_lock() and never wait for a
 * writer; a hook that decides more than once looks the domain's policy
 * up once and uses it in later critical sections while the epoch shows
 * no writer came (warden_policy_unchanged()).  What a reader may thus
 * see change under it: entries added to or removed from the lists of the
 * policy in force, a domain's profile and flags (single words, written
 * with WRITE_ONCE()), and the whole policy replaced by another between
 * two reads.  A document load never changes the policy in force in part.
 */

#ifndef _SECURITY_WARDEN_POLICY_H
#define _SECURITY_WARDEN_POLICY_H

#include <linux/atomic.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>

#include "namespace.h"
#include "policy_types.h"
#include "value.h"

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
 * Every writer moves the epoch to an odd value when it takes
 * warden_policy_lock, before it changes anything, and to the next even
 * value when it releases the lock, so that what was read of the policy
 * in an older epoch can be told stale.
 *
 * Return: the epoch; never 0.
 */
static inline unsigned long warden_policy_epoch_read(void)
{
	/* Pairs with warden_policy_write_unlock(): changes are seen first. */
	return atomic_long_read_acquire(&warden_policy_epoch);
}

/**
 * warden_policy_unchanged - whether what a lookup found is still in force
 * @epoch: the epoch read, with warden_policy_epoch_read(), before the
 *         lookup.
 *
 * The caller is in an RCU read-side critical section, the lookup's or a
 * later one.  True means that no writer held warden_policy_lock when
 * @epoch was read and none has taken it since: what the lookup found is
 * still in force, and since a writer moves the epoch before it unlinks
 * anything, whatever it unlinks from now on is freed only after the
 * caller's critical section ends.
 *
 * Return: true if the caller may use what the lookup found.
 */
static inline bool warden_policy_unchanged(unsigned long epoch)
{
	return !(epoch & 1) && warden_policy_epoch_read() == epoch;
}

void warden_policy_write_lock(void);
void warden_policy_write_unlock(void);
void warden_policy_activate(void);
void warden_policy_defer_activation(bool defer, bool activate);
int __init warden_policy_init(void);

struct warden_memory_account;
void warden_policy_private_enter(struct warden_policy *policy,
				 struct warden_memory_account *account);
void warden_policy_private_leave(struct warden_memory_account *account);
struct warden_policy *warden_policy_create(bool apart);
void warden_policy_free(struct warden_policy *policy);
int warden_policy_publish(struct warden_policy *new);
int warden_policy_store(int (*change)(struct warden_policy *policy,
				      void *arg),
			void *arg);
bool warden_policy_has_domain(const char *name);
struct warden_policy *warden_policy_get(void);
void warden_policy_put(struct warden_policy *policy);
bool warden_policy_manager_allows(void);

#endif /* _SECURITY_WARDEN_POLICY_H */
