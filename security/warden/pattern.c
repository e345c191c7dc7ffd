// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - pathname patterns.
 *
 * Checks the words of a policy as it is loaded, and matches the encoded
 * pathname of every access against the policy's patterns.  Both follow
 * TOMOYO 2.6, so that its policies keep their meaning here.
 */

#include "common.h"

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

#ifdef CONFIG_SECURITY_WARDEN_KUNIT_TEST

#include <kunit/test.h>
#include <linux/sprintf.h>

struct match_case {
	const char *pattern;
	const char *name;
	bool matches;
};

/*
 * The C strings double every backslash: "/a\\040b" is the pattern /a\040b,
 * the file "/a b".
 */
static const struct match_case match_cases[] = {
	/* Exact words. */
	{ "/", "/", true },
	{ "/etc/passwd", "/etc/passwd", true },
	{ "/etc/passwd", "/etc/passwd2", false },
	{ "/etc/passwd", "/etc/passw", false },
	{ "/etc/passwd", "/etc/Passwd", false },
	{ "/etc/passwd", "/etc/passwd/", false },
	{ "/etc/", "/etc/", true },
	{ "/etc/", "/etc", false },
	{ "/etc/", "/", false },
	{ "/a\\040b", "/a\\040b", true },
	{ "/a\\040b", "/a b", false },
	{ "/a\\040b", "/a\\041b", false },
	{ "/a\\\\b", "/a\\\\b", true },
	{ "/a\\\\b", "/a\\b", false },
	{ "/a/b/c", "/a/b", false },
	{ "/a/b", "/a/b/c", false },
	{ "foo", "foo", true },
	{ "foo", "/foo", false },
	{ "foo", "", false },
	/* \* takes anything in one component, the empty string too. */
	{ "/tmp/\\*", "/tmp/foo", true },
	{ "/tmp/\\*", "/tmp/.hidden", true },
	{ "/tmp/\\*", "/tmp/*", true },
	{ "/tmp/\\*", "/tmp/", false },
	{ "/tmp/\\*", "/tmp", false },
	{ "/tmp/\\*", "/tmp/foo/", false },
	{ "/tmp/\\*", "/tmp/foo/bar", false },
	{ "/tmp/\\*/", "/tmp/foo/", true },
	{ "/tmp/\\*/", "/tmp/foo", false },
	{ "/tmp/\\*/", "/tmp/foo/bar/", false },
	{ "/tmp/\\*", "/tmp/a\\040b", true },
	{ "/tmp/\\*", "/tmp/\\\\", true },
	{ "/tmp/\\*", "/tmp/\\377\\001", true },
	{ "/tmp/\\*.txt", "/tmp/.txt", true },
	{ "/tmp/\\*.txt", "/tmp/a.txt", true },
	{ "/tmp/\\*.txt", "/tmp/a.b.txt", true },
	{ "/tmp/\\*.txt", "/tmp/a.txt.bak", false },
	{ "/tmp/\\*.txt", "/tmp/txt", false },
	{ "/tmp/\\*.txt", "/tmp/a.txt/", false },
	{ "/tmp/a\\*", "/tmp/a", true },
	{ "/tmp/a\\*", "/tmp/abc", true },
	{ "/tmp/a\\*", "/tmp/ba", false },
	{ "/tmp/a\\*b", "/tmp/ab", true },
	{ "/tmp/a\\*b", "/tmp/axxb", true },
	{ "/tmp/a\\*b", "/tmp/abab", true },
	{ "/tmp/a\\*b", "/tmp/axxbx", false },
	{ "/tmp/a\\*b\\*c", "/tmp/abbbc", true },
	{ "/tmp/a\\*b\\*c", "/tmp/abc", true },
	{ "/tmp/a\\*b\\*c", "/tmp/acb", false },
	{ "/tmp/\\*\\*", "/tmp/x", true },
	{ "/tmp/\\*\\*", "/tmp/x/", false },
	{ "/\\*", "/etc", true },
	{ "/\\*/\\*", "/etc/passwd", true },
	/* TOMOYO lets the trailing \* stand for a missing component. */
	{ "/\\*/\\*", "/etc", false },
	{ "/\\*/", "/", false },
	{ "/\\*/\\*/\\*", "/a/b/c", true },
	{ "/\\*/\\*/\\*", "/a/b/c/d", false },
	{ "/usr/\\*/bin/\\*", "/usr/local/bin/env", true },
	{ "/usr/\\*/bin/\\*", "/usr/bin/env", false },
	{ "\\*", "anything", true },
	{ "\\*", "a/b", false },
	{ "LD_\\*", "LD_PRELOAD", true },
	{ "LD_\\*", "PATH", false },
	/* \@ stops at dots. */
	{ "/tmp/\\@", "/tmp/foo", true },
	{ "/tmp/\\@", "/tmp/foo.bar", false },
	{ "/tmp/\\@", "/tmp/.x", false },
	{ "/tmp/\\@", "/tmp/a\\040b", true },
	{ "/tmp/\\@", "/tmp/\\\\", true },
	{ "/tmp/\\@", "/tmp/", false },
	{ "/tmp/\\@.bar", "/tmp/foo.bar", true },
	{ "/tmp/\\@.bar", "/tmp/.bar", true },
	{ "/tmp/\\@.bar", "/tmp/f.o.bar", false },
	{ "/tmp/\\@.\\@", "/tmp/a.b", true },
	{ "/tmp/\\@.\\@", "/tmp/.", true },
	{ "/tmp/\\@.\\@", "/tmp/a.b.c", false },
	{ "/tmp/\\*.\\@", "/tmp/a.b.c", true },
	{ "/tmp/\\@.\\*", "/tmp/a.b.c", true },
	{ "/lib/\\@.so", "/lib/libc.so", true },
	{ "/lib/\\@.so.\\*", "/lib/libc.so.6", true },
	{ "/lib/\\@.so.\\*", "/lib/libc.so.", true },
	{ "/lib/\\@.so.\\*", "/lib/lib.c.so.6", false },
	{ "/x/\\@\\@\\@.c", "/x/main.c", true },
	{ "/x/\\@\\@\\@.c", "/x/ma.in.c", false },
	{ "/x/\\@\\$.\\$", "/x/v1.2", true },
	/* \? is one character, an escaped byte included. */
	{ "/tmp/\\?", "/tmp/a", true },
	{ "/tmp/\\?", "/tmp/.", true },
	{ "/tmp/\\?", "/tmp/", false },
	{ "/tmp/\\?", "/tmp/ab", false },
	{ "/tmp/\\?", "/tmp/a/", false },
	{ "/tmp/\\?", "/tmp/\\040", true },
	{ "/tmp/\\?", "/tmp/\\\\", true },
	{ "/tmp/\\?\\?", "/tmp/\\040", false },
	{ "/tmp/\\?\\?", "/tmp/\\040\\177", true },
	{ "/tmp/\\?\\?", "/tmp/\\\\\\\\", true },
	{ "/tmp/\\?\\?\\?\\?", "/tmp/\\040", false },
	{ "/tmp/a\\?c", "/tmp/abc", true },
	{ "/tmp/a\\?c", "/tmp/ac", false },
	{ "/tmp/a\\?c", "/tmp/a\\011c", true },
	{ "/tmp/\\?/x", "/tmp/a/x", true },
	{ "/tmp/\\?/x", "/tmp//x", false },
	/* \$ is one digit or more, \+ exactly one. */
	{ "/proc/\\$", "/proc/1", true },
	{ "/proc/\\$", "/proc/12345", true },
	{ "/proc/\\$", "/proc/", false },
	{ "/proc/\\$", "/proc/12a", false },
	{ "/proc/\\$", "/proc/self", false },
	{ "/proc/\\$", "/proc/\\040", false },
	{ "/proc/\\$/status", "/proc/42/status", true },
	{ "/proc/\\$/status", "/proc/x/status", false },
	{ "/proc/\\$/status", "/proc//status", false },
	{ "/proc/\\+", "/proc/1", true },
	{ "/proc/\\+", "/proc/12", false },
	{ "/proc/\\+", "/proc/a", false },
	{ "/proc/\\+", "/proc/\\\\", false },
	{ "/proc/\\+\\+", "/proc/12", true },
	{ "/proc/\\+\\+", "/proc/1", false },
	{ "/proc/\\+\\$", "/proc/1", false },
	{ "/proc/\\+\\$", "/proc/12", true },
	{ "/proc/\\$\\+", "/proc/123", true },
	{ "/proc/\\$\\$", "/proc/1", false },
	{ "/proc/\\$\\$", "/proc/12", true },
	{ "/dev/tty\\$", "/dev/tty", false },
	{ "/dev/tty\\$", "/dev/tty0", true },
	{ "/dev/tty\\$", "/dev/ttyS0", false },
	{ "/x/\\$.\\$", "/x/1.2", true },
	{ "/x/\\$.\\$", "/x/1.", false },
	{ "/x/\\$.\\$", "/x/.2", false },
	{ "/x/\\$a", "/x/123a", true },
	{ "/x/\\$1", "/x/11", true },
	{ "/x/\\$1", "/x/1", false },
	{ "/x/\\*\\$", "/x/abc123", true },
	{ "/x/\\*\\$", "/x/123", true },
	{ "/x/\\*\\$", "/x/abc", false },
	{ "/x/\\$\\*", "/x/1abc", true },
	/* \X and \x take hexadecimal digits of either case. */
	{ "/x/\\X", "/x/deadBEEF", true },
	{ "/x/\\X", "/x/0", true },
	{ "/x/\\X", "/x/g", false },
	{ "/x/\\X", "/x/", false },
	{ "/x/\\X", "/x/1f.", false },
	{ "/x/\\x", "/x/F", true },
	{ "/x/\\x", "/x/f", true },
	{ "/x/\\x", "/x/9", true },
	{ "/x/\\x", "/x/G", false },
	{ "/x/\\x", "/x/ff", false },
	{ "/x/\\x\\x", "/x/aF", true },
	{ "/x/0x\\X", "/x/0x1f", true },
	{ "/x/0x\\X", "/x/0x", false },
	{ "/x/\\Xh", "/x/ffh", true },
	{ "/x/\\Xf", "/x/fff", true },
	{ "/x/\\Xf", "/x/f", false },
	{ "/x/\\$\\X", "/x/12", true },
	{ "/x/\\X\\$", "/x/a1", true },
	{ "/x/\\X\\$", "/x/1a", false },
	/* \A and \a take ASCII letters only. */
	{ "/x/\\A", "/x/abcXYZ", true },
	{ "/x/\\A", "/x/abc1", false },
	{ "/x/\\A", "/x/", false },
	{ "/x/\\A", "/x/\\351", false },
	{ "/x/\\a", "/x/Q", true },
	{ "/x/\\a", "/x/z", true },
	{ "/x/\\a", "/x/1", false },
	{ "/x/\\a", "/x/_", false },
	{ "/x/\\a", "/x/[", false },
	{ "/x/\\a", "/x/`", false },
	{ "/x/\\a", "/x/ab", false },
	{ "/x/\\a\\a", "/x/ab", true },
	{ "/x/\\A\\$", "/x/sda1", true },
	{ "/x/\\A\\$", "/x/1", false },
	{ "/x/\\A\\X", "/x/ab", true },
	{ "/x/\\A\\X", "/x/a", false },
	{ "/dev/tty\\A\\$", "/dev/ttyS0", true },
	{ "/dev/tty\\A\\$", "/dev/ttyUSB12", true },
	{ "/dev/tty\\A\\$", "/dev/tty0", false },
	/* Escapes in the pattern match the same escapes only. */
	{ "/x/\\040\\*", "/x/\\040abc", true },
	{ "/x/\\040\\*", "/x/abc", false },
	{ "/x/\\*\\040", "/x/a\\040", true },
	{ "/x/\\*\\040", "/x/a\\0400", false },
	{ "/x/\\\\\\*", "/x/\\\\abc", true },
	{ "/x/\\\\\\*", "/x/abc", false },
	{ "/x/\\*\\\\", "/x/abc\\\\", true },
	/* A malformed name matches nothing. */
	{ "/x/\\*", "/x/a\\q", false },
	{ "/x/\\*", "/x/\\*", false },
	{ "/x/\\*", "/x/a\\", false },
	{ "/x/\\*", "/x/\\04", false },
	{ "/x/\\?", "/x/\\8", false },
	/* X\-Y matches what X matches and Y does not, in one component. */
	{ "/tmp/\\*\\-\\*.tmp", "/tmp/foo", true },
	{ "/tmp/\\*\\-\\*.tmp", "/tmp/foo.tmp", false },
	{ "/tmp/\\*\\-\\*.tmp", "/tmp/.tmp", false },
	{ "/tmp/\\*\\-\\*.tmp", "/tmp/foo.tmpx", true },
	{ "/tmp/\\*\\-\\*.tmp", "/tmp/", false },
	{ "/tmp/\\*\\-a\\-b", "/tmp/a", false },
	{ "/tmp/\\*\\-a\\-b", "/tmp/b", false },
	{ "/tmp/\\*\\-a\\-b", "/tmp/c", true },
	{ "/tmp/\\*\\-a\\-b", "/tmp/ab", true },
	{ "/tmp/\\*\\-a\\-b/", "/tmp/c/", true },
	{ "/tmp/\\*\\-a\\-b/", "/tmp/a/", false },
	{ "/tmp/\\*\\-a\\-b\\-c\\-d", "/tmp/d", false },
	{ "/tmp/\\*\\-a\\-b\\-c\\-d", "/tmp/e", true },
	{ "/tmp/\\$\\-0", "/tmp/0", false },
	{ "/tmp/\\$\\-0", "/tmp/00", true },
	{ "/tmp/\\$\\-0\\*", "/tmp/05", false },
	{ "/tmp/\\$\\-0\\*", "/tmp/50", true },
	{ "/tmp/a\\-b", "/tmp/a", true },
	{ "/tmp/a\\-b", "/tmp/b", false },
	{ "/tmp/a\\-a", "/tmp/a", false },
	{ "/tmp/\\*\\-\\*", "/tmp/x", false },
	{ "/tmp/\\*\\-\\@", "/tmp/x", false },
	{ "/tmp/\\*\\-\\@", "/tmp/x.y", true },
	{ "/x/\\*\\-\\?", "/x/a", false },
	{ "/x/\\*\\-\\?", "/x/ab", true },
	{ "/x/\\*\\-\\?", "/x/\\040", false },
	{ "/x/\\*\\-\\?", "/x/\\040\\040", true },
	{ "/home/\\*\\-root/\\*", "/home/alice/f", true },
	{ "/home/\\*\\-root/\\*", "/home/root/f", false },
	{ "/tmp/\\*\\-a/b", "/tmp/a/b", false },
	{ "/tmp/\\*\\-a/b", "/tmp/c/b", true },
	{ "/tmp/\\*\\-a/b", "/tmp/a/c", false },
	{ "/x/\\*\\-\\*.tmp/\\*\\-.\\*", "/x/a/b", true },
	{ "/x/\\*\\-\\*.tmp/\\*\\-.\\*", "/x/a/.b", false },
	/* /\{dir\}/ takes one level or more. */
	{ "/usr/share/zoneinfo/\\{\\*\\}/\\*",
	  "/usr/share/zoneinfo/Europe/Paris", true },
	{ "/usr/share/zoneinfo/\\{\\*\\}/\\*",
	  "/usr/share/zoneinfo/America/Argentina/Buenos_Aires", true },
	{ "/usr/share/zoneinfo/\\{\\*\\}/\\*", "/usr/share/zoneinfo/UTC",
	  false },
	{ "/usr/share/zoneinfo/\\{\\*\\}/\\*", "/usr/share/zoneinfo/Europe/",
	  false },
	{ "/a/\\{b\\}/c", "/a/b/c", true },
	{ "/a/\\{b\\}/c", "/a/b/b/b/c", true },
	{ "/a/\\{b\\}/c", "/a/c", false },
	{ "/a/\\{b\\}/c", "/a/b/x/c", false },
	{ "/a/\\{b\\}/c", "/a/b/c/c", false },
	{ "/a/\\{b\\}/c", "/a/b/c/", false },
	{ "/a/\\{\\*\\}/", "/a/b/", true },
	{ "/a/\\{\\*\\}/", "/a/b/c/d/", true },
	{ "/a/\\{\\*\\}/", "/a/", false },
	{ "/a/\\{\\*\\}/", "/a/b", false },
	{ "/a/\\{b\\}/", "/a/b/b/", true },
	{ "/a/\\{b\\}/", "/a/b/c/", false },
	{ "/\\{\\*\\}/", "/a/", true },
	{ "/\\{\\*\\}/", "/", false },
	{ "/\\{\\*\\}/x", "/x", false },
	{ "/\\{\\*\\}/x", "/a/x", true },
	{ "/\\{\\*\\}/x", "/a/b/c/d/e/x", true },
	{ "/\\{\\*\\}/x", "/a/b/c/d/e/y", false },
	{ "/\\{\\*\\}/x", "/a/b/c/d/e/x/", false },
	{ "/a/\\{\\$\\}/b", "/a/1/22/333/b", true },
	{ "/a/\\{\\$\\}/b", "/a/1/x/333/b", false },
	{ "/a/\\{\\*\\-.\\*\\}/b", "/a/x/y/b", true },
	{ "/a/\\{\\*\\-.\\*\\}/b", "/a/x/.y/b", false },
	{ "/a/\\{\\*\\}/\\{\\*\\}/b", "/a/x/b", false },
	{ "/a/\\{\\*\\}/\\{\\*\\}/b", "/a/x/y/b", true },
	{ "/a/\\{\\*\\}/\\{\\*\\}/b", "/a/x/y/z/b", true },
	{ "/a/\\{x\\}/\\{y\\}/b", "/a/x/x/y/b", true },
	{ "/a/\\{x\\}/\\{y\\}/b", "/a/x/y/x/b", false },
	{ "/a/\\{x\\}/x/b", "/a/x/x/b", true },
	{ "/a/\\{x\\}/x/b", "/a/x/x/x/x/b", true },
	{ "/a/\\{x\\}/x/b", "/a/x/b", false },
	{ "/a/\\{\\*\\}/b/\\{\\*\\}/c", "/a/1/b/2/c", true },
	{ "/a/\\{\\*\\}/b/\\{\\*\\}/c", "/a/1/b/b/2/b/3/c", true },
	{ "/a/\\{\\*\\}/b/\\{\\*\\}/c", "/a/1/2/c", false },
	{ "/a/\\{\\*\\}/b/\\{\\*\\}/c", "/a/b/c", false },
	{ "/a/\\{\\*\\}/", "/a/b/\\040/", true },
	{ "/a/\\{\\?\\}/b", "/a/x/\\040/b", true },
	{ "/a/\\{\\?\\}/b", "/a/x/yy/b", false },
	{ "/a/\\{\\*\\}/\\*", "/a/b/c", true },
	{ "/a/\\{\\*\\}/\\*", "/a/b/c/", false },
	{ "/a/\\{\\*\\}/\\*/", "/a/b/c/", true },
	{ "/a/\\{.\\@\\}/f", "/a/.x/.y/f", true },
	{ "/a/\\{.\\@\\}/f", "/a/.x/y/f", false },
	{ "/\\{\\*\\}/\\{\\*\\}/\\{\\*\\}/\\*", "/a/b/c/d", true },
	{ "/\\{\\*\\}/\\{\\*\\}/\\{\\*\\}/\\*", "/a/b/c", false },
	{ "/home/\\{\\*\\}/.ssh/\\*", "/home/alice/.ssh/id_rsa", true },
	{ "/home/\\{\\*\\}/.ssh/\\*", "/home/alice/x/.ssh/known_hosts", true },
	{ "/home/\\{\\*\\}/.ssh/\\*", "/home/.ssh/id_rsa", false },
	/* Runs of wildcards that a backtracking matcher would explore. */
	{ "/x/\\*a\\*a\\*a\\*a", "/x/aaaa", true },
	{ "/x/\\*a\\*a\\*a\\*a", "/x/aaa", false },
	{ "/x/\\*a\\*a\\*a\\*a\\*a\\*a\\*b",
	  "/x/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	  false },
	{ "/x/\\$\\$\\$\\$\\$\\$\\$\\$\\$\\$x",
	  "/x/1111111111111111111111111111111111111111111111111111111111111",
	  false },
	{ "/\\{\\*\\}/\\{\\*\\}/\\{\\*\\}/\\{\\*\\}/y",
	  "/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/x",
	  false },
};

/* KUnit prints the description on a TAP line: keep it printable. */
static void describe(char *desc, size_t size, const char *what)
{
	size_t used = strlen(desc);

	if (!*what)
		what = "(empty)";
	for (; *what && used + 5 < size; what++) {
		unsigned char c = *what;

		if (c >= ' ' && c < 0x7f)
			desc[used++] = c;
		else
			used += scnprintf(desc + used, size - used, "\\x%02x",
					  c);
	}
	desc[used] = '\0';
}

static void match_case_desc(const struct match_case *t, char *desc)
{
	desc[0] = '\0';
	describe(desc, KUNIT_PARAM_DESC_SIZE, t->pattern);
	describe(desc, KUNIT_PARAM_DESC_SIZE, t->matches ? " ~ " : " !~ ");
	describe(desc, KUNIT_PARAM_DESC_SIZE, t->name);
}

KUNIT_ARRAY_PARAM(match, match_cases, match_case_desc);

static void test_match(struct kunit *test)
{
	const struct match_case *t = test->param_value;

	KUNIT_ASSERT_EQ_MSG(test, warden_word_check(t->pattern, true), 0,
			    "the pattern of this case is malformed");
	KUNIT_EXPECT_EQ(test, warden_pattern_match(t->name, t->pattern),
			t->matches);
}

struct word_case {
	const char *word;
	bool allow_wildcards;
	int expected;
};

static const struct word_case word_cases[] = {
	/* Malformed whatever is allowed. */
	{ "", true, -EINVAL },
	{ "\\", true, -EINVAL },
	{ "/a\\", true, -EINVAL },
	{ "/a\\\\\\", true, -EINVAL },
	{ "\\q", true, -EINVAL },
	{ "/tmp/\\q", true, -EINVAL },
	{ "\\8", true, -EINVAL },
	{ "\\9", true, -EINVAL },
	{ "\\0", true, -EINVAL },
	{ "\\01", true, -EINVAL },
	{ "/\\01/", true, -EINVAL },
	{ "\\018", true, -EINVAL },
	{ "\\400", true, -EINVAL },
	{ "\\101", true, -EINVAL },
	{ "\\041", true, -EINVAL },
	{ "\\176", true, -EINVAL },
	{ "\\134", true, -EINVAL },
	{ "\\/", true, -EINVAL },
	{ "\\B", true, -EINVAL },
	{ "\\ ", true, -EINVAL },
	{ "a b", true, -EINVAL },
	{ "a\tb", true, -EINVAL },
	{ "a\nb", true, -EINVAL },
	{ "a\x7f", true, -EINVAL },
	{ "a\x80", true, -EINVAL },
	{ "\xff", true, -EINVAL },
	/* \{ must open a component and \} close the same one. */
	{ "\\{a\\}/", true, -EINVAL },
	{ "a\\{b\\}/", true, -EINVAL },
	{ "/a\\{b\\}/", true, -EINVAL },
	{ "/\\{a\\}", true, -EINVAL },
	{ "/\\{a\\}b/", true, -EINVAL },
	{ "/\\{a\\}\\*/", true, -EINVAL },
	{ "/\\{a", true, -EINVAL },
	{ "/\\{a/", true, -EINVAL },
	{ "/\\{a/b\\}/", true, -EINVAL },
	{ "/\\{\\}/", true, -EINVAL },
	{ "/\\{\\{a\\}\\}/", true, -EINVAL },
	{ "/\\{a\\{b\\}/", true, -EINVAL },
	{ "/\\{a\\}\\}/", true, -EINVAL },
	{ "/a\\}/", true, -EINVAL },
	{ "/\\}/", true, -EINVAL },
	{ "\\{", true, -EINVAL },
	{ "\\}", true, -EINVAL },
	/* \- needs an operand on each side, in its component. */
	{ "\\-", true, -EINVAL },
	{ "\\-a", true, -EINVAL },
	{ "/\\-a", true, -EINVAL },
	{ "/x/\\-\\*", true, -EINVAL },
	{ "/x/a\\-", true, -EINVAL },
	{ "/x/a\\-/b", true, -EINVAL },
	{ "/x/a\\-\\-b", true, -EINVAL },
	{ "/\\{\\-a\\}/", true, -EINVAL },
	{ "/\\{a\\-\\}/", true, -EINVAL },
	/* Valid exact words. */
	{ "/", false, 0 },
	{ "/etc/passwd", false, 0 },
	{ "/proc/self/fd/", false, 0 },
	{ "/a\\040b", false, 0 },
	{ "/a\\\\b", false, 0 },
	{ "\\\\", false, 0 },
	{ "/\\001\\037\\040\\177\\200\\377", false, 0 },
	{ "/\\0401", false, 0 },
	{ "/a-b/c.d/~e", false, 0 },
	{ "<kernel>", false, 0 },
	{ "foo", false, 0 },
	{ "//", false, 0 },
	/* Valid patterns, refused where only an exact word will do. */
	{ "/tmp/\\*", true, 0 },
	{ "/tmp/\\*", false, -EINVAL },
	{ "/tmp/\\@", false, -EINVAL },
	{ "/tmp/\\?", false, -EINVAL },
	{ "/proc/\\$", false, -EINVAL },
	{ "/proc/\\+", false, -EINVAL },
	{ "/x/\\X", false, -EINVAL },
	{ "/x/\\x", false, -EINVAL },
	{ "/x/\\A", false, -EINVAL },
	{ "/x/\\a", false, -EINVAL },
	{ "/x/a\\-b", false, -EINVAL },
	{ "/x/\\{a\\}/", false, -EINVAL },
	{ "/x/a\\-b", true, 0 },
	{ "/x/\\{a\\}/", true, 0 },
	{ "/\\{a\\}/\\{b\\}/", true, 0 },
	{ "/\\{\\*\\-a\\-b\\}/c", true, 0 },
	{ "/x/\\*\\-\\*.tmp", true, 0 },
	{ "\\*", true, 0 },
	{ "LD_\\*", true, 0 },
	{ "/\\?\\+\\x\\a\\*\\@\\$\\X\\A", true, 0 },
	{ "/a\\\\\\*", true, 0 },
};

static void word_case_desc(const struct word_case *t, char *desc)
{
	desc[0] = '\0';
	describe(desc, KUNIT_PARAM_DESC_SIZE, t->word);
	describe(desc, KUNIT_PARAM_DESC_SIZE,
		 t->allow_wildcards ? " as a pattern" : " as an exact word");
	describe(desc, KUNIT_PARAM_DESC_SIZE,
		 t->expected ? " is refused" : " is accepted");
}

KUNIT_ARRAY_PARAM(word, word_cases, word_case_desc);

static void test_word_check(struct kunit *test)
{
	const struct word_case *t = test->param_value;

	KUNIT_EXPECT_EQ(test, warden_word_check(t->word, t->allow_wildcards),
			t->expected);
}

struct prefix_case {
	const char *word;
	size_t prefix;
};

static const struct prefix_case prefix_cases[] = {
	{ "/etc/passwd", 11 },
	{ "/etc/", 5 },
	{ "/tmp/\\*", 5 },
	{ "/tmp/x\\*", 6 },
	{ "/a\\040b/\\*", 8 },
	{ "/a\\\\b\\?", 5 },
	{ "/usr/\\{\\*\\}/x", 5 },
	{ "/tmp/a\\-b", 6 },
	{ "/proc/\\$/status", 6 },
	{ "/x/\\+", 3 },
	{ "/x/\\x", 3 },
	{ "/x/\\a", 3 },
	{ "/x/\\X", 3 },
	{ "/x/\\A", 3 },
	{ "/x/\\@", 3 },
	{ "\\*", 0 },
	{ "\\\\\\377\\*", 6 },
};

static void prefix_case_desc(const struct prefix_case *t, char *desc)
{
	desc[0] = '\0';
	describe(desc, KUNIT_PARAM_DESC_SIZE, t->word);
}

KUNIT_ARRAY_PARAM(prefix, prefix_cases, prefix_case_desc);

static void test_literal_prefix(struct kunit *test)
{
	const struct prefix_case *t = test->param_value;
	size_t len = strlen(t->word);

	KUNIT_ASSERT_EQ(test, warden_word_check(t->word, true), 0);
	KUNIT_EXPECT_EQ(test, warden_pattern_literal_prefix(t->word),
			t->prefix);
	KUNIT_EXPECT_EQ(test, warden_word_has_wildcard(t->word),
			t->prefix < len);
	KUNIT_EXPECT_EQ(test, warden_word_check(t->word, false) == 0,
			t->prefix == len);
}

/* Every name a pattern matches begins with its literal prefix. */
static void test_prefix_agrees_with_match(struct kunit *test)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(match_cases); i++) {
		const struct match_case *t = &match_cases[i];
		size_t prefix = warden_pattern_literal_prefix(t->pattern);

		if (t->matches)
			KUNIT_EXPECT_EQ_MSG(test,
					    strncmp(t->name, t->pattern, prefix),
					    0, "%s", t->pattern);
	}
}

