"""A resolved pain point stays on the map as the record of a fix: the diagram says so in words (not
by the dashed edge alone), the map page and the canvas panel too, in the map's language."""

from __future__ import annotations

import json
import re

import pytest

from journeymaps.pages.canvas import canvas_data
from journeymaps.pages.map_page import map_page
from journeymaps.pages.site import context_of
from journeymaps.render.diagram import stage_diagram
from journeymaps.words import label


@pytest.fixture(scope="module")
def fitness(project):
    return {e.map.id: e for e in project.maps}


def _card(svg: str, pain_id: str) -> str:
    start = svg.index(f'data-id="{pain_id}"')
    return svg[svg.rindex("<g ", 0, start):svg.index("</g>", start)]


@pytest.mark.parametrize("map_id,lang", [("fitness-app", "en"), ("fitness-app-pl", "pl")])
def test_the_diagram_marks_a_resolved_pain_point_in_words_and_by_its_edge(fitness, vocabulary, map_id, lang) -> None:
    m = fitness[map_id].map
    svg = stage_diagram(m, vocabulary)
    resolved, still_open = _card(svg, "yearly-price-surprise"), _card(svg, "onboarding-skipped")
    word = label(lang, "pain_status.resolved")
    assert 'data-status="resolved"' in resolved and "stroke-dasharray" in resolved
    assert re.search(r'aria-label="[^"]*' + re.escape(word), resolved)
    assert "data-status" not in still_open and "stroke-dasharray" not in still_open and word not in still_open


def test_the_page_and_the_panel_say_resolved(fitness, project) -> None:
    entry = fitness["fitness-app"]
    ctx = context_of(project)
    page = map_page(entry, ctx).content
    text = next(p.text for s in entry.map.stages for p in s.pain_points if p.id == "yearly-price-surprise")
    line = next(line for line in page.splitlines() if line.startswith("- " + text[:40]))
    assert "**resolved**" in line
    rows = json.loads(json.dumps(canvas_data(entry.map, ctx)))["cards"]["pain-yearly-price-surprise"]["rows"]
    assert ["Status", "resolved"] in rows
