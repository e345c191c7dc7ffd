// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - KUnit tests of groups and ACL groups: references made
 * before a group is filled, printing, refused lines, and a domain's use
 * of ACL groups by pointer.
 */

#include "../common.h"

#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/ktime.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../acl.h"
#include "../acl_group.h"
#include "../exception.h"
#include "../group.h"
#include "../netacl.h"
#include "../policy.h"
#include "../stat.h"
#include "../value.h"
#include "kunit_util.h"

static void test_value_parse_and_print(struct kunit *test)
{
	static const struct {
		const char *text;
		const char *printed;	/* NULL: refused */
	} numbers[] = {
		{ "0", "0" }, { "00", "00" }, { "0644", "0644" },
		{ "0x5401-0x54ff", "0x5401-0x54FF" }, { "5-5", "5" },
		{ "8-010", "8-010" }, { "0000000000000000000000000001", "01" },
		{ "18446744073709551615", "18446744073709551615" },
		{ "18446744073709551616", NULL }, { "08", NULL }, { "0x", NULL },
		{ "2-1", NULL }, { "1-2-3", NULL }, { "-1", NULL }, { "1-", NULL },
		{ "+1", NULL }, { "", NULL },
	};
	static const struct {
		const char *text;
		const char *printed;
	} addresses[] = {
		{ "127.0.0.1", "127.0.0.1" },
		{ "127.0.0.1-127.0.0.1", "127.0.0.1" },
		{ "10.0.0.0-10.255.255.255", "10.0.0.0-10.255.255.255" },
		{ "2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1" },
		{ "fe80::-fe80::ffff", "fe80::-fe80::ffff" },
		{ "127.0.0.2-127.0.0.1", NULL }, { "127.0.0", NULL },
		{ "127.0.0.1-::1", NULL }, { "::g", NULL }, { "1.2.3.4-", NULL },
	};
	static const u8 inside[4] = { 10, 0, 0, 7 };
	static const u8 outside[4] = { 10, 0, 1, 0 };
	static const u8 inside6[16] = { 10, 0, 0, 7 };
	struct warden_address_range range;
	struct warden_number number;
	char buf[WARDEN_ADDRESS_TEXT_MAX];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(numbers); i++) {
		int err = warden_number_parse(numbers[i].text, &number);

		KUNIT_EXPECT_EQ_MSG(test, err, numbers[i].printed ? 0 : -EINVAL,
				    "%s", numbers[i].text);
		if (err || !numbers[i].printed)
			continue;
		warden_number_print(buf, sizeof(buf), &number);
		KUNIT_EXPECT_STREQ(test, buf, numbers[i].printed);
	}
	for (i = 0; i < ARRAY_SIZE(addresses); i++) {
		int err = warden_address_range_parse(addresses[i].text, &range);

		KUNIT_EXPECT_EQ_MSG(test, err, addresses[i].printed ? 0 : -EINVAL,
				    "%s", addresses[i].text);
		if (err || !addresses[i].printed)
			continue;
		warden_address_range_print(buf, sizeof(buf), &range);
		KUNIT_EXPECT_STREQ(test, buf, addresses[i].printed);
	}
	KUNIT_ASSERT_EQ(test, warden_address_range_parse("10.0.0.0-10.0.0.255",
							 &range), 0);
	KUNIT_EXPECT_TRUE(test, warden_address_range_covers(&range, false,
							    inside));
	KUNIT_EXPECT_FALSE(test, warden_address_range_covers(&range, false,
							     outside));
	/* An IPv6 address is not in an IPv4 range, whatever its bytes. */
	KUNIT_EXPECT_FALSE(test, warden_address_range_covers(&range, true,
							     inside6));
}