static char *repeat_word(struct kunit *test, const char *head,
			 const char *piece, unsigned int times,
			 const char *tail)
{
	size_t size = strlen(head) + times * strlen(piece) + strlen(tail) + 1;
	char *word = kunit_kzalloc(test, size, GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, word);
	strscpy(word, head, size);
	for (i = 0; i < times; i++)
		strlcat(word, piece, size);
	strlcat(word, tail, size);
	return word;
}

static void test_repeat_limit(struct kunit *test)
{
	const unsigned int max = WARDEN_PATTERN_MAX_REPEATS;

	KUNIT_EXPECT_EQ(test,
			warden_word_check(repeat_word(test, "/", "\\*", max,
						      ""), true), 0);
	KUNIT_EXPECT_EQ(test,
			warden_word_check(repeat_word(test, "/", "\\*",
						      max + 1, ""), true),
			-EINVAL);
	/* Both halves of a level count, as in TOMOYO. */
	KUNIT_EXPECT_EQ(test,
			warden_word_check(repeat_word(test, "", "/\\{a\\}",
						      max / 2, "/"), true), 0);
	KUNIT_EXPECT_EQ(test,
			warden_word_check(repeat_word(test, "/\\$", "/\\{a\\}",
						      max / 2, "/"), true),
			-EINVAL);
	/* Single-character wildcards and \- are not limited. */
	KUNIT_EXPECT_EQ(test,
			warden_word_check(repeat_word(test, "/", "\\?\\+",
						      4 * max, ""), true), 0);
	KUNIT_EXPECT_EQ(test,
			warden_word_check(repeat_word(test, "/a", "\\-a",
						      2 * max, ""), true), 0);
}

