# SPDX-License-Identifier: GPL-2.0-only
#
# Warden's driver: one entry point for building, testing and demonstrating
# the LSM.  The kernel source and every build tree live in $(CACHE), never
# in this repository.  `make help` lists the targets.

CACHE ?= $(or $(WARDEN_CACHE),$(HOME)/.cache/warden)
KSRC ?=
SCRIPT ?=
APPEND ?= lsm=warden
TIMEOUT ?= 300
ACCEL ?= tcg

export WARDEN_CACHE := $(CACHE)
export KSRC APPEND TIMEOUT ACCEL

S := scripts

.PHONY: help deps ksrc kernel kunit tools selftests vm-run shell demo lint check \
	check-debug bench patch patch-test layers html clean

help:
	@echo "Warden - a pathname-based MAC LSM for Linux 6.12"
	@echo
	@echo "  make demo        boot the patched kernel in QEMU and run the demo"
	@echo "  make check       lint, KUnit and the VM selftests; ends 'N passed, N failed'"
	@echo
	@echo "  make check-debug the VM suite on KASAN/UBSAN/lockdep/kmemleak and KCSAN kernels"
	@echo "  make deps        install the Debian packages everything needs"
	@echo "  make ksrc        extract linux-source-6.12 (or KSRC=dir) and apply Warden"
	@echo "  make kernel      build the x86_64 VM kernel from configs/"
	@echo "  make kunit       run the KUnit suites under UML"
	@echo "  make tools       build tools/warden and run their host tests"
	@echo "  make selftests   run the kselftests in the VM"
	@echo "  make vm-run SCRIPT=file [APPEND=...]  run a script as root in the VM"
	@echo "  make shell       boot the VM with an interactive shell"
	@echo "  make lint        checkpatch, sparse, W=1 and kernel-doc; zero diagnostics"
	@echo "  make bench       Warden against TOMOYO and no LSM in the VM; out/bench/"
	@echo "  make patch       write the git format-patch series to out/patches/"
	@echo "  make patch-test  git am the series on a pristine tree and build after each patch"
	@echo "  make layers      the series' file table and object/include graphs (after make lint)"
	@echo "  make html        the reference library's interfaces as HTML in out/html/"
	@echo "  make clean       remove out/ (the cache stays)"
	@echo
	@echo "Cache: $(CACHE)"

deps:
	@$(S)/deps.sh

ksrc: deps
	@$(S)/ksrc.sh

kernel: ksrc
	@$(S)/build-kernel.sh

kunit: ksrc
	@$(S)/kunit.sh

tools: deps
	@$(S)/tools.sh

selftests: kernel
	@$(S)/selftests.sh

vm-run: kernel
	@test -n "$(SCRIPT)" || { echo "usage: make vm-run SCRIPT=path [APPEND=...]"; exit 2; }
	@$(S)/build-selftests.sh >/dev/null
	@$(S)/build-tools.sh
	@$(S)/vm-run.sh $(abspath $(SCRIPT))

shell: kernel
	@$(S)/build-selftests.sh >/dev/null
	@$(S)/build-tools.sh
	@$(S)/vm-run.sh --interactive

demo: kernel
	@$(S)/build-selftests.sh >/dev/null
	@$(S)/build-tools.sh
	@$(S)/vm-run.sh $(CURDIR)/scripts/vm/demo.sh

lint: kernel
	@$(S)/lint.sh

check: ksrc
	@$(S)/check.sh

check-debug: ksrc
	@$(S)/check.sh --debug

bench: kernel
	@$(S)/bench.sh

patch: ksrc
	@$(S)/mkpatch.sh

patch-test: patch
	@$(S)/patch-test.sh

html:
	@$(MAKE) -s -C tools/warden O=$(CURDIR)/out/tools all
	@out/tools/warden-poldoc -o out/html tools/warden/modules
	@echo "html: out/html/index.html"

layers:
	@$(S)/layers.py report

clean:
	rm -rf out
