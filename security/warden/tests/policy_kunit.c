// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - KUnit tests of the policy document parser.
 *
 * The tests finish a document without putting it in force, through
 * warden_document_finish(), which document.c makes visible to KUnit: the
 * kernel running the tests keeps its own policy.  Documents arrive in pieces, as
 * write() calls bring them; what a piece completes is parsed at once.
 */

#include "../common.h"
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../document.h"
#include "../policy.h"
#include "../stat.h"
#include "kunit_util.h"

/* Pieces of a document, as successive write() calls send them. */
#define WARDEN_DOC_TEST_WRITES 5
/* Lines an accepted document's printout must hold, beside @printed. */
#define WARDEN_DOC_TEST_HOLDS 8

/* The start of every printout: an empty [profile] and no manager. */
#define EMPTY_HEAD "[profile]\nPROFILE_VERSION=20150505\n[manager]\n"
#define ROOT_DOMAIN "<kernel>\nuse_profile 0\n\n\n"

/**
 * struct warden_doc_test - a document written in pieces
 * @name: what the case shows.
 * @writes: the pieces, %NULL-terminated.
 * @failed_write: the first write expected to fail, or -1.
 * @err: the error expected from that write, or else from the close.
 * @lineno: for a refused document, the number of the line reported.
 * @printed: the document's policy as the policy file prints it, when it
 *           is accepted.
 * @holds: pieces of the printout of an accepted document, in order, when
 *         the whole is too long to spell out (profiles).
 */
struct warden_doc_test {
	const char *name;
	const char *writes[WARDEN_DOC_TEST_WRITES + 1];
	int failed_write;
	int err;
	unsigned int lineno;
	const char *printed;
	const char *holds[WARDEN_DOC_TEST_HOLDS + 1];
};

