// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - a seeded mutation fuzzer over the policy parser, in KUnit.
 *
 * It drives the very line and document parsers the policy files use
 * (document.c makes them visible to KUnit), on a policy of its own that
 * no reader sees.  Every input must parse, or be refused with -EINVAL,
 * -ENOENT (a delete of what is not there) or, while a policy quota is
 * set, -ENOMEM; a refused input must leave the policy, as printed, and
 * the policy memory count byte for byte as they were.
 * The inputs are mutations of the valid lines of the other suites' tables
 * and random bytes.  The seed is printed; warden.fuzz_seed=N on the
 * kernel command line replays a run.
 */

#include "../common.h"
#include <kunit/test.h>
#include <linux/ctype.h>
#include <linux/err.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/prandom.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

#include "../acl.h"
#include "../document.h"
#include "../exception.h"
#include "../netacl.h"
#include "../policy.h"
#include "../profile.h"
#include "../stat.h"
#include "../value.h"

static unsigned long warden_fuzz_seed = 20261129;
module_param_named(fuzz_seed, warden_fuzz_seed, ulong, 0444);
MODULE_PARM_DESC(fuzz_seed, "Seed of the KUnit policy parser fuzzer");

/* Longer than any valid line; mutations stop growing a line here. */
#define WARDEN_FUZZ_LINE_MAX 16384
/* Room for the policy the fuzzer builds between two resets, printed. */
#define WARDEN_FUZZ_DUMP_SIZE (512 * 1024)
/* Inputs applied to one policy before it is checked and replaced. */
#define WARDEN_FUZZ_BATCH 64

/**
 * struct warden_fuzz - one fuzzing run
 * @test: the test, failed at the first wrong answer.
 * @rnd: the seeded generator.
 * @policy: the policy the inputs apply to.
 * @selected: the domain a "domain_policy" writer has selected.
 * @line: the input being built.
 * @len: its length.
 * @input: a copy of the input, for the message when it is answered wrongly.
 * @dump: the policy as printed before the input.
 * @dump_len: its length.
 * @after: the policy as printed after the input.
 * @base: the policy memory count with no fuzzer policy.
 * @used: the policy memory count before the input.
 * @quota: a policy quota is set, so -ENOMEM is a right answer.
 * @inputs: inputs tried.
 * @accepted: inputs that applied.
 * @refused: inputs refused, by -EINVAL, -ENOENT and -ENOMEM.
 * @documents: whole documents tried.
 * @failed: a check failed; the run stops.
 */
struct warden_fuzz {
	struct kunit *test;
	struct rnd_state rnd;
	struct warden_policy *policy;
	char *selected;
	char *line;
	size_t len;
	char *input;
	char *dump;
	size_t dump_len;
	char *after;
	unsigned int base;
	unsigned int used;
	bool quota;
	unsigned long inputs;
	unsigned long accepted;
	unsigned long refused[3];
	unsigned long documents;
	bool failed;
};

static u32 warden_fuzz_below(struct warden_fuzz *fz, u32 n)
{
	return n ? prandom_u32_state(&fz->rnd) % n : 0;
}

static bool warden_fuzz_one_in(struct warden_fuzz *fz, u32 n)
{
	return !warden_fuzz_below(fz, n);
}

static const char *const warden_fuzz_manager_lines[] = {
	"/usr/sbin/warden-loadpolicy",
	"/usr/sbin/warden-editpolicy",
	"<kernel> /usr/sbin/sshd /bin/bash",
	"<kernel> /usr/sbin/sshd /bin/\\*",
	"manage_by_non_root",
	"delete /usr/sbin/warden-loadpolicy",
	"delete manage_by_non_root",
};

