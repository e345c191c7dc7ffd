// SPDX-License-Identifier: GPL-2.0-only
/*
 * warden-audit2allow - turn Warden's denials into the policy that would
 * grant them: raw ACL lines, quiet lines, or calls of the interfaces of
 * a set of policy modules (as SELinux's audit2allow -R does), why each
 * denial happened (-w), or a module ready for warden-module install.
 *
 * Records come as the kernel's audit file gives them (NUL-separated) or
 * as warden-auditd logs them (blank-line separated).  Whether a line
 * covers a request is decided by the kernel's own pattern matcher
 * (lib/match.h), so the tool never proposes a line the kernel would not
 * take as granting the request.
 */

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <glob.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "grammar.h"
#include "iface.h"
#include "io.h"
#include "match.h"
#include "module.h"
#include "store.h"
#include "policy.h"
#include "record.h"
#include "util.h"

#define PROG "warden-audit2allow"
#define WD_DEFAULT_LOG_DIR "/var/log/warden"
/* Values tried for one parameter: enough for every object of a line. */
#define WD_MAX_BIND 4

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: " PROG " [OPTIONS]\n"
		"Print the policy that would grant the denials in Warden's audit\n"
		"records, one block per domain.\n\n"
		"  -i, --input FILE    read records from FILE ('-': stdin); repeatable\n"
		"  -a, --all           read every reject_*.log of " WD_DEFAULT_LOG_DIR "\n"
		"  -l, --last-load     only records at or after the last policy load\n"
		"  -R, --reference     print interface calls where an interface covers\n"
		"  -m, --modules PATH...\n"
		"                      the modules for -R: directories or module files,\n"
		"                      more may follow (default: the store\n"
		"                      " WD_DEFAULT_STORE ", else\n"
		"                      " WD_REFERENCE_MODULES ")\n"
		"  -D, --dontaudit     print quiet lines (with -R: dontaudit interfaces)\n"
		"  -w, --why           say why each denial happened\n"
		"  -p, --policy FILE   the policy for -w (default: the one in force)\n"
		"  -M, --module NAME   write NAME.pol instead of printing\n"
		"      --interactive   ask about each denial, one domain at a time, then\n"
		"                      write the module (-M NAME, else local.pol)\n"
		"  -v, --verbose       with -R, every candidate and its score\n"
		"  -h, --help          show this help and exit\n\n"
		"Without -i or -a, records are read from stdin.  Skipped input is\n"
		"counted on stderr.  WARDEN_DIR overrides /sys/kernel/security/warden,\n"
		"WARDEN_MODULE_STORE the store, WARDEN_LOG_DIR " WD_DEFAULT_LOG_DIR ".\n"
		"Exit status: 0 done, 1 an input, the policy or the modules could not\n"
		"be read or the module written, 2 bad usage.\n");
}

/* ---- options ----------------------------------------------------------- */

static struct {
	bool reference, dontaudit, why, verbose, interactive, last_load;
	const char *policy, *module;
	char **modules;
	unsigned int nr_modules;
} opt;

/* ---- the denials ------------------------------------------------------- */

/* One denial: a request of a domain, logged once however often it came. */
struct request {
	char *line;		/* the ACL line as logged */
	struct wd_acl acl;	/* split; acl.args NULL if it would not split */
	bool quiet;
	char mode[12];
	unsigned int profile;
	const struct wd_module *owner;	/* -R: of what it names, or NULL */
};

struct domain {
	char *name;
	struct request *reqs;
	unsigned int nr_reqs;
};

static struct {
	struct domain *domains;
	unsigned int nr_domains;
	unsigned int records, malformed, granted, before_load, duplicates;
	char since[20];		/* -l: "YYYY/MM/DD hh:mm:ss", or "" */
} seen;

static struct domain *domain_get(const char *name)
{
	struct domain *d;
	unsigned int i;

	for (i = 0; i < seen.nr_domains; i++)
		if (!strcmp(seen.domains[i].name, name))
			return &seen.domains[i];
	seen.domains = wd_xrealloc(seen.domains, (seen.nr_domains + 1) *
				  sizeof(*seen.domains));
	d = &seen.domains[seen.nr_domains++];
	memset(d, 0, sizeof(*d));
	d->name = wd_xstrdup(name);
	return d;
}

static void take_record(const char *text, size_t len)
{
	struct request *r;
	struct wd_record rec;
	struct domain *d;
	const char *why;
	unsigned int i;

	seen.records++;
	if (wd_record_parse(text, len, &rec, &why)) {
		seen.malformed++;
		if (opt.verbose)
			wd_error("skipping record %u: %s", seen.records, why);
		return;
	}
	/* A granted record is a grant log, not a denial. */
	if (rec.granted || (seen.since[0] && strcmp(rec.date, seen.since) < 0)) {
		if (rec.granted)
			seen.granted++;
		else
			seen.before_load++;
		wd_record_free(&rec);
		return;
	}
	d = domain_get(rec.domain);
	for (i = 0; i < d->nr_reqs; i++) {
		if (!strcmp(d->reqs[i].line, rec.acl)) {
			seen.duplicates++;
			wd_record_free(&rec);
			return;
		}
	}
	d->reqs = wd_xrealloc(d->reqs, (d->nr_reqs + 1) * sizeof(*d->reqs));
	r = &d->reqs[d->nr_reqs++];
	memset(r, 0, sizeof(*r));
	r->line = wd_xstrdup(rec.acl);
	if (wd_acl_split(r->line, &r->acl))
		r->acl.args = NULL;
	r->quiet = rec.quiet;
	memcpy(r->mode, rec.mode, sizeof(r->mode));
	r->profile = rec.profile;
	wd_record_free(&rec);
}

/* "#2026/..." or "Q12-0": a line that can only start a record. */
static bool starts_record(const char *line)
{
	return (line[0] == '#' && isdigit((unsigned char)line[1])) ||
		(line[0] == 'Q' && isdigit((unsigned char)line[1]));
}

/*
 * Cut one NUL-free chunk into records: warden-auditd ends each with a
 * blank line, and a record cut short is followed straight by the next
 * header, which starts a record of its own.
 */
static void take_chunk(const char *text, size_t len)
{
	const char *end = text + len, *p = text, *start = NULL;
	bool after_q = false;

	while (p < end) {
		const char *nl = memchr(p, '\n', end - p);
		const char *next = nl ? nl + 1 : end;
		size_t blank = (nl ? nl : end) - p;

		wd_span_trim(p, &blank);
		if (!blank) {
			if (start)
				take_record(start, p - start);
			start = NULL;
		} else if (!start || (starts_record(p) && !after_q)) {
			if (start)
				take_record(start, p - start);
			start = p;
		}
		after_q = start && p[0] == 'Q';
		p = next;
	}
	if (start)
		take_record(start, end - start);
}

/* Read one source whole and take every record of it. */
static int read_source(const char *path)
{
	bool in = !strcmp(path, "-");
	size_t len, at = 0;
	char *text;

	text = in ? wd_read_fd(0, 0, &len) : wd_read_file(path, 0, &len);
	if (!text) {
		wd_perror(in ? "stdin" : path);
		return -1;
	}
	while (at < len) {
		const char *nul = memchr(text + at, '\0', len - at);
		size_t n = nul ? (size_t)(nul - text) - at : len - at;

		take_chunk(text + at, n);
		at += n + 1;
	}
	free(text);
	return 0;
}

/* -l: the time of the last policy load, from the stat file. */
static int read_last_load(void)
{
	char *path = wd_iface_path("stat"), *text, *line, *last;

	text = wd_read_file(path, 0, NULL);
	if (!text) {
		wd_perror(path);
		free(path);
		return -1;
	}
	free(path);
	line = strstr(text, "Policy update:");
	last = line ? strstr(line, "(Last: ") : NULL;
	/* Without "(Last: ...)" nothing was loaded since boot: keep all. */
	if (last && last < strchrnul(line, '\n') && strlen(last) >= 26) {
		memcpy(seen.since, last + 7, 19);
		seen.since[19] = '\0';
	}
	free(text);
	return 0;
}

/* ---- what covers what -------------------------------------------------- */

/* The path_group, number_group and address_group lines in force. */
struct group {
	char kind;		/* 'p', 'n', 'a' */
	char *name;
	char *member;
	const struct wd_module *module;	/* whose .paths; NULL: the policy's */
};

