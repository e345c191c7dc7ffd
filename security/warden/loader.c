// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - the boot-time policy loader: when the activation trigger
 * (/sbin/init) is executed, the kernel first runs the loader
 * (/sbin/warden-init), which loads the saved policy, and then activates
 * the policy, so that init and everything after it run under it.
 */

#include <linux/binfmts.h>
#include <linux/init.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/namei.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/umh.h>

#include "exec.h"
#include "policy.h"

/* The boot options warden.loader= and warden.trigger= override these. */
static char *loader = CONFIG_SECURITY_WARDEN_POLICY_LOADER;
module_param(loader, charp, 0400);
MODULE_PARM_DESC(loader, "program that loads the policy at boot");

static char *trigger = CONFIG_SECURITY_WARDEN_ACTIVATION_TRIGGER;
module_param(trigger, charp, 0400);
MODULE_PARM_DESC(trigger, "program whose first exec runs the loader");

/* Whether the loader exists: a missing one is reported, not run. */
static bool warden_loader_exists(void)
{
	struct path path;

	if (kern_path(loader, LOOKUP_FOLLOW, &path))
		return false;
	path_put(&path);
	return true;
}

/**
 * warden_loader_run - run the loader if @bprm executes the trigger
 * @bprm: an exec made before the policy was loaded.
 *
 * The first exec of the trigger runs the loader and waits for it, then
 * activates the policy.  This happens once: a missing or failing loader
 * is reported once, and the policy is then activated by the first write
 * to the profile or policy file, as where no loader runs at all.
 */
void warden_loader_run(const struct linux_binprm *bprm)
{
	static atomic_t started = ATOMIC_INIT(0);
	char *argv[2], *envp[3];
	int ret;

	if (strcmp(bprm->filename, trigger) ||
	    atomic_xchg(&started, 1))
		return;
	if (!warden_loader_exists()) {
		pr_info("Warden: no policy loader %s: the policy is activated by the first write to profile or policy\n",
			loader);
		return;
	}
	argv[0] = loader;
	argv[1] = NULL;
	envp[0] = "HOME=/";
	envp[1] = "PATH=/sbin:/bin:/usr/sbin:/usr/bin";
	envp[2] = NULL;
	pr_info("Warden: %s runs %s\n", trigger, loader);
	ret = call_usermodehelper(argv[0], argv, envp, UMH_WAIT_PROC);
	if (ret) {
		pr_err("Warden: %s failed (%d): the policy is activated by the first write to profile or policy\n",
		       loader, ret);
		return;
	}
	mutex_lock(&warden_policy_lock);
	warden_policy_activate();
	mutex_unlock(&warden_policy_lock);
}