/* A group is created empty by its first reference and filled later. */
static void test_group_referenced_before_it_is_filled(struct kunit *test)
{
	struct warden_exception_policy e;
	struct warden_acl_set *set = kunit_kzalloc(test, sizeof(*set),
						   GFP_KERNEL);
	struct warden_request req = {
		.kind = WARDEN_ACL_PATH, .op = WARDEN_PATH_READ,
		.word = { "/var/www/index.html" },
	};
	const struct warden_group *group;

	KUNIT_ASSERT_NOT_NULL(test, set);
	KUNIT_ASSERT_EQ(test, warden_acl_set_init(set), 0);
	warden_exception_init(&e);
	KUNIT_ASSERT_EQ(test, warden_test_exception_line(&e, "path_group A /a"), 0);
	KUNIT_ASSERT_EQ(test, warden_test_acl_line(set, &e, "read @WEB", false),
			0);
	rcu_read_lock();
	group = warden_group_find(&e.groups, WARDEN_GROUP_PATH, "WEB");
	rcu_read_unlock();
	KUNIT_ASSERT_NOT_NULL(test, group);
	KUNIT_EXPECT_STREQ(test, warden_group_name(group), "WEB");
	/* Empty, it prints nothing, and grants nothing. */
	KUNIT_EXPECT_STREQ(test, warden_test_exception_print(test, &e),
			   "path_group A /a\n");
	rcu_read_lock();
	KUNIT_EXPECT_FALSE(test, warden_acl_allows(set, &req));
	rcu_read_unlock();
	KUNIT_ASSERT_EQ(test, warden_test_exception_line(&e, "path_group B /b"), 0);
	KUNIT_ASSERT_EQ(test, warden_test_exception_line(&e,
							 "path_group WEB /var/www/\\*"),
			0);
	/* Filled, it prints where a group made by that line would. */
	KUNIT_EXPECT_STREQ(test, warden_test_exception_print(test, &e),
			   "path_group A /a\npath_group B /b\n"
			   "path_group WEB /var/www/\\*\n");
	rcu_read_lock();
	KUNIT_EXPECT_TRUE(test, warden_acl_allows(set, &req));
	KUNIT_EXPECT_PTR_EQ(test, group,
			    warden_group_find(&e.groups, WARDEN_GROUP_PATH,
					      "WEB"));
	rcu_read_unlock();
	/* Emptied again, it stays for the entry that names it. */
	KUNIT_ASSERT_EQ(test, warden_test_exception_line(&e,
							 "delete path_group WEB /var/www/\\*"),
			0);
	rcu_read_lock();
	KUNIT_EXPECT_FALSE(test, warden_acl_allows(set, &req));
	rcu_read_unlock();
	warden_acl_set_destroy(set);
	warden_test_exception_free(&e);
}

/* Lines refused for any reason leave no group: not printed, not counted. */
static const char *const warden_refused_file_lines[] = {
	"read @NEW task.uid=abc",
	"read @NEW task.uid=@NEW2 bogus",
	"create @NEW @NUM extra",
	"rename @NEW /tmp/\\q",
	"delete:read @NEW",
	"chmod /tmp/x @NUM task.uid=",
};

static void warden_refused_desc(const char *const *line, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s", *line);
}

KUNIT_ARRAY_PARAM(warden_refused, warden_refused_file_lines,
		  warden_refused_desc);

static void test_refused_line_leaves_no_group(struct kunit *test)
{
	const char *const *param = test->param_value;
	struct warden_acl_set *set = kunit_kzalloc(test, sizeof(*set),
						   GFP_KERNEL);
	struct warden_exception_policy e;
	bool is_delete = str_has_prefix(*param, "delete:");
	const char *line = *param + (is_delete ? strlen("delete:") : 0);
	unsigned int before;
	int err;

	KUNIT_ASSERT_NOT_NULL(test, set);
	KUNIT_ASSERT_EQ(test, warden_acl_set_init(set), 0);
	warden_exception_init(&e);
	before = warden_memory_in_use(WARDEN_MEMORY_POLICY);
	err = warden_test_acl_line(set, &e, line, is_delete);
	KUNIT_EXPECT_EQ(test, err, is_delete ? -ENOENT : -EINVAL);
	KUNIT_EXPECT_TRUE(test, list_empty(&e.groups.all));
	KUNIT_EXPECT_EQ(test, warden_memory_in_use(WARDEN_MEMORY_POLICY),
			before);
	KUNIT_EXPECT_STREQ(test, warden_test_exception_print(test, &e), "");
	warden_acl_set_destroy(set);
	warden_test_exception_free(&e);
}

