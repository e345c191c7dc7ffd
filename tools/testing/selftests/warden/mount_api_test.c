// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - every way of mounting is decided by "file mount".
 *
 * A helper in an enforcing domain with no mount entry tries mount(2) of a
 * tmpfs, fsopen()/fsconfig()/fsmount()/move_mount() of a tmpfs,
 * open_tree(OPEN_TREE_CLONE)/move_mount() of /etc, move_mount() of an
 * attached mount and fspick()/fsconfig(FSCONFIG_CMD_RECONFIGURE): each is
 * refused with EPERM, counted in stat and logged with the entry that
 * would grant it as the record's ACL line.  With that entry each works;
 * in learning mode each is learned as that entry, and the learned domain
 * then does the same in enforcing mode.  mount(2) with MS_REMOUNT, which
 * reaches the hook that decides fspick's reconfiguration after its own
 * decision, is decided once.  The helper runs in a mount namespace of its
 * own, so nothing it mounts outlives it.
 *
 * "mount_api_test --prepare <copy of itself> <case>" runs one case alone
 * (SRC and DST must exist) and prints "A:<case>=<errno>" and
 * "M:<dir>=<1 if mounted>": the same program shows what another LSM
 * (TOMOYO, scripts/vm/mount-api-tomoyo.sh) does with the same calls.
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
#include "audit_common.h"
#include "enforce_common.h"

#define HELPER "/tmp/warden-mount-api"
#define HELPER_DOMAIN "<kernel> " HELPER
#define MA_DIR "/tmp/wm"
#define SRC MA_DIR "/src"
#define DST MA_DIR "/dst"
/* The helper reads where it mounted; nothing else is granted to it. */
#define BASE_ACL "file read proc:/self/mountinfo\n"

/* Whether /proc/self/mountinfo lists a mount on @dir, or -errno. */
static int mounted_on(const char *dir)
{
	static char buf[65536];
	char needle[256];
	ssize_t len;
	int fd;

	fd = open("/proc/self/mountinfo", O_RDONLY);
	if (fd < 0)
		return -errno;
	len = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (len < 0)
		return -errno;
	buf[len] = '\0';
	snprintf(needle, sizeof(needle), " %s ", dir);
	return !!strstr(buf, needle);
}

/* Attach the detached mount @fd on DST; 0 or errno. */
static int attach(int fd)
{
	if (fd < 0)
		return errno;
	if (move_mount(fd, "", AT_FDCWD, DST, MOVE_MOUNT_F_EMPTY_PATH))
		return errno;
	close(fd);
	return 0;
}

static int attempt(const char *name)
{
	int fd, mfd, err;

	if (!strcmp(name, "mount")) {
		err = mount("none", DST, "tmpfs", 0, NULL) ? errno : 0;
	} else if (!strcmp(name, "fsmount")) {
		fd = fsopen("tmpfs", FSOPEN_CLOEXEC);
		if (fd < 0)
			return 20;
		/* Creating is not attaching: it is not what is decided. */
		if (fsconfig(fd, FSCONFIG_CMD_CREATE, NULL, NULL, 0))
			return 21;
		mfd = fsmount(fd, FSMOUNT_CLOEXEC, 0);
		if (mfd < 0)
			return 22;
		err = attach(mfd);
	} else if (!strcmp(name, "open_tree")) {
		err = attach(open_tree(AT_FDCWD, "/etc",
				       OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC));
	} else if (!strcmp(name, "move")) {
		err = move_mount(AT_FDCWD, SRC, AT_FDCWD, DST, 0) ? errno : 0;
	} else if (!strcmp(name, "remount")) {
		err = mount("none", SRC, NULL, MS_REMOUNT, NULL) ? errno : 0;
	} else if (!strcmp(name, "fspick")) {
		fd = fspick(AT_FDCWD, SRC, FSPICK_CLOEXEC);
		if (fd < 0)
			return 23;
		err = fsconfig(fd, FSCONFIG_CMD_RECONFIGURE, NULL, NULL, 0) ?
		      errno : 0;
	} else {
		return 13;
	}
	report('A', name, err);
	report('M', DST, mounted_on(DST));
	return 0;
}

/* In the helper's child before the exec: a namespace, SRC mounted. */
static int prepare_helper(void *arg)
{
	if (unshare(CLONE_NEWNS) ||
	    mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL))
		return -1;
	return mount("none", SRC, "tmpfs", 0, NULL);
}

FIXTURE(mount_api) {};

FIXTURE_VARIANT(mount_api) {
	const char *attempt;
	/* The entry that grants it: the ACL line of its audit record. */
	const char *entry;
};

