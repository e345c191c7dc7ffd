// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - policy modules in the kernel.
 *
 * The reference library (/usr/share/warden/modules) checks clean, builds
 * the same bytes twice and loads through warden-module's store together
 * with a module generated here that calls every interface of the library
 * from one test domain: the kernel then holds each call, as a use_group
 * of the interface's acl group or as the lines it expands to.  Bad
 * modules, refused by the lint or by the kernel, fail the load with the
 * module's file and line, and the policy in force stays byte for byte
 * what it was.  And busybox httpd with its CGI runs in enforcing mode
 * under the library's httpd module, written only with interface calls
 * and its own lines: the guide's 7.1 flow passes with no violation for
 * what it must do, and what it must not do is refused.
 */

#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../kselftest_harness.h"
#include "enforce_common.h"
#include "httpd_common.h"
#include "module_common.h"

#define TMP "/tmp/warden-modules"
#define STORE TMP "/store"
#define IFTEST TMP "/iftest"
#define IFTEST_DOMAIN "<kernel> /tmp/warden-modules/iftest"
#define EXCEPTION_FILE WARDEN_DIR "/exception_policy"
#define OUT_SIZE (1024 * 1024)
#define WWW "/var/www"
/* A line the lint takes and the kernel refuses: no such address. */
#define BAD_NET "network inet stream bind 1.2.3.999 80"

/* Run warden-module on the test's store; its output in @out. */
static int module_tool(char *out, size_t size, const char *a1, const char *a2,
		       const char *a3, const char *a4, const char *a5)
{
	return run_tool(out, size, "warden-module", "--store", STORE, a1, a2,
			a3, a4, a5, NULL);
}

/* A sample argument of each parameter type. */
static const char *sample(const char *type)
{
	static const struct {
		const char *type, *value;
	} samples[] = {
		{ "path", "/tmp/warden-modules/file" },
		{ "dir", "/tmp/warden-modules/" },
		{ "pattern", "/tmp/warden-modules/\\*" },
		{ "number", "0" },
		{ "port", "8080" },
		{ "address", "127.0.0.1" },
		{ "word", "iftest" },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(samples); i++)
		if (!strcmp(type, samples[i].type))
			return samples[i].value;
	return NULL;
}

/*
 * Write IFTEST/iftest.pol: one domain that calls every interface of the
 * library once, each parameter given a sample of its documented type.
 * Returns how many calls it wrote, or -1.
 */
static int write_iftest_module(void)
{
	char path[512], line[1024], types[9][16], *text = malloc(OUT_SIZE);
	struct dirent **names;
	size_t len = 0;
	int n, i, calls = 0;

	if (!text)
		return -1;
	len += snprintf(text + len, OUT_SIZE - len,
			"## <summary>Calls every interface once.</summary>\n"
			"[domain_policy]\n%s\nuse_profile 3\n", IFTEST_DOMAIN);
	n = scandir(LIBRARY, &names, NULL, alphasort);
	for (i = 0; i < n; i++) {
		size_t nlen = strlen(names[i]->d_name);
		int nr_types = 0;
		FILE *f;

		if (nlen < 4 || strcmp(names[i]->d_name + nlen - 3, ".if"))
			goto next;
		snprintf(path, sizeof(path), LIBRARY "/%s", names[i]->d_name);
		f = fopen(path, "r");
		while (f && fgets(line, sizeof(line), f)) {
			char *p = strstr(line, "<param "), *name, *args;
			char *t = p ? strstr(p, "type=\"") : NULL;
			int k;

			if (t && nr_types < 9) {
				t += 6;
				*strchrnul(t, '"') = '\0';
				snprintf(types[nr_types++], sizeof(types[0]), "%s", t);
				continue;
			}
			if (strncmp(line, "interface ", 10))
				continue;
			name = line + 10;
			name[strcspn(name, "(\n")] = '\0';
			len += snprintf(text + len, OUT_SIZE - len, "%s(", name);
			args = "";
			for (k = 0; k < nr_types; k++) {
				len += snprintf(text + len, OUT_SIZE - len, "%s%s",
						args, sample(types[k]) ?: "?");
				args = ", ";
			}
			len += snprintf(text + len, OUT_SIZE - len, ")\n");
			nr_types = 0;
			calls++;
		}
		if (f)
			fclose(f);
next:
		free(names[i]);
	}
	free(names);
	mkdir(TMP, 0755);
	mkdir(IFTEST, 0755);
	if (n < 0 || write_text(IFTEST "/iftest.pol", text, 0644))
		calls = -1;
	free(text);
	return calls;
}

