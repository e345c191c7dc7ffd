// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - ACL groups of every kind, numbered and named.
 *
 * A copy of this program, /tmp/wag-helper, runs in the enforcing domain
 * "<kernel> /tmp/wag-helper" (initialize_domain), which uses one ACL group,
 * and makes one request of one kind: a file read, an inet stream bind, a
 * unix dgram send, an exec passing an environment variable, or a write of
 * a domainname to self_domain.  The request is refused while the group the
 * domain uses is not defined yet, allowed once the group's line is written
 * to exception_policy, and refused again after "delete acl_group ...".
 * Then acl_group lines of every kind, with conditions and @group
 * references, round-trip byte for byte through exception_policy, the
 * policy document, warden-savepolicy and warden-loadpolicy, and the
 * TOMOYO-compatible directory.
 *
 * The helper exits with 0 or the errno of its request (100 + errno when
 * the step before the request failed, 200 and above for a helper error).
 */

#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>
#include <unistd.h>

#include "../kselftest_harness.h"
#include "enforce_common.h"

#define HELPER "/tmp/wag-helper"
#define HELPER_DOMAIN "<kernel> " HELPER
#define WAG_DIR "/tmp/wag"
#define PROG WAG_DIR "/prog"
#define DATA WAG_DIR "/data"
#define DGRAM_SOCK WAG_DIR "/d.sock"
#define TARGET_DOMAIN "<kernel> " WAG_DIR "/target"
#define ENV_NAME "WAG_VAR"
#define BIND_PORT "47401"
#define HELPER_TIMEOUT 20
#define TOMOYO_DIR "/sys/kernel/security/tomoyo"
#define WTOOLS "/opt/warden/bin/"
#define TEXT_SIZE 65536

/* The lines every helper domain has: its C library looks at its pipe. */
#define HELPER_BASE "file getattr pipe:[\\$]\n"
/* The exec of PROG stays in the helper's domain, which checks envp. */
#define KEEP_PROG "keep_domain " PROG " from " HELPER_DOMAIN "\n"

static int helper_errno(int ret)
{
	return ret < 0 ? (errno < 100 ? errno : 99) : 0;
}

