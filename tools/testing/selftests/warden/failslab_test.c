// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - no allocation failure changes a decision.
 *
 * An agent program runs in an enforcing domain whose policy covers a mix
 * of requests: file open/create/unlink/rename with and without
 * conditions and groups, inet and unix bind/connect/send with ranges and
 * groups, "misc env", and exec with every transition control and an
 * aggregator.  Each request is made once without injection, then again
 * with /proc/thread-self/fail-nth set to 1, 2, 3, ... so that the n-th
 * allocation made under Warden's code fails (failslab, sleeping
 * allocations included, the stack-trace filter set to Warden's text),
 * until the request makes fewer than n of them.  Every answer must be the
 * one given without injection, or ENOMEM from an allocation the request
 * needs besides its decision: an allowed request is never refused, a
 * refused one never allowed, an exec never lands in another domain.
 */

#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/lsm.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../kselftest_harness.h"
#include "enforce_common.h"

#define FS_DIR "/tmp/wfs"
#define AGENT FS_DIR "/agent"
#define DEBUGFS "/sys/kernel/debug"
#define FAILSLAB DEBUGFS "/failslab"
#define FAIL_NTH "/proc/thread-self/fail-nth"
/* The descriptor of the agent's own fail-nth file. */
#define FAIL_FD 3
/* More injection points than any request here makes means a runaway. */
#define MAX_POINTS 400

/* The agent's policy; %1$s is the agent's domain. */
static const char exception_policy[] =
	"path_group WFS_DATA " FS_DIR "/data/grp-\\*\n"
	"path_group WFS_REAL " FS_DIR "/real-target\n"
	"number_group WFS_MODES 0600-0644\n"
	"number_group WFS_PORTS 20000-20010\n"
	"number_group WFS_UIDS 0\n"
	"number_group WFS_NOUIDS 1000-2000\n"
	"address_group WFS_LOCAL 127.0.0.1\n"
	"initialize_domain " FS_DIR "/init-target from any\n"
	"initialize_domain " FS_DIR "/noinit-target from any\n"
	"no_initialize_domain " FS_DIR "/noinit-target from " AGENT "\n"
	"keep_domain " FS_DIR "/keep-\\* from " AGENT "\n"
	"keep_domain " FS_DIR "/nokeep-\\* from " AGENT "\n"
	"no_keep_domain " FS_DIR "/nokeep-target from any\n"
	"reset_domain " FS_DIR "/reset-target\n"
	"reset_domain " FS_DIR "/noreset-target\n"
	"no_reset_domain " FS_DIR "/noreset-target from " AGENT "\n"
	"aggregator " FS_DIR "/agg-\\* " FS_DIR "/aggregated\n";

static const char agent_policy[] =
	"%1$s\nuse_profile 3\n"
	"file read " FS_DIR "/data/plain\n"
	"file read @WFS_DATA\n"
	"file read " FS_DIR "/data/uid task.uid=0\n"
	"file read " FS_DIR "/data/uid1 task.uid=1\n"
	"file read " FS_DIR "/data/typed path1.type=file\n"
	"file read " FS_DIR "/data/typed2 path1.type=directory\n"
	"file write " FS_DIR "/data/w path1.uid=@WFS_UIDS\n"
	"file read " FS_DIR "/data/nouid path1.uid=@WFS_NOUIDS\n"
	"file create " FS_DIR "/new/\\* @WFS_MODES\n"
	"file write " FS_DIR "/new/\\*\n"
	"file unlink " FS_DIR "/new/\\*\n"
	"file rename " FS_DIR "/new/a " FS_DIR "/new/b\n"
	"file mksock " FS_DIR "/sock-\\* 0777\n"
	"file mksock " FS_DIR "/dsock 0777\n"
	"file unlink " FS_DIR "/sock-\\*\n"
	"file execute " FS_DIR "/child-target\n"
	"file execute " FS_DIR "/init-target\n"
	"file execute " FS_DIR "/noinit-target\n"
	"file execute " FS_DIR "/keep-target\n"
	"file execute " FS_DIR "/keep-envcond exec.envp[\"WFS_OK\"]=\"1\"\n"
	"file execute " FS_DIR "/nokeep-target\n"
	"file execute " FS_DIR "/nokeep-other\n"
	"file execute " FS_DIR "/reset-target\n"
	"file execute " FS_DIR "/noreset-target\n"
	"file execute " FS_DIR "/aggregated\n"
	"file execute " FS_DIR "/cond-target exec.argv[1]=\"yes\"\n"
	"file execute " FS_DIR "/real-link exec.realpath=@WFS_REAL\n"
	"file execute " FS_DIR "/parent-target parent\n"
	"network inet stream bind @WFS_LOCAL @WFS_PORTS\n"
	"network inet stream bind 127.0.0.2-127.0.0.9 20100-20110\n"
	"network inet stream bind 127.0.0.1 20200\n"
	"network inet stream listen 127.0.0.1 20200\n"
	"network inet stream connect 127.0.0.1 20200\n"
	"network inet dgram send @WFS_LOCAL 20005\n"
	"network inet stream bind ::1 20300\n"
	"network unix stream bind " FS_DIR "/sock-ok\n"
	"network unix dgram bind " FS_DIR "/dsock\n"
	"network unix dgram send " FS_DIR "/dsock\n"
	"misc env WFS_OK\n\n";

