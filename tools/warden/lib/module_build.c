// SPDX-License-Identifier: GPL-2.0-only
/*
 * Checking a set of policy modules and compiling it into one policy
 * document; see module.h.
 *
 * Interface calls are expanded by one walker for both jobs.  In a domain,
 * a call of a parameterless interface becomes "use_group NAME" and a call
 * with arguments is replaced by the callee's lines, with $1..$9 put in;
 * in the body of an acl group (a parameterless interface compiled for the
 * kernel) every call is replaced by its lines, since the kernel's groups
 * do not use other groups.  The checker walks every interface that way
 * on its own, which finds recursion and what the interface really grants.
 */

#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "grammar.h"
#include "match.h"
#include "module.h"
#include "module_int.h"

/* Calls nest at most this deep; a deeper chain is reported, not walked. */
#define WD_MAX_CALL_DEPTH 32

static const char *const wd_group_keywords[] = {
	"path_group ", "number_group ", "address_group ",
};

int wd_group_kind(const char *line)
{
	int i;

	for (i = 0; i < 3; i++)
		if (!strncmp(line, wd_group_keywords[i],
			     strlen(wd_group_keywords[i])))
			return i + 1;
	return 0;
}

/* ---- calls ------------------------------------------------------------ */

struct call {
	char *name;
	char **args;
	unsigned int nr_args;
};

static void call_free(struct call *c)
{
	while (c->nr_args)
		free(c->args[--c->nr_args]);
	free(c->args);
	free(c->name);
	memset(c, 0, sizeof(*c));
}

/*
 * Parse "name(arg, ...)": 1 when @text is a call, 0 when it is not one
 * (no '(' right after a name), -1 when it is a malformed one (*@why).
 */
static int call_parse(const char *text, struct call *c, const char **why)
{
	const char *p = text, *end;

	memset(c, 0, sizeof(*c));
	if (*p < 'a' || *p > 'z')
		return 0;
	while ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_')
		p++;
	if (*p != '(')
		return 0;
	end = text + strlen(text) - 1;
	if (*end != ')') {
		*why = "a call ends with ')'";
		return -1;
	}
	c->name = wd_xstrndup(text, p - text);
	p++;
	while (*p == ' ')
		p++;
	if (p == end)
		return 1;
	for (;;) {
		const char *s = p;
		size_t len;

		while (p < end && *p != ',')
			p++;
		len = p - s;
		s += wd_span_trim(s, &len);
		if (!len || memchr(s, ' ', len)) {
			*why = len ? "an argument is one word (write a blank as \\040)" :
				"an empty argument";
			call_free(c);
			return -1;
		}
		c->args = wd_xrealloc(c->args, (c->nr_args + 1) *
				      sizeof(*c->args));
		c->args[c->nr_args++] = wd_xstrndup(s, len);
		if (p == end)
			return 1;
		p++;
	}
}

/* The highest $N that @text uses, 0 if none; "\$" is a wildcard. */
static unsigned int max_param_ref(const char *text)
{
	unsigned int max = 0;

	for (; *text; text++) {
		if (*text == '\\' && text[1]) {
			text++;
			continue;
		}
		if (*text == '$' && text[1] >= '1' && text[1] <= '9' &&
		    (unsigned int)(text[1] - '0') > max)
			max = text[1] - '0';
	}
	return max;
}

/* @text with $1..$9 replaced by @args; malloc'd.  NULL @args: as is. */
static char *subst(const char *text, char **args, unsigned int nr_args)
{
	struct wd_buf out = { 0 };

	if (!args)
		return wd_xstrdup(text);
	for (; *text; text++) {
		if (*text == '\\' && text[1]) {
			wd_buf_add(&out, text, 2);
			text++;
		} else if (*text == '$' && text[1] >= '1' && text[1] <= '9' &&
			   (unsigned int)(text[1] - '1') < nr_args) {
			wd_buf_puts(&out, args[text[1] - '1']);
			text++;
		} else {
			wd_buf_add(&out, text, 1);
		}
	}
	return out.text ? out.text : wd_xstrdup("");
}

/* ---- argument types ---------------------------------------------------- */

/* "N" or "N-M", numbers as the kernel reads them (decimal, 0x, 0). */
static bool number_ok(const char *arg, unsigned long max)
{
	const char *p = arg;
	int i;

	for (i = 0; i < 2; i++) {
		char *end;
		unsigned long v;

		if (*p < '0' || *p > '9')
			return false;
		v = strtoul(p, &end, 0);
		if (v > max)
			return false;
		p = end;
		if (!*p)
			return true;
		if (*p != '-' || i)
			return false;
		p++;
	}
	return false;
}

