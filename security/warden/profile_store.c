// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - the profiles of a namespace, and the config of an operation.
 *
 * A published profile never changes: a writer changes a private copy and
 * publishes it in place of the old one, which readers may go on using
 * until their RCU read-side critical section ends.  Operations that have
 * no config of their own follow their category, then the profile.
 */

#include "common.h"

#include <linux/lockdep.h>
#include <linux/overflow.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "profile.h"
#include "profile_store.h"
#include "stat.h"

/* The mode= words of a profile, also the mode= of audit records. */
const char *const warden_mode_names[] = {
	[WARDEN_MODE_DISABLED] = "disabled",
	[WARDEN_MODE_LEARNING] = "learning",
	[WARDEN_MODE_PERMISSIVE] = "permissive",
	[WARDEN_MODE_ENFORCING] = "enforcing",
};

static_assert(ARRAY_SIZE(warden_mode_names) == WARDEN_NR_MODES);

const char *const warden_category_names[] = {
	[WARDEN_CATEGORY_FILE] = "file",
	[WARDEN_CATEGORY_NETWORK] = "network",
	[WARDEN_CATEGORY_MISC] = "misc",
};

static_assert(ARRAY_SIZE(warden_category_names) == WARDEN_NR_CATEGORIES);

const struct warden_op_info warden_ops[] = {
	[WARDEN_OP_FILE_EXECUTE] = { "execute", WARDEN_CATEGORY_FILE },
	[WARDEN_OP_FILE_OPEN] = { "open", WARDEN_CATEGORY_FILE },
	[WARDEN_OP_FILE_CREATE] = { "create", WARDEN_CATEGORY_FILE },
	[WARDEN_OP_FILE_UNLINK] = { "unlink", WARDEN_CATEGORY_FILE },
	[WARDEN_OP_FILE_GETATTR] = { "getattr", WARDEN_CATEGORY_FILE },
	[WARDEN_OP_FILE_MKDIR] = { "mkdir", WARDEN_CATEGORY_FILE },
	[WARDEN_OP_FILE_RMDIR] = { "rmdir", WARDEN_CATEGORY_FILE },
	[WARDEN_OP_FILE_MKFIFO] = { "mkfifo", WARDEN_CATEGORY_FILE },
	[WARDEN_OP_FILE_MKSOCK] = { "mksock", WARDEN_CATEGORY_FILE },
	[WARDEN_OP_FILE_TRUNCATE] = { "truncate", WARDEN_CATEGORY_FILE },
	[WARDEN_OP_FILE_SYMLINK] = { "symlink", WARDEN_CATEGORY_FILE },
	[WARDEN_OP_FILE_MKBLOCK] = { "mkblock", WARDEN_CATEGORY_FILE },
	[WARDEN_OP_FILE_MKCHAR] = { "mkchar", WARDEN_CATEGORY_FILE },
	[WARDEN_OP_FILE_LINK] = { "link", WARDEN_CATEGORY_FILE },
	[WARDEN_OP_FILE_RENAME] = { "rename", WARDEN_CATEGORY_FILE },
	[WARDEN_OP_FILE_CHMOD] = { "chmod", WARDEN_CATEGORY_FILE },
	[WARDEN_OP_FILE_CHOWN] = { "chown", WARDEN_CATEGORY_FILE },
	[WARDEN_OP_FILE_CHGRP] = { "chgrp", WARDEN_CATEGORY_FILE },
	[WARDEN_OP_FILE_IOCTL] = { "ioctl", WARDEN_CATEGORY_FILE },
	[WARDEN_OP_FILE_CHROOT] = { "chroot", WARDEN_CATEGORY_FILE },
	[WARDEN_OP_FILE_MOUNT] = { "mount", WARDEN_CATEGORY_FILE },
	[WARDEN_OP_FILE_UNMOUNT] = { "unmount", WARDEN_CATEGORY_FILE },
	[WARDEN_OP_FILE_PIVOT_ROOT] = { "pivot_root", WARDEN_CATEGORY_FILE },
	[WARDEN_OP_INET_STREAM_BIND] = { "inet_stream_bind", WARDEN_CATEGORY_NETWORK },
	[WARDEN_OP_INET_STREAM_LISTEN] = { "inet_stream_listen", WARDEN_CATEGORY_NETWORK },
	[WARDEN_OP_INET_STREAM_CONNECT] = { "inet_stream_connect", WARDEN_CATEGORY_NETWORK },
	[WARDEN_OP_INET_DGRAM_BIND] = { "inet_dgram_bind", WARDEN_CATEGORY_NETWORK },
	[WARDEN_OP_INET_DGRAM_SEND] = { "inet_dgram_send", WARDEN_CATEGORY_NETWORK },
	[WARDEN_OP_INET_RAW_BIND] = { "inet_raw_bind", WARDEN_CATEGORY_NETWORK },
	[WARDEN_OP_INET_RAW_SEND] = { "inet_raw_send", WARDEN_CATEGORY_NETWORK },
	[WARDEN_OP_UNIX_STREAM_BIND] = { "unix_stream_bind", WARDEN_CATEGORY_NETWORK },
	[WARDEN_OP_UNIX_STREAM_LISTEN] = { "unix_stream_listen", WARDEN_CATEGORY_NETWORK },
	[WARDEN_OP_UNIX_STREAM_CONNECT] = { "unix_stream_connect", WARDEN_CATEGORY_NETWORK },
	[WARDEN_OP_UNIX_DGRAM_BIND] = { "unix_dgram_bind", WARDEN_CATEGORY_NETWORK },
	[WARDEN_OP_UNIX_DGRAM_SEND] = { "unix_dgram_send", WARDEN_CATEGORY_NETWORK },
	[WARDEN_OP_UNIX_SEQPACKET_BIND] = { "unix_seqpacket_bind", WARDEN_CATEGORY_NETWORK },
	[WARDEN_OP_UNIX_SEQPACKET_LISTEN] = { "unix_seqpacket_listen", WARDEN_CATEGORY_NETWORK },
	[WARDEN_OP_UNIX_SEQPACKET_CONNECT] = { "unix_seqpacket_connect", WARDEN_CATEGORY_NETWORK },
	[WARDEN_OP_MISC_ENV] = { "env", WARDEN_CATEGORY_MISC },
	[WARDEN_OP_INET_STREAM_ACCEPT] = { "inet_stream_accept", WARDEN_CATEGORY_NETWORK },
	[WARDEN_OP_UNIX_STREAM_ACCEPT] = { "unix_stream_accept", WARDEN_CATEGORY_NETWORK },
	[WARDEN_OP_UNIX_SEQPACKET_ACCEPT] = { "unix_seqpacket_accept", WARDEN_CATEGORY_NETWORK },
};

