"""Layout of the stage diagram: a grid of stage columns and lane rows that grows to fit its text.

Columns share one width, wide enough for the longest unbreakable word (up to a cap, past
which words are broken); every row is as tall as its fullest cell. The emotion lane has
an axis with the scale's labels, spaced so they never touch, tinted zones for low and high
scores, and one curve per persona whose points sit at the stage centre (told apart by hollow
marker shapes and dash patterns) with value labels stacked beside them; a star marks the
stages that hold a moment of truth.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.journey import EmotionScale, JourneyMap
from ..model.lanes import SPECS, LaneSpec
from ..model.resolve import industry_name, low_threshold, effective_scale, stage_name
from ..model.vocabulary import Vocabulary
from .cards import BODY, Card, Part, lane_cards
from .describe import diagram_desc
from .emotion import Series, fraction, series_of, tick_text, ticks, value_text
from .personas import PersonaStyle, persona_style
from .fmt import num
from .scene import LINE_HEIGHT, Box, Group, Icon, Marker, Path, Rect, Scene, block_height, text_block
from .theme import SEVERITIES
from .textwidth import BOLD, MAX_EM, em, is_wide, text_width
from .words import words_for
from .wrap import wrap

PAD = 20
LABEL_W = 136
CELL_PAD = 8
CARD_PAD = 7
CARD_GAP = 6
PART_GAP = 3
COL_BASE = 200
COL_FEW = 240  # one to three stages: wider columns, so the picture is not a narrow strip
COL_MAX = 320
# Whole pixels only: Cairo rounds hinted glyph advances, so a fractional size draws wider than estimated.
TITLE, SUB, HEAD, GOAL, LANE, TICK, CHIP = 18.0, 12.0, 14.0, 12.0, 13.0, 12.0, 11.0
MARKER_R = 5.0
SPAN_MIN = 300.0  # height of the emotion axis before labels ask for more
STAR_R = 6.0
HEAD_ICON, ICON_S, ICON_GAP = 18.0, 14.0, 4.0  # stage icons, channel icons, space before the words  # the moment-of-truth mark
LEGEND_SAMPLE = 30.0
LEGEND_NAME_MAX = 240.0
CHIP_X, CHIP_Y = 6.0, 2.0  # padding of a chip around its words
DOT_R, DOT_STEP = 3.0, 9.0  # the severity count: one dot per level, filled up to the pain point's
DOTS = len(SEVERITIES)
LINE_MID = 0.62  # the middle of a line's lower-case letters, in em below the top of the line box


@dataclass(frozen=True)
class _LaidCard:
    card: Card
    parts: tuple[tuple[Part, tuple[str, ...]], ...]
    height: float


@dataclass
class _Grid:
    x0: float  # left edge of the label column
    col_x0: float  # left edge of the first stage column
    col_w: float
    n: int

    def col_x(self, i: int) -> float:
        return self.col_x0 + i * self.col_w

    @property
    def right(self) -> float:
        return self.col_x0 + self.n * self.col_w


class _Out:
    """Items in paint order: title and legend, the header row, the label column, the table's
    lines, then one group per lane (its own lines, then its cards or curves)."""

    def __init__(self) -> None:
        self.front: list = []
        self.headers = Group("jm-headers")
        self.labels = Group("jm-labels")
        self.lines: list = []
        self.lanes: list[Group] = []


@dataclass
class _Lane:
    """Where a lane draws: its body (cards, curves, its own lines) and its cell in the label column."""

    body: Group
    label: Group


def layout(m: JourneyMap, vocab: Vocabulary, lanes: list[str]) -> Scene:
    w = words_for(m.lang)
    specs = [SPECS[lane] for lane in lanes]
    series = series_of(m) if any(s.draw == "emotion" for s in specs) else []
    cards = {s.id: [lane_cards(m, stage, s, vocab, w) for stage in m.stages] for s in specs if s.draw != "emotion"}
    shown = [s for s in specs if (series if s.draw == "emotion" else any(cards[s.id]))]
    scale = effective_scale(m, vocab)

    chip_w = max((text_width(value_text(scale, v), CHIP, bold=True) + 8 for s in series for _, v in s.scored()),
                 default=0.0)
    col_w = _column_width(m, vocab, cards, 2 * (MARKER_R * 1.3 + 5 + chip_w))
    grid = _Grid(PAD, PAD + LABEL_W, col_w, len(m.stages))
    width = grid.right + PAD
    out = _Out()

    y = _title(m, vocab, w, out, width)
    if series:
        moments = w[SPECS["moments_of_truth"].label_key] if any(s.moments_of_truth for s in m.stages) else None
        y = _legend(series, moments, out, y, width)
    grid_top = y
    y = _header(m, vocab, w, out, grid, y)
    row_edges = [y]
    out.labels.data = (("x", num(grid.x0)), ("width", num(LABEL_W)))
    for spec in shown:
        lane = _Lane(Group("jm-lane"), Group("jm-lane-label", (("lane", spec.id),)))
        top = y
        if spec.draw == "emotion":
            y = _emotion_lane(m, vocab, w, spec, series, lane, grid, y)
        elif spec.draw == "touchpoints":
            y = _touchpoint_lane(w, spec, cards[spec.id], lane, grid, y)
        else:
            y = _card_lane(w[spec.label_key], cards[spec.id], lane, grid, y)
        lane.body.data = (("lane", spec.id), ("y", num(top)), ("height", num(y - top)))
        lane.label.items.insert(0, Rect(Box(grid.x0, top, LABEL_W, y - top), "lane"))
        out.labels.add(lane.label)
        out.lanes.append(lane.body)
        row_edges.append(y)
    grid_bottom = y
    _grid_lines(out, grid, grid_top, grid_bottom, row_edges)
    scene = Scene("stages", width, grid_bottom + PAD, m.title, diagram_desc(m, vocab, w), m.lang, role="group")
    scene.items = [*out.front, out.headers, out.labels, *out.lines, *out.lanes]
    return scene


# --- sizes -----------------------------------------------------------------------------

def _longest_word(text: str, size: float, bold: bool) -> float:
    """Width of the widest run that cannot be broken without a hyphen (CJK breaks anywhere)."""
    if not text.isascii():
        text = "".join(" " if is_wide(ch) else ch for ch in text)
    return max((em(word) for word in text.split()), default=0.0) * size * (BOLD if bold else 1.0)


def _column_width(m: JourneyMap, vocab: Vocabulary, cards: dict[str, list[list[Card]]], persona_w: float) -> float:
    base = COL_FEW if len(m.stages) <= 3 else COL_BASE
    need = max((_longest_word(stage_name(m, s, vocab), HEAD, True) + 2 * CELL_PAD for s in m.stages), default=0.0)
    pads = 2 * (CELL_PAD + CARD_PAD)
    for per_stage in cards.values():
        for stage_cards in per_stage:
            for card in stage_cards:
                for part in card.parts:
                    # No character is wider than MAX_EM: a text whose longest word has few enough
                    # characters fits the base width without measuring (most texts; this is hot).
                    longest = max(map(len, part.text.split()), default=0)
                    if longest * MAX_EM * part.size * BOLD + pads <= base:
                        continue
                    need = max(need, _longest_word(part.text, part.size, part.bold) + pads)
    # +1: widths are estimates rounded in the SVG; keep a pixel of slack at the cap.
    fitted = min(max(base, need + 1), COL_MAX)
    return max(fitted, persona_w + 2 * CELL_PAD + 2 * MARKER_R)


def _lay_card(card: Card, inner_w: float) -> _LaidCard:
    parts = tuple((p, tuple(wrap(p.text, _part_width(p, inner_w), p.size, bold=p.bold))) for p in card.parts)
    height = 2 * CARD_PAD + sum(_part_height(p, lines) for p, lines in parts) + PART_GAP * (len(parts) - 1)
    return _LaidCard(card, parts, height)


def _part_width(part: Part, inner_w: float) -> float:
    """Room for the part's text: a chip gives up its padding and the dots after it."""
    if part.chip is None:
        return inner_w - (ICON_S + ICON_GAP if part.icon else 0)
    return inner_w - 2 * CHIP_X - (DOTS * DOT_STEP + CHIP_X if part.dots else 0)


