// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - network, misc and task entries: compiled, indexed, checked.
 *
 * The lines are TOMOYO 2.6's:
 *   network inet {stream|dgram|raw} <ops> <address>[-<address>]|@group <port>|@group
 *   network unix {stream|dgram|seqpacket} <ops> <pathname>|@group
 *   misc env <name>
 *   task manual_domain_transition <domainname>
 * A line is compiled when it is written: addresses and ports become
 * ranges, names stay words (literal or pattern), "@group" words become
 * group pointers and conditions typed elements.  Entries that differ
 * only in their operations are merged, and every entry prints
 * canonically.
 */

#include "common.h"

#include <linux/errno.h>
#include <linux/jhash.h>
#include <linux/kernel.h>
#include <linux/overflow.h>
#include <linux/rculist.h>
#include <linux/rhashtable.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/stringhash.h>

#include "cond.h"
#include "group.h"
#include "netacl.h"
#include "pattern.h"
#include "stat.h"
#include "value.h"

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
	[WARDEN_NET_INET_STREAM] = {
		"network inet stream", { "bind", "listen", "connect", "accept" },
		WARDEN_ARG_INET },
	[WARDEN_NET_INET_DGRAM] = {
		"network inet dgram", { "bind", "send" }, WARDEN_ARG_INET },
	[WARDEN_NET_INET_RAW] = {
		"network inet raw", { "bind", "send" }, WARDEN_ARG_INET },
	[WARDEN_NET_UNIX_STREAM] = {
		"network unix stream", { "bind", "listen", "connect", "accept" },
		WARDEN_ARG_UNIX },
	[WARDEN_NET_UNIX_DGRAM] = {
		"network unix dgram", { "bind", "send" }, WARDEN_ARG_UNIX },
	[WARDEN_NET_UNIX_SEQPACKET] = {
		"network unix seqpacket",
		{ "bind", "listen", "connect", "accept" }, WARDEN_ARG_UNIX },
	[WARDEN_NET_MISC_ENV] = { "misc env", { NULL }, WARDEN_ARG_WORD },
	[WARDEN_NET_TASK] = {
		"task manual_domain_transition", { NULL }, WARDEN_ARG_DOMAIN },
};

static_assert(ARRAY_SIZE(warden_net_families) == WARDEN_NR_NET_FAMILIES);

/*
 * The longest name, or address and port words, a line may hold, with its
 * conditions; the limit of the canonical text entries were once kept as.
 */
#define WARDEN_NETACL_ARGS_MAX 8192

/* How an entry names the addresses, ports or names it covers. */
enum warden_net_match {
	WARDEN_NET_MATCH_EXACT,	/* one address, one port, a literal name */
	WARDEN_NET_MATCH_RANGE,	/* a range of addresses or ports, a pattern */
	WARDEN_NET_MATCH_GROUP,	/* "@group" */
};

/**
 * struct warden_netacl - one network, misc or task entry, compiled
 * @list: the set's entries, in the order added.
 * @node: the entry in the set's index.
 * @rcu: defers freeing past readers.
 * @key: the index key, from warden_netacl_key().
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
	struct rhlist_head node;
	struct rcu_head rcu;
	u64 key;
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

static const struct rhashtable_params warden_netacl_index_params = {
	.key_len = sizeof(u64),
	.key_offset = offsetof(struct warden_netacl, key),
	.head_offset = offsetof(struct warden_netacl, node),
	.automatic_shrinking = true,
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

static u64 warden_net_key(u8 family, enum warden_net_bucket bucket, u32 hash)
{
	return (u64)family << 40 | (u64)bucket << 32 | hash;
}

static u32 warden_net_address_hash(bool ipv6, const u8 *address, u32 port)
{
	return jhash(address, ipv6 ? 16 : 4, port);
}

static u32 warden_net_name_hash(const char *name)
{
	return full_name_hash(NULL, name, strlen(name));
}

/* The key an entry is filed under: see enum warden_net_bucket. */
static u64 warden_netacl_key(const struct warden_netacl *e)
{
	const bool one_address = e->address_match == WARDEN_NET_MATCH_EXACT;
	const bool one_port = e->port_match == WARDEN_NET_MATCH_EXACT;

	if (warden_net_families[e->family].arg != WARDEN_ARG_INET) {
		if (e->name_match == WARDEN_NET_MATCH_EXACT)
			return warden_net_key(e->family, WARDEN_NET_BUCKET_NAME,
					      warden_net_name_hash(e->name));
	} else if (one_address && one_port) {
		return warden_net_key(e->family, WARDEN_NET_BUCKET_ADDRESS_PORT,
				      warden_net_address_hash(e->address.ipv6,
							      e->address.min,
							      e->port.min));
	} else if (one_port) {
		return warden_net_key(e->family, WARDEN_NET_BUCKET_PORT,
				      e->port.min);
	} else if (one_address) {
		return warden_net_key(e->family, WARDEN_NET_BUCKET_ADDRESS,
				      warden_net_address_hash(e->address.ipv6,
							      e->address.min,
							      0));
	}
	return warden_net_key(e->family, WARDEN_NET_BUCKET_REST, 0);
}

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

