/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - the values policy lines hold: numbers and ranges of them,
 * IPv4 or IPv6 address ranges, and domainnames.
 *
 * Each is parsed once, when the line is written, and printed back the way
 * it was written, so decisions compare values and never parse text.
 */

#ifndef _SECURITY_WARDEN_VALUE_H
#define _SECURITY_WARDEN_VALUE_H

#include <linux/types.h>

/* The name of the root domain, as TOMOYO spells it. */
#define WARDEN_ROOT_DOMAINNAME "<kernel>"

/* The longest namespace word of a domainname, "<" and ">" included. */
#define WARDEN_NAMESPACE_NAME_MAX 254

/* Room for any number or range as warden_number_print() writes it. */
#define WARDEN_NUMBER_TEXT_MAX 48

/* Room for any address range as warden_address_range_print() writes it. */
#define WARDEN_ADDRESS_TEXT_MAX 96

/**
 * struct warden_number - a number or a range, as written
 * @min: the lower bound.
 * @max: the upper bound; equal to @min for a single number.
 * @min_base: 8, 10 or 16: how @min was written and is printed.
 * @max_base: the same for @max.
 */
struct warden_number {
	unsigned long min;
	unsigned long max;
	u8 min_base;
	u8 max_base;
};

/**
 * struct warden_address_range - an IPv4 or IPv6 address or range of them
 * @min: the first address, in network byte order; 4 bytes for IPv4.
 * @max: the last address; equal to @min for a single address.
 * @ipv6: the addresses are IPv6.
 */
struct warden_address_range {
	u8 min[16];
	u8 max[16];
	bool ipv6;
};

int warden_number_parse(const char *text, struct warden_number *number);
void warden_number_print(char *buf, size_t size,
			 const struct warden_number *number);
bool warden_number_text_covers(const char *text, unsigned long value);

/**
 * warden_number_covers - whether a number or range holds a value
 * @number: the number or range.
 * @value: the value.
 *
 * Return: true if @value lies between the bounds of @number.
 */
static inline bool warden_number_covers(const struct warden_number *number,
					unsigned long value)
{
	return number->min <= value && value <= number->max;
}

int warden_address_range_parse(const char *text,
			       struct warden_address_range *range);
void warden_address_range_print(char *buf, size_t size,
				const struct warden_address_range *range);
bool warden_address_range_covers(const struct warden_address_range *range,
				 bool ipv6, const u8 *address);

u32 warden_domainname_hash(const char *name);
bool warden_program_word_valid(const char *word, bool wildcards);
int warden_domainname_check(const char *name);

#endif /* _SECURITY_WARDEN_VALUE_H */
