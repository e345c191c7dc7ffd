// SPDX-License-Identifier: GPL-2.0-only
/*
 * TOMOYO's word escapes, encoded and decoded in one place for the policy
 * tools (canonical words) and the configuration files (lax words); see
 * escape.h.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "util.h"

static bool wd_needs_octal(unsigned char c)
{
	return c <= 0x20 || c >= 0x7f;
}

char *wd_encode(const char *raw, size_t len)
{
	char *word = wd_xmalloc(len * 4 + 1), *out = word;
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = raw[i];

		if (c == '\\') {
			*out++ = '\\';
			*out++ = '\\';
		} else if (wd_needs_octal(c)) {
			*out++ = '\\';
			*out++ = '0' + (c >> 6);
			*out++ = '0' + ((c >> 3) & 7);
			*out++ = '0' + (c & 7);
		} else {
			*out++ = c;
		}
	}
	*out = '\0';
	return word;
}

/*
 * The one decoder.  @canonical: refuse what the kernel would not print
 * (bare special bytes, octal for a byte that needs none); otherwise
 * refuse \000 instead.  @out may be @in: it never runs ahead of it.
 * Returns the decoded length, or -1.
 */
static long wd_unescape(const char *in, char *out, bool canonical)
{
	const unsigned char *p = (const unsigned char *)in;
	char *start = out;

	while (*p) {
		unsigned char c = *p++;

		if (canonical && wd_needs_octal(c))
			return -1;
		if (c != '\\') {
			*out++ = c;
			continue;
		}
		if (*p == '\\') {
			*out++ = '\\';
			p++;
			continue;
		}
		if (p[0] < '0' || p[0] > '3' || p[1] < '0' || p[1] > '7' ||
		    p[2] < '0' || p[2] > '7')
			return -1;
		c = ((p[0] - '0') << 6) | ((p[1] - '0') << 3) | (p[2] - '0');
		if (canonical ? !wd_needs_octal(c) : !c)
			return -1;
		*out++ = c;
		p += 3;
	}
	*out = '\0';
	return out - start;
}

char *wd_decode(const char *word, size_t *len)
{
	char *raw = wd_xmalloc(strlen(word) + 1);
	long n = wd_unescape(word, raw, true);

	if (n < 0) {
		free(raw);
		errno = EINVAL;
		return NULL;
	}
	if (len)
		*len = n;
	return raw;
}

int wd_decode_word(char *word)
{
	return wd_unescape(word, word, false) < 0 ? -1 : 0;
}