static struct {
	struct group *g;
	unsigned int nr;
} groups;

static void group_add_line(const char *line, const struct wd_module *m)
{
	static const char kinds[] = "pna";
	static const char *const words[] = {
		"path_group ", "number_group ", "address_group ",
	};
	const char *name, *member;
	unsigned int k;

	for (k = 0; k < 3; k++)
		if (!strncmp(line, words[k], strlen(words[k])))
			break;
	if (k == 3)
		return;
	name = line + strlen(words[k]);
	member = strchr(name, ' ');
	if (!member)
		return;
	groups.g = wd_xrealloc(groups.g, (groups.nr + 1) * sizeof(*groups.g));
	groups.g[groups.nr++] = (struct group){
		.kind = kinds[k], .name = wd_xstrndup(name, member - name),
		.member = wd_xstrdup(member + 1), .module = m,
	};
}

static bool number_parse(const char *s, unsigned long *v)
{
	char *end;

	if (!isdigit((unsigned char)*s))
		return false;
	errno = 0;
	*v = strtoul(s, &end, 0);
	return !errno && !*end;
}

/* A number or "min-max" as the kernel writes a range. */
static bool range_parse(const char *pat, unsigned long *lo, unsigned long *hi)
{
	const char *dash = strchr(pat, '-');
	char *first;
	bool ok;

	if (!dash)
		return number_parse(pat, lo) && number_parse(pat, hi);
	first = wd_xstrndup(pat, dash - pat);
	ok = number_parse(first, lo) && number_parse(dash + 1, hi);
	free(first);
	return ok;
}

static bool number_in(const char *req, const char *pat)
{
	unsigned long v, lo, hi;

	return number_parse(req, &v) && range_parse(pat, &lo, &hi) &&
		lo <= v && v <= hi;
}

/* An IPv4 or IPv6 address as 16 bytes to compare; its family in *@af. */
static bool address_parse(const char *s, unsigned char out[16], int *af)
{
	memset(out, 0, 16);
	*af = strchr(s, ':') ? AF_INET6 : AF_INET;
	return inet_pton(*af, s, out) == 1;
}

static bool address_in(const char *req, const char *pat)
{
	unsigned char v[16], lo[16], hi[16];
	const char *dash = strchr(pat, '-');
	int af, af_lo, af_hi;
	char *first;
	bool ok;

	if (!address_parse(req, v, &af))
		return false;
	first = wd_xstrndup(pat, dash ? (size_t)(dash - pat) : strlen(pat));
	ok = address_parse(first, lo, &af_lo) &&
		address_parse(dash ? dash + 1 : first, hi, &af_hi);
	free(first);
	return ok && af == af_lo && af == af_hi && memcmp(lo, v, 16) <= 0 &&
		memcmp(v, hi, 16) <= 0;
}

static bool name_in(const char *req, const char *pat)
{
	return !strcmp(req, pat) ||
		(!wd_word_check(pat, true) && wd_pattern_match(req, pat));
}

/*
 * Whether the policy word @pat covers the requested word @req of object
 * type @type; *@matched is set to the pattern that did (a group's member).
 */
static bool word_covers(char type, const char *req, const char *pat,
			const char **matched)
{
	unsigned int i;

	if (pat[0] == '@') {
		for (i = 0; i < groups.nr; i++) {
			const struct group *g = &groups.g[i];

			if (g->member[0] != '@' && !strcmp(g->name, pat + 1) &&
			    g->kind == (type == 'w' ? 'p' : type) &&
			    word_covers(type, req, g->member, matched))
				return true;
		}
		return false;
	}
	*matched = pat;
	if (type == 'n')
		return number_in(req, pat);
	if (type == 'a')
		return address_in(req, pat);
	return name_in(req, pat);
}

/* How a policy line stands to a request. */
enum cover { COVER_NO, COVER_YES, COVER_CONDITION };

/*
 * Whether the ACL line @text covers request @r: same kind, its operations
 * include the request's, each object covers the request's.  A line with
 * a condition after its objects covers only when the condition holds,
 * which a log cannot tell: COVER_CONDITION, with the condition in *@cond
 * (malloc'd).  *@narrow (if given) is how narrow the covering patterns
 * are: the pathname's literal start, doubled, plus one when it has no
 * wildcard, plus one for each number or address that is not a range.
 */
static enum cover line_covers(const char *text, const struct request *r,
			      char **cond, size_t *narrow)
{
	enum cover result = COVER_NO;
	char *pw = NULL, *rw = NULL, *pp, *rp;
	const char *objects;
	struct wd_acl acl;
	unsigned int n;

	if (!r->acl.args || wd_acl_split(text, &acl))
		return COVER_NO;
	if (acl.kind != r->acl.kind || (acl.ops & r->acl.ops) != r->acl.ops)
		goto out;
	objects = wd_acl_objects(acl.kind);
	if (!objects[0]) {
		/* One name: an environment variable's pattern, or a domain. */
		if (acl.kind == WD_ACL_MISC_ENV ? name_in(r->acl.args, acl.args) :
		    !strcmp(r->acl.args, acl.args))
			result = COVER_YES;
		goto out;
	}
	pp = pw = wd_xstrdup(acl.args);
	rp = rw = wd_xstrdup(r->acl.args);
	if (narrow)
		*narrow = 0;
	for (n = 0; objects[n]; n++) {
		char *p = strsep(&pp, " "), *q = strsep(&rp, " ");
		const char *matched = NULL;

		if (!p || !q || !word_covers(objects[n], q, p, &matched))
			goto out;
		if (narrow && objects[n] == 'p' && !*narrow)
			*narrow = 2 * wd_pattern_literal_prefix(matched) +
				!wd_word_has_wildcard(matched);
		else if (narrow && objects[n] != 'p' && !strchr(matched, '-'))
			++*narrow;	/* one value, not a range */
	}
	result = pp && *pp ? COVER_CONDITION : COVER_YES;
	if (result == COVER_CONDITION && cond)
		*cond = wd_xstrdup(pp);
out:
	free(pw);
	free(rw);
	wd_acl_free(&acl);
	return result;
}

/* ---- interfaces: candidates and their ranking -------------------------- */

static struct wd_mset set;

/* Policy lines: what an interface grants, or what a domain holds. */
struct lines {
	char **l;
	unsigned int nr;
};

static void lines_push(struct lines *ls, const char *line)
{
	ls->l = wd_xrealloc(ls->l, (ls->nr + 1) * sizeof(*ls->l));
	ls->l[ls->nr++] = wd_xstrdup(line);
}

/* wd_iface_expand()'s callback: the lines that grant, or with -D hush. */
static void lines_add(void *ctx, const char *line,
		      const struct wd_mline *origin)
{
	bool quiet = !strncmp(line, "quiet ", 6);

	/* -D grants nothing: what it wants is what an interface hushes. */
	if (quiet == opt.dontaudit)
		lines_push(ctx, quiet ? line + 6 : line);
}

static void lines_free(struct lines *ls)
{
	while (ls->nr)
		free(ls->l[--ls->nr]);
	free(ls->l);
	ls->l = NULL;
}

/* What an operation risks: changes and execution weigh most. */
static unsigned int op_risk(enum wd_acl_kind kind, unsigned int bit)
{
	static const struct {
		const char *op;
		unsigned int risk;
	} risks[] = {
		{ "getattr", 1 }, { "read", 2 }, { "ioctl", 2 },
		{ "connect", 3 }, { "send", 3 }, { "accept", 3 },
		{ "bind", 4 }, { "listen", 4 }, { "append", 6 },
		{ "truncate", 6 }, { "write", 8 }, { "create", 8 },
		{ "mkdir", 8 }, { "mkfifo", 8 }, { "mksock", 8 },
		{ "unlink", 8 }, { "rmdir", 8 }, { "rename", 8 },
		{ "link", 8 }, { "symlink", 8 }, { "chmod", 8 },
		{ "chown", 8 }, { "chgrp", 8 }, { "execute", 10 },
		{ "mount", 10 }, { "unmount", 10 }, { "pivot_root", 10 },
		{ "chroot", 10 }, { "mkblock", 10 }, { "mkchar", 10 },
	};
	const char *name = wd_acl_op_name(kind, bit);
	unsigned int i;

	for (i = 0; name && i < sizeof(risks) / sizeof(*risks); i++)
		if (!strcmp(name, risks[i].op))
			return risks[i].risk;
	return 2;	/* misc env, task transitions: a name, no operation */
}

