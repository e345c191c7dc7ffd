/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What every Warden tool needs before it does its own job: one way to
 * report errors, the exit statuses every man page documents, memory that
 * is there or ends the program, growing strings and bounded decimal
 * numbers.
 *
 * The library's names all start with wd_; each lib/ header covers one job
 * (util, io, escape, iface, policy, grammar, match, conf, record, daemon).
 */

#ifndef WARDEN_TOOLS_UTIL_H
#define WARDEN_TOOLS_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Exit statuses, the same for every tool and listed in every man page. */
enum wd_exit {
	WD_EXIT_OK = 0,		/* did what was asked */
	WD_EXIT_FAIL = 1,	/* the system or the kernel refused */
	WD_EXIT_USAGE = 2,	/* the command line or an argument is wrong */
};

/* "prog: message\n" on stderr; stdout is flushed first to keep order. */
void wd_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "prog: what: <strerror(errno)>" */
void wd_perror(const char *what);
/* wd_error(), then wd_try_help(). */
void wd_usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));
/*
 * "Try 'prog --help'." and exit(2): after getopt_long() has named a bad
 * option, or after wd_usage_error()'s message.
 */
void wd_try_help(void) __attribute__((noreturn));
/*
 * For getopt_long()'s '?' or ':' (every optstring starts with ':', so the
 * library, not getopt, words the message): "unknown option '-x'" or
 * "option '--config' needs an argument", then wd_try_help().
 */
void wd_bad_option(int c, char *const argv[]) __attribute__((noreturn));

/*
 * getopt_long() for a tool whose only option is -h/--help: prints
 * @usage to stdout and exits 0 for it, refuses anything else with 2.
 */
void wd_options_help_only(int argc, char *argv[], void (*usage)(FILE *));

/* Allocation that never returns NULL: out of memory ends the program. */
void *wd_xmalloc(size_t size) __attribute__((malloc, returns_nonnull));
void *wd_xrealloc(void *ptr, size_t size) __attribute__((returns_nonnull));
char *wd_xstrdup(const char *s) __attribute__((malloc, returns_nonnull));
char *wd_xstrndup(const char *s, size_t len)
	__attribute__((malloc, returns_nonnull));

/* A growing NUL-terminated string; start it zeroed, free(text) at the end. */
struct wd_buf {
	char *text;
	size_t len, size;
};

void wd_buf_add(struct wd_buf *b, const char *text, size_t len);
void wd_buf_puts(struct wd_buf *b, const char *text);
/* A formatted string; malloc'd, or the program ends. */
char *wd_xasprintf(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), malloc, returns_nonnull));
void wd_buf_printf(struct wd_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * A plain decimal number no bigger than @max: no sign, no blanks, no
 * junk after it.  Returns 0, or -1 with *@out untouched.
 */
int wd_parse_uint(const char *s, unsigned int max, unsigned int *out);
/* The same at the start of @s: returns the end of the digits, or NULL. */
const char *wd_scan_uint(const char *s, unsigned int max, unsigned int *out);

#endif /* WARDEN_TOOLS_UTIL_H */