/* What a request came to: 0 or an errno. */
struct request {
	const char *name;
	int (*setup)(void);
	int (*op)(void);
	void (*cleanup)(void);
	int expected;
};

/* The agent's long-lived sockets: a listener and a unix receiver. */
static int listener = -1, receiver = -1, sock = -1;

static int ret(int rc)
{
	return rc < 0 ? errno : 0;
}

static int open_close(const char *path, int flags, mode_t mode)
{
	int fd = open(path, flags | O_CLOEXEC, mode);

	if (fd < 0)
		return errno;
	close(fd);
	return 0;
}

static int op_read_plain(void)
{
	return open_close(FS_DIR "/data/plain", O_RDONLY, 0);
}

static int op_read_secret(void)
{
	return open_close(FS_DIR "/data/secret", O_RDONLY, 0);
}

static int op_read_group(void)
{
	return open_close(FS_DIR "/data/grp-1", O_RDONLY, 0);
}

static int op_read_uid(void)
{
	return open_close(FS_DIR "/data/uid", O_RDONLY, 0);
}

static int op_read_uid1(void)
{
	return open_close(FS_DIR "/data/uid1", O_RDONLY, 0);
}

static int op_read_typed(void)
{
	return open_close(FS_DIR "/data/typed", O_RDONLY, 0);
}

static int op_read_typed2(void)
{
	return open_close(FS_DIR "/data/typed2", O_RDONLY, 0);
}

static int op_write_uids(void)
{
	return open_close(FS_DIR "/data/w", O_WRONLY, 0);
}

static int op_read_nouids(void)
{
	return open_close(FS_DIR "/data/nouid", O_RDONLY, 0);
}

static int op_create_0600(void)
{
	return open_close(FS_DIR "/new/c", O_WRONLY | O_CREAT | O_EXCL, 0600);
}

static int op_create_0700(void)
{
	return open_close(FS_DIR "/new/c", O_WRONLY | O_CREAT | O_EXCL, 0700);
}

static void clean_new(void)
{
	unlink(FS_DIR "/new/a");
	unlink(FS_DIR "/new/b");
	unlink(FS_DIR "/new/c");
	unlink(FS_DIR "/new/u");
}

static int setup_new_a(void)
{
	return open_close(FS_DIR "/new/a", O_WRONLY | O_CREAT | O_EXCL, 0600);
}

static int setup_new_u(void)
{
	return open_close(FS_DIR "/new/u", O_WRONLY | O_CREAT | O_EXCL, 0600);
}

static int op_unlink_new(void)
{
	return ret(unlink(FS_DIR "/new/u"));
}

static int op_unlink_data(void)
{
	return ret(unlink(FS_DIR "/data/plain"));
}

static int op_rename_ab(void)
{
	return ret(rename(FS_DIR "/new/a", FS_DIR "/new/b"));
}

static int op_rename_ac(void)
{
	return ret(rename(FS_DIR "/new/a", FS_DIR "/new/c"));
}

static int new_socket(int family, int type)
{
	sock = socket(family, type | SOCK_CLOEXEC, 0);
	return sock < 0 ? errno : 0;
}

