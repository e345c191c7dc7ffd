// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - every network operation in every mode.
 *
 * Each variant is one request a program can make on a socket: an inet or
 * inet6 stream bind, listen or connect, a dgram bind or send (by sendto()
 * or by connect(), which sets where sends go), a raw bind or send (whose
 * "port" is the protocol), and a unix stream, dgram or seqpacket bind,
 * listen, connect or send on a path, an abstract name or no name at all
 * ("anonymous": bind() with only the family, which autobinds).  A copy of
 * this program, /tmp/warden-netm, makes the request in the domain
 * "<kernel> /tmp/warden-netm", whose policy always has the lines the
 * request's earlier steps need (a bind before a listen, the mksock of a
 * path) and, in enforcing mode, the variant's line or not.  Each variant
 * is run four ways:
 *  - enforcing with its line: the request succeeds;
 *  - enforcing without: it fails with EPERM and stat counts a violation;
 *  - permissive: it succeeds, the domain is unchanged, stat counts it and
 *    the audit record ends with the line in policy syntax;
 *  - learning: it succeeds and the line is in the domain.
 *
 * The helper exits with 0 or the errno of the request, 100 + errno when
 * an earlier step failed, or 200 and above on a helper error.
 */

#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
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
#include "audit_common.h"

#define HELPER "/tmp/warden-netm"
#define HELPER_DOMAIN "<kernel> " HELPER
#define DIR_ "/tmp/wm"
#define HELPER_TIMEOUT 20
#define RAW_PROTO "253"
/* An earlier step of the request failed with errno e. */
#define EARLIER(e) (100 + (e))

/* The lines every helper domain has: its C library looks at its pipe. */
#define HELPER_BASE "file getattr pipe:[\\$]\n"

/* What the test itself sets up at the variant's address, first. */
enum peer {
	NO_PEER,
	STREAM_LISTENER,	/* a listening socket of the variant's type */
	DGRAM_RECEIVER,		/* a bound datagram socket */
};

static int helper_errno(int ret)
{
	return ret < 0 ? (errno < 100 ? errno : 99) : 0;
}

static int sock_type(const char *type)
{
	if (!strcmp(type, "stream"))
		return SOCK_STREAM;
	if (!strcmp(type, "dgram"))
		return SOCK_DGRAM;
	if (!strcmp(type, "seqpacket"))
		return SOCK_SEQPACKET;
	return SOCK_RAW;
}

/*
 * Fill @ss with the address @addr (port @port) of @family: an IPv4 or IPv6
 * address, or for unix a path, "@name" for an abstract name, or "-" for
 * none.  Returns its length, or 0 if it is not valid.
 */
static socklen_t fill_addr(struct sockaddr_storage *ss, const char *family,
			   const char *addr, const char *port)
{
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;
	struct sockaddr_in *sin = (struct sockaddr_in *)ss;
	struct sockaddr_un *sun = (struct sockaddr_un *)ss;
	size_t len = strlen(addr);

	memset(ss, 0, sizeof(*ss));
	if (!strcmp(family, "inet")) {
		sin->sin_family = AF_INET;
		sin->sin_port = htons(atoi(port));
		if (inet_pton(AF_INET, addr, &sin->sin_addr) != 1)
			return 0;
		return sizeof(*sin);
	}
	if (!strcmp(family, "inet6")) {
		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons(atoi(port));
		if (inet_pton(AF_INET6, addr, &sin6->sin6_addr) != 1)
			return 0;
		return sizeof(*sin6);
	}
	sun->sun_family = AF_UNIX;
	if (!strcmp(addr, "-"))
		return sizeof(sa_family_t);
	if (len >= sizeof(sun->sun_path))
		return 0;
	memcpy(sun->sun_path, addr, len);
	if (addr[0] != '@')
		return sizeof(*sun);
	sun->sun_path[0] = '\0';
	return offsetof(struct sockaddr_un, sun_path) + len;
}

/* A socket of @family and @type; a raw one's protocol is RAW_PROTO. */
static int open_socket(const char *family, const char *type)
{
	int domain = !strcmp(family, "inet") ? AF_INET :
		     !strcmp(family, "inet6") ? AF_INET6 : AF_UNIX;
	int t = sock_type(type), one = 1, fd;

	fd = socket(domain, t, t == SOCK_RAW ? atoi(RAW_PROTO) : 0);
	if (fd >= 0 && domain != AF_UNIX)
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	return fd;
}

