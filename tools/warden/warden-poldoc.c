// SPDX-License-Identifier: GPL-2.0-only
/*
 * warden-poldoc - the reference of a set of policy modules' interfaces,
 * as refpolicy's "make html" gives SELinux's: from the "##" documentation
 * of each NAME.if, HTML pages (an index of the modules, one page per
 * module, an alphabetical index of the interfaces) or one man page per
 * module.
 *
 * The set is checked first, as warden-module check does, and nothing is
 * written unless it is clean: the pages are made from what the check
 * vouches for (every interface and parameter documented, every call
 * resolved).  Every page is made in memory, then written under a
 * temporary name; only when all are written are they renamed into place,
 * so a failure leaves the old pages, not a mix.
 *
 * The output depends on the modules' text alone (no dates, no input
 * paths), so the same set gives the same bytes.
 */

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io.h"
#include "module.h"
#include "util.h"

/* A module file is read whole; module.c has the same bound. */
#define WD_POLDOC_FILE_MAX (16u << 20)

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: warden-poldoc [-o DIR] [--man] PATH...\n"
		"Write the reference of policy modules' interfaces from their \"##\"\n"
		"documentation (a PATH is a directory of modules or a module's file).\n"
		"The modules are checked first; nothing is written if they have errors.\n"
		"  -o, --output DIR  write into DIR (default ./poldoc, or ./man with\n"
		"                    --man); it is created if missing\n"
		"      --man         man pages instead of HTML: DIR/warden-module-NAME.5\n"
		"                    for each module NAME\n"
		"  -h, --help        show this help and exit\n"
		"HTML: DIR/index.html (the modules), DIR/NAME.html (one per module),\n"
		"DIR/interfaces.html (every interface, alphabetically).\n"
		"Exit status: 0 written, 1 errors in the modules or a file could not be\n"
		"written, 2 bad usage.\n");
}

/* ---- the pages ----------------------------------------------------------- */

struct page {
	char *name;		/* in the output directory */
	struct wd_buf text;
};

struct pages {
	struct page *p;
	unsigned int nr;
};

static struct wd_buf *page_new(struct pages *pages, char *name)
{
	struct page *p;

	pages->p = wd_xrealloc(pages->p, (pages->nr + 1) * sizeof(*pages->p));
	p = &pages->p[pages->nr++];
	p->name = name;
	memset(&p->text, 0, sizeof(p->text));
	return &p->text;
}

static void pages_free(struct pages *pages)
{
	while (pages->nr) {
		pages->nr--;
		free(pages->p[pages->nr].name);
		free(pages->p[pages->nr].text.text);
	}
	free(pages->p);
}

/* mkdir -p @dir, each new directory as the umask allows. */
static int make_dir(const char *dir)
{
	char *path = wd_xstrdup(dir), *p;
	int rc = 0;

	for (p = path + 1; ; p++) {
		bool last = !*p;

		if (*p && *p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0777) && errno != EEXIST) {
			rc = -1;
			break;
		}
		if (last)
			break;
		*p = '/';
	}
	free(path);
	return rc;
}

/*
 * Write every page as DIR/.NAME.tmpPID, then rename them all into place.
 * The pages are documentation for anyone to read: 0666 less the umask,
 * not the 0600 of wd_save_file()'s policy files.
 */
static int pages_write(const struct pages *pages, const char *dir)
{
	char **tmp = wd_xmalloc((pages->nr + 1) * sizeof(*tmp));
	unsigned int i, done = 0;
	int rc = -1;

	if (make_dir(dir)) {
		wd_perror(dir);
		goto out;
	}
	for (i = 0; i < pages->nr; i++) {
		const struct page *p = &pages->p[i];
		FILE *f;

		tmp[i] = wd_xasprintf("%s/.%s.tmp%ld", dir, p->name,
				      (long)getpid());
		done = i + 1;
		f = fopen(tmp[i], "w");
		if (!f || (p->text.len &&
			   fwrite(p->text.text, 1, p->text.len, f) !=
			   p->text.len) || fflush(f) || fsync(fileno(f))) {
			int err = errno;

			if (f)
				fclose(f);
			errno = err;
			wd_perror(tmp[i]);
			goto out;
		}
		if (fclose(f)) {
			wd_perror(tmp[i]);
			goto out;
		}
	}
	for (i = 0; i < pages->nr; i++) {
		char *path = wd_path(dir, pages->p[i].name);

		if (rename(tmp[i], path)) {
			wd_perror(path);
			free(path);
			goto out;
		}
		free(path);
		free(tmp[i]);
		tmp[i] = NULL;
	}
	rc = 0;
out:
	for (i = 0; i < done; i++) {
		if (tmp[i])
			unlink(tmp[i]);
		free(tmp[i]);
	}
	free(tmp);
	return rc;
}

