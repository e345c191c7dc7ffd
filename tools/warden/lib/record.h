/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One audit or query record as the kernel hands it out: an optional
 * "Q<serial>-<retry>" line, the header line, the domainname line and the
 * ACL line.  The daemons parse records here and never trust their shape.
 */

#ifndef WARDEN_TOOLS_RECORD_H
#define WARDEN_TOOLS_RECORD_H

#include <stddef.h>
#include <stdbool.h>

/* A record bigger than this is garbage, not something the kernel wrote. */
#define WR_RECORD_MAX (1024 * 1024)

/**
 * struct wr_record - one parsed record
 * @has_query: a "Q<serial>-<retry>" line came first (query, not audit).
 * @serial: the query serial to answer with "A<serial>=<n>".
 * @retry: how often this request was retried.
 * @date: "YYYY/MM/DD hh:mm:ss" from the header.
 * @profile: profile number, 0..255.
 * @mode: "learning", "permissive" or "enforcing".
 * @granted: granted=yes.
 * @global_pid: the task's pid in the initial pid namespace.
 * @pid..@fsgid: the task={ ... } values.
 * @has_exec: the header carries exec={ ... } (a "file execute" request).
 * @text: the record without the Q line, exactly as read (owned).
 * @header: the header line, without its '\n' (points into @buf).
 * @domain: the domainname line.
 * @acl: the ACL line.
 * @buf: owned copy that @header, @domain and @acl point into.
 */
struct wr_record {
	bool has_query;
	unsigned int serial;
	unsigned int retry;
	char date[20];
	unsigned int profile;
	char mode[12];
	bool granted;
	unsigned int global_pid;
	unsigned int pid, ppid, uid, gid, euid, egid, suid, sgid, fsuid, fsgid;
	bool has_exec;
	char *text;
	char *header;
	char *domain;
	char *acl;
	char *buf;
};

int wr_parse(const char *data, size_t len, struct wr_record *rec,
	     const char **why);
void wr_free(struct wr_record *rec);

/**
 * struct wr_reader - splits a stream of NUL-terminated records
 * @fd: where records come from.
 * @buf: bytes read but not yet handed out.
 * @len: how many bytes of @buf are valid.
 * @cap: allocated size of @buf.
 * @start: where the next record begins in @buf.
 */
struct wr_reader {
	int fd;
	char *buf;
	size_t len;
	size_t cap;
	size_t start;
};

void wr_reader_init(struct wr_reader *rd, int fd);
int wr_reader_next(struct wr_reader *rd, char **rec, size_t *len);
size_t wr_reader_pending(const struct wr_reader *rd);
void wr_reader_free(struct wr_reader *rd);

char *wr_path(const char *name);

/* What a query answer means to the kernel. */
enum wr_answer { WR_GRANT = 1, WR_REJECT = 2, WR_RETRY = 3 };

int wr_answer(int fd, unsigned int serial, enum wr_answer answer);
int wr_write_all(int fd, const char *buf, size_t len);
int wr_daemonize(void);

#endif /* WARDEN_TOOLS_RECORD_H */
