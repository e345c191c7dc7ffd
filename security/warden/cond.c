// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - conditions on ACL entries: syntax and canonical form.
 *
 * The grammar is TOMOYO 2.6's: each condition is one word,
 * "<left>=<right>" or "<left>!=<right>", or one of "grant_log=yes|no" and
 * "auto_domain_transition=\"<domainname or program>\"".  Numbers are
 * printed back in the base they were written in.
 */

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/string.h>

#include "acl.h"
#include "cond.h"
#include "domain.h"
#include "pattern.h"

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

	out[0] = '\0';
	while ((word = strsep(&words, " "))) {
		if (warden_cond_one(word, out, size, &len)) {
			*reason = "invalid condition";
			return -EINVAL;
		}
	}
	return 0;
}

#ifdef CONFIG_SECURITY_WARDEN_KUNIT_TEST

#include <kunit/test.h>

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

static struct kunit_case warden_cond_test_cases[] = {
	KUNIT_CASE_PARAM(test_condition_syntax, warden_cond_gen_params),
	{}
};

static struct kunit_suite warden_cond_test_suite = {
	.name = "warden_cond",
	.test_cases = warden_cond_test_cases,
};

kunit_test_suite(warden_cond_test_suite);

#endif /* CONFIG_SECURITY_WARDEN_KUNIT_TEST */