/* "HELPER --request self DOMAIN": move to DOMAIN through self_domain. */
static int request_self(const char *domain)
{
	char now[DOMAIN_NAME_MAX];
	ssize_t len = strlen(domain);
	int fd, ret;

	fd = open(WARDEN_DIR "/self_domain", O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return 100 + helper_errno(-1);
	ret = write(fd, domain, len) == len ? 0 : helper_errno(-1);
	close(fd);
	if (ret)
		return ret;
	/* Allowed: the task must now be in DOMAIN. */
	if (read_current_domain(now, sizeof(now)))
		return 210;
	return strcmp(now, domain) ? 211 : 0;
}

/*
 * The helper: "HELPER --request OP [A [B]]".  Returns 0, the errno of the
 * request, 100 + errno of the step before it, or 200 and above.
 */
static int helper(int argc, char **argv)
{
	static char *const prog_argv[] = { "prog", "--noop", NULL };
	static char *const prog_env[] = { ENV_NAME "=1", NULL };
	const char *op = argv[2], *a = argc > 3 ? argv[3] : "";
	const char *b = argc > 4 ? argv[4] : "0";
	struct sockaddr_in sin = { .sin_family = AF_INET };
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	int fd, one = 1;

	alarm(HELPER_TIMEOUT);
	if (!strcmp(op, "read")) {
		fd = open(a, O_RDONLY | O_CLOEXEC);
		return helper_errno(fd);
	}
	if (!strcmp(op, "exec-env")) {
		execve(PROG, prog_argv, prog_env);
		return helper_errno(-1);
	}
	if (!strcmp(op, "self"))
		return request_self(a);
	if (!strcmp(op, "unix-send")) {
		fd = socket(AF_UNIX, SOCK_DGRAM, 0);
		if (fd < 0)
			return 201;
		snprintf(sun.sun_path, sizeof(sun.sun_path), "%s", a);
		return helper_errno(sendto(fd, "x", 1, 0,
					   (struct sockaddr *)&sun,
					   sizeof(sun)) < 0 ? -1 : 0);
	}
	if (!strcmp(op, "bind")) {
		fd = socket(AF_INET, SOCK_STREAM, 0);
		if (fd < 0)
			return 202;
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		sin.sin_port = htons(atoi(b));
		if (inet_pton(AF_INET, a, &sin.sin_addr) != 1)
			return 203;
		return helper_errno(bind(fd, (struct sockaddr *)&sin,
					 sizeof(sin)));
	}
	return 204;
}

/* Run the helper's request @op on @a and @b; its exit status. */
static int run_request(const char *op, const char *a, const char *b)
{
	char *const argv[] = { "wag-helper", "--request", (char *)op,
			       (char *)a, (char *)b, NULL };

	return run_program(HELPER, argv, NULL, NULL, NULL, 0);
}

/* Write one line to the exception policy, or delete it. */
static int exception_line(const char *fmt, const char *group,
			  const char *line)
{
	char text[1024];

	snprintf(text, sizeof(text), fmt, group, line);
	return write_file_once(WARDEN_DIR "/exception_policy", text);
}

FIXTURE(acl_group) {};

/*
 * One kind of ACL line in the group @group, and the request it grants.
 * @domain_lines and @exception are what else the request needs.
 */
FIXTURE_VARIANT(acl_group) {
	const char *group;
	const char *line;
	const char *op, *a, *b;
	const char *domain_lines;
	const char *exception;
};

FIXTURE_VARIANT_ADD(acl_group, file_named) {
	.group = "wag_file",
	.line = "file read " DATA,
	.op = "read", .a = DATA,
};

FIXTURE_VARIANT_ADD(acl_group, file_numbered) {
	.group = "7",
	.line = "file read " DATA,
	.op = "read", .a = DATA,
};

FIXTURE_VARIANT_ADD(acl_group, inet_named) {
	.group = "wag_inet",
	.line = "network inet stream bind 127.0.0.1 " BIND_PORT,
	.op = "bind", .a = "127.0.0.1", .b = BIND_PORT,
};

FIXTURE_VARIANT_ADD(acl_group, inet_numbered) {
	.group = "255",
	.line = "network inet stream bind 127.0.0.1 " BIND_PORT,
	.op = "bind", .a = "127.0.0.1", .b = BIND_PORT,
};

FIXTURE_VARIANT_ADD(acl_group, unix_named) {
	.group = "wag_unix",
	.line = "network unix dgram send " DGRAM_SOCK,
	.op = "unix-send", .a = DGRAM_SOCK,
};

FIXTURE_VARIANT_ADD(acl_group, env_named) {
	.group = "wag_env",
	.line = "misc env " ENV_NAME,
	.op = "exec-env",
	.domain_lines = "file execute " PROG "\n",
	.exception = KEEP_PROG,
};

FIXTURE_VARIANT_ADD(acl_group, task_named) {
	.group = "wag_task",
	.line = "task manual_domain_transition " TARGET_DOMAIN,
	.op = "self", .a = TARGET_DOMAIN,
	.domain_lines = "file write securityfs:/warden/self_domain\n",
};

FIXTURE_SETUP(acl_group)
{
	if (!warden_is_enabled() || access(WARDEN_DIR, F_OK))
		SKIP(return, "warden is not active: no " WARDEN_DIR);
	remove_tree(WAG_DIR);
	ASSERT_EQ(0, mkdir(WAG_DIR, 0755));
	ASSERT_EQ(0, copy_file("/proc/self/exe", HELPER, 0755));
	ASSERT_EQ(0, copy_file("/proc/self/exe", PROG, 0755));
	ASSERT_EQ(0, make_file(DATA, "data\n", 0644));
}

FIXTURE_TEARDOWN(acl_group)
{
	if (!warden_is_enabled() || access(WARDEN_DIR, F_OK))
		return;
	EXPECT_EQ(0, load_neutral_policy());
	remove_tree(WAG_DIR);
	unlink(HELPER);
}

/*
 * The domain uses the group before it exists: accepted, and it grants
 * nothing; the group's line grants the request; deleting it refuses it
 * again.  Nothing else in the enforcing domain grants the request.
 */
TEST_F(acl_group, request_granted_only_while_the_used_group_holds_its_line)
{
	char exception[1024], domains[2048], use[128];
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, SOCK_DGRAM, 0);

	ASSERT_LE(0, fd);
	snprintf(sun.sun_path, sizeof(sun.sun_path), "%s", DGRAM_SOCK);
	ASSERT_EQ(0, bind(fd, (struct sockaddr *)&sun, sizeof(sun)));
	snprintf(exception, sizeof(exception),
		 "initialize_domain " HELPER " from any\n%s",
		 variant->exception ?: "");
	snprintf(use, sizeof(use), "use_group %s", variant->group);
	snprintf(domains, sizeof(domains),
		 HELPER_DOMAIN "\nuse_profile 3\n%s\n" HELPER_BASE "%s\n"
		 TARGET_DOMAIN "\nuse_profile 0\n\n", use,
		 variant->domain_lines ?: "");
	ASSERT_EQ(0, load_test_policy(NULL, exception, domains));
	EXPECT_TRUE(domain_has_line(HELPER_DOMAIN, use))
		TH_LOG("%s", domain_policy_block(HELPER_DOMAIN));

	EXPECT_EQ(EPERM, run_request(variant->op, variant->a, variant->b));
	ASSERT_EQ(0, exception_line("acl_group %s %s\n", variant->group,
				    variant->line));
	EXPECT_EQ(0, run_request(variant->op, variant->a, variant->b));
	ASSERT_EQ(0, exception_line("delete acl_group %s %s\n",
				    variant->group, variant->line));
	EXPECT_EQ(EPERM, run_request(variant->op, variant->a, variant->b));
	close(fd);
}

