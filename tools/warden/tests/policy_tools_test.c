// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host tests of the policy tools: lib/common's document split/assemble and
 * word escapes, and every tool run as a subprocess against a temporary
 * directory of ordinary files standing in for the kernel interface.
 *
 * The tools are found next to the tests' directory: the Makefile builds
 * this test into $(O)/tests/ and the tools into $(O)/.
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "escape.h"
#include "io.h"
#include "policy.h"
#include "tools_test.h"

/*
 * Every test gets its own tree: an interface directory, a saved-policy
 * directory, a /proc and a command line, all ordinary files.
 */
FIXTURE(iface) {
	char tools[PATH_MAX];	/* where the built tools are */
	char root[64];		/* the temporary tree */
	char wdir[PATH_MAX];	/* WARDEN_DIR */
	char pdir[PATH_MAX];	/* WARDEN_POLICY_DIR */
	char procdir[PATH_MAX];	/* PROC_DIR */
	char cmdline[PATH_MAX];	/* WARDEN_CMDLINE */
};

static const char doc[] =
	"[profile]\n"
	"PROFILE_VERSION=20150505\n"
	"3-CONFIG={ mode=enforcing grant_log=no reject_log=yes }\n"
	"[manager]\n"
	"/usr/sbin/warden-loadpolicy\n"
	"[exception_policy]\n"
	"initialize_domain /usr/sbin/httpd from any\n"
	"[domain_policy]\n"
	"<kernel>\n"
	"use_profile 0\n"
	"\n"
	"<kernel> /usr/sbin/httpd\n"
	"use_profile 3\n"
	"file read /etc/passwd\n";

static void make_dir(const char *dir, const char *name)
{
	char *path = wd_path(dir, name);

	if (mkdir(path, 0700) && errno != EEXIST) {
		perror(path);
		exit(1);
	}
	free(path);
}

static void rm(const char *dir, const char *name)
{
	char *path = wd_path(dir, name);

	unlink(path);
	free(path);
}

/* Run tools/<tool> with args and input in the fake environment. */
static struct run run_in(const FIXTURE_DATA(iface) *self, const char *tool,
			 const char *input, const char *const *args)
{
	char env_w[PATH_MAX + 16], env_p[PATH_MAX + 32],
	     env_proc[PATH_MAX + 16], env_c[PATH_MAX + 32];
	char *envp[] = { env_w, env_p, env_proc, env_c, "TZ=UTC",
			 "LC_ALL=C", NULL };

	snprintf(env_w, sizeof(env_w), "WARDEN_DIR=%s", self->wdir);
	snprintf(env_p, sizeof(env_p), "WARDEN_POLICY_DIR=%s", self->pdir);
	snprintf(env_proc, sizeof(env_proc), "PROC_DIR=%s", self->procdir);
	snprintf(env_c, sizeof(env_c), "WARDEN_CMDLINE=%s", self->cmdline);
	return wd_test_run(self->root, self->tools, envp, tool, input, args);
}

#define RUN(tool, input, ...) \
	run_in(self, tool, input, (const char *const[]){ __VA_ARGS__, NULL })

/*
 * What an ordinary file holding @old holds after one write of @text at
 * its start: the tools write a kernel file with one open and never
 * truncate it (the kernel's files are not ordinary files).
 */
static char *overwritten(const char *old, const char *text)
{
	size_t olen = strlen(old), tlen = strlen(text);
	char *both = malloc((olen > tlen ? olen : tlen) + 1);

	strcpy(both, old);
	memcpy(both, text, tlen);
	if (tlen >= olen)
		both[tlen] = '\0';
	return both;
}

FIXTURE_SETUP(iface)
{
	ASSERT_TRUE(wd_test_tools_dir(self->tools, sizeof(self->tools)));
	snprintf(self->root, sizeof(self->root),
		 "/tmp/warden-policy-test.XXXXXX");
	ASSERT_NE(NULL, mkdtemp(self->root));
	snprintf(self->wdir, sizeof(self->wdir), "%s/warden", self->root);
	snprintf(self->pdir, sizeof(self->pdir), "%s/policy", self->root);
	snprintf(self->procdir, sizeof(self->procdir), "%s/proc", self->root);
	snprintf(self->cmdline, sizeof(self->cmdline), "%s/cmdline",
		 self->root);
	ASSERT_EQ(0, mkdir(self->wdir, 0700));
	ASSERT_EQ(0, mkdir(self->pdir, 0700));
	ASSERT_EQ(0, mkdir(self->procdir, 0700));
}