static bool address_ok(const char *arg)
{
	unsigned char buf[16];
	const char *dash = strchr(arg, '-');
	char one[64];
	int i;

	for (i = 0; i < 2; i++) {
		size_t len = dash && !i ? (size_t)(dash - arg) : strlen(arg);

		if (len >= sizeof(one))
			return false;
		memcpy(one, arg, len);
		one[len] = '\0';
		if (inet_pton(AF_INET, one, buf) != 1 &&
		    inet_pton(AF_INET6, one, buf) != 1)
			return false;
		if (!dash || i)
			return true;
		arg = dash + 1;
	}
	return true;
}

/* A pathname word: "/..." or "fstype:/..." (proc:/self/status). */
static bool pathname_ok(const char *arg, bool wildcards)
{
	size_t fs = strspn(arg, "abcdefghijklmnopqrstuvwxyz0123456789_");

	if (arg[0] != '/' && !(fs && arg[fs] == ':' && arg[fs + 1] == '/'))
		return false;
	return !wd_word_check(arg, wildcards);
}

/* NULL when @arg may stand for a parameter of @type, else why not. */
static const char *arg_type_error(const char *arg, enum wd_param_type type)
{
	bool group = arg[0] == '@' && arg[1];

	switch (type) {
	case WD_PARAM_PATH:
		return group || pathname_ok(arg, false) ? NULL :
			"not a pathname (/..., fstype:/...) without wildcards, nor an @group";
	case WD_PARAM_DIR:
		return group || (pathname_ok(arg, true) &&
				 arg[strlen(arg) - 1] == '/') ? NULL :
			"not a directory (a pathname ending in /) nor an @group";
	case WD_PARAM_PATTERN:
		return group || pathname_ok(arg, true) ? NULL :
			"not a pathname pattern nor an @group";
	case WD_PARAM_NUMBER:
		return group || number_ok(arg, 0xffffffffUL) ? NULL :
			"not a number, a range N-M nor an @group";
	case WD_PARAM_PORT:
		return group || number_ok(arg, 65535) ? NULL :
			"not a port (0-65535), a range nor an @group";
	case WD_PARAM_ADDRESS:
		return group || address_ok(arg) ? NULL :
			"not an IPv4 or IPv6 address, a range nor an @group";
	case WD_PARAM_WORD:
	default: {
		size_t len;
		char *raw = wd_decode(arg, &len);

		free(raw);
		return raw ? NULL : "not a word in the kernel's spelling";
	}
	}
}

/* ---- the tables of a set ------------------------------------------------ */

struct group_def {
	char *name;
	int kind;
	const struct wd_module *module;
	const struct wd_mline *where;
};

struct owned {
	char *pattern;
	unsigned int group;		/* its index in tables.groups */
	size_t prefix;
	bool wildcard;
};

struct wd_tables {
	struct wd_mset *set;
	struct wd_iface **ifaces;	/* sorted by name */
	unsigned int nr_ifaces;
	struct group_def *groups;
	unsigned int nr_groups;
	struct owned *owned;
	unsigned int nr_owned;
};

static int iface_cmp(const void *a, const void *b)
{
	return strcmp((*(struct wd_iface *const *)a)->name,
		      (*(struct wd_iface *const *)b)->name);
}

struct wd_iface *wd_mset_iface(const struct wd_mset *set, const char *name)
{
	unsigned int i, j;

	for (i = 0; i < set->nr_modules; i++)
		for (j = 0; j < set->modules[i]->nr_ifaces; j++)
			if (!strcmp(set->modules[i]->ifaces[j].name, name))
				return &set->modules[i]->ifaces[j];
	return NULL;
}

static struct wd_iface *lookup(const struct wd_tables *t, const char *name)
{
	struct wd_iface key = { .name = (char *)name }, *kp = &key, **found;

	found = bsearch(&kp, t->ifaces, t->nr_ifaces, sizeof(*t->ifaces),
			iface_cmp);
	return found ? *found : NULL;
}

static const struct group_def *group_lookup(const struct wd_tables *t,
					    const char *name)
{
	unsigned int i;

	for (i = 0; i < t->nr_groups; i++)
		if (!strcmp(t->groups[i].name, name))
			return &t->groups[i];
	return NULL;
}

/* The second word of a group line, its group's name; malloc'd. */
static char *group_name(const char *line)
{
	const char *s = strchr(line, ' ') + 1;

	return wd_xstrndup(s, strcspn(s, " "));
}

