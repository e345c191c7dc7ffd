// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - KUnit tests of conditions: their syntax and canonical
 * form, their compiled evaluation, and the groups they point to.
 */

#include "../common.h"

#include <kunit/test.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../cond.h"
#include "../exception.h"
#include "../group.h"
#include "../policy.h"
#include "../stat.h"

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
	/* A number or range may stand on the left too, as in TOMOYO. */
	{ "0=0", "0=0" },
	{ "1!=0", "1!=0" },
	{ "100=1-1000", "100=1-1000" },
	{ "123-456=789", "123-456=789" },
	{ "1-2=@grp", "1-2=@grp" },
	{ "0=0-1000", "0=0-1000" },
	{ "0x10=16", "0x10=16" },
	{ "0xab-0xff!=017", "0xAB-0xFF!=017" },
	{ "0=task.uid", "0=task.uid" },
	{ "0100000=file", "0100000=file" },
	{ "0=setuid", "0=setuid" },
	{ "exec.argc=1-5 0=0", "exec.argc=1-5 0=0" },
	{ "setuid=path1.perm", "setuid=path1.perm" },
	{ "file=path1.type", "file=path1.type" },
	{ "file=0100000", "file=0100000" },
	{ "sticky!=@grp", "sticky!=@grp" },
	{ "directory=file", "directory=file" },
	{ "regular=path1.type", NULL },
	{ "@grp=1", NULL },
	{ "2-1=1", NULL },
	{ "0=\"x\"", NULL },
	{ "0=exec.realpath", NULL },
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

/* Compile @text against @e; the conditions, or NULL with *@err set. */
static struct warden_cond *warden_test_cond(struct kunit *test,
					    struct warden_exception_policy *e,
					    const char *text, int *err)
{
	char *words = kstrdup(text, GFP_KERNEL);
	struct warden_cond *cond = NULL;
	const char *reason = NULL;

	KUNIT_ASSERT_NOT_NULL(test, words);
	warden_policy_write_lock();
	*err = warden_cond_compile(words, e, &cond, &reason);
	warden_policy_write_unlock();
	kfree(words);
	if (*err == -EINVAL)
		KUNIT_EXPECT_NOT_NULL(test, reason);
	return cond;
}

static void test_condition_syntax(struct kunit *test)
{
	const struct warden_cond_case *c = test->param_value;
	char *words = kunit_kstrdup(test, c->words, GFP_KERNEL);
	struct warden_exception_policy e;
	struct warden_cond *cond;
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
	/* Compiled, the conditions print the same, or are refused alike. */
	warden_exception_init(&e);
	cond = warden_test_cond(test, &e, c->words, &err);
	if (c->canonical) {
		KUNIT_EXPECT_EQ(test, err, 0);
		KUNIT_ASSERT_NOT_NULL(test, cond);
		KUNIT_EXPECT_STREQ(test, warden_cond_text(cond), c->canonical);
		KUNIT_EXPECT_TRUE(test, warden_cond_size(cond) >
				  strlen(c->canonical));
	} else {
		KUNIT_EXPECT_EQ(test, err, -EINVAL);
		KUNIT_EXPECT_NULL(test, cond);
	}
	warden_cond_free(cond);
	warden_policy_write_lock();
	warden_exception_clear(&e);
	warden_policy_write_unlock();
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
	/* Numbers on the left: the two sides hold when they overlap. */
	{ "0=0", false, true },
	{ "0!=0", false, false },
	{ "1!=0", false, true },
	{ "100=1-1000", false, true },
	{ "123-456=789", false, false },
	{ "123-456!=789", false, true },
	{ "0-0x10=16", false, true },
	{ "1-2=2-3", false, true },
	{ "1000=@USERS", false, true },
	{ "0=@USERS", false, false },
	{ "500-1000=@USERS", false, true },
	{ "500-999=@USERS", false, false },
	{ "500-999!=@USERS", false, true },
	{ "0=@NOSUCH", false, false },
	{ "0=task.uid", false, true },
	{ "1=task.uid", false, false },
	{ "0-5=task.uid", false, true },
	{ "0=path1.uid", false, false },
	{ "0!=path1.uid", false, false },
	{ "0100000=file", false, true },
	{ "0=file", false, false },
	{ "0=directory", false, false },
	{ "0!=directory", false, true },
	/* A number is not a mode: a mode bit on its right never holds. */
	{ "0=setuid", false, false },
	{ "0!=setuid", false, false },
	/* A file type or mode bit on the left, as TOMOYO allows. */
	{ "file=0100000", false, true },
	{ "file!=0100000", false, false },
	{ "setuid=2048", false, true },
	{ "setuid=0-2047", false, false },
	{ "file=file", false, true },
	{ "file=directory", false, false },
	{ "file!=directory", false, true },
	{ "setuid=setuid", false, false },
	{ "setuid!=setuid", false, false },
	{ "setuid!=file", false, false },
	{ "file=path1.type", false, false },
	{ "setuid=@ROOTS", false, false },
	{ "setuid!=@ROOTS", false, true },
	/* A mode bit means nothing to what is not pathN.perm. */
	{ "setuid=task.uid", false, false },
	{ "setuid!=task.uid", false, false },
	{ "task.uid=setuid", false, false },
	{ "task.uid!=setuid", false, false },
};