/* The entries filed under @key; the caller is in an RCU read section. */
static struct rhlist_head *
warden_netacl_bucket(const struct warden_netacl_set *set, u64 key)
{
	/* A lookup changes nothing; the rhashtable API only lacks const. */
	return rhltable_lookup((struct rhltable *)&set->index, &key,
			       warden_netacl_index_params);
}

/**
 * warden_netacl_set_init - prepare an empty set of entries
 * @set: the set.
 *
 * Return: 0 or -ENOMEM.
 */
int warden_netacl_set_init(struct warden_netacl_set *set)
{
	INIT_LIST_HEAD(&set->entries);
	set->count = 0;
	return rhltable_init(&set->index, &warden_netacl_index_params);
}

/* What an entry is charged: itself, its name and its conditions. */
static size_t warden_netacl_size(const struct warden_netacl *e)
{
	return struct_size(e, name, strlen(e->name) + 1) +
	       warden_cond_size(e->cond);
}

static void warden_netacl_free(struct warden_netacl *e)
{
	warden_cond_free(e->cond);
	kfree(e);
}

static void warden_netacl_free_rcu(struct rcu_head *head)
{
	warden_netacl_free(container_of(head, struct warden_netacl, rcu));
}

/**
 * warden_netacl_set_destroy - free a set nobody can reach any more
 * @set: the set; no reader may still hold its entries.
 */
void warden_netacl_set_destroy(struct warden_netacl_set *set)
{
	struct warden_netacl *e, *next;

	list_for_each_entry_safe(e, next, &set->entries, list) {
		warden_memory_uncharge(WARDEN_MEMORY_POLICY,
				       warden_netacl_size(e));
		warden_netacl_free(e);
	}
	rhltable_destroy(&set->index);
	INIT_LIST_HEAD(&set->entries);
	set->count = 0;
}

/*
 * A line's words after its operations, checked but not yet compiled:
 * groups are taken only once the whole line is known to be valid.
 */
struct warden_netacl_words {
	const char *group;	/* the "@name" of the addresses or names */
	const char *port_group;	/* inet: the "@name" of the ports */
	const char *name;	/* unix, env, task: the name, unless a group */
};

/* Check "<address> <port>" and compile what needs no group into @e. */
static int warden_netacl_parse_inet(struct warden_netacl *e, char *args,
				    struct warden_netacl_words *w,
				    const char **reason)
{
	char *address = strsep(&args, " ");
	char *port = args;

	if (!port || strchr(port, ' ')) {
		*reason = "expected an address and a port";
		return -EINVAL;
	}
	if (strlen(address) + strlen(port) + 2 > WARDEN_NETACL_ARGS_MAX) {
		*reason = "too long";
		return -EINVAL;
	}
	w->name = "";
	if (warden_group_ref_valid(address)) {
		e->address_match = WARDEN_NET_MATCH_GROUP;
		w->group = address;
	} else if (!warden_address_range_parse(address, &e->address)) {
		e->address_match = memcmp(e->address.min, e->address.max,
					  sizeof(e->address.min)) ?
				   WARDEN_NET_MATCH_RANGE :
				   WARDEN_NET_MATCH_EXACT;
	} else {
		*reason = "invalid IPv4 or IPv6 address, range or @group";
		return -EINVAL;
	}
	if (warden_group_ref_valid(port)) {
		e->port_match = WARDEN_NET_MATCH_GROUP;
		w->port_group = port;
		return 0;
	}
	if (warden_number_parse(port, &e->port) || e->port.max > 65535) {
		*reason = "the port is a number or range up to 65535";
		return -EINVAL;
	}
	e->port_match = e->port.min == e->port.max ? WARDEN_NET_MATCH_EXACT :
						     WARDEN_NET_MATCH_RANGE;
	return 0;
}

