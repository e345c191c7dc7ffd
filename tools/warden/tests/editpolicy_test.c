// SPDX-License-Identifier: GPL-2.0-only
/*
 * warden-editpolicy, driven in tmux at 80x24 against a fake interface
 * directory of ordinary files: the screens show what the files hold, and
 * each change writes the expected text to its file.  A write to an
 * ordinary file overwrites its start, so that is where the test looks.
 */

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <time.h>

#include "daemons_records.h"
#include "tools_test.h"
#include "util.h"

#define DOMAIN_POLICY \
	"<kernel>\nuse_profile 0\n\n" \
	"<kernel> /usr/sbin/httpd\nuse_profile 1\nuse_group web\n" \
	"file read /etc/passwd\nquiet file read /etc/shadow\n\n" \
	"<kernel> /usr/sbin/httpd /var/www/cgi-bin/x\nuse_profile 1\n" \
	"transition_failed\nfile execute /bin/sh\n\n" \
	"<kernel> /usr/sbin/sshd\nuse_profile 2\n\n"

#define EXCEPTION_POLICY \
	"initialize_domain /usr/sbin/httpd from any\n" \
	"keep_domain any from <kernel> /usr/sbin/sshd\n" \
	"acl_group web file read /var/www/\\*\n" \
	"acl_group web quiet file read /etc/hosts\n"

/* One denial in /usr/sbin/httpd, as a reject log holds it. */
#define DENIAL \
	"#2026/12/03 10:00:00# profile=3 mode=enforcing granted=no (global-pid=20) task={ pid=20 ppid=1 uid=0 gid=0 euid=0 egid=0 suid=0 sgid=0 fsuid=0 fsgid=0 } path1={ uid=0 gid=0 ino=12 major=8 minor=1 perm=0640 type=file } path1.parent={ uid=0 gid=0 ino=2 perm=0755 }\n" \
	"<kernel> /usr/sbin/httpd\n" \
	"file read /etc/shadow-\n"

FIXTURE(edit) {
	char dir[64], wdir[96], procdir[96], saved[96], tools[PATH_MAX];
	char sock[64];
	pid_t server;
	bool have_tmux;
};

/* Whether @text (NULL: no) starts with @prefix. */
static bool starts(const char *text, const char *prefix)
{
	return text && !strncmp(text, prefix, strlen(prefix));
}

static void make_dir(const char *dir, const char *name)
{
	char *path = wd_path(dir, name);

	mkdir(path, 0755);
	free(path);
}

static void proc(const char *procdir, int pid, const char *comm, int ppid)
{
	char name[32], text[128];

	snprintf(name, sizeof(name), "%d", pid);
	make_dir(procdir, name);
	snprintf(name, sizeof(name), "%d/stat", pid);
	snprintf(text, sizeof(text), "%d (%s) S %d %d %d 0 -1\n", pid, comm,
		 ppid, pid, pid);
	put(procdir, name, text);
}

/* "tmux -L <sock> <args>", its output ignored; the exit status. */
static int tmux(struct _test_data_edit *self, const char *fmt, ...)
{
	char *args, *cmd;
	va_list ap;
	int ret;

	va_start(ap, fmt);
	if (vasprintf(&args, fmt, ap) < 0)
		exit(1);
	va_end(ap);
	cmd = wd_xasprintf("tmux -L %s %s >/dev/null 2>&1", self->sock, args);
	ret = system(cmd);
	free(cmd);
	free(args);
	return ret;
}

static char *capture(struct _test_data_edit *self)
{
	char *cmd = wd_xasprintf("tmux -L %s capture-pane -p -t e", self->sock);
	FILE *f = popen(cmd, "r");
	char *text = f ? wd_read_fd(fileno(f), 0, NULL) : NULL;

	if (f)
		pclose(f);
	free(cmd);
	return text;
}

static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* The screen once it shows @want, or after 20 seconds, whatever it shows. */
static char *wait_for(struct _test_data_edit *self, const char *want)
{
	char *text = NULL, *again;
	int i;

	/* Up to 20 s: a loaded machine draws slowly. */
	for (i = 0; i < 400; i++) {
		free(text);
		text = capture(self);
		if (contains(text, want))
			break;
		sleep_ms(50);
	}
	/*
	 * The screen may be caught half drawn: take it once two captures
	 * 100 ms apart agree.
	 */
	for (; i < 400 && contains(text, want); i++) {
		sleep_ms(100);
		again = capture(self);
		if (again && !strcmp(again, text)) {
			free(again);
			break;
		}
		free(text);
		text = again;
	}
	return text;
}

