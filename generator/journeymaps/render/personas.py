"""How each persona's curve looks: colour, marker shape and dash pattern.

Shape and dash differ as well as colour, so curves stay apart in greyscale, in print and
for readers who do not see the colour difference. Assigned by the persona's position in
the map, so the same persona looks the same in the diagram, the sparkline and the legend.
"""

from __future__ import annotations

from dataclasses import dataclass

from .scene import Shape
from .theme import PERSONA_COLOURS

_SHAPES: tuple[Shape, ...] = ("circle", "square", "triangle", "diamond", "triangle-down", "star")
_DASHES: tuple[str | None, ...] = (None, "7 4", "2 3", "10 3 2 3", "4 2")


@dataclass(frozen=True)
class PersonaStyle:
    colour: str  # theme token
    shape: Shape
    dash: str | None


def persona_style(index: int) -> PersonaStyle:
    # Shapes and dashes cycle with different periods (6 and 5): 30 personas before a repeat.
    return PersonaStyle(f"p{index % PERSONA_COLOURS}", _SHAPES[index % len(_SHAPES)], _DASHES[index % len(_DASHES)])