/* The strings of the evaluation cases' exec, raw and encoded. */
static const char warden_test_args[] = "sh\0-c\0echo hi\0HOME=/root\0EMPTY=\0";
static const char warden_test_encoded[] =
	"sh\0-c\0echo\\040hi\0HOME=/root\0EMPTY=\0";

static const struct warden_cond_ctx warden_test_ctx = {
	.exec_realpath = "/bin/sh",
	.symlink_target = "../etc/passwd",
	.args = warden_test_args,
	.args_len = sizeof(warden_test_args) - 1,
	.encoded_args = warden_test_encoded,
	.encoded_len = sizeof(warden_test_encoded) - 1,
	.argc = 3,
	.envc = 2,
};

static void test_condition_evaluation(struct kunit *test)
{
	struct warden_exception_policy e;
	struct warden_cond *cond;
	size_t i;
	int err;

	warden_test_exception_load(test, &e, warden_cond_group_lines,
				   ARRAY_SIZE(warden_cond_group_lines));
	for (i = 0; i < ARRAY_SIZE(warden_cond_eval_cases); i++) {
		cond = warden_test_cond(test, &e, warden_cond_eval_cases[i].cond,
					&err);
		KUNIT_ASSERT_EQ(test, err, 0);
		rcu_read_lock();
		KUNIT_EXPECT_EQ_MSG(test,
				    warden_cond_eval(cond,
						     warden_cond_eval_cases[i].with_ctx ?
						     &warden_test_ctx : NULL),
				    warden_cond_eval_cases[i].met, "%s",
				    warden_cond_eval_cases[i].cond);
		rcu_read_unlock();
		warden_cond_free(cond);
	}
	warden_policy_write_lock();
	warden_exception_clear(&e);
	warden_policy_write_unlock();
}

/*
 * Each kind of left and right side, compiled and evaluated: a group named
 * before any line fills it is met once a line does, without compiling
 * the condition again.
 */
static const struct warden_compiled_case {
	const char *cond;
	bool before;	/* met before the groups are filled */
	bool after;	/* met after */
	bool needs_args;
	int grant_log;
} warden_compiled_cases[] = {
	{ "task.uid=0", true, true, false, -1 },
	{ "task.uid=0-0x10", true, true, false, -1 },
	{ "task.uid=01-07", false, false, false, -1 },
	{ "task.euid=task.uid", true, true, false, -1 },
	{ "task.euid!=task.fsuid", false, false, false, -1 },
	{ "task.uid=@LATER", false, true, false, -1 },
	{ "task.uid!=@LATER", true, false, false, -1 },
	{ "0-1=@LATER", false, true, false, -1 },
	{ "1-2!=@LATER", true, true, false, -1 },
	{ "task.pid=task.pid task.ppid=task.ppid", true, true, false, -1 },
	{ "exec.realpath=@SHELLS_LATER", false, true, false, -1 },
	{ "exec.realpath!=@SHELLS_LATER", true, false, false, -1 },
	{ "symlink.target=\"../etc/\\*\"", true, true, false, -1 },
	{ "exec.argv[1]=\"-\\?\"", true, true, true, -1 },
	{ "exec.argv[2]=\"echo\\040hi\"", true, true, true, -1 },
	{ "exec.envp[\"EMPTY\"]=\"\"", true, true, true, -1 },
	{ "exec.envp[\"EMPTY\"]!=NULL", true, true, true, -1 },
	{ "exec.envp[\"NONE\"]=NULL", true, true, true, -1 },
	{ "exec.argc=3 exec.envc=2", false, false, false, -1 },
	{ "path1.type=file", false, false, false, -1 },
	{ "path2.parent.perm!=sticky", false, false, false, -1 },
	{ "task.uid=0 grant_log=yes", true, true, false, 1 },
	{ "grant_log=no grant_log=yes", true, true, false, 0 },
	{ "auto_domain_transition=\"/bin/sh\"", true, true, false, -1 },
};

