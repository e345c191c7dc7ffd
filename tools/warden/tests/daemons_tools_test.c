// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host tests that run the built daemons against a temporary WARDEN_DIR of
 * ordinary files: warden-auditd's log files, warden-notifyd's action and
 * answers, and warden-queryd driven through pipes and through a pty.
 */

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "daemons_records.h"
#include "tools_test.h"

#define PROMPT "Allow? ('Y'es/'N'o/'R'etry/'S'how policy/'A'dd to policy and retry):"
#define DASHES "----------------------------------------\n"

/* Sized so that every path built from these fits without truncation. */
static char tools[PATH_MAX];	/* where the built tools are */
static char top[64];		/* this run's temporary directory */
static char dir[128];		/* the fake WARDEN_DIR */
static char out_path[128], err_path[128];
static char *out, *err;		/* the last run's stdout and stderr */

/* A path under the temporary directory; rotates through a few buffers. */
static const char *tmp(const char *name)
{
	static char bufs[8][PATH_MAX];
	static int next;
	char *b = bufs[next++ % 8];

	snprintf(b, PATH_MAX, "%s/%s", top, name);
	return b;
}

static void write_file(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0700);

	if (fd < 0 || write(fd, data, len) != (ssize_t)len) {
		printf("# cannot write %s: %s\n", path, strerror(errno));
		exit(1);
	}
	close(fd);
}

#define WRITE_STR(path, s) write_file(path, s, strlen(s))
/* For texts with NULs in them: the literal's size, without its own NUL. */
#define WRITE_LIT(path, lit) write_file(path, lit, sizeof(lit) - 1)

/* The whole file, or NULL when it cannot be read. */
static char *read_file(const char *path)
{
	size_t len = 0, cap = 4096;
	char *buf = malloc(cap);
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0) {
		free(buf);
		return NULL;
	}
	while ((n = read(fd, buf + len, cap - len - 1)) > 0) {
		len += n;
		if (cap - len < 2)
			buf = realloc(buf, cap *= 2);
	}
	buf[len] = '\0';
	close(fd);
	return buf;
}

static void fresh_dir(void)
{
	char cmd[sizeof(dir) + 16];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) || mkdir(dir, 0700))
		exit(1);
}

/*
 * Runs a tool with @input on stdin and WARDEN_DIR set; stdout and stderr
 * land in out and err.  An alarm kills a tool that hangs, so a broken
 * daemon fails the test instead of stalling it.
 *
 * Return: the exit status, or 128 + the signal that killed it.
 */
static int run(const char *input, const char *tool, ...)
{
	const char *argv[16];
	char path[PATH_MAX + 32];
	va_list ap;
	int i = 1, status;
	pid_t pid;

	snprintf(path, sizeof(path), "%s/%s", tools, tool);
	argv[0] = path;
	va_start(ap, tool);
	while ((argv[i] = va_arg(ap, const char *)) && i < 15)
		i++;
	va_end(ap);
	WRITE_STR(tmp("stdin"), input ? input : "");
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		int in = open(tmp("stdin"), O_RDONLY);
		int o = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int e = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

		dup2(in, 0);
		dup2(o, 1);
		dup2(e, 2);
		setenv("WARDEN_DIR", dir, 1);
		alarm(20);
		execv(path, (char **)argv);
		_exit(126);
	}
	waitpid(pid, &status, 0);
	free(out);
	free(err);
	out = read_file(out_path);
	err = read_file(err_path);
	if (err && *err)
		printf("# stderr: %s", err);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static bool has(const char *text, const char *part)
{
	return text && strstr(text, part);
}

/* The shipped auditd.conf with its log directory moved under @logdir. */
static void auditd_conf(const char *path, const char *logdir)
{
	char *conf = read_file("../conf/auditd.conf"), *p, *q;
	FILE *f = fopen(path, "w");

	if (!conf || !f)
		exit(1);
	for (p = conf; (q = strstr(p, "/var/log/warden")); p = q + 15)
		fprintf(f, "%.*s%s", (int)(q - p), p, logdir);
	fputs(p, f);
	fclose(f);
	free(conf);
}

