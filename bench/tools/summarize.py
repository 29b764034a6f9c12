#!/usr/bin/env python3
"""Turns the results of bench/run.sh into the tables of docs/PERFORMANCE.md.

Usage: summarize.py RESULTS_DIR          -> the report in Markdown on standard output
       summarize.py --line BENCH_JSON    -> one line about one `sheepdog bench --json` file

Each figure is the median of the runs; an "added" figure is the median, over the runs, of the
target's value minus the direct value measured in the same run at the same concurrency.
"""
import csv
import json
import os
import re
import statistics
import sys
from collections import defaultdict

TARGETS = ("direct", "nginx", "sheepdog")
TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


def line(path):
    target = json.load(open(path))["targets"][0]
    ttft = target["ttft_ms"]
    return (f"{target['succeeded']} ok, {target['failed']} failed, "
            f"TTFT p50 {ttft['p50']:.1f} ms, p99 {ttft['p99']:.1f} ms")


def load_results(out):
    """(mode, c, target, run) -> figures of one bench run, with its proxy's CPU and RSS."""
    results = {}
    pattern = re.compile(r"(\w+)-c(\d+)-run(\d+)-(\w+)\.json$")
    for name in os.listdir(os.path.join(out, "load")):
        match = pattern.match(name)
        if not match:
            continue
        mode, c, run, target = match.group(1), int(match.group(2)), int(match.group(3)), match.group(4)
        report = json.load(open(os.path.join(out, "load", name)))
        t = report["targets"][0]
        results[(mode, c, target, run)] = {
            "ttft_p50": t["ttft_ms"]["p50"], "ttft_p99": t["ttft_ms"]["p99"],
            "total_p50": t["total_ms"]["p50"], "total_p99": t["total_ms"]["p99"],
            "rps": report["requests_per_second"], "failed": t["failed"], "succeeded": t["succeeded"],
        }
    with open(os.path.join(out, "load", "cpu.tsv")) as rows:
        for mode, run, c, target, ticks, requests, rss in csv.reader(rows, delimiter="\t"):
            entry = results.get((mode, int(c), target, int(run)))
            if entry is not None:
                entry["cpu_ms"] = int(ticks) * 1000 / TICKS_PER_SECOND / int(requests)
                entry["rss_mb"] = int(rss) / 1024
    return results


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def figure(results, mode, c, target, key):
    return median([v.get(key) for (m, cc, t, _), v in results.items() if (m, cc, t) == (mode, c, target)])


def added(results, mode, c, target, key):
    runs = sorted({r for (m, cc, t, r) in results if (m, cc, t) == (mode, c, target)})
    differences = []
    for run in runs:
        mine, direct = results.get((mode, c, target, run)), results.get((mode, c, "direct", run))
        if mine and direct:
            differences.append(mine[key] - direct[key])
    return median(differences)


def fmt(value, digits=1, sign=False):
    if value is None:
        return "–"
    return f"{value:+.{digits}f}" if sign else f"{value:.{digits}f}"


