/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The policy as a document: its four parts, the files of the interface
 * and of a saved policy that hold them, and the one text ("[profile]",
 * "[manager]", "[exception_policy]", "[domain_policy]" sections) that the
 * kernel's `policy` file reads and takes as one transaction.
 */

#ifndef WARDEN_TOOLS_POLICY_H
#define WARDEN_TOOLS_POLICY_H

/* The four parts of a policy, in the order the policy document has them. */
enum wd_part {
	WD_PROFILE,
	WD_MANAGER,
	WD_EXCEPTION,
	WD_DOMAIN,
	WD_NR_PARTS
};

/* One policy held as its four parts, each a malloc'd string or NULL. */
struct wd_policy {
	char *part[WD_NR_PARTS];
};

/* The name of the part's file in the interface dir, e.g. "domain_policy". */
const char *wd_part_file(enum wd_part part);
/* The part's file in a saved policy directory, e.g. "domain_policy.conf". */
const char *wd_part_conf(enum wd_part part);
/* The line that starts the part's section in the document, "[profile]". */
const char *wd_part_section(enum wd_part part);
/* The part named by its file name, or -1. */
int wd_part_by_name(const char *name);

/*
 * Split a policy document into its parts.  Lines before the first
 * section line must be blank or comments.  Returns 0, or -1 with errno
 * EINVAL and *@bad_line the (1-based) number of the offending line.
 */
int wd_policy_split(const char *doc, struct wd_policy *policy,
		    unsigned int *bad_line);
/* The document of the four parts (NULL parts are empty); malloc'd. */
char *wd_policy_assemble(const struct wd_policy *policy);
void wd_policy_free(struct wd_policy *policy);
/* Lines of text that are policy: neither blank nor comments. */
unsigned int wd_count_lines(const char *text);

#endif /* WARDEN_TOOLS_POLICY_H */
