// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - the text of network, misc and task lines: parsing,
 * compiling, printing, and the line learning mode adds.
 *
 * The lines are TOMOYO 2.6's:
 *   network inet {stream|dgram|raw} <ops> <address>[-<address>]|@group <port>|@group
 *   network unix {stream|dgram|seqpacket} <ops> <pathname>|@group
 *   misc env <name>
 *   task manual_domain_transition <domainname>
 * A line is compiled when it is written: addresses and ports become
 * ranges, names stay words (literal or pattern), "@group" words become
 * group pointers and conditions typed elements.  Every entry prints
 * canonically.
 */

#include "common.h"

#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/overflow.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>

#include "cond.h"
#include "group.h"
#include "netacl.h"
#include "netacl_set.h"
#include "pattern.h"
#include "value.h"

/*
 * The longest name, or address and port words, a line may hold, with its
 * conditions; the limit of the canonical text entries were once kept as.
 */
#define WARDEN_NETACL_ARGS_MAX 8192

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
	/* Malformed conditions are refused before any group is made. */
	err = warden_cond_compile(cond, exception, &e->cond, reason);
	if (!err)
		err = warden_netacl_resolve(e, w, exception, reason);
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
	e->ref.key = warden_netacl_key(e);
	e->ref.entry = e;
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
 * @prefix: printed before every line: "" for a domain, "acl_group 5 " for
 *          an ACL group.
 * @task_only: print only the task entries, which decide domain
 *             transitions.
 */
void warden_netacl_show(struct seq_file *m,
			const struct warden_netacl_set *set,
			const char *prefix, bool task_only)
{
	const struct warden_netacl *e;

	list_for_each_entry_rcu(e, &set->entries, list) {
		const char *const *ops = warden_net_families[e->family].ops;
		u16 perm = READ_ONCE(e->perm);
		char sep = ' ';
		int i;

		if (task_only && e->family != WARDEN_NET_TASK)
			continue;
		seq_puts(m, prefix);
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