static void add_group(struct wd_tables *t, const struct wd_module *m,
		      const struct wd_mline *l, bool owns)
{
	char *name = group_name(l->text);
	const struct group_def *old = group_lookup(t, name);
	const char *member;

	if (old && old->module != m) {
		wd_mset_error(t->set, l->file, l->line,
			      "group %s is also defined by module %s (%s:%u)",
			      name, old->module->name, old->where->file,
			      old->where->line);
		free(name);
		return;
	}
	if (!old) {
		t->groups = wd_xrealloc(t->groups, (t->nr_groups + 1) *
					sizeof(*t->groups));
		t->groups[t->nr_groups] = (struct group_def){
			.name = name, .kind = wd_group_kind(l->text),
			.module = m, .where = l,
		};
		old = &t->groups[t->nr_groups++];
	} else {
		free(name);
	}
	if (!owns || old->kind != 1)
		return;
	member = strchr(strchr(l->text, ' ') + 1, ' ') + 1;
	if (wd_word_check(member, true)) {
		wd_mset_error(t->set, l->file, l->line,
			      "%s is not a pathname pattern the kernel takes",
			      member);
		return;
	}
	t->owned = wd_xrealloc(t->owned, (t->nr_owned + 1) * sizeof(*t->owned));
	t->owned[t->nr_owned++] = (struct owned){
		.pattern = wd_xstrdup(member),
		.group = old - t->groups,
		.prefix = wd_pattern_literal_prefix(member),
		.wildcard = wd_word_has_wildcard(member),
	};
}

static void tables_build(struct wd_tables *t, struct wd_mset *set)
{
	unsigned int i, j;

	memset(t, 0, sizeof(*t));
	t->set = set;
	for (i = 0; i < set->nr_modules; i++)
		t->nr_ifaces += set->modules[i]->nr_ifaces;
	t->ifaces = wd_xmalloc(t->nr_ifaces * sizeof(*t->ifaces));
	t->nr_ifaces = 0;
	for (i = 0; i < set->nr_modules; i++) {
		struct wd_module *m = set->modules[i];

		for (j = 0; j < m->nr_ifaces; j++)
			t->ifaces[t->nr_ifaces++] = &m->ifaces[j];
		for (j = 0; j < m->nr_groups; j++)
			add_group(t, m, &m->groups[j], true);
		for (j = 0; j < m->nr_part[WD_EXCEPTION]; j++)
			if (wd_group_kind(m->part[WD_EXCEPTION][j].text))
				add_group(t, m, &m->part[WD_EXCEPTION][j], false);
	}
	qsort(t->ifaces, t->nr_ifaces, sizeof(*t->ifaces), iface_cmp);
	for (i = 1; i < t->nr_ifaces; i++)
		if (!strcmp(t->ifaces[i - 1]->name, t->ifaces[i]->name))
			wd_mset_error(set, t->ifaces[i]->where.file,
				      t->ifaces[i]->where.line,
				      "interface %s is also defined at %s:%u",
				      t->ifaces[i]->name,
				      t->ifaces[i - 1]->where.file,
				      t->ifaces[i - 1]->where.line);
}

/* The set's tables, built the first time they are needed. */
static struct wd_tables *tables_get(struct wd_mset *set)
{
	if (!set->tables) {
		set->tables = wd_xmalloc(sizeof(struct wd_tables));
		tables_build(set->tables, set);
	}
	return set->tables;
}

static void tables_free(struct wd_tables *t)
{
	unsigned int i;

	for (i = 0; i < t->nr_groups; i++)
		free(t->groups[i].name);
	for (i = 0; i < t->nr_owned; i++)
		free(t->owned[i].pattern);
	free(t->groups);
	free(t->owned);
	free(t->ifaces);
}

void wd_mset_free_tables(struct wd_mset *set)
{
	if (set->tables)
		tables_free(set->tables);
	free(set->tables);
	set->tables = NULL;
}

/*
 * The owned pattern that names @word most specifically: the longest
 * literal prefix, then no wildcard, then the longest pattern.
 */
static const struct owned *owner_of(const struct wd_tables *t, const char *word)
{
	const struct owned *best = NULL;
	unsigned int i;

	for (i = 0; i < t->nr_owned; i++) {
		const struct owned *o = &t->owned[i];

		if (strcmp(word, o->pattern) && !wd_pattern_match(word, o->pattern))
			continue;
		if (best && (o->prefix < best->prefix ||
			     (o->prefix == best->prefix &&
			      (o->wildcard > best->wildcard ||
			       (o->wildcard == best->wildcard &&
				strlen(o->pattern) <= strlen(best->pattern))))))
			continue;
		best = o;
	}
	return best;
}

/* ---- checking lines ------------------------------------------------------ */

/*
 * A raw ACL line of module @m may name no pathname and no group that
 * another module owns: it calls that module's interface instead.
 */
