// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - domain lifetime.
 *
 * The root domain is static and lives for ever; every other domain keeps
 * its parent alive, so a domain's name prefix and ancestry stay valid for
 * as long as any credential refers to it.
 */

#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "domain.h"
#include "pattern.h"

/* The root of the domain tree, named "<kernel>"; it is never freed. */
struct warden_domain warden_kernel_domain = {
	.usage = REFCOUNT_INIT(1),
	.name = WARDEN_ROOT_DOMAINNAME,
};

/**
 * warden_domain_put - drop a reference on a domain
 * @domain: the domain, or %NULL
 *
 * The last reference frees the domain after an RCU grace period and drops
 * the reference it held on its parent.  The root never reaches zero: its
 * initial reference is never released.
 */
void warden_domain_put(struct warden_domain *domain)
{
	while (domain && refcount_dec_and_test(&domain->usage)) {
		struct warden_domain *parent = domain->parent;

		if (WARN_ON_ONCE(!parent))
			return;
		/*
		 * Iterate rather than recurse: a long exec chain must not
		 * turn into a deep kernel stack when its leaf goes away.
		 */
		kfree_rcu(domain, rcu);
		domain = parent;
	}
}

/**
 * warden_domain_new_child - allocate the domain entered by an exec
 * @parent: the domain the exec happens in; the child takes a reference.
 * @program: the pathname of the executed program.
 * @gfp: allocation flags.
 *
 * Return: the new domain with one reference, or %NULL when out of memory.
 */
struct warden_domain *warden_domain_new_child(struct warden_domain *parent,
					      const char *program, gfp_t gfp)
{
	size_t parent_len = strlen(parent->name);
	size_t program_len = strlen(program);
	struct warden_domain *domain;

	domain = kmalloc(struct_size(domain, name,
				     parent_len + 1 + program_len + 1), gfp);
	if (!domain)
		return NULL;
	refcount_set(&domain->usage, 1);
	domain->parent = warden_domain_get(parent);
	memcpy(domain->name, parent->name, parent_len);
	domain->name[parent_len] = ' ';
	memcpy(domain->name + parent_len + 1, program, program_len + 1);
	return domain;
}

/*
 * Whether @word, the first word of a domainname, names a namespace:
 * "<kernel>" or another "<...>" made of printable characters.
 */
static bool warden_namespace_word_valid(const char *word, size_t len)
{
	size_t i;

	if (len < 3 || word[0] != '<' || word[len - 1] != '>')
		return false;
	for (i = 1; i < len - 1; i++)
		if (word[i] <= ' ' || word[i] > '~' || word[i] == '<' ||
		    word[i] == '>')
			return false;
	return true;
}

/**
 * warden_domainname_check - check the syntax of a domainname
 * @name: e.g. "<kernel> /usr/sbin/httpd /bin/sh".
 *
 * A domainname is a namespace word followed by absolute program
 * pathnames in TOMOYO's encoding, without wildcards, one space apart.
 *
 * Return: 0 if @name is a well-formed domainname, -EINVAL if not, -ENOMEM
 * if there was no memory to check it.
 */
