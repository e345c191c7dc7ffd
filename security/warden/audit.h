/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - audit records.
 *
 * A decided request can be written as a record in TOMOYO's audit format:
 * a header with the time, the mode and the task and file attributes, the
 * domainname, and the policy line of the request.  Records wait in the
 * audit file for a reader such as warden-auditd.
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
 * @quiet: a quiet rule covered it and the profile's quiet_log had it
 *         logged all the same: the header says "quiet=yes".
 * @ctx: the files, program and symlink target of the request, or %NULL.
 * @line: the policy line that names the request, without a newline.
 */
struct warden_audit_event {
	const struct warden_domain *domain;
	u8 profile;
	u8 mode;
	bool granted;
	bool quiet;
	const struct warden_cond_ctx *ctx;
	const char *line;
};

char *warden_audit_format(const struct warden_audit_event *event);
void warden_audit_log(char *record, unsigned int max_records);
ssize_t warden_text_read(const char *text, size_t *pos, char __user *buf,
			 size_t count);

extern const struct file_operations warden_audit_fops;

#endif /* _SECURITY_WARDEN_AUDIT_H */
