/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - conditions on ACL entries.
 *
 * The words after an ACL line's arguments ("task.uid=0",
 * "exec.argv[1]=\"-c\"", "path1.type=file", "grant_log=no", ...) narrow
 * the entry to requests that meet them.  This file checks their syntax
 * and prints them canonically.
 */

#ifndef _SECURITY_WARDEN_COND_H
#define _SECURITY_WARDEN_COND_H

#include <linux/types.h>

int warden_cond_canonical(char *words, char *out, size_t size,
			  const char **reason);

#endif /* _SECURITY_WARDEN_COND_H */
