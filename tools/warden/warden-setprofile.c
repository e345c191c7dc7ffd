// SPDX-License-Identifier: GPL-2.0-only
/*
 * warden-setprofile - give domains a profile, optionally with every domain
 * below them in the exec tree.
 *
 * It writes "<domainname>\nuse_profile N\n" to domain_policy for each
 * domain, all in one write, and prints one line per domain it set.
 */

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

struct wd_names {
	char **name;
	size_t count, size;
};

static void usage(FILE *out)
{
	fprintf(out,
		"usage: warden-setprofile [-r] PROFILE DOMAINNAME...\n"
		"Set the profile (0-255) of each DOMAINNAME, e.g.\n"
		"\"<kernel> /usr/sbin/httpd\".\n"
		"  -r  also every domain below it (its name followed by a space)\n"
		"The kernel interface is $WARDEN_DIR (default %s).\n",
		WD_DEFAULT_DIR);
}

static int wd_parse_profile(const char *text, unsigned int *profile)
{
	unsigned int value = 0;
	const char *p;

	if (!*text)
		return -1;
	for (p = text; *p; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		value = value * 10 + (*p - '0');
		if (value > 255)
			return -1;
	}
	*profile = value;
	return 0;
}

/*
 * Blanks collapsed as the kernel does; a domainname starts with '<' and
 * holds no control byte, so a name cannot smuggle in a second line.
 */
static char *wd_domainname(const char *arg)
{
	char *name = wd_xmalloc(strlen(arg) + 1), *out = name;
	int blank = 0;

	while (*arg == ' ' || *arg == '\t')
		arg++;
	for (; *arg; arg++) {
		unsigned char c = *arg;

		if (c == ' ' || c == '\t') {
			blank = 1;
			continue;
		}
		if (c < 0x20 || c == 0x7f) {
			free(name);
			return NULL;
		}
		if (blank)
			*out++ = ' ';
		blank = 0;
		*out++ = c;
	}
	*out = '\0';
	if (name[0] != '<') {
		free(name);
		return NULL;
	}
	return name;
}

static void wd_names_add(struct wd_names *names, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < names->count; i++)
		if (strlen(names->name[i]) == len &&
		    !memcmp(names->name[i], name, len))
			return;
	if (names->count == names->size) {
		names->size = names->size ? names->size * 2 : 16;
		names->name = realloc(names->name,
				      names->size * sizeof(*names->name));
		if (!names->name) {
			wd_error("out of memory");
			exit(1);
		}
	}
	names->name[names->count] = wd_xmalloc(len + 1);
	memcpy(names->name[names->count], name, len);
	names->name[names->count][len] = '\0';
	names->count++;
}

/* Every domain of the policy text below top, in the policy's order. */
static void wd_add_below(struct wd_names *names, const char *policy,
			 const char *top)
{
	size_t toplen = strlen(top);
	const char *line = policy;

	while (*line) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);

		if (len > toplen && line[0] == '<' &&
		    !memcmp(line, top, toplen) && line[toplen] == ' ')
			wd_names_add(names, line, len);
		line += len + (nl != NULL);
	}
}

static char *wd_commands(const struct wd_names *names, unsigned int profile)
{
	size_t i, size = 1;
	char *text, *out;

	for (i = 0; i < names->count; i++)
		size += strlen(names->name[i]) + 32;
	text = out = wd_xmalloc(size);
	for (i = 0; i < names->count; i++)
		out += sprintf(out, "%s\nuse_profile %u\n", names->name[i],
			       profile);
	return text;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct wd_names names = { 0 };
	char *path, *policy = NULL, *text, *name;
	unsigned int profile;
	int c, recursive = 0, ret = 1, i;
	size_t j;

	while ((c = getopt_long(argc, argv, "+r", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			return 0;
		case 'r':
			recursive = 1;
			break;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (argc - optind < 2) {
		usage(stderr);
		return 2;
	}
	if (wd_parse_profile(argv[optind], &profile)) {
		wd_error("'%s' is not a profile number (0 to 255)",
			 argv[optind]);
		return 2;
	}
	path = wd_path(wd_dir(), "domain_policy");
	if (recursive) {
		policy = wd_read_file(path, NULL);
		if (!policy) {
			wd_perror(path);
			goto out;
		}
	}
	for (i = optind + 1; i < argc; i++) {
		name = wd_domainname(argv[i]);
		if (!name) {
			wd_error("'%s' is not a domainname (like \"<kernel> /sbin/init\")",
				 argv[i]);
			ret = 2;
			goto out;
		}
		wd_names_add(&names, name, strlen(name));
		if (recursive)
			wd_add_below(&names, policy, name);
		free(name);
	}
	text = wd_commands(&names, profile);
	if (wd_write_file(path, text, strlen(text))) {
		wd_perror(path);
	} else {
		for (j = 0; j < names.count; j++)
			printf("profile %u: %s\n", profile, names.name[j]);
		ret = 0;
	}
	free(text);
out:
	for (j = 0; j < names.count; j++)
		free(names.name[j]);
	free(names.name);
	free(policy);
	free(path);
	return ret;
}
