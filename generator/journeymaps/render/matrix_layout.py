"""Layout of the opportunity priority matrix: impact (up) against effort (right), 1 to 5 each.

The quadrant lines run between cells, where ``model.priority`` draws its boundaries (a middle
score 3 counts as high impact and low effort), so every opportunity sits inside the quadrant the
ranked table names, never on a line; a line under the plot states that rule. Markers carry the
opportunity's rank, the number of the playbook's ranked table. Opportunities
sharing a cell are spread in a small grid; each gets a numbered marker and a short label
placed where it touches nothing (``labels.place_labels``); when a label finds no room the
cells grow and placement starts again. The numbered key under the plot gives every
opportunity in full, so a label may shorten a long text but the picture never loses it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..core.assemble import end_sentence, join
from ..model.journey import JourneyMap, Opportunity
from ..model.priority import HIGH_IMPACT_FROM, LOW_EFFORT_UP_TO, quadrant_key, ranked
from ..model.resolve import stage_name
from ..model.vocabulary import Vocabulary
from .labels import place_labels
from .scene import Box, Marker, Path, Rect, Scene, block_height, text_block
from .textwidth import text_width
from .words import words_for
from .wrap import wrap

PAD = 20
# Whole pixels only: Cairo rounds hinted glyph advances, so a fractional size draws wider than estimated.
TITLE, AXIS, TICK, LABEL, NUMBER, KEY, SMALL = 16.0, 13.0, 12.0, 12.0, 11.0, 13.0, 12.0
CELL_MIN = 92.0
SPREAD = 24.0  # distance between markers sharing a cell
GROUP_FROM = 3  # this many opportunities in one cell share one callout
GROUP_W = 140.0
LABEL_W = 150.0
LABEL_LINES = 3
CHIP_PAD = 3.0
KEY_MIN_W = 460.0
QUADRANTS = (("q.quick_wins", "left", "top"), ("q.big_bets", "right", "top"),
             ("q.fill_ins", "left", "bottom"), ("q.money_pits", "right", "bottom"))
# ``model.priority.quadrant_key`` -> the quadrant's heading in the picture.
HEADING = {"quick_win": "q.quick_wins", "big_bet": "q.big_bets", "fill_in": "q.fill_ins", "money_pit": "q.money_pits"}


@dataclass(frozen=True)
class Item:
    number: int
    opportunity: Opportunity
    stage: str


def items_of(m: JourneyMap, vocab: Vocabulary) -> list[Item]:
    """Numbered by rank, as in the playbook's ranked table."""
    return [Item(n, o, stage_name(m, stage, vocab)) for n, (stage, o) in enumerate(ranked(m), 1)]


def heading_key(o: Opportunity) -> str:
    """The word key of the quadrant heading ``o`` sits under."""
    return HEADING[quadrant_key(o)]


def short_label(text: str, *, max_lines: int = LABEL_LINES, width: float = LABEL_W) -> tuple[str, ...]:
    """At most ``max_lines`` lines; a longer text ends in an ellipsis (the key holds it in full)."""
    lines = wrap(text, width, LABEL)
    if len(lines) <= max_lines:
        return tuple(lines)
    last = lines[max_lines - 1]
    while last and text_width(last + "\u2026", LABEL) > width:
        last = last[:-1]
    return (*lines[:max_lines - 1], last.rstrip() + "\u2026")


Rows = tuple[tuple[str | None, tuple[str, ...]], ...]  # (number or None, lines) per member of a label


def _number_column(rows: Rows) -> float:
    numbers = [n for n, _ in rows if n is not None]
    return max((text_width(n, LABEL, bold=True) for n in numbers), default=-4.0) + 4


def _label_size(rows: Rows) -> tuple[float, float]:
    number_w = _number_column(rows)
    width = max(text_width(line, LABEL) for _, lines in rows for line in lines) + number_w
    height = sum(block_height(len(lines), LABEL) for _, lines in rows)
    return width + 2 * CHIP_PAD, height + 2 * CHIP_PAD


