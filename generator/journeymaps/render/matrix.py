"""The opportunity priority matrix of a map, as a standalone ``<svg>`` element."""

from __future__ import annotations

from ..model.journey import JourneyMap
from ..model.vocabulary import Vocabulary
from . import svg
from .ids import root_id
from .matrix_layout import layout
from .scene import Scene


def matrix_scene(m: JourneyMap, vocab: Vocabulary) -> Scene:
    return layout(m, vocab)


def priority_matrix(m: JourneyMap, vocab: Vocabulary, *, id_prefix: str | None = None) -> str:
    """Impact against effort with named quadrants; default root id ``jm-<map id>-matrix``."""
    return svg.write(matrix_scene(m, vocab), root_id(m, "matrix", id_prefix))
