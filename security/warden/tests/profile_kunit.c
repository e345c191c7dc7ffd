// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - KUnit tests of profile lines: their syntax and canonical
 * form, refused lines that change nothing, how an operation inherits its
 * mode, and TOMOYO's default profiles read back identical.
 */

#include "../common.h"
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>

#include "../policy.h"
#include "../profile.h"
#include "kunit_util.h"

/* Print @set into a buffer the test owns. */
static char *warden_profile_dump(struct kunit *test,
				 const struct warden_profile_set *set)
{
	struct seq_file m = {};

	warden_test_seq_buf(test, &m, 64 * 1024);
	warden_policy_write_lock();
	warden_profile_show(&m, set, "");
	warden_policy_write_unlock();
	KUNIT_ASSERT_FALSE(test, seq_has_overflowed(&m));
	return m.buf;
}

static int warden_profile_write_copy(struct warden_profile_set *set,
				     const char *text, const char **reason)
{
	char line[256];
	int err;

	strscpy(line, text, sizeof(line));
	warden_policy_write_lock();
	err = warden_profile_write(set, line, reason);
	warden_policy_write_unlock();
	return err;
}

static void warden_profile_set_free(struct warden_profile_set *set)
{
	warden_policy_write_lock();
	warden_profile_set_clear(set);
	warden_policy_write_unlock();
	kfree(set);
}

static struct warden_profile_set *warden_profile_set_new(struct kunit *test)
{
	struct warden_profile_set *set = kzalloc(sizeof(*set), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, set);
	set->version = WARDEN_PROFILE_VERSION;
	return set;
}

struct warden_profile_case {
	const char *line;
	const char *printed;	/* the canonical line the dump must contain */
};

