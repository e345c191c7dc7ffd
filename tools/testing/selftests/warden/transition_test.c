// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - domain transitions and the current domain.
 *
 * A program run by exec lands in the domain TOMOYO 2.6 names: the caller's
 * domain plus the program's pathname, unless the exception policy's
 * initialize_domain, keep_domain, reset_domain or aggregator (each
 * cancelled by its no_ form) says otherwise.  Each case execs copies of
 * this program and reads the domain the last one landed in from
 * /proc/self/attr/warden/current.  The same domain is reported by
 * lsm_get_self_attr(), /proc/<pid>/attr/warden/current and
 * .process_status, and self_domain moves a task only where "task
 * manual_domain_transition" lets it.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/lsm.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

#include "../kselftest_harness.h"
#include "enforce_common.h"

#define TR_DIR "/tmp/wtr"
#define PROG_A TR_DIR "/a"
#define PROG_B TR_DIR "/b"
#define PROG_OTHER TR_DIR "/other"
#define PROG_AGG1 TR_DIR "/agg-1"
#define PROG_AGG2 TR_DIR "/agg-2"
#define TARGET_DOMAIN "<kernel> " TR_DIR "/target"

/*
 * Helper modes, argv[1] of a copy of this program:
 *   --chain [next...]  exec the next program with the rest, or print the
 *                      current domain when none is left;
 *   --fexec path [next...]  the same through execveat(AT_EMPTY_PATH);
 *   --lsmattr          print lsm_get_self_attr()'s Warden entry;
 *   --wait             print "ready", then wait for stdin to close;
 *   --self domainname  write the domainname to self_domain, print
 *                      "W=<errno>" and the current domain;
 *   --self-echo domainname  the same with a newline, as echo writes it.
 */
static int print_domain(void)
{
	char buf[DOMAIN_NAME_MAX];
	ssize_t len = read_whole_file(CURRENT_ATTR, buf, sizeof(buf));

	if (len < 0)
		return 3;
	return write(STDOUT_FILENO, buf, len) == len ? 0 : 4;
}

static int helper_chain(int argc, char **argv, bool by_fd)
{
	static char *const empty_env[] = { NULL };
	char *next[16];
	int i, fd;

	if (argc < 3)
		return print_domain();
	if (argc > 14)
		return 5;
	next[0] = argv[2];
	next[1] = "--chain";
	for (i = 3; i < argc; i++)
		next[i - 1] = argv[i];
	next[argc - 1] = NULL;
	if (!by_fd) {
		execve(argv[2], next, empty_env);
		return 6;
	}
	fd = open(argv[2], O_PATH | O_CLOEXEC);
	if (fd < 0)
		return 7;
	syscall(SYS_execveat, fd, "", next, empty_env, AT_EMPTY_PATH);
	return 8;
}

static int helper_lsmattr(void)
{
	union {
		struct lsm_ctx ctx;
		char bytes[8192];
	} u;
	__u32 size = sizeof(u);
	char *cursor = u.bytes;
	int n, i;

	n = syscall(__NR_lsm_get_self_attr, LSM_ATTR_CURRENT, &u.ctx, &size, 0);
	if (n < 0) {
		printf("error=%d\n", errno);
		return 0;
	}
	for (i = 0; i < n; i++) {
		struct lsm_ctx *ctx = (struct lsm_ctx *)cursor;

		if (ctx->id == LSM_ID_WARDEN && ctx->ctx_len)
			printf("id=%llu flags=%llu len=%llu ctx_len=%llu last=%d ctx=%.*s\n",
			       (unsigned long long)ctx->id,
			       (unsigned long long)ctx->flags,
			       (unsigned long long)ctx->len,
			       (unsigned long long)ctx->ctx_len,
			       ctx->ctx[ctx->ctx_len - 1],
			       (int)ctx->ctx_len - 1, (char *)ctx->ctx);
		cursor += ctx->len;
	}
	return 0;
}

static int helper_wait(void)
{
	char c;

	if (write(STDOUT_FILENO, "ready\n", 6) != 6)
		return 9;
	while (read(STDIN_FILENO, &c, 1) > 0)
		;
	return 0;
}