/* Whether an operation changes anything: more than read, getattr, ioctl. */
static bool op_writes(enum wd_acl_kind kind, unsigned int bit)
{
	return op_risk(kind, bit) > 2;
}

/* Whether a line grants an operation that writes. */
static bool line_writes(const char *text)
{
	struct wd_acl acl;
	unsigned int bit;
	bool writes = false;

	if (wd_acl_split(text, &acl))
		return false;
	for (bit = 0; bit < 32; bit++)
		writes |= (acl.ops & (1u << bit)) && op_writes(acl.kind, bit);
	wd_acl_free(&acl);
	return writes;
}

/* Whether a request only reads. */
static bool request_reads(const struct request *r)
{
	unsigned int bit;

	for (bit = 0; bit < 32; bit++)
		if ((r->acl.ops & (1u << bit)) && op_writes(r->acl.kind, bit))
			return false;
	return true;
}

/* Added to a candidate that would write for a request that only reads. */
#define WD_WRITE_PENALTY 50

/* One interface call that covers at least one request of a domain. */
struct cand {
	struct wd_iface *f;
	char *call;		/* "iface()" or "iface(a, b)" */
	struct lines lines;	/* what it grants */
	bool writes;
	bool *covers;		/* per request of the domain */
	bool *owner;		/* per request: its module owns the name */
	size_t *narrow;		/* per request: of the covering pattern */
};

struct cands {
	struct cand *c;
	unsigned int nr;
};

static void cand_free(struct cand *c)
{
	free(c->call);
	lines_free(&c->lines);
	free(c->covers);
	free(c->owner);
	free(c->narrow);
}

static void cands_free(struct cands *cs)
{
	while (cs->nr)
		cand_free(&cs->c[--cs->nr]);
	free(cs->c);
	cs->c = NULL;
}

/* The first pathname of a request: what a module may own. */
static char *request_name(const struct request *r)
{
	if (!r->acl.args || wd_acl_objects(r->acl.kind)[0] != 'p')
		return NULL;
	return wd_xstrndup(r->acl.args, strcspn(r->acl.args, " "));
}

/*
 * The module that owns what request @r names: its pathname's owner, or
 * for a socket the module whose number_group holds its port in the
 * narrowest range (the port names the service; addresses are shared).
 */
static const struct wd_module *request_owner(const struct request *r)
{
	const struct wd_module *owner = NULL;
	unsigned long port, lo, hi, best = ULONG_MAX;
	char *name = request_name(r);
	const char *p;
	unsigned int i;

	if (name) {
		owner = wd_mset_owner(&set, name, NULL);
		free(name);
		return owner;
	}
	if (!r->acl.args || r->acl.kind < WD_ACL_INET_STREAM ||
	    r->acl.kind > WD_ACL_INET_RAW)
		return NULL;
	p = strchr(r->acl.args, ' ');
	name = p ? wd_xstrndup(p + 1, strcspn(p + 1, " ")) : NULL;
	if (!name || !number_parse(name, &port)) {
		free(name);
		return NULL;
	}
	free(name);
	for (i = 0; i < groups.nr; i++) {
		const struct group *g = &groups.g[i];

		if (g->kind == 'n' && g->module &&
		    range_parse(g->member, &lo, &hi) && lo <= port &&
		    port <= hi && hi - lo < best) {
			best = hi - lo;
			owner = g->module;
		}
	}
	return owner;
}

static bool is_dontaudit(const struct wd_iface *f)
{
	return strstr(f->name, "_dontaudit_") != NULL;
}

/*
 * Expand @f with @args; if it covers a request of @d that it was bound
 * for (@must, or any when @must is past the end), add it to @cs.
 */
static void cand_try(struct cands *cs, const struct domain *d,
		     struct wd_iface *f, char **args, unsigned int must)
{
	struct wd_buf call = { 0 };
	struct cand c = { .f = f };
	unsigned int i, j, any = 0;

	wd_buf_printf(&call, "%s(", f->name);
	for (i = 0; i < f->nr_params; i++)
		wd_buf_printf(&call, "%s%s", i ? ", " : "", args[i]);
	wd_buf_puts(&call, ")");
	for (i = 0; i < cs->nr; i++) {
		if (!strcmp(cs->c[i].call, call.text)) {
			free(call.text);
			return;
		}
	}
	c.call = call.text;
	wd_iface_expand(&set, f, f->nr_params ? args : NULL, f->nr_params,
			lines_add, &c.lines);
	c.covers = wd_xmalloc(d->nr_reqs * sizeof(*c.covers));
	c.owner = wd_xmalloc(d->nr_reqs * sizeof(*c.owner));
	c.narrow = wd_xmalloc(d->nr_reqs * sizeof(*c.narrow));
	for (i = 0; i < c.lines.nr; i++)
		c.writes |= line_writes(c.lines.l[i]);
	for (i = 0; i < d->nr_reqs; i++) {
		const struct request *r = &d->reqs[i];
		size_t narrow;

		c.covers[i] = false;
		c.narrow[i] = 0;
		for (j = 0; j < c.lines.nr; j++) {
			if (line_covers(c.lines.l[j], r, NULL, &narrow) !=
			    COVER_YES)
				continue;
			c.covers[i] = true;
			if (narrow > c.narrow[i])
				c.narrow[i] = narrow;
		}
		c.owner[i] = c.covers[i] && r->owner == f->module;
		if (c.covers[i])
			any += must >= d->nr_reqs || i == must;
	}
	if (!any) {
		cand_free(&c);
		return;
	}
	cs->c = wd_xrealloc(cs->c, (cs->nr + 1) * sizeof(*cs->c));
	cs->c[cs->nr++] = c;
}

/* The values a parameter of @type may take from request @r. */
static unsigned int bind_values(const struct request *r,
				enum wd_param_type type,
				char *vals[WD_MAX_BIND])
{
	const char *objects = wd_acl_objects(r->acl.kind);
	char *words = wd_xstrdup(r->acl.args), *cur = words, *w;
	unsigned int n, nr = 0;

	for (n = 0; objects[n] && (w = strsep(&cur, " ")) && nr < WD_MAX_BIND;
	     n++) {
		char o = objects[n];
		char *slash;

		if ((type == WD_PARAM_PATH || type == WD_PARAM_PATTERN) &&
		    o == 'p') {
			vals[nr++] = wd_xstrdup(w);
		} else if (type == WD_PARAM_DIR && o == 'p') {
			/* A directory binds itself, then its parent. */
			slash = strrchr(w, '/');
			if (slash && !slash[1] && nr < WD_MAX_BIND)
				vals[nr++] = wd_xstrdup(w);
			if (slash && !slash[1])
				slash = slash > w ? memrchr(w, '/', slash - w) : NULL;
			if (slash && nr < WD_MAX_BIND)
				vals[nr++] = wd_xstrndup(w, slash + 1 - w);
		} else if ((type == WD_PARAM_NUMBER || type == WD_PARAM_PORT) &&
			   o == 'n') {
			vals[nr++] = wd_xstrdup(w);
		} else if ((type == WD_PARAM_ADDRESS && o == 'a') ||
			   type == WD_PARAM_WORD) {
			vals[nr++] = wd_xstrdup(w);
		}
	}
	free(words);
	return nr;
}

/*
 * Whether @f may take @arg for a parameter of @type: of the type, and no
 * pathname that another module owns, whose own interfaces are the way
 * to it (as the lint wants of a raw line).
 */
static bool bind_ok(const struct wd_iface *f, const char *arg,
		    enum wd_param_type type)
{
	const struct wd_module *owner;

	if (wd_param_type_error(arg, type))
		return false;
	if (type != WD_PARAM_PATH && type != WD_PARAM_DIR &&
	    type != WD_PARAM_PATTERN)
		return true;
	owner = wd_mset_owner(&set, arg, NULL);
	return !owner || owner == f->module;
}

/*
 * Every binding of @f's parameters to values of request @r (each of the
 * parameter's type) that makes @f cover @r.
 */
static void cand_bind(struct cands *cs, const struct domain *d,
		      struct wd_iface *f, unsigned int ri)
{
	char *vals[9][WD_MAX_BIND], *args[9];
	unsigned int nr[9], pick[9] = { 0 }, i, k;

