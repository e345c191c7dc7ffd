// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - network, misc and task entries: parsing and printing.
 *
 * The lines are TOMOYO 2.6's:
 *   network inet {stream|dgram|raw} <ops> <address>[-<address>]|@group <port>|@group
 *   network unix {stream|dgram|seqpacket} <ops> <pathname>|@group
 *   misc env <name>
 *   task manual_domain_transition <domainname>
 * Addresses and numbers are printed canonically; entries that differ
 * only in their operations are merged.
 */

#include <linux/errno.h>
#include <linux/inet.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/overflow.h>
#include <linux/rculist.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "acl.h"
#include "cond.h"
#include "domain.h"
#include "exception.h"
#include "netacl.h"
#include "pattern.h"
#include "stat.h"

enum warden_net_arg {
	WARDEN_ARG_INET,	/* address and port */
	WARDEN_ARG_UNIX,	/* pathname */
	WARDEN_ARG_WORD,	/* environment variable name */
	WARDEN_ARG_DOMAIN,	/* domainname */
};

/* Each line prefix, its operations and what follows them. */
static const struct {
	const char *prefix;
	const char *const ops[4];
	u8 arg;
} warden_net_families[] = {
	{ "network inet stream", { "bind", "listen", "connect", "accept" },
	  WARDEN_ARG_INET },
	{ "network inet dgram", { "bind", "send" }, WARDEN_ARG_INET },
	{ "network inet raw", { "bind", "send" }, WARDEN_ARG_INET },
	{ "network unix stream", { "bind", "listen", "connect", "accept" },
	  WARDEN_ARG_UNIX },
	{ "network unix dgram", { "bind", "send" }, WARDEN_ARG_UNIX },
	{ "network unix seqpacket", { "bind", "listen", "connect", "accept" },
	  WARDEN_ARG_UNIX },
	{ "misc env", { NULL }, WARDEN_ARG_WORD },
	{ "task manual_domain_transition", { NULL }, WARDEN_ARG_DOMAIN },
};

/* The longest canonical argument text we build. */
#define WARDEN_NETACL_ARGS_MAX 8192

static bool warden_group_ref_valid(const char *word)
{
	return word[0] == '@' && word[1] && !warden_word_check(word + 1, false);
}

/**
 * warden_address_canonical - check an address or range, print it canonically
 * @text: an IPv4 or IPv6 address, or two of one family joined by '-'.
 * @out: receives the canonical form ("%pI4" or "%pI6c", a single address
 *       for a range of one).
 * @size: the size of @out.
 *
 * Return: 0, or -EINVAL if @text is not an address or a rising range.
 */
int warden_address_canonical(const char *text, char *out, size_t size)
{
	const char *dash = strchr(text, '-');
	bool v6 = strchr(text, ':');
	u8 lo[16], hi[16];
	int len;

	if (v6 ? !in6_pton(text, -1, lo, dash ? '-' : '\0', NULL) :
		 !in4_pton(text, -1, lo, dash ? '-' : '\0', NULL))
		return -EINVAL;
	memcpy(hi, lo, sizeof(hi));
	if (dash && (v6 ? !in6_pton(dash + 1, -1, hi, '\0', NULL) :
			  !in4_pton(dash + 1, -1, hi, '\0', NULL)))
		return -EINVAL;
	if (memcmp(lo, hi, v6 ? 16 : 4) > 0)
		return -EINVAL;
	len = v6 ? scnprintf(out, size, "%pI6c", lo) :
		   scnprintf(out, size, "%pI4", lo);
	if (memcmp(lo, hi, v6 ? 16 : 4))
		len += v6 ? scnprintf(out + len, size - len, "-%pI6c", hi) :
			    scnprintf(out + len, size - len, "-%pI4", hi);
	return 0;
}

