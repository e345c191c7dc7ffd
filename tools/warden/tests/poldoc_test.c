// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host tests of warden-poldoc: it is run as a subprocess on a small set of
 * policy modules written into a temporary directory, and its pages are
 * read back.  The tool is found next to the tests' directory, as the
 * Makefile builds this test into $(O)/tests/ and the tools into $(O)/.
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "io.h"
#include "tools_test.h"

FIXTURE(poldoc) {
	char tools[PATH_MAX];	/* where the built tools are */
	char root[64];		/* the temporary tree */
	char mods[PATH_MAX];	/* the modules */
};

/*
 * A set in which every interface is documented: a module summary and a
 * description in paragraphs, parameters, an information flow, a call
 * across modules, a pathname with '<', '&' and '\', entities in the
 * documentation, and a description line a man page would take for a
 * request.
 */
static const char files_if[] =
	"## <summary>Basic files &amp; directories.</summary>\n"
	"## <desc>\n"
	"##\t<p>The files every system has.</p>\n"
	"##\t<p>.profile and the like are not here.</p>\n"
	"## </desc>\n"
	"\n"
	"## <summary>Read the files in a directory.</summary>\n"
	"## <desc><p>Only the files directly in it.</p></desc>\n"
	"## <param name=\"dir\" type=\"dir\">\n"
	"##\t<summary>The directory, ending in /.</summary>\n"
	"## </param>\n"
	"## <infoflow type=\"read\" weight=\"10\"/>\n"
	"interface files_read_dir_files(dir)\n"
	"\t# every file in it\n"
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
	"## <summary>Use the odd files named with &lt; and &amp;.</summary>\n"
	"interface files_use_odd_files\n"
	"\tfile read /srv/a<b&c\\*\n"
	"\tterm_use_console()\n"
	"end\n";

static const char term_if[] =
	"## <summary>Terminals.</summary>\n"
	"\n"
	"## <summary>Read from and write to the console.</summary>\n"
	"## <infoflow type=\"both\" weight=\"5\"/>\n"
	"interface term_use_console\n"
	"\tfile read/write @term_console\n"
	"end\n";

static const char tor_pol[] =
	"## <summary>The onion router.</summary>\n"
	"[exception_policy]\n"
	"initialize_domain /usr/sbin/tor from any\n"
	"[domain_policy]\n"
	"<kernel> /usr/sbin/tor\n"
	"use_profile 3\n"
	"files_read_dir_files(/var/lib/tor/)\n"
	"term_use_console()\n";

/* Run warden-poldoc with args (NULL-terminated) in the tree's root. */
static struct run run_args(const FIXTURE_DATA(poldoc) *self,
			   const char *const *args)
{
	char *envp[] = { "LC_ALL=C", NULL };

	return wd_test_run(self->root, self->tools, envp, "warden-poldoc",
			   NULL, args);
}

#define RUN(...) run_args(self, (const char *const[]){ __VA_ARGS__, NULL })

FIXTURE_SETUP(poldoc)
{
	ASSERT_TRUE(wd_test_tools_dir(self->tools, sizeof(self->tools)));
	snprintf(self->root, sizeof(self->root),
		 "/tmp/warden-poldoc-test.XXXXXX");
	ASSERT_NE(NULL, mkdtemp(self->root));
	snprintf(self->mods, sizeof(self->mods), "%s/mods", self->root);
	ASSERT_EQ(0, mkdir(self->mods, 0700));
	put(self->mods, "files.if", files_if);
	put(self->mods, "files.pol", "[exception_policy]\n");
	put(self->mods, "term.if", term_if);
	put(self->mods, "term.pol", "[exception_policy]\n");
	put(self->mods, "term.paths", "path_group term_console /dev/console\n");
	put(self->mods, "tor.pol", tor_pol);
}

FIXTURE_TEARDOWN(poldoc)
{
	char cmd[sizeof(self->root) + 16];

	/* Only the directory this test made. */
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", self->root);
	if (system(cmd))
		TH_LOG("could not remove %s", self->root);
}

