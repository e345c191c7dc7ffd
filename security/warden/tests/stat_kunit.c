// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - KUnit tests of the statistics: the time of the last event,
 * the quota lines, and the stat file's TOMOYO layout.
 */

#include "../common.h"
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/errno.h>
#include <linux/seq_file.h>
#include <linux/string.h>

#include "../stat.h"

static void test_time_text_epoch(struct kunit *const test)
{
	char text[WARDEN_TIME_TEXT_SIZE];

	warden_time_to_text(0, text);
	KUNIT_EXPECT_STREQ(test, text, "1970/01/01 00:00:00");
}

static void test_time_text_matches_guide_log(struct kunit *const test)
{
	char text[WARDEN_TIME_TEXT_SIZE];

	/* The enforcing-mode violation of the TOMOYO guide's stat example. */
	warden_time_to_text(1293293315, text);
	KUNIT_EXPECT_STREQ(test, text, "2010/12/25 16:08:35");
	warden_time_to_text(4102444799LL, text);
	KUNIT_EXPECT_STREQ(test, text, "2099/12/31 23:59:59");
}

static void test_quota_line_parses_each_pool(struct kunit *const test)
{
	enum warden_memory_kind kind;
	unsigned int quota;

	KUNIT_EXPECT_EQ(test, warden_stat_parse_quota("Memory used by policy: 4096",
						      &kind, &quota), 0);
	KUNIT_EXPECT_EQ(test, kind, WARDEN_MEMORY_POLICY);
	KUNIT_EXPECT_EQ(test, quota, 4096);
	KUNIT_EXPECT_EQ(test, warden_stat_parse_quota("Memory used by audit log: 16777216",
						      &kind, &quota), 0);
	KUNIT_EXPECT_EQ(test, kind, WARDEN_MEMORY_AUDIT);
	KUNIT_EXPECT_EQ(test, quota, 16777216);
	KUNIT_EXPECT_EQ(test, warden_stat_parse_quota("Memory used by query message:0",
						      &kind, &quota), 0);
	KUNIT_EXPECT_EQ(test, kind, WARDEN_MEMORY_QUERY);
	KUNIT_EXPECT_EQ(test, quota, 0);
}

static void test_quota_line_rejects_garbage(struct kunit *const test)
{
	static const char *const bad[] = {
		"",
		"Memory used by",
		"Memory used by policy:",
		"Memory used by policy: -1",
		"Memory used by policy: 4294967296",
		"Memory used by policy: 12abc",
		"Memory used by policy: 0x10",
		"Memory used by policies: 10",
		"Memory used by : 10",
		"memory used by policy: 10",
		"Total memory used: 10",
		"Policy update: 1",
	};
	enum warden_memory_kind kind = WARDEN_MEMORY_NR_KINDS;
	unsigned int quota = 12345;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		KUNIT_EXPECT_EQ_MSG(test, warden_stat_parse_quota(bad[i], &kind,
								  &quota),
				    -EINVAL, "line \"%s\"", bad[i]);
		KUNIT_EXPECT_EQ(test, kind, WARDEN_MEMORY_NR_KINDS);
	}
}

static void test_stat_layout_is_tomoyo_layout(struct kunit *const test)
{
	static const char *const expected_prefixes[] = {
		"Policy update:                                 ",
		"Policy violation in learning mode:             ",
		"Policy violation in permissive mode:           ",
		"Policy violation in enforcing mode:            ",
		"Policy violation quieted:                      ",
		"Memory used by policy:                         ",
		"Memory used by audit log:                      ",
		"Memory used by query message:                  ",
		"Total memory used:                             ",
		"Audit records dropped:                         ",
	};
	struct seq_file m = {};
	char *line, *cursor;
	size_t i = 0;

	m.size = PAGE_SIZE;
	m.buf = kunit_kzalloc(test, m.size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m.buf);
	warden_stat_show(&m);
	KUNIT_ASSERT_FALSE(test, seq_has_overflowed(&m));
	cursor = m.buf;
	while ((line = strsep(&cursor, "\n")) && *line) {
		KUNIT_ASSERT_LT(test, i, ARRAY_SIZE(expected_prefixes));
		/* Labels and numbers end at the columns TOMOYO uses. */
		KUNIT_EXPECT_GE(test, strlen(line), 48);
		KUNIT_EXPECT_EQ_MSG(test,
				    strncmp(line, expected_prefixes[i], 38), 0,
				    "line %zu: \"%s\"", i, line);
		KUNIT_EXPECT_NE(test, line[47], ' ');
		i++;
	}
	KUNIT_EXPECT_EQ(test, i, ARRAY_SIZE(expected_prefixes));
}

static void test_stat_record_adds_last_time(struct kunit *const test)
{
	int before = atomic_read(&warden_stat_count[WARDEN_STAT_POLICY_UPDATE]);
	struct seq_file m = {};

	warden_stat_record(WARDEN_STAT_POLICY_UPDATE);
	KUNIT_EXPECT_EQ(test,
			atomic_read(&warden_stat_count[WARDEN_STAT_POLICY_UPDATE]),
			before + 1);
	m.size = PAGE_SIZE;
	m.buf = kunit_kzalloc(test, m.size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m.buf);
	warden_stat_show(&m);
	/* The 48-column counter is followed by " (Last: YYYY/MM/DD hh:mm:ss)". */
	KUNIT_EXPECT_TRUE(test, str_has_prefix(strstr(m.buf, "Policy update:") + 48,
					       " (Last: "));
	KUNIT_EXPECT_EQ(test, strchr(m.buf, '\n') - m.buf,
			48 + strlen(" (Last: YYYY/MM/DD hh:mm:ss)"));
}

static struct kunit_case warden_stat_test_cases[] = {
	KUNIT_CASE(test_time_text_epoch),
	KUNIT_CASE(test_time_text_matches_guide_log),
	KUNIT_CASE(test_quota_line_parses_each_pool),
	KUNIT_CASE(test_quota_line_rejects_garbage),
	KUNIT_CASE(test_stat_layout_is_tomoyo_layout),
	KUNIT_CASE(test_stat_record_adds_last_time),
	{}
};

static struct kunit_suite warden_stat_test_suite = {
	.name = "warden_stat",
	.test_cases = warden_stat_test_cases,
};

kunit_test_suite(warden_stat_test_suite);
