"""Writes the run into bench/RESULTS.md, between the bench markers only.

Another run (the scale-out one) records its own part of the same file; text
outside ``<!-- bench:start -->`` … ``<!-- bench:end -->`` is left as it is.
"""

from __future__ import annotations

import json
from pathlib import Path

from .quiet import QUIET_BUSY_SHARE, QUIET_SECONDS

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
NOTES = HERE / "results" / "notes.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
FLOOR = "DRF floor (constant body)"
OURS = ("activity list", "geo + date list", "activity detail", "policy plan")
SITE, PLAIN = "site: ", "plain Wagtail page: "


def site_against_plain(load: dict) -> list[tuple[str, float, float]]:
    """(page, site req/s, plain Wagtail page req/s) for every page measured both ways.

    Uncached against the plain page computed afresh; cached (our response cache)
    against the plain page behind Django's ``cache_page``.
    """
    return [
        (name.removeprefix(SITE), r["requests_per_second"], plain["requests_per_second"])
        for name, r in load.items()
        if name.startswith(SITE)
        and (plain := load.get(PLAIN + name.removeprefix(SITE))) is not None
    ]


def _site_table(load: dict) -> list[str]:
    rows = site_against_plain(load)
    if not rows:
        return []
    return [
        "",
        "The public site against the same pages served by a plain Wagtail page with a template "
        "(`bench/plain.py`: `Page.serve`, a Django template reading the page's fields, lists "
        "iterated from a queryset; cached: Django's `cache_page`):",
        "",
        "| page | site req/s | plain Wagtail page req/s | site ÷ plain Wagtail page |",
        "| --- | ---: | ---: | ---: |",
        *(
            f"| {page} | {ours:.1f} | {plain:.1f} | **{_ratio(ours, plain)}** |"
            for page, ours, plain in rows
        ),
    ]


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b else "–"


def _floor_note(figures: dict) -> str:
    """The bare proxy's ratio beside the API's (``bench.search_floor``), when measured."""
    floor = figures.get("search_floor")
    if not floor:
        return ""
    return f" (a bare proxy: {_ratio(floor['proxy_p50_ms'], floor['engine_p50_ms'])})"


