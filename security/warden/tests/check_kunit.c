// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - KUnit tests of the decision: what each mode does with a
 * request, learning and its limit, grant_log, the ACL groups a domain
 * uses and conditions, decided through a request context pinned to a
 * domain policy the test builds, not the policy in force; and the one
 * lookup of a domain's policy that a hook makes in the policy in force.
 */

#include "../common.h"
#include <kunit/test.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../acl.h"
#include "../acl_group.h"
#include "../check.h"
#include "../domain.h"
#include "../domain_policy.h"
#include "../exception.h"
#include "../netacl.h"
#include "../policy.h"
#include "../profile.h"
#include "kunit_util.h"

#define WARDEN_TEST_DOMAIN "<kernel> /usr/sbin/test"

/**
 * struct warden_check_test - a domain and its policy, owned by a test
 * @e: the exception policy: the domain's groups.
 * @dp: the domain's policy.
 * @domain: the live domain requests are made in.
 * @rctx: the context requests are decided in, pinned to @dp.
 */
struct warden_check_test {
	struct warden_exception_policy e;
	struct warden_domain_policy *dp;
	struct warden_domain *domain;
	struct warden_request_ctx rctx;
};

/* Write one line, as the policy file would, under the policy lock. */
static int warden_test_write(struct warden_check_test *t, const char *text,
			     bool exception)
{
	if (exception)
		return warden_test_exception_line(&t->e, text);
	if (str_has_prefix(text, "file "))
		return warden_test_acl_line(&t->dp->acls, &t->e,
					    text + strlen("file "), false);
	return warden_test_netacl_line(&t->dp->netacls, &t->e, text, false);
}

/* Make the domain use ACL group @name. */
static int warden_test_use_group(struct warden_check_test *t,
				 const char *name)
{
	const struct warden_acl_user user = {
		.uses = &t->dp->uses,
		.acls = &t->dp->acls,
		.netacls = &t->dp->netacls,
	};
	struct warden_acl_group *group;
	const char *reason;
	int err = -ENOMEM;

	warden_policy_write_lock();
	group = warden_acl_group_ref(&t->e.acl_groups, name);
	if (group)
		err = warden_acl_group_use(&user, group, false, &reason);
	warden_policy_write_unlock();
	return err;
}

/*
 * A domain with no entries in profile 3, deciding in @mode with @flags
 * (the log flags of the config byte).
 */
static struct warden_check_test *warden_test_domain(struct kunit *test,
						    u8 mode, u8 flags)
{
	size_t len = strlen(WARDEN_TEST_DOMAIN) + 1;
	struct warden_check_test *t;

	t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t);
	t->domain = kunit_kzalloc(test, sizeof(*t->domain) + len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t->domain);
	memcpy(t->domain->name, WARDEN_TEST_DOMAIN, len);
	refcount_set(&t->domain->usage, 1);
	t->dp = kunit_kzalloc(test, sizeof(*t->dp) + len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t->dp);
	memcpy(t->dp->name, WARDEN_TEST_DOMAIN, len);
	t->dp->profile = 3;
	INIT_LIST_HEAD(&t->dp->uses);
	KUNIT_ASSERT_EQ(test, warden_acl_set_init(&t->dp->acls), 0);
	KUNIT_ASSERT_EQ(test, warden_netacl_set_init(&t->dp->netacls), 0);
	warden_exception_init(&t->e);

	t->rctx.domain = t->domain;
	t->rctx.op = WARDEN_OP_FILE_OPEN;
	t->rctx.config = mode | flags;
	t->rctx.mode = mode;
	t->rctx.profile = 3;
	t->rctx.pref[WARDEN_PREF_MAX_LEARNING_ENTRY] = 2048;
	/* Records are made, then dropped: no test reads the audit file. */
	t->rctx.pref[WARDEN_PREF_MAX_AUDIT_LOG] = 0;
	t->rctx.dp = t->dp;
	t->rctx.exception = &t->e;
	t->rctx.pinned = true;
	return t;
}

static void warden_test_domain_free(struct warden_check_test *t)
{
	warden_policy_write_lock();
	warden_acl_group_uses_clear(&t->dp->uses);
	warden_policy_write_unlock();
	synchronize_rcu();
	warden_acl_set_destroy(&t->dp->acls);
	warden_netacl_set_destroy(&t->dp->netacls);
	warden_test_exception_free(&t->e);
}

/* Decide from now on in @mode, with no log flags. */
static void warden_test_set_mode(struct warden_check_test *t, u8 mode)
{
	t->rctx.mode = mode;
	t->rctx.config = mode;
}