FIXTURE_TEARDOWN(iface)
{
	char cmd[sizeof(self->root) + 16];

	/* Only the directory this test made. */
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", self->root);
	if (system(cmd))
		TH_LOG("could not remove %s", self->root);
}

TEST(policy_document_splits_and_assembles)
{
	struct wd_policy p = { 0 };
	unsigned int bad = 0;
	char *back;

	EXPECT_TRUE(!wd_policy_split(doc, &p, &bad))
		TH_LOG("split: a whole document");
	EXPECT_TEXT(p.part[WD_PROFILE], "PROFILE_VERSION=20150505\n"
		  "3-CONFIG={ mode=enforcing grant_log=no reject_log=yes }\n")
			TH_LOG("split: profile part");
	EXPECT_TEXT(p.part[WD_MANAGER], "/usr/sbin/warden-loadpolicy\n")
		TH_LOG("split: manager part");
	EXPECT_TEXT(p.part[WD_EXCEPTION], "initialize_domain /usr/sbin/httpd from any\n")
		TH_LOG("split: exception part");
	EXPECT_TEXT(p.part[WD_DOMAIN], "<kernel>\nuse_profile 0\n\n<kernel> /usr/sbin/httpd\n"
		  "use_profile 3\nfile read /etc/passwd\n")
			TH_LOG("split: domain part");
	back = wd_policy_assemble(&p);
	EXPECT_TEXT(back, doc) TH_LOG("assemble(split(doc)) == doc");
	free(back);
	wd_policy_free(&p);

	EXPECT_TRUE(!wd_policy_split("# saved\n\n  [manager] \r\n/bin/a\n"
			       "[profile]\nPROFILE_VERSION=20150505",
			       &p, &bad))
				TH_LOG("split: comments first, blanks around a header, no last newline");
	EXPECT_TEXT(p.part[WD_MANAGER], "/bin/a\n")
		TH_LOG("split: trimmed header");
	EXPECT_TEXT(p.part[WD_PROFILE], "PROFILE_VERSION=20150505\n")
		TH_LOG("split: last line gets its newline");
	EXPECT_TRUE(!p.part[WD_EXCEPTION] && !p.part[WD_DOMAIN])
		TH_LOG("split: absent sections are NULL");
	back = wd_policy_assemble(&p);
	EXPECT_TEXT(back, "[profile]\nPROFILE_VERSION=20150505\n[manager]\n"
		  "/bin/a\n[exception_policy]\n[domain_policy]\n")
			TH_LOG("assemble: canonical order, empty sections kept");
	free(back);
	wd_policy_free(&p);

	EXPECT_TRUE(!wd_policy_split("[domain_policy]\n<kernel>\n[exception_policy]\n"
			       "a\n[domain_policy]\nuse_profile 1\n", &p, &bad))
				TH_LOG("split: a section may come back");
	EXPECT_TEXT(p.part[WD_DOMAIN], "<kernel>\nuse_profile 1\n")
		TH_LOG("split: a repeated section continues");
	wd_policy_free(&p);

	bad = 0;
	EXPECT_TRUE(wd_policy_split("# c\n\nfile read /x\n[profile]\n", &p, &bad) &&
		    errno == EINVAL && bad == 3)
		TH_LOG("split: a line before any section is refused, numbered");

	p.part[WD_DOMAIN] = strdup("<kernel>");
	back = wd_policy_assemble(&p);
	EXPECT_TEXT(back, "[profile]\n[manager]\n[exception_policy]\n"
		  "[domain_policy]\n<kernel>\n")
			TH_LOG("assemble: a part without a last newline");
	free(back);
	wd_policy_free(&p);

	EXPECT_TRUE(wd_count_lines("a\n\n# x\n  \n b\nc") == 3)
		TH_LOG("count_lines skips blanks and comments");
	EXPECT_TRUE(wd_part_by_name("exception_policy") == WD_EXCEPTION &&
		    wd_part_by_name("policy") == -1 &&
		    !strcmp(wd_part_section(WD_DOMAIN), "[domain_policy]") &&
		    !strcmp(wd_part_file(WD_PROFILE), "profile"))
		TH_LOG("part names and sections");
}

