// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - policy namespaces.
 *
 * Profile and exception lines after a "<name> " prefix belong to that
 * namespace and read back with it.  reset_domain moves an exec into the
 * namespace named by the program, where the namespace's own profiles are
 * in force and its own exception policy decides the next transitions.
 *
 * Programs are symlinks to busybox: /tmp/wn/sh and /tmp/wn/bin/cat.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../kselftest_harness.h"
#include "enforce_common.h"

#define DIR "/tmp/wn"
#define SH DIR "/sh"
#define CAT DIR "/bin/cat"
#define NS "<" SH ">"

FIXTURE(namespace) {};

FIXTURE_SETUP(namespace)
{
	if (!warden_is_enabled())
		SKIP(return, "warden is not in " LSM_LIST_FILE);
	remove_tree(DIR);
	ASSERT_EQ(0, mkdir(DIR, 0755));
	ASSERT_EQ(0, mkdir(DIR "/bin", 0755));
	ASSERT_EQ(0, symlink("/bin/busybox", SH));
	ASSERT_EQ(0, symlink("/bin/busybox", CAT));
	ASSERT_EQ(0, make_file(DIR "/data", "x\n", 0644));
}

FIXTURE_TEARDOWN(namespace)
{
	if (!warden_is_enabled())
		return;
	EXPECT_EQ(0, load_neutral_policy());
	remove_tree(DIR);
}

/* Run "sh -c COMMAND" as SH; collect its output; return its status. */
static int run_shell(const char *command, char *out, size_t size)
{
	char *const argv[] = { "sh", "-c", (char *)command, NULL };

	return run_program(SH, argv, NULL, NULL, out, size);
}

/*
 * The root namespace's profile 3 disables everything; the namespace's
 * profile 3 enforces.  reset_domain sends SH into the namespace.
 */
#define NS_PROFILES \
	"3-CONFIG::file={ mode=disabled grant_log=no reject_log=no }\n" \
	NS " PROFILE_VERSION=20150505\n" \
	NS " 0-CONFIG={ mode=disabled grant_log=no reject_log=no }\n" \
	NS " 3-CONFIG={ mode=enforcing grant_log=no reject_log=no }\n"

TEST_F(namespace, prefixed_lines_read_back_in_their_namespace)
{
	char buf[8192];

	ASSERT_EQ(0, load_test_policy(NS_PROFILES,
				      "reset_domain " SH " from any\n"
				      NS " initialize_domain " CAT " from any\n"
				      NS " path_group DATA " DIR "/\\*\n",
				      NULL));
	ASSERT_LT(0, read_whole_file(WARDEN_DIR "/profile", buf, sizeof(buf)));
	EXPECT_NE(NULL, strstr(buf, "\n" NS " PROFILE_VERSION=20150505\n"));
	EXPECT_NE(NULL, strstr(buf, "\n" NS " 3-CONFIG={ mode=enforcing "));
	ASSERT_LT(0, read_whole_file(WARDEN_DIR "/exception_policy", buf,
				     sizeof(buf)));
	EXPECT_NE(NULL, strstr(buf, "reset_domain " SH " from any\n"));
	EXPECT_NE(NULL, strstr(buf, NS " initialize_domain " CAT " from any\n"));
	EXPECT_NE(NULL, strstr(buf, NS " path_group DATA " DIR "/\\*\n"));
	/* The root namespace did not get the namespace's lines. */
	EXPECT_EQ(NULL, strstr(buf, "\ninitialize_domain " CAT));
	/* A bad namespace prefix is refused. */
	EXPECT_EQ(-EINVAL, write_file_once(WARDEN_DIR "/profile",
					   "<bad ns> 1-COMMENT=x\n"));
}

TEST_F(namespace, reset_domain_enters_a_namespace_with_its_own_profiles)
{
	long before = stat_counter(STAT_ENFORCING);
	char out[256];

	ASSERT_EQ(0, load_test_policy(NS_PROFILES,
				      "reset_domain " SH " from any\n"
				      NS " initialize_domain " CAT " from any\n",
				      NS "\nuse_profile 3\n\n"
				      "file execute " CAT "\n"
				      "file read proc:/self/attr/warden/current\n\n"
				      NS " " CAT "\nuse_profile 0\n\n"));
	/* In the namespace, profile 3 enforces: the data is refused. */
	EXPECT_NE(0, run_shell("read x < " DIR "/data && echo $x", out,
			       sizeof(out)));
	EXPECT_STREQ("", out);
	EXPECT_LT(before, stat_counter(STAT_ENFORCING));
	/* The namespace's exception policy sends cat to its own domain. */
	ASSERT_EQ(0, run_shell(CAT " /proc/self/attr/warden/current", out,
			       sizeof(out)));
	EXPECT_STREQ(NS " " CAT "\n", out);
	/* The shell itself ran in the namespace's root domain. */
	ASSERT_EQ(0, run_shell("read x < /proc/self/attr/warden/current; echo $x",
			       out, sizeof(out)));
	EXPECT_STREQ(NS "\n", out);
}

TEST_F(namespace, same_profile_number_in_the_root_namespace_is_not_enforcing)
{
	char out[256];

	/* No reset_domain: SH stays in the root namespace's profile 3. */
	ASSERT_EQ(0, load_test_policy(NS_PROFILES,
				      "initialize_domain " SH " from any\n",
				      "<kernel> " SH "\nuse_profile 3\n\n"));
	ASSERT_EQ(0, run_shell("read x < " DIR "/data && echo $x", out,
			       sizeof(out)));
	EXPECT_STREQ("x\n", out);
}

TEST_HARNESS_MAIN
