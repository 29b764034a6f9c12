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


def targets(results, idle, times):
    def sheepdog_and_nginx(measure, mode, c, key):
        return measure(results, mode, c, "sheepdog", key), measure(results, mode, c, "nginx", key)

    rows = ["## Targets", "", "| target | measured | verdict |", "|---|---|---|"]
    if ("paced", 64, "sheepdog", 1) in results:
        s, n = sheepdog_and_nginx(added, "paced", 64, "ttft_p50")
        rows.append(f"| added TTFT p50 at C=64 ≤ nginx's + 1 ms | Sheepdog {fmt(s, 2, True)}, nginx {fmt(n, 2, True)} "
                    f"| {verdict(s <= n + 1)} |")
    if ("paced", 256, "sheepdog", 1) in results:
        s, n = sheepdog_and_nginx(added, "paced", 256, "ttft_p99")
        rows.append(f"| added TTFT p99 at C=256 ≤ 2 × nginx's | Sheepdog {fmt(s, 1, True)}, nginx {fmt(n, 1, True)} "
                    f"| {verdict(s <= 2 * max(n, 0.5))} |")
    if any(m == "burst" for (m, _, _, _) in results):
        best = {t: max(figure(results, "burst", c, t, "rps") or 0 for (m, c, _, _) in results if m == "burst")
                for t in ("nginx", "sheepdog")}
        rows.append(f"| max req/s ≥ 0.9 × nginx's (burst) | Sheepdog {best['sheepdog']:.0f}, nginx {best['nginx']:.0f} "
                    f"({best['sheepdog'] / best['nginx']:.2f}×) | {verdict(best['sheepdog'] >= 0.9 * best['nginx'])} |")
    if ("paced", 64, "sheepdog", 1) in results:
        s, n = sheepdog_and_nginx(figure, "paced", 64, "cpu_ms")
        rows.append(f"| CPU per 50-chunk request ≤ 1 ms (paced, C=64) | Sheepdog {s:.2f} ms, nginx {n:.2f} ms "
                    f"| {verdict(s <= 1)} |")
    for row in idle:
        if row["label"].startswith("sheepdog"):
            heap = f", live heap {row['heap_kb']:.1f} KB" if row["heap_kb"] is not None else ""
            rows.append(f"| ≤ 32 KB per idle open stream ({row['label']}, {row['count']}) | RSS {row['rss_kb']:.1f} KB{heap} "
                        f"| {verdict(row['rss_kb'] <= 32)} (RSS) |")
    big = [r for r in idle if r["label"] == "sheepdog-512m" and r["count"] >= 10000]
    if big:
        held = int(re.match(r"holding (\d+)", big[-1]["holding"]).group(1))
        rows.append(f"| 10,000 open streams with -Xmx512m | {big[-1]['holding']} | {verdict(held >= 10000)} |")
    if times.get("on"):
        rows.append(f"| ready in under 1 s | median {median(times['on']):.0f} ms (AOT cache) | "
                    f"{verdict(median(times['on']) < 1000)} |")
    return rows + [""]


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--line":
        print(line(sys.argv[2]))
    else:
        print(report(sys.argv[1]))
