// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - the policy file: the whole policy as one document.
 *
 * A document written to /sys/kernel/security/warden/policy replaces the
 * whole policy when the file is closed, and reads back identical; a
 * document with one bad line fails at close and leaves the policy in
 * force untouched.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../kselftest_harness.h"
#include "common.h"

#define POLICY_FILE WARDEN_DIR "/policy"
#define DUMP_SIZE (16 << 20)

static const char small_policy[] =
	"[profile]\n"
	"PROFILE_VERSION=20150505\n"
	"0-COMMENT=-----Disabled Mode-----\n"
	"0-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }\n"
	"0-CONFIG={ mode=disabled grant_log=no reject_log=yes }\n"
	"1-COMMENT=-----Learning Mode-----\n"
	"1-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }\n"
	"1-CONFIG={ mode=learning grant_log=no reject_log=yes }\n"
	"[manager]\n"
	"/usr/sbin/warden-loadpolicy\n"
	"[exception_policy]\n"
	"initialize_domain /usr/sbin/httpd from any\n"
	"keep_domain any from <kernel> /usr/sbin/sshd /bin/bash\n"
	"aggregator /usr/bin/vi /usr/bin/editor\n"
	"path_group WEB /var/www/\\*\n"
	"number_group PORTS 1024-65535\n"
	"address_group LOCAL 127.0.0.1\n"
	"address_group LOCAL ::1\n"
	"acl_group 0 file read /etc/ld.so.cache\n"
	"acl_group term_use_console file read/write /dev/console\n"
	"[domain_policy]\n"
	"<kernel>\n"
	"use_profile 0\n"
	"\n"
	"\n"
	"<kernel> /usr/sbin/httpd\n"
	"use_profile 1\n"
	"use_group 0\n"
	"use_group term_use_console\n"
	"\n"
	"file read/write /var/www/\\*\n"
	"\n";

/*
 * small_policy with this program listed first among the managers: once a
 * loaded policy lists managers, only they may load the next one.
 */
static char *policy_managed_by_self(void)
{
	const char *at = strstr(small_policy, "[manager]\n");
	char exe[4096], *doc;
	ssize_t len;

	len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (len <= 0 || !at)
		return NULL;
	exe[len] = '\0';
	at += strlen("[manager]\n");
	if (asprintf(&doc, "%.*s%s\n%s", (int)(at - small_policy),
		     small_policy, exe, at) < 0)
		return NULL;
	return doc;
}

FIXTURE(policy) {
	char *dump;
	char *doc;
};

FIXTURE_SETUP(policy)
{
	if (!warden_is_enabled())
		SKIP(return, "warden is not in " LSM_LIST_FILE);
	self->dump = malloc(DUMP_SIZE);
	ASSERT_NE(NULL, self->dump);
	self->doc = policy_managed_by_self();
	ASSERT_NE(NULL, self->doc);
}

/* A policy that lists no manager, so that any later test may write. */
#define NO_MANAGERS "[profile]\nPROFILE_VERSION=20150505\n"

FIXTURE_TEARDOWN(policy)
{
	if (!self->doc)
		return;
	EXPECT_EQ(0, write_in_chunks(POLICY_FILE, NO_MANAGERS,
				     strlen(NO_MANAGERS), 100));
	free(self->doc);
	free(self->dump);
}

/* Load a policy document: it applies when the file is closed. */
static int load_document(const char *text, size_t len, size_t chunk)
{
	return write_in_chunks(POLICY_FILE, text, len, chunk);
}

TEST_F(policy, document_replaces_policy_and_reads_back_identical)
{
	const char *doc = self->doc;
	const char *managers;

	ASSERT_EQ(0, load_document(doc, strlen(doc), 100));
	ASSERT_LT(0, read_whole_file(POLICY_FILE, self->dump, DUMP_SIZE));
	EXPECT_STREQ(doc, self->dump);
	/* The per-part files show the same policy. */
	ASSERT_LT(0, read_whole_file(WARDEN_DIR "/manager", self->dump,
				     DUMP_SIZE));
	managers = strstr(doc, "[manager]\n") + strlen("[manager]\n");
	EXPECT_EQ(0, strncmp(managers, self->dump, strlen(self->dump)));
	EXPECT_NE(NULL, strstr(self->dump, "/usr/sbin/warden-loadpolicy\n"));
	/* A listed manager may load the next policy, which lists none. */
	ASSERT_EQ(0, load_document(NO_MANAGERS, strlen(NO_MANAGERS), 100));
	ASSERT_EQ(0, read_whole_file(WARDEN_DIR "/manager", self->dump,
				     DUMP_SIZE));
}

TEST_F(policy, bad_line_fails_at_close_and_keeps_policy)
{
	static const char *const bad_lines[] = {
		"file read /var/www/\\q\n",
		"1-CONFIG={ mode=enforce }\n",
		"[nonsense]\n",
	};
	char *before, *doc;
	size_t i;

	ASSERT_EQ(0, load_document(self->doc, strlen(self->doc), 4096));
	ASSERT_LT(0, read_whole_file(POLICY_FILE, self->dump, DUMP_SIZE));
	before = strdup(self->dump);
	ASSERT_NE(NULL, before);
	for (i = 0; i < ARRAY_SIZE(bad_lines); i++) {
		/* The bad line sits in the middle of an otherwise good document. */
		ASSERT_LT(0, asprintf(&doc, "%s%s%s", self->doc, bad_lines[i],
				      "file read /etc/hosts\n"));
		EXPECT_EQ(-EINVAL, load_document(doc, strlen(doc), 4096));
		free(doc);
		ASSERT_LT(0, read_whole_file(POLICY_FILE, self->dump, DUMP_SIZE));
		EXPECT_STREQ(before, self->dump);
	}
	free(before);
}

TEST_F(policy, empty_write_changes_nothing)
{
	char *before;
	int fd;

	ASSERT_LT(0, read_whole_file(POLICY_FILE, self->dump, DUMP_SIZE));
	before = strdup(self->dump);
	ASSERT_NE(NULL, before);
	fd = open(POLICY_FILE, O_WRONLY | O_CLOEXEC);
	ASSERT_LE(0, fd);
	EXPECT_EQ(0, write(fd, "", 0));
	EXPECT_EQ(0, close(fd));
	ASSERT_LT(0, read_whole_file(POLICY_FILE, self->dump, DUMP_SIZE));
	EXPECT_STREQ(before, self->dump);
	free(before);
}

/* 100,000 lines take longer than the harness's 30 s on the KASAN kernel. */
TEST_F_TIMEOUT(policy, hundred_thousand_line_document_reads_back_identical, 300)
{
	const unsigned int n = 100000;
	size_t size = 4096 + (size_t)n * 48, len;
	char *text = malloc(size);
	unsigned int i;

	ASSERT_NE(NULL, text);
	len = sprintf(text, "%s", self->doc);
	len += sprintf(text + len, "<kernel> /usr/sbin/big\nuse_profile 1\n\n");
	for (i = 0; i < n; i++)
		len += sprintf(text + len, "file read/getattr /data/f%u\n", i);
	len += sprintf(text + len, "\n");
	ASSERT_EQ(0, load_document(text, len, 1 << 20));
	ASSERT_LT(0, read_whole_file(POLICY_FILE, self->dump, DUMP_SIZE));
	EXPECT_EQ(len, strlen(self->dump));
	EXPECT_EQ(0, strcmp(text, self->dump));
	free(text);
}

TEST_HARNESS_MAIN
