/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - the credential blob.
 *
 * A task's Warden state is the domain it runs in.  It lives in the cred so
 * that an exec can compute the next domain on bprm->cred and the change
 * becomes visible only when the new credentials are committed.
 */

#ifndef _SECURITY_WARDEN_CRED_H
#define _SECURITY_WARDEN_CRED_H

#include <linux/cred.h>
#include <linux/init.h>

#include "domain.h"
#include "setup.h"

/**
 * struct warden_cred_security - Warden's part of a struct cred
 * @domain: the domain the credentials' owner runs in; holds a reference.
 *          %NULL only in a blank cred that has not been prepared yet.
 * @exec_file: in the credentials an exec prepares, the program file the
 *             exec started with, so that the file of an interpreter can be
 *             told apart; only ever compared, never dereferenced.
 */
struct warden_cred_security {
	struct warden_domain *domain;
	const struct file *exec_file;
};

static inline struct warden_cred_security *warden_cred(const struct cred *cred)
{
	return cred->security + warden_blob_sizes.lbs_cred;
}

static inline struct warden_domain *warden_current_domain(void)
{
	return warden_cred(current_cred())->domain;
}

struct warden_domain *warden_pid_domain(pid_t pid, bool global);
void __init warden_add_cred_hooks(void);

#endif /* _SECURITY_WARDEN_CRED_H */
