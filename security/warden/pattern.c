// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - pathname patterns.
 *
 * Checks the words of a policy as it is loaded, and matches the encoded
 * pathname of every access against the policy's patterns.  Both follow
 * TOMOYO 2.6, so that its policies keep their meaning here.
 */

#include <linux/bitmap.h>
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/types.h>

#include "pattern.h"

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

enum token_kind {
	TOKEN_LITERAL,	/* matches a name unit spelled with the same bytes */
	TOKEN_SINGLE,	/* \? \+ \x \a */
	TOKEN_STAR,	/* \* \@, zero or more */
	TOKEN_PLUS,	/* \$ \X \A, one or more */
	TOKEN_MINUS,	/* \- */
	TOKEN_OPEN,	/* \{ */
	TOKEN_CLOSE,	/* \} */
	TOKEN_BAD,
};

enum char_class {
	CLASS_ANY,	/* '/' never reaches a class test: components hold none */
	CLASS_NOT_DOT,
	CLASS_DIGIT,
	CLASS_HEX,
	CLASS_ALPHA,
};

struct token {
	u8 kind;
	u8 class;
	u8 len;		/* bytes it takes in the pattern */
};

/* State bitmaps: a \$ \X or \A needs two states, the end needs one more. */
#define UNIT_STATES	(2 * WARDEN_PATTERN_MAX_UNITS + 2)
#define LEVEL_STATES	(WARDEN_PATTERN_MAX_UNITS + 1)

/*
 * Short-circuit evaluation stops at the first byte that is not a digit,
 * so this never reads past a terminating NUL.
 */
static bool is_octal_triplet(const char *s)
{
	return s[0] >= '0' && s[0] <= '3' && s[1] >= '0' && s[1] <= '7' &&
	       s[2] >= '0' && s[2] <= '7';
}

/* The kernel's ctype also counts Latin-1 letters; TOMOYO's \a does not. */
static bool is_ascii_letter(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static struct token escape_token(u8 kind, u8 class)
{
	return (struct token){ .kind = kind, .class = class, .len = 2 };
}

static struct token next_token(const char *p)
{
	if (*p != '\\')
		return (struct token){ .kind = TOKEN_LITERAL, .len = 1 };
	switch (p[1]) {
	case '\\':
		return escape_token(TOKEN_LITERAL, CLASS_ANY);
	case '?':
		return escape_token(TOKEN_SINGLE, CLASS_ANY);
	case '+':
		return escape_token(TOKEN_SINGLE, CLASS_DIGIT);
	case 'x':
		return escape_token(TOKEN_SINGLE, CLASS_HEX);
	case 'a':
		return escape_token(TOKEN_SINGLE, CLASS_ALPHA);
	case '*':
		return escape_token(TOKEN_STAR, CLASS_ANY);
	case '@':
		return escape_token(TOKEN_STAR, CLASS_NOT_DOT);
	case '$':
		return escape_token(TOKEN_PLUS, CLASS_DIGIT);
	case 'X':
		return escape_token(TOKEN_PLUS, CLASS_HEX);
	case 'A':
		return escape_token(TOKEN_PLUS, CLASS_ALPHA);
	case '-':
		return escape_token(TOKEN_MINUS, CLASS_ANY);
	case '{':
		return escape_token(TOKEN_OPEN, CLASS_ANY);
	case '}':
		return escape_token(TOKEN_CLOSE, CLASS_ANY);
	}
	if (is_octal_triplet(p + 1))
		return (struct token){ .kind = TOKEN_LITERAL, .len = 4 };
	/* One byte, so that a walk can never step over the end. */
	return (struct token){ .kind = TOKEN_BAD, .len = 1 };
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
	return is_octal_triplet(s + 1) ? 4 : 0;
}

static bool unit_in_class(const char *s, unsigned int len, u8 class)
{
	switch (class) {
	case CLASS_ANY:
		return true;
	case CLASS_NOT_DOT:
		return *s != '.';
	case CLASS_DIGIT:
		return len == 1 && isdigit(*s);
	case CLASS_HEX:
		return len == 1 && isxdigit(*s);
	case CLASS_ALPHA:
		return len == 1 && is_ascii_letter(*s);
	}
	return false;
}

/* Whether a literal or single-unit token at @p accepts the unit at @s. */
static bool token_takes_unit(const struct token *t, const char *p,
			     const char *s, unsigned int len)
{
	if (t->kind == TOKEN_LITERAL)
		return t->len == len && !memcmp(p, s, len);
	return t->kind == TOKEN_SINGLE && unit_in_class(s, len, t->class);
}

/*
 * Without \* \@ \$ \X \A every token takes exactly one unit, so tokens and
 * units pair off in order and no state is needed, whatever the length.
 */
static bool match_fixed(const char *s, const char *end, const char *p,
			const char *p_end)
{
	while (p < p_end) {
		struct token t = next_token(p);
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

	for (; p < p_end; p += next_token(p).len, state++) {
		u8 kind = next_token(p).kind;

		if (kind == TOKEN_PLUS)
			state++;
		if ((kind == TOKEN_STAR || kind == TOKEN_PLUS) &&
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
		struct token t = next_token(p);
		bool fits = unit_in_class(s, len, t.class);

		switch (t.kind) {
		case TOKEN_PLUS:
			if (fits && test_bit(state, live))
				__set_bit(state + 1, next);
			state++;
			fallthrough;
		case TOKEN_STAR:
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
		struct token t = next_token(q);

		if (t.kind == TOKEN_PLUS)
			states++;
		loops |= t.kind == TOKEN_STAR || t.kind == TOKEN_PLUS;
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
	while (p < p_end && next_token(p).kind != TOKEN_MINUS)
		p += next_token(p).len;
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

	for (p = pattern; *p; p += next_token(p).len)
		if (next_token(p).kind == TOKEN_OPEN)
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
			} else if (next_token(p).kind == TOKEN_OPEN) {
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

	while (*p && next_token(p).kind == TOKEN_LITERAL)
		p += next_token(p).len;
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
	for (p = word; *p; p += next_token(p).len) {
		struct token t = next_token(p);

		if (*p == '/') {
			if (in_level || !component_ends_well(&comp))
				return -EINVAL;
			start_component(&comp);
			levels++;
			continue;
		}
		if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 0x7f)
			return -EINVAL;
		if (t.kind == TOKEN_BAD ||
		    (t.kind != TOKEN_LITERAL && !allow_wildcards))
			return -EINVAL;
		if (t.len == 4 && !escape_is_needed(p))
			return -EINVAL;
		if (t.kind == TOKEN_STAR || t.kind == TOKEN_PLUS ||
		    t.kind == TOKEN_OPEN || t.kind == TOKEN_CLOSE) {
			if (++repeats > WARDEN_PATTERN_MAX_REPEATS)
				return -EINVAL;
		}
		switch (t.kind) {
		case TOKEN_MINUS:
			if (comp.operand_empty)
				return -EINVAL;
			comp.operand_empty = true;
			comp.after_minus = true;
			break;
		case TOKEN_OPEN:
			if (in_level || p == word || p[-1] != '/')
				return -EINVAL;
			in_level = true;
			has_open = true;
			break;
		case TOKEN_CLOSE:
			if (!in_level || comp.operand_empty || p[2] != '/')
				return -EINVAL;
			in_level = false;
			break;
		default:
			comp.loops |= t.kind == TOKEN_STAR ||
				      t.kind == TOKEN_PLUS;
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
