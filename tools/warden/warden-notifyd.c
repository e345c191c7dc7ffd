// SPDX-License-Identifier: GPL-2.0-only
/*
 * warden-notifyd: tells an administrator about enforcing-mode violations
 * by running a command with each query on its stdin, and rejects the
 * query after a grace time in which warden-queryd may answer it instead.
 */

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "conf.h"
#include "daemon.h"
#include "iface.h"
#include "io.h"
#include "util.h"
#include "record.h"

#define PROG "warden-notifyd"
#define DEFAULT_CONF "/etc/warden/tools/notifyd.conf"

/* Queries the kernel has not yet heard back about from us. */
#define MAX_PENDING 1024

struct pending {
	unsigned int serial;
	time_t deadline;
};

struct notifyd {
	struct wd_notify_conf conf;
	int query_fd;
	int answer_fd;
	bool once;
	bool ran;		/* the action ran at least once */
	time_t last_run;
	struct pending pending[MAX_PENDING];
	unsigned int npending;
	unsigned int children;
};

static volatile sig_atomic_t got_sigchld;

/* SIGCHLD is blocked except inside ppoll(), so no exit goes unnoticed. */
static sigset_t unblocked;

static void on_sigchld(int sig)
{
	got_sigchld = 1;
}

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: " PROG " [-f] [-c CONF] [--once] [--answer-file FILE]\n"
		"Run the action_to_take of " DEFAULT_CONF "\n"
		"for each enforcing-mode query, and reject the query after\n"
		"time_to_wait seconds.\n\n"
		"  -f, --foreground      do not detach from the terminal\n"
		"  -c, --config CONF     read the settings from CONF\n"
		"      --once            stop when no query is waiting\n"
		"      --answer-file FILE  append answers to FILE, not to the\n"
		"                        query file (when it cannot take them)\n"
		"  -h, --help            show this help and exit\n\n"
		"It stops at the end of a file read in place of the kernel's.\n"
		"WARDEN_DIR overrides /sys/kernel/security/warden.\n"
		"Exit status: 0 done, 1 bad configuration or a file could not be\n"
		"opened, 2 bad usage.\n");
}

static time_t now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

static void reject(struct notifyd *nd, unsigned int serial)
{
	/* Someone else (warden-queryd) may have answered first: not fatal. */
	if (wd_answer_query(nd->answer_fd, serial, WD_REJECT))
		wd_error("answering query %u: %s", serial,
			 strerror(errno));
}

static void reap(struct notifyd *nd)
{
	const char *cmd = nd->conf.argv[0];
	int status;
	pid_t pid;

	got_sigchld = 0;
	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		nd->children--;
		if (WIFEXITED(status) && WEXITSTATUS(status))
			wd_error("action '%s' exited with status %d",
				 cmd, WEXITSTATUS(status));
		else if (WIFSIGNALED(status))
			wd_error("action '%s' killed by signal %d",
				 cmd, WTERMSIG(status));
	}
}

/*
 * The query goes to the action through a memory file rather than a pipe,
 * so an action that never reads its stdin cannot block the daemon.
 */
static int query_file(const char *data, size_t len)
{
	int fd = memfd_create(PROG, MFD_CLOEXEC);

	if (fd < 0)
		return -1;
	if (wd_write_all(fd, data, len) || lseek(fd, 0, SEEK_SET)) {
		close(fd);
		return -1;
	}
	return fd;
}

static void run_action(struct notifyd *nd, const char *data, size_t len)
{
	char *const *argv = nd->conf.argv;
	int fd = query_file(data, len);
	pid_t pid;

	if (fd < 0) {
		wd_error("cannot pass the query: %s",
			 strerror(errno));
		return;
	}
	pid = fork();
	if (pid == 0) {
		signal(SIGPIPE, SIG_DFL);
		signal(SIGCHLD, SIG_DFL);
		sigprocmask(SIG_SETMASK, &unblocked, NULL);
		if (dup2(fd, STDIN_FILENO) < 0)
			_exit(127);
		execvp(argv[0], argv);
		wd_error("cannot run '%s': %s", argv[0],
			 strerror(errno));
		_exit(127);
	}
	if (pid < 0)
		wd_error("cannot fork: %s", strerror(errno));
	else
		nd->children++;
	close(fd);
}

/* A retried query replaces its earlier wait instead of adding one. */
static void add_pending(struct notifyd *nd, unsigned int serial)
{
	struct pending *p = nd->pending;
	unsigned int i;

	for (i = 0; i < nd->npending && p[i].serial != serial; i++)
		;
	if (i == MAX_PENDING) {
		/* Too many waiting: free a slot by rejecting the oldest. */
		reject(nd, p[0].serial);
		memmove(p, p + 1, --nd->npending * sizeof(*p));
		i = nd->npending;
	}
	p[i].serial = serial;
	p[i].deadline = now() + nd->conf.time_to_wait;
	if (i == nd->npending)
		nd->npending++;
}

