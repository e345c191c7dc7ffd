/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - file ACL entries of a domain.
 *
 * An entry is one "file ..." line of domain policy: a set of operations of
 * one kind and their arguments.  Entries are indexed by their first
 * pathname so that a permission check only looks at candidates.
 */

#ifndef _SECURITY_WARDEN_ACL_H
#define _SECURITY_WARDEN_ACL_H

#include <linux/list.h>
#include <linux/rcupdate.h>
#include <linux/refcount.h>
#include <linux/seq_file.h>
#include <linux/types.h>

#include "index.h"
#include "value.h"

struct warden_cond;
struct warden_cond_ctx;
struct warden_exception_policy;
struct warden_group;

/**
 * enum warden_acl_kind - the shapes of a "file" line
 * @WARDEN_ACL_PATH: "file <op> <path>".
 * @WARDEN_ACL_PATH_NUMBER: "file <op> <path> <number>".
 * @WARDEN_ACL_MKDEV: "file <op> <path> <mode> <major> <minor>".
 * @WARDEN_ACL_PATH2: "file <op> <path1> <path2>".
 * @WARDEN_ACL_MOUNT: "file mount <device> <dir> <fstype> <flags>".
 * @WARDEN_NR_ACL_KINDS: number of kinds.
 */
enum warden_acl_kind {
	WARDEN_ACL_PATH,
	WARDEN_ACL_PATH_NUMBER,
	WARDEN_ACL_MKDEV,
	WARDEN_ACL_PATH2,
	WARDEN_ACL_MOUNT,
	WARDEN_NR_ACL_KINDS,
};

/* Operations of WARDEN_ACL_PATH, as bits of &warden_acl.perm. */
enum warden_path_op {
	WARDEN_PATH_EXECUTE,
	WARDEN_PATH_READ,
	WARDEN_PATH_WRITE,
	WARDEN_PATH_APPEND,
	WARDEN_PATH_UNLINK,
	WARDEN_PATH_GETATTR,
	WARDEN_PATH_RMDIR,
	WARDEN_PATH_TRUNCATE,
	WARDEN_PATH_SYMLINK,
	WARDEN_PATH_CHROOT,
	WARDEN_PATH_UNMOUNT,
	WARDEN_NR_PATH_OPS,
};

/* The most words and numbers an entry of any kind holds. */
#define WARDEN_ACL_MAX_WORDS 4
#define WARDEN_ACL_MAX_NUMBERS 3
/**
 * struct warden_acl - one "file" entry of a domain
 * @list: the domain's entries, in the order they were added.
 * @ref: files the entry in its set's index.  The key is a hash of the
 *       kind's key word (the first pathname, a mount's mount point), or
 *       of its literal directory prefix when it is a pattern.
 * @rcu: defers freeing past readers.
 * @usage: the set's reference, and one for each decision that keeps the
 *         entry after its RCU read-side critical section.
 * @kind: an &enum warden_acl_kind.
 * @perm: the operations allowed, one bit each.
 * @patterned: the words that hold wildcards, one bit each.
 * @number: the numbers of the entry, by kind.
 * @word: the pathnames and other words of the entry, pointing into @text;
 *        after them, "@name" where a number is a number group.
 * @group: for each of @word that is "@name", the group it names; else
 *         %NULL.
 * @cond: the entry's compiled conditions, or %NULL.
 * @transit: for "file execute", where the exec goes: a domainname, a
 *           program, or keep, child, parent, reset or initialize; or %NULL.
 * @text: storage for @word and @transit.
 */
struct warden_acl {
	struct list_head list;
	struct warden_ref ref;
	struct rcu_head rcu;
	refcount_t usage;
	u8 kind;
	u16 perm;
	u8 patterned;
	struct warden_number number[WARDEN_ACL_MAX_NUMBERS];
	const char *word[WARDEN_ACL_MAX_WORDS];
	const struct warden_group *group[WARDEN_ACL_MAX_WORDS];
	struct warden_cond *cond;
	const char *transit;
	char text[];
};

/**
 * struct warden_acl_set - the file entries of one domain or ACL group
 * @entries: every entry of the set, in the order added, for printing.
 * @index: the entries by key, for permission checks: the set's own, and
 *         those of the sets it mirrors (the ACL groups a domain uses).
 * @mirrors: the &struct warden_mirror of the sets that file this set's
 *           entries in their index too.
 * @count: the number of entries of the set.
 * @exec_args: the number of entries in @index whose conditions read
 *             exec.argv[] or exec.envp[].
 */
struct warden_acl_set {
	struct list_head entries;
	struct rhltable index;
	struct list_head mirrors;
	unsigned int count;
	unsigned int exec_args;
};

/**
 * struct warden_request - a file operation asked for, as entries name it
 * @kind: the &enum warden_acl_kind of the entries that can grant it.
 * @op: the operation: its bit number among the operations of @kind.
 * @word: the encoded pathnames and words of the request, by position.
 * @number: its numbers, by position.
 * @uncompared: the words no entry's word is compared with, one bit each:
 *              a mount's device where it names no file, as in TOMOYO.
 *              They are still logged and learned as the hook gave them.
 * @cond: what the entries' conditions are evaluated against, or %NULL
 *        where the hook has nothing for them.
 * @hold: keep the granting entry past the RCU read-side critical section
 *        of the check: take a reference on it into @entry.
 * @entry: receives the granting entry when @hold, or %NULL; release it
 *         with warden_acl_put().
 * @matched: receives the first word of the entry that granted the
 *           request, or %NULL; valid while the caller stays in the RCU
 *           read-side critical section of the check, or holds @entry.
 * @transit: receives the granting entry's @transit, valid as @matched.
 * @grant_log: receives what the granting entry's conditions say of
 *             logging the grant: 1 yes, 0 no, -1 as the profile says.
 */
struct warden_request {
	u8 kind;
	u8 op;
	const char *word[WARDEN_ACL_MAX_WORDS];
	unsigned long number[WARDEN_ACL_MAX_NUMBERS];
	u8 uncompared;
	const struct warden_cond_ctx *cond;
	bool hold;
	struct warden_acl *entry;
	const char *matched;
	const char *transit;
	s8 grant_log;
};

int warden_acl_set_init(struct warden_acl_set *set);
void warden_acl_set_destroy(struct warden_acl_set *set);
int warden_acl_set_mirror(struct warden_acl_set *set,
			  struct warden_mirror *mirror,
			  struct warden_acl_set *into);
void warden_acl_set_unmirror(struct warden_acl_set *set,
			     struct warden_mirror *mirror, bool unlink);
int warden_acl_write(struct warden_acl_set *set,
		     struct warden_exception_policy *exception, char *line,
		     bool is_delete, const char **reason);
void warden_acl_show(struct seq_file *m, const struct warden_acl_set *set);
void warden_acl_show_prefixed(struct seq_file *m,
			      const struct warden_acl_set *set,
			      const char *prefix, bool execute_only);
bool warden_acl_allows(struct warden_acl_set *set,
		       struct warden_request *req);
int warden_acl_format(char *buf, size_t size,
		      const struct warden_request *req);
bool warden_acl_path_allowed(struct warden_acl_set *set,
			     enum warden_path_op op, const char *path);
void warden_acl_put(struct warden_acl *acl);
bool warden_acl_set_needs_exec_args(const struct warden_acl_set *set);

#ifdef CONFIG_SECURITY_WARDEN_KUNIT_TEST
const char *warden_test_acl_corpus(size_t i);
#endif

#endif /* _SECURITY_WARDEN_ACL_H */
