// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - a domain's modes follow every change of policy.
 *
 * A hook reads the mode of its operation from the caller's domain, where
 * the modes of the domain's profile are kept between hooks.  A task that
 * stays in its domain must see each change at once: the domain moved to
 * another profile, the profile rewritten, the whole policy reloaded.  Each
 * case starts with the operation disabled, so that what the domain kept
 * says "disabled" when the policy starts to enforce.
 */

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../kselftest_harness.h"
#include "enforce_common.h"

#define MC_DOMAIN "<kernel> /warden-mode-cache"
#define MC_FILE "/tmp/warden-mode-cache"
#define PROFILE_FILE WARDEN_DIR "/profile"

FIXTURE(mode_cache) {
	pid_t child;
	int ask;
	int answer;
};

/*
 * The child moves itself into MC_DOMAIN and stays there: for every byte
 * read from @ask it opens MC_FILE and answers with the errno, 0 if the
 * open succeeded.
 */
static void serve(int ask, int answer)
{
	char c;
	int err;

	if (write_file_once(WARDEN_DIR "/self_domain", MC_DOMAIN))
		_exit(2);
	while (read(ask, &c, 1) == 1) {
		int fd = open(MC_FILE, O_RDONLY);

		err = fd < 0 ? errno : 0;
		if (fd >= 0)
			close(fd);
		if (write(answer, &err, sizeof(err)) != sizeof(err))
			_exit(3);
	}
	_exit(0);
}

/* The policy: the test's own domain may move to MC_DOMAIN. */
static int load_mc_policy(int profile, bool entry)
{
	char self[DOMAIN_NAME_MAX], domains[2 * DOMAIN_NAME_MAX];
	int err = read_current_domain(self, sizeof(self));

	if (err)
		return err;
	snprintf(domains, sizeof(domains),
		 "%s\ntask manual_domain_transition " MC_DOMAIN "\n\n"
		 MC_DOMAIN "\nuse_profile %d\n%s\n", self, profile,
		 entry ? "file read " MC_FILE "\n" : "");
	return load_test_policy(NULL, NULL, domains);
}

FIXTURE_SETUP(mode_cache)
{
	int ask[2], answer[2];

	if (!warden_is_enabled())
		SKIP(return, "Warden is not enabled");
	ASSERT_EQ(0, write_text(MC_FILE, "x\n", 0644));
	ASSERT_EQ(0, load_mc_policy(0, false));
	ASSERT_EQ(0, pipe(ask));
	ASSERT_EQ(0, pipe(answer));
	self->child = fork();
	ASSERT_LE(0, self->child);
	if (!self->child) {
		close(ask[1]);
		close(answer[0]);
		serve(ask[0], answer[1]);
	}
	close(ask[0]);
	close(answer[1]);
	self->ask = ask[1];
	self->answer = answer[0];
}

FIXTURE_TEARDOWN(mode_cache)
{
	int status;

	if (!warden_is_enabled())
		return;
	close(self->ask);
	close(self->answer);
	waitpid(self->child, &status, 0);
	load_neutral_policy();
	unlink(MC_FILE);
}

/* What the child's open of MC_FILE returns now: 0 or an errno. */
static int child_open(struct _test_data_mode_cache *self)
{
	int err = -1;

	if (write(self->ask, "o", 1) != 1 ||
	    read(self->answer, &err, sizeof(err)) != sizeof(err))
		return -1;
	return err;
}

TEST_F(mode_cache, domain_moved_to_another_profile_takes_effect_at_once)
{
	ASSERT_EQ(0, child_open(self));
	ASSERT_EQ(0, write_file_once(DOMAIN_POLICY_FILE,
				     MC_DOMAIN "\nuse_profile 3\n"));
	EXPECT_EQ(EPERM, child_open(self));
	ASSERT_EQ(0, write_file_once(DOMAIN_POLICY_FILE,
				     MC_DOMAIN "\nuse_profile 0\n"));
	EXPECT_EQ(0, child_open(self));
	ASSERT_EQ(0, write_file_once(DOMAIN_POLICY_FILE,
				     MC_DOMAIN "\nuse_profile 3\n"));
	EXPECT_EQ(EPERM, child_open(self));
}

TEST_F(mode_cache, profile_rewritten_takes_effect_at_once)
{
	ASSERT_EQ(0, write_file_once(PROFILE_FILE,
				     "3-CONFIG={ mode=disabled grant_log=no reject_log=no }\n"));
	ASSERT_EQ(0, write_file_once(DOMAIN_POLICY_FILE,
				     MC_DOMAIN "\nuse_profile 3\n"));
	ASSERT_EQ(0, child_open(self));
	ASSERT_EQ(0, write_file_once(PROFILE_FILE,
				     "3-CONFIG::file::open={ mode=enforcing }\n"));
	EXPECT_EQ(EPERM, child_open(self));
	ASSERT_EQ(0, write_file_once(PROFILE_FILE,
				     "3-CONFIG::file::open={ mode=disabled }\n"));
	EXPECT_EQ(0, child_open(self));
	ASSERT_EQ(0, write_file_once(PROFILE_FILE,
				     "3-CONFIG::file::open={ mode=enforcing }\n"));
	EXPECT_EQ(EPERM, child_open(self));
}

TEST_F(mode_cache, policy_reloaded_takes_effect_at_once)
{
	ASSERT_EQ(0, child_open(self));
	ASSERT_EQ(0, load_mc_policy(3, false));
	EXPECT_EQ(EPERM, child_open(self));
	ASSERT_EQ(0, load_mc_policy(0, false));
	EXPECT_EQ(0, child_open(self));
	ASSERT_EQ(0, load_mc_policy(3, false));
	EXPECT_EQ(EPERM, child_open(self));
	ASSERT_EQ(0, load_mc_policy(3, true));
	EXPECT_EQ(0, child_open(self));
}

TEST_F(mode_cache, entry_added_and_deleted_takes_effect_at_once)
{
	ASSERT_EQ(0, write_file_once(DOMAIN_POLICY_FILE,
				     MC_DOMAIN "\nuse_profile 3\n"));
	ASSERT_EQ(EPERM, child_open(self));
	ASSERT_EQ(0, write_file_once(DOMAIN_POLICY_FILE,
				     MC_DOMAIN "\nfile read " MC_FILE "\n"));
	EXPECT_EQ(0, child_open(self));
	ASSERT_EQ(0, write_file_once(DOMAIN_POLICY_FILE,
				     MC_DOMAIN "\ndelete file read " MC_FILE "\n"));
	EXPECT_EQ(EPERM, child_open(self));
}

TEST_HARNESS_MAIN
