// SPDX-License-Identifier: GPL-2.0
/*
 * Warden kselftest: the TOMOYO-compatible interface.  Debian's unmodified
 * tomoyo-tools 2.6 run against /sys/kernel/security/tomoyo/: tomoyo-init
 * loads /etc/tomoyo (made by init_policy) at the /sbin/init trigger, then
 * tomoyo-savepolicy, -loadpolicy, -setprofile, -pstree, -auditd,
 * -notifyd, -queryd and -editpolicy each do what they do on TOMOYO.  The
 * cases run in order in one fresh boot (scripts/vm/tomoyo.sh), whose
 * initramfs holds the tools with their libraries.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../kselftest_harness.h"
#include "common.h"
#include "httpd_common.h"

#define TOMOYO_DIR "/sys/kernel/security/tomoyo"
#define INIT_POLICY "/usr/lib/tomoyo/init_policy"
#define TRIGGER "/sbin/init"
#define MARKER "<kernel> /tomoyo-init-loaded-this"
/* A copy of busybox whose domain is confined; it runs as "cat". */
#define VICTIM "/tmp/v/cat"
#define VICTIM_DOMAIN "<kernel> " VICTIM
#define BIG 65536

static bool have_tools(void)
{
	return !access("/sbin/tomoyo-init", X_OK) && !access(INIT_POLICY, X_OK);
}

/*
 * The tools' cases also run on TOMOYO itself (lsm=tomoyo), to show that
 * the tools do the same there.
 */
static bool have_interface(void)
{
	struct stat st;

	return have_tools() && !lstat(TOMOYO_DIR, &st) && S_ISDIR(st.st_mode);
}

