/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Shared code of Warden's policy tools: where the kernel interface is,
 * whole-file reads and writes, the four policy parts and the one-document
 * form of the policy, and TOMOYO's word escapes.
 *
 * Every name here starts with wd_ so that it cannot clash with the other
 * lib/ files, which are linked into every tool as well.
 */

#ifndef WARDEN_TOOLS_COMMON_H
#define WARDEN_TOOLS_COMMON_H

#include <stddef.h>

#define WD_DEFAULT_DIR		"/sys/kernel/security/warden"
#define WD_DEFAULT_POLICY_DIR	"/etc/warden/policy"

/* The four parts of a policy, in the order the policy document has them. */
enum wd_part {
	WD_PROFILE,
	WD_MANAGER,
	WD_EXCEPTION,
	WD_DOMAIN,
	WD_NR_PARTS
};

/* One policy held as its four parts, each a malloc'd string or NULL. */
struct wd_policy {
	char *part[WD_NR_PARTS];
};

/* The interface directory: $WARDEN_DIR, else WD_DEFAULT_DIR. */
const char *wd_dir(void);
/* The saved-policy base directory: $WARDEN_POLICY_DIR, else the default. */
const char *wd_policy_dir(void);
/* "dir/name" in a malloc'd string; exits on out of memory. */
char *wd_path(const char *dir, const char *name);

/* The name of the part's file in the interface dir, e.g. "domain_policy". */
const char *wd_part_file(enum wd_part part);
/* The line that starts the part's section in the document, "[profile]". */
const char *wd_part_section(enum wd_part part);
/* The part named by its file name, or -1. */
int wd_part_by_name(const char *name);

/* Read everything from fd / path; NUL-terminated, length in *len. */
char *wd_read_fd(int fd, size_t *len);
char *wd_read_file(const char *path, size_t *len);
/* Write buf to an existing file with one open; 0 or -1 with errno set. */
int wd_write_file(const char *path, const char *buf, size_t len);
/* Create or replace a regular file atomically (temp file + rename). */
int wd_save_file(const char *path, const char *buf, size_t len);

/*
 * Split a policy document into its parts.  Lines before the first
 * section line must be blank or comments.  Returns 0, or -1 with *bad_line
 * set to the (1-based) number of the offending line.
 */
int wd_policy_split(const char *doc, struct wd_policy *policy,
		    unsigned int *bad_line);
/* The document of the four parts (NULL parts are empty); malloc'd. */
char *wd_policy_assemble(const struct wd_policy *policy);
void wd_policy_free(struct wd_policy *policy);
/* Lines of text that are policy: neither blank nor comments. */
unsigned int wd_count_lines(const char *text);

/* TOMOYO's word escapes: "\\" for '\', "\ooo" for bytes <= 0x20, >= 0x7f. */
char *wd_encode(const char *raw, size_t len);
/* The bytes a word stands for, or NULL with errno EINVAL if malformed. */
char *wd_decode(const char *word, size_t *len);

/* Messages on stderr prefixed with the program's name. */
void wd_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "prog: what: <strerror(errno)>" */
void wd_perror(const char *what);
void *wd_xmalloc(size_t size) __attribute__((malloc, returns_nonnull));

#endif /* WARDEN_TOOLS_COMMON_H */
