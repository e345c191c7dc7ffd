// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reading the daemons' "keyword value" configuration files, decoding
 * words with TOMOYO's escape rule, and the two configurations built on
 * that: warden-auditd's routing rules and warden-notifyd's settings.
 * Every refusal names the file and line so an administrator can fix it.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "escape.h"
#include "grammar.h"
#include "io.h"
#include "util.h"

void wd_conf_free_words(char **words)
{
	char **w;

	for (w = words; w && *w; w++)
		free(*w);
	free(words);
}

/**
 * wd_conf_split_words - split at blanks, then decode each word
 * @value: the text to split.
 * @count: set to the number of words.
 * @why: set to a reason on failure.
 *
 * Splitting comes first so that an escaped space (\040) stays inside its
 * word, as in "mail -s Notification\040from\040warden-notifyd root".
 *
 * Return: a NULL-terminated malloc'ed array (wd_conf_free_words()), or NULL.
 */
char **wd_conf_split_words(const char *value, int *count, const char **why)
{
	char **words = calloc(strlen(value) / 2 + 2, sizeof(*words));
	int n = 0;

	*why = "out of memory";
	if (!words)
		return NULL;
	while (*value) {
		size_t len;

		while (wd_is_blank(*value))
			value++;
		if (!*value)
			break;
		for (len = 0; value[len] && !wd_is_blank(value[len]); len++)
			;
		words[n] = strndup(value, len);
		if (!words[n])
			goto fail;
		if (wd_decode_word(words[n++])) {
			*why = "bad escape in word (use \\\\ or \\ooo octal)";
			goto fail;
		}
		value += len;
	}
	*count = n;
	return words;
fail:
	wd_conf_free_words(words);
	return NULL;
}

/* Splits one line into keyword and value; false for blanks and comments. */
static bool wd_conf_split_line(char *line, char **key, char **value)
{
	char *end = line + strlen(line);

	while (end > line && wd_is_blank(end[-1]))
		*--end = '\0';
	while (wd_is_blank(*line))
		line++;
	/* Only a leading '#' comments: "header.contains #2010/" is a rule. */
	if (!*line || *line == '#')
		return false;
	*key = line;
	while (*line && !wd_is_blank(*line))
		line++;
	if (*line)
		*line++ = '\0';
	while (wd_is_blank(*line))
		line++;
	*value = line;
	return true;
}

static bool wd_conf_has_control(const char *s)
{
	for (; *s; s++) {
		if (((unsigned char)*s < ' ' && *s != '\t') || *s == 0x7f)
			return true;
	}
	return false;
}

/**
 * wd_conf_parse - feed each "keyword value" line of a config to @fn
 * @name: the file's name, for messages.
 * @text: the whole file.
 * @fn: called for every line that is neither blank nor a comment.
 * @ctx: passed to @fn.
 * @err: receives "name:line: reason" on failure.
 * @errlen: size of @err.
 *
 * Return: 0, or -1 at the first bad line.
 */
int wd_conf_parse(const char *name, const char *text, wd_conf_line_fn fn,
		  void *ctx, char *err, size_t errlen)
{
	char *copy = strdup(text), *line, *next;
	unsigned int lineno = 0;
	int ret = 0;

	if (!copy) {
		snprintf(err, errlen, "%s: %s", name, strerror(ENOMEM));
		return -1;
	}
	for (line = copy; line && !ret; line = next) {
		const char *why = NULL;
		char *key, *value;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		/* Files edited on other systems end lines in "\r\n". */
		if (*line && line[strlen(line) - 1] == '\r')
			line[strlen(line) - 1] = '\0';
		if (wd_conf_has_control(line))
			why = "control character in line";
		else if (!wd_conf_split_line(line, &key, &value))
			continue;
		else if (fn(ctx, key, value, lineno, &why))
			why = why ? why : "bad line";
		else
			why = NULL;	/* handlers may leave a stale reason */
		if (why) {
			snprintf(err, errlen, "%s:%u: %s", name, lineno, why);
			ret = -1;
		}
	}
	free(copy);
	return ret;
}

/**
 * wd_conf_read - a whole config file as one string
 * @path: the file.
 * @err: receives "path: reason" on failure.
 * @errlen: size of @err.
 *
 * Return: malloc'ed text, or NULL with errno set (ENOENT lets callers
 * fall back to built-in defaults).
 */
