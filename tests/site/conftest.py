"""Fixtures of the site tests: the real site built once, and throw-away project copies."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import built_site, copy_project


@pytest.fixture(scope="session")
def site_dir() -> Path:
    return built_site()


@pytest.fixture
def project_copy(tmp_path: Path):
    """``project_copy(maps=True)`` -> a copy of the project under tmp_path to break or extend."""
    return lambda maps=True: copy_project(tmp_path / "project", maps=maps)
