// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - asking a supervisor about enforcing-mode violations.
 *
 * While a process has the query file open, a request denied in enforcing
 * mode waits: the reader reads "Q<serial>-<retry>\n" and the request's
 * audit record, and answers "A<serial>=<n>\n".  1 grants the request, 2
 * rejects it with EPERM, 3 checks it again, which grants it when an entry
 * was added meanwhile with "select Q=<serial>" and otherwise queries it
 * again with the retry count raised.  Unanswered, it is rejected after
 * the profile's query_timeout; when the last reader closes the file it is
 * rejected at once, and without any reader it is never held.  Every
 * reader sees every query, once per retry.
 *
 * The requests are made by a copy of this program, /tmp/warden-query, in
 * the domain "<kernel> /tmp/warden-query"; this program is the reader.
 * Every wait is bounded: reads poll() first, and a helper that does not
 * finish in time is killed.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../kselftest_harness.h"
#include "audit_common.h"

#define HELPER "/tmp/warden-query"
#define HELPER_DOMAIN "<kernel> " HELPER
#define WQ_DIR "/tmp/wq"
#define FILE_F WQ_DIR "/f"
#define ACL_F "file read " FILE_F

/* How long a query or a helper's result may take to arrive. */
#define WAIT_MS 10000

FIXTURE(query) {
	/* The helper making the request, and its standard output. */
	pid_t pid;
	int out;
	/* Two descriptors of the query file, or -1. */
	int q1, q2;
};

FIXTURE_SETUP(query)
{
	self->pid = 0;
	self->out = -1;
	self->q1 = -1;
	self->q2 = -1;
	if (!audit_available())
		SKIP(return, "warden is not active: no " WARDEN_DIR);
	remove_tree(WQ_DIR);
	ASSERT_EQ(0, mkdir(WQ_DIR, 0755));
	ASSERT_EQ(0, make_file(FILE_F, "data\n", 0644));
	ASSERT_EQ(0, copy_file("/proc/self/exe", HELPER, 0755));
	/* Enforcing, without the entry the helper's request needs. */
	ASSERT_EQ(0, load_helper_policy(HELPER, 3, NULL, NULL));
}

FIXTURE_TEARDOWN(query)
{
	if (self->pid > 0) {
		kill(self->pid, SIGKILL);
		waitpid(self->pid, NULL, 0);
	}
	if (self->out >= 0)
		close(self->out);
	if (self->q1 >= 0)
		close(self->q1);
	if (self->q2 >= 0)
		close(self->q2);
	if (!audit_available())
		return;
	EXPECT_EQ(0, load_neutral_policy());
	remove_tree(WQ_DIR);
	unlink(HELPER);
}

static int open_query(void)
{
	return open(QUERY_FILE, O_RDWR | O_CLOEXEC);
}

/* Start the helper's request: reading FILE_F, which the policy denies. */
static void start_request(struct __test_metadata *_metadata,
			  struct _test_data_query *self)
{
	self->pid = spawn_helper(HELPER, "read", FILE_F, NULL, &self->out);
	ASSERT_LT(0, self->pid);
}

/* Wait at most @timeout_ms for the result of the helper's request. */
static void end_request(struct __test_metadata *_metadata,
			struct _test_data_query *self, int timeout_ms,
			struct helper_result *res)
{
	int ret = finish_helper(self->pid, self->out, timeout_ms, res);

	self->pid = 0;
	self->out = -1;
	ASSERT_EQ(0, ret) TH_LOG("the helper did not finish in time");
	EXPECT_STREQ(HELPER_DOMAIN, res->domain);
}

/*
 * Read the next query on @fd, which has to be the helper's request: its
 * serial and retry count in @serial and @retry.
 */
