/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Pathname patterns, checked and matched by the kernel's own code
 * (security/warden/pattern.c and pattern_match.c, compiled for the tools
 * through kernel/shim.h), so that a tool and the kernel never disagree on
 * what a pattern matches.  Names and patterns are words in TOMOYO's
 * encoding (escape.h).
 */

#ifndef WARDEN_TOOLS_MATCH_H
#define WARDEN_TOOLS_MATCH_H

#include <stdbool.h>
#include <stddef.h>

/* Whether encoded @name matches @pattern (a word wd_word_check() took). */
bool wd_pattern_match(const char *name, const char *pattern);
/* 0 if the kernel would take @word (with wildcards if allowed), or -EINVAL. */
int wd_word_check(const char *word, bool allow_wildcards);
/* Whether @word holds a wildcard. */
bool wd_word_has_wildcard(const char *word);
/* How many bytes at the start of @pattern every match begins with. */
size_t wd_pattern_literal_prefix(const char *pattern);

#endif /* WARDEN_TOOLS_MATCH_H */
