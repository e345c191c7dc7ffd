// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reading policy modules: the three files of a module, the "##"
 * documentation of its interfaces, and the set they are read into; see
 * module.h.  The checks across modules and the compiler are in
 * module_build.c.
 */

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "grammar.h"
#include "io.h"
#include "module.h"
#include "module_int.h"

/* A module file is read whole; no real one comes near this. */
#define WD_MODULE_FILE_MAX (16u << 20)

static const char *const wd_param_types[WD_NR_PARAM_TYPES] = {
	[WD_PARAM_PATH] = "path",
	[WD_PARAM_DIR] = "dir",
	[WD_PARAM_PATTERN] = "pattern",
	[WD_PARAM_NUMBER] = "number",
	[WD_PARAM_PORT] = "port",
	[WD_PARAM_ADDRESS] = "address",
	[WD_PARAM_WORD] = "word",
};

const char *wd_param_type_name(enum wd_param_type type)
{
	return wd_param_types[type];
}

void wd_mset_error(struct wd_mset *set, const char *file, unsigned int line,
		   const char *fmt, ...)
{
	char *msg, *full;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&msg, fmt, ap);
	va_end(ap);
	if (n < 0)
		msg = wd_xstrdup("out of memory");
	full = line ? wd_xasprintf("%s:%u: %s\n", file, line, msg) :
		wd_xasprintf("%s: %s\n", file, msg);
	free(msg);
	/* The same error found twice (a recursion, seen from each end). */
	if (set->errors.text) {
		const char *at = strstr(set->errors.text, full);

		if (at && (at == set->errors.text || at[-1] == '\n')) {
			free(full);
			return;
		}
	}
	wd_buf_puts(&set->errors, full);
	free(full);
	set->nr_errors++;
}

void wd_mset_print_errors(const struct wd_mset *set, FILE *out)
{
	if (set->errors.text)
		fputs(set->errors.text, out);
}

bool wd_module_name_ok(const char *name, size_t max)
{
	size_t i;

	if (!name[0] || name[0] < 'a' || name[0] > 'z' || strlen(name) > max)
		return false;
	for (i = 1; name[i]; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') ||
		      (name[i] >= '0' && name[i] <= '9') || name[i] == '_'))
			return false;
	return true;
}

/* Append a line to a growing array of module lines. */
static void mlines_add(struct wd_mline **lines, unsigned int *nr,
		       const char *text, const char *file, unsigned int line)
{
	if (!*nr || (*nr >= 4 && !(*nr & (*nr - 1))))
		*lines = wd_xrealloc(*lines, (*nr ? *nr * 2 : 4) *
				     sizeof(**lines));
	(*lines)[*nr].text = wd_line_normalise(text);
	(*lines)[*nr].file = file;
	(*lines)[*nr].line = line;
	(*nr)++;
}

static void mlines_free(struct wd_mline *lines, unsigned int nr);

/* ---- the "##" documentation ------------------------------------------ */

struct doc_parser {
	struct wd_mset *set;
	const char *file;
	unsigned int line;	/* of the block's first line */
	const char *start, *p;
	bool failed;
};

static void doc_error(struct doc_parser *d, const char *fmt, const char *arg)
{
	unsigned int line = d->line;
	const char *q;

	if (d->failed)
		return;
	for (q = d->start; q < d->p && *q; q++)
		line += *q == '\n';
	wd_mset_error(d->set, d->file, line, fmt, arg);
	d->failed = true;
}

static void doc_skip_space(struct doc_parser *d)
{
	while (*d->p == ' ' || *d->p == '\t' || *d->p == '\n' || *d->p == '\r')
		d->p++;
}

/* Blanks of @len bytes at @s collapsed to single spaces and trimmed. */
static char *collapse(const char *s, size_t len)
{
	char *out = wd_xmalloc(len + 1), *o = out;
	bool blank = false;
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			blank = o != out;
			continue;
		}
		if (blank)
			*o++ = ' ';
		blank = false;
		*o++ = s[i];
	}
	*o = '\0';
	return out;
}

