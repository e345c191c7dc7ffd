// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - the strings an exec passes: its arguments and environment,
 * read from the new program's stack for exec.argv[] and exec.envp[]
 * conditions, "misc env" checks and the exec's audit record.
 */

#include "common.h"

#include <linux/binfmts.h>
#include <linux/err.h>
#include <linux/highmem.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "cond.h"
#include "exec_args.h"
#include "realpath.h"

/* Reads the strings an exec copied to the new program's stack. */
struct warden_arg_reader {
	const struct linux_binprm *bprm;
	unsigned long pos;
	unsigned long page_start;
	struct page *page;
	char *kaddr;
};

static void warden_arg_release(struct warden_arg_reader *r)
{
	if (!r->page)
		return;
	kunmap_local(r->kaddr);
	put_page(r->page);
	r->page = NULL;
}

/* The next byte; the page that holds it is fetched when needed. */
static int warden_arg_byte(struct warden_arg_reader *r, char *c)
{
	unsigned long page_start = r->pos & PAGE_MASK;
	long got;

	if (!r->page || r->page_start != page_start) {
		warden_arg_release(r);
		mmap_read_lock(r->bprm->mm);
		got = get_user_pages_remote(r->bprm->mm, r->pos, 1, FOLL_FORCE,
					    &r->page, NULL);
		mmap_read_unlock(r->bprm->mm);
		if (got <= 0) {
			r->page = NULL;
			return -EFAULT;
		}
		r->kaddr = kmap_local_page(r->page);
		r->page_start = page_start;
	}
	*c = r->kaddr[r->pos++ - page_start];
	return 0;
}

/*
 * Read the next string into @buf, or as much of it as fits before a '='
 * when @stop_at_equals; skip the rest.  Returns its length, or -E2BIG when
 * the kept part does not fit, or -EFAULT.
 */
static int warden_arg_string(struct warden_arg_reader *r, char *buf,
			     size_t size, bool stop_at_equals)
{
	bool keeping = buf;
	size_t len = 0;
	char c;
	int err;

	do {
		err = warden_arg_byte(r, &c);
		if (err)
			return err;
		if (stop_at_equals && c == '=')
			keeping = false;
		if (keeping && c) {
			if (len + 1 >= size)
				return -E2BIG;
			buf[len++] = c;
		}
	} while (c);
	if (buf)
		buf[len] = '\0';
	return len;
}

/* The most argument and environment bytes conditions are matched on. */
#define WARDEN_EXEC_ARGS_MAX (64 * 1024)

/*
 * Copy the exec's argument and environment strings, *@len bytes.
 * ERR_PTR(-E2BIG) when they are longer than the copy may be, or the
 * error of reading them.
 */
static char *warden_exec_args_copy(const struct linux_binprm *bprm,
				   size_t *len)
{
	struct warden_arg_reader r = { .bprm = bprm, .pos = bprm->p };
	unsigned int strings = bprm->argc + bprm->envc, done = 0;
	char *args, c;
	int err = 0;

	args = kmalloc(WARDEN_EXEC_ARGS_MAX, GFP_KERNEL);
	if (!args)
		return ERR_PTR(-ENOMEM);
	*len = 0;
	while (done < strings && !err) {
		if (*len == WARDEN_EXEC_ARGS_MAX)
			err = -E2BIG;
		else
			err = warden_arg_byte(&r, &c);
		if (err)
			break;
		args[(*len)++] = c;
		if (!c)
			done++;
	}
	warden_arg_release(&r);
	if (err) {
		kfree(args);
		return ERR_PTR(err);
	}
	return args;
}

/**
 * warden_exec_args_for_record - the strings of an exec, for its audit record
 * @bprm: the exec.
 * @len: receives the length of the copy.
 *
 * For the record of an exec whose strings the check did not read.
 *
 * Return: the argument and environment strings, each ending in a NUL, or
 * %NULL when they cannot be had.
 */
