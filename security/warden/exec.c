// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - exec: the domain a program runs in, and the current
 * domain as the LSM attribute interfaces report it.
 *
 * The next domain is computed on bprm->cred, so that it takes effect only
 * if the exec succeeds: the program's name (the name it was executed by,
 * its last symlink not followed), then aggregators, the execute
 * permission, and the exception policy's transition controls.  The
 * strings the exec passes are read by exec_args.c.
 */

#include "common.h"

#include <linux/binfmts.h>
#include <linux/cred.h>
#include <linux/fs.h>
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
#include "exec_args.h"
#include "file.h"
#include "netacl.h"
#include "policy.h"
#include "realpath.h"
#include "setup.h"
#include "transition.h"

/*
 * Of the names procfs gives, only its link to the caller's own program,
 * "proc:/self/exe", names a program as it was executed, as in TOMOYO:
 * busybox's shell runs its applets through it.  The links of file
 * descriptors (fexecve() and execveat() with AT_EMPTY_PATH execute
 * "/dev/fd/<n>") would name a domain by a number; the file they lead to
 * names it instead.
 */
static bool warden_exec_name_kept(const struct path *path, const char *name)
{
	return path->dentry->d_sb->s_magic != PROC_SUPER_MAGIC ||
	       !strcmp(name, "proc:/self/exe");
}

/*
 * The name the program was executed by, its last symlink not followed.
 * fd-based execs (fexecve, execveat with AT_EMPTY_PATH) and other names
 * that resolve through procfs magic links are named by the file itself.
 * Running out of memory is an error, not a reason to name the program
 * otherwise.
 */
static int warden_exec_name(const struct linux_binprm *bprm,
			    struct warden_name *out)
{
	struct path path;
	int err;

	err = kern_path(bprm->filename, 0, &path);
	if (!err) {
		err = warden_name_build(&path, false, out);
		if (!err && !warden_exec_name_kept(&path, out->name)) {
			warden_name_put(out);
			err = -ENOENT;
		}
		path_put(&path);
		if (!err)
			return 0;
	}
	if (err == -ENOMEM)
		return err;
	return warden_name_build(&bprm->file->f_path, false, out);
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

/* A domain an exec creates in the policy in force. */
struct warden_domain_creation {
	const struct warden_domain *from;
	const char *name;
};

/*
 * Create the domain, inheriting within a namespace; if the policy cannot
 * hold it, mark the domain the exec comes from transition_failed.
 */
static int warden_create_domain(struct warden_policy *policy, void *arg)
{
	const struct warden_domain_creation *c = arg;
	struct warden_domain_policy *dp, *from_dp;

	from_dp = warden_check_domain(policy, c->from);
	dp = warden_domain_policy_assign(policy, c->name,
					 warden_same_namespace(c->from->name,
							       c->name) ?
					 from_dp : NULL);
	if (!IS_ERR(dp))
		return 0;
	if (PTR_ERR(dp) == -ENOMEM)
		return -ENOMEM;
	if (from_dp && !from_dp->transition_failed) {
		WRITE_ONCE(from_dp->transition_failed, true);
		pr_warn("domain '%s' could not be created\n",
			c->name);
	}
	return -ENOSPC;
}

/**
 * warden_enter_domain - find or create the domain a task enters
 * @from: the domain the task is in.
 * @name: the domain it enters.
 *
 * A domain the policy lacks is created, inheriting the profile and
 * groups of @from within a namespace.  If the policy cannot hold it (an
 * invalid name, or the policy quota), @from is marked transition_failed,
 * as TOMOYO does.  The domain is created through warden_policy_store(),
 * like every change of the policy in force.
 *
 * Return: the live domain with a reference; ERR_PTR(-ENOSPC) when the
 * policy cannot hold it; ERR_PTR(-ENOMEM) when memory ran out;
 * ERR_PTR(-EINTR) when a fatal signal came while waiting for the store.
 */
struct warden_domain *warden_enter_domain(const struct warden_domain *from,
					  const char *name)
{
	struct warden_domain *next;
	bool exists;

	rcu_read_lock();
	exists = warden_domain_policy_find(rcu_dereference(warden_policy),
					   name);
	rcu_read_unlock();
	if (!exists) {
		struct warden_domain_creation c = { .from = from, .name = name };
		int err = warden_policy_store(warden_create_domain, &c);

		if (err)
			return ERR_PTR(err);
	}
	next = warden_domain_lookup(name, GFP_KERNEL);
	return next ?: ERR_PTR(-ENOMEM);
}

/*
 * The transition a "file execute <program> <transit>" preference names
 * with a keyword; false when @transit names a domain instead.
 */
static bool warden_transit_keyword(const char *transit,
				   enum warden_transition *type)
{
	static const char *const keywords[] = {
		[WARDEN_TRANSITION_CHILD] = "child",
		[WARDEN_TRANSITION_RESET] = "reset",
		[WARDEN_TRANSITION_INITIALIZE] = "initialize",
		[WARDEN_TRANSITION_KEEP] = "keep",
	};
	int i = match_string(keywords, ARRAY_SIZE(keywords), transit);

