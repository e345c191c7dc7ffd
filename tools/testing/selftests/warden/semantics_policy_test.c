// SPDX-License-Identifier: GPL-2.0
/*
 * Warden kselftest: TOMOYO 2.6's policy semantics, with TOMOYO as the
 * oracle.  The same program runs on Warden (lsm=warden, through its
 * TOMOYO-compatible directory) and on TOMOYO itself (lsm=tomoyo), writes
 * the same TOMOYO-format policy to /sys/kernel/security/tomoyo/ and
 * expects the same answer: numbers on the left of a condition, a
 * conditional "task manual_domain_transition", empty environment
 * strings, fcntl(F_SETFL) changing O_APPEND, several lines in one
 * write() and the memory of emptied groups (issue 17's points 1, 2 and
 * 5 to 8; "point N" below).
 *
 * It runs in boots of its own (scripts/vm/semantics.sh), whose loader
 * defines profiles 0-3 (disabled, learning, permissive, enforcing) and
 * makes this program a manager.  Each case confines a copy of busybox, or
 * of this program (which then runs one attempt and prints its result), in
 * a domain of its own under PROG_DIR.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "../kselftest_harness.h"
#include "enforce_common.h"

#define TOMOYO_DIR "/sys/kernel/security/tomoyo"
#define T_DOMAIN_POLICY TOMOYO_DIR "/domain_policy"
#define T_EXCEPTION_POLICY TOMOYO_DIR "/exception_policy"
#define T_SELF_DOMAIN TOMOYO_DIR "/self_domain"
#define T_STAT TOMOYO_DIR "/stat"
#define T_PROFILE TOMOYO_DIR "/profile"

#define SEM_DIR "/tmp/sem"
/* The confined programs, each its own domain by initialize_domain. */
#define PROG_DIR SEM_DIR "/p"
#define BUSYBOX "/bin/busybox"
/* What the point-1 cases read. */
#define READ_TARGET SEM_DIR "/f"
/* What the point-6 cases open for writing. */
#define APPEND_TARGET SEM_DIR "/a"
/* The program the point-5 cases execute, a copy of busybox. */
#define ENV_TARGET SEM_DIR "/envx"

#define MEMORY_POLICY "Memory used by policy:"
#define BIG 65536

/* Which LSM answers at TOMOYO_DIR in this boot. */
enum sem_lsm { SEM_NONE, SEM_WARDEN, SEM_TOMOYO };

static enum sem_lsm running_lsm(void)
{
	char list[512];

	if (read_whole_file(LSM_LIST_FILE, list, sizeof(list)) <= 0 ||
	    access(TOMOYO_DIR "/version", R_OK))
		return SEM_NONE;
	/* With both active, the directory is TOMOYO's own. */
	if (list_has_entry(list, "tomoyo"))
		return SEM_TOMOYO;
	if (list_has_entry(list, "warden"))
		return SEM_WARDEN;
	return SEM_NONE;
}

/*
 * Write the formatted text to the file @name of the TOMOYO directory in
 * one write().  Returns 0 or -errno.
 */
static int __printf(2, 3)
tomoyo_write(const char *name, const char *fmt, ...)
{
	char path[128], *text;
	va_list ap;
	int err;

	va_start(ap, fmt);
	err = vasprintf(&text, fmt, ap);
	va_end(ap);
	if (err < 0)
		return -ENOMEM;
	snprintf(path, sizeof(path), TOMOYO_DIR "/%s", name);
	err = write_file_once(path, text);
	free(text);
	return err;
}

/* The name of the domain a program of PROG_DIR runs in. */
static void case_domain(char *buf, size_t size, const char *name)
{
	snprintf(buf, size, "<kernel> " PROG_DIR "/%s", name);
}

/*
 * Skip unless a TOMOYO directory answers (false: the test returns); check
 * that the boot's loader defined the profiles the cases use; make the
 * directories.
 */
static bool sem_prepare(struct __test_metadata *_metadata)
{
	static char profile[BIG];

	if (running_lsm() == SEM_NONE)
		SKIP(return false, "neither Warden nor TOMOYO answers at " TOMOYO_DIR);
	ASSERT_LT(0, read_whole_file(T_PROFILE, profile, sizeof(profile)));
	ASSERT_NE(NULL, strstr(profile, "3-CONFIG={ mode=enforcing "))
		TH_LOG("no profile 3 from scripts/vm/semantics.sh's loader:\n%s",
		       profile);
	ASSERT_EQ(0, mkdir(SEM_DIR, 0755) && errno != EEXIST ? -errno : 0);
	ASSERT_EQ(0, mkdir(PROG_DIR, 0755) && errno != EEXIST ? -errno : 0);
	return true;
}

/*
 * Copy @program to PROG_DIR/@name, which then enters its own domain
 * whoever runs it.  Returns 0 or -errno.
 */
static int install_program(const char *program, const char *name)
{
	char path[256];
	int err;

	snprintf(path, sizeof(path), PROG_DIR "/%s", name);
	err = copy_file(program, path, 0755);
	if (err)
		return err;
	return tomoyo_write("exception_policy",
			    "initialize_domain %s from any\n", path);
}