/* Check the words after the operations and print them into @out. */
static int warden_netacl_args(u8 arg, char *args, char *out,
			      const char **reason)
{
	struct warden_number port;
	char *address, *number;
	int len;

	switch (arg) {
	case WARDEN_ARG_INET:
		address = strsep(&args, " ");
		number = args;
		if (!number || strchr(number, ' ')) {
			*reason = "expected an address and a port";
			return -EINVAL;
		}
		/* An address, a port and a space always fit in this. */
		if (strlen(address) + strlen(number) + 2 > WARDEN_NETACL_ARGS_MAX)
			goto too_long;
		if (warden_group_ref_valid(address))
			len = scnprintf(out, WARDEN_NETACL_ARGS_MAX, "%s",
					address);
		else if (!warden_address_canonical(address, out,
						   WARDEN_NETACL_ARGS_MAX))
			len = strlen(out);
		else
			goto bad_address;
		if (warden_group_ref_valid(number)) {
			scnprintf(out + len, WARDEN_NETACL_ARGS_MAX - len, " %s",
				  number);
			return 0;
		}
		if (warden_acl_parse_number(number, &port) ||
		    port.max > 65535) {
			*reason = "the port is a number or range up to 65535";
			return -EINVAL;
		}
		out[len++] = ' ';
		warden_acl_print_number(out + len, WARDEN_NETACL_ARGS_MAX - len,
					&port);
		return 0;
	case WARDEN_ARG_UNIX:
	case WARDEN_ARG_WORD:
		if (strchr(args, ' ') ||
		    (!warden_group_ref_valid(args) &&
		     (args[0] == '@' || warden_word_check(args, true)))) {
			*reason = "expected one pathname, pattern or @group";
			return -EINVAL;
		}
		if (strscpy(out, args, WARDEN_NETACL_ARGS_MAX) < 0)
			goto too_long;
		return 0;
	case WARDEN_ARG_DOMAIN:
		if (warden_domainname_check(args)) {
			*reason = "expected a domainname";
			return -EINVAL;
		}
		if (strscpy(out, args, WARDEN_NETACL_ARGS_MAX) < 0)
			goto too_long;
		return 0;
	}
bad_address:
	*reason = "invalid IPv4 or IPv6 address, range or @group";
	return -EINVAL;
too_long:
	/* Kept cut short, it would no longer say what was written. */
	*reason = "too long";
	return -EINVAL;
}

/*
 * Cut @rest after the line's fixed arguments: one word, two for inet, and
 * for a domainname every word up to the first condition (a word with
 * '=').  Returns the conditions, or %NULL when there are none.
 */
static char *warden_netacl_split_cond(u8 arg, char *rest)
{
	char *space;

	if (arg != WARDEN_ARG_DOMAIN) {
		space = strchr(rest, ' ');
		if (space && arg == WARDEN_ARG_INET)
			space = strchr(space + 1, ' ');
		if (!space)
			return NULL;
		*space = '\0';
		return space + 1;
	}
	return warden_cond_split(rest);
}

/* Find the family whose prefix starts @line; set @rest past it. */
static int warden_netacl_family(char *line, char **rest)
{
	size_t i, len;

	for (i = 0; i < ARRAY_SIZE(warden_net_families); i++) {
		len = strlen(warden_net_families[i].prefix);
		if (!strncmp(line, warden_net_families[i].prefix, len) &&
		    line[len] == ' ') {
			*rest = line + len + 1;
			return i;
		}
	}
	return -EINVAL;
}

static int warden_netacl_ops(int family, char *text, u16 *perm)
{
	const char *const *ops = warden_net_families[family].ops;
	char *name;
	int i;

	*perm = 0;
	while ((name = strsep(&text, "/"))) {
		for (i = 0; i < ARRAY_SIZE(warden_net_families[0].ops) && ops[i];
		     i++)
			if (!strcmp(name, ops[i]))
				break;
		if (i == ARRAY_SIZE(warden_net_families[0].ops) || !ops[i])
			return -EINVAL;
		*perm |= BIT(i);
	}
	return 0;
}

static size_t warden_netacl_size(const char *args)
{
	return struct_size_t(struct warden_netacl, args, strlen(args) + 1);
}

