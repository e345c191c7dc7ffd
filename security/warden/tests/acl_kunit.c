// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - KUnit tests of "file" lines: their syntax and canonical
 * form, merging and deleting operations, lookups by pathname and by
 * request, the learned line, and "@group" words.
 */

#include "../common.h"
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/ktime.h>
#include <linux/math64.h>
#include <linux/rcupdate.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>

#include "../acl.h"
#include "../exception.h"
#include "../policy.h"
#include "kunit_util.h"

static struct warden_acl_set *warden_test_acl_set(struct kunit *test)
{
	struct warden_acl_set *set = kunit_kzalloc(test, sizeof(*set),
						   GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, set);
	KUNIT_ASSERT_EQ(test, warden_acl_set_init(set), 0);
	return set;
}

static int warden_test_acl_write(struct warden_acl_set *set, const char *text,
				 bool is_delete)
{
	return warden_test_acl_line(set, NULL, text, is_delete);
}

static char *warden_test_acl_dump(struct kunit *test,
				  const struct warden_acl_set *set)
{
	struct seq_file m = {};

	warden_test_seq_buf(test, &m, 16384);
	warden_acl_show(&m, set);
	KUNIT_ASSERT_FALSE(test, seq_has_overflowed(&m));
	return m.buf;
}

struct warden_acl_case {
	const char *line;	/* after "file " */
	const char *printed;	/* the whole canonical line */
};

