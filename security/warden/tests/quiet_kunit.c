// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - KUnit tests of quiet rules: quiet lines of every kind in
 * a domain and in named and numbered ACL groups printed as they were
 * written and loaded back to themselves, malformed ones refused whole,
 * and decisions where a quiet rule covers what nothing grants: refused
 * or allowed as the mode says, never logged, learned or granted.
 */

#include "../common.h"
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/err.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../acl.h"
#include "../check.h"
#include "../document.h"
#include "../domain.h"
#include "../domain_policy.h"
#include "../netacl.h"
#include "../policy.h"
#include "../profile.h"
#include "../stat.h"
#include "kunit_util.h"

#define QUIET_DOMAIN "<kernel> /usr/sbin/test"

/* Parse @text as the policy file would, without putting it in force. */
static struct warden_policy *warden_quiet_parse(struct kunit *test,
						const char *text,
						const char **reason)
{
	struct warden_document *doc = warden_document_new();
	struct warden_policy *policy;
	int err;

	KUNIT_ASSERT_NOT_NULL(test, doc);
	err = warden_document_write(doc, text, strlen(text));
	if (!err)
		err = warden_document_finish(doc);
	if (reason)
		*reason = doc->reason;
	policy = doc->policy;
	if (!err)
		doc->policy = NULL;
	warden_document_free(doc);
	return err ? ERR_PTR(err) : policy;
}

static void warden_quiet_policy_free(void *policy)
{
	warden_policy_free(policy);
}

/* Parse @text, which must load, and free the policy when the test ends. */
static struct warden_policy *warden_quiet_load(struct kunit *test,
					       const char *text)
{
	const char *reason = NULL;
	struct warden_policy *policy = warden_quiet_parse(test, text, &reason);

	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR_OR_NULL(policy), "%s",
			       reason ?: "");
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test,
							warden_quiet_policy_free,
							policy), 0);
	return policy;
}

static void warden_quiet_policy_free_locked(void *policy)
{
	warden_policy_write_lock();
	warden_policy_free(policy);
	warden_policy_write_unlock();
}

/*
 * Build a policy from @text line by line, as the policy files would, in
 * the policy memory pool, so that a test can change it, count what it
 * holds and learn into it; freed when the test ends.
 */
static struct warden_policy *warden_quiet_build(struct kunit *test,
						const char *text)
{
	char *copy = kstrdup(text, GFP_KERNEL), *cursor = copy, *line;
	int section = WARDEN_SECTION_DOMAIN;
	struct warden_policy *policy;
	char *selected = NULL;
	const char *reason;

	KUNIT_ASSERT_NOT_NULL(test, copy);
	warden_policy_write_lock();
	policy = warden_policy_create(false);
	while (policy && (line = strsep(&cursor, "\n"))) {
		warden_normalize_line(line);
		if (!*line)
			continue;
		if (!strcmp(line, "[exception_policy]")) {
			section = WARDEN_SECTION_EXCEPTION;
			continue;
		}
		if (!strcmp(line, "[domain_policy]")) {
			section = WARDEN_SECTION_DOMAIN;
			continue;
		}
		KUNIT_EXPECT_EQ_MSG(test,
				    warden_policy_apply_line(policy, section,
							     &selected, line,
							     &reason),
				    0, "%s", line);
	}
	warden_policy_write_unlock();
	kfree(selected);
	kfree(copy);
	KUNIT_ASSERT_NOT_NULL(test, policy);
	KUNIT_ASSERT_EQ(test,
			kunit_add_action_or_reset(test,
						  warden_quiet_policy_free_locked,
						  policy), 0);
	return policy;
}

