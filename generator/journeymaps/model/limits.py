"""How large one map may be: the single definition the checker enforces and the renderers rely on.

Why these numbers: a stage column of the diagram is 200 to 320 px wide, so 30 stages already
make a canvas of up to about 9,800 px that a reader pans across, and 12 cards stacked in one
lane cell are as many as a reader compares at a glance; 8 persona curves is where the emotion
lane stops being legible (the SaaS tools stop at 5). Within these bounds the PNG of a typical
map stays far below the rasteriser's pixel limit (``render.png.MAX_PIXELS``); a map of very long
texts at every bound is still drawn, at a reduced scale (``render.png.fit_scale``). Journeys
longer than this are several journeys: split them and link the maps.
"""

from __future__ import annotations

from .journey import LANES

MAX_STAGES = 30
MAX_PERSONAS = 8
MAX_CARDS_PER_LANE = 12  # per stage and lane: actions, touchpoints, thoughts, pain points ...

# The lanes drawn as one card per item of the stage's list of the same name.
CARD_LANES: tuple[str, ...] = tuple(lane for lane in LANES if lane != "emotion")