static const char *const warden_fuzz_domain_lines[] = {
	"<kernel>",
	"<kernel> /usr/sbin/httpd",
	"<kernel> /usr/sbin/httpd /bin/sh",
	"<apache> /usr/sbin/httpd",
	"delete <kernel> /usr/sbin/httpd /bin/sh",
	"use_profile 0",
	"use_profile 3",
	"use_profile 255",
	"use_group 0",
	"use_group 255",
	"use_group web_server",
	"use_group term_use_console",
	"use_group a234567890123456789012345678901234567890123456789012345678901234",
	"delete use_group 0",
	"delete use_group web_server",
	"quota_exceeded",
	"transition_failed",
	"delete quota_exceeded",
	"delete transition_failed",
	"quiet file read /etc/selinux/config",
	"quiet file ioctl /dev/console 0x5401-0x54FF",
	"quiet network inet stream connect 127.0.0.1 80",
	"quiet misc env LD_\\*",
	"quiet task manual_domain_transition <kernel> /bin/sh",
	"delete quiet file read /etc/selinux/config",
};

/* Pieces the mutator inserts: escapes, keywords and edges of numbers. */
static const char *const warden_fuzz_tokens[] = {
	"\\", "\\\\", "\\0", "\\040", "\\377", "\\400", "\\*", "\\@", "\\$",
	"\\X", "\\x", "\\a", "\\A", "\\-", "\\+", "\\?", "\\{", "\\}",
	"\\{\\*\\}", "\\(", "\\/", " ", "delete ", "<kernel>", "<kernel> ",
	"<apache> ", "@", "@g", "/", "//", "=", "\"", "\"\"", "!=", "-", "0x",
	"0", "00", "255", "256", "65535", "4294967295", "4294967296",
	"18446744073709551615", "18446744073709551616", "-1", "task.uid=",
	"exec.argv[0]=", "exec.envp[\"PATH\"]=", "path1.type=", "{", "}",
	"::", "=yes", " mode=enforcing", "proc:/", "pipe:[", "\t", "\r", "<",
	">", ".", "..", "/./", "/../", "file ", "network inet ", "misc env ",
	"acl_group 0 ", "acl_group web ", "acl_group 255 ",
	"acl_group term_use_console ", "use_group ", "network unix ",
	"task manual_domain_transition ", "path_group G ", "number_group N ",
	"127.0.0.1", "::1",
	"1-2", "any", "from ", "keep", "grant_log=", "{ ", " }",
	"quiet ", "quiet file ", "acl_group web quiet ", " quiet_log=yes",
};

/* Copy a valid line of @section, from the tables, into the input. */
static void warden_fuzz_pick(struct warden_fuzz *fz, int section)
{
	const char *(*table)(size_t i) = NULL;
	const char *prefix = "", *line;
	size_t n;

	switch (section) {
	case WARDEN_SECTION_PROFILE:
		table = warden_test_profile_corpus;
		if (warden_fuzz_one_in(fz, 8))
			prefix = "<apache> ";
		break;
	case WARDEN_SECTION_MANAGER:
		n = warden_fuzz_below(fz, ARRAY_SIZE(warden_fuzz_manager_lines));
		line = warden_fuzz_manager_lines[n];
		goto copy;
	case WARDEN_SECTION_EXCEPTION:
		table = warden_test_exception_corpus;
		if (warden_fuzz_one_in(fz, 8))
			prefix = "<apache> ";
		break;
	default:
		switch (warden_fuzz_below(fz, 4)) {
		case 0:
			n = warden_fuzz_below(fz, ARRAY_SIZE(warden_fuzz_domain_lines));
			line = warden_fuzz_domain_lines[n];
			goto copy;
		case 1:
			table = warden_test_netacl_corpus;
			break;
		default:
			table = warden_test_acl_corpus;
			prefix = "file ";
			break;
		}
		/* Any line a domain holds may be quieted. */
		if (table && warden_fuzz_one_in(fz, 6))
			prefix = table == warden_test_acl_corpus ?
				 "quiet file " : "quiet ";
		break;
	}
	for (n = 0; table(n); n++)
		;
	line = table(warden_fuzz_below(fz, n));
copy:
	if (*prefix != '<' && section != WARDEN_SECTION_PROFILE &&
	    warden_fuzz_one_in(fz, 8))
		fz->len = scnprintf(fz->line, WARDEN_FUZZ_LINE_MAX + 1,
				    "delete %s%s", prefix, line);
	else
		fz->len = scnprintf(fz->line, WARDEN_FUZZ_LINE_MAX + 1, "%s%s",
				    prefix, line);
}