/* Run a shell command; its exit status, or -1. */
static int run(const char *fmt, ...)
{
	char cmd[4096];
	va_list ap;
	int status;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	status = system(cmd);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* What a shell command prints on stdout, NUL-terminated; its length. */
static ssize_t capture(char *buf, size_t size, const char *fmt, ...)
{
	char cmd[4096];
	size_t len = 0, n;
	va_list ap;
	FILE *out;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	out = popen(cmd, "r");
	if (!out)
		return -1;
	while (len + 1 < size && (n = fread(buf + len, 1, size - 1 - len, out)))
		len += n;
	buf[len] = '\0';
	pclose(out);
	return len;
}

/* Whether @text holds @line as a whole line. */
static bool has_line(const char *text, const char *line)
{
	size_t len = strlen(line);
	const char *p = text;

	while ((p = strstr(p, line))) {
		if ((p == text || p[-1] == '\n') && (!p[len] || p[len] == '\n'))
			return true;
		p++;
	}
	return false;
}

/* The profile of @domain in the domain policy, or -1. */
static int domain_profile(const char *domain)
{
	static char policy[BIG];
	char want[512];
	const char *p;
	int profile = -1;

	if (read_whole_file(TOMOYO_DIR "/domain_policy", policy,
			    sizeof(policy)) < 0)
		return -1;
	snprintf(want, sizeof(want), "%s\nuse_profile ", domain);
	for (p = policy; (p = strstr(p, want)); p++)
		if (p == policy || p[-1] == '\n')
			return sscanf(p + strlen(want), "%d", &profile) == 1 ?
			       profile : -1;
	return -1;
}

/* Wait up to @seconds for a file to hold @needle. */
static bool wait_for_text(const char *path, const char *needle, int seconds)
{
	static char text[BIG];
	int i;

	for (i = 0; i < seconds * 10; i++) {
		if (read_whole_file(path, text, sizeof(text)) >= 0 &&
		    strstr(text, needle))
			return true;
		usleep(100000);
	}
	return false;
}

/* Wait up to @seconds for the tmux pane @session to show @needle. */
static bool wait_for_pane(const char *session, const char *needle,
			  int seconds)
{
	static char pane[BIG];
	int i;

	for (i = 0; i < seconds * 10; i++) {
		if (capture(pane, sizeof(pane),
			    "tmux capture-pane -p -t %s 2>/dev/null",
			    session) > 0 && strstr(pane, needle))
			return true;
		usleep(100000);
	}
	return false;
}

/* Whether the file's contents equal what a command prints. */
static bool same_as_output(const char *path, const char *cmd)
{
	static char a[BIG], b[BIG];

	if (capture(a, sizeof(a), "%s", cmd) < 0 ||
	    read_whole_file(path, b, sizeof(b)) < 0)
		return false;
	return !strcmp(a, b);
}

/* The first exec of the trigger's child reads what the loader loaded. */
static const char trigger_script[] =
	"#!/bin/sh\n"
	"grep -c '^" MARKER "$' " TOMOYO_DIR "/domain_policy >/tmp/compat.marker\n"
	"exit 0\n";

/* The value of a boot option, or @fallback when it was not given. */
static void boot_option(const char *name, const char *fallback, char *value,
			size_t size)
{
	static const char ends[] = { ' ', '\n', '\0' };
	char cmdline[4096], *p;

	snprintf(value, size, "%s", fallback);
	if (read_whole_file("/proc/cmdline", cmdline, sizeof(cmdline)) < 0)
		return;
	p = strstr(cmdline, name);
	if (p && (p == cmdline || p[-1] == ' '))
		snprintf(value, size, "%.*s", (int)strcspn(p + strlen(name), ends),
			 p + strlen(name));
}

TEST(tomoyo_init_loads_etc_tomoyo_at_the_trigger)
{
	static char policy[BIG], conf[BIG];
	char text[600], trigger[256], loader[256];
	struct stat st;
	int status;
	pid_t pid;

	if (!have_interface())
		SKIP(return, "no TOMOYO interface or no tomoyo-tools");
	ASSERT_EQ(0, lstat(TOMOYO_DIR, &st));
	ASSERT_TRUE(S_ISDIR(st.st_mode));
	ASSERT_EQ(0, policy_updates(TOMOYO_DIR)) TH_LOG("a policy was loaded earlier in this boot");
	ASSERT_LT(0, read_whole_file(TOMOYO_DIR "/version", text, sizeof(text)));
	EXPECT_EQ(0, strncmp(text, "2.6.", 4)) TH_LOG("version %s", text);

	/*
	 * The boot may name the trigger and loader the TOMOYO way
	 * (scripts/selftests.sh does); /sbin/init is then no trigger.
	 */
	boot_option("TOMOYO_trigger=", TRIGGER, trigger, sizeof(trigger));
	boot_option("TOMOYO_loader=", "/sbin/tomoyo-init", loader, sizeof(loader));
	if (strcmp(loader, "/sbin/tomoyo-init")) {
		ASSERT_EQ(0, run("mkdir -p $(dirname %s) && ln -sf /sbin/tomoyo-init %s",
				 loader, loader));
	}
	/* /etc/tomoyo as init_policy makes it, plus a domain to find. */
	ASSERT_EQ(0, run(INIT_POLICY " >/dev/null"));
	ASSERT_EQ(0, run("printf '%s\\nuse_profile 3\\n' >>/etc/tomoyo/domain_policy.conf",
			 MARKER));
	ASSERT_EQ(0, write_text(trigger, trigger_script, 0755));
	if (strcmp(trigger, TRIGGER)) {
		ASSERT_EQ(0, write_text(TRIGGER, "#!/bin/sh\nexit 0\n", 0755));
		ASSERT_EQ(0, run(TRIGGER));
		EXPECT_EQ(0, policy_updates(TOMOYO_DIR));
	}
	unlink("/tmp/compat.marker");

	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		execl(trigger, trigger, NULL);
		_exit(127);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_TRUE(WIFEXITED(status) && !WEXITSTATUS(status));

	if (warden_is_enabled()) {
		snprintf(text, sizeof(text), "Warden: %s runs %s", trigger, loader);
		EXPECT_EQ(1, kernel_log_count(text)) TH_LOG("%s", text);
		EXPECT_EQ(1, kernel_log_count("Warden: policy loaded"));
	} else {
		EXPECT_EQ(1, kernel_log_count("Mandatory Access Control activated"));
	}
	ASSERT_LT(0, read_whole_file("/tmp/compat.marker", text, sizeof(text)));
	EXPECT_STREQ("1\n", text);
	EXPECT_EQ(0, kernel_log_count("not a manager"));
	/* Every line of /etc/tomoyo was taken, stat.conf's comment too. */
	EXPECT_EQ(0, kernel_log_count("Warden: stat:"));
	EXPECT_EQ(0, kernel_log_count("Warden: exception_policy:"));
	EXPECT_EQ(0, kernel_log_count("Warden: domain_policy:"));
	EXPECT_EQ(0, kernel_log_count("Warden: profile:"));
	EXPECT_LT(0, policy_updates(TOMOYO_DIR));
	/* What /etc/tomoyo holds is what the kernel holds. */
	ASSERT_LT(0, read_whole_file(TOMOYO_DIR "/profile", policy, sizeof(policy)));
	ASSERT_LT(0, read_whole_file("/etc/tomoyo/profile.conf", conf, sizeof(conf)));
	EXPECT_STREQ(conf, policy);
	ASSERT_LT(0, read_whole_file(TOMOYO_DIR "/manager", policy, sizeof(policy)));
	ASSERT_LT(0, read_whole_file("/etc/tomoyo/manager.conf", conf, sizeof(conf)));
	EXPECT_STREQ(conf, policy);
	ASSERT_LT(0, read_whole_file(TOMOYO_DIR "/exception_policy", policy,
				     sizeof(policy)));
	EXPECT_TRUE(has_line(policy, "aggregator proc:/self/exe /proc/self/exe"));
	/* use_profile 3 was written before profile 3 existed. */
	EXPECT_EQ(3, domain_profile(MARKER));
}

/*
 * An empty write: 0 for a manager.  For anyone else Warden answers EPERM,
 * so that the tools' "am I a manager?" probe works and they say "You need
 * to register this program to .../manager"; TOMOYO 2.6 answers 0 to
 * everyone (seen with lsm=tomoyo), and a non-manager's tool fails at its
 * first line instead.
 */
static void expect_empty_write(struct __test_metadata *_metadata,
			       const char *file, bool manager)
{
	char path[128];
	int fd;

	snprintf(path, sizeof(path), TOMOYO_DIR "/%s", file);
	fd = open(path, O_RDWR);
	ASSERT_LE(0, fd);
	errno = 0;
	if (manager || !warden_is_enabled()) {
		EXPECT_EQ(0, write(fd, "", 0)) TH_LOG("%s", file);
	} else {
		EXPECT_EQ(-1, write(fd, "", 0)) TH_LOG("%s", file);
		EXPECT_EQ(EPERM, errno);
	}
	close(fd);
}

TEST(empty_write_tells_a_manager_from_others)
{
	static const char *const files[] = {
		"domain_policy", "exception_policy", "profile", "manager",
		"query",
	};
	char self[512];
	ssize_t len;
	size_t i;

	if (!have_interface())
		SKIP(return, "no TOMOYO interface or no tomoyo-tools");
	len = readlink("/proc/self/exe", self, sizeof(self) - 1);
	ASSERT_LT(0, len);
	self[len] = '\0';
	for (i = 0; i < ARRAY_SIZE(files); i++)
		expect_empty_write(_metadata, files[i], false);
	ASSERT_EQ(0, run("echo %s | tomoyo-loadpolicy -m", self));
	for (i = 0; i < ARRAY_SIZE(files); i++)
		expect_empty_write(_metadata, files[i], true);
	ASSERT_EQ(0, run("echo 'delete %s' | tomoyo-loadpolicy -m", self));
	expect_empty_write(_metadata, "domain_policy", false);
}

/* The victim and the tools keep their domains wherever they are run. */
static void setup_victim(struct __test_metadata *_metadata)
{
	ASSERT_EQ(0, run("mkdir -p /tmp/v && cp /bin/busybox " VICTIM));
	ASSERT_EQ(0, run("echo 'initialize_domain " VICTIM " from any' | tomoyo-loadpolicy -e"));
}

TEST(tomoyo_file_names_resolve_as_securityfs_tomoyo)
{
	static char policy[BIG];

	if (!have_interface())
		SKIP(return, "no TOMOYO interface or no tomoyo-tools");
	setup_victim(_metadata);
	ASSERT_EQ(0, run("printf '%s\\nuse_profile 1\\n' | tomoyo-loadpolicy -d",
			 VICTIM_DOMAIN));
	ASSERT_EQ(0, run(VICTIM " " TOMOYO_DIR "/version >/dev/null"));
	ASSERT_LT(0, read_whole_file(TOMOYO_DIR "/domain_policy", policy,
				     sizeof(policy)));
	EXPECT_TRUE(has_line(policy, "file read securityfs:/tomoyo/version"));
}

TEST(savepolicy_prints_and_saves_what_the_kernel_holds)
{
	static const char *const files[] = {
		"domain_policy", "exception_policy", "profile", "manager",
	};
	char path[128], cmd[128], conf[128];
	struct stat st;
	size_t i;

	if (!have_interface())
		SKIP(return, "no TOMOYO interface or no tomoyo-tools");
	/* Each option once, so that its own domain exists before. */
	ASSERT_EQ(0, run("tomoyo-savepolicy -d >/dev/null"));
	for (i = 0; i < ARRAY_SIZE(files); i++) {
		snprintf(path, sizeof(path), TOMOYO_DIR "/%s", files[i]);
		snprintf(cmd, sizeof(cmd), "tomoyo-savepolicy -%c", files[i][0]);
		EXPECT_TRUE(same_as_output(path, cmd)) TH_LOG("%s", cmd);
	}
	ASSERT_EQ(0, run("rm -rf /tmp/save && mkdir -p /tmp/save/policy"));
	ASSERT_EQ(0, run("tomoyo-savepolicy /tmp/save"));
	for (i = 0; i < ARRAY_SIZE(files); i++) {
		snprintf(conf, sizeof(conf), "/tmp/save/%s.conf", files[i]);
		EXPECT_EQ(0, lstat(conf, &st)) TH_LOG("%s", conf);
		EXPECT_TRUE(S_ISLNK(st.st_mode));
		if (files[i][0] == 'd')
			continue;	/* domains were made since */
		snprintf(path, sizeof(path), "cat " TOMOYO_DIR "/%s", files[i]);
		EXPECT_TRUE(same_as_output(conf, path)) TH_LOG("%s", conf);
	}
}

/* The overwrite forms: the whole policy less one entry, plus another. */
static const char without_a_with_b[] =
	"tomoyo-savepolicy -d | sed '/^<kernel> \\/compat\\/a$/,/^$/d' >/tmp/d.in &&\n"
	"printf '<kernel> /compat/b\\nuse_profile 2\\n' >>/tmp/d.in &&\n"
	"tomoyo-loadpolicy -df </tmp/d.in\n";
static const char group_b_only[] =
	"tomoyo-savepolicy -e | grep -v COMPAT_A >/tmp/e.in &&\n"
	"echo 'path_group COMPAT_B /compat/b' >>/tmp/e.in &&\n"
	"tomoyo-loadpolicy -ef </tmp/e.in\n";

TEST(loadpolicy_appends_and_overwrites)
{
	static char policy[BIG];

	if (!have_interface())
		SKIP(return, "no TOMOYO interface or no tomoyo-tools");
	ASSERT_EQ(0, run("printf '<kernel> /compat/a\\nuse_profile 1\\n' | tomoyo-loadpolicy -d"));
	EXPECT_EQ(1, domain_profile("<kernel> /compat/a"));
	/* -df: the domains are what the input says. */
	ASSERT_EQ(0, run("%s", without_a_with_b));
	EXPECT_EQ(-1, domain_profile("<kernel> /compat/a"));
	EXPECT_EQ(2, domain_profile("<kernel> /compat/b"));
	EXPECT_EQ(1, domain_profile(VICTIM_DOMAIN));

	ASSERT_EQ(0, run("echo 'path_group COMPAT_A /compat/a' | tomoyo-loadpolicy -e"));
	ASSERT_LT(0, read_whole_file(TOMOYO_DIR "/exception_policy", policy, sizeof(policy)));
	EXPECT_TRUE(has_line(policy, "path_group COMPAT_A /compat/a"));
	ASSERT_EQ(0, run("%s", group_b_only));
	ASSERT_LT(0, read_whole_file(TOMOYO_DIR "/exception_policy", policy, sizeof(policy)));
	EXPECT_FALSE(has_line(policy, "path_group COMPAT_A /compat/a"));
	EXPECT_TRUE(has_line(policy, "path_group COMPAT_B /compat/b"));
	EXPECT_TRUE(has_line(policy, "initialize_domain " VICTIM " from any"));

	ASSERT_EQ(0, run("echo /compat/manager | tomoyo-loadpolicy -m"));
	ASSERT_LT(0, read_whole_file(TOMOYO_DIR "/manager", policy, sizeof(policy)));
	EXPECT_TRUE(has_line(policy, "/compat/manager"));
	EXPECT_TRUE(has_line(policy, "/usr/sbin/tomoyo-loadpolicy"));

	ASSERT_EQ(0, run("echo '5-COMMENT=compat' | tomoyo-loadpolicy -p"));
	ASSERT_LT(0, read_whole_file(TOMOYO_DIR "/profile", policy, sizeof(policy)));
	EXPECT_TRUE(has_line(policy, "5-COMMENT=compat"));
	EXPECT_TRUE(has_line(policy, "3-COMMENT=-----Enforcing Mode-----"));
}

static const char three_domains[] =
	"<kernel> /compat/s\\nuse_profile 0\\n"
	"<kernel> /compat/s /x\\nuse_profile 0\\n"
	"<kernel> /compat/sx\\nuse_profile 0\\n";

TEST(setprofile_r_sets_a_domain_and_its_descendants)
{
	static char out[4096];

	if (!have_interface())
		SKIP(return, "no TOMOYO interface or no tomoyo-tools");
	ASSERT_EQ(0, run("printf '%s' | tomoyo-loadpolicy -d", three_domains));
	ASSERT_LT(0, capture(out, sizeof(out),
			     "tomoyo-setprofile -r 2 '<kernel> /compat/s'"));
	EXPECT_TRUE(has_line(out, "2 <kernel> /compat/s")) TH_LOG("%s", out);
	EXPECT_TRUE(has_line(out, "2 <kernel> /compat/s /x")) TH_LOG("%s", out);
	EXPECT_EQ(2, domain_profile("<kernel> /compat/s"));
	EXPECT_EQ(2, domain_profile("<kernel> /compat/s /x"));
	EXPECT_EQ(0, domain_profile("<kernel> /compat/sx"));
	ASSERT_LT(0, capture(out, sizeof(out),
			     "tomoyo-setprofile 1 '<kernel> /compat/s'"));
	EXPECT_STREQ("1 <kernel> /compat/s\n", out);
	EXPECT_EQ(2, domain_profile("<kernel> /compat/s /x"));
}

TEST(pstree_shows_each_process_with_its_profile_and_domain)
{
	static char out[BIG];

	if (!have_interface())
		SKIP(return, "no TOMOYO interface or no tomoyo-tools");
	ASSERT_LT(0, capture(out, sizeof(out), "tomoyo-pstree"));
	EXPECT_NE(NULL, strstr(out, "  0 init (1) <kernel>\n")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, " tomoyo-pstree (")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "/usr/sbin/tomoyo-pstree\n")) TH_LOG("%s", out);
	EXPECT_EQ(NULL, strstr(out, "\n\n")) TH_LOG("%s", out);
}

