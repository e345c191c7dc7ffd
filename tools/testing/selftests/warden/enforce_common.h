/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Warden selftests - helpers of the tests that run programs in domains.
 *
 * Installing a whole policy with the TOMOYO default profiles, running a
 * helper program in a child with an empty environment and collecting what
 * it prints, reading counters from the stat file, and finding the lines of
 * one domain in domain_policy.
 */

#ifndef _SELFTESTS_WARDEN_ENFORCE_COMMON_H
#define _SELFTESTS_WARDEN_ENFORCE_COMMON_H

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common.h"

#define POLICY_FILE WARDEN_DIR "/policy"
#define DOMAIN_POLICY_FILE WARDEN_DIR "/domain_policy"
#define STAT_FILE WARDEN_DIR "/stat"
#define CURRENT_ATTR "/proc/self/attr/warden/current"

#define STAT_LEARNING "Policy violation in learning mode:"
#define STAT_PERMISSIVE "Policy violation in permissive mode:"
#define STAT_ENFORCING "Policy violation in enforcing mode:"

/* Profiles 0-3 as the TOMOYO guide uses them; no audit log kept. */
#define STANDARD_PROFILES \
	"PROFILE_VERSION=20150505\n" \
	"0-CONFIG={ mode=disabled grant_log=no reject_log=no }\n" \
	"1-PREFERENCE={ max_learning_entry=2048 }\n" \
	"1-CONFIG={ mode=learning grant_log=no reject_log=no }\n" \
	"2-CONFIG={ mode=permissive grant_log=no reject_log=no }\n" \
	"3-CONFIG={ mode=enforcing grant_log=no reject_log=no }\n"

#define POLICY_DOC_SIZE 65536
#define DOMAIN_NAME_MAX 4096

/*
 * The domain of the calling task, without its trailing newline.
 * Returns 0 or -errno.
 */
static inline int read_current_domain(char *buf, size_t size)
{
	ssize_t len = read_whole_file(CURRENT_ATTR, buf, size);

	if (len < 0)
		return len;
	if (len == 0 || buf[len - 1] != '\n')
		return -EBADMSG;
	buf[len - 1] = '\0';
	return 0;
}

/*
 * Install a whole policy: the standard profiles plus @profile_extra, the
 * exception policy @exception, and the domain policy @domains.  The domain
 * the caller runs in stays in profile 0, so the test itself is never
 * confined by what it loads.  No manager is listed, so that any process
 * with CAP_MAC_ADMIN, as the next test program, may change the policy.
 * Returns 0 or -errno.
 */
static inline int load_test_policy(const char *profile_extra,
				   const char *exception, const char *domains)
{
	char self_domain[DOMAIN_NAME_MAX], self_block[DOMAIN_NAME_MAX + 32];
	char *doc;
	int err, len;

	err = read_current_domain(self_domain, sizeof(self_domain));
	if (err)
		return err;
	self_block[0] = '\0';
	if (strcmp(self_domain, "<kernel>"))
		snprintf(self_block, sizeof(self_block), "%s\nuse_profile 0\n\n",
			 self_domain);
	doc = malloc(POLICY_DOC_SIZE);
	if (!doc)
		return -ENOMEM;
	len = snprintf(doc, POLICY_DOC_SIZE, "[profile]\n%s%s%s%s%s%s%s",
		       STANDARD_PROFILES, profile_extra ?: "",
		       "[exception_policy]\n", exception ?: "",
		       "[domain_policy]\n<kernel>\nuse_profile 0\n\n",
		       self_block, domains ?: "");
	if (len >= POLICY_DOC_SIZE)
		err = -E2BIG;
	else
		err = write_in_chunks(POLICY_FILE, doc, len, 4096);
	free(doc);
	return err;
}

/* A policy with no confined domain, to leave behind after a test. */
static inline int load_neutral_policy(void)
{
	return load_test_policy(NULL, NULL, NULL);
}

/*
 * The number on the @label line of the stat file @file (Warden's, or
 * TOMOYO's), or -1 when it cannot be read.
 */
