// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - the policy text: the policy document and the line files.
 *
 * A document ("[profile]", "[manager]", "[exception_policy]" and
 * "[domain_policy]" sections, each holding the lines of the file of that
 * name) is parsed as its writes arrive into a private policy, with no
 * lock held, and handed to the store at the end; a line of a line file
 * goes to the policy in force through warden_policy_store().  Printing
 * is in document_print.c.  The lock and the pointer to the policy in force are the store's
 * (policy.c): this file knows neither.
 */

#include "common.h"

#include <linux/err.h>
#include <linux/lockdep.h>
#include <linux/minmax.h>
#include <linux/rculist.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kunit/visibility.h>

#include "document.h"
#include "domain.h"
#include "domain_policy.h"
#include "manager.h"
#include "namespace.h"
#include "policy.h"
#include "profile.h"
#include "stat.h"

/**
 * warden_normalize_line - trim a policy line and fold its blanks
 * @line: the line, changed in place.
 *
 * Runs of spaces, tabs and carriage returns become one space, as TOMOYO
 * reads its lines.
 */
void warden_normalize_line(char *line)
{
	char *in = line, *out = line;
	bool blank = false;

	while (*in == ' ' || *in == '\t' || *in == '\r')
		in++;
	for (; *in; in++) {
		if (*in == ' ' || *in == '\t' || *in == '\r') {
			blank = true;
			continue;
		}
		if (blank)
			*out++ = ' ';
		blank = false;
		*out++ = *in;
	}
	*out = '\0';
}

/*
 * Apply a profile or exception line, after its "<namespace> " prefix if
 * it has one.  A namespace the line brings into being is published only
 * if the line applies.
 */
static int warden_policy_write_prefixed(struct warden_policy *policy,
					char *line, bool is_profile,
					const char **reason)
{
	struct warden_namespace *ns = NULL;
	bool created = false;
	char *space;
	int err;

	lockdep_assert(warden_policy_write_held());
	if (*line == '<') {
		space = strchr(line, ' ');
		if (!space) {
			*reason = "a namespace prefix is followed by a line";
			return -EINVAL;
		}
		*space = '\0';
		err = warden_domainname_check(line);
		if (err) {
			*reason = "invalid namespace";
			return err;
		}
		ns = warden_namespace_get(policy, line, space - line);
		if (PTR_ERR(ns) == -ENOENT) {
			ns = warden_namespace_new(line, space - line);
			created = true;
		}
		if (IS_ERR(ns))
			return PTR_ERR(ns);
		line = space + 1;
	}
	if (is_profile)
		err = warden_profile_write(ns ? &ns->profiles : &policy->profiles,
					   line, reason);
	else
		err = warden_exception_write(ns ? &ns->exception :
					     &policy->exception, line, reason);
	if (created) {
		if (err)
			warden_namespace_discard(ns);
		else
			warden_namespace_publish(policy, ns);
	}
	return err;
}

/**
 * warden_policy_write_profile - apply one line of the profile file
 * @policy: the policy; the caller may write it (warden_policy_write_held()).
 * @line: the line, with an optional "<namespace> " prefix; parsed in place.
 * @reason: receives why the line was refused.
 *
 * Return: 0, -EINVAL, or -ENOMEM; a refused line changes nothing.
 */
int warden_policy_write_profile(struct warden_policy *policy, char *line,
				const char **reason)
{
	return warden_policy_write_prefixed(policy, line, true, reason);
}

/**
 * warden_policy_write_exception - apply one line of the exception policy
 * @policy: the policy; the caller may write it (warden_policy_write_held()).
 * @line: the line, with an optional "<namespace> " prefix; parsed in place.
 * @reason: receives why the line was refused.
 *
 * Return: 0, -EINVAL, -ENOENT when deleting what is not there, or
 * -ENOMEM; a refused line changes nothing.
 */
int warden_policy_write_exception(struct warden_policy *policy, char *line,
				  const char **reason)
{
	return warden_policy_write_prefixed(policy, line, false, reason);
}

