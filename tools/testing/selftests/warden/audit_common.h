/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Warden selftests - helpers of the audit and query tests.
 *
 * A copy of the test program runs as a helper in a domain of its own,
 * makes one kind of request and prints the domain it ran in, the errno of
 * the request and how long the request took.  The helper reads its domain
 * from /proc/self/attr/warden/current through a descriptor opened before
 * the exec, so that reading it is no request of the confined helper.
 * Records are read from the audit and query files one per read() and
 * split into their three lines.
 */

#ifndef _SELFTESTS_WARDEN_AUDIT_COMMON_H
#define _SELFTESTS_WARDEN_AUDIT_COMMON_H

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "enforce_common.h"

#define AUDIT_FILE WARDEN_DIR "/audit"
#define QUERY_FILE WARDEN_DIR "/query"
#define PROFILE_FILE WARDEN_DIR "/profile"
#define STAT_DROPPED "Audit records dropped:"

/* Where the helper finds /proc/self/attr/warden/current open. */
#define DOMAIN_FD 100
/* Room for one record: TOMOYO's header and exec dump are below 12 KiB. */
#define RECORD_SIZE 16384

/* The credentials the "read-as" request is made with. */
#define AS_UID 201
#define AS_EUID 1234
#define AS_SUID 203
#define AS_GID 101
#define AS_EGID 5678
#define AS_SGID 103

/* What a helper reported. */
struct helper_result {
	/* The domain it ran in, without the newline. */
	char domain[DOMAIN_NAME_MAX];
	/* The errno of its request, 0 when the request succeeded. */
	int err;
	/* How long the request took, in milliseconds. */
	long ms;
};

/* One record as read(): the bytes, and its three lines split in place. */
struct record {
	char buf[RECORD_SIZE];
	ssize_t len;
	char *header;
	char *domain;
	char *acl;
};

/* Whether Warden is active and its securityfs directory is there. */
static inline bool audit_available(void)
{
	return warden_is_enabled() && !access(WARDEN_DIR, F_OK);
}

static inline long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000;
}

/*
 * Helper operations, argv[2] of a helper run as "HELPER --op OP PATH
 * [ARG]":
 *   read       open PATH for reading;
 *   read-as    the same after setresgid(AS_GID, AS_EGID, AS_SGID) and
 *              setresuid(AS_UID, AS_EUID, AS_SUID);
 *   read-late  the same as read, half a second later;
 *   read-n     open PATH ARG times, each expected to fail with EPERM;
 *   exec       execve PATH with argv { "prog", "a b", "x\y" } and envp
 *              { "K=v" };
 *   symlink    create PATH as a symlink to ARG;
 *   mkchar     mknod PATH as a character device 1:3 with mode 0600.
 * Returns 0 or the errno of the request; 200 and above for a helper error.
 */
static inline int helper_request(const char *op, const char *path,
				 const char *arg)
{
	static char *const exec_argv[] = { "prog", "a b", "x\\y", NULL };
	static char *const exec_envp[] = { "K=v", NULL };
	int i, n, ret;

	if (!strcmp(op, "read")) {
		ret = open(path, O_RDONLY);
	} else if (!strcmp(op, "read-as")) {
		if (setgroups(0, NULL) ||
		    setresgid(AS_GID, AS_EGID, AS_SGID) ||
		    setresuid(AS_UID, AS_EUID, AS_SUID))
			return 200;
		ret = open(path, O_RDONLY);
	} else if (!strcmp(op, "read-late")) {
		usleep(500000);
		ret = open(path, O_RDONLY);
	} else if (!strcmp(op, "read-n")) {
		n = atoi(arg);
		for (i = 0, ret = -1; i < n; i++) {
			ret = open(path, O_RDONLY);
			if (ret >= 0)
				return 201;
			if (errno != EPERM)
				break;
		}
	} else if (!strcmp(op, "exec")) {
		ret = execve(path, exec_argv, exec_envp);
	} else if (!strcmp(op, "symlink")) {
		ret = symlink(arg, path);
	} else if (!strcmp(op, "mkchar")) {
		umask(0);
		ret = mknod(path, S_IFCHR | 0600, makedev(1, 3));
	} else {
		return 202;
	}
	return ret < 0 ? errno : 0;
}

/*
 * The helper's main: "D=<domain>\nE=<errno> T=<milliseconds>\n" on its
 * standard output.  Returns -1 when @argv is no helper invocation.
 */
static inline int helper_main(int argc, char **argv)
{
	char domain[DOMAIN_NAME_MAX];
	ssize_t len;
	long start;
	int err;

	if (argc < 4 || strcmp(argv[1], "--op"))
		return -1;
	len = pread(DOMAIN_FD, domain, sizeof(domain) - 1, 0);
	close(DOMAIN_FD);
	if (len <= 0 || domain[len - 1] != '\n')
		len = snprintf(domain, sizeof(domain), "?\n");
	domain[len] = '\0';
	start = now_ms();
	err = helper_request(argv[2], argv[3], argc > 4 ? argv[4] : "");
	dprintf(STDOUT_FILENO, "D=%sE=%d T=%ld\n", domain, err,
		now_ms() - start);
	return 0;
}

/*
 * Start @helper with operation @op on @path (and @arg, or NULL) in a child
 * with an empty environment; the read end of its standard output in
 * @out_fd.  Returns the child's pid or -errno.
 */