static int setup_inet_stream(void)
{
	return new_socket(AF_INET, SOCK_STREAM);
}

static int setup_inet_dgram(void)
{
	return new_socket(AF_INET, SOCK_DGRAM);
}

static int setup_inet6_stream(void)
{
	return new_socket(AF_INET6, SOCK_STREAM);
}

static int setup_unix_stream(void)
{
	return new_socket(AF_UNIX, SOCK_STREAM);
}

static int setup_unix_dgram(void)
{
	return new_socket(AF_UNIX, SOCK_DGRAM);
}

static void close_socket(void)
{
	char buf[64];
	int peer;

	if (sock >= 0)
		close(sock);
	sock = -1;
	unlink(FS_DIR "/sock-ok");
	while ((peer = accept(listener, NULL, NULL)) >= 0)
		close(peer);
	while (recv(receiver, buf, sizeof(buf), MSG_DONTWAIT) >= 0)
		;
}

static struct sockaddr_in inet_addr4(const char *ip, int port)
{
	struct sockaddr_in a = { .sin_family = AF_INET,
				 .sin_port = htons(port) };

	inet_pton(AF_INET, ip, &a.sin_addr);
	return a;
}

static struct sockaddr_un unix_addr(const char *path)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };

	snprintf(a.sun_path, sizeof(a.sun_path), "%s", path);
	return a;
}

static int inet_bind(const char *ip, int port)
{
	struct sockaddr_in a = inet_addr4(ip, port);

	return ret(bind(sock, (void *)&a, sizeof(a)));
}

static int inet_connect(int port)
{
	struct sockaddr_in a = inet_addr4("127.0.0.1", port);

	return ret(connect(sock, (void *)&a, sizeof(a)));
}

static int inet_send(int port)
{
	struct sockaddr_in a = inet_addr4("127.0.0.1", port);

	return sendto(sock, "x", 1, 0, (void *)&a, sizeof(a)) < 0 ? errno : 0;
}

static int op_bind_group(void)
{
	return inet_bind("127.0.0.1", 20001);
}

static int op_bind_outside(void)
{
	return inet_bind("127.0.0.1", 20050);
}

static int op_bind_range(void)
{
	return inet_bind("127.0.0.3", 20105);
}

static int op_connect(void)
{
	return inet_connect(20200);
}

static int op_connect_denied(void)
{
	return inet_connect(20201);
}

static int op_send(void)
{
	return inet_send(20005);
}

static int op_send_denied(void)
{
	return inet_send(20099);
}

static int op_bind6(int port)
{
	struct sockaddr_in6 a = { .sin6_family = AF_INET6,
				  .sin6_port = htons(port),
				  .sin6_addr = IN6ADDR_LOOPBACK_INIT };

	return ret(bind(sock, (void *)&a, sizeof(a)));
}

static int op_bind6_ok(void)
{
	return op_bind6(20300);
}

static int op_bind6_denied(void)
{
	return op_bind6(20301);
}

static int op_unix_bind(const char *path)
{
	struct sockaddr_un a = unix_addr(path);

	return ret(bind(sock, (void *)&a, sizeof(a)));
}

static int op_unix_bind_ok(void)
{
	return op_unix_bind(FS_DIR "/sock-ok");
}

static int op_unix_bind_denied(void)
{
	return op_unix_bind(FS_DIR "/sock-bad");
}

static int op_unix_send(const char *path)
{
	struct sockaddr_un a = unix_addr(path);

	return sendto(sock, "x", 1, 0, (void *)&a, sizeof(a)) < 0 ? errno : 0;
}

static int op_unix_send_ok(void)
{
	return op_unix_send(FS_DIR "/dsock");
}

static int op_unix_send_denied(void)
{
	return op_unix_send(FS_DIR "/dsock2");
}

