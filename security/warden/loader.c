// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - the boot-time policy loader: when the activation trigger
 * (/sbin/init) is executed, the kernel first runs the loader
 * (/sbin/warden-init), which loads the saved policy, and then activates
 * the policy, so that init and everything after it run under it.
 * Where the TOMOYO-compatible interface is offered, TOMOYO's boot options
 * name the loader and the trigger too.
 */

#include "common.h"

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
#include "setup.h"

static char default_loader[] = CONFIG_SECURITY_WARDEN_POLICY_LOADER;
static char default_trigger[] = CONFIG_SECURITY_WARDEN_ACTIVATION_TRIGGER;

/* The boot options warden.loader= and warden.trigger= override these. */
static char *loader = default_loader;
module_param(loader, charp, 0400);
MODULE_PARM_DESC(loader, "program that loads the policy at boot");

static char *trigger = default_trigger;
module_param(trigger, charp, 0400);
MODULE_PARM_DESC(trigger, "program whose first exec runs the loader");

/* The longest pathname TOMOYO_loader= and TOMOYO_trigger= may give. */
#define WARDEN_BOOT_PATH_MAX 256

/*
 * TOMOYO_loader= and TOMOYO_trigger=, empty when not given.  They are
 * copied because early options point into a buffer freed after boot.
 */
static char tomoyo_loader[WARDEN_BOOT_PATH_MAX] __ro_after_init;
static char tomoyo_trigger[WARDEN_BOOT_PATH_MAX] __ro_after_init;

#ifdef CONFIG_SECURITY_WARDEN_TOMOYO_COMPAT
/*
 * Early options, because every early option of a name is handed its
 * value, while of the ordinary __setup() ones only the first taker is:
 * TOMOYO, when built in, reads the same options for itself.
 */
static int __init warden_tomoyo_boot_path(char *dest, const char *option,
					  const char *value)
{
	if (!value || *value != '/' ||
	    strscpy(dest, value, WARDEN_BOOT_PATH_MAX) < 0) {
		dest[0] = '\0';
		pr_warn("%s= needs an absolute pathname shorter than %u bytes\n",
			option, WARDEN_BOOT_PATH_MAX);
	}
	return 0;
}

static int __init warden_tomoyo_loader_setup(char *value)
{
	return warden_tomoyo_boot_path(tomoyo_loader, "TOMOYO_loader", value);
}
early_param("TOMOYO_loader", warden_tomoyo_loader_setup);

static int __init warden_tomoyo_trigger_setup(char *value)
{
	return warden_tomoyo_boot_path(tomoyo_trigger, "TOMOYO_trigger", value);
}
early_param("TOMOYO_trigger", warden_tomoyo_trigger_setup);
#endif /* CONFIG_SECURITY_WARDEN_TOMOYO_COMPAT */

/*
 * warden.<option>= when given; else TOMOYO's option where this boot
 * offers TOMOYO's interface; else the configured default.
 */
static const char *warden_boot_path(const char *warden_value,
				    const char *warden_default,
				    const char *tomoyo_value)
{
	if (warden_value == warden_default && tomoyo_value[0] &&
	    warden_tomoyo_compat())
		return tomoyo_value;
	return warden_value;
}

/* Whether the loader exists: a missing one is reported, not run. */
static bool warden_loader_exists(const char *pathname)
{
	struct path path;

	if (kern_path(pathname, LOOKUP_FOLLOW, &path))
		return false;
	path_put(&path);
	return true;
}

/**
 * warden_loader_run - run the loader if @bprm executes the trigger
 * @bprm: an exec made before the policy was loaded.
 *
 * The first exec of the trigger runs the loader and waits for it, then
 * activates the policy; the loader's own writes do not activate it, so
 * it may write the files in any order.  This happens once: a missing or
 * failing loader is reported once, and the policy is then activated by
 * the first write to the profile or policy file, as where no loader runs
 * at all.
 */
void warden_loader_run(const struct linux_binprm *bprm)
{
	static atomic_t started = ATOMIC_INIT(0);
	const char *trigger_path, *loader_path;
	char *argv[2], *envp[3];
	int ret;

	trigger_path = warden_boot_path(trigger, default_trigger,
					tomoyo_trigger);
	if (strcmp(bprm->filename, trigger_path) ||
	    atomic_xchg(&started, 1))
		return;
	loader_path = warden_boot_path(loader, default_loader, tomoyo_loader);
	if (!warden_loader_exists(loader_path)) {
		pr_info("no policy loader %s: the policy is activated by the first write to profile or policy\n",
			loader_path);
		return;
	}
	argv[0] = (char *)loader_path;
	argv[1] = NULL;
	envp[0] = "HOME=/";
	envp[1] = "PATH=/sbin:/bin:/usr/sbin:/usr/bin";
	envp[2] = NULL;
	pr_info("%s runs %s\n", trigger_path, loader_path);
	warden_policy_defer_activation(true, false);
	ret = call_usermodehelper(argv[0], argv, envp, UMH_WAIT_PROC);
	if (ret)
		pr_err("%s failed (%d): the policy is activated by the first write to profile or policy\n",
		       loader_path, ret);
	warden_policy_defer_activation(false, !ret);
}