static int helper_self(const char *domain, const char *end)
{
	char line[DOMAIN_NAME_MAX];
	int err;

	snprintf(line, sizeof(line), "%s%s", domain, end);
	err = write_file_once(WARDEN_DIR "/self_domain", line);
	printf("W=%d\n", -err);
	fflush(stdout);
	return print_domain();
}

FIXTURE(transition) {
	/* The domain this test runs in, and where copies of it start. */
	char self[1024];
};

FIXTURE_SETUP(transition)
{
	static const char *const progs[] = {
		PROG_A, PROG_B, PROG_OTHER, PROG_AGG1, PROG_AGG2,
	};
	size_t i;

	if (!warden_is_enabled())
		SKIP(return, "warden is not in " LSM_LIST_FILE);
	ASSERT_EQ(0, read_current_domain(self->self, sizeof(self->self)));
	remove_tree(TR_DIR);
	ASSERT_EQ(0, mkdir(TR_DIR, 0755));
	for (i = 0; i < ARRAY_SIZE(progs); i++)
		ASSERT_EQ(0, copy_file("/proc/self/exe", progs[i], 0755));
}

FIXTURE_TEARDOWN(transition)
{
	if (!warden_is_enabled())
		return;
	EXPECT_EQ(0, load_neutral_policy());
	remove_tree(TR_DIR);
}

/*
 * Exec @first, which execs each following program of the NULL-terminated
 * list in turn; the domain the last one lands in, in @out, or what went
 * wrong.  With @by_fd, PROG_OTHER execs @first by a descriptor.
 */
static void domain_after(const char *first, const char *const *rest,
			 bool by_fd, char *out, size_t size)
{
	char *argv[16] = { (char *)first, by_fd ? "--fexec" : "--chain" };
	char *const *exec_argv = argv;
	int i = 2, status;

	if (by_fd) {
		argv[i++] = (char *)first;
		argv[0] = PROG_OTHER;
	}
	while (rest && *rest && i < 15)
		argv[i++] = (char *)*rest++;
	argv[i] = NULL;
	status = run_program(argv[0], exec_argv, NULL, NULL, out, size);
	if (status)
		snprintf(out, size, "(helper exit %d)", status);
	else if (strlen(out) && out[strlen(out) - 1] == '\n')
		out[strlen(out) - 1] = '\0';
}

/* The domain of the caller followed by the programs of @suffix. */
static const char *under(struct _test_data_transition *self, const char *suffix,
			 char *buf, size_t size)
{
	snprintf(buf, size, "%s%s", self->self, suffix);
	return buf;
}

#define EXPECT_LANDS(expected, first, ...) do { \
	static const char *const __rest[] = { __VA_ARGS__ }; \
	char __got[DOMAIN_NAME_MAX]; \
	domain_after(first, __rest, false, __got, sizeof(__got)); \
	EXPECT_STREQ(expected, __got); \
} while (0)

static int load(const char *exception, const char *domains)
{
	return load_test_policy(NULL, exception, domains);
}

TEST_F(transition, exec_appends_program_to_domainname)
{
	char want[DOMAIN_NAME_MAX];

	ASSERT_EQ(0, load(NULL, NULL));
	EXPECT_LANDS(under(self, " " PROG_A, want, sizeof(want)), PROG_A, NULL);
	EXPECT_LANDS(under(self, " " PROG_A " " PROG_B, want, sizeof(want)),
		     PROG_A, PROG_B, NULL);
}

TEST_F(transition, exec_by_symlink_names_the_link_not_its_target)
{
	char want[DOMAIN_NAME_MAX];

	ASSERT_EQ(0, load(NULL, NULL));
	ASSERT_EQ(0, symlink("a", TR_DIR "/link"));
	ASSERT_EQ(0, symlink(TR_DIR, TR_DIR "/dirlink"));
	EXPECT_LANDS(under(self, " " TR_DIR "/link", want, sizeof(want)),
		     TR_DIR "/link", NULL);
	/* Directories on the way are resolved. */
	EXPECT_LANDS(under(self, " " PROG_A, want, sizeof(want)),
		     TR_DIR "/dirlink/a", NULL);
	EXPECT_LANDS(under(self, " " PROG_A, want, sizeof(want)),
		     TR_DIR "/./../wtr/a", NULL);
}

