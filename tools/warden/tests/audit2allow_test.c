// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host tests of warden-audit2allow on hand-made modules and records: the
 * raw lines merged per domain, -R's ranking (the owner first, the exact
 * pattern over the broad one, never a write interface for a read), set
 * cover and parameter binding, -D -R with only dontaudit interfaces,
 * every -w reason, -l, -M, --interactive with keys on a pipe, and the
 * malformed and truncated records skipped and counted.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io.h"
#include "tools_test.h"
#include "util.h"

FIXTURE(a2a) {
	char tools[PATH_MAX];	/* where the built tools are */
	char root[64];		/* the temporary tree */
	char mods[128];		/* the modules */
	char wdir[128];		/* WARDEN_DIR */
};

/* term owns /dev/console and has use, read and dontaudit interfaces. */
static const char term_if[] =
	"## <summary>Terminals.</summary>\n"
	"\n"
	"## <summary>Use the console.</summary>\n"
	"interface term_use_console\n"
	"\tfile read/write/getattr @term_console\n"
	"\tfile ioctl @term_console 0-0xFFFFFFFF\n"
	"end\n"
	"\n"
	"## <summary>Read the console.</summary>\n"
	"interface term_read_console\n"
	"\tfile read @term_console\n"
	"end\n"
	"\n"
	"## <summary>Write the console.</summary>\n"
	"interface term_write_console\n"
	"\tfile write @term_console\n"
	"end\n"
	"\n"
	"## <summary>Do not log using the console.</summary>\n"
	"interface term_dontaudit_use_console\n"
	"\tquiet file read/write @term_console\n"
	"end\n";

/*
 * files names /dev/console too, with less beyond it than term's use
 * interface: only the owner rule puts term first.  Its parameterised
 * interfaces bind to a request's directory.
 */
static const char files_if[] =
	"## <summary>Files.</summary>\n"
	"\n"
	"## <summary>Read and write the console, literally.</summary>\n"
	"interface files_rw_console_file\n"
	"\tfile read/write /dev/console\n"
	"end\n"
	"\n"
	"## <summary>Read the files of a directory.</summary>\n"
	"## <param name=\"dir\" type=\"dir\"><summary>The directory.</summary></param>\n"
	"interface files_read_dir_files(dir)\n"
	"\tfile read $1\\*\n"
	"end\n"
	"\n"
	"## <summary>Manage the files of a directory.</summary>\n"
	"## <param name=\"dir\" type=\"dir\"><summary>The directory.</summary></param>\n"
	"interface files_manage_dir_files(dir)\n"
	"\tfile read/write/unlink $1\\*\n"
	"end\n";

/* app owns its data broadly and its config exactly. */
static const char app_if[] =
	"## <summary>An application.</summary>\n"
	"\n"
	"## <summary>Read every file of the application.</summary>\n"
	"interface app_read_files\n"
	"\tfile read @app_files\n"
	"end\n"
	"\n"
	"## <summary>Read the application's configuration.</summary>\n"
	"interface app_read_config\n"
	"\tfile read @app_config\n"
	"end\n"
	"\n"
	"## <summary>Edit the application's database.</summary>\n"
	"interface app_edit_db\n"
	"\tfile read/write @app_db\n"
	"end\n"
	"\n"
	"## <summary>Read the application's database.</summary>\n"
	"interface app_read_all_data\n"
	"\tfile read /srv/app/\\*\n"
	"\tfile getattr /srv/app/\\*\n"
	"end\n";

static const char app_paths[] =
	"path_group app_files /srv/app/\\*\n"
	"path_group app_config /srv/app/app.conf\n"
	"path_group app_db /srv/app/data.db\n";

/* Sockets: a service owns its port; net binds an address and a port. */
static const char net_if[] =
	"## <summary>Networking.</summary>\n"
	"\n"
	"## <summary>Connect to a port.</summary>\n"
	"## <param name=\"address\" type=\"address\"><summary>Where.</summary></param>\n"
	"## <param name=\"port\" type=\"port\"><summary>The port.</summary></param>\n"
	"interface net_tcp_connect(address, port)\n"
	"\tnetwork inet stream connect $1 $2\n"
	"end\n"
	"\n"
	"## <summary>Connect to any port of the loopback.</summary>\n"
	"interface net_tcp_connect_loopback\n"
	"\tnetwork inet stream connect 127.0.0.0-127.255.255.255 0-65535\n"
	"end\n";

