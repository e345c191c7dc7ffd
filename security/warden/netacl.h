/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - the network, misc and task entries of a domain.
 *
 * "network inet", "network unix", "misc env" and "task
 * manual_domain_transition" lines, compiled when written into typed
 * entries (address and port ranges, names, patterns, group references)
 * and indexed so that a check looks at a few hash buckets, however many
 * entries the domain holds.
 */

#ifndef _SECURITY_WARDEN_NETACL_H
#define _SECURITY_WARDEN_NETACL_H

#include <linux/list.h>
#include <linux/rhashtable-types.h>
#include <linux/seq_file.h>
#include <linux/types.h>

#include "index.h"

/*
 * The keywords and protocols of network, misc and task lines, in the
 * order of struct warden_net_request's @family.
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

/* Operations, as bit numbers in an entry: stream and seqpacket ... */
#define WARDEN_NET_BIND 0
#define WARDEN_NET_LISTEN 1
#define WARDEN_NET_CONNECT 2
#define WARDEN_NET_ACCEPT 3
/* ... and dgram and raw. */
#define WARDEN_NET_SEND 1

struct warden_exception_policy;

/**
 * struct warden_netacl_set - the network, misc and task entries of a
 *			      domain or ACL group
 * @entries: every entry of the set, in the order added, for printing.
 * @index: the entries by key (family, and the exact address, port or
 *         name where the entry has one), for checks: the set's own, and
 *         those of the sets it mirrors (the ACL groups a domain uses).
 * @mirrors: the &struct warden_mirror of the sets that file this set's
 *           entries in their index too.
 * @count: the number of entries of the set.
 *
 * Entries are added and removed under warden_policy_lock and freed after
 * an RCU grace period; a reader in an RCU read-side critical section may
 * walk @entries and @index while they change.
 */
struct warden_netacl_set {
	struct list_head entries;
	struct rhltable index;
	struct list_head mirrors;
	unsigned int count;
};

/**
 * struct warden_net_request - a network or environment request
 * @family: an &enum warden_net_family.
 * @op: the operation's bit number; 0 for misc env.
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

int warden_netacl_set_init(struct warden_netacl_set *set);
void warden_netacl_set_destroy(struct warden_netacl_set *set);
int warden_netacl_set_mirror(struct warden_netacl_set *set,
			     struct warden_mirror *mirror,
			     struct warden_netacl_set *into);
void warden_netacl_set_unmirror(struct warden_netacl_set *set,
				struct warden_mirror *mirror, bool unlink);
int warden_netacl_write(struct warden_netacl_set *set,
			struct warden_exception_policy *exception,
			char *line, bool is_delete, const char **reason);
void warden_netacl_show(struct seq_file *m,
			const struct warden_netacl_set *set,
			const char *prefix, bool task_only);
bool warden_netacl_allows(const struct warden_netacl_set *set,
			  struct warden_net_request *req,
			  const struct warden_exception_policy *exception);
bool warden_netacl_task_allowed(const struct warden_netacl_set *set,
				const char *domainname);
char *warden_netacl_format(const struct warden_net_request *req);

#ifdef CONFIG_SECURITY_WARDEN_KUNIT_TEST
const char *warden_test_netacl_corpus(size_t i);
unsigned int
warden_test_netacl_candidates(const struct warden_netacl_set *set,
			      const struct warden_net_request *req);
#endif

#endif /* _SECURITY_WARDEN_NETACL_H */