TEST_F(transition, exec_by_fd_names_the_file)
{
	static const char *const none[] = { NULL };
	char want[DOMAIN_NAME_MAX], got[DOMAIN_NAME_MAX];

	ASSERT_EQ(0, load(NULL, NULL));
	ASSERT_EQ(0, symlink("a", TR_DIR "/link"));
	/* PROG_OTHER execs PROG_A through execveat(fd, "", AT_EMPTY_PATH). */
	domain_after(PROG_A, none, true, got, sizeof(got));
	EXPECT_STREQ(under(self, " " PROG_OTHER " " PROG_A, want, sizeof(want)),
		     got);
	/* A descriptor opened by a symlink names the file it reached. */
	domain_after(TR_DIR "/link", none, true, got, sizeof(got));
	EXPECT_STREQ(under(self, " " PROG_OTHER " " PROG_A, want, sizeof(want)),
		     got);
}

TEST_F(transition, initialize_domain_from_any_restarts_under_kernel)
{
	char want[DOMAIN_NAME_MAX];

	ASSERT_EQ(0, load("initialize_domain " PROG_B " from any\n", NULL));
	EXPECT_LANDS("<kernel> " PROG_B, PROG_A, PROG_B, NULL);
	EXPECT_LANDS("<kernel> " PROG_B " " PROG_A, PROG_A, PROG_B, PROG_A, NULL);
	/* Other programs are not affected. */
	EXPECT_LANDS(under(self, " " PROG_A " " PROG_OTHER, want, sizeof(want)),
		     PROG_A, PROG_OTHER, NULL);
}

TEST_F(transition, initialize_domain_from_domain_applies_only_there)
{
	char exception[DOMAIN_NAME_MAX + 64], want[DOMAIN_NAME_MAX];

	snprintf(exception, sizeof(exception),
		 "initialize_domain " PROG_B " from %s " PROG_A "\n", self->self);
	ASSERT_EQ(0, load(exception, NULL));
	EXPECT_LANDS("<kernel> " PROG_B, PROG_A, PROG_B, NULL);
	EXPECT_LANDS(under(self, " " PROG_OTHER " " PROG_B, want, sizeof(want)),
		     PROG_OTHER, PROG_B, NULL);
}

TEST_F(transition, no_initialize_domain_from_domain_cancels_it_there)
{
	char exception[DOMAIN_NAME_MAX + 128], want[DOMAIN_NAME_MAX];

	snprintf(exception, sizeof(exception),
		 "initialize_domain " PROG_B " from any\n"
		 "no_initialize_domain " PROG_B " from %s " PROG_A "\n",
		 self->self);
	ASSERT_EQ(0, load(exception, NULL));
	EXPECT_LANDS(under(self, " " PROG_A " " PROG_B, want, sizeof(want)),
		     PROG_A, PROG_B, NULL);
	EXPECT_LANDS("<kernel> " PROG_B, PROG_OTHER, PROG_B, NULL);
}

TEST_F(transition, no_initialize_domain_from_program_cancels_it_after_it)
{
	char want[DOMAIN_NAME_MAX];

	/* A "from" that is a pathname matches the domain's last program. */
	ASSERT_EQ(0, load("initialize_domain " PROG_B " from any\n"
			  "no_initialize_domain " PROG_B " from " PROG_A "\n",
			  NULL));
	EXPECT_LANDS(under(self, " " PROG_A " " PROG_B, want, sizeof(want)),
		     PROG_A, PROG_B, NULL);
	EXPECT_LANDS(under(self, " " PROG_OTHER " " PROG_A " " PROG_B, want,
			   sizeof(want)),
		     PROG_OTHER, PROG_A, PROG_B, NULL);
	EXPECT_LANDS("<kernel> " PROG_B, PROG_OTHER, PROG_B, NULL);
}