static inline long stat_counter_in(const char *file, const char *label)
{
	char buf[4096], *line;

	if (read_whole_file(file, buf, sizeof(buf)) <= 0)
		return -1;
	line = strstr(buf, label);
	if (!line)
		return -1;
	return strtol(line + strlen(label), NULL, 10);
}

/* The number on the @label line of Warden's stat file, or -1. */
static inline long stat_counter(const char *label)
{
	return stat_counter_in(STAT_FILE, label);
}

/*
 * Whether the @label line of the stat file ends with
 * "(Last: YYYY/MM/DD hh:mm:ss)".
 */
static inline bool stat_has_last_time(const char *label)
{
	unsigned int y, mo, d, h, mi, s;
	char buf[4096], *line, *end, *last;
	char close;

	if (read_whole_file(STAT_FILE, buf, sizeof(buf)) <= 0)
		return false;
	line = strstr(buf, label);
	if (!line)
		return false;
	end = strchr(line, '\n');
	if (end)
		*end = '\0';
	last = strstr(line, "(Last: ");
	if (!last)
		return false;
	if (sscanf(last, "(Last: %4u/%2u/%2u %2u:%2u:%2u%c", &y, &mo, &d, &h,
		   &mi, &s, &close) != 7 || close != ')')
		return false;
	return strlen(last) == strlen("(Last: YYYY/MM/DD hh:mm:ss)") &&
	       y >= 1970 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 &&
	       h < 24 && mi < 60 && s < 61;
}

/*
 * A copy of the lines of @domain in the domain policy file @file
 * (Warden's, or TOMOYO's), from its name up to the next domain, or NULL
 * when the domain is not there.  The caller frees it.
 */
static inline char *domain_policy_block_in(const char *file,
					   const char *domain)
{
	size_t size = 16 << 20, nlen = strlen(domain);
	char *dump = malloc(size), *start, *end, *block = NULL;

	if (!dump)
		return NULL;
	if (read_whole_file(file, dump, size) < 0)
		goto out;
	start = dump;
	while (start && *start) {
		if (!strncmp(start, domain, nlen) && start[nlen] == '\n')
			break;
		start = strchr(start, '\n');
		if (start)
			start++;
	}
	if (!start || !*start)
		goto out;
	end = strstr(start + nlen, "\n<");
	if (end)
		end[1] = '\0';
	block = strdup(start);
out:
	free(dump);
	return block;
}

/* The lines of @domain in Warden's domain_policy; see above. */
static inline char *domain_policy_block(const char *domain)
{
	return domain_policy_block_in(DOMAIN_POLICY_FILE, domain);
}

