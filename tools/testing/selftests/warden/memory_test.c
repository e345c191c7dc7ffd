// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - policy memory stays bounded.
 *
 * A program in learning mode reads every file of a large tree: its domain
 * learns max_learning_entry entries, is marked quota_exceeded, and the
 * policy grows by no more than those entries cost, however many files
 * there are.  Under a policy memory quota, learning stops at the quota,
 * and lines written to domain_policy are refused with ENOMEM once it is
 * reached, never with an OOM, and accepted again once it is lifted.
 *
 * The tree holds WARDEN_MEMORY_FILES names (20000 by default; the issue's
 * 1000000 takes 37 s under TCG, 18 s to make and 18 s to read), hard
 * links to one file on a tmpfs of their own, so that the names cost a
 * dentry each and no inode.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../kselftest_harness.h"
#include "enforce_common.h"

#define DIR "/tmp/wm"
#define LEARNER DIR "/learner"
#define LEARNER_DOMAIN "<kernel> " LEARNER
#define PER_DIR 1000
#define MAX_LEARNING 2048
/* Far more than a learned entry costs, far less than a file would. */
#define ENTRY_COST_BOUND 1024

/* The learner: this program, exec'd as LEARNER, reads @n files. */
__attribute__((constructor)) static void memory_learner_main(int argc, char **argv)
{
	unsigned long i, n, opened = 0;
	char path[64];

	if (argc != 3 || strcmp(argv[1], "--learn"))
		return;
	n = strtoul(argv[2], NULL, 10);
	for (i = 0; i < n; i++) {
		int fd;

		snprintf(path, sizeof(path), DIR "/tree/d%lu/f%lu",
			 i / PER_DIR, i % PER_DIR);
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd >= 0) {
			opened++;
			close(fd);
		}
	}
	printf("%lu\n", opened);
	fflush(stdout);
	_exit(0);
}

static long policy_memory(void)
{
	return stat_counter("Memory used by policy:");
}

static int set_policy_quota(long bytes)
{
	char line[64];

	snprintf(line, sizeof(line), "Memory used by policy: %ld\n", bytes);
	return write_file_once(STAT_FILE, line);
}

/* Run the learner over the first @n files; what it opened, or -1. */
static long run_learner(unsigned long n)
{
	char count[32], out[64];
	char *const argv[] = { LEARNER, "--learn", count, NULL };

	snprintf(count, sizeof(count), "%lu", n);
	if (run_program(LEARNER, argv, NULL, NULL, out, sizeof(out)))
		return -1;
	return strtol(out, NULL, 10);
}

/* Make DIR/tree with @n names, hard links to one file; 0 or -errno. */
static int make_tree(struct __test_metadata *_metadata, unsigned long n)
{
	struct timespec t0, t1;
	char dir[64], path[96];
	unsigned long i;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < n; i++) {
		if (i % PER_DIR == 0) {
			snprintf(dir, sizeof(dir), DIR "/tree/d%lu", i / PER_DIR);
			if (mkdir(dir, 0755))
				return -errno;
		}
		snprintf(path, sizeof(path), "%s/f%lu", dir, i % PER_DIR);
		if (link(DIR "/tree/file", path))
			return -errno;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	TH_LOG("%lu names made in %ld ms", n, (t1.tv_sec - t0.tv_sec) * 1000 +
	       (t1.tv_nsec - t0.tv_nsec) / 1000000);
	return 0;
}

FIXTURE(memory) {
	unsigned long files;
};

FIXTURE_SETUP(memory)
{
	const char *env;
	char exe[512];
	ssize_t len;

	if (!warden_is_enabled())
		SKIP(return, "warden is not in " LSM_LIST_FILE);
	env = getenv("WARDEN_MEMORY_FILES");
	self->files = env ? strtoul(env, NULL, 0) : 20000;
	if (self->files < 4 * MAX_LEARNING)
		self->files = 4 * MAX_LEARNING;
	len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	ASSERT_LT(0, len);
	exe[len] = '\0';
	remove_tree(DIR);
	ASSERT_EQ(0, mkdir(DIR, 0755));
	ASSERT_EQ(0, mkdir(DIR "/tree", 0755));
	/*
	 * A tmpfs of its own without an inode limit (a hard link takes an
	 * inode slot of tmpfs), and one umount to drop a million names.
	 */
	ASSERT_EQ(0, mount("tmpfs", DIR "/tree", "tmpfs", 0, "nr_inodes=0"));
	ASSERT_EQ(0, symlink(exe, LEARNER));
	ASSERT_EQ(0, make_file(DIR "/tree/file", "x\n", 0644));
}

FIXTURE_TEARDOWN(memory)
{
	if (!warden_is_enabled())
		return;
	EXPECT_EQ(0, set_policy_quota(0));
	EXPECT_EQ(0, load_neutral_policy());
	umount2(DIR "/tree", MNT_DETACH);
	remove_tree(DIR);
}