TEST_F(transition, keep_domain_any_from_domain_stays_for_every_program)
{
	char exception[DOMAIN_NAME_MAX + 64], want[DOMAIN_NAME_MAX];

	snprintf(exception, sizeof(exception),
		 "keep_domain any from %s " PROG_A "\n", self->self);
	ASSERT_EQ(0, load(exception, NULL));
	under(self, " " PROG_A, want, sizeof(want));
	EXPECT_LANDS(want, PROG_A, PROG_B, NULL);
	EXPECT_LANDS(want, PROG_A, PROG_B, PROG_OTHER, NULL);
	/* Other domains still transit. */
	EXPECT_LANDS(under(self, " " PROG_B " " PROG_A, want, sizeof(want)),
		     PROG_B, PROG_A, NULL);
}

TEST_F(transition, keep_domain_program_from_domain_stays_for_that_program)
{
	char exception[DOMAIN_NAME_MAX + 64], want[DOMAIN_NAME_MAX];

	snprintf(exception, sizeof(exception),
		 "keep_domain " PROG_B " from %s " PROG_A "\n", self->self);
	ASSERT_EQ(0, load(exception, NULL));
	EXPECT_LANDS(under(self, " " PROG_A, want, sizeof(want)),
		     PROG_A, PROG_B, NULL);
	EXPECT_LANDS(under(self, " " PROG_A " " PROG_OTHER, want, sizeof(want)),
		     PROG_A, PROG_OTHER, NULL);
}

TEST_F(transition, no_keep_domain_cancels_keep_domain_for_program)
{
	char exception[DOMAIN_NAME_MAX + 128], want[DOMAIN_NAME_MAX];

	snprintf(exception, sizeof(exception),
		 "keep_domain any from %s " PROG_A "\n"
		 "no_keep_domain " PROG_B " from any\n", self->self);
	ASSERT_EQ(0, load(exception, NULL));
	EXPECT_LANDS(under(self, " " PROG_A " " PROG_B, want, sizeof(want)),
		     PROG_A, PROG_B, NULL);
	EXPECT_LANDS(under(self, " " PROG_A, want, sizeof(want)),
		     PROG_A, PROG_OTHER, NULL);
}

TEST_F(transition, reset_domain_enters_namespace_named_by_program)
{
	char want[DOMAIN_NAME_MAX];

	ASSERT_EQ(0, load("reset_domain " PROG_B " from any\n",
			  "<" PROG_B ">\nuse_profile 0\n\n"));
	EXPECT_LANDS("<" PROG_B ">", PROG_A, PROG_B, NULL);
	/* Exec from there continues inside that namespace. */
	EXPECT_LANDS("<" PROG_B "> " PROG_OTHER, PROG_A, PROG_B, PROG_OTHER,
		     NULL);
	EXPECT_LANDS(under(self, " " PROG_A " " PROG_OTHER, want, sizeof(want)),
		     PROG_A, PROG_OTHER, NULL);
}

TEST_F(transition, no_reset_domain_from_domain_cancels_it_there)
{
	char exception[DOMAIN_NAME_MAX + 128], want[DOMAIN_NAME_MAX];

	snprintf(exception, sizeof(exception),
		 "reset_domain " PROG_B " from any\n"
		 "no_reset_domain " PROG_B " from %s " PROG_A "\n", self->self);
	ASSERT_EQ(0, load(exception, "<" PROG_B ">\nuse_profile 0\n\n"));
	EXPECT_LANDS(under(self, " " PROG_A " " PROG_B, want, sizeof(want)),
		     PROG_A, PROG_B, NULL);
	EXPECT_LANDS("<" PROG_B ">", PROG_OTHER, PROG_B, NULL);
}

TEST_F(transition, aggregator_names_domain_by_aggregate_name)
{
	char want[DOMAIN_NAME_MAX];

	ASSERT_EQ(0, load("aggregator " TR_DIR "/agg-\\* " TR_DIR "/aggregated\n",
			  NULL));
	under(self, " " PROG_A " " TR_DIR "/aggregated", want, sizeof(want));
	EXPECT_LANDS(want, PROG_A, PROG_AGG1, NULL);
	EXPECT_LANDS(want, PROG_A, PROG_AGG2, NULL);
	/* A program the pattern does not match is named by itself. */
	EXPECT_LANDS(under(self, " " PROG_A " " PROG_B, want, sizeof(want)),
		     PROG_A, PROG_B, NULL);
}