/* Refused acl_group lines leave neither an ACL group nor a group. */
static void test_refused_acl_group_line_leaves_nothing(struct kunit *test)
{
	static const char *const refused[] = {
		"acl_group web file read @NEW task.uid=abc",
		"acl_group 7 file reed @NEW",
		"delete acl_group web file read @NEW",
	};
	struct warden_exception_policy e;
	unsigned int before;
	size_t i;

	warden_exception_init(&e);
	before = warden_memory_in_use(WARDEN_MEMORY_POLICY);
	for (i = 0; i < ARRAY_SIZE(refused); i++)
		KUNIT_EXPECT_NE_MSG(test, warden_test_exception_line(&e, refused[i]),
				    0, "%s", refused[i]);
	KUNIT_EXPECT_TRUE(test, list_empty(&e.groups.all));
	KUNIT_EXPECT_TRUE(test, list_empty(&e.acl_groups.all));
	KUNIT_EXPECT_EQ(test, warden_memory_in_use(WARDEN_MEMORY_POLICY),
			before);
	warden_test_exception_free(&e);
}

/* What a domain that uses ACL groups holds, for the tests. */
struct warden_test_user {
	struct list_head uses;
	struct warden_acl_set acls;
	struct warden_netacl_set netacls;
	struct warden_acl_user user;
};

static struct warden_test_user *warden_test_user_new(struct kunit *test)
{
	struct warden_test_user *u = kunit_kzalloc(test, sizeof(*u), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, u);
	INIT_LIST_HEAD(&u->uses);
	KUNIT_ASSERT_EQ(test, warden_acl_set_init(&u->acls), 0);
	KUNIT_ASSERT_EQ(test, warden_netacl_set_init(&u->netacls), 0);
	u->user.uses = &u->uses;
	u->user.acls = &u->acls;
	u->user.netacls = &u->netacls;
	return u;
}

/* Have the test domain use group @name, or stop using it. */
static int warden_test_user_use(struct warden_test_user *u,
				struct warden_exception_policy *e,
				const char *name, bool is_delete)
{
	struct warden_acl_group *group;
	const char *reason;
	int err = -ENOMEM;

	warden_policy_write_lock();
	group = warden_acl_group_ref(&e->acl_groups, name);
	if (group)
		err = warden_acl_group_use(&u->user, group, is_delete, &reason);
	warden_policy_write_unlock();
	return err;
}

/* Free a test domain, then the exception policy of its groups. */
static void warden_test_uses_free(struct warden_test_user *u,
				  struct warden_exception_policy *e)
{
	warden_policy_write_lock();
	warden_acl_group_uses_clear(&u->uses);
	warden_policy_write_unlock();
	synchronize_rcu();
	warden_acl_set_destroy(&u->acls);
	warden_netacl_set_destroy(&u->netacls);
	warden_test_exception_free(e);
}

/*
 * Every kind of line a domain may hold grants through an ACL group the
 * domain uses: network, misc env and task lines as file lines do, and
 * none once deleted.
 */