/* Check the words after the operations; compile what needs no group. */
static int warden_netacl_parse_args(struct warden_netacl *e, char *args,
				    struct warden_netacl_words *w,
				    const char **reason)
{
	const u8 arg = warden_net_families[e->family].arg;

	if (arg == WARDEN_ARG_INET)
		return warden_netacl_parse_inet(e, args, w, reason);
	if (arg == WARDEN_ARG_DOMAIN) {
		if (warden_domainname_check(args)) {
			*reason = "expected a domainname";
			return -EINVAL;
		}
		e->name_match = WARDEN_NET_MATCH_EXACT;
	} else if (strchr(args, ' ') ||
		   (!warden_group_ref_valid(args) &&
		    (args[0] == '@' || warden_word_check(args, true)))) {
		*reason = "expected one pathname, pattern or @group";
		return -EINVAL;
	} else if (args[0] == '@') {
		e->name_match = WARDEN_NET_MATCH_GROUP;
	} else {
		e->name_match = warden_word_has_wildcard(args) ?
				WARDEN_NET_MATCH_RANGE : WARDEN_NET_MATCH_EXACT;
	}
	if (strlen(args) >= WARDEN_NETACL_ARGS_MAX) {
		/* Kept cut short, it would no longer say what was written. */
		*reason = "too long";
		return -EINVAL;
	}
	if (e->name_match == WARDEN_NET_MATCH_GROUP) {
		w->group = args;
		w->name = "";
	} else {
		w->name = args;
	}
	return 0;
}

/*
 * Take the groups the line's "@name" words refer to, created empty if
 * need be; the caller rolls them back if the line is refused later.
 */