/* Whether @domain in the domain policy file @file has the line @line. */
static inline bool domain_has_line_in(const char *file, const char *domain,
				      const char *line)
{
	char *block = domain_policy_block_in(file, domain), *p;
	size_t len = strlen(line);
	bool found = false;

	if (!block)
		return false;
	p = block;
	while (p && *p && !found) {
		found = !strncmp(p, line, len) && (p[len] == '\n' || !p[len]);
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	free(block);
	return found;
}

/* Whether @domain in Warden's domain_policy has the exact line @line. */
static inline bool domain_has_line(const char *domain, const char *line)
{
	return domain_has_line_in(DOMAIN_POLICY_FILE, domain, line);
}

/*
 * Whether @domain in domain_policy has a line granting @acl, a line
 * "file <operation> <arguments>": TOMOYO merges operations on the same
 * arguments into one line ("file read/getattr /etc/hosts").
 */
static inline bool domain_allows(const char *domain, const char *acl)
{
	const char *op = acl + strlen("file "), *args = strchr(op, ' ');
	char *block = domain_policy_block(domain), *line, *cursor;
	size_t op_len = args ? args - op : 0;
	bool found = false;

	if (!block || strncmp(acl, "file ", 5) || !args) {
		free(block);
		return false;
	}
	cursor = block;
	while (!found && (line = strsep(&cursor, "\n"))) {
		char *ops = line + strlen("file "), *rest, *word;

		if (strncmp(line, "file ", 5))
			continue;
		rest = strchr(ops, ' ');
		if (!rest || strcmp(rest, args))
			continue;
		*rest = '\0';
		while (!found && (word = strsep(&ops, "/")))
			found = strlen(word) == op_len && !strncmp(word, op, op_len);
	}
	free(block);
	return found;
}

/* Copy the file @from to @to with @mode. Returns 0 or -errno. */
static inline int copy_file(const char *from, const char *to, mode_t mode)
{
	char buf[65536];
	int in, out, err = 0;
	ssize_t n;

	in = open(from, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return -errno;
	unlink(to);
	out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	if (out < 0) {
		err = -errno;
		close(in);
		return err;
	}
	while ((n = read(in, buf, sizeof(buf))) > 0) {
		if (write(out, buf, n) != n) {
			err = -EIO;
			break;
		}
	}
	if (n < 0)
		err = -errno;
	close(in);
	if (close(out) && !err)
		err = -errno;
	if (!err && chmod(to, mode))
		err = -errno;
	return err;
}

/* Write @text to a new file @path. Returns 0 or -errno. */
static inline int make_file(const char *path, const char *text, mode_t mode)
{
	int fd, err = 0;
	size_t len = strlen(text);

	unlink(path);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	if (fd < 0)
		return -errno;
	if (write(fd, text, len) != (ssize_t)len)
		err = -EIO;
	if (close(fd) && !err)
		err = -errno;
	if (!err && chmod(path, mode))
		err = -errno;
	return err;
}

static inline int remove_one(const char *path, const struct stat *st,
			     int type, struct FTW *ftw)
{
	if (type == FTW_DP)
		rmdir(path);
	else
		unlink(path);
	return 0;
}

/* Remove the tree under @path, staying on its filesystem. */
static inline void remove_tree(const char *path)
{
	nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS | FTW_MOUNT);
}

/*
 * Run @path with @argv and an empty environment in a child, after
 * @pre_exec(@arg) has run in that child (it returns nonzero to abort).
 * What the program writes to its standard output is collected in @out.
 * Returns its exit status, 128 + the signal that killed it, or -errno.
 */
static inline int run_program(const char *path, char *const argv[],
			      int (*pre_exec)(void *arg), void *arg,
			      char *out, size_t out_size)
{
	static char *const empty_env[] = { NULL };
	char scratch[256];
	size_t done = 0;
	int pipefd[2], status;
	pid_t pid;

	if (pipe2(pipefd, O_CLOEXEC))
		return -errno;
	pid = fork();
	if (pid < 0)
		return -errno;
	if (!pid) {
		if (dup2(pipefd[1], STDOUT_FILENO) < 0)
			_exit(240);
		if (pre_exec && pre_exec(arg))
			_exit(241);
		execve(path, argv, empty_env);
		_exit(242);
	}
	close(pipefd[1]);
	if (!out) {
		out = scratch;
		out_size = sizeof(scratch);
	}
	while (done + 1 < out_size) {
		ssize_t n = read(pipefd[0], out + done, out_size - 1 - done);

		if (n <= 0)
			break;
		done += n;
	}
	out[done] = '\0';
	/* Whatever does not fit is drained, so the child never blocks. */
	while (read(pipefd[0], scratch, sizeof(scratch)) > 0)
		;
	close(pipefd[0]);
	if (waitpid(pid, &status, 0) != pid)
		return -errno;
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

/* How many "file " lines @domain has in domain_policy, or -1. */
static inline long count_file_lines(const char *domain)
{
	char *block = domain_policy_block(domain), *p;
	long n = 0;

	if (!block)
		return -1;
	for (p = block; (p = strstr(p, "\nfile ")); p++)
		n++;
	free(block);
	return n;
}

/*
 * A confined helper's report on standard output, "<kind>:<what>=<errno>".
 * Not stdio: its first output fstat()s standard output, which the
 * confined helper may not do.
 */
static inline void report(char kind, const char *what, int err)
{
	char line[128];
	int len;

	len = snprintf(line, sizeof(line), "%c:%s=%d\n", kind, what, err);
	if (write(STDOUT_FILENO, line, len) != len)
		_exit(14);
}

#endif /* _SELFTESTS_WARDEN_ENFORCE_COMMON_H */
