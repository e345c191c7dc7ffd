// SPDX-License-Identifier: GPL-2.0-only
/*
 * The tools' names for the kernel's pattern functions; see match.h.  The
 * kernel's pattern.h is included as it is, so a change of its signatures
 * breaks this build instead of going unnoticed.
 */

#include "kernel/shim.h"
#include "match.h"
#include "../../../security/warden/pattern.h"

bool wd_pattern_match(const char *name, const char *pattern)
{
	return warden_pattern_match(name, pattern);
}

int wd_word_check(const char *word, bool allow_wildcards)
{
	return warden_word_check(word, allow_wildcards);
}

bool wd_word_has_wildcard(const char *word)
{
	return warden_word_has_wildcard(word);
}

size_t wd_pattern_literal_prefix(const char *pattern)
{
	return warden_pattern_literal_prefix(pattern);
}