static void read_query(struct __test_metadata *_metadata,
		       struct _test_data_query *self, int fd, struct record *rec,
		       unsigned int *serial, unsigned int *retry)
{
	int fields, skip = 0;
	char want[64];

	ASSERT_LT(0, read_record(fd, rec, WAIT_MS)) TH_LOG("no query");
	fields = sscanf(rec->buf, "Q%u-%u\n%n", serial, retry, &skip);
	ASSERT_EQ(2, fields);
	ASSERT_LT(0, skip);
	ASSERT_EQ('\n', rec->buf[skip - 1]);
	ASSERT_EQ(0, split_record(rec, skip))
		TH_LOG("bad query: %.*s", (int)rec->len, rec->buf);
	EXPECT_NE(NULL, strstr(rec->header, "# profile=3 mode=enforcing granted=no "))
		TH_LOG("%s", rec->header);
	snprintf(want, sizeof(want), "(global-pid=%d) task={ pid=%d ",
		 self->pid, self->pid);
	EXPECT_NE(NULL, strstr(rec->header, want)) TH_LOG("%s", rec->header);
	EXPECT_STREQ(HELPER_DOMAIN, rec->domain);
	EXPECT_STREQ(ACL_F, rec->acl);
}

/* Write the answer @n to query @serial. Returns 0 or -errno. */
static int answer(int fd, unsigned int serial, int n)
{
	char text[64];
	int len = snprintf(text, sizeof(text), "A%u=%d\n", serial, n);

	if (write(fd, text, len) != len)
		return -errno;
	return 0;
}

TEST_F(query, answer_1_grants_the_request)
{
	struct helper_result res;
	unsigned int serial, retry;
	struct record rec;

	self->q1 = open_query();
	ASSERT_LE(0, self->q1);
	start_request(_metadata, self);
	read_query(_metadata, self, self->q1, &rec, &serial, &retry);
	EXPECT_EQ(0, retry);
	ASSERT_EQ(0, answer(self->q1, serial, 1));
	end_request(_metadata, self, WAIT_MS, &res);
	EXPECT_EQ(0, res.err);
	/* Granted once, not added to the policy. */
	EXPECT_FALSE(domain_allows(HELPER_DOMAIN, ACL_F));
}

/*
 * A reader that opens the file after every query asked so far was
 * answered has nothing to read: poll says so, rather than waking it for
 * a read that would block.
 */
TEST_F(query, a_new_reader_is_not_woken_for_answered_queries)
{
	struct pollfd pfd = { .events = POLLIN };
	struct helper_result res;
	unsigned int serial, retry;
	struct record rec;

	self->q1 = open_query();
	ASSERT_LE(0, self->q1);
	start_request(_metadata, self);
	read_query(_metadata, self, self->q1, &rec, &serial, &retry);
	ASSERT_EQ(0, answer(self->q1, serial, 2));
	end_request(_metadata, self, WAIT_MS, &res);
	EXPECT_EQ(EPERM, res.err);
	self->q2 = open_query();
	ASSERT_LE(0, self->q2);
	pfd.fd = self->q2;
	EXPECT_EQ(0, poll(&pfd, 1, 200));
	/* Nor is the reader that had the query. */
	pfd.fd = self->q1;
	EXPECT_EQ(0, poll(&pfd, 1, 200));
}

TEST_F(query, answer_2_rejects_the_request_with_eperm)
{
	struct helper_result res;
	unsigned int serial, retry;
	struct record rec;

	self->q1 = open_query();
	ASSERT_LE(0, self->q1);
	start_request(_metadata, self);
	read_query(_metadata, self, self->q1, &rec, &serial, &retry);
	ASSERT_EQ(0, answer(self->q1, serial, 2));
	end_request(_metadata, self, WAIT_MS, &res);
	EXPECT_EQ(EPERM, res.err);
}

TEST_F(query, answer_3_after_adding_the_entry_grants_the_request)
{
	struct helper_result res;
	unsigned int serial, retry;
	struct record rec;
	char add[256];

	self->q1 = open_query();
	ASSERT_LE(0, self->q1);
	start_request(_metadata, self);
	read_query(_metadata, self, self->q1, &rec, &serial, &retry);
	snprintf(add, sizeof(add), "select Q=%u\n" ACL_F "\n", serial);
	ASSERT_EQ(0, write_file_once(DOMAIN_POLICY_FILE, add));
	ASSERT_EQ(0, answer(self->q1, serial, 3));
	end_request(_metadata, self, WAIT_MS, &res);
	EXPECT_EQ(0, res.err);
	EXPECT_TRUE(domain_allows(HELPER_DOMAIN, ACL_F));
}

