// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - network mediation and "misc env".
 *
 * A copy of this program, /tmp/warden-net, runs in the domain
 * "<kernel> /tmp/warden-net" (initialize_domain) and makes one kind of
 * network request: an inet or inet6 stream bind, listen or connect, an
 * inet dgram send, a unix stream bind on a path or an abstract name, a
 * unix dgram send, or the requests of the TOMOYO guide's postgresql
 * server.  In enforcing mode the request succeeds when a "network" line
 * matches it exactly, through an address or port range, or through an
 * address_group or number_group, and fails with EPERM otherwise; in
 * learning mode it succeeds and the line is appended to the domain.  An
 * exec passing an environment variable no "misc env" line names is
 * denied, or learned.
 *
 * The helper exits with 0 or the errno of its request (100 + errno when a
 * second step failed, 200 and above for a helper error); it is killed by
 * SIGALRM when it runs longer than HELPER_TIMEOUT seconds, so that every
 * wait of the test is bounded.
 */

#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>
#include <unistd.h>

#include "../kselftest_harness.h"
#include "enforce_common.h"

#define HELPER "/tmp/warden-net"
#define HELPER_DOMAIN "<kernel> " HELPER
#define WN_DIR "/tmp/wn"
#define PROG WN_DIR "/prog"
#define STREAM_SOCK WN_DIR "/s.sock"
#define DGRAM_SOCK WN_DIR "/d.sock"
#define ABSTRACT "wn-abstract"
#define PG_SOCK "/tmp/.s.PGSQL.5432"
#define ENV_NAME "WN_VAR"
#define HELPER_TIMEOUT 20
/* A second step of a helper request failed with errno e. */
#define STEP2(e) (100 + (e))

/* The lines every helper domain has: its C library looks at its pipe. */
#define HELPER_BASE "file getattr pipe:[\\$]\n"

/* The postgresql lines of the TOMOYO guide, and the socket's mksock. */
#define PG_LINES \
	"network inet stream bind 127.0.0.1 5432\n" \
	"network inet stream listen 127.0.0.1 5432\n" \
	"network unix stream bind " PG_SOCK "\n" \
	"network unix stream listen " PG_SOCK "\n" \
	"file mksock " PG_SOCK " 0700\n" \
	"network inet dgram bind 127.0.0.1 0\n" \
	"network inet dgram send 127.0.0.1 1024-65535\n"

static int helper_errno(int ret)
{
	return ret < 0 ? (errno < 100 ? errno : 199) : 0;
}

static int fill_in(struct sockaddr_in *sin, const char *addr, const char *port)
{
	memset(sin, 0, sizeof(*sin));
	sin->sin_family = AF_INET;
	sin->sin_port = htons(atoi(port));
	return inet_pton(AF_INET, addr, &sin->sin_addr) == 1 ? 0 : -1;
}

/* @name is a path, or an abstract name after '@'.  Returns the length. */
static socklen_t fill_un(struct sockaddr_un *sun, const char *name)
{
	size_t len = strlen(name);

	memset(sun, 0, sizeof(*sun));
	sun->sun_family = AF_UNIX;
	if (len >= sizeof(sun->sun_path))
		len = sizeof(sun->sun_path) - 1;
	memcpy(sun->sun_path, name, len);
	if (name[0] == '@') {
		sun->sun_path[0] = '\0';
		return offsetof(struct sockaddr_un, sun_path) + len;
	}
	return sizeof(*sun);
}

static int inet_socket(int type)
{
	int one = 1, fd = socket(AF_INET, type, 0);

	if (fd >= 0)
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	return fd;
}

/* One step of the postgresql server, reported on standard output. */
static void pg_step(const char *name, int ret, const char *sep)
{
	dprintf(STDOUT_FILENO, "%s=%d%s", name, helper_errno(ret), sep);
}

/*
 * What the TOMOYO guide's postgresql server does on the network, then a
 * bind to 127.0.0.1 5432 + 1, which its policy has no line for.  Each
 * step is printed as "<step>=<errno>": ib/il the inet stream bind and
 * listen, ub/ul the unix ones, db/ds the dgram bind and send, b5433.
 */
