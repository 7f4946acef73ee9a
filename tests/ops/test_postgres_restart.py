"""PostgreSQL restarts under a running app server: it serves again, without a restart of its own.

The app keeps database connections open between requests (CONN_MAX_AGE), so
after a database restart every worker holds a dead connection. Django's
health check (CONN_HEALTH_CHECKS) must notice that before the next request
uses it. This runs the real thing: gunicorn with the production config file,
a PostgreSQL cluster of its own (scripts/services with WEGWIJS_SERVICES_DIR,
never the shared one), stopped and started with the same scripts a developer uses.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings

SCRIPTS = Path(settings.BASE_DIR) / "scripts" / "services"


@dataclass
class Cluster:
    url: str
    start: Callable[[], None]
    stop: Callable[[], None]


@pytest.fixture
def private_postgres() -> Iterator[Cluster]:
    # Under /var/tmp so that the postgres system user can enter it.
    services = Path(tempfile.mkdtemp(prefix="wegwijs-pg-restart-", dir="/var/tmp"))
    services.chmod(0o755)
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env["WEGWIJS_SERVICES_DIR"] = str(services)

    def run(script: str) -> str:
        done = subprocess.run(
            [str(SCRIPTS / script)], env=env, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, f"{script} failed:\n{done.stderr}"
        return done.stdout

    url = run("start-postgres").strip().removeprefix("DATABASE_URL=")
    try:
        yield Cluster(url, start=lambda: run("start-postgres"), stop=lambda: run("stop-postgres"))
    finally:
        run("stop-postgres")
        shutil.rmtree(services, ignore_errors=True)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture
def app_server(private_postgres: Cluster, tmp_path: Path) -> Iterator[tuple[str, int]]:
    """One gunicorn worker, so every request reuses one persistent connection: (URL, its pid)."""
    port = _free_port()
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "-c",
            str(Path(settings.BASE_DIR) / "hub" / "gunicorn.conf.py"),
            "hub.wsgi",
        ],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "hub.settings.test",
            "DATABASE_URL": private_postgres.url,
            "CONN_MAX_AGE": "600",
            "ELASTICSEARCH_URL": "",
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_WORKERS": "1",
        },
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:  # readiness: the worker has imported the app and answers
        try:
            if _get(f"{base}/healthz") == 200:
                break
        except OSError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            pytest.fail(f"gunicorn did not start:\n{(tmp_path / 'gunicorn.log').read_text()}")
        time.sleep(0.2)
    (worker,) = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    yield base, int(worker)
    server.terminate()
    server.wait(timeout=30)
    log.close()


def test_the_first_request_after_a_postgres_restart_is_served(private_postgres, app_server):
    base, worker = app_server
    assert _get(f"{base}/healthz") == 200  # the worker now holds an open connection

    private_postgres.stop()
    private_postgres.start()

    # No request in between: the worker still holds the connection of the old server.
    assert _get(f"{base}/healthz") == 200
    assert Path(f"/proc/{worker}").exists(), "the worker was restarted"


def test_while_postgres_is_down_the_app_says_so_then_recovers(private_postgres, app_server):
    base, worker = app_server
    assert _get(f"{base}/healthz") == 200

    private_postgres.stop()
    # The load balancer takes this server out of the pool; nothing crashes.
    assert _get(f"{base}/healthz") == 503

    private_postgres.start()
    assert _get(f"{base}/healthz") == 200
    assert Path(f"/proc/{worker}").exists(), "the worker was restarted"
