"""The diff speaks the review's language through the wording catalogue: run in Chinese or
Polish, none of our own words in it is an English label (issue 12 section 2).

The review's language is English by default (``changes.SECTION_LANG``); ``changes.speaking``
switches it (a site's history page in zh or pl does), and every word of a change, a count, a
state and an added map's summary then comes from the catalogue, while the map's own text
(``Val`` parts) stays as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from english_labels import english_needles

from journeymaps.diff import changes, diff
from journeymaps.diff.changes import Val
from journeymaps.diff.text import counts, state_words

CASES = Path(__file__).parent / "cases"
KINDS = sorted(p.name for p in CASES.iterdir() if p.is_dir())


def _our_words(report) -> list[str]:
    """Everything the diff wrote itself: counts, states, sections and the words of each change."""
    out = [counts(report)]
    for d in report.maps:
        out.append(state_words(d))
        out.append(" ".join(p for p in d.summary if not isinstance(p, Val)))
        for section, phrases in d.by_section():
            out.append(section)
            out += [" ".join(p for p in phrase if not isinstance(p, Val)) for phrase in phrases]
    return out


@pytest.mark.parametrize("lang", ["zh", "pl"])
def test_no_english_label_in_a_zh_or_pl_review(lang: str, vocabulary) -> None:
    needles = english_needles(lang)
    found = {}
    for kind in KINDS:
        with changes.speaking(lang):
            report = diff("before", "after", vocab=vocabulary, cwd=CASES / kind)
            left = {w for text in _our_words(report) for w, pattern in needles.items() if pattern.search(text)}
        if left:
            found[kind] = sorted(left)
    assert found == {}


def test_the_review_is_english_by_default(vocabulary) -> None:
    report = diff("before", "after", vocab=vocabulary, cwd=CASES / "opportunities")
    assert any("impact" in text for text in _our_words(report))


def test_an_added_maps_summary_is_counted_in_the_reviews_language(vocabulary) -> None:
    with changes.speaking("pl"):
        report = diff("before", "after", vocab=vocabulary, cwd=CASES / "map-added")
    summaries = ["".join(p if isinstance(p, str) else p.text for p in d.summary) for d in report.maps if d.summary]
    assert summaries and all("etap" in s and ("person" in s) for s in summaries), summaries
    # Outside the block the review is English again.
    report = diff("before", "after", vocab=vocabulary, cwd=CASES / "map-added")
    assert all("stage" in "".join(p for p in d.summary if isinstance(p, str)) for d in report.maps if d.summary)