/* Keys as tmux names them ("Down", "Enter", "Space"), or -l literal text. */
#define KEYS(...) tmux(self, "send-keys -t e " __VA_ARGS__)

/* Start the editor in session "e" with @args; WARDEN_DIR is the fake. */
static void start_in(struct _test_data_edit *self, const char *bindir,
		     const char *env, const char *args)
{
	char *cmd = wd_xasprintf(
		"new-session -d -s e -x 80 -y 24 "
		"'cd %s && env WARDEN_DIR=%s PROC_DIR=%s PATH=/usr/bin:/bin %s "
		"%s/warden-editpolicy %s; echo EXIT=$?; exec sleep 600'",
		self->dir, self->wdir, self->procdir, env, bindir, args);
	int i;

	/* The server may still be coming up. */
	for (i = 0; i < 50 && tmux(self, "%s", cmd); i++)
		sleep_ms(50);
	free(cmd);
}

static void start(struct _test_data_edit *self, const char *env,
		  const char *args)
{
	start_in(self, self->tools, env, args);
}

FIXTURE_SETUP(edit)
{
	char *current;

	self->have_tmux = !system("command -v tmux >/dev/null 2>&1");
	strcpy(self->dir, "/tmp/editpolicy_test.XXXXXX");
	ASSERT_TRUE(mkdtemp(self->dir) != NULL);
	ASSERT_TRUE(wd_test_tools_dir(self->tools, sizeof(self->tools)));
	snprintf(self->wdir, sizeof(self->wdir), "%s/w", self->dir);
	snprintf(self->procdir, sizeof(self->procdir), "%s/proc", self->dir);
	snprintf(self->saved, sizeof(self->saved), "%s/saved", self->dir);
	make_dir(self->dir, "w");
	make_dir(self->dir, "proc");
	make_dir(self->dir, "saved");
	put(self->wdir, "domain_policy", DOMAIN_POLICY);
	put(self->wdir, "exception_policy", EXCEPTION_POLICY);
	put(self->wdir, "profile", "PROFILE_VERSION=20150505\n"
	    "0-CONFIG={ mode=disabled }\n");
	put(self->wdir, "manager", "/usr/sbin/warden-loadpolicy\n");
	put(self->wdir, "stat", "Policy update:                                 3\n");
	put(self->wdir, "domain_stat",
	    "quieted=3 enforcing=1 permissive=0 learning=0 <kernel> /usr/sbin/httpd\n");
	/* Requests overwrite the padding line; the answers stay. */
	put(self->wdir, ".process_status",
	    "..................................\n"
	    "1 0 <kernel>\n"
	    "20 1 <kernel> /usr/sbin/httpd\n"
	    "21 1 <kernel> /usr/sbin/httpd /var/www/cgi-bin/x\n");
	proc(self->procdir, 1, "init", 0);
	proc(self->procdir, 20, "httpd", 1);
	proc(self->procdir, 21, "x", 20);
	put(self->dir, "reject.log", DENIAL "\n" REC_READ_CAT "\n");
	/* A saved policy, in DIR/current as warden-savepolicy leaves it. */
	current = wd_path(self->saved, "current");
	mkdir(current, 0755);
	put(current, "domain_policy.conf", "<kernel>\nuse_profile 0\n\n"
	    "<kernel> /sbin/init\nuse_profile 2\n");
	put(current, "exception_policy.conf", "");
	put(current, "profile.conf", "PROFILE_VERSION=20150505\n");
	put(current, "manager.conf", "");
	free(current);

	snprintf(self->sock, sizeof(self->sock), "warden-edit-test-%d",
		 (int)getpid());
	self->server = -1;
	if (!self->have_tmux)
		return;
	/*
	 * A server in the foreground (-D), started here and killed at
	 * teardown: it needs no daemon() and leaves nothing behind.
	 */
	self->server = fork();
	if (self->server == 0) {
		char *log = wd_path(self->dir, "tmux.log");
		int fd = open(log, O_RDWR | O_CREAT | O_TRUNC, 0600);

		setsid();
		if (fd >= 0) {
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
		}
		execlp("tmux", "tmux", "-L", self->sock, "-f", "/dev/null",
		       "-D", (char *)NULL);
		_exit(127);
	}
}

