"""Before and after in one picture: the emotion curves of both versions of a map, overlaid.

Stages run left to right in the new order, with removed stages kept where they were; each
persona has one colour, the old curve dashed with hollow points, the new one solid. The
picture names itself (``<title>``) and describes every change in words (``<desc>``), so a
screen reader gets what the eye gets. Colours, fonts, wrapping and escaping come from
``journeymaps.render`` so the overlay looks like the site's other pictures.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.journey import EmotionScale, JourneyMap
from ..model.resolve import effective_scale
from ..model.vocabulary import Vocabulary
from ..render.fmt import num
from ..render.personas import persona_style
from ..render.svg import check_id, escape_attr, escape_text, has_cjk
from ..render.textwidth import text_width
from ..render.theme import themable_css
from ..render.wrap import wrap
from ..core.assemble import attach, end_sentence, join
from ..words import label as catalogue_label
from .changes import SECTION_LANG
from .words import persona_short, score, signed_scale, stage_label

COLUMN = 128.0
PLOT_HEIGHT = 200.0
PAD = 16.0
SIZE = 12.0
TITLE_SIZE = 15.0
LINE = 1.3  # line height in em


@dataclass(frozen=True)
class _Column:
    stage_id: str
    name: str
    note: str  # "", or the catalogue's word for "new" or "removed"


def _columns(base: JourneyMap, head: JourneyMap, vocab: Vocabulary | None, lang: str) -> list[_Column]:
    """Stages in the new order; a removed stage sits right after the stage it followed."""
    word = lambda key: catalogue_label(lang, key)  # noqa: E731
    head_ids = [s.id for s in head.stages]
    base_ids = [s.id for s in base.stages]
    cols = [_Column(s.id, stage_label(head, s, vocab), "" if s.id in base_ids else word("overlay.new"))
            for s in head.stages]
    for i, s in enumerate(base.stages):
        if s.id in head_ids:
            continue
        before = next((base_ids[j] for j in range(i - 1, -1, -1) if any(c.stage_id == base_ids[j] for c in cols)), None)
        at = 0 if before is None else next(k for k, c in enumerate(cols) if c.stage_id == before) + 1
        cols.insert(at, _Column(s.id, stage_label(base, s, vocab), word("overlay.removed")))
    return cols


def _scale(base: JourneyMap, head: JourneyMap, vocab: Vocabulary | None) -> EmotionScale:
    scales = [effective_scale(m, vocab) if vocab is not None else m.emotion_scale for m in (base, head)]
    known = [s for s in scales if s is not None]
    if not known:
        return EmotionScale(min=-2, max=2)
    return EmotionScale(min=min(s.min for s in known), max=max(s.max for s in known),
                        labels=(scales[1] or known[0]).labels)


def emotion_overlay(base: JourneyMap, head: JourneyMap, vocab: Vocabulary | None, *,
                    base_label: str = "before", head_label: str = "after", id_prefix: str | None = None,
                    lang: str = SECTION_LANG, title: str | None = None) -> str:
    """``lang``: the language of the picture's own words (a review's English by default, a site
    page's language on the site); ``title``: the picture's title instead of "Emotion before and after"."""
    word = lambda key: catalogue_label(lang, key)  # noqa: E731
    root = check_id(id_prefix or f"jm-diff-{head.id}")
    cols = _columns(base, head, vocab, lang)
    scale = _scale(base, head, vocab)
    signed = signed_scale(head, vocab)
    personas = list(head.personas) + [p for p in base.personas if p.id not in {h.id for h in head.personas}]

    tick_values = list(range(scale.min, scale.max + 1)) if scale.max - scale.min <= 10 else [scale.min, scale.max]
    labels = {lbl.value: lbl.label for lbl in scale.labels}
    tick_text = {v: score(v, signed) + (f" {labels[v]}" if v in labels else "") for v in tick_values}
    left = PAD + max(text_width(t, SIZE) for t in tick_text.values()) + 8
    width = max(560.0, left + COLUMN * len(cols) + PAD)

    title = title if title is not None else word("overlay.title").format(title=head.title)
    title_lines = wrap(title, width - 2 * PAD, TITLE_SIZE, bold=True)
    y = PAD + TITLE_SIZE
    parts: list[str] = []
    for line in title_lines:
        parts.append(_text(PAD, y, line, TITLE_SIZE, "text", bold=True))
        y += TITLE_SIZE * LINE

    # Legend: one entry per persona, then what dashed and solid mean.
    x = PAD
    legend_y = y + 4
    entries = [(persona_style(i).colour, persona_short(p)) for i, p in enumerate(personas)]
    for colour, name in entries:
        w = 22 + text_width(name, SIZE) + 16
        if x + w > width - PAD:
            x, legend_y = PAD, legend_y + SIZE * LINE + 4
        parts.append(f'<line x1="{num(x)}" y1="{num(legend_y - 4)}" x2="{num(x + 16)}" y2="{num(legend_y - 4)}" '
                     f'class="s-{colour}" stroke-width="3"/>')
        parts.append(_text(x + 22, legend_y, name, SIZE, "text"))
        x += w
    # What dashed and solid mean, drawn as samples of the two line styles.
    legend_y += SIZE * LINE + 4
    x = PAD
    for label, dashed in ((base_label, True), (head_label, False)):
        style = 'stroke-width="2" stroke-dasharray="6 4"' if dashed else 'stroke-width="3"'
        parts.append(f'<line x1="{num(x)}" y1="{num(legend_y - 4)}" x2="{num(x + 28)}" y2="{num(legend_y - 4)}" '
                     f'class="s-muted" {style}/>')
        parts.append(_text(x + 34, legend_y, label, SIZE, "muted"))
        x += 34 + text_width(label, SIZE) + 20

    top = legend_y + 18
    bottom = top + PLOT_HEIGHT
    span = max(1, scale.max - scale.min)

    def ypos(v: int) -> float:
        return bottom - (v - scale.min) / span * PLOT_HEIGHT

    def xpos(i: int) -> float:
        return left + COLUMN * i + COLUMN / 2

    for v in tick_values:
        parts.append(f'<line x1="{num(left)}" y1="{num(ypos(v))}" x2="{num(left + COLUMN * len(cols))}" '
                     f'y2="{num(ypos(v))}" class="s-grid" stroke-width="1"/>')
        parts.append(_text(left - 8, ypos(v) + SIZE * 0.35, tick_text[v], SIZE, "muted", anchor="end"))

    label_y = bottom + SIZE * LINE + 4
    label_bottom = label_y
    for i, c in enumerate(cols):
        lines = list(wrap(c.name, COLUMN - 12, SIZE, bold=True)) + ([word("paren").format(text=c.note).strip()]
                                                                  if c.note else [])
        for j, line in enumerate(lines):
            parts.append(_text(xpos(i), label_y + j * SIZE * LINE, line, SIZE, "muted" if c.note and j == len(lines) - 1
                               else "text", bold=not (c.note and j == len(lines) - 1), anchor="middle"))
        label_bottom = max(label_bottom, label_y + (len(lines) - 1) * SIZE * LINE)

    index = {c.stage_id: i for i, c in enumerate(cols)}
    for n, p in enumerate(personas):
        colour = persona_style(n).colour
        for m, dashed in ((base, True), (head, False)):
            points = [(index[s.id], s.emotions[p.id]) for s in m.stages if p.id in s.emotions and s.id in index]
            if not points:
                continue
            coords = " ".join(f"{num(xpos(i))},{num(ypos(v))}" for i, v in points)
            style = 'stroke-width="2" stroke-dasharray="6 4"' if dashed else 'stroke-width="3"'
            parts.append(f'<polyline points="{coords}" fill="none" class="s-{colour}" {style}/>')
            for i, v in points:
                fill = "f-bg" if dashed else f"f-{colour}"
                parts.append(f'<circle cx="{num(xpos(i))}" cy="{num(ypos(v))}" r="{4 if dashed else 4.5}" '
                             f'class="{fill} s-{colour}" stroke-width="2"/>')

    height = label_bottom + PAD
    desc = describe(base, head, vocab, cols, personas, base_label, head_label, lang)
    css = themable_css(root, {"bg", "text", "muted", *(persona_style(i).colour for i in range(len(personas)))},
                       {"grid", "muted", *(persona_style(i).colour for i in range(len(personas)))})
    head_xml = (f'<svg xmlns="http://www.w3.org/2000/svg" id="{root}" class="jm" role="img" '
                f'viewBox="0 0 {num(width)} {num(height)}" width="{num(width)}" height="{num(height)}" '
                f'aria-labelledby="{root}-title {root}-desc">'
                f'<title id="{root}-title">{escape_text(title)}</title>'
                f'<desc id="{root}-desc">{escape_text(desc)}</desc>'
                f"<style>{css}</style>"
                f'<rect width="100%" height="100%" class="f-bg"/>')
    return head_xml + "".join(parts) + "</svg>"


def describe(base: JourneyMap, head: JourneyMap, vocab: Vocabulary | None, cols: list[_Column], personas: list,
             base_label: str, head_label: str, lang: str = SECTION_LANG) -> str:
    word = lambda key: catalogue_label(lang, key)  # noqa: E731
    signed = signed_scale(head, vocab)
    before = {s.id: s for s in base.stages}
    after = {s.id: s for s in head.stages}
    names = join((c.name + (word("paren").format(text=c.note) if c.note else "") for c in cols), word("list_sep"))
    sentences = [end_sentence(word("overlay.desc").format(base=base_label, head=head_label, n=len(cols), names=names),
                              word("full_stop"))]
    for p in personas:
        moves = []
        for c in cols:
            a = before[c.stage_id].emotions.get(p.id) if c.stage_id in before else None
            b = after[c.stage_id].emotions.get(p.id) if c.stage_id in after else None
            if a != b:
                moves.append(word("overlay.move").format(
                    stage=c.name, before=score(a, signed) if a is not None else word("diff.none"),
                    after=score(b, signed) if b is not None else word("diff.none")))
        said = join(moves, word("clause_sep")) if moves else word("overlay.no_change")
        sentences.append(end_sentence(attach(persona_short(p), word("colon"), said), word("full_stop")))
    return join(sentences, word("sentence_sep"))


def _text(x: float, y: float, text: str, size: float, colour: str, *, bold: bool = False,
          anchor: str = "start") -> str:
    weight = ' font-weight="bold"' if bold else ""
    anchor_attr = f' text-anchor="{anchor}"' if anchor != "start" else ""
    return (f'<text x="{num(x)}" y="{num(y)}" font-size="{num(size)}"{weight}{anchor_attr} '
            f'class="f-{escape_attr(colour)}{" cjk" if has_cjk(text) else ""}">{escape_text(text)}</text>')
