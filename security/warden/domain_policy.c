// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - the domain policy: domains by name, their settings and
 * their ACL, and the domain_policy file's lines.
 *
 * As in TOMOYO, writing a domainname creates the domain if needed and
 * selects it; the lines that follow apply to it.  The root domain
 * "<kernel>" always exists.
 */

#include "common.h"

#include <linux/ctype.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/hashtable.h>
#include <linux/kstrtox.h>
#include <linux/lockdep.h>
#include <linux/overflow.h>
#include <linux/rculist.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/stringhash.h>

#include "acl.h"
#include "domain_policy.h"
#include "exception.h"
#include "namespace.h"
#include "netacl.h"
#include "pattern.h"
#include "policy_types.h"
#include "quiet.h"
#include "stat.h"
#include "value.h"

static size_t warden_domain_policy_size(const char *name)
{
	return struct_size_t(struct warden_domain_policy, name,
			     strlen(name) + 1);
}

/**
 * warden_domain_policy_find - look a domain up by name
 * @policy: the policy; the caller holds warden_policy_lock or is in an
 *          RCU read-side critical section.
 * @name: the domainname.
 *
 * Return: the domain, or %NULL.
 */
struct warden_domain_policy *
warden_domain_policy_find(const struct warden_policy *policy,
			  const char *name)
{
	return warden_domain_policy_lookup(policy, name,
					   warden_domainname_hash(name));
}

/**
 * warden_domain_policy_lookup - look a domain up by name and hash
 * @policy: the policy; the caller holds warden_policy_lock or is in an
 *          RCU read-side critical section.
 * @name: the domainname.
 * @hash: warden_domainname_hash() of @name, which live domains keep.
 *
 * Return: the domain, or %NULL.
 */
struct warden_domain_policy *
warden_domain_policy_lookup(const struct warden_policy *policy,
			    const char *name, u32 hash)
{
	struct warden_domain_policy *domain;

	hash_for_each_possible_rcu(policy->domain_hash, domain, hash, hash,
				   warden_policy_write_held())
		if (!strcmp(domain->name, name))
			return domain;
	return NULL;
}

static struct warden_domain_policy *
warden_domain_policy_create(struct warden_policy *policy, const char *name)
{
	size_t size = warden_domain_policy_size(name);
	size_t ns_len = strcspn(name, " ");
	struct warden_domain_policy *domain;
	struct warden_namespace *ns;
	bool new_ns = false;
	int err = -ENOMEM;

	/*
	 * A domain of a new namespace brings the namespace into being, but
	 * only if the domain itself can be made.
	 */
	ns = warden_namespace_get(policy, name, ns_len);
	if (PTR_ERR(ns) == -ENOENT) {
		ns = warden_namespace_new(name, ns_len);
		new_ns = true;
	}
	if (IS_ERR(ns))
		return ERR_CAST(ns);

	if (!warden_memory_charge(WARDEN_MEMORY_POLICY, size)) {
		err = -ENOSPC;
		goto out_discard_ns;
	}
	domain = kzalloc(size, GFP_KERNEL_ACCOUNT);
	if (!domain)
		goto out_uncharge;
	if (warden_acl_set_init(&domain->acls))
		goto out_free;
	if (warden_netacl_set_init(&domain->netacls))
		goto out_destroy_acls;
	INIT_LIST_HEAD(&domain->uses);
	memcpy(domain->name, name, strlen(name) + 1);
	domain->ns = ns;
	if (new_ns)
		warden_namespace_publish(policy, ns);
	list_add_tail_rcu(&domain->list, &policy->domains);
	hash_add_rcu(policy->domain_hash, &domain->hash,
		     warden_domainname_hash(name));
	return domain;

out_destroy_acls:
	warden_acl_set_destroy(&domain->acls);
out_free:
	kfree(domain);
out_uncharge:
	warden_memory_uncharge(WARDEN_MEMORY_POLICY, size);
out_discard_ns:
	if (new_ns)
		warden_namespace_discard(ns);
	return ERR_PTR(err);
}

/* Free a domain that no reader can reach any more, with all it holds. */
static void warden_domain_policy_free(struct warden_domain_policy *domain)
{
	warden_acl_group_uses_clear(&domain->uses);
	warden_acl_set_destroy(&domain->acls);
	warden_netacl_set_destroy(&domain->netacls);
	warden_quiet_free(rcu_dereference_protected(domain->quiet, true));
	warden_memory_uncharge(WARDEN_MEMORY_POLICY,
			       warden_domain_policy_size(domain->name));
	kfree(domain);
}

static void warden_domain_policy_delete(struct warden_domain_policy *domain)
{
	list_del_rcu(&domain->list);
	hash_del_rcu(&domain->hash);
	/* Readers may still walk its ACL; the index cannot be freed in RCU. */
	synchronize_rcu();
	warden_domain_policy_free(domain);
}

