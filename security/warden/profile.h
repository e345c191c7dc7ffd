/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - profiles.
 *
 * A profile says, for every operation Warden mediates, whether requests
 * are ignored, learned, allowed with a complaint or rejected, and whether
 * grants and rejections are logged.  Domains name the profile they use.
 */

#ifndef _SECURITY_WARDEN_PROFILE_H
#define _SECURITY_WARDEN_PROFILE_H

#include <linux/rcupdate.h>
#include <linux/seq_file.h>
#include <linux/types.h>

#define WARDEN_MAX_PROFILES 256
#define WARDEN_PROFILE_VERSION 20150505

/**
 * enum warden_mode - what a profile does with a request the policy lacks
 * @WARDEN_MODE_DISABLED: nothing; the hook returns at once.
 * @WARDEN_MODE_LEARNING: allow it and add it to the domain's policy.
 * @WARDEN_MODE_PERMISSIVE: allow it, count and log the violation.
 * @WARDEN_MODE_ENFORCING: reject it.
 * @WARDEN_NR_MODES: number of modes.
 */
enum warden_mode {
	WARDEN_MODE_DISABLED,
	WARDEN_MODE_LEARNING,
	WARDEN_MODE_PERMISSIVE,
	WARDEN_MODE_ENFORCING,
	WARDEN_NR_MODES,
};

/*
 * The operations a profile configures, in TOMOYO's order, which is also
 * the order the profile file prints them in.
 */
enum warden_op {
	WARDEN_OP_FILE_EXECUTE,
	WARDEN_OP_FILE_OPEN,
	WARDEN_OP_FILE_CREATE,
	WARDEN_OP_FILE_UNLINK,
	WARDEN_OP_FILE_GETATTR,
	WARDEN_OP_FILE_MKDIR,
	WARDEN_OP_FILE_RMDIR,
	WARDEN_OP_FILE_MKFIFO,
	WARDEN_OP_FILE_MKSOCK,
	WARDEN_OP_FILE_TRUNCATE,
	WARDEN_OP_FILE_SYMLINK,
	WARDEN_OP_FILE_MKBLOCK,
	WARDEN_OP_FILE_MKCHAR,
	WARDEN_OP_FILE_LINK,
	WARDEN_OP_FILE_RENAME,
	WARDEN_OP_FILE_CHMOD,
	WARDEN_OP_FILE_CHOWN,
	WARDEN_OP_FILE_CHGRP,
	WARDEN_OP_FILE_IOCTL,
	WARDEN_OP_FILE_CHROOT,
	WARDEN_OP_FILE_MOUNT,
	WARDEN_OP_FILE_UNMOUNT,
	WARDEN_OP_FILE_PIVOT_ROOT,
	WARDEN_OP_INET_STREAM_BIND,
	WARDEN_OP_INET_STREAM_LISTEN,
	WARDEN_OP_INET_STREAM_CONNECT,
	WARDEN_OP_INET_DGRAM_BIND,
	WARDEN_OP_INET_DGRAM_SEND,
	WARDEN_OP_INET_RAW_BIND,
	WARDEN_OP_INET_RAW_SEND,
	WARDEN_OP_UNIX_STREAM_BIND,
	WARDEN_OP_UNIX_STREAM_LISTEN,
	WARDEN_OP_UNIX_STREAM_CONNECT,
	WARDEN_OP_UNIX_DGRAM_BIND,
	WARDEN_OP_UNIX_DGRAM_SEND,
	WARDEN_OP_UNIX_SEQPACKET_BIND,
	WARDEN_OP_UNIX_SEQPACKET_LISTEN,
	WARDEN_OP_UNIX_SEQPACKET_CONNECT,
	WARDEN_OP_MISC_ENV,
	/* Warden's extensions, disabled unless configured by name. */
	WARDEN_OP_INET_STREAM_ACCEPT,
	WARDEN_OP_UNIX_STREAM_ACCEPT,
	WARDEN_OP_UNIX_SEQPACKET_ACCEPT,
	WARDEN_NR_OPS,
};

