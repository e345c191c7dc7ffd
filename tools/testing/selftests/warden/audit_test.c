// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - the audit log.
 *
 * Every field of a record is checked against the request that caused it:
 * the UTC date, the profile and mode, whether it was granted, the pids and
 * the eight credentials of the task, the owner, inode, device and mode of
 * the file and of its directory, the domain and the ACL line; execute
 * requests add the program's realpath, argv[] and envp[] in TOMOYO's
 * escapes, symlink requests their target, device files their numbers.
 * Denials are logged in learning, permissive and enforcing mode when the
 * profile has reject_log=yes and only then; grants when it has
 * grant_log=yes, unless the matching ACL entry's grant_log= condition
 * says otherwise.  Each read() returns one record and one NUL byte;
 * O_NONBLOCK reads fail with EAGAIN when none waits, blocking reads wait
 * for one and poll() reports it; beyond max_audit_log waiting records,
 * records are dropped and counted in stat.
 *
 * The requests are made by a copy of this program, /tmp/warden-audit,
 * in the domain "<kernel> /tmp/warden-audit".
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "../kselftest_harness.h"
#include "audit_common.h"

#define HELPER "/tmp/warden-audit"
#define HELPER_DOMAIN "<kernel> " HELPER
#define WA_DIR "/tmp/wa"
#define SUBDIR WA_DIR "/d"
#define FILE_F SUBDIR "/f"
#define PROG WA_DIR "/prog"
#define LINK WA_DIR "/sl"
#define CHR WA_DIR "/chr"
#define CDEV WA_DIR "/cdev"

/* The owner and mode of FILE_F and of SUBDIR. */
#define F_UID 1234
#define F_GID 5678
#define D_UID 4321
#define D_GID 8765

/* The profiles of the TOMOYO guide, logging denials, and grants. */
#define ENFORCING_REJECT_LOG \
	"3-CONFIG={ mode=enforcing grant_log=no reject_log=yes }\n"
#define LEARNING_REJECT_LOG \
	"1-CONFIG={ mode=learning grant_log=no reject_log=yes }\n"
#define PERMISSIVE_REJECT_LOG \
	"2-CONFIG={ mode=permissive grant_log=no reject_log=yes }\n"
#define ENFORCING_GRANT_LOG \
	"3-CONFIG={ mode=enforcing grant_log=yes reject_log=yes }\n"

/* The length of "#YYYY/MM/DD hh:mm:ss# ", which starts every header. */
#define DATE_LEN 22

FIXTURE(audit) {
	struct stat file, subdir, dir, prog;
};

FIXTURE_SETUP(audit)
{
	if (!audit_available())
		SKIP(return, "warden is not active: no " WARDEN_DIR);
	remove_tree(WA_DIR);
	ASSERT_EQ(0, mkdir(WA_DIR, 0755));
	ASSERT_EQ(0, chmod(WA_DIR, 0755));
	ASSERT_EQ(0, mkdir(SUBDIR, 0751));
	ASSERT_EQ(0, chmod(SUBDIR, 0751));
	ASSERT_EQ(0, chown(SUBDIR, D_UID, D_GID));
	ASSERT_EQ(0, make_file(FILE_F, "data\n", 0640));
	ASSERT_EQ(0, chown(FILE_F, F_UID, F_GID));
	/* Never run: its exec is denied, and it is no program anyway. */
	ASSERT_EQ(0, make_file(PROG, "not a program\n", 0755));
	ASSERT_EQ(0, copy_file("/proc/self/exe", HELPER, 0755));
	ASSERT_EQ(0, stat(FILE_F, &self->file));
	ASSERT_EQ(0, stat(SUBDIR, &self->subdir));
	ASSERT_EQ(0, stat(WA_DIR, &self->dir));
	ASSERT_EQ(0, stat(PROG, &self->prog));
	ASSERT_LE(0, audit_drain());
}

FIXTURE_TEARDOWN(audit)
{
	if (!audit_available())
		return;
	EXPECT_EQ(0, load_neutral_policy());
	EXPECT_LE(0, audit_drain());
	remove_tree(WA_DIR);
	unlink(HELPER);
}