FIXTURE_TEARDOWN(edit)
{
	char *cmd;

	if (self->server > 0) {
		tmux(self, "kill-server");
		kill(self->server, SIGTERM);
		waitpid(self->server, NULL, 0);
	}
	cmd = wd_xasprintf("rm -rf %s", self->dir);
	if (system(cmd))
		perror(cmd);
	free(cmd);
}

#define NEED_TMUX() do { \
	if (!self->have_tmux) \
		SKIP(return, "tmux is not installed"); \
} while (0)

TEST_F(edit, help_and_no_terminal)
{
	const char *help[] = { "--help", NULL };
	const char *bad[] = { "--bogus", NULL };
	const char *none[] = { NULL };
	char *env[] = { "TERM=xterm", NULL };
	struct run r;

	r = wd_test_run(self->dir, self->tools, env, "warden-editpolicy",
			NULL, help);
	EXPECT_TRUE(r.status == 0 &&
		    contains(r.out, "Usage: warden-editpolicy"))
		TH_LOG("--help prints the usage and exits 0");
	run_free(&r);
	r = wd_test_run(self->dir, self->tools, env, "warden-editpolicy",
			NULL, bad);
	EXPECT_TRUE(r.status == 2 && contains(r.err, "--bogus"))
		TH_LOG("an unknown option exits 2: %s", wd_test_text(r.err));
	run_free(&r);
	r = wd_test_run(self->dir, self->tools, env, "warden-editpolicy",
			NULL, none);
	EXPECT_TRUE(r.status == 1 && contains(r.err, "needs a terminal"))
		TH_LOG("without a tty it fails clearly: %s", wd_test_text(r.err));
	run_free(&r);
}

TEST_F(edit, dumb_terminal_fails_clearly)
{
	char *text;

	NEED_TMUX();
	start(self, "TERM=dumb", "");
	text = wait_for(self, "EXIT=");
	EXPECT_TRUE(contains(text, "TERM=dumb: needs a terminal that can move the cursor") &&
		    contains(text, "EXIT=1"))
		TH_LOG("TERM=dumb: %s", wd_test_text(text));
	free(text);
	tmux(self, "kill-session -t e");
	start(self, "TERM=no-such-terminal", "");
	text = wait_for(self, "EXIT=");
	EXPECT_TRUE(contains(text, "unknown terminal type") &&
		    contains(text, "EXIT=1"))
		TH_LOG("an unknown TERM: %s", wd_test_text(text));
	free(text);
}

TEST_F(edit, tree_shows_profiles_markers_and_counts)
{
	char *text;

	NEED_TMUX();
	start(self, "", "");
	text = wait_for(self, "<<< Domain Transition Editor >>>");
	EXPECT_TRUE(contains(text, "4 domains")) TH_LOG("%s", wd_test_text(text));
	EXPECT_TRUE(contains(text, "0:   0     <kernel>"))
		TH_LOG("the root with profile 0");
	EXPECT_TRUE(contains(text, "1:   1 *       /usr/sbin/httpd  (E:1 P:0 L:0 Q:3)"))
		TH_LOG("httpd: profile 1, initializer target, its counts");
	EXPECT_TRUE(contains(text, "2:   1   !         /var/www/cgi-bin/x"))
		TH_LOG("the CGI, indented below httpd, transition failed");
	EXPECT_TRUE(contains(text, "3:   2  #      /usr/sbin/sshd"))
		TH_LOG("sshd: profile 2, keep_domain");
	free(text);

	/* Larger, then resized: still drawn. */
	tmux(self, "resize-window -t e -x 120 -y 40");
	sleep_ms(300);
	text = wait_for(self, "Domain Transition Editor");
	EXPECT_TRUE(contains(text, "/usr/sbin/sshd")) TH_LOG("redrawn at 120x40");
	free(text);

	KEYS("q");
	text = wait_for(self, "EXIT=");
	EXPECT_TRUE(contains(text, "EXIT=0") && !contains(text, "<<<"))
		TH_LOG("q exits 0 and restores the screen: %s",
		       wd_test_text(text));
	free(text);
}

TEST_F(edit, markers_match_patterns)
{
	char *text;

	NEED_TMUX();
	put(self->wdir, "exception_policy",
	    "initialize_domain /usr/sbin/ss\\* from any\n"
	    "keep_domain any from /var/www/cgi-bin/\\*\n");
	start(self, "", "");
	text = wait_for(self, "Domain Transition Editor");
	EXPECT_TRUE(contains(text, "1:   1         /usr/sbin/httpd  (E:1") &&
		    contains(text, "2:   1  #!         /var/www/cgi-bin/x\n") &&
		    contains(text, "3:   2 *       /usr/sbin/sshd\n"))
		TH_LOG("patterns mark by the kernel's matcher: %s",
		       wd_test_text(text));
	free(text);
}

