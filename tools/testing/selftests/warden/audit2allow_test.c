// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - from real denials to policy with warden-audit2allow.
 *
 * Small daemons (copies of daemon_helper) run in enforcing domains of
 * their own under the reference library, and are refused: one the
 * console, one Warden's configuration.  warden-auditd logs the records;
 * warden-audit2allow turns its log into the raw lines, into calls of the
 * owners' interfaces (-R), into quiet calls (-D -R) and into a module
 * (-M), which installed and loaded lets the same requests succeed.  And
 * -w gives each reason a real record can have.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../kselftest_harness.h"
#include "enforce_common.h"
#include "module_common.h"

#define TMP "/tmp/warden-a2a"
#define STORE TMP "/store"
#define LOG TMP "/log/reject.log"
#define HELPER "/opt/warden/selftests/warden/daemon_helper"
#define CONF_DIR "/etc/warden/a2a/"
#define DATA_DIR "/srv/a2a/"
#define OUT_SIZE 65536

/* The daemons: each a copy of daemon_helper, in a domain of its own. */
static const char *const daemons[] = {
	"consoled", "configd", "permd", "condd", "quietd", "goned",
};

/* The module that confines them, and the profile that logs quiet ones. */
static const char daemons_pol[] =
	"[exception_policy]\n"
	"initialize_domain /usr/sbin/consoled from any\n"
	"initialize_domain /usr/sbin/configd from any\n"
	"initialize_domain /usr/sbin/permd from any\n"
	"initialize_domain /usr/sbin/condd from any\n"
	"initialize_domain /usr/sbin/quietd from any\n"
	"initialize_domain /usr/sbin/goned from any\n"
	"[domain_policy]\n"
	"<kernel> /usr/sbin/consoled\nuse_profile 3\n"
	"<kernel> /usr/sbin/configd\nuse_profile 3\n"
	"<kernel> /usr/sbin/permd\nuse_profile 2\n"
	"<kernel> /usr/sbin/condd\nuse_profile 3\n"
	"file read " DATA_DIR "condd.conf task.uid=1000\n"
	"<kernel> /usr/sbin/quietd\nuse_profile 4\n"
	"quiet file read " DATA_DIR "quiet.conf\n"
	"<kernel> /usr/sbin/goned\nuse_profile 3\n";

static const char quiet_profile[] =
	"4-COMMENT=enforcing, quiet rules logged\n"
	"4-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 quiet_log=yes }\n"
	"4-CONFIG={ mode=enforcing grant_log=no reject_log=yes }\n";

/* Only the daemons' denials: earlier tests may have left records. */
static const char auditd_conf[] =
	"header.contains granted=no\n"
	"domain.starts <kernel>\\040/usr/sbin/\n"
	"destination " LOG "\n";

FIXTURE(a2a) {
	pid_t auditd;
};

/* Load the library, the daemons' module and whatever else is installed. */
static int load(char *out, size_t size)
{
	return run_tool(out, size, "warden-module", "--store", STORE, "load",
			NULL);
}

static int install(char *out, size_t size, const char *path)
{
	return run_tool(out, size, "warden-module", "--store", STORE,
			"install", path, NULL);
}

/* Run daemon @name with its request; its exit status (1: refused). */
static int daemon_run(const char *name, const char *what, const char *file)
{
	const char *argv[4] = { name, what, file, NULL };
	char path[64], out[512];

	snprintf(path, sizeof(path), "/usr/sbin/%s", name);
	return run_program(path, (char *const *)argv, NULL, NULL, out,
			   sizeof(out));
}

static pid_t start_auditd(void)
{
	static char *const argv[] = {
		"warden-auditd", "-f", "-c", TMP "/auditd.conf", NULL,
	};
	pid_t pid = fork();

	if (!pid) {
		execv(TOOLS_DIR "/warden-auditd", argv);
		_exit(127);
	}
	return pid;
}

/* Let auditd write what the kernel has, then stop it. */
static void stop_auditd(pid_t *pid)
{
	if (*pid <= 0)
		return;
	usleep(500000);
	kill(*pid, SIGTERM);
	waitpid(*pid, NULL, 0);
	*pid = 0;
}

