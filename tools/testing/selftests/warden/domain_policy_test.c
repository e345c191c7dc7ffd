// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - the domain_policy file.
 *
 * The file and network lines of the TOMOYO guide's postgresql domain load
 * and read back in canonical form; a bad line fails and changes nothing,
 * and the lines after it in the same write() still apply; a
 * domain with 100,000 entries loads and reads back identical.
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

#define DOMAIN_POLICY WARDEN_DIR "/domain_policy"
#define DUMP_SIZE (16 << 20)

#define PG_DOMAIN "<kernel> /etc/rc.d/init.d/postgresql /sbin/runuser /bin/bash /usr/bin/postmaster"

FIXTURE(domain_policy) {
	char *dump;
};

FIXTURE_SETUP(domain_policy)
{
	if (!warden_is_enabled())
		SKIP(return, "warden is not in " LSM_LIST_FILE);
	self->dump = malloc(DUMP_SIZE);
	ASSERT_NE(NULL, self->dump);
}

FIXTURE_TEARDOWN(domain_policy)
{
	free(self->dump);
}

/* The block of @dump that describes @domain, up to the next domain. */
static char *domain_block(char *dump, const char *domain)
{
	char *start = strstr(dump, domain), *end;

	if (!start)
		return NULL;
	end = strstr(start + 1, "\n\n<");
	if (end)
		end[2] = '\0';
	return start;
}

TEST_F(domain_policy, root_domain_always_exists)
{
	ASSERT_LT(0, read_whole_file(DOMAIN_POLICY, self->dump, DUMP_SIZE));
	EXPECT_EQ(0, strncmp(self->dump, "<kernel>\nuse_profile 0\n\n",
			     strlen("<kernel>\nuse_profile 0\n\n")));
}

TEST_F(domain_policy, guide_postgresql_lines_read_back_canonical)
{
	static const char written[] =
		PG_DOMAIN "\n"
		"use_profile 3\n"
		"use_group 0\n"
		"network unix stream connect /var/run/nscd/socket\n"
		"file read /usr/lib/locale/locale-archive\n"
		"file read /var/lib/pgsql/data/global/pg_control\n"
		"file write /var/lib/pgsql/data/global/pg_control\n"
		"file create /var/lib/pgsql/data/postmaster.pid 0600\n"
		"file unlink /var/lib/pgsql/data/postmaster.pid\n"
		"file read /usr/share/zoneinfo/\\{\\*\\}/\\*\n"
		"network inet stream bind 127.0.0.1 5432\n"
		"network inet stream listen 127.0.0.1 5432\n"
		"file create /tmp/.s.PGSQL.5432.lock 0600\n"
		"network unix stream bind /tmp/.s.PGSQL.5432\n"
		"network unix stream listen /tmp/.s.PGSQL.5432\n"
		"file mksock /tmp/.s.PGSQL.5432 0700\n"
		"file chmod /tmp/.s.PGSQL.5432 0777\n"
		"file truncate /var/lib/pgsql/data/postmaster.opts\n"
		"file mkdir /var/lib/pgsql/data/pg_log/ 0700\n"
		"file append /var/lib/pgsql/data/pg_log/postgresql-\\*.log\n"
		"network inet dgram bind 127.0.0.1 0\n"
		"file rename /var/lib/pgsql/data/global/pgstat.tmp /var/lib/pgsql/data/global/pgstat.stat\n"
		"file create /var/lib/pgsql/data/global/pg_auth.\\$ 0666\n"
		"file rename /var/lib/pgsql/data/global/pg_auth.\\$ /var/lib/pgsql/data/global/pg_auth\n"
		"file unlink /var/lib/pgsql/data/base/\\$/pg_internal.init\n"
		"network inet dgram send 127.0.0.1 1024-65535\n";
	/*
	 * Operations on the same object merge into one line, as in TOMOYO;
	 * network, misc and task lines follow the file lines.
	 */
	static const char expected[] =
		PG_DOMAIN "\n"
		"use_profile 3\n"
		"use_group 0\n"
		"\n"
		"file read /usr/lib/locale/locale-archive\n"
		"file read/write /var/lib/pgsql/data/global/pg_control\n"
		"file create /var/lib/pgsql/data/postmaster.pid 0600\n"
		"file unlink /var/lib/pgsql/data/postmaster.pid\n"
		"file read /usr/share/zoneinfo/\\{\\*\\}/\\*\n"
		"file create /tmp/.s.PGSQL.5432.lock 0600\n"
		"file mksock /tmp/.s.PGSQL.5432 0700\n"
		"file chmod /tmp/.s.PGSQL.5432 0777\n"
		"file truncate /var/lib/pgsql/data/postmaster.opts\n"
		"file mkdir /var/lib/pgsql/data/pg_log/ 0700\n"
		"file append /var/lib/pgsql/data/pg_log/postgresql-\\*.log\n"
		"file rename /var/lib/pgsql/data/global/pgstat.tmp /var/lib/pgsql/data/global/pgstat.stat\n"
		"file create /var/lib/pgsql/data/global/pg_auth.\\$ 0666\n"
		"file rename /var/lib/pgsql/data/global/pg_auth.\\$ /var/lib/pgsql/data/global/pg_auth\n"
		"file unlink /var/lib/pgsql/data/base/\\$/pg_internal.init\n"
		"network unix stream connect /var/run/nscd/socket\n"
		"network inet stream bind/listen 127.0.0.1 5432\n"
		"network unix stream bind/listen /tmp/.s.PGSQL.5432\n"
		"network inet dgram bind 127.0.0.1 0\n"
		"network inet dgram send 127.0.0.1 1024-65535\n"
		"\n";
	char *block;

	/* Split into small writes: lines cross write() boundaries. */
	ASSERT_EQ(0, write_in_chunks(DOMAIN_POLICY, written, strlen(written), 7));
	ASSERT_LT(0, read_whole_file(DOMAIN_POLICY, self->dump, DUMP_SIZE));
	block = domain_block(self->dump, PG_DOMAIN "\n");
	ASSERT_NE(NULL, block);
	EXPECT_STREQ(expected, block);
	ASSERT_EQ(0, write_file_once(DOMAIN_POLICY, "delete " PG_DOMAIN "\n"));
}

