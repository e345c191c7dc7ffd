// SPDX-License-Identifier: GPL-2.0-only
/*
 * warden-module - check and compile policy modules, and keep a store of
 * them that is loaded into the kernel as one policy.
 *
 *   build [-o FILE] [--map FILE] PATH...   modules -> one policy document
 *   check PATH...                          the lint alone
 *   install [-p PRIO] [-B] PATH...         into the store
 *   remove [-p PRIO] [-B] NAME...          out of the store
 *   list                                   the modules in force
 *   load                                   the store -> the kernel
 *
 * The store is a directory with one directory per priority (1-999), each
 * holding modules' files; of the modules of one name, the one of the
 * highest priority is in force.  A load writes the whole policy to the
 * kernel's `policy` file, one line per write(), so the write the kernel
 * refuses names the line, which the map turns back into a module's file
 * and line; the document is then refused whole and nothing changes.
 */

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "iface.h"
#include "io.h"
#include "module.h"
#include "store.h"
#include "util.h"

#define WD_DEFAULT_PRIORITY 400

static const char *const exts[] = { ".pol", ".if", ".paths" };

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: warden-module [--store DIR] COMMAND [OPTIONS] ARGS...\n"
		"Check, compile, store and load Warden policy modules (NAME.pol,\n"
		"NAME.if, NAME.paths; a PATH is a directory of modules or a\n"
		"module's file).\n"
		"  build [-o FILE] [--map FILE] PATH...\n"
		"                   compile the modules into one policy document\n"
		"                   (stdout, or FILE); --map writes where each of\n"
		"                   its lines came from\n"
		"  check PATH...    check the modules; each error as FILE:LINE: reason\n"
		"  install [-p PRIORITY] [-B] PATH...\n"
		"                   copy the modules into the store (priority 1-999,\n"
		"                   default 400); -B, --load: then load the store,\n"
		"                   and keep the store as it was if that fails\n"
		"  remove [-p PRIORITY] [-B] NAME...\n"
		"                   take the modules out of the store\n"
		"  list             the modules in force: NAME PRIORITY\n"
		"  load             check and compile the store and put it in force\n"
		"                   in one transaction\n"
		"  --store DIR      the store (default $WARDEN_MODULE_STORE or %s)\n"
		"  -h, --help       show this help and exit\n"
		"The kernel interface is $WARDEN_DIR (default %s).\n"
		"Exit status: 0 done, 1 errors in the modules or the kernel refused,\n"
		"2 bad usage.\n",
		WD_DEFAULT_STORE, WD_DEFAULT_DIR);
}

static const char *store_dir;

/* ---- the store ------------------------------------------------------------ */

/* ---- checking and compiling ------------------------------------------------- */

/*
 * Read, check and compile the modules at @paths into @out; the errors are
 * printed.  Returns 0, or -1.
 */
static int compile(struct wd_mset *set, char **paths, int nr,
		   struct wd_build *out)
{
	int i;

	for (i = 0; i < nr; i++)
		wd_mset_add_path(set, paths[i]);
	if (!set->nr_errors && !set->nr_modules)
		wd_error("no module in %s", nr == 1 ? paths[0] : "the paths given");
	else if (!wd_mset_check(set))
		wd_mset_build(set, out);
	if (set->nr_errors) {
		wd_mset_print_errors(set, stderr);
		wd_error("%u error%s", set->nr_errors,
			 set->nr_errors == 1 ? "" : "s");
		return -1;
	}
	return set->nr_modules ? 0 : -1;
}

static int write_out(const char *path, const char *text)
{
	size_t len = text ? strlen(text) : 0;

	if (!path || !strcmp(path, "-")) {
		if (len && fwrite(text, 1, len, stdout) != len) {
			wd_perror("stdout");
			return -1;
		}
		return 0;
	}
	if (wd_save_file(path, text ? text : "", len)) {
		wd_perror(path);
		return -1;
	}
	return 0;
}

static int cmd_build(int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "map", required_argument, NULL, 'm' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *output = NULL, *map = NULL;
	struct wd_mset set = { 0 };
	struct wd_build out = { 0 };
	int c, rc = WD_EXIT_FAIL;

	while ((c = getopt_long(argc, argv, ":o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			output = optarg;
			break;
		case 'm':
			map = optarg;
			break;
		case 'h':
			usage(stdout);
			exit(WD_EXIT_OK);
		default:
			wd_bad_option(c, argv);
		}
	}
	if (optind == argc)
		wd_usage_error("build: which modules?");
	if (!compile(&set, argv + optind, argc - optind, &out) &&
	    !write_out(output, out.doc.text) && (!map ||
	    !write_out(map, out.map.text)))
		rc = WD_EXIT_OK;
	wd_build_free(&out);
	wd_mset_free(&set);
	return rc;
}

static int cmd_check(int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct wd_mset set = { 0 };
	struct wd_build out = { 0 };
	unsigned int i, ifaces = 0;
	int c, rc = WD_EXIT_FAIL;

	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c != 'h')
			wd_bad_option(c, argv);
		usage(stdout);
		exit(WD_EXIT_OK);
	}
	if (optind == argc)
		wd_usage_error("check: which modules?");
	if (!compile(&set, argv + optind, argc - optind, &out)) {
		for (i = 0; i < set.nr_modules; i++)
			ifaces += set.modules[i]->nr_ifaces;
		printf("%u module%s, %u interface%s: no errors\n",
		       set.nr_modules, set.nr_modules == 1 ? "" : "s", ifaces,
		       ifaces == 1 ? "" : "s");
		rc = WD_EXIT_OK;
	}
	wd_build_free(&out);
	wd_mset_free(&set);
	return rc;
}