static const struct request requests[] = {
	{ "file read", NULL, op_read_plain, NULL, 0 },
	{ "file read, no entry", NULL, op_read_secret, NULL, EPERM },
	{ "file read @path_group", NULL, op_read_group, NULL, 0 },
	{ "file read task.uid=0", NULL, op_read_uid, NULL, 0 },
	{ "file read task.uid=1", NULL, op_read_uid1, NULL, EPERM },
	{ "file read path1.type=file", NULL, op_read_typed, NULL, 0 },
	{ "file read path1.type=directory", NULL, op_read_typed2, NULL, EPERM },
	{ "file write path1.uid=@number_group", NULL, op_write_uids, NULL, 0 },
	{ "file read path1.uid=@number_group, outside", NULL, op_read_nouids,
	  NULL, EPERM },
	{ "file create @number_group", NULL, op_create_0600, clean_new, 0 },
	{ "file create, mode outside", NULL, op_create_0700, clean_new, EPERM },
	{ "file unlink", setup_new_u, op_unlink_new, clean_new, 0 },
	{ "file unlink, no entry", NULL, op_unlink_data, NULL, EPERM },
	{ "file rename", setup_new_a, op_rename_ab, clean_new, 0 },
	{ "file rename, no entry", setup_new_a, op_rename_ac, clean_new, EPERM },
	{ "inet bind @address_group @number_group", setup_inet_stream,
	  op_bind_group, close_socket, 0 },
	{ "inet bind, port outside", setup_inet_stream, op_bind_outside,
	  close_socket, EPERM },
	{ "inet bind, address and port ranges", setup_inet_stream,
	  op_bind_range, close_socket, 0 },
	{ "inet connect", setup_inet_stream, op_connect, close_socket, 0 },
	{ "inet connect, no entry", setup_inet_stream, op_connect_denied,
	  close_socket, EPERM },
	{ "inet send", setup_inet_dgram, op_send, close_socket, 0 },
	{ "inet send, no entry", setup_inet_dgram, op_send_denied,
	  close_socket, EPERM },
	{ "inet6 bind", setup_inet6_stream, op_bind6_ok, close_socket, 0 },
	{ "inet6 bind, no entry", setup_inet6_stream, op_bind6_denied,
	  close_socket, EPERM },
	{ "unix bind", setup_unix_stream, op_unix_bind_ok, close_socket, 0 },
	{ "unix bind, no entry", setup_unix_stream, op_unix_bind_denied,
	  close_socket, EPERM },
	{ "unix send", setup_unix_dgram, op_unix_send_ok, close_socket, 0 },
	{ "unix send, no entry", setup_unix_dgram, op_unix_send_denied,
	  close_socket, EPERM },
};

/* An exec from the agent's domain, and where it lands. */
struct exec_request {
	const char *name;
	const char *program;
	const char *arg;
	const char *env;
	/* The domain: "=" the agent's, "+" a child of it, or a domainname. */
	const char *domain;
	int expected;
};

static const struct exec_request exec_requests[] = {
	{ "exec: child", FS_DIR "/child-target", NULL, NULL,
	  "+" FS_DIR "/child-target", 0 },
	{ "exec: no entry", FS_DIR "/denied-target", NULL, NULL, NULL, EPERM },
	{ "exec: initialize_domain", FS_DIR "/init-target", NULL, NULL,
	  "<kernel> " FS_DIR "/init-target", 0 },
	{ "exec: no_initialize_domain", FS_DIR "/noinit-target", NULL, NULL,
	  "+" FS_DIR "/noinit-target", 0 },
	{ "exec: keep_domain", FS_DIR "/keep-target", NULL, NULL, "=", 0 },
	{ "exec: no_keep_domain", FS_DIR "/nokeep-target", NULL, NULL,
	  "+" FS_DIR "/nokeep-target", 0 },
	{ "exec: keep_domain pattern", FS_DIR "/nokeep-other", NULL, NULL, "=",
	  0 },
	{ "exec: reset_domain", FS_DIR "/reset-target", NULL, NULL,
	  "<" FS_DIR "/reset-target>", 0 },
	{ "exec: no_reset_domain", FS_DIR "/noreset-target", NULL, NULL,
	  "+" FS_DIR "/noreset-target", 0 },
	{ "exec: aggregator", FS_DIR "/agg-1", NULL, NULL,
	  "+" FS_DIR "/aggregated", 0 },
	{ "exec: exec.argv[1] met", FS_DIR "/cond-target", "yes", NULL,
	  "+" FS_DIR "/cond-target", 0 },
	{ "exec: exec.argv[1] not met", FS_DIR "/cond-target", "no", NULL,
	  NULL, EPERM },
	{ "exec: exec.realpath=@path_group", FS_DIR "/real-link", NULL, NULL,
	  "+" FS_DIR "/real-link", 0 },
	{ "exec: parent preference", FS_DIR "/parent-target", NULL, NULL,
	  "-", 0 },
	{ "exec: misc env", FS_DIR "/keep-target", NULL, "WFS_OK=1", "=", 0 },
	{ "exec: misc env, no entry", FS_DIR "/keep-target", NULL,
	  "WFS_BAD=1", NULL, EPERM },
	{ "exec: exec.envp met", FS_DIR "/keep-envcond", NULL, "WFS_OK=1", "=",
	  0 },
	{ "exec: exec.envp not met", FS_DIR "/keep-envcond", NULL, "WFS_OK=2",
	  NULL, EPERM },
};