/* The text up to "</@tag>", which it skips; NULL (and an error) if none. */
static char *doc_until_close(struct doc_parser *d, const char *tag, bool raw)
{
	char close[32];
	const char *end;
	char *text;

	snprintf(close, sizeof(close), "</%s>", tag);
	end = strstr(d->p, close);
	if (!end) {
		doc_error(d, "<%s> is not closed", tag);
		return NULL;
	}
	if (raw) {
		size_t len = end - d->p;

		while (len && strchr(" \t\n\r", d->p[len - 1]))
			len--;
		while (len && strchr(" \t\n\r", *d->p)) {
			d->p++;
			len--;
		}
		text = wd_xstrndup(d->p, len);
	} else {
		if (memchr(d->p, '<', end - d->p)) {
			doc_error(d, "<%s> holds only text", tag);
			return NULL;
		}
		text = collapse(d->p, end - d->p);
	}
	d->p = end + strlen(close);
	return text;
}

/*
 * The attributes of a start tag, up to its '>' (or "/>" when @empty).
 * Only @n names are allowed; each value is stored in @vals (malloc'd).
 */
static bool doc_attrs(struct doc_parser *d, const char *tag,
		      const char *const *names, char **vals, int n, bool empty)
{
	for (;;) {
		const char *name;
		size_t nlen;
		const char *val;
		int i;

		doc_skip_space(d);
		if (empty ? !strncmp(d->p, "/>", 2) : *d->p == '>') {
			d->p += empty ? 2 : 1;
			return true;
		}
		name = d->p;
		while (*d->p >= 'a' && *d->p <= 'z')
			d->p++;
		nlen = d->p - name;
		if (!nlen || d->p[0] != '=' || d->p[1] != '"') {
			doc_error(d, "bad attribute in <%s>: want name=\"value\"",
				  tag);
			return false;
		}
		d->p += 2;
		val = d->p;
		d->p = strchr(d->p, '"');
		if (!d->p) {
			d->p = val;
			doc_error(d, "unterminated attribute value in <%s>", tag);
			return false;
		}
		for (i = 0; i < n; i++)
			if (strlen(names[i]) == nlen && !strncmp(names[i], name, nlen))
				break;
		if (i == n) {
			doc_error(d, "unknown attribute in <%s>", tag);
			return false;
		}
		free(vals[i]);
		vals[i] = wd_xstrndup(val, d->p - val);
		d->p++;
	}
}

static bool doc_param(struct doc_parser *d, struct wd_doc *doc)
{
	static const char *const names[] = { "name", "type" };
	char *vals[2] = { NULL, NULL };
	struct wd_doc_param *param;
	int t;

	if (!doc_attrs(d, "param", names, vals, 2, false))
		goto fail;
	if (!vals[0] || !wd_module_name_ok(vals[0], 64)) {
		doc_error(d, "<param> needs name=\"[a-z][a-z0-9_]*\"", NULL);
		goto fail;
	}
	for (t = 0; t < WD_NR_PARAM_TYPES; t++)
		if (vals[1] && !strcmp(vals[1], wd_param_types[t]))
			break;
	if (t == WD_NR_PARAM_TYPES) {
		doc_error(d, "<param> needs type=\"%s\"",
			  "path|dir|pattern|number|port|address|word");
		goto fail;
	}
	doc->params = wd_xrealloc(doc->params, (doc->nr_params + 1) *
				  sizeof(*doc->params));
	param = &doc->params[doc->nr_params++];
	param->name = vals[0];
	param->type = t;
	param->summary = NULL;
	free(vals[1]);
	doc_skip_space(d);
	if (!strncmp(d->p, "<summary>", 9)) {
		d->p += 9;
		param->summary = doc_until_close(d, "summary", false);
		if (!param->summary)
			return false;
		doc_skip_space(d);
	}
	if (strncmp(d->p, "</param>", 8)) {
		doc_error(d, "<param> holds one <summary> and ends with </param>",
			  NULL);
		return false;
	}
	d->p += 8;
	return true;
fail:
	free(vals[0]);
	free(vals[1]);
	return false;
}

