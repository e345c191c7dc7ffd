// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - the boot-time policy loader: when the activation trigger
 * (/sbin/init) is executed, the kernel first runs the loader
 * (/sbin/warden-init), which loads the saved policy, and then activates
 * the policy, so that init and everything after it run under it.
 */

#include <linux/binfmts.h>
#include <linux/init.h>
#include <linux/mutex.h>
#include <linux/namei.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/umh.h>

#include "exec.h"
#include "policy.h"

static char *warden_loader __ro_after_init = CONFIG_SECURITY_WARDEN_POLICY_LOADER;
static char *warden_trigger __ro_after_init =
	CONFIG_SECURITY_WARDEN_ACTIVATION_TRIGGER;

static int __init warden_loader_setup(char *path)
{
	warden_loader = path;
	return 1;
}
__setup("warden.loader=", warden_loader_setup);

static int __init warden_trigger_setup(char *path)
{
	warden_trigger = path;
	return 1;
}
__setup("warden.trigger=", warden_trigger_setup);

/* Whether the loader exists: a missing one is reported, not run. */
static bool warden_loader_exists(void)
{
	struct path path;

	if (kern_path(warden_loader, LOOKUP_FOLLOW, &path))
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
	char *argv[] = { warden_loader, NULL };
	static char *envp[] = {
		"HOME=/",
		"PATH=/sbin:/bin:/usr/sbin:/usr/bin",
		NULL,
	};
	int ret;

	if (strcmp(bprm->filename, warden_trigger) ||
	    atomic_xchg(&started, 1))
		return;
	if (!warden_loader_exists()) {
		pr_info("Warden: no policy loader %s: the policy is activated by the first write to profile or policy\n",
			warden_loader);
		return;
	}
	pr_info("Warden: %s runs %s\n", warden_trigger, warden_loader);
	ret = call_usermodehelper(argv[0], argv, envp, UMH_WAIT_PROC);
	if (ret) {
		pr_err("Warden: %s failed (%d): the policy is activated by the first write to profile or policy\n",
		       warden_loader, ret);
		return;
	}
	mutex_lock(&warden_policy_lock);
	warden_policy_activate();
	mutex_unlock(&warden_policy_lock);
}
