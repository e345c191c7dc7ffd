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

#include "grammar.h"
#include "iface.h"
#include "io.h"
#include "util.h"

struct names_list {
	char **name;
	size_t count, size;
};

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: warden-setprofile [-r] PROFILE DOMAINNAME...\n"
		"Set the profile (0-255) of each DOMAINNAME, e.g.\n"
		"\"<kernel> /usr/sbin/httpd\".\n"
		"  -r  also every domain below it (its name followed by a space)\n"
		"  -h, --help  show this help and exit\n"
		"The kernel interface is $WARDEN_DIR (default %s).\n"
		"Exit status: 0 set, 1 the kernel refused, 2 bad usage.\n",
		WD_DEFAULT_DIR);
}

/*
 * Blanks collapsed as the kernel does; a domainname starts with '<' and
 * holds no control byte, so a name cannot smuggle in a second line.
 */
static char *domainname(const char *arg)
{
	char *name = wd_line_normalise(arg);
	const char *p;

	for (p = name; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			break;
	if (*p || name[0] != '<') {
		free(name);
		return NULL;
	}
	return name;
}

static void names_add(struct names_list *names, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < names->count; i++)
		if (strlen(names->name[i]) == len &&
		    !memcmp(names->name[i], name, len))
			return;
	if (names->count == names->size) {
		names->size = names->size ? names->size * 2 : 16;
		names->name = wd_xrealloc(names->name,
					  names->size * sizeof(*names->name));
	}
	names->name[names->count++] = wd_xstrndup(name, len);
}

/* Every domain of the policy text below top, in the policy's order. */
static void add_below(struct names_list *names, const char *policy,
		      const char *top)
{
	size_t toplen = strlen(top);
	const char *line = policy;

	while (*line) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);

		if (len > toplen && line[0] == '<' &&
		    !memcmp(line, top, toplen) && line[toplen] == ' ')
			names_add(names, line, len);
		line += len + (nl != NULL);
	}
}

static char *commands(const struct names_list *names, unsigned int profile)
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
	struct names_list names = { 0 };
	char *path, *policy = NULL, *text, *name;
	unsigned int profile;
	int c, recursive = 0, ret = 1, i;
	size_t j;

	while ((c = getopt_long(argc, argv, "+:rh", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			return WD_EXIT_OK;
		case 'r':
			recursive = 1;
			break;
		default:
			wd_bad_option(c, argv);
		}
	}
	if (argc - optind < 2)
		wd_usage_error("give a PROFILE and at least one DOMAINNAME");
	if (wd_parse_uint(argv[optind], 255, &profile))
		wd_usage_error("'%s' is not a profile number (0 to 255)",
			       argv[optind]);
	path = wd_iface_path("domain_policy");
	if (recursive) {
		policy = wd_read_file(path, 0, NULL);
		if (!policy) {
			wd_perror(path);
			goto out;
		}
	}
	for (i = optind + 1; i < argc; i++) {
		name = domainname(argv[i]);
		if (!name) {
			wd_error("'%s' is not a domainname (like \"<kernel> /sbin/init\")",
				 argv[i]);
			ret = WD_EXIT_USAGE;
			goto out;
		}
		names_add(&names, name, strlen(name));
		if (recursive)
			add_below(&names, policy, name);
		free(name);
	}
	text = commands(&names, profile);
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
