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
