// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - ways around a pathname rule do not get around it.
 *
 * A helper domain in enforcing mode may only read /tmp/wb/allowed.  Every
 * other way of reaching /tmp/wb/secret must fail with EPERM: a symlink or
 * hard link to it (and making one), a bind mount over the allowed name,
 * chroot and paths relative to it, "..", reopening an O_PATH descriptor
 * through /proc/self/fd, openat2() with RESOLVE_* flags, executing a
 * program the policy does not allow by execveat(), fexecve(), a memfd or a
 * script, renaming the secret to the allowed name, a path across a
 * mount point, and the new mount API: a copy of the secret from
 * open_tree() or a new tmpfs from fsmount() attached by move_mount(), a
 * move_mount() of a mounted tree and an fspick() reconfiguration.  Where
 * the policy names what the path looks like from inside a chroot, a
 * RESOLVE_IN_ROOT root, a mount or /proc, the real pathname is still the
 * one checked.  Each attempt also runs with the
 * domain in permissive mode, where it must work and be counted: that shows
 * the attempt is real and the denial comes from the policy.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

#include "../kselftest_harness.h"
#include "enforce_common.h"

#ifndef MFD_EXEC
#define MFD_EXEC 0x0010U
#endif

#define HELPER "/tmp/warden-bypass"
#define HELPER_DOMAIN "<kernel> " HELPER
#define BP_DIR "/tmp/wb"
#define ALLOWED BP_DIR "/allowed"
#define SECRET BP_DIR "/secret"
#define SECRET_PROG BP_DIR "/secret_prog"
#define SCRIPT BP_DIR "/script"
#define ALLOWED_TEXT "ALLOWED\n"
#define SECRET_TEXT "SECRET\n"
/* The descriptor number a memfd is handed to the helper on. */
#define MEMFD_FD 100
/* Reported when a file opened but did not hold what was expected. */
#define WRONG_CONTENT 1000

static char *const empty_env[] = { NULL };

/* 0 if @fd is open on a file holding @text, else errno or WRONG_CONTENT. */
static int check_fd(int fd, const char *text)
{
	char buf[64];
	ssize_t n;

	if (fd < 0)
		return errno;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n < 0)
		return errno;
	buf[n] = '\0';
	return strcmp(buf, text) ? WRONG_CONTENT : 0;
}

static void try_open(char kind, const char *what, const char *path,
		     const char *text)
{
	report(kind, what, check_fd(open(path, O_RDONLY), text));
}

static void try_openat2(char kind, const char *what, int dirfd,
			const char *path, __u64 resolve, const char *text)
{
	struct open_how how = { .flags = O_RDONLY, .resolve = resolve };

	report(kind, what, check_fd(syscall(SYS_openat2, dirfd, path, &how,
					    sizeof(how)), text));
}

/* Exec @path (or @fd with AT_EMPTY_PATH); only a failure returns. */
static void try_exec(int dirfd, const char *path, int flags)
{
	static char *const argv[] = { "secret_prog", "--exec-ok", NULL };

	syscall(SYS_execveat, dirfd, path, argv, empty_env, flags);
	report('A', "exec", errno);
}

/* Attach the detached mount @fd on @to: 0 or errno. */
static int attach(int fd, const char *to)
{
	int err = 0;

	if (fd < 0)
		return errno;
	if (move_mount(fd, "", AT_FDCWD, to, MOVE_MOUNT_F_EMPTY_PATH))
		err = errno;
	close(fd);
	return err;
}

/* A new tmpfs from fsopen()/fsconfig()/fsmount(), or -1. */
static int new_tmpfs(void)
{
	int fd = fsopen("tmpfs", FSOPEN_CLOEXEC), mfd = -1;

	if (fd < 0)
		return -1;
	if (!fsconfig(fd, FSCONFIG_CMD_CREATE, NULL, NULL, 0))
		mfd = fsmount(fd, FSMOUNT_CLOEXEC, 0);
	close(fd);
	return mfd;
}

