"""Closed-loop load with scheduled failures, recording every single request.

    python -m bench.scale_out.load --base URL --clients 50 --duration 60 \\
        --event "20|what happens|shell command" ... --results bench/RESULTS.md

Each client is a thread with its own keep-alive connection that sends the
next request as soon as the last one is answered (a mix of API lists, details,
search and site pages). At each event's second the command runs (a kill).
Every request's start, end, status and error is kept, so the report can say
of each failure whether it was in flight when an event happened: the claim
"no failed request except those in flight at that moment" is checked
request by request, not inferred from a total.
"""

from __future__ import annotations

import argparse
import csv
import http.client
import json
import random
import re
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

SEARCH_TERMS = ["taal", "voetbal", "huisarts", "zwemmen", "fiets", "kinderen", "werk", "lekarz"]
LANGUAGES = ["nl", "pl", "ro", "bg", "uk", "en"]
START_MARK = "<!-- scale-out:start -->"
END_MARK = "<!-- scale-out:end -->"


@dataclass
class Event:
    at: float  # seconds after the start, as scheduled
    label: str
    command: str
    started: float = 0.0  # seconds after the start, as it happened
    ended: float = 0.0
    output: str = ""


@dataclass
class Request:
    kind: str
    path: str
    started: float
    ended: float
    status: int  # 0: no HTTP answer at all
    error: str = ""
    backend: str = ""  # the API search's "backend" field


@dataclass
class Plan:
    """What the clients ask for, drawn from the content the site really has."""

    activities: list[str]
    guides: list[str]
    partners: list[str]
    weights: dict[str, int] = field(
        default_factory=lambda: {
            "api_activity_list": 3,
            "api_activity_detail": 3,
            "api_guide_detail": 2,
            "api_partner_detail": 1,
            "api_policy_plan": 1,
            "api_search": 4,
            "site_activity_detail": 2,
            "site_activity_list": 1,
            "site_search": 2,
        }
    )

    def path(self, kind: str, rng: random.Random) -> str:
        lang = rng.choice(LANGUAGES)
        term = rng.choice(SEARCH_TERMS)
        return {
            "api_activity_list": f"/api/v1/activities?lang={lang}",
            "api_activity_detail": f"/api/v1/activities/{rng.choice(self.activities)}?lang={lang}",
            "api_guide_detail": f"/api/v1/guides/{rng.choice(self.guides)}?lang={lang}",
            "api_partner_detail": f"/api/v1/partners/{rng.choice(self.partners)}?lang={lang}",
            "api_policy_plan": f"/api/v1/policy-plan?lang={lang}",
            "api_search": f"/api/v1/search?q={term}&lang={lang}",
            "site_activity_detail": f"/{lang}/activiteiten/{rng.choice(self.activities)}/",
            "site_activity_list": f"/{lang}/activiteiten/",
            "site_search": f"/{lang}/zoeken/?q={term}",
        }[kind]


