// SPDX-License-Identifier: GPL-2.0-only
/*
 * Warden LSM - the socket hooks: "network inet" and "network unix".
 *
 * As in TOMOYO 2.6: bind checks the address being bound, listen the
 * socket's own address, connect the peer's (for datagram and raw sockets
 * connect is a "send", since it sets where sends go), and sendmsg the
 * destination it names, for datagram and raw sockets only.  A raw
 * socket's "port" is its protocol.  Unix addresses are their path, an
 * abstract name with its leading NUL ("\000name"), or "anonymous".
 *
 * Warden adds "accept", which TOMOYO 1.8 had: a connection a listening
 * socket accepted is checked against its peer at its first send or
 * receive, and refused from then on if the peer is not allowed.  It is
 * disabled unless a profile configures it by name.
 */

#include "common.h"

#include <linux/in.h>
#include <linux/in6.h>
#include <linux/lsm_hooks.h>
#include <linux/net.h>
#include <linux/slab.h>
#include <linux/socket.h>
#include <linux/un.h>
#include <net/sock.h>

#include "check.h"
#include "cred.h"
#include "net.h"
#include "netacl.h"
#include "realpath.h"

/* The profile operation of the first operation of each family. */
static const enum warden_op warden_net_first_op[] = {
	[WARDEN_NET_INET_STREAM] = WARDEN_OP_INET_STREAM_BIND,
	[WARDEN_NET_INET_DGRAM] = WARDEN_OP_INET_DGRAM_BIND,
	[WARDEN_NET_INET_RAW] = WARDEN_OP_INET_RAW_BIND,
	[WARDEN_NET_UNIX_STREAM] = WARDEN_OP_UNIX_STREAM_BIND,
	[WARDEN_NET_UNIX_DGRAM] = WARDEN_OP_UNIX_DGRAM_BIND,
	[WARDEN_NET_UNIX_SEQPACKET] = WARDEN_OP_UNIX_SEQPACKET_BIND,
};

/* Only the socket families have a profile operation of their own. */
static_assert(ARRAY_SIZE(warden_net_first_op) == WARDEN_NET_UNIX_SEQPACKET + 1);

/* The family of policy lines a socket falls under, or -1 if none. */
static int warden_sock_family(const struct socket *sock)
{
	const int family = sock->sk ? sock->sk->sk_family : AF_UNSPEC;

	if (family == AF_INET || family == AF_INET6) {
		switch (sock->type) {
		case SOCK_STREAM:
			return WARDEN_NET_INET_STREAM;
		case SOCK_DGRAM:
			return WARDEN_NET_INET_DGRAM;
		case SOCK_RAW:
			return WARDEN_NET_INET_RAW;
		}
	} else if (family == AF_UNIX) {
		switch (sock->type) {
		case SOCK_STREAM:
			return WARDEN_NET_UNIX_STREAM;
		case SOCK_DGRAM:
			return WARDEN_NET_UNIX_DGRAM;
		case SOCK_SEQPACKET:
			return WARDEN_NET_UNIX_SEQPACKET;
		}
	}
	return -1;
}

/*
 * Fill the address of @req from @addr.  Returns 0, 1 when the address is
 * not one Warden checks (another family: the protocol will refuse it), or
 * -ENOMEM.
 */
