// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - KUnit tests of network, misc and task entries: the lines
 * they accept and print, merging and deletion, lookups, and the index
 * that keeps a lookup's cost flat as a domain's entries grow.
 */

#include "../common.h"

#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/inet.h>
#include <linux/ktime.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../exception.h"
#include "../netacl.h"
#include "../policy.h"
#include "../stat.h"
#include "kunit_util.h"

struct warden_netacl_case {
	const char *line;
	const char *printed;
};

static const struct warden_netacl_case warden_netacl_valid[] = {
	{ "network inet stream bind 127.0.0.1 5432",
	  "network inet stream bind 127.0.0.1 5432\n" },
	{ "network inet stream listen 127.0.0.1 5432",
	  "network inet stream listen 127.0.0.1 5432\n" },
	{ "network inet stream connect 10.0.0.1-10.0.0.255 80",
	  "network inet stream connect 10.0.0.1-10.0.0.255 80\n" },
	{ "network inet stream bind/listen 0.0.0.0 8080",
	  "network inet stream bind/listen 0.0.0.0 8080\n" },
	{ "network inet stream listen/bind ::1 8080",
	  "network inet stream bind/listen ::1 8080\n" },
	{ "network inet dgram bind 127.0.0.1 0", "network inet dgram bind 127.0.0.1 0\n" },
	{ "network inet dgram send 127.0.0.1 1024-65535",
	  "network inet dgram send 127.0.0.1 1024-65535\n" },
	{ "network inet dgram bind/send @LOCAL @PORTS",
	  "network inet dgram bind/send @LOCAL @PORTS\n" },
	{ "network inet raw bind 127.0.0.1 1", "network inet raw bind 127.0.0.1 1\n" },
	{ "network inet raw send ::-ffff:: 58", "network inet raw send ::-ffff:: 58\n" },
	{ "network inet stream connect 2001:0db8::0001 443",
	  "network inet stream connect 2001:db8::1 443\n" },
	{ "network inet stream connect 127.0.0.1-127.0.0.1 443",
	  "network inet stream connect 127.0.0.1 443\n" },
	{ "network inet stream connect 127.0.0.1 0x50",
	  "network inet stream connect 127.0.0.1 0x50\n" },
	{ "network unix stream bind /tmp/.s.PGSQL.5432",
	  "network unix stream bind /tmp/.s.PGSQL.5432\n" },
	{ "network unix stream listen /tmp/.s.PGSQL.5432",
	  "network unix stream listen /tmp/.s.PGSQL.5432\n" },
	{ "network unix stream connect /var/run/nscd/socket",
	  "network unix stream connect /var/run/nscd/socket\n" },
	{ "network unix dgram send /dev/log", "network unix dgram send /dev/log\n" },
	{ "network unix dgram bind/send /tmp/\\*.sock",
	  "network unix dgram bind/send /tmp/\\*.sock\n" },
	{ "network unix seqpacket connect \\000abstract",
	  "network unix seqpacket connect \\000abstract\n" },
	{ "network unix stream connect anonymous",
	  "network unix stream connect anonymous\n" },
	{ "network unix stream connect @SOCKETS", "network unix stream connect @SOCKETS\n" },
	{ "misc env HOME", "misc env HOME\n" },
	{ "misc env LC_\\*", "misc env LC_\\*\n" },
	{ "task manual_domain_transition <kernel> /usr/sbin/sshd",
	  "task manual_domain_transition <kernel> /usr/sbin/sshd\n" },
	{ "network inet stream connect 127.0.0.1 80 task.uid=0",
	  "network inet stream connect 127.0.0.1 80 task.uid=0\n" },
	{ "network unix stream connect /dev/log task.euid!=0 grant_log=no",
	  "network unix stream connect /dev/log task.euid!=0 grant_log=no\n" },
	{ "misc env PATH task.uid=0", "misc env PATH task.uid=0\n" },
};

/**
 * warden_test_netacl_corpus - a valid network, misc or task line, for the fuzzer
 * @i: the index of the line.
 *
 * Return: the line, or %NULL past the end of the table.
 */
const char *warden_test_netacl_corpus(size_t i)
{
	return i < ARRAY_SIZE(warden_netacl_valid) ? warden_netacl_valid[i].line : NULL;
}

