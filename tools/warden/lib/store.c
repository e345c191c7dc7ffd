// SPDX-License-Identifier: GPL-2.0-only
/*
 * The store of installed policy modules; see store.h.
 */

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "io.h"
#include "store.h"
#include "util.h"

const char *wd_store_dir(void)
{
	const char *dir = getenv("WARDEN_MODULE_STORE");

	return dir && *dir ? dir : WD_DEFAULT_STORE;
}

/* A priority directory's name: 1-999 in plain decimal, else 0. */
static unsigned int priority_of(const char *name)
{
	unsigned int p;

	if (name[0] == '0' || wd_parse_uint(name, WD_MAX_PRIORITY, &p))
		return 0;
	return p;
}

static int entry_cmp(const void *a, const void *b)
{
	const struct wd_store_entry *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	return c ? c : (int)y->priority - (int)x->priority;
}

int wd_store_scan(const char *dir, struct wd_store *all)
{
	DIR *top = opendir(dir), *d;
	struct dirent *p, *f;

	memset(all, 0, sizeof(*all));
	if (!top) {
		if (errno == ENOENT)
			return 0;
		wd_perror(dir);
		return -1;
	}
	while ((p = readdir(top))) {
		unsigned int prio = priority_of(p->d_name);
		char *sub;

		if (!prio)
			continue;
		sub = wd_path(dir, p->d_name);
		d = opendir(sub);
		free(sub);
		while (d && (f = readdir(d))) {
			size_t len = strlen(f->d_name);

			if (len <= 4 || strcmp(f->d_name + len - 4, ".pol") ||
			    f->d_name[0] == '.')
				continue;
			all->e = wd_xrealloc(all->e, (all->nr + 1) *
					     sizeof(*all->e));
			all->e[all->nr].name = wd_xstrndup(f->d_name, len - 4);
			all->e[all->nr].priority = prio;
			all->nr++;
		}
		if (d)
			closedir(d);
	}
	closedir(top);
	qsort(all->e, all->nr, sizeof(*all->e), entry_cmp);
	return 0;
}

void wd_store_in_force(struct wd_store *all)
{
	unsigned int i, n = 0;

	for (i = 0; i < all->nr; i++) {
		if (n && !strcmp(all->e[n - 1].name, all->e[i].name)) {
			free(all->e[i].name);
			continue;
		}
		all->e[n++] = all->e[i];
	}
	all->nr = n;
}

char *wd_store_file(const char *dir, unsigned int priority, const char *name,
		    const char *ext)
{
	return wd_xasprintf("%s/%u/%s%s", dir, priority, name, ext);
}

void wd_store_free(struct wd_store *all)
{
	while (all->nr)
		free(all->e[--all->nr].name);
	free(all->e);
	all->e = NULL;
}