/* Arm fail-nth; the write itself allocates nothing. */
static void arm(unsigned int n)
{
	char num[16];
	int len = snprintf(num, sizeof(num), "%u", n);

	if (write(FAIL_FD, num, len) != len)
		_exit(90);
}

/* Disarm fail-nth; whether the fault was injected, from what was left. */
static bool disarm(void)
{
	char num[16] = "";
	ssize_t len = pread(FAIL_FD, num, sizeof(num) - 1, 0);

	if (len <= 0)
		_exit(91);
	arm(0);
	return atoi(num) == 0;
}

/*
 * Agent, "--run": make every request without injection, then with the
 * n-th allocation under Warden failing for n = 1, 2, ... while it still
 * fails one.  Prints "R <points> <enomem> <changed> <name>" per request,
 * "C <n> <errno> <expected errno> <name>" per changed decision.
 */
static int agent_run(void)
{
	struct sockaddr_in a = inet_addr4("127.0.0.1", 20200);
	struct sockaddr_un u = unix_addr(FS_DIR "/dsock");
	size_t i;

	umask(0);
	listener = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK,
			  0);
	if (listener < 0 || bind(listener, (void *)&a, sizeof(a)) ||
	    listen(listener, 64))
		return 80;
	receiver = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	unlink(u.sun_path);
	if (receiver < 0 || bind(receiver, (void *)&u, sizeof(u)))
		return 81;
	for (i = 0; i < ARRAY_SIZE(requests); i++) {
		const struct request *r = &requests[i];
		unsigned int n, enomem = 0, changed = 0;
		int base, got;
		bool injected = true;

		if (r->setup && r->setup())
			return 82;
		base = r->op();
		if (r->cleanup)
			r->cleanup();
		if (base != r->expected)
			printf("C 0 %d %d %s\n", base, r->expected, r->name);
		for (n = 1; injected && n <= MAX_POINTS; n++) {
			if (r->setup && r->setup())
				return 83;
			arm(n);
			got = r->op();
			injected = disarm();
			if (r->cleanup)
				r->cleanup();
			if (got == base)
				continue;
			if (got == ENOMEM) {
				enomem++;
				continue;
			}
			changed++;
			printf("C %u %d %d %s\n", n, got, base, r->name);
		}
		printf("R %u %u %u %s\n", n - 2, enomem,
		       changed + (n > MAX_POINTS), r->name);
		fflush(stdout);
	}
	return 0;
}

/*
 * Agent, "--exec <i> <n>": arm fail-nth with n (0: none), exec the
 * request; if the exec fails print "E <errno> <injected>".
 */
static int agent_exec(int i, unsigned int n)
{
	const struct exec_request *r = &exec_requests[i];
	/* The argument, if any, is argv[1], as the conditions count. */
	char *argv[4] = { (char *)r->program, (char *)r->arg ?: "--report",
			  "--report" };
	char *envp[2] = { (char *)r->env };
	int err;

	if (n)
		arm(n);
	execve(r->program, argv, envp);
	err = errno;
	printf("E %d %d\n", err, n ? disarm() : 0);
	return 0;
}

