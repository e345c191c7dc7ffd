// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - conditions on ACL entries: syntax, compilation and
 * canonical form.
 *
 * The grammar is TOMOYO 2.6's: each condition is one word,
 * "<left>=<right>" or "<left>!=<right>", where the left side may also be
 * a number, a range, a file type or a mode bit ("0=0-1000"), or one of
 * "grant_log=yes|no" and
 * "auto_domain_transition=\"<domainname or program>\"".  Numbers are
 * printed back in the base they were written in.  A line's conditions are
 * compiled into an array of typed elements when it is written; the
 * canonical text is kept beside them for printing and comparing entries.
 * cond_eval.c evaluates the elements.
 */

#include "common.h"

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/overflow.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/string.h>

#include "cond.h"
#include "cond_elem.h"
#include "group.h"
#include "pattern.h"
#include "value.h"

static const char *const warden_cond_numeric[] = {
	"task.uid", "task.euid", "task.suid", "task.fsuid", "task.gid",
	"task.egid", "task.sgid", "task.fsgid", "task.pid", "task.ppid",
	"exec.argc", "exec.envc",
	"path1.uid", "path1.gid", "path1.ino", "path1.major", "path1.minor",
	"path1.perm", "path1.type", "path1.dev_major", "path1.dev_minor",
	"path2.uid", "path2.gid", "path2.ino", "path2.major", "path2.minor",
	"path2.perm", "path2.type", "path2.dev_major", "path2.dev_minor",
	"path1.parent.uid", "path1.parent.gid", "path1.parent.ino",
	"path1.parent.perm", "path2.parent.uid", "path2.parent.gid",
	"path2.parent.ino", "path2.parent.perm",
};

static_assert(ARRAY_SIZE(warden_cond_numeric) == WARDEN_COND_NR_NUMERIC);

/* Words that stand for a file type or a mode bit on the right side. */
static const char *const warden_cond_constants[] = {
	"socket", "symlink", "file", "block", "directory", "char", "fifo",
	"setuid", "setgid", "sticky", "owner_read", "owner_write",
	"owner_execute", "group_read", "group_write", "group_execute",
	"others_read", "others_write", "others_execute",
};

static_assert(ARRAY_SIZE(warden_cond_constants) == WARDEN_COND_NR_CONSTANTS);

/* The file types and mode bits of warden_cond_constants, in its order. */
const umode_t warden_cond_constant_bits[] = {
	S_IFSOCK, S_IFLNK, S_IFREG, S_IFBLK, S_IFDIR, S_IFCHR, S_IFIFO,
	S_ISUID, S_ISGID, S_ISVTX, 0400, 0200, 0100, 0040, 0020, 0010,
	0004, 0002, 0001,
};

static_assert(ARRAY_SIZE(warden_cond_constant_bits) ==
	      WARDEN_COND_NR_CONSTANTS);

/**
 * struct warden_cond_parser - where parsed conditions go
 * @groups: the groups "@name" is resolved in, created when missing; or
 *          %NULL.
 * @find: without @groups, the groups "@name" is looked up in; or %NULL.
 * @text: receives the canonical conditions; or %NULL.
 * @size: the size of @text.
 * @len: the length of @text so far.
 * @grant_log: what a grant_log word said, or -1.
 */
struct warden_cond_parser {
	struct warden_group_set *groups;
	const struct warden_group_set *find;
	char *text;
	size_t size;
	size_t len;
	s8 grant_log;
};

/*
 * A quoted word: "..." whose inside is a valid word, or "" when @empty is
 * allowed.  Wildcards are allowed where TOMOYO allows patterns.
 */
static bool warden_cond_quoted_valid(char *value, bool empty, bool wildcards)
{
	size_t len = strlen(value);
	bool ok;

	if (len < 2 || value[0] != '"' || value[len - 1] != '"')
		return false;
	if (len == 2)
		return empty;
	value[len - 1] = '\0';
	ok = !strchr(value + 1, '"') &&
	     !warden_word_check(value + 1, wildcards);
	value[len - 1] = '"';
	return ok;
}

