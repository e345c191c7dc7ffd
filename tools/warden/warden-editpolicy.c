// SPDX-License-Identifier: GPL-2.0-only
/*
 * warden-editpolicy - a full-screen editor for Warden's policy, with the
 * screens and keys of TOMOYO's editor: the domain transition tree, one
 * domain's policy, the exception policy, profiles, managers, statistics,
 * the process list and, from a reject log, the recent denials.
 *
 * Every change is a write to the kernel's file (domain_policy,
 * exception_policy, profile, manager) and everything is read again
 * afterwards, so the screen shows what the kernel holds.  A refused write
 * shows its reason on the message line.  With --offline DIR the saved
 * policy (the *.conf files of DIR or of DIR/current) is shown read-only.
 */

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>

#include "escape.h"
#include "iface.h"
#include "io.h"
#include "match.h"
#include "record.h"
#include "util.h"

enum sc_id {
	SC_DOMAIN,
	SC_ACL,
	SC_EXCEPTION,
	SC_PROFILE,
	SC_MANAGER,
	SC_STAT,
	SC_DENIAL,
	SC_NR
};

static const char *const titles[SC_NR] = {
	[SC_DOMAIN] = "Domain Transition Editor",
	[SC_ACL] = "Domain Policy Editor",
	[SC_EXCEPTION] = "Exception Policy Editor",
	[SC_PROFILE] = "Profile Editor",
	[SC_MANAGER] = "Manager Policy Editor",
	[SC_STAT] = "Statistics",
	[SC_DENIAL] = "Recent Denials",
};

/* The kernel file each screen's lines live in, or NULL: not editable. */
static const char *const files[SC_NR] = {
	[SC_DOMAIN] = "domain_policy",
	[SC_ACL] = "domain_policy",
	[SC_EXCEPTION] = "exception_policy",
	[SC_PROFILE] = "profile",
	[SC_MANAGER] = "manager",
};

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* More than this is not a policy (a file of zeros, say): refuse it. */
#define POLICY_MAX (64 * 1024 * 1024)

struct wlines {
	char **line;
	size_t n;
};

struct domain {
	char *name;
	const char *last;	/* the last word of the name */
	unsigned int profile, depth;
	bool failed, init_target, keep;
	bool has_stat;
	unsigned int quieted, enforcing, permissive, learning;
	struct wlines acl;
};

struct process {
	int pid, ppid, parent, child, sibling;
	unsigned int profile;
	char *comm, *domain;
};

struct map_entry {
	char *domain, *line, *where, *chain;
};

struct row {
	char *text;
	int index;		/* domain, line, or denial; -1: not selectable */
	bool selected;
};

struct view {
	struct row *rows;
	size_t n, size;
	int cursor, top;
};

static const char *offline_dir;
static const char *log_file, *map_file;
static struct domain *domains;
static size_t ndomains;
static struct wlines exception, profile, manager, stat_lines;
static struct process *procs;
static size_t nprocs;
static struct map_entry *map;
static size_t nmap;
static struct wd_record *denials;
static size_t ndenials;

static enum sc_id cur_sc = SC_DOMAIN;
static struct view views[SC_NR];
static bool show_procs;
static char *acl_domain;	/* the domain of the SC_ACL screen */
static char *message;
static bool message_error;
static char *search;
static volatile sig_atomic_t stop_signal;

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: warden-editpolicy [--offline DIR] [--map FILE] [--log FILE]\n"
		"A full-screen editor for the policy in $WARDEN_DIR (default %s).\n"
		"  -o, --offline DIR  show the saved policy in DIR (DIR/*.conf or\n"
		"                     DIR/current/*.conf), read-only\n"
		"  -m, --map FILE     show where each domain line came from, from the\n"
		"                     map of 'warden-module build --map'\n"
		"  -l, --log FILE     the reject log for the recent denials screen\n"
		"  -h, --help         show this help and exit\n"
		"Keys: Enter open/close a domain, Space select, s set profile, a add,\n"
		"d delete, / search, n next, r refresh, w screens, @ processes,\n"
		"A allow a denial, ? help, q quit.\n"
		"Exit status: 0 quit, 1 no terminal or the policy cannot be read,\n"
		"2 bad usage.\n",
		WD_DEFAULT_DIR);
}

static void set_message(bool error, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void set_message(bool error, const char *fmt, ...)
{
	va_list ap;

	free(message);
	va_start(ap, fmt);
	if (vasprintf(&message, fmt, ap) < 0)
		message = NULL;
	va_end(ap);
	message_error = error;
}

/* ---- Reading the policy ---- */

static void lines_free(struct wlines *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->line[i]);
	free(l->line);
	l->line = NULL;
	l->n = 0;
}

static void lines_add(struct wlines *l, const char *s, size_t len)
{
	l->line = wd_xrealloc(l->line, (l->n + 1) * sizeof(*l->line));
	l->line[l->n++] = wd_xstrndup(s, len);
}

/* The non-blank lines of @text, without their newlines. */
static void split_lines(const char *text, struct wlines *l)
{
	const char *p = text;

	while (p && *p) {
		size_t len = strcspn(p, "\n");

		if (len)
			lines_add(l, p, len);
		p += len;
		if (*p)
			p++;
	}
}

/* The text of one part: the kernel's file, or the saved .conf. */
static char *read_part(const char *name, bool required)
{
	char *path, *text;

	if (offline_dir) {
		char *conf = wd_xasprintf("%s.conf", name);

		path = wd_path(offline_dir, conf);
		free(conf);
	} else {
		path = wd_iface_path(name);
	}
	text = wd_read_file(path, POLICY_MAX, NULL);
	if (!text && required)
		set_message(true, "%s: %s", path, strerror(errno));
	free(path);
	return text;
}

static int by_name(const void *a, const void *b)
{
	const struct domain *x = a, *y = b;

	return strcmp(x->name, y->name);
}

static struct domain *find_domain(const char *name)
{
	struct domain key = { .name = (char *)name };