TEST_F(domain_policy, bad_lines_fail_and_change_nothing)
{
	static const char *const bad[] = {
		"file read /etc/\\q\n",
		"file reed /etc/passwd\n",
		"file create /tmp/x\n",
		"use_profile 256\n",
		"use_group @x\n",
		"use_group 1x\n",
		"bogus\n",
	};
	char *before;
	size_t i;

	ASSERT_EQ(0, write_file_once(DOMAIN_POLICY,
				     "<kernel> /bin/test\nfile read /etc/a\n"));
	ASSERT_LT(0, read_whole_file(DOMAIN_POLICY, self->dump, DUMP_SIZE));
	before = strdup(self->dump);
	ASSERT_NE(NULL, before);
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		char text[256];

		snprintf(text, sizeof(text), "<kernel> /bin/test\n%s", bad[i]);
		EXPECT_EQ(-EINVAL, write_file_once(DOMAIN_POLICY, text))
			TH_LOG("%s", bad[i]);
	}
	EXPECT_EQ(-EINVAL, write_file_once(DOMAIN_POLICY, "<kernel /bin/x\n"));
	ASSERT_LT(0, read_whole_file(DOMAIN_POLICY, self->dump, DUMP_SIZE));
	EXPECT_STREQ(before, self->dump);
	free(before);
	ASSERT_EQ(0, write_file_once(DOMAIN_POLICY, "delete <kernel> /bin/test\n"));
}

/*
 * Write @text through one open file in writes of @chunk bytes, going on
 * after a failed one as a writer that ignores errors does; the number of
 * writes that failed with EINVAL, or -1 if one failed otherwise.
 */
