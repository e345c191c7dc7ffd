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
#define WD_CONF_ERR_MAX 512

/* A config file bigger than this is a mistake, not a config. */
#define WD_CONF_MAX (1024 * 1024)

char **wd_conf_split_words(const char *value, int *count, const char **why);
void wd_conf_free_words(char **words);

/**
 * typedef wd_conf_line_fn - handles one "keyword value" line
 * @ctx: the caller's state.
 * @key: the keyword.
 * @value: the rest of the line, trimmed; may be empty.
 * @lineno: the line's number, for the handler's own bookkeeping.
 * @why: set to a reason when returning -1.
 */
typedef int (*wd_conf_line_fn)(void *ctx, const char *key,
			       const char *value, unsigned int lineno,
			       const char **why);

int wd_conf_parse(const char *name, const char *text, wd_conf_line_fn fn,
		  void *ctx, char *err, size_t errlen);
char *wd_conf_read(const char *path, char *err, size_t errlen);

/* What an auditd rule condition looks at. */
enum wd_rule_part { WD_RULE_HEADER, WD_RULE_DOMAIN, WD_RULE_ACL };
enum wd_rule_op { WD_RULE_CONTAINS, WD_RULE_EQUALS, WD_RULE_STARTS };

/**
 * struct wd_rule_cond - one "header[2].equals word" line
 * @part: which line of the record.
 * @index: 0 for the whole line, else the 1-based word of the line.
 * @op: how @word must match.
 * @word: the decoded word.
 */
struct wd_rule_cond {
	enum wd_rule_part part;
	unsigned int index;
	enum wd_rule_op op;
	char *word;
};

/**
 * struct wd_rule - conditions that all must hold, and where the record goes
 * @conds: the conditions, possibly none (then every record matches).
 * @nconds: how many.
 * @dest: the decoded destination pathname; "%p" stands for the profile.
 * @lineno: the destination line, for messages.
 */
struct wd_rule {
	struct wd_rule_cond *conds;
	unsigned int nconds;
	char *dest;
	unsigned int lineno;
};

struct wd_rules {
	struct wd_rule *rules;
	unsigned int count;
	/* Conditions read since the last destination line. */
	struct wd_rule_cond *open;
	unsigned int nopen;
	unsigned int open_line;
};

extern const char wd_auditd_default_rules[];

int wd_rules_parse(struct wd_rules *rules, const char *name,
		   const char *text, char *err, size_t errlen);
void wd_rules_free(struct wd_rules *rules);
bool wd_rule_cond_match(const struct wd_rule_cond *cond,
			const struct wd_record *rec);
const struct wd_rule *wd_rules_match(const struct wd_rules *rules,
				     const struct wd_record *rec);
int wd_rule_dest_expand(const char *dest, const struct wd_record *rec,
			char *out, size_t outlen);

/**
 * struct wd_notify_conf - notifyd.conf
 * @time_to_wait: seconds before rejecting a query; 0 rejects at once.
 * @minimal_interval: seconds between two runs of the action.
 * @argv: the action's decoded words, NULL-terminated.
 * @argc: how many words.
 */
struct wd_notify_conf {
	unsigned int time_to_wait;
	unsigned int minimal_interval;
	char **argv;
	int argc;
	/* Which keywords were seen, to refuse a second one. */
	unsigned int seen;
};

int wd_notify_parse(struct wd_notify_conf *conf, const char *name,
		    const char *text, char *err, size_t errlen);

/*
 * Read and parse a daemon's configuration file, saying on stderr what is
 * wrong with it.  For wd_rules_load() with @builtin_if_missing, a
 * missing @path gives the built-in rules.  0, or -1 once reported.
 */
int wd_rules_load(struct wd_rules *rules, const char *path,
		  bool builtin_if_missing);
int wd_notify_load(struct wd_notify_conf *conf, const char *path);
void wd_notify_free(struct wd_notify_conf *conf);

#endif /* WARDEN_TOOLS_CONF_H */
