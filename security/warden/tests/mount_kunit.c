// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - KUnit tests of mount requests: the word mount(2)'s flags
 * name a request by, the propagation flags that are an error before any
 * policy, and the device word, which entries compare only where it names
 * a file.
 */

#include "../common.h"
#include <kunit/test.h>
#include <linux/bits.h>
#include <linux/errno.h>
#include <linux/rcupdate.h>
#include <linux/string.h>
#include <uapi/linux/mount.h>

#include "../acl.h"
#include "../mount.h"
#include "kunit_util.h"

struct warden_mount_flags_case {
	const char *desc;
	unsigned long flags;
	int err;
	const char *word;	/* NULL: a new filesystem, named by its type */
	bool device_is_file;
	unsigned long left;	/* the flags the entry is compared with */
};

static const struct warden_mount_flags_case warden_mount_flags_cases[] = {
	{ "new filesystem", MS_NOSUID | MS_RDONLY, 0, NULL, false,
	  MS_NOSUID | MS_RDONLY },
	{ "remount", MS_REMOUNT | MS_RDONLY, 0, "--remount", false, MS_RDONLY },
	{ "remount before bind", MS_REMOUNT | MS_BIND, 0, "--remount", false,
	  MS_BIND },
	{ "bind", MS_BIND | MS_REC, 0, "--bind", true, MS_REC },
	{ "move", MS_MOVE, 0, "--move", true, 0 },
	{ "make-shared", MS_SHARED, 0, "--make-shared", false, 0 },
	{ "make-private, recursive", MS_PRIVATE | MS_REC, 0, "--make-private",
	  false, MS_REC },
	{ "make-slave", MS_SLAVE, 0, "--make-slave", false, 0 },
	{ "make-unbindable", MS_UNBINDABLE, 0, "--make-unbindable", false, 0 },
	{ "shared and private", MS_SHARED | MS_PRIVATE, -EINVAL },
	{ "shared and slave", MS_SHARED | MS_SLAVE, -EINVAL },
	{ "shared and unbindable", MS_SHARED | MS_UNBINDABLE, -EINVAL },
	{ "private and slave", MS_PRIVATE | MS_SLAVE, -EINVAL },
	{ "private and unbindable", MS_PRIVATE | MS_UNBINDABLE, -EINVAL },
	{ "slave and unbindable", MS_SLAVE | MS_UNBINDABLE, -EINVAL },
	/* What the request does first is what the policy decides. */
	{ "remount with two propagation flags",
	  MS_REMOUNT | MS_SHARED | MS_PRIVATE, 0, "--remount", false,
	  MS_SHARED | MS_PRIVATE },
	{ "bind with two propagation flags", MS_BIND | MS_SHARED | MS_SLAVE, 0,
	  "--bind", true, MS_SHARED | MS_SLAVE },
	{ "propagation flag and move", MS_PRIVATE | MS_MOVE, 0,
	  "--make-private", false, MS_MOVE },
};

