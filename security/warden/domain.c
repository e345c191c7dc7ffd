// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - domain lifetime.
 *
 * The root domain is static and lives for ever.  Every other domain is
 * created by the first exec that enters it, shared by every task in it,
 * and freed when the last credential that refers to it goes away.
 */

#include "common.h"

#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/hashtable.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include "domain.h"
#include "value.h"

/* The root of the domain tree, named "<kernel>"; it is never freed. */
struct warden_domain warden_kernel_domain = {
	.usage = REFCOUNT_INIT(1),
	.modes.lock = __SPIN_LOCK_UNLOCKED(warden_kernel_domain.modes.lock),
	.modes.seq = SEQCNT_SPINLOCK_ZERO(warden_kernel_domain.modes.seq,
					  &warden_kernel_domain.modes.lock),
	.name = WARDEN_ROOT_DOMAINNAME,
};

/* The live domains other than the root, by name. */
static DEFINE_HASHTABLE(warden_domains, 10);
static DEFINE_SPINLOCK(warden_domains_lock);

/**
 * warden_domain_init - finish the root domain at boot
 */
void __init warden_domain_init(void)
{
	warden_kernel_domain.hash =
		warden_domainname_hash(WARDEN_ROOT_DOMAINNAME);
}

/**
 * warden_domain_put - drop a reference on a domain
 * @domain: the domain, or %NULL
 *
 * The last reference takes the domain out of the table and frees it after
 * an RCU grace period.  The root never reaches zero: its initial
 * reference is never released.
 */
void warden_domain_put(struct warden_domain *domain)
{
	unsigned long flags;

	if (!domain)
		return;
	if (domain == &warden_kernel_domain) {
		/* Warns, rather than frees, should the root ever reach 0. */
		refcount_dec(&domain->usage);
		return;
	}
	if (refcount_dec_not_one(&domain->usage))
		return;
	/*
	 * The last reference: a lookup must not revive it meanwhile.  The
	 * last credentials of a domain are freed in an RCU callback, in
	 * softirq context, hence the saved interrupt state.
	 */
	spin_lock_irqsave(&warden_domains_lock, flags);
	if (!refcount_dec_and_test(&domain->usage)) {
		spin_unlock_irqrestore(&warden_domains_lock, flags);
		return;
	}
	hash_del_rcu(&domain->node);
	spin_unlock_irqrestore(&warden_domains_lock, flags);
	kfree_rcu(domain, rcu);
}

/* A live domain named @name with a new reference, or NULL. */
static struct warden_domain *warden_domain_find(const char *name, u32 hash)
{
	struct warden_domain *domain;

	hash_for_each_possible_rcu(warden_domains, domain, node, hash)
		if (domain->hash == hash && !strcmp(domain->name, name) &&
		    refcount_inc_not_zero(&domain->usage))
			return domain;
	return NULL;
}

/**
 * warden_domain_lookup - the domain of a name, created if not live
 * @name: the full domainname.
 * @gfp: allocation flags.
 *
 * Return: the domain with a new reference, or %NULL when out of memory.
 */
struct warden_domain *warden_domain_lookup(const char *name, gfp_t gfp)
{
	u32 hash = warden_domainname_hash(name);
	struct warden_domain *domain, *found;
	size_t len = strlen(name);
	unsigned long flags;

	if (!strcmp(name, WARDEN_ROOT_DOMAINNAME))
		return warden_domain_get(&warden_kernel_domain);
	rcu_read_lock();
	found = warden_domain_find(name, hash);
	rcu_read_unlock();
	if (found)
		return found;
	domain = kmalloc(struct_size(domain, name, len + 1), gfp);
	if (!domain)
		return NULL;
	refcount_set(&domain->usage, 1);
	domain->hash = hash;
	spin_lock_init(&domain->modes.lock);
	seqcount_spinlock_init(&domain->modes.seq, &domain->modes.lock);
	domain->modes.epoch = 0;
	memcpy(domain->name, name, len + 1);
	spin_lock_irqsave(&warden_domains_lock, flags);
	/* Another exec may have entered the same domain meanwhile. */
	found = warden_domain_find(name, hash);
	if (!found)
		hash_add_rcu(warden_domains, &domain->node, hash);
	spin_unlock_irqrestore(&warden_domains_lock, flags);
	if (found) {
		kfree(domain);
		return found;
	}
	return domain;
}

/**
 * warden_domain_new_child - the domain entered by an ordinary exec
 * @parent: the domain the exec happens in.
 * @program: the pathname of the executed program.
 * @gfp: allocation flags.
 *
 * Return: the domain named "<parent's name> <program>" with a new
 * reference, or %NULL when out of memory.
 */
struct warden_domain *warden_domain_new_child(struct warden_domain *parent,
					      const char *program, gfp_t gfp)
{
	struct warden_domain *domain;
	char *name;

	name = kasprintf(gfp, "%s %s", parent->name, program);
	if (!name)
		return NULL;
	domain = warden_domain_lookup(name, gfp);
	kfree(name);
	return domain;
}