TEST(words_encode_and_decode_canonically)
{
	static const char raw[] = "a b\\c\x7f\xff\t";
	char *word, *back;
	size_t len = 0;

	word = wd_encode(raw, sizeof(raw) - 1);
	EXPECT_TEXT(word, "a\\040b\\\\c\\177\\377\\011") TH_LOG("encode");
	back = wd_decode(word, &len);
	EXPECT_TRUE(back && len == sizeof(raw) - 1 && !memcmp(back, raw, len))
		TH_LOG("decode(encode(x)) == x");
	free(word);
	free(back);

	word = wd_encode("\0x", 2);
	EXPECT_TEXT(word, "\\000x") TH_LOG("encode: a NUL byte");
	back = wd_decode(word, &len);
	EXPECT_TRUE(back && len == 2 && !back[0] && back[1] == 'x')
		TH_LOG("decode: a NUL byte keeps its length");
	free(word);
	free(back);

	word = wd_encode("/usr/bin/plain", 14);
	EXPECT_TEXT(word, "/usr/bin/plain")
		TH_LOG("encode: plain words unchanged");
	free(word);

	errno = 0;
	EXPECT_TRUE(!wd_decode("\\101", NULL) && errno == EINVAL)
		TH_LOG("decode refuses octal for a printable byte");
	EXPECT_TRUE(!wd_decode("a b", NULL))
		TH_LOG("decode refuses a bare space");
	EXPECT_TRUE(!wd_decode("\\x", NULL) && !wd_decode("\\4", NULL) &&
		    !wd_decode("\\400", NULL) && !wd_decode("\\", NULL) &&
		    !wd_decode("\\*", NULL))
		TH_LOG("decode refuses malformed escapes");
}

TEST_F(iface, every_tool_has_help_and_refuses_bad_options)
{
	static const char *const tools[] = {
		"warden-init", "warden-savepolicy", "warden-loadpolicy",
		"warden-setprofile", "warden-pstree", "warden-auditd",
		"warden-notifyd", "warden-queryd", "warden-audit2allow",
	};
	size_t i;

	for (i = 0; i < sizeof(tools) / sizeof(tools[0]); i++) {
		struct run r = RUN(tools[i], NULL, "--help");
		char want[64];

		snprintf(want, sizeof(want), "Usage: %s", tools[i]);
		EXPECT_EQ(0, r.status) TH_LOG("%s --help", tools[i]);
		EXPECT_EQ(0, strncmp(wd_test_text(r.out), want, strlen(want)))
			TH_LOG("%s --help prints its usage", tools[i]);
		run_free(&r);
		r = RUN(tools[i], NULL, "--bogus");
		snprintf(want, sizeof(want), "Try '%s --help'.", tools[i]);
		EXPECT_EQ(2, r.status) TH_LOG("%s --bogus", tools[i]);
		EXPECT_TRUE(contains(r.err, "unknown option '--bogus'") &&
			    contains(r.err, want))
			TH_LOG("%s --bogus: %s", tools[i], r.err);
		run_free(&r);
	}
}