static int pg_server(void)
{
	struct sockaddr_in sin, self;
	socklen_t len = sizeof(self);
	struct sockaddr_un sun;
	socklen_t un_len;
	ssize_t ret;
	int s1, s2, s3, s4;

	s1 = inet_socket(SOCK_STREAM);
	s2 = socket(AF_UNIX, SOCK_STREAM, 0);
	s3 = inet_socket(SOCK_DGRAM);
	s4 = inet_socket(SOCK_STREAM);
	if (s1 < 0 || s2 < 0 || s3 < 0 || s4 < 0)
		return 210;
	fill_in(&sin, "127.0.0.1", "5432");
	pg_step("ib", bind(s1, (struct sockaddr *)&sin, sizeof(sin)),
		" ");
	pg_step("il", listen(s1, 4), " ");
	umask(077);
	un_len = fill_un(&sun, PG_SOCK);
	pg_step("ub", bind(s2, (struct sockaddr *)&sun, un_len), " ");
	pg_step("ul", listen(s2, 4), " ");
	fill_in(&sin, "127.0.0.1", "0");
	pg_step("db", bind(s3, (struct sockaddr *)&sin, sizeof(sin)),
		" ");
	if (getsockname(s3, (struct sockaddr *)&self, &len))
		return 211;
	ret = sendto(s3, "x", 1, 0, (struct sockaddr *)&self, sizeof(self));
	pg_step("ds", ret < 0 ? -1 : 0, " ");
	fill_in(&sin, "127.0.0.1", "5433");
	pg_step("b5433", bind(s4, (struct sockaddr *)&sin, sizeof(sin)),
		"\n");
	return 0;
}

/*
 * The helper: "HELPER --net OP A [B]".  Returns 0, the errno of the
 * request, STEP2(errno) when its second step failed, or 200 and above.
 */
static int net_helper(int argc, char **argv)
{
	static char *const prog_argv[] = { "prog", "--noop", NULL };
	static char *const prog_env[] = { ENV_NAME "=1", NULL };
	const char *op = argv[2], *a = argc > 3 ? argv[3] : "";
	const char *b = argc > 4 ? argv[4] : "0";
	struct sockaddr_in6 sin6 = { .sin6_family = AF_INET6 };
	struct sockaddr_in sin;
	struct sockaddr_un sun;
	socklen_t len;
	int fd, ret;

	umask(0);
	if (!strcmp(op, "pg-server"))
		return pg_server();
	if (!strcmp(op, "exec-env")) {
		execve(PROG, prog_argv, prog_env);
		return helper_errno(-1);
	}
	if (!strcmp(op, "unix-bind") || !strcmp(op, "unix-dgram-send")) {
		bool bind_op = !strcmp(op, "unix-bind");

		fd = socket(AF_UNIX, bind_op ? SOCK_STREAM : SOCK_DGRAM, 0);
		if (fd < 0)
			return 201;
		len = fill_un(&sun, a);
		if (bind_op)
			ret = bind(fd, (struct sockaddr *)&sun, len);
		else
			ret = sendto(fd, "x", 1, 0, (struct sockaddr *)&sun,
				     len) < 0 ? -1 : 0;
		return helper_errno(ret);
	}
	if (!strcmp(op, "unix-seqpacket-bind") ||
	    !strcmp(op, "unix-stream-connect")) {
		bool bind_op = !strcmp(op, "unix-seqpacket-bind");

		fd = socket(AF_UNIX, bind_op ? SOCK_SEQPACKET : SOCK_STREAM, 0);
		if (fd < 0)
			return 208;
		len = fill_un(&sun, a);
		ret = bind_op ? bind(fd, (struct sockaddr *)&sun, len) :
				connect(fd, (struct sockaddr *)&sun, len);
		return helper_errno(ret);
	}
	if (!strcmp(op, "raw-send")) {
		/* The port field of a raw entry is the protocol. */
		fd = socket(AF_INET, SOCK_RAW, atoi(b));
		if (fd < 0)
			return 209;
		if (fill_in(&sin, a, "0"))
			return 210;
		return helper_errno(sendto(fd, "x", 1, 0,
					   (struct sockaddr *)&sin,
					   sizeof(sin)) < 0 ? -1 : 0);
	}
	if (!strcmp(op, "inet6-bind")) {
		int one = 1;

		fd = socket(AF_INET6, SOCK_STREAM, 0);
		if (fd < 0)
			return 202;
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		sin6.sin6_port = htons(atoi(b));
		if (inet_pton(AF_INET6, a, &sin6.sin6_addr) != 1)
			return 203;
		return helper_errno(bind(fd, (struct sockaddr *)&sin6,
					 sizeof(sin6)));
	}
	if (fill_in(&sin, a, b))
		return 204;
	if (!strcmp(op, "dgram-send")) {
		fd = inet_socket(SOCK_DGRAM);
		if (fd < 0)
			return 205;
		return helper_errno(sendto(fd, "x", 1, 0,
					   (struct sockaddr *)&sin,
					   sizeof(sin)) < 0 ? -1 : 0);
	}
	fd = inet_socket(SOCK_STREAM);
	if (fd < 0)
		return 206;
	if (!strcmp(op, "connect"))
		return helper_errno(connect(fd, (struct sockaddr *)&sin,
					    sizeof(sin)));
	ret = helper_errno(bind(fd, (struct sockaddr *)&sin, sizeof(sin)));
	if (!strcmp(op, "bind") || ret)
		return ret;
	if (!strcmp(op, "listen")) {
		ret = helper_errno(listen(fd, 4));
		return ret ? STEP2(ret) : 0;
	}
	return 207;
}