/*
 * exec.argv[N] or exec.envp["NAME"]: the left side it is, with N in
 * *@index; or -1 when it is neither.
 */
static int warden_cond_exec_array(const char *left, unsigned int *index)
{
	size_t len = strlen(left);
	char digits[12];

	if (str_has_prefix(left, "exec.argv[") && left[len - 1] == ']') {
		len -= strlen("exec.argv[") + 1;
		if (!len || len >= sizeof(digits))
			return -1;
		memcpy(digits, left + strlen("exec.argv["), len);
		digits[len] = '\0';
		return kstrtouint(digits, 10, index) ? -1 : WARDEN_COND_EXEC_ARGV;
	}
	if (str_has_prefix(left, "exec.envp[\"") && len > 13 &&
	    !strcmp(left + len - 2, "\"]")) {
		char name[256];

		len -= strlen("exec.envp[\"") + 2;
		if (len >= sizeof(name))
			return -1;
		memcpy(name, left + strlen("exec.envp[\""), len);
		name[len] = '\0';
		return warden_word_check(name, false) ? -1 : WARDEN_COND_EXEC_ENVP;
	}
	return -1;
}

/* Append "<left>[!]=<right>" to the canonical text being built. */
static int warden_cond_print(struct warden_cond_parser *p, const char *left,
			     bool negate, const char *right)
{
	if (!p->text)
		return 0;
	p->len += scnprintf(p->text + p->len, p->size - p->len, "%s%s%s=%s",
			    p->len ? " " : "", left, negate ? "!" : "", right);
	return p->len + 1 < p->size ? 0 : -EINVAL;
}

/* The group "@name" stands for; an ERR_PTR when it cannot be made. */
static const struct warden_group *
warden_cond_group(struct warden_cond_parser *p, enum warden_group_type type,
		  const char *name)
{
	struct warden_group *group;

	if (p->groups) {
		group = warden_group_ref(p->groups, type, name);
		return group ?: ERR_PTR(-ENOMEM);
	}
	return p->find ? warden_group_find(p->find, type, name) : NULL;
}

/* "pattern" or @group on the right of exec.realpath or symlink.target. */
static int warden_cond_parse_name(struct warden_cond_parser *p, char *right,
				  struct warden_cond_elem *elem)
{
	const struct warden_group *group;

	if (warden_group_ref_valid(right)) {
		group = warden_cond_group(p, WARDEN_GROUP_PATH, right + 1);
		if (IS_ERR(group))
			return PTR_ERR(group);
		elem->right = WARDEN_RIGHT_PATH_GROUP;
		elem->group = group;
		return 0;
	}
	if (!warden_cond_quoted_valid(right, false, true))
		return -EINVAL;
	right[strlen(right) - 1] = '\0';
	elem->right = WARDEN_RIGHT_PATTERN;
	elem->pattern = right + 1;
	return 0;
}

/* The right side of exec.argv[N] or exec.envp["NAME"]. */
static int warden_cond_parse_exec(char *left, char *right,
				  struct warden_cond_elem *elem)
{
	size_t len = strlen(right);

	if (elem->left == WARDEN_COND_EXEC_ENVP) {
		/* NAME, in place: the left side is printed already. */
		left[strlen(left) - 2] = '\0';
		elem->name = left + strlen("exec.envp[\"");
		if (!strcmp(right, "NULL")) {
			elem->right = WARDEN_RIGHT_NULL;
			return 0;
		}
	}
	if (!warden_cond_quoted_valid(right, true, true))
		return -EINVAL;
	if (len == 2) {
		elem->right = WARDEN_RIGHT_EMPTY;
		return 0;
	}
	right[len - 1] = '\0';
	elem->right = WARDEN_RIGHT_PATTERN;
	elem->pattern = right + 1;
	return 0;
}

