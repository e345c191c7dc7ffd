// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests of transition controls and aggregators: which control an
 * exec obeys, the name an aggregator gives a program, and what writing,
 * deleting and printing entries does.
 */

#include "../common.h"

#include <kunit/test.h>
#include <linux/rcupdate.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../transition.h"
#include "kunit_util.h"

#define MAX_LINES 4

/* Write "<keyword> <args>" to @list, as exception_policy would. */
static int write_line(struct list_head *list, const char *text)
{
	char *line = kstrdup(text, GFP_KERNEL), *args;
	bool is_delete = false;
	const char *reason;
	int kind, err;

	if (!line)
		return -ENOMEM;
	args = line;
	if (str_has_prefix(args, "delete ")) {
		is_delete = true;
		args += strlen("delete ");
	}
	kind = warden_transition_kind_of(strsep(&args, " "));
	err = kind < 0 || !args ? -EINVAL :
	      warden_transition_write(list, kind, args, is_delete, &reason);
	kfree(line);
	return err;
}

static void load_lines(struct kunit *test, struct list_head *list,
		       const char *const *lines, size_t n)
{
	size_t i;

	INIT_LIST_HEAD(list);
	for (i = 0; i < n && lines[i]; i++)
		KUNIT_ASSERT_EQ_MSG(test, write_line(list, lines[i]), 0, "%s",
				    lines[i]);
}

static void free_lines(struct list_head *list)
{
	warden_transition_clear(list);
	rcu_barrier();
}

static char *dump(struct kunit *test, const struct list_head *list)
{
	struct seq_file m = {};

	warden_test_seq_buf(test, &m, 4096);
	rcu_read_lock();
	warden_transition_show(&m, list, "");
	rcu_read_unlock();
	return m.buf;
}

/* Which way an exec of @program from @domain goes under @lines. */
struct decide_case {
	const char *name;
	const char *lines[MAX_LINES];
	const char *domain;
	const char *program;
	enum warden_transition expected;
};

