"""Golden files for the generated pages: every Markdown page that
`journeymaps generate` writes for the sample maps, compared byte for byte. A change to a page
shows up here as a reviewable diff (the pictures have their own in tests/render/golden);
`pytest --update-golden` rewrites them."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeymaps.cli import main

GOLDEN = Path(__file__).parent / "golden"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docs") / "docs"
    code = main(["generate", "--out", str(out), "--root", str(REPO), "--no-png", "--today", "2026-11-23"])
    assert code == 0
    return out


def _pages(root: Path) -> list[str]:
    # A map's history page follows the repository's own commits, so it has no fixed golden:
    # tests/history builds it from a repository made for the purpose.
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.suffix == ".md" and p.name != "history.md")


def test_the_same_pages_exist(generated: Path, request: pytest.FixtureRequest) -> None:
    if request.config.getoption("--update-golden"):
        for old in GOLDEN.rglob("*"):
            if old.is_file() and old.relative_to(GOLDEN).as_posix() not in _pages(generated):
                old.unlink()
        pytest.skip("golden folder synchronised")
    assert _pages(generated) == _pages(GOLDEN)


def test_every_page_matches_its_golden_file(generated: Path, golden) -> None:
    pages = _pages(generated)
    assert len(pages) > 20
    for rel in pages:
        golden(GOLDEN / rel, (generated / rel).read_text(encoding="utf-8"))
