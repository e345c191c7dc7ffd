// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - exec: the domain a program runs in, and the current
 * domain as the LSM attribute interfaces report it.
 *
 * The next domain is computed on bprm->cred, so that it takes effect only
 * if the exec succeeds: the program's name (the name it was executed by,
 * its last symlink not followed), then aggregators, the execute
 * permission, and the exception policy's transition controls.
 */

#include <linux/binfmts.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/lsm_hooks.h>
#include <linux/magic.h>
#include <linux/namei.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/security.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <uapi/linux/lsm.h>

#include "check.h"
#include "cond.h"
#include "cred.h"
#include "domain.h"
#include "domain_policy.h"
#include "exception.h"
#include "exec.h"
#include "hooks.h"
#include "netacl.h"
#include "policy.h"
#include "realpath.h"

/*
 * The name the program was executed by.  fd-based execs (fexecve,
 * execveat with AT_EMPTY_PATH) and names that resolve through procfs
 * magic links are named by the file itself.
 */
static int warden_exec_name(const struct linux_binprm *bprm,
			    struct warden_name *out)
{
	struct path path;
	int err;

	if (!kern_path(bprm->filename, 0, &path)) {
		bool magic = path.dentry->d_sb->s_magic == PROC_SUPER_MAGIC;

		err = magic ? -ENOENT : warden_name_build(&path, false, out);
		path_put(&path);
		if (!err)
			return 0;
	}
	return warden_name_build(&bprm->file->f_path, false, out);
}

/*
 * The exception policy of the namespace @domain is in; the caller is in an
 * RCU read-side critical section.
 */
static const struct warden_exception_policy *
warden_exception_of(const struct warden_domain *domain)
{
	const struct warden_policy *policy = rcu_dereference(warden_policy);
	const struct warden_domain_policy *dp;

	dp = warden_check_domain(policy, domain);
	return warden_ns_exception(policy, dp ? dp->ns : NULL);
}

/* The length of the namespace word "<...>" that starts @domainname. */
static size_t warden_namespace_len(const char *domainname)
{
	const char *space = strchr(domainname, ' ');

	return space ? space - domainname : strlen(domainname);
}

static bool warden_same_namespace(const char *a, const char *b)
{
	size_t len = warden_namespace_len(a);

	return len == warden_namespace_len(b) && !strncmp(a, b, len);
}

/**
 * warden_enter_domain - find or create the policy of a domain to enter
 * @from: the domain the task is in.
 * @name: the domain it enters.
 *
 * A domain the policy lacks is created, inheriting the profile and
 * groups of @from within a namespace.  If it cannot be created, @from is
 * marked transition_failed.
 *
 * Return: the live domain with a reference, or %NULL.
 */
struct warden_domain *warden_enter_domain(const struct warden_domain *from,
					  const char *name)
{
	struct warden_domain_policy *dp, *from_dp;
	struct warden_policy *policy;
	bool exists;

	rcu_read_lock();
	exists = warden_domain_policy_find(rcu_dereference(warden_policy),
					   name);
	rcu_read_unlock();
	if (!exists) {
		mutex_lock(&warden_policy_lock);
		policy = warden_policy_locked();
		from_dp = warden_check_domain(policy, from);
		dp = warden_domain_policy_assign(policy, name,
						 warden_same_namespace(from->name, name) ?
						 from_dp : NULL);
		if (!dp && from_dp && !from_dp->transition_failed) {
			WRITE_ONCE(from_dp->transition_failed, true);
			pr_warn("Warden: domain '%s' could not be created\n",
				name);
		}
		warden_policy_unlock();
		if (!dp)
			return NULL;
	}
	return warden_domain_lookup(name, GFP_KERNEL);
}

/*
 * Where "file execute <program> <transit>" sends the exec: a domainname,
 * a program taken as the child's, "parent", or NULL for the keywords,
 * which name a transition type instead.
 */
static char *warden_transit_domainname(const struct warden_domain *from,
				       const char *transit,
				       enum warden_transition *type)
{
	const char *last = strrchr(from->name, ' ');