/* The victim may read /etc/passwd and nothing else, in enforcing mode. */
static void enforce_victim(struct __test_metadata *_metadata)
{
	ASSERT_EQ(0, run("printf '%s\\nuse_profile 3\\n%s' | tomoyo-loadpolicy -d",
			 VICTIM_DOMAIN, "misc env \\\\*\\nfile read /etc/passwd\\n"));
	ASSERT_EQ(3, domain_profile(VICTIM_DOMAIN));
	ASSERT_EQ(0, run(VICTIM " /etc/passwd >/dev/null"));
}

TEST(auditd_writes_the_violation_to_reject_003_log)
{
	if (!have_interface())
		SKIP(return, "no TOMOYO interface or no tomoyo-tools");
	enforce_victim(_metadata);
	ASSERT_EQ(0, run("tomoyo-auditd"));
	EXPECT_NE(0, run(VICTIM " /etc/group 2>/dev/null"));
	EXPECT_TRUE(wait_for_text("/var/log/tomoyo/reject_003.log",
				  VICTIM_DOMAIN "\nfile read /etc/group\n", 10));
	EXPECT_TRUE(wait_for_text("/var/log/tomoyo/reject_003.log",
				  " profile=3 mode=enforcing granted=no ", 1));
	run("kill $(pidof tomoyo-auditd)");
}