/* Quiet lines of every kind, in a domain and in groups of both names. */
static const char warden_quiet_document[] =
	"[exception_policy]\n"
	"path_group LOGS /var/log/\\*\n"
	"acl_group 7 quiet file read /etc/shadow\n"
	"acl_group 7 quiet file read /etc/gshadow\n"
	"acl_group 7 quiet file write /etc/shadow\n"
	"acl_group term_use_console file read/write /dev/console\n"
	"acl_group term_use_console quiet file ioctl /dev/console 0x5401-0x54FF\n"
	"acl_group term_use_console quiet network inet stream connect 127.0.0.1 80\n"
	"acl_group term_use_console quiet network unix dgram send /dev/log\n"
	"acl_group term_use_console quiet misc env SECRET\n"
	"acl_group term_use_console quiet task manual_domain_transition <kernel> /bin/sh\n"
	"[domain_policy]\n"
	"<kernel> /usr/sbin/test\n"
	"use_group 7\n"
	"use_group term_use_console\n"
	"file read /etc/hosts\n"
	"quiet file read /etc/selinux/config\n"
	"quiet file append @LOGS\n"
	"quiet file read /proc/\\$/status task.uid=0\n"
	"quiet file mkdir /tmp/x 0755\n"
	"quiet file mkchar /dev/x 0600 1 3\n"
	"quiet file rename /tmp/a /tmp/b\n"
	"quiet file mount /dev/sda1 /mnt ext4 0\n"
	"quiet file execute /bin/true exec.argc=1\n"
	"quiet network inet dgram send 10.0.0.0-10.255.255.255 53\n"
	"quiet network unix stream connect /run/\\*\n"
	"quiet misc env LD_\\*\n"
	"quiet task manual_domain_transition <kernel> /bin/ls\n";

/*
 * Quiet lines print after the domain's other entries and a group's, as
 * the lines they quiet print, operations merged as the kernel merges
 * them; the printout loads back to itself.
 */
static void test_quiet_lines_print_and_load_back(struct kunit *test)
{
	static const char *const holds[] = {
		"acl_group 7 quiet file read/write /etc/shadow\n"
		"acl_group 7 quiet file read /etc/gshadow\n",
		"acl_group term_use_console file read/write /dev/console\n"
		"acl_group term_use_console quiet file ioctl /dev/console 0x5401-0x54FF\n"
		"acl_group term_use_console quiet network inet stream connect 127.0.0.1 80\n"
		"acl_group term_use_console quiet network unix dgram send /dev/log\n"
		"acl_group term_use_console quiet misc env SECRET\n"
		"acl_group term_use_console quiet task manual_domain_transition <kernel> /bin/sh\n",
		"<kernel> /usr/sbin/test\nuse_profile 0\nuse_group 7\n"
		"use_group term_use_console\n\nfile read /etc/hosts\n"
		"quiet file read /etc/selinux/config\n"
		"quiet file append @LOGS\n"
		"quiet file read /proc/\\$/status task.uid=0\n"
		"quiet file mkdir /tmp/x 0755\n"
		"quiet file mkchar /dev/x 0600 1 3\n"
		"quiet file rename /tmp/a /tmp/b\n"
		"quiet file mount /dev/sda1 /mnt ext4 0\n"
		"quiet file execute /bin/true exec.argc=1\n"
		"quiet network inet dgram send 10.0.0.0-10.255.255.255 53\n"
		"quiet network unix stream connect /run/\\*\n"
		"quiet misc env LD_\\*\n"
		"quiet task manual_domain_transition <kernel> /bin/ls\n\n",
	};
	struct warden_policy *policy = warden_quiet_load(test,
							 warden_quiet_document);
	struct warden_policy *again;
	char *printed, *reprinted;
	const char *at;
	size_t i;

	printed = warden_test_policy_print(test, policy);
	at = printed;
	for (i = 0; i < ARRAY_SIZE(holds); i++) {
		const char *found = strstr(at, holds[i]);

		KUNIT_EXPECT_NOT_NULL_MSG(test, found, "\"%s\" in:\n%s",
					  holds[i], printed);
		if (found)
			at = found + strlen(holds[i]);
	}
	again = warden_quiet_load(test, printed);
	reprinted = warden_test_policy_print(test, again);
	KUNIT_EXPECT_STREQ(test, reprinted, printed);
}

/*
 * Deleting every quiet line leaves the policy printed and counted as it
 * was before they were added: the sets of a domain and of a group go
 * with their last quiet entry.
 */