TEST_F(iface, savepolicy_prints_and_saves_the_four_parts)
{
	char stamp[2][32], *text, link[PATH_MAX], *dir, *path, *saved;
	struct run r;
	time_t t;
	ssize_t n;

	put(self->wdir, "domain_policy", "<kernel>\nuse_profile 0\n");
	put(self->wdir, "policy", doc);
	r = RUN("warden-savepolicy", NULL, "-d");
	EXPECT_TRUE(r.status == 0) TH_LOG("savepolicy -d exits 0");
	EXPECT_TEXT(r.out, "<kernel>\nuse_profile 0\n")
		TH_LOG("savepolicy -d prints domain_policy");
	run_free(&r);
	r = RUN("warden-savepolicy", NULL, "-a");
	EXPECT_TEXT(r.out, doc)
		TH_LOG("savepolicy -a prints the policy document");
	run_free(&r);
	r = RUN("warden-savepolicy", NULL, "-m");
	EXPECT_TRUE(r.status == 1 && contains(r.err, "/warden/manager: No such file"))
		TH_LOG("savepolicy -m: a missing file is named with errno text");
	run_free(&r);
	r = RUN("warden-savepolicy", NULL, "-d", "-e");
	EXPECT_TRUE(r.status > 0) TH_LOG("savepolicy: two part flags fail");
	run_free(&r);

	dir = wd_path(self->root, "saved");
	t = time(NULL);
	strftime(stamp[0], sizeof(stamp[0]), "%Y-%m-%d.%H:%M:%S", gmtime(&t));
	r = RUN("warden-savepolicy", NULL, dir);
	t = time(NULL);
	strftime(stamp[1], sizeof(stamp[1]), "%Y-%m-%d.%H:%M:%S", gmtime(&t));
	EXPECT_TRUE(r.status == 0) TH_LOG("savepolicy DIR exits 0");
	/* The stamp is of the second it ran in: before or after. */
	saved = r.out && !strncmp(r.out, dir, strlen(dir)) &&
		r.out[strlen(dir)] == '/' ? r.out + strlen(dir) + 1 : "";
	saved[strcspn(saved, "\n")] = '\0';
	EXPECT_TRUE(!strcmp(saved, stamp[0]) || !strcmp(saved, stamp[1]))
		TH_LOG("savepolicy prints DIR/YYYY-MM-DD.hh:mm:ss");
	path = wd_path(dir, "current");
	n = readlink(path, link, sizeof(link) - 1);
	free(path);
	link[n > 0 ? n : 0] = '\0';
	EXPECT_TEXT(link, saved)
		TH_LOG("savepolicy points DIR/current at the new directory");
	run_free(&r);
	EXPECT_TRUE(count_entries(dir) == 2)
		TH_LOG("savepolicy leaves only the directory and the link");
	text = get(dir, "current/exception_policy.conf");
	EXPECT_TEXT(text, "initialize_domain /usr/sbin/httpd from any\n")
		TH_LOG("savepolicy: exception_policy.conf from the document");
	free(text);
	text = get(dir, "current/domain_policy.conf");
	EXPECT_TEXT(text, "<kernel>\nuse_profile 0\n\n<kernel> /usr/sbin/httpd\n"
		  "use_profile 3\nfile read /etc/passwd\n")
			TH_LOG("savepolicy: domain_policy.conf from the document");
	free(text);
	text = get(dir, "current/manager.conf");
	EXPECT_TEXT(text, "/usr/sbin/warden-loadpolicy\n")
		TH_LOG("savepolicy: manager.conf");
	free(text);

	/* Without `policy`, each part comes from its own file. */
	rm(self->wdir, "policy");
	put(self->wdir, "profile", "PROFILE_VERSION=20150505\n");
	put(self->wdir, "manager", "");
	put(self->wdir, "exception_policy", "path_group X /x\n");
	r = RUN("warden-savepolicy", NULL, dir);
	EXPECT_TRUE(r.status == 0) TH_LOG("savepolicy from the four files");
	run_free(&r);
	text = get(dir, "current/exception_policy.conf");
	EXPECT_TEXT(text, "path_group X /x\n")
		TH_LOG("savepolicy: exception_policy.conf from its file");
	free(text);
	free(dir);
	put(self->wdir, "policy", doc);
}

