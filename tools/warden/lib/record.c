// SPDX-License-Identifier: GPL-2.0-only
/*
 * Parsing of Warden's audit and query records, and the reader that cuts
 * the byte stream of the audit and query files into records.  A record
 * that does not have the shape the kernel writes is refused with a reason;
 * nothing here trusts the input.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common.h"
#include "record.h"


/* wr_path - "<interface dir>/<name>", malloc'ed; NULL when out of memory. */
char *wr_path(const char *name)
{
	char *path;

	if (asprintf(&path, "%s/%s", wd_dir(), name) < 0)
		return NULL;
	return path;
}

/*
 * Reads a decimal number at *p that ends at a byte in @stops; refuses
 * signs, empty numbers and overflow of unsigned int.
 */
static bool wr_number(const char **p, const char *stops, unsigned int *out)
{
	const char *s = *p;
	unsigned long long v = 0;

	if (*s < '0' || *s > '9')
		return false;
	while (*s >= '0' && *s <= '9') {
		v = v * 10 + (*s++ - '0');
		if (v > 0xffffffffULL)
			return false;
	}
	if (!*s || !strchr(stops, *s))
		return false;
	*out = v;
	*p = s;
	return true;
}

/* Consumes @word at *p if it is there. */
static bool wr_skip(const char **p, const char *word)
{
	size_t n = strlen(word);

	if (strncmp(*p, word, n))
		return false;
	*p += n;
	return true;
}

/* "#YYYY/MM/DD hh:mm:ss# " */
static bool wr_parse_date(const char **p, struct wr_record *rec)
{
	static const char shape[] = "#0000/00/00 00:00:00# ";
	const char *s = *p;
	size_t i;

	for (i = 0; shape[i]; i++) {
		if (shape[i] == '0' ? s[i] < '0' || s[i] > '9' : s[i] != shape[i])
			return false;
	}
	memcpy(rec->date, s + 1, 19);
	rec->date[19] = '\0';
	*p = s + i;
	return true;
}

static bool wr_parse_mode(const char **p, struct wr_record *rec)
{
	static const char *const modes[] = {
		"learning ", "permissive ", "enforcing ",
	};
	size_t i;

	if (!wr_skip(p, "mode="))
		return false;
	for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		if (wr_skip(p, modes[i])) {
			memcpy(rec->mode, modes[i], strlen(modes[i]) - 1);
			rec->mode[strlen(modes[i]) - 1] = '\0';
			return true;
		}
	}
	return false;
}

/* task={ pid=N ppid=N uid=N gid=N euid=N egid=N suid=N sgid=N fsuid=N fsgid=N } */
static bool wr_parse_task(const char **p, struct wr_record *rec)
{
	static const char *const names[] = {
		" pid=", " ppid=", " uid=", " gid=", " euid=", " egid=",
		" suid=", " sgid=", " fsuid=", " fsgid=",
	};
	unsigned int *fields[] = {
		&rec->pid, &rec->ppid, &rec->uid, &rec->gid, &rec->euid,
		&rec->egid, &rec->suid, &rec->sgid, &rec->fsuid, &rec->fsgid,
	};
	size_t i;

	if (!wr_skip(p, "task={"))
		return false;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!wr_skip(p, names[i]) || !wr_number(p, " ", fields[i]))
			return false;
	}
	return wr_skip(p, " }");
}

static bool wr_parse_header(const char *line, struct wr_record *rec)
{
	const char *p = line;

	if (!wr_parse_date(&p, rec) || !wr_skip(&p, "profile=") ||
	    !wr_number(&p, " ", &rec->profile) || rec->profile > 255)
		return false;
	p++;
	if (!wr_parse_mode(&p, rec) || !wr_skip(&p, "granted="))
		return false;
	if (wr_skip(&p, "yes "))
		rec->granted = true;
	else if (!wr_skip(&p, "no "))
		return false;
	if (!wr_skip(&p, "(global-pid=") ||
	    !wr_number(&p, ")", &rec->global_pid) || !wr_skip(&p, ") "))
		return false;
	if (!wr_parse_task(&p, rec))
		return false;
	/*
	 * The kernel escapes spaces inside names and strings as \040, so a
	 * literal " exec={ " after the task can only be the exec object.
	 */
	rec->has_exec = strstr(p, " exec={ ") != NULL;
	return !*p || *p == ' ';
}

/* "Q<serial>-<retry>\n" */
static bool wr_parse_query(const char **p, struct wr_record *rec)
{
	if (!wr_skip(p, "Q") || !wr_number(p, "-", &rec->serial) ||
	    !wr_skip(p, "-") || !wr_number(p, "\n", &rec->retry))
		return false;
	(*p)++;
	rec->has_query = true;
	return true;
}

/*
 * Cuts the next line out of *p, in place.  Every line must end in '\n',
 * the ACL line too: without it a truncated record would pass for a
 * shorter, different ACL line.
 */
static char *wr_cut_line(char **p)
{
	char *line = *p, *nl = strchr(line, '\n');

	if (!nl)
		return NULL;
	*nl = '\0';
	*p = nl + 1;
	return line;
}

/**
 * wr_parse - parse one record
 * @data: the record as read, with or without its Q line; trailing NUL
 *        bytes (the kernel's record terminator) are ignored.
 * @len: bytes in @data.
 * @rec: filled on success; release with wr_free().
 * @why: on failure, a short reason.
 *
 * Return: 0, or -1 with *@why set and @rec left empty.
 */