static int write_on_through_errors(const char *text, size_t chunk)
{
	size_t done = 0, len = strlen(text);
	int fd, failed = 0;

	fd = open(DOMAIN_POLICY, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	while (done < len) {
		size_t n = len - done < chunk ? len - done : chunk;
		ssize_t w = write(fd, text + done, n);

		if (w < 0 && errno != EINVAL) {
			failed = -1;
			break;
		}
		failed += w < 0;
		done += w < 0 ? n : (size_t)w;
	}
	close(fd);
	return failed;
}

/*
 * Every line is applied or refused on its own: whether the writer sends
 * the whole file in one write(), a line per write() or pieces cut
 * anywhere, the same lines load, and each write() holding a refused line
 * fails with EINVAL after the lines after it were applied.
 */
TEST_F(domain_policy, lines_apply_alike_however_the_writes_split_them)
{
	static const char text[] =
		"<kernel> /bin/split\n"
		"file read /tmp/split/1\n"
		"file read /tmp/split/2\n"
		"file read /tmp/split/3 \\\n"
		"file write /tmp/split/4\n"
		"bogus line\n"
		"file read /tmp/split/5\n"
		"file write /tmp/split/1\n";
	static const size_t chunks[] = { sizeof(text), 1, 7, 23 };
	char *first = NULL, *block;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(chunks); i++) {
		int failed = write_on_through_errors(text, chunks[i]);

		/*
		 * Two bad lines: the one write() fails, or, in pieces, the
		 * two that end them (no piece ends both).
		 */
		EXPECT_EQ(chunks[i] == sizeof(text) ? 1 : 2, failed)
			TH_LOG("chunk %zu", chunks[i]);
		ASSERT_LT(0, read_whole_file(DOMAIN_POLICY, self->dump,
					     DUMP_SIZE));
		block = domain_block(self->dump, "<kernel> /bin/split\n");
		ASSERT_NE(NULL, block);
		if (!first) {
			first = strdup(block);
			ASSERT_NE(NULL, first);
			EXPECT_NE(NULL, strstr(first, "file read/write /tmp/split/1\n"));
			EXPECT_NE(NULL, strstr(first, "file read /tmp/split/2\n"));
			EXPECT_NE(NULL, strstr(first, "file write /tmp/split/4\n"));
			EXPECT_NE(NULL, strstr(first, "file read /tmp/split/5\n"));
			EXPECT_EQ(NULL, strstr(first, "/tmp/split/3"));
		} else {
			EXPECT_STREQ(first, block) TH_LOG("chunk %zu", chunks[i]);
		}
		ASSERT_EQ(0, write_file_once(DOMAIN_POLICY,
					     "delete <kernel> /bin/split\n"));
	}
	free(first);
}

TEST_F(domain_policy, acl_line_without_domain_is_refused)
{
	EXPECT_EQ(-EINVAL, write_file_once(DOMAIN_POLICY, "file read /etc/a\n"));
}

/* 100,000 entries take longer than the harness's 30 s on the KASAN kernel. */
TEST_F_TIMEOUT(domain_policy, hundred_thousand_entries_read_back_identical, 300)
{
	const unsigned int n = 100000;
	size_t size = 64 + (size_t)n * 40, len;
	char *text = malloc(size), *block;
	unsigned int i;

	ASSERT_NE(NULL, text);
	len = sprintf(text, "<kernel> /usr/sbin/big\nuse_profile 0\n\n");
	for (i = 0; i < n; i++)
		len += sprintf(text + len, "file read /data/f%u\n", i);
	len += sprintf(text + len, "\n");
	ASSERT_EQ(0, write_in_chunks(DOMAIN_POLICY, text, len, 65536));
	ASSERT_LT(0, read_whole_file(DOMAIN_POLICY, self->dump, DUMP_SIZE));
	block = domain_block(self->dump, "<kernel> /usr/sbin/big\n");
	ASSERT_NE(NULL, block);
	EXPECT_EQ(len, strlen(block));
	EXPECT_EQ(0, strcmp(text, block));
	ASSERT_EQ(0, write_file_once(DOMAIN_POLICY,
				     "delete <kernel> /usr/sbin/big\n"));
	free(text);
}

/* The number on the "Memory used by policy:" line of stat. */
static long policy_memory(void)
{
	char stat[4096];
	char *line;

	if (read_whole_file(WARDEN_DIR "/stat", stat, sizeof(stat)) <= 0)
		return -1;
	line = strstr(stat, "Memory used by policy:");
	return line ? strtol(line + 38, NULL, 10) : -1;
}

TEST_F(domain_policy, policy_quota_refuses_entries_with_enomem)
{
	long used = policy_memory(), after;
	char quota[64], line[64];
	unsigned int i;
	int fd, err = 0;

	ASSERT_LT(0, used);
	snprintf(quota, sizeof(quota), "Memory used by policy: %ld\n",
		 used + 4096);
	ASSERT_EQ(0, write_file_once(WARDEN_DIR "/stat", quota));
	fd = open(DOMAIN_POLICY, O_WRONLY | O_CLOEXEC);
	ASSERT_LE(0, fd);
	ASSERT_EQ(20, write(fd, "<kernel> /bin/quota\n", 20));
	for (i = 0; i < 1000 && !err; i++) {
		snprintf(line, sizeof(line), "file read /quota/f%u\n", i);
		if (write(fd, line, strlen(line)) < 0)
			err = errno;
	}
	close(fd);
	EXPECT_EQ(ENOMEM, err);
	EXPECT_LT(1, i);
	after = policy_memory();
	EXPECT_GE(used + 4096, after);
	ASSERT_EQ(0, write_file_once(WARDEN_DIR "/stat",
				     "Memory used by policy: 0\n"));
	ASSERT_EQ(0, write_file_once(DOMAIN_POLICY,
				     "delete <kernel> /bin/quota\n"));
	/* Deleting the domain returns its memory. */
	EXPECT_EQ(used, policy_memory());
}

