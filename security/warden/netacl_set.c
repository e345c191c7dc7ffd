// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - the network, misc and task entries of a domain: their
 * kinds, their lifetime, and the index that files them.
 *
 * An entry is filed by what it names exactly (an address and port, a
 * port, an address, or a name); ranges, patterns and groups are filed
 * together per family.  Entries that differ only in their operations are
 * merged.  Entries are added and removed under warden_policy_lock and
 * freed after an RCU grace period.
 */

#include "common.h"

#include <linux/errno.h>
#include <linux/overflow.h>
#include <linux/rculist.h>
#include <linux/rhashtable.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "cond.h"
#include "netacl.h"
#include "netacl_set.h"
#include "stat.h"
#include "value.h"

const struct warden_net_family_info
warden_net_families[WARDEN_NR_NET_FAMILIES] = {
	[WARDEN_NET_INET_STREAM] = {
		"network inet stream", { "bind", "listen", "connect", "accept" },
		WARDEN_ARG_INET },
	[WARDEN_NET_INET_DGRAM] = {
		"network inet dgram", { "bind", "send" }, WARDEN_ARG_INET },
	[WARDEN_NET_INET_RAW] = {
		"network inet raw", { "bind", "send" }, WARDEN_ARG_INET },
	[WARDEN_NET_UNIX_STREAM] = {
		"network unix stream", { "bind", "listen", "connect", "accept" },
		WARDEN_ARG_UNIX },
	[WARDEN_NET_UNIX_DGRAM] = {
		"network unix dgram", { "bind", "send" }, WARDEN_ARG_UNIX },
	[WARDEN_NET_UNIX_SEQPACKET] = {
		"network unix seqpacket",
		{ "bind", "listen", "connect", "accept" }, WARDEN_ARG_UNIX },
	[WARDEN_NET_MISC_ENV] = { "misc env", { NULL }, WARDEN_ARG_WORD },
	[WARDEN_NET_TASK] = {
		"task manual_domain_transition", { NULL }, WARDEN_ARG_DOMAIN },
};

/**
 * warden_netacl_key - the key an entry is filed under
 * @e: the entry, compiled.
 *
 * See &enum warden_net_bucket.
 *
 * Return: the key.
 */
u64 warden_netacl_key(const struct warden_netacl *e)
{
	const bool one_address = e->address_match == WARDEN_NET_MATCH_EXACT;
	const bool one_port = e->port_match == WARDEN_NET_MATCH_EXACT;

	if (warden_net_families[e->family].arg != WARDEN_ARG_INET) {
		if (e->name_match == WARDEN_NET_MATCH_EXACT)
			return warden_net_key(e->family, WARDEN_NET_BUCKET_NAME,
					      warden_net_name_hash(e->name));
	} else if (one_address && one_port) {
		return warden_net_key(e->family, WARDEN_NET_BUCKET_ADDRESS_PORT,
				      warden_net_address_hash(e->address.ipv6,
							      e->address.min,
							      e->port.min));
	} else if (one_port) {
		return warden_net_key(e->family, WARDEN_NET_BUCKET_PORT,
				      e->port.min);
	} else if (one_address) {
		return warden_net_key(e->family, WARDEN_NET_BUCKET_ADDRESS,
				      warden_net_address_hash(e->address.ipv6,
							      e->address.min,
							      0));
	}
	return warden_net_key(e->family, WARDEN_NET_BUCKET_REST, 0);
}

/**
 * warden_netacl_set_init - prepare an empty set of entries
 * @set: the set.
 *
 * Return: 0 or -ENOMEM.
 */
int warden_netacl_set_init(struct warden_netacl_set *set)
{
	INIT_LIST_HEAD(&set->entries);
	INIT_LIST_HEAD(&set->mirrors);
	set->count = 0;
	return rhltable_init(&set->index, &warden_index_params);
}

/* What an entry is charged: itself, its name and its conditions. */
static size_t warden_netacl_size(const struct warden_netacl *e)
{
	return struct_size(e, name, strlen(e->name) + 1) +
	       warden_cond_size(e->cond);
}

/**
 * warden_netacl_free - free an entry no set and no reader holds
 * @e: the entry, from the parser.
 */
void warden_netacl_free(struct warden_netacl *e)
{
	warden_cond_free(e->cond);
	kfree(e);
}

static void warden_netacl_free_rcu(struct rcu_head *head)
{
	warden_netacl_free(container_of(head, struct warden_netacl, rcu));
}

/**
 * warden_netacl_set_destroy - free a set nobody can reach any more
 * @set: the set; no reader may still hold its entries.
 *
 * Context: process context; may sleep.
 */
void warden_netacl_set_destroy(struct warden_netacl_set *set)
{
	struct warden_netacl *e, *next;

	WARN_ON_ONCE(!list_empty(&set->mirrors));
	/*
	 * The index first: its deferred resize walks the entries.  The refs
	 * it holds to the entries of sets it mirrors go with it.
	 */
	warden_index_destroy(&set->index, offsetof(struct warden_netacl, ref));
	list_for_each_entry_safe(e, next, &set->entries, list) {
		warden_memory_uncharge(WARDEN_MEMORY_POLICY,
				       warden_netacl_size(e));
		warden_netacl_free(e);
		cond_resched();
	}
	INIT_LIST_HEAD(&set->entries);
	set->count = 0;
}

static bool warden_same_number(const struct warden_number *a,
			       const struct warden_number *b)
{
	return a->min == b->min && a->max == b->max &&
	       a->min_base == b->min_base && a->max_base == b->max_base;
}

