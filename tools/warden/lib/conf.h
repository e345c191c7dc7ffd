/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The daemons' configuration files: "keyword value" lines, '#' comments,
 * TOMOYO's escape rule for words.  Also the two parsed forms: auditd's
 * routing rules and notifyd's settings.
 */

#ifndef WARDEN_TOOLS_CONF_H
#define WARDEN_TOOLS_CONF_H

#include <stddef.h>
#include <stdbool.h>

#include "record.h"

/* Long enough for "file:line: reason" with a long path in it. */
#define WC_ERR_MAX 512

/* A config file bigger than this is a mistake, not a config. */
#define WC_FILE_MAX (1024 * 1024)

int wc_decode_word(char *word);
char **wc_split_words(const char *value, int *count, const char **why);
void wc_free_words(char **words);
int wc_parse_uint(const char *s, unsigned int max, unsigned int *out);

/**
 * typedef wc_line_fn - handles one "keyword value" line
 * @ctx: the caller's state.
 * @key: the keyword.
 * @value: the rest of the line, trimmed; may be empty.
 * @lineno: the line's number, for the handler's own bookkeeping.
 * @why: set to a reason when returning -1.
 */
typedef int (*wc_line_fn)(void *ctx, const char *key, const char *value,
			  unsigned int lineno, const char **why);

int wc_parse_text(const char *name, const char *text, wc_line_fn fn,
		  void *ctx, char *err, size_t errlen);
char *wc_read_file(const char *path, char *err, size_t errlen);

/* What an auditd rule condition looks at. */
enum wc_part { WC_HEADER, WC_DOMAIN, WC_ACL };
enum wc_op { WC_CONTAINS, WC_EQUALS, WC_STARTS };

/**
 * struct wc_cond - one "header[2].equals word" line
 * @part: which line of the record.
 * @index: 0 for the whole line, else the 1-based word of the line.
 * @op: how @word must match.
 * @word: the decoded word.
 */
struct wc_cond {
	enum wc_part part;
	unsigned int index;
	enum wc_op op;
	char *word;
};

/**
 * struct wc_rule - conditions that all must hold, and where the record goes
 * @conds: the conditions, possibly none (then every record matches).
 * @nconds: how many.
 * @dest: the decoded destination pathname; "%p" stands for the profile.
 * @lineno: the destination line, for messages.
 */
struct wc_rule {
	struct wc_cond *conds;
	unsigned int nconds;
	char *dest;
	unsigned int lineno;
};

struct wc_rules {
	struct wc_rule *rules;
	unsigned int count;
	/* Conditions read since the last destination line. */
	struct wc_cond *open;
	unsigned int nopen;
	unsigned int open_line;
};

extern const char wc_auditd_default[];

int wc_rules_parse(struct wc_rules *rules, const char *name,
		   const char *text, char *err, size_t errlen);
void wc_rules_free(struct wc_rules *rules);
bool wc_cond_match(const struct wc_cond *cond, const struct wr_record *rec);
const struct wc_rule *wc_rules_match(const struct wc_rules *rules,
				     const struct wr_record *rec);
int wc_dest_expand(const char *dest, const struct wr_record *rec,
		   char *out, size_t outlen);

/**
 * struct wc_notify - notifyd.conf
 * @time_to_wait: seconds before rejecting a query; 0 rejects at once.
 * @minimal_interval: seconds between two runs of the action.
 * @argv: the action's decoded words, NULL-terminated.
 * @argc: how many words.
 */
struct wc_notify {
	unsigned int time_to_wait;
	unsigned int minimal_interval;
	char **argv;
	int argc;
	/* Which keywords were seen, to refuse a second one. */
	unsigned int seen;
};

int wc_notify_parse(struct wc_notify *conf, const char *name,
		    const char *text, char *err, size_t errlen);
void wc_notify_free(struct wc_notify *conf);

#endif /* WARDEN_TOOLS_CONF_H */
