/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - the queries of an interactive supervisor.
 *
 * In enforcing mode a rejected request may wait in the query file, as its
 * audit record, for a supervisor such as warden-queryd to grant it,
 * reject it or have it checked again.
 */

#ifndef _SECURITY_WARDEN_QUERY_H
#define _SECURITY_WARDEN_QUERY_H

#include <linux/fs.h>
#include <linux/types.h>

struct warden_domain;

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

bool warden_query_wanted(void);
enum warden_answer warden_query_ask(const struct warden_domain *domain,
				    const char *record,
				    struct warden_query_state *state,
				    unsigned int timeout);
char *warden_query_domainname(unsigned int serial);

extern const struct file_operations warden_query_fops;

#endif /* _SECURITY_WARDEN_QUERY_H */
