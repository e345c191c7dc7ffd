// SPDX-License-Identifier: GPL-2.0-only
/*
 * warden-savepolicy - print one part of the kernel's policy, or save all
 * four parts in a new timestamped directory and point "current" at it.
 *
 * The saved set is taken from the one `policy` document when the kernel
 * has it, so the four files always come from the same moment.
 */

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "iface.h"
#include "io.h"
#include "policy.h"
#include "util.h"

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: warden-savepolicy [-d|-e|-p|-m|-a] [DIR]\n"
		"  -d  print domain_policy        -e  print exception_policy\n"
		"  -p  print profile              -m  print manager\n"
		"  -a  print the whole policy document\n"
		"Without an option, save the four parts to DIR/YYYY-MM-DD.hh:mm:ss/\n"
		"and point DIR/current at it (DIR default $WARDEN_POLICY_DIR or %s).\n"
		"  -h, --help  show this help and exit\n"
		"The kernel interface is $WARDEN_DIR (default %s).\n"
		"Exit status: 0 done, 1 a file could not be read or written,\n"
		"2 bad usage.\n",
		WD_DEFAULT_POLICY_DIR, WD_DEFAULT_DIR);
}

/* Copy one file of the interface to stdout. */
static int print_file(const char *name)
{
	char *path = wd_iface_path(name), *text;
	size_t len;
	int ret = 1;

	text = wd_read_file(path, 0, &len);
	if (!text) {
		wd_perror(path);
	} else if (fwrite(text, 1, len, stdout) != len || fflush(stdout)) {
		wd_perror("stdout");
	} else {
		ret = 0;
	}
	free(text);
	free(path);
	return ret;
}

/* The four parts: from `policy` if the kernel has it, else each file. */
static int fetch(struct wd_policy *policy)
{
	char *path = wd_iface_path("policy"), *doc;
	unsigned int bad = 0;
	int i;

	doc = wd_read_file(path, 0, NULL);
	if (doc) {
		if (wd_policy_split(doc, policy, &bad)) {
			wd_error("%s: line %u comes before any [section]",
				 path, bad);
			free(doc);
			free(path);
			return -1;
		}
		free(doc);
		free(path);
		return 0;
	}
	if (errno != ENOENT) {
		wd_perror(path);
		free(path);
		return -1;
	}
	free(path);
	for (i = 0; i < WD_NR_PARTS; i++) {
		path = wd_iface_path(wd_part_file(i));
		policy->part[i] = wd_read_file(path, 0, NULL);
		if (!policy->part[i]) {
			wd_perror(path);
			free(path);
			return -1;
		}
		free(path);
	}
	return 0;
}

static int save_parts(const char *dir, const struct wd_policy *policy)
{
	const char *text;
	char *path;
	int i;

	for (i = 0; i < WD_NR_PARTS; i++) {
		path = wd_path(dir, wd_part_conf(i));
		text = policy->part[i] ? policy->part[i] : "";
		if (wd_save_file(path, text, strlen(text))) {
			wd_perror(path);
			free(path);
			return -1;
		}
		free(path);
	}
	return 0;
}

/*
 * Make DIR/current name STAMP in one step: readers see the old set or the
 * new one, never a missing link.
 */
static int point_current(const char *dir, const char *stamp)
{
	char tmpname[64], *tmp, *current;
	int ret = -1;

	snprintf(tmpname, sizeof(tmpname), ".current.tmp%ld", (long)getpid());
	tmp = wd_path(dir, tmpname);
	current = wd_path(dir, "current");
	unlink(tmp);
	if (symlink(stamp, tmp)) {
		wd_perror(tmp);
	} else if (rename(tmp, current)) {
		wd_error("%s: %s", current, strerror(errno));
		unlink(tmp);
	} else {
		ret = 0;
	}
	free(current);
	free(tmp);
	return ret;
}

static int save(const char *dir)
{
	struct wd_policy policy = { 0 };
	char stamp[64], *target = NULL;
	time_t now = time(NULL);
	struct tm tm;
	int ret = 1;

	if (fetch(&policy))
		goto out;
	if (mkdir(dir, 0700) && errno != EEXIST) {
		wd_perror(dir);
		goto out;
	}
	localtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%Y-%m-%d.%H:%M:%S", &tm);
	target = wd_path(dir, stamp);
	/* A second save within the same second refreshes that directory. */
	if (mkdir(target, 0700) && errno != EEXIST) {
		wd_perror(target);
		goto out;
	}
	if (save_parts(target, &policy) || point_current(dir, stamp))
		goto out;
	printf("%s\n", target);
	ret = 0;
out:
	free(target);
	wd_policy_free(&policy);
	return ret;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *print = NULL;
	int c, flag = 0;

	while ((c = getopt_long(argc, argv, ":depmah", longopts, NULL)) != -1) {
		const char *name;

		switch (c) {
		case 'h':
			usage(stdout);
			return WD_EXIT_OK;
		case 'd':
			name = "domain_policy";
			break;
		case 'e':
			name = "exception_policy";
			break;
		case 'p':
			name = "profile";
			break;
		case 'm':
			name = "manager";
			break;
		case 'a':
			name = "policy";
			break;
		default:
			wd_bad_option(c, argv);
		}
		if (print)
			wd_usage_error("give at most one of -d, -e, -p, -m, -a");
		print = name;
		flag = c;
	}
	if (print) {
		if (optind < argc)
			wd_usage_error("-%c prints to stdout and takes no DIR",
				       flag);
		return print_file(print);
	}
	if (argc - optind > 1)
		wd_usage_error("one DIR at most");
	return save(optind < argc ? argv[optind] : wd_policy_dir());
}
