// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - network, environment and manual domain transition
 * requests checked against a domain's entries.
 *
 * A check looks in the few buckets of the index an entry covering the
 * request can be filed under; it allocates nothing, parses nothing and
 * cannot fail.
 */

#include "common.h"

#include <linux/rcupdate.h>
#include <linux/rhashtable.h>
#include <linux/string.h>

#include "cond.h"
#include "group.h"
#include "netacl.h"
#include "netacl_set.h"
#include "pattern.h"
#include "value.h"

/* The keys of every bucket an entry granting @req can be filed under. */
static unsigned int
warden_net_request_keys(const struct warden_net_request *req, u64 *keys)
{
	const u32 port = req->port;
	unsigned int n = 0;

	if (warden_net_families[req->family].arg == WARDEN_ARG_INET) {
		keys[n++] = warden_net_key(req->family,
					   WARDEN_NET_BUCKET_ADDRESS_PORT,
					   warden_net_address_hash(req->ipv6,
								   req->address,
								   port));
		keys[n++] = warden_net_key(req->family, WARDEN_NET_BUCKET_PORT,
					   port);
		keys[n++] = warden_net_key(req->family,
					   WARDEN_NET_BUCKET_ADDRESS,
					   warden_net_address_hash(req->ipv6,
								   req->address,
								   0));
	} else {
		keys[n++] = warden_net_key(req->family, WARDEN_NET_BUCKET_NAME,
					   warden_net_name_hash(req->name));
	}
	keys[n++] = warden_net_key(req->family, WARDEN_NET_BUCKET_REST, 0);
	return n;
}

/* Whether @e's name, a literal, a pattern or a path group, names @name. */
static bool warden_netacl_name_covers(const struct warden_netacl *e,
				      const char *name)
{
	switch (e->name_match) {
	case WARDEN_NET_MATCH_GROUP:
		return warden_group_has_path(e->group, name);
	case WARDEN_NET_MATCH_RANGE:
		return warden_pattern_match(name, e->name);
	}
	return !strcmp(e->name, name);
}

/* Whether @e covers @req, its conditions aside. */
static bool warden_netacl_covers(const struct warden_netacl *e,
				 const struct warden_net_request *req)
{
	if (e->family != req->family || !(READ_ONCE(e->perm) & BIT(req->op)))
		return false;
	if (warden_net_families[e->family].arg != WARDEN_ARG_INET)
		return warden_netacl_name_covers(e, req->name);
	if (e->group ?
	    !warden_group_has_address(e->group, req->ipv6, req->address) :
	    !warden_address_range_covers(&e->address, req->ipv6, req->address))
		return false;
	if (e->port_group)
		return warden_group_has_number(e->port_group, req->port);
	return warden_number_covers(&e->port, req->port);
}

/**
 * warden_netacl_allows - whether a domain's entries grant a request
 * @set: the domain's network, misc and task entries, with those of the
 *       ACL groups it uses; the caller is in an RCU read-side critical
 *       section.
 * @req: the request; its @grant_log is set when an entry grants it.
 * @exception: the namespace's exception policy; unused, since entries
 *             hold their groups, and kept for the callers' sake.
 *
 * Looks in the few buckets of the index an entry covering @req can be
 * filed under; allocates nothing, parses nothing and cannot fail.
 *
 * Return: true if an entry of the request's family and operation covers
 * its address, port or name, and its conditions hold.
 */
bool warden_netacl_allows(const struct warden_netacl_set *set,
			  struct warden_net_request *req,
			  const struct warden_exception_policy *exception)
{
	u64 keys[WARDEN_NET_MAX_BUCKETS];
	unsigned int i, n = warden_net_request_keys(req, keys);
	struct rhlist_head *pos, *list;
	const struct warden_netacl *e;
	const struct warden_ref *ref;

	for (i = 0; i < n; i++) {
		list = warden_netacl_bucket(set, keys[i]);
		rhl_for_each_entry_rcu(ref, pos, list, node) {
			e = ref->entry;
			if (!warden_netacl_covers(e, req) ||
			    !warden_cond_eval(e->cond, NULL))
				continue;
			req->grant_log = warden_cond_grant_log(e->cond);
			return true;
		}
	}
	return false;
}

/**
 * warden_netacl_task_allowed - whether a domain may move itself elsewhere
 * @set: the domain's entries; the caller is in an RCU read-side critical
 *       section.
 * @domainname: the domain it asks to move to.
 *
 * Return: true if a "task manual_domain_transition" entry names
 * @domainname and its conditions, if any, hold for the caller.
 */
bool warden_netacl_task_allowed(const struct warden_netacl_set *set,
				const char *domainname)
{
	const u64 key = warden_net_key(WARDEN_NET_TASK, WARDEN_NET_BUCKET_NAME,
				       warden_net_name_hash(domainname));
	struct rhlist_head *pos, *list;
	const struct warden_netacl *e;
	const struct warden_ref *ref;

	list = warden_netacl_bucket(set, key);
	rhl_for_each_entry_rcu(ref, pos, list, node) {
		e = ref->entry;
		if (e->family == WARDEN_NET_TASK &&
		    !strcmp(e->name, domainname) &&
		    warden_cond_eval(e->cond, NULL))
			return true;
	}
	return false;
}

#ifdef CONFIG_SECURITY_WARDEN_KUNIT_TEST
/**
 * warden_test_netacl_candidates - how many entries a check would look at
 * @set: the entries; the caller is in an RCU read-side critical section.
 * @req: the request.
 *
 * Return: the number of entries in the buckets warden_netacl_allows()
 * walks for @req, so that a test can show the cost does not grow with
 * the entries that cannot grant it.
 */
unsigned int
warden_test_netacl_candidates(const struct warden_netacl_set *set,
			      const struct warden_net_request *req)
{
	u64 keys[WARDEN_NET_MAX_BUCKETS];
	unsigned int i, n = warden_net_request_keys(req, keys), count = 0;
	struct rhlist_head *pos, *list;
	const struct warden_ref *ref;

	for (i = 0; i < n; i++) {
		list = warden_netacl_bucket(set, keys[i]);
		rhl_for_each_entry_rcu(ref, pos, list, node)
			count++;
	}
	return count;
}
#endif