static const struct warden_doc_test warden_doc_tests[] = {
	{
		.name = "acl groups of every kind, and uses numbered first",
		.writes = { "[exception_policy]\n"
			    "acl_group web file read /srv/\\*\n"
			    "acl_group 7 network inet stream bind 127.0.0.1 80\n",
			    "acl_group web misc env LANG\n"
			    "acl_group web task manual_domain_transition <kernel> /bin/sh\n"
			    "acl_group 7 network unix stream connect /run/x.sock\n"
			    "acl_group web file ioctl /dev/tty 0x5401 task.uid=0\n",
			    "[domain_policy]\n<kernel> /bin/sh\nuse_group web\n"
			    "use_group 7\nuse_group not_yet\nuse_group 0\n" },
		.failed_write = -1,
		.printed = EMPTY_HEAD "[exception_policy]\n"
			   "acl_group web file read /srv/\\*\n"
			   "acl_group web file ioctl /dev/tty 0x5401 task.uid=0\n"
			   "acl_group web misc env LANG\n"
			   "acl_group web task manual_domain_transition <kernel> /bin/sh\n"
			   "acl_group 7 network inet stream bind 127.0.0.1 80\n"
			   "acl_group 7 network unix stream connect /run/x.sock\n"
			   "[domain_policy]\n" ROOT_DOMAIN
			   "<kernel> /bin/sh\nuse_profile 0\nuse_group 0\n"
			   "use_group 7\nuse_group web\nuse_group not_yet\n\n\n",
	},
	{
		.name = "a use_group with a malformed name is refused",
		.writes = { "[domain_policy]\n<kernel> /bin/sh\n",
			    "use_group web-server\n" },
		.failed_write = 1,
		.err = -EINVAL,
		.lineno = 3,
	},
	{
		.name = "a line split across writes is parsed whole",
		.writes = { "[mana", "ger]\n/sbin/lo", "adpolicy\n" },
		.failed_write = -1,
		.printed = EMPTY_HEAD "/sbin/loadpolicy\n[exception_policy]\n"
			   "[domain_policy]\n" ROOT_DOMAIN,
	},
	{
		.name = "a section header holds for the following writes",
		.writes = { "[manager]\n", "/sbin/a\n", "/sbin/b\n" },
		.failed_write = -1,
		.printed = EMPTY_HEAD "/sbin/a\n/sbin/b\n[exception_policy]\n"
			   "[domain_policy]\n" ROOT_DOMAIN,
	},
	{
		.name = "a selected domain holds for the following writes",
		.writes = { "[domain_policy]\n<kernel> /bin/sh\n",
			    "file read /etc/hosts\n", "[exception_policy]\n",
			    "aggregator /bin/vi /bin/editor\n" },
		.failed_write = -1,
		.printed = EMPTY_HEAD "[exception_policy]\n"
			   "aggregator /bin/vi /bin/editor\n[domain_policy]\n"
			   ROOT_DOMAIN "<kernel> /bin/sh\nuse_profile 0\n\n"
			   "file read /etc/hosts\n\n",
	},
	{
		.name = "a last line without a newline is parsed at the close",
		.writes = { "[manager]\n/sbin/a\n/sbin/b" },
		.failed_write = -1,
		.printed = EMPTY_HEAD "/sbin/a\n/sbin/b\n[exception_policy]\n"
			   "[domain_policy]\n" ROOT_DOMAIN,
	},
	{
		.name = "blanks, carriage returns and comments are skipped",
		.writes = { "# policy\r\n\n[manager]\r\n  /sbin/a \t\r\n",
			    "\n# end\n" },
		.failed_write = -1,
		.printed = EMPTY_HEAD "/sbin/a\n[exception_policy]\n"
			   "[domain_policy]\n" ROOT_DOMAIN,
	},
	{
		.name = "a bad line fails its write and every later one",
		.writes = { "[manager]\n/sbin/a\n", "/sbin/b\nbogus\n/sbin/c\n",
			    "/sbin/d\n", "" },
		.failed_write = 1,
		.err = -EINVAL,
		.lineno = 4,
	},
	{
		.name = "a bad line split across writes fails the write ending it",
		.writes = { "[manager]\nbog", "us", "\n/sbin/a\n" },
		.failed_write = 2,
		.err = -EINVAL,
		.lineno = 2,
	},
	{
		.name = "a line before any section header is refused",
		.writes = { "/sbin/a\n[manager]\n" },
		.failed_write = 0,
		.err = -EINVAL,
		.lineno = 1,
	},
	{
		.name = "an unknown section header is refused",
		.writes = { "[manager]\n", "[nonsense]\n" },
		.failed_write = 1,
		.err = -EINVAL,
		.lineno = 2,
	},
	{
		.name = "a domain line without a selected domain is refused",
		.writes = { "[domain_policy]\nfile read /etc/hosts\n" },
		.failed_write = 0,
		.err = -EINVAL,
		.lineno = 2,
	},
	{
		.name = "a bad last line without a newline fails the close",
		.writes = { "[manager]\n/sbin/a\nbogus" },
		.failed_write = -1,
		.err = -EINVAL,
		.lineno = 3,
	},
	{
		.name = "a domain using an undefined profile fails the close",
		.writes = { "[domain_policy]\n<kernel> /bin/sh\nuse_profile 3\n" },
		.failed_write = -1,
		.err = -EINVAL,
		.lineno = 4,
	},
	{
		.name = "a bad [profile] line is refused with its number",
		.writes = { "[profile]\nPROFILE_VERSION=20150505\n",
			    "0-COMMENT=ok\n0-CONFIG={ mode=sometimes }\n",
			    "1-COMMENT=never parsed\n" },
		.failed_write = 1,
		.err = -EINVAL,
		.lineno = 4,
	},
	{
		.name = "a profile line without '=' is refused",
		.writes = { "# profiles\n[profile]\nPROFILE_VERSION\n" },
		.failed_write = 0,
		.err = -EINVAL,
		.lineno = 3,
	},
	{
		.name = "a bad [exception_policy] line is refused with its number",
		.writes = { "[exception_policy]\n",
			    "aggregator /bin/vi /bin/editor\n",
			    "\n# next\nbogus_keyword /bin/sh\n" },
		.failed_write = 2,
		.err = -EINVAL,
		.lineno = 5,
	},
	{
		.name = "a bad namespace prefix in [exception_policy] is refused",
		.writes = { "[exception_policy]\n<apache\n" },
		.failed_write = 0,
		.err = -EINVAL,
		.lineno = 2,
	},
	{
		.name = "a bad [domain_policy] line is refused with its number",
		.writes = { "[domain_policy]\n<kernel> /bin/sh\n",
			    "file read /etc/hosts\nfile frobnicate /etc/hosts\n" },
		.failed_write = 1,
		.err = -EINVAL,
		.lineno = 4,
	},
	{
		.name = "a bad domainname in [domain_policy] is refused",
		.writes = { "[domain_policy]\n<kernel> bin/sh\n" },
		.failed_write = 0,
		.err = -EINVAL,
		.lineno = 2,
	},
	{
		.name = "a bad line after good sections of every kind is refused",
		.writes = { "[profile]\n0-COMMENT=x\n[manager]\n/sbin/a\n",
			    "[exception_policy]\nkeep_domain <kernel> /bin/sh\n",
			    "[domain_policy]\n<kernel> /bin/sh\n",
			    "use_profile 0\n[manager]\nrelative/path\n" },
		.failed_write = 3,
		.err = -EINVAL,
		.lineno = 11,
	},
	{
		.name = "sections of every kind, in any order, build one policy",
		.writes = { "[domain_policy]\n<kernel> /bin/sh\nuse_profile 1\n",
			    "file read /etc/hosts\n[profile]\nPROFILE_VERSION=20150505\n",
			    "1-COMMENT=learning\n1-CONFIG={ mode=learning }\n"
			    "<apache> 0-COMMENT=web\n",
			    "[manager]\n/sbin/loadpolicy\n[exception_policy]\n"
			    "aggregator /bin/vi /bin/editor\n",
			    "<apache> path_group WEB /var/www/\\*\n"
			    "[manager]\nmanage_by_non_root\n" },
		.failed_write = -1,
		.holds = { "[profile]\nPROFILE_VERSION=20150505\n1-COMMENT=learning\n",
			   "1-CONFIG={ mode=learning ",
			   "<apache> PROFILE_VERSION=20150505\n<apache> 0-COMMENT=web\n",
			   "[manager]\n/sbin/loadpolicy\nmanage_by_non_root\n"
			   "[exception_policy]\n",
			   "aggregator /bin/vi /bin/editor\n",
			   "<apache> path_group WEB /var/www/\\*\n[domain_policy]\n",
			   ROOT_DOMAIN "<kernel> /bin/sh\nuse_profile 1\n\n"
			   "file read /etc/hosts\n\n" },
	},
};