static const struct warden_acl_case warden_acl_valid[] = {
	{ "execute /bin/cat", "file execute /bin/cat\n" },
	{ "read /etc/passwd", "file read /etc/passwd\n" },
	{ "write /dev/null", "file write /dev/null\n" },
	{ "append /var/log/messages", "file append /var/log/messages\n" },
	{ "unlink /tmp/x", "file unlink /tmp/x\n" },
	{ "getattr /", "file getattr /\n" },
	{ "rmdir /tmp/d/", "file rmdir /tmp/d/\n" },
	{ "truncate /tmp/x", "file truncate /tmp/x\n" },
	{ "symlink /tmp/link", "file symlink /tmp/link\n" },
	{ "chroot /srv/jail/", "file chroot /srv/jail/\n" },
	{ "unmount /mnt/", "file unmount /mnt/\n" },
	{ "read/write /dev/console", "file read/write /dev/console\n" },
	{ "write/read /dev/tty", "file read/write /dev/tty\n" },
	{ "read/write/append /tmp/log", "file read/write/append /tmp/log\n" },
	{ "execute/read/getattr /bin/sh", "file execute/read/getattr /bin/sh\n" },
	{ "read/read /etc/hosts", "file read /etc/hosts\n" },
	{ "read /usr/share/zoneinfo/\\{\\*\\}/\\*",
	  "file read /usr/share/zoneinfo/\\{\\*\\}/\\*\n" },
	{ "read /proc/\\$/status", "file read /proc/\\$/status\n" },
	{ "read /tmp/\\*\\-\\*.tmp", "file read /tmp/\\*\\-\\*.tmp\n" },
	{ "read /home/\\*/", "file read /home/\\*/\n" },
	{ "read /data/my\\040file", "file read /data/my\\040file\n" },
	{ "read /data/back\\\\slash", "file read /data/back\\\\slash\n" },
	{ "read pipe:[\\$]", "file read pipe:[\\$]\n" },
	{ "read proc:/self/fd/\\$", "file read proc:/self/fd/\\$\n" },
	{ "create /tmp/x 0600", "file create /tmp/x 0600\n" },
	{ "read @group", "file read @group\n" },
	{ "execute /bin/sh keep", "file execute /bin/sh keep\n" },
	{ "execute /bin/sh parent", "file execute /bin/sh parent\n" },
	{ "execute /bin/sh /bin/bash", "file execute /bin/sh /bin/bash\n" },
	{ "execute /bin/sh <kernel> /usr/sbin/sshd task.uid=0",
	  "file execute /bin/sh <kernel> /usr/sbin/sshd task.uid=0\n" },
	{ "execute /bin/sh <kernel>", "file execute /bin/sh <kernel>\n" },
	{ "create /tmp/x @numbers", "file create /tmp/x @numbers\n" },
	{ "rename @A @B", "file rename @A @B\n" },
	{ "mkchar @DEVS 0600 @MAJ 3", "file mkchar @DEVS 0600 @MAJ 3\n" },
	{ "create /var/lib/pgsql/data/postmaster.pid 0600",
	  "file create /var/lib/pgsql/data/postmaster.pid 0600\n" },
	{ "mkdir /var/lib/pgsql/data/pg_log/ 0700",
	  "file mkdir /var/lib/pgsql/data/pg_log/ 0700\n" },
	{ "mkfifo /tmp/fifo 0644", "file mkfifo /tmp/fifo 0644\n" },
	{ "mksock /tmp/.s.PGSQL.5432 0700", "file mksock /tmp/.s.PGSQL.5432 0700\n" },
	{ "ioctl /dev/tty 0x5401", "file ioctl /dev/tty 0x5401\n" },
	{ "ioctl /dev/tty 0x5401-0x5402", "file ioctl /dev/tty 0x5401-0x5402\n" },
	{ "ioctl /dev/tty 0xabcd", "file ioctl /dev/tty 0xABCD\n" },
	{ "chmod /tmp/.s.PGSQL.5432 0777", "file chmod /tmp/.s.PGSQL.5432 0777\n" },
	{ "chown /tmp/x 0", "file chown /tmp/x 0\n" },
	{ "chown /tmp/x 1000-1999", "file chown /tmp/x 1000-1999\n" },
	{ "chgrp /tmp/x 100", "file chgrp /tmp/x 100\n" },
	{ "create/mkdir /tmp/\\* 0-0777", "file create/mkdir /tmp/\\* 0-0777\n" },
	{ "chmod /tmp/x 00", "file chmod /tmp/x 00\n" },
	{ "chown /tmp/x 5-5", "file chown /tmp/x 5\n" },
	{ "chown /tmp/x 8-010", "file chown /tmp/x 8-010\n" },
	{ "mkblock /dev/sda 0660 8 0", "file mkblock /dev/sda 0660 8 0\n" },
	{ "mkchar /dev/null 0666 1 3", "file mkchar /dev/null 0666 1 3\n" },
	{ "mkchar /dev/tty\\$ 0620 4 0-63", "file mkchar /dev/tty\\$ 0620 4 0-63\n" },
	{ "mkblock/mkchar /dev/x 0600 1 1", "file mkblock/mkchar /dev/x 0600 1 1\n" },
	{ "link /tmp/a /tmp/b", "file link /tmp/a /tmp/b\n" },
	{ "rename /var/lib/pg/pgstat.tmp /var/lib/pg/pgstat.stat",
	  "file rename /var/lib/pg/pgstat.tmp /var/lib/pg/pgstat.stat\n" },
	{ "rename /var/lib/pg/pg_auth.\\$ /var/lib/pg/pg_auth",
	  "file rename /var/lib/pg/pg_auth.\\$ /var/lib/pg/pg_auth\n" },
	{ "pivot_root /newroot/ /newroot/old/", "file pivot_root /newroot/ /newroot/old/\n" },
	{ "link/rename /a /b", "file link/rename /a /b\n" },
	{ "mount none /proc/ proc 0", "file mount none /proc/ proc 0\n" },
	{ "mount /dev/sda1 /mnt/ ext4 0x1-0x10", "file mount /dev/sda1 /mnt/ ext4 0x1-0x10\n" },
	{ "mount /tmp/ /mnt/\\* --bind 4096", "file mount /tmp/ /mnt/\\* --bind 4096\n" },
	{ "unlink /var/lib/pgsql/data/base/\\$/pg_internal.init",
	  "file unlink /var/lib/pgsql/data/base/\\$/pg_internal.init\n" },
	{ "append /var/lib/pgsql/data/pg_log/postgresql-\\*.log",
	  "file append /var/lib/pgsql/data/pg_log/postgresql-\\*.log\n" },
	{ "read /\\{\\*\\}/\\*.so", "file read /\\{\\*\\}/\\*.so\n" },
	{ "read /dev/pts/\\$", "file read /dev/pts/\\$\n" },
	{ "read /x/\\X/\\x\\a\\A\\+\\?\\@", "file read /x/\\X/\\x\\a\\A\\+\\?\\@\n" },
	{ "unmount/chroot/symlink/truncate/rmdir/getattr/unlink /z",
	  "file unlink/getattr/rmdir/truncate/symlink/chroot/unmount /z\n" },
	{ "append/write/read/execute /z", "file execute/read/write/append /z\n" },
	{ "create/mkdir/mkfifo/mksock/ioctl/chmod/chown/chgrp /z 1",
	  "file create/mkdir/mkfifo/mksock/ioctl/chmod/chown/chgrp /z 1\n" },
	{ "ioctl /dev/x 18446744073709551615", "file ioctl /dev/x 18446744073709551615\n" },
	{ "execute /bin/cat exec.argv[1]=\"/etc/passwd\"",
	  "file execute /bin/cat exec.argv[1]=\"/etc/passwd\"\n" },
	{ "read /etc/shadow task.uid=0 grant_log=no",
	  "file read /etc/shadow task.uid=0 grant_log=no\n" },
	{ "create /tmp/\\* 0600 task.euid=1000-1999",
	  "file create /tmp/\\* 0600 task.euid=1000-1999\n" },
	{ "rename /a /b path1.type=file", "file rename /a /b path1.type=file\n" },
};