	return bsearch(&key, domains, ndomains, sizeof(*domains), by_name);
}

static void free_domains(void)
{
	size_t i;

	for (i = 0; i < ndomains; i++) {
		free(domains[i].name);
		lines_free(&domains[i].acl);
	}
	free(domains);
	domains = NULL;
	ndomains = 0;
}

static void parse_domains(const char *text)
{
	struct wlines all = { 0 };
	struct domain *d = NULL;
	size_t i;

	split_lines(text, &all);
	for (i = 0; i < all.n; i++) {
		const char *s = all.line[i];
		unsigned int n;

		if (s[0] == '<') {
			domains = wd_xrealloc(domains,
					      (ndomains + 1) * sizeof(*domains));
			d = &domains[ndomains++];
			memset(d, 0, sizeof(*d));
			d->name = wd_xstrdup(s);
			continue;
		}
		if (!d)
			continue;
		lines_add(&d->acl, s, strlen(s));
		if (sscanf(s, "use_profile %u", &n) == 1)
			d->profile = n;
		else if (!strcmp(s, "transition_failed") ||
			 !strcmp(s, "quota_exceeded"))
			d->failed = true;
	}
	lines_free(&all);
	qsort(domains, ndomains, sizeof(*domains), by_name);
	for (i = 0; i < ndomains; i++) {
		const char *sp = strrchr(domains[i].name, ' ');
		const char *c;

		domains[i].last = sp ? sp + 1 : domains[i].name;
		for (c = domains[i].name; *c; c++)
			domains[i].depth += *c == ' ';
	}
}

/* "word1 word2 ..." of an exception line: the @n'th word, or "". */
static char *word(const char *line, int n, char *buf, size_t size)
{
	size_t len;

	while (n-- > 0) {
		line = strchr(line, ' ');
		if (!line) {
			buf[0] = '\0';
			return buf;
		}
		line++;
	}
	len = strcspn(line, " ");
	if (len >= size)
		len = size - 1;
	memcpy(buf, line, len);
	buf[len] = '\0';
	return buf;
}

/* Whether program @name is @word: the same, or a pattern matching it. */
static bool program_is(const char *name, const char *word)
{
	if (!strcmp(name, word))
		return true;
	return wd_word_has_wildcard(word) && !wd_word_check(word, true) &&
		wd_pattern_match(name, word);
}

/*
 * The markers: '*' on a domain an initialize_domain line starts
 * ("<kernel> <program>"), '#' on a domain a keep_domain line keeps
 * ("from" its name, or its last program).
 */
static void mark_domains(void)
{
	size_t i, j;

	for (i = 0; i < exception.n; i++) {
		const char *s = exception.line[i];
		const char *from = strstr(s, " from ");
		char prog[PATH_MAX];

		if (!strncmp(s, "initialize_domain ", 18)) {
			word(s, 1, prog, sizeof(prog));
			for (j = 0; j < ndomains; j++)
				if (domains[j].depth == 1 &&
				    !strncmp(domains[j].name, "<kernel> ", 9) &&
				    program_is(domains[j].last, prog))
					domains[j].init_target = true;
		} else if (!strncmp(s, "keep_domain ", 12) && from) {
			from += 6;
			for (j = 0; j < ndomains; j++)
				if (!strcmp(domains[j].name, from) ||
				    (from[0] != '<' &&
				     program_is(domains[j].last, from)))
					domains[j].keep = true;
		}
	}
}

static void parse_domain_stat(const char *text)
{
	struct wlines l = { 0 };
	size_t i;

	split_lines(text, &l);
	for (i = 0; i < l.n; i++) {
		unsigned int q, e, p, n;
		struct domain *d;
		int off = -1;

		if (sscanf(l.line[i], "quieted=%u enforcing=%u permissive=%u learning=%u %n",
			   &q, &e, &p, &n, &off) < 4 || off < 0)
			continue;
		d = find_domain(l.line[i] + off);
		if (!d)
			continue;
		d->has_stat = true;
		d->quieted = q;
		d->enforcing = e;
		d->permissive = p;
		d->learning = n;
	}
	lines_free(&l);
}

/* ---- The process list, as warden-pstree reads it ---- */

static int ask_process(int fd, struct process *p)
{
	char request[32], prefix[16], *answer, *line, *next;
	int len = snprintf(request, sizeof(request), "global-pid %d\n", p->pid);
	int plen = snprintf(prefix, sizeof(prefix), "%d ", p->pid);

	if (lseek(fd, 0, SEEK_SET) < 0 || write(fd, request, len) != len)
		return -1;
	if (lseek(fd, 0, SEEK_SET) < 0)
		return -1;
	answer = wd_read_fd(fd, 65536, NULL);
	if (!answer)
		return -1;
	for (line = answer; *line; line = next) {
		char *end;

		next = line + strcspn(line, "\n");
		if (*next)
			next++;
		if (strncmp(line, prefix, plen))
			continue;
		p->profile = strtoul(line + plen, &end, 10);
		if (end == line + plen || *end != ' ')
			break;
		p->domain = wd_xstrndup(end + 1, strcspn(end + 1, "\n"));
		free(answer);
		return 0;
	}
	free(answer);
	return -1;
}

static int by_pid(const void *a, const void *b)
{
	const struct process *x = a, *y = b;

	return (x->pid > y->pid) - (x->pid < y->pid);
}

static void free_procs(void)
{
	size_t i;

	for (i = 0; i < nprocs; i++) {
		free(procs[i].comm);
		free(procs[i].domain);
	}
	free(procs);
	procs = NULL;
	nprocs = 0;
}

