// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host tests of warden-module: a small set of modules compiled into a
 * policy and its map, every kind of bad module refused by check and by
 * load with FILE:LINE and the reason, and the store (install, remove,
 * list, load) against a directory of ordinary files standing in for the
 * kernel's interface.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io.h"
#include "tools_test.h"

FIXTURE(mod) {
	char tools[PATH_MAX];	/* where the built tools are */
	char root[64];		/* the temporary tree */
	char mods[128];		/* the modules */
	char store[128];	/* WARDEN_MODULE_STORE */
	char wdir[128];		/* WARDEN_DIR */
};

static const char base_pol[] =
	"## <summary>The base: profiles and managers.</summary>\n"
	"[profile]\n"
	"PROFILE_VERSION=20150505\n"
	"0-CONFIG={ mode=disabled }\n"
	"3-CONFIG={ mode=enforcing }\n"
	"[manager]\n"
	"/usr/sbin/warden-module\n"
	"[domain_policy]\n"
	"<kernel>\n"
	"use_profile 0\n";

static const char term_if[] =
	"## <summary>Terminals and the console.</summary>\n"
	"\n"
	"## <summary>\n"
	"##\tRead from and write to the console.\n"
	"## </summary>\n"
	"## <infoflow type=\"both\" weight=\"5\"/>\n"
	"interface term_use_console\n"
	"\tfile read/write @term_console\n"
	"\tfile ioctl @term_console 0-0xFFFFFFFF\n"
	"end\n"
	"\n"
	"## <summary>Do not log reading the console.</summary>\n"
	"interface term_dontaudit_read_console\n"
	"\tquiet file read @term_console\n"
	"end\n";

static const char term_paths[] =
	"path_group term_console /dev/console\n"
	"path_group term_console /dev/tty\\$\n";

static const char files_if[] =
	"## <summary>Files.</summary>\n"
	"\n"
	"## <summary>Read the files in a directory.</summary>\n"
	"## <param name=\"dir\" type=\"dir\"><summary>The directory.</summary></param>\n"
	"interface files_read_dir_files(dir)\n"
	"\tfile read $1\\*\n"
	"\tfiles_search_dir($1)\n"
	"end\n"
	"\n"
	"## <summary>Search a directory.</summary>\n"
	"## <param name=\"dir\" type=\"dir\"><summary>The directory.</summary></param>\n"
	"interface files_search_dir(dir)\n"
	"\tfile getattr $1\n"
	"end\n"
	"\n"
	"## <summary>Read the files in /etc.</summary>\n"
	"interface files_read_etc_files\n"
	"\tfiles_read_dir_files(/etc/)\n"
	"\tterm_dontaudit_read_console()\n"
	"end\n";

static const char tor_pol[] =
	"[exception_policy]\n"
	"initialize_domain /usr/sbin/tor from any\n"
	"[domain_policy]\n"
	"<kernel> /usr/sbin/tor\n"
	"use_profile 3\n"
	"term_use_console()\n"
	"files_read_dir_files(/var/lib/tor/)\n"
	"files_read_etc_files()\n"
	"file read /var/lib/tor/state\n";

static const char want_doc[] =
	"[profile]\n"
	"PROFILE_VERSION=20150505\n"
	"0-CONFIG={ mode=disabled }\n"
	"3-CONFIG={ mode=enforcing }\n"
	"[manager]\n"
	"/usr/sbin/warden-module\n"
	"[exception_policy]\n"
	"path_group term_console /dev/console\n"
	"path_group term_console /dev/tty\\$\n"
	"initialize_domain /usr/sbin/tor from any\n"
	"acl_group files_read_etc_files file read /etc/\\*\n"
	"acl_group files_read_etc_files file getattr /etc/\n"
	"acl_group files_read_etc_files quiet file read @term_console\n"
	"acl_group term_dontaudit_read_console quiet file read @term_console\n"
	"acl_group term_use_console file read/write @term_console\n"
	"acl_group term_use_console file ioctl @term_console 0-0xFFFFFFFF\n"
	"[domain_policy]\n"
	"<kernel>\n"
	"use_profile 0\n"
	"\n"
	"<kernel> /usr/sbin/tor\n"
	"use_profile 3\n"
	"use_group term_use_console\n"
	"file read /var/lib/tor/\\*\n"
	"file getattr /var/lib/tor/\n"
	"use_group files_read_etc_files\n"
	"file read /var/lib/tor/state\n";