/* Runs in the helper's child before the exec: bound its life. */
static int arm_alarm(void *arg)
{
	alarm(HELPER_TIMEOUT);
	return 0;
}

/*
 * Run the helper's @op on @a and @b (either may be NULL); what it prints
 * in @out (or nowhere).  Returns its exit status, or 128 + the signal
 * that killed it.
 */
static int run_net(const char *op, const char *a, const char *b, char *out,
		   size_t size)
{
	char *const argv[] = { "warden-net", "--net", (char *)op, (char *)a,
			       (char *)b, NULL };

	return run_program(HELPER, argv, arm_alarm, NULL, out, size);
}

/*
 * Put the helper's domain in @profile with the ACL lines @acl, and
 * @exception after its initialize_domain line.
 */
static int load_net_policy(int profile, const char *exception,
			   const char *acl)
{
	char exc[4096], domains[4096];

	snprintf(exc, sizeof(exc), "initialize_domain " HELPER " from any\n%s",
		 exception ?: "");
	snprintf(domains, sizeof(domains),
		 HELPER_DOMAIN "\nuse_profile %d\n" HELPER_BASE "%s\n",
		 profile, acl ?: "");
	return load_test_policy(NULL, exc, domains);
}

/* A socket of the test's own, bound to @addr (and listening, for stream). */
static int test_inet_socket(int type, const char *addr, const char *port)
{
	struct sockaddr_in sin;
	int fd = inet_socket(type);

	if (fd < 0 || fill_in(&sin, addr, port))
		return -1;
	if (bind(fd, (struct sockaddr *)&sin, sizeof(sin)) ||
	    (type == SOCK_STREAM && listen(fd, 4))) {
		close(fd);
		return -1;
	}
	return fd;
}

static bool ipv6_loopback_works(void)
{
	struct sockaddr_in6 sin6 = {
		.sin6_family = AF_INET6,
		.sin6_addr = IN6ADDR_LOOPBACK_INIT,
	};
	int fd = socket(AF_INET6, SOCK_STREAM, 0);
	bool ok;

	if (fd < 0)
		return false;
	ok = !bind(fd, (struct sockaddr *)&sin6, sizeof(sin6));
	close(fd);
	return ok;
}

static bool path_exists(const char *path)
{
	struct stat st;

	return !lstat(path, &st);
}

FIXTURE(net) {};