/**
 * warden_domain_policy_clear - free every domain of an unreachable policy
 * @policy: the policy; no reader may still see it.
 */
void warden_domain_policy_clear(struct warden_policy *policy)
{
	struct warden_domain_policy *domain, *next;

	list_for_each_entry_safe(domain, next, &policy->domains, list) {
		list_del(&domain->list);
		hash_del(&domain->hash);
		warden_domain_policy_free(domain);
	}
}

/**
 * warden_domain_policy_init - give a new policy its root domain
 * @policy: the policy, with empty domain list and hash; the caller holds
 *          warden_policy_lock.
 *
 * Return: 0 or -ENOMEM.
 */
int warden_domain_policy_init(struct warden_policy *policy)
{
	lockdep_assert(warden_policy_write_held());
	if (IS_ERR(warden_domain_policy_create(policy, WARDEN_ROOT_DOMAINNAME)))
		return -ENOMEM;
	return 0;
}

/* What ACL group uses of @domain change. */
static struct warden_acl_user
warden_domain_acl_user(struct warden_domain_policy *domain)
{
	return (struct warden_acl_user){
		.uses = &domain->uses,
		.acls = &domain->acls,
		.netacls = &domain->netacls,
	};
}

/**
 * warden_domain_policy_assign - the policy of a domain an exec enters
 * @policy: the policy; the caller may write it (warden_policy_write_held()).
 * @name: the domainname.
 * @from: the policy of the domain the exec happens in, or %NULL.
 *
 * A domain the policy lacks is created with the profile and ACL groups
 * of @from, as TOMOYO does, so that a service learning in profile 1
 * learns its children too.
 *
 * Return: the domain; ERR_PTR(-EINVAL) for an invalid domainname,
 * ERR_PTR(-ENOSPC) when the policy quota has no room for it, or
 * ERR_PTR(-ENOMEM).  A domain that cannot get all it inherits is not
 * kept: it would decide differently from its siblings.
 */
struct warden_domain_policy *
warden_domain_policy_assign(struct warden_policy *policy, const char *name,
			    const struct warden_domain_policy *from)
{
	struct warden_acl_user user;
	struct warden_domain_policy *domain;

	lockdep_assert(warden_policy_write_held());
	domain = warden_domain_policy_find(policy, name);
	if (domain)
		return domain;
	if (warden_domainname_check(name))
		return ERR_PTR(-EINVAL);
	domain = warden_domain_policy_create(policy, name);
	if (IS_ERR(domain) || !from)
		return domain;
	domain->profile = from->profile;
	bitmap_copy(domain->groups, from->groups, WARDEN_MAX_ACL_GROUPS);
	user = warden_domain_acl_user(domain);
	if (warden_acl_group_uses_copy(&user, &from->uses)) {
		warden_domain_policy_delete(domain);
		return ERR_PTR(-ENOMEM);
	}
	return domain;
}

/**
 * warden_domain_policy_entries - how many ACL entries a domain holds
 * @dp: the domain; the caller holds warden_policy_lock.
 *
 * Return: its file, network, misc and task entries.
 */
unsigned int warden_domain_policy_entries(struct warden_domain_policy *dp)
{
	return dp->acls.count + dp->netacls.count;
}

/**
 * warden_domain_policy_learn - add a line learning mode made
 * @dp: the domain; the caller holds warden_policy_lock.
 * @line: a "file", "network" or "misc" line; parsed in place.
 *
 * Return: 0, or the error of the line, which should not be refused.
 */
int warden_domain_policy_learn(struct warden_domain_policy *dp, char *line)
{
	const char *reason;

	lockdep_assert(warden_policy_write_held());
	/* A learned line names no group and has no conditions. */
	if (str_has_prefix(line, "file "))
		return warden_acl_write(&dp->acls, NULL, line + strlen("file "),
					false, &reason);
	return warden_netacl_write(&dp->netacls, NULL, line, false, &reason);
}

/* Parse a profile or group number, 0 to 255. */
static int warden_parse_u8(const char *text, u8 *value)
{
	if (!isdigit(*text))
		return -EINVAL;
	return kstrtou8(text, 10, value);
}

/*
 * Apply a domainname line: select the domain, creating it, or delete it.
 * @selected holds the name of the selected domain for the writer.
 */
