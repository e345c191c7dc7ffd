#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
#
# The report of `make bench`: reads the VMs' "BENCH ..." lines from
# OUT/raw/<lsm>-<boot>.txt and writes OUT/bench.md (medians over the boots
# with min-max, ratios to the floor and to TOMOYO, the targets),
# OUT/bench.csv (every sample), OUT/bench.dat and OUT/bench.gnuplot (the
# plot's data and script).  Prints bench.md.  Never fails on a figure.
#
# Usage: bench-report.py OUT

import glob
import os
import re
import statistics
import sys

OPS = ["open", "stat", "exec", "unix", "inet"]
OP_TEXT = {
    "open": "open+close",
    "stat": "stat",
    "exec": "vfork+execve+wait",
    "unix": "unix stream connect",
    "inet": "inet stream bind+close",
}
LSMS = ["floor", "tomoyo", "warden"]


def read_samples(out):
    ops, loads, mems, settings = {}, {}, {}, ""
    for path in sorted(glob.glob(os.path.join(out, "raw", "*.txt"))):
        m = re.match(r"(\w+)-(\d+)\.txt$", os.path.basename(path))
        if not m:
            continue
        lsm, boot = m.group(1), int(m.group(2))
        with open(path) as f:
            for line in f:
                w = line.split()
                if len(w) < 2 or w[0] != "BENCH":
                    continue
                if w[1] == "op":
                    ops.setdefault((lsm, w[2], w[3]), []).append(
                        (boot, float(w[4]), float(w[5]), int(w[6])))
                elif w[1] == "load":
                    loads.setdefault((lsm, w[2]), []).append(
                        (boot, int(w[3]), int(w[4])))
                elif w[1] == "mem":
                    mems.setdefault((lsm, w[2]), []).append(
                        (boot, int(w[3]), int(w[4])))
                elif w[1] == "settings":
                    settings = " ".join(w[2:])
    return ops, loads, mems, settings


def stats(values):
    if not values:
        return None
    return (statistics.median(values), min(values), max(values))


def us(s):
    if not s:
        return "-"
    return "%.1f (%.1f–%.1f)" % (s[0] / 1000, s[1] / 1000, s[2] / 1000)


def ratio(a, b):
    if not a or not b or not b[0]:
        return None
    return a[0] / b[0]


def rtext(r):
    return "-" if r is None else "%.2fx" % r


