/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - the exception policy: transition controls, aggregators,
 * groups of pathnames, numbers and addresses, and ACL groups.
 *
 * These are the lines of TOMOYO 2.6's exception_policy file; Warden also
 * accepts ACL groups named by a word, not only numbered 0 to 255.
 */

#ifndef _SECURITY_WARDEN_EXCEPTION_H
#define _SECURITY_WARDEN_EXCEPTION_H

#include <linux/seq_file.h>

#include "group.h"

void warden_exception_init(struct warden_exception_policy *exception);
void warden_exception_clear(struct warden_exception_policy *exception);
int warden_exception_write(struct warden_exception_policy *exception,
			   char *line, const char **reason);
void warden_exception_show(struct seq_file *m,
			   const struct warden_exception_policy *exception,
			   const char *prefix, bool transition_only);

#ifdef CONFIG_SECURITY_WARDEN_KUNIT_TEST
struct kunit;
void warden_test_exception_load(struct kunit *test,
				struct warden_exception_policy *e,
				const char *const *lines, size_t n);
const char *warden_test_exception_corpus(size_t i);
#endif

#endif /* _SECURITY_WARDEN_EXCEPTION_H */
