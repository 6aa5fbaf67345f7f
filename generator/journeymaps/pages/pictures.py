"""The pictures a page embeds, from the render helpers, with ids unique per page."""

from __future__ import annotations

from ..interchange.mermaid_export import to_mermaid
from ..model.journey import JourneyMap
from ..model.vocabulary import Vocabulary
from ..render.diagram import stage_diagram as _stage_diagram
from ..render.matrix import priority_matrix as _priority_matrix
from ..render.pdf import DEFAULT_PAPER as POSTER_PAPER
from ..render.pdf import MARGIN_PT as POSTER_MARGIN_PT
from ..render.pdf import Orientation
from ..render.pdf import best_orientation as poster_orientation  # noqa: F401 - used by download_cache
from ..render.pdf import svg_to_pdf as _svg_to_pdf
from ..render.png import svg_to_png as _svg_to_png
from ..render.sparkline import emotion_sparkline as _emotion_sparkline


def stage_diagram(m: JourneyMap, vocab: Vocabulary, *, id_prefix: str | None = None) -> str:
    return _stage_diagram(m, vocab, id_prefix=id_prefix)


def priority_matrix(m: JourneyMap, vocab: Vocabulary, *, id_prefix: str | None = None) -> str:
    return _priority_matrix(m, vocab, id_prefix=id_prefix)


def emotion_sparkline(m: JourneyMap, vocab: Vocabulary, *, id_prefix: str | None = None) -> str:
    return _emotion_sparkline(m, vocab, id_prefix=id_prefix)


def mermaid(m: JourneyMap, vocab: Vocabulary) -> str:
    return to_mermaid(m, vocab)


def svg_to_png(svg: str, *, scale: float = 1.0) -> bytes:
    """Only SVG we generated reaches Cairo (FIELD-NOTES 3); the helper refuses external fetches."""
    return _svg_to_png(svg, scale=scale)


def svg_to_pdf(svg: str, *, paper: str, orientation: Orientation) -> bytes:
    """The same guard as svg_to_png: Cairo sees only our SVG and fetches nothing."""
    return _svg_to_pdf(svg, paper=paper, orientation=orientation)