/* ---- what the pages show -------------------------------------------------- */

/*
 * The lines of a module's .if as written (the library keeps them
 * normalised, without comments; a reader wants them as the author laid
 * them out).
 */
struct source {
	char *text;
	char **line;		/* line[0] is line 1 */
	unsigned int nr;
};

static int source_read(struct source *s, const char *path)
{
	char *p;

	memset(s, 0, sizeof(*s));
	if (!path)
		return 0;
	s->text = wd_read_file(path, WD_POLDOC_FILE_MAX, NULL);
	if (!s->text) {
		wd_perror(path);
		return -1;
	}
	for (p = s->text; *p; ) {
		char *nl = strchr(p, '\n'), *end;

		if (nl)
			*nl = '\0';
		end = p + strlen(p);
		/* Trailing blanks and a CR do not show; cut them. */
		while (end > p && strchr(" \t\r", end[-1]))
			*--end = '\0';
		s->line = wd_xrealloc(s->line, (s->nr + 1) * sizeof(*s->line));
		s->line[s->nr++] = p;
		if (!nl)
			break;
		p = nl + 1;
	}
	return 0;
}

static void source_free(struct source *s)
{
	free(s->line);
	free(s->text);
}

/* Whether a line of the .if, trimmed, is @word. */
static bool line_is(const char *line, const char *word)
{
	size_t len = strlen(word);

	line += strspn(line, " \t");
	return !strncmp(line, word, len) && !line[len];
}

/*
 * The lines of @f's body as written: from the line after "interface" to
 * the one before "end", which the reader of module.c found the same way.
 * *@first is the index of the first; returns how many.
 */
static unsigned int body_lines(const struct source *s,
			       const struct wd_iface *f, unsigned int *first)
{
	unsigned int i = f->where.line;

	*first = i;
	while (i < s->nr && !line_is(s->line[i], "end"))
		i++;
	/* Blank lines at either end are layout, not body. */
	while (*first < i && !s->line[*first][0])
		(*first)++;
	while (i > *first && !s->line[i - 1][0])
		i--;
	return i - *first;
}

/*
 * The blanks that every non-empty line of a body starts with: the
 * indentation of the .if, which the pages have their own of.
 */
static size_t body_indent(const struct source *s, unsigned int first,
			  unsigned int nr)
{
	size_t indent = 0;
	bool any = false;
	unsigned int i;

	for (i = first; i < first + nr; i++) {
		const char *line = s->line[i];
		size_t n = strspn(line, " \t");

		if (!line[0])
			continue;
		if (!any || n < indent)
			indent = n;
		/* Only what the lines share: a tab is not four spaces. */
		if (any && strncmp(line, s->line[first], indent))
			indent = 0;
		any = true;
	}
	return indent;
}

/*
 * If @line calls an interface of @set ("name(" first on the line, the
 * only place a call may be), the interface, and the length of the
 * leading blanks in *@indent.
 */
static const struct wd_iface *line_call(const struct wd_mset *set,
					const char *line, size_t *indent)
{
	const char *p = line + strspn(line, " \t"), *s = p;
	const struct wd_iface *f;
	char *name;

	*indent = p - line;
	if (*p < 'a' || *p > 'z')
		return NULL;
	while ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_')
		p++;
	if (*p != '(')
		return NULL;
	name = wd_xstrndup(s, p - s);
	f = wd_mset_iface(set, name);
	free(name);
	return f;
}

/*
 * The text of "##" documentation with XML's five entities decoded: the
 * documentation is XML (a summary may not hold '<', so "&lt;" is how it
 * says one).  Anything else after '&' is kept as written.  Malloc'd.
 */