def _union(boxes: list[Box]) -> Box:
    x, y = min(b.x for b in boxes), min(b.y for b in boxes)
    return Box(x, y, max(b.right for b in boxes) - x, max(b.bottom for b in boxes) - y)


def layout(m: JourneyMap, vocab: Vocabulary) -> Scene:
    w = words_for(m.lang)
    items = items_of(m, vocab)
    per_cell: dict[tuple[int, int], list[Item]] = {}
    for it in items:
        per_cell.setdefault((it.opportunity.effort, it.opportunity.impact), []).append(it)
    crowd = max((len(v) for v in per_cell.values()), default=1)
    cell = max(CELL_MIN, math.ceil(math.sqrt(crowd)) * SPREAD + 24)
    for _ in range(10):
        scene = _try(m, w, items, per_cell, cell)
        if scene is not None:
            return scene
        cell *= 1.25
    return _try(m, w, items, per_cell, cell, force=True)  # type: ignore[return-value]


def _try(m: JourneyMap, w: dict[str, str], items: list[Item], per_cell: dict[tuple[int, int], list[Item]],
         cell: float, *, force: bool = False) -> Scene | None:
    tick_texts = {v: (f"{v} {w['high']}" if v == 5 else f"{v} {w['low']}" if v == 1 else str(v)) for v in range(1, 6)}
    left_w = max(text_width(t, TICK) for t in tick_texts.values()) + 10
    plot_w = 5 * cell
    width = max(PAD * 2 + left_w + plot_w, KEY_MIN_W + 2 * PAD)
    inner = width - 2 * PAD
    items_out: list = []
    texts: list = []

    title_lines = wrap(w["title.matrix"].format(title=m.title), inner, TITLE, bold=True)
    texts.append(text_block(PAD, PAD, title_lines, TITLE, "text", "bg", Box(PAD, PAD, inner, 10_000), bold=True))
    y = PAD + block_height(len(title_lines), TITLE) + 10
    impact_lines = wrap(w["impact"], inner, AXIS, bold=True)
    texts.append(text_block(PAD, y, impact_lines, AXIS, "text", "bg", Box(PAD, y, inner, 100), bold=True))
    y += block_height(len(impact_lines), AXIS) + 6

    # Quadrant names live in bands above and below the 5 x 5 cells, where no marker can be.
    left_cells = {"left": LOW_EFFORT_UP_TO, "right": 5 - LOW_EFFORT_UP_TO}
    quadrant_lines = {key: wrap(w[key], left_cells[side] * cell - 12, AXIS, bold=True) for key, side, _ in QUADRANTS}
    band = max(block_height(len(lines), AXIS) for lines in quadrant_lines.values()) + 10
    plot = Box(PAD + left_w, y, plot_w, plot_w + 2 * band)
    cells_top = plot.y + band

    def cx(effort: float) -> float:
        return plot.x + (effort - 0.5) * cell

    def cy(impact: float) -> float:
        return cells_top + (5.5 - impact) * cell

    # The boundaries fall between cells: after the last low-effort column, below the lowest high-impact row.
    mid_x, mid_y = cx(LOW_EFFORT_UP_TO + 0.5), cy(HIGH_IMPACT_FROM - 0.5)
    tints = {"q.quick_wins": ("q-win", Box(plot.x, plot.y, mid_x - plot.x, mid_y - plot.y)),
             "q.big_bets": ("q-bet", Box(mid_x, plot.y, plot.right - mid_x, mid_y - plot.y)),
             "q.fill_ins": ("q-fill", Box(plot.x, mid_y, mid_x - plot.x, plot.bottom - mid_y)),
             "q.money_pits": ("q-pit", Box(mid_x, mid_y, plot.right - mid_x, plot.bottom - mid_y))}
    for key, (token, box) in tints.items():
        items_out.append(Rect(box, token))
    for v in range(1, 5):
        items_out.append(Path(((plot.x + v * cell, plot.y), (plot.x + v * cell, plot.bottom)), "grid", 1.0, "2 4"))
        items_out.append(Path(((plot.x, cells_top + v * cell), (plot.right, cells_top + v * cell)), "grid", 1.0, "2 4"))
    items_out.append(Path(((mid_x, plot.y), (mid_x, plot.bottom)), "axis", 1.5, "6 4"))
    items_out.append(Path(((plot.x, mid_y), (plot.right, mid_y)), "axis", 1.5, "6 4"))
    items_out.append(Rect(plot, None, "axis"))

    # Quadrant names in the outer corners; they are obstacles for the labels.
    obstacles: list[Box] = []
    for key, side, edge in QUADRANTS:
        token, box = tints[key]
        lines = quadrant_lines[key]
        t = text_block(box.x + 6 if side == "left" else box.right - 6,
                       box.y + 5 if edge == "top" else box.bottom - 5 - block_height(len(lines), AXIS),
                       lines, AXIS, "text", token, box, bold=True, anchor="start" if side == "left" else "end")
        texts.append(t)
        obstacles.append(t.box())

    for v in range(1, 6):
        label = tick_texts[v]
        texts.append(text_block(plot.x - 6, cy(v) - block_height(1, TICK) / 2, (label,), TICK, "muted", "bg",
                                Box(PAD, cells_top, left_w, 5 * cell), anchor="end"))
        texts.append(text_block(cx(v), plot.bottom + 4, (label,), TICK, "muted", "bg",
                                Box(plot.x + (v - 1) * cell, plot.bottom, cell, 20), anchor="middle"))
    y = plot.bottom + 4 + block_height(1, TICK) + 2
    effort_lines = wrap(w["effort"], plot.w, AXIS, bold=True)
    texts.append(text_block(plot.x + plot.w / 2, y, effort_lines, AXIS, "text", "bg",
                            Box(plot.x, y, plot.w, 100), bold=True, anchor="middle"))
    y += block_height(len(effort_lines), AXIS) + 10
    rule_lines = wrap(w["matrix.rule"].format(impact=HIGH_IMPACT_FROM, effort=LOW_EFFORT_UP_TO), inner, SMALL)
    texts.append(text_block(PAD, y, rule_lines, SMALL, "muted", "bg", Box(PAD, y, inner, 200)))
    y += block_height(len(rule_lines), SMALL) + 14

    # Markers: several in one cell sit on a small grid around the cell centre. One or two
    # get a label each; a crowd (GROUP_FROM or more) shares one callout listing every member
    # by number, which stays readable where single labels would have to thread between markers.
    markers: list[tuple[Item, float, float, float]] = []
    anchors: list[Box] = []
    labels: list[tuple[str, ...]] = []
    for (effort, impact), cell_items in sorted(per_cell.items(), key=lambda kv: kv[1][0].number):
        cols = math.ceil(math.sqrt(len(cell_items)))
        rows = math.ceil(len(cell_items) / cols)
        grouped = len(cell_items) >= GROUP_FROM
        spread = SPREAD if grouped else max(SPREAD, (cell - 16) / cols)
        boxes = []
        for k, it in enumerate(cell_items):
            r, c = divmod(k, cols)
            mx = cx(effort) + (c - (cols - 1) / 2) * spread
            my = cy(impact) + (r - (rows - 1) / 2) * spread
            radius = max(9.0, (text_width(str(it.number), NUMBER, bold=True) + 6) / 2)
            markers.append((it, mx, my, radius))
            boxes.append(Box(mx - radius, my - radius, 2 * radius, 2 * radius))
        if grouped:
            anchors.append(_union(boxes))
            labels.append(tuple((str(it.number), short_label(it.opportunity.text, max_lines=2, width=GROUP_W))
                                for it in cell_items))
        else:
            anchors.extend(boxes)
            labels.extend(((None, short_label(it.opportunity.text)),) for it in cell_items)
    sizes = [_label_size(rows) for rows in labels]
    spots = place_labels(anchors, sizes, plot, obstacles)
    if not force and any(s is None for s in spots):
        return None

    for rows, placement in zip(labels, spots):
        if placement is None:
            continue
        if placement.leader:  # the label had to move away from its marker
            items_out.append(Path(placement.leader, "axis", 1.0))
        spot = placement.box
        items_out.append(Rect(spot, "bg", "grid", rx=3))
        ty = spot.y + CHIP_PAD
        number_w = _number_column(rows)
        for number, lines in rows:
            if number is not None:
                texts.append(text_block(spot.x + CHIP_PAD, ty, (number,), LABEL, "text", "bg", spot, bold=True))
            texts.append(text_block(spot.x + CHIP_PAD + number_w, ty, lines, LABEL, "text", "bg", spot))
            ty += block_height(len(lines), LABEL)
    for it, mx, my, r in markers:
        items_out.append(Marker(mx, my, "circle", r, "mark", "bg"))
        texts.append(text_block(mx, my - block_height(1, NUMBER) / 2, (str(it.number),), NUMBER, "mark-text", "mark",
                                Box(mx - r, my - r, 2 * r, 2 * r), bold=True, anchor="middle"))

    if not items:
        lines = wrap(w["matrix.none"], plot.w - 40, AXIS)
        h = block_height(len(lines), AXIS)
        items_out.append(Rect(Box(plot.x + 16, plot.y + plot.h / 2 - h / 2 - 6, plot.w - 32, h + 12), "bg", "grid", rx=4))
        texts.append(text_block(plot.x + plot.w / 2, plot.y + plot.h / 2 - h / 2, lines, AXIS, "text", "bg",
                                Box(plot.x + 20, plot.y, plot.w - 40, plot.h), anchor="middle"))

    y = _key(w, items, texts, items_out, y, inner)
    scene = Scene("matrix", width, y + PAD - 10, w["title.matrix"].format(title=m.title), matrix_desc(w, items), m.lang)
    scene.items = items_out + texts
    return scene


