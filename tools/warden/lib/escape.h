/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * TOMOYO's word escapes, which the kernel's policy, records and the
 * tools' configuration files all use: "\\" stands for a backslash and
 * "\ooo" (three octal digits) for one byte.  The kernel writes every byte
 * <= 0x20 or >= 0x7f that way, and only those.
 */

#ifndef WARDEN_TOOLS_ESCAPE_H
#define WARDEN_TOOLS_ESCAPE_H

#include <stddef.h>

/* The word for @len raw bytes, as the kernel would print it; malloc'd. */
char *wd_encode(const char *raw, size_t len);

/*
 * The bytes a policy word stands for, in a malloc'd buffer, its length
 * in *@len (NUL bytes included).  Only the kernel's spelling decodes: a
 * printable byte in octal, or a bare space or control byte, is refused,
 * so that every name has one spelling.  NULL with errno EINVAL.
 */
char *wd_decode(const char *word, size_t *len);

/*
 * Decode a configuration word in place.  Laxer than wd_decode(): any
 * byte may be written in octal, but \000 is refused, for it would cut
 * the C string short.  0, or -1 when the word breaks the rule.
 */
int wd_decode_word(char *word);

#endif /* WARDEN_TOOLS_ESCAPE_H */
