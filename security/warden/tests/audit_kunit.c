// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - KUnit tests of the audit record format: the header's
 * fields in TOMOYO's order, the domain line and the ACL line, for granted
 * and rejected requests in each mode, and the escapes of odd pathnames,
 * symlink targets and exec strings, as tools/testing/selftests/warden/
 * audit_test.c reads them from the audit file.
 */

#include "../common.h"
#include <kunit/test.h>
#include <linux/binfmts.h>
#include <linux/cred.h>
#include <linux/ctype.h>
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../acl.h"
#include "../audit.h"
#include "../cond.h"
#include "../domain.h"
#include "../profile.h"
#include "../realpath.h"

#define WARDEN_TEST_DOMAIN "<kernel> /usr/sbin/httpd"

/* Room for the longest text a case formats. */
#define WARDEN_TEST_TEXT_MAX 2048

/* A text formatted into memory the test frees. */
static __printf(2, 3) char *warden_test_fmt(struct kunit *test,
					    const char *fmt, ...)
{
	char *text = kunit_kmalloc(test, WARDEN_TEST_TEXT_MAX, GFP_KERNEL);
	va_list args;

	KUNIT_ASSERT_NOT_NULL(test, text);
	va_start(args, fmt);
	vsnprintf(text, WARDEN_TEST_TEXT_MAX, fmt, args);
	va_end(args);
	return text;
}

/* A live domain named @name, for the record's domain line. */
static struct warden_domain *warden_test_domain(struct kunit *test,
						const char *name)
{
	size_t len = strlen(name) + 1;
	struct warden_domain *domain;

	domain = kunit_kzalloc(test, sizeof(*domain) + len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, domain);
	memcpy(domain->name, name, len);
	return domain;
}

/*
 * The header TOMOYO writes after "#YYYY/MM/DD hh:mm:ss# " for the current
 * task, up to the file attributes.
 */
static char *warden_test_header(struct kunit *test, unsigned int profile,
				const char *mode, bool granted)
{
	const struct cred *cred = current_cred();
	pid_t ppid;

	rcu_read_lock();
	ppid = task_tgid_vnr(rcu_dereference(current->real_parent));
	rcu_read_unlock();
	return warden_test_fmt(test,
			       "profile=%u mode=%s granted=%s (global-pid=%d) task={ pid=%d ppid=%d uid=%u gid=%u euid=%u egid=%u suid=%u sgid=%u fsuid=%u fsgid=%u }",
			       profile, mode, granted ? "yes" : "no",
			       task_pid_nr(current), task_tgid_vnr(current),
			       ppid, from_kuid(&init_user_ns, cred->uid),
			       from_kgid(&init_user_ns, cred->gid),
			       from_kuid(&init_user_ns, cred->euid),
			       from_kgid(&init_user_ns, cred->egid),
			       from_kuid(&init_user_ns, cred->suid),
			       from_kgid(&init_user_ns, cred->sgid),
			       from_kuid(&init_user_ns, cred->fsuid),
			       from_kgid(&init_user_ns, cred->fsgid));
}

/*
 * Check that @record starts with a "#YYYY/MM/DD hh:mm:ss# " stamp and
 * return what follows it.
 */
static const char *warden_test_skip_stamp(struct kunit *test,
					  const char *record)
{
	static const char shape[] = "#dddd/dd/dd dd:dd:dd# ";
	unsigned int i;

	for (i = 0; i < sizeof(shape) - 1; i++) {
		if (shape[i] == 'd')
			KUNIT_ASSERT_TRUE_MSG(test, isdigit(record[i]),
					      "stamp of: %s", record);
		else
			KUNIT_ASSERT_EQ_MSG(test, record[i], shape[i],
					    "stamp of: %s", record);
	}
	return record + sizeof(shape) - 1;
}

struct warden_audit_case {
	const char *desc;
	u8 profile;
	u8 mode;
	bool granted;
	const char *mode_name;
};