static_assert(ARRAY_SIZE(warden_ops) == WARDEN_NR_OPS);

const char *const warden_pref_names[] = {
	[WARDEN_PREF_MAX_AUDIT_LOG] = "max_audit_log",
	[WARDEN_PREF_MAX_LEARNING_ENTRY] = "max_learning_entry",
	[WARDEN_PREF_QUERY_TIMEOUT] = "query_timeout",
	[WARDEN_PREF_QUIET_LOG] = "quiet_log",
};

static_assert(ARRAY_SIZE(warden_pref_names) == WARDEN_NR_PREFS);

/**
 * warden_profile_config - the effective config of an operation
 * @profile: the profile, not %NULL.
 * @op: the operation.
 *
 * Return: the config byte: the operation's own, else its category's,
 * else the profile's default.
 */
u8 warden_profile_config(const struct warden_profile *profile,
			 enum warden_op op)
{
	u8 config = profile->config[op];

	/*
	 * Operations TOMOYO 2.6 lacks stay disabled until a profile names
	 * them, so that its policies behave as they always did.
	 */
	if (config == WARDEN_CONFIG_USE_DEFAULT && op >= WARDEN_FIRST_EXTENSION_OP)
		return WARDEN_MODE_DISABLED;
	if (config == WARDEN_CONFIG_USE_DEFAULT)
		config = profile->config[WARDEN_CATEGORY_SLOT(warden_ops[op].category)];
	if (config == WARDEN_CONFIG_USE_DEFAULT)
		config = profile->default_config;
	return config;
}

