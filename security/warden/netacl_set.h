/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - what the files of the network, misc and task entries share.
 *
 * netacl_set.c keeps a domain's entries and their index; netacl_text.c
 * parses and prints "network", "misc env" and "task
 * manual_domain_transition" lines; netacl_match.c looks requests up.  The
 * rest of Warden uses netacl.h only.
 */

#ifndef _SECURITY_WARDEN_NETACL_SET_H
#define _SECURITY_WARDEN_NETACL_SET_H

#include <linux/jhash.h>
#include <linux/list.h>
#include <linux/rhashtable.h>
#include <linux/stddef.h>
#include <linux/stringhash.h>
#include <linux/types.h>

#include "index.h"
#include "netacl.h"
#include "value.h"

struct warden_cond;
struct warden_group;

/* What follows the operations of a line. */
enum warden_net_arg {
	WARDEN_ARG_INET,	/* address and port */
	WARDEN_ARG_UNIX,	/* pathname */
	WARDEN_ARG_WORD,	/* environment variable name */
	WARDEN_ARG_DOMAIN,	/* domainname */
};

/**
 * struct warden_net_family_info - a kind of network, misc or task line
 * @prefix: the words the line starts with.
 * @ops: the names of its operations, by bit number; none for misc env
 *       and task lines.
 * @arg: an &enum warden_net_arg: what follows the operations.
 */
struct warden_net_family_info {
	const char *prefix;
	const char *const ops[4];
	u8 arg;
};

extern const struct warden_net_family_info
warden_net_families[WARDEN_NR_NET_FAMILIES];

/* How an entry names the addresses, ports or names it covers. */
enum warden_net_match {
	WARDEN_NET_MATCH_EXACT,	/* one address, one port, a literal name */
	WARDEN_NET_MATCH_RANGE,	/* a range of addresses or ports, a pattern */
	WARDEN_NET_MATCH_GROUP,	/* "@group" */
};

/**
 * struct warden_netacl - one network, misc or task entry, compiled
 * @list: the set's entries, in the order added.
 * @ref: files the entry in its set's index, under the key from
 *       warden_netacl_key().
 * @rcu: defers freeing past readers.
 * @family: an &enum warden_net_family.
 * @perm: the operations allowed, one bit each; the only field that
 *        changes while readers see the entry.
 * @address_match: inet: how @address or @group gives the addresses.
 * @port_match: inet: how @port or @port_group gives the ports.
 * @name_match: unix, env and task: how @name or @group gives the names.
 * @address: inet: the address range, unless a group.
 * @port: inet: the port range, unless a group.
 * @group: inet: the address group; unix and env: the path group; or
 *         %NULL.  Groups live as long as the exception policy.
 * @port_group: inet: the number group of the ports, or %NULL.
 * @cond: the compiled conditions, or %NULL.
 * @name: unix, env, task: the literal name or pattern, unless a group.
 */
struct warden_netacl {
	struct list_head list;
	struct warden_ref ref;
	struct rcu_head rcu;
	u8 family;
	u16 perm;
	u8 address_match;
	u8 port_match;
	u8 name_match;
	struct warden_address_range address;
	struct warden_number port;
	const struct warden_group *group;
	const struct warden_group *port_group;
	struct warden_cond *cond;
	char name[];
};

/*
 * The buckets of the index.  An inet entry is filed by what it names
 * exactly: its address and port, its port, or its address; a unix, env
 * or task entry by its literal name.  Ranges, patterns and groups are
 * filed together per family.  A request tries each bucket it could be
 * in, so a check costs a few hash lookups plus the inexact entries of
 * its family.
 */
enum warden_net_bucket {
	WARDEN_NET_BUCKET_ADDRESS_PORT,
	WARDEN_NET_BUCKET_PORT,
	WARDEN_NET_BUCKET_ADDRESS,
	WARDEN_NET_BUCKET_NAME,
	WARDEN_NET_BUCKET_REST,
};

/* The most buckets a request may be in. */
#define WARDEN_NET_MAX_BUCKETS 4

static inline u64 warden_net_key(u8 family, enum warden_net_bucket bucket, u32 hash)
{
	return (u64)family << 40 | (u64)bucket << 32 | hash;
}

static inline u32 warden_net_address_hash(bool ipv6, const u8 *address, u32 port)
{
	return jhash(address, ipv6 ? 16 : 4, port);
}

static inline u32 warden_net_name_hash(const char *name)
{
	return full_name_hash(NULL, name, strlen(name));
}

/* The entries filed under @key; the caller is in an RCU read section. */
static inline struct rhlist_head *
warden_netacl_bucket(const struct warden_netacl_set *set, u64 key)
{
	/* A lookup changes nothing; the rhashtable API only lacks const. */
	return warden_index_bucket((struct rhltable *)&set->index, key);
}

/* Whether @ref, filed in a set's index, is an entry of that set. */
static inline bool warden_netacl_ref_is_own(const struct warden_ref *ref)
{
	return warden_ref_is_own(ref, offsetof(struct warden_netacl, ref));
}

u64 warden_netacl_key(const struct warden_netacl *e);
void warden_netacl_free(struct warden_netacl *e);
int warden_netacl_apply(struct warden_netacl_set *set,
			struct warden_netacl *e, bool is_delete,
			const char **reason);

#endif /* _SECURITY_WARDEN_NETACL_SET_H */
