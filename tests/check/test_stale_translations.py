"""A translation records its original's digest; `check` warns once the original moves on, and
`journeymaps translated` records the new digest after review. Maps and guides alike, no git."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest

from journeymaps.check.runner import check_paths
from journeymaps.cli import main
from journeymaps.load.site_config import load_vocabulary

CASES = [  # (original, translation): one map pair, one guide pair
    ("maps/fitness/fitness-app.yaml", "maps/fitness/fitness-app-pl.yaml"),
    ("maps/method/eight-steps.md", "maps/method/eight-steps-zh.md"),
]


@pytest.fixture
def site(project_copy: Path) -> Path:
    root = project_copy
    if not (root / CASES[1][1]).exists():  # the guide translation, started as an author would
        assert main(["new", "--from", "eight-steps", "--lang", "zh", "--title", "八个步骤"]) == 0
    return root


def findings(root: Path, rel: str) -> list:
    vocab, _ = load_vocabulary(root / "site_config")
    result = check_paths([root / "maps"], vocab, root=root, today=_dt.date(2026, 11, 23))
    return [f for f in result.findings if f.path == rel]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("original,translation", CASES, ids=["map", "guide"])
def test_a_change_to_the_original_makes_the_translation_stale_until_reviewed(site, original, translation, capsys):
    assert findings(site, translation) == []
    path = site / original
    if original.endswith(".md"):
        edit(path, "## 8. Monitor and iterate\n", "## 8. Monitor and iterate\n\nA sentence added since.\n")
    else:
        edit(path, "\nsummary: ", "\nsummary: Changed. ")
    stale = findings(site, translation)
    assert [(f.code, f.severity) for f in stale] == [("stale-translation", "warning")]
    assert "review the translation" in stale[0].hint and "journeymaps translated" in stale[0].hint
    digest = stale[0].hint.split('source_digest: "')[1][:16]

    capsys.readouterr()
    assert main(["translated", translation]) == 0
    assert digest in capsys.readouterr().out
    assert f'source_digest: "{digest}"' in (site / translation).read_text(encoding="utf-8")
    assert findings(site, translation) == []


@pytest.mark.parametrize("original,translation", CASES, ids=["map", "guide"])
def test_layout_comments_and_review_dates_are_no_change(site, original, translation):
    path = site / original
    text = path.read_text(encoding="utf-8")
    if original.endswith(".md"):
        # Re-wrap a paragraph: join its first two lines.
        first = next(i for i, ln in enumerate(text.split("\n")) if ln.startswith("Mapping pays off"))
        lines = text.split("\n")
        lines[first:first + 2] = [lines[first] + " " + lines[first + 1]]
        path.write_text("\n".join(lines), encoding="utf-8")
    else:
        text = text.replace("\nsummary: ", "\n# a comment\nsummary: ", 1)
        text = text.replace('last_reviewed: "', 'last_reviewed: "2026-11-20" # was "', 1)
        path.write_text(text, encoding="utf-8")
    assert findings(site, translation) == []


def test_a_translation_without_a_digest_is_told_what_to_record(site):
    path = site / CASES[0][1]
    text = path.read_text(encoding="utf-8")
    path.write_text("\n".join(ln for ln in text.split("\n") if not ln.startswith("source_digest:")), encoding="utf-8")
    found = findings(site, CASES[0][1])
    assert [f.code for f in found] == ["untracked-translation"]
    assert main(["translated", CASES[0][1]]) == 0
    assert findings(site, CASES[0][1]) == []


def test_translated_refuses_an_original(site, capsys):
    before = (site / CASES[0][0]).read_bytes()
    assert main(["translated", CASES[0][0]]) == 1
    assert "not a translation" in capsys.readouterr().err
    assert (site / CASES[0][0]).read_bytes() == before


def test_an_original_that_does_not_list_its_translation_is_still_compared(site):
    """Only a map that lists translations is summarised with its digest; an original a translation
    names from one side only is read again for it: the translation is judged as before."""
    original, translation = CASES[0]
    edit(site / original, "translations: {pl: fitness-app-pl}\n", "")  # not part of the digest
    assert findings(site, translation) == []
    edit(site / original, "\nsummary: ", "\nsummary: Changed. ")
    stale = findings(site, translation)
    assert [(f.code, f.severity) for f in stale] == [("stale-translation", "warning")]
    digest = stale[0].hint.split('source_digest: "')[1][:16]
    edit(site / original, "\nid: fitness-app\n", "\nid: fitness-app\ntranslations: {pl: fitness-app-pl}\n")
    assert digest in findings(site, translation)[0].hint  # the same digest as a listed original's
