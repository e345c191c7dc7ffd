// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - KUnit tests of the manager list: the order and uniqueness
 * of its printout, deleting entries, and the lines it refuses.
 */

#include "../common.h"
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/seq_file.h>
#include <linux/string.h>

#include "../manager.h"
#include "../policy.h"

/* Apply @text to @policy and return the error. */
static int warden_manager_apply(struct warden_policy *policy,
				const char *text)
{
	const char *reason;
	char line[256];
	int err;

	strscpy(line, text, sizeof(line));
	warden_policy_write_lock();
	err = warden_manager_write(policy, line, &reason);
	warden_policy_write_unlock();
	return err;
}

static char *warden_manager_dump(struct kunit *test,
				 const struct warden_policy *policy)
{
	struct seq_file m = {};

	m.size = 4096;
	m.buf = kunit_kzalloc(test, m.size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m.buf);
	warden_policy_write_lock();
	warden_manager_show(&m, policy);
	warden_policy_write_unlock();
	return m.buf;
}

static struct warden_policy *warden_manager_policy(struct kunit *test)
{
	struct warden_policy *policy;

	policy = kunit_kzalloc(test, sizeof(*policy), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, policy);
	INIT_LIST_HEAD(&policy->managers);
	return policy;
}

static void warden_manager_policy_free(struct warden_policy *policy)
{
	warden_policy_write_lock();
	warden_manager_clear(policy);
	warden_policy_write_unlock();
}

/* Apply each line of @lines, expecting @err from each. */
static void warden_manager_apply_all(struct kunit *test,
				     struct warden_policy *policy,
				     const char *const *lines, size_t count,
				     int err)
{
	size_t i;

	for (i = 0; i < count; i++)
		KUNIT_EXPECT_EQ_MSG(test, warden_manager_apply(policy, lines[i]),
				    err, "\"%s\"", lines[i]);
}

static void test_managers_print_in_order_once(struct kunit *test)
{
	static const char *const lines[] = {
		"/usr/sbin/warden-loadpolicy",
		"<kernel> /usr/sbin/sshd /bin/bash",
		"/usr/sbin/warden-loadpolicy",
		"manage_by_non_root",
	};
	struct warden_policy *policy = warden_manager_policy(test);

	warden_manager_apply_all(test, policy, lines, ARRAY_SIZE(lines), 0);
	KUNIT_EXPECT_STREQ(test, warden_manager_dump(test, policy),
			   "/usr/sbin/warden-loadpolicy\n"
			   "<kernel> /usr/sbin/sshd /bin/bash\n"
			   "manage_by_non_root\n");
	warden_manager_policy_free(policy);
}

static void test_manager_delete_removes_or_reports(struct kunit *test)
{
	static const char *const lines[] = {
		"/sbin/a",
		"/sbin/b",
		"manage_by_non_root",
		"delete /sbin/a",
		"delete manage_by_non_root",
	};
	static const char *const missing[] = { "delete /sbin/a" };
	struct warden_policy *policy = warden_manager_policy(test);

	warden_manager_apply_all(test, policy, lines, ARRAY_SIZE(lines), 0);
	warden_manager_apply_all(test, policy, missing, 1, -ENOENT);
	KUNIT_EXPECT_STREQ(test, warden_manager_dump(test, policy), "/sbin/b\n");
	warden_manager_policy_free(policy);
}

static void test_bad_manager_lines_change_nothing(struct kunit *test)
{
	static const char *const bad[] = {
		"",
		"delete",
		"delete ",
		"sbin/relative",
		"<kernel",
		"<kernel> relative",
		"/usr/sbin/\\*",
		"/usr/sbin/\\q",
		"/usr/sbin/a b",
		"manage_by_root",
		"Manage_by_non_root",
		"delete delete /sbin/b",
	};
	struct warden_policy *policy = warden_manager_policy(test);

	KUNIT_ASSERT_EQ(test, warden_manager_apply(policy, "/sbin/b"), 0);
	warden_manager_apply_all(test, policy, bad, ARRAY_SIZE(bad), -EINVAL);
	KUNIT_EXPECT_STREQ(test, warden_manager_dump(test, policy), "/sbin/b\n");
	warden_manager_policy_free(policy);
}

static struct kunit_case warden_manager_test_cases[] = {
	KUNIT_CASE(test_managers_print_in_order_once),
	KUNIT_CASE(test_manager_delete_removes_or_reports),
	KUNIT_CASE(test_bad_manager_lines_change_nothing),
	{}
};

static struct kunit_suite warden_manager_test_suite = {
	.name = "warden_manager",
	.test_cases = warden_manager_test_cases,
};

kunit_test_suite(warden_manager_test_suite);