/*
 * Listen on @fd at @ss, connect to it from a socket bound to @client
 * ("-" for none), accept and receive what the client sent: the receive is
 * where the accepted connection's peer is checked.
 */
static int accept_one(int fd, const char *family, const char *type,
		      struct sockaddr_storage *ss, socklen_t len,
		      const char *client)
{
	struct sockaddr_storage cs;
	socklen_t clen;
	int c, a;
	char byte;

	if (bind(fd, (struct sockaddr *)ss, len) || listen(fd, 4))
		return EARLIER(errno);
	c = open_socket(family, type);
	if (c < 0)
		return 204;
	if (strcmp(client, "-")) {
		/* An inet client binds 127.0.0.1 and the port @client. */
		if (strcmp(family, "unix"))
			clen = fill_addr(&cs, family, ss->ss_family == AF_INET ?
					 "127.0.0.1" : "::1", client);
		else
			clen = fill_addr(&cs, family, client, "0");
		if (!clen || bind(c, (struct sockaddr *)&cs, clen))
			return EARLIER(errno);
	}
	if (connect(c, (struct sockaddr *)ss, len) || send(c, "x", 1, 0) != 1)
		return EARLIER(errno);
	a = accept(fd, NULL, NULL);
	if (a < 0)
		return EARLIER(errno);
	return helper_errno(recv(a, &byte, 1, 0) == 1 ? 0 : -1);
}

/*
 * The helper: "HELPER --req FAMILY TYPE OP ADDR PORT CLIENT", OP one of
 * accept (CLIENT is the address or inet port the connecting socket
 * binds, "-" for none), bind,
 * listen (after a bind), connect, send (sendto) and csend (connect on a
 * datagram socket).
 */
static int request(char **argv)
{
	const char *family = argv[2], *type = argv[3], *op = argv[4];
	struct sockaddr_storage ss;
	socklen_t len;
	int fd, err;

	umask(0);
	len = fill_addr(&ss, family, argv[5], argv[6]);
	if (!len)
		return 201;
	fd = open_socket(family, type);
	if (fd < 0)
		return 202;
	if (!strcmp(op, "bind"))
		return helper_errno(bind(fd, (struct sockaddr *)&ss, len));
	if (!strcmp(op, "listen")) {
		err = helper_errno(bind(fd, (struct sockaddr *)&ss, len));
		if (err)
			return EARLIER(err);
		return helper_errno(listen(fd, 4));
	}
	if (!strcmp(op, "accept"))
		return accept_one(fd, family, type, &ss, len, argv[7]);
	if (!strcmp(op, "connect") || !strcmp(op, "csend"))
		return helper_errno(connect(fd, (struct sockaddr *)&ss, len));
	if (!strcmp(op, "send"))
		return helper_errno(sendto(fd, "x", 1, 0,
					   (struct sockaddr *)&ss, len) < 0 ?
				    -1 : 0);
	return 203;
}

/* Runs in the helper's child before the exec: bound its life. */
static int arm_alarm(void *arg)
{
	alarm(HELPER_TIMEOUT);
	return 0;
}

/* One request, and what the policy calls it. */
struct netm_request {
	const char *family, *type, *op, *addr, *port;
	/* For accept: the address the client binds first, or "-". */
	const char *client;
	/* What policy syntax calls the request, as it is learned. */
	const char *line;
	/* Lines the earlier steps of the request need. */
	const char *needs;
	enum peer peer;
};

FIXTURE(netm) {
	int peer;
};

FIXTURE_VARIANT(netm) {
	struct netm_request req;
};

#define REQ(f, t, o, a, p, l, n, pe) .req = {				\
	.family = f, .type = t, .op = o, .addr = a, .port = p,		\
	.line = l, .needs = n, .peer = pe }
#define ACCEPT(f, t, a, p, c, l, n) .req = {				\
	.family = f, .type = t, .op = "accept", .addr = a, .port = p,	\
	.client = c, .line = l, .needs = n, .peer = NO_PEER }
#define INET(t, o, a, p, l, n, pe) REQ("inet", t, o, a, p, l, n, pe)
#define INET6(t, o, a, p, l, n, pe) REQ("inet6", t, o, a, p, l, n, pe)
#define UNIX(t, o, a, l, n, pe) REQ("unix", t, o, a, "0", l, n, pe)

