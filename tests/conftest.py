"""Shared fixtures: a real `streamlit run` server, a headless Chromium page, a throwaway PostgreSQL cluster."""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from tests.helpers import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, CLASS_DB_URL, ROOT

# the strategy crossovers stay the documented constants while testing (and in the app server the browser
# tests start): what a test expects must not depend on this machine's timings. tests/test_calibration.py
# drives the measurement itself, with fake timers.
os.environ["CNN_EXPLORER_CALIBRATION"] = "off"
# the compiled loop is opt-in (CNN_EXPLORER_COMPILE=on): kept off here even if the shell that runs the tests
# switched it on; tests/test_stencil.py switches it on where it tests it
os.environ["CNN_EXPLORER_COMPILE"] = "off"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def app_url():
    """`streamlit run explorer/Home.py` on a free localhost port, as the README starts it."""
    port = free_port()
    log = open(ARTIFACTS.mkdir(exist_ok=True) or ARTIFACTS / "streamlit.log", "w")
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "explorer/Home.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "CNN_EXPLORER_DB_URL": CLASS_DB_URL})
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.5)
    else:
        server.kill()
        pytest.fail("streamlit did not start; see artifacts/streamlit.log")
    yield url
    server.terminate()
    server.wait(timeout=20)
    log.close()


@pytest.fixture()
def page(app_url):
    """A Chromium page at the app's Home; skipped only outside CI when Chromium is absent."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs it with apt-get")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport={"width": 1500, "height": 2600})
        tab.set_default_timeout(60_000)
        tab.goto(app_url)
        tab.get_by_role("heading", name="CNN Explorer").wait_for()
        yield tab
        browser.close()


# a PostgreSQL cluster of its own (tests/classroom, and the replicas of tests/test_deploy.py share it)
BINARIES = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))


@pytest.fixture(scope="session")
def postgres_url():
    """A throwaway cluster: ``initdb`` and ``pg_ctl`` as the ``postgres`` user when the tests run as root (the server
    refuses root), listening on 127.0.0.1 only, stopped and removed afterwards."""
    if not BINARIES:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is missing: .ci/run installs the postgresql package")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    bindir = BINARIES[-1].parent
    root = Path(tempfile.mkdtemp(prefix="cnn-explorer-pg-"))
    root.chmod(0o755)
    data = root / "data"
    data.mkdir()
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_postgres:
        shutil.chown(data, "postgres", "postgres")
    port = free_port()
    subprocess.run([*as_postgres, bindir / "initdb", "-D", data, "-A", "trust", "-U", "postgres", "--no-sync"],
                   check=True, capture_output=True)
    options = f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100"
    subprocess.run([*as_postgres, bindir / "pg_ctl", "-D", data, "-o", options, "-w", "-l", data / "log", "start"],
                   check=True, capture_output=True)
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_postgres, bindir / "pg_ctl", "-D", data, "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)
