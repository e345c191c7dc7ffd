// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - every mediated file operation in every mode.
 *
 * Each operation TOMOYO 2.6 mediates is run by a helper (this program,
 * copied to /tmp and named by initialize_domain so that it runs in the
 * domain "<kernel> /tmp/warden-enforce-op").  With the helper's domain in
 * enforcing mode the operation succeeds when an ACL line matches and fails
 * with EPERM, counted in stat with its time, when none does; in learning
 * mode it succeeds and the missing line is appended to the domain; in
 * permissive mode it succeeds and is counted; in disabled mode nothing is
 * checked; and a per-operation CONFIG line overrides the profile's mode.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <unistd.h>

#include "../kselftest_harness.h"
#include "enforce_common.h"

#define HELPER "/tmp/warden-enforce-op"
#define HELPER_DOMAIN "<kernel> " HELPER
#define WE_DIR "/tmp/we"
#define FILE_F WE_DIR "/f"
/* The descriptor number the ioctl operation finds its file on. */
#define IOCTL_FD 100

/* What has to be set up in the helper's child before it is executed. */
enum op_prep {
	PREP_NONE,
	/* A mount namespace of its own. */
	PREP_NEWNS,
	/* A namespace of its own with a tmpfs on WE_DIR/mnt. */
	PREP_MOUNTED,
	/* A namespace with tmpfs on WE_DIR/pr and WE_DIR/pr/new, and WE_DIR/pr/new/old. */
	PREP_PIVOT,
	/* WE_DIR/f open for reading on IOCTL_FD. */
	PREP_IOCTL_FD,
};

/* The operation named @op, done by the helper. Returns 0 or errno. */
static int do_op(const char *op)
{
	static char *const noop_argv[] = { "prog", "--noop", NULL };
	static char *const empty_env[] = { NULL };
	struct stat st;
	int n, ret;

	umask(0);
	if (!strcmp(op, "pivot_root")) {
		/* The initramfs root cannot be pivoted; a tmpfs root can. */
		if (chroot(WE_DIR "/pr") || chdir("/"))
			return 200;
		ret = syscall(SYS_pivot_root, "/new", "/new/old");
		return ret < 0 ? errno : 0;
	}
	if (!strcmp(op, "execute"))
		ret = execve(WE_DIR "/prog", noop_argv, empty_env);
	else if (!strcmp(op, "read"))
		ret = open(FILE_F, O_RDONLY);
	else if (!strcmp(op, "write"))
		ret = open(FILE_F, O_WRONLY);
	else if (!strcmp(op, "append"))
		ret = open(FILE_F, O_WRONLY | O_APPEND);
	else if (!strcmp(op, "unlink"))
		ret = unlink(FILE_F);
	else if (!strcmp(op, "getattr"))
		ret = stat(FILE_F, &st);
	else if (!strcmp(op, "rmdir"))
		ret = rmdir(WE_DIR "/d");
	else if (!strcmp(op, "truncate"))
		ret = truncate(FILE_F, 0);
	else if (!strcmp(op, "symlink"))
		ret = symlink("f", WE_DIR "/sl");
	else if (!strcmp(op, "chroot"))
		ret = chroot(WE_DIR "/d");
	else if (!strcmp(op, "unmount"))
		ret = umount(WE_DIR "/mnt");
	else if (!strcmp(op, "create"))
		ret = open(WE_DIR "/new", O_WRONLY | O_CREAT | O_EXCL, 0644);
	else if (!strcmp(op, "mkdir"))
		ret = mkdir(WE_DIR "/nd", 0755);
	else if (!strcmp(op, "mkfifo"))
		ret = mknod(WE_DIR "/fifo", S_IFIFO | 0644, 0);
	else if (!strcmp(op, "mksock"))
		ret = mknod(WE_DIR "/sock", S_IFSOCK | 0755, 0);
	else if (!strcmp(op, "ioctl"))
		ret = ioctl(IOCTL_FD, FIONREAD, &n);
	else if (!strcmp(op, "chmod"))
		ret = chmod(FILE_F, 0600);
	else if (!strcmp(op, "chown"))
		ret = chown(FILE_F, 1234, -1);
	else if (!strcmp(op, "chgrp"))
		ret = chown(FILE_F, -1, 1234);
	else if (!strcmp(op, "mkblock"))
		ret = mknod(WE_DIR "/blk", S_IFBLK | 0600, makedev(7, 0));
	else if (!strcmp(op, "mkchar"))
		ret = mknod(WE_DIR "/chr", S_IFCHR | 0600, makedev(1, 3));
	else if (!strcmp(op, "link"))
		ret = link(FILE_F, WE_DIR "/hl");
	else if (!strcmp(op, "rename"))
		ret = rename(FILE_F, WE_DIR "/g");
	else if (!strcmp(op, "mount"))
		ret = mount("none", WE_DIR "/mnt", "tmpfs", 0, NULL);
	else
		return 201;
	return ret < 0 ? errno : 0;
}