static void test_every_kind_of_line_grants_through_a_group(struct kunit *test)
{
	static const char *const lines[] = {
		"acl_group shared network inet stream connect 127.0.0.1 80",
		"acl_group shared network unix dgram send /run/log.sock",
		"acl_group shared misc env HOME",
		"acl_group shared task manual_domain_transition <kernel> /bin/sh",
		"acl_group shared task manual_domain_transition <kernel> /bin/ls task.uid=1",
	};
	struct warden_net_request env = {
		.family = WARDEN_NET_MISC_ENV, .name = "HOME", .grant_log = -1,
	};
	struct warden_net_request sock = {
		.family = WARDEN_NET_UNIX_DGRAM, .op = WARDEN_NET_SEND,
		.name = "/run/log.sock", .grant_log = -1,
	};
	struct warden_net_request inet = {
		.family = WARDEN_NET_INET_STREAM, .op = WARDEN_NET_CONNECT,
		.address = { 127, 0, 0, 1 }, .port = 80, .grant_log = -1,
	};
	struct warden_test_user *u = warden_test_user_new(test);
	struct warden_exception_policy e;
	size_t i;

	warden_exception_init(&e);
	for (i = 0; i < ARRAY_SIZE(lines); i++)
		KUNIT_ASSERT_EQ_MSG(test, warden_test_exception_line(&e, lines[i]),
				    0, "%s", lines[i]);
	KUNIT_EXPECT_EQ(test, warden_test_user_use(u, &e, "shared", false), 0);
	rcu_read_lock();
	KUNIT_EXPECT_TRUE(test, warden_netacl_allows(&u->netacls, &inet, &e));
	KUNIT_EXPECT_TRUE(test, warden_netacl_allows(&u->netacls, &sock, &e));
	KUNIT_EXPECT_TRUE(test, warden_netacl_allows(&u->netacls, &env, &e));
	KUNIT_EXPECT_TRUE(test, warden_netacl_task_allowed(&u->netacls,
							   "<kernel> /bin/sh"));
	/* KUnit runs as uid 0. */
	KUNIT_EXPECT_FALSE(test, warden_netacl_task_allowed(&u->netacls,
							    "<kernel> /bin/ls"));
	inet.port = 81;
	KUNIT_EXPECT_FALSE(test, warden_netacl_allows(&u->netacls, &inet, &e));
	inet.port = 80;
	rcu_read_unlock();
	KUNIT_EXPECT_STREQ(test, warden_test_exception_print(test, &e),
			   "acl_group shared network inet stream connect 127.0.0.1 80\n"
			   "acl_group shared network unix dgram send /run/log.sock\n"
			   "acl_group shared misc env HOME\n"
			   "acl_group shared task manual_domain_transition <kernel> /bin/sh\n"
			   "acl_group shared task manual_domain_transition <kernel> /bin/ls task.uid=1\n");
	for (i = 0; i < ARRAY_SIZE(lines); i++) {
		char line[128];

		snprintf(line, sizeof(line), "delete %s", lines[i]);
		KUNIT_ASSERT_EQ_MSG(test, warden_test_exception_line(&e, line),
				    0, "%s", line);
	}
	rcu_read_lock();
	KUNIT_EXPECT_FALSE(test, warden_netacl_allows(&u->netacls, &inet, &e));
	KUNIT_EXPECT_FALSE(test, warden_netacl_allows(&u->netacls, &env, &e));
	KUNIT_EXPECT_FALSE(test, warden_netacl_task_allowed(&u->netacls,
							    "<kernel> /bin/sh"));
	rcu_read_unlock();
	/* The domain's index filed the group's entries, and now files none. */
	KUNIT_EXPECT_EQ(test, atomic_read(&u->netacls.index.ht.nelems), 0);
	warden_test_uses_free(u, &e);
}

/*
 * Adding a line to a group and deleting it again leaves the memory count
 * where it was: an emptied group nothing names is freed.  A group a rule
 * or a domain names stays, empty, since they point to it.
 */
static void test_emptied_groups_give_their_memory_back(struct kunit *test)
{
	static const char *const add_delete[] = {
		"path_group G /tmp/g", "delete path_group G /tmp/g",
		"number_group N 1-2", "delete number_group N 1-2",
		"address_group A 10.0.0.1", "delete address_group A 10.0.0.1",
		"acl_group 5 file read /tmp/g", "delete acl_group 5 file read /tmp/g",
		"acl_group web file read @G", "delete acl_group web file read @G",
	};
	struct warden_exception_policy e;
	struct warden_acl_group *seven;
	unsigned int before;
	size_t i;

	warden_exception_init(&e);
	before = warden_memory_in_use(WARDEN_MEMORY_POLICY);
	for (i = 0; i < ARRAY_SIZE(add_delete); i += 2) {
		KUNIT_ASSERT_EQ_MSG(test,
				    warden_test_exception_line(&e, add_delete[i]),
				    0, "%s", add_delete[i]);
		KUNIT_EXPECT_GT(test, warden_memory_in_use(WARDEN_MEMORY_POLICY),
				before);
		KUNIT_ASSERT_EQ_MSG(test,
				    warden_test_exception_line(&e, add_delete[i + 1]),
				    0, "%s", add_delete[i + 1]);
	}
	/* "acl_group web file read @G" named G: G stays, empty. */
	KUNIT_EXPECT_EQ(test, list_count_nodes(&e.groups.all), 1);
	KUNIT_EXPECT_TRUE(test, list_empty(&e.acl_groups.all));
	KUNIT_EXPECT_STREQ(test, warden_test_exception_print(test, &e), "");
	warden_test_exception_free(&e);

	/* Without the reference, everything goes. */
	warden_exception_init(&e);
	for (i = 0; i < ARRAY_SIZE(add_delete) - 2; i++)
		KUNIT_ASSERT_EQ_MSG(test,
				    warden_test_exception_line(&e, add_delete[i]),
				    0, "%s", add_delete[i]);
	KUNIT_EXPECT_TRUE(test, list_empty(&e.groups.all));
	KUNIT_EXPECT_TRUE(test, list_empty(&e.acl_groups.all));
	KUNIT_EXPECT_EQ(test, warden_memory_in_use(WARDEN_MEMORY_POLICY),
			before);

	/* A group a domain uses stays when emptied: the use points to it. */
	warden_policy_write_lock();
	seven = warden_acl_group_ref(&e.acl_groups, "7");
	KUNIT_ASSERT_NOT_NULL(test, seven);
	warden_policy_write_unlock();
	KUNIT_ASSERT_EQ(test, warden_test_exception_line(&e, "acl_group 7 file read /x"),
			0);
	KUNIT_ASSERT_EQ(test, warden_test_exception_line(&e,
							 "delete acl_group 7 file read /x"),
			0);
	KUNIT_EXPECT_PTR_EQ(test, list_first_entry_or_null(&e.acl_groups.all,
							   struct warden_acl_group,
							   list), seven);
	warden_test_exception_free(&e);
	KUNIT_EXPECT_EQ(test, warden_memory_in_use(WARDEN_MEMORY_POLICY),
			before);
}