	if (f->nr_params > 9)
		return;
	for (i = 0; i < f->nr_params; i++) {
		enum wd_param_type type = i < f->doc.nr_params ?
			f->doc.params[i].type : WD_PARAM_WORD;
		unsigned int v, keep = 0;

		nr[i] = bind_values(&d->reqs[ri], type, vals[i]);
		for (v = 0; v < nr[i]; v++) {
			if (bind_ok(f, vals[i][v], type))
				vals[i][keep++] = vals[i][v];
			else
				free(vals[i][v]);
		}
		nr[i] = keep;
		if (!keep) {
			while (i--)
				while (nr[i])
					free(vals[i][--nr[i]]);
			return;
		}
	}
	for (;;) {
		for (i = 0; i < f->nr_params; i++)
			args[i] = vals[i][pick[i]];
		cand_try(cs, d, f, args, ri);
		/* The next combination, as an odometer. */
		for (k = 0; k < f->nr_params && ++pick[k] == nr[k]; k++)
			pick[k] = 0;
		if (k == f->nr_params)
			break;
	}
	for (i = 0; i < f->nr_params; i++)
		while (nr[i])
			free(vals[i][--nr[i]]);
}

/* Every call that covers some request of @d. */
static void cands_find(struct cands *cs, const struct domain *d)
{
	unsigned int m, i, r;

	for (m = 0; m < set.nr_modules; m++) {
		for (i = 0; i < set.modules[m]->nr_ifaces; i++) {
			struct wd_iface *f = &set.modules[m]->ifaces[i];

			/* -D hushes; it never grants. */
			if (is_dontaudit(f) != opt.dontaudit)
				continue;
			if (!f->nr_params) {
				cand_try(cs, d, f, NULL, d->nr_reqs);
				continue;
			}
			for (r = 0; r < d->nr_reqs; r++)
				if (d->reqs[r].acl.args)
					cand_bind(cs, d, f, r);
		}
	}
}

/*
 * The score of @c for the requests of @d that @mask marks: the risk of
 * the operations it grants that none of them asked for, and a penalty
 * when it writes and they only read.  Lower is better.
 */
static unsigned int cand_score(const struct cand *c, const struct domain *d,
			       const bool *mask)
{
	unsigned int i, j, bit, extra = 0;
	bool reads = true;

	for (i = 0; i < d->nr_reqs; i++)
		if (mask[i] && c->covers[i])
			reads &= request_reads(&d->reqs[i]);
	for (j = 0; j < c->lines.nr; j++) {
		unsigned int asked = 0;
		struct wd_acl acl;

		if (wd_acl_split(c->lines.l[j], &acl))
			continue;
		for (i = 0; i < d->nr_reqs; i++)
			if (mask[i] && c->covers[i] &&
			    line_covers(c->lines.l[j], &d->reqs[i], NULL,
					NULL) == COVER_YES)
				asked |= d->reqs[i].acl.ops;
		if (!acl.ops && !asked)
			extra += op_risk(acl.kind, 0);
		for (bit = 0; bit < 32; bit++)
			if (acl.ops & ~asked & (1u << bit))
				extra += op_risk(acl.kind, bit);
		wd_acl_free(&acl);
	}
	return extra + (reads && c->writes ? WD_WRITE_PENALTY : 0);
}

/* How @c stands for the marked requests, to compare candidates by. */
struct rank {
	unsigned int covered, owned, score;
	size_t narrow;
};

static struct rank cand_rank(const struct cand *c, const struct domain *d,
			     const bool *mask)
{
	struct rank k = { 0 };
	unsigned int i;

	for (i = 0; i < d->nr_reqs; i++) {
		if (!mask[i] || !c->covers[i])
			continue;
		k.covered++;
		k.owned += c->owner[i];
		k.narrow += c->narrow[i];
	}
	k.score = cand_score(c, d, mask);
	return k;
}

/*
 * Whether @a ranks before @b: covers more, its module owns more of the
 * names, less extra access, narrower patterns, then by name.
 */
static bool rank_before(const struct cand *a, struct rank ka,
			const struct cand *b, struct rank kb)
{
	if (ka.covered != kb.covered)
		return ka.covered > kb.covered;
	if (ka.owned != kb.owned)
		return ka.owned > kb.owned;
	if (ka.score != kb.score)
		return ka.score < kb.score;
	if (ka.narrow != kb.narrow)
		return ka.narrow > kb.narrow;
	return strcmp(a->call, b->call) < 0;
}

/* The candidates that cover request @ri, best first, in @order. */
static unsigned int cands_for(const struct cands *cs, const struct domain *d,
			      unsigned int ri, unsigned int *order)
{
	bool *mask = wd_xmalloc(d->nr_reqs * sizeof(*mask));
	unsigned int i, j, n = 0;

	for (i = 0; i < d->nr_reqs; i++)
		mask[i] = i == ri;
	for (i = 0; i < cs->nr; i++) {
		if (!cs->c[i].covers[ri])
			continue;
		for (j = n; j > 0; j--) {
			const struct cand *a = &cs->c[i], *b = &cs->c[order[j - 1]];

			if (!rank_before(a, cand_rank(a, d, mask), b,
					 cand_rank(b, d, mask)))
				break;
			order[j] = order[j - 1];
		}
		order[j] = i;
		n++;
	}
	free(mask);
	return n;
}

/* What @c grants beyond request @r: its lines less the request's ops. */
static void print_beyond(struct wd_buf *out, const struct cand *c,
			 const struct request *r)
{
	const char *sep = "";
	unsigned int i;

	for (i = 0; i < c->lines.nr; i++) {
		bool covers = line_covers(c->lines.l[i], r, NULL, NULL) ==
			COVER_YES;
		struct wd_acl acl;
		char *text;

		if (wd_acl_split(c->lines.l[i], &acl))
			continue;
		/* The line that covers: only its other operations are more. */
		if (covers)
			acl.ops &= ~r->acl.ops;
		if (!covers || acl.ops) {
			text = wd_acl_join(&acl);
			wd_buf_printf(out, "%s%s", sep, text);
			sep = "; ";
			free(text);
		}
		wd_acl_free(&acl);
	}
	if (!*sep)
		wd_buf_puts(out, "nothing");
}

/* -v: every candidate of every request, best first, as comments. */
static void print_candidates(struct wd_buf *out, const struct cands *cs,
			     const struct domain *d)
{
	unsigned int *order = wd_xmalloc((cs->nr + 1) * sizeof(*order));
	bool *mask = wd_xmalloc(d->nr_reqs * sizeof(*mask));
	unsigned int i, j, n;

	for (i = 0; i < d->nr_reqs; i++) {
		const struct request *r = &d->reqs[i];

		for (j = 0; j < d->nr_reqs; j++)
			mask[j] = j == i;
		wd_buf_printf(out, "# %s%s\n", opt.dontaudit ? "quiet " : "",
			r->line);
		n = cands_for(cs, d, i, order);
		if (!n)
			wd_buf_printf(out, "#   no interface covers it\n");
		for (j = 0; j < n; j++) {
			const struct cand *c = &cs->c[order[j]];

			wd_buf_printf(out, "#   %u. %s score %u%s, beyond the request: ",
				j + 1, c->call, cand_score(c, d, mask),
				c->owner[i] ? " (owner)" : "");
			print_beyond(out, c, r);
			wd_buf_puts(out, "\n");
		}
	}
	free(mask);
	free(order);
}

/* ---- output -------------------------------------------------------------- */

/* The merged raw lines of the requests @mask marks (all when NULL). */
static void raw_lines(struct wd_buf *out, const struct domain *d,
		      const bool *mask)
{
	struct wd_acl *merged = wd_xmalloc((d->nr_reqs + 1) * sizeof(*merged));
	const char *prefix = opt.dontaudit ? "quiet " : "";
	unsigned int i, j, nr = 0;

	for (i = 0; i < d->nr_reqs; i++) {
		const struct request *r = &d->reqs[i];

		if (mask && !mask[i])
			continue;
		if (!r->acl.args) {
			wd_buf_printf(out, "%s%s\n", prefix, r->line);
			continue;
		}
		for (j = 0; j < nr; j++)
			if (wd_acl_merge(&merged[j], &r->acl))
				break;
		if (j == nr) {
			merged[nr] = r->acl;
			merged[nr++].args = wd_xstrdup(r->acl.args);
		}
	}
	for (i = 0; i < nr; i++) {
		char *text = wd_acl_join(&merged[i]);

		wd_buf_printf(out, "%s%s\n", prefix, text);
		free(text);
		wd_acl_free(&merged[i]);
	}
	free(merged);
}