static int warden_domain_policy_select(struct warden_policy *policy,
				       char **selected, const char *name,
				       bool is_delete, const char **reason)
{
	struct warden_domain_policy *domain;
	char *copy;
	int err;

	err = warden_domainname_check(name);
	if (err) {
		if (err == -EINVAL)
			*reason = "invalid domainname";
		return err;
	}
	domain = warden_domain_policy_find(policy, name);
	if (is_delete) {
		if (!domain) {
			*reason = "no such domain to delete";
			return -ENOENT;
		}
		if (!strcmp(name, WARDEN_ROOT_DOMAINNAME)) {
			*reason = "the root domain cannot be deleted";
			return -EINVAL;
		}
		warden_domain_policy_delete(domain);
		return 0;
	}
	copy = kstrdup(name, GFP_KERNEL_ACCOUNT);
	if (!copy)
		return -ENOMEM;
	if (!domain && IS_ERR(warden_domain_policy_create(policy, name))) {
		kfree(copy);
		return -ENOMEM;
	}
	kfree(*selected);
	*selected = copy;
	return 0;
}

/*
 * "use_group <number or name>": the domain uses the ACL group, created
 * empty when no acl_group line has filled it yet.
 */
static int
warden_domain_policy_use_group(struct warden_domain_policy *domain,
			       struct warden_exception_policy *exception,
			       const char *name, bool is_delete,
			       const char **reason)
{
	const struct warden_acl_user user = warden_domain_acl_user(domain);
	struct warden_acl_group_set *set = &exception->acl_groups;
	struct warden_acl_group_mark mark;
	struct warden_acl_group *group;
	char number_name[4];
	u8 number = 0;
	int err;

	if (!isdigit(*name)) {
		/* A named group, Warden's addition to TOMOYO's. */
		err = warden_acl_group_name_check(name, reason);
		if (err)
			return err;
	} else {
		if (warden_parse_u8(name, &number)) {
			*reason = "use_group takes a number from 0 to 255";
			return -EINVAL;
		}
		snprintf(number_name, sizeof(number_name), "%u", number);
		name = number_name;
	}
	if (is_delete) {
		group = warden_acl_group_lookup(set, name);
		if (isdigit(*name)) {
			/* Numbered groups were always a bit to clear. */
			clear_bit(number, domain->groups);
			if (group)
				warden_acl_group_use(&user, group, true,
						     reason);
			return 0;
		}
		if (!group) {
			*reason = "no such entry to delete";
			return -ENOENT;
		}
		return warden_acl_group_use(&user, group, true, reason);
	}
	warden_acl_group_mark(set, &mark);
	group = warden_acl_group_ref(set, name);
	err = group ? warden_acl_group_use(&user, group, false, reason) :
		      -ENOMEM;
	if (err) {
		warden_acl_group_rollback(set, &mark);
		return err;
	}
	if (isdigit(*name))
		set_bit(number, domain->groups);
	return 0;
}

/**
 * warden_domain_policy_write - apply one line written to domain_policy
 * @policy: the policy; the caller may write it (warden_policy_write_held()).
 * @selected: the name of the domain the writer selected, or %NULL;
 *            updated by domainname lines and owned by the writer.
 * @line: the line; parsed in place.
 * @live: @policy is the loaded policy in force: "use_profile" must name a
 *        defined profile.  A document is checked whole, at its end.
 * @reason: receives why the line was refused.
 *
 * Return: 0; -EINVAL for a malformed line or a line without a selected
 * domain; -ENOENT when deleting what is not there; -ENOMEM when memory or
 * the policy quota runs out.
 */
int warden_domain_policy_write(struct warden_policy *policy, char **selected,
			       char *line, bool live, const char **reason)
{
	struct warden_exception_policy *exception;
	struct warden_domain_policy *domain;
	bool is_delete = false;
	u8 number;

	lockdep_assert(warden_policy_write_held());
	*reason = NULL;
	if (str_has_prefix(line, "delete ")) {
		is_delete = true;
		line += strlen("delete ");
	}
	if (line[0] == '<')
		return warden_domain_policy_select(policy, selected, line,
						   is_delete, reason);

	domain = *selected ? warden_domain_policy_find(policy, *selected) :
			     NULL;
	if (!domain) {
		*reason = "no domain selected: write its domainname first";
		return -EINVAL;
	}
	exception = domain->ns ? &domain->ns->exception : &policy->exception;
	if (str_has_prefix(line, "file "))
		return warden_acl_write(&domain->acls, exception,
					line + strlen("file "), is_delete,
					reason);
	if (!strcmp(line, "quiet") || str_has_prefix(line, "quiet ")) {
		if (!line[strlen("quiet")]) {
			*reason = "a quiet rule needs the line it quiets";
			return -EINVAL;
		}
		return warden_quiet_write(&domain->quiet, exception,
					  line + strlen("quiet "), is_delete,
					  reason);
	}
	if (str_has_prefix(line, "use_profile ") && !is_delete) {
		if (warden_parse_u8(line + strlen("use_profile "), &number)) {
			*reason = "use_profile takes a number from 0 to 255";
			return -EINVAL;
		}
		/*
		 * Once the policy is loaded, a live domain may only move to
		 * a defined profile; a policy document is checked whole.
		 */
		if (number && live &&
		    !rcu_access_pointer(warden_ns_profiles(policy, domain->ns)->profile[number])) {
			*reason = "that profile is not defined";
			return -EINVAL;
		}
		WRITE_ONCE(domain->profile, number);
		return 0;
	}
	if (str_has_prefix(line, "use_group "))
		return warden_domain_policy_use_group(domain, exception,
						      line + strlen("use_group "),
						      is_delete, reason);
	if (!strcmp(line, "quota_exceeded")) {
		WRITE_ONCE(domain->quota_exceeded, !is_delete);
		return 0;
	}
	if (!strcmp(line, "transition_failed")) {
		WRITE_ONCE(domain->transition_failed, !is_delete);
		return 0;
	}
	if (str_has_prefix(line, "network ") || str_has_prefix(line, "misc ") ||
	    str_has_prefix(line, "task "))
		return warden_netacl_write(&domain->netacls, exception, line,
					   is_delete, reason);
	*reason = "unknown keyword";
	return -EINVAL;
}