static void read_procs(void)
{
	const char *proc = getenv("PROC_DIR");
	struct dirent *de;
	char *status;
	size_t i;
	DIR *dir;
	int fd;

	free_procs();
	if (offline_dir)
		return;
	if (!proc || !*proc)
		proc = "/proc";
	status = wd_iface_path(".process_status");
	fd = open(status, O_RDWR | O_CLOEXEC);
	dir = fd < 0 ? NULL : opendir(proc);
	if (!dir) {
		set_message(true, "%s: %s", fd < 0 ? status : proc,
			    strerror(errno));
		if (fd >= 0)
			close(fd);
		free(status);
		return;
	}
	while ((de = readdir(dir))) {
		char name[300], *path, *text, *open_p, *close_p;
		struct process p = { 0 };

		if (!isdigit((unsigned char)de->d_name[0]))
			continue;
		p.pid = atoi(de->d_name);
		snprintf(name, sizeof(name), "%s/stat", de->d_name);
		path = wd_path(proc, name);
		text = wd_read_file(path, 4096, NULL);
		free(path);
		if (!text)
			continue;
		open_p = strchr(text, '(');
		close_p = strrchr(text, ')');
		if (!open_p || !close_p || close_p < open_p ||
		    sscanf(close_p + 1, " %*c %d", &p.ppid) != 1 ||
		    ask_process(fd, &p)) {
			free(text);
			continue;
		}
		p.comm = wd_encode(open_p + 1, close_p - open_p - 1);
		free(text);
		procs = wd_xrealloc(procs, (nprocs + 1) * sizeof(*procs));
		procs[nprocs++] = p;
	}
	closedir(dir);
	close(fd);
	free(status);
	qsort(procs, nprocs, sizeof(*procs), by_pid);
	for (i = 0; i < nprocs; i++)
		procs[i].child = procs[i].sibling = -1;
	for (i = nprocs; i-- > 0;) {
		struct process key = { .pid = procs[i].ppid }, *parent;

		parent = procs[i].ppid == procs[i].pid ? NULL :
			bsearch(&key, procs, nprocs, sizeof(*procs), by_pid);
		procs[i].parent = parent ? parent - procs : -1;
		if (parent) {
			procs[i].sibling = parent->child;
			parent->child = i;
		}
	}
}

/* ---- The map and the reject log ---- */

static int read_map(void)
{
	char *text = wd_read_file(map_file, POLICY_MAX, NULL), *p, *next;

	if (!text) {
		wd_perror(map_file);
		return -1;
	}
	for (p = text; *p; p = next) {
		char *f[5];
		int i;

		next = p + strcspn(p, "\n");
		if (*next)
			*next++ = '\0';
		for (i = 0; i < 5 && p; i++) {
			f[i] = p;
			p = i < 4 ? strchr(p, '\t') : NULL;
			if (p)
				*p++ = '\0';
		}
		if (i < 5 || strcmp(f[0], "domain_policy"))
			continue;
		map = wd_xrealloc(map, (nmap + 1) * sizeof(*map));
		map[nmap].domain = wd_xstrdup(f[1]);
		map[nmap].line = wd_xstrdup(f[2]);
		map[nmap].where = wd_xstrdup(f[3]);
		map[nmap].chain = wd_xstrdup(f[4]);
		nmap++;
	}
	free(text);
	return 0;
}

static const struct map_entry *map_find(const char *domain, const char *line)
{
	size_t i;

	for (i = 0; i < nmap; i++)
		if (!strcmp(map[i].domain, domain) && !strcmp(map[i].line, line))
			return &map[i];
	return NULL;
}

static void add_denial(const char *start, size_t len)
{
	struct wd_record rec;
	const char *why;

	while (len && (*start == '\n' || *start == '\0'))
		start++, len--;
	if (!len || wd_record_parse(start, len, &rec, &why))
		return;
	if (rec.granted) {
		wd_record_free(&rec);
		return;
	}
	denials = wd_xrealloc(denials, (ndenials + 1) * sizeof(*denials));
	denials[ndenials++] = rec;
}

/*
 * Records in the log end at a NUL or a blank line, and a header line
 * always starts a new one.  The newest comes last in the file and first
 * on the screen.
 */
static void read_log(void)
{
	size_t len, i, start = 0;
	char *text;

	for (i = 0; i < ndenials; i++)
		wd_record_free(&denials[i]);
	free(denials);
	denials = NULL;
	ndenials = 0;
	if (!log_file)
		return;
	text = wd_read_file(log_file, WD_RECORD_MAX * 16, &len);
	if (!text) {
		set_message(true, "%s: %s", log_file, strerror(errno));
		return;
	}
	for (i = 0; i <= len; i++) {
		bool end = i == len || text[i] == '\0' ||
			(text[i] == '\n' && i + 1 < len &&
			 (text[i + 1] == '\n' || text[i + 1] == '#'));

		if (!end)
			continue;
		if (i < len && text[i] == '\n')
			i++;
		add_denial(text + start, i - start);
		start = i + 1;
		if (i < len && text[i] == '#')
			start = i;
	}
	free(text);
	for (i = 0; i < ndenials / 2; i++) {
		struct wd_record t = denials[i];

		denials[i] = denials[ndenials - 1 - i];
		denials[ndenials - 1 - i] = t;
	}
}

static void reload(void)
{
	char *text;

	free_domains();
	lines_free(&exception);
	lines_free(&profile);
	lines_free(&manager);
	lines_free(&stat_lines);
	text = read_part("domain_policy", true);
	parse_domains(text);
	free(text);
	text = read_part("exception_policy", true);
	split_lines(text, &exception);
	free(text);
	text = read_part("profile", true);
	split_lines(text, &profile);
	free(text);
	text = read_part("manager", true);
	split_lines(text, &manager);
	free(text);
	text = read_part("stat", false);
	split_lines(text, &stat_lines);
	free(text);
	text = read_part("domain_stat", false);
	parse_domain_stat(text);
	free(text);
	mark_domains();
	if (show_procs)
		read_procs();
	read_log();
}

/* ---- The rows of each screen ---- */

static void view_clear(struct view *v)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		free(v->rows[i].text);
	v->n = 0;
}

