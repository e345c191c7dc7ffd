// SPDX-License-Identifier: GPL-2.0
/*
 * warden-bench-true - the smallest static x86_64 program: it exits with
 * status 0 and does nothing else, so that timing its execve() measures
 * the kernel's exec path (and the LSM's domain transition), not libc.
 *
 * Built with -nostdlib -static; there is no C runtime to start.
 */

void _start(void);

void _start(void)
{
	asm volatile("mov $60, %%eax\n\t"
		     "xor %%edi, %%edi\n\t"
		     "syscall"
		     : : : "rax", "rdi", "rcx", "r11", "memory");
	__builtin_unreachable();
}