static int warden_net_address(struct warden_net_request *req,
			      const struct socket *sock,
			      const struct sockaddr *addr, int len)
{
	const struct sockaddr_un *sun = (const struct sockaddr_un *)addr;
	size_t path_len;
	char *name;

	if (req->family >= WARDEN_NET_UNIX_STREAM) {
		if (len < (int)offsetofend(struct sockaddr_un, sun_family) ||
		    sun->sun_family != AF_UNIX)
			return 1;
		path_len = min_t(size_t, len - offsetof(struct sockaddr_un, sun_path),
				 sizeof(sun->sun_path));
		if (!path_len) {
			req->name = "anonymous";
			return 0;
		}
		/* A path ends at its NUL; an abstract name is all its bytes. */
		if (sun->sun_path[0])
			path_len = strnlen(sun->sun_path, path_len);
		name = kmalloc(warden_encoded_len(sun->sun_path, path_len) + 1,
			       GFP_KERNEL);
		if (!name)
			return -ENOMEM;
		warden_encode(name, sun->sun_path, path_len);
		req->name = name;
		return 0;
	}
	if (addr->sa_family == AF_INET && len >= (int)sizeof(struct sockaddr_in)) {
		const struct sockaddr_in *sin = (const struct sockaddr_in *)addr;

		memcpy(req->address, &sin->sin_addr, 4);
		req->port = ntohs(sin->sin_port);
	} else if (addr->sa_family == AF_INET6 &&
		   len >= (int)offsetofend(struct sockaddr_in6, sin6_addr)) {
		const struct sockaddr_in6 *sin6 =
			(const struct sockaddr_in6 *)addr;

		req->ipv6 = true;
		memcpy(req->address, &sin6->sin6_addr, 16);
		req->port = ntohs(sin6->sin6_port);
	} else {
		return 1;
	}
	if (req->family == WARDEN_NET_INET_RAW)
		req->port = sock->sk->sk_protocol;
	return 0;
}

/* The profile operation of @op on a socket of @family. */
static enum warden_op warden_net_profile_op(int family, u8 op)
{
	if (op != WARDEN_NET_ACCEPT)
		return warden_net_first_op[family] + op;
	switch (family) {
	case WARDEN_NET_INET_STREAM:
		return WARDEN_OP_INET_STREAM_ACCEPT;
	case WARDEN_NET_UNIX_STREAM:
		return WARDEN_OP_UNIX_STREAM_ACCEPT;
	default:
		return WARDEN_OP_UNIX_SEQPACKET_ACCEPT;
	}
}

/*
 * Resolve where @op on @sock is decided in the caller's domain, into
 * @rctx and *@family; false when Warden does not mediate it.
 */
static bool warden_net_begin(struct warden_request_ctx *rctx,
			     const struct socket *sock, u8 op, int *family)
{
	*family = warden_sock_family(sock);
	if (*family < 0)
		return false;
	return warden_request_begin(rctx, warden_current_domain(),
				    warden_net_profile_op(*family, op));
}

/* Decide @op of the socket's @family on @addr where @rctx says. */
static int warden_net_decide(struct warden_request_ctx *rctx,
			     const struct socket *sock, int family, u8 op,
			     const struct sockaddr *addr, int len)
{
	struct warden_net_request req = { .family = family, .op = op };
	int err;

	err = warden_net_address(&req, sock, addr, len);
	if (err)
		return err < 0 ? err : 0;
	err = warden_check_net(rctx, &req);
	if (req.name && strcmp(req.name, "anonymous"))
		kfree(req.name);
	return err;
}

/* Check @op of the socket's family on @addr, in the caller's domain. */
static int warden_net_check(struct socket *sock, u8 op,
			    const struct sockaddr *addr, int len)
{
	struct warden_request_ctx rctx;
	int family;

	if (!addr || !warden_net_begin(&rctx, sock, op, &family))
		return 0;
	return warden_net_decide(&rctx, sock, family, op, addr, len);
}

static int warden_socket_bind(struct socket *sock, struct sockaddr *address,
			      int addrlen)
{
	return warden_net_check(sock, WARDEN_NET_BIND, address, addrlen);
}

static int warden_socket_connect(struct socket *sock,
				 struct sockaddr *address, int addrlen)
{
	u8 op = sock->type == SOCK_DGRAM || sock->type == SOCK_RAW ?
		WARDEN_NET_SEND : WARDEN_NET_CONNECT;