static const struct decide_case decide_cases[] = {
	{ "no control: child", { NULL }, "<kernel>", "/bin/sh",
	  WARDEN_TRANSITION_CHILD },
	{ "initialize: exact program", { "initialize_domain /usr/sbin/httpd" },
	  "<kernel> /sbin/init", "/usr/sbin/httpd",
	  WARDEN_TRANSITION_INITIALIZE },
	{ "initialize: other program",
	  { "initialize_domain /usr/sbin/httpd" },
	  "<kernel> /sbin/init", "/usr/sbin/httpd2", WARDEN_TRANSITION_CHILD },
	{ "no_initialize from the domain",
	  { "initialize_domain /usr/sbin/httpd",
	    "no_initialize_domain /usr/sbin/httpd from <kernel> /etc/rc" },
	  "<kernel> /etc/rc", "/usr/sbin/httpd", WARDEN_TRANSITION_CHILD },
	{ "no_initialize from another domain",
	  { "initialize_domain /usr/sbin/httpd",
	    "no_initialize_domain /usr/sbin/httpd from <kernel> /etc/rc" },
	  "<kernel> /sbin/init", "/usr/sbin/httpd",
	  WARDEN_TRANSITION_INITIALIZE },
	{ "initialize from a program",
	  { "initialize_domain /usr/sbin/httpd from /sbin/init" },
	  "<kernel> /x /sbin/init", "/usr/sbin/httpd",
	  WARDEN_TRANSITION_INITIALIZE },
	{ "initialize from a program: not the last one",
	  { "initialize_domain /usr/sbin/httpd from /sbin/init" },
	  "<kernel> /sbin/init /x", "/usr/sbin/httpd",
	  WARDEN_TRANSITION_CHILD },
	{ "initialize from a program pattern",
	  { "initialize_domain /usr/sbin/httpd from /sbin/\\*" },
	  "<kernel> /sbin/init", "/usr/sbin/httpd",
	  WARDEN_TRANSITION_INITIALIZE },
	{ "from a program never covers the root",
	  { "initialize_domain /usr/sbin/httpd from /sbin/\\*" },
	  "<kernel>", "/usr/sbin/httpd", WARDEN_TRANSITION_CHILD },
	{ "initialize a program pattern",
	  { "initialize_domain /usr/libexec/\\*" },
	  "<kernel>", "/usr/libexec/helper", WARDEN_TRANSITION_INITIALIZE },
	{ "a pattern does not cross a slash",
	  { "initialize_domain /usr/libexec/\\*" },
	  "<kernel>", "/usr/libexec/sub/helper", WARDEN_TRANSITION_CHILD },
	{ "initialize any from a domain",
	  { "initialize_domain any from <kernel>" },
	  "<kernel>", "/bin/anything", WARDEN_TRANSITION_INITIALIZE },
	{ "from a domain is the whole domainname",
	  { "initialize_domain any from <kernel>" },
	  "<kernel> /bin/sh", "/bin/anything", WARDEN_TRANSITION_CHILD },
	{ "keep a domain", { "keep_domain <kernel> /usr/sbin/sshd" },
	  "<kernel> /usr/sbin/sshd", "/bin/bash", WARDEN_TRANSITION_KEEP },
	{ "keep does not cover children",
	  { "keep_domain <kernel> /usr/sbin/sshd" },
	  "<kernel> /usr/sbin/sshd /bin/bash", "/bin/ls",
	  WARDEN_TRANSITION_CHILD },
	{ "keep a program from a domain",
	  { "keep_domain /bin/ls from <kernel> /usr/sbin/sshd" },
	  "<kernel> /usr/sbin/sshd", "/bin/ls", WARDEN_TRANSITION_KEEP },
	{ "keep a program: another program",
	  { "keep_domain /bin/ls from <kernel> /usr/sbin/sshd" },
	  "<kernel> /usr/sbin/sshd", "/bin/cat", WARDEN_TRANSITION_CHILD },
	{ "keep from a program", { "keep_domain /usr/sbin/sshd" },
	  "<kernel> /a /usr/sbin/sshd", "/bin/cat", WARDEN_TRANSITION_KEEP },
	{ "no_keep a program from any",
	  { "keep_domain any from <kernel> /usr/sbin/sshd",
	    "no_keep_domain /bin/passwd from any" },
	  "<kernel> /usr/sbin/sshd", "/bin/passwd", WARDEN_TRANSITION_CHILD },
	{ "no_keep: another program is kept",
	  { "keep_domain any from <kernel> /usr/sbin/sshd",
	    "no_keep_domain /bin/passwd from any" },
	  "<kernel> /usr/sbin/sshd", "/bin/ls", WARDEN_TRANSITION_KEEP },
	{ "no_keep a domain",
	  { "keep_domain any from /usr/sbin/sshd",
	    "no_keep_domain <kernel> /x /usr/sbin/sshd" },
	  "<kernel> /x /usr/sbin/sshd", "/bin/ls", WARDEN_TRANSITION_CHILD },
	{ "reset", { "reset_domain /usr/sbin/sshd" },
	  "<kernel> /a /b", "/usr/sbin/sshd", WARDEN_TRANSITION_RESET },
	{ "no_reset from the domain",
	  { "reset_domain /usr/sbin/sshd",
	    "no_reset_domain /usr/sbin/sshd from <kernel> /a /b" },
	  "<kernel> /a /b", "/usr/sbin/sshd", WARDEN_TRANSITION_CHILD },
	{ "no_reset from another domain",
	  { "reset_domain /usr/sbin/sshd",
	    "no_reset_domain /usr/sbin/sshd from <kernel> /a /b" },
	  "<kernel> /a", "/usr/sbin/sshd", WARDEN_TRANSITION_RESET },
	{ "reset from a program pattern",
	  { "reset_domain any from /\\*/b" },
	  "<kernel> /a /x/b", "/bin/sh", WARDEN_TRANSITION_RESET },
	{ "reset before initialize before keep",
	  { "keep_domain any from <kernel> /a", "initialize_domain /bin/x",
	    "reset_domain /bin/x" },
	  "<kernel> /a", "/bin/x", WARDEN_TRANSITION_RESET },
	{ "initialize before keep",
	  { "keep_domain any from <kernel> /a", "initialize_domain /bin/x" },
	  "<kernel> /a", "/bin/x", WARDEN_TRANSITION_INITIALIZE },
	{ "no_initialize lets keep apply",
	  { "keep_domain any from <kernel> /a",
	    "no_initialize_domain /bin/x from any",
	    "initialize_domain /bin/x" },
	  "<kernel> /a", "/bin/x", WARDEN_TRANSITION_KEEP },
	{ "no_reset lets initialize apply",
	  { "reset_domain /bin/x", "no_reset_domain any from any",
	    "initialize_domain /bin/x" },
	  "<kernel> /a", "/bin/x", WARDEN_TRANSITION_INITIALIZE },
	{ "no_keep cancels keep only",
	  { "no_keep_domain any from any", "keep_domain any from <kernel> /a",
	    "initialize_domain /bin/x" },
	  "<kernel> /a", "/bin/x", WARDEN_TRANSITION_INITIALIZE },
	{ "no_ forms alone: child",
	  { "no_reset_domain any from any", "no_initialize_domain any from any",
	    "no_keep_domain any from any" },
	  "<kernel> /a", "/bin/x", WARDEN_TRANSITION_CHILD },
	{ "an aggregator is not a control",
	  { "aggregator /bin/x /bin/y" },
	  "<kernel> /a", "/bin/x", WARDEN_TRANSITION_CHILD },
	{ "a deleted control no longer applies",
	  { "initialize_domain /bin/x",
	    "delete initialize_domain /bin/x from any" },
	  "<kernel> /a", "/bin/x", WARDEN_TRANSITION_CHILD },
	{ "a namespace's own domains",
	  { "initialize_domain /bin/x from <apache>" },
	  "<apache>", "/bin/x", WARDEN_TRANSITION_INITIALIZE },
};