/*
 * tomoyo-notifyd 2.6.1 closes its standard descriptors when it becomes a
 * daemon, so the pipe meant for its action's stdin lands on descriptors
 * 0 and 1 and the action starts with stdin closed: on TOMOYO too (seen
 * with lsm=tomoyo on the same kernel).  What the action can see is that
 * it ran, once per violation, after notifyd read the query.
 */
TEST(notifyd_runs_its_action_for_a_violation)
{
	if (!have_interface())
		SKIP(return, "no TOMOYO interface or no tomoyo-tools");
	enforce_victim(_metadata);
	ASSERT_EQ(0, write_text("/tmp/notify.sh",
				"#!/bin/sh\necho ran >>/tmp/notify.record\n",
				0755));
	ASSERT_EQ(0, write_text("/etc/tomoyo/tools/notifyd.conf",
				"time_to_wait 0\n"
				"action_to_take /tmp/notify.sh\n"
				"minimal_interval 0\n", 0600));
	unlink("/tmp/notify.record");
	ASSERT_EQ(0, run("tomoyo-notifyd"));
	usleep(300000);
	EXPECT_NE(0, run(VICTIM " /etc/group 2>/dev/null"));
	EXPECT_TRUE(wait_for_text("/tmp/notify.record", "ran\n", 10));
	usleep(500000);
	EXPECT_TRUE(same_as_output("/tmp/notify.record", "echo ran"));
	run("kill $(pidof tomoyo-notifyd)");
}

#define TMUX "TERM=vt100 LC_ALL=C.UTF-8 tmux -u"

TEST(queryd_answers_a_violation_on_a_terminal)
{
	static char out[4096];

	if (!have_interface())
		SKIP(return, "no TOMOYO interface or no tomoyo-tools");
	enforce_victim(_metadata);
	ASSERT_EQ(0, run(TMUX " new-session -d -s query -x 160 -y 50 tomoyo-queryd"));
	ASSERT_TRUE(wait_for_pane("query", "Monitoring", 10));
	unlink("/tmp/victim.out");
	ASSERT_EQ(0, run("(%s /etc/group >/tmp/victim.tmp 2>&1; %s) &", VICTIM,
			 "echo rc=$? >>/tmp/victim.tmp; mv /tmp/victim.tmp /tmp/victim.out"));
	EXPECT_TRUE(wait_for_pane("query", "file read /etc/group", 10));
	EXPECT_TRUE(wait_for_pane("query", "Allow?", 5));
	ASSERT_EQ(0, run(TMUX " send-keys -t query Y"));
	EXPECT_TRUE(wait_for_text("/tmp/victim.out", "rc=0", 10));
	read_whole_file("/tmp/victim.out", out, sizeof(out));
	EXPECT_TRUE(has_line(out, "root:x:0:")) TH_LOG("%s", out);
	run(TMUX " kill-server");
}

TEST(editpolicy_starts_on_a_terminal_and_quits)
{
	char text[64];

	if (!have_interface())
		SKIP(return, "no TOMOYO interface or no tomoyo-tools");
	unlink("/tmp/editpolicy.rc");
	ASSERT_EQ(0, run("%s new-session -d -s edit -x 160 -y 50 %s", TMUX,
			 "'tomoyo-editpolicy; echo $? >/tmp/editpolicy.rc'"));
	EXPECT_TRUE(wait_for_pane("edit", "Domain Transition Editor", 10));
	EXPECT_TRUE(wait_for_pane("edit", "<kernel>", 5));
	ASSERT_EQ(0, run(TMUX " send-keys -t edit q"));
	EXPECT_TRUE(wait_for_text("/tmp/editpolicy.rc", "\n", 10));
	read_whole_file("/tmp/editpolicy.rc", text, sizeof(text));
	EXPECT_STREQ("0\n", text);
	run(TMUX " kill-server 2>/dev/null");
}

/*
 * The same operations with Warden's own tools (tools/warden/, in
 * /opt/warden/bin) against /sys/kernel/security/warden/: one policy
 * serves both directories, so what TOMOYO's tools did is seen here too.
 */
#define WTOOLS "/opt/warden/bin/"

static bool have_warden_tools(void)
{
	return !access(WTOOLS "warden-loadpolicy", X_OK);
}

/* Warden's tools that change policy become managers, as TOMOYO's are. */
static void register_warden_tools(struct __test_metadata *_metadata)
{
	ASSERT_EQ(0, run("for t in loadpolicy setprofile queryd notifyd editpolicy; do\n"
			 "echo " WTOOLS "warden-$t; done | tomoyo-loadpolicy -m"));
}

TEST(warden_tools_savepolicy_print_and_save_the_same_policy)
{
	static const char *const files[] = {
		"domain_policy", "exception_policy", "profile", "manager",
	};
	char path[128], cmd[128];
	size_t i;

	if (!warden_is_enabled() || !have_tools() || !have_warden_tools())
		SKIP(return, "Warden, tomoyo-tools or Warden's tools are missing");
	register_warden_tools(_metadata);
	ASSERT_EQ(0, run(WTOOLS "warden-savepolicy -d >/dev/null"));
	for (i = 0; i < ARRAY_SIZE(files); i++) {
		snprintf(cmd, sizeof(cmd), WTOOLS "warden-savepolicy -%c",
			 files[i][0]);
		snprintf(path, sizeof(path), WARDEN_DIR "/%s", files[i]);
		EXPECT_TRUE(same_as_output(path, cmd)) TH_LOG("%s", cmd);
		/* The TOMOYO directory holds the very same policy. */
		snprintf(path, sizeof(path), TOMOYO_DIR "/%s", files[i]);
		EXPECT_TRUE(same_as_output(path, cmd)) TH_LOG("%s", cmd);
	}
	ASSERT_EQ(0, run("rm -rf /tmp/wsave && " WTOOLS "warden-savepolicy /tmp/wsave >/dev/null"));
	EXPECT_TRUE(same_as_output("/tmp/wsave/current/exception_policy.conf",
				   "cat " WARDEN_DIR "/exception_policy"));
	EXPECT_TRUE(same_as_output("/tmp/wsave/current/profile.conf",
				   "cat " WARDEN_DIR "/profile"));
}

static const char warden_without_c_with_d[] =
	WTOOLS "warden-savepolicy -d | sed '/^<kernel> \\/compat\\/c$/,/^$/d' >/tmp/wd.in &&\n"
	"printf '<kernel> /compat/d\\nuse_profile 2\\n' >>/tmp/wd.in &&\n"
	WTOOLS "warden-loadpolicy -df /tmp/wd.in\n";
static const char warden_group_d_only[] =
	WTOOLS "warden-savepolicy -e | grep -v COMPAT_C >/tmp/we.in &&\n"
	"echo 'path_group COMPAT_D /compat/d' >>/tmp/we.in &&\n"
	WTOOLS "warden-loadpolicy -ef /tmp/we.in\n";

