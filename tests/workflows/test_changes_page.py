"""The "Changes in this pull request" page: pictures of both versions, KPI and pain-point
differences first, every change in words, and map text escaped."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

from journeymaps.diff import diff
from journeymaps.preview.changes_page import changes_files

HOSTILE = '<script>alert(1)</script> & "quotes"'


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []
        self.images: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append(tag)
        if tag == "a":
            self.links.append(a["href"] or "")
        if tag == "img":
            self.images.append((a["src"] or "", a["alt"] or ""))


def _sides(tmp_path: Path, repo: Path) -> tuple[Path, Path]:
    base, head = tmp_path / "base", tmp_path / "head"
    shutil.copytree(repo / "maps" / "banking", base / "maps" / "banking")
    shutil.copytree(repo / "maps" / "banking", head / "maps" / "banking")
    path = head / "maps" / "banking" / "online-banking.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("title: Opening and growing with an online bank account", f"title: '{HOSTILE}'", 1)
    text = text.replace("baseline: 54, target: 75, target_date:", "baseline: 54, target: 80, target_date:", 1)
    text = text.replace("      - id: security-doubts\n", "      - id: security-worries\n", 1)
    path.write_text(text, encoding="utf-8")
    return base, head


def test_the_page_shows_both_versions_the_highlights_and_every_change(tmp_path: Path, repo: Path, vocabulary) -> None:
    base, head = _sides(tmp_path, repo)
    report = diff(str(base), str(head), vocab=vocabulary, cwd=tmp_path)
    files = changes_files(report, vocabulary)
    assert sorted(files) == ["changes/index.html", "changes/online-banking-after.svg",
                             "changes/online-banking-before.svg", "changes/online-banking-emotion.svg"]
    html = files["changes/index.html"]
    page = _Page()
    page.feed(html)
    assert "script" not in page.tags  # the title is shown, not run
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;" in html
    assert page.links == ["../", "../maps/online-banking/"]
    assert [src for src, _ in page.images] == ["online-banking-emotion.svg", "online-banking-before.svg",
                                              "online-banking-after.svg"]
    assert all(alt for _, alt in page.images)
    # KPI and pain-point differences come first, under their own headings, then the full list.
    kpis, pains, words = html.index("<h3>KPIs</h3>"), html.index("<h3>Pain points</h3>"), \
        html.index("<h3>Every change in words</h3>")
    assert pains < kpis < words
    assert "pain point at <code>Awareness</code>: “Prospects doubt" in html[pains:kpis] and "75" in html[kpis:words] and "80" in html[kpis:words]
    # The pictures are of the two versions.
    assert "Opening and growing with an online bank account" in files["changes/online-banking-before.svg"]
    assert "&lt;script&gt;" in files["changes/online-banking-after.svg"]


def test_no_change_says_so(tmp_path: Path, repo: Path, vocabulary) -> None:
    base, _ = _sides(tmp_path, repo)
    report = diff(str(base), str(base), vocab=vocabulary, cwd=tmp_path)
    assert "<p>No journey map changed.</p>" in changes_files(report, vocabulary)["changes/index.html"]