static void test_deleted_quiet_lines_leave_nothing(struct kunit *test)
{
	static const char *const lines[] = {
		"quiet file read /etc/selinux/config",
		"quiet file read /etc/selinux/config task.uid=0",
		"quiet network inet stream bind 0.0.0.0 8080",
		"quiet misc env HOME",
	};
	struct warden_policy *policy =
		warden_quiet_build(test, "[domain_policy]\n" QUIET_DOMAIN "\n");
	char *selected = NULL, *before, line[128];
	const char *reason;
	unsigned int used;
	size_t i;
	int pass;

	before = warden_test_policy_print(test, policy);
	used = warden_memory_in_use(WARDEN_MEMORY_POLICY);
	warden_policy_write_lock();
	strscpy(line, QUIET_DOMAIN, sizeof(line));
	KUNIT_EXPECT_EQ(test, warden_policy_apply_line(policy,
						       WARDEN_SECTION_DOMAIN,
						       &selected, line, &reason),
			0);
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < ARRAY_SIZE(lines); i++) {
			snprintf(line, sizeof(line), "%s%s",
				 pass ? "delete " : "", lines[i]);
			KUNIT_EXPECT_EQ_MSG(test,
					    warden_policy_apply_line(policy,
								     WARDEN_SECTION_DOMAIN,
								     &selected, line,
								     &reason),
					    0, "%s", line);
			snprintf(line, sizeof(line), "%sacl_group g %s",
				 pass ? "delete " : "", lines[i]);
			KUNIT_EXPECT_EQ_MSG(test,
					    warden_policy_apply_line(policy,
								     WARDEN_SECTION_EXCEPTION,
								     &selected, line,
								     &reason),
					    0, "%s", line);
		}
		if (!pass)
			KUNIT_EXPECT_GT(test,
					warden_memory_in_use(WARDEN_MEMORY_POLICY),
					used);
	}
	/* A quiet rule that is not there is not deleted. */
	strscpy(line, "delete quiet misc env HOME", sizeof(line));
	KUNIT_EXPECT_EQ(test, warden_policy_apply_line(policy,
						       WARDEN_SECTION_DOMAIN,
						       &selected, line, &reason),
			-ENOENT);
	warden_policy_write_unlock();
	kfree(selected);
	KUNIT_EXPECT_EQ(test, warden_memory_in_use(WARDEN_MEMORY_POLICY), used);
	KUNIT_EXPECT_STREQ(test, warden_test_policy_print(test, policy), before);
}

/* "quiet ", where the table says it twice. */
#define QUIET "quiet "

/* Malformed quiet lines: "domain:" lines for the domain, others groups'. */
static const char *const warden_quiet_refused[] = {
	"domain:quiet",
	"domain:quiet ",
	/* A quiet rule does not quiet a quiet rule. */
	"domain:quiet quiet file read /etc/shadow",
	"domain:quiet use_group 7",
	"domain:quiet use_profile 1",
	"domain:quiet file reed /etc/shadow",
	"domain:quiet file read",
	"domain:quiet file read /etc/shadow task.uid=abc",
	"domain:quiet network inet stream connekt 127.0.0.1 80",
	"domain:quiet misc env",
	"domain:quiet bogus",
	"domain:delete quiet file reed /etc/shadow",
	"domain:delete quiet",
	"acl_group 7 quiet",
	"acl_group 7 " QUIET "quiet file read /etc/shadow",
	"acl_group web quiet use_group 7",
	"acl_group web quiet file read /etc/shadow bogus",
	"acl_group web quiet task manual_domain_transition nowhere",
	"acl_group web quiet file read @G task.uid=abc",
	"delete acl_group 7 quiet file reed /etc/shadow",
};

static void warden_quiet_refused_desc(const char *const *line, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "\"%s\"", *line);
}

KUNIT_ARRAY_PARAM(warden_quiet_refused, warden_quiet_refused,
		  warden_quiet_refused_desc);

