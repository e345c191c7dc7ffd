// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - registration and the securityfs directory.
 *
 * Warden must be visible to user space exactly when the kernel started
 * it: in /sys/kernel/security/lsm, from lsm_list_modules(), and as the
 * /sys/kernel/security/warden/ directory with its files and their modes.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <linux/capability.h>
#include <linux/lsm.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../kselftest_harness.h"
#include "common.h"

static int lsm_ids(__u64 *ids, __u32 max)
{
	__u32 size = max * sizeof(*ids);

	return syscall(__NR_lsm_list_modules, ids, &size, 0);
}

static bool lsm_ids_have(__u64 id)
{
	__u64 ids[32];
	int i, n = lsm_ids(ids, 32);

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return true;
	return false;
}

/* Tests of an active Warden; they skip on a kernel that did not start it. */
FIXTURE(warden) {};

FIXTURE_SETUP(warden)
{
	if (!warden_is_enabled())
		SKIP(return, "warden is not in " LSM_LIST_FILE);
}

FIXTURE_TEARDOWN(warden)
{
}

TEST_F(warden, listed_in_sys_kernel_security_lsm)
{
	char list[512];

	ASSERT_LT(0, read_whole_file(LSM_LIST_FILE, list, sizeof(list)));
	EXPECT_TRUE(list_has_entry(list, "warden"));
	/* The capability module always comes first. */
	EXPECT_EQ(0, strncmp(list, "capability", strlen("capability")));
}

TEST_F(warden, lsm_list_modules_reports_warden_id)
{
	EXPECT_EQ(114, LSM_ID_WARDEN);
	EXPECT_TRUE(lsm_ids_have(LSM_ID_WARDEN));
}

TEST_F(warden, securityfs_directory_is_root_owned_directory)
{
	struct stat st;

	ASSERT_EQ(0, lstat(WARDEN_DIR, &st));
	EXPECT_TRUE(S_ISDIR(st.st_mode));
	EXPECT_EQ(0755, st.st_mode & 07777);
	EXPECT_EQ(0, st.st_uid);
	EXPECT_EQ(0, st.st_gid);
}

FIXTURE(securityfs_file) {};

FIXTURE_VARIANT(securityfs_file) {
	const char *name;
	mode_t mode;
};

