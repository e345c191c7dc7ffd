// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host tests of the tools' pattern matcher, which is the kernel's own
 * (security/warden/pattern.c through lib/kernel/shim.h): every case of the
 * kernel's KUnit pattern tests must come out the same here.  The cases
 * are cut out of security/warden/tests/pattern_kunit.c when this test is
 * built (the Makefile's pattern_cases.h), so a case added there is run
 * here too.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>

#include "escape.h"
#include "match.h"
#include "tools_test.h"

#include "pattern_cases.h"

TEST(every_kunit_match_case_matches_as_in_the_kernel)
{
	size_t i;

	ASSERT_LT(100U, ARRAY_SIZE(match_cases));
	for (i = 0; i < ARRAY_SIZE(match_cases); i++) {
		const struct match_case *t = &match_cases[i];

		EXPECT_EQ(t->matches, wd_pattern_match(t->name, t->pattern))
			TH_LOG("pattern \"%s\", name \"%s\"", t->pattern,
			       t->name);
	}
}

TEST(every_kunit_word_case_is_checked_as_in_the_kernel)
{
	size_t i;

	ASSERT_LT(50U, ARRAY_SIZE(word_cases));
	for (i = 0; i < ARRAY_SIZE(word_cases); i++) {
		const struct word_case *t = &word_cases[i];

		EXPECT_EQ(t->expected,
			  wd_word_check(t->word, t->allow_wildcards))
			TH_LOG("word \"%s\", wildcards %s", t->word,
			       t->allow_wildcards ? "allowed" : "refused");
	}
}

TEST(every_kunit_prefix_case_has_the_kernels_literal_prefix)
{
	size_t i;

	ASSERT_LT(5U, ARRAY_SIZE(prefix_cases));
	for (i = 0; i < ARRAY_SIZE(prefix_cases); i++) {
		const struct prefix_case *t = &prefix_cases[i];
		size_t len = strlen(t->word);

		EXPECT_EQ(t->prefix, wd_pattern_literal_prefix(t->word))
			TH_LOG("word \"%s\"", t->word);
		EXPECT_EQ(t->prefix < len, wd_word_has_wildcard(t->word))
			TH_LOG("word \"%s\"", t->word);
	}
}

/* A name the tools encode is matched as the kernel, which encodes too. */
TEST(a_name_encoded_by_the_tools_matches_its_pattern)
{
	char *name = wd_encode("/tmp/a b\tc", 10);

	EXPECT_STREQ("/tmp/a\\040b\\011c", name);
	EXPECT_TRUE(wd_pattern_match(name, "/tmp/\\*"));
	EXPECT_TRUE(wd_pattern_match(name, "/tmp/a\\040\\*"));
	EXPECT_FALSE(wd_pattern_match(name, "/tmp/a b\\*"));
	EXPECT_EQ(-EINVAL, wd_word_check("/tmp/a b", true));
	free(name);
}

TEST_HARNESS_MAIN