TEST_F(transition, transition_controls_see_aggregated_name)
{
	ASSERT_EQ(0, load("aggregator " TR_DIR "/agg-\\* " TR_DIR "/aggregated\n"
			  "initialize_domain " TR_DIR "/aggregated from any\n",
			  NULL));
	EXPECT_LANDS("<kernel> " TR_DIR "/aggregated", PROG_A, PROG_AGG2, NULL);
}

TEST_F(transition, lsm_get_self_attr_reports_domain)
{
	char want[DOMAIN_NAME_MAX + 128], got[DOMAIN_NAME_MAX + 128];
	char domain[DOMAIN_NAME_MAX];
	static char *const argv[] = { PROG_A, "--lsmattr", NULL };
	size_t ctx_len, len;

	ASSERT_EQ(0, load(NULL, NULL));
	under(self, " " PROG_A, domain, sizeof(domain));
	/* ctx is the domainname with its terminating NUL. */
	ctx_len = strlen(domain) + 1;
	len = (sizeof(struct lsm_ctx) + ctx_len + 7) & ~(size_t)7;
	snprintf(want, sizeof(want),
		 "id=%d flags=0 len=%zu ctx_len=%zu last=0 ctx=%s\n",
		 LSM_ID_WARDEN, len, ctx_len, domain);
	ASSERT_EQ(0, run_program(PROG_A, argv, NULL, NULL, got, sizeof(got)));
	EXPECT_STREQ(want, got);
}

TEST_F(transition, proc_pid_attr_and_process_status_report_other_task)
{
	char domains[DOMAIN_NAME_MAX + 64], domain[DOMAIN_NAME_MAX];
	char path[64], want[DOMAIN_NAME_MAX + 64], got[DOMAIN_NAME_MAX + 64];
	static char *const argv[] = { PROG_A, "--wait", NULL };
	int in[2], out[2], fd, status;
	ssize_t len;
	pid_t pid;

	under(self, " " PROG_A, domain, sizeof(domain));
	snprintf(domains, sizeof(domains), "%s\nuse_profile 2\n\n", domain);
	ASSERT_EQ(0, load(NULL, domains));
	ASSERT_EQ(0, pipe2(in, O_CLOEXEC));
	ASSERT_EQ(0, pipe2(out, O_CLOEXEC));
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		static char *const empty_env[] = { NULL };

		dup2(in[0], STDIN_FILENO);
		dup2(out[1], STDOUT_FILENO);
		execve(PROG_A, argv, empty_env);
		_exit(1);
	}
	close(in[0]);
	close(out[1]);
	/* The helper says "ready" once it runs in its new domain. */
	len = read(out[0], got, sizeof(got) - 1);
	ASSERT_EQ(6, len);

	snprintf(path, sizeof(path), "/proc/%d/attr/warden/current", pid);
	snprintf(want, sizeof(want), "%s\n", domain);
	EXPECT_LT(0, read_whole_file(path, got, sizeof(got)));
	EXPECT_STREQ(want, got);

	fd = open(WARDEN_DIR "/.process_status", O_RDWR | O_CLOEXEC);
	EXPECT_LE(0, fd);
	if (fd >= 0) {
		snprintf(path, sizeof(path), "%d\n", pid);
		EXPECT_EQ((ssize_t)strlen(path), write(fd, path, strlen(path)));
		len = read(fd, got, sizeof(got) - 1);
		got[len > 0 ? len : 0] = '\0';
		snprintf(want, sizeof(want), "%d 2 %s", pid, domain);
		EXPECT_STREQ(want, got);
		close(fd);
	}

	close(in[1]);
	close(out[0]);
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_TRUE(WIFEXITED(status) && !WEXITSTATUS(status));
}