/* The good set, in @dir. */
static void good_set(const char *dir)
{
	put(dir, "base.pol", base_pol);
	put(dir, "term.pol", "");
	put(dir, "term.if", term_if);
	put(dir, "term.paths", term_paths);
	put(dir, "files.pol", "");
	put(dir, "files.if", files_if);
	put(dir, "tor.pol", tor_pol);
}

FIXTURE_SETUP(mod)
{
	ASSERT_TRUE(wd_test_tools_dir(self->tools, sizeof(self->tools)));
	snprintf(self->root, sizeof(self->root),
		 "/tmp/warden-module-test.XXXXXX");
	ASSERT_NE(NULL, mkdtemp(self->root));
	snprintf(self->mods, sizeof(self->mods), "%s/mods", self->root);
	snprintf(self->store, sizeof(self->store), "%s/store", self->root);
	snprintf(self->wdir, sizeof(self->wdir), "%s/warden", self->root);
	ASSERT_EQ(0, mkdir(self->mods, 0700));
	ASSERT_EQ(0, mkdir(self->wdir, 0700));
	good_set(self->mods);
}

FIXTURE_TEARDOWN(mod)
{
	char cmd[sizeof(self->root) + 16];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", self->root);
	if (system(cmd))
		TH_LOG("could not remove %s", self->root);
}

static struct run run_mod(const FIXTURE_DATA(mod) *self,
			  const char *const *args)
{
	char env_w[160], env_s[160];
	char *envp[] = { env_w, env_s, "LC_ALL=C", NULL };

	snprintf(env_w, sizeof(env_w), "WARDEN_DIR=%s", self->wdir);
	snprintf(env_s, sizeof(env_s), "WARDEN_MODULE_STORE=%s", self->store);
	return wd_test_run(self->root, self->tools, envp, "warden-module", NULL,
			   args);
}

#define MOD(...) run_mod(self, (const char *const[]){ __VA_ARGS__, NULL })

TEST_F(mod, check_and_build_a_good_set)
{
	struct run r = MOD("check", self->mods);
	char *first;

	EXPECT_EQ(0, r.status) TH_LOG("%s", wd_test_text(r.err));
	EXPECT_TEXT(r.out, "4 modules, 5 interfaces: no errors\n");
	run_free(&r);

	r = MOD("build", self->mods);
	EXPECT_EQ(0, r.status) TH_LOG("%s", wd_test_text(r.err));
	/*
	 * Parameterless interfaces are acl groups, nested calls inline;
	 * in a domain their calls are use_group, calls with arguments
	 * expand in place with $1 put in.
	 */
	EXPECT_TEXT(r.out, want_doc);
	first = r.out;
	r.out = NULL;
	run_free(&r);
	r = MOD("build", self->mods);
	EXPECT_TEXT(r.out, first) TH_LOG("build twice: the same bytes");
	free(first);
	run_free(&r);

	/*
	 * Output to what is not a regular file (a FIFO here, /dev/null for
	 * a user) goes into it: it is not replaced by a file.
	 */
	{
		char fifo[128], cmd[400], *got;
		struct stat st;

		snprintf(fifo, sizeof(fifo), "%s/fifo", self->root);
		ASSERT_EQ(0, mkfifo(fifo, 0600));
		snprintf(cmd, sizeof(cmd), "cat '%s' > '%s/got' &", fifo,
			 self->root);
		ASSERT_EQ(0, system(cmd));
		r = MOD("build", "-o", fifo, self->mods);
		EXPECT_EQ(0, r.status) TH_LOG("%s", wd_test_text(r.err));
		run_free(&r);
		EXPECT_TRUE(!stat(fifo, &st) && S_ISFIFO(st.st_mode));
		for (int i = 0; i < 100; i++) {
			got = get(self->root, "got");
			if (got && !strcmp(got, want_doc))
				break;
			free(got);
			got = NULL;
			usleep(20000);
		}
		EXPECT_TEXT(got, want_doc);
		free(got);
	}

	/* One module's file names its module, beside the others. */
	r = MOD("build", "-o", "/dev/null", "--map", "/dev/stdout",
		"/dev/null");
	EXPECT_EQ(1, r.status);
	EXPECT_TRUE(contains(r.err, "/dev/null: not a module file"))
		TH_LOG("%s", wd_test_text(r.err));
	run_free(&r);
}

