"""A real `mkdocs serve` keeps answering whatever an author saves (issue 9 section 5).

MkDocs' server answers no request after a failed rebuild until a build succeeds ("The server
will appear stuck"): deleting a map that guides link to, or saving a map file empty, used to
do that in strict mode. Every request here has a time limit, so a stuck server fails the test.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REQUEST_TIMEOUT = 15  # seconds; a stuck server never answers
REBUILD_TIMEOUT = 90


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=REQUEST_TIMEOUT) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")
    except (TimeoutError, socket.timeout) as e:
        raise AssertionError(f"GET {url} got no answer in {REQUEST_TIMEOUT} s: the server is stuck") from e


@pytest.fixture
def plant() -> list[Callable[[Path], None]]:
    """Things to do to the project copy before the server starts."""
    return []


@pytest.fixture
def server(project_copy, tmp_path: Path, plant) -> Iterator[tuple[Path, Callable[[str], str], Path]]:
    root = project_copy()
    for act in plant:
        act(root)
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                cwd=root, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, "mkdocs serve exited:\n" + log.read_text()
            try:
                if _get(base)[0] == 200:
                    break
            except (OSError, AssertionError):
                pass
            assert time.monotonic() < deadline, "mkdocs serve did not start:\n" + log.read_text()
            time.sleep(0.5)
        yield root, lambda path: base + path, log
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=20)


def _until(url: str, ok: Callable[[int, str], bool], log: Path) -> str:
    """Poll ``url`` until ``ok(status, body)``; every single request is bounded."""
    deadline = time.monotonic() + REBUILD_TIMEOUT
    while True:
        status, body = _get(url)
        if ok(status, body):
            return body
        assert time.monotonic() < deadline, f"{url} never reached the expected state:\n" + log.read_text()[-4000:]
        time.sleep(0.5)


def test_serve_keeps_answering_through_broken_saves_and_recovers(server) -> None:
    root, url, log = server
    fashion = root / "maps" / "fashion" / "fashion-store.yaml"
    banking = root / "maps" / "banking" / "online-banking.yaml"
    fashion_text, banking_text = fashion.read_text(encoding="utf-8"), banking.read_text(encoding="utf-8")

    # A map that guides link to is deleted: a full rebuild with errors in guides.
    fashion.unlink()
    _until(url("maps/fashion-store/"), lambda s, b: s == 404, log)
    assert _get(url(""))[0] == 200
    guide = _until(url("method/eight-steps/"), lambda s, b: "unknown map" in b, log)
    assert "maps/method/eight-steps.md:" in guide and "fashion-store" in guide

    # A map file saved empty: its page shows the located error.
    banking.write_text("", encoding="utf-8")
    page = _until(url("maps/online-banking/"), lambda s, b: "fails the check" in b, log)
    assert "online-banking.yaml:1:1" in page
    assert _get(url(""))[0] == 200

    # Both restored: the site recovers on the next good save.
    fashion.write_text(fashion_text, encoding="utf-8")
    banking.write_text(banking_text, encoding="utf-8")
    _until(url("maps/fashion-store/"), lambda s, b: s == 200, log)
    _until(url("maps/online-banking/"), lambda s, b: s == 200 and "fails the check" not in b, log)
    _until(url("method/eight-steps/"), lambda s, b: s == 200 and "unknown map" not in b, log)
    assert "appear stuck" not in log.read_text()


def _link_loops(root: Path) -> None:
    (root / "maps" / "loop").symlink_to("..")
    (root / "maps" / "self").symlink_to(".")


@pytest.mark.parametrize("plant", [[_link_loops]])
def test_symlink_loops_under_maps_neither_hang_nor_publish(server) -> None:
    """MkDocs walks docs_dir following symlinks; two loops make that walk endless. The plugin
    gives MkDocs nothing to walk, and the checker names each link on the pages it affects."""
    root, url, log = server
    assert _get(url("maps/online-banking/"))[0] == 200
    assert _get(url("loop/"))[0] == 404 and _get(url("self/"))[0] == 404
    assert "loop" in log.read_text()  # the checker's report names the link