/* Target, "--report": "D <injected> <domain>". */
static int target_report(void)
{
	union {
		struct lsm_ctx ctx;
		char bytes[8192];
	} u;
	__u32 size = sizeof(u);
	char *cursor = u.bytes;
	bool injected = disarm();
	int count, i;

	count = syscall(__NR_lsm_get_self_attr, LSM_ATTR_CURRENT, &u.ctx,
			&size, 0);
	for (i = 0; i < count; i++) {
		struct lsm_ctx *ctx = (struct lsm_ctx *)cursor;

		if (ctx->id == LSM_ID_WARDEN) {
			printf("D %d %s\n", injected, (char *)ctx->ctx);
			return 0;
		}
		cursor += ctx->len;
	}
	printf("D %d (error %d)\n", injected, count < 0 ? errno : 0);
	return 0;
}

/* Open our fail-nth file as FAIL_FD, then become the agent. */
static int become_agent(void *arg)
{
	int fd = open(FAIL_NTH, O_RDWR);

	if (fd < 0 || dup2(fd, FAIL_FD) != FAIL_FD)
		return 1;
	return 0;
}

static int write_debugfs(const char *file, const char *value)
{
	char path[256];

	snprintf(path, sizeof(path), FAILSLAB "/%s", file);
	return write_file_once(path, value);
}

/*
 * The range of Warden's built-in text, from the warden_ symbols of
 * /proc/kallsyms: the largest cluster, leaving out __init functions.
 */
static int warden_text_range(unsigned long *start, unsigned long *end)
{
	unsigned long addr[4096], lo = 0, hi = 0, best = 0, next = ~0UL;
	char line[512], type, name[256];
	size_t n = 0, i, first = 0;
	FILE *f = fopen("/proc/kallsyms", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f) && n < ARRAY_SIZE(addr)) {
		unsigned long a;

		if (sscanf(line, "%lx %c %255s", &a, &type, name) != 3 || !a)
			continue;
		if ((type == 't' || type == 'T') && !strncmp(name, "warden_", 7))
			addr[n++] = a;
	}
	if (!n) {
		fclose(f);
		return -1;
	}
	/* kallsyms lists by address; sort anyway, it is cheap. */
	for (i = 1; i < n; i++) {
		unsigned long v = addr[i];
		size_t j = i;

		while (j && addr[j - 1] > v) {
			addr[j] = addr[j - 1];
			j--;
		}
		addr[j] = v;
	}
	for (i = 1; i <= n; i++) {
		if (i < n && addr[i] - addr[i - 1] < (1UL << 20))
			continue;
		if (i - first > best) {
			best = i - first;
			lo = addr[first];
			hi = addr[i - 1];
		}
		first = i;
	}
	/* The text ends where the next symbol after the last one starts. */
	rewind(f);
	while (fgets(line, sizeof(line), f)) {
		unsigned long a;

		if (sscanf(line, "%lx %c %255s", &a, &type, name) == 3 &&
		    a > hi && a < next)
			next = a;
	}
	fclose(f);
	*start = lo;
	*end = next == ~0UL ? hi + 4096 : next;
	return 0;
}

FIXTURE(failslab) {
	char self[1024];
	char agent[1100];
};

static const char *const programs[] = {
	AGENT, FS_DIR "/child-target", FS_DIR "/denied-target",
	FS_DIR "/init-target", FS_DIR "/noinit-target", FS_DIR "/keep-target",
	FS_DIR "/keep-envcond", FS_DIR "/nokeep-target", FS_DIR "/nokeep-other",
	FS_DIR "/reset-target", FS_DIR "/noreset-target", FS_DIR "/agg-1",
	FS_DIR "/cond-target", FS_DIR "/real-target",
	FS_DIR "/parent-target",
};

static const char *const data_files[] = {
	"plain", "secret", "grp-1", "uid", "uid1", "typed", "w", "nouid",
};