FIXTURE_SETUP(net)
{
	if (!warden_is_enabled() || access(WARDEN_DIR, F_OK))
		SKIP(return, "warden is not active: no " WARDEN_DIR);
	remove_tree(WN_DIR);
	unlink(PG_SOCK);
	ASSERT_EQ(0, mkdir(WN_DIR, 0755));
	ASSERT_EQ(0, chmod(WN_DIR, 0777));
	ASSERT_EQ(0, copy_file("/proc/self/exe", HELPER, 0755));
	ASSERT_EQ(0, copy_file("/proc/self/exe", PROG, 0755));
}

FIXTURE_TEARDOWN(net)
{
	if (!warden_is_enabled() || access(WARDEN_DIR, F_OK))
		return;
	EXPECT_EQ(0, load_neutral_policy());
	remove_tree(WN_DIR);
	unlink(PG_SOCK);
	unlink(HELPER);
}

TEST_F(net, inet_stream_bind_allowed_by_exact_entry)
{
	ASSERT_EQ(0, load_net_policy(3, NULL,
				     "network inet stream bind 127.0.0.1 47201\n"));
	EXPECT_EQ(0, run_net("bind", "127.0.0.1", "47201", NULL, 0));
}

TEST_F(net, inet_stream_bind_denied_without_entry)
{
	long before = stat_counter(STAT_ENFORCING);

	ASSERT_EQ(0, load_net_policy(3, NULL,
				     "network inet stream bind 127.0.0.1 47299\n"));
	EXPECT_EQ(EPERM, run_net("bind", "127.0.0.1", "47202", NULL, 0));
	EXPECT_EQ(EPERM, run_net("bind", "127.0.0.2", "47299", NULL, 0));
	EXPECT_LT(before, stat_counter(STAT_ENFORCING));
}

TEST_F(net, inet_stream_bind_through_address_and_port_ranges)
{
	ASSERT_EQ(0, load_net_policy(3, NULL,
				     "network inet stream bind 127.0.0.2-127.0.0.9 47210-47219\n"));
	EXPECT_EQ(0, run_net("bind", "127.0.0.5", "47215", NULL, 0));
	EXPECT_EQ(0, run_net("bind", "127.0.0.9", "47210", NULL, 0));
	EXPECT_EQ(EPERM, run_net("bind", "127.0.0.1", "47215", NULL, 0));
	EXPECT_EQ(EPERM, run_net("bind", "127.0.0.10", "47215", NULL, 0));
	EXPECT_EQ(EPERM, run_net("bind", "127.0.0.5", "47220", NULL, 0));
}

TEST_F(net, inet_stream_bind_through_address_and_number_groups)
{
	ASSERT_EQ(0, load_net_policy(3,
				     "address_group LOCAL 127.0.0.1\n"
				     "address_group LOCAL 127.0.0.3-127.0.0.4\n"
				     "number_group PORTS 47220-47229\n",
				     "network inet stream bind @LOCAL @PORTS\n"));
	EXPECT_EQ(0, run_net("bind", "127.0.0.1", "47225", NULL, 0));
	EXPECT_EQ(0, run_net("bind", "127.0.0.4", "47229", NULL, 0));
	EXPECT_EQ(EPERM, run_net("bind", "127.0.0.2", "47225", NULL, 0));
	EXPECT_EQ(EPERM, run_net("bind", "127.0.0.1", "47230", NULL, 0));
}

TEST_F(net, inet_stream_listen_allowed_with_entry)
{
	ASSERT_EQ(0, load_net_policy(3, NULL,
				     "network inet stream bind 127.0.0.1 47231\n"
				     "network inet stream listen 127.0.0.1 47231\n"));
	EXPECT_EQ(0, run_net("listen", "127.0.0.1", "47231", NULL, 0));
}

TEST_F(net, inet_stream_listen_denied_without_entry)
{
	ASSERT_EQ(0, load_net_policy(3, NULL,
				     "network inet stream bind 127.0.0.1 47232\n"
				     "network inet stream listen 127.0.0.1 47233\n"));
	EXPECT_EQ(STEP2(EPERM), run_net("listen", "127.0.0.1", "47232", NULL,
					0));
}

