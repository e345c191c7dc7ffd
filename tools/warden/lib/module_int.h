/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What module.c (reading) and module_build.c (checking, compiling) share
 * and nothing else needs.
 */

#ifndef WARDEN_TOOLS_MODULE_INT_H
#define WARDEN_TOOLS_MODULE_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "module.h"

/* Add "FILE:LINE: reason" (or "FILE: reason" for line 0) to the errors. */
void wd_mset_error(struct wd_mset *set, const char *file, unsigned int line,
		   const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Whether @name is [a-z][a-z0-9_]*, at most @max bytes. */
bool wd_module_name_ok(const char *name, size_t max);
/*
 * Whether @line defines a group: "path_group " (1), "number_group " (2),
 * "address_group " (3); 0 otherwise.
 */
int wd_group_kind(const char *line);
/* Free the set's tables (module_build.c), if it has them. */
void wd_mset_free_tables(struct wd_mset *set);

#endif /* WARDEN_TOOLS_MODULE_INT_H */