/**
 * warden_netacl_write - add or delete a network, misc or task line
 * @entries: the domain's entries; the caller holds warden_policy_lock.
 * @line: the whole line, parsed in place.
 * @is_delete: remove the line's operations instead of adding them.
 * @reason: receives why the line was refused.
 *
 * Return: 0; -EINVAL for a malformed line; -ENOENT when deleting what is
 * not there; -ENOMEM when memory or the policy quota runs out.
 */
int warden_netacl_write(struct list_head *entries, char *line, bool is_delete,
			const char **reason)
{
	struct warden_netacl *entry;
	int family, err;
	char *rest, *ops = NULL, *args, *cond;
	u16 perm = 1;
	size_t size;

	*reason = NULL;
	family = warden_netacl_family(line, &rest);
	if (family < 0) {
		*reason = "unknown network, misc or task line";
		return -EINVAL;
	}
	if (warden_net_families[family].ops[0]) {
		ops = strsep(&rest, " ");
		if (!rest || warden_netacl_ops(family, ops, &perm)) {
			*reason = "unknown operation for this protocol";
			return -EINVAL;
		}
	}
	cond = warden_netacl_split_cond(warden_net_families[family].arg, rest);
	args = kmalloc(WARDEN_NETACL_ARGS_MAX, GFP_KERNEL);
	if (!args)
		return -ENOMEM;
	err = warden_netacl_args(warden_net_families[family].arg, rest, args,
				 reason);
	if (!err && cond) {
		size_t len = strlen(args);

		if (len + 2 >= WARDEN_NETACL_ARGS_MAX) {
			/* No room for even one condition after the space. */
			*reason = "too long";
			err = -EINVAL;
		} else {
			args[len++] = ' ';
			err = warden_cond_canonical(cond, args + len,
						    WARDEN_NETACL_ARGS_MAX - len,
						    reason);
		}
	}
	if (err)
		goto out_free;

	list_for_each_entry(entry, entries, list) {
		if (entry->family != family || strcmp(entry->args, args))
			continue;
		if (!is_delete) {
			WRITE_ONCE(entry->perm, entry->perm | perm);
		} else if (!(entry->perm & perm)) {
			break;
		} else if (entry->perm & ~perm) {
			WRITE_ONCE(entry->perm, entry->perm & ~perm);
		} else {
			list_del_rcu(&entry->list);
			warden_memory_uncharge(WARDEN_MEMORY_POLICY,
					       warden_netacl_size(entry->args));
			kfree_rcu(entry, rcu);
		}
		goto out_free;
	}
	if (is_delete) {
		*reason = "no such entry to delete";
		err = -ENOENT;
		goto out_free;
	}
	size = warden_netacl_size(args);
	err = -ENOMEM;
	if (!warden_memory_charge(WARDEN_MEMORY_POLICY, size))
		goto out_free;
	entry = kmalloc(size, GFP_KERNEL_ACCOUNT);
	if (!entry) {
		warden_memory_uncharge(WARDEN_MEMORY_POLICY, size);
		goto out_free;
	}
	entry->family = family;
	entry->perm = perm;
	memcpy(entry->args, args, strlen(args) + 1);
	list_add_tail_rcu(&entry->list, entries);
	err = 0;
out_free:
	kfree(args);
	return err;
}

/**
 * warden_netacl_show - print a domain's network, misc and task entries
 * @m: the seq_file.
 * @entries: the entries; the caller holds warden_policy_lock.
 * @task_only: print only the task entries, which decide domain
 *             transitions.
 */