	BUILD_BUG_ON(ARRAY_SIZE(keywords) != WARDEN_TRANSITION_KEEP + 1);
	if (i < 0)
		return false;
	*type = i;
	return true;
}

/*
 * Where a preference that names a domain sends the exec: a domainname,
 * a program taken as the child's, or "parent".
 */
static char *warden_transit_domainname(const struct warden_domain *from,
				       const char *transit)
{
	const char *last = strrchr(from->name, ' ');

	if (*transit == '<')
		return kstrdup(transit, GFP_KERNEL);
	if (strcmp(transit, "parent"))
		return kasprintf(GFP_KERNEL, "%s %s", from->name, transit);
	if (last)
		return kmemdup_nul(from->name, last - from->name, GFP_KERNEL);
	return kstrdup(from->name, GFP_KERNEL);
}

/*
 * The domain an exec of @program from the domain of @rctx enters, in
 * *@name, or NULL to stay.  An entry's preference @transit overrides the
 * exception policy, and makes a transition that cannot be made fail the
 * exec (*@strict).  The choice allocates nothing; only the name it leads
 * to is allocated, and failing that fails the exec.
 */
static int warden_next_domainname(struct warden_request_ctx *rctx,
				  const char *program, const char *transit,
				  char **name, bool *strict)
{
	enum warden_transition type = WARDEN_TRANSITION_CHILD;
	const struct warden_domain *from = rctx->domain;

	*strict = transit;
	*name = NULL;
	if (transit && !warden_transit_keyword(transit, &type)) {
		*name = warden_transit_domainname(from, transit);
		return *name ? 0 : -ENOMEM;
	}
	if (!transit) {
		rcu_read_lock();
		warden_request_policy(rctx);
		type = warden_transition_decide(&rctx->exception->transitions,
						from->name, program);
		rcu_read_unlock();
	}
	switch (type) {
	case WARDEN_TRANSITION_KEEP:
		return 0;
	case WARDEN_TRANSITION_RESET:
		/* Entering another namespace must not silently fail. */
		*strict = true;
		*name = kasprintf(GFP_KERNEL, "<%s>", program);
		break;
	case WARDEN_TRANSITION_INITIALIZE:
		*name = kasprintf(GFP_KERNEL, "%.*s %s",
				  (int)warden_namespace_len(from->name),
				  from->name, program);
		break;
	default:
		*name = kasprintf(GFP_KERNEL, "%s %s", from->name, program);
		break;
	}
	return *name ? 0 : -ENOMEM;
}

/* Check one environment variable name, encoded, in the next domain. */
static int warden_check_env_name(const char *encoded, void *arg)
{
	struct warden_request_ctx *rctx = arg;
	struct warden_net_request req = {
		.family = WARDEN_NET_MISC_ENV,
		.name = encoded,
	};

	return warden_check_net(rctx, &req);
}

/*
 * "misc env <name>": every environment variable the new program gets is
 * checked in the domain it will run in, as in TOMOYO.
 */
static int warden_check_env(struct linux_binprm *bprm,
			    const struct warden_domain *domain)
{
	struct warden_request_ctx rctx;

	if (!bprm->envc ||
	    !warden_request_begin(&rctx, domain, WARDEN_OP_MISC_ENV))
		return 0;
	return warden_exec_env_names(bprm, warden_check_env_name, &rctx);
}

/*
 * The exec decision.  The name the program goes by (its aggregator's
 * name, held by reference, or its own), the execute check and the choice
 * of transition allocate nothing that could change them; what the exec
 * needs besides (pathnames, the argument copy, the next domain's name and
 * objects) fails it with -ENOMEM when it cannot be had, and never sends
 * the task into another domain.
 */
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
		.read_args = warden_exec_args_for_record,
	};
	struct warden_transition_entry *aggregator;
	struct warden_name exe, real = {};
	struct warden_verdict verdict = {};
	struct warden_request_ctx rctx;
	const char *program;
	char *name = NULL;
	bool mediated, strict;
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
	/*
	 * One lookup of the domain's policy serves the aggregators, the
	 * execute check and the transition (warden_request_policy()).
	 * Where execute is not mediated, only the transition is computed.
	 */
	mediated = warden_request_begin(&rctx, from, WARDEN_OP_FILE_EXECUTE);
	rcu_read_lock();
	warden_request_policy(&rctx);
	aggregator = warden_transition_aggregate(&rctx.exception->transitions,
						 exe.name);
	rcu_read_unlock();
	program = aggregator ? warden_aggregated_name(aggregator) : exe.name;

	if (mediated) {
		/* exec.realpath in conditions: the file, symlinks followed. */
		err = warden_name_build(&bprm->file->f_path, false, &real);
		if (err)
			goto out_put_program;
		ctx.exec_realpath = real.name;
		/* Only entries with exec.argv[] or exec.envp[] read them. */
		if (warden_check_needs_exec_args(&rctx))
			err = warden_exec_args(bprm, &ctx);
		req.word[0] = program;
		req.cond = &ctx;
		req.hold = true;
		if (!err)
			err = warden_check(&rctx, &req, &verdict);
		kfree(ctx.args);
		kvfree(ctx.encoded_args);
		if (err)
			goto out_release_verdict;
	}
	/* A pattern that granted the exec names the domain, as in TOMOYO. */
	err = warden_next_domainname(&rctx, verdict.matched ?: program,
				     verdict.transit, &name, &strict);
	if (err || !name)
		goto out_release_verdict;
	next = warden_enter_domain(from, name);
	if (!IS_ERR(next)) {
		warden_domain_put(blob->domain);
		blob->domain = next;
	} else if (PTR_ERR(next) != -ENOSPC || strict ||
		   verdict.mode == WARDEN_MODE_ENFORCING) {
		/* Only a policy that cannot hold the domain keeps the task. */
		err = -ENOMEM;
	}
	kfree(name);
out_release_verdict:
	warden_verdict_release(&verdict);
	warden_name_put(&real);
out_put_program:
	warden_transition_put(aggregator);
	warden_name_put(&exe);
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
 * Writing a domainname to self_domain does this; the caller's domain,
 * or an ACL group it uses, needs "task manual_domain_transition <name>".
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
	if (IS_ERR(next))
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
