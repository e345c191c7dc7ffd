// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - KUnit tests of pathname patterns: what each wildcard
 * matches, which words are well formed, the literal prefix the index
 * uses, and the limits that keep a match's cost bounded.
 */

#include "../common.h"
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>

#include "../pattern.h"

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