/**
 * warden_domain_policy_show_domain - print one domain of domain_policy
 * @m: the seq_file.
 * @domain: the domain; the caller is in an RCU read-side critical
 *          section, or may write the policy.
 * @transition_only: print only what decides domain transitions: the
 *                   domain's settings, execute and task entries.
 */
void warden_domain_policy_show_domain(struct seq_file *m,
				      const struct warden_domain_policy *domain,
				      bool transition_only)
{
	DECLARE_BITMAP(groups, WARDEN_MAX_ACL_GROUPS);
	const struct warden_acl_group_use *use;
	unsigned int group;

	/* A writer may set or clear a bit meanwhile: read each word once. */
	for (group = 0; group < BITS_TO_LONGS(WARDEN_MAX_ACL_GROUPS); group++)
		groups[group] = READ_ONCE(domain->groups[group]);
	seq_printf(m, "%s\nuse_profile %u\n", domain->name,
		   READ_ONCE(domain->profile));
	if (READ_ONCE(domain->quota_exceeded))
		seq_puts(m, "quota_exceeded\n");
	if (READ_ONCE(domain->transition_failed))
		seq_puts(m, "transition_failed\n");
	for_each_set_bit(group, groups, WARDEN_MAX_ACL_GROUPS)
		seq_printf(m, "use_group %u\n", group);
	list_for_each_entry_rcu(use, &domain->uses, list,
				warden_policy_write_held())
		if (!isdigit(use->group->name[0]))
			seq_printf(m, "use_group %s\n", use->group->name);
	seq_putc(m, '\n');
	warden_acl_show_prefixed(m, &domain->acls, "", transition_only);
	warden_netacl_show(m, &domain->netacls, "", transition_only);
	/* Quiet rules grant nothing, so they decide no transition. */
	if (!transition_only)
		warden_quiet_show(m, rcu_dereference_check(domain->quiet,
							   warden_policy_write_held()),
				  "");
	seq_putc(m, '\n');
}

/**
 * warden_domain_policy_count - count a request no entry of a domain granted
 * @dp: the domain; the caller is in an RCU read-side critical section.
 * @mode: the &enum warden_mode the request was decided in.
 * @quiet: a quiet rule covered the request.
 *
 * Lock-free, and allocates nothing: decisions call it.
 */
void warden_domain_policy_count(struct warden_domain_policy *dp,
				enum warden_mode mode, bool quiet)
{
	if (quiet)
		atomic_long_inc(&dp->quieted);
	else if (!WARN_ON_ONCE(mode >= WARDEN_NR_MODES))
		atomic_long_inc(&dp->violations[mode]);
}

/**
 * warden_domain_policy_show_stat - print the domain_stat file
 * @m: the seq_file.
 * @policy: the policy; the caller is in an RCU read-side critical section.
 *
 * One line per domain with a nonzero count, in the order of the domain
 * policy: "quieted=N enforcing=N permissive=N learning=N <domainname>".
 * The domainname goes last, since it holds spaces.
 */
void warden_domain_policy_show_stat(struct seq_file *m,
				    const struct warden_policy *policy)
{
	const struct warden_domain_policy *dp;

	list_for_each_entry_rcu(dp, &policy->domains, list) {
		long quieted = atomic_long_read(&dp->quieted);
		long enforcing = atomic_long_read(&dp->violations[WARDEN_MODE_ENFORCING]);
		long permissive = atomic_long_read(&dp->violations[WARDEN_MODE_PERMISSIVE]);
		long learning = atomic_long_read(&dp->violations[WARDEN_MODE_LEARNING]);

		if (!quieted && !enforcing && !permissive && !learning)
			continue;
		seq_printf(m, "quieted=%ld enforcing=%ld permissive=%ld learning=%ld %s\n",
			   quieted, enforcing, permissive, learning, dp->name);
	}
}
