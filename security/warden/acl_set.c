// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - the file entries of a domain: the shape of each kind of
 * entry, their lifetime, and the index that files them by pathname.
 *
 * An entry is filed under a hash of its key word (its first pathname, a
 * mount's mount point), or for a pattern of the word's literal directory
 * prefix, so that acl_match.c finds the candidates of a request with a few
 * hash lookups.  Entries that differ only in their operations are merged,
 * as TOMOYO does.
 */

#include "common.h"

#include <linux/errno.h>
#include <linux/rculist.h>
#include <linux/rhashtable.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "acl.h"
#include "acl_set.h"
#include "cond.h"
#include "pattern.h"
#include "stat.h"

static const char *const warden_path_op_names[] = {
	[WARDEN_PATH_EXECUTE] = "execute",
	[WARDEN_PATH_READ] = "read",
	[WARDEN_PATH_WRITE] = "write",
	[WARDEN_PATH_APPEND] = "append",
	[WARDEN_PATH_UNLINK] = "unlink",
	[WARDEN_PATH_GETATTR] = "getattr",
	[WARDEN_PATH_RMDIR] = "rmdir",
	[WARDEN_PATH_TRUNCATE] = "truncate",
	[WARDEN_PATH_SYMLINK] = "symlink",
	[WARDEN_PATH_CHROOT] = "chroot",
	[WARDEN_PATH_UNMOUNT] = "unmount",
};

static_assert(ARRAY_SIZE(warden_path_op_names) == WARDEN_NR_PATH_OPS);

static const char *const warden_path_number_op_names[] = {
	"create", "mkdir", "mkfifo", "mksock", "ioctl", "chmod", "chown",
	"chgrp",
};

static const char *const warden_mkdev_op_names[] = { "mkblock", "mkchar" };
static const char *const warden_path2_op_names[] = {
	"link", "rename", "pivot_root",
};

static const char *const warden_mount_op_names[] = { "mount" };

const struct warden_acl_shape warden_acl_kinds[WARDEN_NR_ACL_KINDS] = {
	[WARDEN_ACL_PATH] = { warden_path_op_names,
			      ARRAY_SIZE(warden_path_op_names), 1, 0 },
	[WARDEN_ACL_PATH_NUMBER] = { warden_path_number_op_names,
				     ARRAY_SIZE(warden_path_number_op_names),
				     1, 1 },
	[WARDEN_ACL_MKDEV] = { warden_mkdev_op_names,
			       ARRAY_SIZE(warden_mkdev_op_names), 1, 3 },
	[WARDEN_ACL_PATH2] = { warden_path2_op_names,
			       ARRAY_SIZE(warden_path2_op_names), 2, 0 },
	/* A mount's device is not always compared; its mount point is. */
	[WARDEN_ACL_MOUNT] = { warden_mount_op_names,
			       ARRAY_SIZE(warden_mount_op_names), 3, 1, 1 },
};

/*
 * A pattern is filed under its literal directory prefix: the bytes before
 * its first wildcard, cut after the last '/'.  Every pathname it matches
 * starts with that prefix, so a lookup finds it by trying the prefixes of
 * the pathname that end in '/'.
 */
static size_t warden_pattern_dir_prefix(const char *pattern)
{
	size_t len = warden_pattern_literal_prefix(pattern);

	while (len && pattern[len - 1] != '/')
		len--;
	return len;
}

/**
 * warden_acl_set_init - prepare an empty set of file entries
 * @set: the set.
 *
 * Return: 0 or -ENOMEM.
 */
int warden_acl_set_init(struct warden_acl_set *set)
{
	INIT_LIST_HEAD(&set->entries);
	INIT_LIST_HEAD(&set->mirrors);
	set->count = 0;
	set->exec_args = 0;
	return rhltable_init(&set->index, &warden_index_params);
}

static size_t warden_acl_size(const struct warden_acl *acl)
{
	size_t text = acl->transit ? strlen(acl->transit) + 1 : 0;
	int i;

	for (i = 0; i < WARDEN_ACL_MAX_WORDS; i++)
		if (acl->word[i])
			text += strlen(acl->word[i]) + 1;
	return struct_size(acl, text, text) + warden_cond_size(acl->cond);
}

/**
 * warden_acl_free - free an entry no set and no reader holds
 * @acl: the entry, from the parser.
 */
void warden_acl_free(struct warden_acl *acl)
{
	warden_cond_free(acl->cond);
	kfree(acl);
}

static void warden_acl_free_rcu(struct rcu_head *head)
{
	warden_acl_free(container_of(head, struct warden_acl, rcu));
}

/**
 * warden_acl_put - release an entry a decision kept
 * @acl: the entry.
 *
 * The last reference frees the entry after readers are done with it.
 */
void warden_acl_put(struct warden_acl *acl)
{
	if (refcount_dec_and_test(&acl->usage))
		call_rcu(&acl->rcu, warden_acl_free_rcu);
}

/* Take @acl out of its set's counts and give up the set's reference. */
static void warden_acl_release(struct warden_acl_set *set,
			       struct warden_acl *acl)
{
	set->count--;
	if (warden_cond_needs_exec_args(acl->cond))
		set->exec_args--;
	warden_memory_uncharge(WARDEN_MEMORY_POLICY, warden_acl_size(acl));
	warden_acl_put(acl);
}

/**
 * warden_acl_set_destroy - free a set nobody can reach any more
 * @set: the set; no reader may still walk it, though a decision may
 *       still hold one of its entries.
 *
 * Context: process context; may sleep.
 */
void warden_acl_set_destroy(struct warden_acl_set *set)
{
	struct warden_acl *acl, *next;

	WARN_ON_ONCE(!list_empty(&set->mirrors));
	/*
	 * The index first: its deferred resize walks the entries it files,
	 * so it is cancelled before any entry is freed.  The refs it holds
	 * to the entries of sets it mirrors go with it.
	 */
	warden_index_destroy(&set->index, offsetof(struct warden_acl, ref));
	list_for_each_entry_safe(acl, next, &set->entries, list) {
		warden_acl_release(set, acl);
		/* A domain may hold 100,000 entries: let others run. */
		cond_resched();
	}
	INIT_LIST_HEAD(&set->entries);
	set->count = 0;
	set->exec_args = 0;
}

/**
 * warden_acl_set_needs_exec_args - whether a set's conditions read exec strings
 * @set: the entries.
 *
 * Return: true if an entry has an exec.argv[] or exec.envp[] condition.
 */
bool warden_acl_set_needs_exec_args(const struct warden_acl_set *set)
{
	return READ_ONCE(set->exec_args);
}

static bool warden_acl_same_args(const struct warden_acl *a,
				 const struct warden_acl *b)
{
	int i;

	if (a->kind != b->kind)
		return false;
	for (i = 0; i < WARDEN_ACL_MAX_WORDS; i++)
		if (!a->word[i] != !b->word[i] ||
		    (a->word[i] && strcmp(a->word[i], b->word[i])))
			return false;
	/* Entries with different conditions are different entries. */
	if (!warden_cond_equal(a->cond, b->cond))
		return false;
	if (!a->transit != !b->transit ||
	    (a->transit && strcmp(a->transit, b->transit)))
		return false;
	return !memcmp(a->number, b->number, sizeof(a->number));
}

static struct warden_acl *warden_acl_find(struct warden_acl_set *set,
					  const struct warden_acl *like)
{
	struct rhlist_head *list, *pos;
	struct warden_acl *acl;

	struct warden_ref *ref;

	list = warden_acl_bucket(set, like->ref.key);
	rhl_for_each_entry_rcu(ref, pos, list, node) {
		acl = ref->entry;
		if (warden_acl_ref_is_own(ref) && warden_acl_same_args(acl, like))
			return acl;
	}
	return NULL;
}

/* Where an entry's ref is, from the list_head that links it in its set. */
#define WARDEN_ACL_REF_OFFSET \
	(offsetof(struct warden_acl, ref) - offsetof(struct warden_acl, list))

/*
 * Count an entry of @set that reads exec strings in every set mirroring
 * it, as it comes (@delta 1) or goes (-1).
 */
static void warden_acl_mirrors_exec_args(struct warden_acl_set *set,
					 const struct warden_acl *acl,
					 int delta)
{
	struct warden_acl_set *into;
	struct warden_mirror *mirror;

	if (!warden_cond_needs_exec_args(acl->cond))
		return;
	list_for_each_entry(mirror, &set->mirrors, list) {
		into = container_of(mirror->into, struct warden_acl_set, index);
		WRITE_ONCE(into->exec_args, into->exec_args + delta);
	}
}

/* Take an entry of @set out of the index of every set mirroring it. */
static void warden_acl_unlink_mirrors(struct warden_acl_set *set,
				      struct warden_acl *acl)
{
	warden_acl_mirrors_exec_args(set, acl, -1);
	warden_index_unlink_mirrors(&set->mirrors, &acl->ref);
}

/**
 * warden_acl_set_mirror - file a set's entries in another set's index too
 * @set: the mirrored set, an ACL group's; the caller holds
 *       warden_policy_lock.
 * @mirror: the link to keep on @set, owned by the caller until
 *          warden_acl_set_unmirror().
 * @into: the mirroring set, the entries of a domain that uses the group.
 *
 * From then on, entries added to @set are filed in @into's index as well
 * and removed from it with them, so that a check of @into looks in one
 * index.
 *
 * Return: 0, or -ENOMEM with @into as it was.
 */
int warden_acl_set_mirror(struct warden_acl_set *set,
			  struct warden_mirror *mirror,
			  struct warden_acl_set *into)
{
	int err = warden_index_mirror(&set->mirrors, mirror, &into->index,
				      &set->entries, WARDEN_ACL_REF_OFFSET);

	if (!err)
		WRITE_ONCE(into->exec_args, into->exec_args + set->exec_args);
	return err;
}

/**
 * warden_acl_set_unmirror - stop filing a set's entries in another's index
 * @set: the mirrored set; the caller holds warden_policy_lock.
 * @mirror: the link warden_acl_set_mirror() kept.
 * @unlink: take the entries out of the mirroring index; false when that
 *          index is being destroyed anyway.
 *
 * Context: process context; may sleep.
 */
void warden_acl_set_unmirror(struct warden_acl_set *set,
			     struct warden_mirror *mirror, bool unlink)
{
	struct warden_acl_set *into =
		container_of(mirror->into, struct warden_acl_set, index);

	if (unlink)
		WRITE_ONCE(into->exec_args, into->exec_args - set->exec_args);
	warden_index_unmirror(mirror, &set->entries, WARDEN_ACL_REF_OFFSET,
			      unlink);
}

/**
 * warden_acl_apply - add a parsed entry to a set, or delete it from there
 * @set: the domain's entries; the caller holds warden_policy_lock.
 * @acl: the entry, from the parser; this function takes it over.
 * @is_delete: remove the entry's operations instead of adding them.
 * @reason: receives why a delete found nothing.
 *
 * An entry that differs from one of @set only in its operations is
 * merged into it.
 *
 * Return: 0; -ENOENT when deleting what is not there; -ENOMEM when memory
 * or the policy quota runs out.
 */
int warden_acl_apply(struct warden_acl_set *set, struct warden_acl *acl,
		     bool is_delete, const char **reason)
{
	const unsigned int k = warden_acl_kinds[acl->kind].key_word;
	const char *word = acl->word[k];
	struct warden_acl *found;
	size_t size;
	int err = 0;

	acl->ref.entry = acl;
	if (word[0] == '@')
		acl->ref.key = warden_acl_key("@", 1);
	else
		acl->ref.key = warden_acl_key(word, acl->patterned & BIT(k) ?
					      warden_pattern_dir_prefix(word) :
					      strlen(word));
	/* The writer lock keeps entries alive; RCU is what the index wants. */
	rcu_read_lock();
	found = warden_acl_find(set, acl);
	rcu_read_unlock();
	if (is_delete) {
		if (!found || !(found->perm & acl->perm)) {
			*reason = "no such entry to delete";
			err = -ENOENT;
		} else if (found->perm & ~acl->perm) {
			WRITE_ONCE(found->perm, found->perm & ~acl->perm);
		} else {
			warden_acl_unlink_mirrors(set, found);
			rhltable_remove(&set->index, &found->ref.node,
					warden_index_params);
			list_del_rcu(&found->list);
			warden_acl_release(set, found);
		}
		warden_acl_free(acl);
		return err;
	}
	if (found) {
		WRITE_ONCE(found->perm, found->perm | acl->perm);
		warden_acl_free(acl);
		return 0;
	}
	size = warden_acl_size(acl);
	if (!warden_memory_charge(WARDEN_MEMORY_POLICY, size))
		goto out_free;
	if (warden_index_link_mirrors(&set->mirrors, &acl->ref))
		goto out_uncharge;
	if (rhltable_insert(&set->index, &acl->ref.node, warden_index_params)) {
		warden_index_unlink_mirrors(&set->mirrors, &acl->ref);
		goto out_uncharge;
	}
	warden_acl_mirrors_exec_args(set, acl, 1);
	list_add_tail_rcu(&acl->list, &set->entries);
	set->count++;
	if (warden_cond_needs_exec_args(acl->cond))
		WRITE_ONCE(set->exec_args, set->exec_args + 1);
	return 0;

out_uncharge:
	warden_memory_uncharge(WARDEN_MEMORY_POLICY, size);
out_free:
	warden_acl_free(acl);
	return -ENOMEM;
}
