"""The priority matrix puts every opportunity inside the quadrant the playbook's table names,
clear of the quadrant lines, numbered by its rank (issue 11: items scoring 3 sat on the lines,
and the matrix numbered them differently from the ranked table)."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeymaps.model.priority import quadrant_key, rank_key
from journeymaps.render.matrix import matrix_scene
from journeymaps.render.scene import Marker, Path as Line, Rect, Text

from render_maps import ALL_FILES, file_id, load_map

TINT = {"quick_win": "q-win", "big_bet": "q-bet", "fill_in": "q-fill", "money_pit": "q-pit"}


def _plot_markers(scene) -> dict[int, Marker]:
    """Number -> its marker in the plot (the key under the plot repeats each number: the first wins)."""
    numbers = [t for t in scene.items if isinstance(t, Text) and t.fill == "mark-text"]
    markers = [m for m in scene.items if isinstance(m, Marker)]
    out: dict[int, Marker] = {}
    for t in numbers:
        mk = next(m for m in markers if abs(m.x - t.x) < 0.01 and abs(m.y - (t.y + t.box().h / 2)) < 1)
        out.setdefault(int(t.lines[0]), mk)
    return out


def _quadrant_lines(scene) -> list[Line]:
    return [p for p in scene.items if isinstance(p, Line) and p.stroke == "axis" and p.dash == "6 4"]


@pytest.mark.parametrize("path", ALL_FILES, ids=file_id)
def test_markers_are_numbered_by_rank_and_sit_inside_their_quadrant_off_the_lines(path: Path, vocabulary) -> None:
    m = load_map(path)
    scene = matrix_scene(m, vocabulary)
    ranked = sorted((o for s in m.stages for o in s.opportunities), key=rank_key)
    markers = _plot_markers(scene)
    assert sorted(markers) == list(range(1, len(ranked) + 1))
    lines = _quadrant_lines(scene)
    assert len(lines) == 2  # one vertical, one horizontal
    (vx,) = {p.points[0][0] for p in lines if p.points[0][0] == p.points[1][0]}
    (hy,) = {p.points[0][1] for p in lines if p.points[0][1] == p.points[1][1]}
    tints = {r.fill: r.box for r in scene.items if isinstance(r, Rect) and (r.fill or "").startswith("q-")}
    for n, o in enumerate(ranked, 1):
        mk = markers[n]
        # Clear of both lines by more than its own radius: readable, not cut by a dashed line.
        assert abs(mk.x - vx) > mk.r + 2 and abs(mk.y - hy) > mk.r + 2, (n, o.text, o.impact, o.effort)
        box = tints[TINT[quadrant_key(o)]]
        assert box.x < mk.x < box.right and box.y < mk.y < box.bottom, (n, o.text, quadrant_key(o))
    # Higher impact is drawn higher and more effort further right, whatever the quadrant.
    for a, b in ((a, b) for a in range(1, len(ranked) + 1) for b in range(1, len(ranked) + 1)):
        oa, ob = ranked[a - 1], ranked[b - 1]
        if oa.effort < ob.effort:
            assert markers[a].x < markers[b].x
        if oa.impact > ob.impact:
            assert markers[a].y < markers[b].y


def test_the_rule_for_the_middle_score_is_stated_under_the_plot(vocabulary) -> None:
    m = load_map(next(p for p in ALL_FILES if p.stem == "online-banking"))
    assert any(o.impact == 3 or o.effort == 3 for s in m.stages for o in s.opportunities)
    texts = " ".join(" ".join(t.lines) for t in matrix_scene(m, vocabulary).items if isinstance(t, Text))
    assert "impact 3 counts as high, effort 3 as low" in texts
