// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - the manager list: parsing, printing and storage.
 *
 * Lines are TOMOYO 2.6's: a program pathname, a domainname, or
 * "manage_by_non_root", each optionally preceded by "delete".
 */

#include "common.h"

#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/printk.h>
#include <linux/lockdep.h>
#include <linux/overflow.h>
#include <linux/rculist.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "cred.h"
#include "domain.h"
#include "manager.h"
#include "pattern.h"
#include "policy_types.h"
#include "realpath.h"
#include "stat.h"
#include "value.h"

static size_t warden_manager_size(const char *name)
{
	return struct_size_t(struct warden_manager, name, strlen(name) + 1);
}

static struct warden_manager *
warden_manager_find(const struct warden_policy *policy, const char *name)
{
	struct warden_manager *entry;

	list_for_each_entry(entry, &policy->managers, list)
		if (!strcmp(entry->name, name))
			return entry;
	return NULL;
}

static void warden_manager_free(struct warden_manager *entry)
{
	list_del_rcu(&entry->list);
	warden_memory_uncharge(WARDEN_MEMORY_POLICY,
			       warden_manager_size(entry->name));
	kfree_rcu(entry, rcu);
}

/**
 * warden_manager_write - apply one line written to the manager file
 * @policy: the policy to change; the caller may write it.
 * @line: the line without its newline.
 * @reason: receives why the line was refused.
 *
 * Return: 0; -EINVAL for a malformed line; -ENOENT when deleting an
 * entry that does not exist; -ENOMEM when memory or the policy quota
 * runs out.
 */
int warden_manager_write(struct warden_policy *policy, char *line,
			 const char **reason)
{
	struct warden_manager *entry;
	bool is_delete = false;
	size_t size;
	int err;

	lockdep_assert(warden_policy_write_held());
	*reason = NULL;
	if (str_has_prefix(line, "delete ")) {
		is_delete = true;
		line += strlen("delete ");
	}
	if (!strcmp(line, "manage_by_non_root")) {
		WRITE_ONCE(policy->manage_by_non_root, !is_delete);
		return 0;
	}
	if (line[0] == '<')
		err = warden_domainname_check(line);
	else if (line[0] == '/')
		err = warden_word_check(line, false);
	else
		err = -EINVAL;
	if (err) {
		if (err == -EINVAL)
			*reason = "not a program pathname or a domainname";
		return err;
	}

	entry = warden_manager_find(policy, line);
	if (is_delete) {
		if (!entry) {
			*reason = "no such manager to delete";
			return -ENOENT;
		}
		warden_manager_free(entry);
		return 0;
	}
	if (entry)
		return 0;
	size = warden_manager_size(line);
	if (!warden_memory_charge(WARDEN_MEMORY_POLICY, size))
		return -ENOMEM;
	entry = kmalloc(size, GFP_KERNEL_ACCOUNT);
	if (!entry) {
		warden_memory_uncharge(WARDEN_MEMORY_POLICY, size);
		return -ENOMEM;
	}
	memcpy(entry->name, line, strlen(line) + 1);
	list_add_tail_rcu(&entry->list, &policy->managers);
	return 0;
}

/**
 * warden_manager_show - print the manager file
 * @m: the seq_file.
 * @policy: the policy; the caller is in an RCU read-side critical section
 *          or may write the policy.
 *
 * One entry a line, in the order they were added, then
 * "manage_by_non_root" when it is set, so that the output loads back as
 * the same list.
 */
void warden_manager_show(struct seq_file *m,
			 const struct warden_policy *policy)
{
	const struct warden_manager *entry;

	list_for_each_entry_rcu(entry, &policy->managers, list,
				warden_policy_write_held())
		seq_printf(m, "%s\n", entry->name);
	if (READ_ONCE(policy->manage_by_non_root))
		seq_puts(m, "manage_by_non_root\n");
}

/**
 * warden_manager_clear - remove every manager of a policy
 * @policy: the policy; the caller may write it (warden_policy_write_held()).
 */
void warden_manager_clear(struct warden_policy *policy)
{
	struct warden_manager *entry, *next;

	lockdep_assert(warden_policy_write_held());
	list_for_each_entry_safe(entry, next, &policy->managers, list)
		warden_manager_free(entry);
	policy->manage_by_non_root = false;
}

/* The encoded pathname of the caller's program, or NULL. */
static char *warden_manager_exe(void)
{
	struct file *exe = get_task_exe_file(current);
	struct warden_name name;
	char *copy = NULL;

	if (!exe)
		return NULL;
	if (!warden_name_build(&exe->f_path, false, &name)) {
		copy = kstrdup(name.name, GFP_KERNEL);
		warden_name_put(&name);
	}
	fput(exe);
	return copy;
}

/**
 * warden_manager_allows - whether a policy's managers let the caller change it
 * @policy: the loaded policy in force, pinned by the caller; its manager
 *          entries may change meanwhile and are read under RCU.
 *
 * While the manager list is empty, a process with CAP_MAC_ADMIN may.
 * Once managers are listed, the caller must also be one of them, by its
 * program or its domain, and run as root unless manage_by_non_root is
 * set; a manager that does not run as root needs no capability then.
 * Before any policy is loaded warden_policy_manager_allows() decides
 * alone.
 *
 * Return: true if the caller may write policy.
 */
bool warden_manager_allows(const struct warden_policy *policy)
{
	const bool privileged = capable(CAP_MAC_ADMIN);
	const struct warden_domain *domain = warden_current_domain();
	const struct warden_manager *entry;
	bool listed = false, any, by_non_root;
	char *exe;

	rcu_read_lock();
	any = !list_empty(&policy->managers);
	by_non_root = READ_ONCE(policy->manage_by_non_root);
	rcu_read_unlock();
	if (!any)
		return privileged;
	if (!privileged && !by_non_root)
		return false;
	exe = warden_manager_exe();
	rcu_read_lock();
	list_for_each_entry_rcu(entry, &policy->managers, list)
		if (!strcmp(entry->name, domain->name) ||
		    (exe && !strcmp(entry->name, exe)))
			listed = true;
	rcu_read_unlock();
	if (!listed)
		pr_warn_ratelimited("%s (pid %d, domain '%s') is not a manager: policy change refused\n",
				    exe ?: current->comm, task_tgid_nr(current),
				    domain->name);
	kfree(exe);
	return listed;
}
