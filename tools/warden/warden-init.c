// SPDX-License-Identifier: GPL-2.0-only
/*
 * warden-init - load the saved policy at boot, before /sbin/init runs.
 *
 * The kernel runs this program when /sbin/init is first executed and
 * activates the policy once it exits.  It reads the four parts saved in
 * /etc/warden/policy/current/, makes them one policy document and writes
 * that to the kernel's `policy` file, so that either the whole policy
 * loads or the kernel keeps the one it had.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "iface.h"
#include "io.h"
#include "policy.h"
#include "util.h"

/* TOMOYO's default profiles, used when no profile.conf was saved. */
static const char default_profile[] =
	"PROFILE_VERSION=20150505\n"
	"0-COMMENT=-----Disabled Mode-----\n"
	"0-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }\n"
	"0-CONFIG={ mode=disabled grant_log=no reject_log=yes }\n"
	"1-COMMENT=-----Learning Mode-----\n"
	"1-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }\n"
	"1-CONFIG={ mode=learning grant_log=no reject_log=yes }\n"
	"2-COMMENT=-----Permissive Mode-----\n"
	"2-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }\n"
	"2-CONFIG={ mode=permissive grant_log=no reject_log=yes }\n"
	"3-COMMENT=-----Enforcing Mode-----\n"
	"3-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }\n"
	"3-CONFIG={ mode=enforcing grant_log=no reject_log=yes }\n";

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: warden-init [--help]\n"
		"Load the policy saved in $WARDEN_POLICY_DIR/current (default\n"
		"%s/current) into the kernel as one transaction.\n"
		"Does nothing when the kernel command line has warden=disabled.\n"
		"Environment: WARDEN_DIR (interface, default %s),\n"
		"WARDEN_POLICY_DIR, WARDEN_CMDLINE (default /proc/cmdline).\n"
		"Exit status: 0 loaded (or disabled), 1 the kernel or a file\n"
		"refused, 2 bad usage.\n",
		WD_DEFAULT_POLICY_DIR, WD_DEFAULT_DIR);
}

/* Whether the command line holds the word "warden=disabled". */
static int loading_disabled(const char *cmdline)
{
	static const char word[] = "warden=disabled";
	const char *p = cmdline;

	while ((p = strstr(p, word))) {
		int starts = p == cmdline || p[-1] == ' ' || p[-1] == '\t';
		char end = p[sizeof(word) - 1];

		if (starts && (!end || end == ' ' || end == '\t' || end == '\n'))
			return 1;
		p += sizeof(word) - 1;
	}
	return 0;
}

/*
 * At boot nothing may have mounted /proc, /sys or securityfs yet.  Mount
 * what is missing, and only for the real interface: whoever points
 * WARDEN_DIR or WARDEN_CMDLINE elsewhere provides that place, and nothing
 * is mounted for it.
 * What was mounted here is unmounted again, in reverse order.
 */
static const char *mounted[3];
static int nmounted;

static void mount_one(const char *source, const char *target,
		      const char *type)
{
	if (!mount(source, target, type, 0, NULL))
		mounted[nmounted++] = target;
}

static void mount_what_is_missing(void)
{
	struct stat st;

	if (!getenv("WARDEN_CMDLINE") && stat("/proc/self", &st))
		mount_one("proc", "/proc", "proc");
	if (getenv("WARDEN_DIR") || !stat(WD_DEFAULT_DIR, &st))
		return;
	if (stat("/sys/kernel", &st))
		mount_one("sysfs", "/sys", "sysfs");
	/* Every securityfs has "lsm"; without it, none is mounted. */
	if (stat("/sys/kernel/security/lsm", &st))
		mount_one("securityfs", "/sys/kernel/security", "securityfs");
}

/* Leave the mounts as /sbin/init expects to find them. */
static void unmount_all(void)
{
	while (nmounted > 0)
		umount(mounted[--nmounted]);
}

/* Read one saved part; a missing file is an empty part. */
static int read_part(const char *dir, enum wd_part part, char **text)
{
	char *path = wd_path(dir, wd_part_conf(part));

	*text = wd_read_file(path, 0, NULL);
	if (!*text && errno != ENOENT) {
		wd_perror(path);
		free(path);
		return -1;
	}
	free(path);
	return 0;
}

static int load_saved_policy(void)
{
	struct wd_policy policy = { 0 };
	char *dir, *doc, *target;
	int i, ret = 1;

	dir = wd_path(wd_policy_dir(), "current");
	for (i = 0; i < WD_NR_PARTS; i++)
		if (read_part(dir, i, &policy.part[i]))
			goto out;
	if (!policy.part[WD_PROFILE]) {
		printf("warden-init: no %s/profile.conf; using the default profiles 0-3\n",
		       dir);
		policy.part[WD_PROFILE] = wd_xstrdup(default_profile);
	}
	doc = wd_policy_assemble(&policy);
	target = wd_iface_path("policy");
	if (wd_write_file(target, doc, strlen(doc))) {
		wd_error("%s: %s: the kernel refused the policy from %s and keeps the one it had (its log names the line)",
			 target, strerror(errno), dir);
	} else {
		printf("warden-init: loaded %u profile, %u manager, %u exception_policy, %u domain_policy lines\n",
		       wd_count_lines(policy.part[WD_PROFILE]),
		       wd_count_lines(policy.part[WD_MANAGER]),
		       wd_count_lines(policy.part[WD_EXCEPTION]),
		       wd_count_lines(policy.part[WD_DOMAIN]));
		ret = 0;
	}
	free(target);
	free(doc);
out:
	wd_policy_free(&policy);
	free(dir);
	return ret;
}

int main(int argc, char **argv)
{
	const char *cmdline_path;
	char *cmdline;
	int ret;

	wd_options_help_only(argc, argv, usage);
	mount_what_is_missing();
	cmdline_path = getenv("WARDEN_CMDLINE");
	if (!cmdline_path || !*cmdline_path)
		cmdline_path = "/proc/cmdline";
	cmdline = wd_read_file(cmdline_path, 0, NULL);
	if (!cmdline) {
		/* Without the command line, loading is the safe default. */
		wd_error("%s: %s; loading the policy anyway", cmdline_path,
			 strerror(errno));
	} else if (loading_disabled(cmdline)) {
		printf("warden-init: warden=disabled on the kernel command line; not loading the policy\n");
		free(cmdline);
		unmount_all();
		return 0;
	}
	free(cmdline);
	ret = load_saved_policy();
	unmount_all();
	return ret;
}