TEST_F(iface, loadpolicy_appends_or_replaces_in_one_write)
{
	char *text, *file = wd_path(self->root, "exc.conf");
	const char *want;
	struct run r;

	put(self->wdir, "policy", doc);
	put(self->root, "exc.conf", "path_group WEB /var/www/\\*\n"
	    "initialize_domain /usr/sbin/sshd from any");
	r = RUN("warden-loadpolicy", NULL, "-ef", file);
	EXPECT_TRUE(r.status == 0) TH_LOG("loadpolicy -ef exits 0");
	want = "[profile]\n"
		"PROFILE_VERSION=20150505\n"
		"3-CONFIG={ mode=enforcing grant_log=no reject_log=yes }\n"
		"[manager]\n"
		"/usr/sbin/warden-loadpolicy\n"
		"[exception_policy]\n"
		"path_group WEB /var/www/\\*\n"
		"initialize_domain /usr/sbin/sshd from any\n"
		"[domain_policy]\n"
		"<kernel>\n"
		"use_profile 0\n"
		"\n"
		"<kernel> /usr/sbin/httpd\n"
		"use_profile 3\n"
		"file read /etc/passwd\n";
	text = get(self->wdir, "policy");
	EXPECT_TEXT(text, want)
		TH_LOG("loadpolicy -ef replaces the exception section only");
	free(text);
	EXPECT_TRUE(contains(r.out, "replaced exception_policy with 2 lines"))
		TH_LOG("loadpolicy -ef says what it did");
	run_free(&r);

	put(self->wdir, "domain_policy", "");
	r = RUN("warden-loadpolicy", "<kernel> /bin/x\nuse_profile 1\n",
		"-d", "-");
	text = get(self->wdir, "domain_policy");
	EXPECT_TRUE(r.status == 0) TH_LOG("loadpolicy -d - exits 0");
	EXPECT_TEXT(text, "<kernel> /bin/x\nuse_profile 1\n")
		TH_LOG("loadpolicy -d writes stdin through domain_policy");
	EXPECT_TRUE(contains(r.out, "added 2 lines from standard input to domain_policy"))
		TH_LOG("loadpolicy -d says what it did");
	free(text);
	run_free(&r);

	make_dir(self->pdir, "current");
	put(self->pdir, "current/manager.conf", "/sbin/warden-init\n");
	put(self->wdir, "policy", doc);
	r = RUN("warden-loadpolicy", NULL, "-mf");
	text = get(self->wdir, "policy");
	EXPECT_TRUE(r.status == 0 && contains(text, "[manager]\n/sbin/warden-init\n"
					"[exception_policy]\n"))
						TH_LOG("loadpolicy -mf reads the saved manager.conf by default");
	free(text);
	run_free(&r);

	put(self->wdir, "policy", doc);
	r = RUN("warden-loadpolicy", "use_profile 3\n[profile]\n", "-a", "-");
	text = get(self->wdir, "policy");
	EXPECT_TRUE(r.status == 1 && contains(r.err, "line 1 comes before"))
		TH_LOG("loadpolicy -a refuses a document with a line before [section]");
	EXPECT_TEXT(text, doc)
		TH_LOG("loadpolicy -a: a refused document changes nothing");
	free(text);
	run_free(&r);

	put(self->wdir, "policy", "");
	r = RUN("warden-loadpolicy", "[manager]\n/bin/m\n", "-a", "-");
	text = get(self->wdir, "policy");
	EXPECT_TRUE(r.status == 0) TH_LOG("loadpolicy -a exits 0");
	EXPECT_TEXT(text, "[manager]\n/bin/m\n")
		TH_LOG("loadpolicy -a writes the document as given");
	free(text);
	run_free(&r);

	rm(self->wdir, "policy");
	r = RUN("warden-loadpolicy", NULL, "-pf", file);
	EXPECT_TRUE(r.status == 1 && contains(r.err, "/warden/policy: No such file"))
		TH_LOG("loadpolicy -pf without a policy file fails, naming it");
	run_free(&r);
	r = RUN("warden-loadpolicy", NULL, "-e", "/nonexistent/x.conf");
	EXPECT_TRUE(r.status == 1 &&
		    contains(r.err, "/nonexistent/x.conf: No such file"))
		TH_LOG("loadpolicy names a missing input file");
	run_free(&r);
	r = RUN("warden-loadpolicy", NULL, "-x");
	EXPECT_TRUE(r.status > 0 && contains(r.err, "unknown option '-x'") &&
		    contains(r.err, "Try 'warden-loadpolicy --help'."))
			TH_LOG("loadpolicy refuses an unknown option");
	run_free(&r);
	put(self->wdir, "policy", doc);
	free(file);
}

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

