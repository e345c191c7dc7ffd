// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - the policy in force, and its replacement as a whole.
 *
 * Until an administrator loads a policy, the initial one is in force: no
 * profiles, so every domain is in the disabled mode.  A write to the
 * policy file builds a complete new policy beside the one in force and
 * publishes it with one pointer swap, or, if any line is bad, discards it
 * and leaves the one in force untouched.
 */

#include <linux/err.h>
#include <linux/init.h>
#include <linux/lockdep.h>
#include <linux/minmax.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/workqueue.h>

#include "domain.h"
#include "domain_policy.h"
#include "manager.h"
#include "policy.h"
#include "stat.h"
#include "profile.h"

/* Serialises every change to the policy in force; readers use RCU. */
DEFINE_MUTEX(warden_policy_lock);

/* Moved on by every release of warden_policy_lock; starts at 1. */
atomic_long_t warden_policy_epoch = ATOMIC_LONG_INIT(1);

/**
 * warden_policy_unlock - release warden_policy_lock after any change
 *
 * Moves the policy epoch on, so that modes cached by domains in an older
 * epoch are read again; every holder of the lock releases it here, which
 * keeps the rule in one place whatever the holder changed.
 */
void warden_policy_unlock(void)
{
	lockdep_assert_held(&warden_policy_lock);
	/* Release: whoever sees the new epoch sees the changes made. */
	atomic_long_inc_return_release(&warden_policy_epoch);
	mutex_unlock(&warden_policy_lock);
}
/*
 * Held, for lockdep only, by a task working on a private policy: one
 * being parsed from a document or one being freed.  No task waits on it.
 */
struct lockdep_map warden_policy_private_map;
static struct lock_class_key warden_policy_private_key;

static struct warden_policy warden_initial_policy = {
	.usage = REFCOUNT_INIT(1),
	.profiles.version = WARDEN_PROFILE_VERSION,
	.managers = LIST_HEAD_INIT(warden_initial_policy.managers),
	.exception.transitions =
		LIST_HEAD_INIT(warden_initial_policy.exception.transitions),
	.exception.groups.all =
		LIST_HEAD_INIT(warden_initial_policy.exception.groups.all),
	.exception.groups.defined =
		LIST_HEAD_INIT(warden_initial_policy.exception.groups.defined),
	.exception.acl_groups.all =
		LIST_HEAD_INIT(warden_initial_policy.exception.acl_groups.all),
	.exception.acl_groups.defined =
		LIST_HEAD_INIT(warden_initial_policy.exception.acl_groups.defined),
	.namespaces = LIST_HEAD_INIT(warden_initial_policy.namespaces),
	.domains = LIST_HEAD_INIT(warden_initial_policy.domains),
};

/* The policy in force; replaced whole by a load of the policy file. */
struct warden_policy __rcu *warden_policy =
	RCU_INITIALIZER(&warden_initial_policy);

static void warden_policy_free_work(struct work_struct *work);

/* Set once, when an administrator first loads policy. */
bool warden_policy_loaded;

/* Set while the boot-time loader runs: its writes do not activate. */
static bool warden_activation_deferred;

/**
 * warden_policy_defer_activation - hold activation back, or stop doing so
 * @defer: whether writes to the profile and policy files leave the policy
 *         inactive from now on.
 *
 * The boot-time loader writes the policy in an order of its own choosing
 * (TOMOYO's loader writes profiles first and domains later, whose
 * use_profile lines may name profiles defined later still), so the
 * policy is activated once, when the loader is done.  Until then every
 * writer may change it, as before any policy was loaded.
 */
void warden_policy_defer_activation(bool defer)
{
	lockdep_assert_held(&warden_policy_lock);
	warden_activation_deferred = defer;
}

/**
 * warden_policy_activate - mark the policy loaded
 *
 * Called by the first write to the profile or policy file.  From then on
 * profiles decide, and the domains that use a profile nobody defined are
 * named in the kernel log, as they stay disabled.
 */