static bool doc_infoflow(struct doc_parser *d, struct wd_doc *doc)
{
	static const char *const names[] = { "type", "weight" };
	static const char *const types[] = { "read", "write", "both", "none" };
	char *vals[2] = { NULL, NULL };
	unsigned int i, weight;
	bool ok = false;

	if (!doc_attrs(d, "infoflow", names, vals, 2, true))
		goto out;
	for (i = 0; i < 4; i++)
		if (vals[0] && !strcmp(vals[0], types[i]))
			break;
	if (i == 4 || !vals[1] || wd_parse_uint(vals[1], 10, &weight) ||
	    !weight) {
		doc_error(d, "<infoflow> needs %s",
			  "type=\"read|write|both|none\" weight=\"1-10\"");
		goto out;
	}
	free(doc->infoflow);
	doc->infoflow = wd_xstrdup(types[i]);
	doc->weight = weight;
	ok = true;
out:
	free(vals[0]);
	free(vals[1]);
	return ok;
}

/* Parse the text of a "##" block (the "##" cut off each line) into @doc. */
static void doc_parse(struct wd_mset *set, const char *file, unsigned int line,
		      const char *text, struct wd_doc *doc)
{
	struct doc_parser d = {
		.set = set, .file = file, .line = line, .start = text, .p = text,
	};

	doc->line = line;
	for (;;) {
		doc_skip_space(&d);
		if (!*d.p || d.failed)
			return;
		if (!strncmp(d.p, "<summary>", 9)) {
			d.p += 9;
			if (doc->summary) {
				doc_error(&d, "a second <%s>", "summary");
				return;
			}
			doc->summary = doc_until_close(&d, "summary", false);
		} else if (!strncmp(d.p, "<desc>", 6)) {
			d.p += 6;
			if (doc->desc) {
				doc_error(&d, "a second <%s>", "desc");
				return;
			}
			doc->desc = doc_until_close(&d, "desc", true);
		} else if (!strncmp(d.p, "<param", 6) &&
			   strchr(" \t\n>", d.p[6])) {
			d.p += 6;
			if (!doc_param(&d, doc))
				return;
		} else if (!strncmp(d.p, "<infoflow", 9) &&
			   strchr(" \t\n/", d.p[9])) {
			d.p += 9;
			if (!doc_infoflow(&d, doc))
				return;
		} else {
			doc_error(&d, "%s", *d.p == '<' ?
				  "unknown element: want <summary>, <desc>, <param> or <infoflow/>" :
				  "text outside an element");
			return;
		}
	}
}

/* ---- the files of a module ------------------------------------------- */

/* The lines of a file, each NUL-terminated in place; NULL if unreadable. */
static char *read_lines(struct wd_mset *set, const char *path)
{
	char *text = wd_read_file(path, WD_MODULE_FILE_MAX, NULL);

	if (!text)
		wd_mset_error(set, path, 0, "%s", strerror(errno));
	return text;
}

/* The next line of @text at *@pos, cut in place; NULL at the end. */
static char *next_line(char *text, size_t *pos)
{
	char *line = text + *pos, *nl;

	if (!*line)
		return NULL;
	nl = strchr(line, '\n');
	if (nl) {
		*nl = '\0';
		*pos = nl + 1 - text;
	} else {
		*pos += strlen(line);
	}
	return line;
}

/* The "##" line's text after the "##", for the documentation. */
static void doc_line_add(struct wd_buf *doc, const char *line)
{
	wd_buf_puts(doc, line + 2);
	wd_buf_puts(doc, "\n");
}

/* "interface NAME" or "interface NAME(a, b)": fills @f, or an error. */
static bool iface_header(struct wd_mset *set, const char *file,
			 unsigned int line, const char *text,
			 struct wd_iface *f)
{
	const char *p = text + strlen("interface "), *name = p;
	const char *why = NULL;

