#!/usr/bin/env python3
"""Turns the results of bench/fleet.sh into the tables of docs/PERFORMANCE.md's fleet section.

Usage: summarize_fleet.py RESULTS_DIR   -> the report in Markdown on standard output

An "added" figure is the target's value minus the direct value measured in the same phase at the same
concurrency. Statements are the gateways' own (pg_stat_statements, their role and database); the idle
background is what an idle fleet of the same size ran, per second, times the load's wall time.
"""
import csv
import json
import os
import re
import sys

TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")
BASELINE = {"one": "direct", "nginx-one": "direct", "solo": "direct", "two": "direct2"}
FLEET = ("one", "nginx-one", "two")
SHOWN = {"direct": "direct", "one": "one gateway", "nginx-one": "nginx → one gateway",
         "solo": "one gateway, no database (own H2)",
         "direct2": "direct (phase two)", "two": "nginx → two gateways"}

# What each statement is, by what its SQL says: (pattern, label), the first match wins.
LABELS = [
    (r"^BEGIN", "BEGIN"),
    (r"^COMMIT", "COMMIT"),
    (r"^ROLLBACK", "ROLLBACK"),
    (r"FROM client_key k .*secret_hash", "client key by its secret's hash (who calls)"),
    (r"FROM client_key k", "client keys, other lookups"),
    (r"sum\(cost_usd\)", "budget: what the account spent since (a day's start, a month's start)"),
    (r"^INSERT INTO usage_record", "usage record"),
    (r"^INSERT INTO limit_bucket .* WHERE sheepdog_bucket_units", "requests a minute: take one"),
    (r"^INSERT INTO limit_bucket", "tokens a minute: count the stream's tokens"),
    (r"^SELECT sheepdog_bucket_units", "tokens a minute: read what is left"),
    (r"^INSERT INTO limit_stream", "stream slot: open"),
    (r"^UPDATE limit_stream", "stream slot: close"),
    (r"^SELECT open FROM limit_stream", "stream slot: count"),
    (r"FROM provider_keys", "provider keys: re-read"),
    (r"FROM route_state", "routes and canary state: re-read"),
    (r"FROM pg_stat_activity", "fleet size: count the listening gateways"),
    (r"^INSERT INTO canary_window", "canary: report this gateway's windows"),
    (r"^DELETE FROM canary_window", "canary: drop old reports"),
    (r"FROM canary_window", "canary judge: read the fleet's windows"),
    (r"pg_try_advisory_lock", "canary judge: try its lock"),
    (r"^SET application_name", "canary judge: name its session"),
]


def label(query):
    for pattern, name in LABELS:
        if re.search(pattern, query, re.IGNORECASE):
            return name
    text = re.sub(r"\s+", " ", query).strip()
    return "`" + (text if len(text) <= 90 else text[:87] + "…").replace("|", "\\|") + "`"


def statements(path):
    """label -> {calls, ms}: one pg_stat_statements snapshot, statements with the same label added up."""
    found = {}
    if not os.path.exists(path):
        return found
    with open(path) as rows:
        for row in csv.DictReader(rows):
            entry = found.setdefault(label(row["query"]), {"calls": 0, "ms": 0.0})
            entry["calls"] += int(row["calls"])
            entry["ms"] += float(row["total_exec_ms"])
    return found


def load(out):
    measures = []
    with open(os.path.join(out, "load", "measures.tsv")) as rows:
        for row in csv.DictReader(rows, delimiter="\t"):
            c, target = int(row["c"]), row["target"]
            report = json.load(open(os.path.join(out, "load", f"c{c}-{target}.json")))
            t = report["targets"][0]
            row.update(c=c, rps=report["requests_per_second"], ttft=t["ttft_ms"], total=t["total_ms"],
                       failed=t["failed"], errors=t.get("errors", {}), succeeded=t["succeeded"],
                       db=statements(os.path.join(out, "db", f"c{c}-{target}.csv")))
            measures.append(row)
    return measures


def idle(out):
    """fleet size -> (seconds, statements)."""
    windows = {}
    path = os.path.join(out, "db", "idle.tsv")
    if os.path.exists(path):
        with open(path) as rows:
            for fleet, seconds in csv.reader(rows, delimiter="\t"):
                windows[fleet] = (float(seconds), statements(os.path.join(out, "db", f"idle-{fleet}.csv")))
    return windows


def fmt(value, digits=1, sign=False):
    if value is None:
        return "–"
    return f"{value:+,.{digits}f}" if sign else f"{value:,.{digits}f}"


def find(measures, c, target):
    return next((m for m in measures if m["c"] == c and m["target"] == target), None)