TEST_F(mod, the_map_tells_where_each_line_came_from)
{
	char map[1024], *text;
	struct run r;

	snprintf(map, sizeof(map), "%s/map", self->root);
	r = MOD("build", "-o", "/dev/null", "--map", map, self->mods);
	EXPECT_EQ(0, r.status) TH_LOG("%s", wd_test_text(r.err));
	run_free(&r);
	text = wd_read_file(map, 0, NULL);
	ASSERT_NE(NULL, text);
	/* A line two calls deep: the callee's line, and the chain. */
	snprintf(map, sizeof(map),
		 "domain_policy\t<kernel> /usr/sbin/tor\tfile getattr /var/lib/tor/\t"
		 "files:%s/files.if:13\t%s/tor.pol:7:files_read_dir_files(/var/lib/tor/)",
		 self->mods, self->mods);
	EXPECT_TRUE(contains(text, map)) TH_LOG("want %s in\n%s", map, text);
	snprintf(map, sizeof(map), " > %s/files.if:7:files_search_dir(/var/lib/tor/)\n",
		 self->mods);
	EXPECT_TRUE(contains(text, map)) TH_LOG("want %s in\n%s", map, text);
	/* A use_group line points at its call. */
	snprintf(map, sizeof(map),
		 "domain_policy\t<kernel> /usr/sbin/tor\tuse_group term_use_console\t"
		 "tor:%s/tor.pol:6\t%s/tor.pol:6:term_use_console()\n",
		 self->mods, self->mods);
	EXPECT_TRUE(contains(text, map)) TH_LOG("want %s in\n%s", map, text);
	/* An acl group's line nested in it, and a line written in place. */
	snprintf(map, sizeof(map),
		 "exception_policy\t-\tacl_group files_read_etc_files quiet file read @term_console\t"
		 "term:%s/term.if:14\t%s/files.if:19:term_dontaudit_read_console()\n",
		 self->mods, self->mods);
	EXPECT_TRUE(contains(text, map)) TH_LOG("want %s in\n%s", map, text);
	snprintf(map, sizeof(map),
		 "domain_policy\t<kernel> /usr/sbin/tor\tfile read /var/lib/tor/state\t"
		 "tor:%s/tor.pol:9\t-\n", self->mods);
	EXPECT_TRUE(contains(text, map)) TH_LOG("want %s in\n%s", map, text);
	free(text);
}

/* A bad module and the error check must give for it. */
struct bad_case {
	const char *file;	/* replaced or, with a leading '+', appended to */
	const char *text;
	const char *error;	/* "FILE:LINE: reason", FILE relative */
};