void warden_netacl_show(struct seq_file *m, const struct list_head *entries,
			bool task_only)
{
	const struct warden_netacl *entry;

	list_for_each_entry(entry, entries, list) {
		const char *const *ops = warden_net_families[entry->family].ops;
		u16 perm = READ_ONCE(entry->perm);
		char sep = ' ';
		int i;

		if (task_only &&
		    entry->family != ARRAY_SIZE(warden_net_families) - 1)
			continue;
		seq_puts(m, warden_net_families[entry->family].prefix);
		for (i = 0; i < ARRAY_SIZE(warden_net_families[0].ops) && ops[i];
		     i++) {
			if (!(perm & BIT(i)))
				continue;
			seq_printf(m, "%c%s", sep, ops[i]);
			sep = '/';
		}
		seq_printf(m, " %s\n", entry->args);
	}
}

/**
 * warden_netacl_clear - free the entries of a domain nobody can reach
 * @entries: the entries.
 */
void warden_netacl_clear(struct list_head *entries)
{
	struct warden_netacl *entry, *next;

	list_for_each_entry_safe(entry, next, entries, list) {
		list_del(&entry->list);
		warden_memory_uncharge(WARDEN_MEMORY_POLICY,
				       warden_netacl_size(entry->args));
		kfree(entry);
	}
}

/**
 * warden_address_covers - whether an address is in a canonical range
 * @text: a canonical address or range, as entries and groups hold them.
 * @ipv6: @address is IPv6.
 * @address: the address, 16 bytes for IPv6 and 4 for IPv4.
 *
 * Return: true if @text is of @address's family and covers it.
 */
bool warden_address_covers(const char *text, bool ipv6, const u8 *address)
{
	const size_t len = ipv6 ? 16 : 4;
	const char *dash = strchr(text, '-');
	u8 lo[16], hi[16];
	bool ok;

	if (ipv6 != !!strchr(text, ':'))
		return false;
	ok = ipv6 ? in6_pton(text, -1, lo, dash ? '-' : '\0', NULL) :
		    in4_pton(text, -1, lo, dash ? '-' : '\0', NULL);
	if (!ok)
		return false;
	memcpy(hi, lo, len);
	if (dash && !(ipv6 ? in6_pton(dash + 1, -1, hi, '\0', NULL) :
			     in4_pton(dash + 1, -1, hi, '\0', NULL)))
		return false;
	return memcmp(lo, address, len) <= 0 && memcmp(address, hi, len) <= 0;
}

/* Whether @word, a pathname, a pattern or "@group", names @name. */
static bool warden_netacl_name_matches(const char *word, const char *name,
				       const struct warden_exception_policy *exception)
{
	if (*word == '@')
		return warden_exception_path_group_matches(exception, word + 1,
							   name);
	if (warden_word_has_wildcard(word))
		return warden_pattern_match(name, word);
	return !strcmp(word, name);
}

/* Whether an entry's arguments, conditions cut off, cover @req. */
static bool warden_netacl_args_match(char *args,
				     const struct warden_net_request *req,
				     const struct warden_exception_policy *exception)
{
	char *port;

	if (warden_net_families[req->family].arg != WARDEN_ARG_INET)
		return warden_netacl_name_matches(args, req->name, exception);
	port = strchr(args, ' ');
	if (!port)
		return false;
	*port++ = '\0';
	if (*args == '@' ?
	    !warden_exception_address_group_matches(exception, args + 1,
						    req->ipv6, req->address) :
	    !warden_address_covers(args, req->ipv6, req->address))
		return false;
	if (*port == '@')
		return warden_exception_number_group_matches(exception,
							     port + 1,
							     req->port);
	return warden_acl_number_text_covers(port, req->port);
}

/**
 * warden_netacl_allows - whether a domain's entries grant a request
 * @entries: the domain's network, misc and task entries; the caller is in
 *           an RCU read-side critical section.
 * @req: the request; its @grant_log is set when an entry grants it.
 * @exception: the exception policy "@group" words refer to.
 *
 * Return: true if an entry of the request's family and operation covers
 * its address, port or name, and its conditions hold.
 */
