/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Policy modules: NAME.pol (private policy, the policy document's format
 * with interface calls in domain blocks), NAME.if (documented interfaces)
 * and NAME.paths (the groups the module owns).  A set of modules is read,
 * checked (the lint of warden-module check) and compiled into one policy
 * document with a map of where each of its lines came from.
 */

#ifndef WARDEN_TOOLS_MODULE_H
#define WARDEN_TOOLS_MODULE_H

#include <stdbool.h>
#include <stdio.h>

#include "policy.h"
#include "util.h"

/* The types a parameter may have, as <param type="..."> names them. */
enum wd_param_type {
	WD_PARAM_PATH,
	WD_PARAM_DIR,
	WD_PARAM_PATTERN,
	WD_PARAM_NUMBER,
	WD_PARAM_PORT,
	WD_PARAM_ADDRESS,
	WD_PARAM_WORD,
	WD_NR_PARAM_TYPES
};

/* The type's name, "path". */
const char *wd_param_type_name(enum wd_param_type type);

/**
 * struct wd_mline - one line of a module file
 * @text: the line, normalised (blanks trimmed and collapsed).
 * @file: the file it is in, as the set was given it.
 * @line: its number in @file, from 1.
 */
struct wd_mline {
	char *text;
	const char *file;
	unsigned int line;
};

/**
 * struct wd_doc_param - one <param> of an interface's documentation
 * @name: the name attribute.
 * @type: the type attribute.
 * @summary: its <summary>, blanks collapsed; NULL when missing.
 */
struct wd_doc_param {
	char *name;
	enum wd_param_type type;
	char *summary;
};

/**
 * struct wd_doc - the "##" documentation of an interface or a module
 * @summary: <summary>, blanks collapsed; NULL when missing.
 * @desc: <desc>, as written (it may hold <p> paragraphs); NULL if none.
 * @params: the <param> elements, in order.
 * @nr_params: how many.
 * @infoflow: the <infoflow> type ("read", "write", "both", "none") or
 *            NULL; @weight its weight, 1-10.
 * @weight: see @infoflow.
 * @line: the line of the first "##" line; 0 when there is no block.
 */
struct wd_doc {
	char *summary;
	char *desc;
	struct wd_doc_param *params;
	unsigned int nr_params;
	char *infoflow;
	unsigned int weight;
	unsigned int line;
};

struct wd_module;

/**
 * struct wd_iface - one interface of a NAME.if file
 * @name: its name.
 * @module: the module whose .if defines it.
 * @params: the parameter names of its "interface NAME(a, b)" line.
 * @nr_params: how many (0 for "interface NAME").
 * @doc: its documentation.
 * @where: the "interface" line.
 * @body: the lines up to "end", blank lines and comments left out.
 * @nr_body: how many.
 * @callers: the modules whose policy or interfaces call it, sorted by
 *           name, each once; filled by wd_mset_check().
 * @nr_callers: how many.
 */
struct wd_iface {
	char *name;
	struct wd_module *module;
	char **params;
	unsigned int nr_params;
	struct wd_doc doc;
	struct wd_mline where;
	struct wd_mline *body;
	unsigned int nr_body;
	struct wd_module **callers;
	unsigned int nr_callers;
};

/**
 * struct wd_domain_block - a domainname line of a .pol and its lines
 * @name: where the domainname line is; its text is the domainname.
 * @lines: the lines of the block.
 * @nr_lines: how many.
 */
struct wd_domain_block {
	struct wd_mline name;
	struct wd_mline *lines;
	unsigned int nr_lines;
};

/**
 * struct wd_module - one module of a set
 * @name: NAME of NAME.pol.
 * @pol: the path of NAME.pol; @ifile and @paths those of NAME.if and
 *       NAME.paths, or NULL when the module has none.
 * @ifile: see @pol.
 * @paths: see @pol.
 * @doc: the module's documentation: the "##" block at the top of its
 *       .if, else of its .pol.
 * @part: the lines of the .pol's [profile], [manager] and
 *        [exception_policy] sections (@part[WD_DOMAIN] is unused).
 * @nr_part: how many lines each holds.
 * @blocks: the domain blocks of its [domain_policy] section.
 * @nr_blocks: how many.
 * @groups: the lines of its .paths.
 * @nr_groups: how many.
 * @ifaces: the interfaces of its .if, in the file's order.
 * @nr_ifaces: how many.
 */
