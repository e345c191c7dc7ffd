// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - quiet rules: known denials, decided as the mode
 * says but neither logged, queried nor learned, and counted.
 *
 * "quiet file read /tmp/wqt/secret" in a domain, and a quiet network
 * line in the named ACL group it uses, are tried in each mode by a copy
 * of this program, /tmp/warden-quiet, in the domain "<kernel>
 * /tmp/warden-quiet"; this program reads the audit and query files, the
 * stat file's "Policy violation quieted:" line and the domain's line of
 * domain_stat.  A request no quiet rule covers is made beside each, so
 * that the silence is shown against a record that does come.  The
 * profile's quiet_log=yes brings the records back, marked " quiet=yes".
 * Every wait is bounded: reads poll() first, and a helper that does not
 * finish in time is killed.
 */

#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../kselftest_harness.h"
#include "audit_common.h"

#define HELPER "/tmp/warden-quiet"
#define HELPER_DOMAIN "<kernel> " HELPER
#define WQ_DIR "/tmp/wqt"
#define SECRET WQ_DIR "/secret"
#define BOTH WQ_DIR "/both"
#define LOUD WQ_DIR "/loud"
#define ACL_SECRET "file read " SECRET
#define ACL_LOUD "file read " LOUD
/* Nothing listens there: a connect allowed is refused by the peer. */
#define QUIET_PORT "47311"
#define LOUD_PORT "47312"
#define ACL_QUIET_PORT "network inet stream connect 127.0.0.1 " QUIET_PORT
#define ACL_LOUD_PORT "network inet stream connect 127.0.0.1 " LOUD_PORT

#define STAT_QUIETED "Policy violation quieted:"
#define DOMAIN_STAT_FILE WARDEN_DIR "/domain_stat"

/* How long a helper's result, or a query, may take to arrive. */
#define WAIT_MS 10000
/* Records of a request are queued before its system call returns. */
#define NO_RECORD_MS 200

/*
 * Profiles 4 to 8: learning, permissive and enforcing with rejections
 * logged, then enforcing and learning with quiet_log=yes.
 */
#define QUIET_PROFILES \
	"4-PREFERENCE={ max_learning_entry=2048 }\n" \
	"4-CONFIG={ mode=learning grant_log=no reject_log=yes }\n" \
	"5-CONFIG={ mode=permissive grant_log=no reject_log=yes }\n" \
	"6-CONFIG={ mode=enforcing grant_log=no reject_log=yes }\n" \
	"7-PREFERENCE={ quiet_log=yes }\n" \
	"7-CONFIG={ mode=enforcing grant_log=no reject_log=yes }\n" \
	"8-PREFERENCE={ max_learning_entry=2048 quiet_log=yes }\n" \
	"8-CONFIG={ mode=learning grant_log=no reject_log=yes }\n"

#define PROFILE_LEARNING 4
#define PROFILE_PERMISSIVE 5
#define PROFILE_ENFORCING 6
#define PROFILE_ENFORCING_QUIET_LOG 7
#define PROFILE_LEARNING_QUIET_LOG 8

/* The per-domain counts of domain_stat. */
struct domain_counts {
	long quieted, enforcing, permissive, learning;
};

FIXTURE(quiet) {
	/* The audit file, opened non-blocking before each request. */
	int audit;
	/* The query file, or -1. */
	int query;
	/* A helper still running, and its standard output. */
	pid_t pid;
	int out;
};

/* The helper in profile @profile, its quiet rules, and its group's. */
static int load_quiet_policy(int profile)
{
	char domains[1024];

	snprintf(domains, sizeof(domains),
		 "%s\nuse_profile %d\nuse_group noisy_net\n"
		 "file getattr pipe:[\\$]\n"
		 "quiet file read " SECRET "\n"
		 "file read " BOTH "\n"
		 "quiet file read " BOTH "\n",
		 HELPER_DOMAIN, profile);
	return load_test_policy(QUIET_PROFILES,
				"initialize_domain " HELPER " from any\n"
				"acl_group noisy_net quiet " ACL_QUIET_PORT "\n",
				domains);
}

