// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - the profile file.
 *
 * Profiles written through /sys/kernel/security/warden/profile read back
 * in TOMOYO's canonical form; a bad line fails its write() and changes
 * nothing; lines may be split across writes; overlong lines are refused.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../kselftest_harness.h"
#include "common.h"

#define PROFILE_FILE WARDEN_DIR "/profile"

FIXTURE(profile) {
	char before[65536];
};

FIXTURE_SETUP(profile)
{
	if (!warden_is_enabled())
		SKIP(return, "warden is not in " LSM_LIST_FILE);
	ASSERT_LE(0, read_whole_file(PROFILE_FILE, self->before,
				     sizeof(self->before)));
}

FIXTURE_TEARDOWN(profile)
{
}

static ssize_t profile_dump(char *buf, size_t size)
{
	return read_whole_file(PROFILE_FILE, buf, size);
}

TEST_F(profile, tomoyo_default_profiles_read_back_unchanged)
{
	static const char text[] =
		"PROFILE_VERSION=20150505\n"
		"0-COMMENT=-----Disabled Mode-----\n"
		"0-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }\n"
		"0-CONFIG={ mode=disabled grant_log=no reject_log=yes }\n"
		"1-COMMENT=-----Learning Mode-----\n"
		"1-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }\n"
		"1-CONFIG={ mode=learning grant_log=no reject_log=yes }\n"
		"2-COMMENT=-----Permissive Mode-----\n"
		"2-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }\n"
		"2-CONFIG={ mode=permissive grant_log=no reject_log=yes }\n"
		"3-COMMENT=-----Enforcing Mode-----\n"
		"3-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }\n"
		"3-CONFIG={ mode=enforcing grant_log=no reject_log=yes }\n";
	char buf[65536];

	ASSERT_EQ(0, write_file_once(PROFILE_FILE, text));
	ASSERT_LT(0, profile_dump(buf, sizeof(buf)));
	EXPECT_STREQ(text, buf);
}

TEST_F(profile, blanks_are_folded_to_canonical_form)
{
	static const char written[] =
		"  9-CONFIG::file::open={   mode=enforcing\tgrant_log=no }\t\n";
	static const char canonical[] =
		"9-CONFIG::file::open={ mode=enforcing grant_log=no reject_log=yes }\n";
	char buf[65536];

	ASSERT_EQ(0, write_file_once(PROFILE_FILE, written));
	ASSERT_LT(0, profile_dump(buf, sizeof(buf)));
	EXPECT_NE(NULL, strstr(buf, canonical));
}

TEST_F(profile, bad_line_fails_write_and_changes_nothing)
{
	char before[65536], after[65536];

	ASSERT_EQ(0, write_file_once(PROFILE_FILE,
				     "10-CONFIG={ mode=learning }\n"));
	ASSERT_LT(0, profile_dump(before, sizeof(before)));
	EXPECT_EQ(-EINVAL, write_file_once(PROFILE_FILE,
					   "10-CONFIG={ mode=enforce }\n"));
	EXPECT_EQ(-EINVAL, write_file_once(PROFILE_FILE,
					   "10-CONFIG::file::nothing={ mode=enforcing }\n"));
	EXPECT_EQ(-EINVAL, write_file_once(PROFILE_FILE, "300-COMMENT=x\n"));
	ASSERT_LT(0, profile_dump(after, sizeof(after)));
	EXPECT_STREQ(before, after);
}

TEST_F(profile, line_split_across_writes_is_applied_once_complete)
{
	char buf[65536];
	int fd;

	fd = open(PROFILE_FILE, O_WRONLY | O_CLOEXEC);
	ASSERT_LE(0, fd);
	ASSERT_EQ(11, write(fd, "11-COMMENT=", 11));
	ASSERT_EQ(6, write(fd, "split ", 6));
	ASSERT_LT(0, profile_dump(buf, sizeof(buf)));
	EXPECT_EQ(NULL, strstr(buf, "11-COMMENT=split"));
	ASSERT_EQ(9, write(fd, "in three\n", 9));
	ASSERT_LT(0, profile_dump(buf, sizeof(buf)));
	EXPECT_NE(NULL, strstr(buf, "11-COMMENT=split in three\n"));
	EXPECT_EQ(0, close(fd));
}

TEST_F(profile, last_line_without_newline_applies_at_close)
{
	char buf[65536];
	int fd;

	fd = open(PROFILE_FILE, O_WRONLY | O_CLOEXEC);
	ASSERT_LE(0, fd);
	ASSERT_EQ(16, write(fd, "12-COMMENT=close", 16));
	EXPECT_EQ(0, close(fd));
	ASSERT_LT(0, profile_dump(buf, sizeof(buf)));
	EXPECT_NE(NULL, strstr(buf, "12-COMMENT=close\n"));

	/* A bad last line makes close() fail. */
	fd = open(PROFILE_FILE, O_WRONLY | O_CLOEXEC);
	ASSERT_LE(0, fd);
	ASSERT_EQ(5, write(fd, "12-XX", 5));
	EXPECT_EQ(-1, close(fd));
	EXPECT_EQ(EINVAL, errno);
}

TEST_F(profile, overlong_line_is_refused_and_skipped)
{
	const size_t len = 1024 * 1024;
	char *big = malloc(len + 64);
	char buf[65536];
	int fd;

	ASSERT_NE(NULL, big);
	memcpy(big, "13-COMMENT=", 11);
	memset(big + 11, 'a', len - 11);
	big[len] = '\0';
	fd = open(PROFILE_FILE, O_WRONLY | O_CLOEXEC);
	ASSERT_LE(0, fd);
	EXPECT_EQ(-1, write(fd, big, len));
	EXPECT_EQ(EINVAL, errno);
	/* The rest of the refused line is dropped up to its newline... */
	EXPECT_EQ(4, write(fd, "aaa\n", 4));
	/* ...and the next line is read normally. */
	EXPECT_EQ(17, write(fd, "13-COMMENT=after\n", 17));
	EXPECT_EQ(0, close(fd));
	free(big);
	ASSERT_LT(0, profile_dump(buf, sizeof(buf)));
	EXPECT_NE(NULL, strstr(buf, "13-COMMENT=after\n"));
	EXPECT_EQ(NULL, strstr(buf, "13-COMMENT=aaa"));
}

TEST_F(profile, write_counts_as_policy_update)
{
	char stat[4096];
	long before, after;

	ASSERT_LT(0, read_whole_file(WARDEN_DIR "/stat", stat, sizeof(stat)));
	before = strtol(stat + 38, NULL, 10);
	ASSERT_EQ(0, write_file_once(PROFILE_FILE, "14-COMMENT=a\n14-COMMENT=b\n"));
	ASSERT_LT(0, read_whole_file(WARDEN_DIR "/stat", stat, sizeof(stat)));
	after = strtol(stat + 38, NULL, 10);
	EXPECT_EQ(before + 2, after);
	EXPECT_NE(NULL, strstr(stat, "(Last: "));
	/* Profiles are policy memory. */
	EXPECT_LT(0, strtol(strstr(stat, "Memory used by policy:") + 38,
			    NULL, 10));
}

TEST_HARNESS_MAIN
