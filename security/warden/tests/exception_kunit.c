// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - KUnit tests of the exception policy: every keyword's lines
 * print back canonically, bad lines change nothing, and the file keeps
 * TOMOYO's order through additions and deletions.
 *
 * The table of valid lines also seeds the policy fuzzer, and the loader
 * gives the other suites an exception policy to resolve groups in.
 */

#include "../common.h"

#include <kunit/test.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../exception.h"
#include "../policy.h"
#include "kunit_util.h"

/**
 * warden_test_exception_load - give a test an exception policy
 * @test: the test, failed if a line is refused.
 * @e: receives the exception policy; clear it with warden_exception_clear().
 * @lines: exception policy lines.
 * @n: their number.
 */
void warden_test_exception_load(struct kunit *test,
				struct warden_exception_policy *e,
				const char *const *lines, size_t n)
{
	size_t i;

	warden_exception_init(e);
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ_MSG(test, warden_test_exception_line(e, lines[i]),
				    0, "%s", lines[i]);
}

struct warden_exception_case {
	const char *line;
	const char *printed;
};

/* The longest acl_group name: 64 bytes. */
#define NAME_64 "a234567890123456789012345678901234567890123456789012345678901234"

static const struct warden_exception_case warden_exception_valid[] = {
	{ "initialize_domain /usr/sbin/httpd",
	  "initialize_domain /usr/sbin/httpd from any\n" },
	{ "initialize_domain /usr/sbin/httpd from any",
	  "initialize_domain /usr/sbin/httpd from any\n" },
	{ "initialize_domain /usr/sbin/httpd from <kernel> /sbin/init",
	  "initialize_domain /usr/sbin/httpd from <kernel> /sbin/init\n" },
	{ "initialize_domain /usr/sbin/httpd from /sbin/init",
	  "initialize_domain /usr/sbin/httpd from /sbin/init\n" },
	{ "initialize_domain any from <kernel>",
	  "initialize_domain any from <kernel>\n" },
	{ "no_initialize_domain /usr/sbin/httpd from <kernel> /etc/rc.d/rc",
	  "no_initialize_domain /usr/sbin/httpd from <kernel> /etc/rc.d/rc\n" },
	{ "initialize_domain /usr/libexec/\\*", "initialize_domain /usr/libexec/\\* from any\n" },
	{ "keep_domain <kernel> /usr/sbin/sshd /bin/bash",
	  "keep_domain any from <kernel> /usr/sbin/sshd /bin/bash\n" },
	{ "keep_domain /bin/ls from <kernel> /usr/sbin/sshd",
	  "keep_domain /bin/ls from <kernel> /usr/sbin/sshd\n" },
	{ "keep_domain any from <kernel> /usr/sbin/sshd",
	  "keep_domain any from <kernel> /usr/sbin/sshd\n" },
	{ "keep_domain /usr/sbin/sshd", "keep_domain any from /usr/sbin/sshd\n" },
	{ "no_keep_domain <kernel> /usr/sbin/sshd",
	  "no_keep_domain any from <kernel> /usr/sbin/sshd\n" },
	{ "no_keep_domain /bin/passwd from any", "no_keep_domain /bin/passwd from any\n" },
	{ "reset_domain /usr/sbin/sshd", "reset_domain /usr/sbin/sshd from any\n" },
	{ "reset_domain /usr/sbin/sshd from <kernel> /sbin/init",
	  "reset_domain /usr/sbin/sshd from <kernel> /sbin/init\n" },
	{ "no_reset_domain /usr/sbin/sshd from any", "no_reset_domain /usr/sbin/sshd from any\n" },
	{ "aggregator /usr/bin/vi /usr/bin/editor", "aggregator /usr/bin/vi /usr/bin/editor\n" },
	{ "aggregator /usr/bin/\\*vi\\* /usr/bin/editor",
	  "aggregator /usr/bin/\\*vi\\* /usr/bin/editor\n" },
	{ "aggregator /etc/rc.d/rc\\?.d/\\?\\+\\+apache /etc/rc.d/apache",
	  "aggregator /etc/rc.d/rc\\?.d/\\?\\+\\+apache /etc/rc.d/apache\n" },
	{ "aggregator proc:/self/exe /proc/self/exe",
	  "aggregator proc:/self/exe /proc/self/exe\n" },
	{ "path_group WEB /var/www/\\*", "path_group WEB /var/www/\\*\n" },
	{ "path_group WEB /srv/www/html/", "path_group WEB /srv/www/html/\n" },
	{ "path_group TMP /tmp/\\{\\*\\}/\\*", "path_group TMP /tmp/\\{\\*\\}/\\*\n" },
	{ "path_group ANY_FILE /\\{\\*\\}/\\*", "path_group ANY_FILE /\\{\\*\\}/\\*\n" },
	{ "path_group sockets socket:[\\$]", "path_group sockets socket:[\\$]\n" },
	{ "number_group PORTS 1024-65535", "number_group PORTS 1024-65535\n" },
	{ "number_group PORTS 80", "number_group PORTS 80\n" },
	{ "number_group MODES 0644", "number_group MODES 0644\n" },
	{ "number_group IOCTL 0x5401-0x54FF", "number_group IOCTL 0x5401-0x54FF\n" },
	{ "number_group IOCTL 0x5401-0x54ff", "number_group IOCTL 0x5401-0x54FF\n" },
	{ "address_group LOCAL 127.0.0.1", "address_group LOCAL 127.0.0.1\n" },
	{ "address_group LAN 10.0.0.0-10.255.255.255",
	  "address_group LAN 10.0.0.0-10.255.255.255\n" },
	{ "address_group LOCAL 127.0.0.1-127.0.0.1", "address_group LOCAL 127.0.0.1\n" },
	{ "address_group LOCAL6 ::1", "address_group LOCAL6 ::1\n" },
	{ "address_group LINK fe80::-fe80::ffff",
	  "address_group LINK fe80::-fe80::ffff\n" },
	{ "address_group V6 2001:0db8:0000:0000:0000:0000:0000:0001",
	  "address_group V6 2001:db8::1\n" },
	{ "acl_group 0 file read /etc/ld.so.cache",
	  "acl_group 0 file read /etc/ld.so.cache\n" },
	{ "acl_group 255 file read/write /dev/null",
	  "acl_group 255 file read/write /dev/null\n" },
	{ "acl_group term_use_console file read/write /dev/console",
	  "acl_group term_use_console file read/write /dev/console\n" },
	{ "acl_group 1 file create /tmp/\\* 0600", "acl_group 1 file create /tmp/\\* 0600\n" },
	{ "acl_group 1 file rename /tmp/a /tmp/b", "acl_group 1 file rename /tmp/a /tmp/b\n" },
	{ "acl_group 2 network inet stream bind/listen 127.0.0.1 80",
	  "acl_group 2 network inet stream bind/listen 127.0.0.1 80\n" },
	{ "acl_group web network inet dgram send @LAN 53 task.uid=0",
	  "acl_group web network inet dgram send @LAN 53 task.uid=0\n" },
	{ "acl_group web network unix stream connect /run/x.sock",
	  "acl_group web network unix stream connect /run/x.sock\n" },
	{ "acl_group web misc env LC_\\*", "acl_group web misc env LC_\\*\n" },
	{ "acl_group term_use_console task manual_domain_transition <kernel> /bin/sh",
	  "acl_group term_use_console task manual_domain_transition <kernel> /bin/sh\n" },
	{ "acl_group " NAME_64 " file read /a",
	  "acl_group " NAME_64 " file read /a\n" },
	/* Every kind in a group, numbered and named, with conditions and @groups. */
	{ "acl_group 3 file read/write /dev/null task.uid=0",
	  "acl_group 3 file read/write /dev/null task.uid=0\n" },
	{ "acl_group 3 file ioctl /dev/tty 0x5401-0x5402",
	  "acl_group 3 file ioctl /dev/tty 0x5401-0x5402\n" },
	{ "acl_group 3 file ioctl @TTYS @IOCTLS", "acl_group 3 file ioctl @TTYS @IOCTLS\n" },
	{ "acl_group term_use_console file ioctl /dev/console @IOCTLS",
	  "acl_group term_use_console file ioctl /dev/console @IOCTLS\n" },
	{ "acl_group web_server file read @WEB path1.type=file",
	  "acl_group web_server file read @WEB path1.type=file\n" },
	{ "acl_group web_server file create /tmp/\\* 0600 task.euid=1000-1999",
	  "acl_group web_server file create /tmp/\\* 0600 task.euid=1000-1999\n" },
	{ "acl_group web_server file chmod /tmp/\\* @MODES",
	  "acl_group web_server file chmod /tmp/\\* @MODES\n" },
	{ "acl_group web_server file mkchar /dev/null 0666 1 3",
	  "acl_group web_server file mkchar /dev/null 0666 1 3\n" },
	{ "acl_group web_server file mkblock @DEVS 0660 8 0-15",
	  "acl_group web_server file mkblock @DEVS 0660 8 0-15\n" },
	{ "acl_group web_server file link/rename @A @B",
	  "acl_group web_server file link/rename @A @B\n" },
	{ "acl_group 4 file mount /dev/sda1 /mnt/ ext4 0",
	  "acl_group 4 file mount /dev/sda1 /mnt/ ext4 0\n" },
	{ "acl_group 4 file mount none /proc/ proc 0x1-0x10",
	  "acl_group 4 file mount none /proc/ proc 0x1-0x10\n" },
	{ "acl_group 4 file execute /bin/cat exec.argv[1]=\"/etc/passwd\"",
	  "acl_group 4 file execute /bin/cat exec.argv[1]=\"/etc/passwd\"\n" },
	{ "acl_group 4 network inet stream connect @LAN @PORTS",
	  "acl_group 4 network inet stream connect @LAN @PORTS\n" },
	{ "acl_group web_server network inet stream listen/bind ::1 8080",
	  "acl_group web_server network inet stream bind/listen ::1 8080\n" },
	{ "acl_group web_server network inet raw send 127.0.0.1 253 task.uid=0",
	  "acl_group web_server network inet raw send 127.0.0.1 253 task.uid=0\n" },
	{ "acl_group web_server network unix dgram send /run/x.sock task.uid=0",
	  "acl_group web_server network unix dgram send /run/x.sock task.uid=0\n" },
	{ "acl_group 5 network unix seqpacket bind/listen /run/\\*.sock",
	  "acl_group 5 network unix seqpacket bind/listen /run/\\*.sock\n" },
	{ "acl_group 5 misc env PATH task.uid=0", "acl_group 5 misc env PATH task.uid=0\n" },
	{ "acl_group 5 task manual_domain_transition <kernel> /usr/sbin/sshd task.uid=0",
	  "acl_group 5 task manual_domain_transition <kernel> /usr/sbin/sshd task.uid=0\n" },
	{ "acl_group a task manual_domain_transition <kernel> /bin/sh",
	  "acl_group a task manual_domain_transition <kernel> /bin/sh\n" },
	{ "acl_group 007 file read /etc/a", "acl_group 7 file read /etc/a\n" },
};