void warden_policy_activate(void)
{
	const struct warden_domain_policy *dp;
	const struct warden_policy *policy;

	lockdep_assert_held(&warden_policy_lock);
	if (warden_policy_loaded || warden_activation_deferred)
		return;
	policy = warden_policy_locked();
	list_for_each_entry(dp, &policy->domains, list)
		if (dp->profile &&
		    !rcu_access_pointer(warden_ns_profiles(policy, dp->ns)->profile[dp->profile]))
			pr_warn("Warden: profile %u used by '%s' is not defined\n",
				dp->profile, dp->name);
	/* Pairs with warden_policy_is_loaded(): profiles are seen first. */
	smp_store_release(&warden_policy_loaded, true);
	pr_info("Warden: policy loaded\n");
}

/**
 * warden_policy_init - complete the initial policy
 *
 * Return: 0, or -ENOMEM if the root domain could not be allocated.
 */
int __init warden_policy_init(void)
{
	int err;

	lockdep_init_map(&warden_policy_private_map, "warden_policy_private",
			 &warden_policy_private_key, 0);
	INIT_RCU_WORK(&warden_initial_policy.free_work,
		      warden_policy_free_work);
	mutex_lock(&warden_policy_lock);
	err = warden_domain_policy_init(&warden_initial_policy);
	warden_policy_unlock();
	return err;
}

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

/**
 * warden_namespace_get - a namespace of the policy, by name
 * @policy: the policy; the caller holds warden_policy_lock, or is in an
 *          RCU read-side critical section.
 * @name: the namespace, e.g. "<apache>"; not NUL-terminated.
 * @len: its length.
 *
 * Return: the namespace, %NULL for the root namespace "<kernel>", or
 * ERR_PTR(-ENOENT) when it does not exist.
 */
struct warden_namespace *warden_namespace_get(struct warden_policy *policy,
					      const char *name, size_t len)
{
	struct warden_namespace *ns;

	if (len == strlen(WARDEN_ROOT_DOMAINNAME) &&
	    !strncmp(name, WARDEN_ROOT_DOMAINNAME, len))
		return NULL;
	list_for_each_entry_rcu(ns, &policy->namespaces, list,
				warden_policy_write_held())
		if (strlen(ns->name) == len && !strncmp(ns->name, name, len))
			return ns;
	return ERR_PTR(-ENOENT);
}

/**
 * warden_namespace_new - a namespace not yet part of any policy
 * @name: the namespace, e.g. "<apache>"; not NUL-terminated.
 * @len: its length.
 *
 * A line that may be refused fills a new namespace first and publishes
 * it only once it applied, so that a refused line leaves no namespace
 * behind.  The caller may write the policy.
 *
 * Return: the namespace, charged to the policy quota, or ERR_PTR(-ENOMEM).
 */
struct warden_namespace *warden_namespace_new(const char *name, size_t len)
{
	struct warden_namespace *ns;
	size_t size = struct_size(ns, name, len + 1);

	lockdep_assert(warden_policy_write_held());
	if (!warden_memory_charge(WARDEN_MEMORY_POLICY, size))
		return ERR_PTR(-ENOMEM);
	ns = kzalloc(size, GFP_KERNEL_ACCOUNT);
	if (!ns) {
		warden_memory_uncharge(WARDEN_MEMORY_POLICY, size);
		return ERR_PTR(-ENOMEM);
	}
	ns->profiles.version = WARDEN_PROFILE_VERSION;
	warden_exception_init(&ns->exception);
	memcpy(ns->name, name, len);
	return ns;
}

/**
 * warden_namespace_discard - free a namespace no reader can reach
 * @ns: a namespace from warden_namespace_new() that was not published,
 *      or one unlinked from a policy no reader can reach any more.
 */
void warden_namespace_discard(struct warden_namespace *ns)
{
	warden_profile_set_clear(&ns->profiles);
	warden_exception_clear(&ns->exception);
	warden_memory_uncharge(WARDEN_MEMORY_POLICY,
			       struct_size(ns, name, strlen(ns->name) + 1));
	kfree(ns);
}

/**
 * warden_namespace_publish - make a new namespace part of a policy
 * @policy: the policy; the caller may write it (warden_policy_write_held()).
 * @ns: a namespace from warden_namespace_new().
 */
void warden_namespace_publish(struct warden_policy *policy,
			      struct warden_namespace *ns)
{
	lockdep_assert(warden_policy_write_held());
	list_add_tail_rcu(&ns->list, &policy->namespaces);
}