/* Whether @op (@len bytes) is one of the operations "a/b/c" of @have. */
static bool has_op(const char *have, const char *op, size_t len)
{
	while (*have) {
		size_t n = strcspn(have, "/");

		if (n == len && !strncmp(have, op, len))
			return true;
		have += n + !!have[n];
	}
	return false;
}

/* Whether @have's operations include each of @want's ("read/write X"). */
static bool ops_cover(const char *have, const char *want)
{
	size_t end = strcspn(want, " ");

	while (end) {
		size_t n = strcspn(want, "/ ");

		if (!has_op(have, want, n))
			return false;
		want += n;
		end -= n;
		if (*want == '/') {
			want++;
			end--;
		}
	}
	return true;
}

/*
 * Whether @text has a line "@prefix@line", or one that merges @line's
 * operations with others on the same arguments, as the kernel prints
 * them ("file read/write /dev/console").
 */
static bool text_grants(const char *text, const char *prefix, const char *line)
{
	size_t plen = strlen(prefix), kw;
	const char *want_ops, *want_args;

	/* The words before the operations. */
	if (!strncmp(line, "quiet ", 6))
		kw = !strncmp(line + 6, "network ", 8) ? 4 : 2;
	else
		kw = !strncmp(line, "network ", 8) ? 3 :
			!strncmp(line, "file ", 5) ? 1 : 0;
	want_ops = line;
	for (size_t i = 0; i < kw; i++)
		want_ops = strchr(want_ops, ' ') + 1;
	want_args = strchr(want_ops, ' ');
	while (text && *text) {
		const char *end = strchrnul(text, '\n'), *ops, *args;

		if ((size_t)(end - text) >= plen && !strncmp(text, prefix, plen)) {
			const char *l = text + plen;

			if ((size_t)(end - l) == strlen(line) &&
			    !strncmp(l, line, end - l))
				return true;
			ops = l + (want_ops - line);
			args = ops + strcspn(ops, "\n ");
			if (kw && want_args && ops < end &&
			    !strncmp(l, line, want_ops - line) &&
			    (size_t)(end - args) == strlen(want_args) &&
			    !strncmp(args, want_args, end - args)) {
				char *have = strndup(ops, args - ops);
				bool ok = ops_cover(have, want_ops);

				free(have);
				if (ok)
					return true;
			}
		}
		text = *end ? end + 1 : end;
	}
	return false;
}

FIXTURE(modules) {
	pid_t httpd;
};

FIXTURE_SETUP(modules)
{
	self->httpd = 0;
	if (!warden_is_enabled())
		SKIP(return, "warden is not in " LSM_LIST_FILE);
	if (access(TOOLS_DIR "/warden-module", X_OK) || access(LIBRARY, R_OK))
		SKIP(return, "no warden-module or " LIBRARY " in the image");
	remove_tree(TMP);
	ASSERT_EQ(0, mkdir(TMP, 0755));
}

FIXTURE_TEARDOWN(modules)
{
	stop_httpd(&self->httpd);
	if (!warden_is_enabled())
		return;
	EXPECT_EQ(0, load_neutral_policy());
	remove_tree(TMP);
	remove_tree(WWW);
}

