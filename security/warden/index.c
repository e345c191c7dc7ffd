// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - refs that file the entries of one set in the index of
 * another, and the index's teardown.
 *
 * A ref a mirroring index holds is charged to the policy as its own
 * allocation and freed after readers are done with it; the entry it
 * points to belongs to the mirrored set, which unlinks it from every
 * mirror before freeing it.
 */

#include "common.h"

#include <linux/errno.h>
#include <linux/rcupdate.h>
#include <linux/rhashtable.h>
#include <linux/slab.h>

#include "index.h"
#include "stat.h"

/**
 * warden_index_link - file another set's entry in an index
 * @index: the mirroring index; the caller holds warden_policy_lock.
 * @own: the ref the entry embeds, which gives its key.
 *
 * Return: 0, or -ENOMEM when memory or the policy quota runs out; the
 * index is then as it was.
 */
int warden_index_link(struct rhltable *index, const struct warden_ref *own)
{
	struct warden_ref *ref;

	lockdep_assert(warden_policy_write_held());
	if (!warden_memory_charge(WARDEN_MEMORY_POLICY, sizeof(*ref)))
		return -ENOMEM;
	ref = kmalloc(sizeof(*ref), GFP_KERNEL_ACCOUNT);
	if (!ref)
		goto out_uncharge;
	ref->key = own->key;
	ref->entry = own->entry;
	if (!rhltable_insert(index, &ref->node, warden_index_params))
		return 0;
	kfree(ref);
out_uncharge:
	warden_memory_uncharge(WARDEN_MEMORY_POLICY, sizeof(*ref));
	return -ENOMEM;
}

/**
 * warden_index_unlink - stop filing another set's entry in an index
 * @index: the mirroring index; the caller holds warden_policy_lock.
 * @own: the ref the entry embeds.
 *
 * Readers that found the ref may go on using it and the entry until
 * their RCU read-side critical section ends.
 *
 * Context: process context; may sleep.
 */
void warden_index_unlink(struct rhltable *index, const struct warden_ref *own)
{
	struct rhlist_head *list, *pos;
	struct warden_ref *ref, *found = NULL;

	lockdep_assert(warden_policy_write_held());
	rcu_read_lock();
	list = warden_index_bucket(index, own->key);
	rhl_for_each_entry_rcu(ref, pos, list, node) {
		if (ref != own && ref->entry == own->entry) {
			found = ref;
			break;
		}
	}
	rcu_read_unlock();
	if (WARN_ON_ONCE(!found))
		return;
	rhltable_remove(index, &found->node, warden_index_params);
	warden_memory_uncharge(WARDEN_MEMORY_POLICY, sizeof(*found));
	kfree_rcu_mightsleep(found);
}

/**
 * warden_index_link_mirrors - file a new entry in every index mirroring its set
 * @mirrors: the set's &struct warden_mirror list; the caller holds
 *           warden_policy_lock.
 * @own: the ref the entry embeds.
 *
 * Return: 0, or -ENOMEM with the entry filed in none of them.
 */
int warden_index_link_mirrors(const struct list_head *mirrors,
			      const struct warden_ref *own)
{
	struct warden_mirror *mirror, *done;
	int err;

	list_for_each_entry(mirror, mirrors, list) {
		err = warden_index_link(mirror->into, own);
		if (err)
			goto out_unlink;
	}
	return 0;

out_unlink:
	list_for_each_entry(done, mirrors, list) {
		if (done == mirror)
			break;
		warden_index_unlink(done->into, own);
	}
	return err;
}

/**
 * warden_index_unlink_mirrors - take an entry out of every index mirroring
 *				 its set
 * @mirrors: the set's &struct warden_mirror list; the caller holds
 *           warden_policy_lock.
 * @own: the ref the entry embeds.
 *
 * Context: process context; may sleep.
 */
void warden_index_unlink_mirrors(const struct list_head *mirrors,
				 const struct warden_ref *own)
{
	struct warden_mirror *mirror;

	list_for_each_entry(mirror, mirrors, list)
		warden_index_unlink(mirror->into, own);
}

/* The ref of an entry of a set, linked in the set's list by @node. */
static const struct warden_ref *warden_entry_ref(const struct list_head *node,
						 size_t offset)
{
	return (const void *)node + offset;
}

/**
 * warden_index_mirror - file a set's entries in another index too
 * @mirrors: the mirrored set's &struct warden_mirror list, an ACL
 *           group's; the caller holds warden_policy_lock.
 * @mirror: the link to keep on @mirrors, owned by the caller until
 *          warden_index_unmirror().
 * @into: the mirroring index, of a domain that uses the group.
 * @entries: the mirrored set's entries.
 * @offset: how far an entry's ref is from the list_head that links it in
 *          @entries.
 *
 * From then on, the set's new entries are filed in @into as well, and
 * leave it with the set (warden_index_link_mirrors() and
 * warden_index_unlink_mirrors()).
 *
 * Return: 0, or -ENOMEM with @into as it was.
 */
int warden_index_mirror(struct list_head *mirrors,
			struct warden_mirror *mirror, struct rhltable *into,
			const struct list_head *entries, size_t offset)
{
	const struct list_head *node, *done;
	int err;

	lockdep_assert(warden_policy_write_held());
	list_for_each(node, entries) {
		err = warden_index_link(into, warden_entry_ref(node, offset));
		if (err)
			goto out_unlink;
	}
	mirror->into = into;
	list_add_tail(&mirror->list, mirrors);
	return 0;

out_unlink:
	list_for_each(done, entries) {
		if (done == node)
			break;
		warden_index_unlink(into, warden_entry_ref(done, offset));
	}
	return err;
}

/**
 * warden_index_unmirror - stop filing a set's entries in another index
 * @mirror: the link warden_index_mirror() kept; the caller holds
 *          warden_policy_lock.
 * @entries: the mirrored set's entries.
 * @offset: as for warden_index_mirror().
 * @unlink: take the entries out of the mirroring index; false when that
 *          index is being destroyed anyway.
 *
 * Context: process context; may sleep.
 */
void warden_index_unmirror(struct warden_mirror *mirror,
			   const struct list_head *entries, size_t offset,
			   bool unlink)
{
	const struct list_head *node;

	lockdep_assert(warden_policy_write_held());
	if (unlink)
		list_for_each(node, entries)
			warden_index_unlink(mirror->into,
					    warden_entry_ref(node, offset));
	list_del(&mirror->list);
}

/* Free a ref a mirroring index holds; an entry's own ref stays. */
static void warden_index_free_ref(void *ptr, void *arg)
{
	struct warden_ref *ref = ptr;

	if (warden_ref_is_own(ref, *(const size_t *)arg))
		return;
	warden_memory_uncharge(WARDEN_MEMORY_POLICY, sizeof(*ref));
	kfree(ref);
}

/**
 * warden_index_destroy - free an index nobody can reach any more
 * @index: the index; no reader may still walk it.
 * @offset: where the set's entries embed their own ref: those refs are
 *          left to the set, and the refs of mirrored entries are freed.
 *
 * Context: process context; may sleep.
 */
void warden_index_destroy(struct rhltable *index, size_t offset)
{
	rhltable_free_and_destroy(index, warden_index_free_ref, &offset);
}
