// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - learning limits, failed transitions and the execute
 * ACL's domain transition preference.
 *
 * A domain learns at most max_learning_entry entries, then is marked
 * quota_exceeded and learns no more; learned requests count in stat.  An
 * exec whose domain cannot be created (over the policy memory quota)
 * leaves the task where it was and marks that domain transition_failed.
 * "file execute <program> keep|parent|<domainname>" sends the exec there.
 * Conditions on exec.argv[] and exec.envp[] decide whether an exec may run.
 *
 * Programs are symlinks to busybox, so that each has a name of its own:
 * /tmp/wl/sh (a shell) and /tmp/wl/bin/cat.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../kselftest_harness.h"
#include "enforce_common.h"

#define DIR "/tmp/wl"
#define SH DIR "/sh"
#define CAT DIR "/bin/cat"
#define SH_DOMAIN "<kernel> " SH

FIXTURE(learning) {};

FIXTURE_SETUP(learning)
{
	int i;

	if (!warden_is_enabled())
		SKIP(return, "warden is not in " LSM_LIST_FILE);
	remove_tree(DIR);
	ASSERT_EQ(0, mkdir(DIR, 0755));
	ASSERT_EQ(0, mkdir(DIR "/bin", 0755));
	ASSERT_EQ(0, mkdir(DIR "/data", 0755));
	ASSERT_EQ(0, symlink("/bin/busybox", SH));
	ASSERT_EQ(0, symlink("/bin/busybox", CAT));
	for (i = 0; i < 10; i++) {
		char path[64];

		snprintf(path, sizeof(path), DIR "/data/f%d", i);
		ASSERT_EQ(0, make_file(path, "x\n", 0644));
	}
}

FIXTURE_TEARDOWN(learning)
{
	if (!warden_is_enabled())
		return;
	EXPECT_EQ(0, write_file_once(STAT_FILE, "Memory used by policy: 0\n"));
	EXPECT_EQ(0, load_neutral_policy());
	remove_tree(DIR);
}

/* Run "sh -c COMMAND" as SH, in its own domain; collect its output. */
static int run_shell(const char *command, char *out, size_t size)
{
	char *const argv[] = { "sh", "-c", (char *)command, NULL };

	return run_program(SH, argv, NULL, NULL, out, size);
}

TEST_F(learning, learning_stops_at_max_learning_entry)
{
	long before;
	char out[256];

	ASSERT_EQ(0, load_test_policy("5-PREFERENCE={ max_learning_entry=3 }\n"
				      "5-CONFIG={ mode=learning grant_log=no reject_log=no }\n",
				      "initialize_domain " SH " from any\n",
				      SH_DOMAIN "\nuse_profile 5\n\n"));
	before = stat_counter(STAT_LEARNING);
	ASSERT_LE(0, before);
	/* Ten files read: more requests than the domain may learn. */
	ASSERT_EQ(0, run_shell("for f in " DIR "/data/*; do read x < $f; done; echo ok",
			       out, sizeof(out)));
	EXPECT_STREQ("ok\n", out);
	EXPECT_EQ(3, count_file_lines(SH_DOMAIN));
	EXPECT_TRUE(domain_has_line(SH_DOMAIN, "quota_exceeded"));
	EXPECT_LE(before + 10, stat_counter(STAT_LEARNING));
	/* Still allowed, and still nothing more is learned. */
	ASSERT_EQ(0, run_shell("read x < " DIR "/data/f9; echo $x", out,
			       sizeof(out)));
	EXPECT_STREQ("x\n", out);
	EXPECT_EQ(3, count_file_lines(SH_DOMAIN));
}

TEST_F(learning, failed_transition_keeps_the_task_and_marks_the_domain)
{
	char buf[4096], quota[64], out[256];
	long used;
	char *line;

	ASSERT_EQ(0, load_test_policy(NULL, "initialize_domain " SH " from any\n",
				      SH_DOMAIN "\nuse_profile 1\n\n"));
	/* Let the policy grow by no more than a few bytes. */
	ASSERT_LT(0, read_whole_file(STAT_FILE, buf, sizeof(buf)));
	line = strstr(buf, "Memory used by policy:");
	ASSERT_NE(NULL, line);
	used = strtol(line + strlen("Memory used by policy:"), NULL, 10);
	ASSERT_LT(0, used);
	snprintf(quota, sizeof(quota), "Memory used by policy: %ld\n", used + 8);
	ASSERT_EQ(0, write_file_once(STAT_FILE, quota));
	ASSERT_EQ(0, run_shell(CAT " /proc/self/attr/warden/current", out,
			       sizeof(out)));
	ASSERT_EQ(0, write_file_once(STAT_FILE, "Memory used by policy: 0\n"));
	/* cat ran in the shell's domain, which is marked. */
	EXPECT_STREQ(SH_DOMAIN "\n", out);
	EXPECT_TRUE(domain_has_line(SH_DOMAIN, "transition_failed"));
	EXPECT_EQ(NULL, domain_policy_block(SH_DOMAIN " " CAT));
}