static void test_unit_limit(struct kunit *test)
{
	const unsigned int max = WARDEN_PATTERN_MAX_UNITS;
	char *word, *name;

	word = repeat_word(test, "/x/\\$", "\\040", max - 1, "");
	KUNIT_ASSERT_EQ(test, warden_word_check(word, true), 0);
	name = repeat_word(test, "/x/1", "\\040", max - 1, "");
	KUNIT_EXPECT_TRUE(test, warden_pattern_match(name, word));
	name = repeat_word(test, "/x/", "\\040", max - 1, "");
	KUNIT_EXPECT_FALSE(test, warden_pattern_match(name, word));
	word = repeat_word(test, "/x/\\$", "a", max, "");
	KUNIT_EXPECT_EQ(test, warden_word_check(word, true), -EINVAL);
	/* Only a component with a repeating wildcard needs states. */
	word = repeat_word(test, "/", "\\?", 4 * max, "/\\*");
	KUNIT_ASSERT_EQ(test, warden_word_check(word, true), 0);
	name = repeat_word(test, "/", "\\001", 4 * max, "/y");
	KUNIT_EXPECT_TRUE(test, warden_pattern_match(name, word));
	name = repeat_word(test, "/", "\\001", 4 * max - 1, "/y");
	KUNIT_EXPECT_FALSE(test, warden_pattern_match(name, word));
}