/* Every test gets a fresh temporary directory with the fake WARDEN_DIR. */
FIXTURE(daemons) {};

FIXTURE_SETUP(daemons)
{
	ASSERT_TRUE(wd_test_tools_dir(tools, sizeof(tools)));
	snprintf(top, sizeof(top), "/tmp/warden-daemons.XXXXXX");
	ASSERT_NE(NULL, mkdtemp(top));
	snprintf(dir, sizeof(dir), "%s/dir", top);
	snprintf(out_path, sizeof(out_path), "%s/out", top);
	snprintf(err_path, sizeof(err_path), "%s/err", top);
}

FIXTURE_TEARDOWN(daemons)
{
	char cmd[sizeof(top) + 16];

	/* Only the directory this test made; kept when the test failed. */
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", top);
	if (_metadata->exit_code == KSFT_PASS && system(cmd))
		TH_LOG("cannot remove %s", top);
}

static const char audit_stream[] =
	REC_EXEC_CAT "\0" REC_GRANTED_1 "\0" "garbage\n\0" REC_READ_CAT "\0";

TEST_F(daemons, auditd_appends_each_record_to_its_log)
{
	char want[4096], *got;

	EXPECT_TRUE(run(NULL, "warden-auditd", "--help", NULL) == 0 &&
		    !strncmp(out, "Usage: warden-auditd", 20))
		TH_LOG("auditd --help");
	EXPECT_TRUE(run(NULL, "warden-auditd", "--bogus", NULL) == 2)
		TH_LOG("auditd: unknown option exits 2");

	fresh_dir();
	WRITE_LIT(tmp("dir/audit"), audit_stream);
	auditd_conf(tmp("auditd.conf"), tmp("log/sub"));
	EXPECT_TRUE(run(NULL, "warden-auditd", "--once", "-c", tmp("auditd.conf"),
		  NULL) == 0) TH_LOG("auditd --once exits 0 at end of file");
	got = read_file(tmp("log/sub/reject_003.log"));
	EXPECT_TEXT(got, REC_EXEC_CAT "\n" REC_READ_CAT "\n")
		TH_LOG("reject_003.log: both denials, each and a blank line");
	free(got);
	got = read_file(tmp("log/sub/grant_001.log"));
	EXPECT_TEXT(got, REC_GRANTED_1 "\n") TH_LOG("grant_001.log: the grant");
	free(got);
	EXPECT_TEXT(err, "warden-auditd: skipping malformed record: record has fewer than three lines\n")
		TH_LOG("auditd names the malformed record's fault");

	/* A second run appends. */
	run(NULL, "warden-auditd", "--once", "-c", tmp("auditd.conf"), NULL);
	got = read_file(tmp("log/sub/grant_001.log"));
	EXPECT_TEXT(got, REC_GRANTED_1 "\n" REC_GRANTED_1 "\n")
		TH_LOG("auditd appends to an existing log");
	free(got);

	auditd_conf(tmp("auditd2.conf"), tmp("log2"));
	EXPECT_TRUE(run(NULL, "warden-auditd", "-n", "1", "-c", tmp("auditd2.conf"),
		  NULL) == 0) TH_LOG("auditd -n 1 exits 0");
	got = read_file(tmp("log2/reject_003.log"));
	EXPECT_TRUE(got && !strcmp(got, REC_EXEC_CAT "\n") &&
		    access(tmp("log2/grant_001.log"), F_OK))
		TH_LOG("auditd -n 1 handles exactly one record");
	free(got);

	EXPECT_TRUE(run(NULL, "warden-auditd", "--once", "-c", tmp("none.conf"),
		  NULL) == 1) TH_LOG("auditd: missing -c file exits 1");
	snprintf(want, sizeof(want),
		 "warden-auditd: %s: No such file or directory\n", tmp("none.conf"));
	EXPECT_TEXT(err, want)
		TH_LOG("auditd: missing config named with errno text");

	WRITE_STR(tmp("bad.conf"), "# rules\nheader.has x\ndestination /x\n");
	EXPECT_TRUE(run(NULL, "warden-auditd", "--once", "-c", tmp("bad.conf"),
		  NULL) == 1) TH_LOG("auditd: bad config exits 1");
	snprintf(want, sizeof(want),
		 "warden-auditd: %s:2: unknown operator (want .contains, .equals or .starts)\n",
		 tmp("bad.conf"));
	EXPECT_TEXT(err, want) TH_LOG("auditd: bad config line named");

	fresh_dir();
	EXPECT_TRUE(run(NULL, "warden-auditd", "--once", "-c", tmp("auditd.conf"),
		  NULL) == 1 && has(err, "/dir/audit: No such file or directory"))
			TH_LOG("auditd: missing audit file exits 1 with errno text");
}

