/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - pathname patterns.
 *
 * Validates the words of TOMOYO 2.6 policy and matches encoded pathnames
 * against its wildcard patterns.  Both sides use TOMOYO's encoding, in
 * which every byte outside 0x21..0x7e is written as \ooo.
 */

#ifndef _SECURITY_WARDEN_PATTERN_H
#define _SECURITY_WARDEN_PATTERN_H

#include <linux/types.h>

/*
 * TOMOYO refuses a word with more than 20 of \* \@ \$ \X \A \{ \}; a
 * policy it would refuse must not load here either.
 */
#define WARDEN_PATTERN_MAX_REPEATS 20

/*
 * The matcher keeps its state in fixed bitmaps on the stack, so a
 * component holding \* \@ \$ \X or \A may have at most this many units
 * (characters, escapes and wildcards), and a word holding \{ at most this
 * many '/'-separated components.  No real file name component is longer.
 */
#define WARDEN_PATTERN_MAX_UNITS 255

int warden_word_check(const char *word, bool allow_wildcards);
bool warden_word_has_wildcard(const char *word);
size_t warden_pattern_literal_prefix(const char *pattern);
bool warden_pattern_match(const char *name, const char *pattern);

#endif /* _SECURITY_WARDEN_PATTERN_H */