/*
 * A domain's uses point to its ACL groups: a group used before any line
 * fills it grants once one does, and groups the domain does not use are
 * never looked at, however many the namespace has.
 */
static void test_acl_groups_are_used_by_pointer(struct kunit *test)
{
	struct warden_request req = {
		.kind = WARDEN_ACL_PATH, .op = WARDEN_PATH_READ,
	};
	struct warden_test_user *u = warden_test_user_new(test);
	struct warden_exception_policy e;
	char line[64];
	unsigned int i;
	u64 start, ns;

	warden_exception_init(&e);
	KUNIT_EXPECT_EQ(test, warden_test_user_use(u, &e, "web", false), 0);
	KUNIT_EXPECT_EQ(test, warden_test_user_use(u, &e, "web", false), 0);
	KUNIT_EXPECT_EQ(test, warden_test_user_use(u, &e, "7", false), 0);
	warden_policy_write_lock();
	KUNIT_EXPECT_PTR_EQ(test, warden_acl_group_ref(&e.acl_groups, "007"),
			    warden_acl_group_ref(&e.acl_groups, "7"));
	warden_policy_write_unlock();
	KUNIT_EXPECT_EQ(test, list_count_nodes(&u->uses), 2);
	/* Used but empty: they print nothing and grant nothing. */
	KUNIT_EXPECT_STREQ(test, warden_test_exception_print(test, &e), "");
	for (i = 0; i < 500; i++) {
		snprintf(line, sizeof(line), "acl_group g%u file read /g/%u", i, i);
		KUNIT_ASSERT_EQ(test, warden_test_exception_line(&e, line), 0);
	}
	KUNIT_ASSERT_EQ(test, warden_test_exception_line(&e,
							 "acl_group web file read /www"),
			0);
	KUNIT_ASSERT_EQ(test, warden_test_exception_line(&e,
							 "acl_group 07 file read /seven"),
			0);
	rcu_read_lock();
	req.word[0] = "/www";
	KUNIT_EXPECT_TRUE(test, warden_acl_allows(&u->acls, &req));
	req.word[0] = "/seven";
	KUNIT_EXPECT_TRUE(test, warden_acl_allows(&u->acls, &req));
	/* Defined in the namespace, but not used by the domain. */
	req.word[0] = "/g/42";
	KUNIT_EXPECT_FALSE(test, warden_acl_allows(&u->acls, &req));
	start = ktime_get_ns();
	for (i = 0; i < 10000; i++)
		warden_acl_allows(&u->acls, &req);
	ns = ktime_get_ns() - start;
	rcu_read_unlock();
	kunit_info(test, "a miss in 2 used groups of 502: %llu ns\n",
		   div_u64(ns, 10000));
	/* The domain's index files the used groups' entries only. */
	KUNIT_EXPECT_EQ(test, atomic_read(&u->acls.index.ht.nelems), 2);
	/* Stopping a use of a used group, and of one not used. */
	KUNIT_EXPECT_EQ(test, warden_test_user_use(u, &e, "web", true), 0);
	KUNIT_EXPECT_EQ(test, warden_test_user_use(u, &e, "web", true),
			-ENOENT);
	rcu_read_lock();
	req.word[0] = "/www";
	KUNIT_EXPECT_FALSE(test, warden_acl_allows(&u->acls, &req));
	req.word[0] = "/seven";
	KUNIT_EXPECT_TRUE(test, warden_acl_allows(&u->acls, &req));
	rcu_read_unlock();
	KUNIT_EXPECT_EQ(test, atomic_read(&u->acls.index.ht.nelems), 1);
	warden_test_uses_free(u, &e);
}