char *wd_conf_read(const char *path, char *err, size_t errlen)
{
	size_t len;
	char *text = wd_read_file(path, WD_CONF_MAX, &len);

	if (!text) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (strlen(text) != len) {
		snprintf(err, errlen, "%s: NUL byte in file", path);
		free(text);
		errno = EINVAL;
		return NULL;
	}
	return text;
}

/*
 * warden-auditd's rules.  The built-in set is what conf/auditd.conf ships;
 * it is used when /etc/warden/tools/auditd.conf does not exist.
 */
const char wd_auditd_default_rules[] =
	"header[5].equals granted=yes\n"
	"destination /var/log/warden/grant_%p.log\n"
	"destination /var/log/warden/reject_%p.log\n";

static const char *const wd_conf_part_names[] = { "header", "domain", "acl" };
static const char *const wd_conf_op_names[] = {
	"contains", "equals", "starts",
};

/* Parses "header", "domain[3]", ... up to the '.' before the operator. */
static int wd_conf_parse_selector(const char *key, struct wd_rule_cond *cond,
				  const char **why)
{
	const char *dot = strrchr(key, '.');
	size_t plen, i;

	*why = "unknown keyword";
	if (!dot)
		return -1;
	for (i = 0; i < 3; i++) {
		plen = strlen(wd_conf_part_names[i]);
		if (!strncmp(key, wd_conf_part_names[i], plen))
			break;
	}
	if (i == 3)
		return -1;
	cond->part = i;
	cond->index = 0;
	if (key[plen] == '[') {
		char num[8];
		size_t n = dot - key - plen - 2;

		*why = "bad word index (want [0] to [65535])";
		if (dot[-1] != ']' || dot - key < (long)plen + 3 ||
		    n >= sizeof(num))
			return -1;
		memcpy(num, key + plen + 1, n);
		num[n] = '\0';
		if (wd_parse_uint(num, 65535, &cond->index))
			return -1;
	} else if (key + plen != dot) {
		return -1;
	}
	*why = "unknown operator (want .contains, .equals or .starts)";
	for (i = 0; i < 3; i++) {
		if (!strcmp(dot + 1, wd_conf_op_names[i])) {
			cond->op = i;
			return 0;
		}
	}
	return -1;
}

/* The value of a rule line: exactly one word, decoded. */
static char *wd_conf_one_word(const char *value, const char **why)
{
	int count;
	char **words = wd_conf_split_words(value, &count, why);
	char *word;

	if (!words)
		return NULL;
	if (count != 1) {
		*why = count ? "more than one word (write a space as \\040)" :
			"missing value";
		wd_conf_free_words(words);
		return NULL;
	}
	word = words[0];
	free(words);
	return word;
}

/* Only "%p" (the profile, three digits) and "%%" may follow a '%'. */
static bool wd_conf_dest_ok(const char *dest)
{
	for (; *dest; dest++) {
		if (*dest == '%' && dest[1] != 'p' && dest[1] != '%')
			return false;
		if (*dest == '%')
			dest++;
	}
	return true;
}

static int wd_conf_add_rule(struct wd_rules *rules, char *dest,
			    unsigned int lineno)
{
	struct wd_rule *bigger;

	bigger = realloc(rules->rules, (rules->count + 1) * sizeof(*bigger));
	if (!bigger)
		return -1;
	rules->rules = bigger;
	bigger[rules->count].conds = rules->open;
	bigger[rules->count].nconds = rules->nopen;
	bigger[rules->count].dest = dest;
	bigger[rules->count].lineno = lineno;
	rules->count++;
	rules->open = NULL;
	rules->nopen = 0;
	return 0;
}

static int wd_conf_rule_line(void *ctx, const char *key, const char *value,
			     unsigned int lineno, const char **why)
{
	struct wd_rules *rules = ctx;
	struct wd_rule_cond cond, *bigger;
	char *word;

	if (!strcmp(key, "destination")) {
		word = wd_conf_one_word(value, why);
		if (!word)
			return -1;
		if (word[0] != '/' || !wd_conf_dest_ok(word)) {
			*why = word[0] != '/' ?
				"destination must be an absolute pathname" :
				"'%' in destination must be %p or %%";
			free(word);
			return -1;
		}
		if (wd_conf_add_rule(rules, word, lineno)) {
			free(word);
			*why = "out of memory";
			return -1;
		}
		return 0;
	}
	if (wd_conf_parse_selector(key, &cond, why))
		return -1;
	cond.word = wd_conf_one_word(value, why);
	if (!cond.word)
		return -1;
	bigger = realloc(rules->open, (rules->nopen + 1) * sizeof(*bigger));
	if (!bigger) {
		free(cond.word);
		*why = "out of memory";
		return -1;
	}
	if (!rules->nopen)
		rules->open_line = lineno;
	bigger[rules->nopen++] = cond;
	rules->open = bigger;
	return 0;
}

