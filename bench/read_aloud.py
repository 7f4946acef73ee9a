"""Bytes per minute of the read-aloud recordings, per language and voice: the figure the
issue asks to report (prepaid data), measured on the demo's GP guide.

Runs without a database (the demo file is read directly), with Debian's
espeak-ng and opusenc, exactly as the worker records a guide::

    .venv/bin/python -m bench.read_aloud

Every language the demo guide is written in whole (title, summary, body) is
measured; the others have no body to read in that language, so a visitor hears
the fallback language's recording, measured on its own line.
"""

from __future__ import annotations

import json
import os
from io import BytesIO
from pathlib import Path

DEMO = Path(__file__).resolve().parents[1] / "cms" / "demo" / "demo_content.json"
GUIDE = "zo-werkt-de-huisarts"


def script(guide: dict, language: str) -> str:
    """The guide as the engine is sent it (body lines as the importer's list items)."""
    from cms.read_aloud.speech_text import sentence, spoken_line

    lines = [guide["title"][language], guide["summary"][language]]
    lines += [line.lstrip("- ") for line in guide["body"][language].splitlines()]
    return "\n".join(sentence(spoken_line(line, language)) for line in lines if line.strip())


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.base")
    import django

    django.setup()
    import mutagen

    from cms.read_aloud.audio import BITRATE_KBPS, VOICES, synthesise

    guide = next(g for g in json.loads(DEMO.read_text())["guides"] if g["slug"] == GUIDE)
    print(f"Ogg Opus, mono, {BITRATE_KBPS} kbit/s, espeak-ng; the demo guide {GUIDE!r}")
    print("| language | voice | seconds | bytes | KB per minute |")
    print("| --- | --- | --- | --- | --- |")
    for language, voice in VOICES.items():
        if language not in guide["body"]:
            continue
        data = synthesise(script(guide, language), language).data
        seconds = mutagen.File(BytesIO(data)).info.length
        per_minute = len(data) / seconds * 60 / 1000
        print(f"| {language} | {voice} | {seconds:.0f} | {len(data)} | {per_minute:.1f} |")


if __name__ == "__main__":
    main()
