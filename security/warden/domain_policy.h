/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - the domain policy: every domain's profile, flags and ACL.
 *
 * Domains are kept by name in the policy; the domain_policy file lists
 * them in TOMOYO's format, a domainname line followed by its settings and
 * its ACL lines.
 */

#ifndef _SECURITY_WARDEN_DOMAIN_POLICY_H
#define _SECURITY_WARDEN_DOMAIN_POLICY_H

#include <linux/bitmap.h>
#include <linux/list.h>
#include <linux/rcupdate.h>
#include <linux/seq_file.h>

#include <linux/atomic.h>

#include "acl.h"
#include "acl_group.h"
#include "netacl.h"
#include "profile.h"
#include "quiet.h"

struct warden_namespace;
struct warden_policy;

/**
 * struct warden_domain_policy - what the policy says about one domain
 * @list: the policy's domains, in the order they were created.
 * @hash: the domain in the policy's hash by name.
 * @profile: the profile number the domain uses.
 * @quota_exceeded: learning stopped at max_learning_entry.
 * @transition_failed: a transition out of the domain could not be made.
 * @groups: the numbered ACL groups the domain uses, for printing.
 * @uses: the ACL groups it uses, numbered and named, as
 *        &struct warden_acl_group_use in the order written: what a check
 *        walks.
 * @acls: the domain's file entries.
 * @netacls: the domain's network, misc and task entries.
 * @quiet: the domain's quiet rules, %NULL until it has one.
 * @violations: requests no entry granted, by the &enum warden_mode they
 *              were decided in, quiet ones aside; what domain_stat
 *              prints.  Lock-free; they start at zero with the domain's
 *              policy object, so a whole-policy load resets them.
 * @quieted: requests no entry granted that a quiet rule covered.
 * @ns: the namespace the domain is in; %NULL for "<kernel>".
 * @name: the domainname.
 */
struct warden_domain_policy {
	struct list_head list;
	struct hlist_node hash;
	u8 profile;
	bool quota_exceeded;
	bool transition_failed;
	DECLARE_BITMAP(groups, WARDEN_MAX_ACL_GROUPS);
	struct list_head uses;
	struct warden_acl_set acls;
	struct warden_netacl_set netacls;
	struct warden_quiet __rcu *quiet;
	atomic_long_t violations[WARDEN_NR_MODES];
	atomic_long_t quieted;
	struct warden_namespace *ns;
	char name[];
};

int warden_domain_policy_init(struct warden_policy *policy);
void warden_domain_policy_clear(struct warden_policy *policy);
struct warden_domain_policy *
warden_domain_policy_find(const struct warden_policy *policy,
			  const char *name);
struct warden_domain_policy *
warden_domain_policy_lookup(const struct warden_policy *policy,
			    const char *name, u32 hash);
struct warden_domain_policy *
warden_domain_policy_assign(struct warden_policy *policy, const char *name,
			    const struct warden_domain_policy *from);
unsigned int warden_domain_policy_entries(struct warden_domain_policy *dp);
int warden_domain_policy_learn(struct warden_domain_policy *dp, char *line);
int warden_domain_policy_write(struct warden_policy *policy, char **selected,
			       char *line, bool live, const char **reason);
void warden_domain_policy_count(struct warden_domain_policy *dp,
				enum warden_mode mode, bool quiet);
void warden_domain_policy_show_stat(struct seq_file *m,
				    const struct warden_policy *policy);
void warden_domain_policy_show_domain(struct seq_file *m,
				      const struct warden_domain_policy *domain,
				      bool transition_only);

#endif /* _SECURITY_WARDEN_DOMAIN_POLICY_H */