	if (!strcmp(transit, "keep"))
		*type = WARDEN_TRANSITION_KEEP;
	else if (!strcmp(transit, "child"))
		*type = WARDEN_TRANSITION_CHILD;
	else if (!strcmp(transit, "reset"))
		*type = WARDEN_TRANSITION_RESET;
	else if (!strcmp(transit, "initialize"))
		*type = WARDEN_TRANSITION_INITIALIZE;
	else if (*transit == '<')
		return kstrdup(transit, GFP_KERNEL);
	else if (strcmp(transit, "parent"))
		return kasprintf(GFP_KERNEL, "%s %s", from->name, transit);
	else if (last)
		return kmemdup_nul(from->name, last - from->name, GFP_KERNEL);
	else
		return kstrdup(from->name, GFP_KERNEL);
	return NULL;
}

/*
 * The domain an exec of @program from @from enters, or NULL to stay.  An
 * entry's preference @transit overrides the exception policy, and makes
 * a transition that cannot be made fail the exec (*@strict).
 */
static char *warden_next_domainname(const struct warden_domain *from,
				    const char *program, const char *transit,
				    bool *strict)
{
	enum warden_transition type;

	*strict = transit;
	if (transit) {
		char *name = warden_transit_domainname(from, transit, &type);

		if (name)
			return name;
	} else {
		rcu_read_lock();
		type = warden_exception_transition(warden_exception_of(from),
						   from->name, program);
		rcu_read_unlock();
	}
	switch (type) {
	case WARDEN_TRANSITION_KEEP:
		return NULL;
	case WARDEN_TRANSITION_RESET:
		/* Entering another namespace must not silently fail. */
		*strict = true;
		return kasprintf(GFP_KERNEL, "<%s>", program);
	case WARDEN_TRANSITION_INITIALIZE:
		return kasprintf(GFP_KERNEL, "%.*s %s",
				 (int)warden_namespace_len(from->name),
				 from->name, program);
	default:
		return kasprintf(GFP_KERNEL, "%s %s", from->name, program);
	}
}

/* Reads the strings an exec copied to the new program's stack. */
struct warden_arg_reader {
	struct linux_binprm *bprm;
	unsigned long pos;
	unsigned long page_start;
	struct page *page;
	char *kaddr;
};

static void warden_arg_release(struct warden_arg_reader *r)
{
	if (!r->page)
		return;
	kunmap_local(r->kaddr);
	put_page(r->page);
	r->page = NULL;
}

/* The next byte; the page that holds it is fetched when needed. */
static int warden_arg_byte(struct warden_arg_reader *r, char *c)
{
	unsigned long page_start = r->pos & PAGE_MASK;
	long got;

	if (!r->page || r->page_start != page_start) {
		warden_arg_release(r);
		mmap_read_lock(r->bprm->mm);
		got = get_user_pages_remote(r->bprm->mm, r->pos, 1, FOLL_FORCE,
					    &r->page, NULL);
		mmap_read_unlock(r->bprm->mm);
		if (got <= 0) {
			r->page = NULL;
			return -EFAULT;
		}
		r->kaddr = kmap_local_page(r->page);
		r->page_start = page_start;
	}
	*c = r->kaddr[r->pos++ - page_start];
	return 0;
}

/*
 * Read the next string into @buf, or as much of it as fits before a '='
 * when @stop_at_equals; skip the rest.  Returns its length, or -E2BIG when
 * the kept part does not fit, or -EFAULT.
 */
static int warden_arg_string(struct warden_arg_reader *r, char *buf,
			     size_t size, bool stop_at_equals)
{
	bool keeping = buf;
	size_t len = 0;
	char c;
	int err;

	do {
		err = warden_arg_byte(r, &c);
		if (err)
			return err;
		if (stop_at_equals && c == '=')
			keeping = false;
		if (keeping && c) {
			if (len + 1 >= size)
				return -E2BIG;
			buf[len++] = c;
		}
	} while (c);
	if (buf)
		buf[len] = '\0';
	return len;
}

/* The most argument and environment bytes conditions are matched on. */
#define WARDEN_EXEC_ARGS_MAX (64 * 1024)

/*
 * Copy the exec's argument and environment strings for exec.argv[] and
 * exec.envp[] conditions.  When they are longer than the copy may be, no
 * copy is made, and such conditions are not met.
 */
static void warden_exec_args(struct linux_binprm *bprm,
			     struct warden_cond_ctx *ctx)
{
	struct warden_arg_reader r = { .bprm = bprm, .pos = bprm->p };
	unsigned int strings = bprm->argc + bprm->envc, done = 0;
	size_t len = 0;
	char *args, c;