static const char query_stream[] =
	"Q0-0\n" REC_EXEC_CAT "\0" "Q5-2\n" REC_SLEEP "\0";

/* Waits up to five seconds for @path to hold exactly @want. */
static bool wait_for_text(const char *path, const char *want)
{
	int i;

	for (i = 0; i < 500; i++) {
		char *got = read_file(path);
		bool same = got && !strcmp(got, want);

		free(got);
		if (same)
			return true;
		usleep(10000);
	}
	return false;
}

/*
 * The interface directory's audit file is a FIFO here, as the kernel's is
 * a stream: auditd waits on it while it is open, however long no record
 * comes, and stops at its end (the kernel's never ends).
 */
TEST_F(daemons, auditd_waits_on_the_audit_stream_and_stops_at_its_end)
{
	char path[PATH_MAX + 32], *got;
	int fd, status;
	pid_t pid;

	fresh_dir();
	ASSERT_EQ(0, mkfifo(tmp("dir/audit"), 0600));
	auditd_conf(tmp("auditd.conf"), tmp("log"));
	snprintf(path, sizeof(path), "%s/warden-auditd", tools);
	fflush(stdout);
	pid = fork();
	ASSERT_LE(0, pid);
	if (pid == 0) {
		setenv("WARDEN_DIR", dir, 1);
		alarm(20);
		execl(path, path, "-f", "-c", tmp("auditd.conf"), (char *)NULL);
		_exit(126);
	}
	/* Opening the FIFO waits for auditd to open it. */
	fd = open(tmp("dir/audit"), O_WRONLY);
	ASSERT_LE(0, fd);
	ASSERT_EQ((ssize_t)sizeof(REC_EXEC_CAT),
		  write(fd, REC_EXEC_CAT, sizeof(REC_EXEC_CAT)));
	EXPECT_TRUE(wait_for_text(tmp("log/reject_003.log"), REC_EXEC_CAT "\n"))
		TH_LOG("the first record is logged while the stream is open");
	usleep(200000);
	EXPECT_EQ(0, waitpid(pid, &status, WNOHANG))
		TH_LOG("auditd waits for more rather than stop");
	ASSERT_EQ((ssize_t)sizeof(REC_GRANTED_1),
		  write(fd, REC_GRANTED_1, sizeof(REC_GRANTED_1)));
	close(fd);
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
		TH_LOG("auditd exits 0 at the end of the stream");
	got = read_file(tmp("log/grant_001.log"));
	EXPECT_TEXT(got, REC_GRANTED_1 "\n");
	free(got);
}

/* An action that keeps each query in its own file, named by its Q line. */
static void notifyd_setup(const char *settings)
{
	char script[1024], conf[2048];

	fresh_dir();
	unlink(tmp("answers"));
	WRITE_LIT(tmp("dir/query"), query_stream);
	snprintf(script, sizeof(script),
		 "#!/bin/sh\nread q\n{ echo \"$q\"; cat; echo \"[$#:$1:$2]\"; } > %s/act.$q\n",
		 dir);
	WRITE_STR(tmp("act.sh"), script);
	snprintf(conf, sizeof(conf), "# test\naction_to_take %s one\\040two three\n%s",
		 tmp("act.sh"), settings);
	WRITE_STR(tmp("notifyd.conf"), conf);
}