/*
 * Greedy set cover is not always the smallest (one call covering most
 * requests can leave two more where two others would do): a bounded
 * search looks for fewer calls, the requests numbered as bits.
 */
#define WD_COVER_BITS 64
#define WD_COVER_BUDGET 200000

struct cover_search {
	const uint64_t *masks;		/* per candidate: what it covers */
	unsigned int count[WD_COVER_BITS];	/* per request: who covers it */
	const unsigned int *order;	/* the candidates, best ranked first */
	unsigned int nr;
	unsigned int pick[WD_COVER_BITS];
	unsigned long budget;		/* nodes left: a bound on the time */
};

static bool cover_dfs(struct cover_search *s, uint64_t covered, uint64_t all,
		      unsigned int depth, unsigned int limit)
{
	unsigned int i, bit, elem = 0, fewest = UINT_MAX;

	if (covered == all)
		return true;
	if (depth == limit || !s->budget)
		return false;
	s->budget--;
	/* Branch on the request that the fewest candidates cover. */
	for (bit = 0; bit < WD_COVER_BITS; bit++) {
		if ((all & ~covered & (1ULL << bit)) && s->count[bit] < fewest) {
			fewest = s->count[bit];
			elem = bit;
		}
	}
	for (i = 0; i < s->nr; i++) {
		unsigned int c = s->order[i];

		if (!(s->masks[c] & (1ULL << elem)))
			continue;
		s->pick[depth] = c;
		if (cover_dfs(s, covered | s->masks[c], all, depth + 1, limit))
			return true;
	}
	return false;
}

/*
 * Replace the greedy cover @picks (*@nr_picks calls) by a smaller one if
 * the search finds one in its budget; @coverable marks the requests.
 */
static void smaller_cover(const struct cands *cs, const struct domain *d,
			  const bool *coverable, unsigned int *picks,
			  unsigned int *nr_picks)
{
	uint64_t *masks = wd_xmalloc((cs->nr + 1) * sizeof(*masks)), all = 0;
	unsigned int *order = wd_xmalloc((cs->nr + 1) * sizeof(*order));
	struct cover_search s = { .masks = masks, .order = order,
				  .nr = cs->nr, .budget = WD_COVER_BUDGET };
	unsigned int i, j, bit = 0, limit;

	for (i = 0; i < cs->nr; i++)
		masks[i] = 0;
	for (j = 0; j < d->nr_reqs && bit < WD_COVER_BITS; j++) {
		if (!coverable[j])
			continue;
		for (i = 0; i < cs->nr; i++) {
			if (cs->c[i].covers[j]) {
				masks[i] |= 1ULL << bit;
				s.count[bit]++;
			}
		}
		all |= 1ULL << bit++;
	}
	if (j < d->nr_reqs)
		goto out;	/* too many requests to number */
	for (i = 0; i < cs->nr; i++) {
		struct rank k = cand_rank(&cs->c[i], d, coverable);

		for (j = i; j > 0; j--) {
			const struct cand *b = &cs->c[order[j - 1]];

			if (!rank_before(&cs->c[i], k, b,
					 cand_rank(b, d, coverable)))
				break;
			order[j] = order[j - 1];
		}
		order[j] = i;
	}
	for (limit = 1; limit < *nr_picks; limit++) {
		if (!cover_dfs(&s, 0, all, 0, limit))
			continue;
		memcpy(picks, s.pick, limit * sizeof(*picks));
		*nr_picks = limit;
		break;
	}
out:
	free(masks);
	free(order);
}

/*
 * -R: the fewest calls that cover the requests (greedy set cover, ties
 * broken by rank, then a search for fewer), then raw lines for what no
 * interface covers.
 */
static void reference_lines(struct wd_buf *out, const struct domain *d)
{
	bool *coverable = wd_xmalloc(d->nr_reqs * sizeof(*coverable));
	bool *left = wd_xmalloc(d->nr_reqs * sizeof(*left));
	unsigned int *picks = wd_xmalloc((d->nr_reqs + 1) * sizeof(*picks));
	unsigned int i, k, nr_left = 0, nr_picks = 0;
	struct cands cs = { 0 };

	cands_find(&cs, d);
	if (opt.verbose)
		print_candidates(out, &cs, d);
	for (i = 0; i < d->nr_reqs; i++) {
		coverable[i] = false;
		for (k = 0; k < cs.nr && !coverable[i]; k++)
			coverable[i] = cs.c[k].covers[i];
		left[i] = coverable[i];
		nr_left += left[i];
	}
	while (nr_left) {
		struct rank kbest = { 0 };
		unsigned int best = cs.nr;

		for (i = 0; i < cs.nr; i++) {
			struct rank k = cand_rank(&cs.c[i], d, left);

			if (k.covered && (best == cs.nr ||
					  rank_before(&cs.c[i], k, &cs.c[best],
						      kbest))) {
				best = i;
				kbest = k;
			}
		}
		picks[nr_picks++] = best;
		for (i = 0; i < d->nr_reqs; i++) {
			if (left[i] && cs.c[best].covers[i]) {
				left[i] = false;
				nr_left--;
			}
		}
	}
	if (nr_picks > 1)
		smaller_cover(&cs, d, coverable, picks, &nr_picks);
	for (i = 0; i < nr_picks; i++)
		wd_buf_printf(out, "%s\n", cs.c[picks[i]].call);
	/* What is left for raw lines: the requests no call covers. */
	for (i = 0; i < d->nr_reqs; i++)
		left[i] = !coverable[i];
	raw_lines(out, d, left);
	free(picks);
	free(left);
	free(coverable);
	cands_free(&cs);
}

/* The lines of one domain's block, without the domainname. */
static void domain_lines(struct wd_buf *out, const struct domain *d)
{
	if (opt.reference)
		reference_lines(out, d);
	else
		raw_lines(out, d, NULL);
}

/* ---- -w: why each denial happened ---------------------------------------- */

struct policy_domain {
	const char *name;
	struct lines lines;	/* its own lines and its acl groups' */
	struct lines groups;	/* for each line, its acl group or "" */
};

static struct {
	struct wd_policy parts;
	struct policy_domain *d;
	unsigned int nr;
	char *text;
} pol;

/* The lines of acl group @name, from the exception policy. */
static void policy_group_lines(struct policy_domain *pd, const char *name)
{
	char *text = pol.parts.part[WD_EXCEPTION], *line, *save = NULL;
	size_t len = strlen(name);

	if (!text)
		return;
	text = wd_xstrdup(text);
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *norm = wd_line_normalise(line);

		if (!strncmp(norm, "acl_group ", 10) &&
		    !strncmp(norm + 10, name, len) && norm[10 + len] == ' ') {
			lines_push(&pd->lines, norm + 11 + len);
			lines_push(&pd->groups, name);
		}
		free(norm);
	}
	free(text);
}

static int policy_read(void)
{
	char *path = opt.policy ? wd_xstrdup(opt.policy) :
		wd_iface_path("policy");
	char *line, *save = NULL, *text;
	struct policy_domain *cur = NULL;
	unsigned int bad;

	pol.text = wd_read_file(path, 0, NULL);
	if (!pol.text) {
		wd_perror(path);
		free(path);
		return -1;
	}
	if (wd_policy_split(pol.text, &pol.parts, &bad)) {
		wd_error("%s:%u: not a policy document", path, bad);
		free(path);
		return -1;
	}
	free(path);
	text = wd_xstrdup(pol.parts.part[WD_EXCEPTION] ?
			  pol.parts.part[WD_EXCEPTION] : "");
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *norm = wd_line_normalise(line);

		group_add_line(norm, NULL);
		free(norm);
	}
	free(text);
	text = pol.parts.part[WD_DOMAIN] ? pol.parts.part[WD_DOMAIN] : "";
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *norm = wd_line_normalise(line);

		if (norm[0] == '<') {
			pol.d = wd_xrealloc(pol.d, (pol.nr + 1) * sizeof(*pol.d));
			cur = &pol.d[pol.nr++];
			memset(cur, 0, sizeof(*cur));
			cur->name = norm;
			continue;
		}
		if (cur && !strncmp(norm, "use_group ", 10))
			policy_group_lines(cur, norm + 10);
		else if (cur && norm[0] && norm[0] != '#') {
			lines_push(&cur->lines, norm);
			lines_push(&cur->groups, "");
		}
		free(norm);
	}
	return 0;
}

