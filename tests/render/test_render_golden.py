"""Golden files: the exact SVG of every picture of every sample map and crafted case.

A change in layout shows up as a diff of these files; run `pytest --update-golden`, then look
at the pictures (e.g. `journeymaps export MAP --format png`) before committing the new files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from journeymaps.render.diagram import stage_diagram
from journeymaps.render.matrix import priority_matrix
from journeymaps.render.sparkline import emotion_sparkline

from render_maps import ALL_FILES, GOLDEN, file_id, load_map

PICTURES = {"stages": stage_diagram, "matrix": priority_matrix, "spark": emotion_sparkline}


@pytest.mark.parametrize("kind", sorted(PICTURES))
@pytest.mark.parametrize("path", ALL_FILES, ids=file_id)
def test_golden(path: Path, kind: str, vocabulary, golden) -> None:
    m = load_map(path)
    folder = "cases" if "case/" in file_id(path) else "maps"
    golden(GOLDEN / folder / f"{m.id}.{kind}.svg", PICTURES[kind](m, vocabulary))


def test_every_crafted_edge_case_is_there() -> None:
    names = {p.stem for p in ALL_FILES}
    assert {"one-stage", "twelve-stages", "long-label", "long-word", "cjk", "scale-1-10", "five-personas"} <= names
    assert len(load_map(next(p for p in ALL_FILES if p.stem == "twelve-stages")).stages) == 12
    assert len(load_map(next(p for p in ALL_FILES if p.stem == "five-personas")).personas) == 5