static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

TEST_F(daemons, notifyd_runs_the_action_and_rejects_in_time)
{
	char want[4096], *got;
	double t;

	EXPECT_TRUE(run(NULL, "warden-notifyd", "--help", NULL) == 0 &&
		    !strncmp(out, "Usage: warden-notifyd", 21))
		TH_LOG("notifyd --help");

	notifyd_setup("time_to_wait 0\nminimal_interval 0\n");
	EXPECT_TRUE(run(NULL, "warden-notifyd", "--once", "-c", tmp("notifyd.conf"),
		  "--answer-file", tmp("answers"), NULL) == 0)
			TH_LOG("notifyd --once exits 0");
	got = read_file(tmp("answers"));
	EXPECT_TEXT(got, "A0=2\nA5=2\n") TH_LOG("notifyd rejects both queries");
	free(got);
	got = read_file(tmp("dir/act.Q0-0"));
	EXPECT_TEXT(got, "Q0-0\n" REC_EXEC_CAT "[2:one two:three]\n")
		TH_LOG("action got Q line and record on stdin, argv decoded");
	free(got);
	got = read_file(tmp("dir/act.Q5-2"));
	EXPECT_TEXT(got, "Q5-2\n" REC_SLEEP "[2:one two:three]\n")
		TH_LOG("action ran for the second query too");
	free(got);

	notifyd_setup("minimal_interval 60\n");
	run(NULL, "warden-notifyd", "--once", "-c", tmp("notifyd.conf"),
	    "--answer-file", tmp("answers"), NULL);
	got = read_file(tmp("answers"));
	EXPECT_TRUE(got && !strcmp(got, "A0=2\nA5=2\n") &&
		    !access(tmp("dir/act.Q0-0"), F_OK) &&
		    access(tmp("dir/act.Q5-2"), F_OK))
		TH_LOG("minimal_interval: one action, both answered");
	free(got);

	notifyd_setup("time_to_wait 1\n");
	t = seconds();
	run(NULL, "warden-notifyd", "--once", "-c", tmp("notifyd.conf"),
	    "--answer-file", tmp("answers"), NULL);
	t = seconds() - t;
	got = read_file(tmp("answers"));
	EXPECT_TRUE(got && !strcmp(got, "A0=2\nA5=2\n") && t >= 0.9 && t < 5)
		TH_LOG("time_to_wait 1: rejected after about a second");
	free(got);

	fresh_dir();
	unlink(tmp("answers"));
	WRITE_LIT(tmp("dir/query"), "Q9-0\ngarbage\n\0" "Q10-0\n" REC_READ_CAT "\0");
	WRITE_STR(tmp("notifyd.conf"), "action_to_take /nonexistent/action\n");
	EXPECT_TRUE(run(NULL, "warden-notifyd", "--once", "-c", tmp("notifyd.conf"),
		  "--answer-file", tmp("answers"), NULL) == 0)
			TH_LOG("failing action does not stop notifyd");
	got = read_file(tmp("answers"));
	EXPECT_TEXT(got, "A9=2\nA10=2\n")
		TH_LOG("malformed query still rejected");
	free(got);
	EXPECT_TRUE(has(err, "warden-notifyd: malformed query 9: record has fewer than three lines\n") &&
		    has(err, "warden-notifyd: cannot run '/nonexistent/action': No such file or directory\n") &&
		    has(err, "warden-notifyd: action '/nonexistent/action' exited with status 127\n"))
		TH_LOG("notifyd logs the bad query and the failing action");

	EXPECT_TRUE(run(NULL, "warden-notifyd", "-f", "-c", tmp("none.conf"), NULL) == 1)
		TH_LOG("notifyd: missing config exits 1");
	snprintf(want, sizeof(want),
		 "warden-notifyd: %s: No such file or directory\n", tmp("none.conf"));
	EXPECT_TEXT(err, want)
		TH_LOG("notifyd: missing config named with errno text");
	WRITE_STR(tmp("notifyd.conf"), "action_to_take x\ntime_to_wait soon\n");
	run(NULL, "warden-notifyd", "-f", "-c", tmp("notifyd.conf"), NULL);
	snprintf(want, sizeof(want),
		 "warden-notifyd: %s:2: bad value (want seconds, 0 to 86400)\n",
		 tmp("notifyd.conf"));
	EXPECT_TEXT(err, want) TH_LOG("notifyd: bad value named with its line");
}