static const struct bad_case bad_cases[] = {
	{ "tor.pol", "[domain]\n", "tor.pol:1: unknown section [domain]" },
	{ "+tor.pol", "file frobnicate /x\n",
	  "tor.pol:10: file frobnicate /x: not a line a domain may hold" },
	{ "+tor.pol", "term_use_console(\n", "tor.pol:10: a call ends with ')'" },
	{ "+tor.pol", "term_use_console\n",
	  "tor.pol:10: term_use_console: a call has parentheses: term_use_console()" },
	{ "+tor.pol", "file read /etc/\\q\n",
	  "tor.pol:10: /etc/\\q is not a pathname the kernel takes" },
	{ "+tor.pol", "term_use_tty()\n",
	  "tor.pol:10: unknown interface term_use_tty" },
	{ "+tor.pol", "files_read_dir_files(/a/, /b/)\n",
	  "tor.pol:10: files_read_dir_files takes 1 argument, not 2" },
	{ "+tor.pol", "files_read_dir_files(/etc/passwd)\n",
	  "tor.pol:10: argument 1 of files_read_dir_files (dir, a dir): /etc/passwd: not a directory" },
	{ "+tor.pol", "file read /dev/console\n",
	  "tor.pol:10: /dev/console belongs to module term (path_group term_console /dev/console): call its interface instead" },
	{ "+tor.pol", "quiet file read /dev/tty1\n",
	  "tor.pol:10: /dev/tty1 belongs to module term (path_group term_console /dev/tty\\$)" },
	{ "+tor.pol", "file write @term_console\n",
	  "tor.pol:10: @term_console belongs to module term" },
	{ "+files.if",
	  "\n## <summary>Loop.</summary>\ninterface files_loop_a\n\tfiles_loop_b()\nend\n"
	  "\n## <summary>Loop.</summary>\ninterface files_loop_b\n\tfiles_loop_a()\nend\n",
	  "files.if:29: recursive call: files_loop_a -> files_loop_b -> files_loop_a" },
	{ "+files.if", "\ninterface files_read_motd\n\tfile read /etc/motd\nend\n",
	  "files.if:22: interface files_read_motd is not documented" },
	{ "+files.if",
	  "\n## <summary>Two.</summary>\n"
	  "## <param name=\"a\" type=\"path\"><summary>A.</summary></param>\n"
	  "interface files_read_two(a, b)\n\tfile read $1\n\tfile read $2\nend\n",
	  "files.if:24: parameter b of files_read_two is not documented" },
	{ "+files.if",
	  "\n## <summary>Quiet.</summary>\ninterface files_dontaudit_read_motd\n"
	  "\tfile read /etc/motd\nend\n",
	  "files.if:23: files_dontaudit_read_motd is a dontaudit interface but grants 'file read /etc/motd'" },
	{ "+files.if",
	  "\n## <summary>Read.</summary>\ninterface files_read_motd\n"
	  "\tfile read/write /etc/motd\nend\n",
	  "files.if:23: files_read_motd is named for reading but grants write" },
	{ "+files.if",
	  "\n## <summary>List.</summary>\ninterface files_list_tmp\n"
	  "\tfiles_search_dir(/tmp/)\n\tfile unlink /tmp/\\*\nend\n",
	  "files.if:23: files_list_tmp is named for reading but grants unlink" },
	{ "files.paths", "path_group term_console /dev/tty0\n",
	  "term.paths:1: group term_console is also defined by module files" },
	{ "files.pol", "[profile]\nPROFILE_VERSION=20150505\n",
	  "files.pol:2: [profile] and [manager] belong to one module, the base" },
	{ "+term.if", "\n## <summary>Bad.</summary>\ninterface tty_use\n\tfile read /x\nend\n",
	  "term.if:18: interface tty_use is not named term_verb_object" },
	{ "+files.if", "\n## <summary>Bad.</summary>\ninterface files_use_x\n\tfile read $2\nend\n",
	  "files.if:24: $2, but files_use_x has 0 parameters" },
};

