/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - the index that files a set's entries by key, and the
 * entries of other sets that it mirrors.
 *
 * Every entry embeds a &struct warden_ref that files it in the index of
 * its own set.  A domain's index also files the entries of the ACL groups
 * the domain uses, each through a ref of its own that points to the
 * group's entry, so that a check of the domain looks in one index
 * however many groups the domain uses or the namespace defines.
 */

#ifndef _SECURITY_WARDEN_INDEX_H
#define _SECURITY_WARDEN_INDEX_H

#include <linux/list.h>
#include <linux/rhashtable.h>
#include <linux/stddef.h>
#include <linux/types.h>

/**
 * struct warden_ref - an entry filed in an index
 * @node: links the refs of one key, and the key's bucket.
 * @key: the key the entry is filed under.
 * @entry: the entry: for the ref an entry embeds, the entry itself; for
 *         a ref a mirroring index holds, an entry of the mirrored set.
 */
struct warden_ref {
	struct rhlist_head node;
	u64 key;
	void *entry;
};

/**
 * struct warden_mirror - an index that files another set's entries too
 * @list: links the mirrors of the mirrored set.
 * @into: the mirroring index: a domain's, for an ACL group it uses.
 */
struct warden_mirror {
	struct list_head list;
	struct rhltable *into;
};

/*
 * Constant here rather than shared, so that every lookup is compiled
 * with the parameters known, as the rhashtable API intends.
 */
static const struct rhashtable_params warden_index_params = {
	.key_len = sizeof(u64),
	.key_offset = offsetof(struct warden_ref, key),
	.head_offset = offsetof(struct warden_ref, node),
	.automatic_shrinking = true,
};

/* The refs filed under @key; the caller is in an RCU read section. */
static inline struct rhlist_head *warden_index_bucket(struct rhltable *index,
						      u64 key)
{
	return rhltable_lookup(index, &key, warden_index_params);
}

/*
 * Whether @ref is the one its entry embeds at @offset, rather than one a
 * mirroring index holds.
 */
static inline bool warden_ref_is_own(const struct warden_ref *ref,
				     size_t offset)
{
	return (const char *)ref->entry + offset == (const char *)ref;
}

int warden_index_link(struct rhltable *index, const struct warden_ref *own);
void warden_index_unlink(struct rhltable *index, const struct warden_ref *own);
int warden_index_link_mirrors(const struct list_head *mirrors,
			      const struct warden_ref *own);
void warden_index_unlink_mirrors(const struct list_head *mirrors,
				 const struct warden_ref *own);
int warden_index_mirror(struct list_head *mirrors,
			struct warden_mirror *mirror, struct rhltable *into,
			const struct list_head *entries, size_t offset);
void warden_index_unmirror(struct warden_mirror *mirror,
			   const struct list_head *entries, size_t offset,
			   bool unlink);
void warden_index_destroy(struct rhltable *index, size_t offset);

#endif /* _SECURITY_WARDEN_INDEX_H */
