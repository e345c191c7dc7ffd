// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - numbers, ranges and address ranges: parsing and printing.
 *
 * Numbers keep the base they were written in ("0644", "0x5401", "1000")
 * so that a policy reads back as written; addresses print as "%pI4" and
 * "%pI6c" do, which is how TOMOYO prints them.
 */

#include "common.h"

#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/inet.h>
#include <linux/kernel.h>
#include <linux/hex.h>
#include <linux/overflow.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/stringhash.h>

#include "pattern.h"
#include "value.h"

/* Parse "N", "0N" (octal) or "0xN" of @len bytes, keeping the base. */
static int warden_parse_ulong(const char *s, size_t len, unsigned long *value,
			      u8 *base)
{
	size_t i;

	*base = 10;
	if (len >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		*base = 16;
		s += 2;
		len -= 2;
	} else if (len >= 2 && s[0] == '0') {
		*base = 8;
		s++;
		len--;
	}
	if (!len)
		return -EINVAL;
	*value = 0;
	/* Digits only: no sign, no second "0x", no trailing garbage. */
	for (i = 0; i < len; i++) {
		unsigned int digit;

		if (*base == 16 ? !isxdigit(s[i]) : !isdigit(s[i]))
			return -EINVAL;
		digit = hex_to_bin(s[i]);
		if (digit >= *base ||
		    check_mul_overflow(*value, (unsigned long)*base, value) ||
		    check_add_overflow(*value, (unsigned long)digit, value))
			return -EINVAL;
	}
	return 0;
}

/**
 * warden_number_parse - parse a number or a range of policy
 * @text: "N", "0N" (octal), "0xN", or two of them joined by '-'.
 * @number: receives the bounds and how they were written.
 *
 * Return: 0, or -EINVAL if @text is not a number or a rising range.
 */
int warden_number_parse(const char *text, struct warden_number *number)
{
	const char *dash = strchr(text, '-');
	size_t len = dash ? dash - text : strlen(text);

	if (warden_parse_ulong(text, len, &number->min, &number->min_base))
		return -EINVAL;
	if (!dash) {
		number->max = number->min;
		number->max_base = number->min_base;
		return 0;
	}
	if (warden_parse_ulong(dash + 1, strlen(dash + 1), &number->max,
			       &number->max_base) ||
	    number->max < number->min)
		return -EINVAL;
	return 0;
}

/**
 * warden_number_text_covers - whether a written number or range has a value
 * @text: a number or range, as policy writes it.
 * @value: the value.
 *
 * Only for entries still kept as text; compiled entries hold a
 * &struct warden_number and use warden_number_covers().
 *
 * Return: true if @text parses and covers @value.
 */
bool warden_number_text_covers(const char *text, unsigned long value)
{
	struct warden_number number;

	return !warden_number_parse(text, &number) &&
	       warden_number_covers(&number, value);
}

static int warden_print_ulong(char *buf, size_t size, unsigned long value,
			      u8 base)
{
	if (base == 16)
		return scnprintf(buf, size, "0x%lX", value);
	if (base == 8)
		return scnprintf(buf, size, "0%lo", value);
	return scnprintf(buf, size, "%lu", value);
}

/**
 * warden_number_print - print a number or range as it was written
 * @buf: the buffer.
 * @size: its size; %WARDEN_NUMBER_TEXT_MAX always suffices.
 * @number: the number.
 */
void warden_number_print(char *buf, size_t size,
			 const struct warden_number *number)
{
	int len = warden_print_ulong(buf, size, number->min, number->min_base);

	if (number->min != number->max || number->min_base != number->max_base) {
		len += scnprintf(buf + len, size - len, "-");
		warden_print_ulong(buf + len, size - len, number->max,
				   number->max_base);
	}
}

/**
 * warden_address_range_parse - parse an address or a range of addresses
 * @text: an IPv4 or IPv6 address, or two of one family joined by '-'.
 * @range: receives the range.
 *
 * Return: 0, or -EINVAL if @text is not an address or a rising range.
 */
int warden_address_range_parse(const char *text,
			       struct warden_address_range *range)
{
	const char *dash = strchr(text, '-');
	int delim = dash ? '-' : '\0';
	bool ok;