TEST_F(edit, domain_policy_expands_groups_and_marks_quiet)
{
	char *text;

	NEED_TMUX();
	start(self, "", "");
	free(wait_for(self, "Domain Transition Editor"));
	KEYS("Down Enter");
	text = wait_for(self, "<<< Domain Policy Editor >>>");
	EXPECT_TRUE(contains(text, "\n<kernel> /usr/sbin/httpd\n"))
		TH_LOG("the domain's name: %s", wd_test_text(text));
	EXPECT_TRUE(contains(text, "1:   use_group web\n"));
	EXPECT_TRUE(contains(text, "  | file read /var/www/\\*\n"))
		TH_LOG("the group's lines below its use_group");
	EXPECT_TRUE(contains(text, "Q   | quiet file read /etc/hosts\n"));
	EXPECT_TRUE(contains(text, "3: Q quiet file read /etc/shadow\n"))
		TH_LOG("a quiet line is marked");
	free(text);
	KEYS("Enter");
	free(wait_for(self, "Domain Transition Editor"));
	KEYS("@");
	text = wait_for(self, "<<< Process State Viewer >>>");
	EXPECT_TRUE(contains(text, "0 init (1) <kernel>\n") &&
		    contains(text, "1 +- httpd (20) <kernel> /usr/sbin/httpd\n") &&
		    contains(text, "1    +- x (21) <kernel> /usr/sbin/httpd /var/www/cgi-bin/x\n"))
		TH_LOG("@ shows the process tree: %s", wd_test_text(text));
	free(text);
}

TEST_F(edit, set_profile_of_selected_domains)
{
	char *text;

	NEED_TMUX();
	start(self, "", "");
	free(wait_for(self, "Domain Transition Editor"));
	KEYS("Down Space Space s");
	free(wait_for(self, "Enter profile number>"));
	KEYS("3 Enter");
	text = wait_for(self, "Written to domain_policy.");
	free(text);
	text = get(self->wdir, "domain_policy");
	EXPECT_TRUE(starts(text, "<kernel> /usr/sbin/httpd\nuse_profile 3\n"
		"<kernel> /usr/sbin/httpd /var/www/cgi-bin/x\nuse_profile 3\n"))
		TH_LOG("s 3 on two selected domains: %s", wd_test_text(text));
	free(text);
}

TEST_F(edit, add_and_delete_lines)
{
	char *text;

	NEED_TMUX();
	start(self, "", "");
	free(wait_for(self, "Domain Transition Editor"));
	KEYS("Down Enter");
	free(wait_for(self, "Domain Policy Editor"));
	KEYS("a");
	free(wait_for(self, "Enter new entry>"));
	KEYS("-l 'file write /tmp/x'");
	KEYS("Enter");
	free(wait_for(self, "Written to domain_policy."));
	text = get(self->wdir, "domain_policy");
	EXPECT_TRUE(starts(text, "<kernel> /usr/sbin/httpd\nfile write /tmp/x\n"))
		TH_LOG("a writes the domain and the line: %s", wd_test_text(text));
	free(text);

	put(self->wdir, "domain_policy", DOMAIN_POLICY);
	KEYS("r /");
	free(wait_for(self, "Search>"));
	KEYS("-l passwd");
	KEYS("Enter");
	free(wait_for(self, "Found"));
	KEYS("Space d");
	text = wait_for(self, "Delete 1 selected entry?");
	EXPECT_TRUE(contains(text, "Delete 1 selected entry?"));
	free(text);
	KEYS("y Enter");
	free(wait_for(self, "Written to domain_policy."));
	text = get(self->wdir, "domain_policy");
	EXPECT_TRUE(starts(text, "<kernel> /usr/sbin/httpd\n"
				     "delete file read /etc/passwd\n"))
		TH_LOG("d writes delete lines: %s", wd_test_text(text));
	free(text);

	/* The exception policy takes the lines alone. */
	KEYS("w e");
	free(wait_for(self, "Exception Policy Editor"));
	KEYS("a");
	free(wait_for(self, "Enter new entry>"));
	KEYS("-l 'keep_domain /bin/x from any'");
	KEYS("Enter");
	free(wait_for(self, "Written to exception_policy."));
	text = get(self->wdir, "exception_policy");
	EXPECT_TRUE(starts(text, "keep_domain /bin/x from any\n"))
		TH_LOG("a on the exception policy: %s", wd_test_text(text));
	free(text);
	put(self->wdir, "exception_policy", EXCEPTION_POLICY);
	KEYS("r Home d");
	free(wait_for(self, "Delete 1 selected entry?"));
	KEYS("n Enter");
	text = wait_for(self, "Nothing deleted.");
	EXPECT_TRUE(contains(text, "Nothing deleted.")) TH_LOG("n keeps it");
	free(text);
	text = get(self->wdir, "exception_policy");
	EXPECT_TEXT(text, EXCEPTION_POLICY);
	free(text);
	KEYS("d");
	free(wait_for(self, "Delete 1 selected entry?"));
	KEYS("y Enter");
	free(wait_for(self, "Written to exception_policy."));
	text = get(self->wdir, "exception_policy");
	EXPECT_TRUE(starts(text, "delete initialize_domain /usr/sbin/httpd from any\n"))
		TH_LOG("d on the exception policy: %s", wd_test_text(text));
	free(text);
}

