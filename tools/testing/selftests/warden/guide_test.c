// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - the TOMOYO guide's section 7.1 with busybox httpd.
 *
 * busybox httpd runs in its own domain in learning mode (profile 1) and
 * serves a page and a CGI script, which runs /bin/cat; the domains of the
 * CGI and of cat are created below httpd's with its profile and learn
 * what they do.  Then every domain of httpd is switched to enforcing mode
 * (profile 3), as the guide does: the requests made while learning still
 * work without a violation, while a request that makes the CGI execute a
 * program it never ran, or cat read a file it never read, is rejected,
 * so the CGI's output lacks the data, and stat counts the violations with
 * the time of the last one.
 */

#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../kselftest_harness.h"
#include "enforce_common.h"

#include "httpd_common.h"

#define WWW "/tmp/www"
#define CGI WWW "/cgi-bin/x"
#define CGI_DOMAIN HTTPD_DOMAIN " " CGI
#define CAT_DOMAIN CGI_DOMAIN " /bin/cat"

static const char cgi_script[] = CGI_SCRIPT(WWW);

FIXTURE(guide) {
	pid_t httpd;
};

FIXTURE_SETUP(guide)
{
	self->httpd = 0;
	if (!warden_is_enabled())
		SKIP(return, "warden is not in " LSM_LIST_FILE);
	if (access(HTTPD, X_OK))
		SKIP(return, HTTPD " is missing");
	ASSERT_EQ(0, loopback_up());
	remove_tree(WWW);
	ASSERT_EQ(0, mkdir(WWW, 0755));
	ASSERT_EQ(0, mkdir(WWW "/cgi-bin", 0755));
	ASSERT_EQ(0, mkdir(WWW "/data", 0755));
	ASSERT_EQ(0, make_file(WWW "/index.html", "WELCOME\n", 0644));
	ASSERT_EQ(0, make_file(WWW "/data/public", "PUBLIC-DATA\n", 0644));
	ASSERT_EQ(0, make_file(WWW "/data/secret", "SECRET-DATA\n", 0644));
	ASSERT_EQ(0, make_file(CGI, cgi_script, 0755));
}

FIXTURE_TEARDOWN(guide)
{
	stop_httpd(&self->httpd);
	if (!warden_is_enabled())
		return;
	EXPECT_EQ(0, load_neutral_policy());
	remove_tree(WWW);
}

/* Put every domain whose name starts with @prefix in @profile. */
static int set_profile_below(const char *prefix, int profile)
{
	size_t size = 1 << 20, plen = strlen(prefix), len = 0;
	char *dump = malloc(size), *text = malloc(size), *line, *cursor;
	int err = -ENOENT;

	if (!dump || !text)
		goto out;
	if (read_whole_file(DOMAIN_POLICY_FILE, dump, size) < 0)
		goto out;
	cursor = dump;
	while ((line = strsep(&cursor, "\n"))) {
		if (strncmp(line, prefix, plen) ||
		    (line[plen] != '\0' && line[plen] != ' '))
			continue;
		len += snprintf(text + len, size - len, "%s\nuse_profile %d\n",
				line, profile);
	}
	if (len)
		err = write_in_chunks(DOMAIN_POLICY_FILE, text, len, 4096);
out:
	free(dump);
	free(text);
	return err;
}

static void expect_line(struct __test_metadata *_metadata, const char *domain,
			const char *line)
{
	EXPECT_TRUE(strncmp(line, "file ", 5) ? domain_has_line(domain, line) :
		    domain_allows(domain, line)) {
		char *block = domain_policy_block(domain);

		TH_LOG("no \"%s\" in:\n%s", line, block ?: "(no such domain)");
		free(block);
	}
}