static char *doc_text(const char *s)
{
	static const struct {
		const char *entity;
		char c;
	} ents[] = {
		{ "&lt;", '<' }, { "&gt;", '>' }, { "&amp;", '&' },
		{ "&quot;", '"' }, { "&apos;", '\'' },
	};
	char *out = wd_xmalloc(strlen(s) + 1), *o = out;
	unsigned int i;

	while (*s) {
		for (i = 0; *s == '&' && i < sizeof(ents) / sizeof(ents[0]); i++)
			if (!strncmp(s, ents[i].entity, strlen(ents[i].entity)))
				break;
		if (*s == '&' && i < sizeof(ents) / sizeof(ents[0])) {
			*o++ = ents[i].c;
			s += strlen(ents[i].entity);
		} else {
			*o++ = *s++;
		}
	}
	*o = '\0';
	return out;
}

/*
 * A <desc> holds text and these tags; any other '<' is text (refpolicy's
 * descriptions use <p> paragraphs and <ul>/<ol> lists of <li>).
 */
enum desc_tok {
	DT_END, DT_TEXT, DT_P, DT_P_END, DT_UL, DT_UL_END, DT_OL, DT_OL_END,
	DT_LI, DT_LI_END,
};

static const char *const desc_tags[] = {
	[DT_P] = "<p>", [DT_P_END] = "</p>", [DT_UL] = "<ul>",
	[DT_UL_END] = "</ul>", [DT_OL] = "<ol>", [DT_OL_END] = "</ol>",
	[DT_LI] = "<li>", [DT_LI_END] = "</li>",
};

static enum desc_tok desc_tag(const char *p)
{
	unsigned int t;

	for (t = DT_P; t <= DT_LI_END; t++)
		if (!strncmp(p, desc_tags[t], strlen(desc_tags[t])))
			return t;
	return DT_TEXT;
}

/*
 * The next token at *@p: a tag, or a run of text with its blanks
 * collapsed into *@text (malloc'd; NULL for a run of blanks alone).
 */
static enum desc_tok desc_next(const char **p, char **text)
{
	const char *s = *p;
	struct wd_buf b = { 0 };
	enum desc_tok t;
	bool blank = false;

	*text = NULL;
	if (!*s)
		return DT_END;
	t = *s == '<' ? desc_tag(s) : DT_TEXT;
	if (t != DT_TEXT) {
		*p = s + strlen(desc_tags[t]);
		return t;
	}
	for (; *s && (s == *p || *s != '<' || desc_tag(s) == DT_TEXT); s++) {
		if (strchr(" \t\n\r", *s)) {
			blank = b.len;
			continue;
		}
		if (blank)
			wd_buf_add(&b, " ", 1);
		blank = false;
		wd_buf_add(&b, s, 1);
	}
	*p = s;
	*text = b.text;
	return DT_TEXT;
}

static int iface_cmp(const void *a, const void *b)
{
	return strcmp((*(const struct wd_iface *const *)a)->name,
		      (*(const struct wd_iface *const *)b)->name);
}

/* Every interface of the set, by name; free() the array. */
static const struct wd_iface **all_ifaces(const struct wd_mset *set,
					  unsigned int *nr)
{
	const struct wd_iface **all;
	unsigned int i, j;

	*nr = 0;
	for (i = 0; i < set->nr_modules; i++)
		*nr += set->modules[i]->nr_ifaces;
	all = wd_xmalloc((*nr + 1) * sizeof(*all));
	*nr = 0;
	for (i = 0; i < set->nr_modules; i++)
		for (j = 0; j < set->modules[i]->nr_ifaces; j++)
			all[(*nr)++] = &set->modules[i]->ifaces[j];
	qsort(all, *nr, sizeof(*all), iface_cmp);
	return all;
}

/* ---- HTML ------------------------------------------------------------------- */

static void html_puts(struct wd_buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':
			wd_buf_puts(b, "&amp;");
			break;
		case '<':
			wd_buf_puts(b, "&lt;");
			break;
		case '>':
			wd_buf_puts(b, "&gt;");
			break;
		case '"':
			wd_buf_puts(b, "&quot;");
			break;
		default:
			wd_buf_add(b, s, 1);
		}
	}
}

