"""Does requirements.lock still match pyproject.toml? (issue 21, point 8)

``scripts/test`` runs this before anything else: a fresh clone installs the
lock (``scripts/bootstrap``, hash-checked), so a pin changed in pyproject.toml
without ``scripts/lock`` would test one thing and install another. Two checks:

1. the lock's header holds the SHA-256 of pyproject.toml's dependency lists
   (``scripts/lock`` writes it), so any change to them asks for a new lock;
2. every ``name==version`` pinned in pyproject.toml is in the lock with that
   version (a hand-edited lock is caught too).

``python scripts/check_lock.py --digest`` prints the digest (for scripts/lock).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
LOCK = ROOT / "requirements.lock"
# The extras the lock holds, besides the dependencies (scripts/lock compiles these).
LOCKED_EXTRAS = ("test", "bench")
DIGEST_LINE = re.compile(r"^# pyproject-dependencies-sha256: ([0-9a-f]{64})$", re.M)
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)", re.M)


def canonical(name: str) -> str:
    """PEP 503: ``Django``, ``django_otp`` and ``django.otp`` are one name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def locked_requirements(project: dict) -> list[str]:
    extras = project.get("optional-dependencies", {})
    requirements = list(project.get("dependencies", []))
    for extra in LOCKED_EXTRAS:
        requirements += extras.get(extra, [])
    return requirements


def digest(pyproject_text: str) -> str:
    """SHA-256 of what the lock is compiled from: Python version and dependency lists."""
    project = tomllib.loads(pyproject_text)["project"]
    basis = {
        "requires-python": project.get("requires-python"),
        "dependencies": project.get("dependencies", []),
        "extras": {e: project.get("optional-dependencies", {}).get(e, []) for e in LOCKED_EXTRAS},
    }
    return hashlib.sha256(json.dumps(basis, sort_keys=True).encode()).hexdigest()


def problems(pyproject_text: str, lock_text: str) -> list[str]:
    """What disagrees between the two files; empty when the lock fits."""
    found: list[str] = []
    stored = DIGEST_LINE.search(lock_text)
    if stored is None:
        found.append("requirements.lock has no pyproject-dependencies-sha256 line")
    elif stored.group(1) != digest(pyproject_text):
        found.append("pyproject.toml's dependencies changed since requirements.lock was made")
    locked = {canonical(name): version for name, version in PIN.findall(lock_text)}
    project = tomllib.loads(pyproject_text)["project"]
    for requirement in locked_requirements(project):
        match = PIN.match(requirement.strip())
        if match is None:
            found.append(f"{requirement!r} in pyproject.toml is not pinned with ==")
            continue
        name, version = canonical(match.group(1)), match.group(2)
        if locked.get(name) != version:
            found.append(
                f"{name}=={version} in pyproject.toml, {locked.get(name, 'nothing')} in the lock"
            )
    return found


def main(argv: list[str]) -> int:
    pyproject_text = PYPROJECT.read_text()
    if argv[1:] == ["--digest"]:
        print(digest(pyproject_text))
        return 0
    if not LOCK.exists():
        print("requirements.lock is missing: run scripts/lock", file=sys.stderr)
        return 1
    found = problems(pyproject_text, LOCK.read_text())
    for problem in found:
        print(f"lock: {problem}", file=sys.stderr)
    if found:
        print("Run scripts/lock and commit requirements.lock.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