/* Rejects the queries whose grace time is over; returns ms to the next. */
static int answer_due(struct notifyd *nd)
{
	time_t t = now(), next = -1;
	unsigned int i = 0;

	while (i < nd->npending) {
		struct pending *p = &nd->pending[i];

		if (p->deadline <= t) {
			reject(nd, p->serial);
			*p = nd->pending[--nd->npending];
			continue;
		}
		if (next < 0 || p->deadline < next)
			next = p->deadline;
		i++;
	}
	return next < 0 ? -1 : (int)(next - t) * 1000;
}

static void handle(struct notifyd *nd, const char *data, size_t len)
{
	unsigned int serial, retry;
	struct wd_record rec;
	const char *why;

	if (!wd_record_parse(data, len, &rec, &why) && rec.has_query) {
		serial = rec.serial;
		wd_record_free(&rec);
	} else if (sscanf(data, "Q%u-%u\n", &serial, &retry) == 2) {
		/* A task still waits behind a record we cannot read. */
		wd_error("malformed query %u: %s", serial,
			 why ? why : "no record");
	} else {
		wd_error("skipping malformed query: %s",
			 why ? why : "no Q line");
		return;
	}
	if (!nd->ran || now() - nd->last_run >= nd->conf.minimal_interval) {
		nd->ran = true;
		nd->last_run = now();
		run_action(nd, data, len);
	}
	if (nd->conf.time_to_wait)
		add_pending(nd, serial);
	else
		reject(nd, serial);
}

/*
 * Reads what is there; false once there is nothing more to read: the
 * stream ended (the kernel's never does: a file stands in for it) or,
 * with --once, nothing is waiting.
 */
static bool read_queries(struct notifyd *nd, struct wd_reader *rd)
{
	char *data;
	size_t len;
	int n;

	for (;;) {
		n = wd_reader_next(rd, &data, &len);
		if (n > 0) {
			handle(nd, data, len);
			if (!nd->once)
				return true;
			continue;
		}
		if (n < 0 && errno == EINTR)
			return true;
		if (n == 0)
			return false;
		if (errno == EAGAIN)
			return !nd->once;
		wd_error("%s/query: %s", wd_iface_dir(),
			 strerror(errno));
		exit(1);
	}
}

/* Sleeps until a query, a child's exit or @timeout_ms; true if readable. */
static bool wait_for(struct notifyd *nd, int timeout_ms, bool reading)
{
	struct pollfd pfd = { .fd = nd->query_fd, .events = POLLIN };
	struct timespec ts = {
		.tv_sec = timeout_ms / 1000,
		.tv_nsec = timeout_ms % 1000 * 1000000L,
	};
	int n;

	n = ppoll(&pfd, reading ? 1 : 0, timeout_ms < 0 ? NULL : &ts,
		  &unblocked);
	if (got_sigchld)
		reap(nd);
	return n > 0 && (pfd.revents & (POLLIN | POLLHUP | POLLERR));
}

static int run(struct notifyd *nd)
{
	struct wd_reader rd;
	bool reading = true;

	wd_reader_init(&rd, nd->query_fd);
	for (;;) {
		int timeout = answer_due(nd);

		if (got_sigchld)
			reap(nd);
		if (reading) {
			/* Never read() without data: that would block the waits. */
			if (wait_for(nd, timeout, true))
				reading = read_queries(nd, &rd);
			continue;
		}
		/* Nothing more to read: finish the waits and actions, leave. */
		if (!nd->npending && !nd->children)
			break;
		wait_for(nd, timeout < 0 ? 100 : timeout, false);
	}
	wd_reader_free(&rd);
	return 0;
}

int main(int argc, char *argv[])
{
	static struct notifyd nd;
	struct sigaction sa = { .sa_handler = on_sigchld };
	struct wd_daemon_opts o;
	sigset_t chld;

	wd_daemon_options(argc, argv, WD_OPT_FOREGROUND | WD_OPT_CONFIG |
			  WD_OPT_ONCE | WD_OPT_ANSWER_FILE, usage, &o);
	nd.once = o.once;
	if (wd_notify_load(&nd.conf, o.config ? o.config : DEFAULT_CONF) ||
	    wd_query_open(nd.once, o.answers, &nd.query_fd, &nd.answer_fd))
		return WD_EXIT_FAIL;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, &unblocked);
	sigaction(SIGCHLD, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	if (!o.foreground && !nd.once && wd_daemonize()) {
		wd_error("cannot daemonize: %s", strerror(errno));
		return WD_EXIT_FAIL;
	}
	return run(&nd);
}
