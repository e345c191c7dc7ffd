// SPDX-License-Identifier: GPL-2.0-only
/*
 * Shared code of Warden's policy tools; see common.h.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"

static const char *const wd_part_files[WD_NR_PARTS] = {
	[WD_PROFILE] = "profile",
	[WD_MANAGER] = "manager",
	[WD_EXCEPTION] = "exception_policy",
	[WD_DOMAIN] = "domain_policy",
};

static const char *const wd_part_sections[WD_NR_PARTS] = {
	[WD_PROFILE] = "[profile]",
	[WD_MANAGER] = "[manager]",
	[WD_EXCEPTION] = "[exception_policy]",
	[WD_DOMAIN] = "[domain_policy]",
};

void wd_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", program_invocation_short_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void wd_perror(const char *what)
{
	wd_error("%s: %s", what, strerror(errno));
}

void *wd_xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p) {
		wd_error("out of memory");
		exit(1);
	}
	return p;
}

static const char *wd_env_or(const char *name, const char *fallback)
{
	const char *value = getenv(name);

	return value && *value ? value : fallback;
}

const char *wd_dir(void)
{
	return wd_env_or("WARDEN_DIR", WD_DEFAULT_DIR);
}

const char *wd_policy_dir(void)
{
	return wd_env_or("WARDEN_POLICY_DIR", WD_DEFAULT_POLICY_DIR);
}

char *wd_path(const char *dir, const char *name)
{
	size_t dlen = strlen(dir), nlen = strlen(name);
	char *path = wd_xmalloc(dlen + nlen + 2);

	memcpy(path, dir, dlen);
	path[dlen] = '/';
	memcpy(path + dlen + 1, name, nlen + 1);
	return path;
}

const char *wd_part_file(enum wd_part part)
{
	return part < WD_NR_PARTS ? wd_part_files[part] : NULL;
}

const char *wd_part_section(enum wd_part part)
{
	return part < WD_NR_PARTS ? wd_part_sections[part] : NULL;
}

int wd_part_by_name(const char *name)
{
	int i;

	for (i = 0; i < WD_NR_PARTS; i++)
		if (!strcmp(name, wd_part_files[i]))
			return i;
	return -1;
}

/*
 * The kernel's files report size 0 and /proc files lie about theirs, so
 * read until EOF into a buffer that grows, rather than trusting fstat().
 */
char *wd_read_fd(int fd, size_t *len)
{
	size_t size = 4096, used = 0;
	char *buf = wd_xmalloc(size);
	ssize_t n;

	for (;;) {
		if (size - used < 2) {
			char *bigger = realloc(buf, size * 2);

			if (!bigger) {
				free(buf);
				errno = ENOMEM;
				return NULL;
			}
			buf = bigger;
			size *= 2;
		}
		n = read(fd, buf + used, size - used - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int err = errno;

			free(buf);
			errno = err;
			return NULL;
		}
		if (!n)
			break;
		used += n;
	}
	buf[used] = '\0';
	if (len)
		*len = used;
	return buf;
}

char *wd_read_file(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	char *buf;
	int err;

	if (fd < 0)
		return NULL;
	buf = wd_read_fd(fd, len);
	err = errno;
	close(fd);
	errno = err;
	return buf;
}

static int wd_write_all(int fd, const char *buf, size_t len)
{
	ssize_t n;

	while (len) {
		n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (!n) {
			errno = EIO;
			return -1;
		}
		buf += n;
		len -= n;
	}
	return 0;
}

/*
 * One open for the whole buffer: the kernel takes a `policy` write as a
 * transaction; a bad line fails its write(), and the document is applied
 * at the last close(), whose result matters as much as write()'s.
 */
int wd_write_file(const char *path, const char *buf, size_t len)
{
	struct stat st;
	int fd, err;

	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	/*
	 * An ordinary file standing in for a kernel file (host tests) must
	 * end up holding what this write sent, not the tail of older text.
	 * The kernel's files always report size 0, so they are left alone.
	 */
	if (!fstat(fd, &st) && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    ftruncate(fd, 0) < 0)
		goto fail;
	if (wd_write_all(fd, buf, len) < 0)
		goto fail;
	return close(fd);
fail:
	err = errno;
	close(fd);
	errno = err;
	return -1;
}