/* The right side of a numeric left side; prints the condition. */
static int warden_cond_parse_number(struct warden_cond_parser *p, char *left,
				    bool negate, char *right,
				    struct warden_cond_elem *elem)
{
	char number[WARDEN_NUMBER_TEXT_MAX];
	const struct warden_group *group;
	int i;

	i = match_string(warden_cond_numeric, ARRAY_SIZE(warden_cond_numeric),
			 right);
	if (i >= 0) {
		elem->right = WARDEN_RIGHT_ATTRIBUTE;
		elem->value = i;
		return warden_cond_print(p, left, negate, right);
	}
	i = match_string(warden_cond_constants,
			 ARRAY_SIZE(warden_cond_constants), right);
	if (i >= 0) {
		elem->right = WARDEN_RIGHT_CONSTANT;
		elem->value = i;
		return warden_cond_print(p, left, negate, right);
	}
	if (warden_group_ref_valid(right)) {
		if (warden_cond_print(p, left, negate, right))
			return -EINVAL;
		group = warden_cond_group(p, WARDEN_GROUP_NUMBER, right + 1);
		if (IS_ERR(group))
			return PTR_ERR(group);
		elem->right = WARDEN_RIGHT_NUMBER_GROUP;
		elem->group = group;
		return 0;
	}
	if (warden_number_parse(right, &elem->number))
		return -EINVAL;
	elem->right = WARDEN_RIGHT_NUMBER;
	warden_number_print(number, sizeof(number), &elem->number);
	return warden_cond_print(p, left, negate, number);
}

/*
 * A number or range on the left side ("0=0", "100=1-1000", "1-2=@grp"),
 * or a file type or mode bit ("file=path1.type", "setuid=path1.perm"), as
 * TOMOYO accepts them: the two sides are compared as ranges, and are
 * equal when they overlap.  A mode bit only meets a permission attribute
 * ("setuid=path1.perm" tests the bit) or a number; against anything else
 * the condition never holds, with "=" or "!=".  A "@group" on the left is
 * refused, as TOMOYO does.
 */
static int warden_cond_parse_number_left(struct warden_cond_parser *p,
					 char *word, bool negate, char *right,
					 struct warden_cond_elem *elem)
{
	char number[WARDEN_NUMBER_TEXT_MAX];
	struct warden_number left;
	bool bit = false;
	int constant, err;

	constant = match_string(warden_cond_constants,
				ARRAY_SIZE(warden_cond_constants), word);
	if (constant >= 0) {
		left.min = warden_cond_constant_bits[constant];
		left.max = left.min;
		bit = constant >= WARDEN_COND_NR_TYPES;
		err = warden_cond_parse_number(p, word, negate, right, elem);
	} else {
		if (warden_number_parse(word, &left))
			return -EINVAL;
		warden_number_print(number, sizeof(number), &left);
		err = warden_cond_parse_number(p, number, negate, right, elem);
	}
	if (err)
		return err;
	switch (elem->right) {
	case WARDEN_RIGHT_ATTRIBUTE:
		if (constant >= 0) {
			/* "file=path1.type" is "path1.type=file". */
			elem->left = elem->value;
			elem->right = WARDEN_RIGHT_CONSTANT;
			elem->value = constant;
			if (bit && !warden_cond_is_perm(elem->left))
				goto never;
			break;
		}
		/* "0=task.uid" is "task.uid=0". */
		elem->left = elem->value;
		elem->right = WARDEN_RIGHT_NUMBER;
		elem->number = left;
		break;
	case WARDEN_RIGHT_NUMBER:
		/* Two numbers: the answer is known now. */
		elem->left = WARDEN_COND_FIXED;
		elem->value = left.min <= elem->number.max &&
			      elem->number.min <= left.max;
		break;
	case WARDEN_RIGHT_CONSTANT:
		if (bit || elem->value >= WARDEN_COND_NR_TYPES)
			goto never;
		elem->left = WARDEN_COND_FIXED;
		elem->value = left.min <= warden_cond_constant_bits[elem->value] &&
			      warden_cond_constant_bits[elem->value] <= left.max;
		break;
	default:
		/* A group: see cond_eval.c. */
		elem->left = WARDEN_COND_NUMBER;
		elem->left_min = left.min;
		elem->left_max = left.max;
		break;
	}
	return 0;
never:
	elem->left = WARDEN_COND_FIXED;
	elem->right = WARDEN_RIGHT_NUMBER;
	elem->value = false;
	elem->negate = false;
	return 0;
}

