// SPDX-License-Identifier: GPL-2.0-only
/*
 * The daemons' shared options and detaching from the terminal; see
 * daemon.h.
 */

#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "daemon.h"
#include "util.h"

/* Every daemon option, its bit, and its short letter if it has one. */
static const struct {
	unsigned int bit;
	struct option opt;
	bool has_short;
} wd_daemon_option_table[] = {
	{ WD_OPT_FOREGROUND, { "foreground", no_argument, NULL, 'f' }, true },
	{ WD_OPT_CONFIG, { "config", required_argument, NULL, 'c' }, true },
	{ WD_OPT_ONCE, { "once", no_argument, NULL, 'o' }, false },
	{ WD_OPT_COUNT, { "count", required_argument, NULL, 'n' }, true },
	{ WD_OPT_ANSWER_FILE,
	  { "answer-file", required_argument, NULL, 'a' }, false },
	{ 0, { "help", no_argument, NULL, 'h' }, true },
};

#define WD_NR_DAEMON_OPTS \
	(sizeof(wd_daemon_option_table) / sizeof(wd_daemon_option_table[0]))

void wd_daemon_options(int argc, char *argv[], unsigned int accepted,
		       void (*usage)(FILE *), struct wd_daemon_opts *opts)
{
	struct option longopts[WD_NR_DAEMON_OPTS + 1] = { 0 };
	char optstring[2 * WD_NR_DAEMON_OPTS + 2] = ":", *s = optstring + 1;
	size_t i, n = 0;
	int c;

	for (i = 0; i < WD_NR_DAEMON_OPTS; i++) {
		const struct option *o = &wd_daemon_option_table[i].opt;
		unsigned int bit = wd_daemon_option_table[i].bit;

		if (bit && !(accepted & bit))
			continue;
		longopts[n++] = *o;
		if (!wd_daemon_option_table[i].has_short)
			continue;
		*s++ = o->val;
		if (o->has_arg == required_argument)
			*s++ = ':';
	}
	memset(opts, 0, sizeof(*opts));
	while ((c = getopt_long(argc, argv, optstring, longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			opts->foreground = true;
			break;
		case 'c':
			opts->config = optarg;
			break;
		case 'o':
			opts->once = true;
			break;
		case 'n':
			if (wd_parse_uint(optarg, INT_MAX, &opts->count) ||
			    !opts->count)
				wd_usage_error("bad count '%s'", optarg);
			break;
		case 'a':
			opts->answers = optarg;
			break;
		case 'h':
			usage(stdout);
			exit(WD_EXIT_OK);
		default:
			wd_bad_option(c, argv);
		}
	}
	if (optind != argc)
		wd_usage_error("takes no arguments");
}

int wd_daemonize(void)
{
	pid_t pid = fork();
	int fd;

	if (pid < 0)
		return -1;
	if (pid > 0)
		_exit(WD_EXIT_OK);
	if (setsid() < 0 || chdir("/"))
		return -1;
	fd = open("/dev/null", O_RDONLY);
	if (fd < 0)
		return -1;
	if (fd != STDIN_FILENO) {
		dup2(fd, STDIN_FILENO);
		close(fd);
	}
	return 0;
}