static void decide_case_desc(const struct decide_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(decide, decide_cases, decide_case_desc);

static void test_exec_obeys_the_control_that_applies(struct kunit *test)
{
	const struct decide_case *c = test->param_value;
	struct list_head list;

	load_lines(test, &list, c->lines, MAX_LINES);
	rcu_read_lock();
	KUNIT_EXPECT_EQ(test, warden_transition_decide(&list, c->domain,
						       c->program),
			c->expected);
	rcu_read_unlock();
	free_lines(&list);
}

/* The name @program goes by under @lines; NULL for its own. */
struct aggregate_case {
	const char *name;
	const char *lines[MAX_LINES];
	const char *program;
	const char *expected;
};

static const struct aggregate_case aggregate_cases[] = {
	{ "no aggregator", { NULL }, "/usr/bin/vim", NULL },
	{ "exact", { "aggregator /usr/bin/vi /usr/bin/editor" },
	  "/usr/bin/vi", "/usr/bin/editor" },
	{ "exact: another program",
	  { "aggregator /usr/bin/vi /usr/bin/editor" }, "/usr/bin/vim", NULL },
	{ "pattern, first match wins",
	  { "aggregator /usr/bin/\\*vi\\* /usr/bin/editor",
	    "aggregator /usr/bin/vim /usr/bin/vim-any" },
	  "/usr/bin/vim", "/usr/bin/editor" },
	{ "pattern: other names",
	  { "aggregator /usr/bin/\\*vi\\* /usr/bin/editor",
	    "aggregator /usr/bin/vim /usr/bin/vim-any" },
	  "/usr/bin/nvi", "/usr/bin/editor" },
	{ "pattern: no match", { "aggregator /usr/bin/\\*vi\\* /usr/bin/editor" },
	  "/usr/bin/ed", NULL },
	{ "order decides",
	  { "aggregator /usr/bin/vim /usr/bin/vim-any",
	    "aggregator /usr/bin/\\*vi\\* /usr/bin/editor" },
	  "/usr/bin/vim", "/usr/bin/vim-any" },
	{ "digits wildcard",
	  { "aggregator /etc/rc.d/rc\\?.d/\\?\\+\\+apache /etc/rc.d/apache" },
	  "/etc/rc.d/rc3.d/S20apache", "/etc/rc.d/apache" },
	{ "filesystem-named program",
	  { "aggregator proc:/self/exe /proc/self/exe" },
	  "proc:/self/exe", "/proc/self/exe" },
	{ "controls do not aggregate",
	  { "initialize_domain /usr/bin/vi", "keep_domain /usr/bin/vi" },
	  "/usr/bin/vi", NULL },
	{ "a deleted aggregator no longer names",
	  { "aggregator /usr/bin/vi /usr/bin/editor",
	    "delete aggregator /usr/bin/vi /usr/bin/editor" },
	  "/usr/bin/vi", NULL },
};

static void aggregate_case_desc(const struct aggregate_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(aggregate, aggregate_cases, aggregate_case_desc);

static void test_aggregator_names_the_program(struct kunit *test)
{
	const struct aggregate_case *c = test->param_value;
	struct warden_transition_entry *entry;
	struct list_head list;

	load_lines(test, &list, c->lines, MAX_LINES);
	rcu_read_lock();
	entry = warden_transition_aggregate(&list, c->program);
	rcu_read_unlock();
	if (c->expected) {
		KUNIT_ASSERT_NOT_NULL(test, entry);
		KUNIT_EXPECT_STREQ(test, warden_aggregated_name(entry),
				   c->expected);
	} else {
		KUNIT_EXPECT_NULL(test, entry);
	}
	warden_transition_put(entry);
	free_lines(&list);
}

static void test_aggregated_name_outlives_its_deletion(struct kunit *test)
{
	static const char *const lines[] = {
		"aggregator /usr/bin/\\*vi\\* /usr/bin/editor",
	};
	static const char deletion[] =
		"delete aggregator /usr/bin/\\*vi\\* /usr/bin/editor";
	struct warden_transition_entry *entry;
	struct list_head list;

	load_lines(test, &list, lines, ARRAY_SIZE(lines));
	rcu_read_lock();
	entry = warden_transition_aggregate(&list, "/usr/bin/vim");
	rcu_read_unlock();
	KUNIT_ASSERT_NOT_NULL(test, entry);
	KUNIT_ASSERT_EQ(test, write_line(&list, deletion), 0);
	/* The list lets go of it; the exec that holds it does not. */
	rcu_barrier();
	KUNIT_EXPECT_TRUE(test, list_empty(&list));
	KUNIT_EXPECT_STREQ(test, warden_aggregated_name(entry),
			   "/usr/bin/editor");
	warden_transition_put(entry);
	free_lines(&list);
}

static void test_entries_print_in_order_once(struct kunit *test)
{
	static const char *const lines[] = {
		"keep_domain <kernel> /usr/sbin/sshd",
		"aggregator /usr/bin/vi /usr/bin/editor",
		"initialize_domain /usr/sbin/httpd",
		"keep_domain any from <kernel> /usr/sbin/sshd",
		"no_reset_domain /bin/x from /bin/\\*",
		"initialize_domain /usr/sbin/httpd from any",
	};
	static const char delete_keep[] =
		"delete keep_domain any from <kernel> /usr/sbin/sshd";
	static const char delete_reset[] = "delete reset_domain /bin/x from /bin/\\*";
	struct list_head list;

	load_lines(test, &list, lines, ARRAY_SIZE(lines));
	KUNIT_EXPECT_STREQ(test, dump(test, &list),
			   "keep_domain any from <kernel> /usr/sbin/sshd\n"
			   "aggregator /usr/bin/vi /usr/bin/editor\n"
			   "initialize_domain /usr/sbin/httpd from any\n"
			   "no_reset_domain /bin/x from /bin/\\*\n");
	KUNIT_EXPECT_EQ(test, write_line(&list, delete_keep), 0);
	KUNIT_EXPECT_EQ(test, write_line(&list, delete_keep), -ENOENT);
	/* Same words, another keyword: a different entry. */
	KUNIT_EXPECT_EQ(test, write_line(&list, delete_reset), -ENOENT);
	KUNIT_EXPECT_STREQ(test, dump(test, &list),
			   "aggregator /usr/bin/vi /usr/bin/editor\n"
			   "initialize_domain /usr/sbin/httpd from any\n"
			   "no_reset_domain /bin/x from /bin/\\*\n");
	free_lines(&list);
}

static const char *const invalid_lines[] = {
	"initialize_domain usr/sbin/httpd",
	"initialize_domain /usr/sbin/\\q",
	"initialize_domain /usr/sbin/httpd from",
	"initialize_domain /usr/sbin/httpd from <kernel",
	"initialize_domain /usr/sbin/httpd from <kernel> bin",
	"initialize_domain /usr/sbin/httpd to any",
	"keep_domain <kernel",
	"keep_domain /bin/ls from <kernel>  /usr/sbin/sshd",
	"reset_domain any from anywhere",
	"aggregator /usr/bin/vi",
	"aggregator :/self/exe /proc/self/exe",
	"aggregator /usr/bin/vi /usr/bin/\\*",
	"aggregator /usr/bin/vi /usr/bin/editor extra",
	"aggregator any /usr/bin/editor",
};

static void invalid_desc(const char *const *line, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "\"%s\"", *line);
}

KUNIT_ARRAY_PARAM(invalid, invalid_lines, invalid_desc);

static void test_invalid_line_changes_nothing(struct kunit *test)
{
	static const char *const lines[] = { "keep_domain /bin/sh" };
	const char *const *line = test->param_value;
	struct list_head list;
	char *before;

	load_lines(test, &list, lines, ARRAY_SIZE(lines));
	before = dump(test, &list);
	KUNIT_EXPECT_EQ(test, write_line(&list, *line), -EINVAL);
	KUNIT_EXPECT_STREQ(test, dump(test, &list), before);
	free_lines(&list);
}

static void test_overlong_line_is_refused(struct kunit *test)
{
	size_t len = 8300;
	char *line = kunit_kzalloc(test, len + 1, GFP_KERNEL);
	struct list_head list;

	KUNIT_ASSERT_NOT_NULL(test, line);
	INIT_LIST_HEAD(&list);
	strscpy(line, "aggregator /usr/bin/vi /", len + 1);
	memset(line + strlen(line), 'a', len - strlen(line));
	KUNIT_EXPECT_EQ(test, write_line(&list, line), -EINVAL);
	KUNIT_EXPECT_TRUE(test, list_empty(&list));
}

static struct kunit_case warden_transition_test_cases[] = {
	KUNIT_CASE_PARAM(test_exec_obeys_the_control_that_applies,
			 decide_gen_params),
	KUNIT_CASE_PARAM(test_aggregator_names_the_program,
			 aggregate_gen_params),
	KUNIT_CASE(test_aggregated_name_outlives_its_deletion),
	KUNIT_CASE(test_entries_print_in_order_once),
	KUNIT_CASE_PARAM(test_invalid_line_changes_nothing,
			 invalid_gen_params),
	KUNIT_CASE(test_overlong_line_is_refused),
	{}
};

static struct kunit_suite warden_transition_test_suite = {
	.name = "warden_transition",
	.test_cases = warden_transition_test_cases,
};

kunit_test_suite(warden_transition_test_suite);