def _part_height(part: Part, lines: tuple[str, ...]) -> float:
    return block_height(len(lines), part.size) + (2 * CHIP_Y if part.chip else 0)


def _stack_height(laid: list[_LaidCard]) -> float:
    return sum(c.height for c in laid) + CARD_GAP * max(0, len(laid) - 1)


# --- pieces ----------------------------------------------------------------------------

def _title(m: JourneyMap, vocab: Vocabulary, w: dict[str, str], out: _Out, width: float) -> float:
    inner = width - 2 * PAD
    region = Box(PAD, PAD, inner, 10_000)
    lines = wrap(m.title, inner, TITLE, bold=True)
    out.front.append(text_block(PAD, PAD, lines, TITLE, "text", "bg", region, bold=True))
    y = PAD + block_height(len(lines), TITLE) + 2
    status = w["journey." + m.status]
    sub = f"{status[:1].upper()}{status[1:]} \u00b7 {industry_name(m.industry, m.lang, vocab)}"
    sub_lines = wrap(sub, inner, SUB)
    out.front.append(text_block(PAD, y, sub_lines, SUB, "muted", "bg", region))
    return y + block_height(len(sub_lines), SUB) + 12


def _legend(series: list[Series], moments: str | None, out: _Out, y: float, width: float) -> float:
    right = width - PAD
    x = PAD
    row_h = 0.0
    legend = Group("jm-legend")
    out.front.append(legend)
    entries: list[tuple[Group, str, PersonaStyle | None]] = [
        (Group("jm-legend-item", (("persona", s.persona.id),)), s.persona.name, persona_style(s.index)) for s in series]
    if moments:
        entries.append((Group("jm-legend-moment"), moments, None))
    for item, name, style in entries:
        legend.add(item)
        name_w = min(LEGEND_NAME_MAX, right - PAD - LEGEND_SAMPLE - 6)
        lines = wrap(name, name_w, BODY)
        text_w = max(text_width(line, BODY) for line in lines)
        item_w = LEGEND_SAMPLE + 6 + text_w
        if x > PAD and x + item_w > right:
            x, y, row_h = PAD, y + row_h + 6, 0.0
        h = block_height(len(lines), BODY)
        cy = y + BODY * LINE_MID
        if style is None:
            item.add(Marker(x + LEGEND_SAMPLE / 2, cy, "star", STAR_R, "mark", "bg"))
        else:
            item.add(Path(((x, cy), (x + LEGEND_SAMPLE, cy)), style.colour, 2.0, style.dash))
            item.add(Marker(x + LEGEND_SAMPLE / 2, cy, style.shape, MARKER_R, "bg", style.colour))
        region = Box(x + LEGEND_SAMPLE + 6, y, text_w, h)
        item.add(text_block(x + LEGEND_SAMPLE + 6, y, lines, BODY, "text", "bg", region))
        x += item_w + 18
        row_h = max(row_h, h)
    return y + row_h + 12



