// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - KUnit tests of the domain tree: the root domain, the
 * names of child domains, sharing and releasing, and domainname syntax.
 */

#include "../common.h"
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/refcount.h>
#include <linux/sprintf.h>
#include <linux/string.h>

#include "../domain.h"
#include "../value.h"

static void test_root_domain_is_named_kernel(struct kunit *const test)
{
	KUNIT_EXPECT_STREQ(test, warden_kernel_domain.name, "<kernel>");
	KUNIT_EXPECT_EQ(test, warden_kernel_domain.hash,
			warden_domainname_hash("<kernel>"));
}

static void test_root_domain_get_put_is_balanced(struct kunit *const test)
{
	unsigned int before = refcount_read(&warden_kernel_domain.usage);

	KUNIT_EXPECT_PTR_EQ(test, warden_domain_get(&warden_kernel_domain),
			    &warden_kernel_domain);
	KUNIT_EXPECT_EQ(test, refcount_read(&warden_kernel_domain.usage),
			before + 1);
	warden_domain_put(&warden_kernel_domain);
	KUNIT_EXPECT_EQ(test, refcount_read(&warden_kernel_domain.usage),
			before);
}

static void test_child_name_appends_program(struct kunit *const test)
{
	struct warden_domain *httpd, *sh;

	httpd = warden_domain_new_child(&warden_kernel_domain,
					"/usr/sbin/httpd", GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, httpd);
	sh = warden_domain_new_child(httpd, "/bin/sh", GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, sh);
	KUNIT_EXPECT_STREQ(test, httpd->name, "<kernel> /usr/sbin/httpd");
	KUNIT_EXPECT_STREQ(test, sh->name, "<kernel> /usr/sbin/httpd /bin/sh");
	warden_domain_put(httpd);
	warden_domain_put(sh);
}

static void test_same_name_shares_one_domain(struct kunit *const test)
{
	struct warden_domain *a, *b, *c;

	a = warden_domain_new_child(&warden_kernel_domain, "/sbin/init",
				    GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	b = warden_domain_lookup("<kernel> /sbin/init", GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_PTR_EQ(test, a, b);
	KUNIT_EXPECT_EQ(test, refcount_read(&a->usage), 2);
	warden_domain_put(b);
	KUNIT_EXPECT_EQ(test, refcount_read(&a->usage), 1);
	c = warden_domain_lookup("<kernel>", GFP_KERNEL);
	KUNIT_EXPECT_PTR_EQ(test, c, &warden_kernel_domain);
	warden_domain_put(c);
	warden_domain_put(a);
}

static void test_released_domain_is_created_anew(struct kunit *const test)
{
	struct warden_domain *a;
	int i;

	/* Each round frees the domain; the next finds no stale node. */
	for (i = 0; i < 64; i++) {
		a = warden_domain_lookup("<kernel> /bin/sh", GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, a);
		KUNIT_EXPECT_EQ(test, refcount_read(&a->usage), 1);
		KUNIT_EXPECT_STREQ(test, a->name, "<kernel> /bin/sh");
		warden_domain_put(a);
	}
}

struct warden_domainname_case {
	const char *name;
	int expected;
};

static const struct warden_domainname_case warden_domainname_cases[] = {
	{ "<kernel>", 0 },
	{ "<kernel> /sbin/init", 0 },
	{ "<kernel> /usr/sbin/httpd /bin/sh", 0 },
	{ "<apache> /usr/sbin/httpd", 0 },
	{ "<kernel> /etc/rc.d/init.d/postgresql /sbin/runuser /bin/bash", 0 },
	{ "<kernel> /opt/my\\040app", 0 },
	{ "<kernel> /opt/back\\\\slash", 0 },
	/* busybox's shell runs its applets as /proc/self/exe. */
	{ "<kernel> /bin/busybox proc:/self/exe", 0 },
	{ "<kernel> dev(8,1):/sbin/init", 0 },
	{ "", -EINVAL },
	{ "kernel", -EINVAL },
	{ "<kernel", -EINVAL },
	{ "<>", -EINVAL },
	{ "<ker nel> /bin/sh", -EINVAL },
	{ "<kernel>  /bin/sh", -EINVAL },
	{ "<kernel> /bin/sh ", -EINVAL },
	{ "<kernel> bin/sh", -EINVAL },
	{ "<kernel> :/bin/sh", -EINVAL },
	{ "<kernel> proc/self/exe", -EINVAL },
	{ "<kernel> proc:/self/\\*", -EINVAL },
	{ "<kernel> /bin/\\*", -EINVAL },
	{ "<kernel> /bin/\\$", -EINVAL },
	{ "<kernel> /bin/\\q", -EINVAL },
	{ "<kernel> /bin/\\101", -EINVAL },
	{ "<kernel> /opt/my app", -EINVAL },
	{ " <kernel>", -EINVAL },
	{ "<kernel>\t/bin/sh", -EINVAL },
};

static void warden_domainname_case_desc(const struct warden_domainname_case *c,
					char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "\"%s\" is %s", c->name,
		 c->expected ? "refused" : "accepted");
	/* KUnit prints the description on a TAP line: keep it one line. */
	strreplace(desc, '\t', ' ');
}

KUNIT_ARRAY_PARAM(warden_domainname, warden_domainname_cases,
		  warden_domainname_case_desc);

static void test_domainname_syntax(struct kunit *const test)
{
	const struct warden_domainname_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, warden_domainname_check(c->name), c->expected);
}

static struct kunit_case warden_domain_test_cases[] = {
	KUNIT_CASE(test_root_domain_is_named_kernel),
	KUNIT_CASE(test_root_domain_get_put_is_balanced),
	KUNIT_CASE(test_child_name_appends_program),
	KUNIT_CASE(test_same_name_shares_one_domain),
	KUNIT_CASE(test_released_domain_is_created_anew),
	KUNIT_CASE_PARAM(test_domainname_syntax,
			 warden_domainname_gen_params),
	{}
};

static struct kunit_suite warden_domain_test_suite = {
	.name = "warden_domain",
	.test_cases = warden_domain_test_cases,
};

kunit_test_suite(warden_domain_test_suite);