static const struct policy_domain *policy_domain(const char *name)
{
	unsigned int i;

	for (i = 0; i < pol.nr; i++)
		if (!strcmp(pol.d[i].name, name))
			return &pol.d[i];
	return NULL;
}

/*
 * One -w line: "REQUEST: REASON: sentence", the reasons tried in the
 * order of this list.
 */
static void why_line(struct wd_buf *out, const struct domain *d,
		     const struct request *r)
{
	const struct policy_domain *pd = policy_domain(d->name);
	const char *quiet = NULL, *cond_line = NULL;
	char *cond = NULL;
	unsigned int i;

	wd_buf_printf(out, "%s: ", r->line);
	if (!pd) {
		wd_buf_puts(out, "no-domain: the domain is not in the policy any more.\n");
		return;
	}
	for (i = 0; i < pd->lines.nr; i++) {
		const char *l = pd->lines.l[i];
		bool q = !strncmp(l, "quiet ", 6);
		char *c = NULL;
		enum cover how = line_covers(q ? l + 6 : l, r, &c, NULL);

		if (how == COVER_YES && !q) {
			wd_buf_printf(out, "allowed-now: the policy in force grants it ('%s'%s%s): it changed since.\n",
				      l, *pd->groups.l[i] ? " of acl_group " : "",
				      pd->groups.l[i]);
			free(cond);
			return;
		}
		if (how == COVER_YES && !quiet)
			quiet = l;
		if (how == COVER_CONDITION && !q && !cond) {
			cond = c;
			cond_line = l;
			continue;
		}
		free(c);
	}
	if (r->quiet || quiet)
		wd_buf_printf(out, "quiet: a quiet rule covers it (%s%s%s).\n",
			      quiet ? "'" : "",
			      quiet ? quiet : "the record says quiet=yes",
			      quiet ? "'" : "");
	else if (cond)
		wd_buf_printf(out, "condition: '%s' grants it only when %s, which did not hold.\n",
			      cond_line, cond);
	else if (strcmp(r->mode, "enforcing"))
		wd_buf_printf(out, "mode: profile %u was in %s mode: the request was logged, not refused.\n",
			      r->profile, r->mode);
	else
		wd_buf_puts(out, "missing: nothing in the policy grants it.\n");
	free(cond);
}

/* ---- the module (-M, --interactive) --------------------------------------- */

/* Whether @name may name a module: [a-z][a-z0-9]*. */
static bool module_name_ok(const char *name)
{
	const char *p;

	if (!*name || !islower((unsigned char)*name))
		return false;
	for (p = name; *p; p++)
		if (!islower((unsigned char)*p) && !isdigit((unsigned char)*p))
			return false;
	return true;
}

/* NAME.pol from the domain blocks in @body; 0 or -1. */
static int write_module(const char *name, const char *body,
			unsigned int nr_domains)
{
	char *path = wd_xasprintf("%s.pol", name);
	char *text = wd_xasprintf("## <summary>\n"
				  "##\tLocal policy written by " PROG " for %u domain%s.\n"
				  "## </summary>\n"
				  "\n"
				  "[domain_policy]\n"
				  "%s",
				  nr_domains, nr_domains == 1 ? "" : "s", body);
	int rc = 0;

	if (wd_save_file(path, text, strlen(text))) {
		wd_perror(path);
		rc = -1;
	} else {
		fprintf(stderr, PROG ": wrote %s; install it with: warden-module install %s\n",
			path, path);
	}
	free(text);
	free(path);
	return rc;
}

/* ---- --interactive ------------------------------------------------------------ */

/* One numbered choice for a request: an interface call or a line. */
struct choice {
	char *text;
	const struct cand *cand;	/* NULL for a line */
	bool glob;
};

struct choices {
	struct choice *c;
	unsigned int nr;
};

static void choice_add(struct choices *cs, char *text, const struct cand *c,
		       bool glob)
{
	unsigned int i;

	for (i = 0; i < cs->nr; i++) {
		if (!strcmp(cs->c[i].text, text)) {
			free(text);
			return;
		}
	}
	cs->c = wd_xrealloc(cs->c, (cs->nr + 1) * sizeof(*cs->c));
	cs->c[cs->nr++] = (struct choice){ .text = text, .cand = c,
					   .glob = glob };
}

static void choices_free(struct choices *cs)
{
	while (cs->nr)
		free(cs->c[--cs->nr].text);
	free(cs->c);
	cs->c = NULL;
}

/* Request @r's line with its first object replaced by @word. */
static char *line_with(const struct request *r, const char *word)
{
	struct wd_acl acl = r->acl;
	char *text;

	acl.args = wd_xasprintf("%s%s", word,
				r->acl.args + strcspn(r->acl.args, " "));
	text = wd_acl_join(&acl);
	free(acl.args);
	return text;
}

static void glob_add(struct choices *cs, const struct request *r, char *word)
{
	choice_add(cs, line_with(r, word), NULL, true);
	free(word);
}

/*
 * Glob suggestions for a pathname: the files of its directory with its
 * extension, every file of its directory, and the files one directory
 * deeper than its parent.
 */
static void glob_choices(struct choices *cs, const struct request *r)
{
	char *name = request_name(r), *slash, *dot, *parent = NULL;
	int dir;

	slash = name ? strrchr(name, '/') : NULL;
	if (slash && slash[1]) {
		dir = slash + 1 - name;
		dot = strrchr(slash, '.');
		if (dot && dot > slash + 1)
			glob_add(cs, r, wd_xasprintf("%.*s\\*%s", dir, name, dot));
		glob_add(cs, r, wd_xasprintf("%.*s\\*", dir, name));
		if (slash > name)
			parent = memrchr(name, '/', slash - name);
		if (parent)
			glob_add(cs, r, wd_xasprintf("%.*s\\{\\*\\}/\\*",
						     (int)(parent + 1 - name), name));
	}
	free(name);
}

/*
 * On a terminal a key answers at once, as in aa-logprof: stdin is put in
 * non-canonical mode without echo for the menus, and back for a typed
 * pattern and at exit, also on a signal.
 */
static struct termios tio_saved, tio_keys;
static bool tty_keys;

static void tty_restore(void)
{
	if (tty_keys)
		tcsetattr(0, TCSAFLUSH, &tio_saved);
	tty_keys = false;
}