int wd_save_file(const char *path, const char *buf, size_t len)
{
	size_t size = strlen(path) + 32;
	char *tmp = wd_xmalloc(size);
	int fd, err;

	snprintf(tmp, size, "%s.tmp%ld", path, (long)getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		goto fail_free;
	/* A crash must leave the old file or the whole new one, not half. */
	if (wd_write_all(fd, buf, len) < 0 || fsync(fd) < 0) {
		err = errno;
		close(fd);
		errno = err;
		goto fail_unlink;
	}
	if (close(fd) < 0 || rename(tmp, path) < 0)
		goto fail_unlink;
	free(tmp);
	return 0;
fail_unlink:
	err = errno;
	unlink(tmp);
	errno = err;
fail_free:
	free(tmp);
	return -1;
}

/* A growing string the split and assemble code append to. */
struct wd_buf {
	char *text;
	size_t len, size;
};

static void wd_buf_add(struct wd_buf *b, const char *text, size_t len)
{
	if (b->len + len + 1 > b->size) {
		size_t size = b->size ? b->size : 256;
		char *bigger;

		while (size < b->len + len + 1)
			size *= 2;
		bigger = realloc(b->text, size);
		if (!bigger) {
			wd_error("out of memory");
			exit(1);
		}
		b->text = bigger;
		b->size = size;
	}
	memcpy(b->text + b->len, text, len);
	b->len += len;
	b->text[b->len] = '\0';
}

static int wd_is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* The section a line starts (the kernel trims blanks first), or -1. */
static int wd_section_of(const char *line, size_t len)
{
	int i;

	while (len && wd_is_blank(*line)) {
		line++;
		len--;
	}
	while (len && wd_is_blank(line[len - 1]))
		len--;
	for (i = 0; i < WD_NR_PARTS; i++)
		if (strlen(wd_part_sections[i]) == len &&
		    !memcmp(line, wd_part_sections[i], len))
			return i;
	return -1;
}

/* Blank or a comment: the kernel skips it wherever it stands. */
static int wd_is_nothing(const char *line, size_t len)
{
	while (len && wd_is_blank(*line)) {
		line++;
		len--;
	}
	return !len || *line == '#';
}

int wd_policy_split(const char *doc, struct wd_policy *policy,
		    unsigned int *bad_line)
{
	struct wd_buf parts[WD_NR_PARTS] = { 0 };
	int section = -1, i;
	unsigned int lineno = 0;
	const char *line = doc;

	while (*line) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		int s = wd_section_of(line, len);

		lineno++;
		if (s >= 0) {
			section = s;
			/* An empty section is still a section: "" not NULL. */
			wd_buf_add(&parts[s], "", 0);
		} else if (section >= 0) {
			wd_buf_add(&parts[section], line, len);
			wd_buf_add(&parts[section], "\n", 1);
		} else if (!wd_is_nothing(line, len)) {
			for (i = 0; i < WD_NR_PARTS; i++)
				free(parts[i].text);
			if (bad_line)
				*bad_line = lineno;
			errno = EINVAL;
			return -1;
		}
		line += len + (nl != NULL);
	}
	for (i = 0; i < WD_NR_PARTS; i++)
		policy->part[i] = parts[i].text;
	return 0;
}

char *wd_policy_assemble(const struct wd_policy *policy)
{
	struct wd_buf doc = { 0 };
	const char *text;
	size_t len;
	int i;

	for (i = 0; i < WD_NR_PARTS; i++) {
		wd_buf_add(&doc, wd_part_sections[i],
			   strlen(wd_part_sections[i]));
		wd_buf_add(&doc, "\n", 1);
		text = policy->part[i] ? policy->part[i] : "";
		len = strlen(text);
		wd_buf_add(&doc, text, len);
		/* A last line without '\n' would swallow the next header. */
		if (len && text[len - 1] != '\n')
			wd_buf_add(&doc, "\n", 1);
	}
	return doc.text;
}

void wd_policy_free(struct wd_policy *policy)
{
	int i;

	for (i = 0; i < WD_NR_PARTS; i++) {
		free(policy->part[i]);
		policy->part[i] = NULL;
	}
}

unsigned int wd_count_lines(const char *text)
{
	unsigned int count = 0;

	while (text && *text) {
		const char *nl = strchr(text, '\n');
		size_t len = nl ? (size_t)(nl - text) : strlen(text);

		count += !wd_is_nothing(text, len);
		text += len + (nl != NULL);
	}
	return count;
}

static int wd_needs_octal(unsigned char c)
{
	return c <= 0x20 || c >= 0x7f;
}

char *wd_encode(const char *raw, size_t len)
{
	char *word = wd_xmalloc(len * 4 + 1), *out = word;
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = raw[i];

		if (c == '\\') {
			*out++ = '\\';
			*out++ = '\\';
		} else if (wd_needs_octal(c)) {
			*out++ = '\\';
			*out++ = '0' + (c >> 6);
			*out++ = '0' + ((c >> 3) & 7);
			*out++ = '0' + (c & 7);
		} else {
			*out++ = c;
		}
	}
	*out = '\0';
	return word;
}

/*
 * Only the canonical form decodes: a byte TOMOYO would print as itself
 * written in octal is refused, as are bare special bytes, so that every
 * name has one spelling.
 */
char *wd_decode(const char *word, size_t *len)
{
	char *raw = wd_xmalloc(strlen(word) + 1), *out = raw;
	const unsigned char *in = (const unsigned char *)word;

	while (*in) {
		unsigned char c = *in++;

		if (wd_needs_octal(c))
			goto bad;
		if (c != '\\') {
			*out++ = c;
			continue;
		}
		if (*in == '\\') {
			*out++ = '\\';
			in++;
			continue;
		}
		if (in[0] < '0' || in[0] > '3' || in[1] < '0' || in[1] > '7' ||
		    in[2] < '0' || in[2] > '7')
			goto bad;
		c = ((in[0] - '0') << 6) | ((in[1] - '0') << 3) | (in[2] - '0');
		if (!wd_needs_octal(c))
			goto bad;
		*out++ = c;
		in += 3;
	}
	*out = '\0';
	if (len)
		*len = out - raw;
	return raw;
bad:
	free(raw);
	errno = EINVAL;
	return NULL;
}