/*
 * Check one condition word, append its canonical form and compile it
 * into @elem; *@is_elem says whether it is a condition to evaluate, not
 * a grant_log or auto_domain_transition setting.  The strings @elem
 * points to are inside @word.
 */
static int warden_cond_parse_word(struct warden_cond_parser *p, char *word,
				  struct warden_cond_elem *elem, bool *is_elem)
{
	char *eq = strchr(word, '='), *right;
	unsigned int index;
	bool negate;
	int left;

	*is_elem = false;
	memset(elem, 0, sizeof(*elem));
	if (!eq || eq == word)
		return -EINVAL;
	negate = eq[-1] == '!';
	if (negate)
		eq[-1] = '\0';
	*eq = '\0';
	right = eq + 1;
	if (!*right)
		return -EINVAL;
	elem->negate = negate;

	if (!negate && !strcmp(word, "grant_log")) {
		if (strcmp(right, "yes") && strcmp(right, "no"))
			return -EINVAL;
		if (p->grant_log < 0)
			p->grant_log = !strcmp(right, "yes");
		return warden_cond_print(p, word, false, right);
	}
	if (!negate && !strcmp(word, "auto_domain_transition")) {
		size_t rlen = strlen(right);
		bool ok;

		if (rlen < 3 || right[0] != '"' || right[rlen - 1] != '"')
			return -EINVAL;
		right[rlen - 1] = '\0';
		ok = !warden_domainname_check(right + 1) ||
		     (right[1] == '/' && !warden_word_check(right + 1, false));
		right[rlen - 1] = '"';
		if (!ok)
			return -EINVAL;
		return warden_cond_print(p, word, false, right);
	}
	if (!strcmp(word, "exec.realpath") || !strcmp(word, "symlink.target")) {
		elem->left = word[0] == 'e' ? WARDEN_COND_EXEC_REALPATH :
			     WARDEN_COND_SYMLINK_TARGET;
		/* Printed before the quotes are cut off. */
		if (warden_group_ref_valid(right) ||
		    warden_cond_quoted_valid(right, false, true)) {
			if (warden_cond_print(p, word, negate, right))
				return -EINVAL;
		}
		*is_elem = true;
		return warden_cond_parse_name(p, right, elem);
	}
	left = warden_cond_exec_array(word, &index);
	if (left >= 0) {
		elem->left = left;
		elem->index = index;
		if (warden_cond_print(p, word, negate, right))
			return -EINVAL;
		*is_elem = true;
		return warden_cond_parse_exec(word, right, elem);
	}
	left = match_string(warden_cond_numeric,
			    ARRAY_SIZE(warden_cond_numeric), word);
	*is_elem = true;
	if (left < 0)
		return warden_cond_parse_number_left(p, word, negate, right,
						     elem);
	elem->left = left;
	return warden_cond_parse_number(p, word, negate, right, elem);
}

/**
 * warden_cond_split - cut words off where the conditions begin
 * @words: words, one space apart, that may run into conditions; cut.
 *
 * A domainname is several words, and conditions follow it on the same
 * line; the first word with a '=' starts the conditions.
 *
 * Return: the conditions, or %NULL when there are none.
 */
char *warden_cond_split(char *words)
{
	char *space;

	for (space = strchr(words, ' '); space; space = strchr(space + 1, ' ')) {
		char *next = strchr(space + 1, ' ');
		char *eq = strchr(space + 1, '=');

		if (eq && (!next || eq < next)) {
			*space = '\0';
			return space + 1;
		}
	}
	return NULL;
}

