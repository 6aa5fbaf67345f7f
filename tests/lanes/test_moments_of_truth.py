"""Moments of truth, the lane added through the registry alone: drawn on the diagram in the map's
language, shown on the map page under each stage, and worded in the diff."""

from __future__ import annotations

import pytest

from journeymaps.diff.changes import SECTIONS
from journeymaps.diff.compare import compare_maps
from journeymaps.pages.map_page import map_page
from journeymaps.pages.site import context_of
from journeymaps.render.diagram import stage_diagram, stage_scene


@pytest.fixture(scope="module")
def banking_zh(project):
    return next(e for e in project.maps if e.map.id == "online-banking-zh")


def test_the_diagram_draws_each_moment_as_a_card_in_its_own_lane(banking_zh, vocabulary) -> None:
    m = banking_zh.map
    moment = m.stages[0].moments_of_truth[0]
    texts = ["".join(t.lines) for t in stage_scene(m, vocabulary).texts()]
    assert "关键时刻" in texts  # the lane's name, in the map's language
    assert moment in texts
    svg = stage_diagram(m, vocabulary)
    assert svg.count('class="f-moment s-moment-edge"') >= sum(len(s.moments_of_truth) for s in m.stages)


def test_the_map_chooses_to_leave_the_lane_out(banking_zh, vocabulary) -> None:
    m = banking_zh.map
    assert m.stages[0].moments_of_truth[0] not in stage_diagram(m, vocabulary, lanes=["actions", "emotion"])


def test_the_map_page_shows_the_moments_under_their_stage(banking_zh, project) -> None:
    page = map_page(banking_zh, context_of(project)).content
    first, second = page.index("### 1. "), page.index("### 2. ")
    assert "**关键时刻**\n\n- " + banking_zh.map.stages[0].moments_of_truth[0] in page[first:second]


def test_the_diff_words_an_added_and_a_removed_moment(banking_zh, vocabulary) -> None:
    before = banking_zh.map
    stages = list(before.stages)
    moments = ["新的关键时刻", *stages[0].moments_of_truth[1:]]
    stages[0] = stages[0].model_copy(update={"moments_of_truth": moments})
    after = before.model_copy(update={"stages": stages})
    changes = compare_maps(before, after, vocabulary)
    lines = ["".join(p if isinstance(p, str) else p.text for p in c.phrase) for c in changes]
    assert {c.section for c in changes} == {SECTIONS[-1]}  # "Other edits", item by item
    assert any(line.endswith("added moment of truth 新的关键时刻") for line in lines), lines
    assert any("removed moment of truth " + before.stages[0].moments_of_truth[0] in line for line in lines), lines