static void test_level_limit(struct kunit *test)
{
	const unsigned int max = WARDEN_PATTERN_MAX_UNITS;
	char *word, *name;

	/* "", "\{a\}" and max - 2 times "a": max components. */
	word = repeat_word(test, "/\\{a\\}", "/a", max - 2, "");
	KUNIT_ASSERT_EQ(test, warden_word_check(word, true), 0);
	name = repeat_word(test, "", "/a", 2 * max, "");
	KUNIT_EXPECT_TRUE(test, warden_pattern_match(name, word));
	name = repeat_word(test, "", "/a", max - 2, "");
	KUNIT_EXPECT_FALSE(test, warden_pattern_match(name, word));
	word = repeat_word(test, "/\\{a\\}", "/a", max - 1, "");
	KUNIT_EXPECT_EQ(test, warden_word_check(word, true), -EINVAL);
	/* Without \{ the components pair off and need no state. */
	word = repeat_word(test, "", "/\\?", 2 * max, "");
	KUNIT_ASSERT_EQ(test, warden_word_check(word, true), 0);
	name = repeat_word(test, "", "/b", 2 * max, "");
	KUNIT_EXPECT_TRUE(test, warden_pattern_match(name, word));
	name = repeat_word(test, "", "/b", 2 * max + 1, "");
	KUNIT_EXPECT_FALSE(test, warden_pattern_match(name, word));
}

