// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - the lifecycle of a policy document.
 *
 * The policy file parses each write as it comes and applies the document
 * once, at the last close of the open file, however many processes wrote
 * to it; a bad line fails its write, so "cat bad > policy" fails and the
 * policy stays as it was; and an exec into a new domain does not wait for
 * a large document being loaded.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../kselftest_harness.h"
#include "common.h"

#define POLICY_FILE WARDEN_DIR "/policy"
#define DUMP_SIZE (16 << 20)
#define WORK_DIR "/tmp/warden-lifecycle"

/* Two halves of a policy, as "cat a; cat b" would send them. */
static const char part_a[] =
	"[profile]\n"
	"PROFILE_VERSION=20150505\n"
	"0-COMMENT=-----Disabled Mode-----\n"
	"0-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }\n"
	"0-CONFIG={ mode=disabled grant_log=no reject_log=yes }\n"
	"[manager]\n"
	"[exception_policy]\n"
	"path_group LIFECYCLE_A /tmp/a/\\*\n";
static const char part_b[] =
	"path_group LIFECYCLE_B /tmp/b/\\*\n"
	"[domain_policy]\n"
	"<kernel>\n"
	"use_profile 0\n"
	"\n"
	"\n"
	"<kernel> /usr/sbin/lifecycle\n"
	"use_profile 0\n"
	"\n"
	"file read /etc/lifecycle\n"
	"\n";
static const char bad_document[] =
	"[profile]\n"
	"PROFILE_VERSION=20150505\n"
	"[domain_policy]\n"
	"<kernel> /usr/sbin/lifecycle\n"
	"file read /var/www/\\q\n"
	"file read /etc/hosts\n";

FIXTURE(lifecycle) {
	char *dump;
	char *before;
};

FIXTURE_SETUP(lifecycle)
{
	if (!warden_is_enabled())
		SKIP(return, "warden is not in " LSM_LIST_FILE);
	self->dump = malloc(DUMP_SIZE);
	self->before = malloc(DUMP_SIZE);
	ASSERT_NE(NULL, self->dump);
	ASSERT_NE(NULL, self->before);
	mkdir(WORK_DIR, 0755);
	ASSERT_EQ(0, write_text(WORK_DIR "/a", part_a, 0644));
	ASSERT_EQ(0, write_text(WORK_DIR "/b", part_b, 0644));
	ASSERT_EQ(0, write_text(WORK_DIR "/bad", bad_document, 0644));
}

FIXTURE_TEARDOWN(lifecycle)
{
	free(self->dump);
	free(self->before);
}

/*
 * Run "sh -c cat" once more, so that the domains its execs enter exist
 * before a print that a later "sh -c cat" must leave unchanged.
 */
static int enter_shell_domains(void)
{
	return system("cat " WORK_DIR "/a > /dev/null");
}

/* The document a+b, loaded and printed back. */
static char *expected_a_b(void)
{
	char *text;

	if (asprintf(&text, "%s%s", part_a, part_b) < 0)
		return NULL;
	return text;
}

TEST_F(lifecycle, shell_with_two_writers_loads_both_parts_once)
{
	unsigned int updates = policy_updates(WARDEN_DIR);
	char *expected = expected_a_b();

	ASSERT_NE(NULL, expected);
	ASSERT_NE(~0U, updates);
	/* Each cat closes the shared file when it exits; the shell last. */
	ASSERT_EQ(0, system("{ cat " WORK_DIR "/a; cat " WORK_DIR "/b; } > "
			    POLICY_FILE));
	EXPECT_EQ(updates + 1, policy_updates(WARDEN_DIR));
	ASSERT_LT(0, read_whole_file(POLICY_FILE, self->dump, DUMP_SIZE));
	EXPECT_STREQ(expected, self->dump);
	free(expected);
}