def _size_section(size: str, f: dict) -> list[str]:
    load = f["load"]
    peer = load["Wagtail API v2 list"]["requests_per_second"]
    floor = load["DRF floor (constant body)"]["requests_per_second"]
    lines = [
        f"### {int(size):,} activities"
        + (f" (from run {f['from_run']})" if "from_run" in f else ""),
        "",
        "| request | req/s | p50 ms | p99 ms | errors "
        "| vs Wagtail API v2 (req/s) | vs DRF floor (req/s) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, r in load.items():
        lines.append(
            f"| {name} | {r['requests_per_second']:.1f} | {r['p50_ms']:.1f} | {r['p99_ms']:.1f} "
            f"| {r['errors']} | {_ratio(r['requests_per_second'], peer)} "
            f"| {_ratio(r['requests_per_second'], floor)} |"
        )
    lines += _site_table(load)
    if "search" in f:
        s = f["search"]
        lines += [
            "",
            f"Search, {s['queries']} queries: API p50 {s['api_p50_ms']:.1f} ms / p99 "
            f"{s['api_p99_ms']:.1f} ms; the same query sent to the engine p50 "
            f"{s['engine_p50_ms']:.1f} ms / p99 {s['engine_p99_ms']:.1f} ms (engine's own `took` "
            f"p50 {s['engine_took_p50_ms']:.1f} ms); overhead ratio p50 "
            f"**{_ratio(s['api_p50_ms'], s['engine_p50_ms'])}**, p99 "
            f"{_ratio(s['api_p99_ms'], s['engine_p99_ms'])}.",
        ]
        if "warm_up_searches" in s:  # runs before session 22 measured a cold engine
            lines[-1] += (
                f" Measured after {s['warm_up_searches']:,} searches in "
                f"{s['warm_up_seconds']:.0f} s had warmed the engine up (its `took` p50 over the "
                f"first pass of them: {s['cold_took_p50_ms']:.1f} ms)."
            )
        if "search_floor" in f:  # measured since session 24
            floor = f["search_floor"]
            lines[-1] += (
                " The floor under that ratio: gunicorn forwarding the first engine request of "
                "each query and writing its answer back, with no Django "
                "(`bench/search_proxy.py`), "
                f"p50 {floor['proxy_p50_ms']:.1f} ms against the engine's "
                f"{floor['engine_p50_ms']:.1f} ms, "
                f"**{_ratio(floor['proxy_p50_ms'], floor['engine_p50_ms'])}**."
            )
    else:
        lines += ["", "Search and indexing: not measured at this size (`--index-up-to`)."]
    if "indexing" in f:
        i = f["indexing"]
        docs = i["documents"] or f["activities"]
        raw = (
            f"raw `helpers.bulk` of the same {i['documents']:,} documents "
            f"{i['raw_bulk_seconds']:.1f} s ({i['documents'] / i['raw_bulk_seconds']:.0f} docs/s); "
            f"rebuild at **{i['raw_bulk_seconds'] / i['rebuild_seconds']:.0%}** of raw. "
            if i["raw_bulk_seconds"]
            else "(raw bulk measured at one size only). "
        )
        lines += [
            "",
            f"Indexing: `search_index rebuild` {i['rebuild_seconds']:.1f} s "
            f"(~{docs / i['rebuild_seconds']:.0f} docs/s); "
            + raw
            + f"Publish → searchable (median of 5): **{i['publish_to_searchable_ms']:.0f} ms**.",
        ]
    if "visibility" in f:
        v = f["visibility"]
        lines += [
            "",
            "Publish → visible through the app servers, their response cache warmed first "
            f"(median of 5): API list {v['api_list_ms']:.0f} ms, API detail "
            f"{v['api_detail_ms']:.0f} ms, site page {v['site_page_ms']:.0f} ms, search "
            f"{v['search_ms']:.0f} ms; **all four {v['all_ms']:.0f} ms**.",
        ]
    lines += [
        "",
        f"Worker peak RSS (VmHWM, largest of 2): **{f['worker_peak_rss_mb']:.0f} MB**. "
        f"Data load for this size: {f['load_seconds']} s.",
        "",
        "SQL queries per request (test client, after a warm-up request):",
        "",
        "| endpoint | status | queries | bytes |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, (status, queries, size_bytes) in f["sql"].items():
        lines.append(f"| {name} | {status} | {queries} | {size_bytes:,} |")
    return [*lines, ""]


def _list_rows(sizes: dict) -> list[tuple[str, str, bool]]:
    """Issue #19's list targets, at every size of the run."""
    rows = []
    for size in sorted(sizes, key=int):
        load = sizes[size]["load"]
        rps = load["activity list"]["requests_per_second"]
        peer = load["Wagtail API v2 list"]["requests_per_second"]
        floor = load[FLOOR]["requests_per_second"]
        at = f"at {int(size):,}"
        rows += [
            (
                f"activity list, uncached ≥ 5× Wagtail API v2 {at}",
                _ratio(rps, peer),
                rps >= 5 * peer,
            ),
            (
                f"activity list, uncached ≥ 10% of the DRF floor {at}",
                f"{rps / floor:.1%}",
                rps >= 0.1 * floor,
            ),
        ]
        if "activity list, cached" in load:
            cached = load["activity list, cached"]["requests_per_second"]
            rows.append(
                (
                    f"activity list, cached ≥ 60% of the DRF floor {at}",
                    f"{cached / floor:.0%}",
                    cached >= 0.6 * floor,
                )
            )
        geo = load["geo + date list"]["requests_per_second"]
        rows.append(
            (f"geo + date list ≥ 0.8× the plain list {at}", _ratio(geo, rps), geo >= 0.8 * rps)
        )
    return rows


def _targets(run: dict) -> list[str]:
    """Issue #19's targets table: each figure, and whether it is met."""
    sizes = run["sizes"]
    largest, smallest = sizes[max(sizes, key=int)], sizes[min(sizes, key=int)]
    rows = _list_rows(sizes)
    if largest is not smallest:
        growth = (
            largest["load"]["activity list"]["p50_ms"] / smallest["load"]["activity list"]["p50_ms"]
        )
        rows.append(
            (
                f"list p50 at {int(max(sizes, key=int)):,} ÷ at {int(min(sizes, key=int)):,} ≤ 1.2",
                f"{growth:.2f}",
                growth <= 1.2,
            )
        )
    for size in sorted(sizes, key=int):
        if "search" not in sizes[size]:
            continue
        s = sizes[size]["search"]
        bound = 10 if int(size) <= 1000 else 30
        rows += [
            (
                f"search: engine `took` p50 ≤ {bound} ms at {int(size):,}",
                f"{s['engine_took_p50_ms']:.0f} ms",
                s["engine_took_p50_ms"] <= bound,
            ),
            (
                f"search: API p50 ≤ 1.2× engine p50 at {int(size):,}",
                _ratio(s["api_p50_ms"], s["engine_p50_ms"]) + _floor_note(sizes[size]),
                s["api_p50_ms"] <= 1.2 * s["engine_p50_ms"],
            ),
        ]
    for size in sorted(sizes, key=int):
        uncached = [
            row
            for row in site_against_plain(sizes[size]["load"])
            if not row[0].endswith(", cached")
        ]
        if uncached:
            page, ours, plain = min(uncached, key=lambda row: row[1] / row[2] if row[2] else 0)
            rows.append(
                (
                    f"site pages, uncached ≥ 3× the plain Wagtail page at {int(size):,}",
                    f"lowest {_ratio(ours, plain)} ({page})",
                    ours >= 3 * plain,
                )
            )
    visible = [sizes[k]["visibility"] for k in sorted(sizes, key=int) if "visibility" in sizes[k]]
    if visible:
        slowest = max(v["all_ms"] for v in visible)
        rows.append(
            (
                "publish → visible in API, site and search < 1 s, cache included",
                f"{slowest:.0f} ms (slowest size)",
                slowest < 1000,
            )
        )
    lt = run["load_times"]
    if lt["import_seconds"]:
        rate = lt["imported"] / lt["import_seconds"]
        rows.append(("`import_content` ≥ 20 records/s", f"{rate:.1f}/s", rate >= 20))
    if "calendar_import" in run:
        rate = run["calendar_import"]["first"]["per_second"]
        rows.append(("calendar import ≥ 20 records/s (a new feed)", f"{rate:.1f}/s", rate >= 20))
    rss = largest["worker_peak_rss_mb"]
    rows.append(
        (
            f"worker peak RSS at {int(max(sizes, key=int)):,} < 200 MB",
            f"{rss:.0f} MB",
            rss < 200,
        )
    )
    v1_sql = {k: v[1] for k, v in largest["sql"].items() if not k.startswith("Wagtail")}
    rows.append(
        (
            "≤ 5 SQL queries per request (v1)",
            f"max {max(v1_sql.values())}",
            max(v1_sql.values()) <= 5,
        )
    )
    return [
        "### Targets of issue #19 (ratios within this run)",
        "",
        "| target | measured | met |",
        "| --- | --- | --- |",
        *(f"| {name} | {value} | {'yes' if ok else '**no**'} |" for name, value, ok in rows),
        "",
    ]


def _calendar_rows(run: dict) -> list[str]:
    """The calendar import: new feeds, one again, its week of edits (``bench.calendar_import``)."""
    if "calendar_import" not in run:
        return []
    c = run["calendar_import"]

    def counted(step: dict) -> str:
        found = ", ".join(f"{n} {outcome}" for outcome, n in step["counts"].items() if n)
        return (
            f"{step['seconds']:g} s, **{step['per_second']:g} records/s** ({found}; "
            f"{step['revisions']} revisions)"
        )

    new = "new"
    if rates := c.get("first_rates"):  # since session 24: several new feeds, the median shown
        listed = ", ".join(f"{rate:g}" for rate in rates)
        new = f"new (the median of {len(rates)} feeds, each its own partner's: {listed} records/s)"
    return [
        f"| calendar import | a feed of {c['events']} events ({c['feed_bytes'] / 1024:.0f} KB) "
        f"over local HTTP, into {c['activities']:,} activities: {new} "
        f"{counted(c['first'])}; the same feed again {counted(c['again'])}; a week's edits "
        f"{counted(c['changed'])} |",
    ]


def _quiet_row(run: dict) -> str:
    """How long each size waited for the machine to be idle before its loads (``bench.quiet``)."""
    waits = [
        f"{int(size):,}: {q['waited_seconds']:g} s{'' if q['reached'] else ' (still busy)'}"
        for size, figures in sorted(run["sizes"].items(), key=lambda item: int(item[0]))
        if (q := figures.get("quiet"))
    ]
    if not waits:
        return "| quiet before loads | not waited for (runs before round2j) |"
    return (
        f"| quiet before loads | CPU under {QUIET_BUSY_SHARE:.0%} busy {QUIET_SECONDS} s in a "
        f"row; waited {', '.join(waits)} |"
    )


def render(run: dict, label: str) -> str:
    m = run["machine"]
    lt = run["load_times"]
    eq = run.get("equivalence", {})
    lines = [
        START,
        "## Wegwijs against its peers (bench/run)",
        "",
        "| | |",
        "| --- | --- |",
        f"| command | `{run['command'].strip()}` |",
        f"| date | {run['date']} (run took {run['duration_seconds']} s) |",
        f"| machine | {m['cores']} cores ({m['cpu']}), {m['memory_gb']} GB memory; load average "
        f"{m['load_before']:.2f} before, {m['load_after']:.2f} after |",
        "| server | gunicorn 2 sync workers, bench.settings (DEBUG off), "
        "PostgreSQL + Elasticsearch 7.10.2 on the same machine |",
        "| load | wrk -t2 -c8, Accept-Language: pl |",
        f"| data | {lt.get('imported_activities', lt['imported'])} activities through "
        f"`import_content` with the base content: {lt['imported']} records, "
        f"**{lt['imported'] / lt['import_seconds']:.1f} records/s**; {lt['bulk']:,} "
        f"through the bulk path ({lt['bulk'] / max(lt['bulk_seconds'], 1e-9):.0f}/s) |"
        if lt["import_seconds"]
        else f"| data | {lt['bulk']:,} activities added through the bulk path this run |",
        *_calendar_rows(run),
        _quiet_row(run),
        f"| bulk = import | {'yes' if eq.get('equivalent') else 'NO'}: differing columns "
        f"{eq.get('differing_columns')}, same occurrences {eq.get('same_occurrences')}, same API "
        f"detail {eq.get('same_api_detail')} |",
        "",
    ]
    for size, figures in sorted(run["sizes"].items(), key=lambda item: int(item[0])):
        lines += _size_section(size, figures)
    lines += _targets(run)
    before = HERE / "results" / f"{run.get('before', 'before')}.json"
    if label != run.get("before", "before") and before.exists():
        lines += _before_after(json.loads(before.read_text()), run)
    if NOTES.exists():
        lines += [NOTES.read_text().strip(), ""]
    lines.append(END)
    return "\n".join(lines)


def _before_after(before: dict, after: dict) -> list[str]:
    lines = [
        f"### Before and after the fixes (before: {before['date']}, `{before['command'].strip()}`)",
        "",
        "| size | figure | before | after |",
        "| --- | --- | ---: | ---: |",
    ]
    for size in sorted(set(before["sizes"]) & set(after["sizes"]), key=int):
        b, a = before["sizes"][size], after["sizes"][size]
        for name in OURS:
            for key, unit in (("requests_per_second", "req/s"), ("p50_ms", "p50 ms")):
                lines.append(
                    f"| {int(size):,} | {name} {unit} | {b['load'][name][key]:.1f} "
                    f"| {a['load'][name][key]:.1f} |"
                )
        if "search" in b and "search" in a:
            lines.append(
                f"| {int(size):,} | search API p50 ms | {b['search']['api_p50_ms']:.1f} "
                f"| {a['search']['api_p50_ms']:.1f} |"
            )
            lines.append(
                f"| {int(size):,} | rebuild s | {b['indexing']['rebuild_seconds']:.1f} "
                f"| {a['indexing']['rebuild_seconds']:.1f} |"
            )
            lines.append(
                f"| {int(size):,} | publish → searchable ms "
                f"| {b['indexing']['publish_to_searchable_ms']:.0f} "
                f"| {a['indexing']['publish_to_searchable_ms']:.0f} |"
            )
        for name, peer in (("Wagtail API v2", "Wagtail API v2 list"), ("DRF floor", FLOOR)):
            ratios = [
                _ratio(
                    run["load"]["activity list"]["requests_per_second"],
                    run["load"][peer]["requests_per_second"],
                )
                for run in (b, a)
            ]
            lines.append(
                f"| {int(size):,} | activity list req/s ÷ {name} req/s (same run) "
                f"| {ratios[0]} | {ratios[1]} |"
            )
        for name in ("Wagtail API v2 list", FLOOR):
            lines.append(
                f"| {int(size):,} | {name} req/s (yardstick, unchanged code) "
                f"| {b['load'][name]['requests_per_second']:.1f} "
                f"| {a['load'][name]['requests_per_second']:.1f} |"
            )
    return [*lines, ""]


def merged(run: dict, labels: str) -> dict:
    """The run, plus the sizes it did not measure from earlier runs (labels, comma-separated)."""
    sizes = dict(run["sizes"])
    for label in filter(None, labels.split(",")):
        path = HERE / "results" / f"{label}.json"
        if not path.exists():
            print(f"bench/results/{label}.json is not there (yet): not merged")
            continue
        earlier = json.loads(path.read_text())
        for size, figures in earlier["sizes"].items():
            sizes.setdefault(size, {**figures, "from_run": f"{label}, {earlier['date']}"})
    return {**run, "sizes": sizes}


def write(run: dict, label: str) -> None:
    block = render(run, label)
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n\n"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        tail = rest.split(END, 1)[1]
        text = head + block + tail
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    RESULTS.write_text(text)


if __name__ == "__main__":
    # Write RESULTS.md again from a saved run: python -m bench.report LABEL [MERGE_LABELS]
    import sys

    saved = json.loads((HERE / "results" / f"{sys.argv[1]}.json").read_text())
    write(merged(saved, sys.argv[2] if len(sys.argv) > 2 else ""), sys.argv[1])