TEST_F(query, answer_3_without_change_queries_again_with_retry_1)
{
	unsigned int serial, retry, serial2, retry2;
	struct helper_result res;
	struct record rec;

	self->q1 = open_query();
	ASSERT_LE(0, self->q1);
	start_request(_metadata, self);
	read_query(_metadata, self, self->q1, &rec, &serial, &retry);
	EXPECT_EQ(0, retry);
	ASSERT_EQ(0, answer(self->q1, serial, 3));
	read_query(_metadata, self, self->q1, &rec, &serial2, &retry2);
	EXPECT_EQ(serial, serial2);
	EXPECT_EQ(1, retry2);
	ASSERT_EQ(0, answer(self->q1, serial2, 2));
	end_request(_metadata, self, WAIT_MS, &res);
	EXPECT_EQ(EPERM, res.err);
}

TEST_F_TIMEOUT(query, unanswered_request_is_rejected_after_query_timeout, 60)
{
	struct helper_result res;
	unsigned int serial, retry;
	struct record rec;

	ASSERT_EQ(0, load_helper_policy(HELPER, 3, NULL,
					"3-PREFERENCE={ query_timeout=2 }\n"));
	self->q1 = open_query();
	ASSERT_LE(0, self->q1);
	start_request(_metadata, self);
	read_query(_metadata, self, self->q1, &rec, &serial, &retry);
	/* No answer. */
	end_request(_metadata, self, 20000, &res);
	EXPECT_EQ(EPERM, res.err);
	EXPECT_LE(1000, res.ms);
	EXPECT_GE(10000, res.ms);
}

TEST_F_TIMEOUT(query, last_reader_closing_rejects_the_waiting_request, 60)
{
	struct helper_result res;
	unsigned int serial, retry;
	struct record rec;
	long closed;

	self->q1 = open_query();
	ASSERT_LE(0, self->q1);
	start_request(_metadata, self);
	read_query(_metadata, self, self->q1, &rec, &serial, &retry);
	ASSERT_EQ(0, close(self->q1));
	self->q1 = -1;
	closed = now_ms();
	end_request(_metadata, self, 20000, &res);
	EXPECT_EQ(EPERM, res.err);
	/* At once, not after the default query_timeout of 10 s. */
	EXPECT_GE(3000, now_ms() - closed);
}

TEST_F(query, without_reader_violation_fails_at_once)
{
	struct helper_result res;

	start_request(_metadata, self);
	end_request(_metadata, self, WAIT_MS, &res);
	EXPECT_EQ(EPERM, res.err);
	EXPECT_GT(1000, res.ms);
}

TEST_F(query, two_readers_both_see_the_query)
{
	unsigned int serial, retry, serial2, retry2;
	struct record rec, rec2;
	struct helper_result res;

	self->q1 = open_query();
	ASSERT_LE(0, self->q1);
	self->q2 = open_query();
	ASSERT_LE(0, self->q2);
	start_request(_metadata, self);
	read_query(_metadata, self, self->q1, &rec, &serial, &retry);
	read_query(_metadata, self, self->q2, &rec2, &serial2, &retry2);
	EXPECT_EQ(serial, serial2);
	EXPECT_EQ(retry, retry2);
	EXPECT_STREQ(rec.header, rec2.header);
	ASSERT_EQ(0, answer(self->q2, serial, 2));
	end_request(_metadata, self, WAIT_MS, &res);
	EXPECT_EQ(EPERM, res.err);
}

TEST_F(query, a_reader_sees_a_query_once_per_retry)
{
	struct helper_result res;
	unsigned int serial, retry;
	struct record rec;

	self->q1 = open_query();
	ASSERT_LE(0, self->q1);
	start_request(_metadata, self);
	read_query(_metadata, self, self->q1, &rec, &serial, &retry);
	ASSERT_EQ(0, fcntl(self->q1, F_SETFL, O_NONBLOCK));
	EXPECT_EQ(-EAGAIN, read_record(self->q1, &rec, -1))
		TH_LOG("read again: %.*s", (int)(rec.len > 0 ? rec.len : 0),
		       rec.buf);
	ASSERT_EQ(0, answer(self->q1, serial, 2));
	end_request(_metadata, self, WAIT_MS, &res);
	EXPECT_EQ(EPERM, res.err);
}

int main(int argc, char **argv)
{
	int ret = helper_main(argc, argv);

	if (ret >= 0)
		return ret;
	return test_harness_run(argc, argv);
}
