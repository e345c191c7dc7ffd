// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - pathnames matched against patterns.
 *
 * Every access whose file entries hold a pattern comes here, with the
 * encoded pathname asked for.  The matching follows TOMOYO 2.6, so that
 * its policies keep their meaning, at a cost bounded by the lengths of
 * the name and the pattern.
 */

#include "common.h"

#include <linux/bitmap.h>
#include <linux/ctype.h>
#include <linux/string.h>
#include <linux/types.h>

#include "pattern.h"
#include "pattern_token.h"

/*
 * A policy is written by an administrator but matched on every access, so
 * no pattern may cost more than a polynomial, whatever it holds.  Matching
 * therefore runs two nondeterministic automata, one inside the other, each
 * advanced one step at a time with all its live states in a bitmap: one
 * across components, whose states are the pattern's components (so that
 * /\{dir\}/ may take any number of levels), and one within a component,
 * whose states lie between its tokens.  Nothing is ever retried: each name
 * unit costs a few walks over the pattern components live at that point,
 * so a match costs O(strlen(name) * strlen(pattern)) with or without \{.
 * The bitmaps have a fixed size, hence the limits of warden_word_check().
 */

/* State bitmaps: a \$ \X or \A needs two states, the end needs one more. */
#define UNIT_STATES	(2 * WARDEN_PATTERN_MAX_UNITS + 2)
#define LEVEL_STATES	(WARDEN_PATTERN_MAX_UNITS + 1)