static const char db_if[] =
	"## <summary>A database.</summary>\n"
	"\n"
	"## <summary>Connect to the database.</summary>\n"
	"interface db_tcp_connect\n"
	"\tnetwork inet stream connect @db_address @db_port\n"
	"end\n";

static const char db_paths[] =
	"address_group db_address 127.0.0.1\n"
	"number_group db_port 5432\n";

/*
 * Where greedy set cover takes three calls: x covers the most, but y
 * and z cover everything.
 */
static const char cov_if[] =
	"## <summary>Set cover.</summary>\n"
	"\n"
	"## <summary>Four.</summary>\n"
	"interface cov_read_x\n"
	"\tfile read /ca/f\n\tfile read /cb/f\n"
	"\tfile read /cc/f\n\tfile read /cd/f\n"
	"end\n"
	"\n"
	"## <summary>Three.</summary>\n"
	"interface cov_read_y\n"
	"\tfile read /ca/f\n\tfile read /cb/f\n\tfile read /ce/f\n"
	"end\n"
	"\n"
	"## <summary>Three more.</summary>\n"
	"interface cov_read_z\n"
	"\tfile read /cc/f\n\tfile read /cd/f\n\tfile read /cf/f\n"
	"end\n";

/* The policy in force for -w. */
static const char policy[] =
	"[profile]\n"
	"3-CONFIG={ mode=enforcing }\n"
	"[exception_policy]\n"
	"path_group now /etc/now\n"
	"acl_group grp file read /etc/grouped\n"
	"[domain_policy]\n"
	"<kernel> /usr/sbin/app\n"
	"use_profile 3\n"
	"use_group grp\n"
	"file read @now\n"
	"quiet file read /etc/hush\n"
	"file read /etc/cond task.uid=0\n";

static char *record(const char *date, const char *how, const char *domain,
		    const char *acl)
{
	return wd_xasprintf("#%s# profile=3 %s (global-pid=7) task={ pid=7 ppid=1 uid=0 gid=0 euid=0 egid=0 suid=0 sgid=0 fsuid=0 fsgid=0 } path1={ uid=0 gid=0 ino=2 major=8 minor=1 perm=0644 type=file }\n%s\n%s\n",
			    date, how, domain, acl);
}

#define DENIED "mode=enforcing granted=no"
#define APP "<kernel> /usr/sbin/app"
#define TOR "<kernel> /usr/sbin/tor"
#define DATE "2026/12/04 10:00:00"

/* Denials of @domain for @acls (NULL-terminated), as the audit file has them. */
static struct wd_buf records(const char *domain, const char *const *acls)
{
	struct wd_buf b = { 0 };

	for (; *acls; acls++) {
		char *r = record(DATE, DENIED, domain, *acls);

		wd_buf_add(&b, r, strlen(r) + 1);
		free(r);
	}
	return b;
}

FIXTURE_SETUP(a2a)
{
	ASSERT_TRUE(wd_test_tools_dir(self->tools, sizeof(self->tools)));
	snprintf(self->root, sizeof(self->root),
		 "/tmp/warden-a2a-test.XXXXXX");
	ASSERT_NE(NULL, mkdtemp(self->root));
	snprintf(self->mods, sizeof(self->mods), "%s/mods", self->root);
	snprintf(self->wdir, sizeof(self->wdir), "%s/warden", self->root);
	ASSERT_EQ(0, mkdir(self->mods, 0700));
	ASSERT_EQ(0, mkdir(self->wdir, 0700));
	put(self->mods, "term.pol", "");
	put(self->mods, "term.if", term_if);
	put(self->mods, "term.paths", "path_group term_console /dev/console\n");
	put(self->mods, "files.pol", "");
	put(self->mods, "files.if", files_if);
	put(self->mods, "app.pol", "");
	put(self->mods, "app.if", app_if);
	put(self->mods, "app.paths", app_paths);
	put(self->mods, "cov.pol", "");
	put(self->mods, "cov.if", cov_if);
	put(self->mods, "net.pol", "");
	put(self->mods, "net.if", net_if);
	put(self->mods, "db.pol", "");
	put(self->mods, "db.if", db_if);
	put(self->mods, "db.paths", db_paths);
	put(self->wdir, "policy", policy);
}

