/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The grammar of policy lines that the tools read and write: blanks and
 * comments, one normal spelling of a line, and ACL lines split into
 * their keyword, operations and arguments, so that "file read X" and
 * "file write X" merge into "file read/write X" exactly as the kernel
 * prints the pair.  The record's own lines are split in record.h.
 */

#ifndef WARDEN_TOOLS_GRAMMAR_H
#define WARDEN_TOOLS_GRAMMAR_H

#include <stdbool.h>
#include <stddef.h>

/* Space, tab, or the '\r' of a line written on another system. */
bool wd_is_blank(char c);
/*
 * Trim blanks at both ends of the span @line[0..*@len): returns where it
 * now starts and shortens *@len.
 */
size_t wd_span_trim(const char *line, size_t *len);
/* Blank or a '#' comment: the kernel skips such a line wherever it is. */
bool wd_line_is_empty(const char *line, size_t len);
/*
 * The line as the kernel keeps it: blanks trimmed at both ends, every run
 * of blanks inside made one space; malloc'd.
 */
char *wd_line_normalise(const char *line);

/*
 * The kernel's ACL kinds: lines whose operations may share one line, in
 * the order the kernel prints them ("file read/write/append X").
 */
enum wd_acl_kind {
	WD_ACL_FILE_PATH,	/* file execute ... unmount <path> */
	WD_ACL_FILE_NUMBER,	/* file create ... chgrp <path> <number> */
	WD_ACL_FILE_MKDEV,	/* file mkblock/mkchar <path> <mode> <major> <minor> */
	WD_ACL_FILE_PATH2,	/* file link/rename/pivot_root <path> <path> */
	WD_ACL_FILE_MOUNT,	/* file mount <dev> <dir> <type> <flags> */
	WD_ACL_INET_STREAM,
	WD_ACL_INET_DGRAM,
	WD_ACL_INET_RAW,
	WD_ACL_UNIX_STREAM,
	WD_ACL_UNIX_DGRAM,
	WD_ACL_UNIX_SEQPACKET,
	WD_ACL_MISC_ENV,	/* no operations: "misc env <name>" */
	WD_ACL_TASK_TRANSITION,	/* "task manual_domain_transition <domain>" */
	WD_NR_ACL_KINDS
};

/**
 * struct wd_acl - one ACL line, split
 * @kind: what kind of line.
 * @ops: bit n set for the kind's n-th operation in the kernel's order.
 * @args: everything after the operations, normalised; "" if nothing.
 */
struct wd_acl {
	enum wd_acl_kind kind;
	unsigned int ops;
	char *args;
};

/*
 * Split an ACL line ("file read/write /etc/\*" or "misc env PATH").
 * Returns 0, or -1 for a line that is not an ACL line or names an
 * operation its kind does not have.
 */
int wd_acl_split(const char *line, struct wd_acl *acl);
/* The line of a split ACL, as the kernel prints it; malloc'd. */
char *wd_acl_join(const struct wd_acl *acl);
/*
 * Add @from's operations to @into when both are of one kind with the same
 * arguments, as the kernel keeps them on one line.  Returns whether it
 * did.  Kinds without operations never merge.
 */
bool wd_acl_merge(struct wd_acl *into, const struct wd_acl *from);
void wd_acl_free(struct wd_acl *acl);
/* The name of the kind's @bit-th operation ("read"), or NULL past the last. */
const char *wd_acl_op_name(enum wd_acl_kind kind, unsigned int bit);
/*
 * The objects at the start of a kind's arguments, one letter a word: 'p'
 * a pathname, 'n' a number, 'a' an address, 'w' another word (a mount's
 * filesystem type).  What follows them is the line's condition.  "" for
 * the kinds whose argument is one name (misc env, task
 * manual_domain_transition).
 */
const char *wd_acl_objects(enum wd_acl_kind kind);

#endif /* WARDEN_TOOLS_GRAMMAR_H */