/* Documentation text (NULL: none), entities decoded, then escaped. */
static void html_doc(struct wd_buf *b, const char *s)
{
	char *text = doc_text(s ? s : "");

	html_puts(b, text);
	free(text);
}

static void html_putn(struct wd_buf *b, const char *s, size_t len)
{
	char *part = wd_xstrndup(s, len);

	html_puts(b, part);
	free(part);
}

/* The style of every page: inline, so a page stands alone. */
static const char html_style[] =
	"body { font-family: system-ui, -apple-system, \"Segoe UI\", sans-serif;\n"
	"  color: #1f2328; background: #fff; line-height: 1.5;\n"
	"  max-width: 60rem; margin: 0 auto; padding: 1rem 2rem 3rem; }\n"
	"nav { font-size: 0.9rem; padding: 0.5rem 0;\n"
	"  border-bottom: 1px solid #d0d7de; }\n"
	"nav a { margin-right: 1.5rem; }\n"
	"a { color: #0b57d0; text-decoration: none; }\n"
	"a:hover { text-decoration: underline; }\n"
	"h1 { font-size: 1.8rem; margin: 1.2rem 0 0.3rem; }\n"
	"h2 { font-size: 1.25rem; margin: 2.2rem 0 0.4rem; padding-top: 1rem;\n"
	"  border-top: 1px solid #d0d7de; }\n"
	"h3 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.05em;\n"
	"  color: #57606a; margin: 1rem 0 0.3rem; }\n"
	"code, pre { font-family: ui-monospace, \"DejaVu Sans Mono\", Menlo,\n"
	"  Consolas, monospace; font-size: 0.9em; }\n"
	"h2 code { font-size: 1em; }\n"
	"pre { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px;\n"
	"  padding: 0.6rem 0.8rem; overflow-x: auto; tab-size: 4; margin: 0; }\n"
	"table { border-collapse: collapse; margin: 0.3rem 0 0.6rem; }\n"
	"th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.8rem;\n"
	"  border-bottom: 1px solid #d0d7de; }\n"
	"th { background: #f6f8fa; font-weight: 600; }\n"
	"td.n { text-align: right; }\n"
	".summary { font-size: 1.1rem; margin: 0.2rem 0 0.6rem; }\n"
	".params { font-weight: normal; color: #57606a; }\n"
	".none { color: #57606a; font-style: italic; }\n"
	"ul.toc { padding-left: 1.2rem; }\n";

static void html_head(struct wd_buf *b, const char *title)
{
	wd_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
		    "<meta charset=\"utf-8\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		    "<title>");
	html_puts(b, title);
	wd_buf_puts(b, "</title>\n<style>\n");
	wd_buf_puts(b, html_style);
	wd_buf_puts(b, "</style>\n</head>\n<body>\n<nav><a href=\"index.html\">Modules</a>"
		    "<a href=\"interfaces.html\">Interfaces</a></nav>\n");
}

static void html_foot(struct wd_buf *b)
{
	wd_buf_puts(b, "</body>\n</html>\n");
}

/* A module's name, linked to its page (@anchor: an interface on it). */
static void html_link(struct wd_buf *b, const char *module, const char *anchor,
		      const char *text)
{
	wd_buf_puts(b, "<a href=\"");
	html_puts(b, module);
	wd_buf_puts(b, ".html");
	if (anchor) {
		wd_buf_puts(b, "#");
		html_puts(b, anchor);
	}
	wd_buf_puts(b, "\">");
	html_puts(b, text);
	wd_buf_puts(b, "</a>");
}

