/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - the managers: who may change the policy.
 *
 * A manager is a program pathname or a domainname; the list is kept in
 * the policy and printed in TOMOYO's manager file format.
 */

#ifndef _SECURITY_WARDEN_MANAGER_H
#define _SECURITY_WARDEN_MANAGER_H

#include <linux/list.h>
#include <linux/rcupdate.h>
#include <linux/seq_file.h>

struct warden_policy;

/**
 * struct warden_manager - one entry of the manager list
 * @list: links the entries of &warden_policy.managers.
 * @rcu: defers freeing past readers of the list.
 * @name: a program pathname or a domainname.
 */
struct warden_manager {
	struct list_head list;
	struct rcu_head rcu;
	char name[];
};

int warden_manager_write(struct warden_policy *policy, char *line,
			 const char **reason);
void warden_manager_show(struct seq_file *m,
			 const struct warden_policy *policy);
void warden_manager_clear(struct warden_policy *policy);
bool warden_manager_allows(const struct warden_policy *policy);

#endif /* _SECURITY_WARDEN_MANAGER_H */
