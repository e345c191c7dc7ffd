// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - KUnit tests of the escaping of pathnames into the
 * policy's form, byte by byte.
 */

#include "../common.h"
#include <kunit/test.h>
#include <linux/sprintf.h>
#include <linux/string.h>

#include "../realpath.h"

struct warden_encode_case {
	const char *raw;
	const char *encoded;
};

static const struct warden_encode_case warden_encode_cases[] = {
	{ "/etc/passwd", "/etc/passwd" },
	{ "/tmp/my file", "/tmp/my\\040file" },
	{ "/tmp/back\\slash", "/tmp/back\\\\slash" },
	{ "/tmp/tab\there", "/tmp/tab\\011here" },
	{ "/tmp/del\x7f", "/tmp/del\\177" },
	{ "/tmp/caf\xc3\xa9", "/tmp/caf\\303\\251" },
	{ "/tmp/\\*", "/tmp/\\\\*" },
	{ "pipe:[1234]", "pipe:[1234]" },
	{ "", "" },
};

/* The encoded form is printable, so it describes the case on a TAP line. */
static void warden_encode_case_desc(const struct warden_encode_case *c,
				    char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "\"%s\"", c->encoded);
}

KUNIT_ARRAY_PARAM(warden_encode, warden_encode_cases, warden_encode_case_desc);

static void test_encode_escapes_what_policy_escapes(struct kunit *test)
{
	const struct warden_encode_case *c = test->param_value;
	size_t len = strlen(c->raw);
	char out[64];

	KUNIT_EXPECT_EQ(test, warden_encoded_len(c->raw, len),
			strlen(c->encoded));
	warden_encode(out, c->raw, len);
	KUNIT_EXPECT_STREQ(test, out, c->encoded);
}

static struct kunit_case warden_realpath_test_cases[] = {
	KUNIT_CASE_PARAM(test_encode_escapes_what_policy_escapes,
			 warden_encode_gen_params),
	{}
};

static struct kunit_suite warden_realpath_test_suite = {
	.name = "warden_realpath",
	.test_cases = warden_realpath_test_cases,
};

kunit_test_suite(warden_realpath_test_suite);
