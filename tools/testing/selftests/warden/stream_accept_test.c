// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - "network inet stream accept", Warden's extension.
 *
 * A server in its own domain accepts a connection from 127.0.0.1 and
 * reads from it.  With an accept entry that covers the peer, the read
 * works; with one that does not, it fails with EPERM in enforcing mode
 * and the violation is counted; learning adds the peer's line.  A profile
 * that enforces the whole network category but does not name accept
 * leaves accepted connections alone, as TOMOYO 2.6 policies expect.
 */

#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../kselftest_harness.h"
#include "enforce_common.h"

#define PORT 47123
/*
 * The server runs as this program under another name, so that its
 * domain is not the one the test itself runs in.
 */
#define SERVER "/tmp/warden-accept-server"
#define SERVE_BROKEN 200

/*
 * The server: bind, listen, tell the parent it is ready, accept one
 * connection and read one byte.  Exits with 0, the errno that failed, or
 * SERVE_BROKEN when a read or write went short without one.
 */
static int serve(void)
{
	struct sockaddr_in addr = {
		.sin_family = AF_INET,
		.sin_port = htons(PORT),
		.sin_addr.s_addr = htonl(INADDR_LOOPBACK),
	};
	int one = 1, fd, conn;
	char c;

	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0)
		return errno;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) ||
	    listen(fd, 1))
		return errno;
	if (write(STDOUT_FILENO, "r", 1) != 1)
		return SERVE_BROKEN;
	close(STDOUT_FILENO);
	conn = accept(fd, NULL, NULL);
	if (conn < 0)
		return errno;
	if (read(conn, &c, 1) != 1)
		return errno ? errno : SERVE_BROKEN;
	return 0;
}

/* Start the server in its domain, connect and send; its exit status. */
static int run_server(void)
{
	struct sockaddr_in addr = {
		.sin_family = AF_INET,
		.sin_port = htons(PORT),
		.sin_addr.s_addr = htonl(INADDR_LOOPBACK),
	};
	int pipefd[2], status, fd;
	pid_t pid;
	char c;

	if (pipe(pipefd))
		return -1;
	pid = fork();
	if (pid < 0)
		return -1;
	if (!pid) {
		char *const argv[] = { "stream_accept_test", "--serve", NULL };

		dup2(pipefd[1], STDOUT_FILENO);
		close(pipefd[0]);
		execv(SERVER, argv);
		_exit(127);
	}
	close(pipefd[1]);
	if (read(pipefd[0], &c, 1) == 1) {
		fd = socket(AF_INET, SOCK_STREAM, 0);
		if (fd >= 0 && !connect(fd, (struct sockaddr *)&addr, sizeof(addr)))
			write(fd, "x", 1);
		if (fd >= 0)
			close(fd);
	}
	close(pipefd[0]);
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/* The server's domain, in profile 6, with @acl besides bind and listen. */
static int load_server_policy(const char *profiles, const char *acl)
{
	char domains[512];

	snprintf(domains, sizeof(domains),
		 "<kernel> " SERVER "\nuse_profile 6\n\n"
		 "network inet stream bind/listen 127.0.0.1 %d\n%s\n\n",
		 PORT, acl);
	return load_test_policy(profiles,
				"initialize_domain " SERVER " from any\n",
				domains);
}

#define ACCEPT_ENFORCING \
	"6-CONFIG={ mode=disabled grant_log=no reject_log=no }\n" \
	"6-CONFIG::network::inet_stream_accept={ mode=enforcing grant_log=no reject_log=no }\n"

FIXTURE(accept) {};

FIXTURE_SETUP(accept)
{
	char exe[PATH_MAX];
	ssize_t len;

	if (!warden_is_enabled())
		SKIP(return, "warden is not in " LSM_LIST_FILE);
	len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	ASSERT_LT(0, len);
	exe[len] = '\0';
	unlink(SERVER);
	ASSERT_EQ(0, symlink(exe, SERVER));
}

FIXTURE_TEARDOWN(accept)
{
	if (!warden_is_enabled())
		return;
	EXPECT_EQ(0, load_neutral_policy());
	unlink(SERVER);
}

TEST_F(accept, peer_covered_by_accept_entry_is_served)
{
	long before = stat_counter(STAT_ENFORCING);

	ASSERT_EQ(0, load_server_policy(ACCEPT_ENFORCING,
					"network inet stream accept 127.0.0.1 1024-65535"));
	EXPECT_EQ(0, run_server());
	EXPECT_EQ(before, stat_counter(STAT_ENFORCING));
}

TEST_F(accept, peer_not_covered_is_refused_in_enforcing)
{
	long before = stat_counter(STAT_ENFORCING);

	ASSERT_EQ(0, load_server_policy(ACCEPT_ENFORCING,
					"network inet stream accept 127.0.0.2 0-65535"));
	EXPECT_EQ(EPERM, run_server());
	EXPECT_EQ(before + 1, stat_counter(STAT_ENFORCING));
}

TEST_F(accept, learning_adds_the_peer)
{
	char *block;

	ASSERT_EQ(0, load_server_policy("6-CONFIG={ mode=disabled grant_log=no reject_log=no }\n"
					"6-CONFIG::network::inet_stream_accept={ mode=learning grant_log=no reject_log=no }\n",
					""));
	EXPECT_EQ(0, run_server());
	block = domain_policy_block("<kernel> " SERVER);
	ASSERT_NE(NULL, block);
	EXPECT_NE(NULL, strstr(block, "\nnetwork inet stream accept 127.0.0.1 "));
	free(block);
}

TEST_F(accept, network_category_alone_does_not_enable_accept)
{
	long before = stat_counter(STAT_ENFORCING);

	/* Bind and listen are enforced and allowed; accept is not named. */
	ASSERT_EQ(0, load_server_policy("6-CONFIG={ mode=disabled grant_log=no reject_log=no }\n"
					"6-CONFIG::network={ mode=enforcing grant_log=no reject_log=no }\n",
					""));
	EXPECT_EQ(0, run_server());
	EXPECT_EQ(before, stat_counter(STAT_ENFORCING));
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "--serve"))
		return serve();
	return test_harness_run(argc, argv);
}
