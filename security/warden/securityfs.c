// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - the securityfs interface, /sys/kernel/security/warden/:
 * the directory, and the files that are not the policy's (version, stat,
 * domain_stat, self_domain, .process_status).
 *
 * This file only checks privileges, copies data from and to user space and
 * hands it to the engine; what the data means is decided elsewhere.  The
 * directory exists only when the LSM framework started Warden.
 */

#include "common.h"

#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/kstrtox.h>
#include <linux/minmax.h>
#include <linux/mutex.h>
#include <linux/init.h>
#include <linux/pid.h>
#include <linux/pid_namespace.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/security.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "audit.h"
#include "check.h"
#include "cred.h"
#include "document.h"
#include "domain.h"
#include "domain_policy.h"
#include "exec.h"
#include "policy.h"
#include "policy_file.h"
#include "query.h"
#include "setup.h"
#include "stat.h"

/* What the version file reports: the TOMOYO interface level Warden speaks. */
#define WARDEN_INTERFACE_VERSION "2.6.0"

/* No line written to the stat file is near this long. */
#define WARDEN_STAT_WRITE_MAX 1024

static ssize_t warden_version_read(struct file *file, char __user *buf,
				   size_t count, loff_t *ppos)
{
	static const char version[] = WARDEN_INTERFACE_VERSION;

	return simple_read_from_buffer(buf, count, ppos, version,
				       sizeof(version) - 1);
}

static const struct file_operations warden_version_fops = {
	.read = warden_version_read,
	.llseek = generic_file_llseek,
};

static int warden_stat_seq_show(struct seq_file *m, void *unused)
{
	warden_stat_show(m);
	return 0;
}

static int warden_stat_open(struct inode *inode, struct file *file)
{
	return single_open(file, warden_stat_seq_show, NULL);
}

/*
 * Each line sets one quota.  All lines are checked before any is applied,
 * so a write with a bad line changes nothing.
 */
static ssize_t warden_stat_write(struct file *file, const char __user *ubuf,
				 size_t count, loff_t *ppos)
{
	struct {
		bool set;
		unsigned int quota;
	} pending[WARDEN_MEMORY_NR_KINDS] = {};
	char *buf, *cursor, *line;
	unsigned int lineno = 0;
	ssize_t ret;
	int i;

	if (!warden_policy_manager_allows())
		return -EPERM;
	if (count > WARDEN_STAT_WRITE_MAX)
		return -EINVAL;
	buf = memdup_user_nul(ubuf, count);
	if (IS_ERR(buf))
		return PTR_ERR(buf);

	cursor = buf;
	while ((line = strsep(&cursor, "\n"))) {
		enum warden_memory_kind kind;
		unsigned int quota;

		lineno++;
		line = strim(line);
		/* TOMOYO's stat.conf starts with a comment. */
		if (!*line || *line == '#')
			continue;
		if (warden_stat_parse_quota(line, &kind, &quota)) {
			pr_warn_ratelimited("stat: line %u: not \"Memory used by <pool>: <bytes>\": \"%.64s\"\n",
					    lineno, line);
			ret = -EINVAL;
			goto out_free;
		}
		pending[kind].set = true;
		pending[kind].quota = quota;
	}
	for (i = 0; i < WARDEN_MEMORY_NR_KINDS; i++)
		if (pending[i].set)
			warden_stat_set_quota(i, pending[i].quota);
	ret = count;
out_free:
	kfree(buf);
	return ret;
}

static const struct file_operations warden_stat_fops = {
	.open = warden_stat_open,
	.read = seq_read,
	.write = warden_stat_write,
	.llseek = seq_lseek,
	.release = single_release,
};

/* domain_stat: the counts of each domain of the policy in force. */
static int warden_domain_stat_seq_show(struct seq_file *m, void *unused)
{
	rcu_read_lock();
	warden_domain_policy_show_stat(m, rcu_dereference(warden_policy));
	rcu_read_unlock();
	return 0;
}

static int warden_domain_stat_open(struct inode *inode, struct file *file)
{
	return single_open(file, warden_domain_stat_seq_show, NULL);
}

