/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - registration state shared by the rest of the module.
 *
 * The LSM framework sizes the security blobs from warden_blob_sizes and
 * hands the offsets back at boot; warden_initialized says whether the
 * framework chose to start Warden at all (it is absent from lsm=).
 */

#ifndef _SECURITY_WARDEN_SETUP_H
#define _SECURITY_WARDEN_SETUP_H

#include <linux/lsm_hooks.h>

#define WARDEN_NAME "warden"
/* The directory the TOMOYO-compatible interface adds under securityfs. */
#define WARDEN_TOMOYO_NAME "tomoyo"

extern bool warden_initialized;
extern struct lsm_blob_sizes warden_blob_sizes;
extern const struct lsm_id warden_lsmid;

bool warden_tomoyo_compat(void);

#endif /* _SECURITY_WARDEN_SETUP_H */
