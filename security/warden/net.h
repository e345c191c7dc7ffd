/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - the socket hooks, and what Warden keeps in a socket.
 */

#ifndef _SECURITY_WARDEN_NET_H
#define _SECURITY_WARDEN_NET_H

#include <linux/init.h>
#include <net/sock.h>

#include "setup.h"

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

void __init warden_add_net_hooks(void);

#endif /* _SECURITY_WARDEN_NET_H */