FIXTURE_VARIANT_ADD(netm, inet_stream_bind) {
	INET("stream", "bind", "127.0.0.1", "47301",
	     "network inet stream bind 127.0.0.1 47301", "", NO_PEER)
};

FIXTURE_VARIANT_ADD(netm, inet_stream_bind_port_zero) {
	INET("stream", "bind", "127.0.0.1", "0",
	     "network inet stream bind 127.0.0.1 0", "", NO_PEER)
};

FIXTURE_VARIANT_ADD(netm, inet_stream_listen) {
	INET("stream", "listen", "127.0.0.1", "47302",
	     "network inet stream listen 127.0.0.1 47302",
	     "network inet stream bind 127.0.0.1 47302\n", NO_PEER)
};

FIXTURE_VARIANT_ADD(netm, inet_stream_connect) {
	INET("stream", "connect", "127.0.0.1", "47303",
	     "network inet stream connect 127.0.0.1 47303", "", STREAM_LISTENER)
};

FIXTURE_VARIANT_ADD(netm, inet_dgram_bind) {
	INET("dgram", "bind", "127.0.0.1", "47304",
	     "network inet dgram bind 127.0.0.1 47304", "", NO_PEER)
};

FIXTURE_VARIANT_ADD(netm, inet_dgram_bind_port_zero) {
	INET("dgram", "bind", "127.0.0.1", "0",
	     "network inet dgram bind 127.0.0.1 0", "", NO_PEER)
};

FIXTURE_VARIANT_ADD(netm, inet_dgram_send) {
	INET("dgram", "send", "127.0.0.1", "47305",
	     "network inet dgram send 127.0.0.1 47305", "", DGRAM_RECEIVER)
};

FIXTURE_VARIANT_ADD(netm, inet_dgram_connect_is_send) {
	INET("dgram", "csend", "127.0.0.1", "47306",
	     "network inet dgram send 127.0.0.1 47306", "", DGRAM_RECEIVER)
};

FIXTURE_VARIANT_ADD(netm, inet_raw_bind) {
	INET("raw", "bind", "127.0.0.1", "0",
	     "network inet raw bind 127.0.0.1 " RAW_PROTO, "", NO_PEER)
};

FIXTURE_VARIANT_ADD(netm, inet_raw_send) {
	INET("raw", "send", "127.0.0.1", "0",
	     "network inet raw send 127.0.0.1 " RAW_PROTO, "", NO_PEER)
};

FIXTURE_VARIANT_ADD(netm, inet6_stream_bind) {
	INET6("stream", "bind", "::1", "47311",
	      "network inet stream bind ::1 47311", "", NO_PEER)
};

FIXTURE_VARIANT_ADD(netm, inet6_stream_listen) {
	INET6("stream", "listen", "::1", "47312",
	      "network inet stream listen ::1 47312",
	      "network inet stream bind ::1 47312\n", NO_PEER)
};

FIXTURE_VARIANT_ADD(netm, inet6_stream_connect) {
	INET6("stream", "connect", "::1", "47313",
	      "network inet stream connect ::1 47313", "", STREAM_LISTENER)
};

FIXTURE_VARIANT_ADD(netm, inet6_dgram_bind) {
	INET6("dgram", "bind", "::1", "47314",
	      "network inet dgram bind ::1 47314", "", NO_PEER)
};

FIXTURE_VARIANT_ADD(netm, inet6_dgram_send) {
	INET6("dgram", "send", "::1", "47315",
	      "network inet dgram send ::1 47315", "", DGRAM_RECEIVER)
};

FIXTURE_VARIANT_ADD(netm, inet6_raw_bind) {
	INET6("raw", "bind", "::1", "0", "network inet raw bind ::1 " RAW_PROTO,
	      "", NO_PEER)
};

FIXTURE_VARIANT_ADD(netm, inet6_raw_send) {
	INET6("raw", "send", "::1", "0", "network inet raw send ::1 " RAW_PROTO,
	      "", NO_PEER)
};

FIXTURE_VARIANT_ADD(netm, unix_stream_bind_path) {
	UNIX("stream", "bind", DIR_ "/sb",
	     "network unix stream bind " DIR_ "/sb",
	     "file mksock " DIR_ "/sb 0777\n", NO_PEER)
};