	while ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_')
		p++;
	f->name = wd_xstrndup(name, p - name);
	if (!wd_module_name_ok(f->name, 64)) {
		why = "an interface name is [a-z][a-z0-9_]*, at most 64 bytes";
		goto bad;
	}
	if (!*p)
		return true;
	if (*p != '(' || p[strlen(p) - 1] != ')') {
		why = "want 'interface NAME' or 'interface NAME(param, ...)'";
		goto bad;
	}
	p++;
	for (;;) {
		const char *s;
		char *param;

		while (*p == ' ')
			p++;
		s = p;
		while (*p && *p != ',' && *p != ')' && *p != ' ')
			p++;
		param = wd_xstrndup(s, p - s);
		while (*p == ' ')
			p++;
		if (!wd_module_name_ok(param, 64) || f->nr_params == 9) {
			free(param);
			why = f->nr_params == 9 ? "at most 9 parameters" :
				"a parameter name is [a-z][a-z0-9_]*";
			goto bad;
		}
		f->params = wd_xrealloc(f->params, (f->nr_params + 1) *
					sizeof(*f->params));
		f->params[f->nr_params++] = param;
		if (*p == ')' && !p[1])
			return true;
		if (*p != ',') {
			why = "want 'interface NAME(param, ...)'";
			goto bad;
		}
		p++;
	}
bad:
	wd_mset_error(set, file, line, "%s", why);
	return false;
}

static void read_if(struct wd_mset *set, struct wd_module *m)
{
	struct wd_buf pending = { 0 };
	unsigned int pending_line = 0, lineno = 0;
	struct wd_iface *f = NULL, skip = { 0 };
	char *text = read_lines(set, m->ifile), *raw;
	size_t pos = 0;

	if (!text)
		return;
	while ((raw = next_line(text, &pos))) {
		size_t len = strlen(raw);
		const char *s = raw + wd_span_trim(raw, &len);
		char *line = wd_xstrndup(s, len);

		lineno++;
		if (f) {
			if (!strcmp(line, "end"))
				f = NULL;
			else if (len && line[0] != '#')
				mlines_add(&f->body, &f->nr_body, line,
					   m->ifile, lineno);
		} else if (!strncmp(line, "##", 2)) {
			if (!pending.len && !pending_line)
				pending_line = lineno;
			doc_line_add(&pending, line);
		} else if (!len) {
			if (pending_line && !m->nr_ifaces && !m->doc.line)
				doc_parse(set, m->ifile, pending_line,
					  pending.text ? pending.text : "",
					  &m->doc);
			else if (pending_line)
				wd_mset_error(set, m->ifile, pending_line,
					      "documentation not followed by its interface");
			pending.len = 0;
			pending_line = 0;
		} else if (line[0] == '#') {
			/* a comment */
		} else if (!strncmp(line, "interface ", 10)) {
			m->ifaces = wd_xrealloc(m->ifaces, (m->nr_ifaces + 1) *
						sizeof(*m->ifaces));
			f = &m->ifaces[m->nr_ifaces];
			memset(f, 0, sizeof(*f));
			f->module = m;
			f->where.text = wd_xstrdup(line);
			f->where.file = m->ifile;
			f->where.line = lineno;
			if (!iface_header(set, m->ifile, lineno, line, f)) {
				free(f->where.text);
				free(f->name);
				while (f->nr_params)
					free(f->params[--f->nr_params]);
				free(f->params);
				/* Skip its body, so its "end" is no error. */
				f = &skip;
			} else {
				m->nr_ifaces++;
				if (pending_line)
					doc_parse(set, m->ifile, pending_line,
						  pending.text ? pending.text : "",
						  &f->doc);
			}
			pending.len = 0;
			pending_line = 0;
		} else {
			wd_mset_error(set, m->ifile, lineno,
				      "want 'interface NAME', '##' documentation or a blank line");
		}
		free(line);
	}
	if (f && f->name)
		wd_mset_error(set, m->ifile, f->where.line,
			      "interface %s has no 'end'", f->name);
	else if (f)
		wd_mset_error(set, m->ifile, lineno, "no 'end'");
	if (pending_line && !m->nr_ifaces && !m->doc.line)
		doc_parse(set, m->ifile, pending_line,
			  pending.text ? pending.text : "", &m->doc);
	else if (pending_line)
		wd_mset_error(set, m->ifile, pending_line,
			      "documentation not followed by its interface");
	mlines_free(skip.body, skip.nr_body);
	free(pending.text);
	free(text);
}