TEST_F(net, inet_stream_connect_allowed_and_denied)
{
	int fd1 = test_inet_socket(SOCK_STREAM, "127.0.0.1", "47241");
	int fd2 = test_inet_socket(SOCK_STREAM, "127.0.0.1", "47242");

	ASSERT_LE(0, fd1);
	ASSERT_LE(0, fd2);
	ASSERT_EQ(0, load_net_policy(3, NULL,
				     "network inet stream connect 127.0.0.1 47241\n"));
	EXPECT_EQ(0, run_net("connect", "127.0.0.1", "47241", NULL, 0));
	EXPECT_EQ(EPERM, run_net("connect", "127.0.0.1", "47242", NULL, 0));
	close(fd1);
	close(fd2);
}

TEST_F(net, inet_dgram_send_within_port_range_only)
{
	int fd1 = test_inet_socket(SOCK_DGRAM, "127.0.0.1", "47251");

	ASSERT_LE(0, fd1);
	ASSERT_EQ(0, load_net_policy(3, NULL,
				     "network inet dgram send 127.0.0.1 1024-65535\n"));
	EXPECT_EQ(0, run_net("dgram-send", "127.0.0.1", "47251", NULL, 0));
	EXPECT_EQ(EPERM, run_net("dgram-send", "127.0.0.1", "1000", NULL, 0));
	EXPECT_EQ(EPERM, run_net("dgram-send", "127.0.0.2", "47251", NULL, 0));
	close(fd1);
}

TEST_F(net, inet_bind_to_port_zero_matches_port_zero_entry)
{
	ASSERT_EQ(0, load_net_policy(3, NULL,
				     "network inet stream bind 127.0.0.1 0\n"));
	EXPECT_EQ(0, run_net("bind", "127.0.0.1", "0", NULL, 0));
	EXPECT_EQ(EPERM, run_net("bind", "127.0.0.1", "47261", NULL, 0));
	ASSERT_EQ(0, load_net_policy(3, NULL,
				     "network inet stream bind 127.0.0.1 1-65535\n"));
	EXPECT_EQ(EPERM, run_net("bind", "127.0.0.1", "0", NULL, 0));
	EXPECT_EQ(0, run_net("bind", "127.0.0.1", "47261", NULL, 0));
}

TEST_F(net, inet6_stream_bind_on_loopback)
{
	if (!ipv6_loopback_works())
		SKIP(return, "no IPv6 loopback address ::1");
	ASSERT_EQ(0, load_net_policy(3, NULL,
				     "network inet stream bind ::1 47271\n"));
	EXPECT_EQ(0, run_net("inet6-bind", "::1", "47271", NULL, 0));
	EXPECT_EQ(EPERM, run_net("inet6-bind", "::1", "47272", NULL, 0));
	/* An IPv4 entry does not cover the IPv6 loopback. */
	ASSERT_EQ(0, load_net_policy(3, NULL,
				     "network inet stream bind 127.0.0.1 47271\n"));
	EXPECT_EQ(EPERM, run_net("inet6-bind", "::1", "47271", NULL, 0));
}

TEST_F(net, unix_stream_bind_on_path_allowed_and_denied)
{
	ASSERT_EQ(0, load_net_policy(3, NULL,
				     "file mksock " STREAM_SOCK " 0777\n"));
	EXPECT_EQ(EPERM, run_net("unix-bind", STREAM_SOCK, NULL, NULL, 0));
	EXPECT_FALSE(path_exists(STREAM_SOCK));
	ASSERT_EQ(0, load_net_policy(3, NULL,
				     "network unix stream bind " STREAM_SOCK "\n"
				     "file mksock " STREAM_SOCK " 0777\n"));
	EXPECT_EQ(0, run_net("unix-bind", STREAM_SOCK, NULL, NULL, 0));
	EXPECT_TRUE(path_exists(STREAM_SOCK));
}

