// SPDX-License-Identifier: GPL-2.0
/*
 * Warden kselftest: the boot-time policy loader.  The first exec of the
 * activation trigger (/sbin/init) runs /sbin/warden-init, which loads
 * /etc/warden/policy/current/, and the policy is active before the
 * trigger's program runs its first child.  A missing loader is reported
 * once.  Each case needs a boot of its own where no policy was loaded
 * yet: `make selftests` boots once with warden.loader=/sbin/warden-init
 * (the kernel's default may be TOMOYO's loader) and once with
 * warden.loader= naming a program that does not exist.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../kselftest_harness.h"
#include "common.h"

#define POLICY_DIR "/etc/warden/policy/current"
#define TRIGGER "/sbin/init"
#define LOADER "/sbin/warden-init"
#define MARKER "<kernel> /warden-loaded-at-boot"

static bool cmdline_has(const char *word)
{
	char cmdline[4096];

	if (read_whole_file("/proc/cmdline", cmdline, sizeof(cmdline)) < 0)
		return false;
	return strstr(cmdline, word);
}

/* Run the trigger as a child, as a boot runs init, and wait for it. */
static int run_trigger(void)
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (!pid) {
		execl(TRIGGER, TRIGGER, NULL);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* init's first child reads the policy the loader loaded. */
static const char trigger_script[] =
	"#!/bin/sh\n"
	"grep -c '^" MARKER "$' " WARDEN_DIR "/domain_policy >/tmp/loader.marker\n"
	"exit 0\n";

TEST(loader_runs_at_the_trigger_and_policy_is_active_before_init_runs)
{
	char marker[64];

	if (!warden_is_enabled())
		SKIP(return, "Warden is not enabled");
	if (!cmdline_has("warden.loader=" LOADER))
		SKIP(return, "this boot names another loader");
	if (policy_updates(WARDEN_DIR) != 0)
		SKIP(return, "a policy was loaded earlier in this boot");

	ASSERT_EQ(0, system("mkdir -p " POLICY_DIR " /sbin"));
	ASSERT_EQ(0, write_text(POLICY_DIR "/profile.conf",
				"PROFILE_VERSION=20150505\n"
				"0-CONFIG={ mode=disabled grant_log=no reject_log=yes }\n",
				0600));
	ASSERT_EQ(0, write_text(POLICY_DIR "/manager.conf", "", 0600));
	ASSERT_EQ(0, write_text(POLICY_DIR "/exception_policy.conf",
				"aggregator /bin/busybox /bin/busybox\n", 0600));
	ASSERT_EQ(0, write_text(POLICY_DIR "/domain_policy.conf",
				"<kernel>\nuse_profile 0\n" MARKER "\nuse_profile 0\n",
				0600));
	unlink(LOADER);
	ASSERT_EQ(0, symlink("/opt/warden/bin/warden-init", LOADER));
	ASSERT_EQ(0, write_text(TRIGGER, trigger_script, 0755));
	unlink("/tmp/loader.marker");

	ASSERT_EQ(0, run_trigger());

	ASSERT_LT(0, read_whole_file("/tmp/loader.marker", marker,
				     sizeof(marker)));
	EXPECT_STREQ("1\n", marker);
	EXPECT_LE(1, policy_updates(WARDEN_DIR));
	EXPECT_EQ(1, kernel_log_count("Warden: policy loaded"));
	/* The trigger fires once: a second init does not reload. */
	ASSERT_EQ(0, run_trigger());
	EXPECT_EQ(1, kernel_log_count("runs " LOADER));
}

TEST(missing_loader_is_reported_once_and_nothing_is_activated)
{
	static const char script[] = "#!/bin/sh\nexit 0\n";

	if (!warden_is_enabled())
		SKIP(return, "Warden is not enabled");
	if (!cmdline_has("warden.loader=/nonexistent"))
		SKIP(return, "this boot has a loader");
	if (policy_updates(WARDEN_DIR) != 0)
		SKIP(return, "a policy was loaded earlier in this boot");

	ASSERT_EQ(0, system("mkdir -p /sbin"));
	ASSERT_EQ(0, write_text(TRIGGER, script, 0755));
	ASSERT_EQ(0, run_trigger());
	ASSERT_EQ(0, run_trigger());
	ASSERT_EQ(0, run_trigger());
	EXPECT_EQ(1, kernel_log_count("no policy loader /nonexistent"));
	EXPECT_EQ(0, kernel_log_count("Warden: policy loaded"));
	EXPECT_EQ(0, policy_updates(WARDEN_DIR));
}

TEST_HARNESS_MAIN