static void read_pol(struct wd_mset *set, struct wd_module *m)
{
	struct wd_buf doc = { 0 };
	unsigned int doc_line = 0, lineno = 0;
	char *text = read_lines(set, m->pol), *raw;
	bool in_doc = true;
	int part = -1;
	size_t pos = 0;

	if (!text)
		return;
	while ((raw = next_line(text, &pos))) {
		char *line = wd_line_normalise(raw);
		struct wd_domain_block *b;

		lineno++;
		if (in_doc && !strncmp(line, "##", 2)) {
			if (!doc_line)
				doc_line = lineno;
			doc_line_add(&doc, line);
			free(line);
			continue;
		}
		in_doc = false;
		if (!line[0] || line[0] == '#') {
			free(line);
			continue;
		}
		if (line[0] == '[') {
			/* -2: lines are skipped until the next section. */
			part = -2;
			for (int i = 0; i < WD_NR_PARTS; i++)
				if (!strcmp(line, wd_part_section(i)))
					part = i;
			if (part < 0)
				wd_mset_error(set, m->pol, lineno,
					      "unknown section %s: want [profile], [manager], [exception_policy] or [domain_policy]",
					      line);
		} else if (part == -1) {
			wd_mset_error(set, m->pol, lineno,
				      "policy before any [section]");
			part = -2;
		} else if (part == WD_DOMAIN && line[0] == '<') {
			m->blocks = wd_xrealloc(m->blocks, (m->nr_blocks + 1) *
						sizeof(*m->blocks));
			b = &m->blocks[m->nr_blocks++];
			memset(b, 0, sizeof(*b));
			b->name.text = wd_xstrdup(line);
			b->name.file = m->pol;
			b->name.line = lineno;
		} else if (part == WD_DOMAIN) {
			if (!m->nr_blocks) {
				wd_mset_error(set, m->pol, lineno,
					      "a domain's line before any domainname (<kernel> ...)");
			} else {
				b = &m->blocks[m->nr_blocks - 1];
				mlines_add(&b->lines, &b->nr_lines, line,
					   m->pol, lineno);
			}
		} else if (part >= 0) {
			mlines_add(&m->part[part], &m->nr_part[part], line,
				   m->pol, lineno);
		}
		free(line);
	}
	if (doc_line && !m->doc.line)
		doc_parse(set, m->pol, doc_line, doc.text ? doc.text : "",
			  &m->doc);
	free(doc.text);
	free(text);
}

static void read_paths(struct wd_mset *set, struct wd_module *m)
{
	char *text = read_lines(set, m->paths), *raw;
	unsigned int lineno = 0;
	size_t pos = 0;

	if (!text)
		return;
	while ((raw = next_line(text, &pos))) {
		char *line = wd_line_normalise(raw);
		const char *sp;

		lineno++;
		if (!line[0] || line[0] == '#') {
			free(line);
			continue;
		}
		sp = strchr(line, ' ');
		if (!wd_group_kind(line) || !sp || !strchr(sp + 1, ' ') ||
		    strchr(strchr(sp + 1, ' ') + 1, ' '))
			wd_mset_error(set, m->paths, lineno,
				      "want 'path_group|number_group|address_group NAME MEMBER'");
		else
			mlines_add(&m->groups, &m->nr_groups, line, m->paths,
				   lineno);
		free(line);
	}
	free(text);
}

/* @dir/@name@ext if it exists, else NULL. */
static char *module_file(const char *dir, const char *name, const char *ext)
{
	struct stat st;
	char *path = wd_xasprintf("%s/%s%s", dir, name, ext);

	if (!stat(path, &st) && S_ISREG(st.st_mode))
		return path;
	free(path);
	return NULL;
}

static void add_module(struct wd_mset *set, const char *dir, const char *name)
{
	struct wd_module *m;
	char *pol = module_file(dir, name, ".pol");
	unsigned int i;

	if (!pol) {
		wd_mset_error(set, dir, 0, "module %s has no %s.pol", name, name);
		return;
	}
	if (!wd_module_name_ok(name, 64) || strchr(name, '_')) {
		wd_mset_error(set, pol, 0,
			      "a module name is [a-z][a-z0-9]* (no '_': interfaces are MODULE_verb_object)");
		free(pol);
		return;
	}
	for (i = 0; i < set->nr_modules; i++) {
		if (strcmp(set->modules[i]->name, name))
			continue;
		if (strcmp(set->modules[i]->pol, pol))
			wd_mset_error(set, pol, 0, "module %s is also %s",
				      name, set->modules[i]->pol);
		free(pol);
		return;
	}
	m = wd_xmalloc(sizeof(*m));
	memset(m, 0, sizeof(*m));
	m->name = wd_xstrdup(name);
	m->pol = pol;
	m->ifile = module_file(dir, name, ".if");
	m->paths = module_file(dir, name, ".paths");
	set->modules = wd_xrealloc(set->modules, (set->nr_modules + 1) *
				   sizeof(*set->modules));
	set->modules[set->nr_modules++] = m;
	if (m->ifile)
		read_if(set, m);
	read_pol(set, m);
	if (m->paths)
		read_paths(set, m);
}