/*
 * Define the domain of PROG_DIR/@name with @profile and the lines @acl,
 * in one write(), the domain line selecting it.  Returns 0 or -errno.
 */
static int define_domain(const char *name, int profile, const char *acl)
{
	char domain[256];

	case_domain(domain, sizeof(domain), name);
	return tomoyo_write("domain_policy", "%s\nuse_profile %d\n%s", domain,
			    profile, acl);
}

/* Add the one line @line (no newline) to the domain of PROG_DIR/@name. */
static int add_line(const char *name, const char *line)
{
	char domain[256];

	case_domain(domain, sizeof(domain), name);
	return tomoyo_write("domain_policy", "%s\n%s\n", domain, line);
}

/* Run PROG_DIR/@name with @argv; its exit status, output in @out. */
static int run_case(const char *name, char *const argv[],
		    int (*pre_exec)(void *arg), void *arg, char *out,
		    size_t size)
{
	char path[256];

	snprintf(path, sizeof(path), PROG_DIR "/%s", name);
	return run_program(path, argv, pre_exec, arg, out, size);
}

/*
 * Whether the domain of PROG_DIR/@name prints the line @line; if not,
 * what it prints is shown.
 */
static bool case_has_line(const char *name, const char *line)
{
	char domain[256], *block, *p, *next;

	case_domain(domain, sizeof(domain), name);
	if (domain_has_line_in(T_DOMAIN_POLICY, domain, line))
		return true;
	block = domain_policy_block_in(T_DOMAIN_POLICY, domain);
	printf("# no line \"%s\" in:\n", line);
	for (p = block; p && *p; p = next) {
		next = strchrnul(p, '\n');
		printf("#   %.*s\n", (int)(next - p), p);
		if (*next)
			next++;
	}
	free(block);
	return false;
}

/* The helper's side: one attempt, its result on standard output. */

/*
 * "--self-domain DOMAIN": write DOMAIN to self_domain, then read it back
 * through the same descriptor, opened before (the new domain need not
 * allow opening it).  Prints "W:<errno of the write>" and "D:<domain>".
 */
static int attempt_self_domain(const char *domain)
{
	char now[512];
	ssize_t len;
	int fd, err;

	fd = open(T_SELF_DOMAIN, O_RDWR);
	if (fd < 0) {
		dprintf(STDOUT_FILENO, "O:%d\n", errno);
		return 1;
	}
	err = write(fd, domain, strlen(domain)) < 0 ? errno : 0;
	len = pread(fd, now, sizeof(now) - 1, 0);
	if (len < 0) {
		dprintf(STDOUT_FILENO, "R:%d\n", errno);
		return 1;
	}
	now[len] = '\0';
	dprintf(STDOUT_FILENO, "W:%d\nD:%s\n", err, now);
	return 0;
}

/*
 * "--exec-env PROGRAM ENV": execute PROGRAM as "true" with the one
 * environment string ENV; prints "E:<errno>" if the exec fails.
 */
static int attempt_exec_env(const char *program, const char *env)
{
	char *const argv[] = { "true", NULL };
	char *const envp[] = { (char *)env, NULL };

	execve(program, argv, envp);
	dprintf(STDOUT_FILENO, "E:%d\n", errno);
	return 1;
}

/*
 * "--fcntl r|w|a set|clear PATH": open PATH O_RDONLY for "r", else
 * O_WRONLY, with O_APPEND for "a"; then set or clear O_APPEND with
 * F_SETFL.  Prints "O:<errno>" and "F:<errno>".
 */
static int attempt_fcntl(const char *open_mode, const char *change,
			 const char *path)
{
	int flags = !strcmp(open_mode, "r") ? O_RDONLY :
		    !strcmp(open_mode, "a") ? O_WRONLY | O_APPEND : O_WRONLY;
	int fd, err;

	fd = open(path, flags);
	if (fd < 0) {
		dprintf(STDOUT_FILENO, "O:%d\n", errno);
		return 1;
	}
	err = fcntl(fd, F_SETFL, !strcmp(change, "set") ? O_APPEND : 0);
	dprintf(STDOUT_FILENO, "O:0\nF:%d\n", err < 0 ? errno : 0);
	close(fd);
	return 0;
}

/*
 * Point 1: a number, a range or a number_group on the right may have a
 * number or a range on the left; the condition is then a constant, true
 * when the two ranges overlap (or, with a group, when a member overlaps).
 */
