// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - the manager file.
 *
 * Program pathnames and domainnames written to
 * /sys/kernel/security/warden/manager read back in order, once each;
 * delete removes them; malformed lines fail and change nothing.  Once the
 * policy is loaded and managers are listed, a program that is not one of
 * them cannot change the policy.
 *
 * Each test first lists this program itself as a manager, so that it can
 * go on writing, and removes every entry it added, itself last.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "../kselftest_harness.h"
#include "common.h"

#define MANAGER_FILE WARDEN_DIR "/manager"

FIXTURE(manager) {
	char self[PATH_MAX];
	char self_line[PATH_MAX + 16];
	bool listed;
};

FIXTURE_SETUP(manager)
{
	ssize_t len;

	if (!warden_is_enabled())
		SKIP(return, "warden is not in " LSM_LIST_FILE);
	len = readlink("/proc/self/exe", self->self, sizeof(self->self) - 1);
	ASSERT_LT(0, len);
	self->self[len] = '\0';
	snprintf(self->self_line, sizeof(self->self_line), "%s\n", self->self);
	/* The first profile line loads the policy: managers now count. */
	ASSERT_EQ(0, write_file_once(WARDEN_DIR "/profile",
				     "PROFILE_VERSION=20150505\n"));
	ASSERT_EQ(0, write_file_once(MANAGER_FILE, self->self_line));
	self->listed = true;
}

FIXTURE_TEARDOWN(manager)
{
	char line[PATH_MAX + 16];

	if (!self->listed)
		return;
	snprintf(line, sizeof(line), "delete %s", self->self_line);
	EXPECT_EQ(0, write_file_once(MANAGER_FILE, line));
}

/* What the manager file holds besides this program's own entry. */
static void read_others(struct __test_metadata *_metadata,
			const char *own_line, char *buf, size_t size)
{
	char *own;

	ASSERT_LE(0, read_whole_file(MANAGER_FILE, buf, size));
	own = strstr(buf, own_line);
	ASSERT_NE(NULL, own);
	memmove(own, own + strlen(own_line), strlen(own + strlen(own_line)) + 1);
}

/* Run "echo LINE > FILE" in busybox sh, a program that is no manager. */
static int shell_write(const char *line, const char *file)
{
	char command[512];
	int status;
	pid_t pid;

	snprintf(command, sizeof(command), "echo '%s' > %s", line, file);
	pid = fork();
	if (pid < 0)
		return -1;
	if (!pid) {
		execl("/bin/busybox", "sh", "-c", command, (char *)NULL);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

TEST_F(manager, only_managers_change_policy_once_listed)
{
	char buf[4096];

	/* A root shell that is not listed is refused... */
	EXPECT_NE(0, shell_write("/sbin/intruder", MANAGER_FILE));
	EXPECT_NE(0, shell_write("file read /etc/shadow", WARDEN_DIR "/domain_policy"));
	read_others(_metadata, self->self_line, buf, sizeof(buf));
	EXPECT_STREQ("", buf);
	/* ...and so is a listed program of another name. */
	ASSERT_EQ(0, write_file_once(MANAGER_FILE, "/bin/busybox\n"));
	EXPECT_EQ(0, shell_write("/sbin/welcome", MANAGER_FILE));
	read_others(_metadata, self->self_line, buf, sizeof(buf));
	EXPECT_STREQ("/bin/busybox\n/sbin/welcome\n", buf);
	ASSERT_EQ(0, write_file_once(MANAGER_FILE,
				     "delete /sbin/welcome\n"
				     "delete /bin/busybox\n"));
	EXPECT_NE(0, shell_write("/sbin/intruder", MANAGER_FILE));
}

TEST_F(manager, entries_read_back_in_order_once)
{
	static const char written[] =
		"/usr/sbin/warden-loadpolicy\n"
		"<kernel> /usr/sbin/sshd /bin/bash\n"
		"/usr/sbin/warden-loadpolicy\n";
	char buf[4096];

	ASSERT_EQ(0, write_file_once(MANAGER_FILE, written));
	read_others(_metadata, self->self_line, buf, sizeof(buf));
	EXPECT_STREQ("/usr/sbin/warden-loadpolicy\n"
		     "<kernel> /usr/sbin/sshd /bin/bash\n", buf);
	ASSERT_EQ(0, write_file_once(MANAGER_FILE,
				     "delete /usr/sbin/warden-loadpolicy\n"
				     "delete <kernel> /usr/sbin/sshd /bin/bash\n"));
	read_others(_metadata, self->self_line, buf, sizeof(buf));
	EXPECT_STREQ("", buf);
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