static const struct warden_audit_case warden_audit_cases[] = {
	{ "a rejection in enforcing mode", 3, WARDEN_MODE_ENFORCING, false,
	  "enforcing" },
	{ "a grant in enforcing mode", 3, WARDEN_MODE_ENFORCING, true,
	  "enforcing" },
	{ "a violation in permissive mode", 2, WARDEN_MODE_PERMISSIVE, false,
	  "permissive" },
	{ "a violation in learning mode", 1, WARDEN_MODE_LEARNING, false,
	  "learning" },
	{ "a grant in learning mode, profile 255", 255, WARDEN_MODE_LEARNING,
	  true, "learning" },
};

static void warden_audit_case_desc(const struct warden_audit_case *c,
				   char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(warden_audit, warden_audit_cases, warden_audit_case_desc);

/* Three lines: the header, the domainname, the ACL line. */
static void test_record_lines(struct kunit *test)
{
	const struct warden_audit_case *c = test->param_value;
	struct warden_audit_event event = {
		.domain = warden_test_domain(test, WARDEN_TEST_DOMAIN),
		.profile = c->profile,
		.mode = c->mode,
		.granted = c->granted,
		.line = "file read /var/www/html/index.html",
	};
	char *record = warden_audit_format(&event), *want;

	KUNIT_ASSERT_NOT_NULL(test, record);
	want = warden_test_fmt(test, "%s\n%s\n%s\n",
			       warden_test_header(test, c->profile,
						  c->mode_name, c->granted),
			       WARDEN_TEST_DOMAIN,
			       "file read /var/www/html/index.html");
	KUNIT_EXPECT_STREQ(test, warden_test_skip_stamp(test, record), want);
	kfree(record);
}

/* The header names a symlink's target, escaped, after the files. */
static void test_record_symlink_target(struct kunit *test)
{
	struct warden_cond_ctx ctx = {
		.symlink_target = "../a\\040b",
	};
	struct warden_audit_event event = {
		.domain = warden_test_domain(test, WARDEN_TEST_DOMAIN),
		.profile = 3,
		.mode = WARDEN_MODE_ENFORCING,
		.ctx = &ctx,
		.line = "file symlink /tmp/link",
	};
	char *record = warden_audit_format(&event), *want;

	KUNIT_ASSERT_NOT_NULL(test, record);
	want = warden_test_fmt(test, "%s symlink.target=\"../a\\040b\"\n%s\n%s\n",
			       warden_test_header(test, 3, "enforcing", false),
			       WARDEN_TEST_DOMAIN, "file symlink /tmp/link");
	KUNIT_EXPECT_STREQ(test, warden_test_skip_stamp(test, record), want);
	kfree(record);
}

/*
 * An exec's record shows the program's realpath, its argument and
 * environment counts and strings, each escaped, as audit_test expects.
 */
static void test_record_exec_strings(struct kunit *test)
{
	static const char args[] = "prog\0a b\0x\\y\0K=v";
	struct linux_binprm *bprm;
	struct warden_cond_ctx ctx = {
		.exec_realpath = "/tmp/wa/prog",
		.args = args,
		.args_len = sizeof(args),
	};
	struct warden_audit_event event = {
		.domain = warden_test_domain(test, WARDEN_TEST_DOMAIN),
		.profile = 3,
		.mode = WARDEN_MODE_ENFORCING,
		.ctx = &ctx,
		.line = "file execute /tmp/wa/prog",
	};
	char *record, *want;

	bprm = kunit_kzalloc(test, sizeof(*bprm), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, bprm);
	bprm->argc = 3;
	bprm->envc = 1;
	ctx.bprm = bprm;
	record = warden_audit_format(&event);
	KUNIT_ASSERT_NOT_NULL(test, record);
	want = warden_test_fmt(test,
			       "%s exec={ realpath=\"/tmp/wa/prog\" argc=3 envc=1 argv[]={ \"prog\" \"a\\040b\" \"x\\\\y\" } envp[]={ \"K=v\" } }\n%s\n%s\n",
			       warden_test_header(test, 3, "enforcing", false),
			       WARDEN_TEST_DOMAIN, "file execute /tmp/wa/prog");
	KUNIT_EXPECT_STREQ(test, warden_test_skip_stamp(test, record), want);
	kfree(record);
}

/* Strings the exec did not copy (too long) are shown as elided. */
static void test_record_exec_strings_not_read(struct kunit *test)
{
	struct linux_binprm *bprm;
	struct warden_cond_ctx ctx = { .exec_realpath = "/bin/true" };
	struct warden_audit_event event = {
		.domain = warden_test_domain(test, WARDEN_TEST_DOMAIN),
		.profile = 3,
		.mode = WARDEN_MODE_ENFORCING,
		.granted = true,
		.ctx = &ctx,
		.line = "file execute /bin/true",
	};
	char *record, *want;

	bprm = kunit_kzalloc(test, sizeof(*bprm), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, bprm);
	bprm->argc = 1;
	ctx.bprm = bprm;
	record = warden_audit_format(&event);
	KUNIT_ASSERT_NOT_NULL(test, record);
	want = warden_test_fmt(test, "%s exec={ realpath=\"/bin/true\" argc=1 envc=0%s\n%s\n%s\n",
			       warden_test_header(test, 3, "enforcing", true),
			       " argv[]={ ... } envp[]={ ... } }",
			       WARDEN_TEST_DOMAIN, "file execute /bin/true");
	KUNIT_EXPECT_STREQ(test, warden_test_skip_stamp(test, record), want);
	kfree(record);
}

/* The attributes of a file the request names, and of its parent. */
static void test_record_path_attributes(struct kunit *test)
{
	struct warden_cond_ctx ctx = {};
	struct warden_audit_event event = {
		.domain = warden_test_domain(test, WARDEN_TEST_DOMAIN),
		.profile = 3,
		.mode = WARDEN_MODE_ENFORCING,
		.ctx = &ctx,
		.line = "file getattr /",
	};
	struct inode *inode;
	struct path path;
	char *record, *want;

	if (kern_path("/", 0, &path))
		kunit_skip(test, "no root directory to name");
	ctx.path[0] = &path;
	inode = d_backing_inode(path.dentry);
	record = warden_audit_format(&event);
	KUNIT_ASSERT_NOT_NULL(test, record);
	/* "/" is its own parent. */
	want = warden_test_fmt(test,
			       "%s path1={ uid=%u gid=%u ino=%lu major=%u minor=%u perm=0%o type=directory } path1.parent={ uid=%u gid=%u ino=%lu perm=0%o }\n%s\n%s\n",
			       warden_test_header(test, 3, "enforcing", false),
			       from_kuid(&init_user_ns, inode->i_uid),
			       from_kgid(&init_user_ns, inode->i_gid),
			       inode->i_ino, MAJOR(inode->i_sb->s_dev),
			       MINOR(inode->i_sb->s_dev),
			       inode->i_mode & S_IALLUGO,
			       from_kuid(&init_user_ns, inode->i_uid),
			       from_kgid(&init_user_ns, inode->i_gid),
			       inode->i_ino, inode->i_mode & S_IALLUGO,
			       WARDEN_TEST_DOMAIN, "file getattr /");
	KUNIT_EXPECT_STREQ(test, warden_test_skip_stamp(test, record), want);
	kfree(record);
	path_put(&path);
}

/* A pathname escaped as the hooks escape it, allocated by the test. */
static char *warden_test_encode(struct kunit *test, const char *raw)
{
	size_t len = strlen(raw);
	char *out = kunit_kmalloc(test, warden_encoded_len(raw, len) + 1,
				  GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, out);
	warden_encode(out, raw, len);
	return out;
}

/* Odd bytes in pathnames, as the ACL line of a record names them. */
static void test_acl_line_escapes_odd_pathnames(struct kunit *test)
{
	static const struct {
		const char *raw;
		const char *encoded;
	} names[] = {
		{ "/tmp/plain", "/tmp/plain" },
		{ "/tmp/a b", "/tmp/a\\040b" },
		{ "/tmp/back\\slash", "/tmp/back\\\\slash" },
		{ "/tmp/tab\there", "/tmp/tab\\011here" },
		{ "/tmp/new\nline", "/tmp/new\\012line" },
		{ "/tmp/del\x7f", "/tmp/del\\177" },
		{ "/tmp/caf\xc3\xa9", "/tmp/caf\\303\\251" },
		{ "/tmp/star*", "/tmp/star*" },
	};
	struct warden_request req = {
		.kind = WARDEN_ACL_PATH,
		.op = WARDEN_PATH_READ,
	};
	unsigned int i;
	char line[128];

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		req.word[0] = warden_test_encode(test, names[i].raw);
		KUNIT_EXPECT_STREQ(test, req.word[0], names[i].encoded);
		KUNIT_ASSERT_EQ(test, warden_acl_format(line, sizeof(line), &req),
				0);
		KUNIT_EXPECT_STREQ(test, line,
				   warden_test_fmt(test, "read %s",
						   names[i].encoded));
	}
}

