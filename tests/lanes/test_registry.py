"""Everything that lists lanes reads the lane registry (journeymaps/model/lanes.py)."""

from __future__ import annotations

import typing

from journeymaps.model.journey import DiagramOptions, Stage
from journeymaps.model.lanes import LANE_SPECS, LANES, page_order
from journeymaps.model.vocabulary import Settings
from journeymaps.render.theme import TEXT_PAIRS, TOKENS
from journeymaps.words import LANGUAGES, label


def test_the_model_the_defaults_and_the_schema_take_the_registry_lanes() -> None:
    lane_type = typing.get_args(DiagramOptions.model_fields["lanes"].annotation)[0]
    assert typing.get_args(typing.get_args(lane_type)[0]) == LANES
    assert tuple(Settings().lanes) == LANES
    assert LANES == tuple(s.id for s in LANE_SPECS if s.draw is not None)


def test_every_lane_reads_a_stage_field_and_has_a_name_in_every_language() -> None:
    for spec in LANE_SPECS:
        assert spec.field in Stage.model_fields, spec.id
        for lang in LANGUAGES:
            assert label(lang, spec.label_key)


def test_every_card_lane_has_colours_in_both_schemes_and_readable_text() -> None:
    for spec in LANE_SPECS:
        if spec.draw in (None, "emotion"):
            continue
        assert spec.token in TOKENS and f"{spec.token}-edge" in TOKENS, spec.id
        assert ("text", spec.token) in TEXT_PAIRS and ("muted", spec.token) in TEXT_PAIRS


def test_the_page_order_lists_each_lane_once() -> None:
    ranks = [s.page_rank for s in LANE_SPECS]
    assert len(set(ranks)) == len(ranks)
    assert sorted(s.id for s in page_order()) == sorted(s.id for s in LANE_SPECS)
