"""Wait, before a size's loads, until the machine has finished its own background work.

Why: after a rebuild of 100 000 documents the search engine may still be
merging its segments, and PostgreSQL's autovacuum may still be passing over the
rows just written; both share the two cores with the app server under load. In
round2i the DRF floor, whose code reads no data, answered 7 % less at 100 000
than at 10 000, and the site's pages (measured early) fell 7-15 % while the plain
Wagtail pages (measured last) did not. That background work was the suspect; in
round2j and round2k every size waited only the minimum, so it is not confirmed
(bench/results/notes.md). The wait stays as a guard: a load measured on a
machine still busy with its own past compares nothing. It reads ``/proc/stat``
(what the load average shows a minute late).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

# Busy share of all cores below which a second counts as quiet (a tenth: the
# engine's and PostgreSQL's idle housekeeping stays below it here).
QUIET_BUSY_SHARE = 0.10
QUIET_SECONDS = 5
GIVE_UP_SECONDS = 600


@dataclass
class Quiet:
    waited_seconds: float
    # False: still busy when the wait gave up (another tenant's work, say): the figures say so.
    reached: bool


def _cpu_times() -> tuple[int, int]:
    """(busy, total) jiffies of all cores since boot."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]  # idle and iowait
    total = sum(values[:8])  # steal included, guest counted within user
    return total - idle, total


def wait_for_quiet(
    busy_share: float = QUIET_BUSY_SHARE,
    quiet_seconds: int = QUIET_SECONDS,
    give_up_seconds: int = GIVE_UP_SECONDS,
) -> Quiet:
    """Return once ``quiet_seconds`` seconds in a row were below ``busy_share`` busy."""
    started = time.monotonic()
    quiet_in_a_row = 0
    busy, total = _cpu_times()
    while quiet_in_a_row < quiet_seconds:
        if time.monotonic() - started > give_up_seconds:
            return Quiet(round(time.monotonic() - started, 1), False)
        time.sleep(1)
        now_busy, now_total = _cpu_times()
        share = (now_busy - busy) / max(1, now_total - total)
        busy, total = now_busy, now_total
        quiet_in_a_row = quiet_in_a_row + 1 if share < busy_share else 0
    return Quiet(round(time.monotonic() - started, 1), True)
