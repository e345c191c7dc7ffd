/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - the policy text: the policy document and the line files.
 */

#ifndef _SECURITY_WARDEN_DOCUMENT_H
#define _SECURITY_WARDEN_DOCUMENT_H

#include <linux/seq_file.h>
#include <linux/types.h>

struct warden_domain_policy;
struct warden_policy;

/**
 * enum warden_policy_view - what a policy file prints
 * @WARDEN_VIEW_PROFILE: the profile file.
 * @WARDEN_VIEW_MANAGER: the manager file.
 * @WARDEN_VIEW_EXCEPTION: the exception_policy file.
 * @WARDEN_VIEW_DOMAIN: the domain_policy file.
 * @WARDEN_VIEW_DOCUMENT: the policy file: every section, as a document.
 */
enum warden_policy_view {
	WARDEN_VIEW_PROFILE,
	WARDEN_VIEW_MANAGER,
	WARDEN_VIEW_EXCEPTION,
	WARDEN_VIEW_DOMAIN,
	WARDEN_VIEW_DOCUMENT,
};

/**
 * struct warden_policy_cursor - a record of a policy file's printout
 * @policy: the policy printed, pinned by warden_policy_get().
 * @view: the file.
 * @only: the only domain printed, or %NULL for every domain.
 * @transition_only: print only what decides domain transitions.
 * @index: the record's number: first the records before the domains
 *         (sections, profiles, managers, exception policy), then one
 *         per domain.
 * @domain: the domain of a domain record, else %NULL; valid only within
 *          the RCU read-side critical section that found it.
 *
 * Records let a seq_file print a large policy a piece at a time, each
 * read under rcu_read_lock(), without holding warden_policy_lock.
 */
struct warden_policy_cursor {
	struct warden_policy *policy;
	enum warden_policy_view view;
	const char *only;
	bool transition_only;
	loff_t index;
	struct warden_domain_policy *domain;
};

/**
 * enum warden_policy_section - a section of the policy document
 * @WARDEN_SECTION_NONE: before the first section line.
 * @WARDEN_SECTION_PROFILE: "[profile]", lines of the profile file.
 * @WARDEN_SECTION_MANAGER: "[manager]", lines of the manager file.
 * @WARDEN_SECTION_EXCEPTION: "[exception_policy]".
 * @WARDEN_SECTION_DOMAIN: "[domain_policy]".
 * @WARDEN_NR_SECTIONS: the number of sections.
 */
enum warden_policy_section {
	WARDEN_SECTION_NONE = -1,
	WARDEN_SECTION_PROFILE,
	WARDEN_SECTION_MANAGER,
	WARDEN_SECTION_EXCEPTION,
	WARDEN_SECTION_DOMAIN,
	WARDEN_NR_SECTIONS,
};

extern const char *const warden_policy_sections[WARDEN_NR_SECTIONS];

void warden_normalize_line(char *line);
int warden_policy_write_profile(struct warden_policy *policy, char *line,
				const char **reason);
int warden_policy_write_exception(struct warden_policy *policy, char *line,
				  const char **reason);
void warden_policy_show_profiles(struct seq_file *m,
				 const struct warden_policy *policy);
void warden_policy_show_exceptions(struct seq_file *m,
				   const struct warden_policy *policy,
				   bool transition_only);
int warden_policy_store_line(enum warden_policy_view file, char **selected,
			     char *line, const char **reason);
bool warden_policy_cursor_seek(struct warden_policy_cursor *cursor,
			       loff_t index);
bool warden_policy_cursor_next(struct warden_policy_cursor *cursor);
void warden_policy_cursor_show(struct seq_file *m,
			       const struct warden_policy_cursor *cursor);

/*
 * The longest line of a document.  A longer one is refused, so that a
 * newline-free write cannot grow the line buffer without bound.
 */
#define WARDEN_DOCUMENT_LINE_MAX (64 * 1024)
/* The largest policy document accepted in one load. */
#define WARDEN_DOCUMENT_MAX (64 * 1024 * 1024)
/* How much of a refused line the kernel log quotes. */
#define WARDEN_DOCUMENT_QUOTE 80

/**
 * struct warden_document - a policy document being written
 * @policy: the private policy its lines build; %NULL until the first byte.
 * @section: the section the next line belongs to.
 * @selected: the domain later [domain_policy] lines apply to, or %NULL.
 * @line: the line not yet ended by a newline.
 * @len: bytes in @line.
 * @size: bytes allocated for @line.
 * @bytes: bytes written so far.
 * @lineno: lines ended so far; the number of the refused line after an
 *          error.
 * @reason: why the document was refused, for the kernel log.
 * @err: the error that poisoned the document: once set, nothing of it
 *       applies, and every later write and the close report it.
 * @done: the document was applied or discarded; it takes no more bytes.
 *
 * Only the task writing the document touches it (the policy file
 * serialises its writers), so none of this is locked.  Only document.c
 * changes it; it is defined here for the KUnit suites, which read it.
 */
struct warden_document {
	struct warden_policy *policy;
	int section;
	char *selected;
	char *line;
	size_t len;
	size_t size;
	size_t bytes;
	unsigned int lineno;
	const char *reason;
	int err;
	bool done;
};

struct warden_document *warden_document_new(void);
bool warden_document_has_room(const struct warden_document *doc, size_t len);
int warden_document_write(struct warden_document *doc, const char *buf,
			  size_t len);
int warden_document_apply(struct warden_document *doc);
bool warden_document_pending(const struct warden_document *doc);
void warden_document_free(struct warden_document *doc);

#if IS_ENABLED(CONFIG_SECURITY_WARDEN_KUNIT_TEST)
int warden_policy_apply_line(struct warden_policy *policy, int section,
			     char **selected, char *line, const char **reason);
int warden_document_finish(struct warden_document *doc);
#endif

#endif /* _SECURITY_WARDEN_DOCUMENT_H */
