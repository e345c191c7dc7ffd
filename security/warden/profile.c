// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - profiles: parsing, printing and lookup.
 *
 * The profile file's lines are TOMOYO 2.6's ("3-CONFIG::file::open={
 * mode=enforcing grant_log=no reject_log=yes }"); unlike TOMOYO, a line
 * with an unknown keyword or value is refused with a reason instead of
 * being partly applied.
 */

#include "common.h"

#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/lockdep.h>
#include <linux/overflow.h>
#include <linux/rcupdate.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/string_choices.h>

#include "profile.h"
#include "stat.h"

/* The mode= words of a profile, also the mode= of audit records. */
const char *const warden_mode_names[] = {
	[WARDEN_MODE_DISABLED] = "disabled",
	[WARDEN_MODE_LEARNING] = "learning",
	[WARDEN_MODE_PERMISSIVE] = "permissive",
	[WARDEN_MODE_ENFORCING] = "enforcing",
};

static_assert(ARRAY_SIZE(warden_mode_names) == WARDEN_MODE_ENFORCING + 1);

static const char *const warden_category_names[] = {
	[WARDEN_CATEGORY_FILE] = "file",
	[WARDEN_CATEGORY_NETWORK] = "network",
	[WARDEN_CATEGORY_MISC] = "misc",
};

static_assert(ARRAY_SIZE(warden_category_names) == WARDEN_NR_CATEGORIES);