static const char *const left_number_lines[][2] = {
	/* as written, as printed */
	{ "file read " READ_TARGET "/0 0=0", "file read " READ_TARGET "/0 0=0" },
	{ "file read " READ_TARGET "/1 1!=0", "file read " READ_TARGET "/1 1!=0" },
	{ "file read " READ_TARGET "/2 100=1-1000",
	  "file read " READ_TARGET "/2 100=1-1000" },
	{ "file read " READ_TARGET "/3 123-456=789",
	  "file read " READ_TARGET "/3 123-456=789" },
	{ "file read " READ_TARGET "/4 1-2=@SEM_OVERLAP",
	  "file read " READ_TARGET "/4 1-2=@SEM_OVERLAP" },
	{ "file read " READ_TARGET "/5 0=0-1000",
	  "file read " READ_TARGET "/5 0=0-1000" },
	{ "file read " READ_TARGET "/6 0x10=16",
	  "file read " READ_TARGET "/6 0x10=16" },
	{ "file execute " READ_TARGET "/7 exec.argc=1-5 0=0",
	  "file execute " READ_TARGET "/7 exec.argc=1-5 0=0" },
	{ "file execute " READ_TARGET "/8 0x10=exec.argc",
	  "file execute " READ_TARGET "/8 0x10=exec.argc" },
	{ "file read " READ_TARGET "/9 0=task.uid",
	  "file read " READ_TARGET "/9 0=task.uid" },
	{ "file read " READ_TARGET "/10 0100000=file",
	  "file read " READ_TARGET "/10 0100000=file" },
};

/* The number groups the group conditions name. */
static const char number_groups[] =
	"number_group SEM_OVERLAP 2-10\n"
	"number_group SEM_APART 0\n"
	"number_group SEM_APART 3-10\n";

TEST(numbers_on_the_left_are_accepted_and_printed_back)
{
	size_t i;

	if (!sem_prepare(_metadata))
		return;
	ASSERT_EQ(0, tomoyo_write("exception_policy", "%s", number_groups));
	ASSERT_EQ(0, define_domain("cond-print", 0, ""));
	for (i = 0; i < ARRAY_SIZE(left_number_lines); i++) {
		EXPECT_EQ(0, add_line("cond-print", left_number_lines[i][0]))
			TH_LOG("%s", left_number_lines[i][0]);
		EXPECT_TRUE(case_has_line("cond-print", left_number_lines[i][1]))
			TH_LOG("not printed back: %s", left_number_lines[i][1]);
	}
}

/*
 * What TOMOYO refuses on the left: a number_group.  The write of a
 * refused line succeeds on TOMOYO and fails with EINVAL on Warden (see
 * several_lines_in_one_write_apply_each_on_its_own); either way the line
 * is not in the policy.
 */
TEST(a_number_group_on_the_left_is_refused)
{
	static const char line[] = "file read " READ_TARGET "/g @SEM_OVERLAP=1";
	int err;

	if (!sem_prepare(_metadata))
		return;
	ASSERT_EQ(0, tomoyo_write("exception_policy", "%s", number_groups));
	ASSERT_EQ(0, define_domain("cond-group-left", 0, ""));
	err = add_line("cond-group-left", line);
	EXPECT_EQ(running_lsm() == SEM_WARDEN ? -EINVAL : 0, err);
	EXPECT_FALSE(domain_has_line_in(T_DOMAIN_POLICY,
					"<kernel> " PROG_DIR "/cond-group-left",
					line));
	EXPECT_TRUE(case_has_line("cond-group-left", "use_profile 0"));
}

/* Whether @line is accepted into the domain of PROG_DIR/@name as is. */
static void expect_accepted(struct __test_metadata *_metadata,
			    const char *name, const char *line)
{
	ASSERT_EQ(0, define_domain(name, 0, ""));
	EXPECT_EQ(0, add_line(name, line)) TH_LOG("%s", line);
	EXPECT_TRUE(case_has_line(name, line)) TH_LOG("not printed back: %s", line);
}

/*
 * A number on the left of a mode-bit keyword (setuid, ...), which TOMOYO
 * accepts as it is; the condition never holds, as a mode bit only
 * compares with a permission attribute.
 */
TEST(a_number_left_of_a_mode_bit_keyword_is_accepted)
{
	if (!sem_prepare(_metadata))
		return;
	expect_accepted(_metadata, "cond-mode-right",
			"file read " READ_TARGET "/m2 0=setuid");
}

/*
 * A mode-bit keyword on the left: TOMOYO accepts it too.  This goes
 * beyond the numbers of issue 17's first point.
 */
TEST(a_mode_bit_keyword_on_the_left_is_accepted)
{
	if (!sem_prepare(_metadata))
		return;
	expect_accepted(_metadata, "cond-mode-left",
			"file read " READ_TARGET "/m1 setuid=path1.perm");
}

FIXTURE(constant_condition) {};

FIXTURE_VARIANT(constant_condition) {
	const char *name;
	const char *cond;
	bool granted;
};

