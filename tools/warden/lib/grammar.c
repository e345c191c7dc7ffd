// SPDX-License-Identifier: GPL-2.0-only
/*
 * Policy lines as the tools see them: blanks, comments, the normal
 * spelling, and ACL lines split and merged with the kernel's operation
 * names in the kernel's order (security/warden/acl_set.c and
 * netacl_set.c); see grammar.h.
 */

#include <stdlib.h>
#include <string.h>

#include "grammar.h"
#include "util.h"

#define WD_MAX_OPS 11

/* What the kernel calls each kind's line and operations. */
struct wd_acl_shape {
	const char *keyword;
	const char *ops[WD_MAX_OPS + 1];
};

static const struct wd_acl_shape wd_acl_shapes[WD_NR_ACL_KINDS] = {
	[WD_ACL_FILE_PATH] = { "file", { "execute", "read", "write", "append",
		"unlink", "getattr", "rmdir", "truncate", "symlink", "chroot",
		"unmount" } },
	[WD_ACL_FILE_NUMBER] = { "file", { "create", "mkdir", "mkfifo",
		"mksock", "ioctl", "chmod", "chown", "chgrp" } },
	[WD_ACL_FILE_MKDEV] = { "file", { "mkblock", "mkchar" } },
	[WD_ACL_FILE_PATH2] = { "file", { "link", "rename", "pivot_root" } },
	[WD_ACL_FILE_MOUNT] = { "file", { "mount" } },
	[WD_ACL_INET_STREAM] = { "network inet stream",
		{ "bind", "listen", "connect", "accept" } },
	[WD_ACL_INET_DGRAM] = { "network inet dgram", { "bind", "send" } },
	[WD_ACL_INET_RAW] = { "network inet raw", { "bind", "send" } },
	[WD_ACL_UNIX_STREAM] = { "network unix stream",
		{ "bind", "listen", "connect", "accept" } },
	[WD_ACL_UNIX_DGRAM] = { "network unix dgram", { "bind", "send" } },
	[WD_ACL_UNIX_SEQPACKET] = { "network unix seqpacket",
		{ "bind", "listen", "connect", "accept" } },
	[WD_ACL_MISC_ENV] = { "misc env", { NULL } },
	[WD_ACL_TASK_TRANSITION] = { "task manual_domain_transition", { NULL } },
};

bool wd_is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

size_t wd_span_trim(const char *line, size_t *len)
{
	size_t start = 0;

	while (start < *len && wd_is_blank(line[start]))
		start++;
	while (*len > start && wd_is_blank(line[*len - 1]))
		(*len)--;
	*len -= start;
	return start;
}

bool wd_line_is_empty(const char *line, size_t len)
{
	size_t start = wd_span_trim(line, &len);

	return !len || line[start] == '#';
}

char *wd_line_normalise(const char *line)
{
	char *out = wd_xmalloc(strlen(line) + 1), *o = out;
	bool blank = false;

	while (wd_is_blank(*line))
		line++;
	for (; *line; line++) {
		if (wd_is_blank(*line)) {
			blank = true;
			continue;
		}
		if (blank)
			*o++ = ' ';
		blank = false;
		*o++ = *line;
	}
	*o = '\0';
	return out;
}

/* The index of @name (@len bytes) among the kind's operations, or -1. */
static int wd_acl_op(enum wd_acl_kind kind, const char *name, size_t len)
{
	const char *const *ops = wd_acl_shapes[kind].ops;
	int i;

	for (i = 0; ops[i]; i++)
		if (strlen(ops[i]) == len && !memcmp(ops[i], name, len))
			return i;
	return -1;
}

/* The kind whose keyword starts @line and that has operation @op. */
static int wd_acl_kind_of(const char *line, const char **rest)
{
	int k;

	for (k = 0; k < WD_NR_ACL_KINDS; k++) {
		const struct wd_acl_shape *s = &wd_acl_shapes[k];
		size_t klen = strlen(s->keyword);
		const char *after = line + klen;
		size_t oplen;

		if (strncmp(line, s->keyword, klen) ||
		    (*after && *after != ' '))
			continue;
		after += *after == ' ';
		if (!s->ops[0]) {
			*rest = after;
			return k;
		}
		/* file's kinds share the keyword: the first op tells them apart. */
		oplen = strcspn(after, "/ ");
		if (wd_acl_op(k, after, oplen) >= 0) {
			*rest = after;
			return k;
		}
	}
	return -1;
}

int wd_acl_split(const char *line, struct wd_acl *acl)
{
	char *norm = wd_line_normalise(line);
	const char *p;
	int kind = wd_acl_kind_of(norm, &p);

	memset(acl, 0, sizeof(*acl));
	if (kind < 0)
		goto fail;
	acl->kind = kind;
	while (wd_acl_shapes[kind].ops[0]) {
		size_t len = strcspn(p, "/ ");
		int op = wd_acl_op(kind, p, len);

		if (op < 0)
			goto fail;
		acl->ops |= 1u << op;
		p += len;
		if (*p != '/')
			break;
		p++;
	}
	acl->args = wd_xstrdup(*p == ' ' ? p + 1 : p);
	free(norm);
	return 0;
fail:
	free(norm);
	return -1;
}

char *wd_acl_join(const struct wd_acl *acl)
{
	const struct wd_acl_shape *s = &wd_acl_shapes[acl->kind];
	struct wd_buf line = { 0 };
	const char *sep = " ";
	int i;

	wd_buf_puts(&line, s->keyword);
	for (i = 0; s->ops[i]; i++) {
		if (!(acl->ops & (1u << i)))
			continue;
		wd_buf_puts(&line, sep);
		wd_buf_puts(&line, s->ops[i]);
		sep = "/";
	}
	if (*acl->args) {
		wd_buf_puts(&line, " ");
		wd_buf_puts(&line, acl->args);
	}
	return line.text;
}

bool wd_acl_merge(struct wd_acl *into, const struct wd_acl *from)
{
	if (into->kind != from->kind || !wd_acl_shapes[into->kind].ops[0] ||
	    strcmp(into->args, from->args))
		return false;
	into->ops |= from->ops;
	return true;
}

void wd_acl_free(struct wd_acl *acl)
{
	free(acl->args);
	acl->args = NULL;
}

const char *wd_acl_op_name(enum wd_acl_kind kind, unsigned int bit)
{
	const char *const *ops = wd_acl_shapes[kind].ops;
	unsigned int i;

	for (i = 0; i < bit; i++)
		if (!ops[i])
			return NULL;
	return bit <= WD_MAX_OPS ? ops[bit] : NULL;
}

const char *wd_acl_objects(enum wd_acl_kind kind)
{
	static const char *const objects[WD_NR_ACL_KINDS] = {
		[WD_ACL_FILE_PATH] = "p", [WD_ACL_FILE_NUMBER] = "pn",
		[WD_ACL_FILE_MKDEV] = "pnnn", [WD_ACL_FILE_PATH2] = "pp",
		[WD_ACL_FILE_MOUNT] = "ppwn", [WD_ACL_INET_STREAM] = "an",
		[WD_ACL_INET_DGRAM] = "an", [WD_ACL_INET_RAW] = "an",
		[WD_ACL_UNIX_STREAM] = "p", [WD_ACL_UNIX_DGRAM] = "p",
		[WD_ACL_UNIX_SEQPACKET] = "p",
		[WD_ACL_MISC_ENV] = "", [WD_ACL_TASK_TRANSITION] = "",
	};

	return objects[kind];
}