static void warden_compiled_case_desc(const struct warden_compiled_case *c,
				      char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s", c->cond);
}

KUNIT_ARRAY_PARAM(warden_compiled, warden_compiled_cases,
		  warden_compiled_case_desc);

static void test_compiled_condition_follows_its_groups(struct kunit *test)
{
	static const char *const later[] = {
		"number_group LATER 0",
		"path_group SHELLS_LATER /bin/\\*sh",
	};
	const struct warden_compiled_case *c = test->param_value;
	struct warden_exception_policy e;
	struct warden_cond *cond;
	size_t i;
	int err;

	warden_exception_init(&e);
	cond = warden_test_cond(test, &e, c->cond, &err);
	KUNIT_ASSERT_EQ(test, err, 0);
	KUNIT_EXPECT_EQ(test, warden_cond_needs_exec_args(cond), c->needs_args);
	KUNIT_EXPECT_EQ(test, warden_cond_grant_log(cond), c->grant_log);
	rcu_read_lock();
	KUNIT_EXPECT_EQ(test, warden_cond_eval(cond, &warden_test_ctx),
			c->before);
	rcu_read_unlock();
	warden_policy_write_lock();
	warden_exception_clear(&e);
	warden_policy_write_unlock();
	warden_cond_free(cond);

	/* The same, with the groups filled after the condition named them. */
	warden_exception_init(&e);
	cond = warden_test_cond(test, &e, c->cond, &err);
	KUNIT_ASSERT_EQ(test, err, 0);
	for (i = 0; i < ARRAY_SIZE(later); i++) {
		char *line = kunit_kstrdup(test, later[i], GFP_KERNEL);
		const char *reason;

		KUNIT_ASSERT_NOT_NULL(test, line);
		warden_policy_write_lock();
		KUNIT_EXPECT_EQ(test, warden_exception_write(&e, line, &reason),
				0);
		warden_policy_write_unlock();
	}
	rcu_read_lock();
	KUNIT_EXPECT_EQ(test, warden_cond_eval(cond, &warden_test_ctx),
			c->after);
	rcu_read_unlock();
	warden_cond_free(cond);
	warden_policy_write_lock();
	warden_exception_clear(&e);
	warden_policy_write_unlock();
}

static void test_no_conditions_are_met_and_compare_equal(struct kunit *test)
{
	struct warden_exception_policy e;
	struct warden_cond *a, *b, *c;
	int err;

	warden_exception_init(&e);
	KUNIT_EXPECT_TRUE(test, warden_cond_eval(NULL, NULL));
	KUNIT_EXPECT_EQ(test, warden_cond_grant_log(NULL), -1);
	KUNIT_EXPECT_FALSE(test, warden_cond_needs_exec_args(NULL));
	KUNIT_EXPECT_EQ(test, warden_cond_size(NULL), 0);
	a = warden_test_cond(test, &e, "task.uid=0x10 task.gid=@G", &err);
	b = warden_test_cond(test, &e, "task.uid=0x10 task.gid=@G", &err);
	c = warden_test_cond(test, &e, "task.uid=16 task.gid=@G", &err);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_TRUE(test, warden_cond_equal(a, b));
	KUNIT_EXPECT_FALSE(test, warden_cond_equal(a, c));
	KUNIT_EXPECT_FALSE(test, warden_cond_equal(a, NULL));
	KUNIT_EXPECT_TRUE(test, warden_cond_equal(NULL, NULL));
	warden_cond_free(a);
	warden_cond_free(b);
	warden_cond_free(c);
	warden_policy_write_lock();
	warden_exception_clear(&e);
	warden_policy_write_unlock();
}