/*
 * Write the document to the kernel, one line per write().  On a refusal
 * the line is named by its module file and line.  Returns 0 or -1.
 */
static int kernel_load(const struct wd_build *out)
{
	char *target = wd_iface_path("policy");
	const char *line = out->doc.text;
	int fd = open(target, O_WRONLY | O_CLOEXEC);
	unsigned int i;

	if (fd < 0) {
		wd_perror(target);
		free(target);
		return -1;
	}
	for (i = 0; i < out->nr_lines; i++) {
		size_t len = strchr(line, '\n') + 1 - line;
		const struct wd_mline *o = out->origin[i];

		if (!wd_write_all(fd, line, len)) {
			line += len;
			continue;
		}
		if (o)
			wd_error("%s:%u: the kernel refused '%.*s': %s (its log says why); nothing was loaded",
				 o->file, o->line, (int)len - 1, line,
				 strerror(errno));
		else
			wd_error("%s: %s; nothing was loaded", target,
				 strerror(errno));
		close(fd);
		free(target);
		return -1;
	}
	if (close(fd)) {
		wd_error("%s: the kernel refused the policy: %s (its log says why); nothing was loaded",
			 target, strerror(errno));
		free(target);
		return -1;
	}
	free(target);
	return 0;
}

/* Check, compile and load the modules in force in the store. */
static int store_load(void)
{
	struct wd_mset set = { 0 };
	struct wd_build out = { 0 };
	struct wd_store all;
	unsigned int i;
	int rc = -1;
	char **paths;

	if (wd_store_scan(store_dir, &all))
		return -1;
	wd_store_in_force(&all);
	if (!all.nr) {
		wd_error("%s: no module installed", store_dir);
		wd_store_free(&all);
		return -1;
	}
	paths = wd_xmalloc(all.nr * sizeof(*paths));
	for (i = 0; i < all.nr; i++)
		paths[i] = wd_store_file(store_dir, all.e[i].priority,
					 all.e[i].name, ".pol");
	if (!compile(&set, paths, all.nr, &out) && !kernel_load(&out)) {
		printf("warden-module: loaded %u modules, %u lines\n",
		       set.nr_modules, out.nr_lines);
		rc = 0;
	}
	for (i = 0; i < all.nr; i++)
		free(paths[i]);
	free(paths);
	wd_build_free(&out);
	wd_mset_free(&set);
	wd_store_free(&all);
	return rc;
}

/* What a store change replaced, to put back when its load fails. */
struct undo {
	char **path;
	char **text;		/* NULL: the file did not exist */
	size_t *len;
	unsigned int nr;
};

/* Remember @path as it is now, before it is replaced or removed. */
static void undo_save(struct undo *u, const char *path)
{
	size_t len = 0;
	char *text = wd_read_file(path, 0, &len);

	u->path = wd_xrealloc(u->path, (u->nr + 1) * sizeof(*u->path));
	u->text = wd_xrealloc(u->text, (u->nr + 1) * sizeof(*u->text));
	u->len = wd_xrealloc(u->len, (u->nr + 1) * sizeof(*u->len));
	u->path[u->nr] = wd_xstrdup(path);
	u->text[u->nr] = text;
	u->len[u->nr] = len;
	u->nr++;
}

static void undo_run(struct undo *u, bool restore)
{
	while (u->nr) {
		u->nr--;
		if (restore && u->text[u->nr])
			wd_save_file(u->path[u->nr], u->text[u->nr],
				     u->len[u->nr]);
		else if (restore)
			unlink(u->path[u->nr]);
		free(u->path[u->nr]);
		free(u->text[u->nr]);
	}
	free(u->path);
	free(u->text);
	free(u->len);
}

