// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - nothing is enforced before the policy is activated.
 *
 * Until the first write to the profile (or policy) file, every exec from
 * <kernel> stays in <kernel> and nothing is checked, even with domain and
 * exception policy already written; the first profile line activates it,
 * and from then on the same exec lands in its own domain and is confined.
 * This can only be seen on a boot where nothing has loaded a policy yet,
 * so this program is named to run first of Warden's, and skips otherwise.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/lsm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "../kselftest_harness.h"
#include "enforce_common.h"

#define HELPER "/tmp/warden-activation"
#define HELPER_DOMAIN "<kernel> " HELPER
#define DATA "/tmp/warden-activation-data"

/*
 * The helper prints its domain, from lsm_get_self_attr() so that it opens
 * no file, and the errno of opening DATA.
 */
static int helper(void)
{
	union {
		struct lsm_ctx ctx;
		char bytes[4096];
	} u;
	__u32 size = sizeof(u);
	char line[4200];
	int fd, err, len;

	u.ctx.id = LSM_ID_WARDEN;
	if (syscall(__NR_lsm_get_self_attr, LSM_ATTR_CURRENT, &u.ctx, &size,
		    LSM_FLAG_SINGLE) != 1 || !u.ctx.ctx_len)
		u.ctx.ctx[0] = '\0';
	else
		u.ctx.ctx[u.ctx.ctx_len - 1] = '\0';
	fd = open(DATA, O_RDONLY);
	err = fd < 0 ? errno : 0;
	len = snprintf(line, sizeof(line), "%s\n%d\n", (char *)u.ctx.ctx, err);
	return write(STDOUT_FILENO, line, len) == len ? 0 : 1;
}

FIXTURE(activation) {};

FIXTURE_SETUP(activation)
{
	char self_domain[DOMAIN_NAME_MAX];

	if (!warden_is_enabled())
		SKIP(return, "warden is not in " LSM_LIST_FILE);
	if (stat_counter("Policy update:") != 0)
		SKIP(return, "a policy was loaded earlier on this boot");
	ASSERT_EQ(0, read_current_domain(self_domain, sizeof(self_domain)));
	ASSERT_STREQ("<kernel>", self_domain);
	ASSERT_EQ(0, copy_file("/proc/self/exe", HELPER, 0755));
	ASSERT_EQ(0, make_file(DATA, "data\n", 0644));
}

FIXTURE_TEARDOWN(activation)
{
	if (!warden_is_enabled())
		return;
	EXPECT_EQ(0, load_neutral_policy());
	unlink(HELPER);
	unlink(DATA);
}

TEST_F(activation, first_profile_write_starts_transitions_and_checks)
{
	static char *const argv[] = { "warden-activation", "--helper", NULL };
	char out[4200], want[256];

	/* Policy, but no profile yet: still nothing happens. */
	ASSERT_EQ(0, write_file_once(WARDEN_DIR "/exception_policy",
				     "initialize_domain " HELPER " from any\n"));
	ASSERT_EQ(0, write_file_once(DOMAIN_POLICY_FILE,
				     HELPER_DOMAIN "\nuse_profile 3\n"));
	ASSERT_EQ(0, run_program(HELPER, argv, NULL, NULL, out, sizeof(out)));
	EXPECT_STREQ("<kernel>\n0\n", out);

	/* The first profile line activates the policy. */
	ASSERT_EQ(0, write_file_once(WARDEN_DIR "/profile",
				     "PROFILE_VERSION=20150505\n"
				     "0-CONFIG={ mode=disabled }\n"
				     "3-CONFIG={ mode=enforcing }\n"));
	ASSERT_EQ(0, run_program(HELPER, argv, NULL, NULL, out, sizeof(out)));
	snprintf(want, sizeof(want), HELPER_DOMAIN "\n%d\n", EPERM);
	EXPECT_STREQ(want, out);
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "--helper"))
		return helper();
	return test_harness_run(argc, argv);
}
