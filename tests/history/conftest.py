"""Fixture of the history tests: the three-commit repository, built once per module."""

from __future__ import annotations

from pathlib import Path

import pytest
from historyrepo import make_history


@pytest.fixture(scope="module")
def history_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = Path(__file__).resolve().parents[2]
    return make_history(tmp_path_factory.mktemp("history") / "repo", root / "site_config")
