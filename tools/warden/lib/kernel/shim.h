/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Just enough of the kernel's headers for security/warden/pattern.c and
 * pattern_match.c to compile in userspace, so that the tools match
 * patterns with the kernel's own code rather than a copy of it.  Every
 * <linux/...> header those files include is a one-line file in linux/
 * that includes this one.
 */

#ifndef WARDEN_TOOLS_KERNEL_SHIM_H
#define WARDEN_TOOLS_KERNEL_SHIM_H

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define fallthrough __attribute__((__fallthrough__))

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;

/*
 * The kernel's ctype takes a char; glibc's is undefined for negative
 * values, which a raw byte above 0x7f in a name would be.
 */
static inline bool wd_kernel_isdigit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static inline bool wd_kernel_isxdigit(unsigned char c)
{
	return wd_kernel_isdigit(c) || (c >= 'a' && c <= 'f') ||
	       (c >= 'A' && c <= 'F');
}

#define isdigit(c) wd_kernel_isdigit(c)
#define isxdigit(c) wd_kernel_isxdigit(c)

#define BITS_PER_LONG (CHAR_BIT * sizeof(long))
#define BITS_TO_LONGS(n) (((n) + BITS_PER_LONG - 1) / BITS_PER_LONG)
#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]

static inline void __set_bit(unsigned int nr, unsigned long *map)
{
	map[nr / BITS_PER_LONG] |= 1UL << (nr % BITS_PER_LONG);
}

static inline bool test_bit(unsigned int nr, const unsigned long *map)
{
	return map[nr / BITS_PER_LONG] >> (nr % BITS_PER_LONG) & 1;
}

static inline void bitmap_zero(unsigned long *map, unsigned int nbits)
{
	memset(map, 0, BITS_TO_LONGS(nbits) * sizeof(long));
}

static inline void bitmap_copy(unsigned long *dst, const unsigned long *src,
			       unsigned int nbits)
{
	memcpy(dst, src, BITS_TO_LONGS(nbits) * sizeof(long));
}

/* Bits past @nbits in the last word are never set by the callers. */
static inline bool bitmap_empty(const unsigned long *map, unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		if (map[i])
			return false;
	return true;
}

/* security/warden/common.h names these types in declarations only. */
struct mutex;
struct lockdep_map;

#endif /* WARDEN_TOOLS_KERNEL_SHIM_H */