FIXTURE_SETUP(failslab)
{
	char range[64], *doc;
	unsigned long start, end;
	size_t i;

	if (!warden_is_enabled())
		SKIP(return, "warden is not in " LSM_LIST_FILE);
	if (access(FAIL_NTH, F_OK))
		SKIP(return, "no " FAIL_NTH ": CONFIG_FAULT_INJECTION is off");
	if (access(FAILSLAB, F_OK))
		mount("debugfs", DEBUGFS, "debugfs", 0, NULL);
	if (access(FAILSLAB "/ignore-gfp-wait", F_OK))
		SKIP(return, "no " FAILSLAB ": CONFIG_FAILSLAB is off");
	if (access(FAILSLAB "/require-start", F_OK))
		SKIP(return, "no stack-trace filter in " FAILSLAB);
	ASSERT_EQ(0, warden_text_range(&start, &end));
	TH_LOG("Warden's text: %#lx-%#lx", start, end);
	ASSERT_EQ(0, write_debugfs("probability", "0"));
	ASSERT_EQ(0, write_debugfs("verbose", "0"));
	ASSERT_EQ(0, write_debugfs("times", "-1"));
	ASSERT_EQ(0, write_debugfs("ignore-gfp-wait", "N"));
	ASSERT_EQ(0, write_debugfs("stacktrace-depth", "32"));
	snprintf(range, sizeof(range), "%lu", start);
	ASSERT_EQ(0, write_debugfs("require-start", range));
	snprintf(range, sizeof(range), "%lu", end);
	ASSERT_EQ(0, write_debugfs("require-end", range));

	ASSERT_EQ(0, read_current_domain(self->self, sizeof(self->self)));
	snprintf(self->agent, sizeof(self->agent), "%s " AGENT, self->self);
	remove_tree(FS_DIR);
	ASSERT_EQ(0, mkdir(FS_DIR, 0755));
	ASSERT_EQ(0, mkdir(FS_DIR "/data", 0755));
	ASSERT_EQ(0, mkdir(FS_DIR "/new", 0777));
	for (i = 0; i < ARRAY_SIZE(programs); i++)
		ASSERT_EQ(0, copy_file("/proc/self/exe", programs[i], 0755));
	ASSERT_EQ(0, symlink(FS_DIR "/real-target", FS_DIR "/real-link"));
	for (i = 0; i < ARRAY_SIZE(data_files); i++) {
		char path[128];

		snprintf(path, sizeof(path), FS_DIR "/data/%s", data_files[i]);
		ASSERT_EQ(0, make_file(path, "x\n", 0644));
	}
	ASSERT_EQ(0, mkdir(FS_DIR "/data/typed2", 0755));

	doc = malloc(POLICY_DOC_SIZE);
	ASSERT_NE(NULL, doc);
	snprintf(doc, POLICY_DOC_SIZE, agent_policy, self->agent);
	ASSERT_EQ(0, load_test_policy(NULL, exception_policy, doc));
	free(doc);
}

FIXTURE_TEARDOWN(failslab)
{
	if (!warden_is_enabled() || access(FAILSLAB "/require-start", F_OK))
		return;
	write_debugfs("ignore-gfp-wait", "Y");
	write_debugfs("require-start", "0");
	write_debugfs("require-end", "18446744073709551615");
	EXPECT_EQ(0, load_neutral_policy());
	remove_tree(FS_DIR);
}

TEST_F_TIMEOUT(failslab, file_and_network_decisions_survive_allocation_failures,
	       600)
{
	char *out = malloc(1 << 16), *line, *cursor;
	char *argv[3] = { AGENT, "--run" };
	unsigned int points = 0, total = 0, enomem, changed, bad = 0;
	int status;

	ASSERT_NE(NULL, out);
	status = run_program(AGENT, argv, become_agent, NULL, out, 1 << 16);
	cursor = out;
	while ((line = strsep(&cursor, "\n"))) {
		char name[128];

		if (sscanf(line, "R %u %u %u %127[^\n]", &points, &enomem,
			   &changed, name) == 4) {
			TH_LOG("%-45s %3u injection points, %u ENOMEM, %u changed",
			       name, points, enomem, changed);
			total += points;
			bad += changed;
		} else if (*line) {
			TH_LOG("decision changed: %s", line);
			bad += *line == 'C';
		}
	}
	TH_LOG("%u injection points in %zu requests", total,
	       ARRAY_SIZE(requests));
	free(out);
	EXPECT_EQ(0, status);
	EXPECT_EQ(0, bad);
	/* Some request allocated under Warden at all (a network decision need not). */
	EXPECT_LT(0, total);
}

/* Run exec request @i with fail-nth @n; its report in @out. */
static void exec_once(int i, unsigned int n, char *out, size_t size)
{
	char index[16], nth[16];
	char *argv[5] = { AGENT, "--exec", index, nth };
	int status;

	snprintf(index, sizeof(index), "%d", i);
	snprintf(nth, sizeof(nth), "%u", n);
	status = run_program(AGENT, argv, become_agent, NULL, out, size);
	if (strlen(out) && out[strlen(out) - 1] == '\n')
		out[strlen(out) - 1] = '\0';
	if (status)
		snprintf(out, size, "X %d", status);
}