/*
 * Whether two entries differ in nothing but their operations: exactly
 * when their canonical lines, operations cut off, are the same text.
 * Both name their groups in the same exception policy, so the same
 * group is the same pointer.
 */
static bool warden_netacl_same(const struct warden_netacl *a,
			       const struct warden_netacl *b)
{
	if (a->family != b->family || a->address_match != b->address_match ||
	    a->port_match != b->port_match || a->name_match != b->name_match ||
	    a->group != b->group || a->port_group != b->port_group ||
	    strcmp(a->name, b->name) || !warden_cond_equal(a->cond, b->cond))
		return false;
	if (warden_net_families[a->family].arg != WARDEN_ARG_INET)
		return true;
	if (a->address_match != WARDEN_NET_MATCH_GROUP &&
	    memcmp(&a->address, &b->address, sizeof(a->address)))
		return false;
	return a->port_match == WARDEN_NET_MATCH_GROUP ||
	       warden_same_number(&a->port, &b->port);
}

/* The entry of @set that differs from @like only in its operations. */
static struct warden_netacl *warden_netacl_find(struct warden_netacl_set *set,
						const struct warden_netacl *like)
{
	struct rhlist_head *pos, *list;
	struct warden_ref *ref;

	list = warden_netacl_bucket(set, like->ref.key);
	rhl_for_each_entry_rcu(ref, pos, list, node)
		if (warden_netacl_ref_is_own(ref) &&
		    warden_netacl_same(ref->entry, like))
			return ref->entry;
	return NULL;
}

/* Where an entry's ref is, from the list_head that links it in its set. */
#define WARDEN_NETACL_REF_OFFSET					\
	(offsetof(struct warden_netacl, ref) -				\
	 offsetof(struct warden_netacl, list))

/**
 * warden_netacl_set_mirror - file a set's entries in another set's index
 * @set: the mirrored set, an ACL group's; the caller holds
 *       warden_policy_lock.
 * @mirror: the link to keep on @set, owned by the caller until
 *          warden_netacl_set_unmirror().
 * @into: the mirroring set, the entries of a domain that uses the group.
 *
 * From then on, entries added to @set are filed in @into's index as well
 * and removed from it with them.
 *
 * Return: 0, or -ENOMEM with @into as it was.
 */
int warden_netacl_set_mirror(struct warden_netacl_set *set,
			     struct warden_mirror *mirror,
			     struct warden_netacl_set *into)
{
	return warden_index_mirror(&set->mirrors, mirror, &into->index,
				   &set->entries, WARDEN_NETACL_REF_OFFSET);
}

/**
 * warden_netacl_set_unmirror - stop filing a set's entries in another's
 *				index
 * @set: the mirrored set; the caller holds warden_policy_lock.
 * @mirror: the link warden_netacl_set_mirror() kept.
 * @unlink: take the entries out of the mirroring index; false when that
 *          index is being destroyed anyway.
 *
 * Context: process context; may sleep.
 */
void warden_netacl_set_unmirror(struct warden_netacl_set *set,
				struct warden_mirror *mirror, bool unlink)
{
	warden_index_unmirror(mirror, &set->entries, WARDEN_NETACL_REF_OFFSET,
			      unlink);
}

/**
 * warden_netacl_apply - add a compiled entry to a set, or delete it there
 * @set: the domain's entries; the caller holds warden_policy_lock.
 * @e: the entry, from the parser; this function takes it over.
 * @is_delete: remove the entry's operations instead of adding them.
 * @reason: receives why a delete found nothing.
 *
 * An entry that differs from one of @set only in its operations is
 * merged into it.
 *
 * Return: 0; -ENOENT when deleting what is not there; -ENOMEM when memory
 * or the policy quota runs out.
 */
int warden_netacl_apply(struct warden_netacl_set *set,
			struct warden_netacl *e, bool is_delete,
			const char **reason)
{
	const u16 perm = e->perm;
	struct warden_netacl *found;
	size_t size;

	/* The writer lock keeps entries alive; RCU is what the index wants. */
	rcu_read_lock();
	found = warden_netacl_find(set, e);
	rcu_read_unlock();
	if (is_delete) {
		warden_netacl_free(e);
		if (!found || !(found->perm & perm)) {
			*reason = "no such entry to delete";
			return -ENOENT;
		}
		if (found->perm & ~perm) {
			WRITE_ONCE(found->perm, found->perm & ~perm);
			return 0;
		}
		warden_index_unlink_mirrors(&set->mirrors, &found->ref);
		rhltable_remove(&set->index, &found->ref.node,
				warden_index_params);
		list_del_rcu(&found->list);
		set->count--;
		warden_memory_uncharge(WARDEN_MEMORY_POLICY,
				       warden_netacl_size(found));
		call_rcu(&found->rcu, warden_netacl_free_rcu);
		return 0;
	}
	if (found) {
		WRITE_ONCE(found->perm, found->perm | perm);
		warden_netacl_free(e);
		return 0;
	}
	size = warden_netacl_size(e);
	if (!warden_memory_charge(WARDEN_MEMORY_POLICY, size))
		goto out_free;
	if (warden_index_link_mirrors(&set->mirrors, &e->ref))
		goto out_uncharge;
	if (rhltable_insert(&set->index, &e->ref.node, warden_index_params)) {
		warden_index_unlink_mirrors(&set->mirrors, &e->ref);
		goto out_uncharge;
	}
	list_add_tail_rcu(&e->list, &set->entries);
	set->count++;
	return 0;

out_uncharge:
	warden_memory_uncharge(WARDEN_MEMORY_POLICY, size);
out_free:
	warden_netacl_free(e);
	return -ENOMEM;
}
