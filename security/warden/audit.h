/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - audit records and the queries of an interactive supervisor.
 *
 * A decided request can be written as a record in TOMOYO's audit format:
 * a header with the time, the mode and the task and file attributes, the
 * domainname, and the policy line of the request.  Records wait in the
 * audit file for a reader such as warden-auditd; in enforcing mode a
 * rejected request may also wait in the query file for a supervisor such
 * as warden-queryd to grant it, reject it or have it checked again.
 */

#ifndef _SECURITY_WARDEN_AUDIT_H
#define _SECURITY_WARDEN_AUDIT_H

#include <linux/fs.h>
#include <linux/types.h>

struct warden_cond_ctx;
struct warden_domain;

/**
 * struct warden_audit_event - what a record says about a request
 * @domain: the domain the request was made in.
 * @profile: the number of the domain's profile.
 * @mode: the &enum warden_mode it was decided in.
 * @granted: whether it was granted.
 * @ctx: the files, program and symlink target of the request, or %NULL.
 * @line: the policy line that names the request, without a newline.
 */
struct warden_audit_event {
	const struct warden_domain *domain;
	u8 profile;
	u8 mode;
	bool granted;
	const struct warden_cond_ctx *ctx;
	const char *line;
};

/**
 * enum warden_answer - what a supervisor answered to a query
 * @WARDEN_ANSWER_NONE: nothing yet.
 * @WARDEN_ANSWER_GRANT: allow the request.
 * @WARDEN_ANSWER_REJECT: reject it; also the answer of a timeout.
 * @WARDEN_ANSWER_RETRY: check it again against the policy.
 */
enum warden_answer {
	WARDEN_ANSWER_NONE,
	WARDEN_ANSWER_GRANT,
	WARDEN_ANSWER_REJECT,
	WARDEN_ANSWER_RETRY,
};

/**
 * struct warden_query_state - a request's place among the queries
 * @serial: its serial number, the same for each retry.
 * @retry: how many times it was checked again; 0 before the first query.
 */
struct warden_query_state {
	unsigned int serial;
	unsigned int retry;
};

char *warden_audit_format(const struct warden_audit_event *event);
void warden_audit_log(char *record, unsigned int max_records);
ssize_t warden_text_read(const char *text, size_t *pos, char __user *buf,
			 size_t count);

bool warden_query_wanted(void);
enum warden_answer warden_query_ask(const struct warden_domain *domain,
				    const char *record,
				    struct warden_query_state *state,
				    unsigned int timeout);
char *warden_query_domainname(unsigned int serial);

extern const struct file_operations warden_audit_fops;
extern const struct file_operations warden_query_fops;

#endif /* _SECURITY_WARDEN_AUDIT_H */
