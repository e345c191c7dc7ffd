// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - evaluating compiled conditions: the attributes of the
 * task, the files and the exec a request offers, compared with what the
 * elements hold, and what else a decision reads of them (grant_log, the
 * need for the exec's strings).  Nothing here allocates, parses text or
 * can fail.
 */

#include "common.h"

#include <linux/binfmts.h>
#include <linux/cred.h>
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/kernel.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/uidgid.h>

#include "cond.h"
#include "cond_elem.h"
#include "group.h"
#include "pattern.h"
#include "value.h"

/* The attributes of a file, in the order of a pathN.* block above. */
enum warden_cond_file_field {
	WARDEN_FILE_UID,
	WARDEN_FILE_GID,
	WARDEN_FILE_INO,
	WARDEN_FILE_MAJOR,
	WARDEN_FILE_MINOR,
	WARDEN_FILE_PERM,
	WARDEN_FILE_TYPE,
	WARDEN_FILE_DEV_MAJOR,
	WARDEN_FILE_DEV_MINOR,
	WARDEN_NR_FILE_FIELDS,
};

static_assert(WARDEN_NR_FILE_FIELDS == WARDEN_COND_NR_FILE_FIELDS);

/* The fields pathN.parent.* has, in order. */
static const u8 warden_cond_parent_fields[] = {
	WARDEN_FILE_UID, WARDEN_FILE_GID, WARDEN_FILE_INO, WARDEN_FILE_PERM,
};

static_assert(ARRAY_SIZE(warden_cond_parent_fields) ==
	      WARDEN_COND_NR_PARENT_FIELDS);

static_assert(WARDEN_FILE_PERM == WARDEN_COND_PERM_FIELD);

static unsigned long warden_cond_ppid(void)
{
	unsigned long ppid;

	rcu_read_lock();
	ppid = task_tgid_vnr(rcu_dereference(current->real_parent));
	rcu_read_unlock();
	return ppid;
}

/* The value of a task.* attribute. */
static unsigned long warden_cond_task(u8 left)
{
	const struct cred *cred = current_cred();

	switch (left) {
	case WARDEN_COND_TASK_UID:
		return from_kuid(&init_user_ns, cred->uid);
	case WARDEN_COND_TASK_EUID:
		return from_kuid(&init_user_ns, cred->euid);
	case WARDEN_COND_TASK_SUID:
		return from_kuid(&init_user_ns, cred->suid);
	case WARDEN_COND_TASK_FSUID:
		return from_kuid(&init_user_ns, cred->fsuid);
	case WARDEN_COND_TASK_GID:
		return from_kgid(&init_user_ns, cred->gid);
	case WARDEN_COND_TASK_EGID:
		return from_kgid(&init_user_ns, cred->egid);
	case WARDEN_COND_TASK_SGID:
		return from_kgid(&init_user_ns, cred->sgid);
	case WARDEN_COND_TASK_FSGID:
		return from_kgid(&init_user_ns, cred->fsgid);
	case WARDEN_COND_TASK_PID:
		return task_tgid_vnr(current);
	default:
		return warden_cond_ppid();
	}
}

/* The value of a path1.* or path2.* attribute, if that file exists. */
static bool warden_cond_path(const struct warden_cond_ctx *ctx, u8 left,
			     unsigned long *value)
{
	unsigned int which, field;
	const struct path *path;
	const struct inode *inode;
	struct dentry *dentry;
	bool parent = left >= WARDEN_COND_PATH1_PARENT;

	if (parent) {
		which = (left - WARDEN_COND_PATH1_PARENT) /
			ARRAY_SIZE(warden_cond_parent_fields);
		field = warden_cond_parent_fields[(left - WARDEN_COND_PATH1_PARENT) %
						  ARRAY_SIZE(warden_cond_parent_fields)];
	} else {
		which = (left - WARDEN_COND_PATH1) / WARDEN_NR_FILE_FIELDS;
		field = (left - WARDEN_COND_PATH1) % WARDEN_NR_FILE_FIELDS;
	}
	path = ctx ? ctx->path[which] : NULL;
	if (!path)
		return false;
	dentry = path->dentry;
	if (parent)
		dentry = READ_ONCE(dentry->d_parent);
	inode = d_backing_inode(dentry);
	if (!inode)
		return false;
	switch (field) {
	case WARDEN_FILE_UID:
		*value = from_kuid(&init_user_ns, inode->i_uid);
		break;
	case WARDEN_FILE_GID:
		*value = from_kgid(&init_user_ns, inode->i_gid);
		break;
	case WARDEN_FILE_INO:
		*value = inode->i_ino;
		break;
	case WARDEN_FILE_MAJOR:
		*value = MAJOR(inode->i_sb->s_dev);
		break;
	case WARDEN_FILE_MINOR:
		*value = MINOR(inode->i_sb->s_dev);
		break;
	case WARDEN_FILE_PERM:
		*value = inode->i_mode & S_IALLUGO;
		break;
	case WARDEN_FILE_TYPE:
		*value = inode->i_mode & S_IFMT;
		break;
	case WARDEN_FILE_DEV_MAJOR:
		*value = MAJOR(inode->i_rdev);
		break;
	default:
		*value = MINOR(inode->i_rdev);
		break;
	}
	return true;
}

/* The value of a numeric left side, if the request has it. */
static bool warden_cond_value(const struct warden_cond_ctx *ctx, u8 left,
			      unsigned long *value)
{
	if (left <= WARDEN_COND_TASK_PPID) {
		*value = warden_cond_task(left);
		return true;
	}
	if (left == WARDEN_COND_EXEC_ARGC || left == WARDEN_COND_EXEC_ENVC) {
		if (!ctx || !ctx->bprm)
			return false;
		*value = left == WARDEN_COND_EXEC_ARGC ? ctx->bprm->argc :
							 ctx->bprm->envc;
		return true;
	}
	return warden_cond_path(ctx, left, value);
}

/* Whether @value, of the element's left side, is what its right says. */
static bool warden_cond_number_matches(const struct warden_cond_elem *elem,
				       const struct warden_cond_ctx *ctx,
				       unsigned long value)
{
	unsigned long other;

	switch (elem->right) {
	case WARDEN_RIGHT_CONSTANT:
		/* path1.type=directory, or path1.perm=setuid */
		if (elem->value < WARDEN_COND_NR_TYPES)
			return value == warden_cond_constant_bits[elem->value];
		return value & warden_cond_constant_bits[elem->value];
	case WARDEN_RIGHT_NUMBER_GROUP:
		return elem->group &&
		       warden_group_has_number(elem->group, value);
	case WARDEN_RIGHT_ATTRIBUTE:
		return warden_cond_value(ctx, elem->value, &other) &&
		       value == other;
	default:
		return warden_number_covers(&elem->number, value);
	}
}

/*
 * The encoded string exec.argv[N] names, or the encoded value of the
 * variable exec.envp["NAME"] names; NULL when there is no such argument
 * or variable.
 */
static const char *warden_cond_exec_string(const struct warden_cond_elem *elem,
					   const struct warden_cond_ctx *ctx)
{
	const char *s = ctx->encoded_args, *end = s + ctx->encoded_len;
	size_t n = elem->name ? strlen(elem->name) : 0;
	unsigned int i;

	if (elem->left == WARDEN_COND_EXEC_ARGV) {
		if (elem->index >= ctx->argc)
			return NULL;
		for (i = 0; i < elem->index && s < end; i++)
			s += strlen(s) + 1;
		return s < end ? s : NULL;
	}
	/* Skip the arguments; then look for "NAME=" among the variables. */
	for (i = 0; i < ctx->argc && s < end; i++)
		s += strlen(s) + 1;
	for (i = 0; i < ctx->envc && s < end; i++, s += strlen(s) + 1) {
		/* Encoding leaves '=' alone: the first one ends the name. */
		const char *eq = strchr(s, '=');
		size_t name_len = eq ? eq - s : strlen(s);

		if (name_len == n && !strncmp(s, elem->name, n))
			return eq ? eq + 1 : s + name_len;
	}
	return NULL;
}

/*
 * exec.argv[N]="pattern", exec.envp["NAME"]="pattern" or
 * exec.envp["NAME"]=NULL.  Returns 1 if it holds, 0 if not, -1 when the
 * request has no exec strings to tell.
 */
static int warden_cond_exec_matches(const struct warden_cond_elem *elem,
				    const struct warden_cond_ctx *ctx)
{
	const char *value;

	if (!ctx || !ctx->encoded_args)
		return -1;
	value = warden_cond_exec_string(elem, ctx);
	if (elem->right == WARDEN_RIGHT_NULL)
		return !value;
	if (!value)
		return 0;
	if (elem->right == WARDEN_RIGHT_EMPTY)
		return !*value;
	return warden_pattern_match(value, elem->pattern);
}

/**
 * warden_cond_elem_eval - whether a request meets one compiled condition
 * @elem: the condition.
 * @ctx: what the request has, or %NULL.
 *
 * Return: true if the condition holds.
 */
bool warden_cond_elem_eval(const struct warden_cond_elem *elem,
			   const struct warden_cond_ctx *ctx)
{
	unsigned long value;
	const char *name;
	bool match;
	int ret;

	switch (elem->left) {
	case WARDEN_COND_EXEC_REALPATH:
	case WARDEN_COND_SYMLINK_TARGET:
		name = !ctx ? NULL : elem->left == WARDEN_COND_EXEC_REALPATH ?
		       ctx->exec_realpath : ctx->symlink_target;
		if (!name)
			return false;
		if (elem->right == WARDEN_RIGHT_PATH_GROUP)
			match = elem->group &&
				warden_group_has_path(elem->group, name);
		else
			match = warden_pattern_match(name, elem->pattern);
		break;
	case WARDEN_COND_FIXED:
		match = elem->value;
		break;
	case WARDEN_COND_NUMBER:
		/* "1-2=@grp": a member must overlap the range. */
		match = elem->group &&
			warden_group_has_numbers(elem->group, elem->left_min,
						 elem->left_max);
		break;
	case WARDEN_COND_EXEC_ARGV:
	case WARDEN_COND_EXEC_ENVP:
		ret = warden_cond_exec_matches(elem, ctx);
		if (ret < 0)
			return false;
		match = ret;
		break;
	default:
		/* A mode bit only means something to pathN.perm, as in TOMOYO. */
		if (elem->right == WARDEN_RIGHT_CONSTANT &&
		    elem->value >= WARDEN_COND_NR_TYPES &&
		    !warden_cond_is_perm(elem->left))
			return false;
		if (!warden_cond_value(ctx, elem->left, &value))
			return false;
		match = warden_cond_number_matches(elem, ctx, value);
		break;
	}
	return match != elem->negate;
}

/**
 * warden_cond_eval - whether a request meets an entry's conditions
 * @cond: the entry's conditions, or %NULL for none; the caller is in an
 *        RCU read-side critical section or holds warden_policy_lock, so
 *        that the groups they point to stay.
 * @ctx: what the request has: its files, the program; or %NULL.
 *
 * A condition on something the request lacks (a file that does not
 * exist yet, or an exec attribute outside an exec) is not met, so a
 * conditional entry never grants more than it says.  Nothing here
 * allocates or parses text.
 *
 * Return: true if every condition holds.
 */
bool warden_cond_eval(const struct warden_cond *cond,
		      const struct warden_cond_ctx *ctx)
{
	unsigned int i;

	lockdep_assert(warden_policy_readable());
	if (!cond)
		return true;
	for (i = 0; i < cond->count; i++)
		if (!warden_cond_elem_eval(&cond->elem[i], ctx))
			return false;
	return true;
}

/**
 * warden_cond_grant_log - what an entry's conditions say of grant logs
 * @cond: the entry's conditions, or %NULL.
 *
 * Return: 1 for "grant_log=yes", 0 for "grant_log=no", -1 when the
 * conditions leave it to the profile.
 */
int warden_cond_grant_log(const struct warden_cond *cond)
{
	return cond ? cond->grant_log : -1;
}

/**
 * warden_cond_needs_exec_args - whether conditions read exec strings
 * @cond: the conditions, or %NULL.
 *
 * Return: true if an exec.argv[] or exec.envp[] condition needs the
 * exec's argument and environment strings.
 */
bool warden_cond_needs_exec_args(const struct warden_cond *cond)
{
	return cond && cond->needs_args;
}