/* Insert @len bytes of @text at @pos of the input, as far as room allows. */
static void warden_fuzz_insert(struct warden_fuzz *fz, size_t pos,
			       const char *text, size_t len)
{
	len = min(len, WARDEN_FUZZ_LINE_MAX - fz->len);
	memmove(fz->line + pos + len, fz->line + pos, fz->len - pos + 1);
	memcpy(fz->line + pos, text, len);
	fz->len += len;
}

/* A byte a line may hold: anything but the NUL and newline that end it. */
static char warden_fuzz_byte(struct warden_fuzz *fz)
{
	char c;

	do {
		c = 1 + warden_fuzz_below(fz, 255);
	} while (c == '\n');
	return c;
}

/* Change the input by one mutation. */
static void warden_fuzz_mutate(struct warden_fuzz *fz)
{
	size_t pos = warden_fuzz_below(fz, fz->len + 1), n;
	const char *token;
	char c, *other;

	switch (warden_fuzz_below(fz, 12)) {
	case 0:
		/* Truncation; a NUL byte written in a line does the same. */
		fz->len = pos;
		fz->line[pos] = '\0';
		break;
	case 1:
		if (pos < fz->len) {
			memmove(fz->line + pos, fz->line + pos + 1, fz->len - pos);
			fz->len--;
		}
		break;
	case 2:
		if (pos < fz->len)
			fz->line[pos] = warden_fuzz_byte(fz);
		break;
	case 3:
		c = warden_fuzz_byte(fz);
		warden_fuzz_insert(fz, pos, &c, 1);
		break;
	case 4:
	case 5:
	case 6:
		token = warden_fuzz_tokens[warden_fuzz_below(fz, ARRAY_SIZE(warden_fuzz_tokens))];
		warden_fuzz_insert(fz, pos, token, strlen(token));
		break;
	case 7:
		/* Repeat a span, as a doubled word or operation. */
		n = min_t(size_t, fz->len - pos, 1 + warden_fuzz_below(fz, 32));
		if (n && pos < fz->len) {
			char span[32];

			memcpy(span, fz->line + pos, n);
			warden_fuzz_insert(fz, pos, span, n);
		}
		break;
	case 8:
		/* Splice: the tail becomes that of another valid line. */
		other = fz->input;
		strscpy(other, fz->line, WARDEN_FUZZ_LINE_MAX + 1);
		warden_fuzz_pick(fz, warden_fuzz_below(fz, 4));
		n = warden_fuzz_below(fz, fz->len + 1);
		pos = min(pos, strlen(other));
		pos = min(pos, WARDEN_FUZZ_LINE_MAX - (fz->len - n));
		memmove(fz->line + pos, fz->line + n, fz->len - n + 1);
		memcpy(fz->line, other, pos);
		fz->len = pos + fz->len - n;
		break;
	case 9:
		/* A digit becomes a number that may overflow its field. */
		for (n = pos; n < fz->len && !isdigit(fz->line[n]); n++)
			;
		if (n < fz->len) {
			char number[24];

			snprintf(number, sizeof(number), "%u",
				 prandom_u32_state(&fz->rnd) >>
				 warden_fuzz_below(fz, 32));
			warden_fuzz_insert(fz, n, number, strlen(number));
		}
		break;
	case 10:
		/* Rarely, an overlong line: one byte repeated thousands of times. */
		if (warden_fuzz_one_in(fz, 16)) {
			n = 1000 + warden_fuzz_below(fz, WARDEN_FUZZ_LINE_MAX);
			n = min(n, WARDEN_FUZZ_LINE_MAX - fz->len);
			c = pos < fz->len ? fz->line[pos] : 'a';
			memmove(fz->line + pos + n, fz->line + pos,
				fz->len - pos + 1);
			memset(fz->line + pos, c, n);
			fz->len += n;
		}
		break;
	default:
		/* Sometimes, nothing of a valid line is left: random bytes. */
		if (warden_fuzz_one_in(fz, 8)) {
			n = warden_fuzz_below(fz, 200);
			for (fz->len = 0; fz->len < n; fz->len++)
				fz->line[fz->len] = warden_fuzz_byte(fz);
			fz->line[fz->len] = '\0';
		}
		break;
	}
}