static void html_desc(struct wd_buf *b, const char *desc)
{
	enum { NONE, PARA, ITEM } in = NONE;
	unsigned int lists = 0;
	char list_kind[16];	/* 'u' or 'o' for each open list */
	enum desc_tok t;
	char *text;

	if (!desc)
		return;
	while ((t = desc_next(&desc, &text)) != DT_END) {
		/* Whatever is not text ends the paragraph that is open. */
		if (t != DT_TEXT && in == PARA) {
			wd_buf_puts(b, "</p>\n");
			in = NONE;
		}
		switch (t) {
		case DT_TEXT:
			if (!text)
				break;
			if (in == NONE) {
				wd_buf_puts(b, lists ? "<li>" : "<p>");
				in = lists ? ITEM : PARA;
			} else if (b->len && b->text[b->len - 1] != '>') {
				wd_buf_puts(b, " ");
			}
			html_doc(b, text);
			break;
		case DT_UL:
		case DT_OL:
			if (in == ITEM)
				wd_buf_puts(b, "</li>\n");
			in = NONE;
			if (lists < sizeof(list_kind)) {
				list_kind[lists++] = t == DT_UL ? 'u' : 'o';
				wd_buf_puts(b, t == DT_UL ? "<ul>\n" : "<ol>\n");
			}
			break;
		case DT_LI:
		case DT_LI_END:
			if (in == ITEM)
				wd_buf_puts(b, "</li>\n");
			in = NONE;
			break;
		case DT_UL_END:
		case DT_OL_END:
			if (in == ITEM)
				wd_buf_puts(b, "</li>\n");
			in = NONE;
			if (lists)
				wd_buf_puts(b, list_kind[--lists] == 'u' ?
					    "</ul>\n" : "</ol>\n");
			break;
		default:
			break;
		}
		free(text);
	}
	if (in == PARA)
		wd_buf_puts(b, "</p>\n");
	else if (in == ITEM)
		wd_buf_puts(b, "</li>\n");
	while (lists)
		wd_buf_puts(b, list_kind[--lists] == 'u' ? "</ul>\n" : "</ol>\n");
}

static void html_index(struct wd_buf *b, const struct wd_mset *set)
{
	unsigned int i;

	html_head(b, "Warden policy modules");
	wd_buf_printf(b, "<h1>Policy modules</h1>\n"
		      "<p>%u module%s. <a href=\"interfaces.html\">All interfaces</a>, alphabetically.</p>\n"
		      "<table>\n<tr><th>Module</th><th>Summary</th><th>Interfaces</th></tr>\n",
		      set->nr_modules, set->nr_modules == 1 ? "" : "s");
	for (i = 0; i < set->nr_modules; i++) {
		const struct wd_module *m = set->modules[i];

		wd_buf_puts(b, "<tr><td>");
		html_link(b, m->name, NULL, m->name);
		wd_buf_puts(b, "</td><td>");
		if (m->doc.summary)
			html_doc(b, m->doc.summary);
		else
			wd_buf_puts(b, "<span class=\"none\">no summary</span>");
		wd_buf_printf(b, "</td><td class=\"n\">%u</td></tr>\n",
			      m->nr_ifaces);
	}
	wd_buf_puts(b, "</table>\n");
	html_foot(b);
}

static void html_interfaces(struct wd_buf *b, const struct wd_mset *set)
{
	const struct wd_iface **all;
	unsigned int i, nr;

	all = all_ifaces(set, &nr);
	html_head(b, "Warden policy interfaces");
	wd_buf_printf(b, "<h1>Interfaces</h1>\n<p>%u interface%s.</p>\n"
		      "<table>\n<tr><th>Interface</th><th>Module</th><th>Summary</th></tr>\n",
		      nr, nr == 1 ? "" : "s");
	for (i = 0; i < nr; i++) {
		wd_buf_puts(b, "<tr><td><code>");
		html_link(b, all[i]->module->name, all[i]->name, all[i]->name);
		wd_buf_puts(b, "</code></td><td>");
		html_link(b, all[i]->module->name, NULL, all[i]->module->name);
		wd_buf_puts(b, "</td><td>");
		html_doc(b, all[i]->doc.summary);
		wd_buf_puts(b, "</td></tr>\n");
	}
	wd_buf_puts(b, "</table>\n");
	html_foot(b);
	free(all);
}

