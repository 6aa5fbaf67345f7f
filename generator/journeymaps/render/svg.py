"""Serialise a ``Scene`` as a standalone ``<svg>`` element: escaped, deterministic, themable.

No XML declaration, so the string can be inlined in HTML; ``export`` adds one for files.
All numbers go through ``fmt.num``; attributes are written in a fixed order.

Markup contract of the stage diagram (an interface: the canvas scripts of the map page rely
on it; change it only with them). Coordinates are viewBox units.

- root ``<svg id="<root>" class="jm jm-stages" role="group" data-map="<map id>">``; ``<root>``
  is ``jm-<map id>-stages`` unless the caller gives a prefix, and every id inside starts with it.
- ``<g class="jm-legend">`` holds one ``<g class="jm-legend-item" data-persona="<persona id>">``
  per persona that has scores.
- ``<g class="jm-headers" data-y data-height>``: the stage header row (background, the corner
  label, and per stage ``<g class="jm-stage" data-stage="<stage id>">``).
- ``<g class="jm-labels" data-x data-width>``: the lane label column, one
  ``<g class="jm-lane-label" data-lane="<lane id>">`` per lane shown, its background rectangle
  first (same ``y``/``height`` as its lane), then its label (and the emotion axis' ticks).
- then the table's shared lines, then per lane shown, in order,
  ``<g class="jm-lane" data-lane="<lane id>" data-y data-height>``: everything drawn in the
  lane's row except its label; hiding it and moving the lanes below up by ``data-height``
  leaves a consistent table.
- each card ``<g class="jm-card" id="<root>-<kind>-<key>" data-kind data-id data-stage ...
  tabindex="0" role="img" aria-label="<the card's whole text>">``; ``kind`` is the lane's
  item name in the lane registry (``action``, ``touchpoint``, ``thought``, ``moment``, ``pain``,
  ``opportunity``, ``kpi``); ``key`` is the item's id, or ``<stage id>-<n>`` (its position in
  the stage's list) for items without one, and ``data-id`` is present only when the item has
  an id. Pain points add ``data-severity``; opportunities ``data-status``, ``data-addresses``
  (pain point ids, space separated) and ``data-kpis`` (the ids of the KPIs of the
  opportunity's stage: the model links an opportunity to KPIs only through its stage);
  touchpoints ``data-channel`` and ``data-layer``. Both lists are left out when empty.
- in the emotion lane, each persona's curve, markers and value labels are in
  ``<g class="jm-persona" data-persona="<persona id>">``.
"""

from __future__ import annotations

import math
import re

from ..core.text import CONTROL
from .fmt import num
from .icons import VIEWBOX, icon_paths
from .scene import Group, Icon, Marker, Path, Rect, Scene, Text
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


def write(scene: Scene, root_id: str, *, data: tuple[tuple[str, str], ...] = ()) -> str:
    """The scene as ``<svg>``; ``data`` adds ``data-*`` attributes to the root (e.g. ``map``)."""
    check_id(root_id)
    fills: set[str] = {"bg"}
    strokes: set[str] = set()
    body: list[str] = [f'<rect class="f-bg" width="{num(scene.width)}" height="{num(scene.height)}"/>']
    icons: dict[str, str] = {}
    _write_items(scene.items, root_id, fills, strokes, body, icons)
    if icons:
        body.insert(0, "<defs>" + "".join(icons.values()) + "</defs>")
    w, h = num(scene.width), num(scene.height)
    lang = escape_attr(scene.lang)
    head = (
        f'<svg xmlns="{SVG_NS}" id="{root_id}" class="jm jm-{scene.kind}" role="{scene.role}" '
        f'aria-labelledby="{root_id}-title {root_id}-desc" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
        f'lang="{lang}" xml:lang="{lang}"{_data(data)}>\n'
        f'<title id="{root_id}-title">{escape_text(scene.title)}</title>\n'
        f'<desc id="{root_id}-desc">{escape_text(scene.desc)}</desc>\n'
        f"<style>\n{themable_css(root_id, fills, strokes)}\n</style>\n"
    )
    return head + "\n".join(body) + "\n</svg>\n"


def _write_items(items: list, root_id: str, fills: set[str], strokes: set[str], body: list[str],
                 icons: dict[str, str]) -> None:
    for item in items:
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
        elif isinstance(item, Group):
            body.append(_group_open(item, root_id))
            _write_items(item.items, root_id, fills, strokes, body, icons)
            body.append("</g>")
        elif isinstance(item, Icon):
            paths = icon_paths(item.name)
            if paths is None:  # not installed: the words beside it still say what it is
                continue
            ref = f"{root_id}-icon-{item.name.replace('/', '-')}"
            if item.name not in icons:
                d = "".join(f'<path d="{escape_attr(p)}"/>' for p in paths)
                icons[item.name] = f'<symbol id="{ref}" viewBox="0 0 {num(VIEWBOX)} {num(VIEWBOX)}">{d}</symbol>'
            fills.add(item.fill)
            body.append(f'<use href="#{ref}" class="f-{item.fill}" x="{num(item.x)}" y="{num(item.y)}" '
                        f'width="{num(item.size)}" height="{num(item.size)}" aria-hidden="true"/>')


def _data(data: tuple[tuple[str, str], ...]) -> str:
    return "".join(f' data-{name}="{escape_attr(value)}"' for name, value in data)


def _group_open(g: Group, root_id: str) -> str:
    attrs = f'class="{g.cls}"'
    if g.key is not None:
        attrs += f' id="{root_id}-{escape_attr(g.key)}"'
    attrs += _data(g.data)
    if g.label is not None:
        attrs += f' tabindex="0" role="img" aria-label="{escape_attr(g.label)}"'
    return f"<g {attrs}>"


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