/* Print the fuzzer's policy into @buf; the length, or 0 if it overflowed. */
/* Print @policy as the policy file prints it, record after record. */
static void warden_policy_print(struct seq_file *m,
				struct warden_policy *policy)
{
	struct warden_policy_cursor cursor = {
		.policy = policy,
		.view = WARDEN_VIEW_DOCUMENT,
	};
	bool more;

	rcu_read_lock();
	for (more = warden_policy_cursor_seek(&cursor, 0); more;
	     more = warden_policy_cursor_next(&cursor))
		warden_policy_cursor_show(m, &cursor);
	rcu_read_unlock();
}

static size_t warden_fuzz_print(struct warden_fuzz *fz,
				struct warden_policy *policy, char *buf)
{
	struct seq_file m = { .buf = buf, .size = WARDEN_FUZZ_DUMP_SIZE };

	warden_policy_print(&m, policy);
	if (seq_has_overflowed(&m)) {
		KUNIT_FAIL(fz->test, "the fuzzed policy outgrew %u bytes",
			   WARDEN_FUZZ_DUMP_SIZE);
		fz->failed = true;
		return 0;
	}
	return m.count;
}

static void warden_fuzz_snapshot(struct warden_fuzz *fz)
{
	fz->dump_len = warden_fuzz_print(fz, fz->policy, fz->dump);
	fz->used = warden_memory_in_use(WARDEN_MEMORY_POLICY);
}

static void warden_fuzz_report(struct warden_fuzz *fz, const char *what,
			       int err)
{
	KUNIT_FAIL(fz->test,
		   "seed %lu, input %lu: %s (error %d) for \"%*pE\"%s",
		   warden_fuzz_seed, fz->inputs, what, err,
		   (int)min_t(size_t, strlen(fz->input), 160), fz->input,
		   strlen(fz->input) > 160 ? "..." : "");
	fz->failed = true;
}

/* An error is a right answer if it is one the parser documents. */
static int warden_fuzz_error_index(struct warden_fuzz *fz, int err)
{
	if (err == -EINVAL)
		return 0;
	if (err == -ENOENT)
		return 1;
	if (err == -ENOMEM && fz->quota)
		return 2;
	return -1;
}

/* Apply the input to the policy as the file of @section would. */
static void warden_fuzz_apply(struct warden_fuzz *fz, int section)
{
	const char *reason = NULL;
	int err, i;

	strscpy(fz->input, fz->line, WARDEN_FUZZ_LINE_MAX + 1);
	warden_normalize_line(fz->line);
	if (!*fz->line || *fz->line == '#')
		return;
	fz->inputs++;
	err = warden_policy_apply_line(fz->policy, section, &fz->selected,
				       fz->line, &reason);
	if (!err) {
		fz->accepted++;
		warden_fuzz_snapshot(fz);
		return;
	}
	i = warden_fuzz_error_index(fz, err);
	if (i < 0) {
		warden_fuzz_report(fz, "an undocumented error", err);
		return;
	}
	fz->refused[i]++;
	if (warden_memory_in_use(WARDEN_MEMORY_POLICY) != fz->used) {
		warden_fuzz_report(fz, "a refused line changed the memory count",
				   err);
		return;
	}
	if (warden_fuzz_print(fz, fz->policy, fz->after) != fz->dump_len ||
	    memcmp(fz->after, fz->dump, fz->dump_len))
		warden_fuzz_report(fz, "a refused line changed the policy", err);
}

