// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host tests of the policy-line grammar the tools share (lib/grammar.c):
 * blanks and comments, the normal spelling of a line, and ACL lines split,
 * joined and merged as the kernel prints them.
 */

#include <stdlib.h>

#include "grammar.h"
#include "tools_test.h"

TEST(a_line_is_normalised_as_the_kernel_keeps_it)
{
	char *line = wd_line_normalise(" \tfile   read\t /etc/passwd  \r");

	EXPECT_STREQ("file read /etc/passwd", line);
	free(line);
	line = wd_line_normalise("   ");
	EXPECT_STREQ("", line);
	free(line);
}

TEST(blank_and_comment_lines_are_empty)
{
	EXPECT_TRUE(wd_line_is_empty("", 0));
	EXPECT_TRUE(wd_line_is_empty(" \t\r", 3));
	EXPECT_TRUE(wd_line_is_empty("  # file read /x", 16));
	EXPECT_FALSE(wd_line_is_empty(" file read /x", 13));
	EXPECT_FALSE(wd_line_is_empty("use_profile 3 # no comment", 26));
}

/* What splitting one ACL line gives, and how it is printed again. */
FIXTURE(acl) {
	struct wd_acl acl;
	char *joined;
};

FIXTURE_VARIANT(acl) {
	const char *line;
	enum wd_acl_kind kind;
	unsigned int ops;
	const char *args;
	const char *joined;
};

FIXTURE_VARIANT_ADD(acl, file_read) {
	.line = "file read /etc/passwd",
	.kind = WD_ACL_FILE_PATH, .ops = 1u << 1, .args = "/etc/passwd",
	.joined = "file read /etc/passwd",
};

FIXTURE_VARIANT_ADD(acl, ops_in_any_order_print_in_the_kernels) {
	.line = "file  append/write/read  /var/log/x",
	.kind = WD_ACL_FILE_PATH, .ops = 0xe, .args = "/var/log/x",
	.joined = "file read/write/append /var/log/x",
};

FIXTURE_VARIANT_ADD(acl, file_create_has_a_number) {
	.line = "file create /tmp/\\* 0644",
	.kind = WD_ACL_FILE_NUMBER, .ops = 1u << 0, .args = "/tmp/\\* 0644",
	.joined = "file create /tmp/\\* 0644",
};

FIXTURE_VARIANT_ADD(acl, file_rename_has_two_paths) {
	.line = "file link/rename /a /b",
	.kind = WD_ACL_FILE_PATH2, .ops = 3, .args = "/a /b",
	.joined = "file link/rename /a /b",
};

FIXTURE_VARIANT_ADD(acl, network_inet_stream) {
	.line = "network inet stream connect/bind 127.0.0.1 80",
	.kind = WD_ACL_INET_STREAM, .ops = 5, .args = "127.0.0.1 80",
	.joined = "network inet stream bind/connect 127.0.0.1 80",
};

FIXTURE_VARIANT_ADD(acl, misc_env_has_no_operations) {
	.line = "misc env LD_PRELOAD",
	.kind = WD_ACL_MISC_ENV, .ops = 0, .args = "LD_PRELOAD",
	.joined = "misc env LD_PRELOAD",
};

FIXTURE_VARIANT_ADD(acl, task_manual_domain_transition) {
	.line = "task manual_domain_transition <kernel> /bin/sh",
	.kind = WD_ACL_TASK_TRANSITION, .ops = 0, .args = "<kernel> /bin/sh",
	.joined = "task manual_domain_transition <kernel> /bin/sh",
};

FIXTURE_SETUP(acl)
{
	ASSERT_EQ(0, wd_acl_split(variant->line, &self->acl));
	self->joined = wd_acl_join(&self->acl);
}

FIXTURE_TEARDOWN(acl)
{
	wd_acl_free(&self->acl);
	free(self->joined);
}

TEST_F(acl, splits_into_kind_operations_and_arguments)
{
	EXPECT_EQ(variant->kind, self->acl.kind);
	EXPECT_EQ(variant->ops, self->acl.ops);
	EXPECT_STREQ(variant->args, self->acl.args);
}

TEST_F(acl, joins_as_the_kernel_prints_it)
{
	EXPECT_STREQ(variant->joined, self->joined);
}

/* Two lines, and the one line the kernel keeps for both, if any. */
FIXTURE(merge) {
	struct wd_acl a, b;
};

FIXTURE_VARIANT(merge) {
	const char *a, *b;
	const char *merged;	/* NULL: they stay two lines */
};

FIXTURE_VARIANT_ADD(merge, read_and_write_make_read_write) {
	.a = "file read /etc/x", .b = "file write /etc/x",
	.merged = "file read/write /etc/x",
};

FIXTURE_VARIANT_ADD(merge, write_then_read_still_prints_read_write) {
	.a = "file write /etc/x", .b = "file read /etc/x",
	.merged = "file read/write /etc/x",
};

FIXTURE_VARIANT_ADD(merge, execute_joins_read_write_in_order) {
	.a = "file read/write /bin/x", .b = "file execute /bin/x",
	.merged = "file execute/read/write /bin/x",
};

FIXTURE_VARIANT_ADD(merge, other_paths_stay_apart) {
	.a = "file read /etc/x", .b = "file write /etc/y",
};

FIXTURE_VARIANT_ADD(merge, kinds_with_other_arguments_stay_apart) {
	.a = "file read /tmp/x", .b = "file create /tmp/x 0600",
};

FIXTURE_VARIANT_ADD(merge, network_bind_and_listen) {
	.a = "network unix stream bind /s", .b = "network unix stream listen /s",
	.merged = "network unix stream bind/listen /s",
};

FIXTURE_VARIANT_ADD(merge, lines_without_operations_never_merge) {
	.a = "misc env PATH", .b = "misc env PATH",
};

FIXTURE_SETUP(merge)
{
	ASSERT_EQ(0, wd_acl_split(variant->a, &self->a));
	ASSERT_EQ(0, wd_acl_split(variant->b, &self->b));
}

FIXTURE_TEARDOWN(merge)
{
	wd_acl_free(&self->a);
	wd_acl_free(&self->b);
}

TEST_F(merge, gives_the_line_the_kernel_prints)
{
	char *line;

	ASSERT_EQ(variant->merged != NULL, wd_acl_merge(&self->a, &self->b));
	if (!variant->merged)
		return;
	line = wd_acl_join(&self->a);
	EXPECT_STREQ(variant->merged, line);
	free(line);
}

TEST(lines_that_are_not_acls_are_refused)
{
	static const char *const bad[] = {
		"file frobnicate /x",
		"file read/create /x",
		"file read/ /x",
		"filer read /x",
		"network inet stream send 1.2.3.4 5",
		"use_profile 3",
		"",
	};
	struct wd_acl acl;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bad); i++)
		EXPECT_EQ(-1, wd_acl_split(bad[i], &acl))
			TH_LOG("case %zu took a line that is no ACL", i);
}

TEST_HARNESS_MAIN
