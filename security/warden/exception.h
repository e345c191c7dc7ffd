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

#include "acl_group.h"
#include "group.h"
#include "transition.h"

struct warden_policy;

/**
 * struct warden_exception_policy - the exception policy of a namespace
 * @transitions: transition controls and aggregators, as
 *               &struct warden_transition_entry, in the order added.
 * @groups: path, number and address groups.
 * @acl_groups: ACL groups.
 *
 * Groups and ACL groups live as long as the exception policy: rules and
 * domains of its namespace hold pointers to them.
 */
struct warden_exception_policy {
	struct list_head transitions;
	struct warden_group_set groups;
	struct warden_acl_group_set acl_groups;
};

/**
 * struct warden_text_line - a policy line kept as its canonical text
 * @list: links the entries of a list of canonical lines.
 * @kind: which keyword the line has, where the list mixes several.
 * @text: the canonical text.
 */
struct warden_text_line {
	struct list_head list;
	u8 kind;
	char text[];
};

int warden_text_list_update(struct list_head *list, u8 kind,
			    const char *text, bool is_delete,
			    const char **reason);
void warden_text_list_clear(struct list_head *list);
void warden_exception_init(struct warden_exception_policy *exception);
void warden_exception_clear(struct warden_exception_policy *exception);
int warden_exception_write(struct warden_exception_policy *exception,
			   char *line, const char **reason);
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