static void tty_signal(int sig)
{
	tty_restore();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void tty_setup(void)
{
	if (!isatty(0) || tcgetattr(0, &tio_saved))
		return;
	tio_keys = tio_saved;
	tio_keys.c_lflag &= ~(ICANON | ECHO);
	tio_keys.c_cc[VMIN] = 1;
	tio_keys.c_cc[VTIME] = 0;
	if (tcsetattr(0, TCSAFLUSH, &tio_keys))
		return;
	tty_keys = true;
	atexit(tty_restore);
	signal(SIGINT, tty_signal);
	signal(SIGTERM, tty_signal);
	signal(SIGHUP, tty_signal);
}

/* A line of input, without its newline; NULL at end of input. */
static char *read_line(char *buf, size_t size)
{
	char *line;

	if (tty_keys)
		tcsetattr(0, TCSANOW, &tio_saved);
	line = fgets(buf, size, stdin);
	if (tty_keys)
		tcsetattr(0, TCSANOW, &tio_keys);
	if (line)
		buf[strcspn(buf, "\n")] = '\0';
	return line;
}

/*
 * One answer, echoed: on a terminal one key, or digits while a longer
 * number could still name one of @nr choices; else a line.  NULL at the
 * end of input (or Ctrl-D on a terminal).
 */
static char *read_answer(char *buf, size_t size, unsigned int nr)
{
	size_t n = 0;
	int c;

	if (!tty_keys) {
		if (!read_line(buf, size))
			return NULL;
		printf("%s\n", buf);
		return buf;
	}
	while ((c = getchar()) != EOF && c != 4) {
		if (n && !isdigit(c)) {
			/* A key after digits is the next answer. */
			if (c != '\n' && c != '\r')
				ungetc(c, stdin);
			break;
		}
		if (isspace(c))
			continue;
		buf[n++] = c;
		buf[n] = '\0';
		if (!isdigit(c) || n + 2 > size ||
		    strtoul(buf, NULL, 10) * 10 > nr)
			break;
	}
	if (!n)
		return NULL;
	printf("%s\n", buf);
	return buf;
}

/* (V)iew: the interface's documentation and body. */
static void view(const struct cand *c)
{
	const struct wd_iface *f = c->f;
	unsigned int i;

	printf("\n%s (module %s, %s:%u)\n", f->name, f->module->name,
	       f->where.file, f->where.line);
	if (f->doc.summary)
		printf("  %s\n", f->doc.summary);
	for (i = 0; i < f->doc.nr_params; i++)
		printf("  param %s (%s): %s\n", f->doc.params[i].name,
		       wd_param_type_name(f->doc.params[i].type),
		       f->doc.params[i].summary ? f->doc.params[i].summary : "");
	printf("  body:\n");
	for (i = 0; i < f->nr_body; i++)
		printf("    %s\n", f->body[i].text);
	printf("  grants, as %s:\n", c->call);
	for (i = 0; i < c->lines.nr; i++)
		printf("    %s%s\n", opt.dontaudit ? "quiet " : "", c->lines.l[i]);
	printf("\n");
}

/* (N)ew: a pattern typed for the request's name; warn if it misses it. */
static void new_pattern(struct choices *ch, const struct request *r,
			unsigned int *sel)
{
	char buf[4096], *word, *name = request_name(r);

	if (!name) {
		printf("This request names no pathname.\n");
		return;
	}
	printf("New pattern: ");
	fflush(stdout);
	word = read_line(buf, sizeof(buf));
	if (word) {
		word = wd_line_normalise(word);
		if (!*word || strchr(word, ' ') || wd_word_check(word, true)) {
			printf("'%s' is not a pattern the kernel takes.\n", word);
		} else {
			if (!name_in(name, word))
				printf("Warning: %s does not match the logged name %s.\n",
				       word, name);
			choice_add(ch, line_with(r, word), NULL, true);
			for (*sel = 0; *sel < ch->nr - 1 &&
			     !strstr(ch->c[*sel].text, word); (*sel)++)
				;
		}
		free(word);
	}
	free(name);
}

/* What one request's menu ended with. */
enum answer { ANSWER_NEXT, ANSWER_FINISH };

/* Add a line to a domain's block of the module, once. */
static void block_add(struct wd_buf *block, const char *prefix,
		      const char *line)
{
	char *text = wd_xasprintf("%s%s\n", prefix, line);
	const char *at = block->text ? strstr(block->text, text) : NULL;

	while (at && at != block->text && at[-1] != '\n')
		at = strstr(at + 1, text);
	if (!at)
		wd_buf_puts(block, text);
	free(text);
}

/*
 * (Q)uiet: the selected line hushed; for a selected call, the best
 * dontaudit interface that covers the request, else its line hushed.
 * Returns the interface it chose, or NULL.
 */
static const struct cand *hush(struct wd_buf *block, const struct choice *sel,
			       const struct cands *hushers,
			       const struct domain *d, unsigned int ri)
{
	unsigned int *order = wd_xmalloc((hushers->nr + 1) * sizeof(*order));
	const struct cand *c = NULL;

	if (!sel->cand)
		block_add(block, "quiet ", sel->text);
	else if (cands_for(hushers, d, ri, order))
		c = &hushers->c[order[0]];
	else
		block_add(block, "quiet ", d->reqs[ri].line);
	if (c)
		block_add(block, "", c->call);
	free(order);
	return c;
}

/*
 * Ask about request @ri; an interface chosen for it (allowed or quiet)
 * goes to *@took, so that the requests it also covers are not asked.
 */
static enum answer ask(struct wd_buf *block, const struct cands *cs,
		       const struct cands *hushers, const struct domain *d,
		       unsigned int ri, const struct cand **took)
{
	const struct request *r = &d->reqs[ri];
	unsigned int *order = wd_xmalloc((cs->nr + 1) * sizeof(*order));
	unsigned int i, n = cands_for(cs, d, ri, order), sel = 0;
	struct choices ch = { 0 };
	enum answer ans = ANSWER_NEXT;
	char buf[256], *key;

	for (i = 0; i < n; i++)
		choice_add(&ch, wd_xstrdup(cs->c[order[i]].call),
			   &cs->c[order[i]], false);
	choice_add(&ch, wd_xstrdup(r->line), NULL, false);
	if (r->acl.args)
		glob_choices(&ch, r);
	free(order);
	for (;;) {
		printf("\nRequest %u of %u: %s%s\n", ri + 1, d->nr_reqs,
		       opt.dontaudit ? "quiet " : "", r->line);
		for (i = 0; i < ch.nr; i++)
			printf(" %s %u. %s\n", i == sel ? "*" : " ", i + 1,
			       ch.c[i].text);
		printf("(A)llow (Q)uiet (I)gnore (G)lob (N)ew (V)iew (F)inish, or a number: ");
		fflush(stdout);
		key = read_answer(buf, sizeof(buf), ch.nr);
		if (!key) {
			printf("\n");
			ans = ANSWER_FINISH;
			break;
		}
		key += strspn(key, " \t");
		if (isdigit((unsigned char)*key)) {
			unsigned int k;

			if (wd_parse_uint(key, UINT_MAX, &k) || !k || k > ch.nr)
				printf("No choice %s.\n", key);
			else
				sel = k - 1;
			continue;
		}
		switch (toupper((unsigned char)*key)) {
		case 'A':
			block_add(block, opt.dontaudit && !ch.c[sel].cand ?
				  "quiet " : "", ch.c[sel].text);
			*took = ch.c[sel].cand;
			goto out;
		case 'Q':
			*took = hush(block, &ch.c[sel], hushers, d, ri);
			goto out;
		case 'I':
			goto out;
		case 'G':
			for (i = 1; i <= ch.nr; i++)
				if (ch.c[(sel + i) % ch.nr].glob)
					break;
			if (i > ch.nr)
				printf("No glob for this request.\n");
			else
				sel = (sel + i) % ch.nr;
			break;
		case 'N':
			new_pattern(&ch, r, &sel);
			break;
		case 'V':
			if (ch.c[sel].cand)
				view(ch.c[sel].cand);
			else
				printf("Choice %u is a line, not an interface.\n",
				       sel + 1);
			break;
		case 'F':
			ans = ANSWER_FINISH;
			goto out;
		default:
			printf("Unknown key '%s'.\n", key);
		}
	}
out:
	choices_free(&ch);
	return ans;
}

/*
 * One domain's denials at a time, as aa-logprof asks; the answers make
 * the module, written at the end (F, or the end of the keys).
 */
static int interactive(void)
{
	struct wd_buf module = { 0 };
	unsigned int di, ri, nr_written = 0, nr_taken;
	const struct cand **taken;
	enum answer ans = ANSWER_NEXT;
	int rc;

	tty_setup();
	for (di = 0; di < seen.nr_domains && ans != ANSWER_FINISH; di++) {
		const struct domain *d = &seen.domains[di];
		struct cands cs = { 0 }, hushers = { 0 };
		struct wd_buf block = { 0 };
		bool dontaudit = opt.dontaudit;

		cands_find(&cs, d);
		/* What Q offers: the dontaudit interfaces, whatever -D says. */
		opt.dontaudit = true;
		cands_find(&hushers, d);
		opt.dontaudit = dontaudit;
		printf("%sDomain %u of %u: %s\n\n", di ? "\n" : "", di + 1,
		       seen.nr_domains, d->name);
		taken = wd_xmalloc((d->nr_reqs + 1) * sizeof(*taken));
		nr_taken = 0;
		for (ri = 0; ri < d->nr_reqs && ans != ANSWER_FINISH; ri++) {
			const struct cand *by = NULL;
			unsigned int t;

			for (t = 0; t < nr_taken && !by; t++)
				if (taken[t]->covers[ri])
					by = taken[t];
			if (by) {
				printf("\nRequest %u of %u: %s: covered by %s\n",
				       ri + 1, d->nr_reqs, d->reqs[ri].line,
				       by->call);
				continue;
			}
			taken[nr_taken] = NULL;
			ans = ask(&block, &cs, &hushers, d, ri, &taken[nr_taken]);
			nr_taken += !!taken[nr_taken];
		}
		free(taken);
		if (block.len) {
			wd_buf_printf(&module, "%s\n%s\n", d->name, block.text);
			nr_written++;
		}
		free(block.text);
		cands_free(&cs);
		cands_free(&hushers);
	}
	tty_restore();
	fflush(stdout);
	rc = write_module(opt.module ? opt.module : "local",
			  module.text ? module.text : "", nr_written);
	free(module.text);
	return rc ? WD_EXIT_FAIL : WD_EXIT_OK;
}

/* ---- main -------------------------------------------------------------------- */

/* The modules in force in the store, if it has any. */
static void store_read(const char *store)
{
	struct wd_store all;
	unsigned int i;

	if (wd_store_scan(store, &all))
		return;
	wd_store_in_force(&all);
	for (i = 0; i < all.nr; i++) {
		char *pol = wd_store_file(store, all.e[i].priority,
					  all.e[i].name, ".pol");

		wd_mset_add_path(&set, pol);
		free(pol);
	}
	wd_store_free(&all);
}

/* The modules for -R: --modules, else the store's, else the library. */
static int modules_read(void)
{
	unsigned int i;

	for (i = 0; i < opt.nr_modules; i++)
		wd_mset_add_path(&set, opt.modules[i]);
	if (!opt.nr_modules) {
		store_read(wd_store_dir());
		if (!set.nr_modules)
			wd_mset_add_path(&set, WD_REFERENCE_MODULES);
	}
	if (set.nr_errors) {
		wd_mset_print_errors(&set, stderr);
		wd_error("the modules have %u error%s", set.nr_errors,
			 set.nr_errors == 1 ? "" : "s");
		return -1;
	}
	for (i = 0; i < set.nr_modules; i++) {
		const struct wd_module *m = set.modules[i];
		unsigned int j;

		for (j = 0; j < m->nr_groups; j++)
			group_add_line(m->groups[j].text, m);
		for (j = 0; j < m->nr_part[WD_EXCEPTION]; j++)
			group_add_line(m->part[WD_EXCEPTION][j].text, NULL);
	}
	return 0;
}

/* -a: every reject log, in name order. */
static int read_all_logs(void)
{
	const char *dir = getenv("WARDEN_LOG_DIR");
	char *pattern = wd_xasprintf("%s/reject_*.log",
				     dir && *dir ? dir : WD_DEFAULT_LOG_DIR);
	int rc = 0;
	glob_t g;
	size_t k;

	if (glob(pattern, 0, NULL, &g)) {
		wd_error("%s: no reject log", pattern);
		free(pattern);
		return -1;
	}
	for (k = 0; k < g.gl_pathc; k++)
		rc |= read_source(g.gl_pathv[k]);
	globfree(&g);
	free(pattern);
	return rc;
}

/* What was skipped, on stderr, so that stdout holds only policy. */
static void report_skipped(void)
{
	unsigned int skipped = seen.malformed + seen.granted + seen.before_load;

	if (!skipped && !seen.duplicates)
		return;
	wd_error("%u record%s read, %u skipped (%u malformed, %u granted, %u before the last load), %u duplicate%s",
		 seen.records, seen.records == 1 ? "" : "s", skipped,
		 seen.malformed, seen.granted, seen.before_load,
		 seen.duplicates, seen.duplicates == 1 ? "" : "s");
}

int main(int argc, char *argv[])
{
	enum { OPT_INTERACTIVE = 256 };
	static const struct option opts[] = {
		{ "input", required_argument, NULL, 'i' },
		{ "all", no_argument, NULL, 'a' },
		{ "last-load", no_argument, NULL, 'l' },
		{ "reference", no_argument, NULL, 'R' },
		{ "modules", required_argument, NULL, 'm' },
		{ "dontaudit", no_argument, NULL, 'D' },
		{ "why", no_argument, NULL, 'w' },
		{ "policy", required_argument, NULL, 'p' },
		{ "module", required_argument, NULL, 'M' },
		{ "interactive", no_argument, NULL, OPT_INTERACTIVE },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char **inputs = wd_xmalloc(argc * sizeof(*inputs));
	struct wd_buf out = { 0 };
	unsigned int nr_inputs = 0, i;
	bool all = false;
	int c, rc = WD_EXIT_OK;

	while ((c = getopt_long(argc, argv, ":i:alRm:Dwp:M:vh", opts,
				NULL)) != -1) {
		switch (c) {
		case 'i':
			inputs[nr_inputs++] = optarg;
			break;
		case 'a':
			all = true;
			break;
		case 'l':
			opt.last_load = true;
			break;
		case 'R':
			opt.reference = true;
			break;
		case 'm':
			opt.modules = wd_xrealloc(opt.modules, (opt.nr_modules + 1) *
						  sizeof(*opt.modules));
			opt.modules[opt.nr_modules++] = optarg;
			break;
		case 'D':
			opt.dontaudit = true;
			break;
		case 'w':
			opt.why = true;
			break;
		case 'p':
			opt.policy = optarg;
			break;
		case 'M':
			opt.module = optarg;
			break;
		case OPT_INTERACTIVE:
			opt.interactive = true;
			break;
		case 'v':
			opt.verbose = true;
			break;
		case 'h':
			usage(stdout);
			free(inputs);
			return WD_EXIT_OK;
		default:
			wd_bad_option(c, argv);
		}
	}
	/* "--modules PATH...": the words after it are more modules. */
	if (optind < argc && !opt.nr_modules)
		wd_usage_error("unexpected argument '%s'", argv[optind]);
	for (; optind < argc; optind++) {
		opt.modules = wd_xrealloc(opt.modules, (opt.nr_modules + 1) *
					  sizeof(*opt.modules));
		opt.modules[opt.nr_modules++] = argv[optind];
	}
	if (opt.why && (opt.reference || opt.module || opt.interactive))
		wd_usage_error("-w explains the denials: it takes no -R, -M or --interactive");
	if (opt.policy && !opt.why)
		wd_usage_error("--policy is for -w");
	/* -M DIR/NAME writes NAME.pol in DIR; the module is NAME. */
	if (opt.module && !module_name_ok(strrchr(opt.module, '/') ?
					  strrchr(opt.module, '/') + 1 :
					  opt.module))
		wd_usage_error("bad module name '%s' (want [a-z][a-z0-9]*)",
			       opt.module);
	if (opt.interactive && !all && !nr_inputs)
		wd_usage_error("--interactive reads its keys from stdin: give the records with -i or -a");
	for (i = 0; i < nr_inputs; i++)
		if (opt.interactive && !strcmp(inputs[i], "-"))
			wd_usage_error("--interactive reads its keys from stdin: give the records with -i FILE or -a");

	if (opt.last_load && read_last_load())
		return WD_EXIT_FAIL;
	if (!all && !nr_inputs)
		inputs[nr_inputs++] = "-";
	for (i = 0; i < nr_inputs; i++)
		if (read_source(inputs[i]))
			rc = WD_EXIT_FAIL;
	if (all && read_all_logs())
		rc = WD_EXIT_FAIL;
	free(inputs);
	if (rc)
		return rc;
	report_skipped();
	if ((opt.reference || opt.interactive) && modules_read())
		return WD_EXIT_FAIL;
	for (i = 0; i < seen.nr_domains && set.nr_modules; i++) {
		struct domain *d = &seen.domains[i];
		unsigned int r;

		for (r = 0; r < d->nr_reqs; r++)
			d->reqs[r].owner = request_owner(&d->reqs[r]);
	}
	if (opt.why && policy_read())
		return WD_EXIT_FAIL;
	if (opt.interactive)
		return interactive();

	for (i = 0; i < seen.nr_domains; i++) {
		const struct domain *d = &seen.domains[i];
		unsigned int r;

		wd_buf_printf(&out, "%s\n", d->name);
		if (opt.why)
			for (r = 0; r < d->nr_reqs; r++)
				why_line(&out, d, &d->reqs[r]);
		else
			domain_lines(&out, d);
		wd_buf_puts(&out, "\n");
	}
	if (opt.module) {
		rc = write_module(opt.module, out.text ? out.text : "",
				  seen.nr_domains) ? WD_EXIT_FAIL : WD_EXIT_OK;
	} else if (out.len && fwrite(out.text, 1, out.len, stdout) != out.len) {
		wd_perror("stdout");
		rc = WD_EXIT_FAIL;
	}
	free(out.text);
	return rc;
}
