/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - the exception policy: transition controls, aggregators,
 * groups of pathnames, numbers and addresses, and ACL groups.
 *
 * These are the lines of TOMOYO 2.6's exception_policy file; Warden also
 * accepts ACL groups named by a word, not only numbered 0 to 255.
 */

#ifndef _SECURITY_WARDEN_EXCEPTION_H
#define _SECURITY_WARDEN_EXCEPTION_H

#include <linux/list.h>
#include <linux/seq_file.h>

#include "acl.h"
#include "transition.h"

/* The longest acl_group name, so that its lines print in full. */
#define WARDEN_ACL_GROUP_NAME_MAX 64

struct warden_policy;

/**
 * struct warden_exception_policy - the exception policy of a namespace
 * @transitions: transition controls and aggregators, as
 *               &struct warden_transition_entry, in the order added.
 * @groups: path, number and address groups, as &struct warden_group.
 * @acl_groups: ACL groups, as &struct warden_acl_group.
 */
struct warden_exception_policy {
	struct list_head transitions;
	struct list_head groups;
	struct list_head acl_groups;
};

/**
 * struct warden_text_line - a policy line kept as its canonical text
 * @list: links the entries of a list: group members, a domain's named
 *        ACL groups.
 * @kind: which keyword the line has, where the list mixes several.
 * @text: the canonical text.
 */
struct warden_text_line {
	struct list_head list;
	u8 kind;
	char text[];
};

/**
 * struct warden_group - a named group of pathnames, numbers or addresses
 * @list: links the groups of &warden_exception_policy.groups.
 * @members: the members, as &struct warden_text_line, in the order
 *           added; @kind is unused there.
 * @type: 0 path_group, 1 number_group, 2 address_group.
 * @name: the group's name.
 */
struct warden_group {
	struct list_head list;
	struct list_head members;
	u8 type;
	char name[];
};

/**
 * struct warden_acl_group - ACL entries that domains use with use_group
 * @list: links the groups of &warden_exception_policy.acl_groups.
 * @acls: the entries.
 * @name: the group's number or name.
 */
struct warden_acl_group {
	struct list_head list;
	struct warden_acl_set acls;
	char name[];
};

int warden_text_list_update(struct list_head *list, u8 kind,
			    const char *text, bool is_delete,
			    const char **reason);
void warden_text_list_clear(struct list_head *list);
void warden_exception_init(struct warden_exception_policy *exception);
void warden_exception_clear(struct warden_exception_policy *exception);
int warden_exception_write(struct warden_exception_policy *exception,
			   char *line, const char **reason);
bool
warden_exception_path_group_matches(const struct warden_exception_policy *exception,
				    const char *name, const char *path);
bool
warden_exception_address_group_matches(const struct warden_exception_policy *exception,
				       const char *name, bool ipv6,
				       const u8 *address);
bool
warden_exception_number_group_matches(const struct warden_exception_policy *exception,
				      const char *name, unsigned long value);
void warden_exception_show(struct seq_file *m,
			   const struct warden_exception_policy *exception,
			   const char *prefix, bool transition_only);

#ifdef CONFIG_SECURITY_WARDEN_KUNIT_TEST
struct kunit;
void warden_test_exception_load(struct kunit *test,
				struct warden_exception_policy *e,
				const char *const *lines, size_t n);
const char *warden_test_exception_corpus(size_t i);
#endif

#endif /* _SECURITY_WARDEN_EXCEPTION_H */