/* clang-format off */
FIXTURE_VARIANT_ADD(mount_api, mount_of_a_tmpfs) {
	/* clang-format on */
	.attempt = "mount",
	.entry = "file mount none " DST "/ tmpfs 0x0",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(mount_api, fsmount_of_a_tmpfs) {
	/* clang-format on */
	.attempt = "fsmount",
	.entry = "file mount tmpfs " DST "/ tmpfs 0x0",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(mount_api, open_tree_clone_of_etc) {
	/* clang-format on */
	.attempt = "open_tree",
	.entry = "file mount /etc/ " DST "/ --bind 0x0",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(mount_api, move_mount_of_an_attached_mount) {
	/* clang-format on */
	.attempt = "move",
	.entry = "file mount " SRC "/ " DST "/ --move 0x0",
};

/*
 * mount(2) reaches the hook fspick's reconfiguration is decided in, after
 * its own decision: granted by its entry, it is not decided again.
 */
/* clang-format off */
FIXTURE_VARIANT_ADD(mount_api, mount_remount_decided_once) {
	/* clang-format on */
	.attempt = "remount",
	.entry = "file mount none " SRC "/ --remount 0x0",
};

/* clang-format off */
FIXTURE_VARIANT_ADD(mount_api, fspick_reconfigure) {
	/* clang-format on */
	.attempt = "fspick",
	.entry = "file mount tmpfs " SRC "/ --remount 0x0",
};

FIXTURE_SETUP(mount_api)
{
	if (!warden_is_enabled())
		SKIP(return, "warden is not in " LSM_LIST_FILE);
	remove_tree(MA_DIR);
	ASSERT_EQ(0, mkdir(MA_DIR, 0755));
	ASSERT_EQ(0, mkdir(SRC, 0755));
	ASSERT_EQ(0, mkdir(DST, 0755));
	ASSERT_EQ(0, copy_file("/proc/self/exe", HELPER, 0755));
}

FIXTURE_TEARDOWN(mount_api)
{
	if (!warden_is_enabled())
		return;
	EXPECT_EQ(0, load_neutral_policy());
	remove_tree(MA_DIR);
	unlink(HELPER);
}

/* Profile 4 enforces and logs what it rejects. */
#define LOGGING_PROFILE \
	"4-CONFIG={ mode=enforcing grant_log=no reject_log=yes }\n"

static int load_helper_domain(int profile, const char *acl)
{
	char domains[4096];

	snprintf(domains, sizeof(domains),
		 HELPER_DOMAIN "\nuse_profile %d\n" BASE_ACL "%s\n", profile,
		 acl);
	return load_test_policy(LOGGING_PROFILE,
				"initialize_domain " HELPER " from any\n",
				domains);
}

/* Run the helper; check it reported @want and whether DST is mounted. */
static void run_helper(struct __test_metadata *_metadata, const char *name,
		       int want)
{
	char *const argv[] = { "warden-mount-api", "--attempt", (char *)name,
			       NULL };
	char out[1024], expect[256];

	ASSERT_EQ(0, run_program(HELPER, argv, prepare_helper, NULL, out,
				 sizeof(out)))
		TH_LOG("helper output:\n%s", out);
	snprintf(expect, sizeof(expect), "A:%s=%d\nM:" DST "=%d\n", name, want,
		 /* A remount leaves DST as it was; a refusal mounts nothing. */
		 !want && strcmp(name, "fspick") && strcmp(name, "remount"));
	EXPECT_STREQ(expect, out);
}

TEST_F(mount_api, refused_counted_and_logged_without_an_entry)
{
	struct record rec;
	long before;
	int fd, found = 0;

	ASSERT_EQ(0, load_helper_domain(4, ""));
	ASSERT_LE(0, audit_drain());
	fd = open(AUDIT_FILE, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	ASSERT_LE(0, fd);
	before = stat_counter(STAT_ENFORCING);
	ASSERT_LE(0, before);
	run_helper(_metadata, variant->attempt, EPERM);
	EXPECT_EQ(before + 1, stat_counter(STAT_ENFORCING));
	while (!found && read_record(fd, &rec, 2000) > 0) {
		ASSERT_EQ(0, split_record(&rec, 0));
		EXPECT_STREQ(HELPER_DOMAIN, rec.domain);
		EXPECT_NE(NULL, strstr(rec.header, "granted=no"));
		found = !strcmp(rec.acl, variant->entry);
		if (!found)
			TH_LOG("other record: %s", rec.acl);
	}
	EXPECT_EQ(1, found) TH_LOG("no record with %s", variant->entry);
	close(fd);
}

TEST_F(mount_api, allowed_by_the_entry)
{
	char acl[512];
	long before;

	snprintf(acl, sizeof(acl), "%s\n", variant->entry);
	ASSERT_EQ(0, load_helper_domain(3, acl));
	before = stat_counter(STAT_ENFORCING);
	run_helper(_metadata, variant->attempt, 0);
	EXPECT_EQ(before, stat_counter(STAT_ENFORCING));
}

TEST_F(mount_api, learned_as_the_entry_which_then_allows_it)
{
	char *block, *acl;
	long before;

	ASSERT_EQ(0, load_helper_domain(1, ""));
	run_helper(_metadata, variant->attempt, 0);
	EXPECT_TRUE(domain_has_line(HELPER_DOMAIN, variant->entry));
	/* The learned domain, as it is, in enforcing mode. */
	block = domain_policy_block(HELPER_DOMAIN);
	ASSERT_NE(NULL, block);
	acl = strstr(block, "\nfile ");
	ASSERT_NE(NULL, acl);
	ASSERT_EQ(0, load_helper_domain(3, acl + 1));
	free(block);
	EXPECT_TRUE(domain_has_line(HELPER_DOMAIN, variant->entry));
	before = stat_counter(STAT_ENFORCING);
	run_helper(_metadata, variant->attempt, 0);
	EXPECT_EQ(before, stat_counter(STAT_ENFORCING));
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "--attempt"))
		return attempt(argv[2]);
	/* "--prepare <helper> <case>": the helper's setup, then the helper. */
	if (argc == 4 && !strcmp(argv[1], "--prepare")) {
		char *const helper_argv[] = { argv[2], "--attempt", argv[3],
					      NULL };

		if (prepare_helper(NULL))
			return 15;
		execve(argv[2], helper_argv, (char *[]){ NULL });
		return 16;
	}
	return test_harness_run(argc, argv);
}