/* The same with two forked children writing, the parent watching. */
TEST_F(lifecycle, document_applies_at_last_close_only)
{
	unsigned int updates = policy_updates(WARDEN_DIR);
	static const char *const parts[] = { part_a, part_b };
	char *expected = expected_a_b();
	int fd, i, status;

	ASSERT_NE(NULL, expected);
	fd = open(POLICY_FILE, O_WRONLY | O_CLOEXEC);
	ASSERT_LE(0, fd);
	for (i = 0; i < 2; i++) {
		pid_t pid = fork();

		ASSERT_LE(0, pid);
		if (!pid) {
			ssize_t len = strlen(parts[i]);

			_exit(write(fd, parts[i], len) == len &&
			      !close(fd) ? 0 : 1);
		}
		ASSERT_EQ(pid, waitpid(pid, &status, 0));
		ASSERT_TRUE(WIFEXITED(status));
		EXPECT_EQ(0, WEXITSTATUS(status));
		/* A child's close is not the last one: nothing applied yet. */
		EXPECT_EQ(updates, policy_updates(WARDEN_DIR));
	}
	EXPECT_EQ(0, close(fd));
	EXPECT_EQ(updates + 1, policy_updates(WARDEN_DIR));
	ASSERT_LT(0, read_whole_file(POLICY_FILE, self->dump, DUMP_SIZE));
	EXPECT_STREQ(expected, self->dump);
	free(expected);
}

TEST_F(lifecycle, cat_of_bad_document_fails_and_changes_nothing)
{
	unsigned int updates;
	int status, fd;

	ASSERT_EQ(0, system("cat " WORK_DIR "/a " WORK_DIR "/b > "
			    POLICY_FILE));
	ASSERT_EQ(0, enter_shell_domains());
	updates = policy_updates(WARDEN_DIR);
	ASSERT_LT(0, read_whole_file(POLICY_FILE, self->before, DUMP_SIZE));
	status = system("cat " WORK_DIR "/bad > " POLICY_FILE);
	ASSERT_NE(-1, status);
	ASSERT_TRUE(WIFEXITED(status));
	EXPECT_NE(0, WEXITSTATUS(status));
	EXPECT_EQ(updates, policy_updates(WARDEN_DIR));
	ASSERT_LT(0, read_whole_file(POLICY_FILE, self->dump, DUMP_SIZE));
	EXPECT_STREQ(self->before, self->dump);

	/* The write() holding the bad line fails; so do later ones. */
	fd = open(POLICY_FILE, O_WRONLY | O_CLOEXEC);
	ASSERT_LE(0, fd);
	EXPECT_EQ(-1, write(fd, bad_document, strlen(bad_document)));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(-1, write(fd, part_a, strlen(part_a)));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(-1, close(fd));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(updates, policy_updates(WARDEN_DIR));
	ASSERT_LT(0, read_whole_file(POLICY_FILE, self->dump, DUMP_SIZE));
	EXPECT_STREQ(self->before, self->dump);
}

/* A reader goes on reading the policy it started with. */
TEST_F(lifecycle, reader_keeps_the_policy_it_started_reading)
{
	size_t len = 0;
	ssize_t n;
	int fd;

	ASSERT_EQ(0, system("cat " WORK_DIR "/a " WORK_DIR "/b > "
			    POLICY_FILE));
	ASSERT_EQ(0, enter_shell_domains());
	ASSERT_LT(0, read_whole_file(POLICY_FILE, self->before, DUMP_SIZE));
	fd = open(POLICY_FILE, O_RDONLY | O_CLOEXEC);
	ASSERT_LE(0, fd);
	ASSERT_EQ(16, read(fd, self->dump, 16));
	len = 16;
	/* Replaced meanwhile by a policy without the domain_policy part. */
	ASSERT_EQ(0, system("cat " WORK_DIR "/a > " POLICY_FILE));
	while ((n = read(fd, self->dump + len, 7)) > 0)
		len += n;
	EXPECT_EQ(0, n);
	self->dump[len] = '\0';
	EXPECT_EQ(0, close(fd));
	EXPECT_STREQ(self->before, self->dump);
	ASSERT_LT(0, read_whole_file(POLICY_FILE, self->dump, DUMP_SIZE));
	EXPECT_STRNE(self->before, self->dump);
}

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

struct loader {
	const char *text;
	size_t len;
	size_t chunk;
	bool writing;
	long long end;
	int err;
};