static const struct warden_profile_case warden_profile_valid[] = {
	{ "PROFILE_VERSION=20150505", "PROFILE_VERSION=20150505\n" },
	{ "PROFILE_VERSION=20110903", "PROFILE_VERSION=20110903\n" },
	{ "0-COMMENT=-----Disabled Mode-----", "0-COMMENT=-----Disabled Mode-----\n" },
	{ "3-COMMENT=", "3-COMMENT=\n" },
	{ "255-COMMENT=last", "255-COMMENT=last\n" },
	{ "007-COMMENT=leading zeros", "7-COMMENT=leading zeros\n" },
	{ "1-COMMENT=a=b", "1-COMMENT=a=b\n" },
	{ "0-CONFIG={ mode=disabled grant_log=no reject_log=yes }",
	  "0-CONFIG={ mode=disabled grant_log=no reject_log=yes }\n" },
	{ "1-CONFIG={ mode=learning grant_log=no reject_log=yes }",
	  "1-CONFIG={ mode=learning grant_log=no reject_log=yes }\n" },
	{ "2-CONFIG={ mode=permissive grant_log=no reject_log=yes }",
	  "2-CONFIG={ mode=permissive grant_log=no reject_log=yes }\n" },
	{ "3-CONFIG={ mode=enforcing grant_log=no reject_log=yes }",
	  "3-CONFIG={ mode=enforcing grant_log=no reject_log=yes }\n" },
	{ "3-CONFIG={ mode=enforcing }",
	  "3-CONFIG={ mode=enforcing grant_log=yes reject_log=yes }\n" },
	{ "3-CONFIG={ reject_log=no }",
	  "3-CONFIG={ mode=disabled grant_log=yes reject_log=no }\n" },
	{ "3-CONFIG={ }", "3-CONFIG={ mode=disabled grant_log=yes reject_log=yes }\n" },
	{ "4-CONFIG::file={ mode=learning }",
	  "4-CONFIG::file={ mode=learning grant_log=yes reject_log=yes }\n" },
	{ "4-CONFIG::network={ mode=permissive grant_log=no }",
	  "4-CONFIG::network={ mode=permissive grant_log=no reject_log=yes }\n" },
	{ "4-CONFIG::misc={ mode=enforcing }",
	  "4-CONFIG::misc={ mode=enforcing grant_log=yes reject_log=yes }\n" },
	{ "5-CONFIG::file::execute={ mode=enforcing grant_log=no reject_log=yes }",
	  "5-CONFIG::file::execute={ mode=enforcing grant_log=no reject_log=yes }\n" },
	{ "5-CONFIG::file::pivot_root={ mode=learning }",
	  "5-CONFIG::file::pivot_root={ mode=learning grant_log=yes reject_log=yes }\n" },
	{ "5-CONFIG::file::unmount={ mode=permissive }",
	  "5-CONFIG::file::unmount={ mode=permissive grant_log=yes reject_log=yes }\n" },
	{ "5-CONFIG::network::inet_stream_bind={ mode=enforcing }",
	  "5-CONFIG::network::inet_stream_bind={ mode=enforcing grant_log=yes reject_log=yes }\n" },
	{ "5-CONFIG::network::unix_dgram_send={ mode=learning }",
	  "5-CONFIG::network::unix_dgram_send={ mode=learning grant_log=yes reject_log=yes }\n" },
	{ "5-CONFIG::misc::env={ mode=enforcing reject_log=no }",
	  "5-CONFIG::misc::env={ mode=enforcing grant_log=yes reject_log=no }\n" },
	{ "6-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }",
	  "6-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }\n" },
	{ "6-PREFERENCE={ max_learning_entry=10 }",
	  "6-PREFERENCE={ max_audit_log=1024 max_learning_entry=10 }\n" },
	{ "6-PREFERENCE={ max_audit_log=0 }",
	  "6-PREFERENCE={ max_audit_log=0 max_learning_entry=2048 }\n" },
	{ "6-PREFERENCE={ query_timeout=30 }",
	  "6-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 query_timeout=30 }\n" },
	{ "6-PREFERENCE={ query_timeout=10 }",
	  "6-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }\n" },
	{ "6-PREFERENCE={ }",
	  "6-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }\n" },
	{ "6-PREFERENCE={ quiet_log=yes }",
	  "6-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 quiet_log=yes }\n" },
	{ "6-PREFERENCE={ quiet_log=no }",
	  "6-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }\n" },
	{ "7-CONFIG={ grant_log=no mode=learning reject_log=no }",
	  "7-CONFIG={ mode=learning grant_log=no reject_log=no }\n" },
	{ "8-CONFIG::file::open=use_default",
	  "8-CONFIG={ mode=disabled grant_log=yes reject_log=yes }\n" },
	{ "8-CONFIG::file={ use_default }",
	  "8-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }\n" },
};

/**
 * warden_test_profile_corpus - a valid profile line of the KUnit table, for the fuzzer
 * @i: the index of the line.
 *
 * Return: the line, or %NULL past the end of the table.
 */
const char *warden_test_profile_corpus(size_t i)
{
	return i < ARRAY_SIZE(warden_profile_valid) ? warden_profile_valid[i].line : NULL;
}