/**
 * warden_cond_canonical - check conditions and print them canonically
 * @words: the conditions, one space apart; changed.
 * @out: receives the canonical conditions, one space apart.
 * @size: the size of @out.
 * @reason: receives why the conditions were refused.
 *
 * "@group" words are checked, not resolved.
 *
 * Return: 0, or -EINVAL if a condition is malformed or @out is too small.
 */
int warden_cond_canonical(char *words, char *out, size_t size,
			  const char **reason)
{
	struct warden_cond_parser p = {
		.text = out, .size = size, .grant_log = -1,
	};
	struct warden_cond_elem elem;
	bool is_elem;
	char *word;

	if (!size) {
		*reason = "too long";
		return -EINVAL;
	}
	out[0] = '\0';
	while ((word = strsep(&words, " "))) {
		if (warden_cond_parse_word(&p, word, &elem, &is_elem)) {
			*reason = "invalid condition";
			return -EINVAL;
		}
	}
	return 0;
}

/* The bytes of the strings @elem points to, NULs included. */
static size_t warden_cond_elem_strings(const struct warden_cond_elem *elem)
{
	size_t len = 0;

	if (elem->right == WARDEN_RIGHT_PATTERN)
		len += strlen(elem->pattern) + 1;
	if (elem->left == WARDEN_COND_EXEC_ENVP)
		len += strlen(elem->name) + 1;
	return len;
}

/* Copy @s to *@area, advancing it; the copy. */
static const char *warden_cond_store(char **area, const char *s)
{
	size_t len = strlen(s) + 1;
	char *copy = *area;

	memcpy(copy, s, len);
	*area += len;
	return copy;
}

/* Put the parsed elements and their strings in one allocation. */
static struct warden_cond *
warden_cond_build(const struct warden_cond_parser *p,
		  const struct warden_cond_elem *elems, unsigned int count)
{
	struct warden_cond *cond;
	size_t strings = p->len + 1, size;
	unsigned int i;
	char *area;

	for (i = 0; i < count; i++)
		strings += warden_cond_elem_strings(&elems[i]);
	size = size_add(struct_size(cond, elem, count), strings);
	cond = kmalloc(size, GFP_KERNEL_ACCOUNT);
	if (!cond)
		return NULL;
	cond->size = size;
	cond->grant_log = p->grant_log;
	cond->needs_args = false;
	cond->count = count;
	area = (char *)&cond->elem[count];
	cond->text = warden_cond_store(&area, p->text);
	for (i = 0; i < count; i++) {
		struct warden_cond_elem *elem = &cond->elem[i];

		*elem = elems[i];
		if (elem->right == WARDEN_RIGHT_PATTERN)
			elem->pattern = warden_cond_store(&area, elem->pattern);
		if (elem->left == WARDEN_COND_EXEC_ENVP)
			elem->name = warden_cond_store(&area, elem->name);
		if (elem->left == WARDEN_COND_EXEC_ARGV ||
		    elem->left == WARDEN_COND_EXEC_ENVP)
			cond->needs_args = true;
	}
	return cond;
}

/*
 * Parse every word once without the exception policy: a malformed line is
 * refused as malformed (-EINVAL) even when a group it names could not be
 * created, e.g. because the policy quota is reached.
 */
