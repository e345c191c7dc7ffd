/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Where the tools find the kernel: the interface directory
 * (/sys/kernel/security/warden, or $WARDEN_DIR) and the saved policy
 * (/etc/warden/policy, or $WARDEN_POLICY_DIR).  Either variable may name
 * any directory laid out the same way (the host tests' trees do); the
 * tools do not tell the difference.
 */

#ifndef WARDEN_TOOLS_IFACE_H
#define WARDEN_TOOLS_IFACE_H

#define WD_DEFAULT_DIR		"/sys/kernel/security/warden"
#define WD_DEFAULT_POLICY_DIR	"/etc/warden/policy"

/* The interface directory: $WARDEN_DIR, else WD_DEFAULT_DIR. */
const char *wd_iface_dir(void);
/* The saved-policy base directory: $WARDEN_POLICY_DIR, else the default. */
const char *wd_policy_dir(void);
/* "<interface dir>/<name>", malloc'd. */
char *wd_iface_path(const char *name);
/*
 * Open one file of the interface; on failure say which and why
 * ("prog: /sys/.../query: No such file or directory") and return -1.
 */
int wd_iface_open(const char *name, int flags);

#endif /* WARDEN_TOOLS_IFACE_H */
