/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - conditions on ACL entries.
 *
 * The words after an ACL line's arguments ("task.uid=0",
 * "exec.argv[1]=\"-c\"", "path1.type=file", "grant_log=no", ...) narrow
 * the entry to requests that meet them.  They are compiled when the line
 * is written into typed elements, so that evaluating them allocates
 * nothing, parses nothing and cannot fail.
 */

#ifndef _SECURITY_WARDEN_COND_H
#define _SECURITY_WARDEN_COND_H

#include <linux/path.h>
#include <linux/seq_file.h>
#include <linux/types.h>

struct linux_binprm;
struct warden_cond;
struct warden_exception_policy;

/**
 * struct warden_cond_ctx - what a request offers its conditions
 * @path: the files "path1" and "path2" name, or %NULL.
 * @exec_realpath: the encoded pathname of the program an exec runs.
 * @symlink_target: the encoded target of a symlink being created.
 * @bprm: the exec, for exec.argc and exec.envc.
 * @args: the exec's argument strings, then its environment strings, each
 *        ending in a NUL, as the program gets them; or %NULL when they
 *        were not read.  Audit records print them.
 * @args_len: the bytes of @args.
 * @encoded_args: the same strings encoded as policy writes them, for
 *                exec.argv[] and exec.envp[]; or %NULL.
 * @encoded_len: the bytes of @encoded_args.
 * @argc: how many of the strings are arguments.
 * @envc: how many are environment strings.
 * @read_args: reads @bprm's strings into a new buffer of *@len bytes for
 *             a record that needs them when @args is %NULL; or %NULL.
 */
struct warden_cond_ctx {
	const struct path *path[2];
	const char *exec_realpath;
	const char *symlink_target;
	const struct linux_binprm *bprm;
	const char *args;
	size_t args_len;
	const char *encoded_args;
	size_t encoded_len;
	unsigned int argc;
	unsigned int envc;
	char *(*read_args)(const struct linux_binprm *bprm, size_t *len);
};

/* The longest canonical conditions of one line. */
#define WARDEN_COND_TEXT_MAX 8192

char *warden_cond_split(char *words);
int warden_cond_compile(char *words, struct warden_exception_policy *exception,
			struct warden_cond **out, const char **reason);
bool warden_cond_eval(const struct warden_cond *cond,
		      const struct warden_cond_ctx *ctx);
int warden_cond_grant_log(const struct warden_cond *cond);
bool warden_cond_needs_exec_args(const struct warden_cond *cond);
bool warden_cond_equal(const struct warden_cond *a,
		       const struct warden_cond *b);
const char *warden_cond_text(const struct warden_cond *cond);
void warden_cond_show(struct seq_file *m, const struct warden_cond *cond);
size_t warden_cond_size(const struct warden_cond *cond);
void warden_cond_free(struct warden_cond *cond);
int warden_cond_canonical(char *words, char *out, size_t size,
			  const char **reason);

#endif /* _SECURITY_WARDEN_COND_H */