static void warden_mount_flags_desc(const struct warden_mount_flags_case *c,
				    char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(warden_mount_flags, warden_mount_flags_cases,
		  warden_mount_flags_desc);

static void test_flags_name_the_request_or_are_an_error(struct kunit *test)
{
	const struct warden_mount_flags_case *c = test->param_value;
	unsigned long flags = c->flags;
	bool device_is_file = true;
	const char *word = "unset";

	KUNIT_ASSERT_EQ(test, warden_mount_special(&flags, &word,
						   &device_is_file), c->err);
	if (c->err)
		return;
	if (c->word)
		KUNIT_EXPECT_STREQ(test, word, c->word);
	else
		KUNIT_EXPECT_NULL(test, word);
	KUNIT_EXPECT_EQ(test, device_is_file, c->device_is_file);
	KUNIT_EXPECT_EQ(test, flags, c->left);
}

struct warden_mount_match_case {
	const char *desc;
	const char *word[3];
	unsigned long flags;
	bool device_compared;
	bool allowed;
};

/*
 * The entries of test_device_word_compared_only_where_it_names_a_file():
 * devices that are words, a device pattern and a mount point pattern.
 */
static const char *const warden_mount_lines[] = {
	"mount something /tmp/m/ tmpfs 0",
	"mount something /tmp/m/ --remount 0",
	"mount /srv/\\*/ /tmp/m/ --bind 0",
	"mount /srv/a/ /mnt/\\*/y/ --bind 0",
	"mount /dev/sda1 /tmp/m/ ext4 0",
};

static const struct warden_mount_match_case warden_mount_match_cases[] = {
	{ "nodev type, another device", { "other", "/tmp/m/", "tmpfs" }, 0,
	  false, true },
	{ "nodev type, no device", { "<NULL>", "/tmp/m/", "tmpfs" }, 0, false,
	  true },
	{ "nodev type, another mount point", { "something", "/tmp/n/", "tmpfs" },
	  0, false, false },
	{ "nodev type, other flags", { "other", "/tmp/m/", "tmpfs" },
	  MS_NOSUID, false, false },
	{ "another type", { "something", "/tmp/m/", "ramfs" }, 0, false,
	  false },
	{ "remount, another device", { "x", "/tmp/m/", "--remount" }, 0, false,
	  true },
	{ "bind, the device the pattern names", { "/srv/b/", "/tmp/m/",
	  "--bind" }, 0, true, true },
	{ "bind, another device", { "/etc/", "/tmp/m/", "--bind" }, 0, true,
	  false },
	{ "bind, mount point pattern", { "/srv/a/", "/mnt/x/y/", "--bind" }, 0,
	  true, true },
	{ "bind, mount point pattern, another device", { "/srv/b/",
	  "/mnt/x/y/", "--bind" }, 0, true, false },
	{ "block device, the entry's", { "/dev/sda1", "/tmp/m/", "ext4" }, 0,
	  true, true },
	{ "block device, another", { "/dev/sdb1", "/tmp/m/", "ext4" }, 0, true,
	  false },
};

static void warden_mount_match_desc(const struct warden_mount_match_case *c,
				    char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(warden_mount_match, warden_mount_match_cases,
		  warden_mount_match_desc);

static void test_device_word_compared_only_where_it_names_a_file(struct kunit *test)
{
	const struct warden_mount_match_case *c = test->param_value;
	struct warden_request req = {
		.kind = WARDEN_ACL_MOUNT,
		.word = { c->word[0], c->word[1], c->word[2] },
		.number = { c->flags },
		.uncompared = c->device_compared ? 0 : BIT(0),
	};
	struct warden_acl_set *set;
	char learned[256], want[256];
	size_t i;

	set = kunit_kzalloc(test, sizeof(*set), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, set);
	KUNIT_ASSERT_EQ(test, warden_acl_set_init(set), 0);
	for (i = 0; i < ARRAY_SIZE(warden_mount_lines); i++)
		KUNIT_ASSERT_EQ(test, warden_test_acl_line(set, NULL,
							   warden_mount_lines[i],
							   false), 0);
	rcu_read_lock();
	KUNIT_EXPECT_EQ(test, warden_acl_allows(set, &req), c->allowed);
	rcu_read_unlock();
	/* Learning writes the device word as the request gave it. */
	KUNIT_ASSERT_EQ(test, warden_acl_format(learned, sizeof(learned), &req),
			0);
	snprintf(want, sizeof(want), "mount %s %s %s 0x%lX", c->word[0],
		 c->word[1], c->word[2], c->flags);
	KUNIT_EXPECT_STREQ(test, learned, want);
	warden_acl_set_destroy(set);
}

static struct kunit_case warden_mount_test_cases[] = {
	KUNIT_CASE_PARAM(test_flags_name_the_request_or_are_an_error,
			 warden_mount_flags_gen_params),
	KUNIT_CASE_PARAM(test_device_word_compared_only_where_it_names_a_file,
			 warden_mount_match_gen_params),
	{}
};

static struct kunit_suite warden_mount_test_suite = {
	.name = "warden_mount",
	.test_cases = warden_mount_test_cases,
};

kunit_test_suite(warden_mount_test_suite);
