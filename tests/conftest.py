"""Shared fixtures. Golden files: run `pytest --update-golden` to rewrite them, then review the diff."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TODAY = _dt.date(2026, 11, 23)  # fixed so review-age checks do not change with the calendar


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files instead of comparing")


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def vocabulary():
    from journeymaps.load.site_config import load_vocabulary

    vocab, findings = load_vocabulary(REPO / "site_config", REPO)
    assert vocab is not None, findings
    return vocab


@pytest.fixture(scope="session")
def project():
    from journeymaps.project import load_project

    return load_project(REPO, today=TODAY)


@pytest.fixture
def project_copy(tmp_path: Path, monkeypatch) -> Path:
    """A copy of the repository's site_config and maps to edit; the test runs inside it."""
    import shutil

    root = tmp_path / "site"
    shutil.copytree(REPO / "site_config", root / "site_config")
    shutil.copytree(REPO / "maps", root / "maps")
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def golden(request: pytest.FixtureRequest):
    """``golden(path, actual)``: compare text or bytes with a file under tests/, or rewrite it."""
    update = request.config.getoption("--update-golden")

    def check(path: Path, actual: str | bytes) -> None:
        path = Path(path)
        binary = isinstance(actual, bytes)
        if update or not path.exists():
            if not update:
                pytest.fail(f"golden file {path} is missing; run pytest --update-golden and review it")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(actual) if binary else path.write_text(actual, encoding="utf-8", newline="\n")
            return
        expected = path.read_bytes() if binary else path.read_text(encoding="utf-8")
        assert actual == expected, f"{path} differs; if the change is intended run pytest --update-golden and review"

    return check


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI follows the locale (words.reader.output_language); expected outputs are English
    whatever the machine running the tests is set to. Tests of other languages set them."""
    for name in ("JOURNEYMAPS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