def _key(w: dict[str, str], items: list[Item], texts: list, shapes: list, y: float, inner: float) -> float:
    """The numbered list under the plot: every opportunity in full, with its stage and scores."""
    text_x = PAD + 28
    text_w = inner - 28
    for it in items:
        o = it.opportunity
        lines = wrap(o.text, text_w, KEY)
        meta = (f"{it.stage} \u00b7 " + w["opp.meta"].format(impact=o.impact, effort=o.effort,
                                                            status=w["status." + o.status])
                + f" \u00b7 {w['quadrant.' + quadrant_key(o)]}")  # the ranked table's word
        meta_lines = wrap(meta, text_w, SMALL)
        h = block_height(len(lines), KEY) + 2 + block_height(len(meta_lines), SMALL)
        r = max(9.0, (text_width(str(it.number), NUMBER, bold=True) + 6) / 2)
        shapes.append(Marker(PAD + 10, y + KEY * 0.65, "circle", r, "mark", "bg"))
        texts.append(text_block(PAD + 10, y + KEY * 0.65 - block_height(1, NUMBER) / 2, (str(it.number),), NUMBER,
                                "mark-text", "mark", Box(PAD + 10 - r, y + KEY * 0.65 - r, 2 * r, 2 * r),
                                bold=True, anchor="middle"))
        region = Box(text_x, y, text_w, h)
        texts.append(text_block(text_x, y, lines, KEY, "text", "bg", region))
        texts.append(text_block(text_x, y + block_height(len(lines), KEY) + 2, meta_lines, SMALL, "muted", "bg",
                                region))
        y += max(h, 2 * r) + 8
    return y


def matrix_desc(w: dict[str, str], items: list[Item]) -> str:
    parts = [w["desc.matrix"].format(n=len(items))]
    for key, *_ in QUADRANTS:
        members = [it for it in items if heading_key(it.opportunity) == key]
        if members:
            parts.append(end_sentence(w["desc.quadrant"].format(
                quadrant=w[key], items=join((f"{it.number} {it.opportunity.text}" for it in members), w["list_sep"])),
                w["full_stop"]))
    return join(parts, w["sentence_sep"])
