// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - credential hooks.
 *
 * New credentials inherit the domain of the ones they are copied from; the
 * reference they hold is dropped when the cred is freed.  The first task
 * starts in the root domain, "<kernel>".
 */

#include "common.h"

#include <linux/cred.h>
#include <linux/init.h>
#include <linux/lsm_hooks.h>
#include <linux/pid.h>
#include <linux/pid_namespace.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>

#include "cred.h"
#include "domain.h"
#include "setup.h"

/**
 * warden_pid_domain - the domain of a process
 * @pid: the process.
 * @global: @pid is in the initial pid namespace, not the caller's.
 *
 * Return: the domain, with a reference, or %NULL if there is no such
 * process.
 */
struct warden_domain *warden_pid_domain(pid_t pid, bool global)
{
	struct warden_domain *domain = NULL;
	struct task_struct *task;

	rcu_read_lock();
	task = global ? find_task_by_pid_ns(pid, &init_pid_ns) :
			find_task_by_vpid(pid);
	if (task)
		domain = warden_domain_get(warden_cred(__task_cred(task))->domain);
	rcu_read_unlock();
	return domain;
}

static int warden_cred_prepare(struct cred *new, const struct cred *old,
			       gfp_t gfp)
{
	warden_cred(new)->domain = warden_domain_get(warden_cred(old)->domain);
	warden_cred(new)->exec_file = NULL;
	return 0;
}

static void warden_cred_transfer(struct cred *new, const struct cred *old)
{
	warden_cred(new)->domain = warden_domain_get(warden_cred(old)->domain);
	warden_cred(new)->exec_file = NULL;
}

static void warden_cred_free(struct cred *cred)
{
	struct warden_cred_security *blob = warden_cred(cred);

	warden_domain_put(blob->domain);
	blob->domain = NULL;
}

static struct security_hook_list warden_cred_hooks[] __ro_after_init = {
	LSM_HOOK_INIT(cred_prepare, warden_cred_prepare),
	LSM_HOOK_INIT(cred_transfer, warden_cred_transfer),
	LSM_HOOK_INIT(cred_free, warden_cred_free),
};

/**
 * warden_add_cred_hooks - register the credential hooks
 *
 * Also places the task that runs the LSM initialisation, and so every task
 * forked from it, in the root domain.
 */
void __init warden_add_cred_hooks(void)
{
	warden_cred(current_cred())->domain =
		warden_domain_get(&warden_kernel_domain);
	security_add_hooks(warden_cred_hooks, ARRAY_SIZE(warden_cred_hooks),
			   &warden_lsmid);
}