static void check_owner(const struct wd_tables *t, const struct wd_module *m,
			const struct wd_mline *l, const struct wd_acl *acl)
{
	const char *objects = wd_acl_objects(acl->kind);
	char *args = wd_xstrdup(acl->args), *cur = args, *word;
	unsigned int n;

	for (n = 0; objects[n] && (word = strsep(&cur, " ")); n++) {
		const struct group_def *g;
		const struct owned *o;

		if (strchr(word, '$'))
			continue;
		if (word[0] == '@') {
			g = group_lookup(t, word + 1);
			if (g && g->module != m)
				wd_mset_error(t->set, l->file, l->line,
					      "@%s belongs to module %s: call its interface instead",
					      word + 1, g->module->name);
			continue;
		}
		if (objects[n] != 'p')
			continue;
		if (wd_word_check(word, true)) {
			wd_mset_error(t->set, l->file, l->line,
				      "%s is not a pathname the kernel takes",
				      word);
			continue;
		}
		o = owner_of(t, word);
		g = o ? &t->groups[o->group] : NULL;
		if (g && g->module != m)
			wd_mset_error(t->set, l->file, l->line,
				      "%s belongs to module %s (path_group %s %s): call its interface instead",
				      word, g->module->name, g->name, o->pattern);
	}
	free(args);
}

static void add_caller(struct wd_iface *f, struct wd_module *m)
{
	unsigned int i, at;

	for (i = 0; i < f->nr_callers; i++)
		if (f->callers[i] == m)
			return;
	f->callers = wd_xrealloc(f->callers, (f->nr_callers + 1) *
				 sizeof(*f->callers));
	for (at = 0; at < f->nr_callers &&
	     strcmp(f->callers[at]->name, m->name) < 0; at++)
		;
	memmove(f->callers + at + 1, f->callers + at,
		(f->nr_callers - at) * sizeof(*f->callers));
	f->callers[at] = m;
	f->nr_callers++;
}

/* The lines only a domain holds, not an interface. */
static bool domain_only_line(const char *text)
{
	return !strncmp(text, "use_profile ", 12) ||
		!strncmp(text, "use_group ", 10) ||
		!strcmp(text, "transition_failed") ||
		!strcmp(text, "quota_exceeded");
}

/* Check a line of a domain block (@f NULL) or of @f's body. */
static void check_line(const struct wd_tables *t, struct wd_module *m,
		       struct wd_iface *f, const struct wd_mline *l)
{
	const char *why = NULL, *text = l->text;
	struct wd_acl acl;
	struct call c;
	unsigned int i, ref = f ? max_param_ref(text) : 0;
	int r;

	if (f && ref > f->nr_params) {
		wd_mset_error(t->set, l->file, l->line,
			      "$%u, but %s has %u parameter%s", ref, f->name,
			      f->nr_params, f->nr_params == 1 ? "" : "s");
		return;
	}
	r = call_parse(text, &c, &why);
	if (r < 0) {
		wd_mset_error(t->set, l->file, l->line, "%s", why);
		return;
	}
	if (r > 0) {
		struct wd_iface *callee = lookup(t, c.name);

		if (!callee) {
			wd_mset_error(t->set, l->file, l->line,
				      "unknown interface %s", c.name);
		} else if (callee->nr_params != c.nr_args) {
			wd_mset_error(t->set, l->file, l->line,
				      "%s takes %u argument%s, not %u", c.name,
				      callee->nr_params,
				      callee->nr_params == 1 ? "" : "s",
				      c.nr_args);
		} else {
			add_caller(callee, m);
			for (i = 0; i < c.nr_args; i++) {
				enum wd_param_type type =
					i < callee->doc.nr_params ?
					callee->doc.params[i].type : WD_PARAM_WORD;

				if (strchr(c.args[i], '$'))
					continue;
				why = arg_type_error(c.args[i], type);
				if (why)
					wd_mset_error(t->set, l->file, l->line,
						      "argument %u of %s (%s, a %s): %s: %s",
						      i + 1, c.name, callee->params[i],
						      wd_param_type_name(type),
						      c.args[i], why);
			}
		}
		call_free(&c);
		return;
	}
	if (!f && domain_only_line(text))
		return;
	if (!strncmp(text, "quiet ", 6))
		text += 6;
	if (wd_acl_split(text, &acl)) {
		if (lookup(t, text))
			wd_mset_error(t->set, l->file, l->line,
				      "%s: a call has parentheses: %s()", text,
				      text);
		else
			wd_mset_error(t->set, l->file, l->line, "%s: %s",
				      l->text, f ?
				      "not an ACL line, a quiet line or an interface call" :
				      "not a line a domain may hold");
		return;
	}
	check_owner(t, m, l, &acl);
	wd_acl_free(&acl);
}