/**
 * warden_policy_apply_line - apply one line of a document's section
 * @policy: the policy; the caller may write it (warden_policy_write_held()).
 * @section: the section the line is in, an enum warden_policy_section.
 * @selected: the domain later [domain_policy] lines apply to, or %NULL;
 *            a domainname line replaces it.
 * @line: the line, normalized; parsed in place.
 * @reason: receives why the line was refused.
 *
 * Static but for the KUnit fuzzer, which feeds it lines as a document
 * would.
 *
 * Return: 0, or the error of the section's parser (-EINVAL, -ENOENT,
 * -ENOMEM); -EINVAL before the first section line.  A refused line
 * changes nothing.
 */
VISIBLE_IF_KUNIT int warden_policy_apply_line(struct warden_policy *policy,
					      int section, char **selected,
					      char *line, const char **reason)
{
	switch (section) {
	case WARDEN_SECTION_PROFILE:
		return warden_policy_write_profile(policy, line, reason);
	case WARDEN_SECTION_MANAGER:
		return warden_manager_write(policy, line, reason);
	case WARDEN_SECTION_DOMAIN:
		/* A document is checked whole, at its end. */
		return warden_domain_policy_write(policy, selected, line, false,
						  reason);
	case WARDEN_SECTION_EXCEPTION:
		return warden_policy_write_exception(policy, line, reason);
	}
	*reason = "a [section] line must come first";
	return -EINVAL;
}

/*
 * A domain may not use a profile the document does not define, except
 * profile 0, whose absence means what it would say anyway: disabled.
 */
static int warden_policy_check_profiles(const struct warden_policy *policy,
					const char **reason)
{
	const struct warden_domain_policy *dp;

	list_for_each_entry(dp, &policy->domains, list) {
		if (!dp->profile ||
		    rcu_access_pointer(warden_ns_profiles(policy, dp->ns)->profile[dp->profile]))
			continue;
		pr_warn_ratelimited("policy: profile %u used by '%s' is not defined\n",
				    dp->profile, dp->name);
		*reason = "a domain uses a profile the policy does not define";
		return -EINVAL;
	}
	return 0;
}

/**
 * warden_document_new - start a policy document
 *
 * Return: the document, or %NULL when memory runs out.
 */
struct warden_document *warden_document_new(void)
{
	struct warden_document *doc;

	doc = kzalloc(sizeof(*doc), GFP_KERNEL_ACCOUNT);
	if (doc)
		doc->section = WARDEN_SECTION_NONE;
	return doc;
}

/* Refuse the document: nothing of it will apply. */
static int warden_document_poison(struct warden_document *doc, int err,
				  const char *reason, const char *line)
{
	doc->err = err;
	doc->reason = reason ?: (err == -ENOMEM ?
				 "out of memory or over the policy quota" :
				 "refused");
	if (line)
		pr_warn_ratelimited("policy: line %u: %s: \"%.*s\"; the policy in force is unchanged\n",
				    doc->lineno, doc->reason,
				    WARDEN_DOCUMENT_QUOTE, line);
	else
		pr_warn_ratelimited("policy: line %u: %s; the policy in force is unchanged\n",
				    doc->lineno, doc->reason);
	return err;
}

/* Parse the line in doc->line into the private policy. */
static int warden_document_end_line(struct warden_document *doc)
{
	char quote[WARDEN_DOCUMENT_QUOTE + 1];
	const char *reason = NULL;
	char *line = doc->line;
	int section, err;

	doc->lineno++;
	if (!doc->len)
		return 0;
	line[doc->len] = '\0';
	if (strlen(line) != doc->len) {
		doc->len = 0;
		/* The parser would stop at the NUL and apply the start. */
		return warden_document_poison(doc, -EINVAL,
					      "the line holds a NUL byte",
					      NULL);
	}
	doc->len = 0;
	warden_normalize_line(line);
	if (!*line || *line == '#')
		return 0;
	section = match_string(warden_policy_sections,
			       ARRAY_SIZE(warden_policy_sections), line);
	if (section >= 0) {
		doc->section = section;
		return 0;
	}
	strscpy(quote, line, sizeof(quote));
	err = warden_policy_apply_line(doc->policy, doc->section,
				       &doc->selected, line, &reason);
	if (err)
		return warden_document_poison(doc, err, reason, quote);
	return 0;
}