TEST_F(net, unix_stream_bind_on_abstract_name_allowed_and_denied)
{
	ASSERT_EQ(0, load_net_policy(3, NULL,
				     "network unix stream bind \\000" ABSTRACT "\n"));
	EXPECT_EQ(0, run_net("unix-bind", "@" ABSTRACT, NULL, NULL, 0));
	EXPECT_EQ(EPERM, run_net("unix-bind", "@" ABSTRACT "-2", NULL, NULL,
				 0));
	/* The path of the same name is another address. */
	EXPECT_EQ(EPERM, run_net("unix-bind", WN_DIR "/" ABSTRACT, NULL, NULL,
				 0));
}

TEST_F(net, unix_dgram_send_allowed_and_denied)
{
	struct sockaddr_un sun;
	socklen_t len = fill_un(&sun, DGRAM_SOCK);
	int fd = socket(AF_UNIX, SOCK_DGRAM, 0);

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, bind(fd, (struct sockaddr *)&sun, len));
	ASSERT_EQ(0, load_net_policy(3, NULL, ""));
	EXPECT_EQ(EPERM, run_net("unix-dgram-send", DGRAM_SOCK, NULL, NULL, 0));
	ASSERT_EQ(0, load_net_policy(3, NULL,
				     "network unix dgram send " DGRAM_SOCK "\n"));
	EXPECT_EQ(0, run_net("unix-dgram-send", DGRAM_SOCK, NULL, NULL, 0));
	close(fd);
}

TEST_F(net, unix_seqpacket_bind_allowed_and_denied)
{
	ASSERT_EQ(0, load_net_policy(3, NULL,
				     "file mksock " STREAM_SOCK " 0777\n"));
	EXPECT_EQ(EPERM, run_net("unix-seqpacket-bind", STREAM_SOCK, NULL,
				 NULL, 0));
	ASSERT_EQ(0, load_net_policy(3, NULL,
				     "network unix seqpacket bind " STREAM_SOCK "\n"
				     "file mksock " STREAM_SOCK " 0777\n"));
	EXPECT_EQ(0, run_net("unix-seqpacket-bind", STREAM_SOCK, NULL, NULL,
			     0));
}

TEST_F(net, unix_stream_connect_allowed_and_denied)
{
	struct sockaddr_un sun;
	socklen_t len = fill_un(&sun, STREAM_SOCK);
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, bind(fd, (struct sockaddr *)&sun, len));
	ASSERT_EQ(0, listen(fd, 4));
	ASSERT_EQ(0, load_net_policy(3, NULL, ""));
	EXPECT_EQ(EPERM, run_net("unix-stream-connect", STREAM_SOCK, NULL,
				 NULL, 0));
	ASSERT_EQ(0, load_net_policy(3, NULL,
				     "network unix stream connect " STREAM_SOCK "\n"));
	EXPECT_EQ(0, run_net("unix-stream-connect", STREAM_SOCK, NULL, NULL,
			     0));
	close(fd);
}

TEST_F(net, inet_raw_send_checks_the_protocol)
{
	ASSERT_EQ(0, load_net_policy(3, NULL,
				     "network inet raw send 127.0.0.1 253\n"));
	EXPECT_EQ(0, run_net("raw-send", "127.0.0.1", "253", NULL, 0));
	EXPECT_EQ(EPERM, run_net("raw-send", "127.0.0.1", "254", NULL, 0));
	EXPECT_EQ(EPERM, run_net("raw-send", "127.0.0.2", "253", NULL, 0));
}

TEST_F(net, guide_postgresql_server_runs_and_5433_is_denied)
{
	char out[512];

	ASSERT_EQ(0, load_net_policy(3, NULL, PG_LINES));
	EXPECT_EQ(0, run_net("pg-server", NULL, NULL, out, sizeof(out)));
	EXPECT_STREQ("ib=0 il=0 ub=0 ul=0 db=0 ds=0 b5433=1\n", out);
	EXPECT_TRUE(path_exists(PG_SOCK));
}