FIXTURE_SETUP(quiet)
{
	self->audit = -1;
	self->query = -1;
	self->pid = 0;
	self->out = -1;
	if (!audit_available())
		SKIP(return, "warden is not active: no " WARDEN_DIR);
	remove_tree(WQ_DIR);
	ASSERT_EQ(0, mkdir(WQ_DIR, 0755));
	ASSERT_EQ(0, make_file(SECRET, "secret\n", 0644));
	ASSERT_EQ(0, make_file(BOTH, "both\n", 0644));
	ASSERT_EQ(0, make_file(LOUD, "loud\n", 0644));
	ASSERT_EQ(0, copy_file("/proc/self/exe", HELPER, 0755));
	ASSERT_LE(0, audit_drain());
	self->audit = open(AUDIT_FILE, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	ASSERT_LE(0, self->audit);
}

FIXTURE_TEARDOWN(quiet)
{
	if (self->pid > 0) {
		kill(self->pid, SIGKILL);
		waitpid(self->pid, NULL, 0);
	}
	if (self->out >= 0)
		close(self->out);
	if (self->query >= 0)
		close(self->query);
	if (self->audit >= 0)
		close(self->audit);
	if (!audit_available())
		return;
	EXPECT_EQ(0, load_neutral_policy());
	audit_drain();
	remove_tree(WQ_DIR);
	unlink(HELPER);
}

/* The helper's request: "read PATH", or "connect ADDRESS PORT". */
static void start_request(struct __test_metadata *_metadata,
			  struct _test_data_quiet *self, const char *op,
			  const char *path, const char *arg)
{
	self->pid = spawn_helper(HELPER, op, path, arg, &self->out);
	ASSERT_LT(0, self->pid);
}

/* Its errno, once it finished, in at most @timeout_ms. */
static int end_request(struct __test_metadata *_metadata,
		       struct _test_data_quiet *self, int timeout_ms,
		       long *ms)
{
	struct helper_result res;
	int ret = finish_helper(self->pid, self->out, timeout_ms, &res);

	self->pid = 0;
	self->out = -1;
	EXPECT_EQ(0, ret) TH_LOG("the helper did not finish in time");
	EXPECT_STREQ(HELPER_DOMAIN, res.domain);
	if (ms)
		*ms = res.ms;
	return ret ? -1 : res.err;
}

static int request(struct __test_metadata *_metadata,
		   struct _test_data_quiet *self, const char *op,
		   const char *path, const char *arg)
{
	start_request(_metadata, self, op, path, arg);
	return end_request(_metadata, self, WAIT_MS, NULL);
}

/*
 * Read the records waiting in the audit log; how many of them name the
 * policy line @acl.  @marked receives how many of those say
 * " quiet=yes" right after "granted=no".
 */
static int records_of(struct __test_metadata *_metadata,
		      struct _test_data_quiet *self, const char *acl,
		      int *marked)
{
	static struct record rec;
	int found = 0;

	*marked = 0;
	while (read_record(self->audit, &rec, NO_RECORD_MS) > 0) {
		int bad = split_record(&rec, 0);

		EXPECT_EQ(0, bad) TH_LOG("bad record: %.*s", (int)rec.len,
					 rec.buf);
		if (bad)
			continue;
		if (strcmp(rec.acl, acl))
			continue;
		found++;
		if (strstr(rec.header, " granted=no quiet=yes (global-pid="))
			(*marked)++;
	}
	return found;
}

/* The counts of @domain in domain_stat; zero when it has no line. */
static int domain_counts(const char *domain, struct domain_counts *c)
{
	char buf[65536], *line, *cursor = buf;
	int name;

	memset(c, 0, sizeof(*c));
	if (read_whole_file(DOMAIN_STAT_FILE, buf, sizeof(buf)) < 0)
		return -1;
	while ((line = strsep(&cursor, "\n")) && *line) {
		name = 0;
		if (sscanf(line, "quieted=%ld enforcing=%ld permissive=%ld learning=%ld %n",
			   &c->quieted, &c->enforcing, &c->permissive,
			   &c->learning, &name) != 4 || !name)
			return -1;
		if (!strcmp(line + name, domain))
			return 0;
	}
	memset(c, 0, sizeof(*c));
	return 0;
}

/* The counters a quiet denial moves, read before and after it. */
struct counters {
	long quieted, learning, permissive, enforcing;
	struct domain_counts domain;
};

static void read_counters(struct __test_metadata *_metadata,
			  struct counters *c)
{
	c->quieted = stat_counter(STAT_QUIETED);
	c->learning = stat_counter(STAT_LEARNING);
	c->permissive = stat_counter(STAT_PERMISSIVE);
	c->enforcing = stat_counter(STAT_ENFORCING);
	ASSERT_LE(0, c->quieted);
	ASSERT_LE(0, c->enforcing);
	ASSERT_EQ(0, domain_counts(HELPER_DOMAIN, &c->domain));
}

/*
 * Check that between @before and now @quieted requests were quieted and
 * @loud counted in the line of @mode ("learning", ...), in stat and in
 * the helper's line of domain_stat, and nothing else.
 */
static void expect_counted(struct __test_metadata *_metadata,
			   const struct counters *before, long quieted,
			   long loud, const char *mode)
{
	struct counters now;

	read_counters(_metadata, &now);
	EXPECT_EQ(before->quieted + quieted, now.quieted);
	EXPECT_EQ(before->domain.quieted + quieted, now.domain.quieted);
	EXPECT_EQ(before->learning + (strcmp(mode, "learning") ? 0 : loud),
		  now.learning);
	EXPECT_EQ(before->permissive + (strcmp(mode, "permissive") ? 0 : loud),
		  now.permissive);
	EXPECT_EQ(before->enforcing + (strcmp(mode, "enforcing") ? 0 : loud),
		  now.enforcing);
	EXPECT_EQ(before->domain.learning + (strcmp(mode, "learning") ? 0 : loud),
		  now.domain.learning);
	EXPECT_EQ(before->domain.permissive +
		  (strcmp(mode, "permissive") ? 0 : loud), now.domain.permissive);
	EXPECT_EQ(before->domain.enforcing +
		  (strcmp(mode, "enforcing") ? 0 : loud), now.domain.enforcing);
}

TEST_F(quiet, enforcing_refuses_without_record_or_query_and_counts)
{
	struct counters before;
	int marked;
	long ms;

	ASSERT_EQ(0, load_quiet_policy(PROFILE_ENFORCING));
	read_counters(_metadata, &before);
	EXPECT_EQ(0, before.domain.quieted);
	/* A supervisor is reading: the quiet denial is not put to it. */
	self->query = open(QUERY_FILE, O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->query);
	start_request(_metadata, self, "read", SECRET, NULL);
	EXPECT_EQ(EPERM, end_request(_metadata, self, WAIT_MS, &ms));
	EXPECT_GT(2000, ms) TH_LOG("the quiet denial waited %ld ms", ms);
	{
		struct pollfd pfd = { .fd = self->query, .events = POLLIN };

		EXPECT_EQ(0, poll(&pfd, 1, NO_RECORD_MS))
			TH_LOG("a query was asked for a quiet denial");
	}
	EXPECT_EQ(0, records_of(_metadata, self, ACL_SECRET, &marked));
	expect_counted(_metadata, &before, 1, 0, "enforcing");

	/* Without the quiet rule, the same kind of denial is recorded. */
	close(self->query);
	self->query = -1;
	read_counters(_metadata, &before);
	EXPECT_EQ(EPERM, request(_metadata, self, "read", LOUD, NULL));
	EXPECT_EQ(1, records_of(_metadata, self, ACL_LOUD, &marked));
	EXPECT_EQ(0, marked);
	expect_counted(_metadata, &before, 0, 1, "enforcing");
}

TEST_F(quiet, permissive_allows_without_record_and_counts)
{
	struct counters before;
	int marked;

	ASSERT_EQ(0, load_quiet_policy(PROFILE_PERMISSIVE));
	read_counters(_metadata, &before);
	EXPECT_EQ(0, request(_metadata, self, "read", SECRET, NULL));
	EXPECT_EQ(0, records_of(_metadata, self, ACL_SECRET, &marked));
	expect_counted(_metadata, &before, 1, 0, "permissive");

	read_counters(_metadata, &before);
	EXPECT_EQ(0, request(_metadata, self, "read", LOUD, NULL));
	EXPECT_EQ(1, records_of(_metadata, self, ACL_LOUD, &marked));
	expect_counted(_metadata, &before, 0, 1, "permissive");
}

TEST_F(quiet, learning_allows_without_record_and_learns_nothing)
{
	struct counters before;
	int marked;

	ASSERT_EQ(0, load_quiet_policy(PROFILE_LEARNING));
	read_counters(_metadata, &before);
	EXPECT_EQ(0, request(_metadata, self, "read", SECRET, NULL));
	EXPECT_EQ(0, records_of(_metadata, self, ACL_SECRET, &marked));
	EXPECT_FALSE(domain_allows(HELPER_DOMAIN, ACL_SECRET));
	EXPECT_TRUE(domain_has_line(HELPER_DOMAIN, "quiet " ACL_SECRET));
	expect_counted(_metadata, &before, 1, 0, "learning");

	/* What no quiet rule covers is learned, and recorded. */
	read_counters(_metadata, &before);
	EXPECT_EQ(0, request(_metadata, self, "read", LOUD, NULL));
	EXPECT_EQ(1, records_of(_metadata, self, ACL_LOUD, &marked));
	EXPECT_TRUE(domain_allows(HELPER_DOMAIN, ACL_LOUD));
	expect_counted(_metadata, &before, 0, 1, "learning");
}

TEST_F(quiet, allow_entry_beside_a_quiet_rule_wins)
{
	struct counters before;
	int marked;

	ASSERT_EQ(0, load_quiet_policy(PROFILE_ENFORCING));
	read_counters(_metadata, &before);
	EXPECT_EQ(0, request(_metadata, self, "read", BOTH, NULL));
	EXPECT_EQ(0, records_of(_metadata, self, "file read " BOTH, &marked));
	expect_counted(_metadata, &before, 0, 0, "enforcing");
}

TEST_F(quiet, quiet_rule_of_a_named_group_quiets_a_connect)
{
	struct counters before;
	int marked;

	ASSERT_EQ(0, load_quiet_policy(PROFILE_ENFORCING));
	read_counters(_metadata, &before);
	EXPECT_EQ(EPERM, request(_metadata, self, "connect", "127.0.0.1",
				 QUIET_PORT));
	EXPECT_EQ(0, records_of(_metadata, self, ACL_QUIET_PORT, &marked));
	expect_counted(_metadata, &before, 1, 0, "enforcing");

	read_counters(_metadata, &before);
	EXPECT_EQ(EPERM, request(_metadata, self, "connect", "127.0.0.1",
				 LOUD_PORT));
	EXPECT_EQ(1, records_of(_metadata, self, ACL_LOUD_PORT, &marked));
	expect_counted(_metadata, &before, 0, 1, "enforcing");

	/* Deleted from the group, the connect is a denial like another. */
	ASSERT_EQ(0, write_file_once(WARDEN_DIR "/exception_policy",
				     "delete acl_group noisy_net quiet "
				     ACL_QUIET_PORT "\n"));
	read_counters(_metadata, &before);
	EXPECT_EQ(EPERM, request(_metadata, self, "connect", "127.0.0.1",
				 QUIET_PORT));
	EXPECT_EQ(1, records_of(_metadata, self, ACL_QUIET_PORT, &marked));
	expect_counted(_metadata, &before, 0, 1, "enforcing");

	/* Permissive: allowed, so the peer refuses it; still quiet. */
	ASSERT_EQ(0, load_quiet_policy(PROFILE_PERMISSIVE));
	read_counters(_metadata, &before);
	EXPECT_EQ(ECONNREFUSED, request(_metadata, self, "connect",
					"127.0.0.1", QUIET_PORT));
	EXPECT_EQ(0, records_of(_metadata, self, ACL_QUIET_PORT, &marked));
	expect_counted(_metadata, &before, 1, 0, "permissive");
}

TEST_F(quiet, quiet_log_yes_records_and_queries_marked_and_counts)
{
	struct counters before;
	unsigned int serial, retry;
	struct record rec;
	int marked, fields, skip = 0;
	char text[64];

	ASSERT_EQ(0, load_quiet_policy(PROFILE_ENFORCING_QUIET_LOG));
	read_counters(_metadata, &before);
	self->query = open(QUERY_FILE, O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->query);
	start_request(_metadata, self, "read", SECRET, NULL);
	/* As for any denial, the supervisor is asked; the query is marked. */
	ASSERT_LT(0, read_record(self->query, &rec, WAIT_MS)) TH_LOG("no query");
	fields = sscanf(rec.buf, "Q%u-%u\n%n", &serial, &retry, &skip);
	ASSERT_EQ(2, fields);
	ASSERT_EQ(0, split_record(&rec, skip));
	EXPECT_NE(NULL, strstr(rec.header,
			       " mode=enforcing granted=no quiet=yes (global-pid="))
		TH_LOG("%s", rec.header);
	EXPECT_STREQ(ACL_SECRET, rec.acl);
	snprintf(text, sizeof(text), "A%u=2\n", serial);
	ASSERT_EQ((ssize_t)strlen(text), write(self->query, text, strlen(text)));
	EXPECT_EQ(EPERM, end_request(_metadata, self, WAIT_MS, NULL));
	EXPECT_EQ(1, records_of(_metadata, self, ACL_SECRET, &marked));
	EXPECT_EQ(1, marked);
	expect_counted(_metadata, &before, 1, 0, "enforcing");

	/* Learning with quiet_log=yes: recorded, marked, still not learned. */
	close(self->query);
	self->query = -1;
	ASSERT_EQ(0, load_quiet_policy(PROFILE_LEARNING_QUIET_LOG));
	read_counters(_metadata, &before);
	EXPECT_EQ(0, request(_metadata, self, "read", SECRET, NULL));
	EXPECT_EQ(1, records_of(_metadata, self, ACL_SECRET, &marked));
	EXPECT_EQ(1, marked);
	EXPECT_FALSE(domain_allows(HELPER_DOMAIN, ACL_SECRET));
	expect_counted(_metadata, &before, 1, 0, "learning");
}

/* How a PREFERENCE line with the default numbers starts. */
#define PREFERENCE_HEAD "-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 "

/*
 * Quiet lines and quiet_log print as written, in domain_policy,
 * exception_policy, profile and the policy document, which loads back
 * to itself.
 */
TEST_F(quiet, quiet_lines_and_quiet_log_round_trip)
{
	static char doc[POLICY_DOC_SIZE], again[POLICY_DOC_SIZE];
	char buf[8192];
	ssize_t len;

	ASSERT_EQ(0, load_quiet_policy(PROFILE_ENFORCING));
	ASSERT_LT(0, read_whole_file(WARDEN_DIR "/profile", buf, sizeof(buf)));
	EXPECT_NE(NULL, strstr(buf, "7" PREFERENCE_HEAD "quiet_log=yes }\n"))
		TH_LOG("%s", buf);
	EXPECT_NE(NULL, strstr(buf, "6" PREFERENCE_HEAD "}\n"));
	ASSERT_LT(0, read_whole_file(WARDEN_DIR "/exception_policy", buf,
				     sizeof(buf)));
	EXPECT_NE(NULL, strstr(buf, "acl_group noisy_net quiet " ACL_QUIET_PORT "\n"));
	EXPECT_TRUE(domain_has_line(HELPER_DOMAIN, "quiet " ACL_SECRET));
	EXPECT_TRUE(domain_has_line(HELPER_DOMAIN, "quiet file read " BOTH));
	EXPECT_TRUE(domain_has_line(HELPER_DOMAIN, "file read " BOTH));

	len = read_whole_file(POLICY_FILE, doc, sizeof(doc));
	ASSERT_LT(0, len);
	ASSERT_EQ(0, write_in_chunks(POLICY_FILE, doc, len, 4096));
	ASSERT_EQ(len, read_whole_file(POLICY_FILE, again, sizeof(again)));
	EXPECT_STREQ(doc, again);

	/* What domain_policy and exception_policy print, they take back. */
	len = read_whole_file(DOMAIN_POLICY_FILE, doc, sizeof(doc));
	ASSERT_LT(0, len);
	ASSERT_EQ(0, write_in_chunks(DOMAIN_POLICY_FILE, doc, len, 7));
	ASSERT_EQ(len, read_whole_file(DOMAIN_POLICY_FILE, again,
				       sizeof(again)));
	EXPECT_STREQ(doc, again);
	len = read_whole_file(WARDEN_DIR "/exception_policy", doc, sizeof(doc));
	ASSERT_LT(0, len);
	ASSERT_EQ(0, write_in_chunks(WARDEN_DIR "/exception_policy", doc, len,
				     4096));
	ASSERT_EQ(len, read_whole_file(WARDEN_DIR "/exception_policy", again,
				       sizeof(again)));
	EXPECT_STREQ(doc, again);
}

/* "quiet ", where a line says it twice. */
#define QUIET "quiet "

/* Bad quiet lines are refused whole, with the policy as it was. */
TEST_F(quiet, malformed_quiet_lines_are_refused)
{
	static const char *const bad[] = {
		"quiet\n",
		/* A quiet rule does not quiet a quiet rule. */
		QUIET "quiet file read /x\n",
		"quiet use_group 1\n",
		"quiet use_profile 1\n",
		"quiet file reed /x\n",
		"quiet network inet stream connekt 127.0.0.1 1\n",
	};
	static char before[POLICY_DOC_SIZE], after[POLICY_DOC_SIZE];
	char line[256];
	size_t i;

	ASSERT_EQ(0, load_quiet_policy(PROFILE_ENFORCING));
	ASSERT_LT(0, read_whole_file(POLICY_FILE, before, sizeof(before)));
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		snprintf(line, sizeof(line), "%s\n%s", HELPER_DOMAIN, bad[i]);
		EXPECT_EQ(-EINVAL, write_file_once(DOMAIN_POLICY_FILE, line))
			TH_LOG("%s", bad[i]);
		snprintf(line, sizeof(line), "acl_group noisy_net %s", bad[i]);
		EXPECT_EQ(-EINVAL, write_file_once(WARDEN_DIR "/exception_policy",
						   line))
			TH_LOG("%s", line);
	}
	ASSERT_LT(0, read_whole_file(POLICY_FILE, after, sizeof(after)));
	EXPECT_STREQ(before, after);
}