/* Append @len bytes without a newline to the line being collected. */
static int warden_document_append(struct warden_document *doc,
				  const char *buf, size_t len)
{
	size_t need = doc->len + len + 1;
	char *line;

	if (need > WARDEN_DOCUMENT_LINE_MAX + 1) {
		doc->lineno++;
		return warden_document_poison(doc, -EINVAL,
					      "the line is longer than 64 KiB",
					      NULL);
	}
	if (need > doc->size) {
		size_t size = clamp_t(size_t, doc->size * 2, 256,
				      WARDEN_DOCUMENT_LINE_MAX + 1);

		size = max(size, need);
		line = kvrealloc(doc->line, size, GFP_KERNEL_ACCOUNT);
		if (!line)
			return warden_document_poison(doc, -ENOMEM, NULL, NULL);
		doc->line = line;
		doc->size = size;
	}
	memcpy(doc->line + doc->len, buf, len);
	doc->len += len;
	return 0;
}

/* Parse bytes of the document; the caller is in the private scope. */
static int warden_document_feed(struct warden_document *doc, const char *buf,
				size_t len)
{
	int err = 0;

	while (len && !err) {
		const char *newline = memchr(buf, '\n', len);
		size_t n = newline ? newline - buf : len;

		err = warden_document_append(doc, buf, n);
		if (!err && newline) {
			err = warden_document_end_line(doc);
			n++;
		}
		buf += n;
		len -= n;
		cond_resched();
	}
	return err;
}

/**
 * warden_document_has_room - whether a document may grow by some bytes
 * @doc: the document.
 * @len: the bytes a write brings.
 *
 * A write that would make the document larger than the largest accepted
 * is refused whole, before any of it is parsed, and leaves the document
 * as it was.
 *
 * Return: true if @len more bytes keep the document within 64 MiB.
 */
bool warden_document_has_room(const struct warden_document *doc, size_t len)
{
	return len <= WARDEN_DOCUMENT_MAX - doc->bytes;
}

/**
 * warden_document_write - parse the next bytes of a policy document
 * @doc: the document.
 * @buf: the bytes, in kernel memory; a line may span several writes.
 * @len: their number.
 *
 * Each line the bytes complete is parsed at once into the document's
 * private policy; the policy in force does not change until
 * warden_document_apply().  No global lock is taken, so decisions, execs
 * and learning go on meanwhile.  The first refused line poisons the
 * document, with its number and the reason in the kernel log.
 *
 * Return: 0; -EINVAL for a refused line (and for every write after it);
 * -EFBIG past the largest document, which changes nothing; -ENOMEM when
 * memory or the policy quota runs out.
 */
int warden_document_write(struct warden_document *doc, const char *buf,
			  size_t len)
{
	struct warden_memory_account account;
	int err;

	if (doc->err)
		return doc->err;
	if (doc->done)
		return -EINVAL;
	if (!len)
		return 0;
	if (!warden_document_has_room(doc, len))
		return -EFBIG;
	doc->bytes += len;
	if (!doc->policy) {
		doc->policy = warden_policy_create(true);
		if (!doc->policy)
			return warden_document_poison(doc, -ENOMEM, NULL, NULL);
	}
	warden_policy_private_enter(doc->policy, &account);
	err = warden_document_feed(doc, buf, len);
	warden_policy_private_leave(&account);
	return err;
}

/**
 * warden_document_finish - end a document without putting it in force
 * @doc: the document; its private policy holds what was parsed.
 *
 * Parses the last line, if it has no newline, and checks the whole.
 * Static but for the KUnit suites, which finish documents without
 * replacing the policy of the kernel running them.
 *
 * Return: 0; -EINVAL when the last line is bad or a domain uses a
 * profile the document does not define; -ENOMEM.  An error poisons
 * the document.
 */
VISIBLE_IF_KUNIT int warden_document_finish(struct warden_document *doc)
{
	struct warden_memory_account account;
	const char *reason = NULL;
	int err;

	warden_policy_private_enter(doc->policy, &account);
	err = warden_document_end_line(doc);
	if (!err) {
		err = warden_policy_check_profiles(doc->policy, &reason);
		if (err)
			warden_document_poison(doc, err, reason, NULL);
	}
	warden_policy_private_leave(&account);
	return err;
}