/* clang-format off */
FIXTURE_VARIANT_ADD(constant_condition, zero_is_one) {
	/* clang-format on */
	.name = "cc-zero-is-one", .cond = "0=1", .granted = false,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(constant_condition, one_in_zero_to_five) {
	/* clang-format on */
	.name = "cc-one-in-range", .cond = "1=0-5", .granted = true,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(constant_condition, one_is_not_one) {
	/* clang-format on */
	.name = "cc-one-not-one", .cond = "1!=1", .granted = false,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(constant_condition, one_is_not_zero) {
	/* clang-format on */
	.name = "cc-one-not-zero", .cond = "1!=0", .granted = true,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(constant_condition, number_in_a_range) {
	/* clang-format on */
	.name = "cc-in-range", .cond = "100=1-1000", .granted = true,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(constant_condition, range_apart_from_a_number) {
	/* clang-format on */
	.name = "cc-range-apart", .cond = "123-456=789", .granted = false,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(constant_condition, hex_equals_decimal) {
	/* clang-format on */
	.name = "cc-hex", .cond = "0x10=16", .granted = true,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(constant_condition, range_overlapping_a_group_member) {
	/* clang-format on */
	.name = "cc-group-overlap", .cond = "1-2=@SEM_OVERLAP", .granted = true,
};

/* SEM_APART spans 0-10, but none of its members overlaps 1-2. */
/* clang-format off */
FIXTURE_VARIANT_ADD(constant_condition, range_between_group_members) {
	/* clang-format on */
	.name = "cc-group-apart", .cond = "1-2=@SEM_APART", .granted = false,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(constant_condition, range_not_in_a_group) {
	/* clang-format on */
	.name = "cc-group-not", .cond = "1-2!=@SEM_APART", .granted = true,
};

/*
 * A mode bit compares only with a permission attribute: against a
 * number, even its own value (setuid is 04000), the condition fails
 * whether it says = or !=.
 */
/* clang-format off */
FIXTURE_VARIANT_ADD(constant_condition, number_is_a_mode_bit) {
	/* clang-format on */
	.name = "cc-mode-equal", .cond = "2048=setuid", .granted = false,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(constant_condition, number_is_not_a_mode_bit) {
	/* clang-format on */
	.name = "cc-mode-not", .cond = "0!=setuid", .granted = false,
};

/* A number against an attribute: the tests run as root. */
/* clang-format off */
FIXTURE_VARIANT_ADD(constant_condition, zero_is_the_uid) {
	/* clang-format on */
	.name = "cc-uid", .cond = "0=task.uid", .granted = true,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(constant_condition, range_apart_from_the_uid) {
	/* clang-format on */
	.name = "cc-uid-apart", .cond = "1-5=task.uid", .granted = false,
};

/* A file type is its S_IFMT value: 0100000 for a regular file. */
/* clang-format off */
FIXTURE_VARIANT_ADD(constant_condition, octal_is_the_file_type) {
	/* clang-format on */
	.name = "cc-type", .cond = "0100000=path1.type", .granted = true,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(constant_condition, range_holding_the_file_type) {
	/* clang-format on */
	.name = "cc-type-range", .cond = "1-0100000=file", .granted = true,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(constant_condition, zero_is_not_a_file_type) {
	/* clang-format on */
	.name = "cc-type-zero", .cond = "0=file", .granted = false,
};

/*
 * A file type or mode bit on the left: a mode bit is tested against a
 * permission attribute and compared with a number on its right, and
 * never holds against anything else.
 */
/* clang-format off */
FIXTURE_VARIANT_ADD(constant_condition, mode_bit_is_a_number) {
	/* clang-format on */
	.name = "cc-bit-number", .cond = "setuid=2048", .granted = true,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(constant_condition, mode_bit_set_in_the_perm) {
	/* clang-format on */
	.name = "cc-bit-perm", .cond = "owner_read=path1.perm", .granted = true,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(constant_condition, mode_bit_clear_in_the_perm) {
	/* clang-format on */
	.name = "cc-bit-perm-clear", .cond = "setuid=path1.perm",
	.granted = false,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(constant_condition, mode_bit_against_the_uid) {
	/* clang-format on */
	.name = "cc-bit-uid", .cond = "setuid!=task.uid", .granted = false,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(constant_condition, uid_against_a_mode_bit) {
	/* clang-format on */
	.name = "cc-uid-bit", .cond = "task.uid!=setuid", .granted = false,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(constant_condition, file_type_keyword_on_the_left) {
	/* clang-format on */
	.name = "cc-type-left", .cond = "file=path1.type", .granted = true,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(constant_condition, two_file_types) {
	/* clang-format on */
	.name = "cc-two-types", .cond = "file!=directory", .granted = true,
};

FIXTURE_SETUP(constant_condition)
{
	if (!sem_prepare(_metadata))
		return;
	ASSERT_EQ(0, make_file(READ_TARGET, "sem\n", 0644));
	ASSERT_EQ(0, tomoyo_write("exception_policy", "%s", number_groups));
	ASSERT_EQ(0, install_program(BUSYBOX, variant->name));
}

FIXTURE_TEARDOWN(constant_condition)
{
}

/* "file read" with a constant condition grants exactly when it holds. */
TEST_F(constant_condition, grants_exactly_when_it_holds)
{
	char *const argv[] = { "cat", READ_TARGET, NULL };
	char acl[256], out[256];
	int status;

	snprintf(acl, sizeof(acl), "file read " READ_TARGET " %s\n",
		 variant->cond);
	EXPECT_EQ(0, define_domain(variant->name, 3, acl));
	acl[strlen(acl) - 1] = '\0';
	EXPECT_TRUE(case_has_line(variant->name, acl)) TH_LOG("%s", acl);
	status = run_case(variant->name, argv, NULL, NULL, out, sizeof(out));
	if (variant->granted) {
		EXPECT_EQ(0, status);
		EXPECT_STREQ("sem\n", out);
	} else {
		EXPECT_EQ(1, status);
		EXPECT_STREQ("", out);
	}
}

/*
 * Point 2: "task manual_domain_transition" with a condition, evaluated
 * for the task writing self_domain.  The entry is written by the child
 * that then becomes the helper, so that task.pid can name it.
 */
struct transition_case {
	const char *name;
	const char *target;
	bool own_pid;
};

static int add_transition_entry(void *arg)
{
	const struct transition_case *c = arg;
	char domain[256];

	case_domain(domain, sizeof(domain), c->name);
	return tomoyo_write("domain_policy",
			    "%s\ntask manual_domain_transition %s task.pid=%d\n",
			    domain, c->target,
			    c->own_pid ? getpid() : getppid());
}

/*
 * Confine a copy of this program for @c; its own domain is enforcing.
 * False when the test is skipped.
 */
static bool prepare_transition(struct __test_metadata *_metadata,
			       const struct transition_case *c)
{
	if (!sem_prepare(_metadata))
		return false;
	ASSERT_EQ(0, install_program("/proc/self/exe", c->name));
	ASSERT_EQ(0, define_domain(c->name, 3,
				   "file read securityfs:/tomoyo/self_domain\n"
				   "file write securityfs:/tomoyo/self_domain\n"));
	return true;
}

static int run_transition(const struct transition_case *c, char *out,
			  size_t size)
{
	char *const argv[] = { (char *)c->name, "--self-domain",
			       (char *)c->target, NULL };

	return run_case(c->name, argv, add_transition_entry, (void *)c, out,
			size);
}

TEST(manual_transition_granted_to_the_pid_of_its_condition)
{
	static const struct transition_case c = {
		.name = "mdt-own-pid",
		.target = "<kernel> //sem-mdt-own",
		.own_pid = true,
	};
	char out[1024];

	if (!prepare_transition(_metadata, &c))
		return;
	ASSERT_EQ(0, tomoyo_write("domain_policy", "%s\nuse_profile 0\n",
				  c.target));
	ASSERT_EQ(0, run_transition(&c, out, sizeof(out))) TH_LOG("%s", out);
	EXPECT_STREQ("W:0\nD:<kernel> //sem-mdt-own\n", out);
}

TEST(manual_transition_refused_to_another_pid)
{
	static const struct transition_case c = {
		.name = "mdt-other-pid",
		.target = "<kernel> //sem-mdt-other",
		.own_pid = false,
	};
	char out[1024], expect[256];

	if (!prepare_transition(_metadata, &c))
		return;
	ASSERT_EQ(0, tomoyo_write("domain_policy", "%s\nuse_profile 0\n",
				  c.target));
	ASSERT_EQ(0, run_transition(&c, out, sizeof(out))) TH_LOG("%s", out);
	snprintf(expect, sizeof(expect), "W:%d\nD:<kernel> " PROG_DIR "/%s\n",
		 EPERM, c.name);
	EXPECT_STREQ(expect, out);
}

/*
 * The entry decides in every mode: a domain in learning mode is refused
 * too, and nothing is learned.
 */
TEST(manual_transition_refused_to_another_pid_in_learning_mode)
{
	static const struct transition_case c = {
		.name = "mdt-other-pid-learning",
		.target = "<kernel> //sem-mdt-learning",
		.own_pid = false,
	};
	char out[1024], expect[256], domain[256];

	if (!prepare_transition(_metadata, &c))
		return;
	ASSERT_EQ(0, define_domain(c.name, 1, ""));
	ASSERT_EQ(0, tomoyo_write("domain_policy", "%s\nuse_profile 0\n",
				  c.target));
	ASSERT_EQ(0, run_transition(&c, out, sizeof(out))) TH_LOG("%s", out);
	snprintf(expect, sizeof(expect), "W:%d\nD:<kernel> " PROG_DIR "/%s\n",
		 EPERM, c.name);
	EXPECT_STREQ(expect, out);
	case_domain(domain, sizeof(domain), c.name);
	snprintf(expect, sizeof(expect), "task manual_domain_transition %s",
		 c.target);
	EXPECT_FALSE(domain_has_line_in(T_DOMAIN_POLICY, domain, expect));
}

/*
 * A target domain that does not exist yet is created by the transition,
 * with the profile of the domain it is entered from.
 */
TEST(manual_transition_creates_a_missing_target)
{
	static const struct transition_case c = {
		.name = "mdt-new-target",
		.target = "<kernel> //sem-mdt-new",
		.own_pid = true,
	};
	char out[1024], *block;

	if (!prepare_transition(_metadata, &c))
		return;
	block = domain_policy_block_in(T_DOMAIN_POLICY, c.target);
	EXPECT_EQ(NULL, block);
	free(block);
	ASSERT_EQ(0, run_transition(&c, out, sizeof(out))) TH_LOG("%s", out);
	EXPECT_STREQ("W:0\nD:<kernel> //sem-mdt-new\n", out);
	EXPECT_TRUE(domain_has_line_in(T_DOMAIN_POLICY, c.target,
				       "use_profile 3"));
}

/*
 * Point 5: an empty environment string is not checked against "misc
 * env"; a variable that no entry names is refused.  TOMOYO checks the
 * environment in the domain the exec enters.
 */
FIXTURE(empty_env) {};

FIXTURE_VARIANT(empty_env) {
	const char *name;
	const char *env;
	const char *env_acl;
	bool allowed;
};

/* clang-format off */
FIXTURE_VARIANT_ADD(empty_env, empty_string_is_not_checked) {
	/* clang-format on */
	.name = "env-empty", .env = "", .env_acl = "", .allowed = true,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(empty_env, unknown_variable_is_refused) {
	/* clang-format on */
	.name = "env-unknown", .env = "SEM_UNKNOWN=1", .env_acl = "",
	.allowed = false,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(empty_env, variable_with_an_entry_is_allowed) {
	/* clang-format on */
	.name = "env-known", .env = "SEM_KNOWN=1",
	.env_acl = "misc env SEM_KNOWN\n", .allowed = true,
};

/* A string with an empty name is not checked either. */
/* clang-format off */
FIXTURE_VARIANT_ADD(empty_env, empty_name_is_not_checked) {
	/* clang-format on */
	.name = "env-empty-name", .env = "=1", .env_acl = "", .allowed = true,
};

FIXTURE_SETUP(empty_env)
{
	char domain[256];

	if (!sem_prepare(_metadata))
		return;
	ASSERT_EQ(0, copy_file(BUSYBOX, ENV_TARGET, 0755));
	ASSERT_EQ(0, install_program("/proc/self/exe", variant->name));
	ASSERT_EQ(0, define_domain(variant->name, 3,
				   "file execute " ENV_TARGET "\n"));
	/* The domain the exec enters, enforcing too. */
	case_domain(domain, sizeof(domain), variant->name);
	ASSERT_EQ(0, tomoyo_write("domain_policy",
				  "%s " ENV_TARGET "\nuse_profile 3\n%s",
				  domain, variant->env_acl));
}

FIXTURE_TEARDOWN(empty_env)
{
}

TEST_F(empty_env, exec_decided_as_tomoyo_does)
{
	char *const argv[] = { (char *)variant->name, "--exec-env",
			       ENV_TARGET, (char *)variant->env, NULL };
	char out[256], expect[32];
	int status;

	status = run_case(variant->name, argv, NULL, NULL, out, sizeof(out));
	if (variant->allowed) {
		EXPECT_EQ(0, status);
		EXPECT_STREQ("", out);
	} else {
		snprintf(expect, sizeof(expect), "E:%d\n", EPERM);
		EXPECT_EQ(1, status);
		EXPECT_STREQ(expect, out);
	}
}

/*
 * Point 6: fcntl(F_SETFL) changing O_APPEND is decided as an open with
 * the new flags: setting it needs "file append", clearing it "file
 * write".
 */
FIXTURE(setfl_append) {};

FIXTURE_VARIANT(setfl_append) {
	const char *name;
	const char *acl;
	const char *open_mode;
	const char *change;
	int fcntl_errno;
};

/* clang-format off */
FIXTURE_VARIANT_ADD(setfl_append, setting_needs_append) {
	/* clang-format on */
	.name = "fcntl-set-write-only",
	.acl = "file write " APPEND_TARGET "\n",
	.open_mode = "w", .change = "set", .fcntl_errno = EPERM,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(setfl_append, setting_with_append) {
	/* clang-format on */
	.name = "fcntl-set-append",
	.acl = "file write " APPEND_TARGET "\nfile append " APPEND_TARGET "\n",
	.open_mode = "w", .change = "set", .fcntl_errno = 0,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(setfl_append, clearing_needs_write) {
	/* clang-format on */
	.name = "fcntl-clear-append-only",
	.acl = "file append " APPEND_TARGET "\n",
	.open_mode = "a", .change = "clear", .fcntl_errno = EPERM,
};

/* clang-format off */
FIXTURE_VARIANT_ADD(setfl_append, clearing_with_write) {
	/* clang-format on */
	.name = "fcntl-clear-write",
	.acl = "file append " APPEND_TARGET "\nfile write " APPEND_TARGET "\n",
	.open_mode = "a", .change = "clear", .fcntl_errno = 0,
};

/* TOMOYO decides it whatever the file was opened for. */
/* clang-format off */
FIXTURE_VARIANT_ADD(setfl_append, setting_on_a_read_only_file) {
	/* clang-format on */
	.name = "fcntl-set-read-only",
	.acl = "file read " APPEND_TARGET "\n",
	.open_mode = "r", .change = "set", .fcntl_errno = EPERM,
};

FIXTURE_SETUP(setfl_append)
{
	if (!sem_prepare(_metadata))
		return;
	ASSERT_EQ(0, make_file(APPEND_TARGET, "", 0666));
	ASSERT_EQ(0, install_program("/proc/self/exe", variant->name));
	ASSERT_EQ(0, define_domain(variant->name, 3, variant->acl));
}

FIXTURE_TEARDOWN(setfl_append)
{
}

TEST_F(setfl_append, decided_as_an_open_with_the_new_flags)
{
	char *const argv[] = { (char *)variant->name, "--fcntl",
			       (char *)variant->open_mode,
			       (char *)variant->change, APPEND_TARGET, NULL };
	char out[256], expect[32];

	ASSERT_EQ(0, run_case(variant->name, argv, NULL, NULL, out,
			      sizeof(out)))
		TH_LOG("%s", out);
	snprintf(expect, sizeof(expect), "O:0\nF:%d\n", variant->fcntl_errno);
	EXPECT_STREQ(expect, out);
}

/*
 * Point 7: one policy file with a bad line in the middle, loaded through
 * writers that split it differently, gives the same policy, with every
 * good line.  TOMOYO ignores the bad line and every write() succeeds.
 * Warden deliberately differs there: the write() that completes a
 * refused line fails with EINVAL, after every line in it was processed
 * (and the partial line it ends with kept), so a writer learns of the
 * error but what is loaded does not depend on the split.
 */
#define GOOD_LINES 20
#define BAD_LINE "file raed " SEM_DIR "/x/bad\n"

/* The file: GOOD_LINES reads, the bad line after half of them. */
static char *policy_file_text(const char *domain)
{
	char *text = malloc(8192);
	size_t len;
	int i;

	if (!text)
		return NULL;
	len = snprintf(text, 8192, "%s\nuse_profile 0\n", domain);
	for (i = 1; i <= GOOD_LINES; i++) {
		if (i == GOOD_LINES / 2 + 1)
			len += snprintf(text + len, 8192 - len, BAD_LINE);
		len += snprintf(text + len, 8192 - len,
				"file read " SEM_DIR "/x/%d\n", i);
	}
	return text;
}

/*
 * Write @text to domain_policy through one descriptor: one write() per
 * line when @chunk is 0, else writes of @chunk bytes.  Every piece is
 * written even after a failed one, as each line stands on its own.
 * Returns the number of failed writes (-1 if the file could not be
 * opened or closed); @err is the errno of the last failure.
 */
static int write_pieces(const char *text, size_t chunk, int *err)
{
	size_t len = strlen(text), done = 0, n;
	int fd, failed = 0;

	*err = 0;
	fd = open(T_DOMAIN_POLICY, O_WRONLY);
	if (fd < 0)
		return -1;
	while (done < len) {
		n = chunk ? chunk : strcspn(text + done, "\n") + 1;
		if (n > len - done)
			n = len - done;
		if (write(fd, text + done, n) != (ssize_t)n) {
			*err = errno;
			failed++;
		}
		done += n;
	}
	if (close(fd))
		return -1;
	return failed;
}

/* The domain's lines after its name, or NULL. */
static char *acl_lines(const char *domain)
{
	char *block = domain_policy_block_in(T_DOMAIN_POLICY, domain), *rest;

	if (!block)
		return NULL;
	rest = strdup(strchr(block, '\n') ?: "");
	free(block);
	return rest;
}

TEST(several_lines_in_one_write_apply_each_on_its_own)
{
	/* 0: one write() per line; 1: bytes; 4096: the whole file. */
	static const size_t chunks[] = { 0, 4096, 1, 7, 13, 64 };
	char domain[64], line[64], *text, *first = NULL, *lines;
	int failed, err, i;
	size_t c;

	if (!sem_prepare(_metadata))
		return;
	for (c = 0; c < ARRAY_SIZE(chunks); c++) {
		snprintf(domain, sizeof(domain), "<kernel> " PROG_DIR "/w-%zu",
			 chunks[c]);
		text = policy_file_text(domain);
		ASSERT_NE(NULL, text);
		failed = write_pieces(text, chunks[c], &err);
		free(text);
		if (running_lsm() == SEM_WARDEN) {
			EXPECT_EQ(1, failed) TH_LOG("chunk %zu", chunks[c]);
			EXPECT_EQ(EINVAL, err) TH_LOG("chunk %zu", chunks[c]);
		} else {
			EXPECT_EQ(0, failed) TH_LOG("chunk %zu", chunks[c]);
		}
		for (i = 1; i <= GOOD_LINES; i++) {
			snprintf(line, sizeof(line), "file read " SEM_DIR "/x/%d",
				 i);
			EXPECT_TRUE(domain_has_line_in(T_DOMAIN_POLICY, domain,
						       line))
				TH_LOG("chunk %zu: no %s", chunks[c], line);
		}
		lines = acl_lines(domain);
		ASSERT_NE(NULL, lines);
		EXPECT_EQ(NULL, strstr(lines, "bad"));
		if (!first) {
			first = lines;
			continue;
		}
		EXPECT_STREQ(first, lines) TH_LOG("chunk %zu", chunks[c]);
		free(lines);
	}
	free(first);
}

/*
 * Write @text to domain_policy through stdio, line-buffered (one fputs()
 * per line, flushed at each newline) or fully buffered (one fwrite(),
 * flushed at fclose()).  Returns whether stdio saw an error.
 */
static bool write_stdio(const char *text, int mode)
{
	const char *line = text, *end;
	bool error;
	FILE *f;

	f = fopen(T_DOMAIN_POLICY, "w");
	if (!f)
		return true;
	setvbuf(f, NULL, mode, BUFSIZ);
	if (mode == _IOFBF) {
		fwrite(text, 1, strlen(text), f);
	} else {
		for (; *line; line = end) {
			end = strchrnul(line, '\n');
			if (*end)
				end++;
			fwrite(line, 1, end - line, f);
		}
	}
	error = ferror(f);
	return fclose(f) || error;
}

/*
 * The same file through a line-buffered and a fully buffered stdio
 * writer loads the same lines: every good one.  Warden's stdio sees the
 * refused line's EINVAL; TOMOYO's write()s all succeed.
 */
TEST(line_and_fully_buffered_writers_load_the_same_policy)
{
	static const int modes[] = { _IOLBF, _IOFBF };
	char domain[64], line[64], *text, *lines[2] = { NULL, NULL };
	size_t m;
	bool error;
	int i;

	if (!sem_prepare(_metadata))
		return;
	for (m = 0; m < ARRAY_SIZE(modes); m++) {
		snprintf(domain, sizeof(domain), "<kernel> " PROG_DIR "/stdio-%s",
			 modes[m] == _IOLBF ? "line" : "full");
		text = policy_file_text(domain);
		ASSERT_NE(NULL, text);
		error = write_stdio(text, modes[m]);
		free(text);
		EXPECT_EQ(running_lsm() == SEM_WARDEN, error)
			TH_LOG("%s", domain);
		for (i = 1; i <= GOOD_LINES; i++) {
			snprintf(line, sizeof(line), "file read " SEM_DIR "/x/%d",
				 i);
			EXPECT_TRUE(domain_has_line_in(T_DOMAIN_POLICY, domain,
						       line))
				TH_LOG("%s: no %s", domain, line);
		}
		lines[m] = acl_lines(domain);
		ASSERT_NE(NULL, lines[m]);
	}
	EXPECT_STREQ(lines[0], lines[1]);
	free(lines[0]);
	free(lines[1]);
}

/*
 * Point 8: adding an entry and deleting it returns "Memory used by
 * policy" to where it was, once freed.  TOMOYO frees deleted entries in
 * its garbage collector, which closing a file opened for writing starts.
 */
static long policy_memory(void)
{
	return stat_counter_in(T_STAT, MEMORY_POLICY);
}

static void start_collector(void)
{
	int fd = open(T_EXCEPTION_POLICY, O_WRONLY);

	if (fd >= 0)
		close(fd);
}

/* The figure once two readings 200 ms apart agree (up to 5 s). */
static long settled_policy_memory(void)
{
	long before = -1, now;
	int i;

	for (i = 0; i < 25; i++) {
		start_collector();
		usleep(200000);
		now = policy_memory();
		if (now == before)
			break;
		before = now;
	}
	return now;
}

/* Whether the figure comes back to @start within 5 s. */
static bool policy_memory_returns_to(long start)
{
	int i;

	for (i = 0; i < 50; i++) {
		if (policy_memory() == start)
			return true;
		start_collector();
		usleep(100000);
	}
	return false;
}

static void add_and_delete(struct __test_metadata *_metadata,
			   const char *line)
{
	static char policy[BIG];
	long start, added;

	if (!sem_prepare(_metadata))
		return;
	start = settled_policy_memory();
	ASSERT_LT(0, start);
	ASSERT_EQ(0, tomoyo_write("exception_policy", "%s\n", line));
	ASSERT_LT(0, read_whole_file(T_EXCEPTION_POLICY, policy,
				     sizeof(policy)));
	EXPECT_NE(NULL, strstr(policy, line));
	added = policy_memory();
	EXPECT_LT(start, added) TH_LOG("%s", line);
	ASSERT_EQ(0, tomoyo_write("exception_policy", "delete %s\n", line));
	ASSERT_LT(0, read_whole_file(T_EXCEPTION_POLICY, policy,
				     sizeof(policy)));
	EXPECT_EQ(NULL, strstr(policy, line));
	EXPECT_TRUE(policy_memory_returns_to(start))
		TH_LOG("%s: %ld at the start, %ld added, %ld after the delete",
		       line, start, added, policy_memory());
}

TEST(acl_group_entry_added_and_deleted_frees_its_memory)
{
	add_and_delete(_metadata, "acl_group 5 file read " SEM_DIR "/g-acl");
}

TEST(path_group_entry_added_and_deleted_frees_its_memory)
{
	add_and_delete(_metadata, "path_group SEM_G " SEM_DIR "/g-path");
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "--self-domain"))
		return attempt_self_domain(argv[2]);
	if (argc == 4 && !strcmp(argv[1], "--exec-env"))
		return attempt_exec_env(argv[2], argv[3]);
	if (argc == 5 && !strcmp(argv[1], "--fcntl"))
		return attempt_fcntl(argv[2], argv[3], argv[4]);
	return test_harness_run(argc, argv);
}