/**
 * warden_profile_size - what a profile is charged to the policy memory
 * @comment: its COMMENT text.
 *
 * Return: the size of the profile and its comment, in bytes.
 */
size_t warden_profile_size(const char *comment)
{
	return struct_size_t(struct warden_profile, comment,
			     strlen(comment) + 1);
}

/**
 * warden_profile_get_locked - a profile of a set, for its writer
 * @set: the profiles.
 * @index: the profile number, below %WARDEN_MAX_PROFILES.
 *
 * The caller holds warden_policy_lock, so the profile cannot be replaced
 * while it is used.
 *
 * Return: the profile, or %NULL when it is undefined.
 */
struct warden_profile *
warden_profile_get_locked(const struct warden_profile_set *set,
			  unsigned int index)
{
	return rcu_dereference_protected(set->profile[index],
					 warden_policy_write_held());
}

/**
 * warden_profile_copy - a private copy of a profile, for a writer to change
 * @old: the profile to copy, or %NULL for a new profile with the defaults.
 * @comment: the COMMENT of the copy.
 *
 * The copy is charged to the policy memory; publish it with
 * warden_profile_replace(), or uncharge warden_profile_size() and free it.
 *
 * Return: the copy, or %NULL when memory or the policy quota runs out.
 */
struct warden_profile *
warden_profile_copy(const struct warden_profile *old, const char *comment)
{
	size_t size = warden_profile_size(comment);
	struct warden_profile *profile;

	if (!warden_memory_charge(WARDEN_MEMORY_POLICY, size))
		return NULL;
	profile = kzalloc(size, GFP_KERNEL_ACCOUNT);
	if (!profile) {
		warden_memory_uncharge(WARDEN_MEMORY_POLICY, size);
		return NULL;
	}
	if (old) {
		profile->default_config = old->default_config;
		memcpy(profile->config, old->config, sizeof(profile->config));
		memcpy(profile->pref, old->pref, sizeof(profile->pref));
	} else {
		profile->default_config = WARDEN_DEFAULT_CONFIG;
		memset(profile->config, WARDEN_CONFIG_USE_DEFAULT,
		       sizeof(profile->config));
		profile->pref[WARDEN_PREF_MAX_AUDIT_LOG] =
			WARDEN_DEFAULT_MAX_AUDIT_LOG;
		profile->pref[WARDEN_PREF_MAX_LEARNING_ENTRY] =
			WARDEN_DEFAULT_MAX_LEARNING_ENTRY;
		profile->pref[WARDEN_PREF_QUERY_TIMEOUT] =
			WARDEN_DEFAULT_QUERY_TIMEOUT;
	}
	/* The size above has room for the comment and its NUL. */
	memcpy(profile->comment, comment, strlen(comment) + 1);
	return profile;
}

static void warden_profile_release(struct warden_profile *profile)
{
	if (!profile)
		return;
	warden_memory_uncharge(WARDEN_MEMORY_POLICY,
			       warden_profile_size(profile->comment));
	kfree_rcu(profile, rcu);
}

/**
 * warden_profile_replace - publish a profile, retiring the one it replaces
 * @set: the profiles; the caller holds warden_policy_lock.
 * @index: the profile number, below %WARDEN_MAX_PROFILES.
 * @profile: the new profile number @index, or %NULL to remove it.
 *
 * Readers of the old profile keep it until their RCU read-side critical
 * section ends.
 */
void warden_profile_replace(struct warden_profile_set *set,
			    unsigned int index,
			    struct warden_profile *profile)
{
	struct warden_profile *old = warden_profile_get_locked(set, index);

	rcu_assign_pointer(set->profile[index], profile);
	warden_profile_release(old);
}

/**
 * warden_profile_set_clear - remove every profile of a set
 * @set: the set; the caller holds warden_policy_lock.
 */
void warden_profile_set_clear(struct warden_profile_set *set)
{
	unsigned int i;

	for (i = 0; i < WARDEN_MAX_PROFILES; i++)
		warden_profile_replace(set, i, NULL);
	set->version = WARDEN_PROFILE_VERSION;
}
