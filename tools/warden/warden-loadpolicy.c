// SPDX-License-Identifier: GPL-2.0-only
/*
 * warden-loadpolicy - add lines to one part of the kernel's policy, or
 * replace a part (or the whole policy) in one transaction.
 *
 * Appending goes through the part's own file, line by line as TOMOYO
 * does.  Replacing reads the kernel's `policy` document, swaps the part
 * and writes the document back, so the kernel either takes the result
 * whole or keeps what it had; the other three parts are written back as
 * they were read.
 */

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "iface.h"
#include "io.h"
#include "policy.h"
#include "util.h"

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: warden-loadpolicy -e|-ef|-d|-df|-p|-pf|-m|-mf|-a [FILE|-]\n"
		"  -e, -d, -p, -m  add the lines of FILE to exception_policy,\n"
		"                  domain_policy, profile or manager\n"
		"  -f              with one of them (-ef, -df, -pf, -mf): replace\n"
		"                  that part with FILE, keeping the others\n"
		"  -a              replace the whole policy with the document FILE\n"
		"  -h, --help      show this help and exit\n"
		"FILE defaults to $WARDEN_POLICY_DIR/current/<part>.conf (default\n"
		"%s/current); for -a the four saved parts make the document.\n"
		"'-' reads standard input.  The kernel interface is $WARDEN_DIR\n"
		"(default %s).\n"
		"Exit status: 0 done, 1 a file or the kernel refused, 2 bad usage.\n",
		WD_DEFAULT_POLICY_DIR, WD_DEFAULT_DIR);
}

/* The input file: FILE, stdin for "-", or the saved part. */
static char *read_input(const char *file, int part, char **name)
{
	char *text;

	if (file && !strcmp(file, "-")) {
		*name = strdup("standard input");
		text = wd_read_fd(0, 0, NULL);
	} else {
		if (file) {
			*name = strdup(file);
		} else {
			char *dir = wd_path(wd_policy_dir(), "current");

			*name = wd_path(dir, wd_part_conf(part));
			free(dir);
		}
		text = wd_read_file(*name, 0, NULL);
	}
	if (!text)
		wd_perror(*name);
	return text;
}

/* The document of the four saved parts, for -a without FILE. */
static char *saved_document(void)
{
	struct wd_policy policy = { 0 };
	char *doc = NULL, *name;
	int i;

	for (i = 0; i < WD_NR_PARTS; i++) {
		policy.part[i] = read_input(NULL, i, &name);
		free(name);
		if (!policy.part[i])
			goto out;
	}
	doc = wd_policy_assemble(&policy);
out:
	wd_policy_free(&policy);
	return doc;
}

static int write_policy(const char *doc, const char *from)
{
	char *target = wd_iface_path("policy");
	int ret = 0;

	if (wd_write_file(target, doc, strlen(doc))) {
		wd_error("%s: %s: the kernel refused the policy from %s and keeps the one it had (its log names the line)",
			 target, strerror(errno), from);
		ret = -1;
	}
	free(target);
	return ret;
}

static int append_lines(int part, const char *file)
{
	char *name, *text, *target;
	int ret = 1;

	text = read_input(file, part, &name);
	if (!text)
		goto out;
	target = wd_iface_path(wd_part_file(part));
	if (wd_write_file(target, text, strlen(text))) {
		wd_error("%s: %s (lines from %s; those before the refused one were added)",
			 target, strerror(errno), name);
	} else {
		printf("warden-loadpolicy: added %u lines from %s to %s\n",
		       wd_count_lines(text), name, wd_part_file(part));
		ret = 0;
	}
	free(target);
out:
	free(text);
	free(name);
	return ret;
}

static int replace_part(int part, const char *file)
{
	struct wd_policy policy = { 0 };
	char *name, *text, *current, *doc = NULL, *path;
	unsigned int bad = 0;
	int ret = 1;

	text = read_input(file, part, &name);
	if (!text)
		goto out_name;
	path = wd_iface_path("policy");
	current = wd_read_file(path, 0, NULL);
	if (!current) {
		wd_perror(path);
		goto out_path;
	}
	if (wd_policy_split(current, &policy, &bad)) {
		wd_error("%s: line %u comes before any [section]", path, bad);
		goto out_current;
	}
	free(policy.part[part]);
	policy.part[part] = text;
	text = NULL;
	doc = wd_policy_assemble(&policy);
	if (!write_policy(doc, name)) {
		printf("warden-loadpolicy: replaced %s with %u lines from %s\n",
		       wd_part_file(part), wd_count_lines(policy.part[part]),
		       name);
		ret = 0;
	}
	free(doc);
	wd_policy_free(&policy);
out_current:
	free(current);
out_path:
	free(path);
	free(text);
out_name:
	free(name);
	return ret;
}

static int replace_all(const char *file)
{
	struct wd_policy policy = { 0 };
	char *name, *doc;
	unsigned int bad = 0;
	int ret = 1;

	if (file) {
		doc = read_input(file, 0, &name);
	} else {
		name = wd_path(wd_policy_dir(), "current");
		doc = saved_document();
	}
	if (!doc)
		goto out;
	/* Say which line is wrong here rather than leave it to the log. */
	if (wd_policy_split(doc, &policy, &bad)) {
		wd_error("%s: line %u comes before any [section]", name, bad);
		goto out;
	}
	if (!write_policy(doc, name)) {
		printf("warden-loadpolicy: replaced the policy with %s: %u profile, %u manager, %u exception_policy, %u domain_policy lines\n",
		       name, wd_count_lines(policy.part[WD_PROFILE]),
		       wd_count_lines(policy.part[WD_MANAGER]),
		       wd_count_lines(policy.part[WD_EXCEPTION]),
		       wd_count_lines(policy.part[WD_DOMAIN]));
		ret = 0;
	}
out:
	wd_policy_free(&policy);
	free(doc);
	free(name);
	return ret;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c, part = -1, replace = 0, all = 0;
	const char *file;

	while ((c = getopt_long(argc, argv, ":edpmfah", longopts, NULL)) != -1) {
		int chosen = -1;

		switch (c) {
		case 'h':
			usage(stdout);
			return WD_EXIT_OK;
		case 'e':
			chosen = WD_EXCEPTION;
			break;
		case 'd':
			chosen = WD_DOMAIN;
			break;
		case 'p':
			chosen = WD_PROFILE;
			break;
		case 'm':
			chosen = WD_MANAGER;
			break;
		case 'f':
			replace = 1;
			break;
		case 'a':
			all = 1;
			break;
		default:
			wd_bad_option(c, argv);
		}
		if (chosen >= 0 && part >= 0 && chosen != part)
			wd_usage_error("give one of -e, -d, -p, -m");
		if (chosen >= 0)
			part = chosen;
	}
	if (all && (part >= 0 || replace))
		wd_usage_error("-a replaces everything and goes alone");
	if (!all && part < 0)
		wd_usage_error("say which part: -e, -d, -p, -m (or -a for all)");
	if (argc - optind > 1)
		wd_usage_error("one FILE at most");
	file = optind < argc ? argv[optind] : NULL;
	if (all)
		return replace_all(file);
	return replace ? replace_part(part, file) : append_lines(part, file);
}