TEST_F(mod, bad_modules_fail_check_and_load_with_file_line_and_reason)
{
	char want[512], policy[160], *before;
	unsigned int i;

	/* A policy in force, to see that a failed load leaves it alone. */
	snprintf(policy, sizeof(policy), "%s/policy", self->wdir);
	put(self->wdir, "policy", "the policy in force\n");
	for (i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		const struct bad_case *c = &bad_cases[i];
		const char *name = c->file + (c->file[0] == '+');
		char *old = get(self->mods, name);
		struct run r;

		if (c->file[0] == '+') {
			char *both = malloc(strlen(old ?: "") + strlen(c->text) + 1);

			strcpy(both, old ?: "");
			strcat(both, c->text);
			put(self->mods, name, both);
			free(both);
		} else {
			put(self->mods, name, c->text);
		}
		snprintf(want, sizeof(want), "%s/%s", self->mods, c->error);
		r = MOD("check", self->mods);
		EXPECT_EQ(1, r.status) TH_LOG("case %u", i);
		EXPECT_TRUE(contains(r.err, want))
			TH_LOG("case %u: want %s in:\n%s", i, want,
			       wd_test_text(r.err));
		run_free(&r);

		/* The store loads nothing: the error comes first. */
		r = MOD("install", self->mods);
		if (r.status == 0) {
			run_free(&r);
			r = MOD("load");
			EXPECT_EQ(1, r.status) TH_LOG("case %u: load", i);
			snprintf(want, sizeof(want), "%s/400/%s", self->store,
				 c->error);
			EXPECT_TRUE(contains(r.err, want))
				TH_LOG("case %u: load: want %s in:\n%s", i, want,
				       wd_test_text(r.err));
		} else {
			/* A syntax error stops install itself. */
			EXPECT_TRUE(contains(r.err, c->error))
				TH_LOG("case %u: install: %s", i,
				       wd_test_text(r.err));
		}
		run_free(&r);
		before = get(self->wdir, "policy");
		EXPECT_TEXT(before, "the policy in force\n")
			TH_LOG("case %u: the policy is unchanged", i);
		free(before);

		if (old)
			put(self->mods, name, old);
		else
			unlink(wd_path(self->mods, name));
		free(old);
	}
}

TEST_F(mod, the_store_installs_lists_removes_and_loads)
{
	char other[512], *text;
	struct run r;

	r = MOD("list");
	EXPECT_TRUE(r.status == 0 && r.out && !*r.out) TH_LOG("empty store");
	run_free(&r);
	r = MOD("load");
	EXPECT_TRUE(r.status == 1 && contains(r.err, "no module installed"));
	run_free(&r);

	r = MOD("install", self->mods);
	EXPECT_EQ(0, r.status) TH_LOG("%s", wd_test_text(r.err));
	run_free(&r);
	r = MOD("list");
	EXPECT_TEXT(r.out, "base 400\nfiles 400\nterm 400\ntor 400\n");
	run_free(&r);

	/* A higher priority wins; the lower one stays. */
	snprintf(other, sizeof(other), "%s/other", self->root);
	ASSERT_EQ(0, mkdir(other, 0700));
	put(other, "tor.pol", "[domain_policy]\n<kernel> /usr/sbin/tor\nuse_profile 0\n");
	r = MOD("install", "-p", "500", other);
	EXPECT_EQ(0, r.status);
	EXPECT_TEXT(r.out, "warden-module: installed tor at priority 500\n");
	run_free(&r);
	r = MOD("list");
	EXPECT_TEXT(r.out, "base 400\nfiles 400\nterm 400\ntor 500\n");
	run_free(&r);

	/* load writes the built document to the policy file. */
	put(self->wdir, "policy", "");
	r = MOD("load");
	EXPECT_EQ(0, r.status) TH_LOG("%s", wd_test_text(r.err));
	EXPECT_TRUE(contains(r.out, "loaded 4 modules"));
	run_free(&r);
	text = get(self->wdir, "policy");
	EXPECT_TRUE(contains(text, "<kernel> /usr/sbin/tor\nuse_profile 0\n") &&
		    !contains(text, "use_group term_use_console"))
		TH_LOG("%s", wd_test_text(text));
	free(text);

	r = MOD("remove", "-p", "500", "tor");
	EXPECT_EQ(0, r.status);
	run_free(&r);
	r = MOD("remove", "tor", "nosuch");
	EXPECT_EQ(1, r.status);
	EXPECT_TRUE(contains(r.err, "no module nosuch at priority 400"))
		TH_LOG("%s", wd_test_text(r.err));
	run_free(&r);
	r = MOD("list");
	EXPECT_TEXT(r.out, "base 400\nfiles 400\nterm 400\ntor 400\n")
		TH_LOG("a failed remove removes nothing");
	run_free(&r);

	/*
	 * A policy file that refuses the first write (a refused module line
	 * is named by its file and line: the VM test shows it).
	 */
	unlink(wd_path(self->wdir, "policy"));
	ASSERT_EQ(0, symlink("/dev/full", wd_path(self->wdir, "policy")));
	r = MOD("load");
	EXPECT_EQ(1, r.status);
	snprintf(other, sizeof(other),
		 "%s/policy: No space left on device; nothing was loaded",
		 self->wdir);
	EXPECT_TRUE(contains(r.err, other)) TH_LOG("%s", wd_test_text(r.err));
	run_free(&r);

	/* install -B that cannot load leaves the store as it was. */
	r = MOD("install", "-B", "-p", "600", self->mods);
	EXPECT_EQ(1, r.status);
	EXPECT_TRUE(contains(r.err, "the store is left as it was"));
	run_free(&r);
	r = MOD("list");
	EXPECT_TEXT(r.out, "base 400\nfiles 400\nterm 400\ntor 400\n");
	run_free(&r);
	r = MOD("remove", "-B", "tor");
	EXPECT_EQ(1, r.status);
	run_free(&r);
	r = MOD("list");
	EXPECT_TEXT(r.out, "base 400\nfiles 400\nterm 400\ntor 400\n");
	run_free(&r);
}

