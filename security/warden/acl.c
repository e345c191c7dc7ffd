// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - file ACL entries: parsing, printing, indexing and lookup.
 *
 * Lines are TOMOYO 2.6's "file" lines.  Entries that differ only in their
 * operations are merged, as TOMOYO does, so "file read /a" followed by
 * "file write /a" prints as "file read/write /a".  Lookups hash the
 * requested pathname and each of its directory prefixes, so their cost
 * does not depend on how many entries the domain has.
 */

#include "common.h"

#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/overflow.h>
#include <linux/rculist.h>
#include <linux/rhashtable.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/stringhash.h>

#include "acl.h"
#include "cond.h"
#include "group.h"
#include "pattern.h"
#include "stat.h"
#include "value.h"

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

/* What each kind of line holds after its operations, in order. */
static const struct {
	const char *const *op_names;
	u8 nr_ops;
	u8 nr_words;		/* pathnames and words, first */
	u8 nr_numbers;		/* then numbers */
} warden_acl_kinds[WARDEN_NR_ACL_KINDS] = {
	[WARDEN_ACL_PATH] = { warden_path_op_names,
			      ARRAY_SIZE(warden_path_op_names), 1, 0 },
	[WARDEN_ACL_PATH_NUMBER] = { warden_path_number_op_names,
				     ARRAY_SIZE(warden_path_number_op_names),
				     1, 1 },
	[WARDEN_ACL_MKDEV] = { warden_mkdev_op_names,
			       ARRAY_SIZE(warden_mkdev_op_names), 1, 3 },
	[WARDEN_ACL_PATH2] = { warden_path2_op_names,
			       ARRAY_SIZE(warden_path2_op_names), 2, 0 },
	[WARDEN_ACL_MOUNT] = { warden_mount_op_names,
			       ARRAY_SIZE(warden_mount_op_names), 3, 1 },
};

static const struct rhashtable_params warden_acl_index_params = {
	.key_len = sizeof(u64),
	.key_offset = offsetof(struct warden_acl, key),
	.head_offset = offsetof(struct warden_acl, node),
	.automatic_shrinking = true,
};

/* The index key of the first @len bytes of @s. */
static u64 warden_acl_key(const char *s, size_t len)
{
	return (u64)full_name_hash(NULL, s, len) << 32 | (u32)len;
}

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
	set->count = 0;
	set->exec_args = 0;
	return rhltable_init(&set->index, &warden_acl_index_params);
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

static void warden_acl_free(struct warden_acl *acl)
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
 */
