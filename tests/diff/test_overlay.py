"""The before/after emotion picture: one SVG, both curves, named and described for screen readers."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from journeymaps.diff import diff
from journeymaps.diff.overlay import emotion_overlay

CASES = Path(__file__).parent / "cases"
NS = {"svg": "http://www.w3.org/2000/svg"}


def _pair(kind: str, vocabulary):
    report = diff("before", "after", vocab=vocabulary, cwd=CASES / kind)
    (d,) = report.maps
    return d.base, d.head


def test_golden(vocabulary, golden) -> None:
    base, head = _pair("stage-added", vocabulary)
    golden(Path(__file__).parent / "golden" / "overlay-stage-added.svg", emotion_overlay(base, head, vocabulary))


def test_both_curves_of_every_persona_are_drawn(vocabulary) -> None:
    base, head = _pair("emotions", vocabulary)
    root = ET.fromstring(emotion_overlay(base, head, vocabulary, base_label="main", head_label="my-branch"))
    lines = root.findall("svg:polyline", NS)
    dashed = [p for p in lines if p.get("stroke-dasharray")]
    assert (len(lines), len(dashed)) == (4, 2)  # two personas, before (dashed) and after (solid)
    # Robert has no score at Awareness any more: his new curve has one point fewer.
    points = sorted(len(p.get("points").split()) for p in lines)
    assert points == [2, 3, 3, 3]


def test_title_and_description_for_screen_readers(vocabulary) -> None:
    base, head = _pair("emotions", vocabulary)
    root = ET.fromstring(emotion_overlay(base, head, vocabulary, base_label="main", head_label="my-branch"))
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby").split()
    assert root.find(f"svg:title[@id='{title_id}']", NS).text == "Emotion before and after: Opening an account"
    desc = root.find(f"svg:desc[@id='{desc_id}']", NS).text
    assert "main (dashed) and my-branch (solid)" in desc
    assert "Maya: Purchase -1 to +1." in desc
    assert "Robert: Awareness -1 to none; Consideration 0 to -1." in desc


def test_map_text_is_escaped(vocabulary) -> None:
    base, head = _pair("markdown-escape", vocabulary)
    svg = emotion_overlay(base, head, vocabulary, head_label="<script>x</script>")
    root = ET.fromstring(svg)  # well-formed despite the title's markup
    assert "<b>" not in svg and "<script>" not in svg
    assert root.find("svg:title", NS).text == "Emotion before and after: Opening <b>an</b> account | *fast*"