static void check_docs(struct wd_mset *set, struct wd_iface *f)
{
	unsigned int i;

	if (!f->doc.line || !f->doc.summary) {
		wd_mset_error(set, f->where.file, f->where.line,
			      "interface %s is not documented: it needs a ## <summary>",
			      f->name);
		return;
	}
	for (i = 0; i < f->nr_params; i++) {
		const struct wd_doc_param *p = i < f->doc.nr_params ?
			&f->doc.params[i] : NULL;

		if (!p || strcmp(p->name, f->params[i]))
			wd_mset_error(set, f->where.file, f->where.line,
				      "parameter %s of %s is not documented: want <param name=\"%s\" type=...> as its %u%s",
				      f->params[i], f->name, f->params[i], i + 1,
				      i == 0 ? "st" : i == 1 ? "nd" : i == 2 ? "rd" : "th");
		else if (!p->summary)
			wd_mset_error(set, f->where.file, f->where.line,
				      "parameter %s of %s has no <summary>",
				      p->name, f->name);
	}
	if (f->doc.nr_params > f->nr_params)
		wd_mset_error(set, f->where.file, f->where.line,
			      "<param name=\"%s\"> documents no parameter of %s",
			      f->doc.params[f->nr_params].name, f->name);
}

/* ---- expansion ------------------------------------------------------------ */

struct frame {
	struct wd_iface *f;
	const struct wd_mline *site;	/* the call */
	char *call;			/* its text, arguments put in */
	char **args;
	unsigned int nr_args;
};

struct expander {
	const struct wd_tables *t;
	bool flat;		/* every call inline: an acl group's body */
	struct frame stack[WD_MAX_CALL_DEPTH];
	unsigned int depth;
	unsigned int errors;
	/* Called for each line the walk yields. */
	void (*emit)(struct expander *x, const char *text,
		     const struct wd_mline *origin, const struct wd_module *m,
		     const char *last_call, const struct wd_mline *last_site);
	void *ctx;
};

static void expand_lines(struct expander *x, const struct wd_module *m,
			 const struct wd_mline *lines, unsigned int nr,
			 char **args, unsigned int nr_args);

static void expand_call(struct expander *x, const struct wd_module *m,
			const struct wd_mline *l, char *text)
{
	const char *why = NULL;
	struct wd_iface *callee;
	struct frame *fr;
	struct call c;
	unsigned int i;

	if (call_parse(text, &c, &why) <= 0)
		return;		/* the checker reported it */
	callee = lookup(x->t, c.name);
	if (!callee || callee->nr_params != c.nr_args)
		goto out;
	for (i = 0; i < x->depth; i++) {
		struct wd_buf chain = { 0 };
		unsigned int j;

		if (x->stack[i].f != callee)
			continue;
		for (j = i; j < x->depth; j++)
			wd_buf_printf(&chain, "%s -> ", x->stack[j].f->name);
		wd_mset_error(x->t->set, l->file, l->line,
			      "recursive call: %s%s", chain.text, callee->name);
		free(chain.text);
		x->errors++;
		goto out;
	}
	for (i = 0; i < c.nr_args; i++) {
		enum wd_param_type type = i < callee->doc.nr_params ?
			callee->doc.params[i].type : WD_PARAM_WORD;

		if (strchr(c.args[i], '$') || !(why = arg_type_error(c.args[i], type)))
			continue;
		if (x->depth && x->stack[0].site)
			wd_mset_error(x->t->set, l->file, l->line,
				      "argument %u of %s (%s, a %s): %s: %s (from %s at %s:%u)",
				      i + 1, c.name, callee->params[i],
				      wd_param_type_name(type), c.args[i], why,
				      x->stack[0].call, x->stack[0].site->file,
				      x->stack[0].site->line);
		else
			wd_mset_error(x->t->set, l->file, l->line,
				      "argument %u of %s (%s, a %s): %s: %s",
				      i + 1, c.name, callee->params[i],
				      wd_param_type_name(type), c.args[i], why);
		x->errors++;
		goto out;
	}
	if (!x->flat && !callee->nr_params) {
		char *line = wd_xasprintf("use_group %s", callee->name);

		x->emit(x, line, l, m, text, l);
		free(line);
		goto out;
	}
	if (x->depth == WD_MAX_CALL_DEPTH) {
		wd_mset_error(x->t->set, l->file, l->line,
			      "calls nest deeper than %d", WD_MAX_CALL_DEPTH);
		x->errors++;
		goto out;
	}
	fr = &x->stack[x->depth++];
	fr->f = callee;
	fr->site = l;
	fr->call = text;
	fr->args = c.args;
	fr->nr_args = c.nr_args;
	expand_lines(x, callee->module, callee->body, callee->nr_body, c.args,
		     c.nr_args);
	x->depth--;
out:
	call_free(&c);
}

