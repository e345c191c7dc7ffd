/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Warden selftests - helpers shared by the test programs.
 *
 * Reading and writing securityfs files, and telling whether Warden is
 * active on the running kernel.
 */

#ifndef _SELFTESTS_WARDEN_COMMON_H
#define _SELFTESTS_WARDEN_COMMON_H

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#define WARDEN_DIR "/sys/kernel/security/warden"
#define LSM_LIST_FILE "/sys/kernel/security/lsm"

/*
 * Read a whole file into @buf (NUL-terminated).  Returns the number of
 * bytes read, or -errno.
 */
static inline ssize_t read_whole_file(const char *path, char *buf, size_t size)
{
	size_t done = 0;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	while (done + 1 < size) {
		ssize_t n = read(fd, buf + done, size - 1 - done);

		if (n < 0) {
			int err = errno;

			close(fd);
			return -err;
		}
		if (!n)
			break;
		done += n;
	}
	close(fd);
	buf[done] = '\0';
	return done;
}

/*
 * Write @text to @path in one write().  Returns 0 when the whole text was
 * accepted, or -errno.
 */
static inline int write_file_once(const char *path, const char *text)
{
	ssize_t n;
	int fd, err = 0;

	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = write(fd, text, strlen(text));
	if (n < 0)
		err = -errno;
	else if ((size_t)n != strlen(text))
		err = -EIO;
	close(fd);
	return err;
}

/*
 * Write @len bytes of @text through one open file, in writes of at most
 * @chunk bytes, then close it.  Returns 0, or -errno of the failing
 * write() or close(): policy files apply a last line, and the policy file
 * its whole document, when they are closed.
 */
static inline int write_in_chunks(const char *path, const char *text,
				  size_t len, size_t chunk)
{
	size_t done = 0;
	int fd, err = 0;

	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	while (done < len && !err) {
		size_t n = len - done < chunk ? len - done : chunk;
		ssize_t w = write(fd, text + done, n);

		if (w < 0)
			err = -errno;
		else
			done += w;
	}
	if (close(fd) && !err)
		err = -errno;
	return err;
}

/* Whether @name appears as a whole entry of the comma-separated @list. */
static inline bool list_has_entry(const char *list, const char *name)
{
	size_t len = strlen(name);
	const char *p = list;

	while ((p = strstr(p, name))) {
		bool starts = p == list || p[-1] == ',';
		bool ends = p[len] == ',' || p[len] == '\0' || p[len] == '\n';

		if (starts && ends)
			return true;
		p += len;
	}
	return false;
}

/* Whether the running kernel started Warden. */
static inline bool warden_is_enabled(void)
{
	char list[512];

	if (read_whole_file(LSM_LIST_FILE, list, sizeof(list)) <= 0)
		return false;
	return list_has_entry(list, "warden");
}

/*
 * Write a new file @path holding @text with @mode, replacing what was
 * there (a busybox symlink such as /sbin/init included).  Returns 0 or -1.
 */
static inline int write_text(const char *path, const char *text, mode_t mode)
{
	ssize_t len = strlen(text);
	int fd;

	unlink(path);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, mode);
	if (fd < 0)
		return -1;
	if (write(fd, text, len) != len) {
		close(fd);
		return -1;
	}
	return close(fd);
}

/* How many lines of the kernel log hold @needle, or -1. */
static inline int kernel_log_count(const char *needle)
{
	char line[1024];
	int count = 0;
	FILE *log = popen("dmesg", "r");

	if (!log)
		return -1;
	while (fgets(line, sizeof(line), log))
		if (strstr(line, needle))
			count++;
	pclose(log);
	return count;
}

/*
 * The "Policy update:" count in the stat file of the interface directory
 * @dir (Warden's, or TOMOYO's), or ~0U when it cannot be read.
 */
static inline unsigned int policy_updates(const char *dir)
{
	char path[256], stat[4096];
	unsigned int updates = ~0U;
	char *line;

	snprintf(path, sizeof(path), "%s/stat", dir);
	if (read_whole_file(path, stat, sizeof(stat)) < 0)
		return ~0U;
	line = strstr(stat, "Policy update:");
	if (line)
		sscanf(line + strlen("Policy update:"), "%u", &updates);
	return updates;
}

#endif /* _SELFTESTS_WARDEN_COMMON_H */
