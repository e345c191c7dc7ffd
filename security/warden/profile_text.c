// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - the lines of the profile file: parsing and printing.
 *
 * The lines are TOMOYO 2.6's ("3-CONFIG::file::open={
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
#include <linux/rcupdate.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/string_choices.h>

#include "profile.h"
#include "profile_store.h"
#include "stat.h"

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
	/* A switch, not a number: "yes" or "no". */
	if (i == WARDEN_PREF_QUIET_LOG) {
		int yes = warden_parse_yes_no(value);

		if (yes < 0)
			return -EINVAL;
		pref[i] = yes;
		return 0;
	}
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

	lockdep_assert(warden_policy_write_held());
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
 *       RCU read-side critical section.
 * @prefix: printed before every line, e.g. "<apache> " for a namespace.
 */
void warden_profile_show(struct seq_file *m,
			 const struct warden_profile_set *set, const char *prefix)
{
	unsigned int i, slot;

	seq_printf(m, "%sPROFILE_VERSION=%u\n", prefix, set->version);
	for (i = 0; i < WARDEN_MAX_PROFILES; i++) {
		const struct warden_profile *profile;

		profile = rcu_dereference_check(set->profile[i],
						warden_policy_write_held());
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
			if (slot == WARDEN_PREF_QUIET_LOG) {
				if (profile->pref[slot])
					seq_puts(m, "quiet_log=yes ");
				continue;
			}
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
