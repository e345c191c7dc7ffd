/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - quiet rules: "quiet <line>" in a domain or an ACL group.
 *
 * A quiet rule names requests whose denial is known and wanted: when no
 * entry grants such a request, it is decided as the mode says but not
 * logged, queried or learned, only counted.  Quiet entries are kept
 * apart from the entries that grant, in a set of their own that a domain
 * or group allocates with its first quiet line, so that they can never
 * grant anything and cost nothing to those that have none.
 */

#ifndef _SECURITY_WARDEN_QUIET_H
#define _SECURITY_WARDEN_QUIET_H

#include <linux/rcupdate.h>
#include <linux/seq_file.h>
#include <linux/types.h>

#include "acl.h"
#include "netacl.h"

struct warden_exception_policy;

/**
 * struct warden_quiet - the quiet entries of a domain or an ACL group
 * @acls: the quiet "file" entries.
 * @netacls: the quiet network, misc and task entries.
 *
 * Allocated by the first quiet line and published by one pointer store;
 * freed, a grace period after its pointer is cleared, when its last entry
 * is deleted, or with its owner.  Entries change as in any set: under
 * warden_policy_lock, read under RCU.
 */
struct warden_quiet {
	struct warden_acl_set acls;
	struct warden_netacl_set netacls;
};

int warden_quiet_write(struct warden_quiet __rcu **slot,
		       struct warden_exception_policy *exception, char *line,
		       bool is_delete, const char **reason);
void warden_quiet_free(struct warden_quiet *quiet);
unsigned int warden_quiet_count(const struct warden_quiet *quiet);
void warden_quiet_show(struct seq_file *m, const struct warden_quiet *quiet,
		       const char *prefix);
bool warden_quiet_covers(struct warden_quiet *quiet,
			 const struct warden_request *req);
bool warden_quiet_covers_net(const struct warden_quiet *quiet,
			     const struct warden_net_request *req,
			     const struct warden_exception_policy *exception);
bool warden_quiet_needs_exec_args(const struct warden_quiet *quiet);

#endif /* _SECURITY_WARDEN_QUIET_H */