static int attempt(const char *name)
{
	char path[64];
	int fd, dirfd, err;

	/* Control: the one thing the policy allows works. */
	try_open('C', "allowed", ALLOWED, ALLOWED_TEXT);
	dirfd = open(BP_DIR, O_PATH | O_DIRECTORY);
	if (dirfd < 0)
		return 10;

	if (!strcmp(name, "symlink_open")) {
		try_open('A', "open", BP_DIR "/link_to_secret", SECRET_TEXT);
	} else if (!strcmp(name, "symlink_create")) {
		report('A', "symlink", symlink("secret", BP_DIR "/newlink") ?
		       errno : 0);
		if (!access(BP_DIR "/newlink", F_OK))
			try_open('A', "open", BP_DIR "/newlink", SECRET_TEXT);
	} else if (!strcmp(name, "hardlink_create")) {
		report('A', "link", link(SECRET, BP_DIR "/newhard") ? errno : 0);
		if (!access(BP_DIR "/newhard", F_OK))
			try_open('A', "open", BP_DIR "/newhard", SECRET_TEXT);
	} else if (!strcmp(name, "hardlink_open")) {
		try_open('A', "open", BP_DIR "/hardlink", SECRET_TEXT);
	} else if (!strcmp(name, "bind_mount")) {
		err = mount(SECRET, ALLOWED, NULL, MS_BIND, NULL) ? errno : 0;
		report('A', "mount", err);
		if (!err)
			try_open('A', "open", ALLOWED, SECRET_TEXT);
	} else if (!strcmp(name, "open_tree_bind") ||
		   !strcmp(name, "open_tree_rbind")) {
		unsigned int flags = OPEN_TREE_CLONE;

		if (!strcmp(name, "open_tree_rbind"))
			flags |= AT_RECURSIVE;
		err = attach(open_tree(AT_FDCWD, SECRET, flags), ALLOWED);
		report('A', "move_mount", err);
		if (!err)
			try_open('A', "open", ALLOWED, SECRET_TEXT);
	} else if (!strcmp(name, "fsmount_over_dir")) {
		report('A', "move_mount", attach(new_tmpfs(), BP_DIR "/sub"));
	} else if (!strcmp(name, "move_mount_attached")) {
		report('A', "move_mount", move_mount(AT_FDCWD, BP_DIR "/mnt",
						     AT_FDCWD, BP_DIR "/sub", 0) ?
		       errno : 0);
	} else if (!strcmp(name, "fspick_remount")) {
		fd = fspick(AT_FDCWD, BP_DIR "/mnt", FSPICK_CLOEXEC);
		/* Picking is not reconfiguring: it is not what is decided. */
		report('C', "fspick", fd < 0 ? errno : 0);
		if (fd >= 0)
			report('A', "reconfigure",
			       fsconfig(fd, FSCONFIG_CMD_RECONFIGURE, NULL,
					NULL, 0) ? errno : 0);
	} else if (!strcmp(name, "chroot")) {
		report('A', "chroot", chroot(BP_DIR) ? errno : 0);
	} else if (!strcmp(name, "chroot_relative")) {
		report('C', "chroot", chroot(BP_DIR) || chdir("/") ? errno : 0);
		try_open('C', "root_allowed", "/allowed", ALLOWED_TEXT);
		try_open('A', "relative", "secret", SECRET_TEXT);
		try_open('A', "absolute", "/secret", SECRET_TEXT);
	} else if (!strcmp(name, "dotdot")) {
		if (chdir(BP_DIR "/sub"))
			return 11;
		try_open('C', "dotdot_allowed", "../allowed", ALLOWED_TEXT);
		try_open('C', "sub_dotdot_allowed", BP_DIR "/sub/../allowed",
			 ALLOWED_TEXT);
		try_open('A', "dotdot", "../secret", SECRET_TEXT);
		try_open('A', "sub_dotdot", BP_DIR "/sub/../secret",
			 SECRET_TEXT);
		try_open('A', "dot_sub_dotdot", "/tmp/./wb/./sub/../secret",
			 SECRET_TEXT);
		try_open('A', "slashes", "/tmp//wb///secret", SECRET_TEXT);
		try_open('A', "relative_up_down", "../sub/../secret",
			 SECRET_TEXT);
	} else if (!strcmp(name, "openat_dirfd")) {
		report('C', "dirfd_allowed",
		       check_fd(openat(dirfd, "allowed", O_RDONLY),
				ALLOWED_TEXT));
		report('A', "dirfd", check_fd(openat(dirfd, "secret", O_RDONLY),
					      SECRET_TEXT));
		report('A', "dirfd_dotdot",
		       check_fd(openat(dirfd, "sub/../secret", O_RDONLY),
				SECRET_TEXT));
	} else if (!strcmp(name, "proc_fd_reopen")) {
		/* An O_PATH open is not mediated; the reopen must be. */
		fd = open(SECRET, O_PATH);
		report('C', "o_path", fd < 0 ? errno : 0);
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
		try_open('A', "proc_self_fd", path, SECRET_TEXT);
		snprintf(path, sizeof(path), "/proc/thread-self/fd/%d", fd);
		try_open('A', "proc_thread_self_fd", path, SECRET_TEXT);
		snprintf(path, sizeof(path), "/proc/%d/fd/%d", getpid(), fd);
		try_open('A', "proc_pid_fd", path, SECRET_TEXT);
	} else if (!strcmp(name, "openat2_resolve")) {
		try_openat2('C', "beneath_allowed", dirfd, "allowed",
			    RESOLVE_BENEATH, ALLOWED_TEXT);
		try_openat2('A', "no_symlinks", AT_FDCWD, SECRET,
			    RESOLVE_NO_SYMLINKS, SECRET_TEXT);
		try_openat2('A', "beneath", dirfd, "secret", RESOLVE_BENEATH,
			    SECRET_TEXT);
		try_openat2('A', "no_xdev_no_magiclinks", dirfd, "secret",
			    RESOLVE_NO_XDEV | RESOLVE_NO_MAGICLINKS,
			    SECRET_TEXT);
	} else if (!strcmp(name, "openat2_in_root")) {
		try_openat2('C', "in_root_allowed", dirfd, "/allowed",
			    RESOLVE_IN_ROOT, ALLOWED_TEXT);
		try_openat2('A', "in_root", dirfd, "/secret", RESOLVE_IN_ROOT,
			    SECRET_TEXT);
	} else if (!strcmp(name, "execve")) {
		try_exec(AT_FDCWD, SECRET_PROG, 0);
	} else if (!strcmp(name, "execveat_dirfd")) {
		try_exec(dirfd, "secret_prog", 0);
	} else if (!strcmp(name, "fexecve")) {
		fd = open(SECRET_PROG, O_PATH);
		report('C', "o_path", fd < 0 ? errno : 0);
		try_exec(fd, "", AT_EMPTY_PATH);
	} else if (!strcmp(name, "memfd_exec")) {
		try_exec(MEMFD_FD, "", AT_EMPTY_PATH);
	} else if (!strcmp(name, "script")) {
		try_exec(AT_FDCWD, SCRIPT, 0);
	} else if (!strcmp(name, "rename_over_allowed")) {
		err = rename(SECRET, ALLOWED) ? errno : 0;
		report('A', "rename", err);
		if (!err)
			try_open('A', "open", ALLOWED, SECRET_TEXT);
	} else if (!strcmp(name, "rename_exchange")) {
		err = renameat2(AT_FDCWD, SECRET, AT_FDCWD, ALLOWED,
				RENAME_EXCHANGE) ? errno : 0;
		report('A', "exchange", err);
		if (!err)
			try_open('A', "open", ALLOWED, SECRET_TEXT);
	} else if (!strcmp(name, "mount_crossing")) {
		try_open('A', "absolute", BP_DIR "/mnt/secret", SECRET_TEXT);
		if (chdir(BP_DIR "/mnt"))
			return 12;
		try_open('A', "relative", "secret", SECRET_TEXT);
	} else {
		return 13;
	}
	return 0;
}

