"""The bench run: data, indexing, SQL counts, load and search at each size; then RESULTS.md."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
import urllib.request
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

import django

HERE = Path(__file__).resolve().parent


def _machine() -> dict:
    memory_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal:")
    )
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return {
        "cores": os.cpu_count(),
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "cpu": cpu,
        "load_before": os.getloadavg()[0],
    }


def measure_size(size: int, args, run: dict) -> dict:
    from . import (
        content,
        endpoints,
        equivalence,
        indexing,
        load,
        quiet,
        search_floor,
        search_overhead,
        server,
        sql_counts,
        visibility,
    )

    print(f"== {size} activities", flush=True)
    started = time.perf_counter()
    total = content.ensure_activities(size, run["load_times"], args.municipalities)
    content.analyze()
    figures: dict = {"activities": total, "load_seconds": round(time.perf_counter() - started, 1)}
    if "equivalence" not in run:
        run["equivalence"] = equivalence.check()
        print(f"  bulk = import: {run['equivalence']}", flush=True)
    searchable = size <= args.index_up_to
    if searchable:
        # The raw bulk at the largest indexed size up to 10 000: there the rebuild's
        # fixed costs (creating the index, the swap, the replay) weigh little
        # already (75-99 % of raw, RESULTS.md), and at 100 000 it took ten minutes.
        largest = max(
            [s for s in args.sizes if s <= min(args.index_up_to, 10_000)] or [min(args.sizes)]
        )
        figures["indexing"] = asdict(indexing.measure(with_raw_bulk=size == largest))
        print(f"  indexing: {figures['indexing']}", flush=True)
    figures["sql"] = sql_counts.measure()
    # The engine's merges after a rebuild and autovacuum's pass run on the same cores.
    figures["quiet"] = asdict(quiet.wait_for_quiet())
    print(f"  quiet: {figures['quiet']}", flush=True)
    gunicorn = server.Gunicorn()
    try:
        urls = {**endpoints.under_load(), **endpoints.site_pages()}
        list_bytes = figures["sql"]["activity list"][2]
        urls["DRF floor (constant body)"] = f"/bench/floor?bytes={list_bytes}"
        # The site's peer: the same pages as a plain Wagtail site serves them, each
        # computed afresh; then those of the cached rows behind Django's cache_page.
        plain = endpoints.plain_pages()
        runs = []
        for name, path in urls.items():
            # Uncached: every request computed afresh (and stored), as after each change.
            runs.append((name, path, {"Cache-Control": "no-cache"}))
            # A site page and its plain peer back to back: their ratio is a target,
            # and measured minutes apart it moved with the machine's speed in between.
            peer = endpoints.PLAIN + name.removeprefix(endpoints.SITE)
            if name.startswith(endpoints.SITE) and peer in plain:
                runs.append((peer, plain[peer], {}))
        runs += [(f"{name}, cached", urls[name], {}) for name in endpoints.CACHED]
        runs += [(name, path, {}) for name, path in endpoints.plain_pages_cached().items()]
        figures["load"] = {}
        for name, path, headers in runs:
            url = gunicorn.base + path
            for _ in range(3):  # warm-up: each worker loads its code and connections
                urllib.request.urlopen(url, timeout=30).read()
            result = load.run_wrk(url, args.seconds, {"Accept-Language": "pl", **headers})
            figures["load"][name] = asdict(result)
            print(f"  {name}: {result}", flush=True)
        if searchable:
            figures["search"] = asdict(
                search_overhead.measure(gunicorn.base, args.search_rounds, args.search_warm_up)
            )
            print(f"  search: {figures['search']}", flush=True)
            figures["search_floor"] = asdict(search_floor.measure(args.search_rounds))
            print(f"  search floor: {figures['search_floor']}", flush=True)
            figures["visibility"] = asdict(visibility.measure(gunicorn.base))
            print(f"  publish → visible: {figures['visibility']}", flush=True)
        figures["worker_peak_rss_mb"] = round(gunicorn.peak_rss_mb(), 1)
    finally:
        gunicorn.stop()
    return figures


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="bench/run")
    parser.add_argument("--quick", action="store_true", help="small sizes, short loads")
    parser.add_argument("--sizes", help="comma-separated numbers of activities")
    parser.add_argument("--seconds", type=int, help="wrk duration per endpoint")
    parser.add_argument("--search-rounds", type=int, help="passes over the search queries")
    parser.add_argument(
        "--search-warm-up",
        type=float,
        help="seconds of searches sent to the engine before it is measured (JIT warm-up)",
    )
    parser.add_argument("--label", default="run", help="name of this run in bench/results/")
    parser.add_argument(
        "--merge",
        default="",
        help="labels of earlier runs whose other sizes RESULTS.md shows too (e.g. a 100 000 run)",
    )
    parser.add_argument(
        "--municipalities",
        type=int,
        default=1,
        help="the region case: activities spread over this many municipalities (e.g. 20)",
    )
    parser.add_argument(
        "--compare",
        default="final",
        help="with --municipalities: the single-municipality run to set the region beside",
    )
    parser.add_argument(
        "--before",
        default="before",
        help="the earlier run (label in bench/results/) shown as 'before' beside this one",
    )
    parser.add_argument(
        "--index-up-to",
        type=int,
        default=10**9,
        help="index and search only at sizes up to this (indexing 100 000 takes long)",
    )
    args = parser.parse_args(argv)
    default_sizes = "200" if args.quick else "1000,10000,100000"
    args.sizes = sorted(int(s) for s in (args.sizes or default_sizes).split(","))
    args.seconds = args.seconds or (2 if args.quick else 10)
    # Even: the API and the engine each go first in half the rounds (bench.search_overhead).
    args.search_rounds = args.search_rounds or (2 if args.quick else 4)
    if args.quick and args.search_warm_up is None:
        args.search_warm_up = 5.0

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    django.setup()
    from . import calendar_import, content, region, report

    run: dict = {
        "command": "./bench/run " + " ".join(argv),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": _machine(),
        "load_times": content.LoadTimes(),
        "municipalities": args.municipalities,
        "before": args.before,
        "sizes": {},
    }
    started = time.perf_counter()
    for size in args.sizes:
        run["sizes"][str(size)] = measure_size(size, args, run)
    # After the last size: the feed's activities would otherwise count among its loads'.
    run["calendar_import"] = asdict(calendar_import.measure())
    print(f"  calendar import: {run['calendar_import']}", flush=True)
    run["load_times"] = asdict(run["load_times"])
    run["machine"]["load_after"] = os.getloadavg()[0]
    run["duration_seconds"] = round(time.perf_counter() - started)
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / f"{args.label}.json").write_text(json.dumps(run, indent=2))
    if args.municipalities > 1:
        region.write(run, args.compare)
    else:
        report.write(report.merged(run, args.merge), args.label)
    print(f"done in {run['duration_seconds']} s: bench/RESULTS.md", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
