// SPDX-License-Identifier: GPL-2.0-only
/*
 * The policy document: splitting it into its four parts and assembling
 * it again, as the kernel's `policy` file reads and writes it; see
 * policy.h.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "grammar.h"
#include "policy.h"
#include "util.h"

struct wd_part_names {
	const char *file, *conf, *section;
};

static const struct wd_part_names wd_parts[WD_NR_PARTS] = {
	[WD_PROFILE] = { "profile", "profile.conf", "[profile]" },
	[WD_MANAGER] = { "manager", "manager.conf", "[manager]" },
	[WD_EXCEPTION] = { "exception_policy", "exception_policy.conf",
			   "[exception_policy]" },
	[WD_DOMAIN] = { "domain_policy", "domain_policy.conf",
			"[domain_policy]" },
};

const char *wd_part_file(enum wd_part part)
{
	return part < WD_NR_PARTS ? wd_parts[part].file : NULL;
}

const char *wd_part_conf(enum wd_part part)
{
	return part < WD_NR_PARTS ? wd_parts[part].conf : NULL;
}

const char *wd_part_section(enum wd_part part)
{
	return part < WD_NR_PARTS ? wd_parts[part].section : NULL;
}

int wd_part_by_name(const char *name)
{
	int i;

	for (i = 0; i < WD_NR_PARTS; i++)
		if (!strcmp(name, wd_parts[i].file))
			return i;
	return -1;
}

/* The section a line starts (the kernel trims blanks first), or -1. */
static int wd_section_of(const char *line, size_t len)
{
	size_t start = wd_span_trim(line, &len);
	int i;

	for (i = 0; i < WD_NR_PARTS; i++)
		if (strlen(wd_parts[i].section) == len &&
		    !memcmp(line + start, wd_parts[i].section, len))
			return i;
	return -1;
}

int wd_policy_split(const char *doc, struct wd_policy *policy,
		    unsigned int *bad_line)
{
	struct wd_buf parts[WD_NR_PARTS] = { 0 };
	int section = -1, i;
	unsigned int lineno = 0;
	const char *line = doc;

	while (*line) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		int s = wd_section_of(line, len);

		lineno++;
		if (s >= 0) {
			section = s;
			/* An empty section is still a section: "" not NULL. */
			wd_buf_add(&parts[s], "", 0);
		} else if (section >= 0) {
			wd_buf_add(&parts[section], line, len);
			wd_buf_add(&parts[section], "\n", 1);
		} else if (!wd_line_is_empty(line, len)) {
			for (i = 0; i < WD_NR_PARTS; i++)
				free(parts[i].text);
			if (bad_line)
				*bad_line = lineno;
			errno = EINVAL;
			return -1;
		}
		line += len + (nl != NULL);
	}
	for (i = 0; i < WD_NR_PARTS; i++)
		policy->part[i] = parts[i].text;
	return 0;
}

char *wd_policy_assemble(const struct wd_policy *policy)
{
	struct wd_buf doc = { 0 };
	const char *text;
	size_t len;
	int i;

	for (i = 0; i < WD_NR_PARTS; i++) {
		wd_buf_puts(&doc, wd_parts[i].section);
		wd_buf_add(&doc, "\n", 1);
		text = policy->part[i] ? policy->part[i] : "";
		len = strlen(text);
		wd_buf_add(&doc, text, len);
		/* A last line without '\n' would swallow the next header. */
		if (len && text[len - 1] != '\n')
			wd_buf_add(&doc, "\n", 1);
	}
	return doc.text;
}

void wd_policy_free(struct wd_policy *policy)
{
	int i;

	for (i = 0; i < WD_NR_PARTS; i++) {
		free(policy->part[i]);
		policy->part[i] = NULL;
	}
}

unsigned int wd_count_lines(const char *text)
{
	unsigned int count = 0;

	while (text && *text) {
		const char *nl = strchr(text, '\n');
		size_t len = nl ? (size_t)(nl - text) : strlen(text);

		count += !wd_line_is_empty(text, len);
		text += len + (nl != NULL);
	}
	return count;
}
