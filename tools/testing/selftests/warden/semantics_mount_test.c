// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - mount's device word, mount's own errors and the
 * domains of programs run through /proc/self/exe, decided as TOMOYO 2.6
 * decides them.
 *
 * The same program runs on Warden (lsm=warden) and on TOMOYO itself
 * (lsm=tomoyo) and expects the same answers: it writes TOMOYO-format
 * policy through /sys/kernel/security/tomoyo/, which both provide, runs a
 * copy of itself in a domain of its own under /tmp/sem/m/, and checks
 * what the copy reports.  The boot's loader (scripts/vm/semantics.sh)
 * defines profiles 0 disabled, 1 learning, 2 permissive and 3 enforcing
 * and makes this program a manager.
 *
 * "--op mount <device> <type|-> <hex flags> <dir>" calls mount(2) and
 * prints "R=<errno>"; "--op selfexe" executes /proc/self/exe, which prints
 * "D=<its domain>" ("--op domain").
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../kselftest_harness.h"
#include "enforce_common.h"

#define TOMOYO_DIR "/sys/kernel/security/tomoyo"
#define SEM_DOMAIN_POLICY TOMOYO_DIR "/domain_policy"
#define SEM_EXCEPTION_POLICY TOMOYO_DIR "/exception_policy"
#define SEM_SELF_DOMAIN TOMOYO_DIR "/self_domain"
/* What scripts/vm/semantics.sh makes; only its boots run these cases. */
#define SEM_LOADER "/tmp/sem/loader"
/* The programs whose domains the cases run in. */
#define PROG_DIR "/tmp/sem/m"
/* What the cases mount on, and from. */
#define WORK "/tmp/sem/mnt"
#define MNT_DIR WORK "/d"
#define SRC WORK "/src"

static const char *const propagation_pairs[] = {
	"0x140000",	/* MS_SHARED | MS_PRIVATE */
	"0x180000",	/* MS_SHARED | MS_SLAVE */
	"0x120000",	/* MS_SHARED | MS_UNBINDABLE */
	"0xC0000",	/* MS_PRIVATE | MS_SLAVE */
	"0x60000",	/* MS_PRIVATE | MS_UNBINDABLE */
	"0xA0000",	/* MS_SLAVE | MS_UNBINDABLE */
};

static void print_line(const char *fmt, const char *value)
{
	char line[4200];
	int len = snprintf(line, sizeof(line), fmt, value);

	if (len < 0 || write(STDOUT_FILENO, line, len) != len)
		_exit(14);
}

/* The copy's side of a case. */
static int run_op(int argc, char **argv)
{
	char buf[4096], num[16];

	if (argc == 7 && !strcmp(argv[2], "mount")) {
		const char *type = strcmp(argv[4], "-") ? argv[4] : NULL;
		unsigned long flags = strtoul(argv[5], NULL, 16);
		int err = mount(argv[3], argv[6], type, flags, NULL) ? errno : 0;

		snprintf(num, sizeof(num), "%d", err);
		print_line("R=%s\n", num);
		return 0;
	}
	if (argc == 3 && !strcmp(argv[2], "selfexe")) {
		char *const args[] = { "sem-selfexe", "--op", "domain", NULL };

		execve("/proc/self/exe", args, (char *[]){ NULL });
		snprintf(num, sizeof(num), "%d", errno);
		print_line("R=%s\n", num);
		return 0;
	}
	if (argc == 3 && !strcmp(argv[2], "domain")) {
		ssize_t len = read_whole_file(SEM_SELF_DOMAIN, buf,
					      sizeof(buf));

		if (len < 0)
			return 12;
		/* TOMOYO ends it with no newline, Warden's compat too. */
		if (len && buf[len - 1] == '\n')
			buf[len - 1] = '\0';
		print_line("D=%s\n", buf);
		return 0;
	}
	return 13;
}

/*
 * Which LSM answers, for the log; NULL when TOMOYO's interface is absent,
 * or when this is not a semantics boot, whose loader defined the profiles.
 */
static const char *sem_lsm(void)
{
	static char list[512];

	if (access(SEM_LOADER, X_OK) || access(SEM_DOMAIN_POLICY, W_OK))
		return NULL;
	if (read_whole_file(LSM_LIST_FILE, list, sizeof(list)) <= 0)
		return NULL;
	if (list_has_entry(list, "warden"))
		return "warden";
	return list_has_entry(list, "tomoyo") ? "tomoyo" : NULL;
}