/* Run the helper's @op on @path (with @arg) to its end; its pid in @pid. */
static int run_helper(const char *op, const char *path, const char *arg,
		      pid_t *pid, struct helper_result *res)
{
	int fd = -1;

	*pid = spawn_helper(HELPER, op, path, arg, &fd);
	if (*pid < 0)
		return -1;
	return finish_helper(*pid, fd, 20000, res);
}

static int open_audit(void)
{
	return open(AUDIT_FILE, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
}

/*
 * Read every record waiting in the audit log; the number of them whose
 * ACL line is @acl and whose header has @text, or -1 when a record is
 * malformed or the log cannot be read.
 */
static int count_records(const char *acl, const char *text, int *total)
{
	static struct record rec;
	int fd, n = 0, all = 0;
	ssize_t ret;

	fd = open_audit();
	if (fd < 0)
		return -1;
	while ((ret = read_record(fd, &rec, -1)) > 0) {
		all++;
		if (split_record(&rec, 0)) {
			n = -1;
			break;
		}
		if (!strcmp(rec.acl, acl) && strstr(rec.header, text))
			n++;
	}
	if (n >= 0 && ret != -EAGAIN)
		n = -1;
	close(fd);
	if (total)
		*total = all;
	return n;
}

/* The header after its date, which has to be now, in UTC. */
static const char *check_date(struct __test_metadata *_metadata,
			      const char *header)
{
	struct tm tm = { };
	int fields, len = 0;
	time_t when;

	fields = sscanf(header, "#%4d/%2d/%2d %2d:%2d:%2d# %n", &tm.tm_year,
			&tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
			&tm.tm_sec, &len);
	EXPECT_EQ(6, fields);
	EXPECT_EQ(DATE_LEN, len) TH_LOG("bad date in %s", header);
	if (len != DATE_LEN)
		return header;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	when = timegm(&tm);
	EXPECT_GE(120, labs((long)(when - time(NULL))))
		TH_LOG("date %.*s is not now", DATE_LEN, header);
	return header + DATE_LEN;
}

/* The header, after its date, starts with @start. */
static void expect_header_start(struct __test_metadata *_metadata,
				const char *header, const char *start)
{
	const char *rest = check_date(_metadata, header);

	EXPECT_EQ(0, strncmp(rest, start, strlen(start)))
		TH_LOG("header does not start with \"%s\": %s", start, header);
}

/* The record waiting in the audit log, which has to be the only one. */
static void read_only_record(struct __test_metadata *_metadata,
			     struct record *rec)
{
	static struct record extra;
	int fd = open_audit();

	ASSERT_LE(0, fd);
	ASSERT_LT(0, read_record(fd, rec, 5000));
	ASSERT_EQ(0, split_record(rec, 0))
		TH_LOG("bad record: %.*s", (int)rec->len, rec->buf);
	EXPECT_EQ(-EAGAIN, read_record(fd, &extra, -1))
		TH_LOG("another record: %.*s",
		       (int)(extra.len > 0 ? extra.len : 0), extra.buf);
	close(fd);
}

TEST_F(audit, denied_read_record_has_every_field_of_the_request)
{
	struct helper_result res;
	struct record rec;
	char want[1024];
	pid_t pid;

	ASSERT_EQ(0, load_helper_policy(HELPER, 3, NULL, ENFORCING_REJECT_LOG));
	ASSERT_EQ(0, run_helper("read-as", FILE_F, NULL, &pid, &res));
	EXPECT_EQ(EPERM, res.err);
	EXPECT_STREQ(HELPER_DOMAIN, res.domain);
	read_only_record(_metadata, &rec);
	snprintf(want, sizeof(want),
		 "profile=3 mode=enforcing granted=no (global-pid=%d) task={ pid=%d ppid=%d uid=%d gid=%d euid=%d egid=%d suid=%d sgid=%d fsuid=%d fsgid=%d } path1={ uid=%d gid=%d ino=%lu major=%u minor=%u perm=0640 type=file } path1.parent={ uid=%d gid=%d ino=%lu perm=0751 }",
		 pid, pid, getpid(), AS_UID, AS_GID, AS_EUID, AS_EGID, AS_SUID,
		 AS_SGID, AS_EUID, AS_EGID, F_UID, F_GID,
		 (unsigned long)self->file.st_ino, major(self->file.st_dev),
		 minor(self->file.st_dev), D_UID, D_GID,
		 (unsigned long)self->subdir.st_ino);
	EXPECT_STREQ(want, check_date(_metadata, rec.header));
	EXPECT_STREQ(res.domain, rec.domain);
	EXPECT_STREQ("file read " FILE_F, rec.acl);
}

TEST_F(audit, denied_execute_record_has_argv_and_envp_escaped)
{
	struct helper_result res;
	struct record rec;
	char want[2048];
	pid_t pid;

	ASSERT_EQ(0, load_helper_policy(HELPER, 3, NULL, ENFORCING_REJECT_LOG));
	ASSERT_EQ(0, run_helper("exec", PROG, NULL, &pid, &res));
	EXPECT_EQ(EPERM, res.err);
	read_only_record(_metadata, &rec);
	/* A space is \040 and a backslash two of them, in TOMOYO's escapes. */
	snprintf(want, sizeof(want),
		 "profile=3 mode=enforcing granted=no (global-pid=%d) task={ pid=%d ppid=%d uid=%d gid=%d euid=%d egid=%d suid=%d sgid=%d fsuid=%d fsgid=%d } path1={ uid=%d gid=%d ino=%lu major=%u minor=%u perm=0755 type=file } path1.parent={ uid=%d gid=%d ino=%lu perm=0755 } exec={ realpath=\"/tmp/wa/prog\" argc=3 envc=1 argv[]={ \"prog\" \"a\\040b\" \"x\\\\y\" } envp[]={ \"K=v\" } }",
		 pid, pid, getpid(), getuid(), getgid(), geteuid(), getegid(),
		 getuid(), getgid(), geteuid(), getegid(), self->prog.st_uid,
		 self->prog.st_gid, (unsigned long)self->prog.st_ino,
		 major(self->prog.st_dev), minor(self->prog.st_dev),
		 self->dir.st_uid, self->dir.st_gid,
		 (unsigned long)self->dir.st_ino);
	EXPECT_STREQ(want, check_date(_metadata, rec.header));
	EXPECT_STREQ(HELPER_DOMAIN, rec.domain);
	EXPECT_STREQ("file execute " PROG, rec.acl);
}

TEST_F(audit, denied_symlink_record_has_its_target)
{
	struct helper_result res;
	struct record rec;
	struct stat st;
	char want[256];
	pid_t pid;

	ASSERT_EQ(0, load_helper_policy(HELPER, 3, NULL, ENFORCING_REJECT_LOG));
	ASSERT_EQ(0, run_helper("symlink", LINK, "target-x", &pid, &res));
	EXPECT_EQ(EPERM, res.err);
	EXPECT_NE(0, lstat(LINK, &st));
	read_only_record(_metadata, &rec);
	/* The link does not exist yet: only its directory is described. */
	EXPECT_EQ(NULL, strstr(rec.header, " path1={"));
	snprintf(want, sizeof(want),
		 " path1.parent={ uid=%d gid=%d ino=%lu perm=0755 } symlink.target=\"target-x\"",
		 self->dir.st_uid, self->dir.st_gid,
		 (unsigned long)self->dir.st_ino);
	EXPECT_STREQ(want, strstr(rec.header, " path1.parent={") ?: "(none)");
	EXPECT_STREQ(HELPER_DOMAIN, rec.domain);
	EXPECT_STREQ("file symlink " LINK, rec.acl);
}

TEST_F(audit, denied_mkchar_record_has_mode_and_device_numbers)
{
	struct helper_result res;
	struct record rec;
	struct stat st;
	pid_t pid;

	ASSERT_EQ(0, load_helper_policy(HELPER, 3, NULL, ENFORCING_REJECT_LOG));
	ASSERT_EQ(0, run_helper("mkchar", CHR, NULL, &pid, &res));
	EXPECT_EQ(EPERM, res.err);
	EXPECT_NE(0, lstat(CHR, &st));
	read_only_record(_metadata, &rec);
	EXPECT_EQ(NULL, strstr(rec.header, " path1={"));
	EXPECT_NE(NULL, strstr(rec.header, " path1.parent={"));
	expect_header_start(_metadata, rec.header,
			    "profile=3 mode=enforcing granted=no ");
	EXPECT_STREQ("file mkchar " CHR " 0600 1 3", rec.acl);
}

TEST_F(audit, char_device_record_has_its_device_numbers)
{
	struct helper_result res;
	struct record rec;
	struct stat st;
	char want[256];
	pid_t pid;

	ASSERT_EQ(0, mknod(CDEV, S_IFCHR | 0600, makedev(1, 3)));
	ASSERT_EQ(0, chmod(CDEV, 0600));
	ASSERT_EQ(0, stat(CDEV, &st));
	ASSERT_EQ(0, load_helper_policy(HELPER, 3, NULL, ENFORCING_REJECT_LOG));
	ASSERT_EQ(0, run_helper("read", CDEV, NULL, &pid, &res));
	EXPECT_EQ(EPERM, res.err);
	read_only_record(_metadata, &rec);
	snprintf(want, sizeof(want),
		 " path1={ uid=%d gid=%d ino=%lu major=%u minor=%u perm=0600 type=char dev_major=1 dev_minor=3 } ",
		 st.st_uid, st.st_gid, (unsigned long)st.st_ino,
		 major(st.st_dev), minor(st.st_dev));
	EXPECT_NE(NULL, strstr(rec.header, want))
		TH_LOG("no \"%s\" in %s", want, rec.header);
	EXPECT_STREQ("file read " CDEV, rec.acl);
}

TEST_F(audit, learning_mode_logs_the_request_it_learns_as_not_granted)
{
	struct helper_result res;
	struct record rec;
	int total = -1;
	pid_t pid;

	ASSERT_EQ(0, load_helper_policy(HELPER, 1, NULL, LEARNING_REJECT_LOG));
	ASSERT_EQ(0, run_helper("read", FILE_F, NULL, &pid, &res));
	EXPECT_EQ(0, res.err);
	read_only_record(_metadata, &rec);
	expect_header_start(_metadata, rec.header,
			    "profile=1 mode=learning granted=no ");
	EXPECT_STREQ(HELPER_DOMAIN, rec.domain);
	EXPECT_STREQ("file read " FILE_F, rec.acl);
	/* Learned, it is granted, and grants are not logged. */
	ASSERT_EQ(0, run_helper("read", FILE_F, NULL, &pid, &res));
	EXPECT_EQ(0, res.err);
	EXPECT_EQ(0, count_records("file read " FILE_F, "", &total));
	EXPECT_EQ(0, total);
}

TEST_F(audit, permissive_mode_logs_the_violation_as_not_granted)
{
	struct helper_result res;
	struct record rec;
	pid_t pid;

	ASSERT_EQ(0, load_helper_policy(HELPER, 2, NULL, PERMISSIVE_REJECT_LOG));
	ASSERT_EQ(0, run_helper("read", FILE_F, NULL, &pid, &res));
	EXPECT_EQ(0, res.err);
	read_only_record(_metadata, &rec);
	expect_header_start(_metadata, rec.header,
			    "profile=2 mode=permissive granted=no ");
	EXPECT_STREQ(HELPER_DOMAIN, rec.domain);
	EXPECT_STREQ("file read " FILE_F, rec.acl);
}

TEST_F(audit, grant_log_in_profile_logs_granted_requests)
{
	struct helper_result res;
	pid_t pid;

	ASSERT_EQ(0, load_helper_policy(HELPER, 3, "file read " FILE_F "\n",
					ENFORCING_GRANT_LOG));
	ASSERT_EQ(0, run_helper("read", FILE_F, NULL, &pid, &res));
	EXPECT_EQ(0, res.err);
	EXPECT_EQ(1, count_records("file read " FILE_F,
				   "# profile=3 mode=enforcing granted=yes ",
				   NULL));
}

TEST_F(audit, acl_grant_log_no_suppresses_the_profile_grant_log)
{
	struct helper_result res;
	pid_t pid;

	ASSERT_EQ(0, load_helper_policy(HELPER, 3,
					"file read " FILE_F " grant_log=no\n",
					ENFORCING_GRANT_LOG));
	ASSERT_EQ(0, run_helper("read", FILE_F, NULL, &pid, &res));
	EXPECT_EQ(0, res.err);
	EXPECT_EQ(0, count_records("file read " FILE_F, "", NULL));
}

TEST_F(audit, acl_grant_log_yes_logs_in_a_profile_without_grant_log)
{
	struct helper_result res;
	pid_t pid;

	ASSERT_EQ(0, load_helper_policy(HELPER, 3,
					"file read " FILE_F " grant_log=yes\n",
					ENFORCING_REJECT_LOG));
	ASSERT_EQ(0, run_helper("read", FILE_F, NULL, &pid, &res));
	EXPECT_EQ(0, res.err);
	EXPECT_EQ(1, count_records("file read " FILE_F,
				   "# profile=3 mode=enforcing granted=yes ",
				   NULL));
}

TEST_F(audit, reject_log_no_logs_nothing)
{
	struct helper_result res;
	int total = -1;
	pid_t pid;

	/* The standard profile 3 has reject_log=no. */
	ASSERT_EQ(0, load_helper_policy(HELPER, 3, NULL, NULL));
	ASSERT_EQ(0, run_helper("read", FILE_F, NULL, &pid, &res));
	EXPECT_EQ(EPERM, res.err);
	EXPECT_EQ(0, count_records("file read " FILE_F, "", &total));
	EXPECT_EQ(0, total);
}

TEST_F(audit, each_read_returns_one_record_and_one_nul)
{
	struct helper_result res;
	struct record rec;
	int fd, i, j, lines;
	pid_t pid;

	ASSERT_EQ(0, load_helper_policy(HELPER, 3, NULL, ENFORCING_REJECT_LOG));
	ASSERT_EQ(0, run_helper("read-n", FILE_F, "2", &pid, &res));
	EXPECT_EQ(EPERM, res.err);
	fd = open_audit();
	ASSERT_LE(0, fd);
	for (i = 0; i < 2; i++) {
		ASSERT_LT(0, read_record(fd, &rec, 5000));
		/* The NUL is the last byte returned, and the only one. */
		EXPECT_EQ('\0', rec.buf[rec.len - 1]);
		EXPECT_EQ(NULL, memchr(rec.buf, '\0', rec.len - 1));
		for (j = 0, lines = 0; j < rec.len; j++)
			lines += rec.buf[j] == '\n';
		EXPECT_EQ(3, lines) TH_LOG("%.*s", (int)rec.len, rec.buf);
		ASSERT_EQ(0, split_record(&rec, 0));
		EXPECT_STREQ("file read " FILE_F, rec.acl);
	}
	EXPECT_EQ(-EAGAIN, read_record(fd, &rec, -1));
	close(fd);
}

TEST_F(audit, nonblocking_read_without_record_fails_with_eagain)
{
	struct record rec;
	int fd = open_audit();

	ASSERT_LE(0, fd);
	EXPECT_EQ(-EAGAIN, read_record(fd, &rec, -1));
	close(fd);
}

TEST_F(audit, poll_reports_a_pending_record_and_times_out_without_one)
{
	struct pollfd pfd = { .events = POLLIN };
	struct helper_result res;
	pid_t pid;

	ASSERT_EQ(0, load_helper_policy(HELPER, 3, NULL, ENFORCING_REJECT_LOG));
	pfd.fd = open_audit();
	ASSERT_LE(0, pfd.fd);
	EXPECT_EQ(0, poll(&pfd, 1, 300));
	ASSERT_EQ(0, run_helper("read", FILE_F, NULL, &pid, &res));
	EXPECT_EQ(EPERM, res.err);
	EXPECT_EQ(1, poll(&pfd, 1, 5000));
	EXPECT_TRUE(pfd.revents & POLLIN);
	close(pfd.fd);
}

static void on_alarm(int sig)
{
}

TEST_F(audit, blocking_read_waits_for_the_next_record)
{
	struct sigaction sa = { .sa_handler = on_alarm };
	struct helper_result res;
	struct record rec;
	long start, waited;
	int fd, out = -1;
	pid_t pid;

	ASSERT_EQ(0, load_helper_policy(HELPER, 3, NULL, ENFORCING_REJECT_LOG));
	fd = open(AUDIT_FILE, O_RDONLY | O_CLOEXEC);
	ASSERT_LE(0, fd);
	/* No SA_RESTART: a read() that never returns fails with EINTR. */
	ASSERT_EQ(0, sigaction(SIGALRM, &sa, NULL));
	pid = spawn_helper(HELPER, "read-late", FILE_F, NULL, &out);
	ASSERT_LT(0, pid);
	start = now_ms();
	alarm(10);
	rec.len = read(fd, rec.buf, sizeof(rec.buf));
	alarm(0);
	waited = now_ms() - start;
	ASSERT_LT(0, rec.len) TH_LOG("read: %s", strerror(errno));
	/* The helper makes its request half a second after it starts. */
	EXPECT_LE(200, waited);
	ASSERT_EQ(0, split_record(&rec, 0));
	EXPECT_STREQ("file read " FILE_F, rec.acl);
	EXPECT_EQ(0, finish_helper(pid, out, 10000, &res));
	EXPECT_EQ(EPERM, res.err);
	close(fd);
}

TEST_F(audit, records_beyond_max_audit_log_are_dropped_and_counted)
{
	struct helper_result res;
	long before, after;
	int total = -1;
	pid_t pid;

	ASSERT_EQ(0, load_helper_policy(HELPER, 3, NULL,
					ENFORCING_REJECT_LOG
					"3-PREFERENCE={ max_audit_log=5 }\n"));
	before = stat_counter(STAT_DROPPED);
	ASSERT_LE(0, before);
	ASSERT_EQ(0, run_helper("read-n", FILE_F, "50", &pid, &res));
	EXPECT_EQ(EPERM, res.err);
	EXPECT_EQ(5, count_records("file read " FILE_F, "granted=no", &total));
	EXPECT_EQ(5, total);
	after = stat_counter(STAT_DROPPED);
	EXPECT_EQ(45, after - before);
}

/*
 * The audit memory quota caps the bytes waiting, whatever max_audit_log
 * allows: with room for about two records, the rest are dropped and
 * counted.
 */
TEST_F(audit, records_beyond_the_audit_memory_quota_are_dropped_and_counted)
{
	struct helper_result res;
	int total = -1, kept;
	long before, after;
	pid_t pid;

	ASSERT_EQ(0, load_helper_policy(HELPER, 3, NULL, ENFORCING_REJECT_LOG));
	ASSERT_EQ(0, write_file_once(WARDEN_DIR "/stat",
				     "Memory used by audit log: 1000\n"));
	before = stat_counter(STAT_DROPPED);
	ASSERT_LE(0, before);
	ASSERT_EQ(0, run_helper("read-n", FILE_F, "20", &pid, &res));
	EXPECT_EQ(EPERM, res.err);
	kept = count_records("file read " FILE_F, "granted=no", &total);
	after = stat_counter(STAT_DROPPED);
	/* Restore TOMOYO's default before checking what was kept. */
	ASSERT_EQ(0, write_file_once(WARDEN_DIR "/stat",
				     "Memory used by audit log: 16777216\n"));
	EXPECT_EQ(total, kept);
	EXPECT_LE(1, total);
	EXPECT_GE(3, total);
	EXPECT_EQ(20, total + (after - before));
}

int main(int argc, char **argv)
{
	int ret = helper_main(argc, argv);

	if (ret >= 0)
		return ret;
	return test_harness_run(argc, argv);
}