static int prepare_namespace(void)
{
	if (unshare(CLONE_NEWNS))
		return -1;
	return mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL);
}

/* Runs in the helper's child before the exec, in the test's own domain. */
static int prepare_op(void *arg)
{
	enum op_prep prep = *(enum op_prep *)arg;
	int fd;

	switch (prep) {
	case PREP_NONE:
		return 0;
	case PREP_NEWNS:
		return prepare_namespace();
	case PREP_MOUNTED:
		if (prepare_namespace())
			return -1;
		return mount("none", WE_DIR "/mnt", "tmpfs", 0, NULL);
	case PREP_PIVOT:
		if (prepare_namespace() ||
		    mount("none", WE_DIR "/pr", "tmpfs", 0, NULL) ||
		    mkdir(WE_DIR "/pr/new", 0755) ||
		    mount("none", WE_DIR "/pr/new", "tmpfs", 0, NULL) ||
		    mkdir(WE_DIR "/pr/new/old", 0755))
			return -1;
		return 0;
	case PREP_IOCTL_FD:
		fd = open(FILE_F, O_RDONLY);
		if (fd < 0 || dup2(fd, IOCTL_FD) != IOCTL_FD)
			return -1;
		return 0;
	}
	return -1;
}

FIXTURE(op) {};

FIXTURE_VARIANT(op) {
	/* The helper's name of the operation. */
	const char *op;
	/* The ACL line that allows it, and that learning mode appends. */
	const char *acl;
	/* Lines the helper needs around the operation, in every mode. */
	const char *extra;
	/* The operation's name in a profile's CONFIG line. */
	const char *profile_op;
	enum op_prep prep;
	/* A path that exists once the operation took effect. */
	const char *made;
	/* A path that is gone once the operation took effect. */
	const char *removed;
};

