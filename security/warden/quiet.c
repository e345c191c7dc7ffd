// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - quiet rules: the "quiet <line>" lines of a domain or an
 * ACL group, kept in a set of their own, and the lookup a denial makes in
 * them.
 */

#include "common.h"

#include <linux/errno.h>
#include <linux/rcupdate.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "acl.h"
#include "netacl.h"
#include "quiet.h"
#include "stat.h"
#include "value.h"

/* A set nothing has reached yet, or none can reach any more. */
static void warden_quiet_destroy(struct warden_quiet *quiet)
{
	warden_acl_set_destroy(&quiet->acls);
	warden_netacl_set_destroy(&quiet->netacls);
	warden_memory_uncharge(WARDEN_MEMORY_POLICY, sizeof(*quiet));
	kfree(quiet);
}

static struct warden_quiet *warden_quiet_new(void)
{
	struct warden_quiet *quiet;

	if (!warden_memory_charge(WARDEN_MEMORY_POLICY, sizeof(*quiet)))
		return NULL;
	quiet = kzalloc(sizeof(*quiet), GFP_KERNEL_ACCOUNT);
	if (!quiet)
		goto out_uncharge;
	if (warden_acl_set_init(&quiet->acls))
		goto out_free;
	if (warden_netacl_set_init(&quiet->netacls)) {
		warden_acl_set_destroy(&quiet->acls);
		goto out_free;
	}
	return quiet;

out_free:
	kfree(quiet);
out_uncharge:
	warden_memory_uncharge(WARDEN_MEMORY_POLICY, sizeof(*quiet));
	return NULL;
}

/**
 * warden_quiet_count - how many quiet entries a set holds
 * @quiet: the set, or %NULL.
 *
 * Return: its file, network, misc and task entries.
 */
unsigned int warden_quiet_count(const struct warden_quiet *quiet)
{
	return quiet ? quiet->acls.count + quiet->netacls.count : 0;
}

/* Add or delete the line a quiet rule quiets, in @quiet. */
static int warden_quiet_line(struct warden_quiet *quiet,
			     struct warden_exception_policy *exception,
			     char *line, bool is_delete, const char **reason)
{
	if (str_has_prefix(line, "file "))
		return warden_acl_write(&quiet->acls, exception,
					line + strlen("file "), is_delete,
					reason);
	if (str_has_prefix(line, "network ") || str_has_prefix(line, "misc ") ||
	    str_has_prefix(line, "task "))
		return warden_netacl_write(&quiet->netacls, exception, line,
					   is_delete, reason);
	*reason = "a quiet rule is \"quiet\" and a file, network, misc or task line";
	return -EINVAL;
}

/**
 * warden_quiet_write - apply a "quiet <line>" line to a domain or group
 * @slot: the owner's quiet set, %NULL until its first quiet line; the
 *        caller may write the policy (warden_policy_write_held()).
 * @exception: the exception policy the line's groups are in.
 * @line: the words after "quiet ": a file, network, misc or task line as
 *        a domain may hold it; parsed in place.
 * @is_delete: remove the entry instead of adding it.
 * @reason: receives why the line was refused.
 *
 * The first quiet line of an owner makes its set, published only once
 * the line is in it; a set whose last entry is deleted goes, a grace
 * period later, so that adding a quiet rule and deleting it leaves the
 * policy and its memory count as they were.
 *
 * Return: 0; -EINVAL for a malformed line; -ENOENT when deleting what is
 * not there; -ENOMEM when memory or the policy quota runs out.
 */
