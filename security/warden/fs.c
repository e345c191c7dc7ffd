// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - the securityfs interface, /sys/kernel/security/warden/.
 *
 * This file only checks privileges, copies data from and to user space and
 * hands it to the engine; what the data means is decided elsewhere.  The
 * directory exists only when the LSM framework started Warden.
 */

#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/printk.h>
#include <linux/security.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "setup.h"
#include "stat.h"

/* What the version file reports: the TOMOYO interface level Warden speaks. */
#define WARDEN_INTERFACE_VERSION "2.6.0"

/* No line written to the stat file is near this long. */
#define WARDEN_STAT_WRITE_MAX 1024

static bool warden_may_manage_policy(void)
{
	return capable(CAP_MAC_ADMIN);
}

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

	if (!warden_may_manage_policy())
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
		if (!*line)
			continue;
		if (warden_stat_parse_quota(line, &kind, &quota)) {
			pr_warn_ratelimited("Warden: stat: line %u: not \"Memory used by <pool>: <bytes>\": \"%.64s\"\n",
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

static const struct warden_fs_file {
	const char *name;
	umode_t mode;
	const struct file_operations *fops;
} warden_fs_files[] = {
	{ "version", 0400, &warden_version_fops },
	{ "stat", 0644, &warden_stat_fops },
};

static int __init warden_fs_init(void)
{
	struct dentry *dir, *file;
	size_t i;

	if (!warden_initialized)
		return 0;

	dir = securityfs_create_dir(WARDEN_NAME, NULL);
	if (IS_ERR(dir))
		goto out_err;
	for (i = 0; i < ARRAY_SIZE(warden_fs_files); i++) {
		const struct warden_fs_file *entry = &warden_fs_files[i];

		file = securityfs_create_file(entry->name, entry->mode, dir,
					      NULL, entry->fops);
		if (IS_ERR(file))
			goto out_remove_dir;
	}
	return 0;

out_remove_dir:
	securityfs_recursive_remove(dir);
	dir = file;
out_err:
	pr_err("Warden: cannot create /sys/kernel/security/%s: %ld\n",
	       WARDEN_NAME, PTR_ERR(dir));
	return PTR_ERR(dir);
}

fs_initcall(warden_fs_init);