/* A malformed quiet line is refused with a reason, and changes nothing. */
static void test_malformed_quiet_line_is_refused(struct kunit *test)
{
	const char *const *param = test->param_value;
	bool domain = str_has_prefix(*param, "domain:");
	struct warden_policy *policy =
		warden_quiet_build(test, "[exception_policy]\n"
				   "acl_group 7 quiet file read /etc/passwd\n"
				   "[domain_policy]\n" QUIET_DOMAIN "\n"
				   "quiet file read /etc/passwd\n");
	char *selected = NULL, *before, line[160];
	const char *reason = NULL;
	unsigned int used;
	int err;

	before = warden_test_policy_print(test, policy);
	used = warden_memory_in_use(WARDEN_MEMORY_POLICY);
	warden_policy_write_lock();
	strscpy(line, QUIET_DOMAIN, sizeof(line));
	KUNIT_EXPECT_EQ(test, warden_policy_apply_line(policy,
						       WARDEN_SECTION_DOMAIN,
						       &selected, line, &reason),
			0);
	strscpy(line, *param + (domain ? strlen("domain:") : 0), sizeof(line));
	warden_normalize_line(line);
	err = warden_policy_apply_line(policy, domain ? WARDEN_SECTION_DOMAIN :
					       WARDEN_SECTION_EXCEPTION,
				       &selected, line, &reason);
	warden_policy_write_unlock();
	kfree(selected);
	KUNIT_EXPECT_EQ(test, err, -EINVAL);
	KUNIT_EXPECT_NOT_NULL(test, reason);
	KUNIT_EXPECT_EQ(test, warden_memory_in_use(WARDEN_MEMORY_POLICY), used);
	KUNIT_EXPECT_STREQ(test, warden_test_policy_print(test, policy), before);
}

/* The policy the decisions are made in. */
static const char warden_quiet_decide_document[] =
	"[exception_policy]\n"
	"acl_group 9 quiet file write /var/log/x\n"
	"acl_group noise quiet network inet stream connect 127.0.0.1 80\n"
	"acl_group noise quiet misc env SECRET\n"
	"acl_group unused quiet file read /etc/unused\n"
	"[domain_policy]\n" QUIET_DOMAIN "\n"
	"use_group 9\n"
	"use_group noise\n"
	"quiet file read /etc/shadow\n"
	"quiet file read /etc/cond task.uid=1234\n"
	"file read /etc/both\n"
	"quiet file read /etc/both\n"
	"misc env HOME\n"
	"quiet misc env HOME\n";

/**
 * struct warden_quiet_case - one decision where quiet rules may apply
 * @desc: what it shows.
 * @mode: the mode it is decided in.
 * @quiet_log: the profile's quiet_log.
 * @env: the request is "misc env @path", else "file @op @path".
 * @op: the file operation.
 * @path: the pathname, or the environment variable.
 * @err: what the decision returns.
 * @granted: an entry granted it.
 * @quiet: a quiet rule covered it.
 * @audited: a record was made.
 * @learned: learning added it.
 */
struct warden_quiet_case {
	const char *desc;
	u8 mode;
	bool quiet_log;
	bool env;
	enum warden_path_op op;
	const char *path;
	int err;
	bool granted;
	bool quiet;
	bool audited;
	bool learned;
};

