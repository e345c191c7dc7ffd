/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - fixture helpers the KUnit suites share: writing one policy
 * line under the policy lock, printing into a test's buffer and freeing
 * an exception policy.  Every suite writes its lines the way the policy
 * files would, so the locking is written once, here.
 */

#ifndef _SECURITY_WARDEN_TESTS_KUNIT_UTIL_H
#define _SECURITY_WARDEN_TESTS_KUNIT_UTIL_H

#include <linux/types.h>

struct kunit;
struct seq_file;
struct warden_acl_set;
struct warden_exception_policy;
struct warden_netacl_set;
struct warden_policy;

void warden_test_seq_buf(struct kunit *test, struct seq_file *m,
			 size_t size);
int warden_test_exception_line(struct warden_exception_policy *e,
			       const char *text);
int warden_test_acl_line(struct warden_acl_set *set,
			 struct warden_exception_policy *e, const char *text,
			 bool is_delete);
int warden_test_netacl_line(struct warden_netacl_set *set,
			    struct warden_exception_policy *e,
			    const char *text, bool is_delete);
char *warden_test_exception_print(struct kunit *test,
				  struct warden_exception_policy *e);
void warden_test_exception_free(struct warden_exception_policy *e);
/* In policy_kunit.c, with the policy document it prints. */
char *warden_test_policy_print(struct kunit *test,
			       struct warden_policy *policy);

#endif /* _SECURITY_WARDEN_TESTS_KUNIT_UTIL_H */