char *warden_exec_args_for_record(const struct linux_binprm *bprm,
				  size_t *len)
{
	char *args = warden_exec_args_copy(bprm, len);

	return IS_ERR(args) ? NULL : args;
}

/* @args encoded as policy writes strings, each still ending in a NUL. */
static char *warden_exec_args_encode(const char *args, size_t len,
				     size_t *encoded_len)
{
	const char *s, *end = args + len;
	char *encoded, *out;

	*encoded_len = 0;
	for (s = args; s < end; s += strlen(s) + 1)
		*encoded_len += warden_encoded_len(s, strlen(s)) + 1;
	encoded = kvmalloc(*encoded_len ?: 1, GFP_KERNEL);
	if (!encoded)
		return NULL;
	out = encoded;
	for (s = args; s < end; s += strlen(s) + 1) {
		warden_encode(out, s, strlen(s));
		out += strlen(out) + 1;
	}
	return encoded;
}

/**
 * warden_exec_args - read an exec's strings for its conditions
 * @bprm: the exec.
 * @ctx: the request's condition context, which receives the copy and its
 *       encoded form.
 *
 * Read the exec's argument and environment strings for exec.argv[] and
 * exec.envp[] conditions, before the decision, so that no decision waits
 * on memory.  When they are longer than the copy may be, or cannot be
 * read, no copy is made and such conditions are not met.
 *
 * Return: 0, or -ENOMEM, which fails the exec.
 */
int warden_exec_args(struct linux_binprm *bprm, struct warden_cond_ctx *ctx)
{
	size_t len, encoded_len;
	char *args, *encoded;

	args = warden_exec_args_copy(bprm, &len);
	if (IS_ERR(args))
		return PTR_ERR(args) == -ENOMEM ? -ENOMEM : 0;
	encoded = warden_exec_args_encode(args, len, &encoded_len);
	if (!encoded) {
		kfree(args);
		return -ENOMEM;
	}
	ctx->args = args;
	ctx->args_len = len;
	ctx->encoded_args = encoded;
	ctx->encoded_len = encoded_len;
	ctx->argc = bprm->argc;
	ctx->envc = bprm->envc;
	return 0;
}

/* The longest environment variable name an exec may pass checked. */
#define WARDEN_ENV_NAME_MAX 1024

/**
 * warden_exec_env_names - call a function on each environment variable name
 * @bprm: the exec.  Its empty strings, and those with nothing before their
 *        '=', name no variable and are skipped.
 * @fn: called with each name, encoded as policy writes names; a nonzero
 *      return stops the walk.
 * @arg: @fn's argument.
 *
 * Return: 0, the first nonzero return of @fn, -ENOMEM, -E2BIG when a name
 * is longer than WARDEN_ENV_NAME_MAX, or -EFAULT when the strings cannot
 * be read.
 */
int warden_exec_env_names(struct linux_binprm *bprm,
			  int (*fn)(const char *encoded, void *arg), void *arg)
{
	struct warden_arg_reader r = { .bprm = bprm, .pos = bprm->p };
	char *name, *encoded;
	int i, len, err = 0;

	name = kmalloc(WARDEN_ENV_NAME_MAX, GFP_KERNEL);
	encoded = kmalloc(WARDEN_ENV_NAME_MAX * 4 + 1, GFP_KERNEL);
	if (!name || !encoded) {
		err = -ENOMEM;
		goto out;
	}
	/* The arguments come first on the stack, then the environment. */
	for (i = 0; i < bprm->argc && !err; i++)
		err = min(warden_arg_string(&r, NULL, 0, false), 0);
	for (i = 0; i < bprm->envc && !err; i++) {
		len = warden_arg_string(&r, name, WARDEN_ENV_NAME_MAX, true);
		if (len < 0) {
			err = len;
			break;
		}
		/* "" or "=value" names no variable: TOMOYO skips it too. */
		if (!len)
			continue;
		warden_encode(encoded, name, len);
		err = fn(encoded, arg);
	}
out:
	warden_arg_release(&r);
	kfree(encoded);
	kfree(name);
	return err;
}
