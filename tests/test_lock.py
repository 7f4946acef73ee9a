"""requirements.lock fits pyproject.toml, and the check notices when it does not."""

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("check_lock", ROOT / "scripts" / "check_lock.py")
check_lock = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_lock)

PYPROJECT = (ROOT / "pyproject.toml").read_text()
LOCK = (ROOT / "requirements.lock").read_text()


def test_the_committed_lock_fits_pyproject():
    assert check_lock.problems(PYPROJECT, LOCK) == []


def test_every_locked_package_carries_a_hash():
    entries = LOCK.split("\n")
    pins = [i for i, line in enumerate(entries) if check_lock.PIN.match(line)]
    assert len(pins) > 100
    for i in pins:
        assert "--hash=sha256:" in entries[i + 1], entries[i]


def test_a_changed_pin_in_pyproject_is_caught():
    changed = PYPROJECT.replace('"qrcode==8.2"', '"qrcode==8.1"')
    assert changed != PYPROJECT
    found = check_lock.problems(changed, LOCK)
    assert any("changed since" in problem for problem in found)
    assert any(problem.startswith("qrcode==8.1 in pyproject.toml") for problem in found)


def test_a_new_dependency_is_caught():
    added = PYPROJECT.replace('"qrcode==8.2",', '"qrcode==8.2",\n    "defusedcsv==3.0.0",')
    found = check_lock.problems(added, LOCK)
    assert "defusedcsv==3.0.0 in pyproject.toml, nothing in the lock" in found


def test_a_hand_edited_lock_is_caught():
    edited = LOCK.replace("\nqrcode==8.2 ", "\nqrcode==8.1 ")
    assert edited != LOCK
    found = check_lock.problems(PYPROJECT, edited)
    assert found == ["qrcode==8.2 in pyproject.toml, 8.1 in the lock"]


def test_a_lock_without_its_digest_is_caught():
    bare = check_lock.DIGEST_LINE.sub("", LOCK)
    assert "no pyproject-dependencies-sha256" in check_lock.problems(PYPROJECT, bare)[0]


def test_bootstrap_installs_nothing_without_a_hash():
    """Every `pip install` in bootstrap reads a hashed lock, pip itself included
    (a bare `--upgrade pip` would install whatever PyPI serves on the day); only
    Wegwijs itself, from this checkout, goes in without one, and with --no-deps."""
    bootstrap = (ROOT / "scripts" / "bootstrap").read_text().splitlines()
    installs = [line for line in bootstrap if " pip install " in line and "#" not in line]
    assert len(installs) == 3
    unhashed = [line for line in installs if "--require-hashes -r " not in line]
    assert len(unhashed) == 1 and "--no-deps" in unhashed[0] and unhashed[0].endswith("-e .")
    pip_lock = (ROOT / "scripts" / "pip.lock").read_text()
    pin, first_hash = re.search(r"^pip==(\S+) \\\n\s+(\S+)", pip_lock, re.M).groups()
    assert first_hash.startswith("--hash=sha256:")


def test_the_generated_client_s_venv_is_hashed_too():
    """The throwaway venv of the generated API client (scripts/install-tools) is part of
    what a fresh clone installs: every package in it pinned with its hashes."""
    tools = (ROOT / "scripts" / "install-tools").read_text().splitlines()
    installs = [line for line in tools if " install " in line and "#" not in line]
    assert installs and all("--require-hashes" in line for line in installs), installs
    lock = (ROOT / "scripts" / "tools" / "client-requirements.txt").read_text().split("\n")
    pins = [i for i, line in enumerate(lock) if check_lock.PIN.match(line)]
    assert len(pins) >= 8
    for i in pins:
        assert "--hash=sha256:" in lock[i + 1], lock[i]
