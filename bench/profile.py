"""Profile one endpoint in process with pyinstrument: ``python -m bench.profile URL [N]``.

Run by ./bench/run's environment (bench settings, bench database); prints the
call tree of N requests, the hot spots first.
"""

from __future__ import annotations

import os
import sys

import django


def main(url: str, times: int = 20) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    django.setup()
    from django.test import Client
    from pyinstrument import Profiler

    client = Client()
    client.get(url)  # warm-up
    profiler = Profiler(interval=0.0005)
    with profiler:
        for _ in range(times):
            client.get(url)
    print(profiler.output_text(unicode=False, color=False))


if __name__ == "__main__":
    main(sys.argv[1], *(int(n) for n in sys.argv[2:3]))