/*
 * Give the case @name a domain of its own, "<kernel> /tmp/sem/m/<name>",
 * in @profile with the entries @acl, and a copy of @program to run in it.
 */
static int sem_domain(const char *name, int profile, const char *acl,
		      const char *program)
{
	char text[4096], path[256];
	int err;

	snprintf(path, sizeof(path), PROG_DIR "/%s", name);
	err = copy_file(program, path, 0755);
	if (err)
		return err;
	snprintf(text, sizeof(text), "initialize_domain %s from any\n", path);
	err = write_file_once(SEM_EXCEPTION_POLICY, text);
	if (err)
		return err;
	snprintf(text, sizeof(text), "<kernel> %s\nuse_profile %d\n%s", path,
		 profile, acl);
	return write_file_once(SEM_DOMAIN_POLICY, text);
}

/* In the copy's child before the exec: a namespace, MNT_DIR mounted? */
static int sem_prepare(void *arg)
{
	bool mounted = arg;

	if (unshare(CLONE_NEWNS) ||
	    mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL))
		return -1;
	return mounted ? mount("sem", MNT_DIR, "tmpfs", 0, NULL) : 0;
}

/*
 * Run the case @name's copy: mount(2) of @device on MNT_DIR with @type
 * and @flags; MNT_DIR is a tmpfs mount beforehand if @mounted.  Returns
 * the errno the copy reports, or -1.
 */
static int sem_mount(struct __test_metadata *_metadata, const char *name,
		     bool mounted, const char *device, const char *type,
		     const char *flags)
{
	char path[256], out[256];
	char *const argv[] = { "sem", "--op", "mount", (char *)device,
			       (char *)type, (char *)flags, MNT_DIR, NULL };
	int err = -1;

	snprintf(path, sizeof(path), PROG_DIR "/%s", name);
	EXPECT_EQ(0, run_program(path, argv, sem_prepare,
				 mounted ? (void *)1 : NULL, out, sizeof(out)))
		TH_LOG("copy's output: %s", out);
	if (sscanf(out, "R=%d", &err) != 1)
		TH_LOG("%s: no result in '%s'", name, out);
	return err;
}

/* The "file " lines of a case's domain, for the log; NULL if none. */
static char *sem_block(const char *name)
{
	char domain[256];

	snprintf(domain, sizeof(domain), "<kernel> " PROG_DIR "/%s", name);
	return domain_policy_block_in(SEM_DOMAIN_POLICY, domain);
}

/* How many "file mount" entries the case's domain has, or -1. */
static int sem_mount_entries(const char *name)
{
	char *block = sem_block(name), *p;
	int n = 0;

	if (!block)
		return -1;
	for (p = block; (p = strstr(p, "file mount ")); p++)
		n++;
	free(block);
	return n;
}

static bool sem_has_line(const char *name, const char *line)
{
	char domain[256];

	snprintf(domain, sizeof(domain), "<kernel> " PROG_DIR "/%s", name);
	return domain_has_line_in(SEM_DOMAIN_POLICY, domain, line);
}

FIXTURE(sem) {};

FIXTURE_SETUP(sem)
{
	const char *lsm = sem_lsm();

	if (!lsm)
		SKIP(return, "not a semantics boot: no " SEM_LOADER
		     " or no writable " TOMOYO_DIR);
	TH_LOG("answering: %s", lsm);
	ASSERT_EQ(0, system("mkdir -p " PROG_DIR " " MNT_DIR " " SRC));
}

FIXTURE_TEARDOWN(sem)
{
}

/* Point 3: the device word is compared only where it names a file. */

TEST_F(sem, device_of_a_nodev_filesystem_is_not_compared)
{
	ASSERT_EQ(0, sem_domain("nodev", 3, "file mount something " MNT_DIR
				"/ tmpfs 0x0\n", "/proc/self/exe"));
	EXPECT_EQ(0, sem_mount(_metadata, "nodev", false, "other", "tmpfs",
			       "0"));
	/* The other words still are. */
	EXPECT_EQ(EPERM, sem_mount(_metadata, "nodev", false, "something",
				   "ramfs", "0"));
}

TEST_F(sem, device_of_a_remount_is_not_compared)
{
	ASSERT_EQ(0, sem_domain("remount", 3, "file mount something " MNT_DIR
				"/ --remount 0x0\n", "/proc/self/exe"));
	EXPECT_EQ(0, sem_mount(_metadata, "remount", true, "other", "-",
			       "0x20"));
}