FIXTURE_SETUP(a2a)
{
	char out[OUT_SIZE], path[64];
	unsigned int i;

	self->auditd = 0;
	if (!warden_is_enabled())
		SKIP(return, "warden is not in " LSM_LIST_FILE);
	if (access(TOOLS_DIR "/warden-audit2allow", X_OK) ||
	    access(LIBRARY, R_OK) || access(HELPER, X_OK))
		SKIP(return, "no warden-audit2allow, library or daemon_helper");
	remove_tree(TMP);
	ASSERT_EQ(0, mkdir(TMP, 0755));
	ASSERT_EQ(0, mkdir(TMP "/log", 0755));
	for (i = 0; i < ARRAY_SIZE(daemons); i++) {
		snprintf(path, sizeof(path), "/usr/sbin/%s", daemons[i]);
		ASSERT_EQ(0, copy_file(HELPER, path, 0755));
	}
	mkdir("/etc/warden", 0755);
	mkdir(CONF_DIR, 0755);
	mkdir("/srv", 0755);
	mkdir(DATA_DIR, 0755);
	ASSERT_EQ(0, make_file(CONF_DIR "confi.conf", "setting=1\n", 0644));
	for (i = 0; i < ARRAY_SIZE(daemons); i++) {
		snprintf(path, sizeof(path), DATA_DIR "%.5s.conf", daemons[i]);
		ASSERT_EQ(0, make_file(path, "setting=1\n", 0644));
	}
	ASSERT_EQ(0, make_file(TMP "/daemons.pol", daemons_pol, 0644));
	ASSERT_EQ(0, make_file(TMP "/auditd.conf", auditd_conf, 0644));
	ASSERT_EQ(0, install(out, sizeof(out), LIBRARY)) TH_LOG("%s", out);
	ASSERT_EQ(0, install(out, sizeof(out), TMP "/daemons.pol"))
		TH_LOG("%s", out);
	ASSERT_EQ(0, install_test_base(STORE, TMP, quiet_profile));
	ASSERT_EQ(0, load(out, sizeof(out))) TH_LOG("%s", out);
	self->auditd = start_auditd();
	ASSERT_LT(0, self->auditd);
}

FIXTURE_TEARDOWN(a2a)
{
	char path[64];
	unsigned int i;

	stop_auditd(&self->auditd);
	if (!warden_is_enabled())
		return;
	EXPECT_EQ(0, load_neutral_policy());
	for (i = 0; i < ARRAY_SIZE(daemons); i++) {
		snprintf(path, sizeof(path), "/usr/sbin/%s", daemons[i]);
		unlink(path);
	}
	remove_tree(CONF_DIR);
	remove_tree(DATA_DIR);
	remove_tree(TMP);
}

/* Run warden-audit2allow on the log with up to four options. */
static int a2a(char *out, size_t size, const char *o1, const char *o2,
	       const char *o3, const char *o4)
{
	return run_tool(out, size, "warden-audit2allow", "-i", LOG,
			"--modules", LIBRARY, o1, o2, o3, o4, NULL);
}