static void warden_netacl_case_desc(const struct warden_netacl_case *c,
				    char *desc)
{
	strscpy(desc, c->line, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(warden_netacl_valid, warden_netacl_valid,
		  warden_netacl_case_desc);

/* What every case works on: a domain's entries and the groups they name. */
struct warden_netacl_fixture {
	struct warden_netacl_set set;
	struct warden_exception_policy exception;
};

static int warden_netacl_test_init(struct kunit *test)
{
	struct warden_netacl_fixture *f;

	f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	if (warden_netacl_set_init(&f->set))
		return -ENOMEM;
	warden_exception_init(&f->exception);
	test->priv = f;
	return 0;
}

static void warden_netacl_test_exit(struct kunit *test)
{
	struct warden_netacl_fixture *f = test->priv;

	/* Entries go first: they may refer to the groups. */
	warden_netacl_set_destroy(&f->set);
	warden_test_exception_free(&f->exception);
}

static int warden_test_netacl_write(struct kunit *test, const char *text,
				    bool is_delete)
{
	struct warden_netacl_fixture *f = test->priv;

	return warden_test_netacl_line(&f->set, &f->exception, text, is_delete);
}

static char *warden_test_netacl_dump(struct kunit *test)
{
	struct warden_netacl_fixture *f = test->priv;
	struct seq_file m = {};

	warden_test_seq_buf(test, &m, 4096);
	warden_policy_write_lock();
	warden_netacl_show(&m, &f->set, "", false);
	warden_policy_write_unlock();
	return m.buf;
}

static void test_valid_netacl_line_prints_canonically(struct kunit *test)
{
	const struct warden_netacl_case *c = test->param_value;
	char *again;

	KUNIT_ASSERT_EQ(test, warden_test_netacl_write(test, c->line, false),
			0);
	KUNIT_EXPECT_STREQ(test, warden_test_netacl_dump(test),
			   c->printed);
	again = kunit_kstrdup(test, c->printed, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, again);
	again[strlen(again) - 1] = '\0';
	KUNIT_EXPECT_EQ(test, warden_test_netacl_write(test, again, false),
			0);
	KUNIT_EXPECT_STREQ(test, warden_test_netacl_dump(test),
			   c->printed);
}

static const char *const warden_netacl_invalid[] = {
	"network",
	"network inet",
	"network inet stream",
	"network inet stream bind",
	"network inet stream bind 127.0.0.1",
	"network inet stream send 127.0.0.1 80",
	"network inet dgram listen 127.0.0.1 80",
	"network inet raw connect 127.0.0.1 80",
	"network inet stream bind 127.0.0.256 80",
	"network inet stream bind 127.0.0 80",
	"network inet stream bind localhost 80",
	"network inet stream bind 127.0.0.2-127.0.0.1 80",
	"network inet stream bind 127.0.0.1-::1 80",
	"network inet stream bind ::g 80",
	"network inet stream bind 127.0.0.1 65536",
	"network inet stream bind 127.0.0.1 80-79",
	"network inet stream bind 127.0.0.1 http",
	"network inet stream bind 127.0.0.1 80 extra",
	"network inet stream bind 127.0.0.1 80 task.uid",
	"network inet stream bind @ 80",
	"network inet stream bind 127.0.0.1 @",
	"network inet seqpacket bind 127.0.0.1 80",
	"network inet stream bind/bond 127.0.0.1 80",
	"network unix stream bind",
	"network unix stream send /tmp/x",
	"network unix dgram listen /tmp/x",
	"network unix stream bind /tmp/\\q",
	"network unix stream bind /tmp/a /tmp/b",
	"network unix raw bind /tmp/x",
	"network unix stream bind @",
	"network ipx stream bind 1 2",
	"misc",
	"misc env",
	"misc env A B",
	"misc env A task.uid=x",
	"misc env \\q",
	"misc path /tmp",
	"task manual_domain_transition",
	"task manual_domain_transition /usr/sbin/sshd",
	"task manual_domain_transition <kernel> usr",
	"task auto_domain_transition <kernel>",
};

static void warden_netacl_invalid_desc(const char *const *line, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "\"%s\"", *line);
}

KUNIT_ARRAY_PARAM(warden_netacl_invalid, warden_netacl_invalid,
		  warden_netacl_invalid_desc);

static void test_invalid_netacl_line_changes_nothing(struct kunit *test)
{
	static const char setup[] = "network inet stream bind 127.0.0.1 80";
	const char *const *line = test->param_value;
	const char *before;

	KUNIT_ASSERT_EQ(test, warden_test_netacl_write(test, setup, false),
			0);
	before = warden_test_netacl_dump(test);
	KUNIT_EXPECT_EQ(test, warden_test_netacl_write(test, *line, false),
			-EINVAL);
	KUNIT_EXPECT_STREQ(test, warden_test_netacl_dump(test),
			   before);
}

/*
 * A malformed line is refused as malformed even when the group it names
 * could not be created: at the policy quota, an address group followed by
 * a bad condition gives -EINVAL, not -ENOMEM.
 */
static void test_malformed_netacl_line_is_einval_at_quota(struct kunit *test)
{
	static const char line[] = "network inet stream connect @NEWNET 1001";
	static const char bad[] = "network inet stream connect @NEWNET 1001 \\";
	struct warden_netacl_fixture *f = test->priv;

	warden_stat_set_quota(WARDEN_MEMORY_POLICY,
			      warden_memory_in_use(WARDEN_MEMORY_POLICY));
	KUNIT_EXPECT_EQ(test, warden_test_netacl_write(test, bad, false),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, warden_test_netacl_write(test, line, false),
			-ENOMEM);
	warden_stat_set_quota(WARDEN_MEMORY_POLICY, 0);
	KUNIT_EXPECT_TRUE(test, list_empty(&f->exception.groups.all));
}

static void test_netacl_merge_and_delete(struct kunit *test)
{
	static const char *const adds[] = {
		"network inet stream bind 127.0.0.1 5432",
		"network inet stream listen 127.0.0.1 5432",
		"network inet stream bind 127.0.0.1 5433",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(adds); i++)
		KUNIT_ASSERT_EQ(test,
				warden_test_netacl_write(test, adds[i], false),
				0);
	KUNIT_EXPECT_STREQ(test, warden_test_netacl_dump(test),
			   "network inet stream bind/listen 127.0.0.1 5432\n"
			   "network inet stream bind 127.0.0.1 5433\n");
	KUNIT_EXPECT_EQ(test, warden_test_netacl_write(test, adds[0], true),
			0);
	KUNIT_EXPECT_EQ(test, warden_test_netacl_write(test, adds[0], true),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, warden_test_netacl_write(test, adds[2], true),
			0);
	KUNIT_EXPECT_STREQ(test, warden_test_netacl_dump(test),
			   "network inet stream listen 127.0.0.1 5432\n");
}

/* A request built from readable parts, for the lookup cases. */
struct warden_net_case {
	u8 family;
	u8 op;
	const char *address;	/* inet: text; unix and env: the name */
	unsigned long port;
	bool allowed;
	const char *learned;
};

static const struct warden_net_case warden_net_cases[] = {
	{ WARDEN_NET_INET_STREAM, WARDEN_NET_BIND, "127.0.0.1", 5432, true,
	  "network inet stream bind 127.0.0.1 5432" },
	{ WARDEN_NET_INET_STREAM, WARDEN_NET_BIND, "127.0.0.1", 5433, false,
	  "network inet stream bind 127.0.0.1 5433" },
	{ WARDEN_NET_INET_STREAM, WARDEN_NET_LISTEN, "127.0.0.1", 5432, false,
	  "network inet stream listen 127.0.0.1 5432" },
	{ WARDEN_NET_INET_DGRAM, WARDEN_NET_SEND, "127.0.0.1", 1024, true,
	  "network inet dgram send 127.0.0.1 1024" },
	{ WARDEN_NET_INET_DGRAM, WARDEN_NET_SEND, "127.0.0.1", 1023, false,
	  "network inet dgram send 127.0.0.1 1023" },
	{ WARDEN_NET_INET_DGRAM, WARDEN_NET_SEND, "127.0.0.2", 2000, false,
	  "network inet dgram send 127.0.0.2 2000" },
	{ WARDEN_NET_INET_STREAM, WARDEN_NET_CONNECT, "::1", 80, true,
	  "network inet stream connect ::1 80" },
	{ WARDEN_NET_INET_STREAM, WARDEN_NET_CONNECT, "127.0.0.1", 80, false,
	  "network inet stream connect 127.0.0.1 80" },
	{ WARDEN_NET_INET_STREAM, WARDEN_NET_CONNECT, "10.1.2.3", 8080, true,
	  "network inet stream connect 10.1.2.3 8080" },
	{ WARDEN_NET_INET_STREAM, WARDEN_NET_CONNECT, "10.1.2.3", 22, false,
	  "network inet stream connect 10.1.2.3 22" },
	{ WARDEN_NET_INET_STREAM, WARDEN_NET_CONNECT, "fe80::5", 8080, true,
	  "network inet stream connect fe80::5 8080" },
	{ WARDEN_NET_INET_RAW, WARDEN_NET_SEND, "127.0.0.1", 1, true,
	  "network inet raw send 127.0.0.1 1" },
	{ WARDEN_NET_UNIX_STREAM, WARDEN_NET_BIND, "/tmp/.s.PGSQL.5432", 0,
	  true, "network unix stream bind /tmp/.s.PGSQL.5432" },
	{ WARDEN_NET_UNIX_STREAM, WARDEN_NET_BIND, "/tmp/.s.PGSQL.5433", 0,
	  false, "network unix stream bind /tmp/.s.PGSQL.5433" },
	{ WARDEN_NET_UNIX_DGRAM, WARDEN_NET_SEND, "/tmp/log.sock", 0, true,
	  "network unix dgram send /tmp/log.sock" },
	{ WARDEN_NET_UNIX_STREAM, WARDEN_NET_CONNECT, "\\000abstract", 0, true,
	  "network unix stream connect \\000abstract" },
	{ WARDEN_NET_UNIX_STREAM, WARDEN_NET_LISTEN, "anonymous", 0, true,
	  "network unix stream listen anonymous" },
	{ WARDEN_NET_UNIX_SEQPACKET, WARDEN_NET_LISTEN, "anonymous", 0, false,
	  "network unix seqpacket listen anonymous" },
	{ WARDEN_NET_INET_STREAM, WARDEN_NET_ACCEPT, "127.0.0.1", 40000, true,
	  "network inet stream accept 127.0.0.1 40000" },
	{ WARDEN_NET_INET_STREAM, WARDEN_NET_ACCEPT, "127.0.0.2", 40000, false,
	  "network inet stream accept 127.0.0.2 40000" },
	{ WARDEN_NET_UNIX_SEQPACKET, WARDEN_NET_ACCEPT, "anonymous", 0, true,
	  "network unix seqpacket accept anonymous" },
	{ WARDEN_NET_MISC_ENV, 0, "LC_ALL", 0, true, "misc env LC_ALL" },
	{ WARDEN_NET_MISC_ENV, 0, "LD_PRELOAD", 0, false,
	  "misc env LD_PRELOAD" },
};

static void warden_net_case_desc(const struct warden_net_case *c, char *desc)
{
	strscpy(desc, c->learned, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(warden_net, warden_net_cases, warden_net_case_desc);

static void test_netacl_lookup_and_learned_line(struct kunit *test)
{
	static const char *const exception_lines[] = {
		"address_group LAN 10.0.0.0-10.255.255.255",
		"address_group LAN fe80::-fe80::ffff",
		"number_group WEB 80",
		"number_group WEB 8080",
	};
	static const char *const lines[] = {
		"network inet stream bind 127.0.0.1 5432",
		"network inet dgram send 127.0.0.1 1024-65535",
		"network inet stream connect ::1 80",
		"network inet stream connect @LAN @WEB",
		"network inet raw send 127.0.0.1 1",
		"network unix stream bind /tmp/.s.PGSQL.5432",
		"network unix dgram send /tmp/\\*.sock",
		"network unix stream connect \\000abstract",
		"network unix stream listen anonymous",
		"network inet stream accept 127.0.0.1 1024-65535",
		"network unix seqpacket accept anonymous",
		"misc env LC_\\*",
		"misc env LD_PRELOAD task.uid=12345",
	};
	const struct warden_net_case *c = test->param_value;
	struct warden_net_request req = {
		.family = c->family, .op = c->op, .port = c->port,
	};
	struct warden_netacl_fixture *f = test->priv;
	char *learned;
	size_t i;

	warden_test_exception_load(test, &f->exception, exception_lines,
				   ARRAY_SIZE(exception_lines));
	for (i = 0; i < ARRAY_SIZE(lines); i++)
		KUNIT_ASSERT_EQ(test,
				warden_test_netacl_write(test, lines[i], false),
				0);
	if (c->family <= WARDEN_NET_INET_RAW) {
		req.ipv6 = strchr(c->address, ':');
		KUNIT_ASSERT_TRUE(test, req.ipv6 ?
				  in6_pton(c->address, -1, req.address, -1, NULL) :
				  in4_pton(c->address, -1, req.address, -1, NULL));
	} else {
		req.name = c->address;
	}
	rcu_read_lock();
	KUNIT_EXPECT_EQ(test, warden_netacl_allows(&f->set, &req, &f->exception),
			c->allowed);
	rcu_read_unlock();
	learned = warden_netacl_format(&req);
	KUNIT_ASSERT_NOT_NULL(test, learned);
	KUNIT_EXPECT_STREQ(test, learned, c->learned);
	/* The learned line grants the request it was learned from. */
	KUNIT_ASSERT_EQ(test, warden_test_netacl_write(test, learned, false),
			0);
	rcu_read_lock();
	KUNIT_EXPECT_TRUE(test, warden_netacl_allows(&f->set, &req, &f->exception));
	rcu_read_unlock();
	kfree(learned);
}

/* Fill @req from readable parts: an inet address as text, or a name. */
static void warden_test_net_request(struct kunit *test,
				    struct warden_net_request *req, u8 family,
				    u8 op, const char *where,
				    unsigned long port)
{
	memset(req, 0, sizeof(*req));
	req->family = family;
	req->op = op;
	req->port = port;
	req->grant_log = -1;
	if (family > WARDEN_NET_INET_RAW) {
		req->name = where;
		return;
	}
	req->ipv6 = strchr(where, ':');
	KUNIT_ASSERT_TRUE(test, req->ipv6 ?
			  in6_pton(where, -1, req->address, -1, NULL) :
			  in4_pton(where, -1, req->address, -1, NULL));
}

/* Whether the fixture's entries grant the request; task lines too. */
static bool warden_test_net_allowed(struct kunit *test,
				    const struct warden_net_request *req)
{
	struct warden_netacl_fixture *f = test->priv;
	struct warden_net_request copy = *req;
	bool allowed;

	rcu_read_lock();
	if (req->family == WARDEN_NET_TASK)
		allowed = warden_netacl_task_allowed(&f->set, req->name);
	else
		allowed = warden_netacl_allows(&f->set, &copy, &f->exception);
	rcu_read_unlock();
	return allowed;
}

static unsigned int warden_test_net_candidates(struct kunit *test,
					       const struct warden_net_request *req)
{
	struct warden_netacl_fixture *f = test->priv;
	unsigned int n;

	rcu_read_lock();
	n = warden_test_netacl_candidates(&f->set, req);
	rcu_read_unlock();
	return n;
}

/* Requests against entries of every kind the index files differently. */
struct warden_index_case {
	const char *desc;
	u8 family;
	u8 op;
	const char *where;
	unsigned long port;
	bool allowed;
};

static const struct warden_index_case warden_index_cases[] = {
	{ "exact address and port", WARDEN_NET_INET_STREAM,
	  WARDEN_NET_CONNECT, "192.168.1.1", 22, true },
	{ "exact entry, other port", WARDEN_NET_INET_STREAM,
	  WARDEN_NET_CONNECT, "192.168.1.1", 23, false },
	{ "exact entry, other address", WARDEN_NET_INET_STREAM,
	  WARDEN_NET_CONNECT, "192.168.1.2", 22, false },
	{ "exact entry, other operation", WARDEN_NET_INET_STREAM,
	  WARDEN_NET_BIND, "192.168.1.1", 22, false },
	{ "exact entry, other protocol", WARDEN_NET_INET_DGRAM,
	  WARDEN_NET_SEND, "192.168.1.1", 22, false },
	{ "exact entry, IPv4-mapped IPv6", WARDEN_NET_INET_STREAM,
	  WARDEN_NET_CONNECT, "::ffff:192.168.1.1", 22, false },
	{ "address range, exact port", WARDEN_NET_INET_STREAM,
	  WARDEN_NET_CONNECT, "192.168.2.77", 25, true },
	{ "address range, outside", WARDEN_NET_INET_STREAM,
	  WARDEN_NET_CONNECT, "192.168.3.1", 25, false },
	{ "exact address, port range", WARDEN_NET_INET_STREAM,
	  WARDEN_NET_CONNECT, "192.168.3.3", 1500, true },
	{ "exact address, port range, above", WARDEN_NET_INET_STREAM,
	  WARDEN_NET_CONNECT, "192.168.3.3", 2000, false },
	{ "both ranges", WARDEN_NET_INET_STREAM, WARDEN_NET_CONNECT,
	  "172.16.5.5", 3500, true },
	{ "both ranges, address outside", WARDEN_NET_INET_STREAM,
	  WARDEN_NET_CONNECT, "172.17.0.1", 3500, false },
	{ "address group, exact port", WARDEN_NET_INET_STREAM,
	  WARDEN_NET_CONNECT, "10.1.1.1", 8000, true },
	{ "address group, not a member", WARDEN_NET_INET_STREAM,
	  WARDEN_NET_CONNECT, "11.0.0.1", 8000, false },
	{ "exact address, number group", WARDEN_NET_INET_STREAM,
	  WARDEN_NET_CONNECT, "192.168.4.4", 443, true },
	{ "exact address, number group, not a member",
	  WARDEN_NET_INET_STREAM, WARDEN_NET_CONNECT, "192.168.4.4", 444,
	  false },
	{ "both groups", WARDEN_NET_INET_STREAM, WARDEN_NET_CONNECT,
	  "10.2.2.2", 80, true },
	{ "IPv6 exact", WARDEN_NET_INET_DGRAM, WARDEN_NET_SEND, "fd00::1", 53,
	  true },
	{ "IPv6 exact, other address", WARDEN_NET_INET_DGRAM,
	  WARDEN_NET_SEND, "fd00::2", 53, false },
	{ "raw protocol", WARDEN_NET_INET_RAW, WARDEN_NET_SEND, "10.9.9.9", 1,
	  true },
	{ "unix literal", WARDEN_NET_UNIX_STREAM, WARDEN_NET_CONNECT,
	  "/run/exact.sock", 0, true },
	{ "unix literal, longer name", WARDEN_NET_UNIX_STREAM,
	  WARDEN_NET_CONNECT, "/run/exact.sockx", 0, false },
	{ "unix pattern", WARDEN_NET_UNIX_STREAM, WARDEN_NET_CONNECT,
	  "/tmp/a.sock", 0, true },
	{ "unix pattern, deeper", WARDEN_NET_UNIX_STREAM,
	  WARDEN_NET_CONNECT, "/tmp/a/b.sock", 0, false },
	{ "unix path group", WARDEN_NET_UNIX_DGRAM, WARDEN_NET_SEND,
	  "/run/x.sock", 0, true },
	{ "unix path group, not a member", WARDEN_NET_UNIX_DGRAM,
	  WARDEN_NET_SEND, "/var/x.sock", 0, false },
	{ "env literal", WARDEN_NET_MISC_ENV, 0, "HOME", 0, true },
	{ "env literal, longer name", WARDEN_NET_MISC_ENV, 0, "HOMEX", 0,
	  false },
	{ "env pattern", WARDEN_NET_MISC_ENV, 0, "LC_ALL", 0, true },
	{ "task literal", WARDEN_NET_TASK, 0, "<kernel> /bin/sh", 0, true },
	/* KUnit runs as uid 0. */
	{ "task, its condition holds", WARDEN_NET_TASK, 0, "<kernel> /bin/ls",
	  0, true },
	{ "task, its condition fails", WARDEN_NET_TASK, 0, "<kernel> /bin/cat",
	  0, false },
};

static void warden_index_case_desc(const struct warden_index_case *c,
				   char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(warden_index, warden_index_cases, warden_index_case_desc);

/* The buckets a request walks hold at most this many entries here. */
#define WARDEN_TEST_INDEX_MAX_CANDIDATES 4

static void test_netacl_index_finds_every_kind(struct kunit *test)
{
	static const char *const exception_lines[] = {
		"address_group LAN 10.0.0.0-10.255.255.255",
		"number_group WEB 80",
		"number_group WEB 443",
		"path_group SOCKS /run/\\*.sock",
	};
	static const char *const lines[] = {
		"network inet stream connect 192.168.1.1 22",
		"network inet stream connect 192.168.2.0-192.168.2.255 25",
		"network inet stream connect 192.168.3.3 1000-1999",
		"network inet stream connect 172.16.0.0-172.16.255.255 3000-3999",
		"network inet stream connect @LAN 8000",
		"network inet stream connect 192.168.4.4 @WEB",
		"network inet stream connect @LAN @WEB",
		"network inet dgram send fd00::1 53",
		"network inet raw send 10.9.9.9 1",
		"network unix stream connect /run/exact.sock",
		"network unix stream connect /tmp/\\*.sock",
		"network unix dgram send @SOCKS",
		"misc env HOME",
		"misc env LC_\\*",
		"task manual_domain_transition <kernel> /bin/sh",
		"task manual_domain_transition <kernel> /bin/ls task.uid=0",
		"task manual_domain_transition <kernel> /bin/cat task.uid=12345",
	};
	const struct warden_index_case *c = test->param_value;
	struct warden_netacl_fixture *f = test->priv;
	struct warden_net_request req;
	char line[80];
	unsigned int i;

	warden_test_exception_load(test, &f->exception, exception_lines,
				   ARRAY_SIZE(exception_lines));
	/* Entries no case asks for, some before and some after the others. */
	for (i = 0; i < 500; i++) {
		snprintf(line, sizeof(line),
			 "network inet stream bind/connect 198.18.%u.%u 7",
			 i / 250, i % 250);
		KUNIT_ASSERT_EQ(test, warden_test_netacl_write(test, line, false),
				0);
	}
	for (i = 0; i < ARRAY_SIZE(lines); i++)
		KUNIT_ASSERT_EQ_MSG(test,
				    warden_test_netacl_write(test, lines[i], false),
				    0, "%s", lines[i]);
	for (i = 0; i < 500; i++) {
		snprintf(line, sizeof(line), "network unix stream connect /fill/%u",
			 i);
		KUNIT_ASSERT_EQ(test, warden_test_netacl_write(test, line, false),
				0);
		snprintf(line, sizeof(line), "misc env FILL%u", i);
		KUNIT_ASSERT_EQ(test, warden_test_netacl_write(test, line, false),
				0);
	}
	warden_test_net_request(test, &req, c->family, c->op, c->where,
				c->port);
	KUNIT_EXPECT_EQ(test, warden_test_net_allowed(test, &req), c->allowed);
	if (c->family != WARDEN_NET_TASK)
		KUNIT_EXPECT_LE(test, warden_test_net_candidates(test, &req),
				WARDEN_TEST_INDEX_MAX_CANDIDATES);
}

/* Shapes of a domain with many inet entries, one of them matching. */
struct warden_many_case {
	const char *desc;
	const char *format;	/* filled by warden_many_line() */
	bool ipv6;
};

static const struct warden_many_case warden_many_cases[] = {
	{ "distinct addresses, one port",
	  "network inet stream bind/connect 10.%u.%u.%u 8080", false },
	{ "one address, distinct ports",
	  "network inet stream bind/connect 10.1.2.3 %u", false },
	{ "distinct IPv6 addresses and ports",
	  "network inet stream bind/connect 2001:db8::%x:%x %u", true },
};

static void warden_many_case_desc(const struct warden_many_case *c,
				  char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(warden_many, warden_many_cases, warden_many_case_desc);

/* Write entry @i of shape @c into @line; set @where and @port to it. */
static void warden_many_line(const struct warden_many_case *c, unsigned int i,
			     char *line, size_t size, char *where,
			     unsigned long *port)
{
	if (c->ipv6) {
		snprintf(line, size, c->format, i / 256, i % 256, 1000 + i);
		snprintf(where, 48, "2001:db8::%x:%x", i / 256, i % 256);
		*port = 1000 + i;
	} else if (strstr(c->format, "10.1.2.3")) {
		snprintf(line, size, c->format, 1000 + i);
		strscpy(where, "10.1.2.3", 48);
		*port = 1000 + i;
	} else {
		snprintf(line, size, c->format, i / 65536, i / 256 % 256,
			 i % 256);
		snprintf(where, 48, "10.%u.%u.%u", i / 65536, i / 256 % 256,
			 i % 256);
		*port = 8080;
	}
}

static void test_netacl_10000_inet_entries_stay_flat(struct kunit *test)
{
	const struct warden_many_case *c = test->param_value;
	struct warden_netacl_fixture *f = test->priv;
	const unsigned int n = 10000;
	struct warden_net_request req;
	const unsigned int probes[] = { 0, n / 2, n - 1 };
	unsigned long port;
	char line[96], where[48];
	unsigned int i;

	for (i = 0; i < n; i++) {
		warden_many_line(c, i, line, sizeof(line), where, &port);
		KUNIT_ASSERT_EQ_MSG(test,
				    warden_test_netacl_write(test, line, false),
				    0, "%s", line);
	}
	KUNIT_EXPECT_EQ(test, f->set.count, n);
	/* The first, the last and one in the middle: one candidate each. */
	for (i = 0; i < ARRAY_SIZE(probes); i++) {
		warden_many_line(c, probes[i], line, sizeof(line), where, &port);
		warden_test_net_request(test, &req, WARDEN_NET_INET_STREAM,
					WARDEN_NET_CONNECT, where, port);
		KUNIT_EXPECT_TRUE_MSG(test, warden_test_net_allowed(test, &req),
				      "%s", line);
		KUNIT_EXPECT_EQ(test, warden_test_net_candidates(test, &req), 1);
		req.op = WARDEN_NET_LISTEN;
		KUNIT_EXPECT_FALSE(test, warden_test_net_allowed(test, &req));
	}
	/* One past the last: nothing to look at, nothing granted. */
	warden_many_line(c, n, line, sizeof(line), where, &port);
	warden_test_net_request(test, &req, WARDEN_NET_INET_STREAM,
				WARDEN_NET_CONNECT, where, port);
	KUNIT_EXPECT_FALSE(test, warden_test_net_allowed(test, &req));
	KUNIT_EXPECT_EQ(test, warden_test_net_candidates(test, &req), 0);
}

/* A line to add, merge and delete, and a request only it grants. */
struct warden_edit_case {
	const char *line;
	const char *other;	/* the same entry, another operation; or NULL */
	u8 family;
	u8 op;
	u8 other_op;
	const char *where;
	unsigned long port;
};

static const struct warden_edit_case warden_edit_cases[] = {
	{ "network inet stream bind 192.168.1.1 22",
	  "network inet stream connect 192.168.1.1 22",
	  WARDEN_NET_INET_STREAM, WARDEN_NET_BIND, WARDEN_NET_CONNECT,
	  "192.168.1.1", 22 },
	{ "network inet stream bind 10.0.0.0-10.0.0.255 22",
	  "network inet stream listen 10.0.0.0-10.0.0.255 22",
	  WARDEN_NET_INET_STREAM, WARDEN_NET_BIND, WARDEN_NET_LISTEN,
	  "10.0.0.9", 22 },
	{ "network inet stream bind ::1 1000-2000",
	  "network inet stream accept ::1 1000-2000",
	  WARDEN_NET_INET_STREAM, WARDEN_NET_BIND, WARDEN_NET_ACCEPT, "::1",
	  1234 },
	{ "network inet dgram bind @LAN 53", "network inet dgram send @LAN 53",
	  WARDEN_NET_INET_DGRAM, WARDEN_NET_BIND, WARDEN_NET_SEND, "10.3.3.3",
	  53 },
	{ "network unix stream bind /tmp/\\*.sock",
	  "network unix stream connect /tmp/\\*.sock",
	  WARDEN_NET_UNIX_STREAM, WARDEN_NET_BIND, WARDEN_NET_CONNECT,
	  "/tmp/x.sock", 0 },
	{ "network unix seqpacket bind /run/exact",
	  "network unix seqpacket accept /run/exact",
	  WARDEN_NET_UNIX_SEQPACKET, WARDEN_NET_BIND, WARDEN_NET_ACCEPT,
	  "/run/exact", 0 },
	{ "misc env HOME", NULL, WARDEN_NET_MISC_ENV, 0, 0, "HOME", 0 },
	{ "task manual_domain_transition <kernel> /bin/sh", NULL,
	  WARDEN_NET_TASK, 0, 0, "<kernel> /bin/sh", 0 },
};

static void warden_edit_case_desc(const struct warden_edit_case *c,
				  char *desc)
{
	strscpy(desc, c->line, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(warden_edit, warden_edit_cases, warden_edit_case_desc);

static void test_netacl_merge_and_delete_keep_index(struct kunit *test)
{
	static const char *const exception_lines[] = {
		"address_group LAN 10.0.0.0-10.255.255.255",
	};
	const struct warden_edit_case *c = test->param_value;
	struct warden_netacl_fixture *f = test->priv;
	struct warden_net_request req, other;
	char neighbour[128], printed[132];

	warden_test_exception_load(test, &f->exception, exception_lines,
				   ARRAY_SIZE(exception_lines));
	/* Filed in the same bucket, never granting: it must stay. */
	snprintf(neighbour, sizeof(neighbour), "%s task.uid=12345", c->line);
	KUNIT_ASSERT_EQ(test, warden_test_netacl_write(test, neighbour, false),
			0);
	warden_test_net_request(test, &req, c->family, c->op, c->where,
				c->port);
	other = req;
	other.op = c->other_op;
	KUNIT_EXPECT_FALSE(test, warden_test_net_allowed(test, &req));

	KUNIT_ASSERT_EQ(test, warden_test_netacl_write(test, c->line, false), 0);
	KUNIT_ASSERT_EQ(test, warden_test_netacl_write(test, c->line, false), 0);
	KUNIT_EXPECT_EQ(test, f->set.count, 2);
	KUNIT_EXPECT_TRUE(test, warden_test_net_allowed(test, &req));
	if (c->other) {
		KUNIT_EXPECT_FALSE(test, warden_test_net_allowed(test, &other));
		KUNIT_ASSERT_EQ(test,
				warden_test_netacl_write(test, c->other, false),
				0);
		KUNIT_EXPECT_EQ(test, f->set.count, 2);
		KUNIT_EXPECT_TRUE(test, warden_test_net_allowed(test, &other));
		/* Deleting one operation keeps the entry for the other. */
		KUNIT_ASSERT_EQ(test, warden_test_netacl_write(test, c->line, true),
				0);
		KUNIT_EXPECT_FALSE(test, warden_test_net_allowed(test, &req));
		KUNIT_EXPECT_TRUE(test, warden_test_net_allowed(test, &other));
		KUNIT_EXPECT_EQ(test, warden_test_netacl_write(test, c->line, true),
				-ENOENT);
		KUNIT_ASSERT_EQ(test,
				warden_test_netacl_write(test, c->other, true),
				0);
		KUNIT_EXPECT_FALSE(test, warden_test_net_allowed(test, &other));
	} else {
		KUNIT_ASSERT_EQ(test, warden_test_netacl_write(test, c->line, true),
				0);
		KUNIT_EXPECT_FALSE(test, warden_test_net_allowed(test, &req));
	}
	KUNIT_EXPECT_EQ(test, f->set.count, 1);
	if (c->family != WARDEN_NET_TASK)
		KUNIT_EXPECT_LE(test, warden_test_net_candidates(test, &req), 1);
	snprintf(printed, sizeof(printed), "%s\n", neighbour);
	KUNIT_EXPECT_STREQ(test, warden_test_netacl_dump(test), printed);
	KUNIT_EXPECT_EQ(test, warden_test_netacl_write(test, c->line, true),
			-ENOENT);
	/* And the line comes back as new. */
	KUNIT_ASSERT_EQ(test, warden_test_netacl_write(test, c->line, false), 0);
	KUNIT_EXPECT_TRUE(test, warden_test_net_allowed(test, &req));
}

/* Mean nanoseconds of a connect check against @n inet entries. */
static u64 warden_bench_net_lookups(struct kunit *test, unsigned int n)
{
	struct warden_netacl_fixture *f = test->priv;
	const unsigned int rounds = 20000;
	struct warden_net_request req;
	char line[80], where[32];
	unsigned int i;
	u64 start, ns;
	bool ok = true;

	warden_netacl_set_destroy(&f->set);
	KUNIT_ASSERT_EQ(test, warden_netacl_set_init(&f->set), 0);
	for (i = 0; i < n; i++) {
		snprintf(line, sizeof(line),
			 "network inet stream bind/connect 10.%u.%u.%u 8080",
			 i / 65536, i / 256 % 256, i % 256);
		KUNIT_ASSERT_EQ(test, warden_test_netacl_write(test, line, false),
				0);
	}
	/* Let the index finish growing, as a real policy's long has. */
	msleep(100);
	i = n - 1;
	snprintf(where, sizeof(where), "10.%u.%u.%u", i / 65536, i / 256 % 256,
		 i % 256);
	warden_test_net_request(test, &req, WARDEN_NET_INET_STREAM,
				WARDEN_NET_CONNECT, where, 8080);
	rcu_read_lock();
	start = ktime_get_ns();
	for (i = 0; i < rounds; i++)
		ok &= warden_netacl_allows(&f->set, &req, &f->exception);
	ns = ktime_get_ns() - start;
	rcu_read_unlock();
	KUNIT_EXPECT_TRUE(test, ok);
	return div_u64(ns, rounds);
}

/*
 * Not a pass/fail test of speed: it prints the cost of a network check
 * as the domain grows, for the benchmark figures.
 */
static void test_netacl_lookup_cost_by_policy_size(struct kunit *test)
{
	static const unsigned int sizes[] = { 100, 10000 };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++)
		kunit_info(test, "lookup, %u network inet entries: %llu ns\n",
			   sizes[i], warden_bench_net_lookups(test, sizes[i]));
}

static struct kunit_case warden_netacl_test_cases[] = {
	KUNIT_CASE_PARAM(test_valid_netacl_line_prints_canonically,
			 warden_netacl_valid_gen_params),
	KUNIT_CASE_PARAM(test_invalid_netacl_line_changes_nothing,
			 warden_netacl_invalid_gen_params),
	KUNIT_CASE(test_malformed_netacl_line_is_einval_at_quota),
	KUNIT_CASE(test_netacl_merge_and_delete),
	KUNIT_CASE_PARAM(test_netacl_lookup_and_learned_line,
			 warden_net_gen_params),
	KUNIT_CASE_PARAM(test_netacl_index_finds_every_kind,
			 warden_index_gen_params),
	KUNIT_CASE_PARAM(test_netacl_10000_inet_entries_stay_flat,
			 warden_many_gen_params),
	KUNIT_CASE_PARAM(test_netacl_merge_and_delete_keep_index,
			 warden_edit_gen_params),
	KUNIT_CASE_SLOW(test_netacl_lookup_cost_by_policy_size),
	{}
};

static struct kunit_suite warden_netacl_test_suite = {
	.name = "warden_netacl",
	.init = warden_netacl_test_init,
	.exit = warden_netacl_test_exit,
	.test_cases = warden_netacl_test_cases,
};

kunit_test_suite(warden_netacl_test_suite);
