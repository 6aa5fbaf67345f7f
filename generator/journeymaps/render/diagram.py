"""The stage diagram of a map, as a standalone ``<svg>`` element."""

from __future__ import annotations

from ..model.journey import LANES, JourneyMap
from ..model.resolve import lanes_of
from ..model.vocabulary import Vocabulary
from . import svg
from .ids import root_id
from .scene import Scene
from .stages_layout import layout


def stage_scene(m: JourneyMap, vocab: Vocabulary, *, lanes: list[str] | None = None) -> Scene:
    """The laid-out diagram (for tests and tools that need geometry rather than markup)."""
    chosen = lanes_of(m, vocab) if lanes is None else list(lanes)
    unknown = [lane for lane in chosen if lane not in LANES]
    if unknown:
        raise ValueError(f"unknown lane(s) {', '.join(unknown)}; lanes are {', '.join(LANES)}")
    return layout(m, vocab, chosen)


def stage_diagram(m: JourneyMap, vocab: Vocabulary, *, lanes: list[str] | None = None,
                  id_prefix: str | None = None) -> str:
    """Stage columns and lane rows (``lanes`` in order, default: the map's or the site's), empty lanes left out.

    ``id_prefix`` names the root element and prefixes every id inside; the default
    ``jm-<map id>-stages`` is stable, so pages can link to it and diagrams never collide.
    """
    return svg.write(stage_scene(m, vocab, lanes=lanes), root_id(m, "stages", id_prefix), data=(("map", m.id),))