/* Find line @lineno (from 1) of @text; its length, at most 200. */
static size_t warden_fuzz_line_of(const char *text, unsigned int lineno,
				  const char **line)
{
	while (--lineno && strchr(text, '\n'))
		text = strchr(text, '\n') + 1;
	*line = text;
	return min_t(size_t, strcspn(text, "\n"), 200);
}

/*
 * Parse @document as the policy file would, without putting it in force:
 * the private policy, or an ERR_PTR with the refused line and the reason.
 */
static struct warden_policy *warden_fuzz_parse(const char *document,
					       unsigned int *lineno,
					       const char **reason)
{
	struct warden_document *doc = warden_document_new();
	struct warden_policy *policy;
	int err;

	if (!doc)
		return ERR_PTR(-ENOMEM);
	err = warden_document_write(doc, document, strlen(document));
	if (!err && doc->policy)
		err = warden_document_finish(doc);
	*lineno = doc->lineno;
	*reason = doc->reason;
	policy = doc->policy;
	if (!err && policy)
		doc->policy = NULL;
	warden_document_free(doc);
	if (err)
		return ERR_PTR(err);
	return policy ?: warden_policy_create(true) ?: ERR_PTR(-ENOMEM);
}

/*
 * The printed policy is a document that loads back to itself, unless a
 * domain uses a profile it does not define, which only a document refuses.
 */