FIXTURE_TEARDOWN(a2a)
{
	char cmd[sizeof(self->root) + 16];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", self->root);
	if (system(cmd))
		TH_LOG("could not remove %s", self->root);
}

/* Run the tool on the records in "in" of the tree, @keys on stdin. */
static struct run run_a2a(const FIXTURE_DATA(a2a) *self, const char *keys,
			  const char *const *args)
{
	char env_w[160], env_s[160], env_l[160];
	char *envp[] = { env_w, env_s, env_l, "LC_ALL=C", NULL };

	snprintf(env_w, sizeof(env_w), "WARDEN_DIR=%s", self->wdir);
	snprintf(env_l, sizeof(env_l), "WARDEN_LOG_DIR=%s/log", self->root);
	/* No store: -R without --modules would fall back to the library. */
	snprintf(env_s, sizeof(env_s), "WARDEN_MODULE_STORE=%s/none",
		 self->root);
	return wd_test_run(self->root, self->tools, envp, "warden-audit2allow",
			   keys, args);
}

#define A2A(...) run_a2a(self, NULL, (const char *const[]){ __VA_ARGS__, NULL })
#define A2A_KEYS(keys, ...) \
	run_a2a(self, keys, (const char *const[]){ __VA_ARGS__, NULL })

/* Write the denials of @domain for the ACL lines to "in". */
#define DENIALS(domain, ...) do { \
	struct wd_buf b_ = records(domain, \
				   (const char *const[]){ __VA_ARGS__, NULL }); \
	put_len(self->root, "in", b_.text, b_.len); \
	free(b_.text); \
} while (0)

TEST_F(a2a, raw_lines_merged_per_domain_in_order)
{
	struct run r;
	char *a = record(DATE, DENIED, TOR, "file read /dev/console");
	char *b = record(DATE, DENIED, APP, "file read /srv/app/app.conf");
	char *c = record(DATE, DENIED, TOR, "file write /dev/console");
	struct wd_buf in = { 0 };

	/* NUL-separated, blank-line separated and a duplicate, mixed. */
	wd_buf_add(&in, a, strlen(a) + 1);
	wd_buf_printf(&in, "%s\n%s\n", b, c);
	wd_buf_add(&in, a, strlen(a) + 1);
	put_len(self->root, "in", in.text, in.len);
	r = A2A("-i", "in");
	EXPECT_EQ(0, r.status) TH_LOG("%s", wd_test_text(r.err));
	EXPECT_TEXT(r.out, TOR "\nfile read/write /dev/console\n\n"
		    APP "\nfile read /srv/app/app.conf\n\n");
	run_free(&r);

	r = A2A("-D", "-i", "in");
	EXPECT_TEXT(r.out, TOR "\nquiet file read/write /dev/console\n\n"
		    APP "\nquiet file read /srv/app/app.conf\n\n");
	run_free(&r);

	/* stdin by default, and -i - too. */
	r = A2A_KEYS(in.text, "-i", "-");
	EXPECT_TEXT(r.out, TOR "\nfile read /dev/console\n\n")
		TH_LOG("stdin stops at the first NUL of this input");
	run_free(&r);
	free(a);
	free(b);
	free(c);
	free(in.text);
}

TEST_F(a2a, malformed_and_truncated_records_are_skipped_and_counted)
{
	char *good = record(DATE, DENIED, TOR, "file read /dev/console");
	char *granted = record(DATE, "mode=learning granted=yes", TOR,
			       "file read /etc/motd");
	char *bad = record("2026/13", DENIED, TOR, "file read /x");
	struct wd_buf in = { 0 };
	struct run r;

	wd_buf_puts(&in, "kernel: some other log line\n\n");
	wd_buf_printf(&in, "%s\n", bad);
	wd_buf_printf(&in, "%s\n", granted);
	/* Cut after its domainname, then straight into the next record. */
	wd_buf_add(&in, good, strstr(good, "\nfile") + 1 - good);
	wd_buf_printf(&in, "%s\n", good);
	/* Cut inside the ACL line at the end of the input. */
	wd_buf_add(&in, good, strlen(good) - 4);
	put(self->root, "in", in.text);
	r = A2A("-i", "in");
	EXPECT_EQ(0, r.status);
	EXPECT_TEXT(r.out, TOR "\nfile read /dev/console\n\n");
	EXPECT_TRUE(contains(r.err, "6 records read, 5 skipped (4 malformed, 1 granted, 0 before the last load)"))
		TH_LOG("%s", wd_test_text(r.err));
	run_free(&r);
	free(good);
	free(granted);
	free(bad);
	free(in.text);
}

