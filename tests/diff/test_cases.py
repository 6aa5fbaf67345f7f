"""`journeymaps diff` on crafted before/after folders, one per kind of change, with the exact output.

Each case is ``cases/<kind>/{before,after}/maps/banking/*.yaml`` with ``expected.txt`` (the
text report) and ``expected.md`` (the pull-request comment). ``pytest --update-golden``
rewrites the expected files; review the diff of them like any other change.
"""

from __future__ import annotations

import re
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


# What GitHub links in the rendered text of a comment (GitHub Docs, "Autolinked references and
# URLs"; GFM spec, extended autolinks): each must find nothing that came from a map.
GITHUB_AUTOLINKS = {
    "url": re.compile(r"\bhttps?://\w", re.IGNORECASE),
    "www": re.compile(r"(?:^|[\s*_~(])www\.\w", re.IGNORECASE),
    "gh-reference": re.compile(r"\bGH-\d+\b", re.IGNORECASE),
    "issue-reference": re.compile(r"#\d+\b"),
    "mention": re.compile(r"@\w"),
    "sha": re.compile(r"\b[0-9a-f]{7,40}\b", re.IGNORECASE),
}


def test_markdown_comment_links_nothing_github_would_autolink(vocabulary) -> None:
    import markdown as md_lib

    report = diff("before", "after", vocab=vocabulary, cwd=CASES / "markdown-escape")
    shown = unescape(md_lib.markdown(markdown.render(report)))
    typed = ("https://evil.example/fees", "www.evil.example", "GH-123", "HTTP://x.example",
             "0123456789abcdef0123456789abcdef01234567", "abc1234", "@support-team", "#12")
    assert all(t in shown.replace("\u2060", "") for t in typed)  # the reader sees what was typed
    for name, pattern in GITHUB_AUTOLINKS.items():
        assert not pattern.search(shown), name


@pytest.mark.parametrize(("text", "pattern"), [
    ("see https://evil.example", "url"), ("see http://evil.example", "url"), ("HTTPS://EVIL.EXAMPLE", "url"),
    ("www.evil.example", "www"), ("(www.evil.example)", "www"), ("GH-123", "gh-reference"),
    ("fixes #123", "issue-reference"), ("ask @team", "mention"),
    ("0123456789abcdef0123456789abcdef01234567", "sha"), ("commit abc1234", "sha"), ("ABCDEF0123", "sha"),
])
def test_each_autolink_pattern_is_defanged(text: str, pattern: str) -> None:
    assert GITHUB_AUTOLINKS[pattern].search(text)  # the oracle sees the raw text as a link
    shown = unescape(markdown.escape(text))
    assert not GITHUB_AUTOLINKS[pattern].search(shown)
    assert shown.replace("\u2060", "") == text


def test_short_numbers_and_words_are_left_alone() -> None:
    for text in ("2026", "123456", "café", "the GHz band", "https-only"):
        assert markdown.defang(text) == text