/* The module name of a module file's name, or NULL if it is not one. */
static char *module_of(const char *base)
{
	static const char *const exts[] = { ".pol", ".if", ".paths" };
	size_t len = strlen(base);
	unsigned int i;

	for (i = 0; i < 3; i++) {
		size_t elen = strlen(exts[i]);

		if (len > elen && !strcmp(base + len - elen, exts[i]))
			return wd_xstrndup(base, len - elen);
	}
	return NULL;
}

static int name_cmp(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

int wd_mset_add_path(struct wd_mset *set, const char *path)
{
	struct dirent **names;
	struct stat st;
	char *dir, *name, *last = NULL;
	const char *slash;
	int n, i;

	if (stat(path, &st)) {
		wd_mset_error(set, path, 0, "%s", strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		slash = strrchr(path, '/');
		name = module_of(slash ? slash + 1 : path);
		if (!name) {
			wd_mset_error(set, path, 0,
				      "not a module file (NAME.pol, NAME.if, NAME.paths)");
			return -1;
		}
		dir = slash ? wd_xstrndup(path, slash == path ? 1 : slash - path) :
			wd_xstrdup(".");
		add_module(set, dir, name);
		free(dir);
		free(name);
		return 0;
	}
	n = scandir(path, &names, NULL, name_cmp);
	if (n < 0) {
		wd_mset_error(set, path, 0, "%s", strerror(errno));
		return -1;
	}
	/* Sorted, a module's files are next to each other: read it once. */
	for (i = 0; i < n; i++) {
		name = module_of(names[i]->d_name);
		if (name && names[i]->d_name[0] != '.' &&
		    (!last || strcmp(last, name))) {
			add_module(set, path, name);
			free(last);
			last = name;
		} else {
			free(name);
		}
		free(names[i]);
	}
	free(last);
	free(names);
	return 0;
}

static void doc_free(struct wd_doc *doc)
{
	unsigned int i;

	for (i = 0; i < doc->nr_params; i++) {
		free(doc->params[i].name);
		free(doc->params[i].summary);
	}
	free(doc->params);
	free(doc->summary);
	free(doc->desc);
	free(doc->infoflow);
}

static void mlines_free(struct wd_mline *lines, unsigned int nr)
{
	while (nr)
		free(lines[--nr].text);
	free(lines);
}

void wd_mset_free(struct wd_mset *set)
{
	unsigned int i, j;

	for (i = 0; i < set->nr_modules; i++) {
		struct wd_module *m = set->modules[i];

		for (j = 0; j < m->nr_ifaces; j++) {
			struct wd_iface *f = &m->ifaces[j];

			free(f->name);
			while (f->nr_params)
				free(f->params[--f->nr_params]);
			free(f->params);
			doc_free(&f->doc);
			free(f->where.text);
			mlines_free(f->body, f->nr_body);
			free(f->callers);
		}
		free(m->ifaces);
		for (j = 0; j < m->nr_blocks; j++) {
			free(m->blocks[j].name.text);
			mlines_free(m->blocks[j].lines, m->blocks[j].nr_lines);
		}
		free(m->blocks);
		for (j = 0; j < WD_NR_PARTS; j++)
			mlines_free(m->part[j], m->nr_part[j]);
		mlines_free(m->groups, m->nr_groups);
		doc_free(&m->doc);
		free(m->name);
		free(m->pol);
		free(m->ifile);
		free(m->paths);
		free(m);
	}
	wd_mset_free_tables(set);
	free(set->modules);
	free(set->errors.text);
	memset(set, 0, sizeof(*set));
}