static const struct warden_quiet_case warden_quiet_cases[] = {
	{ "enforcing: a quiet rule's request is refused, not logged",
	  WARDEN_MODE_ENFORCING, false, false, WARDEN_PATH_READ, "/etc/shadow",
	  -EPERM, false, true, false, false },
	{ "enforcing: a request no quiet rule covers is logged",
	  WARDEN_MODE_ENFORCING, false, false, WARDEN_PATH_READ, "/etc/motd",
	  -EPERM, false, false, true, false },
	{ "enforcing: quiet_log=yes logs the quiet rule's request",
	  WARDEN_MODE_ENFORCING, true, false, WARDEN_PATH_READ, "/etc/shadow",
	  -EPERM, false, true, true, false },
	{ "permissive: a quiet rule's request is allowed, not logged",
	  WARDEN_MODE_PERMISSIVE, false, false, WARDEN_PATH_READ, "/etc/shadow",
	  0, false, true, false, false },
	{ "learning: a quiet rule's request is allowed, not learned",
	  WARDEN_MODE_LEARNING, false, false, WARDEN_PATH_READ, "/etc/shadow",
	  0, false, true, false, false },
	{ "learning: quiet_log=yes logs it, and it is still not learned",
	  WARDEN_MODE_LEARNING, true, false, WARDEN_PATH_READ, "/etc/shadow",
	  0, false, true, true, false },
	{ "learning: a request no quiet rule covers is learned",
	  WARDEN_MODE_LEARNING, false, false, WARDEN_PATH_READ, "/etc/motd",
	  0, false, false, true, true },
	{ "an allow entry beside a quiet rule wins",
	  WARDEN_MODE_ENFORCING, false, false, WARDEN_PATH_READ, "/etc/both",
	  0, true, false, false, false },
	{ "a quiet rule covers its operation only",
	  WARDEN_MODE_ENFORCING, false, false, WARDEN_PATH_WRITE, "/etc/shadow",
	  -EPERM, false, false, true, false },
	{ "a quiet rule whose condition fails covers nothing",
	  WARDEN_MODE_ENFORCING, false, false, WARDEN_PATH_READ, "/etc/cond",
	  -EPERM, false, false, true, false },
	{ "a quiet rule of a numbered group the domain uses",
	  WARDEN_MODE_ENFORCING, false, false, WARDEN_PATH_WRITE, "/var/log/x",
	  -EPERM, false, true, false, false },
	{ "a quiet rule of a group the domain does not use covers nothing",
	  WARDEN_MODE_ENFORCING, false, false, WARDEN_PATH_READ, "/etc/unused",
	  -EPERM, false, false, true, false },
	{ "a quiet env rule of a named group the domain uses",
	  WARDEN_MODE_ENFORCING, false, true, 0, "SECRET",
	  -EPERM, false, true, false, false },
	{ "an env allow entry beside a quiet env rule wins",
	  WARDEN_MODE_ENFORCING, false, true, 0, "HOME",
	  0, true, false, false, false },
};

