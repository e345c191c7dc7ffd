/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - hook registration and the checks hooks share.
 */

#ifndef _SECURITY_WARDEN_HOOKS_H
#define _SECURITY_WARDEN_HOOKS_H

#include <linux/init.h>
#include <linux/path.h>
#include <net/sock.h>

#include "acl.h"
#include "profile.h"
#include "setup.h"

struct sock;
struct warden_domain;

/*
 * What a socket accepted by a listening socket still owes: its peer is
 * checked against "accept" entries at its first send or receive, since
 * no LSM hook sees an accepted connection with its peer and may refuse
 * it.
 */
enum warden_accept_state {
	WARDEN_ACCEPT_NONE,
	WARDEN_ACCEPT_PENDING,
	WARDEN_ACCEPT_DENIED,
};

/**
 * struct warden_sock_security - Warden's part of a struct sock
 * @accept: an &enum warden_accept_state.
 */
struct warden_sock_security {
	u8 accept;
};

static inline struct warden_sock_security *warden_sock(const struct sock *sk)
{
	return sk->sk_security + warden_blob_sizes.lbs_sock;
}

int warden_path_perm(const struct warden_domain *domain, enum warden_op op,
		     enum warden_path_op path_op, const struct path *path);
void __init warden_add_file_hooks(void);
void __init warden_add_exec_hooks(void);
void __init warden_add_net_hooks(void);

#endif /* _SECURITY_WARDEN_HOOKS_H */
