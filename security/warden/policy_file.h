/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - the policy files of securityfs, for the directory that
 * holds them (securityfs.c).
 */

#ifndef _SECURITY_WARDEN_POLICY_FILE_H
#define _SECURITY_WARDEN_POLICY_FILE_H

#include <linux/fs.h>

struct warden_policy_file;

/* The files written line by line, and the whole-policy document. */
extern const struct file_operations warden_policy_file_fops;
extern const struct file_operations warden_document_fops;

/* What each policy file is: the inode's private data of its fops. */
extern const struct warden_policy_file warden_profile_file;
extern const struct warden_policy_file warden_manager_file;
extern const struct warden_policy_file warden_document_file;
extern const struct warden_policy_file warden_exception_file;
extern const struct warden_policy_file warden_domain_policy_file;

#endif /* _SECURITY_WARDEN_POLICY_FILE_H */
