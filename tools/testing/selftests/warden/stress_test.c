// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - decisions stay right while the policy churns.
 *
 * Worker processes exec into an enforcing domain and a learning domain
 * and open files, connect and exec there in a loop, while the whole policy
 * is replaced through the policy file again and again, child domains and
 * the learning domain are deleted, profiles are rewritten and query
 * readers come and go.  In the enforcing domain a file every version
 * allows must never be refused, one no version allows must never be
 * granted, and a file only even versions allow must be decided by the
 * version in force when the request ran (a sequence count around each
 * load tells which that was).  The learning domain is never refused.
 * Nothing may hang: the harness's timeout bounds the run.
 *
 * The run lasts WARDEN_STRESS_SECONDS (15 by default).
 */

#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../kselftest_harness.h"
#include "enforce_common.h"

#define DIR "/tmp/ws"
#define ENFORCED DIR "/enforced"
#define LEARNER DIR "/learner"
#define CHILD DIR "/child"
#define FORBIDDEN DIR "/forbidden"
#define ALLOWED_FILE DIR "/allowed"
#define DENIED_FILE DIR "/denied"
#define EVEN_FILE DIR "/even"
#define ENFORCED_DOMAIN "<kernel> " ENFORCED
#define LEARNER_DOMAIN "<kernel> " LEARNER
#define CHILD_DOMAIN ENFORCED_DOMAIN " " CHILD
/* Below the ephemeral range, where a connect could meet its own port. */
#define ALLOWED_PORT 3001
#define DENIED_PORT 3002
#define NR_ENFORCED 2
#define PROFILE_1_QUIET "1-CONFIG={ mode=learning grant_log=no reject_log=no }\n"
#define PROFILE_1_LOGGED "1-CONFIG={ mode=learning grant_log=yes reject_log=no }\n"
#define WORKER_ROUNDS 40

/* What the driver and the workers share, in a memfd the workers inherit. */
struct shared {
	unsigned long seq;	/* twice the version in force; odd while loading */
	int stop;
	unsigned long opens, refusals, versioned, unversioned, connects;
	unsigned long execs, learned, replaces, deletes, profile_writes;
	unsigned long query_sessions, answers, spawns;
	unsigned long bad;
	char failure[256];
};

static struct shared *shm;

/* The enforcing domains allow no "misc env": programs get no environment. */
static char *const no_env[] = { NULL };

static void shared_fail(const char *fmt, ...)
{
	va_list ap;

	__atomic_add_fetch(&shm->bad, 1, __ATOMIC_SEQ_CST);
	if (shm->failure[0])
		return;
	va_start(ap, fmt);
	vsnprintf(shm->failure, sizeof(shm->failure), fmt, ap);
	va_end(ap);
}

static void count(unsigned long *counter)
{
	__atomic_add_fetch(counter, 1, __ATOMIC_RELAXED);
}

static unsigned long load_seq(void)
{
	return __atomic_load_n(&shm->seq, __ATOMIC_SEQ_CST);
}

/* Whether opening @path for reading was allowed; false when refused. */
static bool open_allowed(const char *path, int *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd >= 0) {
		close(fd);
		return true;
	}
	*err = errno;
	return false;
}

static bool refused(int err)
{
	return err == EACCES || err == EPERM;
}

static int connect_port(int port)
{
	struct sockaddr_in addr = {
		.sin_family = AF_INET,
		.sin_port = htons(port),
		.sin_addr.s_addr = htonl(INADDR_LOOPBACK),
	};
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), err;

	if (fd < 0)
		return errno;
	err = connect(fd, (struct sockaddr *)&addr, sizeof(addr)) ? errno : 0;
	close(fd);
	return err;
}

