/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the tools' host tests share: the kernel's kselftest harness (it
 * runs on the host as it does in the VM) and a string check that takes a
 * NULL from a read that failed as a failure, not a crash.
 */

#ifndef WARDEN_TOOLS_TEST_H
#define WARDEN_TOOLS_TEST_H

#include <libgen.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "kselftest_harness.h"

/* The built tools: the Makefile puts tests in $(O)/tests, tools in $(O). */
static inline bool wd_test_tools_dir(char *dir, size_t size)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n <= 0)
		return false;
	exe[n] = '\0';
	return snprintf(dir, size, "%s", dirname(dirname(exe))) < (int)size;
}

static inline const char *wd_test_text(const char *text)
{
	return text ? text : "(null)";
}

/* EXPECT_STREQ, with the arguments in the order they read: got, want. */
#define EXPECT_TEXT(got, want) EXPECT_STREQ((want), wd_test_text(got))

#endif /* WARDEN_TOOLS_TEST_H */
