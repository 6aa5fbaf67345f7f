"""Colours and fonts of the pictures, as CSS custom properties with light and dark defaults.

Every colour in an SVG comes from a class (``f-NAME`` fill, ``s-NAME`` stroke) whose rule
reads ``var(--jm-NAME, light)`` or, in dark mode, ``var(--jm-NAME-dark, dark)``. Dark mode
is the reader's ``prefers-color-scheme`` unless Material's palette toggle says otherwise
(``[data-md-color-scheme="slate"|"default"]`` on an ancestor when the SVG is inlined).
A site restyles every diagram by setting the ``--jm-*`` properties. The defaults follow
Material's default and slate palettes and keep text at 4.5:1 or more (``TEXT_PAIRS``,
checked by tests). Cairo knows no custom properties: ``static_css`` gives it plain rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, get_args

from ..model.journey import Opportunity, PainPoint
from ..model.lanes import LANE_SPECS

Mode = Literal["light", "dark"]

# Levels and statuses as the model defines them, in order (low .. critical; idea .. dropped).
SEVERITIES: tuple[str, ...] = get_args(PainPoint.model_fields["severity"].annotation)
STATUSES: tuple[str, ...] = get_args(Opportunity.model_fields["status"].annotation)
# Severity chips: a scale from pale yellow to red (light) or to deep red (dark), drawn with the
# text colour; the chip also says the level in words and a count of filled dots.
_SEVERITY_SCALE = (("#fff3c4", "#3b3520"), ("#ffd8a8", "#4d3418"), ("#ffb199", "#5e2a1f"), ("#ff8080", "#7d1f24"))
# Opportunity status chips: neutral idea, blue plan, amber pilot, green shipped, grey dropped.
_STATUS_CHIPS = (("#e8ebf0", "#353b47"), ("#d6e6ff", "#1f3a5f"), ("#ffeab0", "#4a3d14"), ("#c8f0d3", "#1d4a2b"),
                 ("#f2f2f2", "#2b2e35"))

# name: (light, dark). Text tokens must reach 4.5:1 on every background they are drawn on.
TOKENS: dict[str, tuple[str, str]] = {
    "bg": ("#ffffff", "#1e2129"),
    "text": ("#1f2328", "#e3e6ec"),
    "muted": ("#57606a", "#aab1bd"),
    "grid": ("#d0d7de", "#3b414d"),
    "axis": ("#8c959f", "#737b8c"),
    "head": ("#eef1f6", "#2a2f3a"),
    "lane": ("#f6f8fa", "#242832"),
    # Each lane's card colours come from the lane registry (model/lanes.py); backstage
    # touchpoints get their own, below the line of visibility.
    **{name: pair for s in LANE_SPECS if s.token and s.colours
       for name, pair in ((s.token, s.colours[0]), (f"{s.token}-edge", s.colours[1]))},
    **{f"sev-{level}": pair for level, pair in zip(SEVERITIES, _SEVERITY_SCALE, strict=True)},
    "sev-dot": ("#b3261e", "#ff8a80"),  # the filled dots of the severity count
    **{f"st-{status}": pair for status, pair in zip(STATUSES, _STATUS_CHIPS, strict=True)},
    "chip-edge": ("#8c959f", "#737b8c"),
    "back": ("#f4f1fb", "#2a2640"),
    "back-edge": ("#8a78b8", "#8b7cc0"),
    "q-win": ("#e9f6ec", "#1f3326"),
    "q-bet": ("#eaf1fd", "#1f2a3f"),
    "q-fill": ("#f4f5f7", "#262a33"),
    "q-pit": ("#fdeeee", "#3a2326"),
    # The emotion lane's zones: low scores tinted warm, high scores cool; chips on them are `bg`.
    "z-low": ("#fdf1f1", "#2a2127"),
    "z-high": ("#eef8f1", "#1e2a25"),
    "mark": ("#3f51b5", "#9fa8ff"),
    "mark-text": ("#ffffff", "#12151c"),
    # Persona curves: also used as text (value labels on a chip of `bg`).
    "p0": ("#3f51b5", "#9fa8ff"),
    "p1": ("#b4400b", "#ff9e5e"),
    "p2": ("#0f766e", "#3fd5c4"),
    "p3": ("#9c1fa8", "#ee8ef7"),
    "p4": ("#4d7210", "#a6df4a"),
    "p5": ("#b3261e", "#ff8a80"),
}
PERSONA_COLOURS = 6

# (text token, background token) pairs that occur in the pictures.
_CARDS = (*(s.token for s in LANE_SPECS if s.token), "back")
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    *((t, bg) for t in ("text", "muted") for bg in ("bg", "head", "lane", *_CARDS, "q-win", "q-bet", "q-fill", "q-pit")),
    *((f"p{i}", "bg") for i in range(PERSONA_COLOURS)),
    ("mark-text", "mark"),
    *(("text", f"sev-{level}") for level in SEVERITIES),
    *(("text", f"st-{status}") for status in STATUSES),
)
# Lines and markers that carry meaning (curves, axis) should reach 3:1 against the page.
GRAPHIC_PAIRS: tuple[tuple[str, str], ...] = (
    *((f"p{i}", "bg") for i in range(PERSONA_COLOURS)),
    ("mark", "bg"),
    ("axis", "bg"),
    *(("sev-dot", card) for card in ("pain", "back")),
)

# Latin fonts with full Polish coverage come before any CJK font: a browser that finds none of
# the Latin ones draws Latin text with the CJK font, and Polish accents come out detached.
# Noto Sans (Debian fonts-noto-core) first, as in the PNG. The map pages
# use this same stack (``FONT_STACK`` is public for them).
FONT_STACK = ('"Noto Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans CJK SC", "PingFang SC", '
              '"Microsoft YaHei", sans-serif')
# Han text prefers CJK fonts, so punctuation and Latin inside it match the ideographs.
FONT_STACK_CJK = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans", sans-serif'
# What Cairo uses: it takes only the first family of a list and does no per-glyph fallback,
# and Noto Sans CJK lacks ą ę ł, so Latin text and Han text each get the font that has them.
CAIRO_FONT = "Noto Sans"
CAIRO_FONT_CJK = "Noto Sans CJK SC"


def colour(name: str, mode: Mode) -> str:
    light, dark = TOKENS[name]
    return light if mode == "light" else dark


def _vars(names: Iterable[str], mode: Mode) -> str:
    suffix = "" if mode == "light" else "-dark"
    return ";".join(f"--jmc-{n}:var(--jm-{n}{suffix},{colour(n, mode)})" for n in names)


def themable_css(root_id: str, fills: Iterable[str], strokes: Iterable[str]) -> str:
    """The embedded stylesheet: variables per scheme, then one rule per colour class used."""
    fills, strokes = sorted(set(fills)), sorted(set(strokes))
    names = sorted(set(fills) | set(strokes))
    r = f"#{root_id}"
    light, dark = _vars(names, "light"), _vars(names, "dark")
    rules = [
        f"{r}{{{light};font-family:var(--jm-font,{FONT_STACK})}}",
        f"@media (prefers-color-scheme:dark){{{r}{{{dark}}}}}",
        f'[data-md-color-scheme="default"] {r}{{{light}}}',
        f'[data-md-color-scheme="slate"] {r}{{{dark}}}',
        f"{r} .cjk{{font-family:var(--jm-font-cjk,{FONT_STACK_CJK})}}",
    ]
    rules += [f"{r} .f-{n}{{fill:var(--jmc-{n})}}" for n in fills]
    rules += [f"{r} .s-{n}{{stroke:var(--jmc-{n})}}" for n in strokes]
    return "\n".join(rules)


def static_css(mode: Mode) -> str:
    """Plain rules for renderers without custom properties or media queries (Cairo)."""
    rules = [f'.jm{{font-family:"{CAIRO_FONT}"}}', f'.cjk{{font-family:"{CAIRO_FONT_CJK}"}}']
    rules += [f".f-{n}{{fill:{colour(n, mode)}}}" for n in sorted(TOKENS)]
    rules += [f".s-{n}{{stroke:{colour(n, mode)}}}" for n in sorted(TOKENS)]
    return "\n".join(rules)


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours."""
    la, lb = _luminance(a), _luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