static void warden_quiet_case_desc(const struct warden_quiet_case *c,
				   char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(warden_quiet_decide, warden_quiet_cases,
		  warden_quiet_case_desc);

/*
 * Decide one request in a domain policy the test owns: what the verdict
 * says, what was counted where, and whether the domain learned a line.
 */
static void test_quiet_rule_decides_nothing_it_should_not(struct kunit *test)
{
	const struct warden_quiet_case *c = test->param_value;
	size_t len = strlen(QUIET_DOMAIN) + 1;
	struct warden_policy *policy =
		warden_quiet_build(test, warden_quiet_decide_document);
	struct warden_request_ctx rctx = {};
	struct warden_verdict verdict = {};
	struct warden_domain_policy *dp;
	struct warden_domain *domain;
	long quieted, violations;
	unsigned int entries;
	int stat_quieted, stat_mode, err;
	static const enum warden_stat_event events[] = {
		[WARDEN_MODE_LEARNING] = WARDEN_STAT_VIOLATION_LEARNING,
		[WARDEN_MODE_PERMISSIVE] = WARDEN_STAT_VIOLATION_PERMISSIVE,
		[WARDEN_MODE_ENFORCING] = WARDEN_STAT_VIOLATION_ENFORCING,
	};

	domain = kunit_kzalloc(test, sizeof(*domain) + len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, domain);
	memcpy(domain->name, QUIET_DOMAIN, len);
	refcount_set(&domain->usage, 1);
	dp = warden_domain_policy_find(policy, QUIET_DOMAIN);
	KUNIT_ASSERT_NOT_NULL(test, dp);

	rctx.domain = domain;
	rctx.op = c->env ? WARDEN_OP_MISC_ENV : WARDEN_OP_FILE_OPEN;
	rctx.mode = c->mode;
	rctx.config = c->mode | WARDEN_CONFIG_REJECT_LOG;
	rctx.profile = 3;
	rctx.pref[WARDEN_PREF_MAX_LEARNING_ENTRY] = 2048;
	/* Records are made, then dropped: no test reads the audit file. */
	rctx.pref[WARDEN_PREF_MAX_AUDIT_LOG] = 0;
	rctx.pref[WARDEN_PREF_QUIET_LOG] = c->quiet_log;
	rctx.dp = dp;
	rctx.exception = &policy->exception;
	rctx.pinned = true;

	quieted = atomic_long_read(&dp->quieted);
	violations = atomic_long_read(&dp->violations[c->mode]);
	stat_quieted = atomic_read(&warden_stat_count[WARDEN_STAT_VIOLATION_QUIETED]);
	stat_mode = atomic_read(&warden_stat_count[events[c->mode]]);
	entries = warden_domain_policy_entries(dp);
	if (c->env) {
		struct warden_net_request req = {
			.family = WARDEN_NET_MISC_ENV, .name = c->path,
			.grant_log = -1,
		};

		err = warden_check_net(&rctx, &req);
	} else {
		struct warden_request req = {
			.kind = WARDEN_ACL_PATH, .op = c->op,
			.word = { c->path },
		};

		err = warden_check(&rctx, &req, &verdict);
		warden_verdict_release(&verdict);
		KUNIT_EXPECT_EQ(test, verdict.granted, c->granted);
		KUNIT_EXPECT_EQ(test, verdict.quiet, c->quiet);
		KUNIT_EXPECT_EQ(test, verdict.audited, c->audited);
		KUNIT_EXPECT_EQ(test, verdict.learned, c->learned);
	}
	KUNIT_EXPECT_EQ(test, err, c->err);
	/* A quiet denial counts as quieted, and only there; a grant nowhere. */
	KUNIT_EXPECT_EQ(test, atomic_long_read(&dp->quieted) - quieted,
			(long)c->quiet);
	KUNIT_EXPECT_EQ(test,
			atomic_long_read(&dp->violations[c->mode]) - violations,
			(long)(!c->granted && !c->quiet));
	KUNIT_EXPECT_EQ(test,
			atomic_read(&warden_stat_count[WARDEN_STAT_VIOLATION_QUIETED]) -
			stat_quieted, (int)c->quiet);
	KUNIT_EXPECT_EQ(test, atomic_read(&warden_stat_count[events[c->mode]]) -
			stat_mode, (int)(!c->granted && !c->quiet));
	KUNIT_EXPECT_EQ(test, warden_domain_policy_entries(dp),
			entries + c->learned);
}

/* domain_stat lists the domains with a count, domainname last. */
static void test_domain_stat_lists_counted_domains(struct kunit *test)
{
	struct warden_policy *policy =
		warden_quiet_build(test, "[domain_policy]\n<kernel> /bin/a\n"
				   "<kernel> /bin/b\n<kernel> /bin/c\n");
	struct warden_domain_policy *a, *c;
	struct seq_file m = { .size = 1024 };

	m.buf = kunit_kzalloc(test, m.size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m.buf);
	a = warden_domain_policy_find(policy, "<kernel> /bin/a");
	c = warden_domain_policy_find(policy, "<kernel> /bin/c");
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, c);
	rcu_read_lock();
	warden_domain_policy_count(c, WARDEN_MODE_ENFORCING, true);
	warden_domain_policy_count(c, WARDEN_MODE_LEARNING, false);
	warden_domain_policy_count(a, WARDEN_MODE_ENFORCING, false);
	warden_domain_policy_count(a, WARDEN_MODE_PERMISSIVE, false);
	warden_domain_policy_count(a, WARDEN_MODE_ENFORCING, false);
	warden_domain_policy_show_stat(&m, policy);
	rcu_read_unlock();
	KUNIT_EXPECT_STREQ(test, m.buf,
			   "quieted=0 enforcing=2 permissive=1 learning=0 <kernel> /bin/a\n"
			   "quieted=1 enforcing=0 permissive=0 learning=1 <kernel> /bin/c\n");
}

static struct kunit_case warden_quiet_test_cases[] = {
	KUNIT_CASE(test_quiet_lines_print_and_load_back),
	KUNIT_CASE(test_deleted_quiet_lines_leave_nothing),
	KUNIT_CASE_PARAM(test_malformed_quiet_line_is_refused,
			 warden_quiet_refused_gen_params),
	KUNIT_CASE_PARAM(test_quiet_rule_decides_nothing_it_should_not,
			 warden_quiet_decide_gen_params),
	KUNIT_CASE(test_domain_stat_lists_counted_domains),
	{}
};

static struct kunit_suite warden_quiet_test_suite = {
	.name = "warden_quiet",
	.test_cases = warden_quiet_test_cases,
};

kunit_test_suite(warden_quiet_test_suite);