static const char two_queries[] =
	"Q0-0\n" REC_SLEEP "\0" "Q1-0\n" REC_PG_CREATE "\0";

static int queryd(const char *input)
{
	unlink(tmp("answers"));
	return run(input, "warden-queryd", "--once", "--answer-file",
		   tmp("answers"), NULL);
}

static void queryd_setup(const char *policy)
{
	fresh_dir();
	WRITE_LIT(tmp("dir/query"), two_queries);
	if (policy)
		WRITE_STR(tmp("dir/domain_policy"), policy);
}

TEST_F(daemons, queryd_answers_from_a_pipe)
{
	char want[8192], *got;

	EXPECT_TRUE(run(NULL, "warden-queryd", "--help", NULL) == 0 &&
		    !strncmp(out, "Usage: warden-queryd", 20))
		TH_LOG("queryd --help");

	queryd_setup("");
	EXPECT_TRUE(queryd("y\nN\n") == 0) TH_LOG("queryd exits 0 at the end");
	got = read_file(tmp("answers"));
	EXPECT_TEXT(got, "A0=1\nA1=2\n") TH_LOG("Y grants, N rejects");
	free(got);
	snprintf(want, sizeof(want),
		 "Monitoring %s/query . Press Ctrl-C to terminate.\n"
		 REC_SLEEP PROMPT "y\n\n" DASHES REC_PG_CREATE PROMPT "N\n\n", dir);
	EXPECT_TEXT(out, want)
		TH_LOG("queryd transcript: record, prompt, separator");

	queryd_setup("");
	EXPECT_TRUE(queryd("r\n") == 0) TH_LOG("end of stdin exits 0");
	got = read_file(tmp("answers"));
	EXPECT_TEXT(got, "A0=3\n")
		TH_LOG("R retries; nothing answered after EOF");
	free(got);

	queryd_setup("");
	EXPECT_TRUE(queryd("") == 0 && access(tmp("answers"), F_OK) == 0 &&
		    !strcmp(read_file(tmp("answers")), ""))
		TH_LOG("immediate EOF answers nothing");

	queryd_setup("");
	queryd("a\n\n");
	got = read_file(tmp("dir/domain_policy"));
	EXPECT_TEXT(got, "select Q=0\nfile execute /bin/sleep\n")
		TH_LOG("A with an empty line adds the offered entry");
	free(got);
	got = read_file(tmp("answers"));
	EXPECT_TEXT(got, "A0=3\n") TH_LOG("A answers retry");
	free(got);
	EXPECT_TRUE(has(out, PROMPT "a\nEnter new entry> file execute /bin/sleep\n"
		       "Added 'file execute /bin/sleep'.\n\n" DASHES))
			TH_LOG("A prints the entry and Added '...'.");

	queryd_setup("");
	queryd("x\nA\nfile execute /bin/\\*\n");
	got = read_file(tmp("dir/domain_policy"));
	EXPECT_TEXT(got, "select Q=0\nfile execute /bin/\\*\n")
		TH_LOG("A with an edited entry adds that entry");
	free(got);
	EXPECT_TRUE(has(out, PROMPT "x\n" PROMPT "A\n"))
		TH_LOG("unknown key prompts again");

	/* 24 bytes the select line overwrites, then the "kernel's" answer. */
	queryd_setup("xxxxxxxxxxxxxxxxxxxxxxx\n<kernel> /etc/rc.d/init.d/sshd\nuse_profile 3\nuse_group 0\n");
	queryd("s\nn\n");
	got = read_file(tmp("dir/domain_policy"));
	EXPECT_TRUE(got && !strncmp(got, "select global-pid=11788\n<kernel>", 32))
		TH_LOG("S writes select global-pid=<pid> to domain_policy");
	free(got);
	EXPECT_TRUE(has(out, PROMPT "s\n# select global-pid=11788\n"
		       "<kernel> /etc/rc.d/init.d/sshd\nuse_profile 3\nuse_group 0\n\n"
		       REC_SLEEP PROMPT "n\n"))
			TH_LOG("S prints the policy, then the record and prompt again");
	got = read_file(tmp("answers"));
	EXPECT_TEXT(got, "A0=2\n")
		TH_LOG("after S, N still answers the same query");
	free(got);

	queryd_setup(NULL);
	queryd("a\n\nn\n");
	got = read_file(tmp("answers"));
	EXPECT_TEXT(got, "A0=2\n")
		TH_LOG("failed A is not answered; N then rejects");
	free(got);
	snprintf(want, sizeof(want),
		 "warden-queryd: cannot add 'file execute /bin/sleep' to %s/domain_policy: No such file or directory\n",
		 dir);
	EXPECT_TEXT(err, want) TH_LOG("failed A names the file and errno text");
}

