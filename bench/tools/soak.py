#!/usr/bin/env python3
"""Soak traffic against a Sheepdog gateway set up by bench/soak.sh, with a report every minute.

Workers send chat completions, streaming and not, of several models, as four client keys with
limits and as the anonymous loopback caller; some leave early. Every answer is judged: ok, left
(the client left on purpose), injected (a typed error the upstream's faults explain for that
model, or a 429 a client key's limits explain) or NOT injected (anything else: another status or
code, a body that is not the OpenAI error shape, a stream that ends without [DONE] or an error
event, a connection error, no answer within the deadline). Every minute the gateway gets a full GC
(jcmd GC.run) and its live heap (GC.heap_info), open descriptors (/proc/PID/fd), threads and RSS
(/proc/PID/status) are written beside that minute's answers.

Usage: soak.py --url URL --pid PID --keys KEYS.json --seconds N --workers N --out DIR
Writes DIR/minutes.tsv, DIR/failures.jsonl (every answer not injected) and prints the table.
"""
import argparse
import collections
import http.client
import json
import os
import random
import re
import subprocess
import threading
import time
from urllib.parse import urlparse

DEADLINE = 30.0  # seconds; the fault upstreams' deadlines are 10 s to the first token, 5 s idle, 20 s in all
MAIN = {"deepseek-v3.2", "gpt-4.1"}
# The codes a client may see for each model's injected fault (see bench/soak.sh). stream_timeout:
# a non-streaming request waits for the whole-completion deadline (issue 12, item 6).
EXPECTED = {"deepseek-v3.2": {"upstream_unavailable"}, "gpt-4.1": {"upstream_unavailable"},
            "fault-cut": {"stream_truncated"}, "fault-malformed": {"malformed_stream"},
            "fault-error": {"simulated_error", "upstream_error"},
            "fault-stall": {"idle_timeout", "stream_timeout"},
            "fault-hang": {"first_token_timeout", "stream_timeout", "upstream_unavailable"}}
LIMITS = {"rate_limited", "tokens_per_minute", "too_many_streams", "budget_exceeded"}
CALLERS = [("anonymous", 0.45), ("roomy", 0.42), ("tight", 0.05), ("tpm", 0.05), ("budget", 0.03)]
WORDS = "viết lại đoạn văn này cho rõ ràng hơn please rewrite this paragraph so it reads clearly".split()