static void warden_doc_test_desc(const struct warden_doc_test *t, char *desc)
{
	strscpy(desc, t->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(warden_doc, warden_doc_tests, warden_doc_test_desc);

/**
 * warden_test_policy_print - print a policy as the policy file prints it
 * @test: the test, which owns the buffer.
 * @policy: a finished document's policy, or any other.
 *
 * Return: the text, in a 16 KiB test buffer.
 */
char *warden_test_policy_print(struct kunit *test,
			       struct warden_policy *policy)
{
	struct warden_policy_cursor cursor = {
		.policy = policy,
		.view = WARDEN_VIEW_DOCUMENT,
	};
	struct seq_file m = {};
	bool more;

	warden_test_seq_buf(test, &m, 16384);
	rcu_read_lock();
	for (more = warden_policy_cursor_seek(&cursor, 0); more;
	     more = warden_policy_cursor_next(&cursor))
		warden_policy_cursor_show(&m, &cursor);
	rcu_read_unlock();
	KUNIT_ASSERT_FALSE(test, seq_has_overflowed(&m));
	return m.buf;
}

static void test_document_written_in_pieces(struct kunit *test)
{
	const struct warden_doc_test *t = test->param_value;
	unsigned int used = warden_memory_in_use(WARDEN_MEMORY_POLICY);
	struct warden_document *doc = warden_document_new();
	int i, err = 0, failed = -1;

	KUNIT_ASSERT_NOT_NULL(test, doc);
	for (i = 0; t->writes[i]; i++) {
		err = warden_document_write(doc, t->writes[i],
					    strlen(t->writes[i]));
		if (err && failed < 0)
			failed = i;
		if (failed >= 0)
			/* A poisoned document refuses every later write. */
			KUNIT_EXPECT_EQ_MSG(test, err, t->err, "write %d", i);
	}
	KUNIT_EXPECT_EQ(test, failed, t->failed_write);
	if (!err)
		err = warden_document_finish(doc);
	KUNIT_EXPECT_EQ(test, err, t->err);
	if (!err) {
		const char *printed = warden_test_policy_print(test, doc->policy);

		if (t->printed)
			KUNIT_EXPECT_STREQ(test, printed, t->printed);
		for (i = 0; t->holds[i]; i++) {
			const char *at = strstr(printed, t->holds[i]);

			KUNIT_EXPECT_NOT_NULL_MSG(test, at, "\"%s\" in:\n%s",
						  t->holds[i], printed);
			if (at)
				printed = at + strlen(t->holds[i]);
		}
		/* The private policy counts apart from the policy in force. */
		KUNIT_EXPECT_GT(test, doc->policy->memory, (size_t)0);
	} else {
		struct warden_policy *before = rcu_access_pointer(warden_policy);

		/* The error names its line; the close applies nothing. */
		KUNIT_EXPECT_EQ(test, doc->lineno, t->lineno);
		KUNIT_EXPECT_EQ(test, warden_document_apply(doc), t->err);
		KUNIT_EXPECT_PTR_EQ(test, rcu_access_pointer(warden_policy),
				    before);
		KUNIT_EXPECT_NULL(test, doc->policy);
	}
	KUNIT_EXPECT_EQ(test, warden_memory_in_use(WARDEN_MEMORY_POLICY), used);
	warden_document_free(doc);
	KUNIT_EXPECT_EQ(test, warden_memory_in_use(WARDEN_MEMORY_POLICY), used);
}

/* Closing a refused document reports the refusal and changes nothing. */
static void test_refused_document_applies_nothing(struct kunit *test)
{
	static const char text[] = "[manager]\n/sbin/a\nbogus\n";
	struct warden_policy *before = rcu_access_pointer(warden_policy);
	struct warden_document *doc = warden_document_new();

	KUNIT_ASSERT_NOT_NULL(test, doc);
	KUNIT_EXPECT_EQ(test, warden_document_write(doc, text, strlen(text)),
			-EINVAL);
	KUNIT_EXPECT_TRUE(test, warden_document_pending(doc));
	KUNIT_EXPECT_EQ(test, warden_document_apply(doc), -EINVAL);
	/* The last close and a later release report the same outcome. */
	KUNIT_EXPECT_FALSE(test, warden_document_pending(doc));
	KUNIT_EXPECT_EQ(test, warden_document_apply(doc), -EINVAL);
	KUNIT_EXPECT_PTR_EQ(test, rcu_access_pointer(warden_policy), before);
	KUNIT_EXPECT_STREQ(test, doc->reason,
			   "not a program pathname or a domainname");
	KUNIT_EXPECT_EQ(test, doc->lineno, 3U);
	warden_document_free(doc);
}

/* A file opened for writing and closed without a byte changes nothing. */
static void test_empty_document_applies_nothing(struct kunit *test)
{
	struct warden_policy *before = rcu_access_pointer(warden_policy);
	struct warden_document *doc = warden_document_new();

	KUNIT_ASSERT_NOT_NULL(test, doc);
	KUNIT_EXPECT_EQ(test, warden_document_write(doc, "", 0), 0);
	KUNIT_EXPECT_FALSE(test, warden_document_pending(doc));
	KUNIT_EXPECT_EQ(test, warden_document_apply(doc), 0);
	KUNIT_EXPECT_PTR_EQ(test, rcu_access_pointer(warden_policy), before);
	warden_document_free(doc);
}

/* A line longer than the limit is refused, even spread over writes. */
static void test_overlong_line_is_refused(struct kunit *test)
{
	struct warden_document *doc = warden_document_new();
	size_t half = WARDEN_DOCUMENT_LINE_MAX / 2 + 1;
	char *text = kunit_kmalloc(test, half, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, doc);
	KUNIT_ASSERT_NOT_NULL(test, text);
	memset(text, 'a', half);
	KUNIT_EXPECT_EQ(test, warden_document_write(doc, "[manager]\n/", 11), 0);
	KUNIT_EXPECT_EQ(test, warden_document_write(doc, text, half), 0);
	KUNIT_EXPECT_EQ(test, warden_document_write(doc, text, half), -EINVAL);
	KUNIT_EXPECT_EQ(test, warden_document_write(doc, "\n", 1), -EINVAL);
	warden_document_free(doc);
}

/* A NUL byte would cut its line short: the document is refused. */
static void test_nul_byte_is_refused(struct kunit *test)
{
	static const char text[] = "[manager]\n/sbin/a\0/sbin/b\n";
	struct warden_document *doc = warden_document_new();

	KUNIT_ASSERT_NOT_NULL(test, doc);
	KUNIT_EXPECT_EQ(test, warden_document_write(doc, text, sizeof(text) - 1),
			-EINVAL);
	warden_document_free(doc);
}

/*
 * A write that would take the document past 64 MiB is refused before any
 * of it is read, and leaves the document as it was: later writes go on.
 */
static void test_document_limit_refuses_the_write_whole(struct kunit *test)
{
	static const char text[] = "[manager]\n/sbin/a\n";
	struct warden_document *doc = warden_document_new();
	unsigned int used = warden_memory_in_use(WARDEN_MEMORY_POLICY);

	KUNIT_ASSERT_NOT_NULL(test, doc);
	KUNIT_EXPECT_EQ(test, warden_document_write(doc, text, strlen(text)), 0);
	KUNIT_EXPECT_TRUE(test, warden_document_has_room(doc, WARDEN_DOCUMENT_MAX -
								 strlen(text)));
	KUNIT_EXPECT_FALSE(test, warden_document_has_room(doc, WARDEN_DOCUMENT_MAX -
								  strlen(text) + 1));
	/* Refused on its length alone: the bytes past @text are never read. */
	KUNIT_EXPECT_EQ(test, warden_document_write(doc, text,
						    WARDEN_DOCUMENT_MAX),
			-EFBIG);
	KUNIT_EXPECT_EQ(test, doc->err, 0);
	KUNIT_EXPECT_EQ(test, warden_document_write(doc, "/sbin/b\n", 8), 0);
	KUNIT_EXPECT_EQ(test, warden_document_finish(doc), 0);
	KUNIT_EXPECT_STREQ(test, warden_test_policy_print(test, doc->policy),
			   EMPTY_HEAD "/sbin/a\n/sbin/b\n[exception_policy]\n"
			   "[domain_policy]\n" ROOT_DOMAIN);
	warden_document_free(doc);
	KUNIT_EXPECT_EQ(test, warden_memory_in_use(WARDEN_MEMORY_POLICY), used);
}

static struct kunit_case warden_document_test_cases[] = {
	KUNIT_CASE_PARAM(test_document_written_in_pieces,
			 warden_doc_gen_params),
	KUNIT_CASE(test_refused_document_applies_nothing),
	KUNIT_CASE(test_empty_document_applies_nothing),
	KUNIT_CASE(test_overlong_line_is_refused),
	KUNIT_CASE(test_nul_byte_is_refused),
	KUNIT_CASE(test_document_limit_refuses_the_write_whole),
	{}
};

static struct kunit_suite warden_document_test_suite = {
	.name = "warden_policy_document",
	.test_cases = warden_document_test_cases,
};

kunit_test_suite(warden_document_test_suite);