static void html_iface(struct wd_buf *b, const struct wd_mset *set,
		       const struct wd_iface *f, const struct source *src)
{
	unsigned int i, first, nr;
	size_t cut;

	wd_buf_puts(b, "<h2 id=\"");
	html_puts(b, f->name);
	wd_buf_puts(b, "\"><code>");
	html_puts(b, f->name);
	if (f->nr_params) {
		wd_buf_puts(b, "<span class=\"params\">(");
		for (i = 0; i < f->nr_params; i++) {
			if (i)
				wd_buf_puts(b, ", ");
			html_puts(b, f->params[i]);
		}
		wd_buf_puts(b, ")</span>");
	}
	wd_buf_puts(b, "</code></h2>\n<p class=\"summary\">");
	html_doc(b, f->doc.summary);
	wd_buf_puts(b, "</p>\n");
	html_desc(b, f->doc.desc);

	if (f->doc.nr_params) {
		wd_buf_puts(b, "<h3>Parameters</h3>\n<table>\n"
			    "<tr><th>Name</th><th>Type</th><th>Summary</th></tr>\n");
		for (i = 0; i < f->doc.nr_params; i++) {
			const struct wd_doc_param *p = &f->doc.params[i];

			wd_buf_puts(b, "<tr><td><code>");
			html_puts(b, p->name);
			wd_buf_puts(b, "</code></td><td>");
			html_puts(b, wd_param_type_name(p->type));
			wd_buf_puts(b, "</td><td>");
			html_doc(b, p->summary);
			wd_buf_puts(b, "</td></tr>\n");
		}
		wd_buf_puts(b, "</table>\n");
	}
	if (f->doc.infoflow) {
		wd_buf_puts(b, "<h3>Information flow</h3>\n<p>");
		html_puts(b, f->doc.infoflow);
		wd_buf_printf(b, ", weight %u</p>\n", f->doc.weight);
	}

	wd_buf_puts(b, "<h3>Body</h3>\n<pre>");
	nr = body_lines(src, f, &first);
	cut = body_indent(src, first, nr);
	for (i = first; i < first + nr; i++) {
		const char *line = src->line[i][0] ? src->line[i] + cut : "";
		size_t indent;
		const struct wd_iface *callee = line_call(set, line, &indent);

		if (callee) {
			size_t len = strlen(callee->name);

			html_putn(b, line, indent);
			html_link(b, callee->module->name, callee->name,
				  callee->name);
			html_puts(b, line + indent + len);
		} else {
			html_puts(b, line);
		}
		wd_buf_puts(b, "\n");
	}
	if (!nr)
		wd_buf_puts(b, "<span class=\"none\">(empty)</span>\n");
	wd_buf_puts(b, "</pre>\n<h3>Called by</h3>\n<p>");
	for (i = 0; i < f->nr_callers; i++) {
		if (i)
			wd_buf_puts(b, ", ");
		html_link(b, f->callers[i]->name, NULL, f->callers[i]->name);
	}
	if (!f->nr_callers)
		wd_buf_puts(b, "<span class=\"none\">no module of the set</span>");
	wd_buf_puts(b, "</p>\n");
}

static void html_module(struct wd_buf *b, const struct wd_mset *set,
			const struct wd_module *m, const struct source *src)
{
	unsigned int i;
	char *title = wd_xasprintf("Module %s", m->name);

	html_head(b, title);
	free(title);
	wd_buf_puts(b, "<h1>Module ");
	html_puts(b, m->name);
	wd_buf_puts(b, "</h1>\n");
	if (m->doc.summary) {
		wd_buf_puts(b, "<p class=\"summary\">");
		html_doc(b, m->doc.summary);
		wd_buf_puts(b, "</p>\n");
	}
	html_desc(b, m->doc.desc);
	if (!m->nr_ifaces) {
		wd_buf_puts(b, "<p class=\"none\">No interfaces.</p>\n");
	} else {
		wd_buf_printf(b, "<h3>Interfaces</h3>\n<ul class=\"toc\">\n");
		for (i = 0; i < m->nr_ifaces; i++) {
			wd_buf_puts(b, "<li><code><a href=\"#");
			html_puts(b, m->ifaces[i].name);
			wd_buf_puts(b, "\">");
			html_puts(b, m->ifaces[i].name);
			wd_buf_puts(b, "</a></code>: ");
			html_doc(b, m->ifaces[i].doc.summary);
			wd_buf_puts(b, "</li>\n");
		}
		wd_buf_puts(b, "</ul>\n");
	}
	for (i = 0; i < m->nr_ifaces; i++)
		html_iface(b, set, &m->ifaces[i], src);
	html_foot(b);
}

/* ---- man pages ----------------------------------------------------------- */