class Soak:
    def __init__(self, args):
        self.url = urlparse(args.url)
        self.pid = args.pid
        self.keys = json.load(open(args.keys))
        self.seconds = args.seconds
        self.out = args.out
        self.start = time.monotonic()
        self.lock = threading.Lock()
        self.minutes = collections.defaultdict(collections.Counter)  # minute -> category/detail counts
        self.failures = open(os.path.join(self.out, "failures.jsonl"), "w")

    def record(self, request, category, detail):
        # an answer that ends after the last minute (the run waits for those in flight) counts in it
        minute = min(int((time.monotonic() - self.start) // 60), -(-self.seconds // 60) - 1)
        with self.lock:
            self.minutes[minute][category] += 1
            self.minutes[minute][category + ":" + detail] += 1
            if category == "not_injected":
                self.failures.write(json.dumps(dict(request, minute=minute, detail=detail)) + "\n")
                self.failures.flush()

    def worker(self, seed):
        rng = random.Random(seed)
        while time.monotonic() - self.start < self.seconds:
            request = self.pick(rng)
            try:
                category, detail = self.send(request, rng)
            except Exception as e:  # every surprise is a finding, never a crash of the soak
                category, detail = "not_injected", f"client error {type(e).__name__}: {e}"
            self.record(request, category, detail)

    def pick(self, rng):
        caller = rng.choices([c for c, _ in CALLERS], [w for _, w in CALLERS])[0]
        faulty = rng.random() < 0.025
        model = rng.choice(sorted(EXPECTED.keys() - MAIN)) if faulty else rng.choice(sorted(MAIN))
        stream = rng.random() < 0.7
        leave = (rng.random() < 0.15) if stream else (rng.random() < 0.03)
        return {"caller": caller, "model": model, "stream": stream, "leave": leave}

    def send(self, request, rng):
        body = {"model": request["model"], "stream": request["stream"],
                "messages": [{"role": "user", "content": " ".join(rng.choices(WORDS, k=rng.randint(3, 300)))}]}
        if rng.random() < 0.2:
            body["max_tokens"] = rng.randint(5, 30)
        if request["stream"] and rng.random() < 0.3:
            body["stream_options"] = {"include_usage": True}
        headers = {"Content-Type": "application/json"}
        if request["caller"] != "anonymous":
            headers["Authorization"] = "Bearer " + self.keys[request["caller"]]
        began = time.monotonic()
        conn = http.client.HTTPConnection(self.url.hostname, self.url.port, timeout=DEADLINE)
        try:
            try:
                conn.request("POST", "/v1/chat/completions", json.dumps(body).encode(), headers)
                if request["leave"] and not request["stream"]:
                    time.sleep(rng.uniform(0.02, 0.3))
                    return "left", "before the answer"
                response = conn.getresponse()
            except OSError as e:
                return "not_injected", f"connection error {type(e).__name__}: {e}"
            if response.status != 200:
                return self.error(request, response.status, response.read())
            if not request["stream"]:
                return self.completion(response.read())
            return self.events(request, response, began, rng.randint(1, 8))
        except TimeoutError:
            return "not_injected", f"no answer within {DEADLINE:.0f} s"
        finally:
            conn.close()

    def error(self, request, status, raw):
        try:
            error = json.loads(raw)["error"]
            code, kind = error.get("code") or error["type"], error["type"]
        except (ValueError, KeyError, TypeError):
            return "not_injected", f"{status} without the OpenAI error shape: {raw[:120]!r}"
        if status == 429 and code in LIMITS and request["caller"] != "anonymous":
            return "injected", f"429 {code} (client key limit)"
        if code in EXPECTED[request["model"]]:
            return "injected", f"{status} {code}"
        return "not_injected", f"{status} {kind}/{code} for {request['model']}"

    @staticmethod
    def completion(raw):
        try:
            content = json.loads(raw)["choices"][0]["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError):
            return "not_injected", f"200 that is not a completion: {raw[:120]!r}"
        return ("ok", "completion") if content else ("not_injected", "200 with empty content")

    def events(self, request, response, began, leave_after):
        kind, data, chunks = "message", [], 0
        while True:
            if time.monotonic() - began > DEADLINE:
                return "not_injected", f"stream still open after {DEADLINE:.0f} s"
            line = response.readline()
            if not line:
                return "not_injected", f"stream ended without [DONE] or an error event after {chunks} chunks"
            line = line.decode("utf-8").rstrip("\r\n")
            if line.startswith(":"):
                continue
            if line.startswith("event:"):
                kind = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].lstrip(" "))
            elif line == "" and data:
                text = "\n".join(data)
                if text == "[DONE]":
                    return ("ok", "stream") if chunks else ("not_injected", "[DONE] without a chunk")
                if kind == "error" or '"error"' in text:
                    return self.error(request, "event", text.encode())
                json.loads(text)  # a chunk that is not JSON raises: not injected
                chunks += 1
                if request["leave"] and chunks >= leave_after:
                    return "left", "mid-stream"
                kind, data = "message", []

    def sample(self, minute):
        jcmd = os.path.join(os.environ.get("JAVA_HOME", ""), "bin", "jcmd")
        jcmd = jcmd if os.path.exists(jcmd) else "jcmd"
        subprocess.run([jcmd, str(self.pid), "GC.run"], capture_output=True, timeout=60)
        info = subprocess.run([jcmd, str(self.pid), "GC.heap_info"], capture_output=True, text=True, timeout=60)
        heap = re.search(r"used (\d+)K", info.stdout)
        status = open(f"/proc/{self.pid}/status").read()
        field = lambda name: int(re.search(rf"^{name}:\s+(\d+)", status, re.M).group(1))
        return {"minute": minute, "heap_kb": int(heap.group(1)) if heap else -1,
                "fds": len(os.listdir(f"/proc/{self.pid}/fd")), "threads": field("Threads"),
                "rss_kb": field("VmRSS")}

    def run(self, workers):
        samples = [self.sample(0)]  # before any traffic
        threads = [threading.Thread(target=self.worker, args=(i,), daemon=True) for i in range(workers)]
        for thread in threads:
            thread.start()
        print(f"{'min':>3} {'requests':>8} {'ok':>6} {'left':>5} {'injected':>8} {'NOT inj.':>8} "
              f"{'heap MB':>8} {'fds':>5} {'threads':>7} {'RSS MB':>7}", flush=True)
        for minute in range(1, -(-self.seconds // 60) + 1):
            time.sleep(max(0.0, self.start + min(minute * 60, self.seconds) - time.monotonic()))
            if minute * 60 >= self.seconds:
                for thread in threads:
                    thread.join(DEADLINE + 5)
            samples.append(self.sample(minute))
            self.report(minute - 1, samples[-1])
        self.write(samples)
        return sum(counts["not_injected"] for counts in self.minutes.values())

    def report(self, minute, s):
        c = self.minutes[minute]
        total = c["ok"] + c["left"] + c["injected"] + c["not_injected"]
        print(f"{minute + 1:>3} {total:>8} {c['ok']:>6} {c['left']:>5} {c['injected']:>8} {c['not_injected']:>8} "
              f"{s['heap_kb'] / 1024:>8.1f} {s['fds']:>5} {s['threads']:>7} {s['rss_kb'] / 1024:>7.0f}", flush=True)

    def write(self, samples):
        with open(os.path.join(self.out, "minutes.tsv"), "w") as tsv:
            tsv.write("minute\theap_after_gc_kb\tfds\tthreads\trss_kb\tok\tleft\tinjected\tnot_injected\tdetails\n")
            for s in samples:
                c = self.minutes.get(s["minute"] - 1, collections.Counter()) if s["minute"] else collections.Counter()
                details = {k: v for k, v in sorted(c.items()) if ":" in k}
                tsv.write(f"{s['minute']}\t{s['heap_kb']}\t{s['fds']}\t{s['threads']}\t{s['rss_kb']}\t{c['ok']}\t"
                          f"{c['left']}\t{c['injected']}\t{c['not_injected']}\t{json.dumps(details)}\n")
        totals = sum(self.minutes.values(), collections.Counter())
        print("\nAll minutes, by kind:")
        for key, count in sorted(totals.items()):
            if ":" in key:
                print(f"  {count:>7}  {key}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--keys", required=True)
    parser.add_argument("--seconds", type=int, default=600)
    parser.add_argument("--workers", type=int, default=16)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    if urlparse(args.url).hostname not in ("127.0.0.1", "localhost", "::1"):
        parser.error("the soak only runs against a loopback address")
    raise SystemExit(1 if Soak(args).run(args.workers) else 0)


if __name__ == "__main__":
    main()