bool warden_netacl_allows(const struct list_head *entries,
			  struct warden_net_request *req,
			  const struct warden_exception_policy *exception)
{
	const struct warden_netacl *entry;
	bool granted = false;
	char *args = NULL;

	list_for_each_entry_rcu(entry, entries, list) {
		char *cond;

		if (entry->family != req->family ||
		    !(READ_ONCE(entry->perm) & BIT(req->op)))
			continue;
		if (!args) {
			args = kmalloc(WARDEN_NETACL_ARGS_MAX, GFP_ATOMIC);
			if (!args)
				break;
		}
		strscpy(args, entry->args, WARDEN_NETACL_ARGS_MAX);
		cond = warden_netacl_split_cond(warden_net_families[entry->family].arg,
						args);
		if (warden_netacl_args_match(args, req, exception) &&
		    (!cond || warden_cond_eval(cond, NULL, exception))) {
			req->grant_log = warden_cond_grant_log(cond);
			granted = true;
			break;
		}
	}
	kfree(args);
	return granted;
}

/**
 * warden_netacl_format - the line that would grant a request
 * @req: the request.
 *
 * Return: the line, e.g. "network inet stream bind 127.0.0.1 5432",
 * allocated; %NULL when out of memory.
 */
char *warden_netacl_format(const struct warden_net_request *req)
{
	const typeof(warden_net_families[0]) *family =
		&warden_net_families[req->family];
	const char *op = family->ops[0] ? family->ops[req->op] : NULL;

	if (family->arg != WARDEN_ARG_INET)
		return kasprintf(GFP_NOFS, "%s%s%s %s", family->prefix,
				 op ? " " : "", op ?: "", req->name);
	if (req->ipv6)
		return kasprintf(GFP_NOFS, "%s %s %pI6c %lu", family->prefix, op,
				 req->address, req->port);
	return kasprintf(GFP_NOFS, "%s %s %pI4 %lu", family->prefix, op,
			 req->address, req->port);
}

/**
 * warden_netacl_task_allowed - whether a domain may move itself elsewhere
 * @entries: the domain's entries; the caller is in an RCU read-side
 *           critical section or holds warden_policy_lock.
 * @domainname: the domain it asks to move to.
 *
 * Return: true if a "task manual_domain_transition" entry without
 * conditions names @domainname.
 */
bool warden_netacl_task_allowed(const struct list_head *entries,
				const char *domainname)
{
	const int family = ARRAY_SIZE(warden_net_families) - 1;
	const struct warden_netacl *entry;

	list_for_each_entry_rcu(entry, entries, list)
		if (entry->family == family && !strcmp(entry->args, domainname))
			return true;
	return false;
}

#ifdef CONFIG_SECURITY_WARDEN_KUNIT_TEST

#include <kunit/test.h>

#include "policy.h"

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

static int warden_test_netacl_write(struct list_head *entries,
				    const char *text, bool is_delete)
{
	char *line = kstrdup(text, GFP_KERNEL);
	const char *reason;
	int err;

	if (!line)
		return -ENOMEM;
	mutex_lock(&warden_policy_lock);
	err = warden_netacl_write(entries, line, is_delete, &reason);
	warden_policy_unlock();
	kfree(line);
	return err;
}

static char *warden_test_netacl_dump(struct kunit *test,
				     struct list_head *entries)
{
	struct seq_file m = {};

	m.size = 4096;
	m.buf = kunit_kzalloc(test, m.size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m.buf);
	warden_netacl_show(&m, entries, false);
	return m.buf;
}