/**
 * warden_document_pending - whether a document has bytes not yet applied
 * @doc: the document.
 *
 * Return: true if warden_document_apply() would load or refuse something.
 */
bool warden_document_pending(const struct warden_document *doc)
{
	return !doc->done && (doc->bytes || doc->err);
}

/**
 * warden_document_apply - put a written document in force, once
 * @doc: the document.
 *
 * Called at the last close of the policy file.  Either every line applied
 * and the document's policy replaces the one in force with one pointer
 * swap, or nothing changes.  A document nobody wrote a byte to changes
 * nothing.  Later calls change nothing and return the same outcome.
 *
 * Return: 0; the error that poisoned the document; -EINVAL when its last
 * line is bad or a domain uses a profile it does not define; -ENOMEM when
 * it does not fit in the policy quota.
 */
int warden_document_apply(struct warden_document *doc)
{
	int err = doc->err;

	if (doc->done || !doc->bytes)
		return err;
	doc->done = true;
	if (!err)
		err = warden_document_finish(doc);
	if (!err) {
		err = warden_policy_publish(doc->policy);
		if (err)
			warden_document_poison(doc, err,
					       "the policy does not fit in the policy quota",
					       NULL);
		else
			doc->policy = NULL;
	}
	doc->err = err;
	if (doc->policy) {
		warden_policy_free(doc->policy);
		doc->policy = NULL;
	}
	return err;
}

/**
 * warden_document_free - forget a document
 * @doc: the document, or %NULL; a private policy it built is freed
 *       without being applied.
 */
void warden_document_free(struct warden_document *doc)
{
	if (!doc)
		return;
	if (doc->policy)
		warden_policy_free(doc->policy);
	kfree(doc->selected);
	kvfree(doc->line);
	kfree(doc);
}

/* A line of a line file, on its way to the policy in force. */
struct warden_store_line {
	enum warden_policy_view file;
	char **selected;
	char *line;
	const char **reason;
};

static int warden_store_line_change(struct warden_policy *policy, void *arg)
{
	struct warden_store_line *l = arg;
	int err;

	switch (l->file) {
	case WARDEN_VIEW_PROFILE:
		err = warden_policy_write_profile(policy, l->line, l->reason);
		if (!err)
			warden_policy_activate();
		break;
	case WARDEN_VIEW_MANAGER:
		err = warden_manager_write(policy, l->line, l->reason);
		break;
	case WARDEN_VIEW_EXCEPTION:
		err = warden_policy_write_exception(policy, l->line, l->reason);
		break;
	case WARDEN_VIEW_DOMAIN:
		/* A live domain may only move to a defined profile. */
		err = warden_domain_policy_write(policy, l->selected, l->line,
						 warden_policy_is_loaded(),
						 l->reason);
		break;
	default:
		err = -EINVAL;
		break;
	}
	if (!err)
		warden_stat_record(WARDEN_STAT_POLICY_UPDATE);
	return err;
}

/**
 * warden_policy_store_line - apply a line of a policy file to the policy in force
 * @file: the file written: %WARDEN_VIEW_PROFILE, %WARDEN_VIEW_MANAGER,
 *        %WARDEN_VIEW_EXCEPTION or %WARDEN_VIEW_DOMAIN.
 * @selected: for domain_policy, the name of the domain the writer
 *            selected, or %NULL; updated by domainname lines and owned
 *            by the writer.
 * @line: the line; parsed in place.
 * @reason: receives why the line was refused.
 *
 * The line goes through warden_policy_store(), which holds
 * warden_policy_lock for this one line only, so a document being parsed
 * meanwhile, which holds no lock, neither waits for it nor is waited for.
 * The first profile line activates the policy.  Every applied line counts
 * as a policy update.
 *
 * Return: 0, or the line's error (-EINVAL, -ENOENT, -ENOMEM, or -EINTR
 * when killed while waiting); a refused line changes nothing.
 */
int warden_policy_store_line(enum warden_policy_view file, char **selected,
			     char *line, const char **reason)
{
	struct warden_store_line l = {
		.file = file,
		.selected = selected,
		.line = line,
		.reason = reason,
	};

	*reason = NULL;
	return warden_policy_store(warden_store_line_change, &l);
}