static void wd_conf_free_conds(struct wd_rule_cond *conds, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		free(conds[i].word);
	free(conds);
}

void wd_rules_free(struct wd_rules *rules)
{
	unsigned int i;

	for (i = 0; i < rules->count; i++) {
		wd_conf_free_conds(rules->rules[i].conds,
				   rules->rules[i].nconds);
		free(rules->rules[i].dest);
	}
	free(rules->rules);
	wd_conf_free_conds(rules->open, rules->nopen);
	memset(rules, 0, sizeof(*rules));
}

/**
 * wd_rules_parse - read auditd.conf's rules
 * @rules: filled on success; release with wd_rules_free().
 * @name: the file's name, for messages.
 * @text: the file.
 * @err: receives "name:line: reason" on failure.
 * @errlen: size of @err.
 *
 * Conditions collect until a "destination" line closes them into a rule;
 * conditions left open at the end would silently match nothing, so they
 * are an error.
 *
 * Return: 0 or -1.
 */
int wd_rules_parse(struct wd_rules *rules, const char *name,
		   const char *text, char *err, size_t errlen)
{
	memset(rules, 0, sizeof(*rules));
	if (wd_conf_parse(name, text, wd_conf_rule_line, rules, err, errlen))
		goto fail;
	if (rules->nopen) {
		snprintf(err, errlen, "%s:%u: condition without a destination line",
			 name, rules->open_line);
		goto fail;
	}
	return 0;
fail:
	wd_rules_free(rules);
	return -1;
}

/* The @index'th space-separated word of @line (1-based), as a span. */
static bool wd_conf_word(const char *line, unsigned int index,
			 const char **start, size_t *len)
{
	const char *p = line, *sp;

	while (--index) {
		p = strchr(p, ' ');
		if (!p)
			return false;
		p++;
	}
	sp = strchr(p, ' ');
	*start = p;
	*len = sp ? (size_t)(sp - p) : strlen(p);
	return true;
}

/**
 * wd_rule_cond_match - does one condition hold for a record?
 *
 * The word was decoded from the config, while the record keeps the
 * kernel's escapes: a space in a pathname is the four bytes "\040" in the
 * record, so a rule matching it writes "\\040".
 */
bool wd_rule_cond_match(const struct wd_rule_cond *cond,
			const struct wd_record *rec)
{
	const char *lines[] = { rec->header, rec->domain, rec->acl };
	const char *text = lines[cond->part];
	size_t len, wlen = strlen(cond->word);

	if (!text)
		return false;
	if (!cond->index)
		len = strlen(text);
	else if (!wd_conf_word(text, cond->index, &text, &len))
		return false;
	switch (cond->op) {
	case WD_RULE_EQUALS:
		return len == wlen && !memcmp(text, cond->word, wlen);
	case WD_RULE_STARTS:
		return len >= wlen && !memcmp(text, cond->word, wlen);
	case WD_RULE_CONTAINS:
		return memmem(text, len, cond->word, wlen) != NULL;
	}
	return false;
}

/* The first rule whose conditions all hold, or NULL: the record is dropped. */
const struct wd_rule *wd_rules_match(const struct wd_rules *rules,
				     const struct wd_record *rec)
{
	unsigned int i, j;

	for (i = 0; i < rules->count; i++) {
		const struct wd_rule *rule = &rules->rules[i];

		for (j = 0; j < rule->nconds; j++) {
			if (!wd_rule_cond_match(&rule->conds[j], rec))
				break;
		}
		if (j == rule->nconds)
			return rule;
	}
	return NULL;
}

/**
 * wd_rule_dest_expand - the destination pathname for one record
 *
 * "%p" becomes the profile as three digits (reject_003.log) so that one
 * rule serves all 256 profiles; "%%" is a literal '%'.
 *
 * Return: 0, or -1 when @out is too small.
 */
