"""The diff speaks the review's language through the wording catalogue: run in Chinese or
Polish, none of our own words in it is an English label (issue 12 section 2).

The review's language is English today (``changes.SECTION_LANG``); the test switches it to
show that every word of a change, a count and a state comes from the catalogue, while the
map's own text (``Val`` parts) stays as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from english_labels import english_needles

from journeymaps.diff import changes, compare, diff, words
from journeymaps.diff.changes import Val
from journeymaps.diff.text import counts, state_words

CASES = Path(__file__).parent / "cases"
KINDS = sorted(p.name for p in CASES.iterdir() if p.is_dir())


def _our_words(report) -> list[str]:
    """Everything the diff wrote itself: counts, states, sections and the words of each change."""
    out = [counts(report)]
    for d in report.maps:
        out.append(state_words(d))
        for section, phrases in d.by_section():
            out.append(section)
            out += [" ".join(p for p in phrase if not isinstance(p, Val)) for phrase in phrases]
    return out


@pytest.mark.parametrize("lang", ["zh", "pl"])
def test_no_english_label_in_a_zh_or_pl_review(lang: str, vocabulary, monkeypatch) -> None:
    for module in (changes,):
        monkeypatch.setattr(module, "SECTION_LANG", lang)
    for module in (words, compare):
        monkeypatch.setattr(module, "LANG", lang)
    needles = english_needles(lang)
    found = {}
    for kind in KINDS:
        report = diff("before", "after", vocab=vocabulary, cwd=CASES / kind)
        left = {w for text in _our_words(report) for w, pattern in needles.items() if pattern.search(text)}
        if left:
            found[kind] = sorted(left)
    assert found == {}


def test_the_review_is_english_by_default(vocabulary) -> None:
    report = diff("before", "after", vocab=vocabulary, cwd=CASES / "opportunities")
    assert any("impact" in text for text in _our_words(report))