/* Reads the pty until @text appears; false on timeout or end. */
static bool pty_wait(int fd, const char *text, char *seen, size_t cap)
{
	size_t len = strlen(seen);

	while (!strstr(seen, text)) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		ssize_t n;

		if (poll(&pfd, 1, 5000) <= 0)
			return false;
		n = read(fd, seen + len, cap - len - 1);
		if (n <= 0)
			return false;
		len += n;
		seen[len] = '\0';
	}
	return true;
}

static void type(int fd, const char *keys)
{
	if (write(fd, keys, strlen(keys)) < 0)
		printf("# pty write: %s\n", strerror(errno));
}

/* The line editor on a real terminal: Backspace, arrows, insert, Enter. */
TEST_F(daemons, queryd_edits_the_entry_on_a_terminal)
{
	static char seen[65536];
	char path[PATH_MAX + 32], *got;
	int master, status;
	pid_t pid;

	queryd_setup("");
	WRITE_LIT(tmp("dir/query"), "Q0-0\n" REC_SLEEP "\0");
	unlink(tmp("answers"));
	snprintf(path, sizeof(path), "%s/warden-queryd", tools);
	master = posix_openpt(O_RDWR | O_NOCTTY);
	if (master < 0 || grantpt(master) || unlockpt(master)) {
		EXPECT_TRUE(0) TH_LOG("pty available");
		return;
	}
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		int slave = open(ptsname(master), O_RDWR);

		setsid();
		dup2(slave, 0);
		dup2(slave, 1);
		dup2(slave, 2);
		setenv("WARDEN_DIR", dir, 1);
		alarm(20);
		execl(path, path, "--once", "--answer-file", tmp("answers"),
		      (char *)NULL);
		_exit(126);
	}
	seen[0] = '\0';
	EXPECT_TRUE(pty_wait(master, PROMPT, seen, sizeof(seen)))
		TH_LOG("tty: prompt shown");
	type(master, "a");
	EXPECT_TRUE(pty_wait(master, "Enter new entry> file execute /bin/sleep", seen,
		       sizeof(seen))) TH_LOG("tty: entry offered for editing");
	/* sleep -> s, then "\*", cursor two left, X: /bin/sX\* */
	type(master, "\x7f\x7f\x7f\x7f\\*\x1b[D\x1b[DX\x1b[C\x1b[C\r");
	EXPECT_TRUE(pty_wait(master, "Added 'file execute /bin/sX\\*'.", seen,
		       sizeof(seen))) TH_LOG("tty: edited entry added");
	waitpid(pid, &status, 0);
	close(master);
	got = read_file(tmp("dir/domain_policy"));
	EXPECT_TEXT(got, "select Q=0\nfile execute /bin/sX\\*\n")
		TH_LOG("tty: Backspace, Left, insert and Right edit the entry");
	free(got);
	got = read_file(tmp("answers"));
	EXPECT_TEXT(got, "A0=3\n") TH_LOG("tty: A answers retry");
	free(got);
}

TEST_HARNESS_MAIN
