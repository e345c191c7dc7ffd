/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - the network, misc and task entries of a domain.
 *
 * "network inet", "network unix", "misc env" and "task
 * manual_domain_transition" lines, kept in canonical form with their
 * operations merged as TOMOYO merges them.
 */

#ifndef _SECURITY_WARDEN_NETACL_H
#define _SECURITY_WARDEN_NETACL_H

#include <linux/list.h>
#include <linux/rcupdate.h>
#include <linux/seq_file.h>
#include <linux/types.h>

/**
 * struct warden_netacl - one network, misc or task entry
 * @list: the domain's entries, in the order added.
 * @rcu: defers freeing past readers.
 * @family: the index of the line's keyword and protocol.
 * @perm: the operations allowed, one bit each.
 * @args: the canonical arguments after the operations.
 */
struct warden_netacl {
	struct list_head list;
	struct rcu_head rcu;
	u8 family;
	u16 perm;
	char args[];
};

int warden_netacl_write(struct list_head *entries, char *line, bool is_delete,
			const char **reason);
void warden_netacl_show(struct seq_file *m, const struct list_head *entries,
			bool task_only);
void warden_netacl_clear(struct list_head *entries);
bool warden_netacl_task_allowed(const struct list_head *entries,
				const char *domainname);
int warden_address_canonical(const char *text, char *out, size_t size);

#endif /* _SECURITY_WARDEN_NETACL_H */