TEST_F(iface, init_loads_the_saved_policy)
{
	char *text, *cur = wd_path(self->pdir, "current");
	struct run r;

	make_dir(self->pdir, "current");
	put(cur, "profile.conf", "PROFILE_VERSION=20150505\n"
	    "1-CONFIG={ mode=learning }\n");
	put(cur, "manager.conf", "/sbin/warden-init\n");
	put(cur, "exception_policy.conf", "# nothing yet\n");
	put(cur, "domain_policy.conf", "<kernel>\nuse_profile 1");
	put(self->root, "cmdline", "BOOT_IMAGE=/vmlinuz root=/dev/vda warden=disabledx quiet\n");
	put(self->wdir, "policy", "old");
	r = RUN("warden-init", NULL, NULL);
	text = get(self->wdir, "policy");
	EXPECT_TRUE(r.status == 0) TH_LOG("init exits 0");
	EXPECT_TEXT(text, "[profile]\nPROFILE_VERSION=20150505\n"
		  "1-CONFIG={ mode=learning }\n[manager]\n/sbin/warden-init\n"
		  "[exception_policy]\n# nothing yet\n[domain_policy]\n"
		  "<kernel>\nuse_profile 1\n")
			TH_LOG("init assembles the four parts in order");
	EXPECT_TEXT(r.out, "warden-init: loaded 2 profile, 1 manager, 0 exception_policy, 2 domain_policy lines\n")
		TH_LOG("init prints its summary");
	free(text);
	run_free(&r);

	put(self->root, "cmdline", "root=/dev/vda warden=disabled quiet\n");
	put(self->wdir, "policy", "old");
	r = RUN("warden-init", NULL, NULL);
	text = get(self->wdir, "policy");
	EXPECT_TRUE(r.status == 0 && contains(r.out, "warden=disabled"))
		TH_LOG("init with warden=disabled exits 0 with a note");
	EXPECT_TEXT(text, "old")
		TH_LOG("init with warden=disabled loads nothing");
	free(text);
	run_free(&r);

	put(self->root, "cmdline", "root=/dev/vda\n");
	rm(cur, "profile.conf");
	rm(cur, "manager.conf");
	r = RUN("warden-init", NULL, NULL);
	text = get(self->wdir, "policy");
	EXPECT_TRUE(r.status == 0 && !strncmp(text ? text : "", "[profile]\n", 10) &&
		    !strncmp(text + 10, default_profile, strlen(default_profile)) &&
		    !strncmp(text + 10 + strlen(default_profile),
		       "[manager]\n[exception_policy]\n", 29))
			TH_LOG("init uses the default profiles without profile.conf");
	EXPECT_TRUE(contains(r.out, "loaded 13 profile, 0 manager"))
		TH_LOG("init counts the default profile lines");
	free(text);
	run_free(&r);

	rm(self->wdir, "policy");
	r = RUN("warden-init", NULL, NULL);
	EXPECT_TRUE(r.status == 1 && contains(r.err, "/warden/policy: No such file") &&
		    contains(r.err, "keeps the one it had"))
		TH_LOG("init fails with 1 naming the file it could not write");
	run_free(&r);
	put(self->wdir, "policy", doc);
	free(cur);
}

TEST_F(iface, setprofile_writes_use_profile_for_each_domain)
{
	static const char old[] =
		"<kernel>\nuse_profile 0\n\n"
		"<kernel> /sbin/init\nuse_profile 0\n\n"
		"<kernel> /sbin/init /bin/sh\nuse_profile 0\nfile read /x\n\n"
		"<kernel> /sbin/initrd\nuse_profile 0\n\n"
		"<kernel> /sbin/init /bin/sh /bin/ls\nuse_profile 0\n";
	struct run r;
	char *text, *want;

	put(self->wdir, "domain_policy", old);
	r = RUN("warden-setprofile", NULL, "-r", "3", "<kernel>  /sbin/init");
	text = get(self->wdir, "domain_policy");
	want = overwritten(old, "<kernel> /sbin/init\nuse_profile 3\n"
			   "<kernel> /sbin/init /bin/sh\nuse_profile 3\n"
			   "<kernel> /sbin/init /bin/sh /bin/ls\nuse_profile 3\n");
	EXPECT_TRUE(r.status == 0) TH_LOG("setprofile -r exits 0");
	EXPECT_TEXT(text, want)
		TH_LOG("setprofile -r writes the domain and those below it");
	EXPECT_TEXT(r.out, "profile 3: <kernel> /sbin/init\n"
		  "profile 3: <kernel> /sbin/init /bin/sh\n"
		  "profile 3: <kernel> /sbin/init /bin/sh /bin/ls\n")
			TH_LOG("setprofile -r lists the domains it set");
	free(text);
	run_free(&r);

	free(want);
	put(self->wdir, "domain_policy", "");
	r = RUN("warden-setprofile", NULL, "1", "<kernel> /a", "<kernel> /b");
	text = get(self->wdir, "domain_policy");
	EXPECT_TEXT(text, "<kernel> /a\nuse_profile 1\n<kernel> /b\nuse_profile 1\n")
		TH_LOG("setprofile without -r writes only the names given");
	free(text);
	run_free(&r);

	put(self->wdir, "domain_policy", "unchanged");
	r = RUN("warden-setprofile", NULL, "256", "<kernel>");
	EXPECT_TRUE(r.status > 0 && contains(r.err, "'256' is not a profile number"))
		TH_LOG("setprofile refuses profile 256");
	run_free(&r);
	r = RUN("warden-setprofile", NULL, "3x", "<kernel>");
	EXPECT_TRUE(r.status > 0 && contains(r.err, "'3x' is not a profile number"))
		TH_LOG("setprofile refuses a non-numeric profile");
	run_free(&r);
	r = RUN("warden-setprofile", NULL, "3", "<kernel>\nuse_profile 0");
	EXPECT_TRUE(r.status > 0 && contains(r.err, "is not a domainname"))
		TH_LOG("setprofile refuses a name with a newline");
	run_free(&r);
	text = get(self->wdir, "domain_policy");
	EXPECT_TEXT(text, "unchanged")
		TH_LOG("refused setprofile writes nothing");
	free(text);
}