static void view_add(struct view *v, int index, char *text)
{
	if (v->n == v->size) {
		v->size = v->size ? v->size * 2 : 64;
		v->rows = wd_xrealloc(v->rows, v->size * sizeof(*v->rows));
	}
	v->rows[v->n].text = text;
	v->rows[v->n].index = index;
	v->rows[v->n].selected = false;
	v->n++;
}

static void add_proc_rows(struct view *v, int i, int depth)
{
	const struct process *p = &procs[i];
	int c;

	view_add(v, -1, wd_xasprintf("%3u %*s%s%s (%d) %s", p->profile,
				     depth ? (depth - 1) * 3 : 0, "",
				     depth ? "+- " : "", p->comm, p->pid,
				     p->domain));
	for (c = p->child; c >= 0; c = procs[c].sibling)
		add_proc_rows(v, c, depth + 1);
}

/* Whether "use_group @a" names the group of "acl_group @b ...". */
static bool same_group(const char *a, size_t alen, const char *b, size_t blen)
{
	unsigned int x, y;
	char *sa = wd_xstrndup(a, alen), *sb = wd_xstrndup(b, blen);
	bool same = !strcmp(sa, sb) ||
		(!wd_parse_uint(sa, 255, &x) && !wd_parse_uint(sb, 255, &y) &&
		 x == y);

	free(sa);
	free(sb);
	return same;
}

static char *map_suffix(const char *domain, const char *line)
{
	const struct map_entry *m = map_find(domain, line);
	const char *call;
	size_t mlen, clen;
	int colons = 0;

	if (!m)
		return wd_xstrdup(map_file ? "  <= (not in the map)" : "");
	mlen = strcspn(m->where, ":");
	if (!strcmp(m->chain, "-"))
		return wd_xasprintf("  <= %.*s", (int)mlen, m->where);
	/* The outermost call: "file:line:call" up to " > ". */
	for (call = m->chain; *call && colons < 2; call++)
		colons += *call == ':';
	clen = strstr(call, " > ") ? (size_t)(strstr(call, " > ") - call)
				   : strlen(call);
	return wd_xasprintf("  <= %.*s %.*s", (int)mlen, m->where,
			    (int)clen, call);
}

static void build_acl_rows(struct view *v)
{
	struct domain *d = acl_domain ? find_domain(acl_domain) : NULL;
	size_t i, j;

	if (!d)
		return;
	for (i = 0; i < d->acl.n; i++) {
		const char *s = d->acl.line[i];
		char *suffix = map_suffix(d->name, s);

		view_add(v, i, wd_xasprintf("%4zu: %c %s%s", i,
					    !strncmp(s, "quiet ", 6) ? 'Q' : ' ',
					    s, suffix));
		free(suffix);
		if (strncmp(s, "use_group ", 10))
			continue;
		/* The group's lines, from the exception policy. */
		for (j = 0; j < exception.n; j++) {
			const char *e = exception.line[j], *name, *rest;

			if (strncmp(e, "acl_group ", 10))
				continue;
			name = e + 10;
			rest = strchr(name, ' ');
			if (!rest || !same_group(s + 10, strlen(s + 10), name,
						 rest - name))
				continue;
			view_add(v, -1, wd_xasprintf("        %c   | %s",
						     !strncmp(rest + 1, "quiet ", 6) ? 'Q' : ' ',
						     rest + 1));
		}
	}
}

static void build_rows(enum sc_id sc)
{
	struct view *v = &views[sc];
	const struct wlines *l = NULL;
	size_t i;

	view_clear(v);
	switch (sc) {
	case SC_DOMAIN:
		if (show_procs) {
			for (i = 0; i < nprocs; i++)
				if (procs[i].parent < 0)
					add_proc_rows(v, i, 0);
			break;
		}
		for (i = 0; i < ndomains; i++) {
			const struct domain *d = &domains[i];
			char *stat = d->has_stat ?
				wd_xasprintf("  (E:%u P:%u L:%u Q:%u)",
					     d->enforcing, d->permissive,
					     d->learning, d->quieted) :
				wd_xstrdup("");

			view_add(v, i, wd_xasprintf("%5zu: %3u %c%c%c %*s%s%s",
						    i, d->profile,
						    d->init_target ? '*' : ' ',
						    d->keep ? '#' : ' ',
						    d->failed ? '!' : ' ',
						    d->depth * 4, "",
						    d->depth ? d->last : d->name,
						    stat));
			free(stat);
		}
		break;
	case SC_ACL:
		build_acl_rows(v);
		break;
	case SC_EXCEPTION:
		l = &exception;
		break;
	case SC_PROFILE:
		l = &profile;
		break;
	case SC_MANAGER:
		l = &manager;
		break;
	case SC_STAT:
		for (i = 0; i < stat_lines.n; i++)
			view_add(v, -1, wd_xstrdup(stat_lines.line[i]));
		break;
	case SC_DENIAL:
		for (i = 0; i < ndenials; i++)
			view_add(v, i, wd_xasprintf("%4zu: %s %s: %s", i,
						    denials[i].mode,
						    denials[i].domain,
						    denials[i].acl));
		break;
	default:
		break;
	}
	if (l)
		for (i = 0; i < l->n; i++)
			view_add(v, i, wd_xasprintf("%4zu: %s", i, l->line[i]));
	if (v->cursor >= (int)v->n)
		v->cursor = v->n ? (int)v->n - 1 : 0;
	if (v->cursor < 0)
		v->cursor = 0;
}

/* ---- Drawing ---- */

static int body_lines(void)
{
	return LINES > 5 ? LINES - 4 : 1;
}