TEST_F(edit, refused_write_shows_the_reason)
{
	char *path = wd_path(self->wdir, "domain_policy");
	char *text;

	NEED_TMUX();
	start(self, "", "");
	free(wait_for(self, "Domain Transition Editor"));
	unlink(path);
	ASSERT_EQ(0, symlink("/dev/full", path));
	KEYS("s");
	free(wait_for(self, "Enter profile number>"));
	KEYS("3 Enter");
	text = wait_for(self, "domain_policy: No space left on device (see the kernel log)");
	EXPECT_TRUE(contains(text, "domain_policy: No space left on device (see the kernel log)"))
		TH_LOG("the failed write on the message line: %s",
		       wd_test_text(text));
	free(text);
	free(path);
}

TEST_F(edit, offline_is_read_only)
{
	char *text, *args = wd_xasprintf("--offline %s", self->saved);

	NEED_TMUX();
	start(self, "", args);
	text = wait_for(self, "Domain Transition Editor");
	EXPECT_TRUE(contains(text, "(read-only)") &&
		    contains(text, "1:   2         /sbin/init"))
		TH_LOG("the saved policy: %s", wd_test_text(text));
	free(text);
	KEYS("s");
	text = wait_for(self, "Read-only");
	EXPECT_TRUE(contains(text, "Read-only: the policy was opened with --offline."));
	free(text);
	free(args);
}

TEST_F(edit, denial_adds_its_line)
{
	char *text, *args = wd_xasprintf("--log %s/reject.log", self->dir);
	const char *hit;
	char key[2] = "1";

	NEED_TMUX();
	start(self, "", args);
	free(wait_for(self, "Domain Transition Editor"));
	KEYS("w l");
	text = wait_for(self, "<<< Recent Denials >>>");
	EXPECT_TRUE(contains(text, "2 denials") &&
		    contains(text, "0: enforcing <kernel> /usr/sbin/httpd /bin/sh: file read /bin/cat") &&
		    contains(text, "1: enforcing <kernel> /usr/sbin/httpd: file read /etc/shadow-"))
		TH_LOG("the newest first: %s", wd_test_text(text));
	free(text);
	KEYS("Down Enter");
	text = wait_for(self, "Domain Policy Editor");
	EXPECT_TRUE(contains(text, "\n<kernel> /usr/sbin/httpd\n"))
		TH_LOG("Enter shows the denial's domain: %s", wd_test_text(text));
	free(text);
	KEYS("w l");
	free(wait_for(self, "Recent Denials"));
	KEYS("A");
	text = wait_for(self, "Candidates");
	/* The record's own line is always a candidate: pick it. */
	hit = text ? strstr(text, "[line]    file read /etc/shadow-") : NULL;
	ASSERT_TRUE(hit != NULL) TH_LOG("%s", wd_test_text(text));
	while (hit > text && hit[-1] != '\n')
		hit--;
	key[0] = hit[strspn(hit, " ")];
	free(text);
	KEYS("%s", key);
	free(wait_for(self, "Written to domain_policy."));
	text = get(self->wdir, "domain_policy");
	EXPECT_TRUE(starts(text, "<kernel> /usr/sbin/httpd\n"
				     "file read /etc/shadow-\n"))
		TH_LOG("the chosen line is added: %s", wd_test_text(text));
	free(text);
	free(args);
}

