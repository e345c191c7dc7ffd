// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - the policy in force.
 *
 * Until an administrator loads a policy, the initial one is in force: no
 * profiles, so every domain is in the disabled mode.
 */

#include <linux/mutex.h>
#include <linux/rcupdate.h>

#include "policy.h"
#include "profile.h"

/* Serialises every change to the policy; readers use RCU instead. */
DEFINE_MUTEX(warden_policy_lock);

static struct warden_policy warden_initial_policy = {
	.profiles.version = WARDEN_PROFILE_VERSION,
	.managers = LIST_HEAD_INIT(warden_initial_policy.managers),
};

/* The policy in force; replaced whole by a load of the policy file. */
struct warden_policy __rcu *warden_policy =
	RCU_INITIALIZER(&warden_initial_policy);