/* Exec @path in a child; its exit status, or 128 + errno of execve(). */
static int exec_status(const char *path)
{
	char *const argv[] = { (char *)path, "--stress-exit", NULL };
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (!pid) {
		execve(path, argv, no_env);
		_exit(128 + errno);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

static void enforced_worker(void)
{
	int round, err, status;

	for (round = 0; round < WORKER_ROUNDS && !shm->stop; round++) {
		unsigned long before, after;
		bool allowed;

		err = 0;
		if (!open_allowed(ALLOWED_FILE, &err))
			shared_fail("%s refused (%d) though every version allows it",
				    ALLOWED_FILE, err);
		count(&shm->opens);
		err = 0;
		if (open_allowed(DENIED_FILE, &err) || !refused(err))
			shared_fail("%s not refused (%d) though no version allows it",
				    DENIED_FILE, err);
		count(&shm->refusals);
		before = load_seq();
		err = 0;
		allowed = open_allowed(EVEN_FILE, &err);
		after = load_seq();
		if (!allowed && !refused(err))
			shared_fail("%s: error %d", EVEN_FILE, err);
		if (before == after && !(before & 1)) {
			/* Version before / 2 was in force throughout. */
			if (allowed != !((before / 2) % 2))
				shared_fail("%s %s under version %lu", EVEN_FILE,
					    allowed ? "allowed" : "refused",
					    before / 2);
			count(&shm->versioned);
		} else {
			count(&shm->unversioned);
		}
		err = connect_port(ALLOWED_PORT);
		if (err != ECONNREFUSED)
			shared_fail("connect to the allowed port: %d", err);
		err = connect_port(DENIED_PORT);
		if (!refused(err))
			shared_fail("connect to the denied port: %d", err);
		count(&shm->connects);
		if (round % 8 == 0) {
			status = exec_status(CHILD);
			if (status)
				shared_fail("exec of %s: status %d", CHILD, status);
			status = exec_status(FORBIDDEN);
			if (status != 128 + EACCES && status != 128 + EPERM)
				shared_fail("exec of %s: status %d", FORBIDDEN,
					    status);
			count(&shm->execs);
		}
	}
}

static void learning_worker(void)
{
	int round, err;
	char path[64];

	for (round = 0; round < WORKER_ROUNDS && !shm->stop; round++) {
		snprintf(path, sizeof(path), DIR "/data/f%d", round % 16);
		err = 0;
		if (!open_allowed(path, &err) || !open_allowed(DENIED_FILE, &err))
			shared_fail("learning domain refused a file (%d)", err);
		err = connect_port(DENIED_PORT);
		if (err != ECONNREFUSED)
			shared_fail("learning domain: connect gave %d", err);
		count(&shm->learned);
	}
}

/*
 * The workers are this program, exec'd under another name: it recognises
 * that before the harness starts.
 */
__attribute__((constructor)) static void stress_worker_main(int argc, char **argv)
{
	if (argc < 2)
		return;
	if (!strcmp(argv[1], "--stress-exit"))
		_exit(0);
	if (argc < 3 || strcmp(argv[1], "--stress-worker"))
		return;
	shm = mmap(NULL, sizeof(*shm), PROT_READ | PROT_WRITE, MAP_SHARED,
		   atoi(argv[2]), 0);
	if (shm == MAP_FAILED)
		_exit(3);
	if (!strcmp(argv[0], ENFORCED))
		enforced_worker();
	else
		learning_worker();
	_exit(0);
}

/* Version @version of the policy; only even ones allow EVEN_FILE. */
static int load_version(unsigned long version)
{
	char domains[4096], profile[256];
	int len, i;

	snprintf(profile, sizeof(profile),
		 "3-CONFIG::file::open={ mode=enforcing grant_log=%s reject_log=no }\n",
		 version % 3 ? "no" : "yes");
	len = snprintf(domains, sizeof(domains),
		       ENFORCED_DOMAIN "\nuse_profile 3\n\n"
		       "file read " ALLOWED_FILE "\n"
		       "file execute " CHILD "\n"
		       "network inet stream connect 127.0.0.1 %d\n"
		       "%s\n"
		       LEARNER_DOMAIN "\nuse_profile %d\n\n",
		       ALLOWED_PORT, version % 2 ? "" : "file read " EVEN_FILE "\n",
		       version % 4 < 2 ? 1 : 2);
	/* Some filler, so that the versions differ in size too. */
	for (i = 0; i < (int)(version % 7) && len < 3800; i++)
		len += snprintf(domains + len, sizeof(domains) - len,
				"<kernel> /stress/filler%d\nuse_profile 0\n\n"
				"file read /stress/%lu/\\*\n\n", i, version);
	return load_test_policy(profile,
				"initialize_domain " ENFORCED " from any\n"
				"initialize_domain " LEARNER " from any\n",
				domains);
}

static void *replacer(void *arg)
{
	unsigned long version = 0;
	unsigned int step = 0;

	while (!shm->stop) {
		int err;

		step++;
		if (step % 5 == 0) {
			/* Delete the child domain, or the learning domain. */
			err = write_file_once(DOMAIN_POLICY_FILE, step % 10 ?
					      "delete " CHILD_DOMAIN "\n" :
					      "delete " LEARNER_DOMAIN "\n");
			if (err && err != -ENOENT)
				shared_fail("deleting a domain: %d", err);
			count(&shm->deletes);
			continue;
		}
		if (step % 5 == 1) {
			/* Switch profile 1 between its settings, line by line. */
			err = write_file_once(WARDEN_DIR "/profile", step % 2 ?
					      PROFILE_1_QUIET : PROFILE_1_LOGGED);
			if (err)
				shared_fail("switching profile 1: %d", err);
			count(&shm->profile_writes);
			continue;
		}
		__atomic_store_n(&shm->seq, 2 * version + 1, __ATOMIC_SEQ_CST);
		err = load_version(version + 1);
		if (err) {
			shared_fail("loading version %lu: %d", version + 1, err);
			__atomic_store_n(&shm->seq, 2 * version, __ATOMIC_SEQ_CST);
			break;
		}
		version++;
		__atomic_store_n(&shm->seq, 2 * version, __ATOMIC_SEQ_CST);
		count(&shm->replaces);
	}
	return NULL;
}

/* Query readers come and go; each reads a few queries and rejects them. */
static void *query_reader(void *arg)
{
	char buf[8192];

	while (!shm->stop) {
		/* Not blocking: a query may be gone by the time it is read. */
		int fd = open(WARDEN_DIR "/query", O_RDWR | O_NONBLOCK | O_CLOEXEC), i;

		if (fd < 0) {
			shared_fail("open query: %d", errno);
			break;
		}
		count(&shm->query_sessions);
		for (i = 0; i < 20 && !shm->stop; i++) {
			struct pollfd pfd = { .fd = fd, .events = POLLIN };
			unsigned int serial;
			char answer[64];
			ssize_t n;

			if (poll(&pfd, 1, 50) <= 0)
				continue;
			n = read(fd, buf, sizeof(buf) - 1);
			if (n <= 0)
				continue;
			buf[n] = '\0';
			if (sscanf(buf, "Q%u-", &serial) != 1)
				continue;
			snprintf(answer, sizeof(answer), "A%u=2\n", serial);
			if (write(fd, answer, strlen(answer)) > 0)
				count(&shm->answers);
		}
		close(fd);
		usleep(20000);
	}
	return NULL;
}

/* Start a worker: this program exec'd as @program, given the memfd. */
static pid_t spawn(const char *program, int memfd)
{
	char fdtext[16];
	char *const argv[] = { (char *)program, "--stress-worker", fdtext, NULL };
	pid_t pid;

	snprintf(fdtext, sizeof(fdtext), "%d", memfd);
	pid = fork();
	if (!pid) {
		execve(program, argv, no_env);
		_exit(64 + errno);
	}
	return pid;
}

FIXTURE(stress) {
	unsigned int seconds;
	int memfd;
};

FIXTURE_SETUP(stress)
{
	char exe[512];
	const char *env;
	ssize_t len;
	int i;

	if (!warden_is_enabled())
		SKIP(return, "warden is not in " LSM_LIST_FILE);
	env = getenv("WARDEN_STRESS_SECONDS");
	self->seconds = env ? strtoul(env, NULL, 0) : 15;
	if (self->seconds < 1 || self->seconds > 500)
		self->seconds = 15;
	len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	ASSERT_LT(0, len);
	exe[len] = '\0';
	remove_tree(DIR);
	ASSERT_EQ(0, mkdir(DIR, 0755));
	ASSERT_EQ(0, mkdir(DIR "/data", 0755));
	ASSERT_EQ(0, symlink(exe, ENFORCED));
	ASSERT_EQ(0, symlink(exe, LEARNER));
	ASSERT_EQ(0, symlink(exe, CHILD));
	ASSERT_EQ(0, symlink(exe, FORBIDDEN));
	ASSERT_EQ(0, make_file(ALLOWED_FILE, "a\n", 0644));
	ASSERT_EQ(0, make_file(DENIED_FILE, "d\n", 0644));
	ASSERT_EQ(0, make_file(EVEN_FILE, "e\n", 0644));
	for (i = 0; i < 16; i++) {
		char path[64];

		snprintf(path, sizeof(path), DIR "/data/f%d", i);
		ASSERT_EQ(0, make_file(path, "x\n", 0644));
	}
	self->memfd = memfd_create("warden-stress", 0);
	ASSERT_LE(0, self->memfd);
	ASSERT_EQ(0, ftruncate(self->memfd, sizeof(*shm)));
	shm = mmap(NULL, sizeof(*shm), PROT_READ | PROT_WRITE, MAP_SHARED,
		   self->memfd, 0);
	ASSERT_NE(MAP_FAILED, shm);
	memset(shm, 0, sizeof(*shm));
	ASSERT_EQ(0, load_version(0));
}

FIXTURE_TEARDOWN(stress)
{
	if (!warden_is_enabled())
		return;
	EXPECT_EQ(0, load_neutral_policy());
	remove_tree(DIR);
}

static void log_counters(struct __test_metadata *_metadata, const char *when)
{
	TH_LOG("%s: %lu loads, %lu deletes, %lu profile writes, %lu query sessions, %lu answers",
	       when, shm->replaces, shm->deletes, shm->profile_writes,
	       shm->query_sessions, shm->answers);
	TH_LOG("%s: %lu worker execs, %lu allowed opens, %lu refused opens",
	       when, shm->spawns, shm->opens, shm->refusals);
	TH_LOG("%s: %lu versioned decisions (%lu unversioned), %lu connect pairs",
	       when, shm->versioned, shm->unversioned, shm->connects);
	TH_LOG("%s: %lu child execs, %lu learning rounds", when, shm->execs,
	       shm->learned);
}

/* Name what a stuck worker waits in, for the log. */
static void log_stuck(struct __test_metadata *_metadata, pid_t pid)
{
	char path[64], wchan[128] = "", stack[2048] = "";

	snprintf(path, sizeof(path), "/proc/%d/wchan", pid);
	read_whole_file(path, wchan, sizeof(wchan));
	snprintf(path, sizeof(path), "/proc/%d/stack", pid);
	read_whole_file(path, stack, sizeof(stack));
	TH_LOG("worker %d is stuck in %s\n%s", pid, wchan, stack);
}

TEST_F_TIMEOUT(stress, decisions_follow_the_policy_in_force, 560)
{
	pthread_t replace_thread, query_threads[2];
	pid_t workers[NR_ENFORCED + 1];
	time_t start = time(NULL), end = start + self->seconds, last = start;
	int i, status, live;

	ASSERT_EQ(0, pthread_create(&replace_thread, NULL, replacer, NULL));
	for (i = 0; i < 2; i++)
		ASSERT_EQ(0, pthread_create(&query_threads[i], NULL,
					    query_reader, NULL));
	for (i = 0; i <= NR_ENFORCED; i++) {
		workers[i] = spawn(i < NR_ENFORCED ? ENFORCED : LEARNER,
				   self->memfd);
		ASSERT_LT(0, workers[i]);
	}
	/* Workers run a few rounds and exit; each is replaced by a new exec. */
	while (time(NULL) < end && !shm->bad) {
		pid_t pid = waitpid(-1, &status, WNOHANG);

		if (time(NULL) >= last + 5) {
			last = time(NULL);
			log_counters(_metadata, "progress");
		}
		if (pid <= 0) {
			usleep(10000);
			continue;
		}
		for (i = 0; i <= NR_ENFORCED; i++) {
			if (workers[i] != pid)
				continue;
			if (!WIFEXITED(status) || WEXITSTATUS(status))
				shared_fail("%s worker: status 0x%x (64 + errno: no exec)",
					    i < NR_ENFORCED ? "enforced" : "learning",
					    status);
			workers[i] = spawn(i < NR_ENFORCED ? ENFORCED : LEARNER,
					   self->memfd);
			count(&shm->spawns);
		}
	}
	shm->stop = 1;
	/* Everything must wind down within 30 seconds: nothing hangs. */
	end = time(NULL) + 30;
	do {
		live = 0;
		for (i = 0; i <= NR_ENFORCED; i++) {
			if (workers[i] > 0 &&
			    waitpid(workers[i], &status, WNOHANG) == workers[i])
				workers[i] = 0;
			live += workers[i] > 0;
		}
		if (live)
			usleep(50000);
	} while (live && time(NULL) < end);
	for (i = 0; i <= NR_ENFORCED; i++) {
		if (workers[i] <= 0)
			continue;
		log_stuck(_metadata, workers[i]);
		shared_fail("worker %d did not finish", workers[i]);
		kill(workers[i], SIGKILL);
		waitpid(workers[i], &status, 0);
	}
	pthread_join(replace_thread, NULL);
	for (i = 0; i < 2; i++)
		pthread_join(query_threads[i], NULL);
	log_counters(_metadata, "done");
	EXPECT_EQ(0, shm->bad) TH_LOG("first failure: %s", shm->failure);
	/* The run did something under every kind of churn. */
	EXPECT_LT(2, shm->replaces);
	EXPECT_LT(0, shm->deletes);
	EXPECT_LT(0, shm->versioned);
	EXPECT_LT(0, shm->learned);
	EXPECT_LT(0, shm->execs);
}

TEST_HARNESS_MAIN
