"""Serialise a ``Scene`` as a standalone ``<svg>`` element: escaped, deterministic, themable.

No XML declaration, so the string can be inlined in HTML; ``export`` adds one for files.
All numbers go through ``fmt.num``; attributes are written in a fixed order.
"""

from __future__ import annotations

import math
import re

from ..core.text import CONTROL
from .fmt import num
from .scene import Marker, Path, Rect, Scene, Text
from .textwidth import is_wide
from .theme import themable_css

SVG_NS = "http://www.w3.org/2000/svg"
_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,127}$")
_SPECIAL = re.compile(f"[&<>]|{CONTROL.pattern}")


def check_id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(f"id prefix {value!r}: use a letter followed by letters, digits, '-' or '_'")
    return value


def escape_text(value: str) -> str:
    if not _SPECIAL.search(value):  # most text needs nothing: skip the replacements
        return value
    value = CONTROL.sub("\ufffd", value)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attr(value: str) -> str:
    return escape_text(value).replace('"', "&quot;")


def has_cjk(text: str) -> bool:
    """Han, kana, Hangul or full-width forms: the text is drawn with the CJK font stack."""
    return not text.isascii() and any(ch >= "\u2e80" and is_wide(ch) for ch in text)


def write(scene: Scene, root_id: str) -> str:
    check_id(root_id)
    fills: set[str] = {"bg"}
    strokes: set[str] = set()
    body: list[str] = [f'<rect class="f-bg" width="{num(scene.width)}" height="{num(scene.height)}"/>']
    for item in scene.items:
        if isinstance(item, Text):
            fills.add(item.fill)
            body.append(_text(item))
        elif isinstance(item, Rect):
            if item.fill:
                fills.add(item.fill)
            if item.stroke:
                strokes.add(item.stroke)
            body.append(_rect(item))
        elif isinstance(item, Path):
            strokes.add(item.stroke)
            body.append(_path(item))
        elif isinstance(item, Marker):
            fills.add(item.fill)
            if item.stroke:
                strokes.add(item.stroke)
            body.append(_marker(item))
    w, h = num(scene.width), num(scene.height)
    lang = escape_attr(scene.lang)
    head = (
        f'<svg xmlns="{SVG_NS}" id="{root_id}" class="jm jm-{scene.kind}" role="img" '
        f'aria-labelledby="{root_id}-title {root_id}-desc" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
        f'lang="{lang}" xml:lang="{lang}">\n'
        f'<title id="{root_id}-title">{escape_text(scene.title)}</title>\n'
        f'<desc id="{root_id}-desc">{escape_text(scene.desc)}</desc>\n'
        f"<style>\n{themable_css(root_id, fills, strokes)}\n</style>\n"
    )
    return head + "\n".join(body) + "\n</svg>\n"


def _classes(fill: str | None, stroke: str | None, extra: str = "") -> str:
    if fill and stroke:
        cls = f"f-{fill} s-{stroke}"
    else:
        cls = f"f-{fill}" if fill else f"s-{stroke}" if stroke else ""
    return f"{cls} {extra}" if extra else cls


def _rect(r: Rect) -> str:
    b = r.box
    attrs = f'class="{_classes(r.fill, r.stroke)}" x="{num(b.x)}" y="{num(b.y)}" width="{num(b.w)}" height="{num(b.h)}"'
    if r.rx:
        attrs += f' rx="{num(r.rx)}"'
    if not r.fill:
        attrs += ' fill="none"'
    if r.stroke:
        attrs += f' stroke-width="{num(r.stroke_width)}"'
        if r.dash:
            attrs += f' stroke-dasharray="{r.dash}"'
    return f"<rect {attrs}/>"


def _path(p: Path) -> str:
    d = "M" + " L".join([f"{num(x)} {num(y)}" for x, y in p.points])
    attrs = f'class="s-{p.stroke}" d="{d}" fill="none" stroke-width="{num(p.width)}"'
    if p.dash:
        attrs += f' stroke-dasharray="{p.dash}"'
    return f'<path {attrs} stroke-linejoin="round" stroke-linecap="round"/>'


def _marker(m: Marker) -> str:
    cls = _classes(m.fill, m.stroke)
    stroke = ' stroke-width="1.5"' if m.stroke else ""
    x, y, r = m.x, m.y, m.r
    if m.shape == "circle":
        return f'<circle class="{cls}" cx="{num(x)}" cy="{num(y)}" r="{num(r)}"{stroke}/>'
    if m.shape == "square":
        s = r * 0.9
        return f'<rect class="{cls}" x="{num(x - s)}" y="{num(y - s)}" width="{num(2 * s)}" height="{num(2 * s)}"{stroke}/>'
    return f'<path class="{cls}" d="{_polygon(_shape_points(m.shape, x, y, r))}"{stroke}/>'


def _shape_points(shape: str, x: float, y: float, r: float) -> list[tuple[float, float]]:
    if shape == "triangle":
        return [(x, y - r * 1.15), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)]
    if shape == "triangle-down":
        return [(x, y + r * 1.15), (x - r * 1.1, y - r * 0.8), (x + r * 1.1, y - r * 0.8)]
    if shape == "diamond":
        return [(x, y - r * 1.25), (x + r * 1.25, y), (x, y + r * 1.25), (x - r * 1.25, y)]
    # star: five points, inner radius 45%
    points = []
    for k in range(10):
        radius = r * 1.3 if k % 2 == 0 else r * 0.58
        angle = -math.pi / 2 + k * math.pi / 5
        points.append((x + radius * math.cos(angle), y + radius * math.sin(angle)))
    return points


def _polygon(points: list[tuple[float, float]]) -> str:
    return "M" + " L".join([f"{num(px)} {num(py)}" for px, py in points]) + " Z"


def _text(t: Text) -> str:
    joined = "".join(t.lines)
    cls = _classes(t.fill, None, "cjk" if has_cjk(joined) else "")
    attrs = f'class="{cls}" font-size="{num(t.size)}"'
    if t.bold:
        attrs += ' font-weight="700"'
    if t.italic:
        attrs += ' font-style="italic"'
    if t.anchor != "start":
        attrs += f' text-anchor="{t.anchor}"'
    x = num(t.x)
    if len(t.lines) == 1:
        return f'<text {attrs} x="{x}" y="{num(t.y + t.size)}">{escape_text(t.lines[0])}</text>'
    spans = "".join(
        f'<tspan x="{x}" y="{num(t.y + t.size + i * t.line_height)}">{escape_text(line)}</tspan>'
        for i, line in enumerate(t.lines)
    )
    return f"<text {attrs}>{spans}</text>"