/* Delete @domain from the policy, if it is there. */
static void forget_domain(const char *domain)
{
	char line[DOMAIN_NAME_MAX + 16];

	if (!*domain)
		return;
	snprintf(line, sizeof(line), "delete %s\n", domain);
	write_file_once(DOMAIN_POLICY_FILE, line);
}

/*
 * Whether an exec's report @got says what @base said: the same domain, or
 * the same error.  *@injected tells whether the fault was injected.
 */
static bool same_exec_outcome(const char *got, const char *base,
			      bool *injected, bool *enomem)
{
	int err, base_err, flag;

	*enomem = false;
	if (sscanf(got, "D %d", &flag) == 1) {
		*injected = flag;
		return base[0] == 'D' && !strcmp(got + 4, base + 4);
	}
	if (sscanf(got, "E %d %d", &err, &flag) == 2) {
		*injected = flag;
		*enomem = err == ENOMEM;
		return sscanf(base, "E %d", &base_err) == 1 && err == base_err;
	}
	/* The agent died: nothing says the fault was not injected. */
	*injected = true;
	return false;
}

TEST_F_TIMEOUT(failslab, exec_lands_in_the_same_domain_under_allocation_failures,
	       900)
{
	unsigned int total = 0, bad = 0;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(exec_requests); i++) {
		const struct exec_request *r = &exec_requests[i];
		char want[DOMAIN_NAME_MAX + 8], domain[DOMAIN_NAME_MAX];
		char base[DOMAIN_NAME_MAX + 16], got[DOMAIN_NAME_MAX + 16];
		unsigned int n, enomem = 0, changed = 0;
		bool injected = true, nomem, created;

		domain[0] = '\0';
		if (!r->domain)
			snprintf(want, sizeof(want), "E %d 0", r->expected);
		else if (!strcmp(r->domain, "="))
			snprintf(domain, sizeof(domain), "%s", self->agent);
		else if (!strcmp(r->domain, "-"))
			snprintf(domain, sizeof(domain), "%s", self->self);
		else if (*r->domain == '+')
			snprintf(domain, sizeof(domain), "%s %s", self->agent,
				 r->domain + 1);
		else
			snprintf(domain, sizeof(domain), "%s", r->domain);
		/* Unarmed, fail-nth reads 0, as after an injection. */
		if (r->domain)
			snprintf(want, sizeof(want), "D 1 %s", domain);
		/* A domain the exec creates goes first, so each exec does. */
		created = r->domain && (*r->domain == '+' || *r->domain == '<');
		forget_domain(created ? domain : "");
		exec_once(i, 0, base, sizeof(base));
		EXPECT_STREQ(want, base) TH_LOG("%s", r->name);
		for (n = 1; injected && n <= MAX_POINTS; n++) {
			forget_domain(created ? domain : "");
			exec_once(i, n, got, sizeof(got));
			if (same_exec_outcome(got, base, &injected, &nomem))
				continue;
			if (nomem) {
				enomem++;
				continue;
			}
			changed++;
			TH_LOG("%s: fail-nth %u: \"%s\", not \"%s\"", r->name, n,
			       got, base);
		}
		TH_LOG("%-45s %3u injection points, %u ENOMEM, %u changed",
		       r->name, n - 2, enomem, changed);
		total += n - 2;
		bad += changed + (n > MAX_POINTS);
	}
	TH_LOG("%u injection points in %zu execs", total,
	       ARRAY_SIZE(exec_requests));
	EXPECT_EQ(0, bad);
	EXPECT_LT(0, total);
}

/* The agent and the exec targets are copies of this program. */
int main(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "--run"))
		return agent_run();
	if (argc >= 4 && !strcmp(argv[1], "--exec"))
		return agent_exec(atoi(argv[2]), strtoul(argv[3], NULL, 10));
	if (argc >= 2 && !strcmp(argv[argc - 1], "--report"))
		return target_report();
	return test_harness_run(argc, argv);
}