/*
 * The ACL line of each kind of request, numbers in the base TOMOYO
 * writes them in: modes in octal, ioctl commands and mount flags in hex,
 * ids in decimal.
 */
static void test_acl_line_of_each_kind(struct kunit *test)
{
	static const struct {
		struct warden_request req;
		const char *line;
	} lines[] = {
		{ { .kind = WARDEN_ACL_PATH, .op = WARDEN_PATH_EXECUTE,
		    .word = { "/bin/sh" } }, "execute /bin/sh" },
		{ { .kind = WARDEN_ACL_PATH, .op = WARDEN_PATH_APPEND,
		    .word = { "/var/log/x" } }, "append /var/log/x" },
		{ { .kind = WARDEN_ACL_PATH, .op = WARDEN_PATH_UNMOUNT,
		    .word = { "/mnt/" } }, "unmount /mnt/" },
		/* create, mkdir, ..., in the order of their bits. */
		{ { .kind = WARDEN_ACL_PATH_NUMBER, .op = 0,
		    .word = { "/tmp/x" }, .number = { 0600 } },
		  "create /tmp/x 0600" },
		{ { .kind = WARDEN_ACL_PATH_NUMBER, .op = 1,
		    .word = { "/tmp/d/" }, .number = { 0700 } },
		  "mkdir /tmp/d/ 0700" },
		{ { .kind = WARDEN_ACL_PATH_NUMBER, .op = 4,
		    .word = { "/dev/null" }, .number = { 0x5401 } },
		  "ioctl /dev/null 0x5401" },
		{ { .kind = WARDEN_ACL_PATH_NUMBER, .op = 5,
		    .word = { "/tmp/x" }, .number = { 0777 } },
		  "chmod /tmp/x 0777" },
		{ { .kind = WARDEN_ACL_PATH_NUMBER, .op = 6,
		    .word = { "/tmp/x" }, .number = { 5 } },
		  "chown /tmp/x 5" },
		{ { .kind = WARDEN_ACL_MKDEV, .op = 1,
		    .word = { "/dev/x" }, .number = { 0600, 1, 3 } },
		  "mkchar /dev/x 0600 1 3" },
		{ { .kind = WARDEN_ACL_PATH2, .op = 1,
		    .word = { "/a", "/b" } }, "rename /a /b" },
		{ { .kind = WARDEN_ACL_MOUNT, .op = 0,
		    .word = { "none", "/proc/", "proc" }, .number = { 0 } },
		  "mount none /proc/ proc 0x0" },
	};
	unsigned int i;
	char line[128];

	for (i = 0; i < ARRAY_SIZE(lines); i++) {
		KUNIT_ASSERT_EQ(test, warden_acl_format(line, sizeof(line),
							&lines[i].req), 0);
		KUNIT_EXPECT_STREQ(test, line, lines[i].line);
	}
}

static struct kunit_case warden_audit_test_cases[] = {
	KUNIT_CASE_PARAM(test_record_lines, warden_audit_gen_params),
	KUNIT_CASE(test_record_symlink_target),
	KUNIT_CASE(test_record_exec_strings),
	KUNIT_CASE(test_record_exec_strings_not_read),
	KUNIT_CASE(test_record_path_attributes),
	KUNIT_CASE(test_acl_line_escapes_odd_pathnames),
	KUNIT_CASE(test_acl_line_of_each_kind),
	{}
};

static struct kunit_suite warden_audit_test_suite = {
	.name = "warden_audit",
	.test_cases = warden_audit_test_cases,
};

kunit_test_suite(warden_audit_test_suite);
