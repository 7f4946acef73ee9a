"""Text to a small audio file: espeak-ng (Debian) speaks, opusenc (Debian) packs it.

Opus in Ogg, mono, 12 kbit/s tuned for speech: about 90 KB a minute, so a
guide of three minutes costs a prepaid phone less than one photo. Every
browser the site supports plays it in a plain ``<audio>`` element.

Voices: espeak-ng's own for all 13 languages. Debian 12 has no better free
voice for them (no MBROLA voices in main; Piper and Coqui are not packaged),
so none is used; ``VOICES`` is the one place to change that.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass

MIME_TYPE = "audio/ogg"
EXTENSION = "opus"
BITRATE_KBPS = 12
# A little slower than espeak-ng's 175 words a minute: many listeners are learners.
WORDS_PER_MINUTE = 150
# espeak-ng's voice per site language (Portuguese: the European one, as in Portugal).
VOICES = {
    "nl": "nl",
    "en": "en-gb",
    "pl": "pl",
    "ro": "ro",
    "bg": "bg",
    "hu": "hu",
    "lt": "lt",
    "lv": "lv",
    "sk": "sk",
    "cs": "cs",
    "pt": "pt",
    "es": "es",
    "uk": "uk",
}
TIMEOUT_SECONDS = 300


class SpeechError(RuntimeError):
    """espeak-ng or opusenc failed or is missing."""


@dataclass(frozen=True)
class Recording:
    data: bytes
    mime_type: str = MIME_TYPE


def _run(command: list[str], stdin: bytes) -> bytes:
    try:
        done = subprocess.run(command, input=stdin, capture_output=True, timeout=TIMEOUT_SECONDS)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SpeechError(f"{command[0]}: {error}") from error
    if done.returncode != 0:
        raise SpeechError(f"{command[0]}: {done.stderr.decode(errors='replace')[-500:]}")
    return done.stdout


def synthesise(text: str, language: str) -> Recording:
    """``text`` spoken by ``language``'s voice, as Ogg Opus bytes."""
    wav = _run(
        ["espeak-ng", "-v", VOICES[language], "-s", str(WORDS_PER_MINUTE), "--stdin", "--stdout"],
        text.encode("utf-8"),
    )
    opus = _run(
        [
            "opusenc",
            "--quiet",
            "--bitrate",
            str(BITRATE_KBPS),
            "--speech",
            "--downmix-mono",
            "-",
            "-",
        ],
        wav,
    )
    return Recording(opus)