	memset(range, 0, sizeof(*range));
	range->ipv6 = strchr(text, ':');
	ok = range->ipv6 ? in6_pton(text, -1, range->min, delim, NULL) :
			   in4_pton(text, -1, range->min, delim, NULL);
	if (!ok)
		return -EINVAL;
	memcpy(range->max, range->min, sizeof(range->max));
	if (dash) {
		ok = range->ipv6 ?
		     in6_pton(dash + 1, -1, range->max, '\0', NULL) :
		     in4_pton(dash + 1, -1, range->max, '\0', NULL);
		if (!ok)
			return -EINVAL;
	}
	if (memcmp(range->min, range->max, range->ipv6 ? 16 : 4) > 0)
		return -EINVAL;
	return 0;
}

/**
 * warden_address_range_print - print an address range canonically
 * @buf: the buffer.
 * @size: its size; %WARDEN_ADDRESS_TEXT_MAX always suffices.
 * @range: the range: printed as one address when it holds one.
 */
void warden_address_range_print(char *buf, size_t size,
				const struct warden_address_range *range)
{
	bool one = !memcmp(range->min, range->max, range->ipv6 ? 16 : 4);
	int len;

	len = range->ipv6 ? scnprintf(buf, size, "%pI6c", range->min) :
			    scnprintf(buf, size, "%pI4", range->min);
	if (one)
		return;
	if (range->ipv6)
		scnprintf(buf + len, size - len, "-%pI6c", range->max);
	else
		scnprintf(buf + len, size - len, "-%pI4", range->max);
}

/**
 * warden_address_range_covers - whether an address is in a range
 * @range: the range.
 * @ipv6: @address is IPv6.
 * @address: the address, 16 bytes for IPv6 and 4 for IPv4.
 *
 * Return: true if @range is of @address's family and holds it.
 */
bool warden_address_range_covers(const struct warden_address_range *range,
				 bool ipv6, const u8 *address)
{
	size_t len = ipv6 ? 16 : 4;

	return range->ipv6 == ipv6 && memcmp(range->min, address, len) <= 0 &&
	       memcmp(address, range->max, len) <= 0;
}

/**
 * warden_domainname_hash - the hash a domain is found by
 * @name: the domainname.
 *
 * Return: the hash, shared by the live domain table and the policy.
 */
u32 warden_domainname_hash(const char *name)
{
	return full_name_hash(NULL, name, strlen(name));
}

/*
 * Whether @word, the first word of a domainname, names a namespace:
 * "<kernel>" or another "<...>" made of printable characters, short
 * enough that a line of the namespace can be printed after it.
 */
static bool warden_namespace_word_valid(const char *word, size_t len)
{
	size_t i;

	if (len < 3 || len > WARDEN_NAMESPACE_NAME_MAX || word[0] != '<' ||
	    word[len - 1] != '>')
		return false;
	for (i = 1; i < len - 1; i++)
		if (word[i] <= ' ' || word[i] > '~' || word[i] == '<' ||
		    word[i] == '>')
			return false;
	return true;
}

/**
 * warden_program_word_valid - whether a word can name a program
 * @word: the word, in TOMOYO's encoding.
 * @wildcards: whether pattern wildcards are allowed in it.
 *
 * A program is named by a pathname: absolute ("/bin/sh"), or for a file
 * that no path reaches, within its filesystem ("proc:/self/exe", which
 * busybox's shell executes, or "dev(8,1):/sbin/init").  TOMOYO's
 * init_policy writes "aggregator proc:/self/exe /proc/self/exe".
 *
 * Return: true if @word is such a name.
 */
bool warden_program_word_valid(const char *word, bool wildcards)
{
	const char *slash = strchr(word, '/');

	if (!slash)
		return false;
	if (slash != word && (slash == word + 1 || slash[-1] != ':'))
		return false;
	return !warden_word_check(word, wildcards);
}

/**
 * warden_domainname_check - check the syntax of a domainname
 * @name: e.g. "<kernel> /usr/sbin/httpd /bin/sh".
 *
 * A domainname is a namespace word followed by the names of programs
 * (warden_program_word_valid()) in TOMOYO's encoding, without wildcards,
 * one space apart.
 *
 * Return: 0 if @name is a well-formed domainname, -EINVAL if not, -ENOMEM
 * if there was no memory to check it.
 */
int warden_domainname_check(const char *name)
{
	char *copy, *cursor, *word;
	int err = 0;

	cursor = strchr(name, ' ');
	if (!warden_namespace_word_valid(name, cursor ? cursor - name :
						      strlen(name)))
		return -EINVAL;
	if (!cursor)
		return 0;
	copy = kstrdup(cursor + 1, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	cursor = copy;
	while (!err && (word = strsep(&cursor, " ")))
		if (!warden_program_word_valid(word, false))
			err = -EINVAL;
	kfree(copy);
	return err;
}