/*
 * acl_group lines of every kind in the order exception_policy prints
 * them: the groups they refer to first, then each ACL group from its
 * first line on, its file lines before its other lines.
 */
#define GROUP_LINES \
	"path_group WAG_PATHS /tmp/wag/\\*\n" \
	"number_group WAG_NUMBERS 0-0777\n" \
	"number_group WAG_IOCTLS 0x5401-0x54FF\n" \
	"address_group WAG_ADDRS 10.0.0.0-10.0.0.255\n"

#define ACL_GROUP_LINES \
	"acl_group 0 file read /etc/ld.so.cache\n" \
	"acl_group 0 file read/write /dev/null task.uid=0\n" \
	"acl_group 0 file ioctl /dev/tty 0x5401-0x5402\n" \
	"acl_group 0 network inet stream bind/listen 127.0.0.1 80\n" \
	"acl_group 0 misc env LANG\n" \
	"acl_group term_use_console file read/write /dev/console\n" \
	"acl_group term_use_console file ioctl /dev/console @WAG_IOCTLS\n" \
	"acl_group term_use_console misc env TERM\n" \
	"acl_group web_server file read @WAG_PATHS\n" \
	"acl_group web_server file create @WAG_PATHS @WAG_NUMBERS\n" \
	"acl_group web_server file mkchar /dev/wag 0600 1 3\n" \
	"acl_group web_server file rename /tmp/wag/a /tmp/wag/b\n" \
	"acl_group web_server file mount /dev/sda1 /mnt/ ext4 0\n" \
	"acl_group web_server file execute /bin/true exec.argc=1\n" \
	"acl_group web_server network inet dgram send @WAG_ADDRS 53 task.uid=0\n" \
	"acl_group web_server network unix stream connect /run/wag.sock\n" \
	"acl_group web_server misc env LC_\\*\n" \
	"acl_group web_server task manual_domain_transition <kernel> /usr/sbin/wag\n" \
	"acl_group 200 network inet stream connect @WAG_ADDRS @WAG_NUMBERS\n" \
	"acl_group 200 task manual_domain_transition <kernel> /bin/sh task.uid=0\n"

static const char exception_text[] = GROUP_LINES ACL_GROUP_LINES;

/*
 * A domain using the groups above, and one not defined at all, in the
 * order domain_policy prints them: numbered groups first, in ascending
 * order, then named ones in the order they were first used.
 */
#define USING_DOMAINS \
	"<kernel> /usr/sbin/wag\n" \
	"use_profile 0\n" \
	"use_group 0\n" \
	"use_group 200\n" \
	"use_group term_use_console\n" \
	"use_group web_server\n" \
	"use_group not_defined_yet\n" \
	"\n" \
	"file read /etc/wag.conf\n" \
	"\n"

FIXTURE(roundtrip) {
	char *text;
};

FIXTURE_SETUP(roundtrip)
{
	if (!warden_is_enabled() || access(WARDEN_DIR, F_OK))
		SKIP(return, "warden is not active: no " WARDEN_DIR);
	self->text = malloc(TEXT_SIZE);
	ASSERT_NE(NULL, self->text);
	ASSERT_EQ(0, load_neutral_policy());
	remove_tree(WAG_DIR);
	ASSERT_EQ(0, mkdir(WAG_DIR, 0755));
}

FIXTURE_TEARDOWN(roundtrip)
{
	if (!warden_is_enabled() || access(WARDEN_DIR, F_OK))
		return;
	EXPECT_EQ(0, load_neutral_policy());
	remove_tree(WAG_DIR);
	free(self->text);
}

