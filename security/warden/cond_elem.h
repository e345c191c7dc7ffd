/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - compiled conditions, as cond.c builds them and
 * cond_eval.c evaluates them.
 *
 * Private to those two files: every other file sees &struct warden_cond
 * only through cond.h.
 */

#ifndef _SECURITY_WARDEN_COND_ELEM_H
#define _SECURITY_WARDEN_COND_ELEM_H

#include <linux/types.h>

#include "value.h"

struct warden_cond_ctx;
struct warden_group;

/* The attributes of a file pathN.* has, and those pathN.parent.* has. */
#define WARDEN_COND_NR_FILE_FIELDS 9
#define WARDEN_COND_NR_PARENT_FIELDS 4

/*
 * Where "perm" is among the fields of pathN.* and of pathN.parent.* (uid,
 * gid, ino, perm), as warden_cond_numeric[] lists them.
 */
#define WARDEN_COND_PERM_FIELD 5
#define WARDEN_COND_PARENT_PERM_FIELD 3

/* The words of warden_cond_constants[] in cond.c. */
#define WARDEN_COND_NR_CONSTANTS 19

/* The first seven constants are file types; the others mode bits. */
#define WARDEN_COND_NR_TYPES 7

/*
 * The left sides of conditions.  Those before %WARDEN_COND_NR_NUMERIC are
 * compared with numbers and may stand on the right side too, in the order
 * of warden_cond_numeric[].
 */
enum warden_cond_left {
	WARDEN_COND_TASK_UID,
	WARDEN_COND_TASK_EUID,
	WARDEN_COND_TASK_SUID,
	WARDEN_COND_TASK_FSUID,
	WARDEN_COND_TASK_GID,
	WARDEN_COND_TASK_EGID,
	WARDEN_COND_TASK_SGID,
	WARDEN_COND_TASK_FSGID,
	WARDEN_COND_TASK_PID,
	WARDEN_COND_TASK_PPID,
	WARDEN_COND_EXEC_ARGC,
	WARDEN_COND_EXEC_ENVC,
	WARDEN_COND_PATH1,	/* nine fields of path1, then of path2 */
	WARDEN_COND_PATH1_PARENT = WARDEN_COND_PATH1 +
				   2 * WARDEN_COND_NR_FILE_FIELDS,
	WARDEN_COND_NR_NUMERIC = WARDEN_COND_PATH1_PARENT +
				 2 * WARDEN_COND_NR_PARENT_FIELDS,
	WARDEN_COND_EXEC_REALPATH = WARDEN_COND_NR_NUMERIC,
	WARDEN_COND_SYMLINK_TARGET,
	WARDEN_COND_EXEC_ARGV,
	WARDEN_COND_EXEC_ENVP,
	WARDEN_COND_NUMBER,	/* a number, range or constant against a group */
	WARDEN_COND_FIXED,	/* two numbers: @value holds the answer */
};

/* What the right side of a condition is. */
enum warden_cond_right {
	WARDEN_RIGHT_NUMBER,		/* a number or range */
	WARDEN_RIGHT_CONSTANT,		/* a file type or mode bit */
	WARDEN_RIGHT_ATTRIBUTE,		/* another numeric left side */
	WARDEN_RIGHT_NUMBER_GROUP,	/* @group of numbers */
	WARDEN_RIGHT_PATH_GROUP,	/* @group of pathnames */
	WARDEN_RIGHT_PATTERN,		/* "pattern" */
	WARDEN_RIGHT_EMPTY,		/* "" */
	WARDEN_RIGHT_NULL,		/* NULL: no such variable */
};

/**
 * struct warden_cond_elem - one compiled condition
 * @left: an &enum warden_cond_left.
 * @right: an &enum warden_cond_right.
 * @value: for %WARDEN_RIGHT_CONSTANT the index of the constant, for
 *         %WARDEN_RIGHT_ATTRIBUTE the &enum warden_cond_left compared with;
 *         for %WARDEN_COND_FIXED whether the two numbers overlap.
 * @negate: the condition was written with "!=".
 * @index: N of exec.argv[N].
 * @number: the number or range of %WARDEN_RIGHT_NUMBER.
 * @group: the group of %WARDEN_RIGHT_*_GROUP; %NULL only where the
 *         conditions were read without an exception policy.
 * @left_min: the lower bound of a %WARDEN_COND_NUMBER left side.
 * @left_max: its upper bound.
 * @pattern: the encoded pattern of %WARDEN_RIGHT_PATTERN.
 * @name: NAME of exec.envp["NAME"], encoded as the policy wrote it.
 */
struct warden_cond_elem {
	u8 left;
	u8 right;
	u8 value;
	bool negate;
	unsigned int index;
	union {
		struct warden_number number;
		struct {
			const struct warden_group *group;
			unsigned long left_min;
			unsigned long left_max;
		};
		const char *pattern;
	};
	const char *name;
};

/**
 * struct warden_cond - the compiled conditions of one entry
 * @size: the bytes allocated, for the policy memory count.
 * @text: the canonical conditions, one space apart.
 * @grant_log: 1 for "grant_log=yes", 0 for "grant_log=no", else -1.
 * @needs_args: an element reads exec.argv[] or exec.envp[].
 * @count: the number of @elem.
 * @elem: the conditions to evaluate, in the order written; the strings
 *        they point to follow them in the same allocation.
 */
struct warden_cond {
	size_t size;
	const char *text;
	s8 grant_log;
	bool needs_args;
	unsigned int count;
	struct warden_cond_elem elem[];
};

extern const umode_t warden_cond_constant_bits[WARDEN_COND_NR_CONSTANTS];

/**
 * warden_cond_is_perm - whether a left side is a file's permission bits
 * @left: an &enum warden_cond_left.
 *
 * Return: true for pathN.perm and pathN.parent.perm, the only left sides
 * a mode bit ("setuid", "owner_read", ...) is tested against.
 */
static inline bool warden_cond_is_perm(unsigned int left)
{
	if (left >= WARDEN_COND_PATH1_PARENT && left < WARDEN_COND_NR_NUMERIC)
		return (left - WARDEN_COND_PATH1_PARENT) %
		       WARDEN_COND_NR_PARENT_FIELDS ==
		       WARDEN_COND_PARENT_PERM_FIELD;
	if (left >= WARDEN_COND_PATH1 && left < WARDEN_COND_PATH1_PARENT)
		return (left - WARDEN_COND_PATH1) % WARDEN_COND_NR_FILE_FIELDS ==
		       WARDEN_COND_PERM_FIELD;
	return false;
}

bool warden_cond_elem_eval(const struct warden_cond_elem *elem,
			   const struct warden_cond_ctx *ctx);

#endif /* _SECURITY_WARDEN_COND_ELEM_H */