/* Write the document in chunks through one open file, then close it. */
static void *load_document(void *arg)
{
	struct loader *l = arg;
	size_t done = 0;
	int fd;

	fd = open(POLICY_FILE, O_WRONLY | O_CLOEXEC);
	if (fd < 0) {
		l->err = -errno;
		__atomic_store_n(&l->writing, true, __ATOMIC_RELEASE);
		return NULL;
	}
	while (done < l->len && !l->err) {
		size_t n = l->len - done < l->chunk ? l->len - done : l->chunk;
		ssize_t w;

		__atomic_store_n(&l->writing, true, __ATOMIC_RELEASE);
		w = write(fd, l->text + done, n);
		if (w < 0)
			l->err = -errno;
		else
			done += w;
	}
	if (close(fd) && !l->err)
		l->err = -errno;
	l->end = now_ns();
	return NULL;
}

/* Copy the file @from to a new executable @to; 0 or -1. */
static int copy_program(const char *from, const char *to)
{
	char buf[65536];
	int in, out, err = 0;
	ssize_t n;

	in = open(from, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return -1;
	out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0755);
	if (out < 0) {
		close(in);
		return -1;
	}
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, n) != n)
			err = -1;
	if (n < 0)
		err = -1;
	close(in);
	if (close(out))
		err = -1;
	return err;
}

/*
 * Run @program (a copy of busybox, so a new domain) as "cat" of
 * self_domain; return the domain it ran in, or NULL.
 */
static char *exec_and_read_domain(const char *program)
{
	static char domain[4096];
	int pipefd[2], status;
	ssize_t n, len = 0;
	pid_t pid;

	if (pipe(pipefd))
		return NULL;
	pid = fork();
	if (pid < 0)
		return NULL;
	if (!pid) {
		dup2(pipefd[1], 1);
		execl(program, "cat", WARDEN_DIR "/self_domain", (char *)NULL);
		_exit(127);
	}
	close(pipefd[1]);
	while ((n = read(pipefd[0], domain + len,
			 sizeof(domain) - 1 - len)) > 0)
		len += n;
	close(pipefd[0]);
	domain[len] = '\0';
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status))
		return NULL;
	return domain;
}

/* 100,000 lines take longer than the harness's 30 s on the KASAN kernel. */
TEST_F_TIMEOUT(lifecycle, exec_into_new_domain_does_not_wait_for_a_large_load,
	       300)
{
	const unsigned int n = 100000;
	struct loader l = { .chunk = 1 << 20 };
	long long start, exec_end, load_ns, exec_ns;
	char program[64], *text, *domain;
	size_t size = 4096 + (size_t)n * 48;
	pthread_t thread;
	unsigned int i;

	text = malloc(size);
	ASSERT_NE(NULL, text);
	l.len = sprintf(text, "%s%s<kernel> /usr/sbin/big\nuse_profile 0\n\n",
			part_a, part_b);
	for (i = 0; i < n; i++)
		l.len += sprintf(text + l.len, "file read/getattr /data/f%u\n",
				 i);
	l.text = text;
	/* A program name no domain has had yet in this boot. */
	snprintf(program, sizeof(program), WORK_DIR "/cat-%ld",
		 (long)now_ns());
	ASSERT_EQ(0, copy_program("/bin/busybox", program));

	start = now_ns();
	ASSERT_EQ(0, pthread_create(&thread, NULL, load_document, &l));
	while (!__atomic_load_n(&l.writing, __ATOMIC_ACQUIRE))
		usleep(1000);
	/* Let the first megabyte's lines be parsed for a while. */
	usleep(20000);
	exec_ns = now_ns();
	domain = exec_and_read_domain(program);
	exec_end = now_ns();
	exec_ns = exec_end - exec_ns;
	ASSERT_EQ(0, pthread_join(thread, NULL));
	load_ns = l.end - start;
	EXPECT_EQ(0, l.err);
	ASSERT_NE(NULL, domain);
	/* The exec entered a domain made for it while the load went on. */
	EXPECT_NE(NULL, strstr(domain, program));
	TH_LOG("load %lld ms, exec %lld ms, exec ended %lld ms before the load",
	       load_ns / 1000000, exec_ns / 1000000,
	       (l.end - exec_end) / 1000000);
	EXPECT_LT(exec_end, l.end);
	EXPECT_LT(exec_ns * 2, load_ns);
	unlink(program);
	free(text);
	/* Leave a small policy for the tests that follow. */
	EXPECT_EQ(0, system("cat " WORK_DIR "/a " WORK_DIR "/b > "
			    POLICY_FILE));
}

TEST_HARNESS_MAIN
