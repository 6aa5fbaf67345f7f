"""The emotion sparkline of a map: a small picture for cards and index pages.

One thin line per persona across the stages with a point at each stage, on the map's own
scale. It carries no text of its own (it is too small to read); its ``<title>`` and
``<desc>`` say what it shows, including each persona's high and low.
"""

from __future__ import annotations

from ..core.assemble import join
from ..model.journey import JourneyMap
from ..model.resolve import effective_scale
from ..model.vocabulary import Vocabulary
from . import svg
from .describe import emotion_sentences, stage_names
from .emotion import fraction, series_of
from .ids import root_id
from .personas import persona_style
from .scene import Box, Marker, Path, Rect, Scene
from .words import words_for

STEP = 22.0  # horizontal distance between stages
HEIGHT = 36.0
PAD = 5.0
MIN_WIDTH = 64.0


def spark_scene(m: JourneyMap, vocab: Vocabulary) -> Scene:
    w = words_for(m.lang)
    scale = effective_scale(m, vocab)
    names = stage_names(m, vocab)
    n = len(m.stages)
    width = max(MIN_WIDTH, 2 * PAD + STEP * (n - 1) + 4)
    x0 = (width - STEP * (n - 1)) / 2
    inner = HEIGHT - 2 * PAD

    def y_of(v: float) -> float:
        return PAD + (1 - fraction(scale, v)) * inner

    desc = join([
        w["desc.spark"].format(n=n, first=names[0], last=names[-1]),
        *emotion_sentences(m, vocab, w),
    ], w["sentence_sep"])
    scene = Scene("spark", width, HEIGHT, w["title.spark"].format(title=m.title), desc, m.lang)
    # A faint middle line gives the eye a reference between the scale's ends.
    mid = y_of((scale.min + scale.max) / 2)
    scene.add(Path(((x0 - 3, mid), (x0 + STEP * (n - 1) + 3, mid)), "grid", 1.0, "2 3"))
    scene.add(Rect(Box(0.5, 0.5, width - 1, HEIGHT - 1), None, "grid", rx=3))
    for s in series_of(m):
        style = persona_style(s.index)
        run: list[tuple[float, float]] = []
        points = []
        for i, v in enumerate(list(s.values) + [None]):
            if v is not None:
                run.append((x0 + i * STEP, y_of(v)))
                points.append(run[-1])
                continue
            if len(run) > 1:
                scene.add(Path(tuple(run), style.colour, 1.5, style.dash))
            run = []
        for x, y in points:
            scene.add(Marker(x, y, style.shape, 2.2, style.colour))
    return scene


def emotion_sparkline(m: JourneyMap, vocab: Vocabulary, *, id_prefix: str | None = None) -> str:
    """Per persona a tiny line with stage points; default root id ``jm-<map id>-spark``."""
    return svg.write(spark_scene(m, vocab), root_id(m, "spark", id_prefix))