TEST_F(transition, self_domain_reads_caller_domain)
{
	char got[DOMAIN_NAME_MAX];
	ssize_t len;

	ASSERT_EQ(0, load(NULL, NULL));
	len = read_whole_file(WARDEN_DIR "/self_domain", got, sizeof(got));
	ASSERT_LT(0, len);
	/* TOMOYO prints no newline; accept one. */
	if (got[len - 1] == '\n')
		got[len - 1] = '\0';
	EXPECT_STREQ(self->self, got);
}

TEST_F(transition, self_domain_write_moves_with_manual_transition_acl)
{
	char domains[2 * DOMAIN_NAME_MAX], domain[DOMAIN_NAME_MAX];
	char got[DOMAIN_NAME_MAX + 16];
	static char *const argv[] = { PROG_A, "--self", TARGET_DOMAIN, NULL };

	under(self, " " PROG_A, domain, sizeof(domain));
	snprintf(domains, sizeof(domains),
		 "%s\nuse_profile 0\ntask manual_domain_transition "
		 TARGET_DOMAIN "\n\n" TARGET_DOMAIN "\nuse_profile 0\n\n",
		 domain);
	ASSERT_EQ(0, load(NULL, domains));
	ASSERT_EQ(0, run_program(PROG_A, argv, NULL, NULL, got, sizeof(got)));
	EXPECT_STREQ("W=0\n" TARGET_DOMAIN "\n", got);
}

TEST_F(transition, self_domain_write_without_acl_fails_with_eperm)
{
	char domains[2 * DOMAIN_NAME_MAX], domain[DOMAIN_NAME_MAX];
	char want[DOMAIN_NAME_MAX + 16], got[DOMAIN_NAME_MAX + 16];
	static char *const argv[] = { PROG_B, "--self", TARGET_DOMAIN, NULL };

	/* Only PROG_A's domain may move; PROG_B's may not. */
	under(self, " " PROG_A, domain, sizeof(domain));
	snprintf(domains, sizeof(domains),
		 "%s\nuse_profile 0\ntask manual_domain_transition "
		 TARGET_DOMAIN "\n\n" TARGET_DOMAIN "\nuse_profile 0\n\n",
		 domain);
	ASSERT_EQ(0, load(NULL, domains));
	ASSERT_EQ(0, run_program(PROG_B, argv, NULL, NULL, got, sizeof(got)));
	snprintf(want, sizeof(want), "W=%d\n%s " PROG_B "\n", EPERM, self->self);
	EXPECT_STREQ(want, got);
}

TEST_F(transition, self_domain_write_accepts_trailing_newline_as_echo_sends)
{
	char domains[2 * DOMAIN_NAME_MAX], domain[DOMAIN_NAME_MAX];
	char got[DOMAIN_NAME_MAX + 16];
	static char *const argv[] = { PROG_A, "--self-echo", TARGET_DOMAIN, NULL };

	/* echo '<kernel> ...' > self_domain, as TOMOYO users do. */
	under(self, " " PROG_A, domain, sizeof(domain));
	snprintf(domains, sizeof(domains),
		 "%s\nuse_profile 0\ntask manual_domain_transition "
		 TARGET_DOMAIN "\n\n" TARGET_DOMAIN "\nuse_profile 0\n\n",
		 domain);
	ASSERT_EQ(0, load(NULL, domains));
	ASSERT_EQ(0, run_program(PROG_A, argv, NULL, NULL, got, sizeof(got)));
	EXPECT_STREQ("W=0\n" TARGET_DOMAIN "\n", got);
}

int main(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "--chain"))
		return helper_chain(argc, argv, false);
	if (argc >= 3 && !strcmp(argv[1], "--fexec"))
		return helper_chain(argc, argv, true);
	if (argc == 2 && !strcmp(argv[1], "--lsmattr"))
		return helper_lsmattr();
	if (argc == 2 && !strcmp(argv[1], "--wait"))
		return helper_wait();
	if (argc == 3 && !strcmp(argv[1], "--self"))
		return helper_self(argv[2], "");
	if (argc == 3 && !strcmp(argv[1], "--self-echo"))
		return helper_self(argv[2], "\n");
	return test_harness_run(argc, argv);
}