static inline pid_t spawn_helper(const char *helper, const char *op,
				 const char *path, const char *arg,
				 int *out_fd)
{
	char *const argv[] = { (char *)helper, "--op", (char *)op,
			       (char *)path, (char *)arg, NULL };
	static char *const empty_env[] = { NULL };
	int pipefd[2], fd, err;
	pid_t pid;

	if (pipe2(pipefd, O_CLOEXEC))
		return -errno;
	pid = fork();
	if (pid < 0) {
		err = -errno;
		close(pipefd[0]);
		close(pipefd[1]);
		return err;
	}
	if (!pid) {
		/* Opened in the test's domain; read after the exec. */
		fd = open(CURRENT_ATTR, O_RDONLY | O_CLOEXEC);
		if (fd < 0 || dup2(fd, DOMAIN_FD) != DOMAIN_FD ||
		    dup2(pipefd[1], STDOUT_FILENO) < 0)
			_exit(240);
		execve(helper, argv, empty_env);
		_exit(241);
	}
	close(pipefd[1]);
	*out_fd = pipefd[0];
	return pid;
}

/*
 * Collect what the helper @pid started by spawn_helper() reports on @fd,
 * waiting at most @timeout_ms for it; a helper still running then is
 * killed.  Returns 0 when it reported and exited normally, -1 otherwise.
 */
static inline int finish_helper(pid_t pid, int fd, int timeout_ms,
				struct helper_result *res)
{
	long deadline = now_ms() + timeout_ms;
	char out[DOMAIN_NAME_MAX + 64], *line;
	bool eof = false;
	size_t done = 0;
	int status;

	memset(res, 0, sizeof(*res));
	res->err = -1;
	while (done + 1 < sizeof(out)) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		long left = deadline - now_ms();
		ssize_t n;

		if (left <= 0 || poll(&pfd, 1, left) <= 0)
			break;
		n = read(fd, out + done, sizeof(out) - 1 - done);
		if (n <= 0) {
			eof = !n;
			break;
		}
		done += n;
	}
	out[done] = '\0';
	close(fd);
	if (!eof)
		kill(pid, SIGKILL);
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	if (strncmp(out, "D=", 2))
		return -1;
	line = strchr(out, '\n');
	if (!line)
		return -1;
	*line++ = '\0';
	snprintf(res->domain, sizeof(res->domain), "%.*s",
		 (int)sizeof(res->domain) - 1, out + 2);
	if (sscanf(line, "E=%d T=%ld", &res->err, &res->ms) != 2)
		return -1;
	return WIFEXITED(status) && !WEXITSTATUS(status) ? 0 : -1;
}

/*
 * Put @helper in a domain of its own, "<kernel> @helper", in @profile with
 * the ACL lines @acl (or none), then write @profiles (or nothing) to the
 * profile file over the standard profiles.  Returns 0 or -errno.
 */
static inline int load_helper_policy(const char *helper, int profile,
				     const char *acl, const char *profiles)
{
	char exception[512], domains[4096];
	int err;

	snprintf(exception, sizeof(exception),
		 "initialize_domain %s from any\n", helper);
	/*
	 * The helper's C library looks at its standard output, a pipe,
	 * before the request; that is granted so that the request is the
	 * only violation.
	 */
	snprintf(domains, sizeof(domains),
		 "<kernel> %s\nuse_profile %d\nfile getattr pipe:[\\$]\n%s\n",
		 helper, profile, acl ?: "");
	err = load_test_policy(NULL, exception, domains);
	if (!err && profiles)
		err = write_file_once(PROFILE_FILE, profiles);
	return err;
}

/*
 * Read one record from @fd into @rec, first waiting up to @timeout_ms for
 * poll() to report it (no wait when @timeout_ms is negative).  Returns the
 * number of bytes, -ETIMEDOUT when poll() timed out, or -errno.
 */
static inline ssize_t read_record(int fd, struct record *rec, int timeout_ms)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	int ret;

	rec->len = 0;
	rec->header = NULL;
	rec->domain = NULL;
	rec->acl = NULL;
	if (timeout_ms >= 0) {
		ret = poll(&pfd, 1, timeout_ms);
		if (ret < 0)
			return -errno;
		if (!ret)
			return -ETIMEDOUT;
	}
	rec->len = read(fd, rec->buf, sizeof(rec->buf));
	if (rec->len < 0)
		return -errno;
	return rec->len;
}

/*
 * Check the layout of the record read into @rec after its first @skip
 * bytes: three lines, each ending in '\n', then exactly one NUL byte, the
 * last byte read.  The lines are split in place, without their '\n'.
 * Returns 0 or -EBADMSG.
 */
static inline int split_record(struct record *rec, size_t skip)
{
	char *p, *end, *lines[3];
	int i;

	if (rec->len < (ssize_t)skip + 4 || rec->buf[rec->len - 1] ||
	    memchr(rec->buf, '\0', rec->len - 1) ||
	    rec->buf[rec->len - 2] != '\n')
		return -EBADMSG;
	p = rec->buf + skip;
	for (i = 0; i < 3; i++) {
		end = strchr(p, '\n');
		if (!end)
			return -EBADMSG;
		*end = '\0';
		lines[i] = p;
		p = end + 1;
	}
	if (*p)
		return -EBADMSG;
	rec->header = lines[0];
	rec->domain = lines[1];
	rec->acl = lines[2];
	return 0;
}

/*
 * Read and drop every record waiting in the audit log.  Returns how many
 * there were, or -errno.
 */
static inline int audit_drain(void)
{
	static char buf[RECORD_SIZE];
	ssize_t len = 1;
	int fd, n = 0;

	fd = open(AUDIT_FILE, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	while (n < 1000000 && (len = read(fd, buf, sizeof(buf))) > 0)
		n++;
	/* A record that never stops coming back is an error too. */
	if ((len < 0 && errno != EAGAIN) || len > 0)
		n = len < 0 ? -errno : -EIO;
	close(fd);
	return n;
}

#endif /* _SELFTESTS_WARDEN_AUDIT_COMMON_H */