TEST_F(poldoc, index_lists_the_modules_with_their_summaries)
{
	struct run r = RUN("-o", "html", self->mods);
	char dir[PATH_MAX];
	char *index;

	EXPECT_EQ(0, r.status) TH_LOG("stderr: %s", wd_test_text(r.err));
	snprintf(dir, sizeof(dir), "%s/html", self->root);
	EXPECT_EQ(5, count_entries(dir))
		TH_LOG("index, interfaces and one page per module, no temp files");
	index = get(dir, "index.html");
	EXPECT_TRUE(contains(index, "<!DOCTYPE html>") &&
		    contains(index, "<style>"))
		TH_LOG("a whole page with its style inline");
	EXPECT_TRUE(contains(index, "<a href=\"files.html\">files</a></td>"
			     "<td>Basic files &amp; directories.</td>"
			     "<td class=\"n\">3</td>"))
		TH_LOG("files: linked, summary (entity decoded, escaped), 3 interfaces: %s",
		       wd_test_text(index));
	EXPECT_TRUE(contains(index, "<a href=\"term.html\">term</a></td>"
			     "<td>Terminals.</td><td class=\"n\">1</td>"))
		TH_LOG("term");
	EXPECT_TRUE(contains(index, "<a href=\"tor.html\">tor</a></td>"
			     "<td>The onion router.</td><td class=\"n\">0</td>"))
		TH_LOG("tor: its summary from the .pol");
	EXPECT_TRUE(contains(index, "files.html") &&
		    strstr(index, "files.html") < strstr(index, "term.html") &&
		    strstr(index, "term.html") < strstr(index, "tor.html"))
		TH_LOG("modules by name");
	free(index);
	run_free(&r);
}

TEST_F(poldoc, module_page_documents_each_interface)
{
	struct run r = RUN(self->mods);
	char dir[PATH_MAX];
	char *page, *all;

	EXPECT_EQ(0, r.status) TH_LOG("stderr: %s", wd_test_text(r.err));
	EXPECT_TEXT(r.err, "") TH_LOG("quiet on success");
	snprintf(dir, sizeof(dir), "%s/poldoc", self->root);
	page = get(dir, "files.html");
	EXPECT_TRUE(contains(page, "<p class=\"summary\">Basic files &amp; directories.</p>\n"
			     "<p>The files every system has.</p>\n"
			     "<p>.profile and the like are not here.</p>\n"))
		TH_LOG("the module's summary and its paragraphs: %s",
		       wd_test_text(page));
	EXPECT_TRUE(contains(page, "<h2 id=\"files_read_dir_files\"><code>files_read_dir_files"
			     "<span class=\"params\">(dir)</span></code></h2>\n"
			     "<p class=\"summary\">Read the files in a directory.</p>\n"
			     "<p>Only the files directly in it.</p>\n"))
		TH_LOG("anchor, name and parameters, summary, description");
	EXPECT_TRUE(contains(page, "<tr><th>Name</th><th>Type</th><th>Summary</th></tr>\n"
			     "<tr><td><code>dir</code></td><td>dir</td>"
			     "<td>The directory, ending in /.</td></tr>"))
		TH_LOG("the parameter table");
	EXPECT_TRUE(contains(page, "<p>read, weight 10</p>"))
		TH_LOG("the information flow");
	EXPECT_TRUE(contains(page, "<pre># every file in it\nfile read $1\\*\n"
			     "<a href=\"files.html#files_search_dir\">files_search_dir</a>($1)\n"
			     "</pre>"))
		TH_LOG("the body as written, comment kept, indentation cut, call linked");
	EXPECT_TRUE(contains(page, "<pre>file read /srv/a&lt;b&amp;c\\*\n"
			     "<a href=\"term.html#term_use_console\">term_use_console</a>()\n"))
		TH_LOG("a pathname escaped; a call of another module's interface");
	EXPECT_TRUE(contains(page, "Use the odd files named with &lt; and &amp;."))
		TH_LOG("entities of a summary decoded, then escaped");
	EXPECT_TRUE(contains(page, "($1)\n</pre>\n<h3>Called by</h3>\n"
			     "<p><a href=\"tor.html\">tor</a></p>"))
		TH_LOG("files_read_dir_files is called by tor's policy");
	EXPECT_TRUE(contains(page, "getattr $1\n</pre>\n<h3>Called by</h3>\n"
			     "<p><a href=\"files.html\">files</a></p>"))
		TH_LOG("files_search_dir is called by files' own interface");
	EXPECT_TRUE(!contains(page, "<script"))
		TH_LOG("no script");
	free(page);

	page = get(dir, "term.html");
	EXPECT_TRUE(contains(page, "<p>both, weight 5</p>") &&
		    contains(page, "<p><a href=\"files.html\">files</a>, "
			     "<a href=\"tor.html\">tor</a></p>"))
		TH_LOG("term_use_console: infoflow, called by files and tor");
	free(page);

	all = get(dir, "interfaces.html");
	EXPECT_TRUE(all &&
		    contains(all, "files.html#files_read_dir_files") &&
		    strstr(all, "files_read_dir_files") < strstr(all, "files_search_dir") &&
		    strstr(all, "files_search_dir") < strstr(all, "files_use_odd_files") &&
		    strstr(all, "files_use_odd_files") < strstr(all, "term_use_console"))
		TH_LOG("interfaces.html: every interface, alphabetically");
	free(all);
	run_free(&r);
}

