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

#include "common.h"

#include <linux/err.h>
#include <linux/init.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "domain_policy.h"
#include "manager.h"
#include "policy.h"
#include "stat.h"
#include "profile.h"
#include "value.h"

/* Serialises every change to the policy; readers use RCU instead. */
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

static struct warden_policy warden_initial_policy = {
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
			pr_warn("profile %u used by '%s' is not defined\n",
				dp->profile, dp->name);
	/* Pairs with warden_policy_is_loaded(): profiles are seen first. */
	smp_store_release(&warden_policy_loaded, true);
	pr_info("policy loaded\n");
}

/**
 * warden_policy_init - complete the initial policy
 *
 * Return: 0, or -ENOMEM if the root domain could not be allocated.
 */
int __init warden_policy_init(void)
{
	int err;

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
				lockdep_is_held(&warden_policy_lock))
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
 * behind.  The caller holds warden_policy_lock.
 *
 * Return: the namespace, charged to the policy quota, or ERR_PTR(-ENOMEM).
 */
struct warden_namespace *warden_namespace_new(const char *name, size_t len)
{
	struct warden_namespace *ns;
	size_t size = struct_size(ns, name, len + 1);

	lockdep_assert_held(&warden_policy_lock);
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
 * @policy: the policy; the caller holds warden_policy_lock.
 * @ns: a namespace from warden_namespace_new().
 */
void warden_namespace_publish(struct warden_policy *policy,
			      struct warden_namespace *ns)
{
	lockdep_assert_held(&warden_policy_lock);
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

	lockdep_assert_held(&warden_policy_lock);
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
 * @policy: the policy; the caller holds warden_policy_lock.
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
 * @policy: the policy; the caller holds warden_policy_lock.
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
 * @policy: the policy; the caller holds warden_policy_lock.
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
	list_for_each_entry(ns, &policy->namespaces, list) {
		snprintf(prefix, sizeof(prefix), "%s ", ns->name);
		warden_profile_show(m, &ns->profiles, prefix);
	}
}

/**
 * warden_policy_show_exceptions - print the exception_policy file
 * @m: the seq_file.
 * @policy: the policy; the caller holds warden_policy_lock.
 * @transition_only: print only transition controls and aggregators.
 */
void warden_policy_show_exceptions(struct seq_file *m,
				   const struct warden_policy *policy,
				   bool transition_only)
{
	const struct warden_namespace *ns;
	char prefix[WARDEN_NAMESPACE_PREFIX_MAX];

	warden_exception_show(m, &policy->exception, "", transition_only);
	list_for_each_entry(ns, &policy->namespaces, list) {
		snprintf(prefix, sizeof(prefix), "%s ", ns->name);
		warden_exception_show(m, &ns->exception, prefix,
				      transition_only);
	}
}

static struct warden_policy *warden_policy_alloc(void)
{
	struct warden_policy *policy;

	lockdep_assert_held(&warden_policy_lock);
	policy = kzalloc(sizeof(*policy), GFP_KERNEL_ACCOUNT);
	if (!policy)
		return NULL;
	policy->profiles.version = WARDEN_PROFILE_VERSION;
	INIT_LIST_HEAD(&policy->managers);
	warden_exception_init(&policy->exception);
	INIT_LIST_HEAD(&policy->namespaces);
	INIT_LIST_HEAD(&policy->domains);
	hash_init(policy->domain_hash);
	if (warden_domain_policy_init(policy)) {
		kfree(policy);
		return NULL;
	}
	return policy;
}

/* Free a policy no reader can reach any more. */
static void warden_policy_free(struct warden_policy *policy)
{
	lockdep_assert_held(&warden_policy_lock);
	warden_profile_set_clear(&policy->profiles);
	warden_manager_clear(policy);
	warden_exception_clear(&policy->exception);
	warden_domain_policy_clear(policy);
	warden_namespace_clear(policy);
	if (policy != &warden_initial_policy)
		kfree(policy);
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

static_assert(ARRAY_SIZE(warden_policy_sections) == WARDEN_SECTION_DOMAIN + 1);

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
		pr_warn_ratelimited("policy: profile %u used by '%s' is not defined\n",
				    dp->profile, dp->name);
		*reason = "a domain uses a profile the policy does not define";
		return -EINVAL;
	}
	return 0;
}

