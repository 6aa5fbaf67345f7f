"""`journeymaps new --from GUIDE --lang LANG`: a guide translation to fill in, on par with its original."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from journeymaps.check.runner import check_paths
from journeymaps.cli import main
from journeymaps.load.site_config import load_vocabulary

TODAY = "2026-11-23"


@pytest.fixture
def site(project_copy: Path) -> Path:
    # Only the English originals: the tests start translations themselves, whatever
    # translations the sample content has by now.
    for guide in (project_copy / "maps" / "method").glob("*.md"):
        if guide.read_text(encoding="utf-8").split("\n---", 1)[0].count("\nlang: en") == 0:
            guide.unlink()
    return project_copy


def findings_of(root: Path, path: Path) -> list:
    vocab, _ = load_vocabulary(root / "site_config")
    result = check_paths([root / "maps"], vocab, root=root, today=date(2026, 11, 23))
    return [f for f in result.findings if f.path == path.relative_to(root).as_posix()]


def test_starts_a_polish_guide_with_the_originals_skeleton(site: Path, capsys) -> None:
    original = (site / "maps/method/eight-steps.md").read_text(encoding="utf-8")
    assert main(["new", "--from", "eight-steps", "--lang", "pl", "--title", "Osiem kroków"]) == 0
    path = site / "maps/method/eight-steps-pl.md"
    text = path.read_text(encoding="utf-8")
    assert "created maps/method/eight-steps-pl.md" in capsys.readouterr().out
    for line in ("id: eight-steps-pl", "lang: pl", "order: 2", "translations: {en: eight-steps}",
                 "maps: [online-banking, fashion-store, fitness-app]"):
        assert f"\n{line}\n" in text
    headings = [ln for ln in original.splitlines() if ln.startswith("## ")]
    assert [ln for ln in text.splitlines() if ln.startswith("## ")] == headings
    assert "(map:online-banking#retention)" in text and "(guide:measuring)" in text
    # Strictly clean: on par with the original, linked to it, digest current.
    assert findings_of(site, path) == []


def test_the_skeleton_fails_parity_once_a_section_is_dropped(site: Path) -> None:
    assert main(["new", "--from", "maps/method/measuring.md", "--lang", "zh"]) == 0
    path = site / "maps/method/measuring-zh.md"
    text = path.read_text(encoding="utf-8")
    last = text.rindex("\n## ")
    path.write_text(text[:last] + "\n", encoding="utf-8")
    codes = {f.code for f in findings_of(site, path)}
    assert "guide-parity" in codes


def test_never_overwrites_and_needs_a_language(site: Path, capsys) -> None:
    assert main(["new", "--from", "eight-steps", "--lang", "pl"]) == 0
    path = site / "maps/method/eight-steps-pl.md"
    path.write_text(path.read_text(encoding="utf-8").replace("title:", "title: Mój", 1), encoding="utf-8")
    before = path.read_bytes()
    capsys.readouterr()
    assert main(["new", "--from", "eight-steps", "--lang", "pl"]) == 1
    assert "already exists; nothing was written" in capsys.readouterr().err
    assert path.read_bytes() == before
    assert main(["new", "--from", "eight-steps"]) == 2
    assert "--lang" in capsys.readouterr().err


def test_the_original_and_its_translation_link_each_other_on_the_site(site: Path) -> None:
    from journeymaps.pages.site import build_site
    from journeymaps.project import load_project

    assert main(["new", "--from", "eight-steps", "--lang", "pl", "--title", "Osiem kroków"]) == 0
    pages = {f.path: f.content for f in build_site(load_project(site), png=False).files}
    assert "[Polski: Osiem kroków](eight-steps-pl.md)" in pages["method/eight-steps.md"]
    assert "## Tłumaczenia {#translations}" in pages["method/eight-steps-pl.md"]
    assert "(eight-steps.md)" in pages["method/eight-steps-pl.md"].split("{#translations}")[1]
    # The method index lists the guide once, with its translation beside it.
    index = pages["method/index.md"]
    assert index.count("](eight-steps-pl.md)") == 1 and "[Polski](eight-steps-pl.md)" in index