int wr_parse(const char *data, size_t len, struct wr_record *rec,
	     const char **why)
{
	const char *q;
	char *p;

	memset(rec, 0, sizeof(*rec));
	while (len && !data[len - 1])
		len--;
	*why = "empty record";
	if (!len)
		return -1;
	*why = "record too long";
	if (len > WR_RECORD_MAX)
		return -1;
	*why = "NUL byte inside the record";
	if (memchr(data, '\0', len))
		return -1;
	rec->buf = malloc(len + 1);
	*why = "out of memory";
	if (!rec->buf)
		return -1;
	memcpy(rec->buf, data, len);
	rec->buf[len] = '\0';

	q = rec->buf;
	*why = "bad Q<serial>-<retry> line";
	if (*q == 'Q' && !wr_parse_query(&q, rec))
		goto fail;
	rec->text = strdup(q);
	*why = "out of memory";
	if (!rec->text)
		goto fail;
	p = (char *)q;
	*why = "record has fewer than three lines";
	rec->header = wr_cut_line(&p);
	rec->domain = rec->header ? wr_cut_line(&p) : NULL;
	rec->acl = rec->domain ? wr_cut_line(&p) : NULL;
	if (!rec->acl)
		goto fail;
	*why = "text after the ACL line";
	if (*p)
		goto fail;
	*why = "bad header line";
	if (!wr_parse_header(rec->header, rec))
		goto fail;
	*why = "domainname line does not start with '<'";
	if (rec->domain[0] != '<')
		goto fail;
	*why = "empty ACL line";
	if (!rec->acl[0] || rec->acl[0] == ' ')
		goto fail;
	*why = NULL;
	return 0;
fail:
	wr_free(rec);
	return -1;
}

void wr_free(struct wr_record *rec)
{
	free(rec->buf);
	free(rec->text);
	memset(rec, 0, sizeof(*rec));
}

void wr_reader_init(struct wr_reader *rd, int fd)
{
	memset(rd, 0, sizeof(*rd));
	rd->fd = fd;
}

/* Bytes read that belong to no complete record yet. */
size_t wr_reader_pending(const struct wr_reader *rd)
{
	return rd->len - rd->start;
}

/* Makes room for at least one more read, dropping handed-out records. */
static int wr_reader_grow(struct wr_reader *rd)
{
	char *bigger;
	size_t cap;

	if (rd->start) {
		memmove(rd->buf, rd->buf + rd->start, rd->len - rd->start);
		rd->len -= rd->start;
		rd->start = 0;
	}
	if (rd->cap - rd->len >= 4096)
		return 0;
	cap = rd->cap ? rd->cap * 2 : 65536;
	/* The kernel never writes this much without a NUL. */
	if (cap > 2 * WR_RECORD_MAX) {
		errno = EMSGSIZE;
		return -1;
	}
	bigger = realloc(rd->buf, cap);
	if (!bigger)
		return -1;
	rd->buf = bigger;
	rd->cap = cap;
	return 0;
}

/**
 * wr_reader_next - the next record from the stream
 * @rd: the reader.
 * @rec: set to the record, NUL-terminated, valid until the next call.
 * @len: set to its length without the NUL.
 *
 * The kernel returns one record and its NUL per read(); an ordinary file
 * standing in for it returns many at once, so records are cut at NULs
 * rather than at read() boundaries.  A last record without its NUL at end
 * of file is still handed out.
 *
 * Return: 1 with a record, 0 at end of file, -1 with errno set (EINTR and
 * EAGAIN included, so callers decide what a signal or O_NONBLOCK means).
 */
int wr_reader_next(struct wr_reader *rd, char **rec, size_t *len)
{
	for (;;) {
		char *start = rd->buf + rd->start;
		char *nul = rd->len > rd->start ?
			memchr(start, '\0', rd->len - rd->start) : NULL;
		ssize_t n;

		if (nul) {
			*rec = start;
			*len = nul - start;
			rd->start = nul + 1 - rd->buf;
			return 1;
		}
		if (wr_reader_grow(rd))
			return -1;
		/* Leave room for the NUL a last unterminated record needs. */
		n = read(rd->fd, rd->buf + rd->len, rd->cap - rd->len - 1);
		if (n < 0)
			return -1;
		if (n == 0) {
			if (rd->len == rd->start)
				return 0;
			rd->buf[rd->len++] = '\0';
			continue;
		}
		rd->len += n;
	}
}

void wr_reader_free(struct wr_reader *rd)
{
	free(rd->buf);
	memset(rd, 0, sizeof(*rd));
}

/* write() until done; a signal or a short write must not lose bytes. */
int wr_write_all(int fd, const char *buf, size_t len)
{
	while (len) {
		ssize_t n = write(fd, buf, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		buf += n;
		len -= n;
	}
	return 0;
}

/**
 * wr_answer - answer query @serial
 *
 * One write() per answer: the kernel parses each write on its own.
 *
 * Return: 0, or -1 with errno set.
 */
int wr_answer(int fd, unsigned int serial, enum wr_answer answer)
{
	char line[32];
	int n = snprintf(line, sizeof(line), "A%u=%d\n", serial, answer);

	return wr_write_all(fd, line, n);
}

/**
 * wr_daemonize - detach from the terminal and the caller's session
 *
 * stdout and stderr stay open so an init script that redirects them still
 * collects the daemon's complaints; stdin becomes /dev/null.
 *
 * Return: 0 in the daemon, -1 with errno set on failure (the parent has
 * exited on success).
 */
int wr_daemonize(void)
{
	pid_t pid = fork();
	int fd;

	if (pid < 0)
		return -1;
	if (pid > 0)
		_exit(0);
	if (setsid() < 0)
		return -1;
	if (chdir("/"))
		return -1;
	fd = open("/dev/null", O_RDONLY);
	if (fd < 0)
		return -1;
	if (fd != STDIN_FILENO) {
		dup2(fd, STDIN_FILENO);
		close(fd);
	}
	return 0;
}