static void draw(void)
{
	struct view *v = &views[cur_sc];
	int body = body_lines(), y, i, count = 0;
	const char *what = cur_sc == SC_DOMAIN ? (show_procs ? "processes" : "domains") :
		cur_sc == SC_DENIAL ? "denials" : "entries";

	erase();
	if (LINES < 5 || COLS < 20) {
		mvaddnstr(0, 0, "Terminal too small.", COLS);
		refresh();
		return;
	}
	attron(A_BOLD);
	mvprintw(0, 0, "<<< %s >>>", cur_sc == SC_DOMAIN && show_procs ?
		 "Process State Viewer" : titles[cur_sc]);
	attroff(A_BOLD);
	/* The lines of the screen's own: a group's lines are not counted. */
	for (i = 0; i < (int)v->n; i++)
		count += v->rows[i].index >= 0 || cur_sc == SC_STAT ||
			(cur_sc == SC_DOMAIN && show_procs);
	printw("      %d %s    '?' for help%s", count,
	       count != 1 ? what : cur_sc == SC_DOMAIN ?
	       (show_procs ? "process" : "domain") :
	       cur_sc == SC_DENIAL ? "denial" : "entry",
	       offline_dir ? "    (read-only)" : "");
	if (cur_sc == SC_DOMAIN && !show_procs)
		mvaddnstr(1, 0, " * initialize_domain  # keep_domain  "
			  "! transition failed or quota exceeded", COLS);
	if (cur_sc == SC_ACL && acl_domain) {
		attron(A_BOLD);
		mvaddnstr(2, 0, acl_domain, COLS);
		attroff(A_BOLD);
	} else if (cur_sc == SC_DOMAIN && !show_procs) {
		mvaddnstr(2, 0, "    #: prof      domain   "
			  "(E:enforcing P:permissive L:learning Q:quieted)",
			  COLS);
	}
	if (v->cursor < v->top)
		v->top = v->cursor;
	if (v->cursor >= v->top + body)
		v->top = v->cursor - body + 1;
	if (v->top > 0 && v->top + body > (int)v->n)
		v->top = (int)v->n > body ? (int)v->n - body : 0;
	for (y = 0, i = v->top; y < body && i < (int)v->n; y++, i++) {
		const struct row *r = &v->rows[i];

		if (i == v->cursor)
			attron(A_REVERSE);
		mvaddch(3 + y, 0, r->selected ? '&' : ' ');
		addnstr(r->text, COLS - 1);
		if (i == v->cursor) {
			int cy, cx;

			getyx(stdscr, cy, cx);
			(void)cy;
			if (cx > 0 && cx < COLS)
				hline(' ', COLS - cx);
			attroff(A_REVERSE);
		}
	}
	if (message) {
		if (message_error)
			attron(A_BOLD);
		mvaddnstr(LINES - 1, 0, message, COLS);
		if (message_error)
			attroff(A_BOLD);
	}
	move(3 + v->cursor - v->top, 0);
	refresh();
}

/* A line typed on the message line; NULL when cancelled (Esc, ^G, ^C). */
static char *prompt(const char *question)
{
	struct wd_buf b = { 0 };
	int ch;

	wd_buf_add(&b, "", 0);
	for (;;) {
		int w = COLS - (int)strlen(question) - 1;
		const char *shown = b.text;

		if (w > 0 && (int)b.len > w)
			shown += b.len - w;
		move(LINES - 1, 0);
		clrtoeol();
		attron(A_BOLD);
		addnstr(question, COLS);
		attroff(A_BOLD);
		addnstr(shown, COLS - 1);
		curs_set(1);
		refresh();
		ch = getch();
		if (stop_signal || ch == 27 || ch == 7 || ch == 3) {
			free(b.text);
			b.text = NULL;
			break;
		}
		if (ch == ERR || ch == KEY_RESIZE) {
			if (ch == KEY_RESIZE)
				draw();
			continue;
		}
		if (ch == '\n' || ch == '\r' || ch == KEY_ENTER)
			break;
		if (ch == KEY_BACKSPACE || ch == 127 || ch == 8) {
			if (b.len)
				b.text[--b.len] = '\0';
		} else if (ch >= ' ' && ch < 256) {
			char c = ch;

			wd_buf_add(&b, &c, 1);
		}
	}
	curs_set(0);
	return b.text;
}

static bool confirm(const char *question)
{
	char *answer = prompt(question);
	bool yes = answer && (answer[0] == 'y' || answer[0] == 'Y');

	free(answer);
	return yes;
}

/* ---- Changes: one write to a kernel file, then read everything again ---- */

static bool read_only(void)
{
	if (offline_dir)
		set_message(true, "Read-only: the policy was opened with --offline.");
	return offline_dir != NULL;
}

static void write_kernel(const char *name, const char *text)
{
	char *path = wd_iface_path(name);
	int ret = wd_write_file(path, text, strlen(text)), err = errno;

	/* The kernel may have applied the lines before a refused one. */
	reload();
	for (int sc = 0; sc < SC_NR; sc++)
		build_rows(sc);
	if (ret)
		set_message(true, "%s: %s (see the kernel log)", name,
			    strerror(err));
	else
		set_message(false, "Written to %s.", name);
	free(path);
}

/* The selected rows' indexes, or the cursor's when none is selected. */
static size_t targets(const struct view *v, int **out)
{
	size_t i, n = 0;
	int *t = wd_xmalloc((v->n + 1) * sizeof(*t));

	for (i = 0; i < v->n; i++)
		if (v->rows[i].selected && v->rows[i].index >= 0)
			t[n++] = v->rows[i].index;
	if (!n && v->n && v->rows[v->cursor].index >= 0)
		t[n++] = v->rows[v->cursor].index;
	*out = t;
	return n;
}

static const struct wlines *screen_lines(void)
{
	struct domain *d;

	switch (cur_sc) {
	case SC_ACL:
		d = acl_domain ? find_domain(acl_domain) : NULL;
		return d ? &d->acl : NULL;
	case SC_EXCEPTION:
		return &exception;
	case SC_PROFILE:
		return &profile;
	case SC_MANAGER:
		return &manager;
	default:
		return NULL;
	}
}