TEST_F(a2a, owner_before_non_owner)
{
	struct run r;

	/* files_rw_console_file grants less beyond it, but term owns it. */
	DENIALS(TOR, "file read /dev/console", "file write /dev/console");
	r = A2A("-R", "--modules", self->mods, "-i", "in");
	EXPECT_EQ(0, r.status) TH_LOG("%s", wd_test_text(r.err));
	EXPECT_TEXT(r.out, TOR "\nterm_use_console()\n\n");
	run_free(&r);
}

TEST_F(a2a, exact_over_broad_and_read_never_gets_write)
{
	struct run r;

	DENIALS(APP, "file read /srv/app/app.conf", "file read /srv/app/data.db");
	r = A2A("-R", "-m", self->mods, "-i", "in");
	EXPECT_EQ(0, r.status) TH_LOG("%s", wd_test_text(r.err));
	/*
	 * app_read_files covers both (one call): set cover takes it over
	 * app_read_config plus another; app_edit_db would write.
	 */
	EXPECT_TEXT(r.out, APP "\napp_read_files()\n\n");
	run_free(&r);

	DENIALS(APP, "file read /srv/app/app.conf");
	r = A2A("-R", "-m", self->mods, "-i", "in");
	EXPECT_TEXT(r.out, APP "\napp_read_config()\n\n")
		TH_LOG("the exact group over /srv/app/\\*");
	run_free(&r);

	DENIALS(APP, "file read /srv/app/data.db");
	r = A2A("-R", "-m", self->mods, "-i", "in");
	EXPECT_TEXT(r.out, APP "\napp_read_files()\n\n")
		TH_LOG("a read is not given app_edit_db, though it is exact");
	run_free(&r);

	DENIALS(APP, "file write /srv/app/data.db");
	r = A2A("-R", "-m", self->mods, "-i", "in");
	EXPECT_TEXT(r.out, APP "\napp_edit_db()\n\n");
	run_free(&r);
}

TEST_F(a2a, set_cover_and_parameter_binding)
{
	char term[160], files[160];
	struct run r;

	DENIALS(TOR, "file read /dev/console", "file write /dev/console",
		"file ioctl /dev/console 0x5401", "file read /srv/data/a",
		"file read /srv/data/b", "file execute /bin/nothing");
	r = A2A("-R", "-m", self->mods, "-i", "in");
	EXPECT_EQ(0, r.status) TH_LOG("%s", wd_test_text(r.err));
	/*
	 * One call for the console, not term_read_console() and
	 * term_write_console(); one binding for both files; a raw line
	 * for what nothing covers.
	 */
	EXPECT_TEXT(r.out, TOR "\nterm_use_console()\n"
		    "files_read_dir_files(/srv/data/)\n"
		    "file execute /bin/nothing\n\n");
	run_free(&r);

	snprintf(term, sizeof(term), "%s/term.pol", self->mods);
	snprintf(files, sizeof(files), "%s/files.if", self->mods);
	r = A2A("-R", "-v", "-i", "in", "--modules", term, files);
	EXPECT_TRUE(contains(r.out, "# file read /srv/data/a\n#   1. files_read_dir_files(/srv/data/) score 0, beyond the request: nothing\n#   2. files_manage_dir_files(/srv/data/) score 66, beyond the request: file write/unlink /srv/data/\\*\n"))
		TH_LOG("%s", wd_test_text(r.out));
	EXPECT_TRUE(contains(r.out, "# file execute /bin/nothing\n#   no interface covers it\n"));
	run_free(&r);
}

