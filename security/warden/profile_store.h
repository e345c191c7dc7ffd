/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - what the profile store and the profile text share.
 *
 * profile_store.c keeps the profiles; profile_text.c parses and prints
 * the lines of the profile file.  The rest of Warden uses profile.h.
 */

#ifndef _SECURITY_WARDEN_PROFILE_STORE_H
#define _SECURITY_WARDEN_PROFILE_STORE_H

#include <linux/types.h>

#include "profile.h"

/**
 * struct warden_op_info - an operation a profile configures
 * @name: its name in a CONFIG line.
 * @category: the category it belongs to.
 */
struct warden_op_info {
	const char *name;
	enum warden_category category;
};

extern const struct warden_op_info warden_ops[WARDEN_NR_OPS];
extern const char *const warden_category_names[WARDEN_NR_CATEGORIES];
extern const char *const warden_pref_names[WARDEN_NR_PREFS];

/* A new profile's values, as TOMOYO's defaults. */
#define WARDEN_DEFAULT_CONFIG \
	(WARDEN_MODE_DISABLED | WARDEN_CONFIG_GRANT_LOG | WARDEN_CONFIG_REJECT_LOG)
#define WARDEN_DEFAULT_MAX_AUDIT_LOG 1024
#define WARDEN_DEFAULT_MAX_LEARNING_ENTRY 2048
#define WARDEN_DEFAULT_QUERY_TIMEOUT 10

/* The index of the config slot a category occupies after the operations. */
#define WARDEN_CATEGORY_SLOT(c) (WARDEN_NR_OPS + (c))

size_t warden_profile_size(const char *comment);
struct warden_profile *
warden_profile_copy(const struct warden_profile *old, const char *comment);
void warden_profile_replace(struct warden_profile_set *set,
			    unsigned int index,
			    struct warden_profile *profile);

#endif /* _SECURITY_WARDEN_PROFILE_STORE_H */