static void set_profile(void)
{
	struct view *v = &views[SC_DOMAIN];
	struct wd_buf b = { 0 };
	unsigned int nr;
	size_t i, n;
	char *answer;
	int *t;

	if (cur_sc != SC_DOMAIN || show_procs || read_only())
		return;
	n = targets(v, &t);
	if (!n) {
		free(t);
		return;
	}
	answer = prompt("Enter profile number> ");
	if (answer && wd_parse_uint(answer, 255, &nr)) {
		set_message(true, "Not a profile number (0-255): %s", answer);
	} else if (answer) {
		for (i = 0; i < n; i++)
			wd_buf_printf(&b, "%s\nuse_profile %u\n",
				      domains[t[i]].name, nr);
		write_kernel("domain_policy", b.text);
	}
	free(b.text);
	free(answer);
	free(t);
}

static void add_entry(void)
{
	char *answer, *text;

	if (!files[cur_sc] || (cur_sc == SC_DOMAIN && show_procs)) {
		set_message(true, "Nothing can be added on this screen.");
		return;
	}
	if (read_only())
		return;
	answer = prompt(cur_sc == SC_DOMAIN ? "Enter new domain> " :
			"Enter new entry> ");
	if (!answer || !answer[0]) {
		free(answer);
		return;
	}
	if (cur_sc == SC_ACL)
		text = wd_xasprintf("%s\n%s\n", acl_domain, answer);
	else
		text = wd_xasprintf("%s\n", answer);
	write_kernel(files[cur_sc], text);
	free(text);
	free(answer);
}

static void delete_entries(void)
{
	struct view *v = &views[cur_sc];
	const struct wlines *l = screen_lines();
	struct wd_buf b = { 0 };
	char question[80];
	size_t i, n;
	int *t;

	if (cur_sc == SC_PROFILE || !files[cur_sc] ||
	    (cur_sc == SC_DOMAIN && show_procs)) {
		set_message(true, "Nothing can be deleted on this screen.");
		return;
	}
	if (read_only())
		return;
	n = targets(v, &t);
	if (!n) {
		free(t);
		return;
	}
	snprintf(question, sizeof(question),
		 "Delete %zu selected entr%s? ('Y'es/'N'o) ", n,
		 n == 1 ? "y" : "ies");
	if (confirm(question)) {
		if (cur_sc == SC_ACL)
			wd_buf_printf(&b, "%s\n", acl_domain);
		for (i = 0; i < n; i++)
			wd_buf_printf(&b, "delete %s\n", cur_sc == SC_DOMAIN ?
				      domains[t[i]].name : l->line[t[i]]);
		write_kernel(files[cur_sc], b.text);
	} else {
		set_message(false, "Nothing deleted.");
	}
	free(b.text);
	free(t);
}

static void find(bool ask, int dir)
{
	struct view *v = &views[cur_sc];
	int i, n = v->n;

	if (ask) {
		char *s = prompt("Search> ");

		if (!s)
			return;
		free(search);
		search = s;
	}
	if (!search || !search[0]) {
		set_message(true, "No search string: use '/' first.");
		return;
	}
	for (i = 1; i <= n; i++) {
		int r = ((v->cursor + (ask ? i - 1 : i) * dir) % n + n) % n;

		if (strstr(v->rows[r].text, search)) {
			v->cursor = r;
			set_message(false, "Found \"%s\".", search);
			return;
		}
	}
	set_message(true, "\"%s\" not found.", search);
}

/* ---- Allowing a denial ---- */

static char *find_audit2allow(void)
{
	char exe[PATH_MAX], *path, *dirs, *dir, *save;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n > 0) {
		exe[n] = '\0';
		path = wd_path(dirname(exe), "warden-audit2allow");
		if (!access(path, X_OK))
			return path;
		free(path);
	}
	dirs = wd_xstrdup(getenv("PATH") ? getenv("PATH") : "");
	for (dir = strtok_r(dirs, ":", &save); dir;
	     dir = strtok_r(NULL, ":", &save)) {
		path = wd_path(dir, "warden-audit2allow");
		if (!access(path, X_OK)) {
			free(dirs);
			return path;
		}
		free(path);
	}
	free(dirs);
	return NULL;
}

/* The lines "warden-audit2allow -R" prints for @rec, into @c. */
static void run_audit2allow(const char *prog, const struct wd_record *rec,
			    struct wlines *c)
{
	int in[2], out[2], status;
	char *text;
	pid_t pid;

	if (pipe(in))
		return;
	if (pipe(out)) {
		close(in[0]);
		close(in[1]);
		return;
	}
	pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);

		dup2(in[0], 0);
		dup2(out[1], 1);
		if (null >= 0)
			dup2(null, 2);
		close(in[1]);
		close(out[0]);
		execl(prog, prog, "-R", (char *)NULL);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	if (pid > 0)
		wd_write_all(in[1], rec->text, strlen(rec->text));
	close(in[1]);
	text = pid > 0 ? wd_read_fd(out[0], WD_RECORD_MAX, NULL) : NULL;
	close(out[0]);
	if (pid > 0)
		waitpid(pid, &status, 0);
	if (text) {
		struct wlines l = { 0 };
		size_t i;

		split_lines(text, &l);
		for (i = 0; i < l.n; i++)
			if (l.line[i][0] != '<')
				lines_add(c, l.line[i], strlen(l.line[i]));
		lines_free(&l);
	}
	free(text);
}

/* An interface call ("name(args)") belongs in a module, not a domain. */
static bool is_call(const char *s)
{
	size_t n = strcspn(s, " (");

	return n && s[n] == '(' && s[strlen(s) - 1] == ')';
}