int warden_domainname_check(const char *name)
{
	char *copy, *cursor, *word;
	int err = 0;

	cursor = strchr(name, ' ');
	if (!warden_namespace_word_valid(name, cursor ? cursor - name :
						      strlen(name)))
		return -EINVAL;
	if (!cursor)
		return 0;
	copy = kstrdup(cursor + 1, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	cursor = copy;
	while (!err && (word = strsep(&cursor, " ")))
		if (word[0] != '/' || warden_word_check(word, false))
			err = -EINVAL;
	kfree(copy);
	return err;
}

#ifdef CONFIG_SECURITY_WARDEN_KUNIT_TEST

#include <kunit/test.h>

static void test_root_domain_is_named_kernel(struct kunit *const test)
{
	KUNIT_EXPECT_STREQ(test, warden_kernel_domain.name, "<kernel>");
	KUNIT_EXPECT_NULL(test, warden_kernel_domain.parent);
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
	KUNIT_EXPECT_PTR_EQ(test, sh->parent, httpd);
	warden_domain_put(httpd);
	warden_domain_put(sh);
}

static void test_child_pins_parent_until_released(struct kunit *const test)
{
	unsigned int root_before = refcount_read(&warden_kernel_domain.usage);
	struct warden_domain *child;

	child = warden_domain_new_child(&warden_kernel_domain, "/sbin/init",
					GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, child);
	KUNIT_EXPECT_EQ(test, refcount_read(&warden_kernel_domain.usage),
			root_before + 1);
	KUNIT_EXPECT_EQ(test, refcount_read(&child->usage), 1);
	warden_domain_put(child);
	KUNIT_EXPECT_EQ(test, refcount_read(&warden_kernel_domain.usage),
			root_before);
}

static void test_chain_release_drops_every_ancestor(struct kunit *const test)
{
	unsigned int root_before = refcount_read(&warden_kernel_domain.usage);
	struct warden_domain *leaf = warden_domain_get(&warden_kernel_domain);
	int i;

	for (i = 0; i < 64; i++) {
		struct warden_domain *next;

		next = warden_domain_new_child(leaf, "/bin/sh", GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, next);
		/* The chain now holds @leaf through @next alone. */
		warden_domain_put(leaf);
		leaf = next;
	}
	KUNIT_EXPECT_EQ(test, strlen(leaf->name),
			strlen(WARDEN_ROOT_DOMAINNAME) + 64 * strlen(" /bin/sh"));
	warden_domain_put(leaf);
	KUNIT_EXPECT_EQ(test, refcount_read(&warden_kernel_domain.usage),
			root_before);
}

static void test_domainname_syntax(struct kunit *const test)
{
	static const char *const valid[] = {
		"<kernel>",
		"<kernel> /sbin/init",
		"<kernel> /usr/sbin/httpd /bin/sh",
		"<apache> /usr/sbin/httpd",
		"<kernel> /etc/rc.d/init.d/postgresql /sbin/runuser /bin/bash",
		"<kernel> /opt/my\\040app",
		"<kernel> /opt/back\\\\slash",
	};
	static const char *const invalid[] = {
		"",
		"kernel",
		"<kernel",
		"<>",
		"<ker nel> /bin/sh",
		"<kernel>  /bin/sh",
		"<kernel> /bin/sh ",
		"<kernel> bin/sh",
		"<kernel> /bin/\\*",
		"<kernel> /bin/\\$",
		"<kernel> /bin/\\q",
		"<kernel> /bin/\\101",
		"<kernel> /opt/my app",
		" <kernel>",
		"<kernel>\t/bin/sh",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(valid); i++)
		KUNIT_EXPECT_EQ_MSG(test, warden_domainname_check(valid[i]), 0,
				    "\"%s\"", valid[i]);
	for (i = 0; i < ARRAY_SIZE(invalid); i++)
		KUNIT_EXPECT_EQ_MSG(test, warden_domainname_check(invalid[i]),
				    -EINVAL, "\"%s\"", invalid[i]);
}

static struct kunit_case warden_domain_test_cases[] = {
	KUNIT_CASE(test_root_domain_is_named_kernel),
	KUNIT_CASE(test_root_domain_get_put_is_balanced),
	KUNIT_CASE(test_child_name_appends_program),
	KUNIT_CASE(test_child_pins_parent_until_released),
	KUNIT_CASE(test_chain_release_drops_every_ancestor),
	KUNIT_CASE(test_domainname_syntax),
	{}
};

static struct kunit_suite warden_domain_test_suite = {
	.name = "warden_domain",
	.test_cases = warden_domain_test_cases,
};

kunit_test_suite(warden_domain_test_suite);

#endif /* CONFIG_SECURITY_WARDEN_KUNIT_TEST */
