/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - domains.
 *
 * A domain is a node of the tree that exec chains grow from the root
 * "<kernel>": its name is the name of the domain the exec happened in
 * followed by the program that was executed.  Domains are reference
 * counted; credentials hold them.  Live domains are kept in a hash table
 * by name, so that an exec finds the domain it enters in constant time
 * and every task of one domain shares one node.
 */

#ifndef _SECURITY_WARDEN_DOMAIN_H
#define _SECURITY_WARDEN_DOMAIN_H

#include <linux/gfp_types.h>
#include <linux/init.h>
#include <linux/list.h>
#include <linux/rcupdate.h>
#include <linux/refcount.h>
#include <linux/seqlock.h>
#include <linux/spinlock.h>

#include "profile.h"

/**
 * struct warden_mode_cache - a domain's modes, kept between hooks
 * @lock: serialises refills.
 * @seq: lets a reader copy @epoch and one config byte consistently.
 * @epoch: the policy epoch the configs were read in; 0 for never.
 * @config: the config byte of every operation in that epoch.
 * @profile: the number of the domain's profile in that epoch.
 * @pref: that profile's preferences; zero where it is not defined.
 *
 * Every hook asks first whether its operation is enabled in the caller's
 * domain.  Looking the domain's policy up by name for that would cost a
 * hash of the name per hook even where the profile disables everything;
 * the modes only change when a writer changes the policy, which moves the
 * policy epoch on, so they are read once per epoch instead, with the
 * profile and preferences a decision needs besides.
 */
struct warden_mode_cache {
	/* Serialises refills; readers only retry on @seq. */
	spinlock_t lock;
	seqcount_spinlock_t seq;
	unsigned long epoch;
	u8 config[WARDEN_NR_OPS];
	u8 profile;
	unsigned int pref[WARDEN_NR_PREFS];
};

/**
 * struct warden_domain - a node of the exec-chain domain tree
 * @usage: references held by credentials.
 * @hash: full_name_hash() of @name, also the key of the domain policy.
 * @node: the domain in the table of live domains.
 * @rcu: defers freeing past readers that found the domain under RCU.
 * @modes: the modes of the domain's profile, as last read.
 * @name: the full domainname, e.g. "<kernel> /usr/sbin/httpd /bin/sh".
 */
struct warden_domain {
	refcount_t usage;
	u32 hash;
	struct hlist_node node;
	struct rcu_head rcu;
	struct warden_mode_cache modes;
	char name[];
};

extern struct warden_domain warden_kernel_domain;

/**
 * warden_domain_modes - the mode cache of a domain
 * @domain: the domain.
 *
 * The cache is not part of what a domain is: holders of a const domain
 * still refill it, under its own lock.
 *
 * Return: @domain's mode cache.
 */
static inline struct warden_mode_cache *
warden_domain_modes(const struct warden_domain *domain)
{
	return (struct warden_mode_cache *)&domain->modes;
}

/**
 * warden_domain_get - take a reference on a domain
 * @domain: the domain, or %NULL
 *
 * Return: @domain, so that the call can sit in an assignment.
 */
static inline struct warden_domain *
warden_domain_get(struct warden_domain *domain)
{
	if (domain)
		refcount_inc(&domain->usage);
	return domain;
}

void __init warden_domain_init(void);
void warden_domain_put(struct warden_domain *domain);
struct warden_domain *warden_domain_lookup(const char *name, gfp_t gfp);
struct warden_domain *warden_domain_new_child(struct warden_domain *parent,
					      const char *program, gfp_t gfp);

#endif /* _SECURITY_WARDEN_DOMAIN_H */