/* Apply an exception policy line that must be accepted. */
static void warden_test_line_ok(struct kunit *test,
				struct warden_exception_policy *e,
				const char *line)
{
	KUNIT_ASSERT_EQ_MSG(test, warden_test_exception_line(e, line), 0,
			    "%s", line);
}

/*
 * A group's entries reach every domain that uses it as they are added,
 * leave as they are deleted, and a line that cannot reach all of them
 * reaches none.
 */
static void test_group_entries_follow_into_every_user(struct kunit *test)
{
	struct warden_test_user *a = warden_test_user_new(test);
	struct warden_test_user *b = warden_test_user_new(test);
	struct warden_request req = {
		.kind = WARDEN_ACL_PATH, .op = WARDEN_PATH_READ,
		.word = { "/dev/console" },
	};
	struct warden_exception_policy e;
	unsigned int before, entry;

	warden_exception_init(&e);
	before = warden_memory_in_use(WARDEN_MEMORY_POLICY);
	KUNIT_ASSERT_EQ(test, warden_test_user_use(a, &e, "console", false), 0);
	KUNIT_ASSERT_EQ(test, warden_test_user_use(b, &e, "console", false), 0);
	/* What an entry alone costs, in a group nobody uses. */
	warden_test_line_ok(test, &e, "acl_group other file read /x");
	entry = warden_memory_in_use(WARDEN_MEMORY_POLICY);
	warden_test_line_ok(test, &e, "acl_group other file read /dev/console");
	entry = warden_memory_in_use(WARDEN_MEMORY_POLICY) - entry;
	/* Room for the entry and one ref: the second domain gets none. */
	warden_stat_set_quota(WARDEN_MEMORY_POLICY,
			      warden_memory_in_use(WARDEN_MEMORY_POLICY) + entry +
			      sizeof(struct warden_ref) + 8);
	KUNIT_EXPECT_EQ(test,
			warden_test_exception_line(&e, "acl_group console file read /dev/console"),
			-ENOMEM);
	warden_stat_set_quota(WARDEN_MEMORY_POLICY, 0);
	rcu_read_lock();
	KUNIT_EXPECT_FALSE(test, warden_acl_allows(&a->acls, &req));
	KUNIT_EXPECT_FALSE(test, warden_acl_allows(&b->acls, &req));
	rcu_read_unlock();
	KUNIT_EXPECT_EQ(test, atomic_read(&a->acls.index.ht.nelems), 0);
	warden_test_line_ok(test, &e, "acl_group console file read /dev/console");
	warden_test_line_ok(test, &e, "acl_group console file write /dev/console");
	rcu_read_lock();
	KUNIT_EXPECT_TRUE(test, warden_acl_allows(&a->acls, &req));
	KUNIT_EXPECT_TRUE(test, warden_acl_allows(&b->acls, &req));
	req.op = WARDEN_PATH_WRITE;
	KUNIT_EXPECT_TRUE(test, warden_acl_allows(&b->acls, &req));
	rcu_read_unlock();
	/* Merged into one entry, filed once in each domain. */
	KUNIT_EXPECT_EQ(test, atomic_read(&a->acls.index.ht.nelems), 1);
	/* One domain stops using the group; the other keeps it. */
	KUNIT_EXPECT_EQ(test, warden_test_user_use(a, &e, "console", true), 0);
	rcu_read_lock();
	KUNIT_EXPECT_FALSE(test, warden_acl_allows(&a->acls, &req));
	KUNIT_EXPECT_TRUE(test, warden_acl_allows(&b->acls, &req));
	rcu_read_unlock();
	warden_test_line_ok(test, &e, "delete acl_group console file write /dev/console");
	rcu_read_lock();
	KUNIT_EXPECT_FALSE(test, warden_acl_allows(&b->acls, &req));
	req.op = WARDEN_PATH_READ;
	KUNIT_EXPECT_TRUE(test, warden_acl_allows(&b->acls, &req));
	rcu_read_unlock();
	warden_test_line_ok(test, &e, "delete acl_group console file read /dev/console");
	rcu_read_lock();
	KUNIT_EXPECT_FALSE(test, warden_acl_allows(&b->acls, &req));
	rcu_read_unlock();
	KUNIT_EXPECT_EQ(test, atomic_read(&b->acls.index.ht.nelems), 0);
	warden_test_line_ok(test, &e, "delete acl_group other file read /dev/console");
	warden_test_line_ok(test, &e, "delete acl_group other file read /x");
	/* An exec condition of the group's is the domain's to evaluate. */
	KUNIT_EXPECT_FALSE(test, warden_acl_set_needs_exec_args(&b->acls));
	warden_test_line_ok(test, &e,
			    "acl_group console file execute /bin/sh exec.argv[1]=\"-c\"");
	KUNIT_EXPECT_TRUE(test, warden_acl_set_needs_exec_args(&b->acls));
	KUNIT_EXPECT_FALSE(test, warden_acl_set_needs_exec_args(&a->acls));
	KUNIT_EXPECT_EQ(test, warden_test_user_use(b, &e, "console", true), 0);
	KUNIT_EXPECT_FALSE(test, warden_acl_set_needs_exec_args(&b->acls));
	KUNIT_EXPECT_EQ(test, warden_test_user_use(b, &e, "console", false), 0);
	KUNIT_EXPECT_TRUE(test, warden_acl_set_needs_exec_args(&b->acls));
	warden_test_line_ok(test, &e,
			    "delete acl_group console file execute /bin/sh exec.argv[1]=\"-c\"");
	KUNIT_EXPECT_FALSE(test, warden_acl_set_needs_exec_args(&b->acls));
	warden_test_uses_free(b, &e);
	/* The refs went with the domains' uses: every byte is back. */
	KUNIT_EXPECT_EQ(test, warden_memory_in_use(WARDEN_MEMORY_POLICY),
			before);
	warden_acl_set_destroy(&a->acls);
	warden_netacl_set_destroy(&a->netacls);
}