/*
 * A warden-audit2allow next to the editor is asked with -R and the record
 * on stdin; its call is shown, not written, and its line is added.
 */
TEST_F(edit, denial_offers_audit2allow_candidates)
{
	char *bin = wd_path(self->dir, "bin"), *cmd, *text, *input;
	char *args = wd_xasprintf("--log %s/reject.log", self->dir);

	NEED_TMUX();
	mkdir(bin, 0755);
	cmd = wd_xasprintf("cp %s/warden-editpolicy %s/", self->tools, bin);
	ASSERT_EQ(0, system(cmd));
	free(cmd);
	put(bin, "warden-audit2allow",
	    "#!/bin/sh\n"
	    "[ \"$*\" = -R ] || exit 2\n"
	    "cat >\"${0%/*}/input\"\n"
	    "printf '<kernel> /usr/sbin/httpd\\nhttpd_read_shadow()\\n"
	    "file read /etc/shadow-\\n\\n'\n");
	cmd = wd_path(bin, "warden-audit2allow");
	ASSERT_EQ(0, chmod(cmd, 0755));
	free(cmd);
	start_in(self, bin, "", args);
	free(wait_for(self, "Domain Transition Editor"));
	KEYS("w l");
	free(wait_for(self, "Recent Denials"));
	KEYS("Down A");
	text = wait_for(self, "Candidates from warden-audit2allow -R");
	EXPECT_TRUE(contains(text, " 1) [call]    httpd_read_shadow()\n") &&
		    contains(text, " 2) [line]    file read /etc/shadow-\n") &&
		    !contains(text, " 3)"))
		TH_LOG("its call and its line, the record's line once: %s",
		       wd_test_text(text));
	free(text);
	input = get(bin, "input");
	EXPECT_TEXT(input, DENIAL);
	free(input);
	KEYS("Enter");
	text = wait_for(self, "Put in the module");
	EXPECT_TRUE(contains(text, "Put in the module of <kernel> /usr/sbin/httpd: httpd_read_shadow()"))
		TH_LOG("a call is shown: %s", wd_test_text(text));
	free(text);
	text = get(self->wdir, "domain_policy");
	EXPECT_TEXT(text, DOMAIN_POLICY);
	free(text);
	KEYS("A");
	free(wait_for(self, "Candidates from"));
	KEYS("2");
	free(wait_for(self, "Written to domain_policy."));
	text = get(self->wdir, "domain_policy");
	EXPECT_TRUE(starts(text, "<kernel> /usr/sbin/httpd\nfile read /etc/shadow-\n"))
		TH_LOG("a line is added: %s", wd_test_text(text));
	free(text);
	free(args);
	free(bin);
}

TEST_F(edit, map_names_modules_and_sigint_restores)
{
	char *text, *args = wd_xasprintf("--map %s/map", self->dir);

	NEED_TMUX();
	put(self->dir, "map",
	    "exception_policy\t-\tacl_group web file read /var/www/\\*\tweb:web.pol:2\t-\n"
	    "domain_policy\t<kernel> /usr/sbin/httpd\tuse_group web\t"
	    "web:web.if:7\thttpd.pol:3:web_content() > web.if:5:web_group()\n"
	    "domain_policy\t<kernel> /usr/sbin/httpd\tfile read /etc/passwd\t"
	    "httpd:httpd.pol:4\t-\n");
	start(self, "", args);
	free(wait_for(self, "Domain Transition Editor"));
	KEYS("Down Enter");
	text = wait_for(self, "Domain Policy Editor");
	EXPECT_TRUE(contains(text, "use_group web  <= web web_content()\n"))
		TH_LOG("a line from a call: %s", wd_test_text(text));
	EXPECT_TRUE(contains(text, "file read /etc/passwd  <= httpd\n"))
		TH_LOG("a line written in place");
	EXPECT_TRUE(contains(text, "quiet file read /etc/shadow  <= (not in the map)\n"))
		TH_LOG("a line the map lacks");
	free(text);

	KEYS("C-c");
	text = wait_for(self, "EXIT=");
	EXPECT_TRUE(contains(text, "stopped by signal 2") &&
		    contains(text, "EXIT=1") && !contains(text, "<<<"))
		TH_LOG("SIGINT restores the screen: %s", wd_test_text(text));
	free(text);
	free(args);
}

TEST_HARNESS_MAIN