/* Write @text to @dir's @file, one line per write() as echo would. */
static int write_lines(const char *dir, const char *file, const char *text)
{
	char path[256], line[1024];
	const char *p = text;
	int err = 0;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	while (*p && !err) {
		size_t len = strcspn(p, "\n") + 1;

		snprintf(line, sizeof(line), "%.*s", (int)len, p);
		err = write_file_once(path, line);
		p += len;
	}
	return err;
}

/* Run a shell command; its exit status, or -1. */
static int run_shell(const char *cmd)
{
	int status = system(cmd);

	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST_F(roundtrip, exception_policy_prints_every_kind_as_written)
{
	ASSERT_EQ(0, write_lines(WARDEN_DIR, "exception_policy",
				 exception_text));
	ASSERT_LT(0, read_whole_file(WARDEN_DIR "/exception_policy",
				     self->text, TEXT_SIZE));
	EXPECT_STREQ(exception_text, self->text);
	/* The whole text in one write() reads back the same. */
	ASSERT_EQ(0, load_neutral_policy());
	ASSERT_EQ(0, write_file_once(WARDEN_DIR "/exception_policy",
				     exception_text));
	ASSERT_LT(0, read_whole_file(WARDEN_DIR "/exception_policy",
				     self->text, TEXT_SIZE));
	EXPECT_STREQ(exception_text, self->text);
}

TEST_F(roundtrip, deleting_each_acl_group_line_removes_it_alone)
{
	const char *p = ACL_GROUP_LINES;
	char line[1024], *at;

	ASSERT_EQ(0, write_file_once(WARDEN_DIR "/exception_policy",
				     exception_text));
	while (*p) {
		size_t len = strcspn(p, "\n") + 1;

		snprintf(line, sizeof(line), "delete %.*s", (int)len, p);
		ASSERT_EQ(0, write_file_once(WARDEN_DIR "/exception_policy",
					     line));
		ASSERT_LT(0, read_whole_file(WARDEN_DIR "/exception_policy",
					     self->text, TEXT_SIZE));
		/* What is left is the rest of the lines, as written. */
		at = strstr(self->text, "acl_group ");
		EXPECT_STREQ(p + len, at ? at : "") TH_LOG("after %s", line);
		EXPECT_EQ(0, strncmp(self->text, GROUP_LINES,
				     strlen(GROUP_LINES)));
		/* A second delete finds nothing. */
		EXPECT_EQ(-ENOENT, write_file_once(WARDEN_DIR "/exception_policy",
						   line));
		p += len;
	}
}

/* The document of load_test_policy() with the groups and domains above. */
static int load_groups_policy(void)
{
	return load_test_policy(NULL, exception_text, USING_DOMAINS);
}

TEST_F(roundtrip, policy_document_reads_back_identical)
{
	char *doc = malloc(TEXT_SIZE);

	ASSERT_NE(NULL, doc);
	ASSERT_EQ(0, load_groups_policy());
	ASSERT_LT(0, read_whole_file(WARDEN_DIR "/policy", doc, TEXT_SIZE));
	EXPECT_NE(NULL, strstr(doc, "[exception_policy]\n" GROUP_LINES
				 ACL_GROUP_LINES))
		TH_LOG("%s", doc);
	EXPECT_NE(NULL, strstr(doc, "\n" USING_DOMAINS)) TH_LOG("%s", doc);
	/* What was read, written back, reads back the same. */
	ASSERT_EQ(0, load_neutral_policy());
	ASSERT_EQ(0, write_in_chunks(WARDEN_DIR "/policy", doc, strlen(doc),
				     100));
	ASSERT_LT(0, read_whole_file(WARDEN_DIR "/policy", self->text,
				     TEXT_SIZE));
	EXPECT_STREQ(doc, self->text);
	ASSERT_LT(0, read_whole_file(WARDEN_DIR "/exception_policy",
				     self->text, TEXT_SIZE));
	EXPECT_STREQ(exception_text, self->text);
	free(doc);
}

/*
 * The policy document up to its domains, which the tools' own execs add
 * to (each exec from a profile 0 domain creates one).
 */
static char *policy_head(char *doc)
{
	char *domains = strstr(doc, "[domain_policy]\n");

	if (domains)
		domains[strlen("[domain_policy]\n")] = '\0';
	return doc;
}

/* Whether the policy in force has the groups and USING_DOMAINS, and @head. */
static void expect_groups_policy(struct __test_metadata *_metadata,
				 char *text, const char *head)
{
	ASSERT_LT(0, read_whole_file(WARDEN_DIR "/exception_policy", text,
				     TEXT_SIZE));
	EXPECT_STREQ(exception_text, text);
	ASSERT_LT(0, read_whole_file(WARDEN_DIR "/domain_policy", text,
				     TEXT_SIZE));
	EXPECT_NE(NULL, strstr(text, "\n" USING_DOMAINS)) TH_LOG("%s", text);
	ASSERT_LT(0, read_whole_file(WARDEN_DIR "/policy", text, TEXT_SIZE));
	EXPECT_STREQ(head, policy_head(text));
}

TEST_F(roundtrip, savepolicy_then_loadpolicy_gives_the_same_policy)
{
	char *head = malloc(TEXT_SIZE);

	ASSERT_NE(NULL, head);
	if (access(WTOOLS "warden-savepolicy", X_OK) ||
	    access(WTOOLS "warden-loadpolicy", X_OK)) {
		free(head);
		SKIP(return, "no " WTOOLS "warden-savepolicy");
	}
	ASSERT_EQ(0, load_groups_policy());
	ASSERT_LT(0, read_whole_file(WARDEN_DIR "/policy", head, TEXT_SIZE));
	policy_head(head);

	/* Each part on its own: -e and -d print it, -ef and -df load it. */
	ASSERT_EQ(0, run_shell(WTOOLS "warden-savepolicy -e >" WAG_DIR "/e.conf"));
	ASSERT_LT(0, read_whole_file(WAG_DIR "/e.conf", self->text, TEXT_SIZE));
	EXPECT_STREQ(exception_text, self->text);
	ASSERT_EQ(0, run_shell(WTOOLS "warden-savepolicy -d >" WAG_DIR "/d.conf"));
	ASSERT_LT(0, read_whole_file(WAG_DIR "/d.conf", self->text, TEXT_SIZE));
	EXPECT_NE(NULL, strstr(self->text, "\n" USING_DOMAINS))
		TH_LOG("%s", self->text);
	ASSERT_EQ(0, load_neutral_policy());
	ASSERT_EQ(0, run_shell(WTOOLS "warden-loadpolicy -ef " WAG_DIR "/e.conf"));
	ASSERT_EQ(0, run_shell(WTOOLS "warden-loadpolicy -df " WAG_DIR "/d.conf"));
	expect_groups_policy(_metadata, self->text, head);

	/* The saved directory, loaded as one document. */
	ASSERT_EQ(0, run_shell(WTOOLS "warden-savepolicy " WAG_DIR "/save >/dev/null"));
	ASSERT_EQ(0, load_neutral_policy());
	ASSERT_EQ(0, run_shell("WARDEN_POLICY_DIR=" WAG_DIR "/save "
			       WTOOLS "warden-loadpolicy -a"));
	expect_groups_policy(_metadata, self->text, head);
	free(head);
}

TEST_F(roundtrip, tomoyo_directory_reads_and_writes_the_same_groups)
{
	struct stat st;

	if (lstat(TOMOYO_DIR, &st) || !S_ISDIR(st.st_mode) ||
	    access(TOMOYO_DIR "/exception_policy", F_OK))
		SKIP(return, "no TOMOYO-compatible directory " TOMOYO_DIR);
	ASSERT_EQ(0, write_lines(TOMOYO_DIR, "exception_policy",
				 exception_text));
	/* A domain's lines go to the domain its first line selects. */
	ASSERT_EQ(0, write_file_once(TOMOYO_DIR "/domain_policy",
				     USING_DOMAINS));
	ASSERT_LT(0, read_whole_file(TOMOYO_DIR "/exception_policy",
				     self->text, TEXT_SIZE));
	EXPECT_STREQ(exception_text, self->text);
	ASSERT_LT(0, read_whole_file(WARDEN_DIR "/exception_policy",
				     self->text, TEXT_SIZE));
	EXPECT_STREQ(exception_text, self->text);
	ASSERT_LT(0, read_whole_file(TOMOYO_DIR "/domain_policy",
				     self->text, TEXT_SIZE));
	EXPECT_NE(NULL, strstr(self->text, "\n" USING_DOMAINS))
		TH_LOG("%s", self->text);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "--noop"))
		return 0;
	if (argc > 2 && !strcmp(argv[1], "--request"))
		return helper(argc, argv);
	return test_harness_run(argc, argv);
}
