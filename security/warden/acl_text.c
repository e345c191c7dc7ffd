// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - the text of "file" lines: parsing, printing, and the line
 * learning mode adds.
 *
 * Lines are TOMOYO 2.6's "file" lines.  A line is checked whole before
 * anything is created for it: only then may it create the groups its
 * "@name" words refer to, and its conditions are compiled against the
 * exception policy of its namespace.
 */

#include "common.h"

#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/overflow.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>

#include "acl.h"
#include "acl_set.h"
#include "cond.h"
#include "group.h"
#include "pattern.h"
#include "value.h"

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
	struct warden_group_mark mark;
	struct warden_acl *acl;
	int err;

	*reason = NULL;
	if (exception)
		warden_group_mark(&exception->groups, &mark);
	acl = warden_acl_parse(line, exception, reason);
	err = IS_ERR(acl) ? PTR_ERR(acl) :
			    warden_acl_apply(set, acl, is_delete, reason);
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

	list_for_each_entry_rcu(acl, &set->entries, list) {
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

/* How a learned number is written, by kind and position. */
static u8 warden_acl_number_base(const struct warden_request *req,
				 unsigned int i)
{
	const char *const *ops = warden_acl_kinds[WARDEN_ACL_PATH_NUMBER].op_names;

	if (req->kind == WARDEN_ACL_MOUNT)
		return 16;
	if (req->kind == WARDEN_ACL_MKDEV)
		return i ? 10 : 8;
	if (!strcmp(ops[req->op], "ioctl"))
		return 16;
	if (!strcmp(ops[req->op], "chown") ||
	    !strcmp(ops[req->op], "chgrp"))
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
	const struct warden_acl_shape *kind = &warden_acl_kinds[req->kind];
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