static int warden_cond_check(const char *words, const char **reason)
{
	struct warden_cond_parser p = { .grant_log = -1 };
	struct warden_cond_elem elem;
	char *copy, *rest, *word;
	bool is_elem;
	int err = 0;

	copy = kstrdup(words, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	rest = copy;
	while (!err && (word = strsep(&rest, " ")))
		err = warden_cond_parse_word(&p, word, &elem, &is_elem);
	kfree(copy);
	if (err == -EINVAL)
		*reason = "invalid condition";
	return err;
}

/**
 * warden_cond_compile - compile the conditions of a line
 * @words: the conditions, one space apart, or %NULL; changed.
 * @exception: the exception policy "@group" words refer to; the caller
 *             holds warden_policy_lock.  A group the conditions name that
 *             it lacks is created empty, once every condition is known
 *             to be well formed; when the conditions are refused, groups
 *             created for them are freed again.
 * @out: receives the conditions, or %NULL when @words is %NULL; free them
 *       with warden_cond_free().
 * @reason: receives why the conditions were refused.
 *
 * Return: 0; -EINVAL if a condition is malformed or the conditions are
 * too long; -ENOMEM when memory or the policy quota runs out.
 */
int warden_cond_compile(char *words, struct warden_exception_policy *exception,
			struct warden_cond **out, const char **reason)
{
	struct warden_cond_parser p = {
		.size = WARDEN_COND_TEXT_MAX, .grant_log = -1,
	};
	struct warden_cond_elem *elems;
	struct warden_group_mark mark;
	unsigned int n = 1, count = 0;
	bool is_elem;
	char *word;
	int err;

	lockdep_assert(warden_policy_write_held());
	*out = NULL;
	if (!words)
		return 0;
	err = warden_cond_check(words, reason);
	if (err)
		return err;
	for (word = strchr(words, ' '); word; word = strchr(word + 1, ' '))
		n++;
	p.text = kmalloc(WARDEN_COND_TEXT_MAX, GFP_KERNEL);
	elems = kmalloc_array(n, sizeof(*elems), GFP_KERNEL);
	err = -ENOMEM;
	if (!p.text || !elems)
		goto out_free;
	p.text[0] = '\0';
	p.groups = exception ? &exception->groups : NULL;
	if (p.groups)
		warden_group_mark(p.groups, &mark);
	while ((word = strsep(&words, " "))) {
		err = warden_cond_parse_word(&p, word, &elems[count], &is_elem);
		if (err == -EINVAL)
			*reason = "invalid condition";
		if (err)
			goto out_rollback;
		if (is_elem)
			count++;
	}
	err = -ENOMEM;
	*out = warden_cond_build(&p, elems, count);
	if (*out)
		err = 0;
out_rollback:
	if (err && p.groups)
		warden_group_rollback(p.groups, &mark);
out_free:
	kfree(elems);
	kfree(p.text);
	return err;
}

/**
 * warden_cond_free - free compiled conditions
 * @cond: the conditions, or %NULL.
 *
 * The groups the conditions point to are the exception policy's, and
 * are not touched: they may be gone already.
 */
void warden_cond_free(struct warden_cond *cond)
{
	kfree(cond);
}

/**
 * warden_cond_size - the bytes compiled conditions take
 * @cond: the conditions, or %NULL.
 *
 * Return: what to charge to the policy for @cond.
 */
size_t warden_cond_size(const struct warden_cond *cond)
{
	return cond ? cond->size : 0;
}

/**
 * warden_cond_text - the canonical text of compiled conditions
 * @cond: the conditions.
 *
 * Return: the conditions, one space apart, as they print.
 */
const char *warden_cond_text(const struct warden_cond *cond)
{
	return cond->text;
}

/**
 * warden_cond_show - print an entry's conditions after its arguments
 * @m: the seq_file.
 * @cond: the conditions, or %NULL for none.
 */
void warden_cond_show(struct seq_file *m, const struct warden_cond *cond)
{
	if (cond)
		seq_printf(m, " %s", cond->text);
}

/**
 * warden_cond_equal - whether two entries have the same conditions
 * @a: conditions, or %NULL.
 * @b: conditions, or %NULL.
 *
 * Conditions compiled against the same exception policy are the same
 * when they print the same.
 *
 * Return: true if both are %NULL or both print alike.
 */
bool warden_cond_equal(const struct warden_cond *a, const struct warden_cond *b)
{
	if (!a || !b)
		return a == b;
	return !strcmp(a->text, b->text);
}