TEST_F(net, learning_bind_succeeds_and_is_learned)
{
	ASSERT_EQ(0, load_net_policy(1, NULL, NULL));
	EXPECT_EQ(0, run_net("bind", "127.0.0.1", "47281", NULL, 0));
	EXPECT_TRUE(domain_has_line(HELPER_DOMAIN,
				    "network inet stream bind 127.0.0.1 47281"))
		TH_LOG("not learned: %s", domain_policy_block(HELPER_DOMAIN));
}

/* The exec of PROG stays in the helper's domain, which checks envp. */
#define KEEP_PROG "keep_domain " PROG " from " HELPER_DOMAIN "\n"

TEST_F(net, misc_env_not_allowed_fails_in_enforcing)
{
	ASSERT_EQ(0, load_net_policy(3, KEEP_PROG,
				     "file execute " PROG "\n"));
	EXPECT_EQ(EPERM, run_net("exec-env", NULL, NULL, NULL, 0));
	ASSERT_EQ(0, load_net_policy(3, KEEP_PROG,
				     "file execute " PROG "\n"
				     "misc env " ENV_NAME "\n"));
	EXPECT_EQ(0, run_net("exec-env", NULL, NULL, NULL, 0));
}

TEST_F(net, misc_env_is_learned_in_learning)
{
	ASSERT_EQ(0, load_net_policy(1, KEEP_PROG, NULL));
	EXPECT_EQ(0, run_net("exec-env", NULL, NULL, NULL, 0));
	EXPECT_TRUE(domain_has_line(HELPER_DOMAIN, "misc env " ENV_NAME))
		TH_LOG("not learned: %s", domain_policy_block(HELPER_DOMAIN));
}

/* Delete one line of the exception policy. */
static int delete_exception_line(const char *line)
{
	char text[512];

	snprintf(text, sizeof(text), "delete %s\n", line);
	return write_file_once(WARDEN_DIR "/exception_policy", text);
}

#define SHARED_BIND "acl_group net_shared network inet stream bind 127.0.0.1 47291"
#define SHARED_SEND "acl_group net_shared network unix dgram send " DGRAM_SOCK
#define SHARED_ENV "acl_group net_shared misc env " ENV_NAME

/*
 * A network inet, network unix and misc env line each grant their request
 * through a named ACL group the domain uses, and no longer once the
 * group's line is deleted.
 */
TEST_F(net, network_and_env_lines_grant_through_a_named_acl_group)
{
	struct sockaddr_un sun;
	socklen_t len = fill_un(&sun, DGRAM_SOCK);
	int fd = socket(AF_UNIX, SOCK_DGRAM, 0);

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, bind(fd, (struct sockaddr *)&sun, len));
	ASSERT_EQ(0, load_net_policy(3, KEEP_PROG SHARED_BIND "\n"
				     SHARED_SEND "\n" SHARED_ENV "\n",
				     "use_group net_shared\n"
				     "file execute " PROG "\n"));
	EXPECT_EQ(0, run_net("bind", "127.0.0.1", "47291", NULL, 0));
	EXPECT_EQ(EPERM, run_net("bind", "127.0.0.1", "47292", NULL, 0));
	EXPECT_EQ(0, run_net("unix-dgram-send", DGRAM_SOCK, NULL, NULL, 0));
	EXPECT_EQ(0, run_net("exec-env", NULL, NULL, NULL, 0));

	ASSERT_EQ(0, delete_exception_line(SHARED_BIND));
	EXPECT_EQ(EPERM, run_net("bind", "127.0.0.1", "47291", NULL, 0));
	ASSERT_EQ(0, delete_exception_line(SHARED_SEND));
	EXPECT_EQ(EPERM, run_net("unix-dgram-send", DGRAM_SOCK, NULL, NULL, 0));
	ASSERT_EQ(0, delete_exception_line(SHARED_ENV));
	EXPECT_EQ(EPERM, run_net("exec-env", NULL, NULL, NULL, 0));
	close(fd);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "--noop"))
		return 0;
	if (argc > 2 && !strcmp(argv[1], "--net"))
		return net_helper(argc, argv);
	return test_harness_run(argc, argv);
}
