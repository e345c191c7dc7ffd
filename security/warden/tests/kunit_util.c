// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - fixture helpers the KUnit suites share.  Each writes or
 * reads a piece of policy exactly as the policy files do, under the
 * policy lock, so that no suite repeats the locking and copying.
 */

#include "../common.h"

#include <kunit/test.h>
#include <linux/mutex.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

#include "../acl.h"
#include "../exception.h"
#include "../netacl.h"
#include "../policy.h"
#include "kunit_util.h"

/**
 * warden_test_seq_buf - give a seq_file a zeroed buffer the test owns
 * @test: the test; it fails if the buffer cannot be allocated.
 * @m: the seq_file to print into, zero-initialised by the caller.
 * @size: the buffer's size in bytes.
 *
 * The buffer is freed with the test, and it stays NUL-terminated while
 * less than @size bytes are printed, so it reads as a string.
 */
void warden_test_seq_buf(struct kunit *test, struct seq_file *m, size_t size)
{
	m->size = size;
	m->buf = kunit_kzalloc(test, size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m->buf);
}

/*
 * Write one line as the policy files do: copied, since the parsers cut
 * it up, and under the policy lock.  A line goes to @acls or @netacls if
 * given, else it is an exception policy line of @e.
 */
static int warden_test_write_line(struct warden_exception_policy *e,
				  struct warden_acl_set *acls,
				  struct warden_netacl_set *netacls,
				  const char *text, bool is_delete)
{
	char *line = kstrdup(text, GFP_KERNEL);
	const char *reason;
	int err;

	if (!line)
		return -ENOMEM;
	warden_policy_write_lock();
	if (acls)
		err = warden_acl_write(acls, e, line, is_delete, &reason);
	else if (netacls)
		err = warden_netacl_write(netacls, e, line, is_delete, &reason);
	else
		err = warden_exception_write(e, line, &reason);
	warden_policy_write_unlock();
	kfree(line);
	return err;
}

/**
 * warden_test_exception_line - write one exception policy line
 * @e: the exception policy written to.
 * @text: the line, without its newline; it is copied, as a write would.
 *
 * Return: what warden_exception_write() returns, or -ENOMEM.
 */
int warden_test_exception_line(struct warden_exception_policy *e,
			       const char *text)
{
	return warden_test_write_line(e, NULL, NULL, text, false);
}

/**
 * warden_test_acl_line - write or delete one file line in an ACL set
 * @set: the set written to.
 * @e: the exception policy whose groups "@group" words name, or %NULL.
 * @text: the line after "file "; it is copied, as a write would.
 * @is_delete: delete the entry instead of adding it.
 *
 * Return: what warden_acl_write() returns, or -ENOMEM.
 */
int warden_test_acl_line(struct warden_acl_set *set,
			 struct warden_exception_policy *e, const char *text,
			 bool is_delete)
{
	return warden_test_write_line(e, set, NULL, text, is_delete);
}

/**
 * warden_test_netacl_line - write or delete one network, misc or task line
 * @set: the set written to.
 * @e: the exception policy whose groups "@group" words name.
 * @text: the whole line; it is copied, as a write would.
 * @is_delete: delete the entry instead of adding it.
 *
 * Return: what warden_netacl_write() returns, or -ENOMEM.
 */
int warden_test_netacl_line(struct warden_netacl_set *set,
			    struct warden_exception_policy *e,
			    const char *text, bool is_delete)
{
	return warden_test_write_line(e, NULL, set, text, is_delete);
}

/**
 * warden_test_exception_print - print an exception policy as its file does
 * @test: the test; it owns the returned buffer.
 * @e: the exception policy printed.
 *
 * Return: the printed text, NUL-terminated.
 */
char *warden_test_exception_print(struct kunit *test,
				  struct warden_exception_policy *e)
{
	struct seq_file m = {};

	warden_test_seq_buf(test, &m, 8192);
	warden_policy_write_lock();
	warden_exception_show(&m, e, "", false);
	warden_policy_write_unlock();
	return m.buf;
}

/**
 * warden_test_exception_free - free what an exception policy holds
 * @e: the exception policy; it is left empty and may be written again.
 */
void warden_test_exception_free(struct warden_exception_policy *e)
{
	warden_policy_write_lock();
	warden_exception_clear(e);
	warden_policy_write_unlock();
}