	args = kmalloc(WARDEN_EXEC_ARGS_MAX, GFP_KERNEL);
	if (!args)
		return;
	while (done < strings) {
		if (len == WARDEN_EXEC_ARGS_MAX || warden_arg_byte(&r, &c)) {
			warden_arg_release(&r);
			kfree(args);
			return;
		}
		args[len++] = c;
		if (!c)
			done++;
	}
	warden_arg_release(&r);
	ctx->args = args;
	ctx->args_len = len;
	ctx->argc = bprm->argc;
	ctx->envc = bprm->envc;
}

/* The longest environment variable name an exec may pass checked. */
#define WARDEN_ENV_NAME_MAX 1024

/*
 * "misc env <name>": every environment variable the new program gets is
 * checked in the domain it will run in, as in TOMOYO.
 */
static int warden_check_env(struct linux_binprm *bprm,
			    const struct warden_domain *domain)
{
	struct warden_arg_reader r = { .bprm = bprm, .pos = bprm->p };
	struct warden_net_request req = { .family = WARDEN_NET_MISC_ENV };
	char *name, *encoded;
	int i, len, err = 0;

	if (!bprm->envc || !warden_op_enabled(domain, WARDEN_OP_MISC_ENV))
		return 0;
	name = kmalloc(WARDEN_ENV_NAME_MAX, GFP_KERNEL);
	encoded = kmalloc(WARDEN_ENV_NAME_MAX * 4 + 1, GFP_KERNEL);
	if (!name || !encoded) {
		err = -ENOMEM;
		goto out;
	}
	/* The arguments come first on the stack, then the environment. */
	for (i = 0; i < bprm->argc && !err; i++)
		err = min(warden_arg_string(&r, NULL, 0, false), 0);
	for (i = 0; i < bprm->envc && !err; i++) {
		len = warden_arg_string(&r, name, WARDEN_ENV_NAME_MAX, true);
		if (len < 0) {
			err = len;
			break;
		}
		warden_encode(encoded, name, len);
		req.name = encoded;
		err = warden_check_net(domain, WARDEN_OP_MISC_ENV, &req);
	}
out:
	warden_arg_release(&r);
	kfree(encoded);
	kfree(name);
	return err;
}

static int warden_bprm_creds_for_exec(struct linux_binprm *bprm)
{
	struct warden_cred_security *blob = warden_cred(bprm->cred);
	struct warden_domain *from = warden_current_domain(), *next;
	struct warden_request req = {
		.kind = WARDEN_ACL_PATH,
		.op = WARDEN_PATH_EXECUTE,
	};
	struct warden_cond_ctx ctx = {
		.path = { &bprm->file->f_path },
		.bprm = bprm,
	};
	struct warden_name exe, real = {};
	struct warden_verdict verdict;
	char *program, *name;
	const char *aggregated;
	bool strict;
	int err;

	blob->exec_file = bprm->file;
	/* Before a policy is loaded every exec stays in the root domain. */
	if (!warden_policy_is_loaded()) {
		warden_loader_run(bprm);
		return 0;
	}
	err = warden_exec_name(bprm, &exe);
	if (err)
		return err;
	rcu_read_lock();
	aggregated = warden_exception_aggregate(warden_exception_of(from),
						exe.name);
	program = kstrdup(aggregated ?: exe.name, GFP_ATOMIC);
	rcu_read_unlock();
	warden_name_put(&exe);
	if (!program)
		return -ENOMEM;

	/* exec.realpath in conditions: the file, its symlinks followed. */
	err = warden_name_build(&bprm->file->f_path, false, &real);
	if (err)
		goto out;
	ctx.exec_realpath = real.name;
	if (warden_op_enabled(from, WARDEN_OP_FILE_EXECUTE))
		warden_exec_args(bprm, &ctx);
	req.word[0] = program;
	req.cond = &ctx;
	err = warden_check(from, WARDEN_OP_FILE_EXECUTE, &req, &verdict);
	warden_name_put(&real);
	kfree(ctx.args);
	if (err)
		goto out;
	/* A pattern that granted the exec names the domain, as in TOMOYO. */
	if (verdict.matched) {
		kfree(program);
		program = verdict.matched;
	}
	name = warden_next_domainname(from, program, verdict.transit, &strict);
	kfree(verdict.transit);
	if (!name)
		goto out;
	next = warden_enter_domain(from, name);
	if (next) {
		warden_domain_put(blob->domain);
		blob->domain = next;
	} else if (strict || verdict.mode == WARDEN_MODE_ENFORCING) {
		err = -ENOMEM;
	}
	kfree(name);
out:
	kfree(program);
	if (!err)
		err = warden_check_env(bprm, blob->domain);
	return err;
}