struct wd_module {
	char *name;
	char *pol, *ifile, *paths;
	struct wd_doc doc;
	struct wd_mline *part[WD_NR_PARTS];
	unsigned int nr_part[WD_NR_PARTS];
	struct wd_domain_block *blocks;
	unsigned int nr_blocks;
	struct wd_mline *groups;
	unsigned int nr_groups;
	struct wd_iface *ifaces;
	unsigned int nr_ifaces;
};

/**
 * struct wd_mset - a set of modules and what was wrong with them
 * @modules: the modules, sorted by name once wd_mset_check() ran.
 * @nr_modules: how many.
 * @errors: the errors found, one "FILE:LINE: reason" line each.
 * @nr_errors: how many.
 * @tables: the set's interfaces and groups by name, built when first
 *          needed (module_build.c's).
 */
struct wd_mset {
	struct wd_module **modules;
	unsigned int nr_modules;
	struct wd_buf errors;
	unsigned int nr_errors;
	struct wd_tables *tables;
};

/*
 * Read the modules at @path: a directory (every NAME.pol in it) or one of
 * a module's files (NAME.pol, NAME.if or NAME.paths: the module NAME
 * beside it).  Syntax errors are added to the set's errors.  Returns 0,
 * or -1 when @path cannot be read (the error is added too).
 */
int wd_mset_add_path(struct wd_mset *set, const char *path);

/*
 * Check the whole set: names, documentation, calls (unknown, arity,
 * argument types, recursion), ownership of pathnames and groups, the
 * dontaudit and read/list rules; and fill each interface's callers.
 * Returns the number of errors of the set.
 */
unsigned int wd_mset_check(struct wd_mset *set);

/* The interface called @name, or NULL. */
struct wd_iface *wd_mset_iface(const struct wd_mset *set, const char *name);

/**
 * struct wd_build - the output of wd_mset_build()
 * @doc: the policy document.
 * @map: the map: one line per line of @doc that is policy, with its
 *       section, domain, line, origin and call chain.
 * @origin: for each line of @doc (index 0 for line 1), the module line it
 *          came from, or NULL for the lines that start sections.
 * @nr_lines: how many lines @doc has.
 */
struct wd_build {
	struct wd_buf doc;
	struct wd_buf map;
	const struct wd_mline **origin;
	unsigned int nr_lines;
};

/*
 * Compile a checked set (wd_mset_check() found no error) into one policy
 * document.  Returns the number of errors found while expanding (added
 * to the set's errors); the output is complete only when it is 0.
 */
unsigned int wd_mset_build(struct wd_mset *set, struct wd_build *out);
void wd_build_free(struct wd_build *out);
void wd_mset_free(struct wd_mset *set);

/*
 * What interface @f grants when called with @args (NULL: as written, the
 * $N left in): @fn gets each line, every call expanded in place, with the
 * module line it was written on.  Returns the number of errors found on
 * the way (recursion, an argument not of its type), added to the set's.
 */
unsigned int wd_iface_expand(struct wd_mset *set, struct wd_iface *f,
			     char **args, unsigned int nr_args,
			     void (*fn)(void *ctx, const char *line,
					const struct wd_mline *origin),
			     void *ctx);

/*
 * The module that owns the pathname @name (encoded as the kernel prints
 * it): the one whose path_group pattern in a .paths matches it most
 * specifically.  NULL if no module owns it; else *@group (if @group) is
 * the name of the group of that pattern.
 */
const struct wd_module *wd_mset_owner(struct wd_mset *set, const char *name,
				      const char **group);

/* NULL when @arg may stand for a parameter of @type, else why not. */
const char *wd_param_type_error(const char *arg, enum wd_param_type type);

/* Print the set's errors to @out, each line once, in the order found. */
void wd_mset_print_errors(const struct wd_mset *set, FILE *out);

#endif /* WARDEN_TOOLS_MODULE_H */