TEST_F(sem, device_of_a_propagation_change_is_not_compared)
{
	ASSERT_EQ(0, sem_domain("private", 3, "file mount something " MNT_DIR
				"/ --make-private 0x0\n", "/proc/self/exe"));
	EXPECT_EQ(0, sem_mount(_metadata, "private", true, "other", "-",
			       "0x40000"));
	EXPECT_EQ(EPERM, sem_mount(_metadata, "private", true, "other", "-",
				   "0x100000"));
}

TEST_F(sem, device_of_a_bind_is_compared)
{
	ASSERT_EQ(0, sem_domain("bind-other", 3, "file mount " WORK "/ " MNT_DIR
				"/ --bind 0x0\n", "/proc/self/exe"));
	EXPECT_EQ(EPERM, sem_mount(_metadata, "bind-other", false, SRC, "-",
				   "0x1000"));
	ASSERT_EQ(0, sem_domain("bind-src", 3, "file mount " SRC "/ " MNT_DIR
				"/ --bind 0x0\n", "/proc/self/exe"));
	EXPECT_EQ(0, sem_mount(_metadata, "bind-src", false, SRC, "-",
			       "0x1000"));
}

TEST_F(sem, device_not_compared_is_learned_as_given_once)
{
	char *block;

	ASSERT_EQ(0, sem_domain("learn-nodev", 1, "", "/proc/self/exe"));
	EXPECT_EQ(0, sem_mount(_metadata, "learn-nodev", false, "learnme",
			       "tmpfs", "0"));
	EXPECT_TRUE(sem_has_line("learn-nodev",
				 "file mount learnme " MNT_DIR "/ tmpfs 0x0"));
	/* The entry learned grants another device word: nothing more. */
	EXPECT_EQ(0, sem_mount(_metadata, "learn-nodev", false, "again",
			       "tmpfs", "0"));
	EXPECT_EQ(1, sem_mount_entries("learn-nodev"));
	block = sem_block("learn-nodev");
	TH_LOG("learned:\n%s", block);
	free(block);
}

/* Point 4: mount's own errors come first, in every mode. */

TEST_F(sem, conflicting_propagation_flags_fail_with_einval_first)
{
	static const int profiles[] = { 3, 2, 1, 0 };
	char name[32];
	size_t i, j;

	for (i = 0; i < ARRAY_SIZE(profiles); i++) {
		snprintf(name, sizeof(name), "prop-%d", profiles[i]);
		ASSERT_EQ(0, sem_domain(name, profiles[i], "",
					"/proc/self/exe"));
		for (j = 0; j < ARRAY_SIZE(propagation_pairs); j++) {
			const char *flags = propagation_pairs[j];

			EXPECT_EQ(EINVAL, sem_mount(_metadata, name, true,
						    "none", "-", flags))
				TH_LOG("profile %d, pair %zu", profiles[i], j);
		}
		EXPECT_EQ(0, sem_mount_entries(name));
	}
}

TEST_F(sem, propagation_flags_beside_remount_or_bind_go_to_the_policy)
{
	ASSERT_EQ(0, sem_domain("prop-remount", 3, "", "/proc/self/exe"));
	/* MS_REMOUNT | MS_SHARED | MS_PRIVATE */
	EXPECT_EQ(EPERM, sem_mount(_metadata, "prop-remount", true, "none",
				   "-", "0x140020"));
	/* MS_BIND | MS_SHARED | MS_PRIVATE */
	EXPECT_EQ(EPERM, sem_mount(_metadata, "prop-remount", true, SRC, "-",
				   "0x141000"));
}

TEST_F(sem, unknown_filesystem_type_fails_with_enodev_first)
{
	static const int profiles[] = { 3, 2, 1, 0 };
	char name[32];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(profiles); i++) {
		snprintf(name, sizeof(name), "nofs-%d", profiles[i]);
		ASSERT_EQ(0, sem_domain(name, profiles[i], "",
					"/proc/self/exe"));
		EXPECT_EQ(ENODEV, sem_mount(_metadata, name, false, "none",
					    "warden-no-such-fs", "0"))
			TH_LOG("profile %d", profiles[i]);
		EXPECT_EQ(0, sem_mount_entries(name));
	}
}

