"""Every SVG is well-formed XML, accessible, uniquely identified, escaped and deterministic."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from journeymaps.model.resolve import stage_name
from journeymaps.render.diagram import stage_diagram
from journeymaps.render.matrix import priority_matrix
from journeymaps.render.sparkline import emotion_sparkline

from render_maps import ALL_FILES, REPO, SAMPLE_FILES, case, file_id, load_map

NS = "{http://www.w3.org/2000/svg}"
PICTURES = (stage_diagram, priority_matrix, emotion_sparkline)


def _pictures(path: Path, vocabulary) -> list[str]:
    m = load_map(path)
    return [draw(m, vocabulary) for draw in PICTURES]


@pytest.mark.parametrize("path", ALL_FILES, ids=file_id)
def test_svg_is_accessible_xml_with_unique_ids(path: Path, vocabulary) -> None:
    m = load_map(path)
    for svg in _pictures(path, vocabulary):
        assert not svg.startswith("<?xml"), "the element must be inlinable in HTML"
        root = ET.fromstring(svg)
        assert root.tag == f"{NS}svg"
        # The stage diagram holds focusable cards, which an img would hide from assistive tech.
        assert root.get("role") == ("group" if "jm-stages" in root.get("class") else "img")
        title, desc = root.find(f"{NS}title"), root.find(f"{NS}desc")
        assert title is not None and (title.text or "").strip()
        assert desc is not None and (desc.text or "").strip()
        assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        ids = [el.get("id") for el in root.iter() if el.get("id")]
        assert len(ids) == len(set(ids)), "ids repeat inside one SVG"
        assert all(i.startswith(root.get("id")) for i in ids), "every id carries the diagram's prefix"
        assert root.get("id") == f"jm-{m.id}-" + root.get("class").split("jm-")[-1]
        assert root.get("lang") == m.lang


@pytest.mark.parametrize("path", ALL_FILES, ids=file_id)
def test_desc_summarises_the_journey_in_words(path: Path, vocabulary) -> None:
    m = load_map(path)
    root = ET.fromstring(stage_diagram(m, vocabulary))
    desc = root.find(f"{NS}desc").text
    for stage in m.stages:
        assert stage_name(m, stage, vocabulary) in desc
    scored = [p for p in m.personas if any(p.id in s.emotions for s in m.stages)]
    for persona in scored:
        assert persona.name in desc
    assert m.title == root.find(f"{NS}title").text


def test_desc_names_the_highs_and_lows(vocabulary) -> None:
    desc = ET.fromstring(stage_diagram(case("scale-1-10"), vocabulary)).find(f"{NS}desc").text
    assert "highest at Retention (10 Thrilled)" in desc
    assert "lowest at Advocacy (1 Furious)" in desc
    assert "scale of 1 to 10" in desc


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [v for k, v in attrs if k == "id" and v]


def _page_ids(*svgs: str) -> list[str]:
    parser = _Ids()
    parser.feed("<!doctype html><html><body>" + "".join(f"<div>{s}</div>" for s in svgs) + "</body></html>")
    return parser.ids


def test_pictures_of_several_maps_share_a_page_without_id_clashes(vocabulary) -> None:
    svgs = [svg for path in SAMPLE_FILES[:2] + [ALL_FILES[-1]] for svg in _pictures(path, vocabulary)]
    ids = _page_ids(*svgs)
    assert len(ids) >= 27
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_one_map_twice_on_a_page_with_its_own_prefixes(vocabulary) -> None:
    m = load_map(SAMPLE_FILES[0])
    ids = _page_ids(stage_diagram(m, vocabulary), stage_diagram(m, vocabulary, id_prefix="preview-2"))
    assert len(ids) == len(set(ids))
    with pytest.raises(ValueError):
        stage_diagram(m, vocabulary, id_prefix='x" onload="alert(1)')


def test_css_is_scoped_to_its_own_diagram(vocabulary) -> None:
    svg = stage_diagram(case("one-stage"), vocabulary)
    css = re.search(r"<style>(.*)</style>", svg, re.S).group(1)
    for rule in re.findall(r"^[^@{}\n][^{]*\{", css, re.M):
        assert "#jm-case-one-stage-stages" in rule, f"unscoped rule would leak into the page: {rule}"


def test_map_text_is_escaped_not_interpreted(vocabulary) -> None:
    m = case("polish-escaping")
    for svg in (stage_diagram(m, vocabulary), priority_matrix(m, vocabulary), emotion_sparkline(m, vocabulary)):
        root = ET.fromstring(svg)  # would fail on a raw "<script>" or "&"
        assert root.find(f".//{NS}script") is None and root.find(f".//{NS}img") is None
        assert "<script>" not in svg and "<img" not in svg and "<b>" not in svg
        texts = "".join(root.itertext())
        assert "Zażółć gęślą jaźń <script>alert('x')</script> & \"cudzysłów\"" in texts
    stages = stage_diagram(m, vocabulary)
    assert "Łukasz &lt;b&gt;pogrubiony&lt;/b&gt; &amp; Źdźbło" in stages
    assert "]]&gt;" in stages and "--&gt;" in stages


def test_same_map_same_bytes_across_processes(vocabulary) -> None:
    """Hash seeds differ per process: set or dict iteration order must not leak into the output."""
    script = ("import sys; from pathlib import Path; from journeymaps.load.site_config import load_vocabulary;"
              "from journeymaps.load.source import read; from journeymaps.check.validate import validate_map;"
              "from journeymaps.render.diagram import stage_diagram; from journeymaps.render.matrix import priority_matrix;"
              "from journeymaps.check.kpi_series import with_csv; import datetime;"
              "v, _ = load_vocabulary(Path('site_config')); p = Path(sys.argv[1]); r = read(p);"
              "m, _ = validate_map(r.loaded, 'x'); m, _ = with_csv(m, p, r.loaded, 'x', datetime.date(2026, 11, 23), 365);"
              "sys.stdout.write(stage_diagram(m, v) + priority_matrix(m, v))")
    path = str(SAMPLE_FILES[0])
    outputs = {
        subprocess.run([sys.executable, "-c", script, path], cwd=REPO, capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2")
    }
    m = load_map(SAMPLE_FILES[0])
    assert outputs == {stage_diagram(m, vocabulary) + priority_matrix(m, vocabulary)}


def test_numbers_are_formatted_with_at_most_two_decimals(vocabulary) -> None:
    for path in ALL_FILES[:3]:
        for svg in _pictures(path, vocabulary):
            numbers = re.findall(r'="(-?[0-9.]+)"', svg) + re.findall(r"[ML](-?[0-9.]+) (-?[0-9.]+)", svg)
            flat = [n for item in numbers for n in (item if isinstance(item, tuple) else (item,))]
            assert flat
            for n in flat:
                assert re.fullmatch(r"-?(0|[1-9][0-9]*)(\.[0-9]?[1-9])?", n), n
                assert n != "-0"