TEST_F_TIMEOUT(modules, every_interface_is_called_and_loaded, 300)
{
	char *out = malloc(OUT_SIZE), *again = malloc(OUT_SIZE);
	char *doc = malloc(OUT_SIZE), *domains = malloc(OUT_SIZE);
	char *exceptions = malloc(OUT_SIZE), *cur, *line;
	const char *domain = NULL;
	int calls, checked = 0;
	struct timespec t0, t1;

	ASSERT_TRUE(out && again && doc && domains && exceptions);
	ASSERT_EQ(0, module_tool(out, OUT_SIZE, "check", LIBRARY, NULL, NULL,
				 NULL)) TH_LOG("%s", out);
	TH_LOG("library: %s", out);
	ASSERT_EQ(0, module_tool(out, OUT_SIZE, "build", LIBRARY, NULL, NULL,
				 NULL));
	ASSERT_EQ(0, module_tool(again, OUT_SIZE, "build", LIBRARY, NULL, NULL,
				 NULL));
	EXPECT_STREQ(out, again) TH_LOG("build twice: the same bytes");

	ASSERT_EQ(0, install_test_base(STORE, TMP, NULL));
	calls = write_iftest_module();
	ASSERT_LT(0, calls);
	ASSERT_EQ(0, module_tool(out, OUT_SIZE, "install", LIBRARY,
				 IFTEST "/iftest.pol", NULL, NULL))
		TH_LOG("%s", out);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ASSERT_EQ(0, module_tool(out, OUT_SIZE, "load", NULL, NULL, NULL, NULL))
		TH_LOG("%s", out);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	TH_LOG("%s(warden-module load: check, build and load in %.3f s)", out,
	       t1.tv_sec - t0.tv_sec + (t1.tv_nsec - t0.tv_nsec) / 1e9);

	/* Every line the build gives the test domain is in the kernel. */
	ASSERT_EQ(0, module_tool(doc, OUT_SIZE, "build", LIBRARY,
				 IFTEST "/iftest.pol", NULL, NULL));
	ASSERT_LT(0, read_whole_file(EXCEPTION_FILE, exceptions, OUT_SIZE));
	cur = doc;
	while ((line = strsep(&cur, "\n"))) {
		char prefix[256];
		const char *rest;

		if (line[0] == '<') {
			domain = line;
			continue;
		}
		if (!strncmp(line, "acl_group ", 10)) {
			/* "acl_group NAME line": NAME's lines in exception_policy. */
			rest = strchr(line + 10, ' ');
			snprintf(prefix, sizeof(prefix), "%.*s",
				 (int)(rest + 1 - line), line);
			EXPECT_TRUE(text_grants(exceptions, prefix, rest + 1))
				TH_LOG("no '%s' in exception_policy", line);
			checked++;
			continue;
		}
		if (!domain || strcmp(domain, IFTEST_DOMAIN) || !*line)
			continue;
		free(domains);
		domains = domain_policy_block(IFTEST_DOMAIN);
		ASSERT_NE(NULL, domains);
		EXPECT_TRUE(text_grants(domains, "", line))
			TH_LOG("no '%s' in %s:\n%s", line, IFTEST_DOMAIN, domains);
		checked++;
	}
	TH_LOG("%d interface calls; %d lines of the test domain and the groups in the kernel",
	       calls, checked);
	EXPECT_LT(calls, checked);
	free(out);
	free(again);
	free(doc);
	free(domains);
	free(exceptions);
}

/* A module whose .pol gets @text after the library's own. */
static void load_bad(struct __test_metadata *_metadata, const char *text,
		     const char *want)
{
	char *before = malloc(OUT_SIZE), *after = malloc(OUT_SIZE);
	char *out = malloc(OUT_SIZE);

	ASSERT_TRUE(before && after && out);
	/* Running warden-module makes its domain: let it be there before. */
	ASSERT_EQ(0, module_tool(out, OUT_SIZE, "list", NULL, NULL, NULL, NULL));
	ASSERT_LT(0, read_whole_file(POLICY_FILE, before, OUT_SIZE));
	ASSERT_EQ(0, write_text(TMP "/bad.pol", text, 0644));
	ASSERT_EQ(0, module_tool(out, OUT_SIZE, "install", LIBRARY,
				 TMP "/bad.pol", NULL, NULL)) TH_LOG("%s", out);
	ASSERT_EQ(0, install_test_base(STORE, TMP, NULL));
	EXPECT_EQ(1, module_tool(out, OUT_SIZE, "load", NULL, NULL, NULL, NULL));
	EXPECT_NE(NULL, strstr(out, want)) TH_LOG("want '%s' in:\n%s", want, out);
	TH_LOG("%s", out);
	ASSERT_LT(0, read_whole_file(POLICY_FILE, after, OUT_SIZE));
	EXPECT_STREQ(before, after) TH_LOG("the policy in force changed");
	free(before);
	free(after);
	free(out);
}