/*
 * @s as troff text: a backslash is "\e"; with @code, a '-' is "\-" (a
 * real minus, which copies as one, not a hyphen).  @at_start: @s starts
 * an output line, where a '.' or '\'' would make it a request.
 */
static void troff_puts(struct wd_buf *b, const char *s, bool code,
		       bool at_start)
{
	if (at_start && (*s == '.' || *s == '\''))
		wd_buf_puts(b, "\\&");
	for (; *s; s++) {
		if (*s == '\\')
			wd_buf_puts(b, "\\e");
		else if (*s == '-' && code)
			wd_buf_puts(b, "\\-");
		else
			wd_buf_add(b, s, 1);
	}
}

/* One line of text; a doc's text is collapsed, so it holds no newline. */
static void troff_line(struct wd_buf *b, const char *s, bool code)
{
	troff_puts(b, s, code, true);
	wd_buf_puts(b, "\n");
}

/* Documentation text (NULL: none), entities decoded, as troff text. */
static void troff_doc(struct wd_buf *b, const char *s, bool at_start)
{
	char *text = doc_text(s ? s : "");

	troff_puts(b, text, false, at_start);
	free(text);
}

static void man_desc(struct wd_buf *b, const char *desc)
{
	bool para = true;	/* the next text starts a paragraph */
	unsigned int lists = 0;
	enum desc_tok t;
	char *text;

	if (!desc)
		return;
	while ((t = desc_next(&desc, &text)) != DT_END) {
		switch (t) {
		case DT_TEXT:
			if (!text)
				break;
			if (para)
				wd_buf_puts(b, lists ? ".IP \\(bu 2\n" : ".PP\n");
			para = false;
			troff_doc(b, text, true);
			wd_buf_puts(b, "\n");
			break;
		case DT_UL:
		case DT_OL:
			if (!lists++)
				wd_buf_puts(b, ".RS\n");
			para = true;
			break;
		case DT_UL_END:
		case DT_OL_END:
			if (lists && !--lists)
				wd_buf_puts(b, ".RE\n");
			para = true;
			break;
		default:
			para = true;
			break;
		}
		free(text);
	}
	if (lists)
		wd_buf_puts(b, ".RE\n");
}

static void man_iface(struct wd_buf *b, const struct wd_iface *f,
		      const struct source *src)
{
	unsigned int i, first, nr;
	size_t cut;

	wd_buf_puts(b, ".SS ");
	troff_puts(b, f->name, true, false);
	if (f->nr_params) {
		wd_buf_puts(b, "(");
		for (i = 0; i < f->nr_params; i++) {
			if (i)
				wd_buf_puts(b, ", ");
			troff_puts(b, f->params[i], true, false);
		}
		wd_buf_puts(b, ")");
	}
	wd_buf_puts(b, "\n");
	troff_doc(b, f->doc.summary, true);
	wd_buf_puts(b, "\n");
	man_desc(b, f->doc.desc);
	if (f->doc.nr_params)
		wd_buf_puts(b, ".PP\nParameters:\n");
	for (i = 0; i < f->doc.nr_params; i++) {
		const struct wd_doc_param *p = &f->doc.params[i];

		wd_buf_puts(b, ".TP\n.I ");
		troff_puts(b, p->name, true, false);
		wd_buf_puts(b, "\n(");
		troff_puts(b, wd_param_type_name(p->type), false, false);
		wd_buf_puts(b, ") ");
		troff_doc(b, p->summary, false);
		wd_buf_puts(b, "\n");
	}
	if (f->doc.infoflow) {
		wd_buf_puts(b, ".PP\nInformation flow: ");
		troff_puts(b, f->doc.infoflow, false, false);
		wd_buf_printf(b, ", weight %u.\n", f->doc.weight);
	}
	nr = body_lines(src, f, &first);
	wd_buf_puts(b, ".PP\nBody:\n.RS 4\n.nf\n");
	cut = body_indent(src, first, nr);
	for (i = first; i < first + nr; i++)
		troff_line(b, src->line[i][0] ? src->line[i] + cut : "", true);
	if (!nr)
		wd_buf_puts(b, "(empty)\n");
	wd_buf_puts(b, ".fi\n.RE\n.PP\nCalled by: ");
	for (i = 0; i < f->nr_callers; i++) {
		if (i)
			wd_buf_puts(b, ", ");
		troff_puts(b, f->callers[i]->name, true, false);
	}
	wd_buf_puts(b, f->nr_callers ? ".\n" : "no module of the set.\n");
}