def _get_json(base: str, path: str) -> dict:
    url = urlparse(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    conn.request("GET", path)
    answer = conn.getresponse()
    body = answer.read()
    conn.close()
    if answer.status != 200:
        raise SystemExit(f"GET {path} answered {answer.status}; is the site up with content?")
    return json.loads(body)


def make_plan(base: str) -> Plan:
    def slugs(path: str) -> list[str]:
        return [item["slug"] for item in _get_json(base, path)["results"]]

    plan = Plan(
        activities=slugs("/api/v1/activities?page_size=100"),
        guides=slugs("/api/v1/guides?page_size=100"),
        partners=slugs("/api/v1/partners?page_size=100"),
    )
    if not (plan.activities and plan.guides and plan.partners):
        raise SystemExit("the site has no content: load the demo first")
    return plan


def check_plan(base: str, plan: Plan) -> None:
    """Every kind of request answers 200 before the run, so a later failure is the outage's."""
    rng = random.Random(0)
    url = urlparse(base)
    for kind in plan.weights:
        path = plan.path(kind, rng)
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        conn.request("GET", path)
        answer = conn.getresponse()
        answer.read()
        conn.close()
        if answer.status != 200:
            raise SystemExit(f"warm-up: GET {path} answered {answer.status}")


class Run:
    def __init__(self, base: str, plan: Plan, clients: int, duration: float, events: list[Event]):
        self.url = urlparse(base)
        self.plan = plan
        self.clients = clients
        self.duration = duration
        self.events = events
        self.requests: list[Request] = []
        self.lock = threading.Lock()
        self.t0 = 0.0

    def now(self) -> float:
        return time.monotonic() - self.t0

    def client(self, number: int) -> None:
        rng = random.Random(number)
        kinds = list(self.plan.weights)
        weights = list(self.plan.weights.values())
        conn: http.client.HTTPConnection | None = None
        mine: list[Request] = []
        while self.now() < self.duration:
            kind = rng.choices(kinds, weights)[0]
            path = self.plan.path(kind, rng)
            started = self.now()
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(self.url.hostname, self.url.port, timeout=30)
                conn.request("GET", path)
                answer = conn.getresponse()
                body = answer.read()
                backend = ""
                if kind == "api_search" and answer.status == 200:
                    backend = json.loads(body).get("backend", "")
                mine.append(Request(kind, path, started, self.now(), answer.status, "", backend))
                if answer.getheader("Connection", "").lower() == "close":
                    conn.close()
                    conn = None
            except (OSError, http.client.HTTPException) as error:
                mine.append(Request(kind, path, started, self.now(), 0, repr(error)))
                if conn is not None:
                    conn.close()
                conn = None
        with self.lock:
            self.requests.extend(mine)

    def fire(self, event: Event) -> None:
        delay = event.at - self.now()
        if delay > 0:
            time.sleep(delay)
        event.started = self.now()
        done = subprocess.run(["bash", "-c", event.command], capture_output=True, text=True)
        if done.returncode:
            event.label += f" — FAILED: exit {done.returncode}"
        event.ended = self.now()
        event.output = (done.stdout + done.stderr).strip()[-300:]

    def go(self) -> None:
        self.t0 = time.monotonic()
        threads = [threading.Thread(target=self.client, args=(n,)) for n in range(self.clients)]
        threads += [threading.Thread(target=self.fire, args=(e,)) for e in self.events]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.requests.sort(key=lambda r: r.started)


def in_flight(request: Request, event: Event) -> bool:
    """Sent before the event's command finished, answered after it started."""
    return request.started <= event.ended and request.ended >= event.started


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def report(run: Run, meta: dict[str, str]) -> tuple[str, bool]:
    requests = run.requests
    ok = [r for r in requests if r.status == 200]
    failed = [r for r in requests if r.status != 200]
    unexplained = [r for r in failed if not any(in_flight(r, e) for e in run.events)]
    elapsed = max((r.ended for r in requests), default=run.duration)
    latencies = [(r.ended - r.started) * 1000 for r in ok]
    search = [r for r in requests if r.kind == "api_search" and r.status == 200]
    lines = [
        START_MARK,
        "## Scale-out: two app servers behind nginx, a 3-node search cluster, losses under load",
        "",
        f"Run {meta['date']} on {meta['machine']}.",
        "",
        f"Command: `{meta['command']}`",
        "",
        f"Set-up: {meta['setup']}",
        "",
        meta["load"],
        "",
        "| | |",
        "| --- | --- |",
        f"| clients | {run.clients} (closed loop, keep-alive, each sends its next request "
        "when the last is answered) |",
        f"| duration | {run.duration:.0f} s |",
        f"| requests | {len(requests)} ({len(ok)} answered 200, {len(failed)} failed) |",
        f"| throughput | {len(requests) / elapsed:.1f} requests/s |",
        f"| latency of answered requests | p50 {percentile(latencies, 50):.0f} ms, "
        f"p90 {percentile(latencies, 90):.0f} ms, p99 {percentile(latencies, 99):.0f} ms, "
        f"max {max(latencies, default=0):.0f} ms |",
        f"| failed requests not in flight at a kill | **{len(unexplained)}** |",
        "",
        "Events (seconds after the start):",
        "",
        "| scheduled | happened | event | requests in flight then | of those failed |",
        "| --- | --- | --- | --- | --- |",
    ]
    for event in run.events:
        flying = [r for r in requests if in_flight(r, event)]
        lines.append(
            f"| {event.at:.0f} s | {event.started:.2f}–{event.ended:.2f} s | {event.label} | "
            f"{len(flying)} | {sum(r.status != 200 for r in flying)} |"
        )
    lines += ["", "Failures:", ""]
    if failed:
        lines += [
            "| sent | answered | status / error | request | relative to the events |",
            "| --- | --- | --- | --- | --- |",
        ]
        for r in failed:
            relative = ", ".join(
                f"{r.started - e.started:+.2f} s from {e.label.split(' (')[0]}"
                + (" (in flight)" if in_flight(r, e) else "")
                for e in run.events
            )
            lines.append(
                f"| {r.started:.2f} s | {r.ended:.2f} s | {r.status or r.error[:60]} | "
                f"`{r.path}` | {relative} |"
            )
    else:
        lines.append("None: every request was answered 200.")
    lines += [
        "",
        "Per 5 seconds (requests sent in that window; search = the API search's `backend`):",
        "",
        "| window | requests | rps | p50 ms | p99 ms | failed | search: engine / database |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for start in range(0, int(run.duration), 5):
        window = [r for r in requests if start <= r.started < start + 5]
        took = [(r.ended - r.started) * 1000 for r in window if r.status == 200]
        searches = [r for r in search if start <= r.started < start + 5]
        engine = sum(r.backend == "elasticsearch" for r in searches)
        marks = "".join(
            " ←" + e.label.split(" (")[0] for e in run.events if start <= e.started < start + 5
        )
        lines.append(
            f"| {start}–{start + 5} s{marks} | {len(window)} | {len(window) / 5:.0f} | "
            f"{percentile(took, 50):.0f} | {percentile(took, 99):.0f} | "
            f"{sum(r.status != 200 for r in window)} | {engine} / {len(searches) - engine} |"
        )
    if meta.get("retried"):
        lines += ["", meta["retried"]]
    lines += [
        "",
        "A request counts as *in flight* at an event when it was sent before the event's "
        "command finished and answered after it started. Raw data: every request with its "
        "times, status and error in `" + meta["raw"] + "` (not committed).",
        "",
        meta.get("notes", ""),
        END_MARK,
    ]
    return "\n".join(line for line in lines if line is not None) + "\n", not unexplained


def nginx_retries(error_log: str) -> str:
    """What nginx saw of the dead app server: each line is one request it sent elsewhere."""
    errors = [line for line in error_log.splitlines() if "[error]" in line]
    cut_off = sum("while reading response header from upstream" in line for line in errors)
    refused = sum("connect() failed (111: Connection refused)" in line for line in errors)
    return (
        f"nginx's error log: {cut_off} requests were cut off on the killed app server "
        f"(connection reset or closed before the response header) and {refused} new "
        "connections to it were refused; nginx sent each of them to the other app server "
        "(proxy_next_upstream), which is why the clients saw no failure."
    )


def write_section(results: Path, section: str) -> None:
    """Replace our section of RESULTS.md; the rest of the file belongs to bench/run."""
    text = results.read_text() if results.exists() else ""
    pattern = re.compile(re.escape(START_MARK) + r".*?" + re.escape(END_MARK) + r"\n?", re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: section, text)
    else:
        text = (text.rstrip() + "\n\n" if text.strip() else "") + section
    results.write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument(
        "--warmup",
        type=float,
        default=20,
        help="seconds of the same load before the measured run, not recorded: the engine loads "
        "its dictionaries and the JIT compiles on first use, which is not what is measured here",
    )
    parser.add_argument("--event", action="append", default=[], help="SECONDS|LABEL|COMMAND")
    parser.add_argument("--results", type=Path, required=True)
    parser.add_argument("--raw", type=Path, required=True)
    parser.add_argument("--meta", type=Path, required=True, help="JSON: date, machine, setup, ...")
    parser.add_argument("--nginx-error-log", type=Path, help="counts nginx's retries from it")
    args = parser.parse_args()

    events = []
    for spec in args.event:
        at, label, command = spec.split("|", 2)
        events.append(Event(float(at), label, command))
    plan = make_plan(args.base)
    check_plan(args.base, plan)
    if args.warmup:
        Run(args.base, plan, args.clients, args.warmup, []).go()
    load_before = Path("/proc/loadavg").read_text().split()[0]
    run = Run(args.base, plan, args.clients, args.duration, events)
    run.go()
    load_after = Path("/proc/loadavg").read_text().split()[0]

    with args.raw.open("w", newline="") as raw:
        writer = csv.writer(raw)
        writer.writerow(["sent_s", "answered_s", "status", "error", "kind", "path", "backend"])
        for r in run.requests:
            writer.writerow(
                [f"{r.started:.4f}", f"{r.ended:.4f}", r.status, r.error, r.kind, r.path, r.backend]
            )
    meta = json.loads(args.meta.read_text())
    meta["load"] = (
        f"{args.warmup:.0f} s warm-up with the same load, not recorded. Load average (1 min) "
        f"of the machine at the start / end of the measured run: {load_before} / {load_after}."
    )
    if args.nginx_error_log:
        meta["retried"] = nginx_retries(args.nginx_error_log.read_text())
    section, passed = report(run, meta)
    write_section(args.results, section)
    print(section)
    for event in events:
        if event.output:
            print(f"[{event.label}] {event.output}")
    ok = [r for r in run.requests if r.status == 200]
    print(
        f"{len(run.requests)} requests, {len(run.requests) - len(ok)} failed; median "
        f"{statistics.median([r.ended - r.started for r in ok]) * 1000:.0f} ms"
    )
    raise SystemExit(0 if passed else 1)


if __name__ == "__main__":
    main()
