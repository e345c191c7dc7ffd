// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - registration with the LSM framework.
 *
 * This file only declares what Warden needs from the framework (its name,
 * id and blob sizes) and starts each subsystem, which registers its own
 * hooks.
 */

#include "common.h"

#include <linux/init.h>
#include <linux/lsm_hooks.h>
#include <linux/security.h>
#include <uapi/linux/lsm.h>

#include "cred.h"
#include "domain.h"
#include "exec.h"
#include "file.h"
#include "mount.h"
#include "net.h"
#include "policy.h"
#include "setup.h"

bool warden_initialized __ro_after_init;

const struct lsm_id warden_lsmid = {
	.name = WARDEN_NAME,
	.id = LSM_ID_WARDEN,
};

struct lsm_blob_sizes warden_blob_sizes __ro_after_init = {
	.lbs_cred = sizeof(struct warden_cred_security),
	.lbs_sock = sizeof(struct warden_sock_security),
	.lbs_superblock = sizeof(struct warden_sb_security),
};

/**
 * warden_tomoyo_compat - whether this boot offers TOMOYO's interface
 *
 * TOMOYO may be built into the same kernel; only the boots where it is
 * not an active LSM leave its securityfs directory and its boot options
 * to Warden.  The framework lists every LSM it started in lsm_idlist[],
 * filled before any initcall runs, so the answer is fixed once Warden
 * itself was started.
 *
 * Return: true when SECURITY_WARDEN_TOMOYO_COMPAT is set, Warden is
 * active and TOMOYO is not.
 */
bool warden_tomoyo_compat(void)
{
	u32 i;

	if (!IS_ENABLED(CONFIG_SECURITY_WARDEN_TOMOYO_COMPAT) ||
	    !warden_initialized)
		return false;
	for (i = 0; i < lsm_active_cnt; i++)
		if (lsm_idlist[i]->id == LSM_ID_TOMOYO)
			return false;
	return true;
}

static int __init warden_init(void)
{
	int err;

	warden_domain_init();
	err = warden_policy_init();
	if (err) {
		pr_err("cannot allocate the initial policy: %d\n", err);
		return err;
	}
	warden_add_cred_hooks();
	warden_add_exec_hooks();
	warden_add_file_hooks();
	warden_add_mount_hooks();
	warden_add_net_hooks();
	warden_initialized = true;
	pr_info("initialized\n");
	return 0;
}

DEFINE_LSM(warden) = {
	.name = WARDEN_NAME,
	.init = warden_init,
	.blobs = &warden_blob_sizes,
};