/* Whether every file of @a has the same bytes in @b, and no more. */
static bool same_tree(const char *a, const char *b)
{
	struct dirent *de;
	DIR *d = opendir(a);
	bool same = d && count_entries(a) == count_entries(b) &&
		count_entries(a) > 0;

	while (same && (de = readdir(d))) {
		char *x, *y;
		size_t xl = 0, yl = 0;
		char *px = wd_path(a, de->d_name), *py = wd_path(b, de->d_name);
		struct stat st;

		if (!stat(px, &st) && S_ISREG(st.st_mode)) {
			x = wd_read_file(px, 0, &xl);
			y = wd_read_file(py, 0, &yl);
			same = x && y && xl == yl && !memcmp(x, y, xl);
			free(x);
			free(y);
		}
		free(px);
		free(py);
	}
	if (d)
		closedir(d);
	return same;
}

TEST_F(poldoc, output_is_the_same_bytes_every_time)
{
	char one[PATH_MAX], two[PATH_MAX];
	struct run r;

	snprintf(one, sizeof(one), "%s/one", self->root);
	snprintf(two, sizeof(two), "%s/two", self->root);
	r = RUN("-o", one, self->mods);
	EXPECT_EQ(0, r.status);
	run_free(&r);
	/* The same modules named otherwise: the pages do not show paths. */
	r = RUN("--output", two, "mods/files.if", "mods/term.pol", "mods/tor.paths");
	EXPECT_EQ(1, r.status) TH_LOG("tor.paths does not exist: %s",
				      wd_test_text(r.err));
	run_free(&r);
	r = RUN("--output", two, "mods/files.if", "mods/term.pol", "mods/tor.pol");
	EXPECT_EQ(0, r.status) TH_LOG("stderr: %s", wd_test_text(r.err));
	run_free(&r);
	EXPECT_TRUE(same_tree(one, two)) TH_LOG("HTML: identical bytes");

	snprintf(one, sizeof(one), "%s/man1", self->root);
	snprintf(two, sizeof(two), "%s/man2", self->root);
	r = RUN("--man", "-o", one, self->mods);
	EXPECT_EQ(0, r.status);
	run_free(&r);
	r = RUN("--man", "-o", two, self->mods);
	EXPECT_EQ(0, r.status);
	run_free(&r);
	EXPECT_TRUE(same_tree(one, two)) TH_LOG("man: identical bytes");
}

TEST_F(poldoc, undocumented_interface_fails_with_file_and_line)
{
	char want[PATH_MAX + 128], dir[PATH_MAX];
	struct run r;

	/* Line 4: the interface after the module's own block. */
	put(self->mods, "net.if",
	    "## <summary>Networking.</summary>\n"
	    "\n"
	    "# no documentation\n"
	    "interface net_use_tcp\n"
	    "\tnetwork inet stream connect 10.0.0.1 80\n"
	    "end\n");
	put(self->mods, "net.pol", "[exception_policy]\n");
	r = RUN("-o", "out", self->mods);
	EXPECT_EQ(1, r.status);
	snprintf(want, sizeof(want),
		 "%s/net.if:4: interface net_use_tcp is not documented", self->mods);
	EXPECT_TRUE(contains(r.err, want)) TH_LOG("stderr: %s", wd_test_text(r.err));
	EXPECT_TRUE(contains(r.err, "nothing written"))
		TH_LOG("says it wrote nothing");
	snprintf(dir, sizeof(dir), "%s/out", self->root);
	EXPECT_EQ(-1, count_entries(dir)) TH_LOG("no output directory at all");
	run_free(&r);

	/* A parameter without its <param>, into an existing directory. */
	put(self->mods, "net.if",
	    "## <summary>Connect.</summary>\n"
	    "interface net_use_tcp(port)\n"
	    "\tnetwork inet stream connect 10.0.0.1 $1\n"
	    "end\n");
	mkdir(dir, 0700);
	put(dir, "index.html", "old\n");
	r = RUN("-o", "out", self->mods);
	EXPECT_EQ(1, r.status);
	snprintf(want, sizeof(want),
		 "%s/net.if:2: parameter port of net_use_tcp is not documented",
		 self->mods);
	EXPECT_TRUE(contains(r.err, want)) TH_LOG("stderr: %s", wd_test_text(r.err));
	EXPECT_EQ(1, count_entries(dir)) TH_LOG("nothing added");
	free(r.out);
	r.out = get(dir, "index.html");
	EXPECT_TEXT(r.out, "old\n") TH_LOG("the old page is left alone");
	run_free(&r);
}

