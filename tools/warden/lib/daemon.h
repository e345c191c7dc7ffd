/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What warden-auditd, warden-notifyd and warden-queryd have in common
 * as daemons: the options they share, parsed one way, and leaving the
 * terminal.
 */

#ifndef WARDEN_TOOLS_DAEMON_H
#define WARDEN_TOOLS_DAEMON_H

#include <stdbool.h>
#include <stdio.h>

/* The daemons' options; each daemon takes some of them, and -h/--help. */
enum wd_daemon_opt {
	WD_OPT_FOREGROUND = 1 << 0,	/* -f, --foreground */
	WD_OPT_CONFIG = 1 << 1,		/* -c, --config FILE */
	WD_OPT_ONCE = 1 << 2,		/* --once */
	WD_OPT_COUNT = 1 << 3,		/* -n, --count N (1 or more) */
	WD_OPT_ANSWER_FILE = 1 << 4,	/* --answer-file FILE */
};

/**
 * struct wd_daemon_opts - what the command line said
 * @foreground: -f: do not detach.
 * @once: --once: stop when nothing is waiting.
 * @config: -c FILE, or NULL.
 * @answers: --answer-file FILE, or NULL.
 * @count: -n N, or 0.
 */
struct wd_daemon_opts {
	bool foreground;
	bool once;
	const char *config;
	const char *answers;
	unsigned int count;
};

/*
 * Parse the @accepted options (WD_OPT_* bits) with getopt_long() into
 * @opts; -h/--help prints @usage and exits 0, anything else, arguments
 * included, is a usage error (exit 2).
 */
void wd_daemon_options(int argc, char *argv[], unsigned int accepted,
		       void (*usage)(FILE *), struct wd_daemon_opts *opts);

/*
 * Detach from the terminal and the caller's session.  stdout and stderr
 * stay open so that an init script that redirects them still collects
 * the daemon's complaints; stdin becomes /dev/null.  Returns 0 in the
 * daemon, -1 with errno set (the parent has exited on success).
 */
int wd_daemonize(void);

#endif /* WARDEN_TOOLS_DAEMON_H */