/* Refused conditions leave no group behind, printed or counted. */
static void test_refused_conditions_leave_no_group(struct kunit *test)
{
	static const char *const refused[] = {
		"task.uid=@NEW1 task.gid=abc",
		"exec.realpath=@NEW2 bogus",
		"task.uid=@NEW3 exec.argv[0]=NULL",
	};
	struct warden_exception_policy e;
	struct warden_cond *cond;
	unsigned int before;
	size_t i;
	int err;

	warden_exception_init(&e);
	before = warden_memory_in_use(WARDEN_MEMORY_POLICY);
	for (i = 0; i < ARRAY_SIZE(refused); i++) {
		cond = warden_test_cond(test, &e, refused[i], &err);
		KUNIT_EXPECT_EQ(test, err, -EINVAL);
		KUNIT_EXPECT_NULL(test, cond);
	}
	KUNIT_EXPECT_EQ(test, warden_memory_in_use(WARDEN_MEMORY_POLICY),
			before);
	KUNIT_EXPECT_TRUE(test, list_empty(&e.groups.all));
	/* Accepted, they leave an empty group that prints nothing. */
	cond = warden_test_cond(test, &e, "task.uid=@NEW1", &err);
	KUNIT_ASSERT_EQ(test, err, 0);
	KUNIT_EXPECT_FALSE(test, list_empty(&e.groups.all));
	KUNIT_EXPECT_TRUE(test, list_empty(&e.groups.defined));
	KUNIT_EXPECT_GT(test, warden_memory_in_use(WARDEN_MEMORY_POLICY),
			before);
	warden_cond_free(cond);
	warden_policy_write_lock();
	warden_exception_clear(&e);
	warden_policy_write_unlock();
	KUNIT_EXPECT_EQ(test, warden_memory_in_use(WARDEN_MEMORY_POLICY),
			before);
}

/*
 * A malformed line is refused as malformed even when the groups it names
 * could not be created: with the policy quota reached, the bad word after
 * a new group's name gives -EINVAL, not -ENOMEM.
 */
static void test_malformed_conditions_are_einval_at_quota(struct kunit *test)
{
	struct warden_exception_policy e;
	struct warden_cond *cond;
	int err;

	warden_exception_init(&e);
	warden_stat_set_quota(WARDEN_MEMORY_POLICY,
			      warden_memory_in_use(WARDEN_MEMORY_POLICY));
	cond = warden_test_cond(test, &e, "task.uid=@NEW4 \\", &err);
	KUNIT_EXPECT_EQ(test, err, -EINVAL);
	KUNIT_EXPECT_NULL(test, cond);
	/* Well formed, the same line runs out of quota. */
	cond = warden_test_cond(test, &e, "task.uid=@NEW4", &err);
	KUNIT_EXPECT_EQ(test, err, -ENOMEM);
	KUNIT_EXPECT_NULL(test, cond);
	warden_stat_set_quota(WARDEN_MEMORY_POLICY, 0);
	KUNIT_EXPECT_TRUE(test, list_empty(&e.groups.all));
	warden_policy_write_lock();
	warden_exception_clear(&e);
	warden_policy_write_unlock();
}

static struct kunit_case warden_cond_test_cases[] = {
	KUNIT_CASE_PARAM(test_condition_syntax, warden_cond_gen_params),
	KUNIT_CASE(test_condition_evaluation),
	KUNIT_CASE_PARAM(test_compiled_condition_follows_its_groups,
			 warden_compiled_gen_params),
	KUNIT_CASE(test_no_conditions_are_met_and_compare_equal),
	KUNIT_CASE(test_refused_conditions_leave_no_group),
	KUNIT_CASE(test_malformed_conditions_are_einval_at_quota),
	{}
};

static struct kunit_suite warden_cond_test_suite = {
	.name = "warden_cond",
	.test_cases = warden_cond_test_cases,
};

kunit_test_suite(warden_cond_test_suite);
