// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - the manager file.
 *
 * Program pathnames and domainnames written to
 * /sys/kernel/security/warden/manager read back in order, once each;
 * delete removes them; malformed lines fail and change nothing.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <string.h>

#include "../kselftest_harness.h"
#include "common.h"

#define MANAGER_FILE WARDEN_DIR "/manager"

FIXTURE(manager) {};

FIXTURE_SETUP(manager)
{
	if (!warden_is_enabled())
		SKIP(return, "warden is not in " LSM_LIST_FILE);
}

FIXTURE_TEARDOWN(manager)
{
}

TEST_F(manager, entries_read_back_in_order_once)
{
	static const char written[] =
		"/usr/sbin/warden-loadpolicy\n"
		"<kernel> /usr/sbin/sshd /bin/bash\n"
		"/usr/sbin/warden-loadpolicy\n";
	char buf[4096];

	ASSERT_EQ(0, write_file_once(MANAGER_FILE, written));
	ASSERT_LT(0, read_whole_file(MANAGER_FILE, buf, sizeof(buf)));
	EXPECT_STREQ("/usr/sbin/warden-loadpolicy\n"
		     "<kernel> /usr/sbin/sshd /bin/bash\n", buf);
	ASSERT_EQ(0, write_file_once(MANAGER_FILE,
				     "delete /usr/sbin/warden-loadpolicy\n"
				     "delete <kernel> /usr/sbin/sshd /bin/bash\n"));
	ASSERT_EQ(0, read_whole_file(MANAGER_FILE, buf, sizeof(buf)));
}

TEST_F(manager, deleting_a_missing_entry_fails_with_enoent)
{
	EXPECT_EQ(-ENOENT, write_file_once(MANAGER_FILE,
					   "delete /usr/sbin/nothing\n"));
}

TEST_F(manager, malformed_lines_fail_and_change_nothing)
{
	static const char *const bad[] = {
		"usr/sbin/relative\n",
		"/usr/sbin/\\*\n",
		"<kernel> relative\n",
		"manage_by_root\n",
	};
	char before[4096], after[4096];
	size_t i;

	ASSERT_EQ(0, write_file_once(MANAGER_FILE, "/sbin/keep\n"));
	ASSERT_LT(0, read_whole_file(MANAGER_FILE, before, sizeof(before)));
	for (i = 0; i < ARRAY_SIZE(bad); i++)
		EXPECT_EQ(-EINVAL, write_file_once(MANAGER_FILE, bad[i]));
	ASSERT_LT(0, read_whole_file(MANAGER_FILE, after, sizeof(after)));
	EXPECT_STREQ(before, after);
	ASSERT_EQ(0, write_file_once(MANAGER_FILE, "delete /sbin/keep\n"));
}

TEST_HARNESS_MAIN