int warden_quiet_write(struct warden_quiet __rcu **slot,
		       struct warden_exception_policy *exception, char *line,
		       bool is_delete, const char **reason)
{
	struct warden_quiet *quiet;
	int err;

	lockdep_assert(warden_policy_write_held());
	*reason = NULL;
	quiet = rcu_dereference_protected(*slot, warden_policy_write_held());
	if (is_delete && quiet) {
		err = warden_quiet_line(quiet, exception, line, true, reason);
		if (err || warden_quiet_count(quiet))
			return err;
		/* Readers may walk its indexes, which RCU cannot free. */
		RCU_INIT_POINTER(*slot, NULL);
		synchronize_rcu();
		warden_quiet_destroy(quiet);
		return 0;
	}
	if (quiet)
		return warden_quiet_line(quiet, exception, line, false, reason);
	/*
	 * A set of its own for the first line, published once the line is
	 * in it.  A delete where there is no set parses its line all the
	 * same, in a set nobody sees, so that a bad line says why.
	 */
	quiet = warden_quiet_new();
	if (!quiet)
		return -ENOMEM;
	err = warden_quiet_line(quiet, exception, line, is_delete, reason);
	if (err || is_delete) {
		warden_quiet_destroy(quiet);
		return err;
	}
	rcu_assign_pointer(*slot, quiet);
	return 0;
}

/**
 * warden_quiet_free - free the quiet set of an owner nobody can reach
 * @quiet: the set, or %NULL.
 */
void warden_quiet_free(struct warden_quiet *quiet)
{
	if (quiet)
		warden_quiet_destroy(quiet);
}

/**
 * warden_quiet_show - print the quiet lines of a domain or group
 * @m: the seq_file.
 * @quiet: the set, or %NULL; the caller is in an RCU read-side critical
 *         section or may write the policy.
 * @prefix: printed before "quiet", e.g. "acl_group web " for a group.
 *
 * Each entry prints as the line it quiets would, after "quiet ".
 */
void warden_quiet_show(struct seq_file *m, const struct warden_quiet *quiet,
		       const char *prefix)
{
	/* A namespace, "acl_group", a group's name and "quiet" fit. */
	char line_prefix[WARDEN_NAMESPACE_NAME_MAX + 128];

	if (!quiet)
		return;
	snprintf(line_prefix, sizeof(line_prefix), "%squiet ", prefix);
	warden_acl_show_prefixed(m, &quiet->acls, line_prefix, false);
	warden_netacl_show(m, &quiet->netacls, line_prefix, false);
}

/**
 * warden_quiet_covers - whether a quiet rule covers a file request
 * @quiet: the set, or %NULL; the caller is in an RCU read-side critical
 *         section.
 * @req: the request, which no entry granted; it is not changed.
 *
 * An entry covers the request as it would grant it, conditions included.
 *
 * Return: true if a quiet entry covers @req.
 */
bool warden_quiet_covers(struct warden_quiet *quiet,
			 const struct warden_request *req)
{
	struct warden_request copy;

	if (!quiet || !quiet->acls.count)
		return false;
	/* The lookup writes what the entry says; the request keeps its own. */
	copy = *req;
	copy.hold = false;
	return warden_acl_allows(&quiet->acls, &copy);
}

/**
 * warden_quiet_covers_net - whether a quiet rule covers a network or
 *			     environment request
 * @quiet: the set, or %NULL; the caller is in an RCU read-side critical
 *         section.
 * @req: the request, which no entry granted; it is not changed.
 * @exception: the exception policy of the domain's namespace.
 *
 * Return: true if a quiet entry covers @req.
 */
bool warden_quiet_covers_net(const struct warden_quiet *quiet,
			     const struct warden_net_request *req,
			     const struct warden_exception_policy *exception)
{
	struct warden_net_request copy;

	if (!quiet || !quiet->netacls.count)
		return false;
	copy = *req;
	return warden_netacl_allows(&quiet->netacls, &copy, exception);
}

/**
 * warden_quiet_needs_exec_args - whether quiet conditions read exec strings
 * @quiet: the set, or %NULL; the caller is in an RCU read-side critical
 *         section or may write the policy.
 *
 * Return: true if a quiet entry has an exec.argv[] or exec.envp[]
 * condition.
 */
bool warden_quiet_needs_exec_args(const struct warden_quiet *quiet)
{
	return quiet && warden_acl_set_needs_exec_args(&quiet->acls);
}