FIXTURE_VARIANT_ADD(netm, unix_stream_bind_abstract) {
	UNIX("stream", "bind", "@wm-sb", "network unix stream bind \\000wm-sb",
	     "", NO_PEER)
};

FIXTURE_VARIANT_ADD(netm, unix_stream_bind_anonymous) {
	UNIX("stream", "bind", "-", "network unix stream bind anonymous", "",
	     NO_PEER)
};

FIXTURE_VARIANT_ADD(netm, unix_stream_listen) {
	UNIX("stream", "listen", DIR_ "/sl",
	     "network unix stream listen " DIR_ "/sl",
	     "file mksock " DIR_ "/sl 0777\n"
	     "network unix stream bind " DIR_ "/sl\n",
	     NO_PEER)
};

FIXTURE_VARIANT_ADD(netm, unix_stream_listen_abstract) {
	UNIX("stream", "listen", "@wm-sl",
	     "network unix stream listen \\000wm-sl",
	     "network unix stream bind \\000wm-sl\n", NO_PEER)
};

FIXTURE_VARIANT_ADD(netm, unix_stream_connect) {
	UNIX("stream", "connect", DIR_ "/sc",
	     "network unix stream connect " DIR_ "/sc", "", STREAM_LISTENER)
};

FIXTURE_VARIANT_ADD(netm, unix_stream_connect_abstract) {
	UNIX("stream", "connect", "@wm-sc",
	     "network unix stream connect \\000wm-sc", "", STREAM_LISTENER)
};

FIXTURE_VARIANT_ADD(netm, unix_dgram_bind_path) {
	UNIX("dgram", "bind", DIR_ "/db", "network unix dgram bind " DIR_ "/db",
	     "file mksock " DIR_ "/db 0777\n", NO_PEER)
};

FIXTURE_VARIANT_ADD(netm, unix_dgram_bind_anonymous) {
	UNIX("dgram", "bind", "-", "network unix dgram bind anonymous", "",
	     NO_PEER)
};

FIXTURE_VARIANT_ADD(netm, unix_dgram_send) {
	UNIX("dgram", "send", DIR_ "/ds", "network unix dgram send " DIR_ "/ds",
	     "", DGRAM_RECEIVER)
};

FIXTURE_VARIANT_ADD(netm, unix_dgram_send_abstract) {
	UNIX("dgram", "send", "@wm-ds", "network unix dgram send \\000wm-ds",
	     "", DGRAM_RECEIVER)
};

FIXTURE_VARIANT_ADD(netm, unix_dgram_connect_is_send) {
	UNIX("dgram", "csend", DIR_ "/dc",
	     "network unix dgram send " DIR_ "/dc", "", DGRAM_RECEIVER)
};

FIXTURE_VARIANT_ADD(netm, unix_seqpacket_bind_path) {
	UNIX("seqpacket", "bind", DIR_ "/qb",
	     "network unix seqpacket bind " DIR_ "/qb",
	     "file mksock " DIR_ "/qb 0777\n", NO_PEER)
};

FIXTURE_VARIANT_ADD(netm, unix_seqpacket_bind_anonymous) {
	UNIX("seqpacket", "bind", "-", "network unix seqpacket bind anonymous",
	     "", NO_PEER)
};

FIXTURE_VARIANT_ADD(netm, unix_seqpacket_listen) {
	UNIX("seqpacket", "listen", DIR_ "/ql",
	     "network unix seqpacket listen " DIR_ "/ql",
	     "file mksock " DIR_ "/ql 0777\n"
	     "network unix seqpacket bind " DIR_ "/ql\n",
	     NO_PEER)
};

FIXTURE_VARIANT_ADD(netm, unix_seqpacket_connect) {
	UNIX("seqpacket", "connect", DIR_ "/qc",
	     "network unix seqpacket connect " DIR_ "/qc", "", STREAM_LISTENER)
};

FIXTURE_VARIANT_ADD(netm, unix_seqpacket_connect_abstract) {
	UNIX("seqpacket", "connect", "@wm-qc",
	     "network unix seqpacket connect \\000wm-qc", "", STREAM_LISTENER)
};