static void proc(const FIXTURE_DATA(iface) *self, int pid, const char *stat)
{
	char name[64];

	snprintf(name, sizeof(name), "%d", pid);
	make_dir(self->procdir, name);
	if (stat) {
		snprintf(name, sizeof(name), "%d/stat", pid);
		put(self->procdir, name, stat);
	}
}

TEST_F(iface, pstree_prints_the_tree_with_domains)
{
	struct run r;
	char *text;

	proc(self, 1, "1 (init) S 0 1 1 0 -1\n");
	proc(self, 2, "2 (kthreadd) S 0 0 0 0 -1\n");
	proc(self, 20, "20 (sshd) S 1 20 20 0 -1\n");
	proc(self, 21, "21 (my sh) x) S 20 21 21 0 -1\n");
	proc(self, 300, "300 (getty) S 1 300 300 0 -1\n");
	proc(self, 31, NULL);		/* exited after readdir */
	make_dir(self->procdir, "self");
	/*
	 * The kernel answers on the file a request was written to; here the
	 * request overwrites the padding line and the answers stay.
	 */
	put(self->wdir, ".process_status",
	    "..................................\n"
	    "1 1 <kernel> /sbin/init\n"
	    "2 0 <kernel>\n"
	    "20 1 <kernel> /sbin/init /usr/sbin/sshd\n"
	    "21 3 <kernel> /sbin/init /usr/sbin/sshd /bin/sh\n"
	    "300 0 <kernel> /sbin/init /sbin/getty\n");
	r = RUN("warden-pstree", NULL, NULL);
	EXPECT_TRUE(r.status == 0) TH_LOG("pstree exits 0");
	EXPECT_TEXT(r.out, "  1 init (1) <kernel> /sbin/init\n"
		  "  1 +- sshd (20) <kernel> /sbin/init /usr/sbin/sshd\n"
		  "  3    +- my\\040sh)\\040x (21) <kernel> /sbin/init /usr/sbin/sshd /bin/sh\n"
		  "  0 +- getty (300) <kernel> /sbin/init /sbin/getty\n"
		  "  0 kthreadd (2) <kernel>\n")
			TH_LOG("pstree prints the tree, skipping a vanished process");
	run_free(&r);
	/* The last request is still at the start of the file. */
	text = get(self->wdir, ".process_status");
	EXPECT_TRUE(text && !strncmp(text, "global-pid ", 11) &&
		    strspn(text + 11, "0123456789") > 0 &&
		    text[11 + strspn(text + 11, "0123456789")] == '\n')
		TH_LOG("%s", "pstree asks with \"global-pid <pid>\\n\"");
	free(text);

	rm(self->wdir, ".process_status");
	r = RUN("warden-pstree", NULL, NULL);
	EXPECT_TRUE(r.status == 1 && contains(r.err, ".process_status: No such file"))
		TH_LOG("pstree without .process_status fails, naming it");
	run_free(&r);
}

TEST_HARNESS_MAIN
