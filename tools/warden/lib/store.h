/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The store of installed policy modules, as warden-module keeps it: one
 * directory per priority (1-999, in plain decimal), each holding modules'
 * files; of the modules of one name, the one of the highest priority is
 * in force.
 */

#ifndef WARDEN_TOOLS_STORE_H
#define WARDEN_TOOLS_STORE_H

#define WD_DEFAULT_STORE	"/var/lib/warden/modules"
#define WD_REFERENCE_MODULES	"/usr/share/warden/modules"
#define WD_MAX_PRIORITY		999

/**
 * struct wd_store - modules found in a store
 * @e: each module's name and priority.
 * @nr: how many.
 */
struct wd_store {
	struct wd_store_entry {
		char *name;
		unsigned int priority;
	} *e;
	unsigned int nr;
};

/* The store: $WARDEN_MODULE_STORE if set, else WD_DEFAULT_STORE. */
const char *wd_store_dir(void);
/*
 * Every module of the store @dir, at every priority, sorted by name and
 * the highest priority first.  A store that does not exist is empty.
 * Returns 0, or -1 with errno (and a message printed).
 */
int wd_store_scan(const char *dir, struct wd_store *all);
/* Keep only the modules in force: of each name, the highest priority. */
void wd_store_in_force(struct wd_store *all);
/* @dir/@priority/@name@ext, malloc'd. */
char *wd_store_file(const char *dir, unsigned int priority, const char *name,
		    const char *ext);
void wd_store_free(struct wd_store *all);

#endif /* WARDEN_TOOLS_STORE_H */
