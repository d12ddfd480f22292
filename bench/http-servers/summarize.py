#!/usr/bin/env python3
"""Parse results/<config>/{health,route}_{1,2,3}.txt; print per-metric medians of the 3 runs."""
import re, sys, pathlib, statistics

def ms(s):
    m = re.match(r"([\d.]+)(us|ms|s|m)$", s)
    v, u = float(m.group(1)), m.group(2)
    return {"us": v / 1000, "ms": v, "s": v * 1000, "m": v * 60000}[u]

def parse(p):
    t = p.read_text()
    d = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1)),
         "p50": ms(re.search(r"\s50%\s+(\S+)", t).group(1)),
         "p99": ms(re.search(r"\s99%\s+(\S+)", t).group(1)),
         "max": ms(re.search(r"Latency\s+\S+\s+\S+\s+(\S+)", t).group(1)),
         "load": float(re.search(r"load average: ([\d.]+)", t).group(1)),
         "foreign": float(re.search(r"foreign_user ([-\d.]+)", t).group(1))}
    e = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", t)
    d["err"] = "c%s/r%s/w%s/t%s" % e.groups() if e else "0"
    n = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
    d["non2xx"] = int(n.group(1)) if n else 0
    return d

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "results")
print("| config | endpoint | req/s | p50 ms | p99 ms | max ms | runs (req/s) | foreign CPU (cores) | socket errors | non-2xx |")
print("|---|---|---:|---:|---:|---:|---|---|---|---|")
for cfg in sorted(p for p in root.iterdir() if p.is_dir()):
    for ep in ("health", "route"):
        runs = [parse(f) for f in sorted(cfg.glob(ep + "_[0-9].txt"))]
        if not runs:
            continue
        m = {k: statistics.median(r[k] for r in runs) for k in ("rps", "p50", "p99", "max")}
        rps = " / ".join("{:,.0f}".format(r["rps"]) for r in runs)
        fg = " ".join("%.2f" % r["foreign"] for r in runs)
        err = " ".join(r["err"] for r in runs)
        n2 = " ".join(str(r["non2xx"]) for r in runs)
        print(f"| {cfg.name} | {ep} | {m['rps']:,.0f} | {m['p50']:.2f} | {m['p99']:.2f} | {m['max']:.1f} | {rps} | {fg} | {err} | {n2} |")