/* Decide "file <op> <path>" in @t; the verdict's holdings are released. */
static int warden_test_decide(struct warden_check_test *t,
			      enum warden_path_op op, const char *path,
			      struct warden_verdict *verdict)
{
	struct warden_request req = {
		.kind = WARDEN_ACL_PATH,
		.op = op,
		.word = { path },
	};
	int err;

	err = warden_check(&t->rctx, &req, verdict);
	warden_verdict_release(verdict);
	return err;
}

struct warden_check_case {
	const char *desc;
	u8 mode;
	u8 flags;
	const char *lines[3];
	bool use_group;
	enum warden_path_op op;
	const char *path;
	int err;
	bool granted;
	bool audited;
	bool learned;
};

#define WARDEN_R WARDEN_CONFIG_REJECT_LOG
#define WARDEN_G WARDEN_CONFIG_GRANT_LOG

static const struct warden_check_case warden_check_cases[] = {
	{ "disabled mode decides nothing, even what an entry names",
	  WARDEN_MODE_DISABLED, WARDEN_R | WARDEN_G,
	  { "file read /etc/passwd" }, false, WARDEN_PATH_READ, "/etc/passwd",
	  0, false, false, false },
	{ "enforcing mode allows what an entry grants",
	  WARDEN_MODE_ENFORCING, 0, { "file read /etc/passwd" }, false,
	  WARDEN_PATH_READ, "/etc/passwd", 0, true, false, false },
	{ "enforcing mode rejects what no entry grants",
	  WARDEN_MODE_ENFORCING, 0, { "file read /etc/passwd" }, false,
	  WARDEN_PATH_WRITE, "/etc/passwd", -EPERM, false, false, false },
	{ "a rejection is logged where the profile says so",
	  WARDEN_MODE_ENFORCING, WARDEN_R, {}, false,
	  WARDEN_PATH_READ, "/etc/shadow", -EPERM, false, true, false },
	{ "permissive mode allows what no entry grants",
	  WARDEN_MODE_PERMISSIVE, WARDEN_R, {}, false,
	  WARDEN_PATH_READ, "/etc/shadow", 0, false, true, false },
	{ "learning mode allows what no entry grants and learns it",
	  WARDEN_MODE_LEARNING, 0, {}, false,
	  WARDEN_PATH_READ, "/etc/shadow", 0, false, false, true },
	{ "learning mode learns nothing an entry grants",
	  WARDEN_MODE_LEARNING, 0, { "file read /etc/shadow" }, false,
	  WARDEN_PATH_READ, "/etc/shadow", 0, true, false, false },
	{ "a pattern entry grants what it matches",
	  WARDEN_MODE_ENFORCING, 0, { "file read /etc/\\*" }, false,
	  WARDEN_PATH_READ, "/etc/hosts", 0, true, false, false },
	{ "a grant is not logged unless the profile says so",
	  WARDEN_MODE_ENFORCING, WARDEN_R, { "file read /etc/hosts" }, false,
	  WARDEN_PATH_READ, "/etc/hosts", 0, true, false, false },
	{ "a grant is logged where the profile says grant_log",
	  WARDEN_MODE_ENFORCING, WARDEN_G, { "file read /etc/hosts" }, false,
	  WARDEN_PATH_READ, "/etc/hosts", 0, true, true, false },
	{ "grant_log=no on the entry overrides the profile",
	  WARDEN_MODE_ENFORCING, WARDEN_G,
	  { "file read /etc/hosts grant_log=no" }, false,
	  WARDEN_PATH_READ, "/etc/hosts", 0, true, false, false },
	{ "grant_log=yes on the entry overrides the profile",
	  WARDEN_MODE_ENFORCING, 0, { "file read /etc/hosts grant_log=yes" },
	  false, WARDEN_PATH_READ, "/etc/hosts", 0, true, true, false },
	{ "an ACL group the domain uses grants",
	  WARDEN_MODE_ENFORCING, 0, { "acl_group 0 file read /srv/\\*" }, true,
	  WARDEN_PATH_READ, "/srv/www", 0, true, false, false },
	{ "an ACL group the domain does not use grants nothing",
	  WARDEN_MODE_ENFORCING, 0, { "acl_group 0 file read /srv/\\*" },
	  false, WARDEN_PATH_READ, "/srv/www", -EPERM, false, false, false },
	{ "an ACL group's grant_log=yes is logged",
	  WARDEN_MODE_ENFORCING, 0,
	  { "acl_group 0 file read /srv/www grant_log=yes" }, true,
	  WARDEN_PATH_READ, "/srv/www", 0, true, true, false },
	{ "an entry whose condition is met grants (KUnit runs as root)",
	  WARDEN_MODE_ENFORCING, 0, { "file read /etc/hosts task.uid=0" },
	  false, WARDEN_PATH_READ, "/etc/hosts", 0, true, false, false },
	{ "an entry whose condition is not met grants nothing",
	  WARDEN_MODE_ENFORCING, WARDEN_R,
	  { "file read /etc/hosts task.uid=1000" }, false,
	  WARDEN_PATH_READ, "/etc/hosts", -EPERM, false, true, false },
	{ "a condition not met in learning mode learns the request",
	  WARDEN_MODE_LEARNING, 0, { "file read /etc/hosts task.uid!=0" },
	  false, WARDEN_PATH_READ, "/etc/hosts", 0, false, false, true },
};

