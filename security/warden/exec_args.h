/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - the strings an exec passes, for the exec hooks.
 */

#ifndef _SECURITY_WARDEN_EXEC_ARGS_H
#define _SECURITY_WARDEN_EXEC_ARGS_H

#include <linux/types.h>

struct linux_binprm;
struct warden_cond_ctx;

int warden_exec_args(struct linux_binprm *bprm, struct warden_cond_ctx *ctx);
char *warden_exec_args_for_record(const struct linux_binprm *bprm,
				  size_t *len);
int warden_exec_env_names(struct linux_binprm *bprm,
			  int (*fn)(const char *encoded, void *arg), void *arg);

#endif /* _SECURITY_WARDEN_EXEC_ARGS_H */
