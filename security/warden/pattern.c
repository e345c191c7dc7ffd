// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - the syntax of the words of a policy.
 *
 * Checks each pathname, pattern and name of a policy as it is loaded,
 * following TOMOYO 2.6's encoding and wildcards, and tells the index
 * which part of a pattern is fixed.
 */

#include "common.h"

#include <linux/errno.h>
#include <linux/string.h>
#include <linux/types.h>

#include "pattern.h"
#include "pattern_token.h"

/**
 * warden_pattern_literal_prefix - length of a pattern's fixed beginning
 * @pattern: a word warden_word_check() accepted.
 *
 * Every name that @pattern matches begins with these bytes, so patterns
 * can be indexed by them.
 *
 * Return: the number of bytes before the first wildcard or operator, or
 * strlen(@pattern) if it has none.
 */
size_t warden_pattern_literal_prefix(const char *pattern)
{
	const char *p = pattern;

	while (*p && warden_next_token(p).kind == WARDEN_TOKEN_LITERAL)
		p += warden_next_token(p).len;
	return p - pattern;
}

/**
 * warden_word_has_wildcard - whether a word is a pattern
 * @word: a word warden_word_check() accepted.
 *
 * Return: true if @word holds a wildcard or operator, false if only the
 * name spelled exactly as @word matches it.
 */
bool warden_word_has_wildcard(const char *word)
{
	/* Every wildcard and operator starts with a backslash. */
	return strchr(word, '\\') &&
	       word[warden_pattern_literal_prefix(word)] != '\0';
}

/* What warden_word_check() knows of the component it is in. */
struct component_scan {
	unsigned int units;
	bool loops;		/* holds \* \@ \$ \X or \A */
	bool operand_empty;	/* nothing since its start, \{ or \- */
	bool after_minus;	/* the last token was \- */
};

static void start_component(struct component_scan *c)
{
	*c = (struct component_scan){ .operand_empty = true };
}

static bool component_ends_well(const struct component_scan *c)
{
	return !c->after_minus &&
	       (!c->loops || c->units <= WARDEN_PATTERN_MAX_UNITS);
}

/* An escape for a byte that needs none would spell one name two ways. */
static bool escape_is_needed(const char *p)
{
	unsigned int byte = (p[1] - '0') << 6 | (p[2] - '0') << 3 |
			    (p[3] - '0');

	return byte <= ' ' || byte >= 0x7f;
}

/**
 * warden_word_check - validate a word of the policy
 * @word: the word, in TOMOYO's encoding.
 * @allow_wildcards: whether @word may be a pattern.
 *
 * A word is not empty and holds only bytes 0x21..0x7e; a backslash starts
 * "\\", an escape "\ooo" of a byte outside that range, or, if
 * @allow_wildcards, one of \* \@ \? \$ \+ \X \x \A \a \- \{ \}.  \- needs
 * something on both sides within its component; \{ starts a component
 * and \} ends the same one, with something between them, and no word
 * ends inside.  The limits WARDEN_PATTERN_MAX_REPEATS and
 * WARDEN_PATTERN_MAX_UNITS apply.  TOMOYO also accepts an empty operand
 * of \- and an empty \{\}; both are almost certainly typos, and refusing
 * them reports the typo instead of loading a rule that means something
 * else.
 *
 * Return: 0 if @word is valid, -EINVAL otherwise.
 */
int warden_word_check(const char *word, bool allow_wildcards)
{
	struct component_scan comp;
	unsigned int repeats = 0;
	unsigned int levels = 1;
	bool has_open = false;
	bool in_level = false;
	const char *p;

	if (!word || !*word)
		return -EINVAL;
	/*
	 * A word without a backslash holds no escape and no wildcard, so
	 * only its bytes need checking; most words of a policy are such,
	 * and this spares a policy load the token walk below for them.
	 */
	if (!strchr(word, '\\')) {
		for (p = word; *p; p++)
			if ((unsigned char)*p <= ' ' ||
			    (unsigned char)*p >= 0x7f)
				return -EINVAL;
		return 0;
	}
	start_component(&comp);
	for (p = word; *p; p += warden_next_token(p).len) {
		struct warden_token t = warden_next_token(p);

		if (*p == '/') {
			if (in_level || !component_ends_well(&comp))
				return -EINVAL;
			start_component(&comp);
			levels++;
			continue;
		}
		if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 0x7f)
			return -EINVAL;
		if (t.kind == WARDEN_TOKEN_BAD ||
		    (t.kind != WARDEN_TOKEN_LITERAL && !allow_wildcards))
			return -EINVAL;
		if (t.len == 4 && !escape_is_needed(p))
			return -EINVAL;
		if (t.kind == WARDEN_TOKEN_STAR || t.kind == WARDEN_TOKEN_PLUS ||
		    t.kind == WARDEN_TOKEN_OPEN || t.kind == WARDEN_TOKEN_CLOSE) {
			if (++repeats > WARDEN_PATTERN_MAX_REPEATS)
				return -EINVAL;
		}
		switch (t.kind) {
		case WARDEN_TOKEN_MINUS:
			if (comp.operand_empty)
				return -EINVAL;
			comp.operand_empty = true;
			comp.after_minus = true;
			break;
		case WARDEN_TOKEN_OPEN:
			if (in_level || p == word || p[-1] != '/')
				return -EINVAL;
			in_level = true;
			has_open = true;
			break;
		case WARDEN_TOKEN_CLOSE:
			if (!in_level || comp.operand_empty || p[2] != '/')
				return -EINVAL;
			in_level = false;
			break;
		default:
			comp.loops |= t.kind == WARDEN_TOKEN_STAR ||
				      t.kind == WARDEN_TOKEN_PLUS;
			comp.units++;
			comp.operand_empty = false;
			comp.after_minus = false;
		}
	}
	if (in_level || !component_ends_well(&comp))
		return -EINVAL;
	if (has_open && levels > WARDEN_PATTERN_MAX_UNITS)
		return -EINVAL;
	return 0;
}