def latency_table(results, mode, levels):
    rows = ["| C | direct TTFT p50 | + nginx | + Sheepdog | direct TTFT p99 | + nginx | + Sheepdog "
            "| direct total p50 | + nginx | + Sheepdog |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for c in levels:
        cells = [str(c)]
        for key in ("ttft_p50", "ttft_p99", "total_p50"):
            cells.append(fmt(figure(results, mode, c, "direct", key)))
            cells += [fmt(added(results, mode, c, t, key), sign=True) for t in ("nginx", "sheepdog")]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def throughput_table(results, mode, levels):
    rows = ["| C | req/s direct | nginx | Sheepdog | CPU ms/req simulate | nginx | Sheepdog "
            "| RSS MB nginx | Sheepdog | failed (all runs) |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for c in levels:
        failed = sum(v["failed"] for (m, cc, _, _), v in results.items() if (m, cc) == (mode, c))
        cells = [str(c)] + [fmt(figure(results, mode, c, t, "rps")) for t in TARGETS]
        cells += [fmt(figure(results, mode, c, t, "cpu_ms"), 2) for t in TARGETS]
        cells += [fmt(figure(results, mode, c, t, "rss_mb"), 0) for t in ("nginx", "sheepdog")]
        rows.append("| " + " | ".join(cells + [str(failed)]) + " |")
    return "\n".join(rows)


def idle_rows(out):
    path = os.path.join(out, "idle", "memory.tsv")
    if not os.path.exists(path):
        return []
    rows = []
    with open(path) as lines:
        for label, count, holding, base_rss, rss, base_heap, heap in csv.reader(lines, delimiter="\t"):
            held = int(re.match(r"holding (\d+)", holding).group(1))
            rows.append({
                "label": label, "count": int(count), "holding": holding,
                "rss_kb": (int(rss) - int(base_rss)) / max(held, 1),
                "heap_kb": (int(heap) - int(base_heap)) / max(held, 1) if int(heap) else None,
                "rss_mb": int(rss) / 1024,
            })
    return rows


def startup(out):
    path = os.path.join(out, "startup.tsv")
    times = defaultdict(list)
    if os.path.exists(path):
        with open(path) as lines:
            for aot, _, ready in csv.reader(lines, delimiter="\t"):
                if ready:
                    times[aot].append(int(ready))
    return times


def verdict(ok):
    return "met" if ok else "**missed**"


def report(out):
    results = load_results(out)
    modes = sorted({m for (m, _, _, _) in results}, key=lambda m: (m != "paced", m))
    levels = sorted({c for (_, c, _, _) in results})
    runs = len({r for (_, _, _, r) in results})
    parts = ["## Machine", "", "```", open(os.path.join(out, "machine.txt")).read().strip(), "```", ""]
    for mode in modes:
        parts += [f"## Streaming load, {mode} upstream (median of {runs} runs; + is added to direct, ms)", "",
                  latency_table(results, mode, levels), "", throughput_table(results, mode, levels), ""]
    idle = idle_rows(out)
    if idle:
        parts += ["## Idle open streams", "",
                  "| through | streams | held | RSS after, MB | RSS per stream, KB | live heap per stream, KB |",
                  "|---|---:|---|---:|---:|---:|"]
        for row in idle:
            parts.append(f"| {row['label']} | {row['count']} | {row['holding']} | {fmt(row['rss_mb'], 0)} "
                         f"| {fmt(row['rss_kb'])} | {fmt(row['heap_kb'])} |")
        parts.append("")
    times = startup(out)
    if times:
        parts += ["## Start-up (JVM start to ready, ms)", "", "| AOT cache | median | min | max |", "|---|---:|---:|---:|"]
        for aot, values in sorted(times.items(), reverse=True):
            parts.append(f"| {aot} | {median(values):.0f} | {min(values)} | {max(values)} |")
        parts.append("")
    parts += targets(results, idle, times)
    return "\n".join(parts)


def burst_ms(holding):
    found = re.search(r"all streaming in (\d+) ms", holding)
    return int(found.group(1)) if found else None


def targets(results, idle, times):
    """The goals of issue 14, each with its figure from this run."""
    def both(measure, mode, c, key):
        return measure(results, mode, c, "sheepdog", key), measure(results, mode, c, "nginx", key)

    rows = ["## Targets", "", "| target | measured | verdict |", "|---|---|---|"]
    for c in (64, 256):
        if ("paced", c, "sheepdog", 1) in results:
            s, n = both(figure, "paced", c, "cpu_ms")
            rows.append(f"| CPU per streamed request ≤ 1.5 × nginx's (paced, C={c}) | Sheepdog {s:.2f} ms, nginx {n:.2f} ms "
                        f"({s / n:.2f}×) | {verdict(s <= 1.5 * n)} |")
    for c in (1, 16, 64, 256):
        if ("paced", c, "sheepdog", 1) in results:
            s, n = both(added, "paced", c, "ttft_p50")
            allowed = 10 if c == 256 else 1
            rows.append(f"| added TTFT p50 ≤ nginx's + {allowed} ms (paced, C={c}) | Sheepdog {fmt(s, 1, True)}, "
                        f"nginx {fmt(n, 1, True)} | {verdict(s <= n + allowed)} |")
    for c in sorted({c for (m, c, _, _) in results if m == "burst"}):
        s, n = both(figure, "burst", c, "rps")
        if s and n:
            rows.append(f"| burst req/s ≥ 0.9 × nginx's (C={c}) | Sheepdog {s:.0f}, nginx {n:.0f} ({s / n:.2f}×) "
                        f"| {verdict(s >= 0.9 * n)} |")
    for row in idle:
        if row["label"] == "sheepdog-upstream" and row["heap_kb"] is not None:
            rows.append(f"| ≤ 24 KB live heap per idle stream through a real upstream ({row['count']}) "
                        f"| {row['heap_kb']:.1f} KB | {verdict(row['heap_kb'] <= 24)} |")
    most = [r for r in idle if r["label"] == "sheepdog-upstream"]
    if len(most) > 1:
        held = int(re.match(r"holding (\d+)", most[-1]["holding"]).group(1))
        rows.append(f"| 10,000 idle streams through a real upstream, as far as the file limit allows ({most[-1]['count']}) "
                    f"| {most[-1]['holding']}, RSS {most[-1]['rss_mb']:.0f} MB | {verdict(held >= most[-1]['count'])} |")
    big = [r for r in idle if r["label"] == "sheepdog-512m" and r["count"] >= 10000]
    if big:
        held = int(re.match(r"holding (\d+)", big[-1]["holding"]).group(1))
        rows.append(f"| 10,000 open streams (built-in upstream, -Xmx512m) | {big[-1]['holding']} "
                    f"| {verdict(held >= 10000)} |")
    opened = {r["label"]: burst_ms(r["holding"]) for r in idle if r["count"] == 2000}
    if opened.get("nginx") and opened.get("sheepdog-upstream"):
        s, n = opened["sheepdog-upstream"], opened["nginx"]
        rows.append(f"| 2,000 streams opened at once all streaming within 2 × nginx's time | Sheepdog {s} ms, "
                    f"nginx {n} ms ({s / n:.2f}×) | {verdict(s <= 2 * n)} |")
    if times.get("on"):
        rows.append(f"| ready in under 1 s | median {median(times['on']):.0f} ms (AOT cache) | "
                    f"{verdict(median(times['on']) < 1000)} |")
    return rows + [""]


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--line":
        print(line(sys.argv[2]))
    else:
        print(report(sys.argv[1]))
