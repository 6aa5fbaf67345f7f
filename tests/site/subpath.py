"""The site built for a sub-path URL (as GitHub Pages publishes a project site) and copied there.

Shared by tests/site/test_subpath.py (files) and tests/browser/test_subpath.py (Chromium).
"""

from __future__ import annotations

import os
from pathlib import Path

from sitebuild import REPO, TODAY

PREFIX = "/journeymaps-sub/path/"  # what /<repo>/ is on GitHub Pages, one level deeper for good measure


def build_under_subpath(root: Path) -> Path:
    """Build the repository's site for https://example.org{PREFIX} into root{PREFIX}; return root."""
    from journeymaps.cli import main

    before = os.environ.get("JOURNEYMAPS_SITE_URL")
    os.environ["JOURNEYMAPS_SITE_URL"] = f"https://example.org{PREFIX}"  # what the Pages workflow sets
    try:
        code = main(["build", "--config-file", str(REPO / "mkdocs.yml"), "--out", str(root / PREFIX.strip("/")),
                     "--today", TODAY])
    finally:
        if before is None:
            del os.environ["JOURNEYMAPS_SITE_URL"]
        else:
            os.environ["JOURNEYMAPS_SITE_URL"] = before
    assert code == 0
    return root