TEST(warden_tools_loadpolicy_appends_and_overwrites)
{
	static char policy[BIG];

	if (!warden_is_enabled() || !have_tools() || !have_warden_tools())
		SKIP(return, "Warden, tomoyo-tools or Warden's tools are missing");
	register_warden_tools(_metadata);
	ASSERT_EQ(0, run("printf '<kernel> /compat/c\\nuse_profile 1\\n' | "
			 WTOOLS "warden-loadpolicy -d -"));
	EXPECT_EQ(1, domain_profile("<kernel> /compat/c"));
	ASSERT_EQ(0, run("%s", warden_without_c_with_d));
	EXPECT_EQ(-1, domain_profile("<kernel> /compat/c"));
	EXPECT_EQ(2, domain_profile("<kernel> /compat/d"));
	EXPECT_EQ(3, domain_profile(VICTIM_DOMAIN));

	ASSERT_EQ(0, run("echo 'path_group COMPAT_C /compat/c' | "
			 WTOOLS "warden-loadpolicy -e -"));
	ASSERT_LT(0, read_whole_file(WARDEN_DIR "/exception_policy", policy, sizeof(policy)));
	EXPECT_TRUE(has_line(policy, "path_group COMPAT_C /compat/c"));
	ASSERT_EQ(0, run("%s", warden_group_d_only));
	ASSERT_LT(0, read_whole_file(WARDEN_DIR "/exception_policy", policy, sizeof(policy)));
	EXPECT_FALSE(has_line(policy, "path_group COMPAT_C /compat/c"));
	EXPECT_TRUE(has_line(policy, "path_group COMPAT_D /compat/d"));
	EXPECT_TRUE(has_line(policy, "initialize_domain " VICTIM " from any"));

	ASSERT_EQ(0, run("echo /compat/wmanager | " WTOOLS "warden-loadpolicy -m -"));
	ASSERT_LT(0, read_whole_file(WARDEN_DIR "/manager", policy, sizeof(policy)));
	EXPECT_TRUE(has_line(policy, "/compat/wmanager"));
	ASSERT_EQ(0, run("echo '6-COMMENT=warden' | " WTOOLS "warden-loadpolicy -p -"));
	ASSERT_LT(0, read_whole_file(WARDEN_DIR "/profile", policy, sizeof(policy)));
	EXPECT_TRUE(has_line(policy, "6-COMMENT=warden"));
}

TEST(warden_tools_setprofile_r_sets_a_domain_and_its_descendants)
{
	if (!warden_is_enabled() || !have_tools() || !have_warden_tools())
		SKIP(return, "Warden, tomoyo-tools or Warden's tools are missing");
	register_warden_tools(_metadata);
	ASSERT_EQ(0, run(WTOOLS "warden-setprofile -r 1 '<kernel> /compat/s' >/dev/null"));
	EXPECT_EQ(1, domain_profile("<kernel> /compat/s"));
	EXPECT_EQ(1, domain_profile("<kernel> /compat/s /x"));
	EXPECT_EQ(0, domain_profile("<kernel> /compat/sx"));
}

TEST(warden_tools_pstree_shows_each_process_with_its_domain)
{
	static char out[BIG];

	if (!warden_is_enabled() || !have_tools() || !have_warden_tools())
		SKIP(return, "Warden, tomoyo-tools or Warden's tools are missing");
	ASSERT_LT(0, capture(out, sizeof(out), WTOOLS "warden-pstree"));
	EXPECT_NE(NULL, strstr(out, " warden-pstree (")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, WTOOLS "warden-pstree\n")) TH_LOG("%s", out);
}

TEST(warden_tools_auditd_writes_the_violation_to_reject_003_log)
{
	if (!warden_is_enabled() || !have_tools() || !have_warden_tools())
		SKIP(return, "Warden, tomoyo-tools or Warden's tools are missing");
	enforce_victim(_metadata);
	ASSERT_EQ(0, run("mkdir -p /var/log/warden && " WTOOLS "warden-auditd"));
	EXPECT_NE(0, run(VICTIM " /etc/tomoyo/stat.conf 2>/dev/null"));
	EXPECT_TRUE(wait_for_text("/var/log/warden/reject_003.log",
				  VICTIM_DOMAIN "\nfile read /etc/tomoyo/stat.conf\n", 10));
	run("kill $(pidof warden-auditd)");
}

TEST(warden_tools_notifyd_hands_the_record_to_its_action)
{
	if (!warden_is_enabled() || !have_tools() || !have_warden_tools())
		SKIP(return, "Warden, tomoyo-tools or Warden's tools are missing");
	register_warden_tools(_metadata);
	enforce_victim(_metadata);
	ASSERT_EQ(0, run("mkdir -p /etc/warden/tools"));
	ASSERT_EQ(0, write_text("/etc/warden/tools/notifyd.conf",
				"time_to_wait 0\n"
				"action_to_take /bin/sh -c cat\\040>/tmp/wnotify.record\n"
				"minimal_interval 0\n", 0600));
	unlink("/tmp/wnotify.record");
	ASSERT_EQ(0, run(WTOOLS "warden-notifyd"));
	usleep(300000);
	EXPECT_NE(0, run(VICTIM " /etc/tomoyo/tools/auditd.conf 2>/dev/null"));
	EXPECT_TRUE(wait_for_text("/tmp/wnotify.record",
				  VICTIM_DOMAIN "\nfile read /etc/tomoyo/tools/auditd.conf", 10));
	run("kill $(pidof warden-notifyd)");
}

TEST(warden_tools_queryd_answers_a_violation)
{
	static char out[4096];

	if (!warden_is_enabled() || !have_tools() || !have_warden_tools())
		SKIP(return, "Warden, tomoyo-tools or Warden's tools are missing");
	register_warden_tools(_metadata);
	enforce_victim(_metadata);
	ASSERT_EQ(0, run("(sleep 1; echo y; sleep 5) | " WTOOLS
			 "warden-queryd >/tmp/wqueryd.out 2>&1 &"));
	usleep(500000);
	unlink("/tmp/victim.out");
	ASSERT_EQ(0, run("(%s /etc/group >/tmp/victim.tmp 2>&1; %s) &", VICTIM,
			 "echo rc=$? >>/tmp/victim.tmp; mv /tmp/victim.tmp /tmp/victim.out"));
	EXPECT_TRUE(wait_for_text("/tmp/victim.out", "rc=0", 10));
	read_whole_file("/tmp/victim.out", out, sizeof(out));
	EXPECT_TRUE(has_line(out, "root:x:0:")) TH_LOG("%s", out);
	EXPECT_TRUE(wait_for_text("/tmp/wqueryd.out", "file read /etc/group", 1));
	run("kill $(pidof warden-queryd) 2>/dev/null");
}

/*
 * acl_group lines of every kind, numbered and named, with conditions and
 * @group references, and a domain using them (numbered first, as
 * domain_policy prints them, and one group not defined at all).  Group
 * 201 and the named groups are new in this boot, so their lines print
 * together after every group init_policy defined.
 */