TEST_F_TIMEOUT(guide, learn_in_profile_1_then_enforce_in_profile_3, 120)
{
	char page[8192], want[256], got[256];
	long before, after_normal;
	int i;

	/* Learning mode for httpd and whatever it runs (section 4). */
	ASSERT_EQ(0, load_test_policy(NULL,
				      "initialize_domain " HTTPD " from any\n",
				      HTTPD_DOMAIN "\nuse_profile 1\n\n"));
	self->httpd = start_httpd(WWW);
	ASSERT_LT(0, self->httpd);
	ASSERT_TRUE(wait_for_httpd());
	for (i = 0; i < 2; i++) {
		ASSERT_EQ(200, http_get("/", page, sizeof(page)));
		EXPECT_NE(NULL, strstr(page, "WELCOME"));
		ASSERT_EQ(200, http_get("/cgi-bin/x?public", page, sizeof(page)));
		EXPECT_NE(NULL, strstr(page, "PUBLIC-DATA")) TH_LOG("%s", page);
	}

	/* The domains are named by the exec chain, as in the guide. */
	expect_line(_metadata, HTTPD_DOMAIN, "use_profile 1");
	expect_line(_metadata, HTTPD_DOMAIN, "file read " WWW "/index.html");
	expect_line(_metadata, HTTPD_DOMAIN, "file execute " CGI);
	/* New domains inherit their parent's profile. */
	expect_line(_metadata, CGI_DOMAIN, "use_profile 1");
	expect_line(_metadata, CGI_DOMAIN, "file execute /bin/cat");
	expect_line(_metadata, CAT_DOMAIN, "use_profile 1");
	expect_line(_metadata, CAT_DOMAIN, "file read " WWW "/data/public");

	/* Section 7.1: every domain of httpd to profile 3. */
	ASSERT_EQ(0, set_profile_below(HTTPD_DOMAIN, 3));
	expect_line(_metadata, HTTPD_DOMAIN, "use_profile 3");
	expect_line(_metadata, CGI_DOMAIN, "use_profile 3");
	expect_line(_metadata, CAT_DOMAIN, "use_profile 3");
	/* The process list shows httpd in profile 3. */
	EXPECT_EQ(0, process_list_line(self->httpd, got, sizeof(got)));
	snprintf(want, sizeof(want), "%d 3 " HTTPD_DOMAIN, self->httpd);
	EXPECT_STREQ(want, got);

	/* What was learned is permitted. */
	before = stat_counter(STAT_ENFORCING);
	ASSERT_LE(0, before);
	ASSERT_EQ(200, http_get("/", page, sizeof(page)));
	EXPECT_NE(NULL, strstr(page, "WELCOME"));
	ASSERT_EQ(200, http_get("/cgi-bin/x?public", page, sizeof(page)));
	EXPECT_NE(NULL, strstr(page, "PUBLIC-DATA")) TH_LOG("%s", page);
	after_normal = stat_counter(STAT_ENFORCING);
	EXPECT_EQ(before, after_normal);

	/* cat reading a file it never read while learning is rejected. */
	ASSERT_EQ(200, http_get("/cgi-bin/x?secret", page, sizeof(page)));
	EXPECT_EQ(NULL, strstr(page, "SECRET-DATA")) TH_LOG("%s", page);
	EXPECT_LT(after_normal, stat_counter(STAT_ENFORCING));
	after_normal = stat_counter(STAT_ENFORCING);

	/* The CGI executing a program it never ran is rejected. */
	ASSERT_EQ(200, http_get("/cgi-bin/x?uname", page, sizeof(page)));
	EXPECT_EQ(NULL, strstr(page, "Linux")) TH_LOG("%s", page);
	EXPECT_LT(after_normal, stat_counter(STAT_ENFORCING));
	EXPECT_TRUE(stat_has_last_time(STAT_ENFORCING));

	/* Enforcing mode learned none of it. */
	EXPECT_FALSE(domain_allows(CAT_DOMAIN, "file read " WWW "/data/secret"));
	EXPECT_FALSE(domain_allows(CGI_DOMAIN, "file execute /bin/uname"));
}

TEST_HARNESS_MAIN