TEST_F(modules, bad_modules_change_nothing)
{
	char out[4096];

	/* A policy in force that the failed loads must leave alone. */
	ASSERT_EQ(0, load_test_policy(NULL, "path_group KEEP /keep\n",
				      "<kernel> /usr/bin/keep\nuse_profile 3\nfile read /keep\n"));
	load_bad(_metadata,
		 "[domain_policy]\n<kernel> /bin/bad\nuse_profile 3\nterm_use_consol()\n",
		 STORE "/400/bad.pol:4: unknown interface term_use_consol");
	/* The lint takes this line; the kernel refuses it. */
	load_bad(_metadata,
		 "[domain_policy]\n<kernel> /bin/bad\nuse_profile 3\n" BAD_NET "\n",
		 STORE "/400/bad.pol:4: the kernel refused '" BAD_NET "'");
	/* The kernel refuses the whole: no profile 9. */
	load_bad(_metadata,
		 "[domain_policy]\n<kernel> /bin/bad\nuse_profile 9\n",
		 "the kernel refused the policy");
	ASSERT_EQ(0, module_tool(out, sizeof(out), "remove", "bad", NULL, NULL,
				 NULL));
}

TEST_F_TIMEOUT(modules, httpd_runs_enforcing_under_its_module, 120)
{
	char page[8192], out[4096], want[256], got[256];
	long before, after;

	if (access(HTTPD, X_OK))
		SKIP(return, HTTPD " is missing");
	ASSERT_EQ(0, loopback_up());
	remove_tree(WWW);
	ASSERT_EQ(0, mkdir("/var", 0755) && errno != EEXIST);
	ASSERT_EQ(0, mkdir(WWW, 0755));
	ASSERT_EQ(0, mkdir(WWW "/cgi-bin", 0755));
	ASSERT_EQ(0, mkdir(WWW "/data", 0755));
	ASSERT_EQ(0, make_file(WWW "/index.html", "WELCOME\n", 0644));
	ASSERT_EQ(0, make_file(WWW "/data/public", "PUBLIC-DATA\n", 0644));
	ASSERT_EQ(0, make_file(WWW "/data/secret", "SECRET-DATA\n", 0644));
	ASSERT_EQ(0, make_file(WWW "/cgi-bin/x", CGI_SCRIPT(WWW), 0755));

	ASSERT_EQ(0, module_tool(out, sizeof(out), "install", LIBRARY, NULL,
				 NULL, NULL)) TH_LOG("%s", out);
	ASSERT_EQ(0, install_test_base(STORE, TMP, NULL));
	ASSERT_EQ(0, module_tool(out, sizeof(out), "load", NULL, NULL, NULL,
				 NULL)) TH_LOG("%s", out);
	EXPECT_TRUE(domain_has_line(HTTPD_DOMAIN, "use_profile 3"))
		TH_LOG("the httpd module puts httpd in enforcing mode");

	before = stat_counter(STAT_ENFORCING);
	self->httpd = start_httpd(WWW);
	ASSERT_LT(0, self->httpd);
	ASSERT_TRUE(wait_for_httpd());
	/* The process list shows httpd in profile 3, as the guide checks. */
	snprintf(want, sizeof(want), "%d 3 " HTTPD_DOMAIN, self->httpd);
	EXPECT_EQ(0, process_list_line(self->httpd, got, sizeof(got)));
	EXPECT_STREQ(want, got);
	ASSERT_EQ(200, http_get("/", page, sizeof(page)));
	EXPECT_NE(NULL, strstr(page, "WELCOME")) TH_LOG("%s", page);
	ASSERT_EQ(200, http_get("/cgi-bin/x?public", page, sizeof(page)));
	EXPECT_NE(NULL, strstr(page, "PUBLIC-DATA")) TH_LOG("%s", page);
	after = stat_counter(STAT_ENFORCING);
	EXPECT_EQ(before, after) TH_LOG("what httpd must do is granted");

	/* cat reading what it may not, the CGI running what it may not. */
	ASSERT_EQ(200, http_get("/cgi-bin/x?secret", page, sizeof(page)));
	EXPECT_EQ(NULL, strstr(page, "SECRET-DATA")) TH_LOG("%s", page);
	EXPECT_LT(after, stat_counter(STAT_ENFORCING));
	after = stat_counter(STAT_ENFORCING);
	ASSERT_EQ(200, http_get("/cgi-bin/x?uname", page, sizeof(page)));
	EXPECT_EQ(NULL, strstr(page, "Linux")) TH_LOG("%s", page);
	EXPECT_LT(after, stat_counter(STAT_ENFORCING));
}

TEST_HARNESS_MAIN
