// SPDX-License-Identifier: GPL-2.0-only
/*
 * warden-auditd: reads Warden's audit records and appends each to the
 * log file its first matching rule names (by default reject_NNN.log and
 * grant_NNN.log per profile under /var/log/warden).
 */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "conf.h"
#include "daemon.h"
#include "iface.h"
#include "io.h"
#include "util.h"
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
		"      --once        stop when no record is waiting\n"
		"  -n, --count N     stop after N records\n"
		"  -h, --help        show this help and exit\n\n"
		"Without " DEFAULT_CONF ", denied records go to\n"
		"/var/log/warden/reject_NNN.log and granted ones to\n"
		"/var/log/warden/grant_NNN.log (NNN: the profile).\n"
		"It stops at the end of a file or FIFO read in place of the kernel's.\n"
		"WARDEN_DIR overrides /sys/kernel/security/warden.\n"
		"Exit status: 0 done, 1 a file could not be read, 2 bad usage.\n");
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
	if (fd < 0 && errno == ENOENT && !wd_make_parents(path))
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
	ret = wd_write_all(fd, buf, len);
	free(buf);
	if (close(fd))
		ret = -1;
	return ret;
}

static void route(const struct wd_rules *rules, const char *data, size_t len)
{
	const struct wd_rule *rule;
	struct wd_record rec;
	char path[PATH_MAX];
	const char *why;

	if (wd_record_parse(data, len, &rec, &why)) {
		wd_error("skipping malformed record: %s", why);
		return;
	}
	rule = wd_rules_match(rules, &rec);
	if (!rule)
		goto out;
	if (wd_rule_dest_expand(rule->dest, &rec, path, sizeof(path)))
		wd_error("%s: %s", rule->dest,
			 strerror(ENAMETOOLONG));
	else if (append_log(path, rec.text, strlen(rec.text)))
		wd_error("%s: %s", path, strerror(errno));
out:
	wd_record_free(&rec);
}

/*
 * The kernel's read() blocks until a record is ready and its stream never
 * ends, so end of file means the records came from a file or a FIFO
 * whose writer is done: stop there, as at EAGAIN (--once, nothing
 * waiting).
 */
static int run(int fd, const struct wd_rules *rules, unsigned long count)
{
	struct wd_reader rd;
	unsigned long done = 0;
	char *data;
	size_t len;
	int ret = 0;

	wd_reader_init(&rd, fd);
	while (!count || done < count) {
		int n = wd_reader_next(&rd, &data, &len);

		if (n > 0) {
			route(rules, data, len);
			done++;
		} else if (n < 0 && errno == EINTR) {
			continue;
		} else if (n == 0 || errno == EAGAIN) {
			break;
		} else {
			wd_error("%s/audit: %s", wd_iface_dir(),
				 strerror(errno));
			ret = 1;
			break;
		}
	}
	wd_reader_free(&rd);
	return ret;
}

int main(int argc, char *argv[])
{
	struct wd_daemon_opts o;
	struct wd_rules rules;
	int fd, ret;

	wd_daemon_options(argc, argv, WD_OPT_FOREGROUND | WD_OPT_CONFIG |
			  WD_OPT_ONCE | WD_OPT_COUNT, usage, &o);
	if (wd_rules_load(&rules, o.config ? o.config : DEFAULT_CONF,
			  !o.config))
		return WD_EXIT_FAIL;
	fd = wd_iface_open("audit", O_RDONLY | (o.once ? O_NONBLOCK : 0));
	if (fd < 0)
		return WD_EXIT_FAIL;
	/* --once and -n are for scripts, which wait for the end. */
	if (!o.foreground && !o.once && !o.count && wd_daemonize()) {
		wd_error("cannot daemonize: %s", strerror(errno));
		return WD_EXIT_FAIL;
	}
	ret = run(fd, &rules, o.count);
	close(fd);
	wd_rules_free(&rules);
	return ret;
}