/* Write @text through @fd and read what the same open file shows. */
static ssize_t write_then_read(int fd, const char *text, char *buf,
			       size_t size)
{
	ssize_t n;

	if (write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		return -1;
	if (lseek(fd, 0, SEEK_SET))
		return -1;
	n = read(fd, buf, size - 1);
	if (n >= 0)
		buf[n] = '\0';
	return n;
}

TEST_F(domain_policy, select_narrows_reads_and_targets_writes)
{
	static const char setup[] =
		"<kernel> /sel/a\n"
		"file read /sel/a.conf\n"
		"file execute /sel/helper\n"
		"task manual_domain_transition <kernel> /sel/b\n"
		"<kernel> /sel/b\n"
		"file write /sel/b.log\n";
	char mine[128], expected[256];
	int fd;

	ASSERT_EQ(0, write_file_once(DOMAIN_POLICY, setup));
	fd = open(DOMAIN_POLICY, O_RDWR);
	ASSERT_LE(0, fd);
	ASSERT_LT(0, write_then_read(fd, "select domain=<kernel> /sel/a\n",
				     self->dump, DUMP_SIZE));
	EXPECT_STREQ("# select domain=<kernel> /sel/a\n"
		     "<kernel> /sel/a\nuse_profile 0\n\n"
		     "file read /sel/a.conf\n"
		     "file execute /sel/helper\n"
		     "task manual_domain_transition <kernel> /sel/b\n\n",
		     self->dump);
	/* A line without a domainname goes to the selected domain. */
	ASSERT_LT(0, write_then_read(fd, "file read /sel/more\n"
				     "select transition_only\n",
				     self->dump, DUMP_SIZE));
	EXPECT_STREQ("# select domain=<kernel> /sel/a\n"
		     "<kernel> /sel/a\nuse_profile 0\n\n"
		     "file execute /sel/helper\n"
		     "task manual_domain_transition <kernel> /sel/b\n\n",
		     self->dump);
	ASSERT_LT(0, write_then_read(fd, "reset\nselect domain=<kernel> /sel/a\n",
				     self->dump, DUMP_SIZE));
	EXPECT_NE(NULL, strstr(self->dump, "file read /sel/more\n"));
	/* A domain that does not exist selects nothing. */
	ASSERT_LT(0, write_then_read(fd, "select domain=<kernel> /sel/none\n",
				     self->dump, DUMP_SIZE));
	EXPECT_STREQ("# select domain=<kernel> /sel/none\n", self->dump);
	EXPECT_EQ(-1, write(fd, "file read /x\n", 13));
	EXPECT_EQ(EINVAL, errno);
	/* pid= selects the domain a process runs in. */
	ASSERT_LT(0, read_whole_file("/proc/self/attr/warden/current", mine,
				     sizeof(mine)));
	*strchr(mine, '\n') = '\0';
	snprintf(expected, sizeof(expected), "select pid=%d\n", getpid());
	ASSERT_LT(0, write_then_read(fd, expected, self->dump, DUMP_SIZE));
	snprintf(expected, sizeof(expected), "# select pid=%d\n", getpid());
	ASSERT_EQ(0, strncmp(self->dump, expected, strlen(expected)));
	/* Its domain follows, if the policy has an entry for it. */
	if (self->dump[strlen(expected)])
		EXPECT_EQ(0, strncmp(self->dump + strlen(expected), mine,
				     strlen(mine)));
	/* After reset the whole file reads back again. */
	ASSERT_LT(0, write_then_read(fd, "reset\n", self->dump, DUMP_SIZE));
	EXPECT_EQ(0, strncmp(self->dump, "<kernel>\n", strlen("<kernel>\n")));
	EXPECT_NE(NULL, strstr(self->dump, "<kernel> /sel/b\n"));
	EXPECT_EQ(-1, write(fd, "select nonsense\n", 16));
	EXPECT_EQ(EINVAL, errno);
	close(fd);
	EXPECT_EQ(0, write_file_once(DOMAIN_POLICY,
				     "delete <kernel> /sel/a\n"
				     "delete <kernel> /sel/b\n"));
}

TEST_HARNESS_MAIN
