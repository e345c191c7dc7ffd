// SPDX-License-Identifier: GPL-2.0-only
/*
 * Parsing of Warden's audit and query records, and the reader that cuts
 * the byte stream of the audit and query files into records.  A record
 * that does not have the shape the kernel writes is refused with a reason;
 * nothing here trusts the input.
 */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "iface.h"
#include "io.h"
#include "util.h"
#include "record.h"


/*
 * Reads a decimal number at *p that ends at a byte in @stops; refuses
 * signs, empty numbers and overflow of unsigned int.
 */
static bool wd_record_number(const char **p, const char *stops,
			     unsigned int *out)
{
	unsigned int v;
	const char *end = wd_scan_uint(*p, UINT_MAX, &v);

	if (!end || !*end || !strchr(stops, *end))
		return false;
	*out = v;
	*p = end;
	return true;
}

/* Consumes @word at *p if it is there. */
static bool wd_record_skip(const char **p, const char *word)
{
	size_t n = strlen(word);

	if (strncmp(*p, word, n))
		return false;
	*p += n;
	return true;
}

/* "#YYYY/MM/DD hh:mm:ss# " */
static bool wd_record_parse_date(const char **p, struct wd_record *rec)
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

static bool wd_record_parse_mode(const char **p, struct wd_record *rec)
{
	static const char *const modes[] = {
		"learning ", "permissive ", "enforcing ",
	};
	size_t i;

	if (!wd_record_skip(p, "mode="))
		return false;
	for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		if (wd_record_skip(p, modes[i])) {
			memcpy(rec->mode, modes[i], strlen(modes[i]) - 1);
			rec->mode[strlen(modes[i]) - 1] = '\0';
			return true;
		}
	}
	return false;
}

/* task={ pid=N ppid=N uid=N gid=N euid=N egid=N suid=N sgid=N fsuid=N fsgid=N } */
static bool wd_record_parse_task(const char **p, struct wd_record *rec)
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

	if (!wd_record_skip(p, "task={"))
		return false;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!wd_record_skip(p, names[i]) ||
		    !wd_record_number(p, " ", fields[i]))
			return false;
	}
	return wd_record_skip(p, " }");
}

static bool wd_record_parse_header(const char *line, struct wd_record *rec)
{
	const char *p = line;

	if (!wd_record_parse_date(&p, rec) || !wd_record_skip(&p, "profile=") ||
	    !wd_record_number(&p, " ", &rec->profile) || rec->profile > 255)
		return false;
	p++;
	if (!wd_record_parse_mode(&p, rec) || !wd_record_skip(&p, "granted="))
		return false;
	if (wd_record_skip(&p, "yes "))
		rec->granted = true;
	else if (!wd_record_skip(&p, "no "))
		return false;
	/* A denial a quiet rule covered, logged under quiet_log=yes. */
	rec->quiet = !rec->granted && wd_record_skip(&p, "quiet=yes ");
	if (!wd_record_skip(&p, "(global-pid=") ||
	    !wd_record_number(&p, ")", &rec->global_pid) ||
	    !wd_record_skip(&p, ") "))
		return false;
	if (!wd_record_parse_task(&p, rec))
		return false;
	/*
	 * The kernel escapes spaces inside names and strings as \040, so a
	 * literal " exec={ " after the task can only be the exec object.
	 */
	rec->has_exec = strstr(p, " exec={ ") != NULL;
	return !*p || *p == ' ';
}

/* "Q<serial>-<retry>\n" */
static bool wd_record_parse_query(const char **p, struct wd_record *rec)
{
	if (!wd_record_skip(p, "Q") || !wd_record_number(p, "-", &rec->serial) ||
	    !wd_record_skip(p, "-") || !wd_record_number(p, "\n", &rec->retry))
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
static char *wd_record_cut_line(char **p)
{
	char *line = *p, *nl = strchr(line, '\n');

	if (!nl)
		return NULL;
	*nl = '\0';
	*p = nl + 1;
	return line;
}

/**
 * wd_record_parse - parse one record
 * @data: the record as read, with or without its Q line; trailing NUL
 *        bytes (the kernel's record terminator) are ignored.
 * @len: bytes in @data.
 * @rec: filled on success; release with wd_record_free().
 * @why: on failure, a short reason.
 *
 * Return: 0, or -1 with *@why set and @rec left empty.
 */
int wd_record_parse(const char *data, size_t len, struct wd_record *rec,
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
	if (len > WD_RECORD_MAX)
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
	if (*q == 'Q' && !wd_record_parse_query(&q, rec))
		goto fail;
	rec->text = strdup(q);
	*why = "out of memory";
	if (!rec->text)
		goto fail;
	p = (char *)q;
	*why = "record has fewer than three lines";
	rec->header = wd_record_cut_line(&p);
	rec->domain = rec->header ? wd_record_cut_line(&p) : NULL;
	rec->acl = rec->domain ? wd_record_cut_line(&p) : NULL;
	if (!rec->acl)
		goto fail;
	*why = "text after the ACL line";
	if (*p)
		goto fail;
	*why = "bad header line";
	if (!wd_record_parse_header(rec->header, rec))
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
	wd_record_free(rec);
	return -1;
}

void wd_record_free(struct wd_record *rec)
{
	free(rec->buf);
	free(rec->text);
	memset(rec, 0, sizeof(*rec));
}

void wd_reader_init(struct wd_reader *rd, int fd)
{
	memset(rd, 0, sizeof(*rd));
	rd->fd = fd;
}

/* Bytes read that belong to no complete record yet. */
size_t wd_reader_pending(const struct wd_reader *rd)
{
	return rd->len - rd->start;
}

/* Makes room for at least one more read, dropping handed-out records. */
static int wd_reader_grow(struct wd_reader *rd)
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
	if (cap > 2 * WD_RECORD_MAX) {
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
 * wd_reader_next - the next record from the stream
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
int wd_reader_next(struct wd_reader *rd, char **rec, size_t *len)
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
		if (wd_reader_grow(rd))
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

void wd_reader_free(struct wd_reader *rd)
{
	free(rd->buf);
	memset(rd, 0, sizeof(*rd));
}

/**
 * wd_answer_query - answer query @serial
 *
 * One write() per answer: the kernel parses each write on its own.
 *
 * Return: 0, or -1 with errno set.
 */
int wd_answer_query(int fd, unsigned int serial, enum wd_verdict answer)
{
	char line[32];
	int n = snprintf(line, sizeof(line), "A%u=%d\n", serial, answer);

	return wd_write_all(fd, line, n);
}

int wd_query_open(bool once, const char *answers, int *query_fd,
		  int *answer_fd)
{
	*query_fd = wd_iface_open("query", O_RDWR | (once ? O_NONBLOCK : 0));
	if (*query_fd < 0)
		return -1;
	*answer_fd = *query_fd;
	if (!answers)
		return 0;
	*answer_fd = open(answers, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC,
			  0600);
	if (*answer_fd < 0) {
		wd_perror(answers);
		close(*query_fd);
		return -1;
	}
	return 0;
}
