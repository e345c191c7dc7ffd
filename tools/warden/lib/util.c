// SPDX-License-Identifier: GPL-2.0-only
/*
 * Error reporting, allocation, strings and numbers for every Warden
 * tool; see util.h.
 */

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

static void wd_verror(const char *fmt, va_list ap)
{
	char msg[1024];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	/* What was printed before the error stays before it. */
	fflush(stdout);
	/*
	 * One fprintf() is one write() on unbuffered stderr, so the lines of
	 * a daemon and its children never interleave.
	 */
	fprintf(stderr, "%s: %s\n", program_invocation_short_name, msg);
}

void wd_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	wd_verror(fmt, ap);
	va_end(ap);
}

void wd_perror(const char *what)
{
	wd_error("%s: %s", what, strerror(errno));
}

void wd_usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	wd_verror(fmt, ap);
	va_end(ap);
	wd_try_help();
}

void wd_try_help(void)
{
	fprintf(stderr, "Try '%s --help'.\n", program_invocation_short_name);
	exit(WD_EXIT_USAGE);
}

void wd_bad_option(int c, char *const argv[])
{
	const char *arg = argv[optind - 1];

	if (c == ':')
		wd_usage_error("option '%s' needs an argument", arg);
	/* A short option may stand inside a bundle such as -ex. */
	if (optopt && arg[1] != '-')
		wd_usage_error("unknown option '-%c'", optopt);
	wd_usage_error("unknown option '%s'", arg);
}

void wd_options_help_only(int argc, char *argv[], void (*usage)(FILE *))
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		if (c != 'h')
			wd_bad_option(c, argv);
		usage(stdout);
		exit(WD_EXIT_OK);
	}
	if (optind < argc)
		wd_usage_error("takes no arguments");
}

static void *wd_or_die(void *p)
{
	if (!p) {
		wd_error("out of memory");
		exit(WD_EXIT_FAIL);
	}
	return p;
}

void *wd_xmalloc(size_t size)
{
	return wd_or_die(malloc(size ? size : 1));
}

void *wd_xrealloc(void *ptr, size_t size)
{
	return wd_or_die(realloc(ptr, size ? size : 1));
}

char *wd_xstrdup(const char *s)
{
	return wd_or_die(strdup(s));
}

char *wd_xstrndup(const char *s, size_t len)
{
	return wd_or_die(strndup(s, len));
}

void wd_buf_add(struct wd_buf *b, const char *text, size_t len)
{
	if (b->len + len + 1 > b->size) {
		size_t size = b->size ? b->size : 256;

		while (size < b->len + len + 1)
			size *= 2;
		b->text = wd_xrealloc(b->text, size);
		b->size = size;
	}
	memcpy(b->text + b->len, text, len);
	b->len += len;
	b->text[b->len] = '\0';
}

void wd_buf_puts(struct wd_buf *b, const char *text)
{
	wd_buf_add(b, text, strlen(text));
}

static char *wd_vxasprintf(const char *fmt, va_list ap)
{
	char *text;

	return wd_or_die(vasprintf(&text, fmt, ap) < 0 ? NULL : text);
}

char *wd_xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = wd_vxasprintf(fmt, ap);
	va_end(ap);
	return text;
}

void wd_buf_printf(struct wd_buf *b, const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = wd_vxasprintf(fmt, ap);
	va_end(ap);
	wd_buf_puts(b, text);
	free(text);
}

const char *wd_scan_uint(const char *s, unsigned int max, unsigned int *out)
{
	unsigned long long v = 0;
	const char *p = s;

	for (; *p >= '0' && *p <= '9'; p++) {
		v = v * 10 + (*p - '0');
		if (v > max)
			return NULL;
	}
	if (p == s)
		return NULL;
	*out = v;
	return p;
}

int wd_parse_uint(const char *s, unsigned int max, unsigned int *out)
{
	unsigned int v;
	const char *end = wd_scan_uint(s, max, &v);

	if (!end || *end)
		return -1;
	*out = v;
	return 0;
}