/* Run cat from SH, in profile 2, with @acl for the exec; cat's domain. */
static int domain_of_cat_with(const char *acl, char *out, size_t size)
{
	char domains[512];
	int err;

	snprintf(domains, sizeof(domains), SH_DOMAIN "\nuse_profile 2\n\n%s\n",
		 acl);
	err = load_test_policy(NULL, "initialize_domain " SH " from any\n",
			       domains);
	if (err)
		return err;
	return run_shell(CAT " /proc/self/attr/warden/current", out, size);
}

TEST_F(learning, execute_preference_sends_the_exec_where_it_says)
{
	char out[256];

	ASSERT_EQ(0, domain_of_cat_with("file execute " CAT, out, sizeof(out)));
	EXPECT_STREQ(SH_DOMAIN " " CAT "\n", out);
	ASSERT_EQ(0, domain_of_cat_with("file execute " CAT " keep", out,
					sizeof(out)));
	EXPECT_STREQ(SH_DOMAIN "\n", out);
	ASSERT_EQ(0, domain_of_cat_with("file execute " CAT " parent", out,
					sizeof(out)));
	EXPECT_STREQ("<kernel>\n", out);
	ASSERT_EQ(0, domain_of_cat_with("file execute " CAT " <kernel> /elsewhere",
					out, sizeof(out)));
	EXPECT_STREQ("<kernel> /elsewhere\n", out);
	ASSERT_EQ(0, domain_of_cat_with("file execute " CAT " /named", out,
					sizeof(out)));
	EXPECT_STREQ(SH_DOMAIN " /named\n", out);
	/* The preference reads back as written. */
	EXPECT_TRUE(domain_has_line(SH_DOMAIN, "file execute " CAT " /named"));
}

/*
 * In a domain where only execute is enforced, "file execute CAT" with
 * @cond: whether "sh -c COMMAND" (with @env) gets cat to run.
 */
static int exec_with_condition(const char *cond, const char *command,
			       char *const env[], char *out, size_t size)
{
	char *const argv[] = { "sh", "-c", (char *)command, NULL };
	char domains[512];
	int err, status;
	pid_t pid;

	snprintf(domains, sizeof(domains),
		 SH_DOMAIN "\nuse_profile 6\n\nfile execute " CAT " %s\n\n"
		 SH_DOMAIN " " CAT "\nuse_profile 0\n\n", cond);
	err = load_test_policy("6-CONFIG={ mode=disabled grant_log=no reject_log=no }\n"
			       "6-CONFIG::file::execute={ mode=enforcing grant_log=no reject_log=no }\n",
			       "initialize_domain " SH " from any\n", domains);
	if (err)
		return err;
	if (!env)
		return run_shell(command, out, size);
	pid = fork();
	if (!pid) {
		execve(SH, argv, env);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

TEST_F(learning, exec_argv_and_envp_conditions_decide)
{
	static char *const with_secret[] = { "SECRET=1", NULL };
	static char *const without[] = { "OTHER=1", NULL };
	char out[256];

	ASSERT_EQ(0, exec_with_condition("exec.argv[1]=\"" DIR "/data/f\\*\"",
					 CAT " " DIR "/data/f1", NULL, out,
					 sizeof(out)));
	EXPECT_STREQ("x\n", out);
	EXPECT_NE(0, exec_with_condition("exec.argv[1]=\"" DIR "/data/f\\*\"",
					 CAT " /proc/self/attr/warden/current",
					 NULL, out, sizeof(out)));
	EXPECT_STREQ("", out);
	EXPECT_EQ(0, exec_with_condition("exec.envp[\"SECRET\"]=NULL",
					 CAT " " DIR "/data/f1", without, NULL,
					 0));
	EXPECT_NE(0, exec_with_condition("exec.envp[\"SECRET\"]=NULL",
					 CAT " " DIR "/data/f1", with_secret,
					 NULL, 0));
	EXPECT_EQ(0, exec_with_condition("exec.argc=2",
					 CAT " " DIR "/data/f1", NULL, out,
					 sizeof(out)));
}

TEST_HARNESS_MAIN
