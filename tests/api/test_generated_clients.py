"""Real clients work: the schema is valid OpenAPI, and the clients generated from it run.

As a partner's developer would: the live ``/api/v1/schema`` must pass
openapi-spec-validator; OpenAPI Generator 7.25.0 (from Maven Central, via
scripts/install-tools) makes a Python client, which is installed into a
throwaway venv and calls every GET operation against a running server
(tests/api/generated_client_calls.py) without one failure; and its
``typescript-fetch`` generator keeps every model's name (``Error`` once
became ``ModelError``). A missing Java, Maven artifact or client venv fails
these tests; nothing is skipped.

The server is a real HTTP server in a thread of this process, on the test
database with the demo municipality committed for the module (and removed
afterwards), as in test_fuzz.py.
"""

from __future__ import annotations

import json
import subprocess
import threading
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from urllib.request import urlopen
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
from django.core.management import call_command
from django.db import connections
from django.test import override_settings
from openapi_spec_validator import validate

from hub.wsgi import application
from tests.frontend.conftest import remove_content

# For the test database to be set up; the server's thread reads what the module committed.
pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / ".services" / "tools"
CALLER = Path(__file__).with_name("generated_client_calls.py")


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Runs ``command``; its output is in the failure message when it fails."""
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, f"{command[:3]}…: {result.stdout[-3000:]}{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def generator() -> list[str]:
    """The command that starts OpenAPI Generator (fetched by scripts/install-tools)."""
    run([str(ROOT / "scripts" / "install-tools")])
    classpath = (TOOLS / "openapi-generator.classpath").read_text().strip()
    return ["java", "-cp", classpath, "org.openapitools.codegen.OpenAPIGenerator", "generate"]


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args) -> None:
        """The client makes hundreds of calls; their access log is noise here."""


def application_closing_connections(environ, start_response):
    """The WSGI app, closing the server thread's database connection after each answer.

    So that no connection outlives the module and keeps the test database from being dropped.
    """
    response = application(environ, start_response)
    try:
        return [b"".join(response)]
    finally:
        response.close()
        connections.close_all()


@pytest.fixture(scope="module")
def api_url(django_db_setup, django_db_blocker) -> Iterator[str]:
    """The WSGI app on a free local port, serving the committed demo municipality."""
    with django_db_blocker.unblock(), override_settings(ELASTICSEARCH_URL=""):
        server = make_server(
            "127.0.0.1", 0, application_closing_connections, handler_class=QuietHandler
        )
        # Started first: shutdown() waits for a serve_forever() that must be running.
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            call_command("load_demo", stdout=StringIO())
            yield f"http://127.0.0.1:{server.server_port}"
        finally:
            server.shutdown()
            server.server_close()
            remove_content()


@pytest.fixture(scope="module")
def schema_file(api_url, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("schema") / "schema.json"
    with urlopen(f"{api_url}/api/v1/schema?format=json", timeout=60) as answer:
        path.write_bytes(answer.read())
    return path


def test_the_schema_passes_openapi_spec_validator(schema_file):
    validate(json.loads(schema_file.read_text()))


def test_the_generated_python_client_calls_every_get_operation(
    generator, api_url, schema_file, tmp_path
):
    run([*generator, "-g", "python", "-i", str(schema_file), "-o", str(tmp_path / "source"),
         "--package-name", "wegwijs_client"])  # fmt: skip
    installed = tmp_path / "installed"
    venv_python = str(TOOLS / "client-venv" / "bin" / "python")
    run([venv_python, "-m", "pip", "install", "-q", "--no-deps", "--disable-pip-version-check",
         "--target", str(installed), str(tmp_path / "source")])  # fmt: skip

    calls = run(
        [venv_python, str(CALLER), api_url, str(schema_file)],
        env={"PYTHONPATH": str(installed), "PATH": "/usr/bin:/bin"},
        timeout=600,
    )
    report = json.loads(calls.stdout)
    assert report["failures"] == []
    documented_gets = {
        operation["operationId"]
        for item in json.loads(schema_file.read_text())["paths"].values()
        for method, operation in item.items()
        if method == "get"
    }
    assert set(report["calls"]) == documented_gets
    # The cursor walks took more than one page for each paginated list.
    for listing in ("activities_list", "guides_list", "partners_list"):
        assert report["pages"][listing] > 2, listing


def test_the_typescript_client_keeps_every_model_name(generator, schema_file, tmp_path):
    output = tmp_path / "typescript"
    generated = run([*generator, "-g", "typescript-fetch", "-i", str(schema_file),
                     "-o", str(output)])  # fmt: skip
    components = set(json.loads(schema_file.read_text())["components"]["schemas"])
    models = {path.stem for path in (output / "models").glob("*.ts")} - {"index"}
    assert "ModelError" not in models
    assert models == components, generated.stdout[-3000:]
