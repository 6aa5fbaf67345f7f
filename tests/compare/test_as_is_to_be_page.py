"""The compare page of a to-be map: what a CX team checks when it sets the redesign beside today's
journey (issue 15 §2): each persona's curves overlaid, the KPI moves, the pain points resolved,
still open and new, linked from both map pages, in every site language."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from journeymaps.model.journey import Kpi
from journeymaps.pages import build_site
from journeymaps.pages.compare import towards_target
from journeymaps.pages.model import fill_svg_slots
from journeymaps.project import load_project

TO_BE, AS_IS = "online-banking-to-be", "online-banking"
PAGE = f"maps/{TO_BE}/compare.md"
SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def sites(project):
    return {lang: {f.path: f for f in build_site(project, png=False, lang=lang).files} for lang in ("en", "zh", "pl")}


def _text(sites, lang: str, path: str) -> str:
    f = sites[lang][path]
    return fill_svg_slots(f.content, f.svgs)


def _section(text: str, anchor: str) -> str:
    start = text.index(f"{{#{anchor}}}")
    following = re.search(r"\n#{2,3} ", text[start:])
    return text[start:start + following.start()] if following else text[start:]


def test_the_to_be_map_redesigns_the_banking_map(project):
    m = next(e.map for e in project.maps if e.map.id == TO_BE)
    assert m.status == "to-be" and m.based_on == AS_IS


@pytest.mark.parametrize("lang,heading", [("en", "As-is and to-be"), ("zh", "现状与目标对比"),
                                          ("pl", "Stan obecny a stan docelowy")])
def test_compare_page_in_every_site_language(sites, lang, heading):
    text = _text(sites, lang, PAGE)
    assert f"# {heading}: " in text
    for anchor in ("emotion", "kpis", "pain-points", "resolved", "remaining", "new"):
        assert f"{{#{anchor}}}" in text, anchor


def test_one_overlay_per_persona_with_both_curves(sites, project):
    m = next(e.map for e in project.maps if e.map.id == TO_BE)
    svgs = sites["en"][PAGE].svgs
    assert len(svgs) == len(m.personas)
    for p, svg in zip(m.personas, svgs):
        root = ET.fromstring(svg)
        lines = root.findall(f"{SVG_NS}polyline")
        assert len(lines) == 2, p.id  # as-is dashed, to-be solid
        assert ["stroke-dasharray" in line.attrib for line in lines] == [True, False]
        assert p.name.split(",")[0] in root.find(f"{SVG_NS}title").text
    # Robert's worst moment, the purchase stage, is named in the picture's description.
    robert = ET.fromstring(svgs[1]).find(f"{SVG_NS}desc").text
    assert "Purchase -2 to 0" in robert


def test_kpi_moves_and_their_direction(sites):
    rows = {r.split("|")[1].strip(): [c.strip() for c in r.split("|")[2:-1]]
            for r in _section(_text(sites, "en", PAGE), "kpis").splitlines() if r.startswith("| ") and "---" not in r}
    # stage, as-is, to-be, change, target, verdict, unit
    assert rows["Documents accepted at first upload"][1:6] == ["78", "92", "+14", "90", "better"]
    assert rows["Median time from start to open account"][1:6] == ["12", "9", "-3", "8", "better"]
    assert rows["New accounts opened through referrals"][5] == "unchanged"
    assert rows["New customers whose salary arrives within 90 days"][1:3] == ["–", "57"]  # new in the to-be map


def test_pain_points_resolved_remaining_and_new(sites):
    text = _text(sites, "en", PAGE)
    resolved, remaining, new = (_section(text, a) for a in ("resolved", "remaining", "new"))
    assert "29% of ID photos are rejected" in resolved
    assert "manual review wait up to two working days" in resolved
    assert "manual letter to their employer" in resolved
    assert "Fees, interest and limits are still spread" in remaining and "29% of ID" not in remaining
    assert "cannot read a passport chip" in new


@pytest.mark.parametrize("lang,as_is_page", [("en", AS_IS), ("zh", "online-banking-zh"), ("pl", AS_IS)])
def test_both_map_pages_link_to_it(sites, lang, as_is_page):
    for map_id in (as_is_page, TO_BE):
        text = _text(sites, lang, f"maps/{map_id}/index.md")
        assert re.search(r"\]\((\.\./online-banking-to-be/)?compare\.md\)", text), (lang, map_id)


def test_towards_target_both_ways():
    up = dict(id="k", name="k", unit="%", baseline=50.0, target=80.0)
    down = dict(id="k", name="k", unit="min", baseline=19.0, target=8.0)
    assert towards_target(Kpi(**up, current=60.0), Kpi(**up, current=70.0)) == 1
    assert towards_target(Kpi(**up, current=70.0), Kpi(**up, current=60.0)) == -1
    assert towards_target(Kpi(**down, current=12.0), Kpi(**down, current=9.0)) == 1
    assert towards_target(Kpi(**down, current=9.0), Kpi(**down, current=9.0)) == 0
    assert towards_target(Kpi(id="k", name="k", unit="", baseline=1.0, current=2.0),
                          Kpi(id="k", name="k", unit="", baseline=1.0, current=3.0)) is None


def test_map_text_is_escaped(project_copy):
    root = project_copy
    path = root / "maps" / "banking" / "online-banking-to-be.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "About one applicant in twelve", "<script>alert(1)</script> About one applicant in twelve")
    path.write_text(text.replace("name: Maya, the time-pressed professional",
                                 'name: "Maya <img src=x onerror=alert(1)>"'), encoding="utf-8")
    project = load_project(root)
    f = next(f for f in build_site(project, png=False).files if f.path == PAGE)
    page = fill_svg_slots(f.content, f.svgs)
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;" in page


def test_a_pain_point_marked_resolved_counts_as_resolved(project):
    from journeymaps.pages.compare import pain_difference

    maps = {e.map.id: e.map for e in project.maps}
    base, head = maps[AS_IS], maps[TO_BE]
    stages = [s.model_copy(update={"pain_points": [p.model_copy(update={"status": "resolved"})
                                                   if p.id == "fee-details-scattered" else p for p in s.pain_points]})
              for s in head.stages]
    d = pain_difference(base, head.model_copy(update={"stages": stages}))
    assert "fee-details-scattered" in {p.id for _, p in d.resolved}
    assert "fee-details-scattered" not in {old.id for _, old, _ in d.remaining}
    # A pain point already resolved in the as-is map is no news in the to-be map.
    resolved_before = {p.id for _, p in base.pain_point_index().values() if p.status == "resolved"}
    assert not resolved_before & {p.id for _, p in d.resolved}