FIXTURE_VARIANT_ADD(netm, inet_stream_accept) {
	ACCEPT("inet", "stream", "127.0.0.1", "47321", "47322",
	       "network inet stream accept 127.0.0.1 47322",
	       "network inet stream bind/listen 127.0.0.1 47321\n"
	       "network inet stream bind 127.0.0.1 47322\n"
	       "network inet stream connect 127.0.0.1 47321\n")
};

FIXTURE_VARIANT_ADD(netm, inet6_stream_accept) {
	ACCEPT("inet6", "stream", "::1", "47323", "47324",
	       "network inet stream accept ::1 47324",
	       "network inet stream bind/listen ::1 47323\n"
	       "network inet stream bind ::1 47324\n"
	       "network inet stream connect ::1 47323\n")
};

FIXTURE_VARIANT_ADD(netm, unix_stream_accept_anonymous) {
	ACCEPT("unix", "stream", DIR_ "/sa", "0", "-",
	       "network unix stream accept anonymous",
	       "file mksock " DIR_ "/sa 0777\n"
	       "network unix stream bind/listen/connect " DIR_ "/sa\n")
};

FIXTURE_VARIANT_ADD(netm, unix_seqpacket_accept_abstract) {
	ACCEPT("unix", "seqpacket", "@wm-qa", "0", "@wm-qac",
	       "network unix seqpacket accept \\000wm-qac",
	       "network unix seqpacket bind/listen/connect \\000wm-qa\n"
	       "network unix seqpacket bind \\000wm-qac\n")
};

/* The peer the test sets up at the variant's address, or -1. */
static int open_peer(const struct netm_request *v)
{
	struct sockaddr_storage ss;
	const char *type = v->type;
	socklen_t len;
	int fd;

	if (v->peer == NO_PEER)
		return -1;
	if (!strcmp(type, "raw"))
		type = "dgram";
	len = fill_addr(&ss, v->family, v->addr, v->port);
	fd = open_socket(v->family, type);
	if (fd < 0 || !len || bind(fd, (struct sockaddr *)&ss, len) ||
	    (v->peer == STREAM_LISTENER && listen(fd, 16)))
		return -2;
	return fd;
}

/* Run the variant's request in the helper's domain. */
static int run_request(const struct netm_request *v)
{
	char *const argv[] = { "warden-netm", "--req", (char *)v->family,
			       (char *)v->type, (char *)v->op,
			       (char *)v->addr, (char *)v->port,
			       (char *)(v->client ?: "-"), NULL };

	return run_program(HELPER, argv, arm_alarm, NULL, NULL, 0);
}

/*
 * Put the helper's domain in @profile with the variant's earlier steps
 * and, if @with_line, the variant's line.
 */
static int load_variant(const struct netm_request *v, int profile,
			bool with_line)
{
	static const char *const modes[] = { "learning", "permissive",
					     "enforcing" };
	static const char *const accepts[] = { "inet_stream", "unix_stream",
					       "unix_seqpacket" };
	char domains[4096], profiles[2048];
	size_t len = 0;
	int p, i;

	/*
	 * Profile 2 logs rejections, and profiles 1 to 3 name the accept
	 * checks, which a profile must do to enable them.
	 */
	len += snprintf(profiles, sizeof(profiles),
			"2-CONFIG={ mode=permissive grant_log=no reject_log=yes }\n");
	for (p = 1; p <= 3; p++)
		for (i = 0; i < 3; i++)
			len += snprintf(profiles + len, sizeof(profiles) - len,
					"%d-CONFIG::network::%s_accept={ mode=%s grant_log=no reject_log=yes }\n",
					p, accepts[i], modes[p - 1]);
	snprintf(domains, sizeof(domains),
		 HELPER_DOMAIN "\nuse_profile %d\n" HELPER_BASE "%s%s%s",
		 profile, v->needs, with_line ? v->line : "",
		 with_line ? "\n" : "");
	return load_test_policy(profiles,
				"initialize_domain " HELPER " from any\n",
				domains);
}

/*
 * Whether the helper's domain grants @line, "network F T OP ARGS": a
 * learned operation joins the others on the same address
 * ("network inet stream bind/listen 127.0.0.1 80").
 */
