"""What a picture is made of, with positions: boxes, paths, markers and wrapped text.

Layout functions build a ``Scene``; ``svg.write`` serialises it. Keeping geometry in plain
values lets tests check that text stays inside its region and that no two texts overlap
without parsing SVG. Colours are theme token names (``theme.TOKENS``), never literals.
The classes are values that nothing mutates, but not ``frozen``: a picture builds hundreds
of them and a frozen dataclass is five times slower to create.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from .textwidth import text_width

Anchor = Literal["start", "middle", "end"]
Shape = Literal["circle", "square", "triangle", "diamond", "triangle-down", "star"]
LINE_HEIGHT = 1.3  # em; the first baseline sits one em below the top of the block


@dataclass(slots=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def overlaps(self, other: Box, gap: float = 0.0) -> bool:
        return (self.x < other.right + gap and other.x < self.right + gap
                and self.y < other.bottom + gap and other.y < self.bottom + gap)

    def contains(self, other: Box, tolerance: float = 0.01) -> bool:
        return (other.x >= self.x - tolerance and other.y >= self.y - tolerance
                and other.right <= self.right + tolerance and other.bottom <= self.bottom + tolerance)


@dataclass(slots=True)
class Rect:
    box: Box
    fill: str | None = None
    stroke: str | None = None
    rx: float = 0.0
    dash: str | None = None
    stroke_width: float = 1.0


@dataclass(slots=True)
class Path:
    points: tuple[tuple[float, float], ...]
    stroke: str
    width: float = 1.0
    dash: str | None = None


@dataclass(slots=True)
class Marker:
    x: float
    y: float
    shape: Shape
    r: float
    fill: str
    stroke: str | None = None


@dataclass(slots=True)
class Text:
    """A block of already wrapped lines. ``x`` is the left edge, centre or right edge per ``anchor``."""

    x: float
    y: float  # top of the block
    lines: tuple[str, ...]
    size: float
    fill: str
    on: str  # the background token it is drawn on, for the contrast check
    region: Box  # where the block must stay: its cell, column or plot
    bold: bool = False
    italic: bool = False
    anchor: Anchor = "start"

    @property
    def line_height(self) -> float:
        return self.size * LINE_HEIGHT

    @property
    def height(self) -> float:
        return len(self.lines) * self.line_height

    @property
    def width(self) -> float:
        return max(text_width(line, self.size, bold=self.bold) for line in self.lines)

    def box(self) -> Box:
        w = self.width
        x = self.x if self.anchor == "start" else self.x - w / 2 if self.anchor == "middle" else self.x - w
        return Box(x, self.y, w, self.height)


@dataclass(slots=True)
class Icon:
    """An icon from ``icons.py`` (``name`` like ``material/cart-outline``) in a ``size`` square at x, y."""

    x: float
    y: float
    size: float
    name: str
    fill: str

    def box(self) -> Box:
        return Box(self.x, self.y, self.size, self.size)


@dataclass(slots=True)
class Group:
    """A ``<g>`` that scripts address: ``cls`` and ``data`` are the markup contract (see ``svg.py``).

    ``key`` names the group within its picture; the writer turns it into an id below the root
    id, so the same picture drawn twice on one page under two prefixes keeps ids unique.
    """

    cls: str
    data: tuple[tuple[str, str], ...] = ()
    items: list[Item] = field(default_factory=list)
    key: str | None = None
    label: str | None = None  # aria-label; a labelled group is also focusable

    def add(self, item: Item) -> None:
        self.items.append(item)


Item = Rect | Path | Marker | Text | Icon | Group


@dataclass
class Scene:
    kind: str  # "stages", "matrix", "spark": also the CSS class `jm-<kind>`
    width: float
    height: float
    title: str
    desc: str
    lang: str
    role: str = "img"  # "group" when it holds focusable parts (an img's children are hidden from assistive tech)
    items: list[Item] = field(default_factory=list)

    def add(self, item: Item) -> None:
        self.items.append(item)

    def leaves(self) -> list[Rect | Path | Marker | Text | Icon]:
        """Everything drawn, in paint order, with groups opened."""
        return list(_leaves(self.items))

    def groups(self) -> list[Group]:
        """Every group, outer before inner."""
        return list(_groups(self.items))

    def texts(self) -> list[Text]:
        return [i for i in self.leaves() if isinstance(i, Text)]


def _leaves(items: list[Item]) -> Iterator[Rect | Path | Marker | Text | Icon]:
    for item in items:
        if isinstance(item, Group):
            yield from _leaves(item.items)
        else:
            yield item


def _groups(items: list[Item]) -> Iterator[Group]:
    for item in items:
        if isinstance(item, Group):
            yield item
            yield from _groups(item.items)


def text_block(x: float, y: float, lines: list[str] | tuple[str, ...], size: float, fill: str, on: str,
               region: Box, *, bold: bool = False, italic: bool = False, anchor: Anchor = "start") -> Text:
    return Text(x, y, tuple(lines), size, fill, on, region, bold, italic, anchor)


def block_height(n_lines: int, size: float) -> float:
    return n_lines * size * LINE_HEIGHT