/* clang-format off */
FIXTURE_VARIANT_ADD(securityfs_file, version) {
	/* clang-format on */
	.name = "version",
	.mode = 0400,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(securityfs_file, domain_policy) {
	/* clang-format on */
	.name = "domain_policy",
	.mode = 0600,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(securityfs_file, domain_stat) {
	/* clang-format on */
	.name = "domain_stat",
	.mode = 0400,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(securityfs_file, exception_policy) {
	/* clang-format on */
	.name = "exception_policy",
	.mode = 0600,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(securityfs_file, manager) {
	/* clang-format on */
	.name = "manager",
	.mode = 0600,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(securityfs_file, policy) {
	/* clang-format on */
	.name = "policy",
	.mode = 0600,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(securityfs_file, profile) {
	/* clang-format on */
	.name = "profile",
	.mode = 0600,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(securityfs_file, stat) {
	/* clang-format on */
	.name = "stat",
	.mode = 0644,
};

FIXTURE_SETUP(securityfs_file)
{
	if (!warden_is_enabled())
		SKIP(return, "warden is not in " LSM_LIST_FILE);
}

FIXTURE_TEARDOWN(securityfs_file)
{
}

TEST_F(securityfs_file, exists_with_mode_and_is_readable)
{
	char path[256], buf[4096];
	struct stat st;

	snprintf(path, sizeof(path), WARDEN_DIR "/%s", variant->name);
	ASSERT_EQ(0, lstat(path, &st));
	EXPECT_TRUE(S_ISREG(st.st_mode));
	EXPECT_EQ(variant->mode, st.st_mode & 07777);
	EXPECT_EQ(0, st.st_uid);
	/* Readable; the manager list may be empty. */
	EXPECT_LE(0, read_whole_file(path, buf, sizeof(buf)));
}

TEST_F(warden, version_reports_tomoyo_2_6_interface)
{
	char buf[64];

	ASSERT_EQ(5, read_whole_file(WARDEN_DIR "/version", buf, sizeof(buf)));
	EXPECT_STREQ("2.6.0", buf);
}

/* The labels of the stat file, in order, each padded as TOMOYO pads it. */
static const char *const stat_labels[] = {
	"Policy update:",
	"Policy violation in learning mode:",
	"Policy violation in permissive mode:",
	"Policy violation in enforcing mode:",
	"Policy violation quieted:",
	"Memory used by policy:",
	"Memory used by audit log:",
	"Memory used by query message:",
	"Total memory used:",
	"Audit records dropped:",
};

/*
 * Find the line of @stat that starts with @label; return its number
 * column (which ends at column 48), or -1.
 */
static long stat_value(const char *stat, const char *label)
{
	const char *line = stat;

	while (line && *line) {
		if (!strncmp(line, label, strlen(label)))
			return strtol(line + 38, NULL, 10);
		line = strchr(line, '\n');
		if (line)
			line++;
	}
	return -1;
}

/* The quota shown on @label's line, 0 when none is shown, -1 on error. */
static long stat_quota(const char *stat, const char *label)
{
	const char *line = strstr(stat, label);
	const char *end, *quota;

	if (!line)
		return -1;
	end = strchr(line, '\n');
	quota = strstr(line, "(Quota: ");
	if (!quota || (end && quota > end))
		return 0;
	return strtol(quota + strlen("(Quota: "), NULL, 10);
}

TEST_F(warden, stat_has_tomoyo_layout_in_order)
{
	char buf[4096], *line, *cursor;
	size_t i = 0;

	ASSERT_LT(0, read_whole_file(WARDEN_DIR "/stat", buf, sizeof(buf)));
	cursor = buf;
	while ((line = strsep(&cursor, "\n")) && *line) {
		size_t label_len;

		ASSERT_GT(ARRAY_SIZE(stat_labels), i);
		label_len = strlen(stat_labels[i]);
		EXPECT_EQ(0, strncmp(line, stat_labels[i], label_len))
			TH_LOG("line %zu: \"%s\"", i, line);
		/* Blank padding, then a number right-aligned at column 48. */
		ASSERT_LE(48, strlen(line));
		EXPECT_LE(38 - label_len, strspn(line + label_len, " "));
		EXPECT_LE('0', line[47]);
		EXPECT_GE('9', line[47]);
		i++;
	}
	EXPECT_EQ(ARRAY_SIZE(stat_labels), i);
}

TEST_F(warden, stat_quota_write_is_shown_and_resettable)
{
	const char *file = WARDEN_DIR "/stat";
	char buf[4096];

	ASSERT_EQ(0, write_file_once(file, "Memory used by policy: 123456\n"));
	ASSERT_LT(0, read_whole_file(file, buf, sizeof(buf)));
	EXPECT_EQ(123456, stat_quota(buf, "Memory used by policy:"));
	ASSERT_EQ(0, write_file_once(file, "Memory used by policy: 0\n"));
	ASSERT_LT(0, read_whole_file(file, buf, sizeof(buf)));
	EXPECT_EQ(0, stat_quota(buf, "Memory used by policy:"));
}

TEST_F(warden, stat_write_with_bad_line_changes_nothing)
{
	static const char bad_unknown_pool[] =
		"Memory used by audit log: 777\nMemory used by nothing: 1\n";
	static const char bad_negative_quota[] =
		"Memory used by audit log: 777\nMemory used by policy: -5\n";
	const char *file = WARDEN_DIR "/stat";
	long before;
	char buf[4096];

	ASSERT_LT(0, read_whole_file(file, buf, sizeof(buf)));
	before = stat_quota(buf, "Memory used by audit log:");
	ASSERT_LE(0, before);
	ASSERT_NE(777, before);
	EXPECT_EQ(-EINVAL, write_file_once(file, bad_unknown_pool));
	EXPECT_EQ(-EINVAL, write_file_once(file, bad_negative_quota));
	ASSERT_LT(0, read_whole_file(file, buf, sizeof(buf)));
	EXPECT_EQ(before, stat_quota(buf, "Memory used by audit log:"));
	EXPECT_EQ(0, stat_value(buf, "Memory used by audit log:"));
}

static int drop_cap_mac_admin(void)
{
	struct __user_cap_header_struct header = {
		.version = _LINUX_CAPABILITY_VERSION_3,
	};
	struct __user_cap_data_struct data[2];

	if (syscall(SYS_capget, &header, data))
		return -1;
	data[CAP_TO_INDEX(CAP_MAC_ADMIN)].effective &=
		~CAP_TO_MASK(CAP_MAC_ADMIN);
	return syscall(SYS_capset, &header, data);
}

TEST_F(warden, stat_write_requires_cap_mac_admin)
{
	int status;
	pid_t child;

	child = fork();
	ASSERT_LE(0, child);
	if (!child) {
		int err;

		if (drop_cap_mac_admin())
			_exit(2);
		err = write_file_once(WARDEN_DIR "/stat",
				      "Memory used by policy: 42\n");
		_exit(err == -EPERM ? 0 : 1);
	}
	ASSERT_EQ(child, waitpid(child, &status, 0));
	ASSERT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status));
}

TEST(absent_when_not_enabled)
{
	struct stat st;

	if (warden_is_enabled())
		SKIP(return, "warden is enabled on this boot");
	EXPECT_EQ(-1, lstat(WARDEN_DIR, &st));
	EXPECT_EQ(ENOENT, errno);
	EXPECT_FALSE(lsm_ids_have(LSM_ID_WARDEN));
}

TEST_HARNESS_MAIN