#define COMPAT_GROUPS \
	"path_group COMPAT_G_PATHS /tmp/compat-g/\\*\n" \
	"number_group COMPAT_G_MODES 0-0777\n" \
	"address_group COMPAT_G_ADDRS 10.0.0.0-10.0.0.255\n"
#define COMPAT_ACL_GROUPS \
	"acl_group 201 file read/write /dev/null task.uid=0\n" \
	"acl_group 201 file ioctl /dev/tty 0x5401-0x5402\n" \
	"acl_group 201 network inet stream bind/listen 127.0.0.1 80\n" \
	"acl_group compat_term file read/write /dev/console\n" \
	"acl_group compat_term misc env TERM\n" \
	"acl_group compat_web file create @COMPAT_G_PATHS @COMPAT_G_MODES\n" \
	"acl_group compat_web file mkchar /dev/compat-g 0600 1 3\n" \
	"acl_group compat_web file rename /tmp/compat-g/a /tmp/compat-g/b\n" \
	"acl_group compat_web file mount /dev/sda1 /mnt/ ext4 0\n" \
	"acl_group compat_web network inet dgram send @COMPAT_G_ADDRS 53 task.uid=0\n" \
	"acl_group compat_web network unix stream connect /run/compat-g.sock\n" \
	"acl_group compat_web task manual_domain_transition <kernel> /compat/g\n"
#define COMPAT_GROUPS_DOMAIN \
	"<kernel> /compat/g\n" \
	"use_profile 0\n" \
	"use_group 201\n" \
	"use_group compat_term\n" \
	"use_group compat_web\n" \
	"use_group compat_undefined\n" \
	"\n" \
	"file read /etc/compat-g.conf\n" \
	"\n"

