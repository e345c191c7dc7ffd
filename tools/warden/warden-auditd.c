// SPDX-License-Identifier: GPL-2.0-only
/*
 * warden-auditd: reads Warden's audit records and appends each to the
 * log file its first matching rule names (by default reject_NNN.log and
 * grant_NNN.log per profile under /var/log/warden).
 */

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "conf.h"
#include "common.h"
#include "record.h"

#define PROG "warden-auditd"
#define DEFAULT_CONF "/etc/warden/tools/auditd.conf"

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: " PROG " [-f] [-c CONF] [--once] [-n N]\n"
		"Append Warden's audit records to log files chosen by the rules in\n"
		DEFAULT_CONF ".\n\n"
		"  -f, --foreground  do not detach from the terminal\n"
		"  -c, --config CONF read the rules from CONF\n"
		"      --once        stop when no record is waiting (end of file)\n"
		"  -n, --count N     stop after N records\n"
		"  -h, --help        show this help and exit\n\n"
		"Without " DEFAULT_CONF ", denied records go to\n"
		"/var/log/warden/reject_NNN.log and granted ones to\n"
		"/var/log/warden/grant_NNN.log (NNN: the profile).\n"
		"WARDEN_DIR overrides /sys/kernel/security/warden.\n");
}

/* Creates every missing directory above @path, like mkdir -p "$(dirname)". */
static int make_parents(const char *path)
{
	char dir[PATH_MAX];
	char *p;

	if (snprintf(dir, sizeof(dir), "%s", path) >= (int)sizeof(dir)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	for (p = dir + 1; (p = strchr(p, '/')); p++) {
		*p = '\0';
		if (mkdir(dir, 0700) && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return 0;
}

/*
 * Opens the log for each record rather than holding it open, so that
 * logrotate may move files away without a signal to this daemon.
 */
static int append_log(const char *path, const char *text, size_t len)
{
	int flags = O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC;
	char *buf;
	int fd, ret;

	fd = open(path, flags, 0600);
	if (fd < 0 && errno == ENOENT && !make_parents(path))
		fd = open(path, flags, 0600);
	if (fd < 0)
		return -1;
	/* Record plus blank line in one write keeps records whole. */
	buf = malloc(len + 2);
	if (!buf) {
		close(fd);
		return -1;
	}
	memcpy(buf, text, len);
	if (!len || text[len - 1] != '\n')
		buf[len++] = '\n';
	buf[len++] = '\n';
	ret = wr_write_all(fd, buf, len);
	free(buf);
	if (close(fd))
		ret = -1;
	return ret;
}

static void route(const struct wc_rules *rules, const char *data, size_t len)
{
	const struct wc_rule *rule;
	struct wr_record rec;
	char path[PATH_MAX];
	const char *why;

	if (wr_parse(data, len, &rec, &why)) {
		fprintf(stderr, PROG ": skipping malformed record: %s\n", why);
		return;
	}
	rule = wc_rules_match(rules, &rec);
	if (!rule)
		goto out;
	if (wc_dest_expand(rule->dest, &rec, path, sizeof(path)))
		fprintf(stderr, PROG ": %s: %s\n", rule->dest,
			strerror(ENAMETOOLONG));
	else if (append_log(path, rec.text, strlen(rec.text)))
		fprintf(stderr, PROG ": %s: %s\n", path, strerror(errno));
out:
	wr_free(&rec);
}

static int load_rules(struct wc_rules *rules, const char *conf)
{
	const char *path = conf ? conf : DEFAULT_CONF;
	char err[WC_ERR_MAX];
	char *text;
	int ret;

	text = wc_read_file(path, err, sizeof(err));
	if (!text && errno == ENOENT && !conf)
		return wc_rules_parse(rules, "built-in rules",
				      wc_auditd_default, err, sizeof(err));
	if (!text) {
		fprintf(stderr, PROG ": %s\n", err);
		return -1;
	}
	ret = wc_rules_parse(rules, path, text, err, sizeof(err));
	if (ret)
		fprintf(stderr, PROG ": %s\n", err);
	free(text);
	return ret;
}

/*
 * The kernel's read() blocks until a record is ready, so an end of file
 * only comes from an ordinary file standing in for it: without --once,
 * look again a second later rather than spin.
 */
static bool wait_more(bool once)
{
	if (once)
		return false;
	sleep(1);
	return true;
}

static int run(int fd, const struct wc_rules *rules, bool once,
	       unsigned long count)
{
	struct wr_reader rd;
	unsigned long done = 0;
	char *data;
	size_t len;
	int ret = 0;

	wr_reader_init(&rd, fd);
	while (!count || done < count) {
		int n = wr_reader_next(&rd, &data, &len);

		if (n > 0) {
			route(rules, data, len);
			done++;
		} else if (n < 0 && errno == EINTR) {
			continue;
		} else if (n == 0 || errno == EAGAIN) {
			if (!wait_more(once))
				break;
		} else {
			fprintf(stderr, PROG ": %s/audit: %s\n", wd_dir(),
				strerror(errno));
			ret = 1;
			break;
		}
	}
	wr_reader_free(&rd);
	return ret;
}

int main(int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "foreground", no_argument, NULL, 'f' },
		{ "config", required_argument, NULL, 'c' },
		{ "once", no_argument, NULL, 'o' },
		{ "count", required_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ }
	};
	bool foreground = false, once = false;
	const char *conf = NULL;
	unsigned int count = 0;
	struct wc_rules rules;
	char *path;
	int c, fd, ret;

	while ((c = getopt_long(argc, argv, "fc:n:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			foreground = true;
			break;
		case 'c':
			conf = optarg;
			break;
		case 'o':
			once = true;
			break;
		case 'n':
			if (wc_parse_uint(optarg, INT_MAX, &count) || !count) {
				fprintf(stderr, PROG ": bad count '%s'\n", optarg);
				return 2;
			}
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind != argc) {
		usage(stderr);
		return 2;
	}
	if (load_rules(&rules, conf))
		return 1;
	path = wr_path("audit");
	fd = path ? open(path, O_RDONLY | O_CLOEXEC | (once ? O_NONBLOCK : 0)) : -1;
	if (fd < 0) {
		fprintf(stderr, PROG ": %s: %s\n", path ? path : "audit",
			strerror(errno));
		return 1;
	}
	/* --once and -n are for scripts and tests, which wait for the end. */
	if (!foreground && !once && !count && wr_daemonize()) {
		fprintf(stderr, PROG ": cannot daemonize: %s\n", strerror(errno));
		return 1;
	}
	ret = run(fd, &rules, once, count);
	close(fd);
	free(path);
	wc_rules_free(&rules);
	return ret;
}