static void man_module(struct wd_buf *b, const struct wd_module *m,
		       const struct source *src)
{
	unsigned int i;
	char *upper = wd_xasprintf("WARDEN-MODULE-%s", m->name);

	for (i = 0; upper[i]; i++)
		if (upper[i] >= 'a' && upper[i] <= 'z')
			upper[i] -= 'a' - 'A';
	/* No date: the same modules give the same page. */
	wd_buf_printf(b, ".TH %s 5 \"\" \"Warden\" \"Warden Policy Modules\"\n"
		      ".SH NAME\nwarden\\-module\\-", upper);
	free(upper);
	troff_puts(b, m->name, true, false);
	wd_buf_puts(b, " \\- ");
	troff_doc(b, m->doc.summary ? m->doc.summary :
		  "a Warden policy module", false);
	wd_buf_puts(b, "\n.SH DESCRIPTION\n");
	if (m->doc.summary) {
		troff_doc(b, m->doc.summary, true);
		wd_buf_puts(b, "\n");
	}
	man_desc(b, m->doc.desc);
	wd_buf_printf(b, ".PP\nThe module has %u interface%s.\n",
		      m->nr_ifaces, m->nr_ifaces == 1 ? "" : "s");
	if (m->nr_ifaces)
		wd_buf_puts(b, ".SH INTERFACES\n");
	for (i = 0; i < m->nr_ifaces; i++)
		man_iface(b, &m->ifaces[i], src);
	wd_buf_puts(b, ".SH SEE ALSO\n.BR warden-module (8),\n"
		    ".BR warden-poldoc (8)\n");
}

/* ---- the whole run -------------------------------------------------------- */

/* Make every page of @set into @pages; -1 when a .if cannot be read. */
static int render(const struct wd_mset *set, bool man, struct pages *pages)
{
	unsigned int i;

	if (!man) {
		html_index(page_new(pages, wd_xstrdup("index.html")), set);
		html_interfaces(page_new(pages, wd_xstrdup("interfaces.html")),
				set);
	}
	for (i = 0; i < set->nr_modules; i++) {
		const struct wd_module *m = set->modules[i];
		struct source src;

		if (source_read(&src, m->ifile))
			return -1;
		if (man)
			man_module(page_new(pages, wd_xasprintf("warden-module-%s.5",
								m->name)),
				   m, &src);
		else
			html_module(page_new(pages, wd_xasprintf("%s.html",
								m->name)),
				    set, m, &src);
		source_free(&src);
	}
	return 0;
}

int main(int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "man", no_argument, NULL, 'M' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct wd_mset set = { 0 };
	struct pages pages = { 0 };
	const char *dir = NULL;
	bool man = false;
	int c, i, rc = WD_EXIT_FAIL;

	while ((c = getopt_long(argc, argv, ":o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			if (!*optarg)
				wd_usage_error("-o: an empty directory name");
			dir = optarg;
			break;
		case 'M':
			man = true;
			break;
		case 'h':
			usage(stdout);
			return WD_EXIT_OK;
		default:
			wd_bad_option(c, argv);
		}
	}
	if (optind == argc)
		wd_usage_error("which modules?");
	if (!dir)
		dir = man ? "./man" : "./poldoc";

	for (i = optind; i < argc; i++)
		wd_mset_add_path(&set, argv[i]);
	if (!set.nr_errors && !set.nr_modules)
		wd_error("no module in %s", argc - optind == 1 ?
			 argv[optind] : "the paths given");
	else
		wd_mset_check(&set);
	if (set.nr_errors) {
		wd_mset_print_errors(&set, stderr);
		wd_error("%u error%s; nothing written", set.nr_errors,
			 set.nr_errors == 1 ? "" : "s");
		goto out;
	}
	if (!set.nr_modules || render(&set, man, &pages) ||
	    pages_write(&pages, dir))
		goto out;
	rc = WD_EXIT_OK;
out:
	pages_free(&pages);
	wd_mset_free(&set);
	return rc;
}
