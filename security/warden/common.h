/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Warden LSM - what every file of the module starts with.
 *
 * Each .c file of security/warden/ includes this header first, so that
 * every message the module prints carries the same prefix without the
 * format strings spelling it out.
 */

#ifndef _SECURITY_WARDEN_COMMON_H
#define _SECURITY_WARDEN_COMMON_H

#define pr_fmt(fmt) "Warden: " fmt

#endif /* _SECURITY_WARDEN_COMMON_H */
