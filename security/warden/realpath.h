/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - the pathnames requests are checked against.
 *
 * A pathname is built the way TOMOYO names objects, so that policies
 * written for TOMOYO match: absolute from the root of the mount namespace,
 * directories ending in '/', pseudo filesystems as "proc:/self/status" or
 * "pipe:[1234]", and every byte that is not printable ASCII, the space
 * and the backslash escaped.
 */

#ifndef _SECURITY_WARDEN_REALPATH_H
#define _SECURITY_WARDEN_REALPATH_H

#include <linux/path.h>
#include <linux/types.h>

/**
 * struct warden_name - a pathname built for a check
 * @buf: a page from the names cache the pathname was built in.
 * @encoded: the pathname with escapes, when it needed any; else %NULL.
 * @name: the encoded pathname: inside @buf, or @encoded.
 */
struct warden_name {
	char *buf;
	char *encoded;
	const char *name;
};

size_t warden_encoded_len(const char *raw, size_t len);
void warden_encode(char *out, const char *raw, size_t len);
int warden_name_build(const struct path *path, bool is_dir,
		      struct warden_name *out);
int warden_name_build_within(const struct path *path, const struct path *root,
			     bool is_dir, struct warden_name *out);
void warden_name_put(struct warden_name *name);

#endif /* _SECURITY_WARDEN_REALPATH_H */
