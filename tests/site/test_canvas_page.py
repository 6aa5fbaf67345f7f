"""The map page's journey canvas as built: full-width page, controls from the wording catalogue,
card details embedded as JSON that no map text can break out of, and a small asset budget."""

from __future__ import annotations

import gzip
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from test_hostile import hostile_site  # noqa: F401 - the hostile map's site, built once per module

from journeymaps.pages.blocks import json_for_script
from journeymaps.pages.canvas import canvas_data
from journeymaps.pages.site import context_of
from journeymaps.words import LANGUAGES, label

REPO = Path(__file__).resolve().parents[2]
BUDGET = 40 * 1024  # gzip bytes of the scripts and styles a map page adds (issue 11)


class _Scripts(HTMLParser):
    """The text of each canvas data element, as an HTML parser delimits it."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in = False

    def handle_starttag(self, tag, attrs) -> None:
        self._in = tag == "script" and ("class", "jm-canvas-data") in attrs
        if self._in:
            self.found.append("")

    def handle_endtag(self, tag) -> None:
        self._in = False

    def handle_data(self, data) -> None:
        if self._in:
            self.found[-1] += data


def _json_blocks(html: str) -> list[str]:
    parser = _Scripts()
    parser.feed(html)
    return parser.found


HOSTILE = ["</script><script>alert(1)</script>", "<!-- <script>", "line\u2028sep\u2029para", "</SCRIPT >", "&lt;b&gt;"]


@pytest.mark.parametrize("text", HOSTILE)
def test_json_for_a_script_element_cannot_end_it_and_reads_back_the_same(text: str) -> None:
    value = {"text": text, "list": [text]}
    html = f'<script type="application/json" class="jm-canvas-data">{json_for_script(value)}</script><p>after</p>'
    blocks = _json_blocks(html)
    assert len(blocks) == 1
    assert not re.search(r"</script|<!--|[\u2028\u2029]", blocks[0], re.I)
    assert json.loads(blocks[0]) == value


def test_map_pages_take_the_whole_width(site_dir: Path) -> None:
    page = (site_dir / "maps" / "online-banking" / "index.html").read_text(encoding="utf-8")
    # Material leaves out the navigation and table-of-contents columns of a page that hides them.
    assert 'class="md-sidebar md-sidebar--primary" data-md-component="sidebar" data-md-type="navigation" hidden' in page
    assert 'data-md-type="toc" hidden' in page


def _canvas(site_dir: Path, map_id: str) -> str:
    page = (site_dir / "maps" / map_id / "index.html").read_text(encoding="utf-8")
    start = page.index('<div class="jm-canvas"')
    return page[start:page.index("</script>", start) + 9]


@pytest.mark.parametrize("map_id, lang", [("online-banking", "en"), ("online-banking-zh", "zh"),
                                          ("fitness-app-pl", "pl")])
def test_controls_read_the_maps_language(site_dir: Path, map_id: str, lang: str) -> None:
    canvas = _canvas(site_dir, map_id)
    for key in ("canvas.fit", "canvas.all_personas", "canvas.lanes"):
        assert f">{label(lang, key)}<" in canvas
    for key in ("canvas.zoom_in", "canvas.zoom_out", "canvas.toolbar"):
        assert f'aria-label="{label(lang, key)}"' in canvas
    data = json.loads(_json_blocks(canvas)[0])
    assert data["words"]["canvas.close"] == label(lang, "canvas.close")


def test_every_linked_card_has_its_details(site_dir: Path, project, vocabulary) -> None:
    m = next(e.map for e in project.maps if e.map.id == "online-banking")
    data = json.loads(_json_blocks(_canvas(site_dir, m.id))[0])
    expected = {f"pain-{p.id}" for s in m.stages for p in s.pain_points}
    expected |= {f"opportunity-{o.id}" for s in m.stages for o in s.opportunities}
    expected |= {f"kpi-{k.id}" for s in m.stages for k in s.kpis}
    expected |= {f"play-{p.id}" for s in m.stages for p in s.plays}
    assert set(data["cards"]) == expected
    play = next(p for s in m.stages for p in s.plays)
    rows = dict(map(tuple, data["cards"][f"play-{play.id}"]["rows"]))
    assert rows["Trigger"] == play.trigger and rows["Timing"] == play.timing
    assert rows["Guardrail"] == "at most 1 a month \u00b7 quiet 22:00\u201307:00"
    opp = next(o for s in m.stages for o in s.opportunities if o.owner)
    rows = dict(map(tuple, data["cards"][f"opportunity-{opp.id}"]["rows"]))
    assert rows["Owner"] == opp.owner and rows["Impact"] == str(opp.impact) and rows["Effort"] == str(opp.effort)
    # Evidence from the research register: the study's title, linked to its page (a URL is linked as
    # it is: test_hostile_text_stays_inside_the_json).
    linked = [p for s in m.stages for p in s.pain_points if p.evidence != "hypothesis"]
    assert linked
    for p in linked:
        card = data["cards"][f"pain-{p.id}"]
        assert card["link"] == f"../../research/{p.evidence}/"
        assert dict(map(tuple, card["rows"]))["Evidence"] == vocabulary.study(p.evidence).title
    assert all("link" not in data["cards"][f"pain-{p.id}"]
               for s in m.stages for p in s.pain_points if p.evidence == "hypothesis")


def test_hostile_text_stays_inside_the_json(hostile_site: Path) -> None:  # noqa: F811
    page = (hostile_site / "maps" / "hostile" / "index.html").read_text(encoding="utf-8")
    blocks = _json_blocks(page)
    assert len(blocks) == 1
    cards = json.loads(blocks[0])["cards"]
    assert cards["opportunity-o1"]["text"] == "Opportunity | cell | breaker <script>x</script>"
    assert cards["pain-pp2"]["link"] == 'https://example.com/research?a=1&b=<x>"y"'


def test_the_stage_by_stage_text_is_collapsible_and_complete(site_dir: Path, project) -> None:
    m = next(e.map for e in project.maps if e.map.id == "fashion-store")
    page = (site_dir / "maps" / m.id / "index.html").read_text(encoding="utf-8")
    start = page.index('<details class="jm-stages"')
    block = page[start:page.index("</details>", start)]
    assert 'open' not in block[:40]  # collapsed without the script (the script opens it on a phone)
    assert block.count('class="jm-stage-card"') == len(m.stages)
    for s in m.stages:
        assert f'id="stage-{s.id}"' in block
        assert all(p.id and _plain(p.text) in _plain(block) for p in s.pain_points)


def _plain(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).replace("&quot;", '"').replace("&#39;", "'").replace("&amp;", "&")


class _Config(yaml.SafeLoader):
    """mkdocs.yml's own tags (`!ENV`) read as nothing: only the asset lists matter here."""


_Config.add_multi_constructor("!", lambda loader, suffix, node: None)


def test_the_canvas_assets_stay_within_budget() -> None:
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Config)  # noqa: S506
    assets = [*config["extra_css"], *config["extra_javascript"]]
    assert any("canvas" in a for a in assets)
    size = sum(len(gzip.compress((REPO / "theme" / a).read_bytes(), 9)) for a in assets)
    assert size < BUDGET, f"{size} bytes gzip-compressed"


def test_every_catalogue_carries_the_canvas_words() -> None:
    # The script shows only words from the JSON; each must exist in every language.
    from journeymaps.pages.canvas import _SCRIPT_WORDS

    for lang in LANGUAGES:
        assert all(label(lang, key) for key in _SCRIPT_WORDS)


def test_canvas_data_is_plain_text(project) -> None:
    ctx = context_of(project)
    for entry in project.maps:
        data = canvas_data(entry.map, ctx)
        texts = [c["text"] for c in data["cards"].values()]
        assert all("&lt;" not in t and "&amp;" not in t for t in texts)  # the script sets textContent
