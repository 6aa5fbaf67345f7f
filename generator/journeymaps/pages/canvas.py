"""The map page's journey canvas: the stage diagram with its controls, side panel and card details.

Progressive enhancement: the static SVG inside is complete and readable on its own. The
controls arrive ``hidden`` and ``theme/assets/javascripts/canvas.js`` shows them; that script
reads the SVG's markup contract (``render/svg.py``: ``jm-headers``, ``jm-labels``, ``jm-lane``,
``jm-card``, ``jm-persona``) and the card details embedded here as JSON. Every word the script
shows comes from this JSON, in the map's language, so the script itself holds no text.
"""

from __future__ import annotations

from ..core.escape import attr, html_text, safe_url
from ..model.journey import JourneyMap, Stage
from ..model.lanes import LANE_SPECS, SPECS
from ..model.resolve import stage_name
from ..model.journey import HYPOTHESIS
from ..model.kpi_series import current_of
from . import layout
from .blocks import figure, json_for_script
from .model import Pictures, SiteContext
from .pilots import pilot_state
from .plays import play_panel
from .words import num, word

# Words the script shows (controls it builds, the panel's labels): key -> catalogue label.
_SCRIPT_WORDS = ("canvas.close", "canvas.details", "canvas.addressed_by", "lane.tactics", "owner", "status",
                 "impact", "effort", "evidence", "severity", "addresses", "stage", "baseline", "target",
                 "current", "unit")


def canvas_id(map_id: str) -> str:
    """The id of a map's canvas element (the download buttons name the canvas they export)."""
    return f"jm-{map_id}-canvas"


def canvas(m: JourneyMap, ctx: SiteContext, svg: str, pictures: Pictures) -> str:
    """The canvas as one raw HTML block (no blank line inside: Markdown would end the block);
    the SVG goes into ``pictures`` and its slot into the block."""
    w = lambda key: word(key, m.lang)  # noqa: E731
    root = canvas_id(m.id)
    personas = "".join(f'<option value="{attr(p.id)}">{html_text(p.name)}</option>' for p in m.personas)
    bar = (
        f'<div class="jm-canvas-bar" role="toolbar" aria-label="{attr(w("canvas.toolbar"))}" data-search-exclude hidden>'
        f'<button type="button" class="md-button" data-jm-zoom="out" aria-label="{attr(w("canvas.zoom_out"))}" '
        f'title="{attr(w("canvas.zoom_out"))}">−</button>'
        f'<button type="button" class="md-button" data-jm-zoom="fit">{html_text(w("canvas.fit"))}</button>'
        f'<button type="button" class="md-button" data-jm-zoom="in" aria-label="{attr(w("canvas.zoom_in"))}" '
        f'title="{attr(w("canvas.zoom_in"))}">+</button>'
        f'<label class="jm-canvas-persona">{html_text(w("canvas.persona"))} '
        f'<select data-jm-persona><option value="">{html_text(w("canvas.all_personas"))}</option>{personas}</select>'
        f'</label>'
        f'<details class="jm-canvas-lanes"><summary>{html_text(w("canvas.lanes"))}</summary>'
        f'<fieldset data-jm-lanes><legend>{html_text(w("canvas.lanes"))}</legend></fieldset></details>'
        f'<span class="jm-canvas-keys">{html_text(w("canvas.keys"))}</span>'
        f'</div>'
    )
    panel = (
        f'<dialog class="jm-panel" id="{root}-panel" aria-labelledby="{root}-panel-title">'
        f'<div class="jm-panel-head"><p class="jm-panel-title" id="{root}-panel-title"></p>'
        f'<button type="button" class="jm-panel-close" data-jm-close aria-label="{attr(w("canvas.close"))}">×</button>'
        f'</div><div class="jm-panel-body"></div></dialog>'
    )
    data = f'<script type="application/json" class="jm-canvas-data">{json_for_script(canvas_data(m, ctx))}</script>'
    fig = figure(svg, cls="jm-diagram", label=f"{w('diagram')}: {m.title}", pictures=pictures)
    return "\n".join([f'<div class="jm-canvas" id="{root}" data-map="{attr(m.id)}">', bar, fig, panel, data, "</div>"])


def canvas_data(m: JourneyMap, ctx: SiteContext) -> dict:
    """What the side panel shows per card, keyed as the deep links are: ``pain-<id>``,
    ``opportunity-<id>``, ``kpi-<id>``. Values are plain text (the script sets textContent)."""
    w = lambda key: word(key, m.lang)  # noqa: E731
    pains = m.pain_point_index()
    cards: dict[str, dict] = {}
    for s in m.stages:
        stage = [w("stage"), stage_name(m, s, ctx.vocab)]
        for p in s.pain_points:
            url = safe_url(p.evidence)
            link = url if url and url.lower().startswith(("http://", "https://")) else None
            shown = w("hypothesis") if p.evidence == HYPOTHESIS else p.evidence
            study = ctx.vocab.study(p.evidence)
            if study is not None:  # a study of the register: its title, linked to its page
                shown, link = study.title, layout.href(layout.map_page(m.id), layout.research_page(study.id))
            rows = [stage, [w("severity"), w("severity." + p.severity)], [w("evidence"), shown]]
            if p.status == "resolved":
                rows.insert(1, [w("status"), w("pain_status.resolved")])
            cards[f"pain-{p.id}"] = _card(w("cat.pain_point"), p.text, rows, link)
        for o in s.opportunities:
            rows = [stage, [w("status"), w("status." + o.status)], [w("impact"), str(o.impact)],
                    [w("effort"), str(o.effort)]]
            if o.owner:
                rows.append([w("owner"), o.owner])
            addressed = [pains[a][1].text for a in o.addresses if a in pains]
            if addressed:
                rows.append([w("addresses"), addressed])
            if o.pilots:
                rows.append([w("cat.pilots"), [f"{p.hypothesis} ({pilot_state(p, m.lang)})" for p in o.pilots]])
            cards[f"opportunity-{o.id}"] = _card(w("opportunity"), o.text, rows)
        for k in s.kpis:
            rows = [stage, [w("baseline"), num(k.baseline, m.lang)], [w("target"), num(k.target, m.lang)],
                    [w("current"), num(current_of(k), m.lang)]]
            if k.unit:
                rows.append([w("unit"), k.unit])
            cards[f"kpi-{k.id}"] = _card(w("kpi"), k.name, rows)
        for p in s.plays:
            cards[f"play-{p.id}"] = play_panel(m, p, stage, ctx)
    # The panel's tactics heading says what tactics are on this map (``LaneSpec.label_for``).
    words = {key: w(key) for key in _SCRIPT_WORDS} | {"lane.tactics": w(SPECS["tactics"].label_for(m.status))}
    return {"words": words,
            "lanes": {spec.id: w(spec.label_key) for spec in LANE_SPECS if spec.draw},  # the lane toggles' names
            "stages": {s.id: _stage_entry(m, s, ctx) for s in m.stages},
            "cards": cards}


def _card(kind: str, text: str, rows: list[list], link: str | None = None) -> dict:
    card: dict = {"kind": kind, "text": text, "rows": rows}
    if link:
        card["link"] = link
    return card


def _stage_entry(m: JourneyMap, s: Stage, ctx: SiteContext) -> dict:
    """Per stage, once: its name (for cards without an id of their own) and its tactics (every card's panel)."""
    return {"name": stage_name(m, s, ctx.vocab), "tactics": list(s.tactics)}