static void warden_profile_case_desc(const struct warden_profile_case *c,
				     char *desc)
{
	strscpy(desc, c->line, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(warden_profile_valid, warden_profile_valid,
		  warden_profile_case_desc);

static void test_valid_profile_line_prints_canonically(struct kunit *test)
{
	const struct warden_profile_case *c = test->param_value;
	struct warden_profile_set *set = warden_profile_set_new(test);
	const char *reason = NULL;

	KUNIT_EXPECT_EQ(test, warden_profile_write_copy(set, c->line, &reason),
			0);
	KUNIT_EXPECT_NULL(test, reason);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(warden_profile_dump(test, set),
					       c->printed),
				  "dump lacks \"%s\"", c->printed);
	warden_profile_set_free(set);
}

static const char *const warden_profile_invalid[] = {
	"",
	"=",
	"PROFILE_VERSION",
	"PROFILE_VERSION=",
	"PROFILE_VERSION=1",
	"PROFILE_VERSION=20150505x",
	"PROFILE_VERSION=-20150505",
	"profile_version=20150505",
	"0",
	"0-",
	"0-COMMENT",
	"-COMMENT=x",
	"256-COMMENT=x",
	"4294967296-COMMENT=x",
	"+1-COMMENT=x",
	"-1-COMMENT=x",
	"x-COMMENT=x",
	"1 -COMMENT=x",
	"1-comment=x",
	"1-COMMENT=tab\there",
	"1-COMMENTS=x",
	"1-NOTHING=x",
	"1-CONFIG",
	"1-CONFIG=",
	"1-CONFIG={",
	"1-CONFIG=}",
	"1-CONFIG=mode=enforcing",
	"1-CONFIG={ mode=enforce }",
	"1-CONFIG={ mode=Enforcing }",
	"1-CONFIG={ mode= }",
	"1-CONFIG={ mode }",
	"1-CONFIG={ grant_log=maybe }",
	"1-CONFIG={ reject_log=1 }",
	"1-CONFIG={ colour=blue }",
	"1-CONFIG={ mode=enforcing } trailing",
	"1-CONFIG=use_default",
	"1-CONFIG={ use_default }",
	"1-CONFIG::file::open={ use_default mode=enforcing }",
	"1-CONFIG::files={ mode=enforcing }",
	"1-CONFIG::file::execve={ mode=enforcing }",
	"1-CONFIG::network::execute={ mode=enforcing }",
	"1-CONFIG::file::inet_stream_bind={ mode=enforcing }",
	"1-CONFIG::misc::open={ mode=enforcing }",
	"1-CONFIG::={ mode=enforcing }",
	"1-CONFIG::file::={ mode=enforcing }",
	"1-CONFIG:file={ mode=enforcing }",
	"1-CONFIG::file::open::x={ mode=enforcing }",
	"1-PREFERENCE",
	"1-PREFERENCE=max_audit_log=1",
	"1-PREFERENCE={ max_audit_log=-1 }",
	"1-PREFERENCE={ max_audit_log=4294967296 }",
	"1-PREFERENCE={ max_audit_log= }",
	"1-PREFERENCE={ max_audit_log }",
	"1-PREFERENCE={ max_learning=5 }",
	"1-PREFERENCE={ max_audit_log=1 bogus=2 }",
	"1-PREFERENCE={ quiet_log=1 }",
	"1-PREFERENCE={ quiet_log=maybe }",
	"1-PREFERENCE={ quiet_log }",
};

static void warden_profile_invalid_desc(const char *const *line, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "\"%s\"", *line);
}

KUNIT_ARRAY_PARAM(warden_profile_invalid, warden_profile_invalid,
		  warden_profile_invalid_desc);

static void test_invalid_profile_line_changes_nothing(struct kunit *test)
{
	const char *const *line = test->param_value;
	struct warden_profile_set *set = warden_profile_set_new(test);
	const char *reason = NULL;
	const char *before;

	static const char setup[] =
		"1-CONFIG={ mode=learning grant_log=no reject_log=no }";

	/* Start from a populated profile, so a half-applied line shows. */
	KUNIT_ASSERT_EQ(test, warden_profile_write_copy(set, setup, &reason), 0);
	before = warden_profile_dump(test, set);
	KUNIT_EXPECT_EQ(test, warden_profile_write_copy(set, *line, &reason),
			-EINVAL);
	KUNIT_EXPECT_NOT_NULL(test, reason);
	KUNIT_EXPECT_STREQ(test, warden_profile_dump(test, set), before);
	warden_profile_set_free(set);
}