static void expand_lines(struct expander *x, const struct wd_module *m,
			 const struct wd_mline *lines, unsigned int nr,
			 char **args, unsigned int nr_args)
{
	unsigned int i;

	for (i = 0; i < nr; i++) {
		char *text = subst(lines[i].text, args, nr_args);
		struct call c;
		const char *why;
		int r = call_parse(text, &c, &why);

		if (r > 0) {
			call_free(&c);
			expand_call(x, m, &lines[i], text);
		} else if (!r) {
			x->emit(x, text, &lines[i], m, NULL, NULL);
		}
		free(text);
	}
}

/* ---- what an interface grants -------------------------------------------- */

struct grant_check {
	struct wd_iface *f;
	bool dontaudit;
	bool read_only;		/* a *_read_* or *_list_* interface */
	bool reported;
};

/* The file operations a read or list interface may not grant. */
static bool op_writes(enum wd_acl_kind kind, unsigned int bit)
{
	static const char *const readish[] = {
		"read", "getattr", "ioctl", "chroot", NULL,
	};
	const char *name = wd_acl_op_name(kind, bit);
	unsigned int i;

	if (kind > WD_ACL_FILE_MOUNT || !name)
		return false;
	for (i = 0; readish[i]; i++)
		if (!strcmp(name, readish[i]))
			return false;
	return true;
}

static void grant_emit(struct expander *x, const char *text,
		       const struct wd_mline *origin, const struct wd_module *m,
		       const char *last_call, const struct wd_mline *last_site)
{
	struct grant_check *g = x->ctx;
	struct wd_acl acl;
	unsigned int bit;

	if (g->reported || !strncmp(text, "quiet ", 6))
		return;
	if (g->dontaudit) {
		wd_mset_error(x->t->set, g->f->where.file, g->f->where.line,
			      "%s is a dontaudit interface but grants '%s' (%s:%u): it may hold only quiet lines",
			      g->f->name, text, origin->file, origin->line);
		g->reported = true;
		return;
	}
	if (!g->read_only || wd_acl_split(text, &acl))
		return;
	for (bit = 0; bit < 32; bit++) {
		if (!(acl.ops & (1u << bit)) || !op_writes(acl.kind, bit))
			continue;
		wd_mset_error(x->t->set, g->f->where.file, g->f->where.line,
			      "%s is named for reading but grants %s: '%s' (%s:%u)",
			      g->f->name, wd_acl_op_name(acl.kind, bit), text,
			      origin->file, origin->line);
		g->reported = true;
		break;
	}
	wd_acl_free(&acl);
}

/* The verb of MODULE_verb_object, @len bytes long. */
static const char *iface_verb(const struct wd_iface *f, size_t *len)
{
	const char *v = f->name + strlen(f->module->name) + 1;

	*len = strcspn(v, "_");
	return v;
}

static void check_iface(const struct wd_tables *t, struct wd_iface *f)
{
	struct grant_check g = { .f = f };
	struct expander x = { .t = t, .flat = true, .emit = grant_emit,
			      .ctx = &g };
	size_t mlen = strlen(f->module->name), vlen;
	const char *verb;

	check_docs(t->set, f);
	if (strncmp(f->name, f->module->name, mlen) || f->name[mlen] != '_' ||
	    !f->name[mlen + 1]) {
		wd_mset_error(t->set, f->where.file, f->where.line,
			      "interface %s is not named %s_verb_object",
			      f->name, f->module->name);
		return;
	}
	verb = iface_verb(f, &vlen);
	g.dontaudit = vlen == 9 && !strncmp(verb, "dontaudit", 9);
	g.read_only = (vlen == 4 && !strncmp(verb, "read", 4)) ||
		(vlen == 4 && !strncmp(verb, "list", 4));
	x.stack[0] = (struct frame){ .f = f, .site = &f->where };
	x.depth = 1;
	expand_lines(&x, f->module, f->body, f->nr_body, NULL, 0);
}

unsigned int wd_mset_check(struct wd_mset *set)
{
	struct wd_module *base = NULL;
	struct wd_tables *t;
	unsigned int i, j, k;

	for (i = 1; i < set->nr_modules; i++)
		for (j = i; j > 0 && strcmp(set->modules[j - 1]->name,
					    set->modules[j]->name) > 0; j--) {
			struct wd_module *tmp = set->modules[j];

			set->modules[j] = set->modules[j - 1];
			set->modules[j - 1] = tmp;
		}
	wd_mset_free_tables(set);
	t = tables_get(set);
	for (i = 0; i < set->nr_modules; i++) {
		struct wd_module *m = set->modules[i];

		if (m->nr_part[WD_PROFILE] || m->nr_part[WD_MANAGER]) {
			const struct wd_mline *l = m->nr_part[WD_PROFILE] ?
				m->part[WD_PROFILE] : m->part[WD_MANAGER];

			if (base)
				wd_mset_error(set, l->file, l->line,
					      "[profile] and [manager] belong to one module, the base, and %s has them",
					      base->name);
			else
				base = m;
		}
		for (j = 0; j < m->nr_blocks; j++)
			for (k = 0; k < m->blocks[j].nr_lines; k++)
				check_line(t, m, NULL, &m->blocks[j].lines[k]);
		for (j = 0; j < m->nr_ifaces; j++)
			for (k = 0; k < m->ifaces[j].nr_body; k++)
				check_line(t, m, &m->ifaces[j],
					   &m->ifaces[j].body[k]);
	}
	for (i = 0; i < t->nr_ifaces; i++)
		check_iface(t, t->ifaces[i]);
	return set->nr_errors;
}