/* The helper's own request: "connect ADDRESS PORT", or audit_common's. */
static int quiet_helper_main(int argc, char **argv)
{
	struct sockaddr_in sin = { .sin_family = AF_INET };
	char domain[DOMAIN_NAME_MAX];
	ssize_t len;
	long start;
	int fd, err = 0;

	if (argc < 5 || strcmp(argv[1], "--op") || strcmp(argv[2], "connect"))
		return helper_main(argc, argv);
	len = pread(DOMAIN_FD, domain, sizeof(domain) - 1, 0);
	close(DOMAIN_FD);
	if (len <= 0 || domain[len - 1] != '\n')
		len = snprintf(domain, sizeof(domain), "?\n");
	domain[len] = '\0';
	start = now_ms();
	sin.sin_port = htons(atoi(argv[4]));
	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0 || inet_pton(AF_INET, argv[3], &sin.sin_addr) != 1)
		err = 200;
	else if (connect(fd, (struct sockaddr *)&sin, sizeof(sin)))
		err = errno;
	dprintf(STDOUT_FILENO, "D=%sE=%d T=%ld\n", domain, err,
		now_ms() - start);
	return 0;
}

int main(int argc, char **argv)
{
	int ret = quiet_helper_main(argc, argv);

	if (ret >= 0)
		return ret;
	return test_harness_run(argc, argv);
}