static void test_operation_inherits_category_then_default(struct kunit *test)
{
	static const char *const lines[] = {
		"3-CONFIG={ mode=enforcing }",
		"3-CONFIG::network={ mode=learning }",
		"3-CONFIG::network::inet_raw_send={ mode=disabled }",
		"3-CONFIG::network::unix_seqpacket_accept={ mode=permissive }",
	};
	static const struct {
		enum warden_op op;
		enum warden_mode mode;
	} expected[] = {
		{ WARDEN_OP_FILE_OPEN, WARDEN_MODE_ENFORCING },
		{ WARDEN_OP_MISC_ENV, WARDEN_MODE_ENFORCING },
		{ WARDEN_OP_INET_STREAM_BIND, WARDEN_MODE_LEARNING },
		{ WARDEN_OP_INET_RAW_SEND, WARDEN_MODE_DISABLED },
		/* Extensions follow neither the category nor the default... */
		{ WARDEN_OP_INET_STREAM_ACCEPT, WARDEN_MODE_DISABLED },
		{ WARDEN_OP_UNIX_STREAM_ACCEPT, WARDEN_MODE_DISABLED },
		/* ...only their own line. */
		{ WARDEN_OP_UNIX_SEQPACKET_ACCEPT, WARDEN_MODE_PERMISSIVE },
	};
	struct warden_profile_set *set = warden_profile_set_new(test);
	const struct warden_profile *profile;
	const char *reason;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(lines); i++)
		KUNIT_ASSERT_EQ(test,
				warden_profile_write_copy(set, lines[i], &reason),
				0);
	warden_policy_write_lock();
	profile = warden_profile_get_locked(set, 3);
	for (i = 0; i < ARRAY_SIZE(expected); i++) {
		u8 config = warden_profile_config(profile, expected[i].op);

		KUNIT_EXPECT_EQ(test, config & WARDEN_CONFIG_MODE_MASK,
				expected[i].mode);
	}
	warden_policy_write_unlock();
	warden_profile_set_free(set);
}

static void test_tomoyo_default_profiles_read_back_identical(struct kunit *test)
{
	/* What tomoyo-tools' init_policy writes for profiles 0 to 3. */
	static const char *const lines[] = {
		"PROFILE_VERSION=20150505",
		"0-COMMENT=-----Disabled Mode-----",
		"0-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }",
		"0-CONFIG={ mode=disabled grant_log=no reject_log=yes }",
		"1-COMMENT=-----Learning Mode-----",
		"1-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }",
		"1-CONFIG={ mode=learning grant_log=no reject_log=yes }",
		"2-COMMENT=-----Permissive Mode-----",
		"2-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }",
		"2-CONFIG={ mode=permissive grant_log=no reject_log=yes }",
		"3-COMMENT=-----Enforcing Mode-----",
		"3-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }",
		"3-CONFIG={ mode=enforcing grant_log=no reject_log=yes }",
	};
	struct warden_profile_set *set = warden_profile_set_new(test);
	char *expected, *end;
	const char *reason;
	size_t i;

	expected = kunit_kzalloc(test, 4096, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, expected);
	end = expected;
	for (i = 0; i < ARRAY_SIZE(lines); i++) {
		KUNIT_ASSERT_EQ(test, warden_profile_write_copy(set, lines[i],
								&reason), 0);
		end += sprintf(end, "%s\n", lines[i]);
	}
	KUNIT_EXPECT_STREQ(test, warden_profile_dump(test, set), expected);
	warden_profile_set_free(set);
}

static struct kunit_case warden_profile_test_cases[] = {
	KUNIT_CASE_PARAM(test_valid_profile_line_prints_canonically,
			 warden_profile_valid_gen_params),
	KUNIT_CASE_PARAM(test_invalid_profile_line_changes_nothing,
			 warden_profile_invalid_gen_params),
	KUNIT_CASE(test_operation_inherits_category_then_default),
	KUNIT_CASE(test_tomoyo_default_profiles_read_back_identical),
	{}
};

static struct kunit_suite warden_profile_test_suite = {
	.name = "warden_profile",
	.test_cases = warden_profile_test_cases,
};

kunit_test_suite(warden_profile_test_suite);
