// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - conditions on ACL entries: syntax, canonical form and
 * evaluation.
 *
 * The grammar is TOMOYO 2.6's: each condition is one word,
 * "<left>=<right>" or "<left>!=<right>", or one of "grant_log=yes|no" and
 * "auto_domain_transition=\"<domainname or program>\"".  Numbers are
 * printed back in the base they were written in.
 */

#include <linux/binfmts.h>
#include <linux/cred.h>
#include <linux/dcache.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uidgid.h>

#include "acl.h"
#include "cond.h"
#include "domain.h"
#include "exception.h"
#include "pattern.h"
#include "realpath.h"

/* Left sides compared with numbers, and usable as right sides too. */
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

/* Words that stand for a file type or a mode bit on the right side. */
static const char *const warden_cond_constants[] = {
	"socket", "symlink", "file", "block", "directory", "char", "fifo",
	"setuid", "setgid", "sticky", "owner_read", "owner_write",
	"owner_execute", "group_read", "group_write", "group_execute",
	"others_read", "others_write", "others_execute",
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

static bool warden_cond_group_valid(const char *value)
{
	return value[0] == '@' && value[1] &&
	       !warden_word_check(value + 1, false);
}

/* exec.argv[N] or exec.envp["NAME"]; 1 for argv, 2 for envp, 0 if neither. */
static int warden_cond_exec_array(const char *left)
{
	size_t len = strlen(left);
	unsigned int index;
	char digits[12];

	if (str_has_prefix(left, "exec.argv[") && left[len - 1] == ']') {
		len -= strlen("exec.argv[") + 1;
		if (!len || len >= sizeof(digits))
			return 0;
		memcpy(digits, left + strlen("exec.argv["), len);
		digits[len] = '\0';
		return kstrtouint(digits, 10, &index) ? 0 : 1;
	}
	if (str_has_prefix(left, "exec.envp[\"") && len > 13 &&
	    !strcmp(left + len - 2, "\"]")) {
		char name[256];

		len -= strlen("exec.envp[\"") + 2;
		if (len >= sizeof(name))
			return 0;
		memcpy(name, left + strlen("exec.envp[\""), len);
		name[len] = '\0';
		return warden_word_check(name, false) ? 0 : 2;
	}
	return 0;
}

/* Check one condition word and append its canonical form to @out. */
static int warden_cond_one(char *word, char *out, size_t size, size_t *len)
{
	char *eq = strchr(word, '='), *right;
	struct warden_number number;
	bool negate;

	if (!eq || eq == word)
		return -EINVAL;
	negate = eq[-1] == '!';
	if (negate)
		eq[-1] = '\0';
	*eq = '\0';
	right = eq + 1;
	if (!*right)
		return -EINVAL;

	if (!negate && !strcmp(word, "grant_log")) {
		if (strcmp(right, "yes") && strcmp(right, "no"))
			return -EINVAL;
	} else if (!negate && !strcmp(word, "auto_domain_transition")) {
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
	} else if (!strcmp(word, "exec.realpath") ||
		   !strcmp(word, "symlink.target")) {
		if (!warden_cond_quoted_valid(right, false, true) &&
		    !warden_cond_group_valid(right))
			return -EINVAL;
	} else if (warden_cond_exec_array(word)) {
		bool envp = warden_cond_exec_array(word) == 2;

		if (!warden_cond_quoted_valid(right, true, true) &&
		    !(envp && !strcmp(right, "NULL")))
			return -EINVAL;
	} else if (match_string(warden_cond_numeric,
				ARRAY_SIZE(warden_cond_numeric), word) >= 0) {
		if (match_string(warden_cond_numeric,
				 ARRAY_SIZE(warden_cond_numeric), right) < 0 &&
		    match_string(warden_cond_constants,
				 ARRAY_SIZE(warden_cond_constants), right) < 0 &&
		    !warden_cond_group_valid(right)) {
			char value[48];

			if (warden_acl_parse_number(right, &number))
				return -EINVAL;
			warden_acl_print_number(value, sizeof(value), &number);
			*len += scnprintf(out + *len, size - *len, "%s%s%s=%s",
					  *len ? " " : "", word,
					  negate ? "!" : "", value);
			return *len + 1 < size ? 0 : -EINVAL;
		}
	} else {
		return -EINVAL;
	}
	*len += scnprintf(out + *len, size - *len, "%s%s%s=%s",
			  *len ? " " : "", word, negate ? "!" : "", right);
	return *len + 1 < size ? 0 : -EINVAL;
}

/**
 * warden_cond_grant_log - what an entry's conditions say of grant logs
 * @cond: the entry's canonical conditions, or %NULL.
 *
 * Return: 1 for "grant_log=yes", 0 for "grant_log=no", -1 when the
 * conditions leave it to the profile.
 */
int warden_cond_grant_log(const char *cond)
{
	const char *word = cond;

	while (word && *word) {
		if (str_has_prefix(word, "grant_log=yes"))
			return 1;
		if (str_has_prefix(word, "grant_log=no"))
			return 0;
		word = strchr(word, ' ');
		if (word)
			word++;
	}
	return -1;
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
 * Return: 0, or -EINVAL if a condition is malformed or @out is too small.
 */
int warden_cond_canonical(char *words, char *out, size_t size,
			  const char **reason)
{
	size_t len = 0;
	char *word;

	if (!size) {
		*reason = "too long";
		return -EINVAL;
	}
	out[0] = '\0';
	while ((word = strsep(&words, " "))) {
		if (warden_cond_one(word, out, size, &len)) {
			*reason = "invalid condition";
			return -EINVAL;
		}
	}
	return 0;
}

/* The file types and mode bits of warden_cond_constants, in its order. */
static const umode_t warden_cond_constant_bits[] = {
	S_IFSOCK, S_IFLNK, S_IFREG, S_IFBLK, S_IFDIR, S_IFCHR, S_IFIFO,
	S_ISUID, S_ISGID, S_ISVTX, 0400, 0200, 0100, 0040, 0020, 0010,
	0004, 0002, 0001,
};

/* The first seven constants are file types; the others mode bits. */
#define WARDEN_COND_NR_TYPES 7

static unsigned long warden_cond_ppid(void)
{
	unsigned long ppid;

	rcu_read_lock();
	ppid = task_tgid_vnr(rcu_dereference(current->real_parent));
	rcu_read_unlock();
	return ppid;
}

/* The value of a task.* attribute. */
static bool warden_cond_task(const char *field, unsigned long *value)
{
	const struct cred *cred = current_cred();

	if (!strcmp(field, "uid"))
		*value = from_kuid(&init_user_ns, cred->uid);
	else if (!strcmp(field, "euid"))
		*value = from_kuid(&init_user_ns, cred->euid);
	else if (!strcmp(field, "suid"))
		*value = from_kuid(&init_user_ns, cred->suid);
	else if (!strcmp(field, "fsuid"))
		*value = from_kuid(&init_user_ns, cred->fsuid);
	else if (!strcmp(field, "gid"))
		*value = from_kgid(&init_user_ns, cred->gid);
	else if (!strcmp(field, "egid"))
		*value = from_kgid(&init_user_ns, cred->egid);
	else if (!strcmp(field, "sgid"))
		*value = from_kgid(&init_user_ns, cred->sgid);
	else if (!strcmp(field, "fsgid"))
		*value = from_kgid(&init_user_ns, cred->fsgid);
	else if (!strcmp(field, "pid"))
		*value = task_tgid_vnr(current);
	else if (!strcmp(field, "ppid"))
		*value = warden_cond_ppid();
	else
		return false;
	return true;
}

/* The value of a path1.* or path2.* attribute, if that file exists. */
static bool warden_cond_path(const struct warden_cond_ctx *ctx,
			     const char *left, unsigned long *value)
{
	const struct path *path = ctx ? ctx->path[left[4] - '1'] : NULL;
	const char *field = left + strlen("path1.");
	const struct inode *inode;
	struct dentry *dentry;

	if (!path)
		return false;
	dentry = path->dentry;
	if (str_has_prefix(field, "parent.")) {
		field += strlen("parent.");
		dentry = READ_ONCE(dentry->d_parent);
	}
	inode = d_backing_inode(dentry);
	if (!inode)
		return false;
	if (!strcmp(field, "uid"))
		*value = from_kuid(&init_user_ns, inode->i_uid);
	else if (!strcmp(field, "gid"))
		*value = from_kgid(&init_user_ns, inode->i_gid);
	else if (!strcmp(field, "ino"))
		*value = inode->i_ino;
	else if (!strcmp(field, "perm"))
		*value = inode->i_mode & S_IALLUGO;
	else if (!strcmp(field, "type"))
		*value = inode->i_mode & S_IFMT;
	else if (!strcmp(field, "major"))
		*value = MAJOR(inode->i_sb->s_dev);
	else if (!strcmp(field, "minor"))
		*value = MINOR(inode->i_sb->s_dev);
	else if (!strcmp(field, "dev_major"))
		*value = MAJOR(inode->i_rdev);
	else if (!strcmp(field, "dev_minor"))
		*value = MINOR(inode->i_rdev);
	else
		return false;
	return true;
}

/* The value of a numeric left side, if the request has it. */
static bool warden_cond_value(const struct warden_cond_ctx *ctx,
			      const char *left, unsigned long *value)
{
	if (str_has_prefix(left, "task."))
		return warden_cond_task(left + strlen("task."), value);
	if (!strcmp(left, "exec.argc") || !strcmp(left, "exec.envc")) {
		if (!ctx || !ctx->bprm)
			return false;
		*value = left[5] == 'a' ? ctx->bprm->argc : ctx->bprm->envc;
		return true;
	}
	if (str_has_prefix(left, "path1.") || str_has_prefix(left, "path2."))
		return warden_cond_path(ctx, left, value);
	return false;
}

/* Whether @value, of the attribute @left, is what @right says. */
static bool
warden_cond_number_matches(const struct warden_cond_ctx *ctx,
			   const struct warden_exception_policy *exception,
			   unsigned long value, const char *right)
{
	unsigned long other;
	int i;

	i = match_string(warden_cond_constants,
			 ARRAY_SIZE(warden_cond_constants), right);
	if (i >= 0) {
		/* path1.type=directory, or path1.perm=setuid */
		if (i < WARDEN_COND_NR_TYPES)
			return value == warden_cond_constant_bits[i];
		return value & warden_cond_constant_bits[i];
	}
	if (*right == '@')
		return warden_exception_number_group_matches(exception,
							     right + 1, value);
	if (match_string(warden_cond_numeric, ARRAY_SIZE(warden_cond_numeric),
			 right) >= 0)
		return warden_cond_value(ctx, right, &other) && value == other;
	return warden_acl_number_text_covers(right, value);
}

/* Whether the encoded @name is what @right ("pattern" or @group) says. */
static bool
warden_cond_name_matches(const struct warden_exception_policy *exception,
			 const char *name, const char *right)
{
	size_t len = strlen(right);
	char *pattern;
	bool match;

	if (*right == '@')
		return warden_exception_path_group_matches(exception, right + 1,
							   name);
	if (len < 2)
		return false;
	pattern = kmemdup_nul(right + 1, len - 2, GFP_ATOMIC);
	if (!pattern)
		return false;
	match = warden_pattern_match(name, pattern);
	kfree(pattern);
	return match;
}

/*
 * The raw string exec.argv[N] names, or the value of the variable
 * exec.envp["NAME"] names; NULL when there is no such argument or
 * variable.  @name is NAME as the policy writes it, encoded.
 */
static const char *warden_cond_exec_string(const struct warden_cond_ctx *ctx,
					   const char *left, size_t *len)
{
	const char *s = ctx->args, *end = ctx->args + ctx->args_len;
	unsigned int index, i;
	char digits[12];
	size_t n;

	if (str_has_prefix(left, "exec.argv[")) {
		n = strlen(left) - strlen("exec.argv[") - 1;
		if (n >= sizeof(digits))
			return NULL;
		memcpy(digits, left + strlen("exec.argv["), n);
		digits[n] = '\0';
		if (kstrtouint(digits, 10, &index) || index >= ctx->argc)
			return NULL;
		for (i = 0; i < index; i++)
			s += strlen(s) + 1;
		*len = strlen(s);
		return s;
	}
	/* Skip the arguments; then look for "NAME=" among the variables. */
	for (i = 0; i < ctx->argc; i++)
		s += strlen(s) + 1;
	left += strlen("exec.envp[\"");
	n = strlen(left) - 2;
	for (i = 0; i < ctx->envc && s < end; i++, s += strlen(s) + 1) {
		const char *eq = strchr(s, '=');
		size_t name_len = eq ? eq - s : strlen(s);
		char encoded[256];

		if (warden_encoded_len(s, name_len) != n || n >= sizeof(encoded))
			continue;
		warden_encode(encoded, s, name_len);
		if (strncmp(encoded, left, n))
			continue;
		s = eq ? eq + 1 : s + name_len;
		*len = strlen(s);
		return s;
	}
	return NULL;
}

/*
 * exec.argv[N]="pattern", exec.envp["NAME"]="pattern" or
 * exec.envp["NAME"]=NULL.  Returns 1 if it holds, 0 if not, -1 when the
 * request has no exec strings to tell.
 */
static int warden_cond_exec_matches(const struct warden_cond_ctx *ctx,
				    const char *left, const char *right)
{
	const char *value;
	char *encoded;
	size_t len = 0;
	int match;

	if (!ctx || !ctx->args)
		return -1;
	value = warden_cond_exec_string(ctx, left, &len);
	if (!strcmp(right, "NULL"))
		return !value;
	if (!value)
		return 0;
	if (!strcmp(right, "\"\""))
		return !len;
	encoded = kmalloc(warden_encoded_len(value, len) + 1, GFP_ATOMIC);
	if (!encoded)
		return -1;
	warden_encode(encoded, value, len);
	match = warden_cond_name_matches(NULL, encoded, right);
	kfree(encoded);
	return match;
}

/* Evaluate one canonical condition word. */
static bool warden_cond_eval_one(const struct warden_cond_ctx *ctx,
				 const struct warden_exception_policy *exception,
				 char *word)
{
	char *eq = strchr(word, '=');
	bool negate = eq[-1] == '!';
	const char *right = eq + 1;
	unsigned long value;
	bool match;

	*(negate ? eq - 1 : eq) = '\0';
	if (!strcmp(word, "grant_log") ||
	    !strcmp(word, "auto_domain_transition"))
		return true;
	if (!strcmp(word, "exec.realpath") || !strcmp(word, "symlink.target")) {
		const char *name = !ctx ? NULL : word[0] == 'e' ?
				   ctx->exec_realpath : ctx->symlink_target;

		if (!name)
			return false;
		match = warden_cond_name_matches(exception, name, right);
	} else if (warden_cond_value(ctx, word, &value)) {
		match = warden_cond_number_matches(ctx, exception, value, right);
	} else if (warden_cond_exec_array(word)) {
		int ret = warden_cond_exec_matches(ctx, word, right);

		if (ret < 0)
			return false;
		match = ret;
	} else {
		return false;
	}
	return match != negate;
}

/**
 * warden_cond_eval - whether a request meets an entry's conditions
 * @cond: the entry's canonical conditions.
 * @ctx: what the request has: its files, the program; or %NULL.
 * @exception: the exception policy "@group" values refer to, or %NULL.
 *
 * A condition on something the request lacks (a file that does not
 * exist yet, or an exec attribute outside an exec) is not met, so a
 * conditional entry never grants more than it says.
 *
 * Return: true if every condition holds.
 */
bool warden_cond_eval(const char *cond, const struct warden_cond_ctx *ctx,
		      const struct warden_exception_policy *exception)
{
	char *copy, *cursor, *word;
	bool ok = true;

	copy = kstrdup(cond, GFP_ATOMIC);
	if (!copy)
		return false;
	cursor = copy;
	while (ok && (word = strsep(&cursor, " ")))
		ok = warden_cond_eval_one(ctx, exception, word);
	kfree(copy);
	return ok;
}

#ifdef CONFIG_SECURITY_WARDEN_KUNIT_TEST

#include <kunit/test.h>
#include <linux/mutex.h>

#include "policy.h"

struct warden_cond_case {
	const char *words;
	const char *canonical;	/* NULL: refused */
};

static const struct warden_cond_case warden_cond_cases[] = {
	{ "task.uid=0", "task.uid=0" },
	{ "task.uid!=0", "task.uid!=0" },
	{ "task.euid=1000-1999", "task.euid=1000-1999" },
	{ "task.gid=@ADMINS", "task.gid=@ADMINS" },
	{ "task.uid=path1.uid", "task.uid=path1.uid" },
	{ "task.pid=0x10", "task.pid=0x10" },
	{ "task.pid=0xab", "task.pid=0xAB" },
	{ "exec.argc=2", "exec.argc=2" },
	{ "exec.argv[0]=\"cat\"", "exec.argv[0]=\"cat\"" },
	{ "exec.argv[1]=\"/etc/passwd\"", "exec.argv[1]=\"/etc/passwd\"" },
	{ "exec.argv[1]=\"\"", "exec.argv[1]=\"\"" },
	{ "exec.envp[\"HOME\"]=\"/root\"", "exec.envp[\"HOME\"]=\"/root\"" },
	{ "exec.envp[\"LD_PRELOAD\"]=NULL", "exec.envp[\"LD_PRELOAD\"]=NULL" },
	{ "exec.envp[\"LD_PRELOAD\"]!=NULL", "exec.envp[\"LD_PRELOAD\"]!=NULL" },
	{ "exec.realpath=\"/bin/cat\"", "exec.realpath=\"/bin/cat\"" },
	{ "exec.realpath=\"/usr/bin/\\*\"", "exec.realpath=\"/usr/bin/\\*\"" },
	{ "exec.realpath=@BINARIES", "exec.realpath=@BINARIES" },
	{ "symlink.target=\"/tmp/x\"", "symlink.target=\"/tmp/x\"" },
	{ "path1.type=file", "path1.type=file" },
	{ "path1.type!=directory", "path1.type!=directory" },
	{ "path1.perm=0755", "path1.perm=0755" },
	{ "path1.perm=setuid", "path1.perm=setuid" },
	{ "path1.parent.uid=task.uid", "path1.parent.uid=task.uid" },
	{ "path2.parent.perm=01777", "path2.parent.perm=01777" },
	{ "path1.dev_major=8 path1.dev_minor=0-15",
	  "path1.dev_major=8 path1.dev_minor=0-15" },
	{ "grant_log=no", "grant_log=no" },
	{ "task.uid=0 grant_log=yes", "task.uid=0 grant_log=yes" },
	{ "auto_domain_transition=\"<kernel> /usr/sbin/sshd\"", NULL },
	{ "auto_domain_transition=\"/bin/sh\"", "auto_domain_transition=\"/bin/sh\"" },
	{ "", NULL },
	{ "task.uid", NULL },
	{ "task.uid=", NULL },
	{ "=0", NULL },
	{ "task.uuid=0", NULL },
	{ "task.uid=abc", NULL },
	{ "task.uid=2-1", NULL },
	{ "task.uid=@", NULL },
	{ "task.uid==0", NULL },
	{ "exec.argv[x]=\"a\"", NULL },
	{ "exec.argv[]=\"a\"", NULL },
	{ "exec.argv[0]=cat", NULL },
	{ "exec.argv[0]=\"a b\"", NULL },
	{ "exec.argv[0]=\"a\\q\"", NULL },
	{ "exec.argv[0]=NULL", NULL },
	{ "exec.envp[HOME]=\"/root\"", NULL },
	{ "exec.realpath=\"\"", NULL },
	{ "exec.realpath=/bin/cat", NULL },
	{ "grant_log=maybe", NULL },
	{ "grant_log!=yes", NULL },
	{ "auto_domain_transition=\"bin\"", NULL },
	{ "path1.type=regular", NULL },
	{ "task.uid=0 bogus", NULL },
};

static void warden_cond_case_desc(const struct warden_cond_case *c,
				  char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s", c->words);
}

KUNIT_ARRAY_PARAM(warden_cond, warden_cond_cases, warden_cond_case_desc);

static void test_condition_syntax(struct kunit *test)
{
	const struct warden_cond_case *c = test->param_value;
	char *words = kunit_kstrdup(test, c->words, GFP_KERNEL);
	const char *reason = NULL;
	char out[256];
	int err;

	KUNIT_ASSERT_NOT_NULL(test, words);
	err = warden_cond_canonical(words, out, sizeof(out), &reason);
	if (c->canonical) {
		KUNIT_EXPECT_EQ(test, err, 0);
		KUNIT_EXPECT_STREQ(test, out, c->canonical);
	} else {
		KUNIT_EXPECT_EQ(test, err, -EINVAL);
		KUNIT_EXPECT_NOT_NULL(test, reason);
	}
}

/* The groups the evaluation cases refer to. */
static const char *const warden_cond_group_lines[] = {
	"number_group ROOTS 0",
	"number_group USERS 1000-1999",
	"path_group SHELLS /bin/\\*sh",
	"path_group WEB /var/www/\\*",
};

static const struct {
	const char *cond;
	bool with_ctx;
	bool met;
} warden_cond_eval_cases[] = {
	/* KUnit runs as root. */
	{ "task.uid=0", false, true },
	{ "task.uid!=0", false, false },
	{ "task.euid=0-10 task.fsgid=0", false, true },
	{ "task.uid=1000-1999", false, false },
	{ "task.uid=@ROOTS", false, true },
	{ "task.uid=@USERS", false, false },
	{ "task.uid!=@USERS", false, true },
	{ "task.uid=@NOSUCH", false, false },
	{ "task.uid=task.euid", false, true },
	{ "grant_log=no", false, true },
	/* What a request does not have is never met, negated or not. */
	{ "path1.uid=0", false, false },
	{ "path1.uid!=0", false, false },
	{ "exec.argc=1", false, false },
	{ "exec.realpath=\"/bin/sh\"", false, false },
	{ "exec.realpath=\"/bin/sh\"", true, true },
	{ "exec.realpath=\"/bin/\\*\"", true, true },
	{ "exec.realpath!=\"/bin/\\*\"", true, false },
	{ "exec.realpath=@SHELLS", true, true },
	{ "symlink.target=\"../etc/passwd\"", true, true },
	{ "symlink.target=@WEB", true, false },
	{ "exec.argv[0]=\"sh\"", true, true },
	{ "exec.argv[1]=\"-c\"", true, true },
	{ "exec.argv[2]=\"echo\\040hi\"", true, true },
	{ "exec.argv[2]=\"echo\\*\"", true, true },
	{ "exec.argv[3]=\"x\"", true, false },
	{ "exec.argv[3]!=\"x\"", true, true },
	{ "exec.envp[\"HOME\"]=\"/root\"", true, true },
	{ "exec.envp[\"HOME\"]!=\"/root\"", true, false },
	{ "exec.envp[\"EMPTY\"]=\"\"", true, true },
	{ "exec.envp[\"LD_PRELOAD\"]=NULL", true, true },
	{ "exec.envp[\"HOME\"]=NULL", true, false },
	{ "exec.envp[\"HOME\"]!=NULL", true, true },
	{ "exec.envp[\"LD_PRELOAD\"]=NULL", false, false },
	{ "task.uid=0 exec.realpath=\"/bin/ls\"", true, false },
};

static void test_condition_evaluation(struct kunit *test)
{
	static const char args[] = "sh\0-c\0echo hi\0HOME=/root\0EMPTY=\0";
	const struct warden_cond_ctx ctx = {
		.exec_realpath = "/bin/sh",
		.symlink_target = "../etc/passwd",
		.args = args,
		.args_len = sizeof(args) - 1,
		.argc = 3,
		.envc = 2,
	};
	struct warden_exception_policy e;
	char canonical[256], *words;
	const char *reason;
	size_t i;

	warden_test_exception_load(test, &e, warden_cond_group_lines,
				   ARRAY_SIZE(warden_cond_group_lines));
	for (i = 0; i < ARRAY_SIZE(warden_cond_eval_cases); i++) {
		words = kstrdup(warden_cond_eval_cases[i].cond, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, words);
		KUNIT_ASSERT_EQ(test, warden_cond_canonical(words, canonical,
							    sizeof(canonical),
							    &reason), 0);
		kfree(words);
		rcu_read_lock();
		KUNIT_EXPECT_EQ_MSG(test,
				    warden_cond_eval(canonical,
						     warden_cond_eval_cases[i].with_ctx ?
						     &ctx : NULL, &e),
				    warden_cond_eval_cases[i].met, "%s",
				    warden_cond_eval_cases[i].cond);
		rcu_read_unlock();
	}
	mutex_lock(&warden_policy_lock);
	warden_exception_clear(&e);
	warden_policy_unlock();
}

static struct kunit_case warden_cond_test_cases[] = {
	KUNIT_CASE_PARAM(test_condition_syntax, warden_cond_gen_params),
	KUNIT_CASE(test_condition_evaluation),
	{}
};

static struct kunit_suite warden_cond_test_suite = {
	.name = "warden_cond",
	.test_cases = warden_cond_test_cases,
};

kunit_test_suite(warden_cond_test_suite);

#endif /* CONFIG_SECURITY_WARDEN_KUNIT_TEST */