/* What has to be set up in the helper's child before it is executed. */
enum bypass_prep {
	PREP_NONE,
	/* A mount namespace of its own. */
	PREP_NEWNS,
	/* A namespace with a tmpfs on BP_DIR/mnt holding "secret". */
	PREP_MOUNTED_SECRET,
	/* A memfd holding a copy of this program on MEMFD_FD. */
	PREP_MEMFD,
};

static int prepare_namespace(void)
{
	if (unshare(CLONE_NEWNS))
		return -1;
	return mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL);
}

static int prepare_memfd(void)
{
	char buf[65536];
	ssize_t n;
	int in, fd;

	fd = memfd_create("warden-bypass", MFD_EXEC);
	in = open("/proc/self/exe", O_RDONLY);
	if (fd < 0 || in < 0)
		return -1;
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(fd, buf, n) != n)
			return -1;
	close(in);
	return dup2(fd, MEMFD_FD) == MEMFD_FD ? 0 : -1;
}

/* Runs in the helper's child before the exec, in the test's own domain. */
static int prepare_bypass(void *arg)
{
	switch (*(enum bypass_prep *)arg) {
	case PREP_NONE:
		return 0;
	case PREP_NEWNS:
		return prepare_namespace();
	case PREP_MOUNTED_SECRET:
		if (prepare_namespace() ||
		    mount("none", BP_DIR "/mnt", "tmpfs", 0, NULL))
			return -1;
		return make_file(BP_DIR "/mnt/secret", SECRET_TEXT, 0644);
	case PREP_MEMFD:
		return prepare_memfd();
	}
	return -1;
}

