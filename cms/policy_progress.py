"""How far the policy plan has come: the roll-up of its actions' progress.

A building block's progress is the plain mean of its actions' progress (each
0-100), rounded half up to a whole percentage. Every action weighs the same,
whatever its status: an action on hold keeps the progress it reached, and a
planned one counts with its 0. A block without actions has no progress (None),
which is not the same as 0: nothing is planned there yet.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal


def mean_progress(progress_values: Iterable[int]) -> int | None:
    """The rounded mean of the given progress percentages; None when there are none."""
    values = list(progress_values)
    if not values:
        return None
    mean = Decimal(sum(values)) / len(values)
    return int(mean.quantize(Decimal(1), rounding=ROUND_HALF_UP))