/**
 * warden_test_exception_corpus - a valid exception policy line of the KUnit table, for the fuzzer
 * @i: the index of the line.
 *
 * Return: the line, or %NULL past the end of the table.
 */
const char *warden_test_exception_corpus(size_t i)
{
	return i < ARRAY_SIZE(warden_exception_valid) ? warden_exception_valid[i].line : NULL;
}

static void warden_exception_case_desc(const struct warden_exception_case *c,
				       char *desc)
{
	strscpy(desc, c->line, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(warden_exception_valid, warden_exception_valid,
		  warden_exception_case_desc);

static void test_valid_exception_line_prints_canonically(struct kunit *test)
{
	const struct warden_exception_case *c = test->param_value;
	struct warden_exception_policy e;
	char *again;

	warden_exception_init(&e);
	KUNIT_ASSERT_EQ(test, warden_test_exception_line(&e, c->line), 0);
	KUNIT_EXPECT_STREQ(test, warden_test_exception_print(test, &e),
			   c->printed);
	/* The canonical line reads back as the same, single entry. */
	again = kunit_kstrdup(test, c->printed, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, again);
	again[strlen(again) - 1] = '\0';
	KUNIT_EXPECT_EQ(test, warden_test_exception_line(&e, again), 0);
	KUNIT_EXPECT_STREQ(test, warden_test_exception_print(test, &e),
			   c->printed);
	synchronize_rcu();
	warden_exception_clear(&e);
}

static const char *const warden_exception_invalid[] = {
	"",
	"initialize_domain",
	"initialize_domain ",
	"initialise_domain /usr/sbin/httpd",
	"initialize_domain usr/sbin/httpd",
	"initialize_domain /usr/sbin/\\q",
	"initialize_domain /usr/sbin/httpd from",
	"initialize_domain /usr/sbin/httpd from <kernel",
	"initialize_domain /usr/sbin/httpd from <kernel> bin",
	"initialize_domain /usr/sbin/httpd to any",
	"keep_domain <kernel",
	"keep_domain /bin/ls from <kernel>  /usr/sbin/sshd",
	"no_keep_domain",
	"reset_domain",
	"aggregator /usr/bin/vi",
	"aggregator :/self/exe /proc/self/exe",
	"aggregator proc/self:/exe /proc/self/exe",
	"aggregator /usr/bin/vi /usr/bin/\\*",
	"aggregator /usr/bin/vi /usr/bin/editor extra",
	"aggregator /usr/bin/\\q /usr/bin/editor",
	"path_group WEB",
	"path_group /var/www/\\*",
	"path_group WEB /var/www/\\q",
	"path_group WEB /var/www/a /var/www/b",
	"path_group @WEB /var/www/",
	"path_group W\\*B /var/www/",
	"number_group PORTS",
	"number_group PORTS abc",
	"number_group PORTS 2-1",
	"number_group PORTS -1",
	"number_group PORTS 1 2",
	"number_group PORTS 08",
	"address_group LOCAL",
	"address_group LOCAL 127.0.0",
	"address_group LOCAL 127.0.0.256",
	"address_group LOCAL 127.0.0.2-127.0.0.1",
	"address_group LOCAL localhost",
	"address_group LOCAL ::g",
	"address_group LOCAL 127.0.0.1-::1",
	"acl_group",
	"acl_group 0",
	"acl_group 256 file read /etc/a",
	"acl_group 1x file read /etc/a",
	"acl_group 0 file reed /etc/a",
	"acl_group 0 network inet stream bond 127.0.0.1 80",
	"acl_group 0 network inet stream bind 127.0.0.1",
	"acl_group 0 misc env",
	"acl_group 0 task manual_domain_transition /bin/sh",
	"acl_group Web file read /etc/a",
	"acl_group _web file read /etc/a",
	"acl_group web-server file read /etc/a",
	"acl_group " NAME_64 "5 file read /a",
	"acl_group 0 use_profile 1",
	"group WEB /var/www/",
	"Path_group WEB /var/www/",
	"delete",
	"delete ",
};

static void warden_exception_invalid_desc(const char *const *line, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "\"%s\"", *line);
}

KUNIT_ARRAY_PARAM(warden_exception_invalid, warden_exception_invalid,
		  warden_exception_invalid_desc);

static void test_invalid_exception_line_changes_nothing(struct kunit *test)
{
	const char *const *line = test->param_value;
	struct warden_exception_policy e;
	static const char setup[] = "path_group WEB /var/www/\\*";
	const char *before;

	warden_exception_init(&e);
	KUNIT_ASSERT_EQ(test, warden_test_exception_line(&e, setup), 0);
	before = warden_test_exception_print(test, &e);
	KUNIT_EXPECT_EQ(test, warden_test_exception_line(&e, *line), -EINVAL);
	KUNIT_EXPECT_STREQ(test, warden_test_exception_print(test, &e), before);
	synchronize_rcu();
	warden_exception_clear(&e);
}

static void test_exception_order_and_delete(struct kunit *test)
{
	static const char *const lines[] = {
		"path_group B /b",
		"keep_domain <kernel> /usr/sbin/sshd",
		"number_group N 1",
		"path_group A /a1",
		"acl_group 0 file read /x",
		"path_group B /b2",
		"aggregator /usr/bin/vi /usr/bin/editor",
	};
	static const struct {
		const char *line;
		int err;
	} deletes[] = {
		{ "delete path_group B /b", 0 },
		{ "delete path_group B /b", -ENOENT },
		{ "delete keep_domain any from <kernel> /usr/sbin/sshd", 0 },
		{ "delete acl_group 0 file read /x", 0 },
	};
	struct warden_exception_policy e;
	size_t i;

	warden_exception_init(&e);
	for (i = 0; i < ARRAY_SIZE(lines); i++)
		KUNIT_ASSERT_EQ(test, warden_test_exception_line(&e, lines[i]),
				0);
	KUNIT_EXPECT_STREQ(test, warden_test_exception_print(test, &e),
			   "keep_domain any from <kernel> /usr/sbin/sshd\n"
			   "aggregator /usr/bin/vi /usr/bin/editor\n"
			   "path_group B /b\n"
			   "path_group B /b2\n"
			   "path_group A /a1\n"
			   "number_group N 1\n"
			   "acl_group 0 file read /x\n");
	for (i = 0; i < ARRAY_SIZE(deletes); i++)
		KUNIT_EXPECT_EQ_MSG(test,
				    warden_test_exception_line(&e, deletes[i].line),
				    deletes[i].err, "%s", deletes[i].line);
	KUNIT_EXPECT_STREQ(test, warden_test_exception_print(test, &e),
			   "aggregator /usr/bin/vi /usr/bin/editor\n"
			   "path_group B /b2\n"
			   "path_group A /a1\n"
			   "number_group N 1\n");
	synchronize_rcu();
	warden_exception_clear(&e);
}

static struct kunit_case warden_exception_test_cases[] = {
	KUNIT_CASE_PARAM(test_valid_exception_line_prints_canonically,
			 warden_exception_valid_gen_params),
	KUNIT_CASE_PARAM(test_invalid_exception_line_changes_nothing,
			 warden_exception_invalid_gen_params),
	KUNIT_CASE(test_exception_order_and_delete),
	{}
};

static struct kunit_suite warden_exception_test_suite = {
	.name = "warden_exception",
	.test_cases = warden_exception_test_cases,
};

kunit_test_suite(warden_exception_test_suite);