/*
 * Build a policy from a document, beside the one in force.  Returns the
 * new policy, or an ERR_PTR with *@lineno and *@reason telling which line
 * was refused and why; nothing of a refused document is kept.
 */
static struct warden_policy *warden_policy_parse(char *document,
						 unsigned int *lineno,
						 const char **reason)
{
	int section = WARDEN_SECTION_NONE, err = 0;
	char *selected = NULL, *line;
	struct warden_policy *new;

	lockdep_assert_held(&warden_policy_lock);
	*lineno = 0;
	*reason = NULL;
	new = warden_policy_alloc();
	if (!new)
		return ERR_PTR(-ENOMEM);
	while (!err && (line = strsep(&document, "\n"))) {
		int i;

		/* A document may hold millions of lines: let others run. */
		cond_resched();
		++*lineno;
		warden_normalize_line(line);
		if (!*line || *line == '#')
			continue;
		i = match_string(warden_policy_sections,
				 ARRAY_SIZE(warden_policy_sections), line);
		if (i >= 0) {
			section = i;
			continue;
		}
		err = warden_policy_apply_line(new, section, &selected, line,
					       reason);
	}
	kfree(selected);
	if (!err)
		err = warden_policy_check_profiles(new, reason);
	if (err) {
		warden_policy_free(new);
		return ERR_PTR(err);
	}
	return new;
}

/**
 * warden_policy_replace - build a policy from a document and put it in force
 * @document: the whole policy: "[profile]", "[manager]",
 *            "[exception_policy]" and "[domain_policy]" lines each start a
 *            section whose lines are those of the file of that name.
 *            Parsed in place.
 * @lineno: receives the number of the line that was refused.
 * @reason: receives why it was refused.
 *
 * Either every line applies and the new policy replaces the one in force
 * at once, or nothing changes.
 *
 * Return: 0, or the error of the first refused line.
 */
int warden_policy_replace(char *document, unsigned int *lineno,
			  const char **reason)
{
	struct warden_policy *new, *old;
	int err = 0;

	mutex_lock(&warden_policy_lock);
	new = warden_policy_parse(document, lineno, reason);
	if (IS_ERR(new)) {
		err = PTR_ERR(new);
		goto out_unlock;
	}
	old = warden_policy_locked();
	rcu_assign_pointer(warden_policy, new);
	warden_stat_record(WARDEN_STAT_POLICY_UPDATE);
	warden_policy_activate();
	/* Checks that started under the old policy finish before it goes. */
	synchronize_rcu();
	warden_policy_free(old);
out_unlock:
	warden_policy_unlock();
	return err;
}

/* Print @policy as one document; the caller holds warden_policy_lock. */
static void warden_policy_print(struct seq_file *m,
				const struct warden_policy *policy)
{
	seq_printf(m, "%s\n", warden_policy_sections[WARDEN_SECTION_PROFILE]);
	warden_policy_show_profiles(m, policy);
	seq_printf(m, "%s\n", warden_policy_sections[WARDEN_SECTION_MANAGER]);
	warden_manager_show(m, policy);
	seq_printf(m, "%s\n", warden_policy_sections[WARDEN_SECTION_EXCEPTION]);
	warden_policy_show_exceptions(m, policy, false);
	seq_printf(m, "%s\n", warden_policy_sections[WARDEN_SECTION_DOMAIN]);
	warden_domain_policy_show(m, policy, NULL, false);
}

/**
 * warden_policy_show - print the whole policy as one document
 * @m: the seq_file.
 *
 * The output is what warden_policy_replace() reads.
 */
void warden_policy_show(struct seq_file *m)
{
	mutex_lock(&warden_policy_lock);
	warden_policy_print(m, warden_policy_locked());
	warden_policy_unlock();
}

#ifdef CONFIG_SECURITY_WARDEN_KUNIT_TEST
/* The parser fuzzer drives the static functions above. */
#include "policy_fuzz.c"
#endif