TEST_F(poldoc, man_pages_escape_troff)
{
	char dir[PATH_MAX];
	struct run r = RUN("--man", self->mods);
	char *page;

	EXPECT_EQ(0, r.status) TH_LOG("stderr: %s", wd_test_text(r.err));
	snprintf(dir, sizeof(dir), "%s/man", self->root);
	EXPECT_EQ(3, count_entries(dir)) TH_LOG("one page per module");
	page = get(dir, "warden-module-files.5");
	EXPECT_TRUE(contains(page, ".TH WARDEN-MODULE-FILES 5 ") &&
		    contains(page, ".SH NAME\nwarden\\-module\\-files \\- "
			     "Basic files & directories.\n"))
		TH_LOG("title and NAME line: %s", wd_test_text(page));
	EXPECT_TRUE(contains(page, "\n\\&.profile and the like are not here.\n"))
		TH_LOG("a line starting with '.' is protected");
	EXPECT_TRUE(contains(page, ".SS files_read_dir_files(dir)\n"
			     "Read the files in a directory.\n"))
		TH_LOG("a subsection per interface");
	EXPECT_TRUE(contains(page, ".TP\n.I dir\n(dir) The directory, ending in /.\n"))
		TH_LOG("a parameter");
	EXPECT_TRUE(contains(page, ".nf\n# every file in it\nfile read $1\\e*\n"
			     "files_search_dir($1)\n.fi\n"))
		TH_LOG("the body: its backslash is \\e");
	EXPECT_TRUE(contains(page, "file read /srv/a<b&c\\e*\n"))
		TH_LOG("a pathname's backslash is \\e");
	EXPECT_TRUE(!contains(page, "\\*"))
		TH_LOG("no backslash is left that troff would read");
	EXPECT_TRUE(contains(page, "files_search_dir($1)\n.fi\n.RE\n.PP\nCalled by: tor.\n"))
		TH_LOG("callers");
	free(page);
	page = get(dir, "warden-module-term.5");
	EXPECT_TRUE(contains(page, "Called by: files, tor.\n"))
		TH_LOG("callers, by name");
	free(page);
	run_free(&r);
}

TEST_F(poldoc, help_and_usage_errors)
{
	struct run r = RUN("--help");

	EXPECT_EQ(0, r.status);
	EXPECT_EQ(0, strncmp(wd_test_text(r.out), "Usage: warden-poldoc", 20))
		TH_LOG("--help prints the usage: %s", wd_test_text(r.out));
	EXPECT_TRUE(contains(r.out, "warden-module-NAME.5"))
		TH_LOG("--help names the man pages");
	run_free(&r);

	r = RUN("--bogus", self->mods);
	EXPECT_EQ(2, r.status);
	EXPECT_TRUE(contains(r.err, "unknown option '--bogus'") &&
		    contains(r.err, "Try 'warden-poldoc --help'."))
		TH_LOG("stderr: %s", wd_test_text(r.err));
	run_free(&r);

	r = RUN("-o");
	EXPECT_EQ(2, r.status) TH_LOG("-o without its directory");
	run_free(&r);

	r = RUN("--man");
	EXPECT_EQ(2, r.status) TH_LOG("no modules");
	run_free(&r);

	r = RUN("nosuchdir");
	EXPECT_EQ(1, r.status);
	EXPECT_TRUE(contains(r.err, "nosuchdir: No such file or directory"))
		TH_LOG("stderr: %s", wd_test_text(r.err));
	run_free(&r);
}

TEST_HARNESS_MAIN