/* The kernel's ctype also counts Latin-1 letters; TOMOYO's \a does not. */
static bool is_ascii_letter(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/*
 * Bytes taken by the name unit at @s, which is not the end of its
 * component; 0 if @s starts a malformed escape, which then matches
 * nothing.  An escape is one unit, as in TOMOYO: \? takes "\040" whole.
 */
static unsigned int name_unit_len(const char *s)
{
	if (*s != '\\')
		return 1;
	if (s[1] == '\\')
		return 2;
	return warden_is_octal_triplet(s + 1) ? 4 : 0;
}

static bool unit_in_class(const char *s, unsigned int len, u8 class)
{
	switch (class) {
	case WARDEN_CLASS_ANY:
		return true;
	case WARDEN_CLASS_NOT_DOT:
		return *s != '.';
	case WARDEN_CLASS_DIGIT:
		return len == 1 && isdigit(*s);
	case WARDEN_CLASS_HEX:
		return len == 1 && isxdigit(*s);
	case WARDEN_CLASS_ALPHA:
		return len == 1 && is_ascii_letter(*s);
	}
	return false;
}

/* Whether a literal or single-unit token at @p accepts the unit at @s. */
static bool token_takes_unit(const struct warden_token *t, const char *p,
			     const char *s, unsigned int len)
{
	if (t->kind == WARDEN_TOKEN_LITERAL)
		return t->len == len && !memcmp(p, s, len);
	return t->kind == WARDEN_TOKEN_SINGLE && unit_in_class(s, len, t->class);
}

/*
 * Without \* \@ \$ \X \A every token takes exactly one unit, so tokens and
 * units pair off in order and no state is needed, whatever the length.
 */
static bool match_fixed(const char *s, const char *end, const char *p,
			const char *p_end)
{
	while (p < p_end) {
		struct warden_token t = warden_next_token(p);
		unsigned int len;

		if (s == end)
			return false;
		len = name_unit_len(s);
		if (!len || !token_takes_unit(&t, p, s, len))
			return false;
		s += len;
		p += t.len;
	}
	return s == end;
}

/*
 * State i means "the tokens before state i are matched".  A \* state loops
 * on itself; a \$ has a first state that must take one digit and a second
 * that loops like \*.  Leaving a loop takes no unit, so every looping state
 * that is live also makes the state after it live.
 */
static void follow_empty_moves(unsigned long *live, const char *p,
			       const char *p_end)
{
	unsigned int state = 0;

	for (; p < p_end; p += warden_next_token(p).len, state++) {
		u8 kind = warden_next_token(p).kind;

		if (kind == WARDEN_TOKEN_PLUS)
			state++;
		if ((kind == WARDEN_TOKEN_STAR || kind == WARDEN_TOKEN_PLUS) &&
		    test_bit(state, live))
			__set_bit(state + 1, live);
	}
}

static void take_unit(const unsigned long *live, unsigned long *next,
		      const char *p, const char *p_end, const char *s,
		      unsigned int len)
{
	unsigned int state = 0;

	for (; p < p_end; state++) {
		struct warden_token t = warden_next_token(p);
		bool fits = unit_in_class(s, len, t.class);

		switch (t.kind) {
		case WARDEN_TOKEN_PLUS:
			if (fits && test_bit(state, live))
				__set_bit(state + 1, next);
			state++;
			fallthrough;
		case WARDEN_TOKEN_STAR:
			if (fits && test_bit(state, live))
				__set_bit(state, next);
			break;
		default:
			if (test_bit(state, live) &&
			    token_takes_unit(&t, p, s, len))
				__set_bit(state + 1, next);
		}
		p += t.len;
	}
}

/* Match the units [@s, @end) with a pattern that holds no \- \{ \}. */
static bool match_operand(const char *s, const char *end, const char *p,
			  const char *p_end)
{
	DECLARE_BITMAP(live, UNIT_STATES);
	DECLARE_BITMAP(next, UNIT_STATES);
	unsigned int states = 0;
	bool loops = false;
	const char *q;

	for (q = p; q < p_end; states++) {
		struct warden_token t = warden_next_token(q);

		if (t.kind == WARDEN_TOKEN_PLUS)
			states++;
		loops |= t.kind == WARDEN_TOKEN_STAR || t.kind == WARDEN_TOKEN_PLUS;
		q += t.len;
	}
	if (!loops)
		return match_fixed(s, end, p, p_end);
	/* Only an unchecked pattern can be this long. */
	if (states >= UNIT_STATES)
		return false;

	bitmap_zero(live, states + 1);
	__set_bit(0, live);
	follow_empty_moves(live, p, p_end);
	while (s < end) {
		unsigned int len = name_unit_len(s);

		if (!len)
			return false;
		bitmap_zero(next, states + 1);
		take_unit(live, next, p, p_end, s, len);
		follow_empty_moves(next, p, p_end);
		if (bitmap_empty(next, states + 1))
			return false;
		bitmap_copy(live, next, states + 1);
		s += len;
	}
	return test_bit(states, live);
}

static const char *operand_end(const char *p, const char *p_end)
{
	while (p < p_end && warden_next_token(p).kind != WARDEN_TOKEN_MINUS)
		p += warden_next_token(p).len;
	return p;
}

/*
 * A component "A\-B\-C" matches what A matches unless B or C matches it
 * too; the check of the pattern leaves no operand empty.
 */
static bool match_component(const char *s, const char *end, const char *p,
			    const char *p_end)
{
	const char *op_end = operand_end(p, p_end);

	if (!match_operand(s, end, p, op_end))
		return false;
	while (op_end < p_end) {
		p = op_end + 2;
		op_end = operand_end(p, p_end);
		if (match_operand(s, end, p, op_end))
			return false;
	}
	return true;
}

static bool has_levels(const char *pattern)
{
	const char *p;

	for (p = pattern; *p; p += warden_next_token(p).len)
		if (warden_next_token(p).kind == WARDEN_TOKEN_OPEN)
			return true;
	return false;
}

static bool match_in_step(const char *name, const char *pattern)
{
	for (;;) {
		const char *end = strchrnul(name, '/');
		const char *p_end = strchrnul(pattern, '/');

		if (!match_component(name, end, pattern, p_end))
			return false;
		/*
		 * Both must run out together: unlike TOMOYO, a trailing \*
		 * never stands for a component the name does not have.
		 */
		if (!*end || !*p_end)
			return !*end && !*p_end;
		name = end + 1;
		pattern = p_end + 1;
	}
}

/*
 * State j means "the name's components so far matched the pattern's
 * components before j".  A level component "\{dir\}" that takes a name
 * component keeps its own state live, so it may take the next one too.
 */
static bool match_levels(const char *name, const char *pattern)
{
	DECLARE_BITMAP(live, LEVEL_STATES);
	DECLARE_BITMAP(next, LEVEL_STATES);
	unsigned int levels = 1;
	const char *p;

	for (p = pattern; *p; p++)
		levels += *p == '/';
	/* Only an unchecked pattern can have this many. */
	if (levels >= LEVEL_STATES)
		return false;

	bitmap_zero(live, levels + 1);
	__set_bit(0, live);
	for (;;) {
		const char *end = strchrnul(name, '/');
		unsigned int j;

		bitmap_zero(next, levels + 1);
		for (p = pattern, j = 0; j < levels; j++) {
			const char *p_end = strchrnul(p, '/');

			if (!test_bit(j, live)) {
				/* Nothing to try here. */
			} else if (warden_next_token(p).kind == WARDEN_TOKEN_OPEN) {
				if (match_component(name, end, p + 2,
						    p_end - 2)) {
					__set_bit(j, next);
					__set_bit(j + 1, next);
				}
			} else if (match_component(name, end, p, p_end)) {
				__set_bit(j + 1, next);
			}
			p = *p_end ? p_end + 1 : p_end;
		}
		if (bitmap_empty(next, levels + 1))
			return false;
		bitmap_copy(live, next, levels + 1);
		if (!*end)
			return test_bit(levels, live);
		name = end + 1;
	}
}

/**
 * warden_pattern_match - whether an encoded pathname matches a pattern
 * @name: the pathname, in TOMOYO's encoding.
 * @pattern: a word warden_word_check() accepted with wildcards allowed.
 *
 * A pattern ending in '/' matches only names ending in '/' (directories),
 * and any other pattern only names that do not.  An escaped byte of @name
 * ("\\" or "\ooo") is one character to every wildcard.  An empty @name
 * matches nothing.
 *
 * Return: true if @name matches @pattern.
 */
bool warden_pattern_match(const char *name, const char *pattern)
{
	size_t name_len = strlen(name);
	size_t pattern_len = strlen(pattern);

	if (!name_len || !pattern_len)
		return false;
	if ((name[name_len - 1] == '/') != (pattern[pattern_len - 1] == '/'))
		return false;
	if (has_levels(pattern))
		return match_levels(name, pattern);
	return match_in_step(name, pattern);
}