/**
 * warden_test_acl_corpus - a valid "file" line of the KUnit table, for the fuzzer
 * @i: the index of the line.
 *
 * Return: the line without its "file " keyword, or %NULL past the end of the table.
 */
const char *warden_test_acl_corpus(size_t i)
{
	return i < ARRAY_SIZE(warden_acl_valid) ? warden_acl_valid[i].line : NULL;
}

static void warden_acl_case_desc(const struct warden_acl_case *c, char *desc)
{
	strscpy(desc, c->line, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(warden_acl_valid, warden_acl_valid, warden_acl_case_desc);

static void test_valid_file_line_prints_canonically(struct kunit *test)
{
	const struct warden_acl_case *c = test->param_value;
	struct warden_acl_set *set = warden_test_acl_set(test);
	char *again;

	KUNIT_ASSERT_EQ(test, warden_test_acl_write(set, c->line, false), 0);
	KUNIT_EXPECT_STREQ(test, warden_test_acl_dump(test, set), c->printed);
	/* The printed line, read back, is the same entry: nothing is added. */
	again = kunit_kstrdup(test, c->printed + strlen("file "), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, again);
	again[strlen(again) - 1] = '\0';
	KUNIT_EXPECT_EQ(test, warden_test_acl_write(set, again, false), 0);
	KUNIT_EXPECT_STREQ(test, warden_test_acl_dump(test, set), c->printed);
	KUNIT_EXPECT_EQ(test, set->count, 1);
	warden_acl_set_destroy(set);
}

static const char *const warden_acl_invalid[] = {
	"",
	"read",
	"read ",
	"reed /etc/passwd",
	"Read /etc/passwd",
	"read/ /etc/passwd",
	"/read /etc/passwd",
	"read//write /etc/passwd",
	"read/create /etc/passwd",
	"read/link /a /b",
	"execute/mount /a",
	"read /etc/passwd extra",
	"read /etc/passwd task.uid",
	"read /etc/\\q",
	"read /etc/\\",
	"read /etc/\\101",
	"read /etc/\\{x",
	"read /etc/\\}/x",
	"read @",
	"read /bin/sh keep",
	"execute/read /bin/sh keep",
	"execute /bin/sh <kernel",
	"execute /bin/sh <kernel> bin/sh",
	"execute /bin/sh sideways",
	"read @bad\\*",
	"create /tmp/x @",
	"create /tmp/x",
	"create /tmp/x 0600 extra",
	"create /tmp/x 08",
	"create /tmp/x 0x",
	"create /tmp/x 0x0x1",
	"create /tmp/x -1",
	"create /tmp/x +1",
	"create /tmp/x 1-",
	"create /tmp/x 2-1",
	"create /tmp/x 1-2-3",
	"create /tmp/x 18446744073709551616",
	"create /tmp/x abc",
	"create /tmp/x 1 2",
	"mkdir /tmp/d/",
	"ioctl /dev/tty 0x54g1",
	"mkblock /dev/sda 0660 8",
	"mkblock /dev/sda 0660 8 0 1",
	"mkchar /dev/null 0666 x 3",
	"link /tmp/a",
	"link /tmp/a /tmp/b /tmp/c",
	"rename /tmp/a /tmp/\\q",
	"pivot_root /a",
	"mount none /proc/ proc",
	"mount none /proc/ proc zero",
	"mount none /proc/ proc 0 0",
	"mount",
	"unmount",
	"read /a\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*",
	"execute",
	"chown /tmp/x 1--2",
};

static void warden_acl_invalid_desc(const char *const *line, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "\"%s\"", *line);
}

KUNIT_ARRAY_PARAM(warden_acl_invalid, warden_acl_invalid,
		  warden_acl_invalid_desc);

static void test_invalid_file_line_changes_nothing(struct kunit *test)
{
	const char *const *line = test->param_value;
	struct warden_acl_set *set = warden_test_acl_set(test);
	const char *before;

	KUNIT_ASSERT_EQ(test, warden_test_acl_write(set, "read /etc/passwd",
						    false), 0);
	before = warden_test_acl_dump(test, set);
	KUNIT_EXPECT_EQ(test, warden_test_acl_write(set, *line, false), -EINVAL);
	KUNIT_EXPECT_EQ(test, warden_test_acl_write(set, *line, true), -EINVAL);
	KUNIT_EXPECT_STREQ(test, warden_test_acl_dump(test, set), before);
	KUNIT_EXPECT_EQ(test, set->count, 1);
	warden_acl_set_destroy(set);
}

static void test_operations_merge_and_delete_separately(struct kunit *test)
{
	struct warden_acl_set *set = warden_test_acl_set(test);

	KUNIT_ASSERT_EQ(test, warden_test_acl_write(set, "read /a", false), 0);
	KUNIT_ASSERT_EQ(test, warden_test_acl_write(set, "write /a", false), 0);
	KUNIT_ASSERT_EQ(test, warden_test_acl_write(set, "read /b", false), 0);
	KUNIT_EXPECT_STREQ(test, warden_test_acl_dump(test, set),
			   "file read/write /a\nfile read /b\n");
	KUNIT_EXPECT_EQ(test, set->count, 2);
	KUNIT_EXPECT_EQ(test, warden_test_acl_write(set, "read /a", true), 0);
	KUNIT_EXPECT_STREQ(test, warden_test_acl_dump(test, set),
			   "file write /a\nfile read /b\n");
	KUNIT_EXPECT_EQ(test, warden_test_acl_write(set, "read /a", true),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, warden_test_acl_write(set, "write /a", true), 0);
	KUNIT_EXPECT_EQ(test, warden_test_acl_write(set, "read /c", true),
			-ENOENT);
	KUNIT_EXPECT_STREQ(test, warden_test_acl_dump(test, set),
			   "file read /b\n");
	KUNIT_EXPECT_EQ(test, set->count, 1);
	warden_acl_set_destroy(set);
}

static void test_lookup_finds_exact_and_pattern_entries(struct kunit *test)
{
	static const struct {
		enum warden_path_op op;
		const char *path;
		bool allowed;
	} cases[] = {
		{ WARDEN_PATH_READ, "/etc/passwd", true },
		{ WARDEN_PATH_WRITE, "/etc/passwd", false },
		{ WARDEN_PATH_READ, "/etc/passwd2", false },
		{ WARDEN_PATH_READ, "/etc/shadow", false },
		{ WARDEN_PATH_READ, "/usr/share/zoneinfo/posix/Pacific/Pohnpei", true },
		{ WARDEN_PATH_READ, "/usr/share/zoneinfo/MST7MDT", false },
		{ WARDEN_PATH_READ, "/usr/share/zoneinfo/", false },
		{ WARDEN_PATH_EXECUTE, "/usr/share/zoneinfo/a/b", false },
		{ WARDEN_PATH_READ, "/proc/123/status", true },
		{ WARDEN_PATH_READ, "/proc/self/status", false },
		{ WARDEN_PATH_APPEND, "/var/log/pg-Thu.log", true },
		{ WARDEN_PATH_APPEND, "/var/log/pg-Thu.txt", false },
		{ WARDEN_PATH_READ, "pipe:[4026]", true },
		{ WARDEN_PATH_READ, "pipe:[x]", false },
		{ WARDEN_PATH_READ, "/lib/x86_64/libc.so", true },
		{ WARDEN_PATH_READ, "/libc.so", false },
	};
	static const char *const lines[] = {
		"read /etc/passwd",
		"read /usr/share/zoneinfo/\\{\\*\\}/\\*",
		"read /proc/\\$/status",
		"append /var/log/pg-\\*.log",
		"read pipe:[\\$]",
		"read /\\{\\*\\}/\\*.so",
	};
	struct warden_acl_set *set = warden_test_acl_set(test);
	size_t i;

	for (i = 0; i < ARRAY_SIZE(lines); i++)
		KUNIT_ASSERT_EQ(test, warden_test_acl_write(set, lines[i], false),
				0);
	rcu_read_lock();
	for (i = 0; i < ARRAY_SIZE(cases); i++)
		KUNIT_EXPECT_EQ_MSG(test,
				    warden_acl_path_allowed(set, cases[i].op,
							    cases[i].path),
				    cases[i].allowed, "%s", cases[i].path);
	rcu_read_unlock();
	warden_acl_set_destroy(set);
}

/* Mean nanoseconds of a lookup that finds the last-added of @n entries. */
static u64 warden_bench_lookups(struct kunit *test, unsigned int n,
				bool patterns)
{
	struct warden_acl_set *set = warden_test_acl_set(test);
	char line[64], path[64];
	const unsigned int rounds = 20000;
	unsigned int i;
	u64 start, ns;
	bool ok = true;

	for (i = 0; i < n; i++) {
		if (patterns)
			snprintf(line, sizeof(line), "read /data/d%u/f\\$", i);
		else
			snprintf(line, sizeof(line), "read /data/f%u", i);
		KUNIT_ASSERT_EQ(test, warden_test_acl_write(set, line, false), 0);
	}
	/*
	 * Let the index finish growing, as it will have long before a real
	 * policy is used; mid-resize lookups walk two tables.
	 */
	msleep(100);
	if (patterns)
		snprintf(path, sizeof(path), "/data/d%u/f42", n - 1);
	else
		snprintf(path, sizeof(path), "/data/f%u", n - 1);
	rcu_read_lock();
	start = ktime_get_ns();
	for (i = 0; i < rounds; i++)
		ok &= warden_acl_path_allowed(set, WARDEN_PATH_READ, path);
	ns = ktime_get_ns() - start;
	rcu_read_unlock();
	KUNIT_EXPECT_TRUE(test, ok);
	warden_acl_set_destroy(set);
	return div_u64(ns, rounds);
}

/*
 * Not a pass/fail test of speed: it prints the cost of a lookup as the
 * domain grows, for the benchmark figures.
 */
static void test_lookup_cost_by_policy_size(struct kunit *test)
{
	static const unsigned int exact[] = { 10, 1000, 100000 };
	static const unsigned int patterns[] = { 10, 1000 };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(exact); i++)
		kunit_info(test, "lookup, %u exact entries: %llu ns\n",
			   exact[i], warden_bench_lookups(test, exact[i], false));
	for (i = 0; i < ARRAY_SIZE(patterns); i++)
		kunit_info(test, "lookup, %u pattern entries: %llu ns\n",
			   patterns[i],
			   warden_bench_lookups(test, patterns[i], true));
}