/* ---- compiling -------------------------------------------------------------- */

/* A set of strings, to write each line of a block once. */
struct strset {
	char **slot;
	size_t size, used;
};

static size_t str_hash(const char *s)
{
	size_t h = 14695981039346656037ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

/* Adds @s; false when it was there already. */
static bool strset_add(struct strset *set, const char *s)
{
	size_t i;

	if (set->used * 2 >= set->size) {
		struct strset bigger = { .size = set->size ? set->size * 2 : 64 };

		bigger.slot = wd_xmalloc(bigger.size * sizeof(char *));
		memset(bigger.slot, 0, bigger.size * sizeof(char *));
		for (i = 0; i < set->size; i++)
			if (set->slot[i])
				strset_add(&bigger, set->slot[i]);
		for (i = 0; i < set->size; i++)
			free(set->slot[i]);
		free(set->slot);
		*set = bigger;
	}
	for (i = str_hash(s) & (set->size - 1); set->slot[i];
	     i = (i + 1) & (set->size - 1))
		if (!strcmp(set->slot[i], s))
			return false;
	set->slot[i] = wd_xstrdup(s);
	set->used++;
	return true;
}

static void strset_clear(struct strset *set)
{
	size_t i;

	for (i = 0; i < set->size; i++)
		free(set->slot[i]);
	free(set->slot);
	memset(set, 0, sizeof(*set));
}

struct builder {
	struct wd_build *out;
	struct strset seen;
	const char *section;
	const char *domain;	/* or "-" */
	const char *prefix;	/* "acl_group NAME " or "" */
};

static void out_line(struct wd_build *out, const char *text,
		     const struct wd_mline *origin)
{
	wd_buf_puts(&out->doc, text);
	wd_buf_puts(&out->doc, "\n");
	if (!(out->nr_lines & (out->nr_lines - 1)) || out->nr_lines < 16)
		out->origin = wd_xrealloc(out->origin,
					  (out->nr_lines < 16 ? 16 :
					   out->nr_lines * 2) *
					  sizeof(*out->origin));
	out->origin[out->nr_lines++] = origin;
}

/* One line of the document, and its line of the map. */
static void build_line(struct builder *b, const char *text,
		       const struct wd_mline *origin, const struct wd_module *m,
		       const struct frame *stack, unsigned int depth,
		       const char *last_call, const struct wd_mline *last_site)
{
	char *line = wd_xasprintf("%s%s", b->prefix, text);
	const char *sep = "";
	unsigned int i;

	if (!strset_add(&b->seen, line)) {
		free(line);
		return;
	}
	out_line(b->out, line, origin);
	wd_buf_printf(&b->out->map, "%s\t%s\t%s\t%s:%s:%u\t", b->section,
		      b->domain, line, m->name, origin->file, origin->line);
	/* The calls from the outermost, each at its call site. */
	for (i = 0; i < depth; i++) {
		if (!stack[i].site)
			continue;	/* the acl group's own interface */
		wd_buf_printf(&b->out->map, "%s%s:%u:%s", sep,
			      stack[i].site->file, stack[i].site->line,
			      stack[i].call);
		sep = " > ";
	}
	if (last_call) {
		wd_buf_printf(&b->out->map, "%s%s:%u:%s", sep, last_site->file,
			      last_site->line, last_call);
		sep = " > ";
	}
	wd_buf_puts(&b->out->map, *sep ? "\n" : "-\n");
	free(line);
}

static void build_emit(struct expander *x, const char *text,
		       const struct wd_mline *origin, const struct wd_module *m,
		       const char *last_call, const struct wd_mline *last_site)
{
	build_line(x->ctx, text, origin, m, x->stack, x->depth, last_call,
		   last_site);
}

static void build_section(struct builder *b, enum wd_part part)
{
	out_line(b->out, wd_part_section(part), NULL);
	b->section = wd_part_file(part);
	b->domain = "-";
	b->prefix = "";
	strset_clear(&b->seen);
}

unsigned int wd_mset_build(struct wd_mset *set, struct wd_build *out)
{
	struct builder b = { .out = out };
	struct expander x = { .emit = build_emit, .ctx = &b };
	struct wd_tables *t = tables_get(set);
	unsigned int i, j, k, l;
	enum wd_part part;

	memset(out, 0, sizeof(*out));
	x.t = t;
	for (part = WD_PROFILE; part <= WD_EXCEPTION; part++) {
		build_section(&b, part);
		for (i = 0; part == WD_EXCEPTION && i < set->nr_modules; i++)
			for (j = 0; j < set->modules[i]->nr_groups; j++)
				build_line(&b, set->modules[i]->groups[j].text,
					   &set->modules[i]->groups[j],
					   set->modules[i], NULL, 0, NULL, NULL);
		for (i = 0; i < set->nr_modules; i++)
			for (j = 0; j < set->modules[i]->nr_part[part]; j++)
				build_line(&b, set->modules[i]->part[part][j].text,
					   &set->modules[i]->part[part][j],
					   set->modules[i], NULL, 0, NULL, NULL);
	}
	/* Each parameterless interface is an acl group, every call inline. */
	x.flat = true;
	for (i = 0; i < t->nr_ifaces; i++) {
		struct wd_iface *f = t->ifaces[i];
		char *prefix;

		if (f->nr_params)
			continue;
		prefix = wd_xasprintf("acl_group %s ", f->name);
		b.prefix = prefix;
		x.stack[0] = (struct frame){ .f = f };
		x.depth = 1;
		expand_lines(&x, f->module, f->body, f->nr_body, NULL, 0);
		x.depth = 0;
		free(prefix);
	}
	/* Domains in the order they first appear, modules by name. */
	x.flat = false;
	build_section(&b, WD_DOMAIN);
	for (i = 0; i < set->nr_modules; i++) {
		for (j = 0; j < set->modules[i]->nr_blocks; j++) {
			const struct wd_domain_block *d = &set->modules[i]->blocks[j];
			bool first = true;

			for (k = 0; k < i && first; k++)
				for (l = 0; l < set->modules[k]->nr_blocks; l++)
					first &= !!strcmp(set->modules[k]->blocks[l].name.text,
							  d->name.text);
			for (l = 0; l < j && first; l++)
				first &= !!strcmp(set->modules[i]->blocks[l].name.text,
						  d->name.text);
			if (!first)
				continue;
			strset_clear(&b.seen);
			if (b.domain[0] != '-')
				out_line(out, "", NULL);
			b.domain = d->name.text;
			build_line(&b, d->name.text, &d->name, set->modules[i],
				   NULL, 0, NULL, NULL);
			for (k = i; k < set->nr_modules; k++)
				for (l = 0; l < set->modules[k]->nr_blocks; l++)
					if (!strcmp(set->modules[k]->blocks[l].name.text,
						    d->name.text))
						expand_lines(&x, set->modules[k],
							     set->modules[k]->blocks[l].lines,
							     set->modules[k]->blocks[l].nr_lines,
							     NULL, 0);
		}
	}
	strset_clear(&b.seen);
	return x.errors;
}

void wd_build_free(struct wd_build *out)
{
	free(out->doc.text);
	free(out->map.text);
	free(out->origin);
	memset(out, 0, sizeof(*out));
}

struct expand_cb {
	void (*fn)(void *ctx, const char *line, const struct wd_mline *origin);
	void *ctx;
};

static void expand_cb_emit(struct expander *x, const char *text,
			   const struct wd_mline *origin,
			   const struct wd_module *m, const char *last_call,
			   const struct wd_mline *last_site)
{
	const struct expand_cb *cb = x->ctx;

	cb->fn(cb->ctx, text, origin);
}

unsigned int wd_iface_expand(struct wd_mset *set, struct wd_iface *f,
			     char **args, unsigned int nr_args,
			     void (*fn)(void *ctx, const char *line,
					const struct wd_mline *origin),
			     void *ctx)
{
	struct expand_cb cb = { .fn = fn, .ctx = ctx };
	struct expander x = { .t = tables_get(set), .flat = true,
			      .emit = expand_cb_emit, .ctx = &cb };

	x.stack[0] = (struct frame){ .f = f };
	x.depth = 1;
	expand_lines(&x, f->module, f->body, f->nr_body, args, nr_args);
	return x.errors;
}

const struct wd_module *wd_mset_owner(struct wd_mset *set, const char *name,
				      const char **group)
{
	const struct wd_tables *t = tables_get(set);
	const struct owned *o = owner_of(t, name);

	if (group)
		*group = o ? t->groups[o->group].name : NULL;
	return o ? t->groups[o->group].module : NULL;
}

const char *wd_param_type_error(const char *arg, enum wd_param_type type)
{
	return arg_type_error(arg, type);
}