static int choose(const struct wlines *c, const char *title)
{
	int cursor = 0, ch, y;

	for (;;) {
		erase();
		attron(A_BOLD);
		mvaddnstr(0, 0, title, COLS);
		attroff(A_BOLD);
		mvaddnstr(1, 0, "Enter: add a line to the domain, or show a call; q: cancel",
			  COLS);
		for (y = 0; y < (int)c->n && y < body_lines(); y++) {
			if (y == cursor)
				attron(A_REVERSE);
			mvprintw(3 + y, 0, "%2d) %-9s ", y + 1,
				 is_call(c->line[y]) ? "[call]" : "[line]");
			addnstr(c->line[y], COLS - 15);
			if (y == cursor)
				attroff(A_REVERSE);
		}
		refresh();
		ch = getch();
		if (stop_signal || ch == 'q' || ch == 'Q' || ch == 27)
			return -1;
		if (ch == KEY_UP && cursor > 0)
			cursor--;
		else if (ch == KEY_DOWN && cursor + 1 < (int)c->n)
			cursor++;
		else if (ch >= '1' && ch <= '9' && ch - '1' < (int)c->n)
			return ch - '1';
		else if (ch == '\n' || ch == '\r' || ch == KEY_ENTER)
			return cursor;
	}
}

static void allow_denial(void)
{
	struct view *v = &views[SC_DENIAL];
	const struct wd_record *rec;
	struct wlines c = { 0 };
	char *prog, *text;
	size_t i;
	int pick;

	if (cur_sc != SC_DENIAL || !v->n)
		return;
	rec = &denials[v->rows[v->cursor].index];
	prog = find_audit2allow();
	if (prog)
		run_audit2allow(prog, rec, &c);
	for (i = 0; i < c.n && strcmp(c.line[i], rec->acl); i++)
		;
	if (i == c.n)
		lines_add(&c, rec->acl, strlen(rec->acl));
	pick = choose(&c, prog ? "Candidates from warden-audit2allow -R" :
		      "Candidates (no warden-audit2allow found)");
	if (pick < 0) {
		set_message(false, "Nothing added.");
	} else if (is_call(c.line[pick])) {
		set_message(false, "Put in the module of %s: %s", rec->domain,
			    c.line[pick]);
	} else if (!read_only()) {
		text = wd_xasprintf("%s\n%s\n", rec->domain, c.line[pick]);
		write_kernel("domain_policy", text);
		free(text);
	}
	lines_free(&c);
	free(prog);
}

/* ---- Screens and keys ---- */

static void help(void)
{
	static const char *const keys[] = {
		"Q/q        Quit this editor.",
		"R/r        Refresh to the latest information.",
		"F/f, /     Find first.",
		"N/n        Find next.",
		"P/p        Find previous.",
		"W/w        Switch to selected screen.",
		"Space      Invert selection state of an entry at the cursor position.",
		"A/a        Add a new entry.",
		"D/d        Delete selected entries.",
		"S/s        Set profile number of selected domains.",
		"Enter      Show a domain's policy (also a denial's), or go back.",
		"@          Show the process list instead of the domains.",
		"A          On the denials, add a candidate that grants one.",
		"Arrow-keys and PageUp/PageDown/Home/End keys for scroll.",
		"",
		"Press any key to escape from this help.",
	};
	size_t i;
	int ch;

	do {
		erase();
		mvaddnstr(0, 0, "Commands available for this screen are:", COLS);
		for (i = 0; i < ARRAY_SIZE(keys); i++)
			mvaddnstr(2 + i, 0, keys[i], COLS);
		refresh();
		ch = getch();
	} while ((ch == ERR || ch == KEY_RESIZE) && !stop_signal);
}

static void switch_screen(enum sc_id sc)
{
	cur_sc = sc;
	build_rows(sc);
}

static void menu(void)
{
	static const struct {
		char key;
		enum sc_id sc;
	} items[] = {
		{ 'e', SC_EXCEPTION }, { 'd', SC_DOMAIN }, { 'a', SC_ACL },
		{ 'p', SC_PROFILE }, { 'm', SC_MANAGER }, { 's', SC_STAT },
		{ 'l', SC_DENIAL },
	};
	size_t i;
	int ch;

	for (;;) {
		erase();
		mvaddnstr(0, 0, "Press one of below keys to switch window.", COLS);
		for (i = 0; i < ARRAY_SIZE(items); i++)
			mvprintw(2 + i, 0, "%c     <<< %s >>>", items[i].key,
				 titles[items[i].sc]);
		mvaddnstr(3 + i, 0, "q     Quit this editor.", COLS);
		refresh();
		ch = getch();
		if (stop_signal)
			return;
		if (ch == ERR || ch == KEY_RESIZE)
			continue;
		ch = tolower(ch);
		if (ch == 'q') {
			stop_signal = -1;
			return;
		}
		for (i = 0; i < ARRAY_SIZE(items); i++) {
			if (items[i].key != ch)
				continue;
			if (items[i].sc == SC_ACL && !acl_domain) {
				set_message(true, "No domain chosen yet: Enter on a domain.");
				return;
			}
			if (items[i].sc == SC_DOMAIN)
				show_procs = false;
			switch_screen(items[i].sc);
			return;
		}
		return;
	}
}

static void enter(void)
{
	struct view *v = &views[cur_sc];

	if (cur_sc == SC_DOMAIN && !show_procs && v->n) {
		free(acl_domain);
		acl_domain = wd_xstrdup(domains[v->rows[v->cursor].index].name);
		views[SC_ACL].cursor = views[SC_ACL].top = 0;
		switch_screen(SC_ACL);
	} else if (cur_sc == SC_ACL) {
		switch_screen(SC_DOMAIN);
	} else if (cur_sc == SC_DENIAL && v->n) {
		const char *name = denials[v->rows[v->cursor].index].domain;

		if (!find_domain(name)) {
			set_message(true, "No such domain: %s", name);
			return;
		}
		free(acl_domain);
		acl_domain = wd_xstrdup(name);
		views[SC_ACL].cursor = views[SC_ACL].top = 0;
		switch_screen(SC_ACL);
	}
}