/* Free the namespaces of a policy no reader can reach any more. */
static void warden_namespace_clear(struct warden_policy *policy)
{
	struct warden_namespace *ns, *next;

	list_for_each_entry_safe(ns, next, &policy->namespaces, list) {
		list_del(&ns->list);
		warden_namespace_discard(ns);
	}
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
 * warden_ns_profiles - the profiles of a namespace
 * @policy: the policy.
 * @ns: the namespace, or %NULL for "<kernel>".
 *
 * Return: the namespace's profiles.
 */
const struct warden_profile_set *
warden_ns_profiles(const struct warden_policy *policy,
		   const struct warden_namespace *ns)
{
	return ns ? &ns->profiles : &policy->profiles;
}

/**
 * warden_ns_exception - the exception policy of a namespace
 * @policy: the policy.
 * @ns: the namespace, or %NULL for "<kernel>".
 *
 * Return: the namespace's exception policy.
 */
const struct warden_exception_policy *
warden_ns_exception(const struct warden_policy *policy,
		    const struct warden_namespace *ns)
{
	return ns ? &ns->exception : &policy->exception;
}

/**
 * warden_policy_show_profiles - print the profile file
 * @m: the seq_file.
 * @policy: the policy; the caller is in an RCU read-side critical section
 *          or may write the policy.
 *
 * The root namespace's profiles, then each other namespace's, every line
 * after the namespace's name.
 */
void warden_policy_show_profiles(struct seq_file *m,
				 const struct warden_policy *policy)
{
	const struct warden_namespace *ns;
	char prefix[WARDEN_NAMESPACE_PREFIX_MAX];

	warden_profile_show(m, &policy->profiles, "");
	list_for_each_entry_rcu(ns, &policy->namespaces, list,
				warden_policy_write_held()) {
		snprintf(prefix, sizeof(prefix), "%s ", ns->name);
		warden_profile_show(m, &ns->profiles, prefix);
	}
}

/**
 * warden_policy_show_exceptions - print the exception_policy file
 * @m: the seq_file.
 * @policy: the policy; the caller is in an RCU read-side critical section
 *          or may write the policy.
 * @transition_only: print only transition controls and aggregators.
 */
void warden_policy_show_exceptions(struct seq_file *m,
				   const struct warden_policy *policy,
				   bool transition_only)
{
	const struct warden_namespace *ns;
	char prefix[WARDEN_NAMESPACE_PREFIX_MAX];

	warden_exception_show(m, &policy->exception, "", transition_only);
	list_for_each_entry_rcu(ns, &policy->namespaces, list,
				warden_policy_write_held()) {
		snprintf(prefix, sizeof(prefix), "%s ", ns->name);
		warden_exception_show(m, &ns->exception, prefix,
				      transition_only);
	}
}

/*
 * Work on a policy no other task can reach: charge its memory to itself,
 * not to the policy in force, and let lockdep see the caller as its writer.
 */
static void warden_policy_private_enter(struct warden_policy *policy,
					struct warden_memory_account *account)
{
	lock_map_acquire(&warden_policy_private_map);
	warden_memory_account_begin(account, &policy->memory);
}

static void warden_policy_private_leave(struct warden_memory_account *account)
{
	warden_memory_account_end(account);
	lock_map_release(&warden_policy_private_map);
}

/* Free everything a policy holds; the caller may write it. */
static void warden_policy_clear(struct warden_policy *policy)
{
	lockdep_assert(warden_policy_write_held());
	warden_profile_set_clear(&policy->profiles);
	warden_manager_clear(policy);
	warden_exception_clear(&policy->exception);
	warden_domain_policy_clear(policy);
	warden_namespace_clear(policy);
}

/*
 * Free a policy no reader can reach any more: a private one, or one
 * replaced a grace period ago.  A policy counted apart gives its memory
 * back to its own count, which must end at zero.
 */
static void warden_policy_free(struct warden_policy *policy)
{
	struct warden_memory_account account;

	if (policy->apart) {
		warden_policy_private_enter(policy, &account);
		warden_policy_clear(policy);
		warden_policy_private_leave(&account);
		WARN_ON_ONCE(policy->memory);
	} else {
		warden_policy_clear(policy);
	}
	if (policy != &warden_initial_policy)
		kfree(policy);
}

static void warden_policy_free_work(struct work_struct *work)
{
	warden_policy_free(container_of(to_rcu_work(work), struct warden_policy,
					free_work));
}

/*
 * A new policy with only the root domain.  @apart: a private policy, whose
 * memory counts on its own until it is published; otherwise the caller
 * holds warden_policy_lock and the memory counts in the policy pool.
 */
static struct warden_policy *warden_policy_create(bool apart)
{
	struct warden_memory_account account;
	struct warden_policy *policy;
	int err;

	policy = kzalloc(sizeof(*policy), GFP_KERNEL_ACCOUNT);
	if (!policy)
		return NULL;
	policy->profiles.version = WARDEN_PROFILE_VERSION;
	INIT_LIST_HEAD(&policy->managers);
	warden_exception_init(&policy->exception);
	INIT_LIST_HEAD(&policy->namespaces);
	INIT_LIST_HEAD(&policy->domains);
	hash_init(policy->domain_hash);
	INIT_RCU_WORK(&policy->free_work, warden_policy_free_work);
	refcount_set(&policy->usage, 1);
	policy->apart = apart;
	if (apart)
		warden_policy_private_enter(policy, &account);
	err = warden_domain_policy_init(policy);
	if (apart)
		warden_policy_private_leave(&account);
	if (err) {
		kfree(policy);
		return NULL;
	}
	return policy;
}

/* The sections of the policy document, in the order they are printed. */
static const char *const warden_policy_sections[] = {
	"[profile]", "[manager]", "[exception_policy]", "[domain_policy]",
};

enum warden_policy_section {
	WARDEN_SECTION_NONE = -1,
	WARDEN_SECTION_PROFILE,
	WARDEN_SECTION_MANAGER,
	WARDEN_SECTION_EXCEPTION,
	WARDEN_SECTION_DOMAIN,
};

static int warden_policy_apply_line(struct warden_policy *policy,
				    int section, char **selected, char *line,
				    const char **reason)
{
	switch (section) {
	case WARDEN_SECTION_PROFILE:
		return warden_policy_write_profile(policy, line, reason);
	case WARDEN_SECTION_MANAGER:
		return warden_manager_write(policy, line, reason);
	case WARDEN_SECTION_DOMAIN:
		return warden_domain_policy_write(policy, selected, line,
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
		pr_warn_ratelimited("Warden: policy: profile %u used by '%s' is not defined\n",
				    dp->profile, dp->name);
		*reason = "a domain uses a profile the policy does not define";
		return -EINVAL;
	}
	return 0;
}

/*
 * The longest line of a document.  A longer one is refused, so that a
 * newline-free write cannot grow the line buffer without bound.
 */
#define WARDEN_DOCUMENT_LINE_MAX (64 * 1024)
/* The largest policy document accepted in one load. */
#define WARDEN_DOCUMENT_MAX (64 * 1024 * 1024)
/* How much of a refused line the kernel log quotes. */
#define WARDEN_DOCUMENT_QUOTE 80

/**
 * struct warden_document - a policy document being written
 * @policy: the private policy its lines build; %NULL until the first byte.
 * @section: the section the next line belongs to.
 * @selected: the domain later [domain_policy] lines apply to, or %NULL.
 * @line: the line not yet ended by a newline.
 * @len: bytes in @line.
 * @size: bytes allocated for @line.
 * @bytes: bytes written so far.
 * @lineno: lines ended so far; the number of the refused line after an
 *          error.
 * @reason: why the document was refused, for the kernel log.
 * @err: the error that poisoned the document: once set, nothing of it
 *       applies, and every later write and the close report it.
 * @done: the document was applied or discarded; it takes no more bytes.
 *
 * Only the task writing the document touches it (the policy file
 * serialises its writers), so none of this is locked.
 */
struct warden_document {
	struct warden_policy *policy;
	int section;
	char *selected;
	char *line;
	size_t len;
	size_t size;
	size_t bytes;
	unsigned int lineno;
	const char *reason;
	int err;
	bool done;
};

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
		pr_warn_ratelimited("Warden: policy: line %u: %s: \"%.*s\"; the policy in force is unchanged\n",
				    doc->lineno, doc->reason,
				    WARDEN_DOCUMENT_QUOTE, line);
	else
		pr_warn_ratelimited("Warden: policy: line %u: %s; the policy in force is unchanged\n",
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

/* Parse the last line, if it has no newline, and check the whole. */
static int warden_document_finish(struct warden_document *doc)
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

/*
 * Put a private policy in force.  The quota is checked against its own
 * size: the policy it replaces stops counting at the same moment, and is
 * freed a grace period later without the caller waiting for it.
 */
static int warden_policy_publish(struct warden_policy *new)
{
	struct warden_policy *old;
	size_t replaced;
	int err;

	mutex_lock(&warden_policy_lock);
	err = warden_memory_replace(WARDEN_MEMORY_POLICY, new->memory,
				    &replaced);
	if (err)
		goto out_unlock;
	new->memory = 0;
	new->apart = false;
	old = rcu_replace_pointer(warden_policy, new,
				  lockdep_is_held(&warden_policy_lock));
	old->memory = replaced;
	old->apart = true;
	warden_stat_record(WARDEN_STAT_POLICY_UPDATE);
	warden_policy_activate();
	/* Readers that pinned it keep it; the last one frees it. */
	warden_policy_put(old);
out_unlock:
	warden_policy_unlock();
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
 * The store operation of the line files: it holds warden_policy_lock for
 * this one line only, so a document being parsed meanwhile, which holds
 * no lock, neither waits for it nor is waited for.  The first profile
 * line activates the policy.  Every applied line counts as a policy
 * update.
 *
 * Return: 0, or the line's error (-EINVAL, -ENOENT, -ENOMEM); a refused
 * line changes nothing.
 */
int warden_policy_store_line(enum warden_policy_view file, char **selected,
			     char *line, const char **reason)
{
	struct warden_policy *policy;
	int err;

	*reason = NULL;
	mutex_lock(&warden_policy_lock);
	policy = warden_policy_locked();
	switch (file) {
	case WARDEN_VIEW_PROFILE:
		err = warden_policy_write_profile(policy, line, reason);
		if (!err)
			warden_policy_activate();
		break;
	case WARDEN_VIEW_MANAGER:
		err = warden_manager_write(policy, line, reason);
		break;
	case WARDEN_VIEW_EXCEPTION:
		err = warden_policy_write_exception(policy, line, reason);
		break;
	case WARDEN_VIEW_DOMAIN:
		err = warden_domain_policy_write(policy, selected, line,
						 reason);
		break;
	default:
		err = -EINVAL;
		break;
	}
	if (!err)
		warden_stat_record(WARDEN_STAT_POLICY_UPDATE);
	warden_policy_unlock();
	return err;
}

/**
 * warden_policy_has_domain - whether the policy in force has a domain
 * @name: the domainname.
 *
 * Return: true if the domain exists now; it may be deleted at any time.
 */
bool warden_policy_has_domain(const char *name)
{
	bool found;

	rcu_read_lock();
	found = warden_domain_policy_find(rcu_dereference(warden_policy), name);
	rcu_read_unlock();
	return found;
}

/**
 * warden_policy_get - pin the policy in force
 *
 * A reader that prints the policy over several reads keeps printing the
 * same policy, even if a document replaces it meanwhile.
 *
 * Return: the policy in force, with a reference for warden_policy_put().
 */
struct warden_policy *warden_policy_get(void)
{
	struct warden_policy *policy;

	rcu_read_lock();
	for (;;) {
		policy = rcu_dereference(warden_policy);
		if (refcount_inc_not_zero(&policy->usage))
			break;
		/* Being replaced: the pointer already names the next one. */
		cpu_relax();
	}
	rcu_read_unlock();
	return policy;
}

/**
 * warden_policy_put - drop a reference to a policy
 * @policy: a policy from warden_policy_get(), or %NULL.
 *
 * The last reference to a replaced policy frees it after a grace period,
 * from a work item, so the caller never waits.
 */
void warden_policy_put(struct warden_policy *policy)
{
	if (policy && refcount_dec_and_test(&policy->usage))
		queue_rcu_work(system_wq, &policy->free_work);
}

/* Records before the domains, for each view. */
static const unsigned int warden_view_heads[] = {
	[WARDEN_VIEW_PROFILE] = 1,
	[WARDEN_VIEW_MANAGER] = 1,
	[WARDEN_VIEW_EXCEPTION] = 1,
	[WARDEN_VIEW_DOMAIN] = 0,
	[WARDEN_VIEW_DOCUMENT] = 4,
};

static bool warden_view_has_domains(enum warden_policy_view view)
{
	return view == WARDEN_VIEW_DOMAIN || view == WARDEN_VIEW_DOCUMENT;
}

/* The first domain the cursor prints, or NULL; under RCU. */
static struct warden_domain_policy *
warden_policy_cursor_first(const struct warden_policy_cursor *cursor)
{
	if (cursor->only)
		return warden_domain_policy_find(cursor->policy, cursor->only);
	return list_first_or_null_rcu(&cursor->policy->domains,
				      struct warden_domain_policy, list);
}

/**
 * warden_policy_cursor_seek - put a cursor on a record
 * @cursor: the cursor, its @policy, @view, @only and @transition_only set;
 *          the caller is in an RCU read-side critical section.
 * @index: the record.
 *
 * Return: false past the last record.
 */
bool warden_policy_cursor_seek(struct warden_policy_cursor *cursor,
			       loff_t index)
{
	const unsigned int heads = warden_view_heads[cursor->view];
	struct warden_domain_policy *domain;

	cursor->index = index;
	cursor->domain = NULL;
	if (index < heads)
		return true;
	if (!warden_view_has_domains(cursor->view))
		return false;
	domain = warden_policy_cursor_first(cursor);
	for (index -= heads; domain && index; index--) {
		if (cursor->only)
			return false;
		domain = list_next_or_null_rcu(&cursor->policy->domains,
					       &domain->list,
					       struct warden_domain_policy,
					       list);
	}
	cursor->domain = domain;
	return domain;
}

/**
 * warden_policy_cursor_next - move a cursor to the next record
 * @cursor: a cursor warden_policy_cursor_seek() placed, in the same RCU
 *          read-side critical section.
 *
 * Return: false past the last record.
 */
bool warden_policy_cursor_next(struct warden_policy_cursor *cursor)
{
	const unsigned int heads = warden_view_heads[cursor->view];

	cursor->index++;
	if (cursor->index < heads)
		return true;
	if (!warden_view_has_domains(cursor->view))
		return false;
	if (cursor->index == heads)
		cursor->domain = warden_policy_cursor_first(cursor);
	else if (cursor->only || !cursor->domain)
		cursor->domain = NULL;
	else
		cursor->domain = list_next_or_null_rcu(&cursor->policy->domains,
						       &cursor->domain->list,
						       struct warden_domain_policy,
						       list);
	return cursor->domain;
}

/**
 * warden_policy_cursor_show - print the record under a cursor
 * @m: the seq_file.
 * @cursor: a cursor on a record, in the RCU read-side critical section
 *          that placed it.
 *
 * The records together print what the policy file reads as a document,
 * or what the profile, manager, exception_policy and domain_policy files
 * read line by line.
 */
void warden_policy_cursor_show(struct seq_file *m,
			       const struct warden_policy_cursor *cursor)
{
	const struct warden_policy *policy = cursor->policy;
	enum warden_policy_section section = cursor->index;

	if (cursor->domain) {
		warden_domain_policy_show_domain(m, cursor->domain,
						 cursor->transition_only);
		return;
	}
	switch (cursor->view) {
	case WARDEN_VIEW_PROFILE:
		section = WARDEN_SECTION_PROFILE;
		break;
	case WARDEN_VIEW_MANAGER:
		section = WARDEN_SECTION_MANAGER;
		break;
	case WARDEN_VIEW_EXCEPTION:
		section = WARDEN_SECTION_EXCEPTION;
		break;
	case WARDEN_VIEW_DOMAIN:
		return;
	case WARDEN_VIEW_DOCUMENT:
		seq_printf(m, "%s\n", warden_policy_sections[section]);
		break;
	}
	switch (section) {
	case WARDEN_SECTION_PROFILE:
		warden_policy_show_profiles(m, policy);
		break;
	case WARDEN_SECTION_MANAGER:
		warden_manager_show(m, policy);
		break;
	case WARDEN_SECTION_EXCEPTION:
		warden_policy_show_exceptions(m, policy,
					      cursor->transition_only);
		break;
	default:
		break;
	}
}

#ifdef CONFIG_SECURITY_WARDEN_KUNIT_TEST
/* The parser fuzzer and the document tests drive the statics above. */
#include "policy_fuzz.c"
#include "tests/policy_kunit.c"
#endif