static bool domain_grants(const char *line)
{
	char *block = domain_policy_block(HELPER_DOMAIN), *cursor, *l;
	const char *op = line, *args;
	size_t op_len, prefix_len;
	bool found = false;
	int i;

	for (i = 0; i < 3 && op; i++) {
		op = strchr(op, ' ');
		if (op)
			op++;
	}
	args = op ? strchr(op, ' ') : NULL;
	if (!block || !args) {
		free(block);
		return false;
	}
	op_len = args - op;
	prefix_len = op - line;
	cursor = block;
	while (!found && (l = strsep(&cursor, "\n"))) {
		char *ops = l + prefix_len, *rest, *word;

		if (strncmp(l, line, prefix_len))
			continue;
		rest = strchr(ops, ' ');
		if (!rest || strcmp(rest, args))
			continue;
		*rest = '\0';
		while (!found && (word = strsep(&ops, "/")))
			found = strlen(word) == op_len &&
				!strncmp(word, op, op_len);
	}
	free(block);
	return found;
}

/*
 * Whether one of the records waiting on @fd names the helper's domain and
 * ends with the line @line.
 */
static bool audit_has_line(int fd, const char *line)
{
	static char rec[RECORD_SIZE];
	bool found = false;
	ssize_t n;

	while ((n = read(fd, rec, sizeof(rec) - 1)) > 0) {
		char *last;

		rec[n] = '\0';
		while (n > 0 && (rec[n - 1] == '\0' || rec[n - 1] == '\n'))
			rec[--n] = '\0';
		last = strrchr(rec, '\n');
		if (last && !strcmp(last + 1, line) &&
		    strstr(rec, "\n" HELPER_DOMAIN "\n"))
			found = true;
	}
	return found;
}

FIXTURE_SETUP(netm)
{
	self->peer = -1;
	if (!warden_is_enabled() || access(WARDEN_DIR, F_OK))
		SKIP(return, "warden is not active: no " WARDEN_DIR);
	remove_tree(DIR_);
	ASSERT_EQ(0, mkdir(DIR_, 0777));
	ASSERT_EQ(0, chmod(DIR_, 0777));
	ASSERT_EQ(0, copy_file("/proc/self/exe", HELPER, 0755));
	self->peer = open_peer(&variant->req);
	ASSERT_NE(-2, self->peer) TH_LOG("peer at %s: %s", variant->req.addr,
					 strerror(errno));
}

FIXTURE_TEARDOWN(netm)
{
	if (self->peer >= 0)
		close(self->peer);
	if (!warden_is_enabled() || access(WARDEN_DIR, F_OK))
		return;
	EXPECT_EQ(0, load_neutral_policy());
	remove_tree(DIR_);
	unlink(HELPER);
}

TEST_F(netm, allowed_in_enforcing_with_its_line)
{
	ASSERT_EQ(0, load_variant(&variant->req, 3, true));
	EXPECT_EQ(0, run_request(&variant->req));
}

TEST_F(netm, denied_in_enforcing_without_its_line)
{
	long before;

	ASSERT_EQ(0, load_variant(&variant->req, 3, false));
	before = stat_counter(STAT_ENFORCING);
	EXPECT_EQ(EPERM, run_request(&variant->req));
	EXPECT_EQ(before + 1, stat_counter(STAT_ENFORCING));
}

TEST_F(netm, permissive_allows_logs_the_line_and_learns_nothing)
{
	long before;
	int fd;

	ASSERT_EQ(0, load_variant(&variant->req, 2, false));
	ASSERT_LE(0, audit_drain());
	fd = open(AUDIT_FILE, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	ASSERT_LE(0, fd);
	before = stat_counter(STAT_PERMISSIVE);
	EXPECT_EQ(0, run_request(&variant->req));
	EXPECT_EQ(before + 1, stat_counter(STAT_PERMISSIVE));
	EXPECT_FALSE(domain_grants(variant->req.line));
	EXPECT_TRUE(audit_has_line(fd, variant->req.line));
	close(fd);
}

TEST_F(netm, learned_in_learning)
{
	ASSERT_EQ(0, load_variant(&variant->req, 1, false));
	EXPECT_FALSE(domain_grants(variant->req.line));
	EXPECT_EQ(0, run_request(&variant->req));
	EXPECT_TRUE(domain_grants(variant->req.line));
}

int main(int argc, char **argv)
{
	if (argc == 8 && !strcmp(argv[1], "--req"))
		return request(argv);
	return test_harness_run(argc, argv);
}
