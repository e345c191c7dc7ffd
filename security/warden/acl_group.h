/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - ACL groups: entries of every kind a domain may hold (file,
 * network, misc env and task lines) that domains share with "use_group".
 *
 * An ACL group is numbered 0 to 255, as in TOMOYO, or named by a word, as
 * Warden also allows.  A domain that uses a group files the group's
 * entries in its own indexes, and the group keeps them there as its
 * entries change, so a check of the domain looks in the domain's indexes
 * alone, however many groups the domain uses or the namespace defines.
 * A group a domain uses before any "acl_group" line fills it is created
 * empty, and lives as long as the exception policy that owns it.
 */

#ifndef _SECURITY_WARDEN_ACL_GROUP_H
#define _SECURITY_WARDEN_ACL_GROUP_H

#include <linux/list.h>
#include <linux/rcupdate.h>
#include <linux/seq_file.h>

#include "acl.h"
#include "group.h"
#include "netacl.h"
#include "quiet.h"

/* The longest acl_group name, so that its lines print in full. */
#define WARDEN_ACL_GROUP_NAME_MAX 64

/* Numbered ACL groups a domain may use, as in TOMOYO. */
#define WARDEN_MAX_ACL_GROUPS 256

/**
 * struct warden_acl_group - ACL entries that domains use with use_group
 * @list: links the groups of &warden_acl_group_set.all.
 * @hash: links the group in &warden_acl_group_set.names.
 * @defined: links the groups of &warden_acl_group_set.defined, once
 *           listed.
 * @listed: the group is on &warden_acl_group_set.defined.
 * @used: a use_group line named the group, and a domain may hold a
 *        pointer to it: it stays when emptied.  A group no domain named
 *        goes with its last entry.
 * @acls: the file entries.
 * @netacls: the network, misc env and task entries.
 * @quiet: the quiet rules, %NULL until the group has one.
 * @name: the group's number or name.
 */
struct warden_acl_group {
	struct list_head list;
	struct hlist_node hash;
	struct list_head defined;
	bool listed;
	bool used;
	struct warden_acl_set acls;
	struct warden_netacl_set netacls;
	struct warden_quiet __rcu *quiet;
	char name[];
};

/**
 * struct warden_acl_group_use - an ACL group a domain uses
 * @list: links the uses of a domain, in the order written.
 * @rcu: defers freeing past readers.
 * @group: the group.
 * @acls: files the group's file entries in the domain's index.
 * @netacls: files the group's other entries in the domain's index.
 */
struct warden_acl_group_use {
	struct list_head list;
	struct rcu_head rcu;
	struct warden_acl_group *group;
	struct warden_mirror acls;
	struct warden_mirror netacls;
};

/**
 * struct warden_acl_user - what a domain that uses ACL groups holds
 * @uses: the &struct warden_acl_group_use of the groups it uses.
 * @acls: its file entries, whose index files the groups' too.
 * @netacls: its other entries, whose index files the groups' too.
 */
struct warden_acl_user {
	struct list_head *uses;
	struct warden_acl_set *acls;
	struct warden_netacl_set *netacls;
};

/**
 * struct warden_acl_group_mark - where a set stood before a line
 * @last: the last group of &warden_acl_group_set.all then.
 */
struct warden_acl_group_mark {
	struct list_head *last;
};

void warden_acl_group_set_init(struct warden_acl_group_set *set);
void warden_acl_group_set_clear(struct warden_acl_group_set *set);
struct warden_acl_group *
warden_acl_group_lookup(struct warden_acl_group_set *set, const char *name);
struct warden_acl_group *
warden_acl_group_ref(struct warden_acl_group_set *set, const char *name);
void warden_acl_group_mark(const struct warden_acl_group_set *set,
			   struct warden_acl_group_mark *mark);
void warden_acl_group_rollback(struct warden_acl_group_set *set,
			       const struct warden_acl_group_mark *mark);
int warden_acl_group_write(struct warden_exception_policy *exception,
			   char *args, bool is_delete, const char **reason);
void warden_acl_group_show(struct seq_file *m,
			   const struct warden_acl_group_set *set,
			   const char *prefix);

int warden_acl_group_use(const struct warden_acl_user *user,
			 struct warden_acl_group *group, bool is_delete,
			 const char **reason);
int warden_acl_group_uses_copy(const struct warden_acl_user *to,
			       const struct list_head *from);
void warden_acl_group_uses_clear(struct list_head *uses);
bool warden_acl_groups_need_exec_args(const struct list_head *uses);
bool warden_acl_groups_quiet(const struct list_head *uses,
			     const struct warden_request *req);
bool warden_acl_groups_quiet_net(const struct list_head *uses,
				 const struct warden_net_request *req,
				 const struct warden_exception_policy *exception);
int warden_acl_group_name_check(const char *name, const char **reason);

#endif /* _SECURITY_WARDEN_ACL_GROUP_H */