static int compare_lines(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Whether @a and @b hold the same lines, in any order, and the same
 * "acl_group " lines in the same order.
 */
static bool same_lines_and_acl_groups(const char *a, const char *b)
{
	static char copy[2][BIG], *lines[2][4096], acl[2][BIG];
	size_t n[2] = { 0, 0 }, i, k;

	for (k = 0; k < 2; k++) {
		char *cursor = copy[k], *line;

		snprintf(copy[k], BIG, "%s", k ? b : a);
		acl[k][0] = '\0';
		while ((line = strsep(&cursor, "\n")) && n[k] < 4096) {
			if (!strncmp(line, "acl_group ", strlen("acl_group "))) {
				strncat(acl[k], line, BIG - strlen(acl[k]) - 2);
				strcat(acl[k], "\n");
			}
			lines[k][n[k]++] = line;
		}
		qsort(lines[k], n[k], sizeof(lines[k][0]), compare_lines);
	}
	if (n[0] != n[1] || strcmp(acl[0], acl[1]))
		return false;
	for (i = 0; i < n[0]; i++)
		if (strcmp(lines[0][i], lines[1][i]))
			return false;
	return true;
}

/*
 * What tomoyo-savepolicy -@part prints, loaded back with tomoyo-loadpolicy
 * -@partf, prints the same lines, its acl_group lines in the same order;
 * @saved receives it.  tomoyo-loadpolicy -f deletes every line before it
 * adds the new ones, so that a path_group no line refers to any more is
 * made again after the groups still referred to: the order of the groups
 * may change once, and the second load prints exactly what it loaded.
 */
static void tomoyo_tools_reload(struct __test_metadata *_metadata, char part,
				char *saved, size_t size)
{
	static char again[BIG];

	ASSERT_LT(0, capture(saved, size, "tomoyo-savepolicy -%c", part));
	ASSERT_EQ(0, write_text("/tmp/compat-g.in", saved, 0600));
	ASSERT_EQ(0, run("tomoyo-loadpolicy -%cf </tmp/compat-g.in", part));
	ASSERT_LT(0, capture(again, sizeof(again), "tomoyo-savepolicy -%c",
			     part));
	EXPECT_TRUE(same_lines_and_acl_groups(saved, again))
		TH_LOG("saved:\n%s\nloaded back:\n%s", saved, again);
	ASSERT_EQ(0, write_text("/tmp/compat-g.in", again, 0600));
	ASSERT_EQ(0, run("tomoyo-loadpolicy -%cf </tmp/compat-g.in", part));
	ASSERT_LT(0, capture(saved, size, "tomoyo-savepolicy -%c", part));
	EXPECT_STREQ(again, saved);
}

/* The pane's line that holds @needle, or "" (a static buffer). */
static const char *pane_line(const char *session, const char *needle)
{
	static char pane[BIG], line[512];
	const char *at, *start;

	line[0] = '\0';
	if (capture(pane, sizeof(pane), "tmux capture-pane -p -t %s", session) <= 0)
		return line;
	at = strstr(pane, needle);
	if (!at)
		return line;
	for (start = at; start > pane && start[-1] != '\n'; start--)
		;
	snprintf(line, sizeof(line), "%.*s", (int)strcspn(start, "\n"), start);
	return line;
}

#define WEDIT TMUX " send-keys -t wedit "
#define WWW7 "/tmp/www7"
#define HTTPD7 "<kernel> /usr/sbin/httpd"
/* Whether httpd's own block in domain_policy has the line added. */
#define HAS_EXTRA "awk '/^<kernel>/ { on = $0 == \"" HTTPD7 "\" } on' " \
	WARDEN_DIR "/domain_policy | grep -qx 'file read " WWW7 "/extra'"

/*
 * The guide's section 7.1 with Warden's own editor, by keystrokes: busy
 * box httpd learns in profile 1, then the editor puts httpd's domain and
 * the CGI's below it in profile 3, '@' shows httpd's process in profile
 * 3, and a line added, one deleted and one refused through the editor
 * show in domain_policy and on the screen; 'q' leaves the terminal.
 */
FIXTURE(wedit) {
};

FIXTURE_SETUP(wedit)
{
}

FIXTURE_TEARDOWN(wedit)
{
}

TEST_F_TIMEOUT(wedit, plays_the_guides_7_1, 120)
{
	static char text[BIG];
	char needle[128];
	pid_t httpd;

	if (!warden_is_enabled() || !have_interface() || !have_warden_tools() ||
	    access(WTOOLS "warden-editpolicy", X_OK) || access(HTTPD, X_OK))
		SKIP(return, "no Warden, TOMOYO interface, warden-editpolicy or httpd");
	register_warden_tools(_metadata);
	ASSERT_EQ(0, loopback_up());
	run("rm -rf " WWW7 "; mkdir -p " WWW7 "/cgi-bin " WWW7 "/data");
	ASSERT_EQ(0, write_text(WWW7 "/index.html", "WELCOME\n", 0644));
	ASSERT_EQ(0, write_text(WWW7 "/data/public", "PUBLIC-DATA\n", 0644));
	ASSERT_EQ(0, write_text(WWW7 "/cgi-bin/x", CGI_SCRIPT(WWW7), 0755));
	ASSERT_EQ(0, run("echo 'initialize_domain /usr/sbin/httpd from any' | "
			 WTOOLS "warden-loadpolicy -e -"));
	ASSERT_EQ(0, run("printf '" HTTPD7 "\\nuse_profile 1\\n' | "
			 WTOOLS "warden-loadpolicy -d -"));
	httpd = start_httpd(WWW7);
	ASSERT_LT(0, httpd);
	ASSERT_TRUE(wait_for_httpd());
	EXPECT_EQ(200, http_get("/", text, sizeof(text)));
	EXPECT_EQ(200, http_get("/cgi-bin/x?public", text, sizeof(text)));
	EXPECT_NE(NULL, strstr(text, "PUBLIC-DATA")) TH_LOG("%s", text);

	unlink("/tmp/wedit.rc");
	ASSERT_EQ(0, run("%s new-session -d -s wedit -x 80 -y 24 %s", TMUX,
			 "'" WTOOLS "warden-editpolicy; echo $? >/tmp/wedit.rc'"));
	ASSERT_TRUE(wait_for_pane("wedit", "Domain Transition Editor", 10));
	/* Find httpd's domain, select it and the two below it, profile 3. */
	run(WEDIT "/");
	ASSERT_TRUE(wait_for_pane("wedit", "Search>", 5));
	run(WEDIT "-l /usr/sbin/httpd");
	/* Space selects a line and moves down: httpd, its CGI, cat. */
	for (int i = 0; i < 3; i++)
		run(WEDIT "%s", i ? "Space" : "Enter Space");
	run(WEDIT "s");
	ASSERT_TRUE(wait_for_pane("wedit", "Enter profile number>", 5));
	run(WEDIT "3 Enter");
	EXPECT_TRUE(wait_for_pane("wedit", "Written to domain_policy.", 5));
	capture(text, sizeof(text), "tmux capture-pane -p -t wedit");
	TH_LOG("the domain tree after s 3:\n%s", text);
	capture(text, sizeof(text), "grep -A1 '^" HTTPD7 "' " WARDEN_DIR
		"/domain_policy | grep -c '^use_profile 3$'");
	EXPECT_STREQ("3\n", text)
		TH_LOG("httpd and the two domains below it in profile 3");

	/* '@': the process list shows httpd in profile 3. */
	run(WEDIT "@");
	ASSERT_TRUE(wait_for_pane("wedit", "Process State Viewer", 5));
	snprintf(needle, sizeof(needle), "httpd (%d) " HTTPD7, httpd);
	EXPECT_TRUE(wait_for_pane("wedit", needle, 5));
	EXPECT_EQ(0, strncmp(pane_line("wedit", needle) +
			     strspn(pane_line("wedit", needle), " "), "3 ", 2))
		TH_LOG("'%s'", pane_line("wedit", needle));
	capture(text, sizeof(text), "tmux capture-pane -p -t wedit");
	TH_LOG("the process list:\n%s", text);
	run(WEDIT "@");
	ASSERT_TRUE(wait_for_pane("wedit", "Domain Transition Editor", 5));

	/* httpd's policy: a line added, then deleted, and one refused. */
	run(WEDIT "/");
	ASSERT_TRUE(wait_for_pane("wedit", "Search>", 5));
	run(WEDIT "-l /usr/sbin/httpd");
	run(WEDIT "Enter Enter");
	ASSERT_TRUE(wait_for_pane("wedit", "Domain Policy Editor", 5));
	run(WEDIT "a");
	ASSERT_TRUE(wait_for_pane("wedit", "Enter new entry>", 5));
	run(WEDIT "-l 'file read " WWW7 "/extra'");
	run(WEDIT "Enter");
	EXPECT_TRUE(wait_for_pane("wedit", "Written to domain_policy.", 5));
	EXPECT_TRUE(wait_for_pane("wedit", "file read " WWW7 "/extra", 5));
	EXPECT_EQ(0, run(HAS_EXTRA));
	capture(text, sizeof(text), "tmux capture-pane -p -t wedit");
	TH_LOG("httpd's policy:\n%s", text);
	run(WEDIT "/");
	ASSERT_TRUE(wait_for_pane("wedit", "Search>", 5));
	run(WEDIT "-l " WWW7 "/extra");
	run(WEDIT "Enter Space d");
	EXPECT_TRUE(wait_for_pane("wedit", "Delete 1 selected entry?", 5));
	run(WEDIT "y Enter");
	EXPECT_TRUE(wait_for_pane("wedit", "Written to domain_policy.", 5));
	EXPECT_NE(0, run(HAS_EXTRA));
	run(WEDIT "a");
	ASSERT_TRUE(wait_for_pane("wedit", "Enter new entry>", 5));
	run(WEDIT "-l 'file raed /x'");
	run(WEDIT "Enter");
	EXPECT_TRUE(wait_for_pane("wedit", "Invalid argument", 5));

	run(WEDIT "q");
	EXPECT_TRUE(wait_for_text("/tmp/wedit.rc", "\n", 10));
	read_whole_file("/tmp/wedit.rc", text, sizeof(text));
	EXPECT_STREQ("0\n", text);
	run(TMUX " kill-server 2>/dev/null");
	kill(httpd, SIGTERM);
	waitpid(httpd, NULL, 0);
	run("rm -rf " WWW7);
}

TEST(tomoyo_tools_round_trip_acl_groups_of_every_kind)
{
	static char before_e[BIG], before_d[BIG], saved[BIG];
	static const char *const lines[] = {
		"path_group COMPAT_G_PATHS /tmp/compat-g/\\*",
		"number_group COMPAT_G_MODES 0-0777",
		"address_group COMPAT_G_ADDRS 10.0.0.0-10.0.0.255",
	};
	size_t i;

	if (!warden_is_enabled() || !have_tools())
		SKIP(return, "Warden or tomoyo-tools are missing");
	ASSERT_LT(0, capture(before_e, sizeof(before_e), "tomoyo-savepolicy -e"));
	ASSERT_LT(0, capture(before_d, sizeof(before_d), "tomoyo-savepolicy -d"));
	ASSERT_EQ(0, write_text("/tmp/compat-g.in",
				COMPAT_GROUPS COMPAT_ACL_GROUPS, 0600));
	ASSERT_EQ(0, run("tomoyo-loadpolicy -e </tmp/compat-g.in"));
	ASSERT_EQ(0, write_text("/tmp/compat-g.in", COMPAT_GROUPS_DOMAIN, 0600));
	ASSERT_EQ(0, run("tomoyo-loadpolicy -d </tmp/compat-g.in"));

	tomoyo_tools_reload(_metadata, 'e', saved, sizeof(saved));
	EXPECT_NE(NULL, strstr(saved, COMPAT_ACL_GROUPS)) TH_LOG("%s", saved);
	for (i = 0; i < ARRAY_SIZE(lines); i++)
		EXPECT_TRUE(has_line(saved, lines[i])) TH_LOG("line %zu", i);
	EXPECT_TRUE(same_as_output(WARDEN_DIR "/exception_policy",
				   "tomoyo-savepolicy -e"));
	tomoyo_tools_reload(_metadata, 'd', saved, sizeof(saved));
	EXPECT_NE(NULL, strstr(saved, "\n" COMPAT_GROUPS_DOMAIN))
		TH_LOG("%s", saved);

	/* Leave the policy as the earlier cases left it. */
	ASSERT_EQ(0, write_text("/tmp/compat-g.in", before_e, 0600));
	ASSERT_EQ(0, run("tomoyo-loadpolicy -ef </tmp/compat-g.in"));
	ASSERT_EQ(0, write_text("/tmp/compat-g.in", before_d, 0600));
	ASSERT_EQ(0, run("tomoyo-loadpolicy -df </tmp/compat-g.in"));
	unlink("/tmp/compat-g.in");
	ASSERT_LT(0, capture(saved, sizeof(saved), "tomoyo-savepolicy -e"));
	EXPECT_STREQ(before_e, saved);
}

/*
 * With lsm=warden,tomoyo both run: the tomoyo directory is TOMOYO's own
 * (it has no "policy" file), and Warden did not try to make one.
 */
TEST(tomoyo_keeps_its_directory_when_both_are_active)
{
	char list[512];

	if (read_whole_file(LSM_LIST_FILE, list, sizeof(list)) < 0 ||
	    !list_has_entry(list, "warden") || !list_has_entry(list, "tomoyo"))
		SKIP(return, "Warden and TOMOYO are not both active");
	EXPECT_EQ(0, access(WARDEN_DIR "/policy", F_OK));
	EXPECT_EQ(0, access(TOMOYO_DIR "/version", F_OK));
	EXPECT_EQ(-1, access(TOMOYO_DIR "/policy", F_OK));
	EXPECT_EQ(ENOENT, errno);
	EXPECT_EQ(0, kernel_log_count("Warden: cannot create"));
}

/*
 * The round trip between kernels: scripts/selftests.sh boots TOMOYO,
 * then Warden, then TOMOYO again, each time with what the boot before
 * saved with tomoyo-savepolicy in /opt/warden/roundtrip/ (the first boot
 * starts from init_policy and a domain with varied entries).
 * tomoyo-init loads it at the trigger; what tomoyo-savepolicy then
 * prints must equal it, and is printed on the console for the next boot.
 */
#define ROUNDTRIP_IN "/opt/warden/roundtrip"

static const char roundtrip_domain[] =
	"<kernel> /roundtrip/a\n"
	"use_profile 1\n"
	"use_group 0\n"
	"file execute /bin/ls\n"
	"file read /etc/passwd\n"
	"file read/write /tmp/\\*.log\n"
	"file create /tmp/\\* 0600\n"
	"file read /etc/shadow task.uid=0\n"
	"file ioctl /dev/null 0x5401\n"
	"network inet stream connect 127.0.0.1 80\n"
	"network unix stream connect /tmp/sock\n"
	"misc env PATH\n"
	"<kernel> /roundtrip/a /bin/sh\n"
	"use_profile 2\n"
	"use_group 0\n"
	"file read /\\{\\*\\}/\\*\n";

static void print_saved(const char *name)
{
	static char text[BIG];
	char path[128], *line, *next;

	snprintf(path, sizeof(path), "/tmp/save/%s.conf", name);
	if (read_whole_file(path, text, sizeof(text)) < 0)
		return;
	printf("# roundtrip-file %s\n", name);
	for (line = text; *line; line = next) {
		next = strchrnul(line, '\n');
		printf("# | %.*s\n", (int)(next - line), line);
		if (*next)
			next++;
	}
	printf("# roundtrip-end %s\n", name);
	fflush(stdout);
}

/* Every domain block of @saved appears, unchanged, in @now. */
static bool domains_read_back(const char *saved, const char *now)
{
	const char *start = saved, *end;
	char block[8192];

	while (*start) {
		end = strstr(start + 1, "\n<");
		end = end ? end + 1 : start + strlen(start);
		if ((size_t)(end - start) >= sizeof(block))
			return false;
		memcpy(block, start, end - start);
		block[end - start] = '\0';
		if (!strstr(now, block))
			return false;
		start = end;
	}
	return true;
}

/* Load /etc/tomoyo with tomoyo-init, as the trigger does at boot. */
static void load_at_trigger(struct __test_metadata *_metadata)
{
	int status;
	pid_t pid;

	ASSERT_EQ(0, write_text(TRIGGER, "#!/bin/sh\nexit 0\n", 0755));
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		execl(TRIGGER, TRIGGER, NULL);
		_exit(127);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_LT(0, policy_updates(TOMOYO_DIR));
}

TEST(policy_saved_on_one_kernel_reads_back_identical_on_another)
{
	static const char *const names[] = {
		"exception_policy", "profile", "manager",
	};
	static char saved[BIG], now[BIG];
	char path[256], cmd[128];
	bool saved_before;
	struct stat st;
	size_t i;

	if (lstat(TOMOYO_DIR, &st) || !have_tools())
		SKIP(return, "no TOMOYO interface or no tomoyo-tools");
	ASSERT_EQ(0, policy_updates(TOMOYO_DIR)) TH_LOG("a policy was loaded earlier in this boot");
	saved_before = !access(ROUNDTRIP_IN "/domain_policy.conf", R_OK);
	if (saved_before) {
		ASSERT_EQ(0, run("mkdir -p /etc/tomoyo && cp %s/*.conf /etc/tomoyo/",
				 ROUNDTRIP_IN));
	} else {
		ASSERT_EQ(0, run(INIT_POLICY " >/dev/null"));
		ASSERT_EQ(0, run("cat >>/etc/tomoyo/domain_policy.conf <<'EOF'\n%sEOF",
				 roundtrip_domain));
	}
	load_at_trigger(_metadata);

	ASSERT_LT(0, capture(now, sizeof(now), "tomoyo-savepolicy -d"));
	EXPECT_NE(NULL, strstr(now, "<kernel> /roundtrip/a\nuse_profile 1\n"));
	/* What init_policy writes is not yet in the kernel's own order. */
	if (saved_before) {
		for (i = 0; i < ARRAY_SIZE(names); i++) {
			snprintf(path, sizeof(path), "/etc/tomoyo/%s.conf", names[i]);
			snprintf(cmd, sizeof(cmd), "tomoyo-savepolicy -%c",
				 names[i][0]);
			EXPECT_TRUE(same_as_output(path, cmd)) TH_LOG("%s", names[i]);
		}
		ASSERT_LT(0, read_whole_file("/etc/tomoyo/domain_policy.conf",
					     saved, sizeof(saved)));
		EXPECT_TRUE(domains_read_back(saved, now)) TH_LOG("%s", now);
	}

	ASSERT_EQ(0, run("rm -rf /tmp/save && mkdir -p /tmp/save/policy"));
	ASSERT_EQ(0, run("tomoyo-savepolicy /tmp/save"));
	print_saved("domain_policy");
	for (i = 0; i < ARRAY_SIZE(names); i++)
		print_saved(names[i]);
}

TEST_HARNESS_MAIN
