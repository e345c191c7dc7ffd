/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - the file hooks, the check of one pathname that the exec
 * hooks share with them, and the requests the mount hooks build with them.
 */

#ifndef _SECURITY_WARDEN_FILE_H
#define _SECURITY_WARDEN_FILE_H

#include <linux/init.h>
#include <linux/path.h>

#include "acl.h"
#include "check.h"
#include "cond.h"
#include "profile.h"
#include "realpath.h"

struct warden_domain;

/**
 * struct warden_hook_request - a request being put together by a hook
 * @req: the request.
 * @ctx: what its conditions read: the files of "path1" and "path2", ...
 * @name: the names built for its words, released with the request.
 * @nr_names: how many words it has.
 *
 * The file and mount hooks fill one with warden_hook_add_path() and
 * warden_hook_add_word() in the order of the entry's words, set its
 * numbers, and hand it to warden_hook_decide().
 */
struct warden_hook_request {
	struct warden_request req;
	struct warden_cond_ctx ctx;
	struct warden_name name[WARDEN_ACL_MAX_WORDS];
	unsigned int nr_names;
};

int warden_hook_add_path(struct warden_hook_request *hr,
			 const struct path *path, bool is_dir);
int warden_hook_add_word(struct warden_hook_request *hr, const char *word);
int warden_hook_decide(struct warden_hook_request *hr,
		       struct warden_request_ctx *rctx, int err);
int warden_path_perm(const struct warden_domain *domain, enum warden_op op,
		     enum warden_path_op path_op, const struct path *path);
void __init warden_add_file_hooks(void);

#endif /* _SECURITY_WARDEN_FILE_H */