/* Mean nanoseconds of a read check of @path by the domain @u. */
static u64 warden_group_bench(struct warden_test_user *u, const char *path)
{
	struct warden_request req = {
		.kind = WARDEN_ACL_PATH, .op = WARDEN_PATH_READ,
		.word = { path },
	};
	const unsigned int rounds = 20000;
	unsigned int i;
	bool ok = true;
	u64 start;

	/* Let the index finish growing, as a loaded policy's has. */
	msleep(100);
	rcu_read_lock();
	start = ktime_get_ns();
	for (i = 0; i < rounds; i++)
		ok &= warden_acl_allows(&u->acls, &req);
	start = ktime_get_ns() - start;
	rcu_read_unlock();
	return ok ? div_u64(start, rounds) : U64_MAX;
}

/*
 * Not a pass/fail test of speed: it prints the cost of a check by a
 * domain that uses 50 of 5,000 groups, the granting entry in the last,
 * beside a domain of 100 entries of its own, for the benchmark figures.
 * That the groups cost no extra lookup is what is tested.
 */
static void test_lookup_cost_with_many_groups(struct kunit *test)
{
	struct warden_test_user *own = warden_test_user_new(test);
	struct warden_test_user *u = warden_test_user_new(test);
	struct warden_exception_policy e;
	char line[96];
	unsigned int i;
	u64 plain, grouped;

	warden_exception_init(&e);
	for (i = 0; i < 100; i++) {
		snprintf(line, sizeof(line), "read /bench/own%u", i);
		KUNIT_ASSERT_EQ(test, warden_test_acl_line(&own->acls, &e, line,
							   false), 0);
	}
	for (i = 0; i < 5000; i++) {
		snprintf(line, sizeof(line),
			 "acl_group g%u file read /bench/g%u/a", i, i);
		KUNIT_ASSERT_EQ(test, warden_test_exception_line(&e, line), 0);
		snprintf(line, sizeof(line),
			 "acl_group g%u file read /bench/g%u/b", i, i);
		KUNIT_ASSERT_EQ(test, warden_test_exception_line(&e, line), 0);
	}
	for (i = 4950; i < 5000; i++) {
		snprintf(line, sizeof(line), "g%u", i);
		KUNIT_ASSERT_EQ(test, warden_test_user_use(u, &e, line, false),
				0);
	}
	/* The domain files the entries of the groups it uses, no more. */
	KUNIT_EXPECT_EQ(test, atomic_read(&u->acls.index.ht.nelems), 100);
	plain = warden_group_bench(own, "/bench/own99");
	grouped = warden_group_bench(u, "/bench/g4999/b");
	KUNIT_EXPECT_NE(test, plain, U64_MAX);
	KUNIT_EXPECT_NE(test, grouped, U64_MAX);
	/* A group defined but not used grants nothing. */
	KUNIT_EXPECT_EQ(test, warden_group_bench(u, "/bench/g0/a"), U64_MAX);
	kunit_info(test, "lookup, 100 entries of the domain: %llu ns\n", plain);
	kunit_info(test, "lookup, 50 of 5000 groups, the last: %llu ns\n",
		   grouped);
	warden_policy_write_lock();
	warden_acl_group_uses_clear(&own->uses);
	warden_policy_write_unlock();
	warden_acl_set_destroy(&own->acls);
	warden_netacl_set_destroy(&own->netacls);
	warden_test_uses_free(u, &e);
}