FIXTURE(bypass) {};

FIXTURE_VARIANT(bypass) {
	/* The helper's name of the attempt. */
	const char *attempt;
	/* Lines added to "file read /tmp/wb/allowed" in the domain. */
	const char *extra;
	enum bypass_prep prep;
	/* A path the attempt makes, which must not exist after a denial. */
	const char *made;
};

/* clang-format off */
FIXTURE_VARIANT_ADD(bypass, symlink_open) {
	/* clang-format on */
	.attempt = "symlink_open",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(bypass, symlink_create) {
	/* clang-format on */
	.attempt = "symlink_create",
	.made = BP_DIR "/newlink",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(bypass, hardlink_create) {
	/* clang-format on */
	.attempt = "hardlink_create",
	.made = BP_DIR "/newhard",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(bypass, hardlink_open) {
	/* clang-format on */
	.attempt = "hardlink_open",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(bypass, bind_mount) {
	/* clang-format on */
	.attempt = "bind_mount",
	.prep = PREP_NEWNS,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(bypass, open_tree_bind) {
	/* clang-format on */
	.attempt = "open_tree_bind",
	.prep = PREP_NEWNS,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(bypass, open_tree_rbind) {
	/* clang-format on */
	.attempt = "open_tree_rbind",
	.prep = PREP_NEWNS,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(bypass, fsmount_over_dir) {
	/* clang-format on */
	.attempt = "fsmount_over_dir",
	.prep = PREP_NEWNS,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(bypass, move_mount_attached) {
	/* clang-format on */
	.attempt = "move_mount_attached",
	.prep = PREP_MOUNTED_SECRET,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(bypass, fspick_remount) {
	/* clang-format on */
	.attempt = "fspick_remount",
	.prep = PREP_MOUNTED_SECRET,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(bypass, chroot) {
	/* clang-format on */
	.attempt = "chroot",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(bypass, chroot_relative) {
	/* clang-format on */
	.attempt = "chroot_relative",
	/* "/secret" is what the secret looks like inside the chroot. */
	.extra = "file chroot " BP_DIR "/\nfile read /secret\n",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(bypass, dotdot) {
	/* clang-format on */
	.attempt = "dotdot",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(bypass, openat_dirfd) {
	/* clang-format on */
	.attempt = "openat_dirfd",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(bypass, proc_fd_reopen) {
	/* clang-format on */
	.attempt = "proc_fd_reopen",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(bypass, proc_fd_reopen_with_proc_names_allowed) {
	/* clang-format on */
	.attempt = "proc_fd_reopen",
	/* The magic link is named by the file it reaches, not by proc. */
	.extra = "file read proc:/self/fd/\\*\n"
		 "file read proc:/self/task/\\$/fd/\\*\n"
		 "file read proc:/\\$/fd/\\*\n",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(bypass, openat2_resolve) {
	/* clang-format on */
	.attempt = "openat2_resolve",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(bypass, openat2_in_root) {
	/* clang-format on */
	.attempt = "openat2_in_root",
	.extra = "file read /secret\n",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(bypass, execve) {
	/* clang-format on */
	.attempt = "execve",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(bypass, execveat_dirfd) {
	/* clang-format on */
	.attempt = "execveat_dirfd",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(bypass, fexecve) {
	/* clang-format on */
	.attempt = "fexecve",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(bypass, memfd_exec) {
	/* clang-format on */
	.attempt = "memfd_exec",
	.prep = PREP_MEMFD,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(bypass, script_not_allowed) {
	/* clang-format on */
	.attempt = "script",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(bypass, script_whose_interpreter_is_not_readable) {
	/* clang-format on */
	.attempt = "script",
	/*
	 * The script may run, but its new domain may not read the
	 * interpreter (TOMOYO checks that with the next domain).
	 */
	.extra = "file execute " SCRIPT "\n",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(bypass, rename_over_allowed) {
	/* clang-format on */
	.attempt = "rename_over_allowed",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(bypass, rename_exchange) {
	/* clang-format on */
	.attempt = "rename_exchange",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(bypass, mount_crossing) {
	/* clang-format on */
	.attempt = "mount_crossing",
	/* "/secret" is the file's path inside the mounted filesystem. */
	.extra = "file read /secret\n",
	.prep = PREP_MOUNTED_SECRET,
};

static void make_bypass_files(struct __test_metadata *_metadata)
{
	remove_tree(BP_DIR);
	ASSERT_EQ(0, mkdir(BP_DIR, 0755));
	ASSERT_EQ(0, mkdir(BP_DIR "/sub", 0755));
	ASSERT_EQ(0, mkdir(BP_DIR "/mnt", 0755));
	ASSERT_EQ(0, make_file(ALLOWED, ALLOWED_TEXT, 0644));
	ASSERT_EQ(0, make_file(SECRET, SECRET_TEXT, 0644));
	ASSERT_EQ(0, symlink("secret", BP_DIR "/link_to_secret"));
	ASSERT_EQ(0, link(SECRET, BP_DIR "/hardlink"));
	ASSERT_EQ(0, copy_file("/proc/self/exe", SECRET_PROG, 0755));
	ASSERT_EQ(0, make_file(SCRIPT, "#!" SECRET_PROG " --exec-ok\n", 0755));
	ASSERT_EQ(0, copy_file("/proc/self/exe", HELPER, 0755));
}

FIXTURE_SETUP(bypass)
{
	if (!warden_is_enabled())
		SKIP(return, "warden is not in " LSM_LIST_FILE);
	make_bypass_files(_metadata);
}

FIXTURE_TEARDOWN(bypass)
{
	if (!warden_is_enabled())
		return;
	EXPECT_EQ(0, load_neutral_policy());
	remove_tree(BP_DIR);
	unlink(HELPER);
}

static int load_bypass_policy(const struct _fixture_variant_bypass *variant,
			      int profile)
{
	char domains[4096];

	snprintf(domains, sizeof(domains),
		 HELPER_DOMAIN "\nuse_profile %d\nfile read " ALLOWED "\n%s\n",
		 profile, variant->extra ?: "");
	return load_test_policy(NULL, "initialize_domain " HELPER " from any\n",
				domains);
}

/*
 * Run the attempt in the helper's domain and check its report: every
 * control worked, and there was at least one attempt, each ending with
 * @want.
 */
static void run_attempt(struct __test_metadata *_metadata, const char *name,
			enum bypass_prep prep, int want)
{
	char *const argv[] = { "warden-bypass", "--attempt", (char *)name, NULL };
	char out[4096], *line, *cursor;
	int attempts = 0;

	ASSERT_EQ(0, run_program(HELPER, argv, prepare_bypass, &prep, out,
				 sizeof(out)))
		TH_LOG("helper output:\n%s", out);
	cursor = out;
	while ((line = strsep(&cursor, "\n")) && *line) {
		char *eq = strrchr(line, '=');

		ASSERT_NE(NULL, eq);
		if (line[0] == 'C') {
			EXPECT_EQ(0, atoi(eq + 1)) TH_LOG("control %s", line);
		} else {
			attempts++;
			EXPECT_EQ(want, atoi(eq + 1)) TH_LOG("attempt %s", line);
		}
	}
	EXPECT_LT(0, attempts);
}

TEST_F(bypass, denied_in_enforcing_mode)
{
	char buf[64];
	long before;

	ASSERT_EQ(0, load_bypass_policy(variant, 3));
	before = stat_counter(STAT_ENFORCING);
	ASSERT_LE(0, before);
	run_attempt(_metadata, variant->attempt, variant->prep, EPERM);
	EXPECT_LT(before, stat_counter(STAT_ENFORCING));
	/* Nothing was moved or made. */
	ASSERT_LE(0, read_whole_file(ALLOWED, buf, sizeof(buf)));
	EXPECT_STREQ(ALLOWED_TEXT, buf);
	ASSERT_LE(0, read_whole_file(SECRET, buf, sizeof(buf)));
	EXPECT_STREQ(SECRET_TEXT, buf);
	if (variant->made)
		EXPECT_NE(0, access(variant->made, F_OK));
}

TEST_F(bypass, works_and_is_counted_in_permissive_mode)
{
	long before;

	ASSERT_EQ(0, load_bypass_policy(variant, 2));
	before = stat_counter(STAT_PERMISSIVE);
	ASSERT_LE(0, before);
	run_attempt(_metadata, variant->attempt, variant->prep, 0);
	EXPECT_LT(before, stat_counter(STAT_PERMISSIVE));
}

/*
 * The control of script_whose_interpreter_is_not_readable: with the
 * interpreter readable in the script's domain, the same script runs.
 */
FIXTURE(interpreter) {};

FIXTURE_SETUP(interpreter)
{
	if (!warden_is_enabled())
		SKIP(return, "warden is not in " LSM_LIST_FILE);
	make_bypass_files(_metadata);
}

FIXTURE_TEARDOWN(interpreter)
{
	if (!warden_is_enabled())
		return;
	EXPECT_EQ(0, load_neutral_policy());
	remove_tree(BP_DIR);
	unlink(HELPER);
}

TEST_F(interpreter, script_runs_when_its_domain_may_read_interpreter)
{
	long before;

	ASSERT_EQ(0, load_test_policy(NULL,
				      "initialize_domain " HELPER " from any\n",
				      HELPER_DOMAIN "\nuse_profile 3\n"
				      "file read " ALLOWED "\n"
				      "file execute " SCRIPT "\n\n"
				      HELPER_DOMAIN " " SCRIPT "\nuse_profile 3\n"
				      "file read " SECRET_PROG "\n\n"));
	before = stat_counter(STAT_ENFORCING);
	ASSERT_LE(0, before);
	run_attempt(_metadata, "script", PREP_NONE, 0);
	EXPECT_EQ(before, stat_counter(STAT_ENFORCING));
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "--attempt"))
		return attempt(argv[2]);
	/* A program the helper managed to execute says so. */
	if (argc >= 2 && !strcmp(argv[1], "--exec-ok")) {
		report('A', "exec", 0);
		return 0;
	}
	return test_harness_run(argc, argv);
}
