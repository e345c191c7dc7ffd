/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - the tokens of a pathname pattern.
 *
 * A pattern is read one token at a time: a literal byte or escape, or a
 * wildcard or operator.  pattern.c checks words with these tokens and
 * pattern_match.c matches names against them; nothing else includes this
 * header.
 */

#ifndef _SECURITY_WARDEN_PATTERN_TOKEN_H
#define _SECURITY_WARDEN_PATTERN_TOKEN_H

#include <linux/types.h>

enum warden_token_kind {
	WARDEN_TOKEN_LITERAL,	/* matches a name unit spelled with the same bytes */
	WARDEN_TOKEN_SINGLE,	/* \? \+ \x \a */
	WARDEN_TOKEN_STAR,	/* \* \@, zero or more */
	WARDEN_TOKEN_PLUS,	/* \$ \X \A, one or more */
	WARDEN_TOKEN_MINUS,	/* \- */
	WARDEN_TOKEN_OPEN,	/* \{ */
	WARDEN_TOKEN_CLOSE,	/* \} */
	WARDEN_TOKEN_BAD,
};

enum warden_char_class {
	WARDEN_CLASS_ANY,	/* '/' never reaches a class test: components hold none */
	WARDEN_CLASS_NOT_DOT,
	WARDEN_CLASS_DIGIT,
	WARDEN_CLASS_HEX,
	WARDEN_CLASS_ALPHA,
};

struct warden_token {
	u8 kind;
	u8 class;
	u8 len;		/* bytes it takes in the pattern */
};

/*
 * Short-circuit evaluation stops at the first byte that is not a digit,
 * so this never reads past a terminating NUL.
 */
static inline bool warden_is_octal_triplet(const char *s)
{
	return s[0] >= '0' && s[0] <= '3' && s[1] >= '0' && s[1] <= '7' &&
	       s[2] >= '0' && s[2] <= '7';
}

static inline struct warden_token warden_escape_token(u8 kind, u8 class)
{
	return (struct warden_token){ .kind = kind, .class = class, .len = 2 };
}

static inline struct warden_token warden_next_token(const char *p)
{
	if (*p != '\\')
		return (struct warden_token){ .kind = WARDEN_TOKEN_LITERAL, .len = 1 };
	switch (p[1]) {
	case '\\':
		return warden_escape_token(WARDEN_TOKEN_LITERAL, WARDEN_CLASS_ANY);
	case '?':
		return warden_escape_token(WARDEN_TOKEN_SINGLE, WARDEN_CLASS_ANY);
	case '+':
		return warden_escape_token(WARDEN_TOKEN_SINGLE, WARDEN_CLASS_DIGIT);
	case 'x':
		return warden_escape_token(WARDEN_TOKEN_SINGLE, WARDEN_CLASS_HEX);
	case 'a':
		return warden_escape_token(WARDEN_TOKEN_SINGLE, WARDEN_CLASS_ALPHA);
	case '*':
		return warden_escape_token(WARDEN_TOKEN_STAR, WARDEN_CLASS_ANY);
	case '@':
		return warden_escape_token(WARDEN_TOKEN_STAR, WARDEN_CLASS_NOT_DOT);
	case '$':
		return warden_escape_token(WARDEN_TOKEN_PLUS, WARDEN_CLASS_DIGIT);
	case 'X':
		return warden_escape_token(WARDEN_TOKEN_PLUS, WARDEN_CLASS_HEX);
	case 'A':
		return warden_escape_token(WARDEN_TOKEN_PLUS, WARDEN_CLASS_ALPHA);
	case '-':
		return warden_escape_token(WARDEN_TOKEN_MINUS, WARDEN_CLASS_ANY);
	case '{':
		return warden_escape_token(WARDEN_TOKEN_OPEN, WARDEN_CLASS_ANY);
	case '}':
		return warden_escape_token(WARDEN_TOKEN_CLOSE, WARDEN_CLASS_ANY);
	}
	if (warden_is_octal_triplet(p + 1))
		return (struct warden_token){ .kind = WARDEN_TOKEN_LITERAL, .len = 4 };
	/* One byte, so that a walk can never step over the end. */
	return (struct warden_token){ .kind = WARDEN_TOKEN_BAD, .len = 1 };
}

#endif /* _SECURITY_WARDEN_PATTERN_TOKEN_H */