static void warden_check_case_desc(const struct warden_check_case *c,
				   char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(warden_check, warden_check_cases, warden_check_case_desc);

static void test_decision(struct kunit *test)
{
	const struct warden_check_case *c = test->param_value;
	struct warden_check_test *t = warden_test_domain(test, c->mode,
							 c->flags);
	struct warden_verdict verdict;
	unsigned int i;
	int err;

	for (i = 0; i < ARRAY_SIZE(c->lines) && c->lines[i]; i++)
		KUNIT_ASSERT_EQ_MSG(test,
				    warden_test_write(t, c->lines[i],
						      str_has_prefix(c->lines[i],
								     "acl_group ")),
				    0, "%s", c->lines[i]);
	if (c->use_group)
		KUNIT_ASSERT_EQ(test, warden_test_use_group(t, "0"), 0);
	err = warden_test_decide(t, c->op, c->path, &verdict);
	KUNIT_EXPECT_EQ(test, err, c->err);
	KUNIT_EXPECT_EQ(test, verdict.mode, c->mode);
	KUNIT_EXPECT_EQ(test, verdict.granted, c->granted);
	KUNIT_EXPECT_EQ(test, verdict.audited, c->audited);
	KUNIT_EXPECT_EQ(test, verdict.learned, c->learned);
	KUNIT_EXPECT_NULL(test, verdict.entry);
	/* What learning added grants the same request in enforcing mode. */
	if (c->learned) {
		warden_test_set_mode(t, WARDEN_MODE_ENFORCING);
		KUNIT_EXPECT_EQ(test,
				warden_test_decide(t, c->op, c->path, &verdict),
				0);
		KUNIT_EXPECT_TRUE(test, verdict.granted);
	}
	warden_test_domain_free(t);
}

/*
 * Learning stops at max_learning_entry: the domain is marked and nothing
 * more is added, also after an entry is removed below the limit.
 */
static void test_learning_stops_at_max_learning_entry(struct kunit *test)
{
	struct warden_check_test *t = warden_test_domain(test,
							 WARDEN_MODE_LEARNING,
							 0);
	struct warden_verdict verdict;

	t->rctx.pref[WARDEN_PREF_MAX_LEARNING_ENTRY] = 2;
	KUNIT_EXPECT_EQ(test, warden_test_decide(t, WARDEN_PATH_READ, "/a",
						 &verdict), 0);
	KUNIT_EXPECT_TRUE(test, verdict.learned);
	KUNIT_EXPECT_EQ(test, warden_test_decide(t, WARDEN_PATH_READ, "/b",
						 &verdict), 0);
	KUNIT_EXPECT_EQ(test, t->dp->acls.count, 2);
	KUNIT_EXPECT_FALSE(test, t->dp->quota_exceeded);
	/* The third is allowed but not added, and the domain is marked. */
	KUNIT_EXPECT_EQ(test, warden_test_decide(t, WARDEN_PATH_READ, "/c",
						 &verdict), 0);
	KUNIT_EXPECT_FALSE(test, verdict.granted);
	KUNIT_EXPECT_EQ(test, t->dp->acls.count, 2);
	KUNIT_EXPECT_TRUE(test, t->dp->quota_exceeded);
	/* A marked domain learns nothing more, even under the limit. */
	t->rctx.pref[WARDEN_PREF_MAX_LEARNING_ENTRY] = 100;
	KUNIT_EXPECT_EQ(test, warden_test_decide(t, WARDEN_PATH_READ, "/d",
						 &verdict), 0);
	KUNIT_EXPECT_EQ(test, t->dp->acls.count, 2);
	/* What was learned before the limit grants. */
	warden_test_set_mode(t, WARDEN_MODE_ENFORCING);
	KUNIT_EXPECT_EQ(test, warden_test_decide(t, WARDEN_PATH_READ, "/b",
						 &verdict), 0);
	KUNIT_EXPECT_EQ(test, warden_test_decide(t, WARDEN_PATH_READ, "/c",
						 &verdict), -EPERM);
	warden_test_domain_free(t);
}

/* Network and environment entries count towards the learning limit too. */
static void test_learning_limit_counts_every_kind(struct kunit *test)
{
	struct warden_check_test *t = warden_test_domain(test,
							 WARDEN_MODE_LEARNING,
							 0);
	struct warden_verdict verdict;

	KUNIT_ASSERT_EQ(test, warden_test_write(t, "misc env HOME", false), 0);
	t->rctx.pref[WARDEN_PREF_MAX_LEARNING_ENTRY] = 1;
	KUNIT_EXPECT_EQ(test, warden_test_decide(t, WARDEN_PATH_READ, "/a",
						 &verdict), 0);
	KUNIT_EXPECT_EQ(test, t->dp->acls.count, 0);
	KUNIT_EXPECT_TRUE(test, t->dp->quota_exceeded);
	warden_test_domain_free(t);
}

/* A network request is decided, learned and granted as a file one is. */
static void test_network_request_learned_then_granted(struct kunit *test)
{
	struct warden_check_test *t = warden_test_domain(test,
							 WARDEN_MODE_LEARNING,
							 0);
	struct warden_net_request req = {
		.family = WARDEN_NET_INET_STREAM,
		.op = WARDEN_NET_BIND,
		.address = { 127, 0, 0, 1 },
		.port = 8080,
	};

	t->rctx.op = WARDEN_OP_INET_STREAM_BIND;
	KUNIT_EXPECT_EQ(test, warden_check_net(&t->rctx, &req), 0);
	KUNIT_EXPECT_EQ(test, t->dp->netacls.count, 1);
	warden_test_set_mode(t, WARDEN_MODE_ENFORCING);
	KUNIT_EXPECT_EQ(test, warden_check_net(&t->rctx, &req), 0);
	req.port = 8081;
	KUNIT_EXPECT_EQ(test, warden_check_net(&t->rctx, &req), -EPERM);
	warden_test_domain_free(t);
}

/* The execute check holds the granting entry, for the transition. */
static void test_execute_grant_holds_its_entry(struct kunit *test)
{
	struct warden_check_test *t = warden_test_domain(test,
							 WARDEN_MODE_ENFORCING,
							 0);
	struct warden_request req = {
		.kind = WARDEN_ACL_PATH,
		.op = WARDEN_PATH_EXECUTE,
		.word = { "/bin/ls" },
		.hold = true,
	};
	struct warden_verdict verdict;

	KUNIT_ASSERT_EQ(test, warden_test_write(t, "file execute /bin/\\*",
						false), 0);
	t->rctx.op = WARDEN_OP_FILE_EXECUTE;
	KUNIT_EXPECT_EQ(test, warden_check(&t->rctx, &req, &verdict), 0);
	KUNIT_EXPECT_TRUE(test, verdict.granted);
	KUNIT_EXPECT_NOT_NULL(test, verdict.entry);
	/* A pattern names the domain the exec enters, as in TOMOYO. */
	KUNIT_EXPECT_STREQ(test, verdict.matched, "/bin/\\*");
	KUNIT_EXPECT_NULL(test, verdict.transit);
	warden_verdict_release(&verdict);
	KUNIT_EXPECT_NULL(test, verdict.entry);
	warden_test_domain_free(t);
}

/* Whether an exec reads its strings depends on the domain's entries. */
static void test_exec_args_needed_only_for_exec_conditions(struct kunit *test)
{
	struct warden_check_test *t = warden_test_domain(test,
							 WARDEN_MODE_ENFORCING,
							 0);

	t->rctx.op = WARDEN_OP_FILE_EXECUTE;
	KUNIT_ASSERT_EQ(test, warden_test_write(t, "file execute /bin/sh",
						false), 0);
	KUNIT_EXPECT_FALSE(test, warden_check_needs_exec_args(&t->rctx));
	KUNIT_ASSERT_EQ(test,
			warden_test_write(t, "acl_group 1 file execute /bin/ls exec.argv[1]=\"-l\"",
					  true), 0);
	KUNIT_EXPECT_FALSE(test, warden_check_needs_exec_args(&t->rctx));
	KUNIT_ASSERT_EQ(test, warden_test_use_group(t, "1"), 0);
	KUNIT_EXPECT_TRUE(test, warden_check_needs_exec_args(&t->rctx));
	/* Not mediated: nothing is read. */
	warden_test_set_mode(t, WARDEN_MODE_DISABLED);
	KUNIT_EXPECT_FALSE(test, warden_check_needs_exec_args(&t->rctx));
	warden_test_domain_free(t);
}

/* A domainname line, or its deletion, written to the policy in force. */
static int warden_test_live_domain(struct warden_policy *policy, void *arg)
{
	char *selected = NULL, *line = arg;
	const char *reason;
	int err;

	/* Whoever holds the lock sees the epoch odd. */
	if (!(warden_policy_epoch_read() & 1))
		return -EPROTO;
	err = warden_domain_policy_write(policy, &selected, line, true,
					 &reason);
	kfree(selected);
	return err;
}

static int warden_test_no_change(struct warden_policy *policy, void *arg)
{
	return 0;
}

/*
 * A hook's decisions look the domain's policy up once: a later decision
 * of the same hook uses what the first found while no writer came, even
 * in another RCU read-side critical section, and looks it up again after
 * a write.  The test makes that visible by moving the context to another
 * domain between the calls, which a lookup would follow.
 */
static void test_hook_looks_up_domain_policy_once(struct kunit *test)
{
	char add_a[] = "<kernel> /kunit/lookup_a";
	char add_b[] = "<kernel> /kunit/lookup_b";
	char del_a[] = "delete <kernel> /kunit/lookup_a";
	char del_b[] = "delete <kernel> /kunit/lookup_b";
	struct warden_domain *a, *b;
	struct warden_request_ctx rctx = {};
	struct warden_domain_policy *found;
	unsigned long epoch;

	KUNIT_ASSERT_EQ(test, warden_policy_store(warden_test_live_domain,
						  add_a), 0);
	KUNIT_ASSERT_EQ(test, warden_policy_store(warden_test_live_domain,
						  add_b), 0);
	a = warden_domain_lookup(add_a, GFP_KERNEL);
	b = warden_domain_lookup(add_b, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);

	rctx.domain = a;
	rcu_read_lock();
	found = warden_request_policy(&rctx);
	KUNIT_EXPECT_NOT_NULL(test, found);
	if (found)
		KUNIT_EXPECT_STREQ(test, found->name, add_a);
	KUNIT_EXPECT_PTR_EQ(test, rctx.exception,
			    &rcu_dereference(warden_policy)->exception);
	rcu_read_unlock();
	epoch = rctx.epoch;
	KUNIT_EXPECT_EQ(test, epoch & 1, 0);

	/* The hook's next decision, in a critical section of its own. */
	rctx.domain = b;
	rcu_read_lock();
	KUNIT_EXPECT_PTR_EQ(test, warden_request_policy(&rctx), found);
	rcu_read_unlock();
	KUNIT_EXPECT_EQ(test, rctx.epoch, epoch);

	/* Any writer, even one that changes nothing, makes it look again. */
	KUNIT_ASSERT_EQ(test, warden_policy_store(warden_test_no_change, NULL),
			0);
	KUNIT_EXPECT_FALSE(test, warden_policy_unchanged(epoch));
	rcu_read_lock();
	found = warden_request_policy(&rctx);
	KUNIT_EXPECT_NOT_NULL(test, found);
	if (found)
		KUNIT_EXPECT_STREQ(test, found->name, add_b);
	rcu_read_unlock();
	KUNIT_EXPECT_EQ(test, rctx.epoch, epoch + 2);

	/* A deleted domain is not found in the next lookup. */
	KUNIT_ASSERT_EQ(test, warden_policy_store(warden_test_live_domain,
						  del_b), 0);
	rcu_read_lock();
	KUNIT_EXPECT_NULL(test, warden_request_policy(&rctx));
	rcu_read_unlock();

	KUNIT_EXPECT_EQ(test, warden_policy_store(warden_test_live_domain,
						  del_a), 0);
	warden_domain_put(a);
	warden_domain_put(b);
}

static struct kunit_case warden_check_test_cases[] = {
	KUNIT_CASE_PARAM(test_decision, warden_check_gen_params),
	KUNIT_CASE(test_learning_stops_at_max_learning_entry),
	KUNIT_CASE(test_learning_limit_counts_every_kind),
	KUNIT_CASE(test_network_request_learned_then_granted),
	KUNIT_CASE(test_execute_grant_holds_its_entry),
	KUNIT_CASE(test_exec_args_needed_only_for_exec_conditions),
	KUNIT_CASE(test_hook_looks_up_domain_policy_once),
	{}
};

static struct kunit_suite warden_check_test_suite = {
	.name = "warden_check",
	.test_cases = warden_check_test_cases,
};

kunit_test_suite(warden_check_test_suite);