/*
 * A script's interpreter, or the loader binfmt_misc names, is read by the
 * program's new domain: it needs "file read" there, as in TOMOYO.
 */
static int warden_bprm_check_security(struct linux_binprm *bprm)
{
	struct warden_cred_security *blob = warden_cred(bprm->cred);

	if (bprm->file == blob->exec_file || !blob->domain)
		return 0;
	return warden_path_perm(blob->domain, WARDEN_OP_FILE_OPEN,
				WARDEN_PATH_READ, &bprm->file->f_path);
}

/**
 * warden_self_transition - move the caller to a domain it may enter
 * @name: the domainname.
 *
 * Writing a domainname to self_domain does this; the caller's domain
 * needs "task manual_domain_transition <name>".
 *
 * Return: 0, -EINVAL for a bad name, -EPERM, or -ENOMEM.
 */
int warden_self_transition(const char *name)
{
	struct warden_domain *from = warden_current_domain(), *next;
	const struct warden_domain_policy *dp;
	struct cred *cred;
	bool allowed;
	int err;

	err = warden_domainname_check(name);
	if (err)
		return err;
	rcu_read_lock();
	dp = warden_check_domain(rcu_dereference(warden_policy), from);
	allowed = dp && warden_netacl_task_allowed(&dp->netacls, name);
	rcu_read_unlock();
	if (!allowed)
		return -EPERM;
	next = warden_enter_domain(from, name);
	if (!next)
		return -ENOMEM;
	cred = prepare_creds();
	if (!cred) {
		warden_domain_put(next);
		return -ENOMEM;
	}
	warden_domain_put(warden_cred(cred)->domain);
	warden_cred(cred)->domain = next;
	return commit_creds(cred);
}

/* The domainname of a task, allocated, or NULL. */
static char *warden_task_domainname(struct task_struct *task,
				    const char *suffix)
{
	struct warden_domain *domain;
	char *name;

	rcu_read_lock();
	domain = warden_domain_get(warden_cred(__task_cred(task))->domain);
	rcu_read_unlock();
	if (!domain)
		return NULL;
	name = kasprintf(GFP_KERNEL, "%s%s", domain->name, suffix);
	warden_domain_put(domain);
	return name;
}

static int warden_getselfattr(unsigned int attr, struct lsm_ctx __user *ctx,
			      u32 *size, u32 flags)
{
	char *name;
	int err;

	if (attr != LSM_ATTR_CURRENT)
		return -EOPNOTSUPP;
	name = warden_task_domainname(current, "");
	if (!name)
		return -ENOMEM;
	err = lsm_fill_user_ctx(ctx, size, name, strlen(name) + 1,
				LSM_ID_WARDEN, 0);
	kfree(name);
	return err < 0 ? err : 1;
}

static int warden_getprocattr(struct task_struct *task, const char *attr,
			      char **value)
{
	char *name;

	if (strcmp(attr, "current"))
		return -EINVAL;
	name = warden_task_domainname(task, "\n");
	if (!name)
		return -ENOMEM;
	*value = name;
	return strlen(name);
}

static struct security_hook_list warden_exec_hooks[] __ro_after_init = {
	LSM_HOOK_INIT(bprm_creds_for_exec, warden_bprm_creds_for_exec),
	LSM_HOOK_INIT(bprm_check_security, warden_bprm_check_security),
	LSM_HOOK_INIT(getselfattr, warden_getselfattr),
	LSM_HOOK_INIT(getprocattr, warden_getprocattr),
};

/**
 * warden_add_exec_hooks - register the exec and attribute hooks
 */
void __init warden_add_exec_hooks(void)
{
	security_add_hooks(warden_exec_hooks, ARRAY_SIZE(warden_exec_hooks),
			   &warden_lsmid);
}
