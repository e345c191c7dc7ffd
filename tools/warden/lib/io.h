/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Whole-file input and output for the tools: reading a file or stream to
 * its end, writing a buffer in full, handing a buffer to a kernel file in
 * one open, and replacing a saved file atomically.  Every function leaves
 * errno set on failure and prints nothing: the caller names the file.
 */

#ifndef WARDEN_TOOLS_IO_H
#define WARDEN_TOOLS_IO_H

#include <stddef.h>

/* "dir/name" in a malloc'd string. */
char *wd_path(const char *dir, const char *name);

/*
 * Everything up to end of file, NUL-terminated, its length in *@len
 * (which may be NULL).  NULL with errno set on failure; EFBIG when the
 * text would pass @max bytes (0: no limit).
 */
char *wd_read_fd(int fd, size_t max, size_t *len);
char *wd_read_file(const char *path, size_t max, size_t *len);

/* write() until all of @buf is out; 0, or -1 with errno (EIO on 0). */
int wd_write_all(int fd, const char *buf, size_t len);

/*
 * Write @buf to an existing file with one open() and one close(): the
 * kernel takes a policy write as one transaction and may refuse it at
 * close().  0, or -1 with errno set.
 */
int wd_write_file(const char *path, const char *buf, size_t len);

/*
 * Create or replace a regular file atomically (temp file + rename); what
 * exists and is not a regular file (a device, a FIFO) is written to.
 */
int wd_save_file(const char *path, const char *buf, size_t len);

/* Create every missing directory above @path, like mkdir -p "$(dirname)". */
int wd_make_parents(const char *path);

#endif /* WARDEN_TOOLS_IO_H */