static void test_valid_netacl_line_prints_canonically(struct kunit *test)
{
	const struct warden_netacl_case *c = test->param_value;
	LIST_HEAD(entries);
	char *again;

	KUNIT_ASSERT_EQ(test, warden_test_netacl_write(&entries, c->line, false),
			0);
	KUNIT_EXPECT_STREQ(test, warden_test_netacl_dump(test, &entries),
			   c->printed);
	again = kunit_kstrdup(test, c->printed, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, again);
	again[strlen(again) - 1] = '\0';
	KUNIT_EXPECT_EQ(test, warden_test_netacl_write(&entries, again, false),
			0);
	KUNIT_EXPECT_STREQ(test, warden_test_netacl_dump(test, &entries),
			   c->printed);
	warden_netacl_clear(&entries);
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
	LIST_HEAD(entries);
	const char *before;

	KUNIT_ASSERT_EQ(test, warden_test_netacl_write(&entries, setup, false),
			0);
	before = warden_test_netacl_dump(test, &entries);
	KUNIT_EXPECT_EQ(test, warden_test_netacl_write(&entries, *line, false),
			-EINVAL);
	KUNIT_EXPECT_STREQ(test, warden_test_netacl_dump(test, &entries),
			   before);
	warden_netacl_clear(&entries);
}

static void test_netacl_merge_and_delete(struct kunit *test)
{
	static const char *const adds[] = {
		"network inet stream bind 127.0.0.1 5432",
		"network inet stream listen 127.0.0.1 5432",
		"network inet stream bind 127.0.0.1 5433",
	};
	LIST_HEAD(entries);
	size_t i;

	for (i = 0; i < ARRAY_SIZE(adds); i++)
		KUNIT_ASSERT_EQ(test,
				warden_test_netacl_write(&entries, adds[i], false),
				0);
	KUNIT_EXPECT_STREQ(test, warden_test_netacl_dump(test, &entries),
			   "network inet stream bind/listen 127.0.0.1 5432\n"
			   "network inet stream bind 127.0.0.1 5433\n");
	KUNIT_EXPECT_EQ(test, warden_test_netacl_write(&entries, adds[0], true),
			0);
	KUNIT_EXPECT_EQ(test, warden_test_netacl_write(&entries, adds[0], true),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, warden_test_netacl_write(&entries, adds[2], true),
			0);
	KUNIT_EXPECT_STREQ(test, warden_test_netacl_dump(test, &entries),
			   "network inet stream listen 127.0.0.1 5432\n");
	warden_netacl_clear(&entries);
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
	struct warden_exception_policy e;
	LIST_HEAD(entries);
	char *learned;
	size_t i;

	warden_test_exception_load(test, &e, exception_lines,
				   ARRAY_SIZE(exception_lines));
	for (i = 0; i < ARRAY_SIZE(lines); i++)
		KUNIT_ASSERT_EQ(test,
				warden_test_netacl_write(&entries, lines[i], false),
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
	KUNIT_EXPECT_EQ(test, warden_netacl_allows(&entries, &req, &e),
			c->allowed);
	rcu_read_unlock();
	learned = warden_netacl_format(&req);
	KUNIT_ASSERT_NOT_NULL(test, learned);
	KUNIT_EXPECT_STREQ(test, learned, c->learned);
	/* The learned line grants the request it was learned from. */
	KUNIT_ASSERT_EQ(test, warden_test_netacl_write(&entries, learned, false),
			0);
	rcu_read_lock();
	KUNIT_EXPECT_TRUE(test, warden_netacl_allows(&entries, &req, &e));
	rcu_read_unlock();
	kfree(learned);
	warden_netacl_clear(&entries);
	mutex_lock(&warden_policy_lock);
	warden_exception_clear(&e);
	warden_policy_unlock();
}

static struct kunit_case warden_netacl_test_cases[] = {
	KUNIT_CASE_PARAM(test_valid_netacl_line_prints_canonically,
			 warden_netacl_valid_gen_params),
	KUNIT_CASE_PARAM(test_invalid_netacl_line_changes_nothing,
			 warden_netacl_invalid_gen_params),
	KUNIT_CASE(test_netacl_merge_and_delete),
	KUNIT_CASE_PARAM(test_netacl_lookup_and_learned_line,
			 warden_net_gen_params),
	{}
};

static struct kunit_suite warden_netacl_test_suite = {
	.name = "warden_netacl",
	.test_cases = warden_netacl_test_cases,
};

kunit_test_suite(warden_netacl_test_suite);

#endif /* CONFIG_SECURITY_WARDEN_KUNIT_TEST */