def _header(m: JourneyMap, vocab: Vocabulary, w: dict[str, str], out: _Out, grid: _Grid, top: float) -> float:
    inner = grid.col_w - 2 * CELL_PAD
    blocks = []
    icons = [_stage_icon(vocab, stage.id) for stage in m.stages]
    for stage, icon in zip(m.stages, icons):
        name = tuple(wrap(stage_name(m, stage, vocab), inner - (HEAD_ICON + ICON_GAP if icon else 0), HEAD, bold=True))
        goal = tuple(wrap(w["goal_line"].format(goal=stage.goal), inner, GOAL)) if stage.goal else ()
        h = block_height(len(name), HEAD) + (4 + block_height(len(goal), GOAL) if goal else 0)
        blocks.append((name, goal, h))
    label = wrap(w["stage"], LABEL_W - 2 * CELL_PAD, LANE, bold=True)
    height = 2 * CELL_PAD + max([b[2] for b in blocks] + [block_height(len(label), LANE)])
    headers = out.headers
    headers.data = (("y", num(top)), ("height", num(height)))
    headers.add(Rect(Box(grid.x0, top, grid.right - grid.x0, height), "head"))
    label_region = Box(grid.x0 + CELL_PAD, top + CELL_PAD, LABEL_W - 2 * CELL_PAD, height - 2 * CELL_PAD)
    headers.add(text_block(label_region.x, label_region.y, label, LANE, "text", "head", label_region, bold=True))
    for i, (stage, (name, goal, _)) in enumerate(zip(m.stages, blocks)):
        cell = Group("jm-stage", (("stage", stage.id),))
        headers.add(cell)
        region = Box(grid.col_x(i) + CELL_PAD, top + CELL_PAD, inner, height - 2 * CELL_PAD)
        nx = region.x
        if icons[i]:
            cell.add(Icon(nx, region.y + (HEAD * LINE_HEIGHT - HEAD_ICON) / 2, HEAD_ICON, icons[i], "text"))
            nx += HEAD_ICON + ICON_GAP
        cell.add(text_block(nx, region.y, name, HEAD, "text", "head", region, bold=True))
        if goal:
            gy = region.y + block_height(len(name), HEAD) + 4
            cell.add(text_block(region.x, gy, goal, GOAL, "muted", "head", region))
    return top + height