/* clang-format off */
FIXTURE_VARIANT_ADD(op, execute) {
	/* clang-format on */
	.op = "execute",
	.acl = "file execute " WE_DIR "/prog",
	.profile_op = "file::execute",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(op, read) {
	/* clang-format on */
	.op = "read",
	.acl = "file read " FILE_F,
	.profile_op = "file::open",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(op, write) {
	/* clang-format on */
	.op = "write",
	.acl = "file write " FILE_F,
	.profile_op = "file::open",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(op, append) {
	/* clang-format on */
	.op = "append",
	.acl = "file append " FILE_F,
	.profile_op = "file::open",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(op, unlink) {
	/* clang-format on */
	.op = "unlink",
	.acl = "file unlink " FILE_F,
	.profile_op = "file::unlink",
	.removed = FILE_F,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(op, getattr) {
	/* clang-format on */
	.op = "getattr",
	.acl = "file getattr " FILE_F,
	.profile_op = "file::getattr",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(op, rmdir) {
	/* clang-format on */
	.op = "rmdir",
	.acl = "file rmdir " WE_DIR "/d/",
	.profile_op = "file::rmdir",
	.removed = WE_DIR "/d",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(op, truncate) {
	/* clang-format on */
	.op = "truncate",
	.acl = "file truncate " FILE_F,
	.profile_op = "file::truncate",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(op, symlink) {
	/* clang-format on */
	.op = "symlink",
	.acl = "file symlink " WE_DIR "/sl",
	.profile_op = "file::symlink",
	.made = WE_DIR "/sl",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(op, chroot) {
	/* clang-format on */
	.op = "chroot",
	.acl = "file chroot " WE_DIR "/d/",
	.profile_op = "file::chroot",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(op, unmount) {
	/* clang-format on */
	.op = "unmount",
	.acl = "file unmount " WE_DIR "/mnt/",
	.profile_op = "file::unmount",
	.prep = PREP_MOUNTED,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(op, create) {
	/* clang-format on */
	.op = "create",
	.acl = "file create " WE_DIR "/new 0644",
	/* open(O_CREAT | O_WRONLY) also opens the new file for writing. */
	.extra = "file write " WE_DIR "/new\n",
	.profile_op = "file::create",
	.made = WE_DIR "/new",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(op, mkdir) {
	/* clang-format on */
	.op = "mkdir",
	.acl = "file mkdir " WE_DIR "/nd/ 0755",
	.profile_op = "file::mkdir",
	.made = WE_DIR "/nd",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(op, mkfifo) {
	/* clang-format on */
	.op = "mkfifo",
	.acl = "file mkfifo " WE_DIR "/fifo 0644",
	.profile_op = "file::mkfifo",
	.made = WE_DIR "/fifo",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(op, mksock) {
	/* clang-format on */
	.op = "mksock",
	.acl = "file mksock " WE_DIR "/sock 0755",
	.profile_op = "file::mksock",
	.made = WE_DIR "/sock",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(op, ioctl) {
	/* clang-format on */
	.op = "ioctl",
	/* FIONREAD; TOMOYO prints ioctl numbers in hexadecimal. */
	.acl = "file ioctl " FILE_F " 0x541B",
	.profile_op = "file::ioctl",
	.prep = PREP_IOCTL_FD,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(op, chmod) {
	/* clang-format on */
	.op = "chmod",
	.acl = "file chmod " FILE_F " 0600",
	.profile_op = "file::chmod",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(op, chown) {
	/* clang-format on */
	.op = "chown",
	.acl = "file chown " FILE_F " 1234",
	.profile_op = "file::chown",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(op, chgrp) {
	/* clang-format on */
	.op = "chgrp",
	.acl = "file chgrp " FILE_F " 1234",
	.profile_op = "file::chgrp",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(op, mkblock) {
	/* clang-format on */
	.op = "mkblock",
	.acl = "file mkblock " WE_DIR "/blk 0600 7 0",
	.profile_op = "file::mkblock",
	.made = WE_DIR "/blk",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(op, mkchar) {
	/* clang-format on */
	.op = "mkchar",
	.acl = "file mkchar " WE_DIR "/chr 0600 1 3",
	.profile_op = "file::mkchar",
	.made = WE_DIR "/chr",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(op, link) {
	/* clang-format on */
	.op = "link",
	.acl = "file link " FILE_F " " WE_DIR "/hl",
	.profile_op = "file::link",
	.made = WE_DIR "/hl",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(op, rename) {
	/* clang-format on */
	.op = "rename",
	.acl = "file rename " FILE_F " " WE_DIR "/g",
	.profile_op = "file::rename",
	.made = WE_DIR "/g",
	.removed = FILE_F,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(op, mount) {
	/* clang-format on */
	.op = "mount",
	.acl = "file mount none " WE_DIR "/mnt/ tmpfs 0x0",
	.profile_op = "file::mount",
	.prep = PREP_NEWNS,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(op, pivot_root) {
	/* clang-format on */
	.op = "pivot_root",
	/* TOMOYO's order: the new root, then where the old one goes. */
	.acl = "file pivot_root " WE_DIR "/pr/new/ " WE_DIR "/pr/new/old/",
	.extra = "file chroot " WE_DIR "/pr/\n",
	.profile_op = "file::pivot_root",
	.prep = PREP_PIVOT,
};

FIXTURE_SETUP(op)
{
	if (!warden_is_enabled())
		SKIP(return, "warden is not in " LSM_LIST_FILE);
	remove_tree(WE_DIR);
	ASSERT_EQ(0, mkdir(WE_DIR, 0755));
	ASSERT_EQ(0, make_file(FILE_F, "data\n", 0644));
	ASSERT_EQ(0, mkdir(WE_DIR "/d", 0755));
	ASSERT_EQ(0, mkdir(WE_DIR "/mnt", 0755));
	ASSERT_EQ(0, mkdir(WE_DIR "/pr", 0755));
	ASSERT_EQ(0, copy_file("/proc/self/exe", HELPER, 0755));
	ASSERT_EQ(0, copy_file("/proc/self/exe", WE_DIR "/prog", 0755));
}

FIXTURE_TEARDOWN(op)
{
	if (!warden_is_enabled())
		return;
	EXPECT_EQ(0, load_neutral_policy());
	remove_tree(WE_DIR);
	unlink(HELPER);
}

/*
 * Put the helper's domain in @profile with the variant's extra lines, its
 * ACL line if @with_acl, and @profile_extra added to the profiles.
 */
static int load_op_policy(const struct _fixture_variant_op *variant, int profile,
			  bool with_acl, const char *profile_extra)
{
	char domains[4096];

	snprintf(domains, sizeof(domains), HELPER_DOMAIN "\nuse_profile %d\n%s%s%s\n",
		 profile, variant->extra ?: "", with_acl ? variant->acl : "",
		 with_acl ? "\n" : "");
	return load_test_policy(profile_extra,
				"initialize_domain " HELPER " from any\n",
				domains);
}

/* Run the variant's operation in the helper's domain; its result. */
static int run_op(const struct _fixture_variant_op *variant)
{
	char *const argv[] = { "warden-enforce-op", "--op", (char *)variant->op,
			 NULL };
	enum op_prep prep = variant->prep;

	return run_program(HELPER, argv, prepare_op, &prep, NULL, 0);
}

static bool path_exists(const char *path)
{
	struct stat st;

	return !lstat(path, &st);
}

/* Whether the variant's operation changed the filesystem as it does. */
static void expect_effect(struct __test_metadata *_metadata,
			  const struct _fixture_variant_op *variant, bool done)
{
	if (variant->made)
		EXPECT_EQ(done, path_exists(variant->made))
			TH_LOG("%s %s", variant->made, done ? "missing" : "made");
	if (variant->removed)
		EXPECT_EQ(done, !path_exists(variant->removed))
			TH_LOG("%s %s", variant->removed,
			       done ? "still there" : "removed");
}

TEST_F(op, enforcing_allows_operation_matching_acl)
{
	long before;

	ASSERT_EQ(0, load_op_policy(variant, 3, true, NULL));
	before = stat_counter(STAT_ENFORCING);
	ASSERT_LE(0, before);
	EXPECT_EQ(0, run_op(variant));
	expect_effect(_metadata, variant, true);
	/* The helper did nothing else that the policy lacks. */
	EXPECT_EQ(before, stat_counter(STAT_ENFORCING));
}

TEST_F(op, enforcing_denies_without_acl_with_eperm_and_counts)
{
	long before;

	ASSERT_EQ(0, load_op_policy(variant, 3, false, NULL));
	before = stat_counter(STAT_ENFORCING);
	ASSERT_LE(0, before);
	EXPECT_EQ(EPERM, run_op(variant));
	expect_effect(_metadata, variant, false);
	EXPECT_LT(before, stat_counter(STAT_ENFORCING));
	EXPECT_TRUE(stat_has_last_time(STAT_ENFORCING));
	/* Enforcing mode learns nothing. */
	EXPECT_FALSE(domain_has_line(HELPER_DOMAIN, variant->acl));
}

TEST_F(op, learning_allows_and_appends_missing_acl)
{
	char *block;

	ASSERT_EQ(0, load_op_policy(variant, 1, false, NULL));
	ASSERT_FALSE(domain_has_line(HELPER_DOMAIN, variant->acl));
	EXPECT_EQ(0, run_op(variant));
	expect_effect(_metadata, variant, true);
	EXPECT_TRUE(domain_has_line(HELPER_DOMAIN, variant->acl)) {
		block = domain_policy_block(HELPER_DOMAIN);
		TH_LOG("no \"%s\" in:\n%s", variant->acl, block ?: "(no domain)");
		free(block);
	}
}

TEST_F(op, permissive_allows_and_counts_violation)
{
	long before;

	ASSERT_EQ(0, load_op_policy(variant, 2, false, NULL));
	before = stat_counter(STAT_PERMISSIVE);
	ASSERT_LE(0, before);
	EXPECT_EQ(0, run_op(variant));
	expect_effect(_metadata, variant, true);
	EXPECT_LT(before, stat_counter(STAT_PERMISSIVE));
	EXPECT_TRUE(stat_has_last_time(STAT_PERMISSIVE));
	EXPECT_FALSE(domain_has_line(HELPER_DOMAIN, variant->acl));
}

TEST_F(op, disabled_allows_and_records_nothing)
{
	long permissive, enforcing;

	ASSERT_EQ(0, load_op_policy(variant, 0, false, NULL));
	permissive = stat_counter(STAT_PERMISSIVE);
	enforcing = stat_counter(STAT_ENFORCING);
	EXPECT_EQ(0, run_op(variant));
	expect_effect(_metadata, variant, true);
	EXPECT_EQ(permissive, stat_counter(STAT_PERMISSIVE));
	EXPECT_EQ(enforcing, stat_counter(STAT_ENFORCING));
	EXPECT_FALSE(domain_has_line(HELPER_DOMAIN, variant->acl));
}

TEST_F(op, operation_config_line_overrides_profile_mode)
{
	char config[128];

	snprintf(config, sizeof(config), "3-CONFIG::%s={ mode=disabled }\n",
		 variant->profile_op);
	ASSERT_EQ(0, load_op_policy(variant, 3, false, config));
	EXPECT_EQ(0, run_op(variant));
	expect_effect(_metadata, variant, true);
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "--op"))
		return do_op(argv[2]);
	if (argc == 2 && !strcmp(argv[1], "--noop"))
		return 0;
	return test_harness_run(argc, argv);
}
