"""The region case in bench/RESULTS.md: one municipality's list among many, beside a single one.

``./bench/run --municipalities 20 --label region`` spreads the same activities
over 20 municipalities (``bench.dataset``: each activity local to one, every
partner and guide regional) and measures the same requests. This module sets
that run beside a single-municipality run (``--compare``, default ``final``)
between the ``region`` markers, and leaves the rest of RESULTS.md as it is.
The two runs are not the same run, so absolute figures move with the machine's
load; what is compared is each list's ratio to the peers of its own run.

Again from saved runs: ``python -m bench.region REGION_LABEL SINGLE_LABEL``.
"""

from __future__ import annotations

import json
import sys

from .report import FLOOR, HERE, RESULTS

START, END = "<!-- region:start -->", "<!-- region:end -->"
PEER = "Wagtail API v2 list"
LISTS = ("activity list", "activity list, ?municipality=", "geo + date list")


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b else "–"


def _share(a: float, b: float) -> str:
    # A percentage: the lists run at well under 1 % of the floor, which "0.00×" hides.
    return f"{100 * a / b:.2f} %" if b else "–"


def _rows(label: str, run: dict, size: str) -> list[str]:
    load = run["sizes"][size]["load"]
    peer, floor = load[PEER]["requests_per_second"], load[FLOOR]["requests_per_second"]
    rows = []
    for name in LISTS:
        if name not in load:
            continue
        figures = load[name]
        rows.append(
            f"| {int(size):,} | {label} | {name} | {figures['requests_per_second']:.1f} "
            f"| {figures['p50_ms']:.1f} | {_ratio(figures['requests_per_second'], peer)} "
            f"| {_share(figures['requests_per_second'], floor)} |"
        )
    return rows


def render(region: dict, single: dict | None, compare: str) -> str:
    m = region["machine"]
    lines = [
        START,
        f"## The region case: {region['municipalities']} municipalities (bench/run)",
        "",
        f"Command `{region['command'].strip()}`, {region['date']}, {m['cores']} cores; load "
        f"average {m['load_before']:.2f} before, {m['load_after']:.2f} after. Each activity is "
        "published to one municipality, partners and guides to all; the list asked at "
        "`localhost` is the first municipality's, `?municipality=` chooses the eighth. "
        + (
            f"Beside it: the single-municipality run `{compare}` ({single['date']}, "
            f"`{single['command'].strip()}`)."
            if single
            else f"No single-municipality run `{compare}` was found to set beside it."
        ),
        "",
        "| activities | run | list | req/s | p50 ms | ÷ Wagtail API v2 | ÷ DRF floor |",
        "| ---: | --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for size in sorted(region["sizes"], key=int):
        if single and size in single["sizes"]:
            lines += _rows("one municipality", single, size)
        lines += _rows(f"{region['municipalities']} municipalities", region, size)
    lines += ["", END]
    return "\n".join(lines)


def write(region: dict, compare: str) -> None:
    path = HERE / "results" / f"{compare}.json"
    single = json.loads(path.read_text()) if path.exists() else None
    block = render(region, single, compare)
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n\n"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    RESULTS.write_text(text)


if __name__ == "__main__":
    saved = json.loads((HERE / "results" / f"{sys.argv[1]}.json").read_text())
    write(saved, sys.argv[2] if len(sys.argv) > 2 else "final")