def _stage_icon(vocab: Vocabulary, stage_id: str) -> str | None:
    stage = vocab.stage(stage_id)
    return stage.icon if stage else None


def _lane_label(text: str, lane: _Lane, grid: _Grid, top: float, *, muted: bool = False) -> float:
    """Write a lane label at ``top`` in the label column; return its height."""
    inner = LABEL_W - 2 * CELL_PAD
    size = SUB if muted else LANE
    lines = wrap(text, inner, size, bold=not muted)
    region = Box(grid.x0 + CELL_PAD, top, inner, block_height(len(lines), size))
    lane.label.add(text_block(region.x, top, lines, size, "muted" if muted else "text", "lane", region,
                              bold=not muted))
    return region.h


def _place_cards(laid: list[_LaidCard], lane: _Lane, x: float, top: float, width: float) -> None:
    y = top
    for lc in laid:
        card = lc.card
        box = Box(x, y, width, lc.height)
        group = Group("jm-card", card.data, key=card.key, label=card.label)
        lane.body.add(group)
        group.add(Rect(box, card.fill, card.edge, rx=4, dash=card.dash))
        inner = Box(x + CARD_PAD, y + CARD_PAD, width - 2 * CARD_PAD, lc.height - 2 * CARD_PAD)
        ty = inner.y
        for part, lines in lc.parts:
            if part.chip is None:
                tx = inner.x
                if part.icon:
                    group.add(Icon(inner.x, ty + (part.size * LINE_HEIGHT - ICON_S) / 2, ICON_S, part.icon, part.fill))
                    tx += ICON_S + ICON_GAP
                group.add(text_block(tx, ty, lines, part.size, part.fill, card.fill, inner,
                                     bold=part.bold, italic=part.italic))
            else:
                _chip(group, part, lines, inner, ty, card.fill)
            ty += _part_height(part, lines) + PART_GAP
        y += lc.height + CARD_GAP


def _chip(group: Group, part: Part, lines: tuple[str, ...], inner: Box, top: float, on: str) -> None:
    """A chip with the part's words on the chip's colour, then the dots of its count (if any)."""
    assert part.chip is not None
    text_w = max(text_width(line, part.size, bold=part.bold) for line in lines)
    box = Box(inner.x, top, text_w + 2 * CHIP_X, block_height(len(lines), part.size) + 2 * CHIP_Y)
    group.add(Rect(box, part.chip, "chip-edge", rx=box.h / 2 if len(lines) == 1 else 4))
    group.add(text_block(box.x + CHIP_X, top + CHIP_Y, lines, part.size, part.fill, part.chip, box,
                         bold=part.bold, italic=part.italic))
    if part.dots:
        x = box.right + CHIP_X + DOT_R
        cy = top + box.h / 2
        for k in range(DOTS):
            filled = k < part.dots
            group.add(Marker(x + k * DOT_STEP, cy, "circle", DOT_R, "sev-dot" if filled else on, "sev-dot"))


def _card_lane(label: str, per_stage: list[list[Card]], lane: _Lane, grid: _Grid, top: float) -> float:
    card_w = grid.col_w - 2 * CELL_PAD
    laid = [[_lay_card(c, card_w - 2 * CARD_PAD) for c in cards] for cards in per_stage]
    label_h = _label_height(label)
    height = 2 * CELL_PAD + max([label_h] + [_stack_height(cs) for cs in laid])
    _lane_label(label, lane, grid, top + CELL_PAD)
    for i, cs in enumerate(laid):
        _place_cards(cs, lane, grid.col_x(i) + CELL_PAD, top + CELL_PAD, card_w)
    return top + height


def _label_height(text: str, *, muted: bool = False) -> float:
    size = SUB if muted else LANE
    return block_height(len(wrap(text, LABEL_W - 2 * CELL_PAD, size, bold=not muted)), size)