/* Requests with arguments: numbers in ranges, second pathnames, mount. */
static const struct warden_request_case {
	struct warden_request req;
	bool allowed;
	const char *learned;
} warden_request_cases[] = {
	{ { WARDEN_ACL_PATH_NUMBER, 0, { "/tmp/a" }, { 0644 } }, true,
	  "create /tmp/a 0644" },
	{ { WARDEN_ACL_PATH_NUMBER, 0, { "/tmp/a" }, { 0600 } }, false,
	  "create /tmp/a 0600" },
	{ { WARDEN_ACL_PATH_NUMBER, 5, { "/tmp/a" }, { 0600 } }, true,
	  "chmod /tmp/a 0600" },
	{ { WARDEN_ACL_PATH_NUMBER, 5, { "/tmp/a" }, { 01000 } }, false,
	  "chmod /tmp/a 01000" },
	{ { WARDEN_ACL_PATH_NUMBER, 4, { "/dev/tty" }, { 0x5401 } }, true,
	  "ioctl /dev/tty 0x5401" },
	{ { WARDEN_ACL_PATH_NUMBER, 6, { "/tmp/a" }, { 1000 } }, true,
	  "chown /tmp/a 1000" },
	{ { WARDEN_ACL_PATH_NUMBER, 7, { "/tmp/a" }, { 1000 } }, false,
	  "chgrp /tmp/a 1000" },
	{ { WARDEN_ACL_MKDEV, 1, { "/dev/null2" }, { 0666, 1, 3 } }, true,
	  "mkchar /dev/null2 0666 1 3" },
	{ { WARDEN_ACL_MKDEV, 1, { "/dev/null2" }, { 0666, 1, 4 } }, false,
	  "mkchar /dev/null2 0666 1 4" },
	{ { WARDEN_ACL_PATH2, 1, { "/tmp/a", "/tmp/b" } }, true,
	  "rename /tmp/a /tmp/b" },
	{ { WARDEN_ACL_PATH2, 1, { "/tmp/a", "/etc/passwd" } }, false,
	  "rename /tmp/a /etc/passwd" },
	{ { WARDEN_ACL_PATH2, 0, { "/tmp/a", "/tmp/x.bak" } }, true,
	  "link /tmp/a /tmp/x.bak" },
	{ { WARDEN_ACL_MOUNT, 0, { "none", "/mnt/", "tmpfs" }, { 0 } }, true,
	  "mount none /mnt/ tmpfs 0x0" },
	{ { WARDEN_ACL_MOUNT, 0, { "none", "/mnt/", "proc" }, { 0 } }, false,
	  "mount none /mnt/ proc 0x0" },
	{ { WARDEN_ACL_MOUNT, 0, { "/tmp/", "/mnt/", "--bind" }, { 0 } }, false,
	  "mount /tmp/ /mnt/ --bind 0x0" },
};