static int warden_netacl_resolve(struct warden_netacl *e,
				 const struct warden_netacl_words *w,
				 struct warden_exception_policy *exception,
				 const char **reason)
{
	const bool inet = warden_net_families[e->family].arg == WARDEN_ARG_INET;

	if ((w->group || w->port_group) && !exception) {
		*reason = "no exception policy for an @group here";
		return -EINVAL;
	}
	if (w->group) {
		e->group = warden_group_ref(&exception->groups,
					    inet ? WARDEN_GROUP_ADDRESS :
						   WARDEN_GROUP_PATH,
					    w->group + 1);
		if (!e->group)
			return -ENOMEM;
	}
	if (w->port_group) {
		e->port_group = warden_group_ref(&exception->groups,
						 WARDEN_GROUP_NUMBER,
						 w->port_group + 1);
		if (!e->port_group)
			return -ENOMEM;
	}
	return 0;
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

static bool warden_same_number(const struct warden_number *a,
			       const struct warden_number *b)
{
	return a->min == b->min && a->max == b->max &&
	       a->min_base == b->min_base && a->max_base == b->max_base;
}

/*
 * Whether two entries differ in nothing but their operations: exactly
 * when their canonical lines, operations cut off, are the same text.
 * Both name their groups in the same exception policy, so the same
 * group is the same pointer.
 */
static bool warden_netacl_same(const struct warden_netacl *a,
			       const struct warden_netacl *b)
{
	if (a->family != b->family || a->address_match != b->address_match ||
	    a->port_match != b->port_match || a->name_match != b->name_match ||
	    a->group != b->group || a->port_group != b->port_group ||
	    strcmp(a->name, b->name) || !warden_cond_equal(a->cond, b->cond))
		return false;
	if (warden_net_families[a->family].arg != WARDEN_ARG_INET)
		return true;
	if (a->address_match != WARDEN_NET_MATCH_GROUP &&
	    memcmp(&a->address, &b->address, sizeof(a->address)))
		return false;
	return a->port_match == WARDEN_NET_MATCH_GROUP ||
	       warden_same_number(&a->port, &b->port);
}

/* The entry of @set that differs from @like only in its operations. */
static struct warden_netacl *warden_netacl_find(struct warden_netacl_set *set,
						const struct warden_netacl *like)
{
	struct rhlist_head *pos, *list;
	struct warden_netacl *e;

	list = warden_netacl_bucket(set, like->key);
	rhl_for_each_entry_rcu(e, pos, list, node)
		if (warden_netacl_same(e, like))
			return e;
	return NULL;
}

/* Apply a compiled entry to @set: merge, add, or delete its operations. */
static int warden_netacl_apply(struct warden_netacl_set *set,
			       struct warden_netacl *e, bool is_delete,
			       const char **reason)
{
	const u16 perm = e->perm;
	struct warden_netacl *found;
	size_t size;

	/* The writer lock keeps entries alive; RCU is what the index wants. */
	rcu_read_lock();
	found = warden_netacl_find(set, e);
	rcu_read_unlock();
	if (is_delete) {
		warden_netacl_free(e);
		if (!found || !(found->perm & perm)) {
			*reason = "no such entry to delete";
			return -ENOENT;
		}
		if (found->perm & ~perm) {
			WRITE_ONCE(found->perm, found->perm & ~perm);
			return 0;
		}
		rhltable_remove(&set->index, &found->node,
				warden_netacl_index_params);
		list_del_rcu(&found->list);
		set->count--;
		warden_memory_uncharge(WARDEN_MEMORY_POLICY,
				       warden_netacl_size(found));
		call_rcu(&found->rcu, warden_netacl_free_rcu);
		return 0;
	}
	if (found) {
		WRITE_ONCE(found->perm, found->perm | perm);
		warden_netacl_free(e);
		return 0;
	}
	size = warden_netacl_size(e);
	if (!warden_memory_charge(WARDEN_MEMORY_POLICY, size))
		goto out_free;
	if (rhltable_insert(&set->index, &e->node, warden_netacl_index_params)) {
		warden_memory_uncharge(WARDEN_MEMORY_POLICY, size);
		goto out_free;
	}
	list_add_tail_rcu(&e->list, &set->entries);
	set->count++;
	return 0;

out_free:
	warden_netacl_free(e);
	return -ENOMEM;
}

/* The length of an entry's words after its operations, as printed. */
static size_t warden_netacl_args_len(const struct warden_netacl *e)
{
	char text[WARDEN_ADDRESS_TEXT_MAX];
	size_t len;

	if (warden_net_families[e->family].arg != WARDEN_ARG_INET)
		return e->group ? strlen(warden_group_name(e->group)) + 1 :
				  strlen(e->name);
	if (e->group) {
		len = strlen(warden_group_name(e->group)) + 1;
	} else {
		warden_address_range_print(text, sizeof(text), &e->address);
		len = strlen(text);
	}
	if (e->port_group)
		return len + 2 + strlen(warden_group_name(e->port_group));
	warden_number_print(text, sizeof(text), &e->port);
	return len + 1 + strlen(text);
}

/* Compile a checked line's words and conditions into a new entry. */
static struct warden_netacl *
warden_netacl_compile(const struct warden_netacl *parsed,
		      const struct warden_netacl_words *w, char *cond,
		      struct warden_exception_policy *exception,
		      const char **reason)
{
	struct warden_netacl *e;
	int err;

	e = kmalloc(struct_size(e, name, strlen(w->name) + 1),
		    GFP_KERNEL_ACCOUNT);
	if (!e)
		return ERR_PTR(-ENOMEM);
	*e = *parsed;
	memcpy(e->name, w->name, strlen(w->name) + 1);
	err = warden_netacl_resolve(e, w, exception, reason);
	if (!err)
		err = warden_cond_compile(cond, exception, &e->cond, reason);
	if (err)
		goto out_free;
	/* The whole line after the operations stays under the limit. */
	if (e->cond && warden_netacl_args_len(e) + 1 +
		       strlen(warden_cond_text(e->cond)) >=
		       WARDEN_NETACL_ARGS_MAX) {
		*reason = "too long";
		err = -EINVAL;
		goto out_free;
	}
	e->key = warden_netacl_key(e);
	return e;

out_free:
	warden_netacl_free(e);
	return ERR_PTR(err);
}

/**
 * warden_netacl_write - add or delete a network, misc or task line
 * @set: the domain's entries; the caller holds warden_policy_lock.
 * @exception: the exception policy "@group" words refer to, where groups
 *             a line names are created empty if need be; or %NULL where
 *             the line cannot hold one (a learned line).
 * @line: the whole line, parsed in place.
 * @is_delete: remove the line's operations instead of adding them.
 * @reason: receives why the line was refused.
 *
 * Return: 0; -EINVAL for a malformed line; -ENOENT when deleting what is
 * not there; -ENOMEM when memory or the policy quota runs out.  A refused
 * line changes nothing, and leaves no group it created behind.
 */
int warden_netacl_write(struct warden_netacl_set *set,
			struct warden_exception_policy *exception,
			char *line, bool is_delete, const char **reason)
{
	struct warden_netacl parsed = { .perm = 1 }, *e;
	struct warden_netacl_words words = {};
	struct warden_group_mark mark;
	char *rest, *ops, *cond;
	int family, err;

	*reason = NULL;
	family = warden_netacl_family(line, &rest);
	if (family < 0) {
		*reason = "unknown network, misc or task line";
		return -EINVAL;
	}
	parsed.family = family;
	if (warden_net_families[family].ops[0]) {
		ops = strsep(&rest, " ");
		if (!rest || warden_netacl_ops(family, ops, &parsed.perm)) {
			*reason = "unknown operation for this protocol";
			return -EINVAL;
		}
	}
	cond = warden_netacl_split_cond(warden_net_families[family].arg, rest);
	err = warden_netacl_parse_args(&parsed, rest, &words, reason);
	if (err)
		return err;
	if (exception)
		warden_group_mark(&exception->groups, &mark);
	e = warden_netacl_compile(&parsed, &words, cond, exception, reason);
	err = IS_ERR(e) ? PTR_ERR(e) :
			  warden_netacl_apply(set, e, is_delete, reason);
	/* Groups exist only for lines that hold them. */
	if (err && exception)
		warden_group_rollback(&exception->groups, &mark);
	return err;
}

/* Print an entry's words after its operations, as they were written. */
static void warden_netacl_show_args(struct seq_file *m,
				    const struct warden_netacl *e)
{
	char text[WARDEN_ADDRESS_TEXT_MAX];

	if (e->group) {
		seq_printf(m, "@%s", warden_group_name(e->group));
	} else if (warden_net_families[e->family].arg != WARDEN_ARG_INET) {
		seq_puts(m, e->name);
	} else {
		warden_address_range_print(text, sizeof(text), &e->address);
		seq_puts(m, text);
	}
	if (warden_net_families[e->family].arg != WARDEN_ARG_INET)
		return;
	if (e->port_group) {
		seq_printf(m, " @%s", warden_group_name(e->port_group));
		return;
	}
	warden_number_print(text, sizeof(text), &e->port);
	seq_printf(m, " %s", text);
}

/**
 * warden_netacl_show - print a domain's network, misc and task entries
 * @m: the seq_file.
 * @set: the entries; the caller holds warden_policy_lock.
 * @task_only: print only the task entries, which decide domain
 *             transitions.
 */
void warden_netacl_show(struct seq_file *m,
			const struct warden_netacl_set *set, bool task_only)
{
	const struct warden_netacl *e;

	list_for_each_entry(e, &set->entries, list) {
		const char *const *ops = warden_net_families[e->family].ops;
		u16 perm = READ_ONCE(e->perm);
		char sep = ' ';
		int i;

		if (task_only && e->family != WARDEN_NET_TASK)
			continue;
		seq_puts(m, warden_net_families[e->family].prefix);
		for (i = 0; i < ARRAY_SIZE(warden_net_families[0].ops) && ops[i];
		     i++) {
			if (!(perm & BIT(i)))
				continue;
			seq_printf(m, "%c%s", sep, ops[i]);
			sep = '/';
		}
		seq_putc(m, ' ');
		warden_netacl_show_args(m, e);
		warden_cond_show(m, e->cond);
		seq_putc(m, '\n');
	}
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
 * @set: the domain's network, misc and task entries; the caller is in an
 *       RCU read-side critical section.
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

	for (i = 0; i < n; i++) {
		list = warden_netacl_bucket(set, keys[i]);
		rhl_for_each_entry_rcu(e, pos, list, node) {
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
 * @set: the domain's entries; the caller is in an RCU read-side critical
 *       section.
 * @domainname: the domain it asks to move to.
 *
 * Return: true if a "task manual_domain_transition" entry without
 * conditions names @domainname.
 */
bool warden_netacl_task_allowed(const struct warden_netacl_set *set,
				const char *domainname)
{
	const u64 key = warden_net_key(WARDEN_NET_TASK, WARDEN_NET_BUCKET_NAME,
				       warden_net_name_hash(domainname));
	struct rhlist_head *pos, *list;
	const struct warden_netacl *e;

	list = warden_netacl_bucket(set, key);
	rhl_for_each_entry_rcu(e, pos, list, node)
		if (e->family == WARDEN_NET_TASK && !e->cond &&
		    !strcmp(e->name, domainname))
			return true;
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
	const struct warden_netacl *e;

	for (i = 0; i < n; i++) {
		list = warden_netacl_bucket(set, keys[i]);
		rhl_for_each_entry_rcu(e, pos, list, node)
			count++;
	}
	return count;
}
#endif