def _touchpoint_lane(w: dict[str, str], spec: LaneSpec, per_stage: list[list[Card]], lane: _Lane, grid: _Grid,
                     top: float) -> float:
    card_w = grid.col_w - 2 * CELL_PAD
    front = [[_lay_card(c, card_w - 2 * CARD_PAD) for c in cards if c.layer == "front"] for cards in per_stage]
    back = [[_lay_card(c, card_w - 2 * CARD_PAD) for c in cards if c.layer == "back"] for cards in per_stage]
    has_back = any(back)
    label = w[spec.label_key]
    label_h = _label_height(label) + (4 + _label_height(w["frontstage"], muted=True) if has_back else 0)
    front_h = max([label_h] + [_stack_height(cs) for cs in front])
    y = top + CELL_PAD
    h = _lane_label(label, lane, grid, y)
    if has_back:
        _lane_label(w["frontstage"], lane, grid, y + h + 4, muted=True)
    for i, cs in enumerate(front):
        _place_cards(cs, lane, grid.col_x(i) + CELL_PAD, y, card_w)
    if not has_back:
        return top + 2 * CELL_PAD + front_h
    line_y = y + front_h + CELL_PAD
    # The line of visibility: what the customer sees above it, what runs behind the scenes below.
    lane.body.items.insert(0, Path(((grid.x0, line_y), (grid.right, line_y)), "axis", 1.0, "6 4"))
    back_top = line_y + CELL_PAD
    back_label_h = _lane_label(w["backstage"], lane, grid, back_top, muted=True)
    back_h = max([back_label_h] + [_stack_height(cs) for cs in back])
    for i, cs in enumerate(back):
        _place_cards(cs, lane, grid.col_x(i) + CELL_PAD, back_top, card_w)
    return back_top + back_h + CELL_PAD


def _emotion_lane(m: JourneyMap, vocab: Vocabulary, w: dict[str, str], spec: LaneSpec, series: list[Series],
                  lane: _Lane, grid: _Grid, top: float) -> float:
    scale = effective_scale(m, vocab)
    label_inner = LABEL_W - 2 * CELL_PAD
    values = ticks(scale)
    tick_lines = [tuple(wrap(tick_text(scale, v), label_inner - 6, TICK)) for v in values]
    tick_h = [block_height(len(lines), TICK) for lines in tick_lines]
    rng = (scale.max - scale.min) or 1
    need = 0.0
    for k in range(1, len(values)):
        need = max(need, ((tick_h[k - 1] + tick_h[k]) / 2 + 3) * rng / (values[k] - values[k - 1]))
    # Tall enough to read a curve's rise and fall: twice what the axis labels alone would need.
    span = max(SPAN_MIN, 2 * need)
    chip_h = CHIP * LINE_HEIGHT + 2
    name_h = _label_height(w[spec.label_key])
    # Room above the plot for the moment-of-truth star, and for value labels pushed up off the axis.
    pad_top = max(CELL_PAD + 2 * STAR_R + 4 + chip_h / 2, CELL_PAD + name_h + 6 + tick_h[-1] / 2)
    pad_bottom = max(CELL_PAD + chip_h / 2 + 2, CELL_PAD + tick_h[0] / 2)
    axis_top = top + pad_top
    height = pad_top + span + pad_bottom

    def y_of(v: float) -> float:
        return axis_top + (1 - fraction(scale, v)) * span

    _lane_label(w[spec.label_key], lane, grid, top + CELL_PAD)
    _zones(scale, lane, grid, top, top + height, y_of)
    label_region = Box(grid.x0 + CELL_PAD, top, label_inner, height)
    for v, lines, h in zip(values, tick_lines, tick_h):
        ty = y_of(v)
        lane.label.add(text_block(grid.col_x0 - CELL_PAD - 6, ty - h / 2, lines, TICK, "muted", "lane",
                                  label_region, anchor="end"))
        lane.body.add(Path(((grid.col_x0 - 5, ty), (grid.right, ty)), "grid", 1.0, "2 4"))
        lane.body.add(Path(((grid.col_x0 - 5, ty), (grid.col_x0, ty)), "axis", 1.0))
    for i, stage in enumerate(m.stages):
        if stage.moments_of_truth:
            _moment_mark(lane, grid.col_x(i) + grid.col_w / 2, top + CELL_PAD + STAR_R + 1, top + height, stage.id)

    # Every persona's point sits at the stage centre; shapes, dashes and hollow markers keep
    # points of equal value apart, and their value labels stack beside them.
    points = [[None if v is None else (grid.col_x(i) + grid.col_w / 2, y_of(v), v) for i, v in enumerate(s.values)]
              for s in series]
    groups = []
    for s, pts in zip(series, points):
        style = persona_style(s.index)
        group = Group("jm-persona", (("persona", s.persona.id),))
        groups.append(group)
        lane.body.add(group)
        run: list[tuple[float, float]] = []
        for p in pts + [None]:
            if p is not None:
                run.append((p[0], p[1]))
                continue
            if len(run) > 1:  # a missing score breaks the curve instead of inventing a value
                group.add(Path(tuple(run), style.colour, 2.0, style.dash))
            run = []
        for p in pts:
            if p is not None:
                group.add(Marker(p[0], p[1], style.shape, MARKER_R, "bg", style.colour))
    lo, hi = top + CELL_PAD + 2 * STAR_R + 4, top + height - CELL_PAD
    for i in range(len(m.stages)):
        here = sorted(((pts[i][1], k) for k, pts in enumerate(points) if pts[i] is not None))
        tops = _stack([y - chip_h / 2 for y, _ in here], chip_h + 2, lo, hi)
        for (y, k), chip_top in zip(here, tops):
            style = persona_style(series[k].index)
            label = value_text(scale, points[k][i][2])
            tw = text_width(label, CHIP, bold=True)
            x = grid.col_x(i) + grid.col_w / 2 + MARKER_R * 1.3 + 5
            chip = Box(x, chip_top, tw + 8, chip_h)
            groups[k].add(Rect(chip, "bg", style.colour, rx=3, stroke_width=1.0))
            region = Box(grid.col_x(i), top, grid.col_w, height)
            groups[k].add(text_block(chip.x + chip.w / 2, chip.y + 1, (label,), CHIP, style.colour, "bg", region,
                                     bold=True, anchor="middle"))
    return top + height