static void warden_request_case_desc(const struct warden_request_case *c,
				     char *desc)
{
	strscpy(desc, c->learned, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(warden_request, warden_request_cases,
		  warden_request_case_desc);

static void test_request_arguments_and_learned_line(struct kunit *test)
{
	static const char *const lines[] = {
		"create /tmp/\\* 0640-0644",
		"chmod /tmp/a 0-0777",
		"ioctl /dev/tty 0x5400-0x54FF",
		"chown /tmp/a 1000",
		"mkchar /dev/null2 0666 1 3",
		"rename /tmp/a /tmp/\\*",
		"link /tmp/a /tmp/\\*.bak",
		"mount none /mnt/ tmpfs 0",
	};
	const struct warden_request_case *c = test->param_value;
	struct warden_acl_set *set = warden_test_acl_set(test);
	struct warden_request req = c->req;
	char learned[128];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(lines); i++)
		KUNIT_ASSERT_EQ(test, warden_test_acl_write(set, lines[i], false),
				0);
	rcu_read_lock();
	KUNIT_EXPECT_EQ(test, warden_acl_allows(set, &req), c->allowed);
	rcu_read_unlock();
	KUNIT_ASSERT_EQ(test, warden_acl_format(learned, sizeof(learned), &req),
			0);
	KUNIT_EXPECT_STREQ(test, learned, c->learned);
	/* The learned line grants the request it was learned from. */
	KUNIT_ASSERT_EQ(test, warden_test_acl_write(set, learned, false), 0);
	rcu_read_lock();
	KUNIT_EXPECT_TRUE(test, warden_acl_allows(set, &req));
	rcu_read_unlock();
	warden_acl_set_destroy(set);
}

static void test_format_refuses_short_buffer(struct kunit *test)
{
	struct warden_request req = {
		.kind = WARDEN_ACL_PATH, .op = WARDEN_PATH_READ,
		.word = { "/a/rather/long/pathname" },
	};
	char buf[16];

	KUNIT_EXPECT_EQ(test, warden_acl_format(buf, sizeof(buf), &req),
			-ENAMETOOLONG);
}

static void test_group_words_in_file_lines(struct kunit *test)
{
	static const char *const exception_lines[] = {
		"path_group WEB /var/www/\\*",
		"path_group WEB /srv/\\{\\*\\}/\\*.html",
		"number_group MODES 0600",
		"number_group MODES 0640-0644",
	};
	struct warden_acl_set *set = warden_test_acl_set(test);
	struct warden_acl_set *other = warden_test_acl_set(test);
	struct warden_request req = { .kind = WARDEN_ACL_PATH };
	struct warden_exception_policy e, empty;

	warden_test_exception_load(test, &e, exception_lines,
				   ARRAY_SIZE(exception_lines));
	warden_exception_init(&empty);
	KUNIT_ASSERT_EQ(test, warden_test_acl_line(set, &e, "read @WEB",
						   false), 0);
	KUNIT_ASSERT_EQ(test, warden_test_acl_line(set, &e,
						   "chmod /tmp/\\* @MODES",
						   false), 0);
	KUNIT_ASSERT_EQ(test, warden_test_acl_line(other, &empty,
						   "chmod /tmp/\\* @MODES",
						   false), 0);
	KUNIT_EXPECT_STREQ(test, warden_test_acl_dump(test, set),
			   "file read @WEB\nfile chmod /tmp/\\* @MODES\n");
	rcu_read_lock();
	req.op = WARDEN_PATH_READ;
	req.word[0] = "/var/www/index.html";
	KUNIT_EXPECT_TRUE(test, warden_acl_allows(set, &req));
	KUNIT_EXPECT_STREQ(test, req.matched, "@WEB");
	req.word[0] = "/srv/a/b/page.html";
	KUNIT_EXPECT_TRUE(test, warden_acl_allows(set, &req));
	req.word[0] = "/etc/passwd";
	KUNIT_EXPECT_FALSE(test, warden_acl_allows(set, &req));
	req.op = WARDEN_PATH_WRITE;
	req.word[0] = "/var/www/index.html";
	KUNIT_EXPECT_FALSE(test, warden_acl_allows(set, &req));
	req.kind = WARDEN_ACL_PATH_NUMBER;
	req.op = 5;
	req.word[0] = "/tmp/f";
	req.number[0] = 0642;
	KUNIT_EXPECT_TRUE(test, warden_acl_allows(set, &req));
	req.number[0] = 0666;
	KUNIT_EXPECT_FALSE(test, warden_acl_allows(set, &req));
	/* In an exception policy without the group, it has no members. */
	req.number[0] = 0600;
	KUNIT_EXPECT_FALSE(test, warden_acl_allows(other, &req));
	rcu_read_unlock();
	warden_acl_set_destroy(set);
	warden_acl_set_destroy(other);
	warden_test_exception_free(&e);
	warden_test_exception_free(&empty);
}

static struct kunit_case warden_acl_test_cases[] = {
	KUNIT_CASE_PARAM(test_valid_file_line_prints_canonically,
			 warden_acl_valid_gen_params),
	KUNIT_CASE_PARAM(test_invalid_file_line_changes_nothing,
			 warden_acl_invalid_gen_params),
	KUNIT_CASE(test_operations_merge_and_delete_separately),
	KUNIT_CASE(test_lookup_finds_exact_and_pattern_entries),
	KUNIT_CASE_PARAM(test_request_arguments_and_learned_line,
			 warden_request_gen_params),
	KUNIT_CASE(test_format_refuses_short_buffer),
	KUNIT_CASE(test_group_words_in_file_lines),
	KUNIT_CASE_SLOW(test_lookup_cost_by_policy_size),
	{}
};

static struct kunit_suite warden_acl_test_suite = {
	.name = "warden_acl",
	.test_cases = warden_acl_test_cases,
};

kunit_test_suite(warden_acl_test_suite);