TEST_F_TIMEOUT(memory, learning_over_a_large_tree_stays_within_its_quota, 3000)
{
	struct timespec t0, t1;
	long before, after, learned_before;

	ASSERT_EQ(0, make_tree(_metadata, self->files));
	ASSERT_EQ(0, load_test_policy(NULL, "initialize_domain " LEARNER " from any\n",
				      LEARNER_DOMAIN "\nuse_profile 1\n\n"));
	before = policy_memory();
	learned_before = stat_counter(STAT_LEARNING);
	ASSERT_LT(0, before);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	EXPECT_EQ(self->files, run_learner(self->files));
	clock_gettime(CLOCK_MONOTONIC, &t1);
	after = policy_memory();
	TH_LOG("%lu files read in %ld ms; policy memory %ld -> %ld bytes",
	       self->files, (t1.tv_sec - t0.tv_sec) * 1000 +
	       (t1.tv_nsec - t0.tv_nsec) / 1000000, before, after);
	/* max_learning_entry=2048 in profile 1: that many entries, no more. */
	EXPECT_EQ(MAX_LEARNING, count_file_lines(LEARNER_DOMAIN));
	EXPECT_TRUE(domain_has_line(LEARNER_DOMAIN, "quota_exceeded"));
	EXPECT_GE(MAX_LEARNING * ENTRY_COST_BOUND, after - before);
	/* Every request was still learned-mode allowed and counted. */
	EXPECT_LE(learned_before + (long)self->files, stat_counter(STAT_LEARNING));
}

/* Making 8,192 names alone takes about 20 s on the KASAN kernel. */
TEST_F_TIMEOUT(memory, learning_stops_at_the_policy_memory_quota, 300)
{
	long before, after;

	ASSERT_EQ(0, load_test_policy("1-PREFERENCE={ max_learning_entry=100000 }\n",
				      "initialize_domain " LEARNER " from any\n",
				      LEARNER_DOMAIN "\nuse_profile 1\n\n"));
	ASSERT_EQ(0, make_tree(_metadata, 4 * MAX_LEARNING));
	before = policy_memory();
	ASSERT_LT(0, before);
	ASSERT_EQ(0, set_policy_quota(before + 32768));
	/* The learner still runs and reads everything; only learning stops. */
	EXPECT_EQ(4 * MAX_LEARNING, run_learner(4 * MAX_LEARNING));
	after = policy_memory();
	ASSERT_EQ(0, set_policy_quota(0));
	TH_LOG("policy memory %ld -> %ld bytes under a quota of %ld", before,
	       after, before + 32768);
	EXPECT_GE(before + 32768, after);
	EXPECT_LT(before, after);
	EXPECT_LT(0, count_file_lines(LEARNER_DOMAIN));
	EXPECT_GT(4 * MAX_LEARNING, count_file_lines(LEARNER_DOMAIN));
}

TEST_F(memory, policy_quota_refuses_lines_with_enomem)
{
	long before, used;
	unsigned long accepted = 0, i;
	char line[128];
	int fd, err = 0;

	ASSERT_EQ(0, load_test_policy(NULL, NULL, NULL));
	before = policy_memory();
	ASSERT_LT(0, before);
	ASSERT_EQ(0, set_policy_quota(before + 65536));
	fd = open(DOMAIN_POLICY_FILE, O_WRONLY | O_CLOEXEC);
	ASSERT_LE(0, fd);
	ASSERT_LT(0, write(fd, "<kernel> /quota\n", 16));
	/* 64 KiB of quota holds far fewer than 100000 entries. */
	for (i = 0; i < 100000 && !err; i++) {
		int n = snprintf(line, sizeof(line), "file read /quota/%lu\n", i);

		if (write(fd, line, n) == n)
			accepted++;
		else
			err = errno;
	}
	TH_LOG("%lu lines accepted before error %d", accepted, err);
	EXPECT_EQ(ENOMEM, err);
	EXPECT_LT(0, accepted);
	used = policy_memory();
	EXPECT_GE(before + 65536, used);
	/* Still refused, and refused without changing anything. */
	errno = 0;
	EXPECT_EQ(-1, write(fd, "file read /quota/again\n", 23));
	EXPECT_EQ(ENOMEM, errno);
	EXPECT_EQ(used, policy_memory());
	/* With the quota lifted, the same line is accepted. */
	ASSERT_EQ(0, set_policy_quota(0));
	EXPECT_EQ(23, write(fd, "file read /quota/again\n", 23));
	close(fd);
	EXPECT_EQ(accepted + 1, count_file_lines("<kernel> /quota"));
}

TEST_HARNESS_MAIN