TEST_F(a2a, set_cover_is_the_smallest_not_the_greedy_one)
{
	struct run r;

	DENIALS(TOR, "file read /ca/f", "file read /cb/f", "file read /cc/f",
		"file read /cd/f", "file read /ce/f", "file read /cf/f");
	r = A2A("-R", "-m", self->mods, "-i", "in");
	EXPECT_EQ(0, r.status) TH_LOG("%s", wd_test_text(r.err));
	EXPECT_TEXT(r.out, TOR "\ncov_read_y()\ncov_read_z()\n\n");
	run_free(&r);
}

TEST_F(a2a, sockets_owner_of_the_port_and_bound_address_and_port)
{
	struct run r;

	DENIALS(TOR, "network inet stream connect 127.0.0.1 5432",
		"network inet stream connect 10.0.0.1 80");
	r = A2A("-R", "-m", self->mods, "-i", "in");
	EXPECT_EQ(0, r.status) TH_LOG("%s", wd_test_text(r.err));
	/*
	 * db owns port 5432: its call comes before net's loopback one and
	 * net_tcp_connect(127.0.0.1, 5432); the other request binds its
	 * address and port.
	 */
	EXPECT_TEXT(r.out, TOR "\ndb_tcp_connect()\n"
		    "net_tcp_connect(10.0.0.1, 80)\n\n");
	run_free(&r);
}

TEST_F(a2a, dontaudit_reference_only_dontaudit_interfaces)
{
	struct run r;

	DENIALS(TOR, "file read /dev/console", "file read /srv/data/a");
	r = A2A("-D", "-R", "-m", self->mods, "-i", "in");
	EXPECT_EQ(0, r.status) TH_LOG("%s", wd_test_text(r.err));
	EXPECT_TEXT(r.out, TOR "\nterm_dontaudit_use_console()\n"
		    "quiet file read /srv/data/a\n\n");
	run_free(&r);
}

TEST_F(a2a, why_gives_every_reason)
{
	struct wd_buf in = { 0 };
	struct run r;
	char *t;

	t = record(DATE, DENIED, APP, "file read /etc/now");
	wd_buf_printf(&in, "%s\n", t);
	free(t);
	t = record(DATE, DENIED, APP, "file read /etc/grouped");
	wd_buf_printf(&in, "%s\n", t);
	free(t);
	t = record(DATE, DENIED, APP, "file read /etc/hush");
	wd_buf_printf(&in, "%s\n", t);
	free(t);
	t = record(DATE, "mode=enforcing granted=no quiet=yes", APP,
		   "file read /etc/hushed");
	wd_buf_printf(&in, "%s\n", t);
	free(t);
	t = record(DATE, DENIED, APP, "file read /etc/cond");
	wd_buf_printf(&in, "%s\n", t);
	free(t);
	t = record(DATE, "mode=learning granted=no", APP, "file read /etc/learn");
	wd_buf_printf(&in, "%s\n", t);
	free(t);
	t = record(DATE, DENIED, APP, "file read /etc/missing");
	wd_buf_printf(&in, "%s\n", t);
	free(t);
	t = record(DATE, DENIED, TOR, "file read /etc/missing");
	wd_buf_printf(&in, "%s\n", t);
	free(t);
	put(self->root, "in", in.text);
	r = A2A("-w", "-i", "in");
	EXPECT_EQ(0, r.status) TH_LOG("%s", wd_test_text(r.err));
	EXPECT_TEXT(r.out, APP "\n"
		    "file read /etc/now: allowed-now: the policy in force grants it ('file read @now'): it changed since.\n"
		    "file read /etc/grouped: allowed-now: the policy in force grants it ('file read /etc/grouped' of acl_group grp): it changed since.\n"
		    "file read /etc/hush: quiet: a quiet rule covers it ('quiet file read /etc/hush').\n"
		    "file read /etc/hushed: quiet: a quiet rule covers it (the record says quiet=yes).\n"
		    "file read /etc/cond: condition: 'file read /etc/cond task.uid=0' grants it only when task.uid=0, which did not hold.\n"
		    "file read /etc/learn: mode: profile 3 was in learning mode: the request was logged, not refused.\n"
		    "file read /etc/missing: missing: nothing in the policy grants it.\n"
		    "\n" TOR "\n"
		    "file read /etc/missing: no-domain: the domain is not in the policy any more.\n\n");
	run_free(&r);

	/* --policy FILE instead of the policy in force. */
	put(self->root, "other", "[domain_policy]\n" TOR "\nfile read /etc/\\*\n");
	r = A2A("-w", "--policy", "other", "-i", "in");
	EXPECT_TRUE(contains(r.out, TOR "\nfile read /etc/missing: allowed-now:"));
	EXPECT_TRUE(contains(r.out, "file read /etc/now: no-domain:"));
	run_free(&r);
	free(in.text);
}

