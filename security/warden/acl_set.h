/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - what the files of the file entries share.
 *
 * acl_set.c keeps a domain's entries and their index; acl_text.c parses
 * and prints lines into and out of it; acl_match.c looks requests up in
 * it.  The rest of Warden uses acl.h only.
 */

#ifndef _SECURITY_WARDEN_ACL_SET_H
#define _SECURITY_WARDEN_ACL_SET_H

#include <linux/rhashtable.h>
#include <linux/stringhash.h>
#include <linux/types.h>

#include "acl.h"
#include "index.h"

/**
 * struct warden_acl_shape - what a kind of "file" line holds
 * @op_names: the operations of the kind, by bit number.
 * @nr_ops: the number of @op_names.
 * @nr_words: how many pathnames and words follow the operations.
 * @nr_numbers: how many numbers follow those words.
 * @key_word: the word entries are filed under and requests looked up by:
 *            one that every request of the kind has compared, the first
 *            pathname, or for "file mount" the mount point.
 */
struct warden_acl_shape {
	const char *const *op_names;
	u8 nr_ops;
	u8 nr_words;
	u8 nr_numbers;
	u8 key_word;
};

extern const struct warden_acl_shape warden_acl_kinds[WARDEN_NR_ACL_KINDS];

/* The index key of the first @len bytes of @s. */
static inline u64 warden_acl_key(const char *s, size_t len)
{
	return (u64)full_name_hash(NULL, s, len) << 32 | (u32)len;
}

/* The refs filed under @key; the caller is in an RCU read section. */
static inline struct rhlist_head *
warden_acl_bucket(struct warden_acl_set *set, u64 key)
{
	return warden_index_bucket(&set->index, key);
}

/* Whether @ref, filed in a set's index, is an entry of that set. */
static inline bool warden_acl_ref_is_own(const struct warden_ref *ref)
{
	return warden_ref_is_own(ref, offsetof(struct warden_acl, ref));
}

void warden_acl_free(struct warden_acl *acl);
int warden_acl_apply(struct warden_acl_set *set, struct warden_acl *acl,
		     bool is_delete, const char **reason);

#endif /* _SECURITY_WARDEN_ACL_SET_H */