def main():
    out = sys.argv[1]
    ops, loads, mems, settings = read_samples(out)

    def op(lsm, label, name):
        return stats([s[1] for s in ops.get((lsm, label, name), [])])

    labels = sorted({k[1] for k in ops if re.match(r"n\d+$", k[1])},
                    key=lambda x: int(x[1:]))
    xlabels = sorted({k[1] for k in ops if re.match(r"x\d+$", k[1])},
                     key=lambda x: int(x[1:]))
    ilabels = sorted({k[1] for k in ops if re.match(r"i\d+$", k[1])},
                     key=lambda x: int(x[1:]))
    # A domain using U of G named acl groups: "g<U>", beside N=100.
    glabels = sorted({k[1] for k in ops if re.match(r"g\d+$", k[1])},
                     key=lambda x: int(x[1:]))
    defined = re.search(r"groups=\d+,(\d+)", settings)
    defined = "{:,}".format(int(defined.group(1))) if defined else "?"

    def gtext(label):
        return "uses %s of %s named acl groups (2 entries each)" % (
            label[1:], defined)
    sizes = [int(x[1:]) for x in labels]
    md = []
    md.append("Nanoseconds are shown as µs per operation: median over the "
              "boots (min–max); each boot's figure is the best of its timed "
              "rounds (%s).  Guest: QEMU TCG, so compare ratios, not "
              "absolute figures.  N = filler entries `file read/getattr "
              "/data/<stage>/fI` before the entries the benchmark matches." % settings)
    md.append("")
    md.append("| operation | domain | floor | TOMOYO | Warden | Warden/floor "
              "| TOMOYO/floor | Warden/TOMOYO |")
    md.append("|---|---|---|---|---|---|---|---|")
    for name in OPS:
        floor = op("floor", "floor", name)
        rows = [("none", "no policy loaded"), ("p0", "profile 0, N=100")]
        for x in labels:
            rows.append((x, "N=%s" % x[1:]))
            if x == "n100":
                rows += [(g, gtext(g)) for g in glabels]
        if name == "exec":
            rows += [(x, "%s domains" % x[1:]) for x in xlabels]
        if name == "inet":
            rows += [(x, "%s network inet entries" % x[1:])
                     for x in ilabels]
        for label, text in rows:
            t, w = op("tomoyo", label, name), op("warden", label, name)
            md.append("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
                OP_TEXT[name], text, us(floor), us(t), us(w),
                rtext(ratio(w, floor)), rtext(ratio(t, floor)),
                rtext(ratio(w, t))))
    md.append("")

    # Policy load and memory.
    def load(lsm, label):
        return stats([s[1] for s in loads.get((lsm, label), [])])

    def mem_by_boot(lsm, label):
        # TOMOYO adds each stage's domains to what it holds; Warden's
        # policy file replaces the whole policy, so its total is the
        # stage's policy alone.
        r = {}
        for boot, before, after in mems.get((lsm, label), []):
            r[boot] = after - before if lsm == "tomoyo" else after
        return r

    def per_entry(lsm, n):
        base, big = mem_by_boot(lsm, "n1"), mem_by_boot(lsm, "n%d" % n)
        v = [(big[b] - base[b]) / (n - 1) for b in big if b in base]
        return stats(v)

    md.append("| N entries | TOMOYO load ms | Warden load ms | TOMOYO/Warden "
              "| TOMOYO bytes/entry | Warden bytes/entry |")
    md.append("|---|---|---|---|---|---|")
    for n in sizes:
        t, w = load("tomoyo", "n%d" % n), load("warden", "n%d" % n)
        tm = per_entry("tomoyo", n) if n > 1 else None
        wm = per_entry("warden", n) if n > 1 else None
        md.append("| %d | %s | %s | %s | %s | %s |" % (
            n,
            "-" if not t else "%.1f (%.1f–%.1f)" % tuple(x / 1e6 for x in t),
            "-" if not w else "%.1f (%.1f–%.1f)" % tuple(x / 1e6 for x in w),
            rtext(ratio(t, w)),
            "-" if not tm else "%.0f" % tm[0],
            "-" if not wm else "%.0f" % wm[0]))
    md.append("")
    md.append("Load: writing the text and closing the file (TOMOYO: the "
              "stage's domains into `domain_policy`; Warden: profile, "
              "exception and domain policy as one document into `policy`, "
              "applied at close).  Bytes per entry: \"Memory used by "
              "policy\" with N entries minus that with 1, over N-1; TOMOYO counts "
              "the slab size of each allocation (ksize), Warden the size it "
              "asked for, so Warden's real use is the higher.")
    md.append("")

    md.append("TOMOYO against its own profile 0 (the issue's reference: "
              "1.6x / 2.0x / 9x / 74x for open+close):")
    md.append("")
    md.append("| operation | " + " | ".join("N=%d" % n for n in sizes
                                            if op("tomoyo", "n%d" % n, "open"))
              + " |")
    md.append("|---|" + "---|" * len([n for n in sizes
                                      if op("tomoyo", "n%d" % n, "open")]))
    for name in ("open", "stat"):
        p0 = op("tomoyo", "p0", name)
        md.append("| %s | " % OP_TEXT[name] + " | ".join(
            rtext(ratio(op("tomoyo", "n%d" % n, name), p0)) for n in sizes
            if op("tomoyo", "n%d" % n, "open")) + " |")
    md.append("")

    # The targets.
    targets = []

    def target(text, value, limit, meets, shown=None):
        if value is None:
            targets.append("- %s: not measured" % text)
            return
        targets.append("- %s: %s (target %s): **%s**" % (
            text, shown or rtext(value), limit,
            "meets" if meets(value) else "misses"))

    floor_open = op("floor", "floor", "open")
    target("open+close, Warden, 100 entries, against the floor",
           ratio(op("warden", "n100", "open"), floor_open), "≤ 1.2x",
           lambda v: v <= 1.2)
    target("open+close, Warden, 100,000 entries against 100",
           ratio(op("warden", "n100000", "open"), op("warden", "n100", "open")),
           "≤ 1.1x", lambda v: v <= 1.1)
    target("loading 10,000 lines, TOMOYO's time over Warden's",
           ratio(load("tomoyo", "n10000"), load("warden", "n10000")),
           "≥ 20x", lambda v: v >= 20)
    tm, wm = per_entry("tomoyo", 10000), per_entry("warden", 10000)
    target("policy memory per path entry (N=10,000), Warden over TOMOYO",
           ratio(wm, tm), "≤ 1.0x", lambda v: v <= 1.0,
           None if not tm or not wm else "%.2fx (%.0f against %.0f bytes)"
           % (wm[0] / tm[0], wm[0], tm[0]))
    for name in ("open", "stat"):
        floor = op("floor", "floor", name)
        r = ratio(op("warden", "p0", name), floor)
        noise = None
        samples = sorted(s[1] for s in ops.get(("floor", "floor", name), []))
        if len(samples) >= 4 and r is not None:
            # The floor's own noise: the interquartile range of its
            # samples over their median, at least 2%.
            q = statistics.quantiles(samples, n=4)
            noise = max((q[2] - q[0]) / q[1], 0.02)
        elif len(samples) >= 2 and r is not None:
            # Too few samples for quartiles: their whole spread.
            noise = max((samples[-1] - samples[0]) /
                        statistics.median(samples), 0.02)
        target("%s in a Warden profile 0 domain against the floor"
               % OP_TEXT[name], r,
               "within noise, ±%.0f%%" % (100 * noise) if noise else "noise",
               lambda v: noise is not None and abs(v - 1) <= noise)
        targets.append("- (for comparison: %s against the floor: Warden "
                       "with no policy loaded %s; TOMOYO with none %s, "
                       "in profile 0 %s)" % (
                           OP_TEXT[name],
                           rtext(ratio(op("warden", "none", name), floor)),
                           rtext(ratio(op("tomoyo", "none", name), floor)),
                           rtext(ratio(op("tomoyo", "p0", name), floor))))
    for g in glabels:
        for name in ("open", "stat"):
            w = op("warden", g, name)
            r = ratio(w, op("warden", "n100", name))
            f = ratio(w, op("floor", "floor", name))
            target("%s, Warden, a domain that %s, against the plain "
                   "100-entry domain (%s the floor)" % (
                       OP_TEXT[name], gtext(g),
                       "-" if f is None else "%.2fx" % f),
                   r, "within 1.1x", lambda v: v <= 1.1)
    if len(xlabels) >= 2:
        lo, hi = xlabels[0], xlabels[-1]
        target("exec, Warden, %s domains against %s" % (hi[1:], lo[1:]),
               ratio(op("warden", hi, "exec"), op("warden", lo, "exec")),
               "≤ 1.1x", lambda v: v <= 1.1)
        targets.append("- (for comparison: exec, TOMOYO, %s domains against "
                       "%s: %s)" % (hi[1:], lo[1:], rtext(ratio(
                           op("tomoyo", hi, "exec"),
                           op("tomoyo", lo, "exec")))))
    if len(ilabels) >= 2:
        lo, hi = ilabels[0], ilabels[-1]
        target("inet bind, Warden, %s network entries against %s"
               % (hi[1:], lo[1:]),
               ratio(op("warden", hi, "inet"), op("warden", lo, "inet")),
               "≤ 1.1x", lambda v: v <= 1.1)
        targets.append("- (for comparison: inet bind, TOMOYO, %s network "
                       "entries against %s: %s)" % (hi[1:], lo[1:], rtext(
                           ratio(op("tomoyo", hi, "inet"),
                                 op("tomoyo", lo, "inet")))))
    kunit = os.path.join(out, "kunit.txt")
    if os.path.exists(kunit) and os.path.getsize(kunit):
        md.append("The ACL lookup alone, without building the pathname "
                  "(KUnit under UML, ns per lookup):")
        md.append("")
        with open(kunit) as f:
            for line in f:
                line = line.strip()
                m = re.match(r"(\w+): lookup, (.*): (\d+) ns$", line)
                md.append("- " + ("%s: %s ns" % (m.group(2), m.group(3))
                                  if m else line))
        md.append("")
    md.append("Targets:")
    md.append("")
    md.extend(targets)

    with open(os.path.join(out, "bench.md"), "w") as f:
        f.write("\n".join(md) + "\n")

    with open(os.path.join(out, "bench.csv"), "w") as f:
        f.write("lsm,boot,measure,label,op,value,unit\n")
        for (lsm, label, name), v in sorted(ops.items()):
            for boot, best, median, count in v:
                f.write("%s,%d,op_best,%s,%s,%.1f,ns\n"
                        % (lsm, boot, label, name, best))
                f.write("%s,%d,op_median,%s,%s,%.1f,ns\n"
                        % (lsm, boot, label, name, median))
                f.write("%s,%d,op_iterations,%s,%s,%d,calls\n"
                        % (lsm, boot, label, name, count))
        for (lsm, label), v in sorted(loads.items()):
            for boot, ns, size in v:
                f.write("%s,%d,load,%s,,%d,ns\n" % (lsm, boot, label, ns))
                f.write("%s,%d,load_size,%s,,%d,bytes\n"
                        % (lsm, boot, label, size))
        for (lsm, label), v in sorted(mems.items()):
            for boot, before, after in v:
                f.write("%s,%d,memory_before,%s,,%d,bytes\n"
                        % (lsm, boot, label, before))
                f.write("%s,%d,memory_after,%s,,%d,bytes\n"
                        % (lsm, boot, label, after))

    def cell(s, scale=1000.0):
        return "-" if not s else "%.3f" % (s[0] / scale)

    with open(os.path.join(out, "bench.dat"), "w") as f:
        f.write("# N tomoyo_open warden_open tomoyo_stat warden_stat "
                "floor_open floor_stat tomoyo_load_ms warden_load_ms\n")
        for n in sizes:
            label = "n%d" % n
            f.write(" ".join([str(n)] + [
                cell(op(lsm, label, name)) for name in ("open", "stat")
                for lsm in ("tomoyo", "warden")
            ] + [cell(op("floor", "floor", "open")),
                 cell(op("floor", "floor", "stat")),
                 cell(load("tomoyo", label), 1e6),
                 cell(load("warden", label), 1e6)]) + "\n")

    with open(os.path.join(out, "bench.gnuplot"), "w") as f:
        f.write("""set terminal png size 1100,480 font ",10"
set output "%(png)s"
set datafile missing "-"
set termoption noenhanced
set logscale xy
set grid
set key top left Left reverse
set xlabel "N entries in the domain (matching entry last)"
set multiplot layout 1,2 title "make bench: QEMU TCG, medians of the boots"
set ylabel "µs per operation"
set title "cost of one operation"
plot "%(dat)s" using 1:2 with linespoints lw 2 title "TOMOYO open+close", \\
     "%(dat)s" using 1:3 with linespoints lw 2 title "Warden open+close", \\
     "%(dat)s" using 1:4 with linespoints lw 2 dt 2 title "TOMOYO stat", \\
     "%(dat)s" using 1:5 with linespoints lw 2 dt 2 title "Warden stat", \\
     "%(dat)s" using 1:6 with lines lc "black" title "no LSM open+close", \\
     "%(dat)s" using 1:7 with lines lc "black" dt 2 title "no LSM stat"
set ylabel "ms"
set title "loading the policy"
plot "%(dat)s" using 1:8 with linespoints lw 2 title "TOMOYO domain_policy", \\
     "%(dat)s" using 1:9 with linespoints lw 2 title "Warden policy"
unset multiplot
""" % {"png": os.path.join(out, "bench.png"),
       "dat": os.path.join(out, "bench.dat")})

    print("\n".join(md))


if __name__ == "__main__":
    main()
