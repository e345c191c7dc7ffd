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
#define WD_RECORD_MAX (1024 * 1024)

/**
 * struct wd_record - one parsed record
 * @has_query: a "Q<serial>-<retry>" line came first (query, not audit).
 * @serial: the query serial to answer with "A<serial>=<n>".
 * @retry: how often this request was retried.
 * @date: "YYYY/MM/DD hh:mm:ss" from the header.
 * @profile: profile number, 0..255.
 * @mode: "learning", "permissive" or "enforcing".
 * @granted: granted=yes.
 * @quiet: "quiet=yes" followed "granted=no": a quiet rule covered the
 *         request, and the profile's quiet_log had it logged.
 * @global_pid: the task's pid in the initial pid namespace.
 * @pid..@fsgid: the task={ ... } values.
 * @has_exec: the header carries exec={ ... } (a "file execute" request).
 * @text: the record without the Q line, exactly as read (owned).
 * @header: the header line, without its '\n' (points into @buf).
 * @domain: the domainname line.
 * @acl: the ACL line.
 * @buf: owned copy that @header, @domain and @acl point into.
 */
struct wd_record {
	bool has_query;
	unsigned int serial;
	unsigned int retry;
	char date[20];
	unsigned int profile;
	char mode[12];
	bool granted;
	bool quiet;
	unsigned int global_pid;
	unsigned int pid, ppid, uid, gid, euid, egid, suid, sgid, fsuid, fsgid;
	bool has_exec;
	char *text;
	char *header;
	char *domain;
	char *acl;
	char *buf;
};

int wd_record_parse(const char *data, size_t len, struct wd_record *rec,
		    const char **why);
void wd_record_free(struct wd_record *rec);

/**
 * struct wd_reader - splits a stream of NUL-terminated records
 * @fd: where records come from.
 * @buf: bytes read but not yet handed out.
 * @len: how many bytes of @buf are valid.
 * @cap: allocated size of @buf.
 * @start: where the next record begins in @buf.
 */
struct wd_reader {
	int fd;
	char *buf;
	size_t len;
	size_t cap;
	size_t start;
};

void wd_reader_init(struct wd_reader *rd, int fd);
int wd_reader_next(struct wd_reader *rd, char **rec, size_t *len);
size_t wd_reader_pending(const struct wd_reader *rd);
void wd_reader_free(struct wd_reader *rd);

/* What a query answer means to the kernel. */
enum wd_verdict { WD_GRANT = 1, WD_REJECT = 2, WD_RETRY = 3 };

int wd_answer_query(int fd, unsigned int serial, enum wd_verdict answer);

/*
 * Open the interface's query file for reading queries and writing
 * answers (non-blocking for @once), and @answers, if given, to take the
 * answers instead.  0, or -1 after saying which file failed and why.
 */
int wd_query_open(bool once, const char *answers, int *query_fd,
		  int *answer_fd);

#endif /* WARDEN_TOOLS_RECORD_H */