static void warden_fuzz_check_round_trip(struct warden_fuzz *fz)
{
	struct warden_policy *again;
	const char *reason, *line;
	unsigned int lineno;
	char *document;
	size_t len;

	document = kvmalloc(fz->dump_len + 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(fz->test, document);
	memcpy(document, fz->dump, fz->dump_len);
	document[fz->dump_len] = '\0';
	again = warden_fuzz_parse(document, &lineno, &reason);
	kvfree(document);
	if (IS_ERR(again)) {
		if (PTR_ERR(again) == -EINVAL && reason &&
		    !strcmp(reason, "a domain uses a profile the policy does not define"))
			return;
		len = warden_fuzz_line_of(fz->dump, lineno, &line);
		KUNIT_FAIL(fz->test,
			   "seed %lu, input %lu: the printed policy does not load: line %u: %s: \"%.*s\"",
			   warden_fuzz_seed, fz->inputs, lineno,
			   reason ?: "no reason", (int)len, line);
		fz->failed = true;
		return;
	}
	len = warden_fuzz_print(fz, again, fz->after);
	warden_policy_free(again);
	if (len != fz->dump_len || memcmp(fz->after, fz->dump, len)) {
		KUNIT_FAIL(fz->test,
			   "seed %lu, input %lu: the printed policy loads back different:\n%.*s\nbecame\n%.*s",
			   warden_fuzz_seed, fz->inputs, (int)min_t(size_t, fz->dump_len, 1500),
			   fz->dump, (int)min_t(size_t, len, 1500), fz->after);
		fz->failed = true;
	}
}

/* Free the fuzzer's policy; all it charged must come back. */
static void warden_fuzz_reset(struct warden_fuzz *fz)
{
	if (fz->policy) {
		warden_policy_free(fz->policy);
		fz->policy = NULL;
		if (warden_memory_in_use(WARDEN_MEMORY_POLICY) != fz->base) {
			KUNIT_FAIL(fz->test,
				   "seed %lu, input %lu: freeing the policy left %d bytes counted",
				   warden_fuzz_seed, fz->inputs,
				   (int)(warden_memory_in_use(WARDEN_MEMORY_POLICY) -
					 fz->base));
			fz->failed = true;
		}
	}
	kfree(fz->selected);
	fz->selected = NULL;
}

KUNIT_DEFINE_ACTION_WRAPPER(warden_fuzz_kvfree, kvfree, const void *);

/* A large buffer the test frees when it ends. */
static char *warden_fuzz_buffer(struct kunit *test, size_t size)
{
	char *buf = kvmalloc(size, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_EQ(test,
			kunit_add_action_or_reset(test, warden_fuzz_kvfree, buf),
			0);
	return buf;
}

static struct warden_fuzz *warden_fuzz_start(struct kunit *test, u64 salt)
{
	struct warden_fuzz *fz = kunit_kzalloc(test, sizeof(*fz), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, fz);
	fz->test = test;
	prandom_seed_state(&fz->rnd, warden_fuzz_seed ^ salt);
	fz->line = kunit_kmalloc(test, WARDEN_FUZZ_LINE_MAX + 1, GFP_KERNEL);
	fz->input = kunit_kmalloc(test, WARDEN_FUZZ_LINE_MAX + 1, GFP_KERNEL);
	fz->dump = warden_fuzz_buffer(test, WARDEN_FUZZ_DUMP_SIZE);
	fz->after = warden_fuzz_buffer(test, WARDEN_FUZZ_DUMP_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, fz->line);
	KUNIT_ASSERT_NOT_NULL(test, fz->input);
	kunit_info(test, "seed %lu (warden.fuzz_seed=%lu replays it)\n",
		   warden_fuzz_seed, warden_fuzz_seed);
	return fz;
}

/*
 * One batch on a fresh policy: the lines, each checked, then the policy
 * printed and loaded back, then freed.  A quarter of the batches run under
 * a policy quota a few kilobytes above what is in use, so that running
 * out of quota is fuzzed as well.
 */
static void warden_fuzz_batch(struct warden_fuzz *fz, const int *sections,
			      size_t nr_sections)
{
	unsigned int i, mutations;

	warden_policy_write_lock();
	fz->base = warden_memory_in_use(WARDEN_MEMORY_POLICY);
	fz->policy = warden_policy_create(false);
	KUNIT_ASSERT_NOT_NULL(fz->test, fz->policy);
	warden_fuzz_snapshot(fz);
	fz->quota = warden_fuzz_one_in(fz, 4);
	if (fz->quota)
		warden_stat_set_quota(WARDEN_MEMORY_POLICY,
				      fz->used + warden_fuzz_below(fz, 8192));
	for (i = 0; i < WARDEN_FUZZ_BATCH && !fz->failed; i++) {
		int section = sections[warden_fuzz_below(fz, nr_sections)];

		warden_fuzz_pick(fz, section);
		/* A quarter of the lines stay valid, to grow the policy. */
		mutations = warden_fuzz_below(fz, 4);
		while (mutations--)
			warden_fuzz_mutate(fz);
		warden_fuzz_apply(fz, section);
	}
	if (fz->quota)
		warden_stat_set_quota(WARDEN_MEMORY_POLICY, 0);
	if (!fz->failed)
		warden_fuzz_check_round_trip(fz);
	warden_fuzz_reset(fz);
	warden_policy_write_unlock();
	cond_resched();
}

static void warden_fuzz_lines(struct kunit *test, const int *sections,
			      size_t nr_sections, unsigned long inputs, u64 salt)
{
	struct warden_fuzz *fz = warden_fuzz_start(test, salt);
	u64 start = ktime_get_ns();

	while (fz->inputs < inputs && !fz->failed)
		warden_fuzz_batch(fz, sections, nr_sections);
	kunit_info(test, "%lu inputs in %llu ms: %lu accepted, refused %lu -EINVAL, %lu -ENOENT, %lu -ENOMEM\n",
		   fz->inputs, div_u64(ktime_get_ns() - start, NSEC_PER_MSEC),
		   fz->accepted, fz->refused[0], fz->refused[1], fz->refused[2]);
}

static void test_fuzz_domain_policy_lines(struct kunit *test)
{
	static const int sections[] = { WARDEN_SECTION_DOMAIN };

	warden_fuzz_lines(test, sections, ARRAY_SIZE(sections), 500000, 1);
}

static void test_fuzz_exception_policy_lines(struct kunit *test)
{
	static const int sections[] = { WARDEN_SECTION_EXCEPTION };

	warden_fuzz_lines(test, sections, ARRAY_SIZE(sections), 250000, 2);
}

static void test_fuzz_profile_and_manager_lines(struct kunit *test)
{
	static const int sections[] = {
		WARDEN_SECTION_PROFILE, WARDEN_SECTION_PROFILE,
		WARDEN_SECTION_MANAGER,
	};

	warden_fuzz_lines(test, sections, ARRAY_SIZE(sections), 250000, 3);
}

/*
 * Whole documents: a policy the line fuzzer built, printed, with some of
 * its bytes mutated (newlines and section headers included).  A refused
 * document must give back all it charged.
 */
static void test_fuzz_policy_documents(struct kunit *test)
{
	static const int sections[] = {
		WARDEN_SECTION_PROFILE, WARDEN_SECTION_MANAGER,
		WARDEN_SECTION_EXCEPTION, WARDEN_SECTION_DOMAIN,
		WARDEN_SECTION_DOMAIN, WARDEN_SECTION_DOMAIN,
	};
	static const char *const headers[] = {
		"[profile]\n", "[manager]\n", "[exception_policy]\n",
		"[domain_policy]\n", "\n", "[policy]\n",
	};
	struct warden_fuzz *fz = warden_fuzz_start(test, 4);
	const unsigned long documents = 5000;
	struct warden_policy *parsed;
	unsigned long refused = 0;
	u64 start = ktime_get_ns();
	unsigned int lineno, i;
	const char *reason;
	char *document;
	int err;

	document = warden_fuzz_buffer(test, WARDEN_FUZZ_DUMP_SIZE);
	while (fz->documents < documents && !fz->failed) {
		size_t len, pos;

		warden_policy_write_lock();
		fz->base = warden_memory_in_use(WARDEN_MEMORY_POLICY);
		fz->policy = warden_policy_create(false);
		KUNIT_ASSERT_NOT_NULL(test, fz->policy);
		warden_fuzz_snapshot(fz);
		fz->quota = false;
		for (i = 0; i < 24; i++) {
			int section = sections[warden_fuzz_below(fz, ARRAY_SIZE(sections))];

			warden_fuzz_pick(fz, section);
			warden_fuzz_apply(fz, section);
		}
		len = warden_fuzz_print(fz, fz->policy, document);
		warden_fuzz_reset(fz);
		/* Mutate bytes of the document, one line's worth at a time. */
		for (i = 1 + warden_fuzz_below(fz, 3); i-- && len;) {
			const char *header;
			size_t old;

			pos = warden_fuzz_below(fz, len);
			while (pos && document[pos - 1] != '\n')
				pos--;
			old = strcspn(document + pos, "\n");
			if (old > WARDEN_FUZZ_LINE_MAX / 2)
				continue;
			memcpy(fz->line, document + pos, old);
			fz->line[old] = '\0';
			fz->len = old;
			if (warden_fuzz_one_in(fz, 4)) {
				header = headers[warden_fuzz_below(fz, ARRAY_SIZE(headers))];
				warden_fuzz_insert(fz, 0, header, strlen(header));
			} else {
				warden_fuzz_mutate(fz);
			}
			if (len - old + fz->len >= WARDEN_FUZZ_DUMP_SIZE)
				continue;
			memmove(document + pos + fz->len, document + pos + old,
				len - pos - old);
			memcpy(document + pos, fz->line, fz->len);
			len = len - old + fz->len;
		}
		document[len] = '\0';
		fz->documents++;
		parsed = warden_fuzz_parse(document, &lineno, &reason);
		if (!IS_ERR(parsed)) {
			warden_policy_free(parsed);
		} else {
			err = PTR_ERR(parsed);
			refused++;
			if (err != -EINVAL && err != -ENOENT)
				KUNIT_FAIL(test, "seed %lu, document %lu: error %d at line %u",
					   warden_fuzz_seed, fz->documents, err,
					   lineno);
		}
		if (warden_memory_in_use(WARDEN_MEMORY_POLICY) != fz->base) {
			KUNIT_FAIL(test, "seed %lu, document %lu: %d bytes left counted",
				   warden_fuzz_seed, fz->documents,
				   (int)(warden_memory_in_use(WARDEN_MEMORY_POLICY) -
					 fz->base));
			fz->failed = true;
		}
		warden_policy_write_unlock();
		cond_resched();
	}
	kunit_info(test, "%lu documents in %llu ms, %lu refused\n",
		   fz->documents, div_u64(ktime_get_ns() - start, NSEC_PER_MSEC),
		   refused);
}

/*
 * The lines the fuzzer first caught leaving something behind, or being
 * kept other than written, each refused now without a trace.
 */
static void test_refused_lines_leave_no_trace(struct kunit *test)
{
	static const struct {
		int section;
		const char *head;
		char fill;
		size_t repeat;
		const char *tail;
	} cases[] = {
		/* A new namespace stayed behind a refused line. */
		{ WARDEN_SECTION_PROFILE, "<apache> 3-CONFIG={ bogus }", 0, 0, "" },
		{ WARDEN_SECTION_EXCEPTION, "<apache> aggregator /a", 0, 0, "" },
		/* So did a new group whose first member was refused. */
		{ WARDEN_SECTION_EXCEPTION, "acl_group 1 file bogus /a", 0, 0, "" },
		/* A namespace too long for its lines to be printed. */
		{ WARDEN_SECTION_DOMAIN, "<", 'n', 300, "> /bin/sh" },
		{ WARDEN_SECTION_PROFILE, "<", 'n', 300, "> 1-COMMENT=x" },
		/* Exception lines kept cut short at 8 KiB. */
		{ WARDEN_SECTION_EXCEPTION, "initialize_domain /", 'd', 8200,
		  " from any" },
		{ WARDEN_SECTION_EXCEPTION, "path_group G /", 'p', 8200, "" },
		/* An acl_group name too long for its lines to be printed. */
		{ WARDEN_SECTION_EXCEPTION, "acl_group ", 'g', 100,
		  " file read /a" },
		/* Conditions after 8191 bytes of arguments: a heap overflow. */
		{ WARDEN_SECTION_DOMAIN, "network unix stream connect /", 'u',
		  8190, " task.uid=0" },
		{ WARDEN_SECTION_DOMAIN, "misc env ", 'E', 8200, "" },
	};
	struct warden_fuzz *fz = warden_fuzz_start(test, 5);
	size_t i;

	warden_policy_write_lock();
	fz->base = warden_memory_in_use(WARDEN_MEMORY_POLICY);
	fz->policy = warden_policy_create(false);
	KUNIT_ASSERT_NOT_NULL(test, fz->policy);
	warden_fuzz_snapshot(fz);
	/* Domain lines go to the root domain, which every policy has. */
	fz->selected = kstrdup(WARDEN_ROOT_DOMAINNAME, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, fz->selected);
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		fz->len = scnprintf(fz->line, WARDEN_FUZZ_LINE_MAX + 1, "%s",
				    cases[i].head);
		memset(fz->line + fz->len, cases[i].fill, cases[i].repeat);
		fz->len += cases[i].repeat;
		fz->len += scnprintf(fz->line + fz->len,
				     WARDEN_FUZZ_LINE_MAX + 1 - fz->len, "%s",
				     cases[i].tail);
		warden_fuzz_apply(fz, cases[i].section);
		KUNIT_EXPECT_EQ_MSG(test, fz->accepted, 0, "case %zu", i);
	}
	warden_fuzz_reset(fz);
	warden_policy_write_unlock();
}

static struct kunit_case warden_fuzz_test_cases[] = {
	KUNIT_CASE(test_refused_lines_leave_no_trace),
	/* Seconds each: slow by KUnit's measure, run by every kunit.py run. */
	KUNIT_CASE_SLOW(test_fuzz_domain_policy_lines),
	KUNIT_CASE_SLOW(test_fuzz_exception_policy_lines),
	KUNIT_CASE_SLOW(test_fuzz_profile_and_manager_lines),
	KUNIT_CASE_SLOW(test_fuzz_policy_documents),
	{}
};

static struct kunit_suite warden_fuzz_test_suite = {
	.name = "warden_policy_fuzz",
	.test_cases = warden_fuzz_test_cases,
};

kunit_test_suite(warden_fuzz_test_suite);
