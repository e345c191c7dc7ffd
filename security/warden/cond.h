/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - conditions on ACL entries.
 *
 * The words after an ACL line's arguments ("task.uid=0",
 * "exec.argv[1]=\"-c\"", "path1.type=file", "grant_log=no", ...) narrow
 * the entry to requests that meet them.
 */

#ifndef _SECURITY_WARDEN_COND_H
#define _SECURITY_WARDEN_COND_H

#include <linux/path.h>
#include <linux/types.h>

struct linux_binprm;
struct warden_exception_policy;

/**
 * struct warden_cond_ctx - what a request offers its conditions
 * @path: the files "path1" and "path2" name, or %NULL.
 * @exec_realpath: the encoded pathname of the program an exec runs.
 * @symlink_target: the encoded target of a symlink being created.
 * @bprm: the exec, for exec.argc and exec.envc.
 * @args: the exec's argument strings, then its environment strings, each
 *        ending in a NUL, for exec.argv[] and exec.envp[]; or %NULL.
 * @args_len: the bytes of @args.
 * @argc: how many of @args are arguments.
 * @envc: how many are environment strings.
 */
struct warden_cond_ctx {
	const struct path *path[2];
	const char *exec_realpath;
	const char *symlink_target;
	const struct linux_binprm *bprm;
	const char *args;
	size_t args_len;
	unsigned int argc;
	unsigned int envc;
};

char *warden_cond_split(char *words);
int warden_cond_canonical(char *words, char *out, size_t size,
			  const char **reason);
int warden_cond_grant_log(const char *cond);
bool warden_cond_eval(const char *cond, const struct warden_cond_ctx *ctx,
		      const struct warden_exception_policy *exception);

#endif /* _SECURITY_WARDEN_COND_H */