TEST_F(a2a, last_load_keeps_records_from_the_last_load_on)
{
	struct wd_buf in = { 0 };
	struct run r;
	char *t;

	t = record("2026/12/04 09:59:59", DENIED, TOR, "file read /old");
	wd_buf_printf(&in, "%s\n", t);
	free(t);
	t = record("2026/12/04 10:00:00", DENIED, TOR, "file read /new");
	wd_buf_printf(&in, "%s\n", t);
	free(t);
	put(self->root, "in", in.text);
	put(self->wdir, "stat",
	    "Policy update:                                 2 (Last: 2026/12/04 10:00:00)\n"
	    "Policy violation in learning mode:             0\n");
	r = A2A("-l", "-i", "in");
	EXPECT_EQ(0, r.status) TH_LOG("%s", wd_test_text(r.err));
	EXPECT_TEXT(r.out, TOR "\nfile read /new\n\n");
	EXPECT_TRUE(contains(r.err, "1 before the last load"));
	run_free(&r);

	/* No load since boot: every record is after it. */
	put(self->wdir, "stat", "Policy update:                                 0\n");
	r = A2A("-l", "-i", "in");
	EXPECT_TEXT(r.out, TOR "\nfile read /old\nfile read /new\n\n");
	run_free(&r);
	free(in.text);
}

TEST_F(a2a, all_reads_every_reject_log)
{
	char *a = record(DATE, DENIED, TOR, "file read /a");
	char *b = record(DATE, DENIED, APP, "file read /b");
	char *g = record(DATE, DENIED, TOR, "file read /not-a-reject-log");
	char dir[160];
	struct run r;

	snprintf(dir, sizeof(dir), "%s/log", self->root);
	ASSERT_EQ(0, mkdir(dir, 0700));
	put(dir, "reject_001.log", b);
	put(dir, "reject_003.log", a);
	put(dir, "grant_003.log", g);
	r = A2A("-a");
	EXPECT_EQ(0, r.status) TH_LOG("%s", wd_test_text(r.err));
	EXPECT_TEXT(r.out, APP "\nfile read /b\n\n" TOR "\nfile read /a\n\n");
	run_free(&r);
	free(a);
	free(b);
	free(g);
}

TEST_F(a2a, module_is_written_and_nothing_printed)
{
	char *pol, dir[160];
	struct run r;

	DENIALS(TOR, "file read /dev/console", "file read /srv/data/a");
	r = A2A("-R", "-m", self->mods, "-M", "mytor", "-i", "in");
	EXPECT_EQ(0, r.status) TH_LOG("%s", wd_test_text(r.err));
	EXPECT_TEXT(r.out, "");
	pol = get(self->root, "mytor.pol");
	EXPECT_TRUE(contains(pol, "\n[domain_policy]\n" TOR "\nterm_read_console()\nfiles_read_dir_files(/srv/data/)\n\n"))
		TH_LOG("%s", wd_test_text(pol));
	free(pol);
	run_free(&r);

	r = A2A("-M", "Bad-Name", "-i", "in");
	EXPECT_EQ(2, r.status);
	run_free(&r);

	/* A directory may come first; the module is the last part. */
	snprintf(dir, sizeof(dir), "%s/out", self->root);
	ASSERT_EQ(0, mkdir(dir, 0700));
	r = A2A("-M", "out/raw", "-i", "in");
	EXPECT_EQ(0, r.status);
	pol = get(dir, "raw.pol");
	EXPECT_TRUE(contains(pol, TOR "\nfile read /dev/console\nfile read /srv/data/a\n\n"));
	free(pol);
	run_free(&r);
}

