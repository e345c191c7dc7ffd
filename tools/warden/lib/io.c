// SPDX-License-Identifier: GPL-2.0-only
/*
 * Whole-file reads and writes of the tools; see io.h.
 */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io.h"
#include "util.h"

char *wd_path(const char *dir, const char *name)
{
	size_t dlen = strlen(dir), nlen = strlen(name);
	char *path = wd_xmalloc(dlen + nlen + 2);

	memcpy(path, dir, dlen);
	path[dlen] = '/';
	memcpy(path + dlen + 1, name, nlen + 1);
	return path;
}

/*
 * The kernel's files report size 0 and /proc files lie about theirs, so
 * read until end of file into a buffer that grows, rather than trusting
 * fstat().
 */
char *wd_read_fd(int fd, size_t max, size_t *len)
{
	size_t size = 4096, used = 0;
	char *buf = wd_xmalloc(size);
	ssize_t n;
	int err;

	for (;;) {
		if (size - used < 2) {
			size *= 2;
			buf = wd_xrealloc(buf, size);
		}
		n = read(fd, buf + used, size - used - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			goto fail;
		if (!n)
			break;
		used += n;
		if (max && used > max) {
			errno = EFBIG;
			goto fail;
		}
	}
	buf[used] = '\0';
	if (len)
		*len = used;
	return buf;
fail:
	err = errno;
	free(buf);
	errno = err;
	return NULL;
}

char *wd_read_file(const char *path, size_t max, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	char *buf;
	int err;

	if (fd < 0)
		return NULL;
	buf = wd_read_fd(fd, max, len);
	err = errno;
	close(fd);
	errno = err;
	return buf;
}

int wd_write_all(int fd, const char *buf, size_t len)
{
	ssize_t n;

	while (len) {
		n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		/* A file that takes nothing would loop here forever. */
		if (!n) {
			errno = EIO;
			return -1;
		}
		buf += n;
		len -= n;
	}
	return 0;
}

int wd_write_file(const char *path, const char *buf, size_t len)
{
	int fd, err;

	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (wd_write_all(fd, buf, len) < 0) {
		err = errno;
		close(fd);
		errno = err;
		return -1;
	}
	return close(fd);
}

int wd_save_file(const char *path, const char *buf, size_t len)
{
	size_t size = strlen(path) + 32;
	struct stat st;
	char *tmp;
	int fd, err;

	/*
	 * What is there and is not a regular file (/dev/null, /dev/stdout,
	 * a FIFO) is written to, never replaced by one.
	 */
	if (!stat(path, &st) && !S_ISREG(st.st_mode))
		return wd_write_file(path, buf, len);
	tmp = wd_xmalloc(size);
	snprintf(tmp, size, "%s.tmp%ld", path, (long)getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		goto out_free;
	/* A crash must leave the old file or the whole new one, not half. */
	if (wd_write_all(fd, buf, len) < 0 || fsync(fd) < 0) {
		err = errno;
		close(fd);
		errno = err;
		goto out_unlink;
	}
	if (close(fd) < 0 || rename(tmp, path) < 0)
		goto out_unlink;
	free(tmp);
	return 0;
out_unlink:
	err = errno;
	unlink(tmp);
	errno = err;
out_free:
	free(tmp);
	return -1;
}

int wd_make_parents(const char *path)
{
	char dir[PATH_MAX];
	char *p;

	if (snprintf(dir, sizeof(dir), "%s", path) >= (int)sizeof(dir)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	for (p = dir + 1; (p = strchr(p, '/')); p++) {
		*p = '\0';
		if (mkdir(dir, 0700) && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return 0;
}