/* -p PRIORITY and -B for install and remove; returns optind's value. */
static void store_options(int argc, char *argv[], unsigned int *priority,
			  bool *load)
{
	static const struct option opts[] = {
		{ "priority", required_argument, NULL, 'p' },
		{ "load", no_argument, NULL, 'B' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	*priority = WD_DEFAULT_PRIORITY;
	*load = false;
	while ((c = getopt_long(argc, argv, ":p:Bh", opts, NULL)) != -1) {
		switch (c) {
		case 'p':
			if (wd_parse_uint(optarg, WD_MAX_PRIORITY, priority) ||
			    !*priority)
				wd_usage_error("bad priority '%s' (want 1 to 999)",
					       optarg);
			break;
		case 'B':
			*load = true;
			break;
		case 'h':
			usage(stdout);
			exit(WD_EXIT_OK);
		default:
			wd_bad_option(c, argv);
		}
	}
}

/* After a store change: load if asked, and undo the change if that fails. */
static int store_commit(struct undo *u, bool load)
{
	if (load && store_load()) {
		undo_run(u, true);
		wd_error("the store is left as it was");
		return WD_EXIT_FAIL;
	}
	undo_run(u, false);
	return WD_EXIT_OK;
}

static int cmd_install(int argc, char *argv[])
{
	struct wd_mset set = { 0 };
	struct undo u = { 0 };
	unsigned int priority, i, e;
	bool load;
	int rc = WD_EXIT_FAIL;
	char *dir = NULL;

	store_options(argc, argv, &priority, &load);
	if (optind == argc)
		wd_usage_error("install: which modules?");
	for (i = optind; i < (unsigned int)argc; i++)
		wd_mset_add_path(&set, argv[i]);
	if (set.nr_errors) {
		wd_mset_print_errors(&set, stderr);
		wd_error("nothing installed");
		goto out;
	}
	dir = wd_xasprintf("%s/%u/x", store_dir, priority);
	if (wd_make_parents(dir)) {
		wd_perror(store_dir);
		goto out;
	}
	for (i = 0; i < set.nr_modules; i++) {
		const struct wd_module *m = set.modules[i];
		const char *src[3] = { m->pol, m->ifile, m->paths };

		for (e = 0; e < 3; e++) {
			char *dst = wd_store_file(store_dir, priority, m->name,
						  exts[e]);
			size_t len = 0;
			char *text = src[e] ? wd_read_file(src[e], 0, &len) : NULL;

			undo_save(&u, dst);
			if ((src[e] && (!text || wd_save_file(dst, text, len))) ||
			    (!src[e] && unlink(dst) && errno != ENOENT)) {
				wd_perror(src[e] && !text ? src[e] : dst);
				free(text);
				free(dst);
				undo_run(&u, true);
				goto out;
			}
			free(text);
			free(dst);
		}
		printf("warden-module: installed %s at priority %u\n", m->name,
		       priority);
	}
	rc = store_commit(&u, load);
out:
	free(dir);
	wd_mset_free(&set);
	return rc;
}

static int cmd_remove(int argc, char *argv[])
{
	struct undo u = { 0 };
	unsigned int priority, e;
	bool load;
	int i;

	store_options(argc, argv, &priority, &load);
	if (optind == argc)
		wd_usage_error("remove: which modules?");
	for (i = optind; i < argc; i++) {
		char *pol = wd_store_file(store_dir, priority, argv[i], ".pol");

		if (strchr(argv[i], '/') || access(pol, F_OK)) {
			wd_error("no module %s at priority %u in %s", argv[i],
				 priority, store_dir);
			free(pol);
			undo_run(&u, true);
			return WD_EXIT_FAIL;
		}
		free(pol);
		for (e = 0; e < 3; e++) {
			char *path = wd_store_file(store_dir, priority,
						   argv[i], exts[e]);

			undo_save(&u, path);
			unlink(path);
			free(path);
		}
		printf("warden-module: removed %s at priority %u\n", argv[i],
		       priority);
	}
	return store_commit(&u, load);
}

static int cmd_list(int argc, char *argv[])
{
	struct wd_store all;
	unsigned int i;

	wd_options_help_only(argc, argv, usage);
	if (wd_store_scan(store_dir, &all))
		return WD_EXIT_FAIL;
	wd_store_in_force(&all);
	for (i = 0; i < all.nr; i++)
		printf("%s %u\n", all.e[i].name, all.e[i].priority);
	wd_store_free(&all);
	return WD_EXIT_OK;
}

static int cmd_load(int argc, char *argv[])
{
	wd_options_help_only(argc, argv, usage);
	return store_load() ? WD_EXIT_FAIL : WD_EXIT_OK;
}

int main(int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "store", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const struct {
		const char *name;
		int (*run)(int argc, char *argv[]);
	} cmds[] = {
		{ "build", cmd_build }, { "check", cmd_check },
		{ "install", cmd_install }, { "remove", cmd_remove },
		{ "list", cmd_list }, { "load", cmd_load },
	};
	unsigned int i;
	int c;

	store_dir = wd_store_dir();
	/* "+": options up to the command are warden-module's own. */
	while ((c = getopt_long(argc, argv, "+:h", opts, NULL)) != -1) {
		switch (c) {
		case 's':
			store_dir = optarg;
			break;
		case 'h':
			usage(stdout);
			return WD_EXIT_OK;
		default:
			wd_bad_option(c, argv);
		}
	}
	if (optind == argc)
		wd_usage_error("which command? (build, check, install, remove, list, load)");
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		if (strcmp(argv[optind], cmds[i].name))
			continue;
		argv += optind;
		argc -= optind;
		optind = 0;	/* glibc: start afresh on the command's words */
		return cmds[i].run(argc, argv);
	}
	wd_usage_error("unknown command '%s'", argv[optind]);
}
