"""Lanes are chosen site-wide, per map or per call; empty lanes collapse; the emotion lane follows the map's scale."""

from __future__ import annotations

import pytest

from journeymaps.model.journey import LANES
from journeymaps.render.diagram import stage_diagram, stage_scene
from journeymaps.render.emotion import ticks
from journeymaps.render.scene import Marker, Path, Rect, Text

from render_maps import SAMPLE_FILES, case, load_map

LABELS = {"actions": "Actions", "touchpoints": "Touchpoints", "thoughts": "Thoughts", "emotion": "Emotion",
          "moments_of_truth": "Moments of truth", "pain_points": "Pain points", "opportunities": "Opportunities",
          "kpis": "KPIs", "plays": "Plays"}


def _lane_labels(scene) -> list[str]:
    """Bold texts in the label column, top to bottom (the header's "Stage" first)."""
    labels = [t for t in scene.texts() if t.bold and t.x < 40 and t.lines[0] != scene.title.split()[0]]
    names = [" ".join(t.lines) for t in sorted(labels, key=lambda t: t.y)]
    return [name for name in names if name in LABELS.values()]


def test_site_default_shows_every_lane_with_content_in_order(vocabulary) -> None:
    assert _lane_labels(stage_scene(case("one-stage"), vocabulary)) == [LABELS[lane] for lane in LANES]


def test_empty_lanes_collapse(vocabulary) -> None:
    labels = _lane_labels(stage_scene(case("scale-1-10"), vocabulary))
    assert labels == ["Actions", "Emotion"]  # no touchpoints, thoughts, pain points, opportunities or KPIs


def test_the_map_chooses_its_lanes_and_their_order(vocabulary) -> None:
    assert _lane_labels(stage_scene(case("gaps-and-lanes"), vocabulary)) == ["Emotion", "Actions"]


def test_the_caller_chooses_lanes(vocabulary) -> None:
    m = case("one-stage")
    assert _lane_labels(stage_scene(m, vocabulary, lanes=["kpis", "actions"])) == ["KPIs", "Actions"]
    assert "Renewal page" not in stage_diagram(m, vocabulary, lanes=["actions"])
    with pytest.raises(ValueError, match="unknown lane"):
        stage_scene(m, vocabulary, lanes=["actions", "feelings"])


def _personas(scene) -> list:
    return [g for g in scene.groups() if g.cls == "jm-persona"]


def _points(scene) -> list[Marker]:
    return [i for g in _personas(scene) for i in g.items if isinstance(i, Marker)]


def test_a_marked_point_and_value_label_at_every_stage_for_every_persona(vocabulary) -> None:
    m = case("five-personas")
    scene = stage_scene(m, vocabulary)
    assert len(_points(scene)) == 5 * len(m.stages)
    values = [t.lines[0] for g in _personas(scene) for t in g.items if isinstance(t, Text)]
    assert len(values) == 5 * len(m.stages)
    assert set(values) <= {"-2", "-1", "0", "+1", "+2"}
    curves = [p for p in scene.leaves() if isinstance(p, Path) and len(p.points) == len(m.stages)]
    assert len(curves) == 5  # one continuous line per persona
    assert len({c.dash for c in curves}) == 5


def test_the_maps_own_scale_is_honoured(vocabulary) -> None:
    m = case("scale-1-10")
    scene = stage_scene(m, vocabulary)
    axis = [t.lines[0] for t in sorted(scene.texts(), key=lambda t: t.y) if t.anchor == "end"]
    assert axis[:3] == ["Thrilled 10", "9", "8"] and "Indifferent 5" in axis and axis[-1] == "Furious 1"
    points = {round(p.y, 2): p for p in _points(scene)}
    ys = [p.y for p in sorted(_points(scene), key=lambda p: p.x)]
    # scores 3, 6, 9, 10, 1: higher scores are drawn higher up, in proportion
    assert ys[3] < ys[2] < ys[1] < ys[0] < ys[4]
    assert (ys[0] - ys[1]) == pytest.approx(3 * (ys[2] - ys[3]))
    assert len(points) == 5
    assert ticks(m.emotion_scale) == list(range(1, 11))


def test_missing_scores_break_the_curve_instead_of_inventing_values(vocabulary) -> None:
    scene = stage_scene(case("gaps-and-lanes"), vocabulary)
    assert len(_points(scene)) == 6  # kim and lee have three scores each, at different stages
    top = min(p.y for p in _points(scene)) - 40
    curves = [p for p in scene.leaves() if isinstance(p, Path) and p.stroke.startswith("p") and p.points[0][1] > top]
    # kim: stages 1, 3, 4 -> a lone point and a line over 3-4; lee: stages 1, 2, 4 -> a line over 1-2 and a lone point
    assert sorted(len(c.points) for c in curves) == [2, 2]


def test_legend_names_every_persona_with_its_marker(vocabulary) -> None:
    m = case("five-personas")
    scene = stage_scene(m, vocabulary)
    legend_bottom = min(t.y for t in scene.texts() if t.lines[0] == "Stage")
    legend_texts = [" ".join(t.lines) for t in scene.texts() if isinstance(t, Text) and t.y < legend_bottom][2:]
    assert legend_texts == [p.name for p in m.personas]
    legend_markers = [i for i in scene.leaves() if isinstance(i, Marker) and i.y < legend_bottom]
    assert len({mk.shape for mk in legend_markers}) == 5


def test_emotion_lane_is_tall_with_zones_and_points_at_the_stage_centre(vocabulary) -> None:
    m = case("five-personas")
    scene = stage_scene(m, vocabulary)
    emotion, = [g for g in scene.groups() if g.cls == "jm-lane" and dict(g.data)["lane"] == "emotion"]
    assert float(dict(emotion.data)["height"]) >= 350  # twice the 175 px it had
    assert {r.fill for r in emotion.items if isinstance(r, Rect)} == {"z-low", "z-high"}
    centres = sorted({round(p.x, 2) for p in _points(scene)})
    assert len(centres) == len(m.stages), "every persona's point of a stage sits on one vertical line"
    markers = _points(scene)
    assert all(mk.fill == "bg" for mk in markers), "hollow markers, so equal points stay visible"
    assert len({mk.shape for mk in markers}) == 5


def test_moments_of_truth_are_starred_on_their_stage(vocabulary) -> None:
    m = load_map(SAMPLE_FILES[0])
    scene = stage_scene(m, vocabulary)
    marks = [dict(g.data)["stage"] for g in scene.groups() if g.cls == "jm-moment"]
    assert marks == [s.id for s in m.stages if s.moments_of_truth] and marks
    assert any(g.cls == "jm-legend-moment" for g in scene.groups())
