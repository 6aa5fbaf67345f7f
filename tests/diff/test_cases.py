"""`journeymaps diff` on crafted before/after folders, one per kind of change, with the exact output.

Each case is ``cases/<kind>/{before,after}/maps/banking/*.yaml`` with ``expected.txt`` (the
text report) and ``expected.md`` (the pull-request comment). ``pytest --update-golden``
rewrites the expected files; review the diff of them like any other change.
"""

from __future__ import annotations

from html import unescape
from pathlib import Path

import pytest

from journeymaps.diff import diff
from journeymaps.diff import markdown, text

CASES = Path(__file__).parent / "cases"
KINDS = sorted(p.name for p in CASES.iterdir() if p.is_dir())


def test_every_kind_of_change_has_a_case() -> None:
    assert {"map-added", "map-removed", "stage-added", "stage-removed", "stages-reordered", "emotions", "pain-points",
            "opportunities", "opportunity-priority", "kpis", "touchpoints", "other-edits", "invalid-head",
            "markdown-escape", "unchanged", "file-moved"} <= set(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_case(kind: str, vocabulary, golden) -> None:
    report = diff("before", "after", vocab=vocabulary, cwd=CASES / kind)
    golden(CASES / kind / "expected.txt", text.render(report))
    golden(CASES / kind / "expected.md", markdown.render(report))


@pytest.mark.parametrize("kind", KINDS)
def test_reverse_is_the_mirror(kind: str, vocabulary) -> None:
    """Swapping the sides swaps added and removed: nothing is lost in one direction."""
    forward = diff("before", "after", vocab=vocabulary, cwd=CASES / kind)
    backward = diff("after", "before", vocab=vocabulary, cwd=CASES / kind)
    assert (forward.count("added"), forward.count("removed")) == (backward.count("removed"), backward.count("added"))
    assert sum(len(d.changes) > 0 for d in forward.maps) == sum(len(d.changes) > 0 for d in backward.maps)


def test_markdown_comment_carries_no_markup_from_maps(vocabulary) -> None:
    """Map text in the comment renders as text: no HTML, no links, no mentions, no references."""
    import markdown as md_lib

    report = diff("before", "after", vocab=vocabulary, cwd=CASES / "markdown-escape")
    html = md_lib.markdown(markdown.render(report))
    for bad in ("<b>", "<img", "<a ", "<code>", "<em>", "<strong>an"):
        assert bad not in html
    shown = unescape(html)  # what the reader sees
    assert "@support-team" not in shown and "#12" not in shown  # a word joiner follows @ and #
    assert "@\u2060support-team" in shown and "#\u206012" in shown
    assert "[here](javascript:alert(1)) <img src=x onerror=alert(1)>" in shown  # as typed, inert
