"""The pictures a page embeds, from the render helpers, with ids unique per page."""

from __future__ import annotations

from ..model.journey import JourneyMap
from ..model.vocabulary import Vocabulary

# TEMPORARY guards: parts of the render package are being written in parallel; remove once they land.
try:
    from ..render.diagram import stage_diagram as _stage_diagram
except ImportError:  # pragma: no cover
    from ._placeholder_render import stage_diagram as _stage_diagram  # type: ignore[assignment]
try:
    from ..render.matrix import priority_matrix as _priority_matrix
except ImportError:  # pragma: no cover
    from ._placeholder_render import priority_matrix as _priority_matrix  # type: ignore[assignment]
try:
    from ..render.sparkline import emotion_sparkline as _emotion_sparkline
except ImportError:  # pragma: no cover
    from ._placeholder_render import emotion_sparkline as _emotion_sparkline  # type: ignore[assignment]

try:  # TEMPORARY, as above
    from ..interchange.mermaid_export import to_mermaid as _to_mermaid
except ImportError:  # pragma: no cover
    from ._placeholder_render import to_mermaid as _to_mermaid  # type: ignore[assignment]


def stage_diagram(m: JourneyMap, vocab: Vocabulary, *, id_prefix: str | None = None) -> str:
    return _stage_diagram(m, vocab, id_prefix=id_prefix)


def priority_matrix(m: JourneyMap, vocab: Vocabulary, *, id_prefix: str | None = None) -> str:
    return _priority_matrix(m, vocab, id_prefix=id_prefix)


def emotion_sparkline(m: JourneyMap, vocab: Vocabulary, *, id_prefix: str | None = None) -> str:
    return _emotion_sparkline(m, vocab, id_prefix=id_prefix)


def mermaid(m: JourneyMap, vocab: Vocabulary) -> str:
    return _to_mermaid(m, vocab)


try:  # TEMPORARY, as above
    from ..render.png import svg_to_png as _svg_to_png
except ImportError:  # pragma: no cover
    from ._placeholder_render import svg_to_png as _svg_to_png  # type: ignore[assignment]


def svg_to_png(svg: str, *, scale: float = 1.0) -> bytes:
    return _svg_to_png(svg, scale=scale)