def latency_table(measures):
    rows = ["| C | target | req/s | TTFT p50 | added | TTFT p99 | added | total p50 | added | failed |",
            "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for m in measures:
        base = find(measures, m["c"], BASELINE.get(m["target"], ""))
        def added(kind, key):
            return m[kind][key] - base[kind][key] if base else None
        failed = str(m["failed"]) + (" " + json.dumps(m["errors"]) if m["errors"] else "")
        rows.append(f"| {m['c']} | {SHOWN.get(m['target'], m['target'])} | {fmt(m['rps'])} | {fmt(m['ttft']['p50'])} "
                    f"| {fmt(added('ttft', 'p50'), sign=True)} | {fmt(m['ttft']['p99'])} "
                    f"| {fmt(added('ttft', 'p99'), sign=True)} | {fmt(m['total']['p50'])} "
                    f"| {fmt(added('total', 'p50'), sign=True)} | {failed} |")
    return rows


def cpu_table(measures):
    rows = ["| C | target | simulate | gateway(s) | nginx | PostgreSQL |", "|---:|---|---:|---:|---:|---:|"]
    for m in measures:
        per = [int(m[k]) * 1000 / TICKS_PER_SECOND / int(m["requests"])
               for k in ("sim_ticks", "gateway_ticks", "nginx_ticks", "postgres_ticks")]
        rows.append(f"| {m['c']} | {SHOWN.get(m['target'], m['target'])} | " + " | ".join(fmt(v, 2) for v in per) + " |")
    return rows


def background(windows, fleet, seconds):
    """label -> calls an idle fleet of this size runs in `seconds`."""
    idle_seconds, found = windows.get(fleet, (None, {}))
    return {name: entry["calls"] * seconds / idle_seconds for name, entry in found.items()} if idle_seconds else {}


def round_trip_table(measures, windows):
    rows = ["| C | target | requests | usage rows written | statements | idle background | per request, all "
            "| per request, less background | of which BEGIN + COMMIT | DB execution time per request, ms |",
            "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for m in measures:
        total = sum(e["calls"] for e in m["db"].values())
        bg = sum(background(windows, m["fleet"], float(m["wall_s"])).values())
        requests = int(m["requests"])
        tx = sum(m["db"].get(k, {"calls": 0})["calls"] for k in ("BEGIN", "COMMIT"))
        ms = sum(e["ms"] for e in m["db"].values())
        per = (lambda v: fmt(v / requests, 2)) if m["target"] in FLEET else (lambda v: "–")
        rows.append(f"| {m['c']} | {SHOWN.get(m['target'], m['target'])} | {requests:,} | {int(m['usage_rows']):,} "
                    f"| {total:,} | {fmt(bg, 0)} | {per(total)} | {per(total - bg)} | {per(tx)} | {per(ms)} |")
    return rows


def breakdown_table(measures, windows):
    fleet = [m for m in measures if m["target"] in FLEET]
    names = sorted({n for m in fleet for n in m["db"]}, key=lambda n: -sum(m["db"].get(n, {"calls": 0})["calls"]
                                                                          / int(m["requests"]) for m in fleet))
    head = " | ".join(f"{SHOWN[m['target']]}, C={m['c']}" for m in fleet)
    rows = [f"| statement | {head} |", "|---|" + "---:|" * len(fleet)]
    for name in names:
        cells = []
        for m in fleet:
            entry = m["db"].get(name)
            requests = int(m["requests"])
            if entry is None:
                cells.append("–")
                continue
            bg = background(windows, m["fleet"], float(m["wall_s"])).get(name, 0)
            cells.append(f"{fmt((entry['calls'] - bg) / requests, 2)} ({fmt(entry['ms'] / entry['calls'], 2)} ms)")
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    return rows


def idle_table(windows):
    fleets = sorted(windows)
    names = sorted({n for f in fleets for n in windows[f][1]})
    rows = ["| statement | " + " | ".join(f"fleet of {f}, a minute" for f in fleets) + " |", "|---|" + "---:|" * len(fleets)]
    for name in names:
        cells = []
        for f in fleets:
            seconds, found = windows[f]
            cells.append(fmt(found[name]["calls"] * 60 / seconds, 1) if name in found else "–")
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    totals = [fmt(sum(e["calls"] for e in windows[f][1].values()) * 60 / windows[f][0], 1) for f in fleets]
    rows.append("| **all** | " + " | ".join(totals) + " |")
    return rows


def warnings(out):
    """The gateways' warnings, alike ones counted together (times, accounts and counts taken out)."""
    path = os.path.join(out, "gateway-warnings.txt")
    kinds = {}
    if os.path.exists(path):
        for text in open(path):
            text = re.sub(r"^\S+ ", "", text.strip())
            text = re.sub(r"cl_[0-9a-f]+", "cl_…", text)
            text = re.sub(r"\d+", "N", text)
            kinds[text] = kinds.get(text, 0) + 1
    rows = ["| times | warning |", "|---:|---|"]
    for text, count in sorted(kinds.items(), key=lambda kv: -kv[1]):
        rows.append(f"| {count} | " + text.replace("|", "\\|") + " |")
    return rows if kinds else ["None."]


def report(out):
    measures = load(out)
    windows = idle(out)
    parts = ["## Machine", "", "```", open(os.path.join(out, "machine.txt")).read().strip(), "```", ""]
    key = os.path.join(out, "client-key-fleet.json")
    if os.path.exists(key):
        limits = json.load(open(key))["limits"]
        parts += [f"The callers' client key's limits: `{json.dumps(limits)}`", ""]
    parts += ["## Streaming load, paced upstream (one run; \"added\" is to direct in the same phase, ms)", ""]
    parts += latency_table(measures) + [""]
    parts += ["## CPU per request, ms (user + system, over the load's window)", ""] + cpu_table(measures) + [""]
    parts += ["## Database statements per request", ""] + round_trip_table(measures, windows) + [""]
    parts += ["## Statements per request, less the idle background (mean execution time)", ""]
    parts += breakdown_table(measures, windows) + [""]
    parts += ["## What an idle fleet runs", ""] + idle_table(windows) + [""]
    parts += ["## The gateways' warnings (all phases, warm-ups included)", ""] + warnings(out) + [""]
    return "\n".join(parts)


if __name__ == "__main__":
    print(report(sys.argv[1]))
