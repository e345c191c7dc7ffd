/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - what every file of the module starts with.
 *
 * Each .c file of security/warden/ includes this header first, so that
 * every message the module prints carries the same prefix without the
 * format strings spelling it out, and every layer can assert that its
 * caller holds the policy lock.
 */

#ifndef _SECURITY_WARDEN_COMMON_H
#define _SECURITY_WARDEN_COMMON_H

#define pr_fmt(fmt) "Warden: " fmt

#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>

/*
 * The policy store's writer lock, defined in policy.c.  Only the store
 * takes it; the layers below the store name it only to assert, under
 * lockdep, what their kernel-doc promises: that their caller holds it.
 */
extern struct mutex warden_policy_lock;

/*
 * The lockdep map that a task building or freeing a private policy holds
 * (policy.c): no other task can reach such a policy, so its writer needs
 * no lock, and the rule layers accept either in their assertions.
 */
extern struct lockdep_map warden_policy_private_map;

/*
 * Whether the caller may change policy objects: it holds warden_policy_lock
 * (the policy in force), or works on a private policy (one being built from
 * a document, or one being freed), which no other task can reach.  For
 * lockdep_assert() and the conditions of rcu_dereference_protected() and
 * list_for_each_entry_rcu() in the code that changes a policy.
 */
#define warden_policy_write_held()					\
	(lockdep_is_held(&warden_policy_lock) ||			\
	 lock_is_held(&warden_policy_private_map))

/*
 * Whether the caller may read the policy: it is in an RCU read-side
 * critical section, or may change it (see above).  Only for
 * lockdep_assert(), which evaluates it under lockdep alone.
 */
#define warden_policy_readable() \
	(rcu_read_lock_held() || warden_policy_write_held())

#endif /* _SECURITY_WARDEN_COMMON_H */