static const struct file_operations warden_domain_stat_fops = {
	.open = warden_domain_stat_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

/* The longest domainname self_domain accepts. */
#define WARDEN_DOMAINNAME_MAX 4096

static ssize_t warden_self_domain_read(struct file *file, char __user *buf,
				       size_t count, loff_t *ppos)
{
	struct warden_domain *domain;
	ssize_t ret;

	domain = warden_domain_get(warden_current_domain());
	ret = simple_read_from_buffer(buf, count, ppos, domain->name,
				      strlen(domain->name));
	warden_domain_put(domain);
	return ret;
}

/* Writing a domainname moves the writer there, if its policy allows. */
static ssize_t warden_self_domain_write(struct file *file,
					const char __user *ubuf, size_t count,
					loff_t *ppos)
{
	char *name;
	int err;

	if (!count || count >= WARDEN_DOMAINNAME_MAX)
		return -EINVAL;
	name = memdup_user_nul(ubuf, count);
	if (IS_ERR(name))
		return PTR_ERR(name);
	/* "echo <domainname> > self_domain" ends it with a newline. */
	name[strcspn(name, "\n")] = '\0';
	warden_normalize_line(name);
	err = warden_self_transition(name);
	kfree(name);
	return err ? err : count;
}

static const struct file_operations warden_self_domain_fops = {
	.read = warden_self_domain_read,
	.write = warden_self_domain_write,
	.llseek = generic_file_llseek,
};

/* Serialises the answers of .process_status with their readers. */
static DEFINE_MUTEX(warden_process_status_lock);

/*
 * .process_status: write a pid ("<pid>" or "global-pid <pid>"), then read
 * "<pid> <profile> <domainname>" of that process, from its start.
 */
static ssize_t warden_process_status_write(struct file *file,
					   const char __user *ubuf,
					   size_t count, loff_t *ppos)
{
	const struct warden_domain_policy *dp;
	struct warden_domain *domain;
	char text[32], *cursor = text;
	bool global;
	u8 profile = 0;
	char *answer;
	pid_t pid;

	if (!count || count >= sizeof(text))
		return -EINVAL;
	if (copy_from_user(text, ubuf, count))
		return -EFAULT;
	text[count] = '\0';
	cursor = strim(text);
	global = str_has_prefix(cursor, "global-pid ");
	if (global)
		cursor += strlen("global-pid ");
	if (kstrtoint(cursor, 10, &pid) || pid <= 0)
		return -EINVAL;
	domain = warden_pid_domain(pid, global);
	if (!domain)
		return -ESRCH;
	rcu_read_lock();
	dp = warden_check_domain(rcu_dereference(warden_policy), domain);
	if (dp)
		profile = READ_ONCE(dp->profile);
	rcu_read_unlock();
	/* TOMOYO's layout, without a newline: tools print it as it is. */
	answer = kasprintf(GFP_KERNEL, "%d %u %s", pid, profile,
			   domain->name);
	warden_domain_put(domain);
	if (!answer)
		return -ENOMEM;
	mutex_lock(&warden_process_status_lock);
	kfree(file->private_data);
	file->private_data = answer;
	mutex_unlock(&warden_process_status_lock);
	/* Each answer is read from its start, without a seek in between. */
	*ppos = 0;
	return count;
}

static ssize_t warden_process_status_read(struct file *file, char __user *buf,
					  size_t count, loff_t *ppos)
{
	const char *answer;
	ssize_t ret = 0;

	mutex_lock(&warden_process_status_lock);
	answer = file->private_data;
	if (answer)
		ret = simple_read_from_buffer(buf, count, ppos, answer,
					      strlen(answer));
	mutex_unlock(&warden_process_status_lock);
	return ret;
}

static int warden_process_status_open(struct inode *inode, struct file *file)
{
	file->private_data = NULL;
	return 0;
}

static int warden_process_status_release(struct inode *inode,
					 struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static const struct file_operations warden_process_status_fops = {
	.open = warden_process_status_open,
	.read = warden_process_status_read,
	.write = warden_process_status_write,
	.release = warden_process_status_release,
	.llseek = generic_file_llseek,
};

static const struct warden_fs_file {
	const char *name;
	umode_t mode;
	const struct file_operations *fops;
	const void *data;
} warden_fs_files[] = {
	{ "audit", 0400, &warden_audit_fops, NULL },
	{ "query", 0600, &warden_query_fops, NULL },
	{ "domain_policy", 0600, &warden_policy_file_fops,
	  &warden_domain_policy_file },
	{ "domain_stat", 0400, &warden_domain_stat_fops, NULL },
	{ "exception_policy", 0600, &warden_policy_file_fops,
	  &warden_exception_file },
	{ "manager", 0600, &warden_policy_file_fops, &warden_manager_file },
	{ "policy", 0600, &warden_document_fops, &warden_document_file },
	{ "profile", 0600, &warden_policy_file_fops, &warden_profile_file },
	{ "self_domain", 0666, &warden_self_domain_fops, NULL },
	{ ".process_status", 0600, &warden_process_status_fops, NULL },
	{ "stat", 0644, &warden_stat_fops, NULL },
	{ "version", 0400, &warden_version_fops, NULL },
};

/* Create the directory @name with every file of the interface. */
static int __init warden_fs_create_dir(const char *name)
{
	struct dentry *dir, *file;
	size_t i;

	dir = securityfs_create_dir(name, NULL);
	if (IS_ERR(dir))
		goto out_err;
	for (i = 0; i < ARRAY_SIZE(warden_fs_files); i++) {
		const struct warden_fs_file *entry = &warden_fs_files[i];

		file = securityfs_create_file(entry->name, entry->mode, dir,
					      (void *)entry->data, entry->fops);
		if (IS_ERR(file))
			goto out_remove_dir;
	}
	return 0;

out_remove_dir:
	securityfs_recursive_remove(dir);
	dir = file;
out_err:
	pr_err("cannot create /sys/kernel/security/%s: %ld\n",
	       name, PTR_ERR(dir));
	return PTR_ERR(dir);
}

static int __init warden_fs_init(void)
{
	int err;

	if (!warden_initialized)
		return 0;
	err = warden_fs_create_dir(WARDEN_NAME);
	if (err || !warden_tomoyo_compat())
		return err;
	/*
	 * A second directory with the same files: the files carry no state
	 * of their own, so both names serve the one policy.
	 */
	return warden_fs_create_dir(WARDEN_TOMOYO_NAME);
}

fs_initcall(warden_fs_init);