TEST_F(a2a, interactive_with_keys_on_a_pipe)
{
	struct run r;
	char *pol;

	DENIALS(TOR, "file read /dev/console", "file read /srv/data/a",
		"file read /srv/data/b", "file read /etc/x");
	/*
	 * The console: view the first choice, allow it; /srv/data/a: a new
	 * pattern that misses the name, then glob and allow; b: quiet;
	 * /etc/x: ignored.
	 */
	r = A2A_KEYS("v\na\nn\n/srv/other/\\*\ng\na\nq\ni\n", "--interactive",
		     "-m", self->mods, "-M", "picked", "-i", "in");
	EXPECT_EQ(0, r.status) TH_LOG("%s", wd_test_text(r.err));
	EXPECT_TRUE(contains(r.out, "Request 1 of 4: file read /dev/console\n * 1. term_read_console()\n"))
		TH_LOG("%s", wd_test_text(r.out));
	EXPECT_TRUE(contains(r.out, "term_read_console (module term,"));
	EXPECT_TRUE(contains(r.out, "Warning: /srv/other/\\* does not match the logged name /srv/data/a."));
	pol = get(self->root, "picked.pol");
	EXPECT_TRUE(contains(pol, "[domain_policy]\n" TOR "\nterm_read_console()\n"
			     "file read /srv/data/\\*\n"
			     "quiet file read /srv/data/b\n\n"))
		TH_LOG("%s", wd_test_text(pol));
	free(pol);
	run_free(&r);

	/* F finishes at once: the module has what was answered so far. */
	r = A2A_KEYS("a\nf\n", "--interactive", "-m", self->mods, "-M",
		     "early", "-i", "in");
	pol = get(self->root, "early.pol");
	EXPECT_TRUE(contains(pol, TOR "\nterm_read_console()\n\n"));
	EXPECT_FALSE(contains(pol, "srv"));
	free(pol);
	run_free(&r);

	/* Q on a call takes the dontaudit interface that covers it. */
	r = A2A_KEYS("q\n4\nq\n", "--interactive", "-m", self->mods, "-M",
		     "hushed", "-i", "in");
	pol = get(self->root, "hushed.pol");
	EXPECT_TRUE(contains(pol, TOR "\nterm_dontaudit_use_console()\n"
			     "quiet file read /srv/data/\\*\n\n"))
		TH_LOG("%s", wd_test_text(pol));
	free(pol);
	run_free(&r);

	/*
	 * An interface chosen for one request is not asked about again for
	 * the others it covers, and goes into the module once.
	 */
	DENIALS(TOR, "file read /dev/console", "file write /dev/console",
		"file read /dev/console");
	r = A2A_KEYS("2\na\n", "--interactive", "-m", self->mods, "-M",
		     "once", "-i", "in");
	EXPECT_TRUE(contains(r.out, " * 2. term_use_console()\n"))
		TH_LOG("%s", wd_test_text(r.out));
	EXPECT_TRUE(contains(r.out, "Request 2 of 2: file write /dev/console: covered by term_use_console()\n"))
		TH_LOG("%s", wd_test_text(r.out));
	pol = get(self->root, "once.pol");
	EXPECT_TRUE(contains(pol, TOR "\nterm_use_console()\n\n"))
		TH_LOG("%s", wd_test_text(pol));
	free(pol);
	run_free(&r);

	r = A2A("--interactive", "-m", self->mods);
	EXPECT_EQ(2, r.status) TH_LOG("keys and records cannot both be stdin");
	run_free(&r);
}

TEST_F(a2a, bad_usage_and_unreadable_input)
{
	struct run r = A2A("--help");

	EXPECT_EQ(0, r.status);
	EXPECT_EQ(0, strncmp(wd_test_text(r.out), "Usage: warden-audit2allow", 25));
	run_free(&r);
	r = A2A("-w", "-R");
	EXPECT_EQ(2, r.status);
	run_free(&r);
	r = A2A("stray");
	EXPECT_EQ(2, r.status);
	run_free(&r);
	r = A2A("-i", "/nonexistent/records");
	EXPECT_EQ(1, r.status);
	EXPECT_TRUE(contains(r.err, "/nonexistent/records"));
	run_free(&r);
	r = A2A("-R", "-m", "/nonexistent/modules", "-i", "/dev/null");
	EXPECT_EQ(1, r.status);
	run_free(&r);
}

TEST_HARNESS_MAIN