TEST_F(sem, missing_bind_source_fails_with_enoent_first)
{
	static const int profiles[] = { 3, 1 };
	char name[32];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(profiles); i++) {
		snprintf(name, sizeof(name), "nosrc-%d", profiles[i]);
		ASSERT_EQ(0, sem_domain(name, profiles[i], "",
					"/proc/self/exe"));
		EXPECT_EQ(ENOENT, sem_mount(_metadata, name, false,
					    WORK "/missing", "-", "0x1000"))
			TH_LOG("profile %d", profiles[i]);
		EXPECT_EQ(0, sem_mount_entries(name));
	}
}

/* Point 9: a program executed as /proc/self/exe. */

/* Run the case @name's copy, which executes /proc/self/exe. */
static void sem_selfexe(struct __test_metadata *_metadata, const char *name,
			const char *want)
{
	char *const argv[] = { "sem", "--op", "selfexe", NULL };
	char path[256], out[4200];

	snprintf(path, sizeof(path), PROG_DIR "/%s", name);
	EXPECT_EQ(0, run_program(path, argv, NULL, NULL, out, sizeof(out)));
	EXPECT_STREQ(want, out);
}

/* The domain the exec leads to, made beforehand in profile 0. */
static int sem_selfexe_child(const char *name)
{
	char text[512];

	snprintf(text, sizeof(text),
		 "<kernel> " PROG_DIR "/%s proc:/self/exe\nuse_profile 0\n",
		 name);
	return write_file_once(SEM_DOMAIN_POLICY, text);
}

TEST_F(sem, proc_self_exe_names_the_domain_it_enters)
{
	ASSERT_EQ(0, sem_domain("selfexe", 3,
				"file execute proc:/self/exe\n",
				"/proc/self/exe"));
	ASSERT_EQ(0, sem_selfexe_child("selfexe"));
	sem_selfexe(_metadata, "selfexe",
		    "D=<kernel> " PROG_DIR "/selfexe proc:/self/exe\n");
}

TEST_F(sem, proc_self_exe_is_executed_by_that_name)
{
	ASSERT_EQ(0, sem_domain("selfexe-file", 3,
				"file execute " PROG_DIR "/selfexe-file\n",
				"/proc/self/exe"));
	ASSERT_EQ(0, sem_selfexe_child("selfexe-file"));
	sem_selfexe(_metadata, "selfexe-file", "R=1\n");
}

TEST_F(sem, proc_self_exe_has_the_file_as_exec_realpath)
{
	ASSERT_EQ(0, sem_domain("selfexe-rp", 3,
				"file execute proc:/self/exe exec.realpath=\""
				PROG_DIR "/selfexe-rp\"\n", "/proc/self/exe"));
	ASSERT_EQ(0, sem_selfexe_child("selfexe-rp"));
	sem_selfexe(_metadata, "selfexe-rp",
		    "D=<kernel> " PROG_DIR "/selfexe-rp proc:/self/exe\n");
	ASSERT_EQ(0, sem_domain("selfexe-rp2", 3,
				"file execute proc:/self/exe exec.realpath=\"/bin/busybox\"\n",
				"/proc/self/exe"));
	ASSERT_EQ(0, sem_selfexe_child("selfexe-rp2"));
	sem_selfexe(_metadata, "selfexe-rp2", "R=1\n");
}

TEST_F(sem, busybox_shell_runs_applets_in_a_proc_self_exe_domain)
{
	char *const argv[] = { "sh", "-c", "cat /dev/null; true", NULL };
	char *block;

	ASSERT_EQ(0, sem_domain("bbsh", 1, "", "/bin/busybox"));
	EXPECT_EQ(0, run_program(PROG_DIR "/bbsh", argv, NULL, NULL, NULL, 0));
	block = domain_policy_block_in(SEM_DOMAIN_POLICY, "<kernel> " PROG_DIR
				       "/bbsh proc:/self/exe");
	EXPECT_NE(NULL, block);
	free(block);
	block = domain_policy_block_in(SEM_DOMAIN_POLICY, "<kernel> " PROG_DIR
				       "/bbsh " PROG_DIR "/bbsh");
	EXPECT_EQ(NULL, block);
	free(block);
	block = sem_block("bbsh");
	TH_LOG("learned:\n%s", block);
	free(block);
}

int main(int argc, char **argv)
{
	if (argc >= 3 && !strcmp(argv[1], "--op"))
		return run_op(argc, argv);
	return test_harness_run(argc, argv);
}