/* The first operation TOMOYO 2.6 does not have. */
#define WARDEN_FIRST_EXTENSION_OP WARDEN_OP_INET_STREAM_ACCEPT

/**
 * enum warden_category - groups of operations configurable as a whole
 * @WARDEN_CATEGORY_FILE: the file operations.
 * @WARDEN_CATEGORY_NETWORK: the socket operations.
 * @WARDEN_CATEGORY_MISC: environment variables.
 * @WARDEN_NR_CATEGORIES: number of categories.
 */
enum warden_category {
	WARDEN_CATEGORY_FILE,
	WARDEN_CATEGORY_NETWORK,
	WARDEN_CATEGORY_MISC,
	WARDEN_NR_CATEGORIES,
};

/**
 * enum warden_pref - the numbers of a profile's PREFERENCE line
 * @WARDEN_PREF_MAX_AUDIT_LOG: audit records kept for a reader.
 * @WARDEN_PREF_MAX_LEARNING_ENTRY: ACL entries learning may add to a domain.
 * @WARDEN_PREF_QUERY_TIMEOUT: seconds a rejected request waits for a
 *                             supervisor's answer; Warden's addition.
 * @WARDEN_PREF_QUIET_LOG: 1 to log, mark and query the denials quiet rules
 *                         cover, for debugging; 0, the default, to keep
 *                         them quiet.  Written "quiet_log=yes" or "no";
 *                         Warden's addition.
 * @WARDEN_NR_PREFS: number of preferences.
 */
enum warden_pref {
	WARDEN_PREF_MAX_AUDIT_LOG,
	WARDEN_PREF_MAX_LEARNING_ENTRY,
	WARDEN_PREF_QUERY_TIMEOUT,
	WARDEN_PREF_QUIET_LOG,
	WARDEN_NR_PREFS,
};

extern const char *const warden_mode_names[WARDEN_NR_MODES];

/* A config byte: an enum warden_mode in the low bits and two log flags. */
#define WARDEN_CONFIG_MODE_MASK 0x03
#define WARDEN_CONFIG_GRANT_LOG 0x40
#define WARDEN_CONFIG_REJECT_LOG 0x80
/* An operation or category that follows the level above it. */
#define WARDEN_CONFIG_USE_DEFAULT 0xff

/**
 * struct warden_profile - one numbered profile
 * @rcu: frees a replaced profile after readers are done with it.
 * @default_config: the config of everything not configured below.
 * @config: per operation, then per category; %WARDEN_CONFIG_USE_DEFAULT
 *          where the level above decides.
 * @pref: the PREFERENCE numbers.
 * @comment: the COMMENT text, printable ASCII.
 *
 * A profile is never changed once published: a write builds a changed
 * copy and replaces it, so a reader sees one consistent profile.
 */
struct warden_profile {
	struct rcu_head rcu;
	u8 default_config;
	u8 config[WARDEN_NR_OPS + WARDEN_NR_CATEGORIES];
	unsigned int pref[WARDEN_NR_PREFS];
	char comment[];
};

/**
 * struct warden_profile_set - the profiles of a policy namespace
 * @version: the PROFILE_VERSION written by the administrator.
 * @profile: the defined profiles, %NULL where undefined.
 */
struct warden_profile_set {
	unsigned int version;
	struct warden_profile __rcu *profile[WARDEN_MAX_PROFILES];
};

int warden_profile_write(struct warden_profile_set *set, char *line,
			 const char **reason);
void warden_profile_show(struct seq_file *m,
			 const struct warden_profile_set *set, const char *prefix);
void warden_profile_set_clear(struct warden_profile_set *set);
u8 warden_profile_config(const struct warden_profile *profile,
			 enum warden_op op);
struct warden_profile *
warden_profile_get_locked(const struct warden_profile_set *set,
			  unsigned int index);

#ifdef CONFIG_SECURITY_WARDEN_KUNIT_TEST
const char *warden_test_profile_corpus(size_t i);
#endif

#endif /* _SECURITY_WARDEN_PROFILE_H */
