// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - printing the policy text.
 *
 * The policy files print a policy record by record (a section, a
 * domain), each record under rcu_read_lock() from a policy the reader
 * pinned, so that a large policy prints a piece at a time without any
 * writer waiting for the reader or the reader for a writer.  What is
 * printed reads back, line by line or as a document, as the same policy.
 */

#include "common.h"

#include <linux/build_bug.h>
#include <linux/rculist.h>
#include <linux/seq_file.h>

#include "document.h"
#include "domain_policy.h"
#include "manager.h"
#include "namespace.h"
#include "policy.h"
#include "profile.h"

/* The section lines of the policy document, in the order they print. */
const char *const warden_policy_sections[] = {
	[WARDEN_SECTION_PROFILE] = "[profile]",
	[WARDEN_SECTION_MANAGER] = "[manager]",
	[WARDEN_SECTION_EXCEPTION] = "[exception_policy]",
	[WARDEN_SECTION_DOMAIN] = "[domain_policy]",
};

static_assert(ARRAY_SIZE(warden_policy_sections) == WARDEN_NR_SECTIONS);

/**
 * warden_policy_show_profiles - print the profile file
 * @m: the seq_file.
 * @policy: the policy; the caller is in an RCU read-side critical section
 *          or may write the policy.
 *
 * The root namespace's profiles, then each other namespace's, every line
 * after the namespace's name.
 */
void warden_policy_show_profiles(struct seq_file *m,
				 const struct warden_policy *policy)
{
	const struct warden_namespace *ns;
	char prefix[WARDEN_NAMESPACE_PREFIX_MAX];

	warden_profile_show(m, &policy->profiles, "");
	list_for_each_entry_rcu(ns, &policy->namespaces, list,
				warden_policy_write_held()) {
		snprintf(prefix, sizeof(prefix), "%s ", ns->name);
		warden_profile_show(m, &ns->profiles, prefix);
	}
}

/**
 * warden_policy_show_exceptions - print the exception_policy file
 * @m: the seq_file.
 * @policy: the policy; the caller is in an RCU read-side critical section
 *          or may write the policy.
 * @transition_only: print only transition controls and aggregators.
 */
void warden_policy_show_exceptions(struct seq_file *m,
				   const struct warden_policy *policy,
				   bool transition_only)
{
	const struct warden_namespace *ns;
	char prefix[WARDEN_NAMESPACE_PREFIX_MAX];

	warden_exception_show(m, &policy->exception, "", transition_only);
	list_for_each_entry_rcu(ns, &policy->namespaces, list,
				warden_policy_write_held()) {
		snprintf(prefix, sizeof(prefix), "%s ", ns->name);
		warden_exception_show(m, &ns->exception, prefix,
				      transition_only);
	}
}

/* Records before the domains, for each view. */
static const unsigned int warden_view_heads[] = {
	[WARDEN_VIEW_PROFILE] = 1,
	[WARDEN_VIEW_MANAGER] = 1,
	[WARDEN_VIEW_EXCEPTION] = 1,
	[WARDEN_VIEW_DOMAIN] = 0,
	[WARDEN_VIEW_DOCUMENT] = WARDEN_NR_SECTIONS,
};

static_assert(ARRAY_SIZE(warden_view_heads) == WARDEN_VIEW_DOCUMENT + 1);

static bool warden_view_has_domains(enum warden_policy_view view)
{
	return view == WARDEN_VIEW_DOMAIN || view == WARDEN_VIEW_DOCUMENT;
}

/* The first domain the cursor prints, or NULL; under RCU. */
static struct warden_domain_policy *
warden_policy_cursor_first(const struct warden_policy_cursor *cursor)
{
	if (cursor->only)
		return warden_domain_policy_find(cursor->policy, cursor->only);
	return list_first_or_null_rcu(&cursor->policy->domains,
				      struct warden_domain_policy, list);
}

/**
 * warden_policy_cursor_seek - put a cursor on a record
 * @cursor: the cursor, its @policy, @view, @only and @transition_only set;
 *          the caller is in an RCU read-side critical section.
 * @index: the record.
 *
 * Return: false past the last record.
 */
bool warden_policy_cursor_seek(struct warden_policy_cursor *cursor,
			       loff_t index)
{
	const unsigned int heads = warden_view_heads[cursor->view];
	struct warden_domain_policy *domain;

	cursor->index = index;
	cursor->domain = NULL;
	if (index < heads)
		return true;
	if (!warden_view_has_domains(cursor->view))
		return false;
	domain = warden_policy_cursor_first(cursor);
	for (index -= heads; domain && index; index--) {
		if (cursor->only)
			return false;
		domain = list_next_or_null_rcu(&cursor->policy->domains,
					       &domain->list,
					       struct warden_domain_policy,
					       list);
	}
	cursor->domain = domain;
	return domain;
}

/**
 * warden_policy_cursor_next - move a cursor to the next record
 * @cursor: a cursor warden_policy_cursor_seek() placed, in the same RCU
 *          read-side critical section.
 *
 * Return: false past the last record.
 */
bool warden_policy_cursor_next(struct warden_policy_cursor *cursor)
{
	const unsigned int heads = warden_view_heads[cursor->view];

	cursor->index++;
	if (cursor->index < heads)
		return true;
	if (!warden_view_has_domains(cursor->view))
		return false;
	if (cursor->index == heads)
		cursor->domain = warden_policy_cursor_first(cursor);
	else if (cursor->only || !cursor->domain)
		cursor->domain = NULL;
	else
		cursor->domain = list_next_or_null_rcu(&cursor->policy->domains,
						       &cursor->domain->list,
						       struct warden_domain_policy,
						       list);
	return cursor->domain;
}

/**
 * warden_policy_cursor_show - print the record under a cursor
 * @m: the seq_file.
 * @cursor: a cursor on a record, in the RCU read-side critical section
 *          that placed it.
 *
 * The records together print what the policy file reads as a document,
 * or what the profile, manager, exception_policy and domain_policy files
 * read line by line.
 */
void warden_policy_cursor_show(struct seq_file *m,
			       const struct warden_policy_cursor *cursor)
{
	const struct warden_policy *policy = cursor->policy;
	enum warden_policy_section section = cursor->index;

	if (cursor->domain) {
		warden_domain_policy_show_domain(m, cursor->domain,
						 cursor->transition_only);
		return;
	}
	switch (cursor->view) {
	case WARDEN_VIEW_PROFILE:
		section = WARDEN_SECTION_PROFILE;
		break;
	case WARDEN_VIEW_MANAGER:
		section = WARDEN_SECTION_MANAGER;
		break;
	case WARDEN_VIEW_EXCEPTION:
		section = WARDEN_SECTION_EXCEPTION;
		break;
	case WARDEN_VIEW_DOMAIN:
		return;
	case WARDEN_VIEW_DOCUMENT:
		seq_printf(m, "%s\n", warden_policy_sections[section]);
		break;
	}
	switch (section) {
	case WARDEN_SECTION_PROFILE:
		warden_policy_show_profiles(m, policy);
		break;
	case WARDEN_SECTION_MANAGER:
		warden_manager_show(m, policy);
		break;
	case WARDEN_SECTION_EXCEPTION:
		warden_policy_show_exceptions(m, policy,
					      cursor->transition_only);
		break;
	default:
		break;
	}
}