static void move_cursor(int ch)
{
	struct view *v = &views[cur_sc];
	int page = body_lines();

	switch (ch) {
	case KEY_UP:
		v->cursor--;
		break;
	case KEY_DOWN:
		v->cursor++;
		break;
	case KEY_PPAGE:
		v->cursor -= page;
		v->top -= page;
		break;
	case KEY_NPAGE:
		v->cursor += page;
		v->top += page;
		break;
	case KEY_HOME:
		v->cursor = 0;
		break;
	case KEY_END:
		v->cursor = v->n;
		break;
	}
	if (v->cursor >= (int)v->n)
		v->cursor = (int)v->n - 1;
	if (v->cursor < 0)
		v->cursor = 0;
	if (v->top < 0)
		v->top = 0;
}

static void on_signal(int sig)
{
	stop_signal = sig;
}

static void run(void)
{
	int ch;

	for (int sc = 0; sc < SC_NR; sc++)
		build_rows(sc);
	while (!stop_signal) {
		draw();
		ch = getch();
		if (ch == ERR || ch == KEY_RESIZE)
			continue;
		if (ch != 'n' && ch != 'N' && ch != 'p' && ch != 'P') {
			free(message);
			message = NULL;
		}
		switch (ch) {
		case 'q':
		case 'Q':
			return;
		case 'r':
		case 'R':
			reload();
			for (int sc = 0; sc < SC_NR; sc++)
				build_rows(sc);
			set_message(false, "Refreshed.");
			break;
		case ' ':
			if (views[cur_sc].n &&
			    views[cur_sc].rows[views[cur_sc].cursor].index >= 0) {
				struct row *r = &views[cur_sc].rows[views[cur_sc].cursor];

				r->selected = !r->selected;
				move_cursor(KEY_DOWN);
			}
			break;
		case '\n':
		case '\r':
		case KEY_ENTER:
			enter();
			break;
		case 's':
		case 'S':
			set_profile();
			break;
		case 'a':
			add_entry();
			break;
		case 'A':
			if (cur_sc == SC_DENIAL)
				allow_denial();
			else
				add_entry();
			break;
		case 'd':
		case 'D':
			delete_entries();
			break;
		case '/':
		case 'f':
		case 'F':
			find(true, 1);
			break;
		case 'n':
		case 'N':
			find(false, 1);
			break;
		case 'p':
		case 'P':
			find(false, -1);
			break;
		case 'w':
		case 'W':
			menu();
			break;
		case '@':
			if (cur_sc != SC_DOMAIN)
				break;
			if (offline_dir) {
				set_message(true, "No process list with --offline.");
				break;
			}
			show_procs = !show_procs;
			views[SC_DOMAIN].cursor = views[SC_DOMAIN].top = 0;
			if (show_procs)
				read_procs();
			build_rows(SC_DOMAIN);
			break;
		case '?':
			help();
			break;
		default:
			move_cursor(ch);
			break;
		}
	}
}

/* The saved policy: DIR itself, or DIR/current. */
static const char *offline_path(const char *dir)
{
	char *conf = wd_path(dir, "domain_policy.conf");
	char *current;

	if (!access(conf, R_OK)) {
		free(conf);
		return dir;
	}
	free(conf);
	current = wd_path(dir, "current");
	conf = wd_path(current, "domain_policy.conf");
	if (!access(conf, R_OK)) {
		free(conf);
		return current;
	}
	wd_error("%s: no domain_policy.conf here nor in %s", dir, current);
	free(conf);
	free(current);
	return NULL;
}

/* A terminal that can place the cursor, or a message and false. */
static bool terminal_ok(void)
{
	const char *term = getenv("TERM");
	char *cup;
	int err;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		wd_error("needs a terminal: standard input and output must be a tty");
		return false;
	}
	if (!term || !*term || !strcmp(term, "dumb")) {
		wd_error("TERM=%s: needs a terminal that can move the cursor",
			 term ? term : "");
		return false;
	}
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		wd_error("TERM=%s: unknown terminal type (no terminfo entry)",
			 term);
		return false;
	}
	cup = tigetstr("cup");
	if (!cup || cup == (char *)-1) {
		wd_error("TERM=%s: the terminal cannot move the cursor", term);
		del_curterm(cur_term);
		return false;
	}
	del_curterm(cur_term);
	return true;
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "offline", required_argument, NULL, 'o' },
		{ "map", required_argument, NULL, 'm' },
		{ "log", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct sigaction sa = { .sa_handler = on_signal };
	char *text;
	SCREEN *term;
	int c;

	while ((c = getopt_long(argc, argv, ":o:m:l:h", options, NULL)) != -1) {
		switch (c) {
		case 'o':
			offline_dir = optarg;
			break;
		case 'm':
			map_file = optarg;
			break;
		case 'l':
			log_file = optarg;
			break;
		case 'h':
			usage(stdout);
			return WD_EXIT_OK;
		default:
			wd_bad_option(c, argv);
		}
	}
	if (optind < argc)
		wd_usage_error("unexpected argument '%s'", argv[optind]);
	if (!terminal_ok())
		return WD_EXIT_FAIL;
	if (offline_dir) {
		offline_dir = offline_path(offline_dir);
		if (!offline_dir)
			return WD_EXIT_FAIL;
	}
	text = read_part("domain_policy", true);
	if (!text) {
		wd_error("%s", message);
		return WD_EXIT_FAIL;
	}
	free(text);
	if (log_file && access(log_file, R_OK)) {
		wd_perror(log_file);
		return WD_EXIT_FAIL;
	}
	if (map_file && read_map())
		return WD_EXIT_FAIL;
	reload();

	/* Before ncurses starts, so it leaves these to us. */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	term = newterm(NULL, stdout, stdin);
	if (!term) {
		wd_error("cannot start the terminal");
		return WD_EXIT_FAIL;
	}
	set_escdelay(100);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	timeout(200);
	run();
	endwin();
	delscreen(term);
	if (stop_signal > 0) {
		wd_error("stopped by signal %d", (int)stop_signal);
		return WD_EXIT_FAIL;
	}
	return WD_EXIT_OK;
}