	if (address && addrlen >= (int)sizeof(address->sa_family) &&
	    address->sa_family == AF_UNSPEC)
		return 0;
	return warden_net_check(sock, op, address, addrlen);
}

static int warden_socket_listen(struct socket *sock, int backlog)
{
	struct warden_request_ctx rctx;
	struct sockaddr_storage addr;
	int family, len;

	if (sock->type != SOCK_STREAM && sock->type != SOCK_SEQPACKET)
		return 0;
	if (!warden_net_begin(&rctx, sock, WARDEN_NET_LISTEN, &family))
		return 0;
	len = sock->ops->getname(sock, (struct sockaddr *)&addr, 0);
	if (len < 0)
		return len;
	return warden_net_decide(&rctx, sock, family, WARDEN_NET_LISTEN,
				 (struct sockaddr *)&addr, len);
}

/* An accepted connection is held to it, then. */
static void warden_sock_graft(struct sock *sk, struct socket *parent)
{
	if (sk->sk_type == SOCK_STREAM || sk->sk_type == SOCK_SEQPACKET)
		WRITE_ONCE(warden_sock(sk)->accept, WARDEN_ACCEPT_PENDING);
}

/*
 * "network ... accept <peer>": an accepted socket's first send or
 * receive checks its peer; a refused one stays refused.
 */
static int warden_accept_check(struct socket *sock)
{
	struct warden_request_ctx rctx;
	struct warden_sock_security *ss;
	struct sockaddr_storage addr;
	int family, len, err;

	if (!sock->sk)
		return 0;
	ss = warden_sock(sock->sk);
	switch (READ_ONCE(ss->accept)) {
	case WARDEN_ACCEPT_NONE:
		return 0;
	case WARDEN_ACCEPT_DENIED:
		return -EPERM;
	}
	if (warden_sock_family(sock) == WARDEN_NET_UNIX_DGRAM ||
	    !warden_net_begin(&rctx, sock, WARDEN_NET_ACCEPT, &family)) {
		WRITE_ONCE(ss->accept, WARDEN_ACCEPT_NONE);
		return 0;
	}
	len = sock->ops->getname(sock, (struct sockaddr *)&addr, 1);
	if (len < 0)
		return len;
	err = warden_net_decide(&rctx, sock, family, WARDEN_NET_ACCEPT,
				(struct sockaddr *)&addr, len);
	WRITE_ONCE(ss->accept, err == -EPERM ? WARDEN_ACCEPT_DENIED :
					       WARDEN_ACCEPT_NONE);
	return err;
}

static int warden_socket_recvmsg(struct socket *sock, struct msghdr *msg,
				 int size, int flags)
{
	return warden_accept_check(sock);
}

static int warden_socket_sendmsg(struct socket *sock, struct msghdr *msg,
				 int size)
{
	int err = warden_accept_check(sock);

	if (err)
		return err;
	if (!msg->msg_name ||
	    (sock->type != SOCK_DGRAM && sock->type != SOCK_RAW))
		return 0;
	return warden_net_check(sock, WARDEN_NET_SEND, msg->msg_name,
				msg->msg_namelen);
}

static struct security_hook_list warden_net_hooks[] __ro_after_init = {
	LSM_HOOK_INIT(socket_bind, warden_socket_bind),
	LSM_HOOK_INIT(socket_connect, warden_socket_connect),
	LSM_HOOK_INIT(socket_listen, warden_socket_listen),
	LSM_HOOK_INIT(socket_sendmsg, warden_socket_sendmsg),
	LSM_HOOK_INIT(socket_recvmsg, warden_socket_recvmsg),
	LSM_HOOK_INIT(sock_graft, warden_sock_graft),
};

/**
 * warden_add_net_hooks - register the socket hooks
 */
void __init warden_add_net_hooks(void)
{
	security_add_hooks(warden_net_hooks, ARRAY_SIZE(warden_net_hooks),
			   &warden_lsmid);
}