def _stack(tops: list[float], step: float, lo: float, hi: float) -> list[float]:
    """Move sorted boxes of height ``step`` apart as little as possible, keeping them within lo..hi."""
    out: list[float] = []
    for t in tops:
        out.append(max(t, lo, out[-1] + step if out else lo))
    for k in range(len(out) - 1, -1, -1):
        limit = hi - step if k == len(out) - 1 else out[k + 1] - step
        out[k] = min(out[k], limit)
    return out


def _zones(scale: EmotionScale, lane: _Lane, grid: _Grid, top: float, bottom: float, y_of) -> None:
    """Tint the low scores (at or below the scale's low threshold) and as many at the top."""
    low = low_threshold(scale)
    if low >= scale.max:
        return
    high = scale.max - (low - scale.min)
    y_low, y_high = y_of(low + 0.5), y_of(high - 0.5)
    if y_high >= y_low:
        return
    # Inset by half a pixel so the row lines drawn beneath stay whole; the column lines are drawn again.
    lane.body.add(Rect(Box(grid.col_x0, top + 0.5, grid.right - grid.col_x0, y_high - top - 0.5), "z-high"))
    lane.body.add(Rect(Box(grid.col_x0, y_low, grid.right - grid.col_x0, bottom - 0.5 - y_low), "z-low"))
    for i in range(1, grid.n):
        lane.body.add(Path(((grid.col_x(i), top), (grid.col_x(i), bottom)), "grid", 1.0))


def _moment_mark(lane: _Lane, x: float, y: float, bottom: float, stage_id: str) -> None:
    """A star over the stage's column and a thin line down through the curves: a moment of truth here."""
    mark = Group("jm-moment", (("stage", stage_id),))
    mark.add(Path(((x, y + STAR_R), (x, bottom - CELL_PAD)), "mark", 1.0, "1 3"))
    mark.add(Marker(x, y, "star", STAR_R, "mark", "bg"))
    lane.body.add(mark)


def _grid_lines(out: _Out, grid: _Grid, top: float, bottom: float, row_edges: list[float]) -> None:
    for y in row_edges[:-1]:
        out.lines.append(Path(((grid.x0, y), (grid.right, y)), "grid", 1.0))
    for i in range(1, grid.n):
        out.lines.append(Path(((grid.col_x(i), top), (grid.col_x(i), bottom)), "grid", 1.0))
    out.lines.append(Path(((grid.col_x0, top), (grid.col_x0, bottom)), "axis", 1.0))
    out.lines.append(Rect(Box(grid.x0, top, grid.right - grid.x0, bottom - top), None, "axis"))