/* A matcher that backtracks would not finish these in a test's lifetime. */
static void test_cost_is_bounded(struct kunit *test)
{
	char *pattern = repeat_word(test, "/", "\\*a", 19, "b");
	char *name = repeat_word(test, "/", "a", 4000, "");

	KUNIT_ASSERT_EQ(test, warden_word_check(pattern, true), 0);
	KUNIT_EXPECT_FALSE(test, warden_pattern_match(name, pattern));
	pattern = repeat_word(test, "", "/\\{\\*\\}", 6, "/b");
	name = repeat_word(test, "", "/a", 2000, "");
	KUNIT_ASSERT_EQ(test, warden_word_check(pattern, true), 0);
	KUNIT_EXPECT_FALSE(test, warden_pattern_match(name, pattern));
}

static struct kunit_case warden_pattern_test_cases[] = {
	KUNIT_CASE_PARAM(test_match, match_gen_params),
	KUNIT_CASE_PARAM(test_word_check, word_gen_params),
	KUNIT_CASE_PARAM(test_literal_prefix, prefix_gen_params),
	KUNIT_CASE(test_prefix_agrees_with_match),
	KUNIT_CASE(test_repeat_limit),
	KUNIT_CASE(test_unit_limit),
	KUNIT_CASE(test_level_limit),
	KUNIT_CASE(test_cost_is_bounded),
	{}
};

static struct kunit_suite warden_pattern_test_suite = {
	.name = "warden_pattern",
	.test_cases = warden_pattern_test_cases,
};

kunit_test_suite(warden_pattern_test_suite);

#endif /* CONFIG_SECURITY_WARDEN_KUNIT_TEST */
