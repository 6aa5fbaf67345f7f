"""Fixtures for the Mermaid interchange tests."""

from __future__ import annotations

import datetime as _dt

import pytest

from journeymaps.interchange.mermaid_import import ImportOptions, ImportResult, import_text

TODAY = _dt.date(2026, 11, 23)  # the same fixed date as the top-level conftest


@pytest.fixture(scope="session")
def options(vocabulary) -> ImportOptions:
    return ImportOptions(vocabulary, TODAY, industry="banking")


@pytest.fixture(scope="session")
def import_mmd(options):
    """``import_mmd(text, **option overrides)``: import a whole diagram given as text."""

    def run(text: str, *, markdown: bool = False, **overrides) -> ImportResult:
        opts = ImportOptions(**{**options.__dict__, **overrides})
        return import_text(text, "t.md" if markdown else "t.mmd", opts, markdown=markdown)

    return run
