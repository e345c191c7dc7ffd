/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - the policy in force, and its lifecycle.
 *
 * The lifecycle.  The whole policy hangs off one RCU-protected pointer,
 * warden_policy.  A policy document (the policy file) is parsed, line by
 * line as its writes arrive, into a private struct warden_policy that no
 * reader can see, with no global lock held: only the parsing task touches
 * it.  At the last close of the file it is published with one
 * rcu_replace_pointer() under warden_policy_lock, and the replaced policy
 * is freed by a work item after a grace period, so the writer never waits
 * for readers.  While a policy is in force, three kinds of writer change
 * it in place, each holding warden_policy_lock for its own short store
 * operation only: lines of the profile, manager, exception_policy and
 * domain_policy files, learning mode, and the creation of a domain by an
 * exec.  They publish every new object with rcu_assign_pointer(),
 * list_add_tail_rcu() or hash_add_rcu(), unlink with the _rcu deletions
 * and free with kfree_rcu() or after synchronize_rcu(): readers (every
 * decision, and every print of the policy files) run under
 * rcu_read_lock() and never wait for a writer.  What a reader may thus see
 * change under it: entries added to or removed from the lists of the
 * policy in force, a domain's profile and flags (single words, written
 * with WRITE_ONCE()), and the whole policy replaced by another between
 * two reads.  A document load never changes the policy in force in part.
 */

#ifndef _SECURITY_WARDEN_POLICY_H
#define _SECURITY_WARDEN_POLICY_H

#include <linux/atomic.h>
#include <linux/hashtable.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/refcount.h>
#include <linux/seq_file.h>
#include <linux/workqueue.h>

#include "domain.h"
#include "exception.h"
#include "profile.h"

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

/*
 * "<namespace> " before a line of a namespace other than "<kernel>": the
 * longest name, a space and a NUL.
 */
#define WARDEN_NAMESPACE_PREFIX_MAX (WARDEN_NAMESPACE_NAME_MAX + 2)

extern struct mutex warden_policy_lock;
extern atomic_long_t warden_policy_epoch;
extern struct lockdep_map warden_policy_private_map;
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

/**
 * enum warden_policy_view - what a policy file prints
 * @WARDEN_VIEW_PROFILE: the profile file.
 * @WARDEN_VIEW_MANAGER: the manager file.
 * @WARDEN_VIEW_EXCEPTION: the exception_policy file.
 * @WARDEN_VIEW_DOMAIN: the domain_policy file.
 * @WARDEN_VIEW_DOCUMENT: the policy file: every section, as a document.
 */
enum warden_policy_view {
	WARDEN_VIEW_PROFILE,
	WARDEN_VIEW_MANAGER,
	WARDEN_VIEW_EXCEPTION,
	WARDEN_VIEW_DOMAIN,
	WARDEN_VIEW_DOCUMENT,
};

/**
 * struct warden_policy_cursor - a record of a policy file's printout
 * @policy: the policy printed, pinned by warden_policy_get().
 * @view: the file.
 * @only: the only domain printed, or %NULL for every domain.
 * @transition_only: print only what decides domain transitions.
 * @index: the record's number: first the records before the domains
 *         (sections, profiles, managers, exception policy), then one
 *         per domain.
 * @domain: the domain of a domain record, else %NULL; valid only within
 *          the RCU read-side critical section that found it.
 *
 * Records let a seq_file print a large policy a piece at a time, each
 * read under rcu_read_lock(), without holding warden_policy_lock.
 */
struct warden_policy_cursor {
	struct warden_policy *policy;
	enum warden_policy_view view;
	const char *only;
	bool transition_only;
	loff_t index;
	struct warden_domain_policy *domain;
};

int warden_policy_store_line(enum warden_policy_view file, char **selected,
			     char *line, const char **reason);
bool warden_policy_has_domain(const char *name);
struct warden_policy *warden_policy_get(void);
void warden_policy_put(struct warden_policy *policy);
bool warden_policy_cursor_seek(struct warden_policy_cursor *cursor,
			       loff_t index);
bool warden_policy_cursor_next(struct warden_policy_cursor *cursor);
void warden_policy_cursor_show(struct seq_file *m,
			       const struct warden_policy_cursor *cursor);

struct warden_document;
struct warden_document *warden_document_new(void);
bool warden_document_has_room(const struct warden_document *doc, size_t len);
int warden_document_write(struct warden_document *doc, const char *buf,
			  size_t len);
int warden_document_apply(struct warden_document *doc);
bool warden_document_pending(const struct warden_document *doc);
void warden_document_free(struct warden_document *doc);

#endif /* _SECURITY_WARDEN_POLICY_H */