TEST_F_TIMEOUT(a2a, denials_become_a_module_that_lets_the_daemons_run, 120)
{
	char out[OUT_SIZE];

	EXPECT_EQ(1, daemon_run("consoled", "console", NULL));
	EXPECT_EQ(1, daemon_run("configd", "read", CONF_DIR "confi.conf"));
	stop_auditd(&self->auditd);

	ASSERT_EQ(0, a2a(out, sizeof(out), NULL, NULL, NULL, NULL));
	EXPECT_STREQ("<kernel> /usr/sbin/consoled\n"
		     "file read/write /dev/console\n"
		     "\n"
		     "<kernel> /usr/sbin/configd\n"
		     "file read " CONF_DIR "confi.conf\n"
		     "\n", out);
	ASSERT_EQ(0, a2a(out, sizeof(out), "-R", NULL, NULL, NULL));
	EXPECT_NE(NULL, strstr(out, "<kernel> /usr/sbin/consoled\n"
			       "term_use_console()\n")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "<kernel> /usr/sbin/configd\n"
			       "wardenutil_read_config()\n")) TH_LOG("%s", out);
	ASSERT_EQ(0, a2a(out, sizeof(out), "-D", "-R", NULL, NULL));
	EXPECT_NE(NULL, strstr(out, "<kernel> /usr/sbin/configd\n"
			       "wardenutil_dontaudit_read_config()\n"))
		TH_LOG("%s", out);
	ASSERT_EQ(0, a2a(out, sizeof(out), "-w", NULL, NULL, NULL));
	EXPECT_NE(NULL, strstr(out, "file read /dev/console: missing"))
		TH_LOG("%s", out);

	/* The module of the calls, installed and loaded. */
	ASSERT_EQ(0, chdir(TMP));
	ASSERT_EQ(0, a2a(out, sizeof(out), "-R", "-M", "local", NULL));
	ASSERT_EQ(0, install(out, sizeof(out), TMP "/local.pol"))
		TH_LOG("%s", out);
	ASSERT_EQ(0, load(out, sizeof(out))) TH_LOG("%s", out);
	EXPECT_EQ(0, daemon_run("consoled", "console", NULL));
	EXPECT_EQ(0, daemon_run("configd", "read", CONF_DIR "confi.conf"));
	ASSERT_EQ(0, a2a(out, sizeof(out), "-w", NULL, NULL, NULL));
	EXPECT_NE(NULL, strstr(out, "file read /dev/console: allowed-now"))
		TH_LOG("%s", out);
	EXPECT_EQ(0, chdir("/"));
}

TEST_F_TIMEOUT(a2a, why_gives_each_reason_of_real_records, 120)
{
	char out[OUT_SIZE];

	EXPECT_EQ(1, daemon_run("consoled", "console", NULL));
	EXPECT_EQ(0, daemon_run("permd", "read", DATA_DIR "permd.conf"));
	EXPECT_EQ(1, daemon_run("condd", "read", DATA_DIR "condd.conf"));
	EXPECT_EQ(1, daemon_run("quietd", "read", DATA_DIR "quiet.conf"));
	EXPECT_EQ(1, daemon_run("goned", "read", DATA_DIR "goned.conf"));
	stop_auditd(&self->auditd);

	/* goned's domain leaves the policy. */
	ASSERT_EQ(0, make_file(TMP "/daemons.pol",
			       "[domain_policy]\n<kernel> /usr/sbin/consoled\n"
			       "use_profile 3\n", 0644));
	ASSERT_EQ(0, make_file(TMP "/more.pol",
			       "[domain_policy]\n"
			       "<kernel> /usr/sbin/permd\nuse_profile 2\n"
			       "<kernel> /usr/sbin/condd\nuse_profile 3\n"
			       "file read " DATA_DIR "condd.conf task.uid=1000\n"
			       "<kernel> /usr/sbin/quietd\nuse_profile 4\n"
			       "quiet file read " DATA_DIR "quiet.conf\n", 0644));
	ASSERT_EQ(0, install(out, sizeof(out), TMP "/daemons.pol"));
	ASSERT_EQ(0, install(out, sizeof(out), TMP "/more.pol"));
	ASSERT_EQ(0, load(out, sizeof(out))) TH_LOG("%s", out);

	ASSERT_EQ(0, a2a(out, sizeof(out), "-w", NULL, NULL, NULL));
	TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "file read /dev/console: missing"));
	EXPECT_NE(NULL, strstr(out, "file read " DATA_DIR "permd.conf: mode"));
	EXPECT_NE(NULL, strstr(out, "file read " DATA_DIR "condd.conf: condition"));
	EXPECT_NE(NULL, strstr(out, "task.uid=1000"));
	EXPECT_NE(NULL, strstr(out, "file read " DATA_DIR "quiet.conf: quiet"));
	EXPECT_NE(NULL, strstr(out, "file read " DATA_DIR "goned.conf: no-domain"));
}

TEST_HARNESS_MAIN