TEST_F(mod, usage_errors_exit_2)
{
	struct run r = MOD("--help");

	EXPECT_TRUE(r.status == 0 && contains(r.out, "Usage: warden-module"));
	run_free(&r);
	r = MOD("frob");
	EXPECT_TRUE(r.status == 2 && contains(r.err, "unknown command 'frob'"));
	run_free(&r);
	r = MOD("build");
	EXPECT_EQ(2, r.status);
	run_free(&r);
	r = MOD("install", "-p", "1000", self->mods);
	EXPECT_TRUE(r.status == 2 && contains(r.err, "bad priority '1000'"));
	run_free(&r);
	r = MOD("check", "--bogus", self->mods);
	EXPECT_TRUE(r.status == 2 && contains(r.err, "unknown option '--bogus'"));
	run_free(&r);
}

/*
 * The reference library of tools/warden/modules: clean, the same bytes
 * twice, and every interface documented well enough for warden-poldoc.
 * The test runs in tools/warden/tests, as the Makefile runs it.
 */
TEST_F(mod, the_reference_library_checks_builds_and_renders)
{
	char lib[PATH_MAX], html[200], *first;
	struct run r;

	ASSERT_NE(NULL, realpath("../modules", lib))
		TH_LOG("no ../modules from %s", getcwd(html, sizeof(html)));
	r = MOD("check", lib);
	EXPECT_EQ(0, r.status) TH_LOG("%s", wd_test_text(r.err));
	TH_LOG("reference library: %s", wd_test_text(r.out));
	run_free(&r);
	r = MOD("build", lib);
	EXPECT_EQ(0, r.status);
	first = r.out;
	r.out = NULL;
	run_free(&r);
	r = MOD("build", lib);
	EXPECT_TEXT(r.out, first) TH_LOG("build twice: the same bytes");
	free(first);
	run_free(&r);

	snprintf(html, sizeof(html), "%s/html", self->root);
	r = wd_test_run(self->root, self->tools, (char *[]){ "LC_ALL=C", NULL },
			"warden-poldoc", NULL,
			(const char *const[]){ "-o", html, lib, NULL });
	EXPECT_EQ(0, r.status) TH_LOG("%s", wd_test_text(r.err));
	run_free(&r);
	first = get(html, "index.html");
	EXPECT_TRUE(contains(first, "term_") || contains(first, ">term<"))
		TH_LOG("%s", wd_test_text(first));
	free(first);
	first = get(html, "wardenutil.html");
	EXPECT_TRUE(contains(first, "wardenutil_dontaudit_read_config"));
	free(first);
	first = get(html, "term.html");
	EXPECT_TRUE(contains(first, "term_use_console"));
	free(first);
}

TEST_HARNESS_MAIN
