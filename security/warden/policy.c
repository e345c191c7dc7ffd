// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - the policy in force.
 *
 * Until an administrator loads a policy, the initial one is in force: no
 * profiles, so every domain is in the disabled mode.
 */

#include <linux/init.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>

#include "domain_policy.h"
#include "policy.h"
#include "profile.h"

/* Serialises every change to the policy; readers use RCU instead. */
DEFINE_MUTEX(warden_policy_lock);

static struct warden_policy warden_initial_policy = {
	.profiles.version = WARDEN_PROFILE_VERSION,
	.managers = LIST_HEAD_INIT(warden_initial_policy.managers),
	.domains = LIST_HEAD_INIT(warden_initial_policy.domains),
};

/* The policy in force; replaced whole by a load of the policy file. */
struct warden_policy __rcu *warden_policy =
	RCU_INITIALIZER(&warden_initial_policy);

/**
 * warden_policy_init - complete the initial policy
 *
 * Return: 0, or -ENOMEM if the root domain could not be allocated.
 */
int __init warden_policy_init(void)
{
	return warden_domain_policy_init(&warden_initial_policy);
}