/* Each operation's name in a CONFIG line, and the category it is in. */
static const struct {
	const char *name;
	enum warden_category category;
} warden_ops[] = {
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

static const char *const warden_pref_names[] = {
	[WARDEN_PREF_MAX_AUDIT_LOG] = "max_audit_log",
	[WARDEN_PREF_MAX_LEARNING_ENTRY] = "max_learning_entry",
	[WARDEN_PREF_QUERY_TIMEOUT] = "query_timeout",
};

static_assert(ARRAY_SIZE(warden_pref_names) == WARDEN_NR_PREFS);

/* A new profile's values, as TOMOYO's defaults. */
#define WARDEN_DEFAULT_CONFIG \
	(WARDEN_MODE_DISABLED | WARDEN_CONFIG_GRANT_LOG | WARDEN_CONFIG_REJECT_LOG)
#define WARDEN_DEFAULT_MAX_AUDIT_LOG 1024
#define WARDEN_DEFAULT_MAX_LEARNING_ENTRY 2048
#define WARDEN_DEFAULT_QUERY_TIMEOUT 10

/* The index of the config slot a category occupies after the operations. */
#define WARDEN_CATEGORY_SLOT(c) (WARDEN_NR_OPS + (c))

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

static size_t warden_profile_size(const char *comment)
{
	return struct_size_t(struct warden_profile, comment,
			     strlen(comment) + 1);
}

static struct warden_profile *
warden_profile_get_locked(const struct warden_profile_set *set,
			  unsigned int index)
{
	return rcu_dereference_protected(set->profile[index],
					 lockdep_is_held(&warden_policy_lock));
}

/*
 * Allocate a copy of @old (or a new default profile when @old is NULL)
 * with @comment, charged to the policy memory.
 */
static struct warden_profile *
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

/* Publish @profile as number @index of @set, retiring the one it replaces. */
static void warden_profile_replace(struct warden_profile_set *set,
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

/*
 * Split "{ key=value key=value }" in place.  Calls @apply for each pair;
 * a word without '=' is passed with a NULL value.  Returns 0 or -EINVAL.
 */
static int warden_parse_braces(char *text, const char **reason,
			       int (*apply)(void *ctx, const char *key,
					    const char *value),
			       void *ctx)
{
	size_t len = strlen(text);
	char *word;

	if (len < 2 || text[0] != '{' || text[len - 1] != '}') {
		*reason = "value must be enclosed in { }";
		return -EINVAL;
	}
	text[len - 1] = '\0';
	text++;
	while ((word = strsep(&text, " "))) {
		char *value;

		if (!*word)
			continue;
		value = strchr(word, '=');
		if (value)
			*value++ = '\0';
		if (apply(ctx, word, value)) {
			*reason = "unknown keyword or bad value inside { }";
			return -EINVAL;
		}
	}
	return 0;
}

/* What a CONFIG line's braces set, before it is applied. */
struct warden_config_edit {
	int mode;		/* enum warden_mode, or -1 if not given */
	int grant_log;		/* 1 yes, 0 no, -1 not given */
	int reject_log;
	bool use_default;
};

static int warden_parse_yes_no(const char *value)
{
	if (value && !strcmp(value, "yes"))
		return 1;
	if (value && !strcmp(value, "no"))
		return 0;
	return -EINVAL;
}

static int warden_config_edit_apply(void *ctx, const char *key,
				    const char *value)
{
	struct warden_config_edit *edit = ctx;

	if (!strcmp(key, "use_default") && !value) {
		edit->use_default = true;
		return 0;
	}
	if (!value)
		return -EINVAL;
	if (!strcmp(key, "mode")) {
		int mode = match_string(warden_mode_names,
					ARRAY_SIZE(warden_mode_names), value);

		if (mode < 0)
			return -EINVAL;
		edit->mode = mode;
		return 0;
	}
	if (!strcmp(key, "grant_log")) {
		edit->grant_log = warden_parse_yes_no(value);
		return edit->grant_log < 0 ? -EINVAL : 0;
	}
	if (!strcmp(key, "reject_log")) {
		edit->reject_log = warden_parse_yes_no(value);
		return edit->reject_log < 0 ? -EINVAL : 0;
	}
	return -EINVAL;
}

static int warden_pref_edit_apply(void *ctx, const char *key,
				  const char *value)
{
	unsigned int *pref = ctx;
	int i = match_string(warden_pref_names, WARDEN_NR_PREFS, key);

	if (i < 0 || !value)
		return -EINVAL;
	return kstrtouint(value, 10, &pref[i]);
}

/*
 * Find the config slot "CONFIG", "CONFIG::<category>" or
 * "CONFIG::<category>::<operation>" names: -1 for the profile default, a
 * slot index, or -EINVAL.
 */
static int warden_config_slot(const char *key)
{
	const char *sep;
	size_t len;
	int c, op;

	if (!strcmp(key, "CONFIG"))
		return -1;
	if (!str_has_prefix(key, "CONFIG::"))
		return -EINVAL;
	key += strlen("CONFIG::");
	sep = strstr(key, "::");
	len = sep ? sep - key : strlen(key);
	for (c = 0; c < WARDEN_NR_CATEGORIES; c++)
		if (strlen(warden_category_names[c]) == len &&
		    !strncmp(key, warden_category_names[c], len))
			break;
	if (c == WARDEN_NR_CATEGORIES)
		return -EINVAL;
	if (!sep)
		return WARDEN_CATEGORY_SLOT(c);
	for (op = 0; op < WARDEN_NR_OPS; op++)
		if (warden_ops[op].category == c &&
		    !strcmp(sep + 2, warden_ops[op].name))
			return op;
	return -EINVAL;
}

/* The config a slot has in effect, used as the base a partial edit changes. */
static u8 warden_config_base(const struct warden_profile *profile, int slot)
{
	if (slot < 0)
		return profile->default_config;
	if (slot < WARDEN_NR_OPS)
		return warden_profile_config(profile, slot);
	if (profile->config[slot] != WARDEN_CONFIG_USE_DEFAULT)
		return profile->config[slot];
	return profile->default_config;
}

static int warden_profile_set_config(struct warden_profile *profile,
				     int slot, char *value,
				     const char **reason)
{
	struct warden_config_edit edit = {
		.mode = -1, .grant_log = -1, .reject_log = -1,
	};
	u8 config;
	int err;

	if (!strcmp(value, "use_default")) {
		edit.use_default = true;
	} else {
		err = warden_parse_braces(value, reason,
					  warden_config_edit_apply, &edit);
		if (err)
			return err;
	}
	if (edit.use_default) {
		if (slot < 0 || edit.mode >= 0 || edit.grant_log >= 0 ||
		    edit.reject_log >= 0) {
			*reason = "use_default stands alone, and not in N-CONFIG";
			return -EINVAL;
		}
		profile->config[slot] = WARDEN_CONFIG_USE_DEFAULT;
		return 0;
	}
	config = warden_config_base(profile, slot);
	if (edit.mode >= 0)
		config = (config & ~WARDEN_CONFIG_MODE_MASK) | edit.mode;
	if (edit.grant_log >= 0)
		config = edit.grant_log ? config | WARDEN_CONFIG_GRANT_LOG :
					  config & ~WARDEN_CONFIG_GRANT_LOG;
	if (edit.reject_log >= 0)
		config = edit.reject_log ? config | WARDEN_CONFIG_REJECT_LOG :
					   config & ~WARDEN_CONFIG_REJECT_LOG;
	if (slot < 0)
		profile->default_config = config;
	else
		profile->config[slot] = config;
	return 0;
}

static bool warden_comment_valid(const char *comment)
{
	for (; *comment; comment++)
		if (*comment < 0x20 || *comment > 0x7e)
			return false;
	return true;
}

/**
 * warden_profile_write - apply one line written to the profile file
 * @set: the profiles; the caller holds warden_policy_lock.
 * @line: the line without its newline; parsed in place.
 * @reason: receives why the line was refused.
 *
 * The line is applied whole or not at all.
 *
 * Return: 0, -EINVAL for a malformed line, or -ENOMEM when memory or the
 * policy quota runs out.
 */
int warden_profile_write(struct warden_profile_set *set, char *line,
			 const char **reason)
{
	struct warden_profile *old, *profile;
	unsigned int index;
	char *key, *value;
	int slot, err;

	lockdep_assert_held(&warden_policy_lock);
	*reason = NULL;
	value = strchr(line, '=');
	if (!value) {
		*reason = "no '=' in the line";
		return -EINVAL;
	}
	*value++ = '\0';
	if (!strcmp(line, "PROFILE_VERSION")) {
		unsigned int version;

		if (kstrtouint(value, 10, &version) ||
		    (version != 20110903 && version != 20150505)) {
			*reason = "PROFILE_VERSION is 20110903 or 20150505";
			return -EINVAL;
		}
		set->version = version;
		return 0;
	}
	key = strchr(line, '-');
	if (!key) {
		*reason = "expected <profile>-<keyword>=";
		return -EINVAL;
	}
	*key++ = '\0';
	if (!isdigit(*line) || kstrtouint(line, 10, &index) ||
	    index >= WARDEN_MAX_PROFILES) {
		*reason = "profile number must be 0 to 255";
		return -EINVAL;
	}

	old = warden_profile_get_locked(set, index);
	if (!strcmp(key, "COMMENT")) {
		if (!warden_comment_valid(value)) {
			*reason = "COMMENT must be printable ASCII";
			return -EINVAL;
		}
		profile = warden_profile_copy(old, value);
		if (!profile)
			return -ENOMEM;
		warden_profile_replace(set, index, profile);
		return 0;
	}

	profile = warden_profile_copy(old, old ? old->comment : "");
	if (!profile)
		return -ENOMEM;
	if (!strcmp(key, "PREFERENCE")) {
		err = warden_parse_braces(value, reason, warden_pref_edit_apply,
					  profile->pref);
	} else {
		slot = warden_config_slot(key);
		if (slot == -EINVAL) {
			*reason = "unknown keyword or category or operation";
			err = -EINVAL;
		} else {
			err = warden_profile_set_config(profile, slot, value,
							reason);
		}
	}
	if (err) {
		warden_memory_uncharge(WARDEN_MEMORY_POLICY,
				       warden_profile_size(profile->comment));
		kfree(profile);
		return err;
	}
	warden_profile_replace(set, index, profile);
	return 0;
}

static void warden_config_show(struct seq_file *m, u8 config)
{
	seq_printf(m, "={ mode=%s grant_log=%s reject_log=%s }\n",
		   warden_mode_names[config & WARDEN_CONFIG_MODE_MASK],
		   str_yes_no(config & WARDEN_CONFIG_GRANT_LOG),
		   str_yes_no(config & WARDEN_CONFIG_REJECT_LOG));
}

/**
 * warden_profile_show - print a profile set in TOMOYO's profile format
 * @m: the seq_file.
 * @set: the profiles; the caller holds warden_policy_lock or is in an
 * @prefix: printed before every line, e.g. "<apache> " for a namespace.
 *       RCU read-side critical section.
 */
void warden_profile_show(struct seq_file *m,
			 const struct warden_profile_set *set, const char *prefix)
{
	unsigned int i, slot;

	seq_printf(m, "%sPROFILE_VERSION=%u\n", prefix, set->version);
	for (i = 0; i < WARDEN_MAX_PROFILES; i++) {
		const struct warden_profile *profile;

		profile = rcu_dereference_check(set->profile[i],
						lockdep_is_held(&warden_policy_lock));
		if (!profile)
			continue;
		seq_printf(m, "%s%u-COMMENT=%s\n", prefix, i, profile->comment);
		seq_printf(m, "%s%u-PREFERENCE={ ", prefix, i);
		for (slot = 0; slot < WARDEN_NR_PREFS; slot++) {
			/*
			 * Warden's own preference is printed only when set,
			 * so that TOMOYO's profiles read back as written.
			 */
			if (slot == WARDEN_PREF_QUERY_TIMEOUT &&
			    profile->pref[slot] == WARDEN_DEFAULT_QUERY_TIMEOUT)
				continue;
			seq_printf(m, "%s=%u ", warden_pref_names[slot],
				   profile->pref[slot]);
		}
		seq_puts(m, "}\n");
		seq_printf(m, "%s%u-CONFIG", prefix, i);
		warden_config_show(m, profile->default_config);
		for (slot = 0; slot < ARRAY_SIZE(profile->config); slot++) {
			u8 config = profile->config[slot];

			if (config == WARDEN_CONFIG_USE_DEFAULT)
				continue;
			if (slot < WARDEN_NR_OPS)
				seq_printf(m, "%s%u-CONFIG::%s::%s", prefix, i,
					   warden_category_names[warden_ops[slot].category],
					   warden_ops[slot].name);
			else
				seq_printf(m, "%s%u-CONFIG::%s", prefix, i,
					   warden_category_names[slot - WARDEN_NR_OPS]);
			warden_config_show(m, config);
		}
	}
}

#ifdef CONFIG_SECURITY_WARDEN_KUNIT_TEST

#include <kunit/test.h>

#include "policy.h"

/* Print @set into a buffer the test owns. */
static char *warden_profile_dump(struct kunit *test,
				 const struct warden_profile_set *set)
{
	struct seq_file m = {};

	m.size = 64 * 1024;
	m.buf = kunit_kzalloc(test, m.size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m.buf);
	mutex_lock(&warden_policy_lock);
	warden_profile_show(&m, set, "");
	warden_policy_unlock();
	KUNIT_ASSERT_FALSE(test, seq_has_overflowed(&m));
	return m.buf;
}

static int warden_profile_write_copy(struct warden_profile_set *set,
				     const char *text, const char **reason)
{
	char line[256];
	int err;

	strscpy(line, text, sizeof(line));
	mutex_lock(&warden_policy_lock);
	err = warden_profile_write(set, line, reason);
	warden_policy_unlock();
	return err;
}

static void warden_profile_set_free(struct warden_profile_set *set)
{
	mutex_lock(&warden_policy_lock);
	warden_profile_set_clear(set);
	warden_policy_unlock();
	kfree(set);
}

static struct warden_profile_set *warden_profile_set_new(struct kunit *test)
{
	struct warden_profile_set *set = kzalloc(sizeof(*set), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, set);
	set->version = WARDEN_PROFILE_VERSION;
	return set;
}

struct warden_profile_case {
	const char *line;
	const char *printed;	/* the canonical line the dump must contain */
};

static const struct warden_profile_case warden_profile_valid[] = {
	{ "PROFILE_VERSION=20150505", "PROFILE_VERSION=20150505\n" },
	{ "PROFILE_VERSION=20110903", "PROFILE_VERSION=20110903\n" },
	{ "0-COMMENT=-----Disabled Mode-----", "0-COMMENT=-----Disabled Mode-----\n" },
	{ "3-COMMENT=", "3-COMMENT=\n" },
	{ "255-COMMENT=last", "255-COMMENT=last\n" },
	{ "007-COMMENT=leading zeros", "7-COMMENT=leading zeros\n" },
	{ "1-COMMENT=a=b", "1-COMMENT=a=b\n" },
	{ "0-CONFIG={ mode=disabled grant_log=no reject_log=yes }",
	  "0-CONFIG={ mode=disabled grant_log=no reject_log=yes }\n" },
	{ "1-CONFIG={ mode=learning grant_log=no reject_log=yes }",
	  "1-CONFIG={ mode=learning grant_log=no reject_log=yes }\n" },
	{ "2-CONFIG={ mode=permissive grant_log=no reject_log=yes }",
	  "2-CONFIG={ mode=permissive grant_log=no reject_log=yes }\n" },
	{ "3-CONFIG={ mode=enforcing grant_log=no reject_log=yes }",
	  "3-CONFIG={ mode=enforcing grant_log=no reject_log=yes }\n" },
	{ "3-CONFIG={ mode=enforcing }",
	  "3-CONFIG={ mode=enforcing grant_log=yes reject_log=yes }\n" },
	{ "3-CONFIG={ reject_log=no }",
	  "3-CONFIG={ mode=disabled grant_log=yes reject_log=no }\n" },
	{ "3-CONFIG={ }", "3-CONFIG={ mode=disabled grant_log=yes reject_log=yes }\n" },
	{ "4-CONFIG::file={ mode=learning }",
	  "4-CONFIG::file={ mode=learning grant_log=yes reject_log=yes }\n" },
	{ "4-CONFIG::network={ mode=permissive grant_log=no }",
	  "4-CONFIG::network={ mode=permissive grant_log=no reject_log=yes }\n" },
	{ "4-CONFIG::misc={ mode=enforcing }",
	  "4-CONFIG::misc={ mode=enforcing grant_log=yes reject_log=yes }\n" },
	{ "5-CONFIG::file::execute={ mode=enforcing grant_log=no reject_log=yes }",
	  "5-CONFIG::file::execute={ mode=enforcing grant_log=no reject_log=yes }\n" },
	{ "5-CONFIG::file::pivot_root={ mode=learning }",
	  "5-CONFIG::file::pivot_root={ mode=learning grant_log=yes reject_log=yes }\n" },
	{ "5-CONFIG::file::unmount={ mode=permissive }",
	  "5-CONFIG::file::unmount={ mode=permissive grant_log=yes reject_log=yes }\n" },
	{ "5-CONFIG::network::inet_stream_bind={ mode=enforcing }",
	  "5-CONFIG::network::inet_stream_bind={ mode=enforcing grant_log=yes reject_log=yes }\n" },
	{ "5-CONFIG::network::unix_dgram_send={ mode=learning }",
	  "5-CONFIG::network::unix_dgram_send={ mode=learning grant_log=yes reject_log=yes }\n" },
	{ "5-CONFIG::misc::env={ mode=enforcing reject_log=no }",
	  "5-CONFIG::misc::env={ mode=enforcing grant_log=yes reject_log=no }\n" },
	{ "6-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }",
	  "6-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }\n" },
	{ "6-PREFERENCE={ max_learning_entry=10 }",
	  "6-PREFERENCE={ max_audit_log=1024 max_learning_entry=10 }\n" },
	{ "6-PREFERENCE={ max_audit_log=0 }",
	  "6-PREFERENCE={ max_audit_log=0 max_learning_entry=2048 }\n" },
	{ "6-PREFERENCE={ query_timeout=30 }",
	  "6-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 query_timeout=30 }\n" },
	{ "6-PREFERENCE={ query_timeout=10 }",
	  "6-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }\n" },
	{ "6-PREFERENCE={ }",
	  "6-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }\n" },
	{ "7-CONFIG={ grant_log=no mode=learning reject_log=no }",
	  "7-CONFIG={ mode=learning grant_log=no reject_log=no }\n" },
	{ "8-CONFIG::file::open=use_default",
	  "8-CONFIG={ mode=disabled grant_log=yes reject_log=yes }\n" },
	{ "8-CONFIG::file={ use_default }",
	  "8-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }\n" },
};

/**
 * warden_test_profile_corpus - a valid profile line of the KUnit table, for the fuzzer
 * @i: the index of the line.
 *
 * Return: the line, or %NULL past the end of the table.
 */
const char *warden_test_profile_corpus(size_t i)
{
	return i < ARRAY_SIZE(warden_profile_valid) ? warden_profile_valid[i].line : NULL;
}

static void warden_profile_case_desc(const struct warden_profile_case *c,
				     char *desc)
{
	strscpy(desc, c->line, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(warden_profile_valid, warden_profile_valid,
		  warden_profile_case_desc);

static void test_valid_profile_line_prints_canonically(struct kunit *test)
{
	const struct warden_profile_case *c = test->param_value;
	struct warden_profile_set *set = warden_profile_set_new(test);
	const char *reason = NULL;

	KUNIT_EXPECT_EQ(test, warden_profile_write_copy(set, c->line, &reason),
			0);
	KUNIT_EXPECT_NULL(test, reason);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(warden_profile_dump(test, set),
					       c->printed),
				  "dump lacks \"%s\"", c->printed);
	warden_profile_set_free(set);
}

static const char *const warden_profile_invalid[] = {
	"",
	"=",
	"PROFILE_VERSION",
	"PROFILE_VERSION=",
	"PROFILE_VERSION=1",
	"PROFILE_VERSION=20150505x",
	"PROFILE_VERSION=-20150505",
	"profile_version=20150505",
	"0",
	"0-",
	"0-COMMENT",
	"-COMMENT=x",
	"256-COMMENT=x",
	"4294967296-COMMENT=x",
	"+1-COMMENT=x",
	"-1-COMMENT=x",
	"x-COMMENT=x",
	"1 -COMMENT=x",
	"1-comment=x",
	"1-COMMENT=tab\there",
	"1-COMMENTS=x",
	"1-NOTHING=x",
	"1-CONFIG",
	"1-CONFIG=",
	"1-CONFIG={",
	"1-CONFIG=}",
	"1-CONFIG=mode=enforcing",
	"1-CONFIG={ mode=enforce }",
	"1-CONFIG={ mode=Enforcing }",
	"1-CONFIG={ mode= }",
	"1-CONFIG={ mode }",
	"1-CONFIG={ grant_log=maybe }",
	"1-CONFIG={ reject_log=1 }",
	"1-CONFIG={ colour=blue }",
	"1-CONFIG={ mode=enforcing } trailing",
	"1-CONFIG=use_default",
	"1-CONFIG={ use_default }",
	"1-CONFIG::file::open={ use_default mode=enforcing }",
	"1-CONFIG::files={ mode=enforcing }",
	"1-CONFIG::file::execve={ mode=enforcing }",
	"1-CONFIG::network::execute={ mode=enforcing }",
	"1-CONFIG::file::inet_stream_bind={ mode=enforcing }",
	"1-CONFIG::misc::open={ mode=enforcing }",
	"1-CONFIG::={ mode=enforcing }",
	"1-CONFIG::file::={ mode=enforcing }",
	"1-CONFIG:file={ mode=enforcing }",
	"1-CONFIG::file::open::x={ mode=enforcing }",
	"1-PREFERENCE",
	"1-PREFERENCE=max_audit_log=1",
	"1-PREFERENCE={ max_audit_log=-1 }",
	"1-PREFERENCE={ max_audit_log=4294967296 }",
	"1-PREFERENCE={ max_audit_log= }",
	"1-PREFERENCE={ max_audit_log }",
	"1-PREFERENCE={ max_learning=5 }",
	"1-PREFERENCE={ max_audit_log=1 bogus=2 }",
};

static void warden_profile_invalid_desc(const char *const *line, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "\"%s\"", *line);
}

KUNIT_ARRAY_PARAM(warden_profile_invalid, warden_profile_invalid,
		  warden_profile_invalid_desc);

static void test_invalid_profile_line_changes_nothing(struct kunit *test)
{
	const char *const *line = test->param_value;
	struct warden_profile_set *set = warden_profile_set_new(test);
	const char *reason = NULL;
	const char *before;

	static const char setup[] =
		"1-CONFIG={ mode=learning grant_log=no reject_log=no }";

	/* Start from a populated profile, so a half-applied line shows. */
	KUNIT_ASSERT_EQ(test, warden_profile_write_copy(set, setup, &reason), 0);
	before = warden_profile_dump(test, set);
	KUNIT_EXPECT_EQ(test, warden_profile_write_copy(set, *line, &reason),
			-EINVAL);
	KUNIT_EXPECT_NOT_NULL(test, reason);
	KUNIT_EXPECT_STREQ(test, warden_profile_dump(test, set), before);
	warden_profile_set_free(set);
}

static void test_operation_inherits_category_then_default(struct kunit *test)
{
	static const char *const lines[] = {
		"3-CONFIG={ mode=enforcing }",
		"3-CONFIG::network={ mode=learning }",
		"3-CONFIG::network::inet_raw_send={ mode=disabled }",
		"3-CONFIG::network::unix_seqpacket_accept={ mode=permissive }",
	};
	static const struct {
		enum warden_op op;
		enum warden_mode mode;
	} expected[] = {
		{ WARDEN_OP_FILE_OPEN, WARDEN_MODE_ENFORCING },
		{ WARDEN_OP_MISC_ENV, WARDEN_MODE_ENFORCING },
		{ WARDEN_OP_INET_STREAM_BIND, WARDEN_MODE_LEARNING },
		{ WARDEN_OP_INET_RAW_SEND, WARDEN_MODE_DISABLED },
		/* Extensions follow neither the category nor the default... */
		{ WARDEN_OP_INET_STREAM_ACCEPT, WARDEN_MODE_DISABLED },
		{ WARDEN_OP_UNIX_STREAM_ACCEPT, WARDEN_MODE_DISABLED },
		/* ...only their own line. */
		{ WARDEN_OP_UNIX_SEQPACKET_ACCEPT, WARDEN_MODE_PERMISSIVE },
	};
	struct warden_profile_set *set = warden_profile_set_new(test);
	const struct warden_profile *profile;
	const char *reason;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(lines); i++)
		KUNIT_ASSERT_EQ(test,
				warden_profile_write_copy(set, lines[i], &reason),
				0);
	mutex_lock(&warden_policy_lock);
	profile = warden_profile_get_locked(set, 3);
	for (i = 0; i < ARRAY_SIZE(expected); i++) {
		u8 config = warden_profile_config(profile, expected[i].op);

		KUNIT_EXPECT_EQ(test, config & WARDEN_CONFIG_MODE_MASK,
				expected[i].mode);
	}
	warden_policy_unlock();
	warden_profile_set_free(set);
}

static void test_tomoyo_default_profiles_read_back_identical(struct kunit *test)
{
	/* What tomoyo-tools' init_policy writes for profiles 0 to 3. */
	static const char *const lines[] = {
		"PROFILE_VERSION=20150505",
		"0-COMMENT=-----Disabled Mode-----",
		"0-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }",
		"0-CONFIG={ mode=disabled grant_log=no reject_log=yes }",
		"1-COMMENT=-----Learning Mode-----",
		"1-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }",
		"1-CONFIG={ mode=learning grant_log=no reject_log=yes }",
		"2-COMMENT=-----Permissive Mode-----",
		"2-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }",
		"2-CONFIG={ mode=permissive grant_log=no reject_log=yes }",
		"3-COMMENT=-----Enforcing Mode-----",
		"3-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }",
		"3-CONFIG={ mode=enforcing grant_log=no reject_log=yes }",
	};
	struct warden_profile_set *set = warden_profile_set_new(test);
	char *expected, *end;
	const char *reason;
	size_t i;

	expected = kunit_kzalloc(test, 4096, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, expected);
	end = expected;
	for (i = 0; i < ARRAY_SIZE(lines); i++) {
		KUNIT_ASSERT_EQ(test, warden_profile_write_copy(set, lines[i],
								&reason), 0);
		end += sprintf(end, "%s\n", lines[i]);
	}
	KUNIT_EXPECT_STREQ(test, warden_profile_dump(test, set), expected);
	warden_profile_set_free(set);
}

static struct kunit_case warden_profile_test_cases[] = {
	KUNIT_CASE_PARAM(test_valid_profile_line_prints_canonically,
			 warden_profile_valid_gen_params),
	KUNIT_CASE_PARAM(test_invalid_profile_line_changes_nothing,
			 warden_profile_invalid_gen_params),
	KUNIT_CASE(test_operation_inherits_category_then_default),
	KUNIT_CASE(test_tomoyo_default_profiles_read_back_identical),
	{}
};

static struct kunit_suite warden_profile_test_suite = {
	.name = "warden_profile",
	.test_cases = warden_profile_test_cases,
};

kunit_test_suite(warden_profile_test_suite);

#endif /* CONFIG_SECURITY_WARDEN_KUNIT_TEST */