int wd_rule_dest_expand(const char *dest, const struct wd_record *rec,
			char *out, size_t outlen)
{
	size_t o = 0;

	for (; *dest; dest++) {
		char num[4];
		const char *put = num;

		if (*dest == '%' && dest[1] == 'p') {
			snprintf(num, sizeof(num), "%03u", rec->profile % 1000);
			dest++;
		} else {
			num[0] = *dest;
			num[1] = '\0';
			if (*dest == '%' && dest[1] == '%')
				dest++;
		}
		for (; *put; put++) {
			if (o + 1 >= outlen)
				return -1;
			out[o++] = *put;
		}
	}
	if (!outlen)
		return -1;
	out[o] = '\0';
	return 0;
}

enum {
	WD_CONF_SEEN_WAIT = 1,
	WD_CONF_SEEN_ACTION = 2,
	WD_CONF_SEEN_INTERVAL = 4,
};

/* A day is already far longer than any sane query can stay pending. */
#define WD_CONF_MAX_SECONDS 86400

static int wd_conf_notify_line(void *ctx, const char *key, const char *value,
			       unsigned int lineno, const char **why)
{
	struct wd_notify_conf *conf = ctx;
	unsigned int bit, *num;

	if (!strcmp(key, "time_to_wait")) {
		bit = WD_CONF_SEEN_WAIT;
		num = &conf->time_to_wait;
	} else if (!strcmp(key, "minimal_interval")) {
		bit = WD_CONF_SEEN_INTERVAL;
		num = &conf->minimal_interval;
	} else if (!strcmp(key, "action_to_take")) {
		bit = WD_CONF_SEEN_ACTION;
		num = NULL;
	} else {
		*why = "unknown keyword";
		return -1;
	}
	*why = "keyword given twice";
	if (conf->seen & bit)
		return -1;
	conf->seen |= bit;
	if (num) {
		*why = "bad value (want seconds, 0 to 86400)";
		return wd_parse_uint(value, WD_CONF_MAX_SECONDS, num);
	}
	conf->argv = wd_conf_split_words(value, &conf->argc, why);
	if (conf->argv && !conf->argc)
		*why = "action_to_take needs a command";
	return conf->argv && conf->argc ? 0 : -1;
}

/**
 * wd_notify_parse - read notifyd.conf
 *
 * time_to_wait and minimal_interval default to 0; action_to_take is
 * required, for a notification daemon with nothing to run is a mistake.
 *
 * Return: 0 or -1 with "name:line: reason" (or "name: reason") in @err.
 */
int wd_notify_parse(struct wd_notify_conf *conf, const char *name,
		    const char *text, char *err, size_t errlen)
{
	memset(conf, 0, sizeof(*conf));
	if (!wd_conf_parse(name, text, wd_conf_notify_line, conf, err,
			   errlen)) {
		if (conf->argc)
			return 0;
		snprintf(err, errlen, "%s: no action_to_take line", name);
	}
	wd_notify_free(conf);
	return -1;
}

void wd_notify_free(struct wd_notify_conf *conf)
{
	wd_conf_free_words(conf->argv);
	memset(conf, 0, sizeof(*conf));
}

/* Both configurations' parsers, seen from wd_conf_load(). */
typedef int (*wd_conf_parse_fn)(void *out, const char *name,
				const char *text, char *err, size_t errlen);

static int wd_conf_parse_rules(void *out, const char *name, const char *text,
			       char *err, size_t errlen)
{
	return wd_rules_parse(out, name, text, err, errlen);
}

static int wd_conf_parse_notify(void *out, const char *name,
				const char *text, char *err, size_t errlen)
{
	return wd_notify_parse(out, name, text, err, errlen);
}

/* @builtin: the text to parse when @path does not exist, or NULL. */
static int wd_conf_load(const char *path, const char *builtin,
			wd_conf_parse_fn parse, void *out)
{
	char err[WD_CONF_ERR_MAX];
	char *text = wd_conf_read(path, err, sizeof(err));
	int ret;

	if (!text && errno == ENOENT && builtin)
		return parse(out, "built-in rules", builtin, err, sizeof(err));
	if (!text) {
		wd_error("%s", err);
		return -1;
	}
	ret = parse(out, path, text, err, sizeof(err));
	if (ret)
		wd_error("%s", err);
	free(text);
	return ret;
}

int wd_rules_load(struct wd_rules *rules, const char *path,
		  bool builtin_if_missing)
{
	return wd_conf_load(path,
			    builtin_if_missing ? wd_auditd_default_rules : NULL,
			    wd_conf_parse_rules, rules);
}

int wd_notify_load(struct wd_notify_conf *conf, const char *path)
{
	return wd_conf_load(path, NULL, wd_conf_parse_notify, conf);
}