void warden_acl_set_destroy(struct warden_acl_set *set)
{
	struct warden_acl *acl, *next;

	list_for_each_entry_safe(acl, next, &set->entries, list)
		warden_acl_release(set, acl);
	rhltable_destroy(&set->index);
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

/* Parse "read/write/append": the kind they share and their bits. */
static int warden_parse_ops(char *text, u8 *kind, u16 *perm)
{
	char *name;
	int k, op;

	*perm = 0;
	while ((name = strsep(&text, "/"))) {
		for (k = 0; k < WARDEN_NR_ACL_KINDS; k++) {
			op = match_string(warden_acl_kinds[k].op_names,
					  warden_acl_kinds[k].nr_ops, name);
			if (op >= 0)
				break;
		}
		if (k == WARDEN_NR_ACL_KINDS || (*perm && k != *kind))
			return -EINVAL;
		*kind = k;
		*perm |= BIT(op);
	}
	return 0;
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

	list = rhltable_lookup(&set->index, &like->key,
			       warden_acl_index_params);
	rhl_for_each_entry_rcu(acl, pos, list, node)
		if (warden_acl_same_args(acl, like))
			return acl;
	return NULL;
}

static const char *const warden_transit_keywords[] = {
	"keep", "child", "parent", "reset", "initialize",
};

/*
 * "file execute <path>" may say where the exec goes before its
 * conditions: a domainname, a program, or one of the keywords.  Cuts it
 * off *@rest and returns it, %NULL when there is none, or an ERR_PTR.
 */
static char *warden_acl_split_transit(const struct warden_acl *parsed,
				      char **rest)
{
	char *line = *rest, *word;

	if (!line || parsed->kind != WARDEN_ACL_PATH ||
	    parsed->perm != BIT(WARDEN_PATH_EXECUTE))
		return NULL;
	if (*line == '<') {
		*rest = warden_cond_split(line);
		return warden_domainname_check(line) ? ERR_PTR(-EINVAL) : line;
	}
	word = line;
	line = strchr(word, ' ');
	if (line)
		*line = '\0';
	if (match_string(warden_transit_keywords,
			 ARRAY_SIZE(warden_transit_keywords), word) >= 0 ||
	    (*word == '/' && !warden_word_check(word, false))) {
		*rest = line ? line + 1 : NULL;
		return word;
	}
	/* Not a preference: the conditions start here. */
	if (line)
		*line = ' ';
	return NULL;
}

/* The groups "@name" words of @acl name, created empty if need be. */
static int warden_acl_resolve(struct warden_acl *acl,
			      struct warden_exception_policy *exception)
{
	const unsigned int nr_words = warden_acl_kinds[acl->kind].nr_words;
	unsigned int i;

	for (i = 0; i < WARDEN_ACL_MAX_WORDS; i++) {
		if (!acl->word[i] || acl->word[i][0] != '@' || !exception)
			continue;
		acl->group[i] = warden_group_ref(&exception->groups,
						 i < nr_words ? WARDEN_GROUP_PATH :
						 WARDEN_GROUP_NUMBER,
						 acl->word[i] + 1);
		if (!acl->group[i])
			return -ENOMEM;
	}
	return 0;
}

/*
 * Build an entry from the words of a line, all checked, its group
 * references and conditions compiled against @exception.  Returns the
 * entry, or an ERR_PTR with *@reason set for a malformed line.
 */
static struct warden_acl *
warden_acl_parse(char *line, struct warden_exception_policy *exception,
		 const char **reason)
{
	char *words[1 + WARDEN_ACL_MAX_WORDS + WARDEN_ACL_MAX_NUMBERS];
	struct warden_acl parsed = {};
	struct warden_cond *cond;
	struct warden_acl *acl;
	int i, need, nr_paths, err;
	char *word, *p, *transit;
	size_t text = 0;

	words[0] = strsep(&line, " ");
	if (warden_parse_ops(words[0], &parsed.kind, &parsed.perm)) {
		*reason = "unknown file operation, or operations of different kinds";
		return ERR_PTR(-EINVAL);
	}
	nr_paths = warden_acl_kinds[parsed.kind].nr_words;
	need = 1 + nr_paths + warden_acl_kinds[parsed.kind].nr_numbers;
	for (i = 1; i < need; i++) {
		words[i] = strsep(&line, " ");
		if (!words[i] || !*words[i]) {
			*reason = "missing arguments";
			return ERR_PTR(-EINVAL);
		}
	}
	transit = warden_acl_split_transit(&parsed, &line);
	if (IS_ERR(transit)) {
		*reason = "invalid domain transition preference";
		return ERR_CAST(transit);
	}
	if (transit)
		text += strlen(transit) + 1;
	for (i = 0; i < nr_paths; i++) {
		word = words[1 + i];
		if (word[0] == '@' ? !warden_group_ref_valid(word) :
		    warden_word_check(word, true)) {
			*reason = "invalid pathname or pattern";
			return ERR_PTR(-EINVAL);
		}
		text += strlen(word) + 1;
	}
	for (i = 0; i < warden_acl_kinds[parsed.kind].nr_numbers; i++) {
		word = words[1 + nr_paths + i];
		if (word[0] == '@') {
			if (!warden_group_ref_valid(word)) {
				*reason = "invalid number group name";
				return ERR_PTR(-EINVAL);
			}
			text += strlen(word) + 1;
			continue;
		}
		if (warden_number_parse(word, &parsed.number[i])) {
			*reason = "invalid number or range";
			return ERR_PTR(-EINVAL);
		}
	}

	/* The line is valid: only now may it create groups it names. */
	err = warden_cond_compile(line, exception, &cond, reason);
	if (err)
		return ERR_PTR(err);
	acl = kzalloc(struct_size(acl, text, text), GFP_KERNEL_ACCOUNT);
	if (!acl) {
		warden_cond_free(cond);
		return ERR_PTR(-ENOMEM);
	}
	*acl = parsed;
	refcount_set(&acl->usage, 1);
	acl->cond = cond;
	p = acl->text;
	for (i = 0; i < nr_paths; i++) {
		size_t len = strlen(words[1 + i]) + 1;

		memcpy(p, words[1 + i], len);
		acl->word[i] = p;
		if (warden_word_has_wildcard(p))
			acl->patterned |= BIT(i);
		p += len;
	}
	for (i = 0; i < warden_acl_kinds[acl->kind].nr_numbers; i++) {
		const char *group = words[1 + nr_paths + i];
		size_t len = strlen(group) + 1;

		if (group[0] != '@')
			continue;
		memcpy(p, group, len);
		acl->word[nr_paths + i] = p;
		p += len;
	}
	if (transit) {
		memcpy(p, transit, strlen(transit) + 1);
		acl->transit = p;
	}
	if (warden_acl_resolve(acl, exception)) {
		warden_acl_free(acl);
		return ERR_PTR(-ENOMEM);
	}
	if (acl->word[0][0] == '@')
		acl->key = warden_acl_key("@", 1);
	else
		acl->key = warden_acl_key(acl->word[0], acl->patterned & BIT(0) ?
					  warden_pattern_dir_prefix(acl->word[0]) :
					  strlen(acl->word[0]));
	return acl;
}

/**
 * warden_acl_write - add or delete a "file" line
 * @set: the domain's entries; the caller holds warden_policy_lock.
 * @exception: the exception policy of the domain's namespace, which
 *             "@group" words name groups of; %NULL leaves them
 *             unresolved, so that they match nothing.
 * @line: the line after "file ", parsed in place.
 * @is_delete: remove the line's operations instead of adding them.
 * @reason: receives why the line was refused.
 *
 * A group the line names that @exception lacks is created empty; a
 * refused line leaves no group behind.
 *
 * Return: 0; -EINVAL for a malformed line; -ENOENT when deleting what is
 * not there; -ENOMEM when memory or the policy quota runs out.
 */
int warden_acl_write(struct warden_acl_set *set,
		     struct warden_exception_policy *exception, char *line,
		     bool is_delete, const char **reason)
{
	struct warden_acl *acl, *found;
	struct warden_group_mark mark;
	size_t size;
	int err;

	*reason = NULL;
	if (exception)
		warden_group_mark(&exception->groups, &mark);
	acl = warden_acl_parse(line, exception, reason);
	if (IS_ERR(acl)) {
		err = PTR_ERR(acl);
		goto out_rollback;
	}
	/* The writer lock keeps entries alive; RCU is what the index wants. */
	rcu_read_lock();
	found = warden_acl_find(set, acl);
	rcu_read_unlock();
	if (is_delete) {
		err = 0;
		if (!found || !(found->perm & acl->perm)) {
			*reason = "no such entry to delete";
			err = -ENOENT;
		} else if (found->perm & ~acl->perm) {
			WRITE_ONCE(found->perm, found->perm & ~acl->perm);
		} else {
			rhltable_remove(&set->index, &found->node,
					warden_acl_index_params);
			list_del_rcu(&found->list);
			warden_acl_release(set, found);
		}
		warden_acl_free(acl);
		goto out_rollback;
	}
	if (found) {
		WRITE_ONCE(found->perm, found->perm | acl->perm);
		warden_acl_free(acl);
		return 0;
	}
	size = warden_acl_size(acl);
	err = -ENOMEM;
	if (!warden_memory_charge(WARDEN_MEMORY_POLICY, size)) {
		warden_acl_free(acl);
		goto out_rollback;
	}
	if (rhltable_insert(&set->index, &acl->node, warden_acl_index_params)) {
		warden_memory_uncharge(WARDEN_MEMORY_POLICY, size);
		warden_acl_free(acl);
		goto out_rollback;
	}
	list_add_tail_rcu(&acl->list, &set->entries);
	set->count++;
	if (warden_cond_needs_exec_args(acl->cond))
		WRITE_ONCE(set->exec_args, set->exec_args + 1);
	return 0;

out_rollback:
	/* Groups exist only for lines that hold them. */
	if (err && exception)
		warden_group_rollback(&exception->groups, &mark);
	return err;
}

/**
 * warden_acl_show_prefixed - print file entries, each after a prefix
 * @m: the seq_file.
 * @set: the entries; the caller holds warden_policy_lock.
 * @prefix: printed before each "file" line, e.g. "acl_group 0 ".
 * @execute_only: print only the execute permissions, which decide
 *                domain transitions.
 */
void warden_acl_show_prefixed(struct seq_file *m,
			      const struct warden_acl_set *set,
			      const char *prefix, bool execute_only)
{
	const struct warden_acl *acl;

	list_for_each_entry(acl, &set->entries, list) {
		const unsigned int nr_words = warden_acl_kinds[acl->kind].nr_words;
		const char *sep = "file ";
		unsigned int op, i;
		u16 perm = READ_ONCE(acl->perm);
		char number[WARDEN_NUMBER_TEXT_MAX];

		if (execute_only) {
			if (acl->kind != WARDEN_ACL_PATH ||
			    !(perm & BIT(WARDEN_PATH_EXECUTE)))
				continue;
			perm = BIT(WARDEN_PATH_EXECUTE);
		}
		seq_puts(m, prefix);
		for (op = 0; op < warden_acl_kinds[acl->kind].nr_ops; op++) {
			if (!(perm & BIT(op)))
				continue;
			seq_printf(m, "%s%s", sep,
				   warden_acl_kinds[acl->kind].op_names[op]);
			sep = "/";
		}
		for (i = 0; i < nr_words; i++)
			seq_printf(m, " %s", acl->word[i]);
		for (i = 0; i < warden_acl_kinds[acl->kind].nr_numbers; i++) {
			const char *group = acl->word[nr_words + i];

			if (group) {
				seq_printf(m, " %s", group);
				continue;
			}
			warden_number_print(number, sizeof(number),
					    &acl->number[i]);
			seq_printf(m, " %s", number);
		}
		if (acl->transit)
			seq_printf(m, " %s", acl->transit);
		warden_cond_show(m, acl->cond);
		seq_putc(m, '\n');
	}
}

/**
 * warden_acl_show - print a domain's file entries, one line each
 * @m: the seq_file.
 * @set: the entries; the caller holds warden_policy_lock.
 */
void warden_acl_show(struct seq_file *m, const struct warden_acl_set *set)
{
	warden_acl_show_prefixed(m, set, "", false);
}

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

/* Whether @acl's arguments after its first word cover those of @req. */
static bool warden_acl_args_match(const struct warden_acl *acl,
				  const struct warden_request *req)
{
	const unsigned int nr_words = warden_acl_kinds[acl->kind].nr_words;
	unsigned int i;

	for (i = 1; i < nr_words; i++)
		if (!warden_acl_word_matches(acl, i, req->word[i]))
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
	struct warden_acl *acl;

	list = rhltable_lookup(&set->index, &key, warden_acl_index_params);
	rhl_for_each_entry_rcu(acl, pos, list, node) {
		if (acl->kind != req->kind ||
		    !(READ_ONCE(acl->perm) & BIT(req->op)) ||
		    !warden_acl_word_matches(acl, 0, req->word[0]) ||
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
 * Looks up the exact first pathname, then the patterns filed under each
 * of its directory prefixes: a handful of hash lookups, whatever the size
 * of the domain's policy.
 *
 * Return: true if an entry grants @req.
 */
bool warden_acl_allows(struct warden_acl_set *set, struct warden_request *req)
{
	const char *name = req->word[0];
	size_t len = strlen(name), i;

	req->matched = NULL;
	req->transit = NULL;
	req->entry = NULL;
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

/* How a learned number is written, by kind and position. */
static u8 warden_acl_number_base(const struct warden_request *req,
				 unsigned int i)
{
	if (req->kind == WARDEN_ACL_MOUNT)
		return 16;
	if (req->kind == WARDEN_ACL_MKDEV)
		return i ? 10 : 8;
	if (!strcmp(warden_path_number_op_names[req->op], "ioctl"))
		return 16;
	if (!strcmp(warden_path_number_op_names[req->op], "chown") ||
	    !strcmp(warden_path_number_op_names[req->op], "chgrp"))
		return 10;
	return 8;
}

/**
 * warden_acl_format - the "file" line that would grant a request
 * @buf: receives the line, without its "file " keyword.
 * @size: the size of @buf.
 * @req: the request.
 *
 * This is the line learning mode adds: the request's own pathnames and
 * numbers, numbers in the base TOMOYO prints them in.
 *
 * Return: 0, or -ENAMETOOLONG when @buf is too small.
 */
int warden_acl_format(char *buf, size_t size, const struct warden_request *req)
{
	const typeof(warden_acl_kinds[0]) *kind = &warden_acl_kinds[req->kind];
	size_t len;
	unsigned int i;

	len = scnprintf(buf, size, "%s", kind->op_names[req->op]);
	for (i = 0; i < kind->nr_words; i++)
		len += scnprintf(buf + len, size - len, " %s", req->word[i]);
	for (i = 0; i < kind->nr_numbers; i++) {
		struct warden_number number = {
			.min = req->number[i],
			.max = req->number[i],
		};

		number.min_base = warden_acl_number_base(req, i);
		number.max_base = number.min_base;
		len += scnprintf(buf + len, size - len, " ");
		warden_number_print(buf + len, size - len, &number);
		len += strlen(buf + len);
	}
	return len + 1 >= size ? -ENAMETOOLONG : 0;
}

#ifdef CONFIG_SECURITY_WARDEN_KUNIT_TEST

#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/ktime.h>
#include <linux/vmalloc.h>

#include "exception.h"
#include "policy.h"

static struct warden_acl_set *warden_test_acl_set(struct kunit *test)
{
	struct warden_acl_set *set = kunit_kzalloc(test, sizeof(*set),
						   GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, set);
	KUNIT_ASSERT_EQ(test, warden_acl_set_init(set), 0);
	return set;
}

/* Write a line whose "@group" words name groups of @e, or none. */
static int warden_test_acl_write_in(struct warden_acl_set *set,
				    struct warden_exception_policy *e,
				    const char *text, bool is_delete)
{
	const char *reason;
	char *line = kstrdup(text, GFP_KERNEL);
	int err;

	if (!line)
		return -ENOMEM;
	mutex_lock(&warden_policy_lock);
	err = warden_acl_write(set, e, line, is_delete, &reason);
	warden_policy_unlock();
	kfree(line);
	return err;
}

static int warden_test_acl_write(struct warden_acl_set *set, const char *text,
				 bool is_delete)
{
	return warden_test_acl_write_in(set, NULL, text, is_delete);
}

static char *warden_test_acl_dump(struct kunit *test,
				  const struct warden_acl_set *set)
{
	struct seq_file m = {};

	m.size = 16384;
	m.buf = kunit_kzalloc(test, m.size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m.buf);
	warden_acl_show(&m, set);
	KUNIT_ASSERT_FALSE(test, seq_has_overflowed(&m));
	return m.buf;
}

struct warden_acl_case {
	const char *line;	/* after "file " */
	const char *printed;	/* the whole canonical line */
};

static const struct warden_acl_case warden_acl_valid[] = {
	{ "execute /bin/cat", "file execute /bin/cat\n" },
	{ "read /etc/passwd", "file read /etc/passwd\n" },
	{ "write /dev/null", "file write /dev/null\n" },
	{ "append /var/log/messages", "file append /var/log/messages\n" },
	{ "unlink /tmp/x", "file unlink /tmp/x\n" },
	{ "getattr /", "file getattr /\n" },
	{ "rmdir /tmp/d/", "file rmdir /tmp/d/\n" },
	{ "truncate /tmp/x", "file truncate /tmp/x\n" },
	{ "symlink /tmp/link", "file symlink /tmp/link\n" },
	{ "chroot /srv/jail/", "file chroot /srv/jail/\n" },
	{ "unmount /mnt/", "file unmount /mnt/\n" },
	{ "read/write /dev/console", "file read/write /dev/console\n" },
	{ "write/read /dev/tty", "file read/write /dev/tty\n" },
	{ "read/write/append /tmp/log", "file read/write/append /tmp/log\n" },
	{ "execute/read/getattr /bin/sh", "file execute/read/getattr /bin/sh\n" },
	{ "read/read /etc/hosts", "file read /etc/hosts\n" },
	{ "read /usr/share/zoneinfo/\\{\\*\\}/\\*",
	  "file read /usr/share/zoneinfo/\\{\\*\\}/\\*\n" },
	{ "read /proc/\\$/status", "file read /proc/\\$/status\n" },
	{ "read /tmp/\\*\\-\\*.tmp", "file read /tmp/\\*\\-\\*.tmp\n" },
	{ "read /home/\\*/", "file read /home/\\*/\n" },
	{ "read /data/my\\040file", "file read /data/my\\040file\n" },
	{ "read /data/back\\\\slash", "file read /data/back\\\\slash\n" },
	{ "read pipe:[\\$]", "file read pipe:[\\$]\n" },
	{ "read proc:/self/fd/\\$", "file read proc:/self/fd/\\$\n" },
	{ "create /tmp/x 0600", "file create /tmp/x 0600\n" },
	{ "read @group", "file read @group\n" },
	{ "execute /bin/sh keep", "file execute /bin/sh keep\n" },
	{ "execute /bin/sh parent", "file execute /bin/sh parent\n" },
	{ "execute /bin/sh /bin/bash", "file execute /bin/sh /bin/bash\n" },
	{ "execute /bin/sh <kernel> /usr/sbin/sshd task.uid=0",
	  "file execute /bin/sh <kernel> /usr/sbin/sshd task.uid=0\n" },
	{ "execute /bin/sh <kernel>", "file execute /bin/sh <kernel>\n" },
	{ "create /tmp/x @numbers", "file create /tmp/x @numbers\n" },
	{ "rename @A @B", "file rename @A @B\n" },
	{ "mkchar @DEVS 0600 @MAJ 3", "file mkchar @DEVS 0600 @MAJ 3\n" },
	{ "create /var/lib/pgsql/data/postmaster.pid 0600",
	  "file create /var/lib/pgsql/data/postmaster.pid 0600\n" },
	{ "mkdir /var/lib/pgsql/data/pg_log/ 0700",
	  "file mkdir /var/lib/pgsql/data/pg_log/ 0700\n" },
	{ "mkfifo /tmp/fifo 0644", "file mkfifo /tmp/fifo 0644\n" },
	{ "mksock /tmp/.s.PGSQL.5432 0700", "file mksock /tmp/.s.PGSQL.5432 0700\n" },
	{ "ioctl /dev/tty 0x5401", "file ioctl /dev/tty 0x5401\n" },
	{ "ioctl /dev/tty 0x5401-0x5402", "file ioctl /dev/tty 0x5401-0x5402\n" },
	{ "ioctl /dev/tty 0xabcd", "file ioctl /dev/tty 0xABCD\n" },
	{ "chmod /tmp/.s.PGSQL.5432 0777", "file chmod /tmp/.s.PGSQL.5432 0777\n" },
	{ "chown /tmp/x 0", "file chown /tmp/x 0\n" },
	{ "chown /tmp/x 1000-1999", "file chown /tmp/x 1000-1999\n" },
	{ "chgrp /tmp/x 100", "file chgrp /tmp/x 100\n" },
	{ "create/mkdir /tmp/\\* 0-0777", "file create/mkdir /tmp/\\* 0-0777\n" },
	{ "chmod /tmp/x 00", "file chmod /tmp/x 00\n" },
	{ "chown /tmp/x 5-5", "file chown /tmp/x 5\n" },
	{ "chown /tmp/x 8-010", "file chown /tmp/x 8-010\n" },
	{ "mkblock /dev/sda 0660 8 0", "file mkblock /dev/sda 0660 8 0\n" },
	{ "mkchar /dev/null 0666 1 3", "file mkchar /dev/null 0666 1 3\n" },
	{ "mkchar /dev/tty\\$ 0620 4 0-63", "file mkchar /dev/tty\\$ 0620 4 0-63\n" },
	{ "mkblock/mkchar /dev/x 0600 1 1", "file mkblock/mkchar /dev/x 0600 1 1\n" },
	{ "link /tmp/a /tmp/b", "file link /tmp/a /tmp/b\n" },
	{ "rename /var/lib/pg/pgstat.tmp /var/lib/pg/pgstat.stat",
	  "file rename /var/lib/pg/pgstat.tmp /var/lib/pg/pgstat.stat\n" },
	{ "rename /var/lib/pg/pg_auth.\\$ /var/lib/pg/pg_auth",
	  "file rename /var/lib/pg/pg_auth.\\$ /var/lib/pg/pg_auth\n" },
	{ "pivot_root /newroot/ /newroot/old/", "file pivot_root /newroot/ /newroot/old/\n" },
	{ "link/rename /a /b", "file link/rename /a /b\n" },
	{ "mount none /proc/ proc 0", "file mount none /proc/ proc 0\n" },
	{ "mount /dev/sda1 /mnt/ ext4 0x1-0x10", "file mount /dev/sda1 /mnt/ ext4 0x1-0x10\n" },
	{ "mount /tmp/ /mnt/\\* --bind 4096", "file mount /tmp/ /mnt/\\* --bind 4096\n" },
	{ "unlink /var/lib/pgsql/data/base/\\$/pg_internal.init",
	  "file unlink /var/lib/pgsql/data/base/\\$/pg_internal.init\n" },
	{ "append /var/lib/pgsql/data/pg_log/postgresql-\\*.log",
	  "file append /var/lib/pgsql/data/pg_log/postgresql-\\*.log\n" },
	{ "read /\\{\\*\\}/\\*.so", "file read /\\{\\*\\}/\\*.so\n" },
	{ "read /dev/pts/\\$", "file read /dev/pts/\\$\n" },
	{ "read /x/\\X/\\x\\a\\A\\+\\?\\@", "file read /x/\\X/\\x\\a\\A\\+\\?\\@\n" },
	{ "unmount/chroot/symlink/truncate/rmdir/getattr/unlink /z",
	  "file unlink/getattr/rmdir/truncate/symlink/chroot/unmount /z\n" },
	{ "append/write/read/execute /z", "file execute/read/write/append /z\n" },
	{ "create/mkdir/mkfifo/mksock/ioctl/chmod/chown/chgrp /z 1",
	  "file create/mkdir/mkfifo/mksock/ioctl/chmod/chown/chgrp /z 1\n" },
	{ "ioctl /dev/x 18446744073709551615", "file ioctl /dev/x 18446744073709551615\n" },
	{ "execute /bin/cat exec.argv[1]=\"/etc/passwd\"",
	  "file execute /bin/cat exec.argv[1]=\"/etc/passwd\"\n" },
	{ "read /etc/shadow task.uid=0 grant_log=no",
	  "file read /etc/shadow task.uid=0 grant_log=no\n" },
	{ "create /tmp/\\* 0600 task.euid=1000-1999",
	  "file create /tmp/\\* 0600 task.euid=1000-1999\n" },
	{ "rename /a /b path1.type=file", "file rename /a /b path1.type=file\n" },
};

/**
 * warden_test_acl_corpus - a valid "file" line of the KUnit table, for the fuzzer
 * @i: the index of the line.
 *
 * Return: the line without its "file " keyword, or %NULL past the end of the table.
 */
const char *warden_test_acl_corpus(size_t i)
{
	return i < ARRAY_SIZE(warden_acl_valid) ? warden_acl_valid[i].line : NULL;
}

static void warden_acl_case_desc(const struct warden_acl_case *c, char *desc)
{
	strscpy(desc, c->line, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(warden_acl_valid, warden_acl_valid, warden_acl_case_desc);

static void test_valid_file_line_prints_canonically(struct kunit *test)
{
	const struct warden_acl_case *c = test->param_value;
	struct warden_acl_set *set = warden_test_acl_set(test);
	char *again;

	KUNIT_ASSERT_EQ(test, warden_test_acl_write(set, c->line, false), 0);
	KUNIT_EXPECT_STREQ(test, warden_test_acl_dump(test, set), c->printed);
	/* The printed line, read back, is the same entry: nothing is added. */
	again = kunit_kstrdup(test, c->printed + strlen("file "), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, again);
	again[strlen(again) - 1] = '\0';
	KUNIT_EXPECT_EQ(test, warden_test_acl_write(set, again, false), 0);
	KUNIT_EXPECT_STREQ(test, warden_test_acl_dump(test, set), c->printed);
	KUNIT_EXPECT_EQ(test, set->count, 1);
	warden_acl_set_destroy(set);
}

static const char *const warden_acl_invalid[] = {
	"",
	"read",
	"read ",
	"reed /etc/passwd",
	"Read /etc/passwd",
	"read/ /etc/passwd",
	"/read /etc/passwd",
	"read//write /etc/passwd",
	"read/create /etc/passwd",
	"read/link /a /b",
	"execute/mount /a",
	"read /etc/passwd extra",
	"read /etc/passwd task.uid",
	"read /etc/\\q",
	"read /etc/\\",
	"read /etc/\\101",
	"read /etc/\\{x",
	"read /etc/\\}/x",
	"read @",
	"read /bin/sh keep",
	"execute/read /bin/sh keep",
	"execute /bin/sh <kernel",
	"execute /bin/sh <kernel> bin/sh",
	"execute /bin/sh sideways",
	"read @bad\\*",
	"create /tmp/x @",
	"create /tmp/x",
	"create /tmp/x 0600 extra",
	"create /tmp/x 08",
	"create /tmp/x 0x",
	"create /tmp/x 0x0x1",
	"create /tmp/x -1",
	"create /tmp/x +1",
	"create /tmp/x 1-",
	"create /tmp/x 2-1",
	"create /tmp/x 1-2-3",
	"create /tmp/x 18446744073709551616",
	"create /tmp/x abc",
	"create /tmp/x 1 2",
	"mkdir /tmp/d/",
	"ioctl /dev/tty 0x54g1",
	"mkblock /dev/sda 0660 8",
	"mkblock /dev/sda 0660 8 0 1",
	"mkchar /dev/null 0666 x 3",
	"link /tmp/a",
	"link /tmp/a /tmp/b /tmp/c",
	"rename /tmp/a /tmp/\\q",
	"pivot_root /a",
	"mount none /proc/ proc",
	"mount none /proc/ proc zero",
	"mount none /proc/ proc 0 0",
	"mount",
	"unmount",
	"read /a\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*",
	"execute",
	"chown /tmp/x 1--2",
};

static void warden_acl_invalid_desc(const char *const *line, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "\"%s\"", *line);
}

KUNIT_ARRAY_PARAM(warden_acl_invalid, warden_acl_invalid,
		  warden_acl_invalid_desc);

static void test_invalid_file_line_changes_nothing(struct kunit *test)
{
	const char *const *line = test->param_value;
	struct warden_acl_set *set = warden_test_acl_set(test);
	const char *before;

	KUNIT_ASSERT_EQ(test, warden_test_acl_write(set, "read /etc/passwd",
						    false), 0);
	before = warden_test_acl_dump(test, set);
	KUNIT_EXPECT_EQ(test, warden_test_acl_write(set, *line, false), -EINVAL);
	KUNIT_EXPECT_EQ(test, warden_test_acl_write(set, *line, true), -EINVAL);
	KUNIT_EXPECT_STREQ(test, warden_test_acl_dump(test, set), before);
	KUNIT_EXPECT_EQ(test, set->count, 1);
	warden_acl_set_destroy(set);
}

static void test_operations_merge_and_delete_separately(struct kunit *test)
{
	struct warden_acl_set *set = warden_test_acl_set(test);

	KUNIT_ASSERT_EQ(test, warden_test_acl_write(set, "read /a", false), 0);
	KUNIT_ASSERT_EQ(test, warden_test_acl_write(set, "write /a", false), 0);
	KUNIT_ASSERT_EQ(test, warden_test_acl_write(set, "read /b", false), 0);
	KUNIT_EXPECT_STREQ(test, warden_test_acl_dump(test, set),
			   "file read/write /a\nfile read /b\n");
	KUNIT_EXPECT_EQ(test, set->count, 2);
	KUNIT_EXPECT_EQ(test, warden_test_acl_write(set, "read /a", true), 0);
	KUNIT_EXPECT_STREQ(test, warden_test_acl_dump(test, set),
			   "file write /a\nfile read /b\n");
	KUNIT_EXPECT_EQ(test, warden_test_acl_write(set, "read /a", true),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, warden_test_acl_write(set, "write /a", true), 0);
	KUNIT_EXPECT_EQ(test, warden_test_acl_write(set, "read /c", true),
			-ENOENT);
	KUNIT_EXPECT_STREQ(test, warden_test_acl_dump(test, set),
			   "file read /b\n");
	KUNIT_EXPECT_EQ(test, set->count, 1);
	warden_acl_set_destroy(set);
}

static void test_lookup_finds_exact_and_pattern_entries(struct kunit *test)
{
	static const struct {
		enum warden_path_op op;
		const char *path;
		bool allowed;
	} cases[] = {
		{ WARDEN_PATH_READ, "/etc/passwd", true },
		{ WARDEN_PATH_WRITE, "/etc/passwd", false },
		{ WARDEN_PATH_READ, "/etc/passwd2", false },
		{ WARDEN_PATH_READ, "/etc/shadow", false },
		{ WARDEN_PATH_READ, "/usr/share/zoneinfo/posix/Pacific/Pohnpei", true },
		{ WARDEN_PATH_READ, "/usr/share/zoneinfo/MST7MDT", false },
		{ WARDEN_PATH_READ, "/usr/share/zoneinfo/", false },
		{ WARDEN_PATH_EXECUTE, "/usr/share/zoneinfo/a/b", false },
		{ WARDEN_PATH_READ, "/proc/123/status", true },
		{ WARDEN_PATH_READ, "/proc/self/status", false },
		{ WARDEN_PATH_APPEND, "/var/log/pg-Thu.log", true },
		{ WARDEN_PATH_APPEND, "/var/log/pg-Thu.txt", false },
		{ WARDEN_PATH_READ, "pipe:[4026]", true },
		{ WARDEN_PATH_READ, "pipe:[x]", false },
		{ WARDEN_PATH_READ, "/lib/x86_64/libc.so", true },
		{ WARDEN_PATH_READ, "/libc.so", false },
	};
	static const char *const lines[] = {
		"read /etc/passwd",
		"read /usr/share/zoneinfo/\\{\\*\\}/\\*",
		"read /proc/\\$/status",
		"append /var/log/pg-\\*.log",
		"read pipe:[\\$]",
		"read /\\{\\*\\}/\\*.so",
	};
	struct warden_acl_set *set = warden_test_acl_set(test);
	size_t i;

	for (i = 0; i < ARRAY_SIZE(lines); i++)
		KUNIT_ASSERT_EQ(test, warden_test_acl_write(set, lines[i], false),
				0);
	rcu_read_lock();
	for (i = 0; i < ARRAY_SIZE(cases); i++)
		KUNIT_EXPECT_EQ_MSG(test,
				    warden_acl_path_allowed(set, cases[i].op,
							    cases[i].path),
				    cases[i].allowed, "%s", cases[i].path);
	rcu_read_unlock();
	warden_acl_set_destroy(set);
}

/* Mean nanoseconds of a lookup that finds the last-added of @n entries. */
static u64 warden_bench_lookups(struct kunit *test, unsigned int n,
				bool patterns)
{
	struct warden_acl_set *set = warden_test_acl_set(test);
	char line[64], path[64];
	const unsigned int rounds = 20000;
	unsigned int i;
	u64 start, ns;
	bool ok = true;

	for (i = 0; i < n; i++) {
		if (patterns)
			snprintf(line, sizeof(line), "read /data/d%u/f\\$", i);
		else
			snprintf(line, sizeof(line), "read /data/f%u", i);
		KUNIT_ASSERT_EQ(test, warden_test_acl_write(set, line, false), 0);
	}
	/*
	 * Let the index finish growing, as it will have long before a real
	 * policy is used; mid-resize lookups walk two tables.
	 */
	msleep(100);
	if (patterns)
		snprintf(path, sizeof(path), "/data/d%u/f42", n - 1);
	else
		snprintf(path, sizeof(path), "/data/f%u", n - 1);
	rcu_read_lock();
	start = ktime_get_ns();
	for (i = 0; i < rounds; i++)
		ok &= warden_acl_path_allowed(set, WARDEN_PATH_READ, path);
	ns = ktime_get_ns() - start;
	rcu_read_unlock();
	KUNIT_EXPECT_TRUE(test, ok);
	warden_acl_set_destroy(set);
	return div_u64(ns, rounds);
}

/*
 * Not a pass/fail test of speed: it prints the cost of a lookup as the
 * domain grows, for the benchmark figures.
 */
static void test_lookup_cost_by_policy_size(struct kunit *test)
{
	static const unsigned int exact[] = { 10, 1000, 100000 };
	static const unsigned int patterns[] = { 10, 1000 };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(exact); i++)
		kunit_info(test, "lookup, %u exact entries: %llu ns\n",
			   exact[i], warden_bench_lookups(test, exact[i], false));
	for (i = 0; i < ARRAY_SIZE(patterns); i++)
		kunit_info(test, "lookup, %u pattern entries: %llu ns\n",
			   patterns[i],
			   warden_bench_lookups(test, patterns[i], true));
}

/* Requests with arguments: numbers in ranges, second pathnames, mount. */
static const struct warden_request_case {
	struct warden_request req;
	bool allowed;
	const char *learned;
} warden_request_cases[] = {
	{ { WARDEN_ACL_PATH_NUMBER, 0, { "/tmp/a" }, { 0644 } }, true,
	  "create /tmp/a 0644" },
	{ { WARDEN_ACL_PATH_NUMBER, 0, { "/tmp/a" }, { 0600 } }, false,
	  "create /tmp/a 0600" },
	{ { WARDEN_ACL_PATH_NUMBER, 5, { "/tmp/a" }, { 0600 } }, true,
	  "chmod /tmp/a 0600" },
	{ { WARDEN_ACL_PATH_NUMBER, 5, { "/tmp/a" }, { 01000 } }, false,
	  "chmod /tmp/a 01000" },
	{ { WARDEN_ACL_PATH_NUMBER, 4, { "/dev/tty" }, { 0x5401 } }, true,
	  "ioctl /dev/tty 0x5401" },
	{ { WARDEN_ACL_PATH_NUMBER, 6, { "/tmp/a" }, { 1000 } }, true,
	  "chown /tmp/a 1000" },
	{ { WARDEN_ACL_PATH_NUMBER, 7, { "/tmp/a" }, { 1000 } }, false,
	  "chgrp /tmp/a 1000" },
	{ { WARDEN_ACL_MKDEV, 1, { "/dev/null2" }, { 0666, 1, 3 } }, true,
	  "mkchar /dev/null2 0666 1 3" },
	{ { WARDEN_ACL_MKDEV, 1, { "/dev/null2" }, { 0666, 1, 4 } }, false,
	  "mkchar /dev/null2 0666 1 4" },
	{ { WARDEN_ACL_PATH2, 1, { "/tmp/a", "/tmp/b" } }, true,
	  "rename /tmp/a /tmp/b" },
	{ { WARDEN_ACL_PATH2, 1, { "/tmp/a", "/etc/passwd" } }, false,
	  "rename /tmp/a /etc/passwd" },
	{ { WARDEN_ACL_PATH2, 0, { "/tmp/a", "/tmp/x.bak" } }, true,
	  "link /tmp/a /tmp/x.bak" },
	{ { WARDEN_ACL_MOUNT, 0, { "none", "/mnt/", "tmpfs" }, { 0 } }, true,
	  "mount none /mnt/ tmpfs 0x0" },
	{ { WARDEN_ACL_MOUNT, 0, { "none", "/mnt/", "proc" }, { 0 } }, false,
	  "mount none /mnt/ proc 0x0" },
	{ { WARDEN_ACL_MOUNT, 0, { "/tmp/", "/mnt/", "--bind" }, { 0 } }, false,
	  "mount /tmp/ /mnt/ --bind 0x0" },
};

static void warden_request_case_desc(const struct warden_request_case *c,
				     char *desc)
{
	strscpy(desc, c->learned, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(warden_request, warden_request_cases,
		  warden_request_case_desc);

static void test_request_arguments_and_learned_line(struct kunit *test)
{
	static const char *const lines[] = {
		"create /tmp/\\* 0640-0644",
		"chmod /tmp/a 0-0777",
		"ioctl /dev/tty 0x5400-0x54FF",
		"chown /tmp/a 1000",
		"mkchar /dev/null2 0666 1 3",
		"rename /tmp/a /tmp/\\*",
		"link /tmp/a /tmp/\\*.bak",
		"mount none /mnt/ tmpfs 0",
	};
	const struct warden_request_case *c = test->param_value;
	struct warden_acl_set *set = warden_test_acl_set(test);
	struct warden_request req = c->req;
	char learned[128];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(lines); i++)
		KUNIT_ASSERT_EQ(test, warden_test_acl_write(set, lines[i], false),
				0);
	rcu_read_lock();
	KUNIT_EXPECT_EQ(test, warden_acl_allows(set, &req), c->allowed);
	rcu_read_unlock();
	KUNIT_ASSERT_EQ(test, warden_acl_format(learned, sizeof(learned), &req),
			0);
	KUNIT_EXPECT_STREQ(test, learned, c->learned);
	/* The learned line grants the request it was learned from. */
	KUNIT_ASSERT_EQ(test, warden_test_acl_write(set, learned, false), 0);
	rcu_read_lock();
	KUNIT_EXPECT_TRUE(test, warden_acl_allows(set, &req));
	rcu_read_unlock();
	warden_acl_set_destroy(set);
}

static void test_format_refuses_short_buffer(struct kunit *test)
{
	struct warden_request req = {
		.kind = WARDEN_ACL_PATH, .op = WARDEN_PATH_READ,
		.word = { "/a/rather/long/pathname" },
	};
	char buf[16];

	KUNIT_EXPECT_EQ(test, warden_acl_format(buf, sizeof(buf), &req),
			-ENAMETOOLONG);
}

static void test_group_words_in_file_lines(struct kunit *test)
{
	static const char *const exception_lines[] = {
		"path_group WEB /var/www/\\*",
		"path_group WEB /srv/\\{\\*\\}/\\*.html",
		"number_group MODES 0600",
		"number_group MODES 0640-0644",
	};
	struct warden_acl_set *set = warden_test_acl_set(test);
	struct warden_acl_set *other = warden_test_acl_set(test);
	struct warden_request req = { .kind = WARDEN_ACL_PATH };
	struct warden_exception_policy e, empty;

	warden_test_exception_load(test, &e, exception_lines,
				   ARRAY_SIZE(exception_lines));
	warden_exception_init(&empty);
	KUNIT_ASSERT_EQ(test, warden_test_acl_write_in(set, &e, "read @WEB",
						       false), 0);
	KUNIT_ASSERT_EQ(test, warden_test_acl_write_in(set, &e,
						       "chmod /tmp/\\* @MODES",
						       false), 0);
	KUNIT_ASSERT_EQ(test, warden_test_acl_write_in(other, &empty,
						       "chmod /tmp/\\* @MODES",
						       false), 0);
	KUNIT_EXPECT_STREQ(test, warden_test_acl_dump(test, set),
			   "file read @WEB\nfile chmod /tmp/\\* @MODES\n");
	rcu_read_lock();
	req.op = WARDEN_PATH_READ;
	req.word[0] = "/var/www/index.html";
	KUNIT_EXPECT_TRUE(test, warden_acl_allows(set, &req));
	KUNIT_EXPECT_STREQ(test, req.matched, "@WEB");
	req.word[0] = "/srv/a/b/page.html";
	KUNIT_EXPECT_TRUE(test, warden_acl_allows(set, &req));
	req.word[0] = "/etc/passwd";
	KUNIT_EXPECT_FALSE(test, warden_acl_allows(set, &req));
	req.op = WARDEN_PATH_WRITE;
	req.word[0] = "/var/www/index.html";
	KUNIT_EXPECT_FALSE(test, warden_acl_allows(set, &req));
	req.kind = WARDEN_ACL_PATH_NUMBER;
	req.op = 5;
	req.word[0] = "/tmp/f";
	req.number[0] = 0642;
	KUNIT_EXPECT_TRUE(test, warden_acl_allows(set, &req));
	req.number[0] = 0666;
	KUNIT_EXPECT_FALSE(test, warden_acl_allows(set, &req));
	/* In an exception policy without the group, it has no members. */
	req.number[0] = 0600;
	KUNIT_EXPECT_FALSE(test, warden_acl_allows(other, &req));
	rcu_read_unlock();
	warden_acl_set_destroy(set);
	warden_acl_set_destroy(other);
	mutex_lock(&warden_policy_lock);
	warden_exception_clear(&e);
	warden_exception_clear(&empty);
	warden_policy_unlock();
}

static struct kunit_case warden_acl_test_cases[] = {
	KUNIT_CASE_PARAM(test_valid_file_line_prints_canonically,
			 warden_acl_valid_gen_params),
	KUNIT_CASE_PARAM(test_invalid_file_line_changes_nothing,
			 warden_acl_invalid_gen_params),
	KUNIT_CASE(test_operations_merge_and_delete_separately),
	KUNIT_CASE(test_lookup_finds_exact_and_pattern_entries),
	KUNIT_CASE_PARAM(test_request_arguments_and_learned_line,
			 warden_request_gen_params),
	KUNIT_CASE(test_format_refuses_short_buffer),
	KUNIT_CASE(test_group_words_in_file_lines),
	KUNIT_CASE_SLOW(test_lookup_cost_by_policy_size),
	{}
};

static struct kunit_suite warden_acl_test_suite = {
	.name = "warden_acl",
	.test_cases = warden_acl_test_cases,
};

kunit_test_suite(warden_acl_test_suite);

#endif /* CONFIG_SECURITY_WARDEN_KUNIT_TEST */
