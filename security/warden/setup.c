// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - registration with the LSM framework.
 *
 * This file only declares what Warden needs from the framework (its name,
 * id and blob sizes) and starts each subsystem, which registers its own
 * hooks.
 */

#include <linux/init.h>
#include <linux/lsm_hooks.h>
#include <uapi/linux/lsm.h>

#include "cred.h"
#include "domain.h"
#include "hooks.h"
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
};

static int __init warden_init(void)
{
	int err;

	warden_domain_init();
	err = warden_policy_init();
	if (err) {
		pr_err("Warden: cannot allocate the initial policy: %d\n", err);
		return err;
	}
	warden_add_cred_hooks();
	warden_add_exec_hooks();
	warden_add_file_hooks();
	warden_add_net_hooks();
	warden_initialized = true;
	pr_info("Warden: initialized\n");
	return 0;
}

DEFINE_LSM(warden) = {
	.name = WARDEN_NAME,
	.init = warden_init,
	.blobs = &warden_blob_sizes,
};