/* An entry a decision holds outlives its deletion, until released. */
static void test_held_entry_outlives_its_deletion(struct kunit *test)
{
	struct warden_acl_set *set = kunit_kzalloc(test, sizeof(*set),
						   GFP_KERNEL);
	struct warden_request req = {
		.kind = WARDEN_ACL_PATH, .op = WARDEN_PATH_EXECUTE,
		.word = { "/bin/sh" }, .hold = true,
	};

	KUNIT_ASSERT_NOT_NULL(test, set);
	KUNIT_ASSERT_EQ(test, warden_acl_set_init(set), 0);
	KUNIT_ASSERT_EQ(test, warden_test_acl_line(set, NULL,
						   "execute /bin/\\*sh keep",
						   false), 0);
	rcu_read_lock();
	KUNIT_EXPECT_TRUE(test, warden_acl_allows(set, &req));
	rcu_read_unlock();
	KUNIT_ASSERT_NOT_NULL(test, req.entry);
	KUNIT_EXPECT_EQ(test, warden_test_acl_line(set, NULL,
						   "execute /bin/\\*sh keep",
						   true), 0);
	synchronize_rcu();
	KUNIT_EXPECT_STREQ(test, req.matched, "/bin/\\*sh");
	KUNIT_EXPECT_STREQ(test, req.transit, "keep");
	warden_acl_put(req.entry);
	KUNIT_EXPECT_FALSE(test, warden_acl_set_needs_exec_args(set));
	KUNIT_ASSERT_EQ(test, warden_test_acl_line(set, NULL,
						   "execute /bin/sh exec.argv[1]=\"-c\"",
						   false), 0);
	KUNIT_EXPECT_TRUE(test, warden_acl_set_needs_exec_args(set));
	KUNIT_ASSERT_EQ(test, warden_test_acl_line(set, NULL,
						   "execute /bin/sh exec.argv[1]=\"-c\"",
						   true), 0);
	KUNIT_EXPECT_FALSE(test, warden_acl_set_needs_exec_args(set));
	warden_acl_set_destroy(set);
}

static struct kunit_case warden_group_test_cases[] = {
	KUNIT_CASE(test_value_parse_and_print),
	KUNIT_CASE(test_group_referenced_before_it_is_filled),
	KUNIT_CASE_PARAM(test_refused_line_leaves_no_group,
			 warden_refused_gen_params),
	KUNIT_CASE(test_refused_acl_group_line_leaves_nothing),
	KUNIT_CASE(test_emptied_groups_give_their_memory_back),
	KUNIT_CASE(test_every_kind_of_line_grants_through_a_group),
	KUNIT_CASE(test_acl_groups_are_used_by_pointer),
	KUNIT_CASE(test_group_entries_follow_into_every_user),
	KUNIT_CASE(test_lookup_cost_with_many_groups),
	KUNIT_CASE(test_held_entry_outlives_its_deletion),
	{}
};

static struct kunit_suite warden_group_test_suite = {
	.name = "warden_group",
	.test_cases = warden_group_test_cases,
};

kunit_test_suite(warden_group_test_suite);
