// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - file requests checked against a domain's file entries.
 *
 * A check hashes the requested pathname (a mount's mount point) and each
 * of its directory prefixes, and looks only at the entries filed under
 * those keys, so its cost does not depend on how many entries the domain
 * has.  It allocates nothing and cannot fail.
 */

#include "common.h"

#include <linux/rcupdate.h>
#include <linux/rhashtable.h>
#include <linux/string.h>

#include "acl.h"
#include "acl_set.h"
#include "cond.h"
#include "group.h"
#include "pattern.h"
#include "value.h"

/* Whether word @i of @acl (a pathname, a pattern or "@group") names @name. */
static bool warden_acl_word_matches(const struct warden_acl *acl,
				    unsigned int i, const char *name)
{
	if (!name)
		return false;
	if (acl->word[i][0] == '@')
		return acl->group[i] && warden_group_has_path(acl->group[i], name);
	if (acl->patterned & BIT(i))
		return warden_pattern_match(name, acl->word[i]);
	return !strcmp(acl->word[i], name);
}

/*
 * Whether @acl's arguments cover those of @req: every word but those the
 * request leaves uncompared, and every number.
 */
static bool warden_acl_args_match(const struct warden_acl *acl,
				  const struct warden_request *req)
{
	const unsigned int nr_words = warden_acl_kinds[acl->kind].nr_words;
	unsigned int i;

	for (i = 0; i < nr_words; i++)
		if (!(req->uncompared & BIT(i)) &&
		    !warden_acl_word_matches(acl, i, req->word[i]))
			return false;
	for (i = 0; i < warden_acl_kinds[acl->kind].nr_numbers; i++) {
		const struct warden_group *group = acl->group[nr_words + i];
		unsigned long value = req->number[i];
		bool covered;

		if (acl->word[nr_words + i])
			covered = group && warden_group_has_number(group, value);
		else
			covered = warden_number_covers(&acl->number[i], value);
		if (!covered)
			return false;
	}
	return true;
}

/* Whether an entry filed under @key grants @req. */
static bool warden_acl_bucket_allows(struct warden_acl_set *set, u64 key,
				     struct warden_request *req)
{
	struct rhlist_head *list, *pos;
	struct warden_ref *ref;
	struct warden_acl *acl;

	list = warden_acl_bucket(set, key);
	rhl_for_each_entry_rcu(ref, pos, list, node) {
		acl = ref->entry;
		if (acl->kind != req->kind ||
		    !(READ_ONCE(acl->perm) & BIT(req->op)) ||
		    !warden_acl_args_match(acl, req))
			continue;
		/*
		 * Conditions on what the hook did not provide are not met,
		 * so an entry never grants more than it says.
		 */
		if (!warden_cond_eval(acl->cond, req->cond))
			continue;
		/*
		 * An entry being deleted has no reference left to take: the
		 * request is decided as if it were gone already.
		 */
		if (req->hold) {
			if (!refcount_inc_not_zero(&acl->usage))
				continue;
			req->entry = acl;
		}
		req->matched = acl->word[0];
		req->transit = acl->transit;
		req->grant_log = warden_cond_grant_log(acl->cond);
		return true;
	}
	return false;
}

/**
 * warden_acl_allows - check a file operation against a set of entries
 * @set: the entries; the caller is in an RCU read-side critical section
 *       or holds warden_policy_lock.
 * @req: the request; @req->matched is set when an entry grants it.
 *
 * Looks up the exact key word (the first pathname, a mount's mount
 * point), then the patterns filed under each of its directory prefixes: a
 * handful of hash lookups, whatever the size of the domain's policy.  A
 * domain's index also files the entries of the ACL groups it uses, so
 * they cost no more lookups, however many groups there are.
 *
 * Return: true if an entry grants @req.
 */
bool warden_acl_allows(struct warden_acl_set *set, struct warden_request *req)
{
	const char *name = req->word[warden_acl_kinds[req->kind].key_word];
	size_t len, i;

	req->matched = NULL;
	req->transit = NULL;
	req->entry = NULL;
	if (!name)
		return false;
	len = strlen(name);
	if (warden_acl_bucket_allows(set, warden_acl_key(name, len), req))
		return true;
	for (i = 0; i < len; i++) {
		if (i && name[i - 1] != '/')
			continue;
		if (warden_acl_bucket_allows(set, warden_acl_key(name, i), req))
			return true;
	}
	/* Entries whose first word is a path group are filed together. */
	return warden_acl_bucket_allows(set, warden_acl_key("@", 1), req);
}

/**
 * warden_acl_path_allowed - check a single-pathname file operation
 * @set: the domain's entries; the caller is in an RCU read-side critical
 *       section or holds warden_policy_lock.
 * @op: the operation.
 * @path: the encoded pathname requested.
 *
 * Return: true if an entry allows @op on @path.
 */
bool warden_acl_path_allowed(struct warden_acl_set *set,
			     enum warden_path_op op, const char *path)
{
	struct warden_request req = {
		.kind = WARDEN_ACL_PATH,
		.op = op,
		.word = { path },
	};

	return warden_acl_allows(set, &req);
}
