/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - the network, misc and task entries of a domain.
 *
 * "network inet", "network unix", "misc env" and "task
 * manual_domain_transition" lines, kept in canonical form with their
 * operations merged as TOMOYO merges them.
 */

#ifndef _SECURITY_WARDEN_NETACL_H
#define _SECURITY_WARDEN_NETACL_H

#include <linux/list.h>
#include <linux/rcupdate.h>
#include <linux/seq_file.h>
#include <linux/types.h>

/**
 * struct warden_netacl - one network, misc or task entry
 * @list: the domain's entries, in the order added.
 * @rcu: defers freeing past readers.
 * @family: the index of the line's keyword and protocol.
 * @perm: the operations allowed, one bit each.
 * @args: the canonical arguments after the operations.
 */
struct warden_netacl {
	struct list_head list;
	struct rcu_head rcu;
	u8 family;
	u16 perm;
	char args[];
};

/*
 * The keywords and protocols of network, misc and task lines, in the
 * order of &warden_netacl.family.
 */
enum warden_net_family {
	WARDEN_NET_INET_STREAM,
	WARDEN_NET_INET_DGRAM,
	WARDEN_NET_INET_RAW,
	WARDEN_NET_UNIX_STREAM,
	WARDEN_NET_UNIX_DGRAM,
	WARDEN_NET_UNIX_SEQPACKET,
	WARDEN_NET_MISC_ENV,
	WARDEN_NET_TASK,
	WARDEN_NR_NET_FAMILIES,
};

/* Operations, as bits of &warden_netacl.perm: stream and seqpacket ... */
#define WARDEN_NET_BIND 0
#define WARDEN_NET_LISTEN 1
#define WARDEN_NET_CONNECT 2
#define WARDEN_NET_ACCEPT 3
/* ... and dgram and raw. */
#define WARDEN_NET_SEND 1

struct warden_exception_policy;

/**
 * struct warden_net_request - a network or environment request
 * @family: an &enum warden_net_family.
 * @op: the operation's bit in &warden_netacl.perm; 0 for misc env.
 * @ipv6: @address is an IPv6 address, not IPv4.
 * @address: the IPv4 or IPv6 address, in network byte order.
 * @port: the port, or for a raw socket its protocol.
 * @name: the encoded unix socket address or environment variable name.
 * @grant_log: receives what the granting entry's conditions say of
 *             logging the grant: 1 yes, 0 no, -1 as the profile says.
 */
struct warden_net_request {
	u8 family;
	u8 op;
	bool ipv6;
	u8 address[16];
	unsigned long port;
	const char *name;
	s8 grant_log;
};

bool warden_address_covers(const char *text, bool ipv6, const u8 *address);
bool warden_netacl_allows(const struct list_head *entries,
			  struct warden_net_request *req,
			  const struct warden_exception_policy *exception);
char *warden_netacl_format(const struct warden_net_request *req);
int warden_netacl_write(struct list_head *entries, char *line, bool is_delete,
			const char **reason);
void warden_netacl_show(struct seq_file *m, const struct list_head *entries,
			bool task_only);
void warden_netacl_clear(struct list_head *entries);
bool warden_netacl_task_allowed(const struct list_head *entries,
				const char *domainname);
int warden_address_canonical(const char *text, char *out, size_t size);

#ifdef CONFIG_SECURITY_WARDEN_KUNIT_TEST
const char *warden_test_netacl_corpus(size_t i);
#endif

#endif /* _SECURITY_WARDEN_NETACL_H */
