"""The "Changes in this pull request" page of a preview site, and the pictures it shows.

For each changed map: the emotion curves of both versions overlaid, its canvas before and
after side by side, the pain-point and KPI differences, then every change in words (the
semantic diff, the same phrases as the pull-request comment). Added and removed maps show
their one canvas. The page is written into the built site after MkDocs ran, as a page of
its own (``changes/index.html``) that links to the site's map pages, so it works at any
depth of any sub-path. All map text is escaped for HTML; the pictures are separate SVG
files shown through ``<img>``, so the ids of two versions of one map never meet in a page
and no picture can run script.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from ..diff.changes import MapDiff, Phrase, Report, Val
from ..diff.overlay import emotion_overlay
from ..diff.text import counts, state_words, where
from ..model.vocabulary import Vocabulary
from ..pages import layout
from ..pages.pictures import stage_diagram
from ..words import label

FOLDER = "changes"
TITLE = "Changes in this pull request"
# Sections shown on their own before the full list: what a reviewer of a journey looks at first.
HIGHLIGHTS = ("lane.pain_points", "lane.kpis")
_CSS = """
body{font-family:system-ui,"Noto Sans",sans-serif;margin:0 auto;max-width:80rem;padding:1rem 2rem;color:#1d1d1f}
header a,nav a{margin-right:1rem}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:1rem}
figure{margin:0;border:1px solid #ddd;border-radius:6px;padding:.5rem;overflow-x:auto}
figure img{max-width:100%;height:auto}
figcaption{font-weight:600;margin-bottom:.25rem}
.added{color:#116329}.removed{color:#a40e26}.state{font-weight:400;font-size:.9em;color:#555}
"""


def picture_name(map_id: str, which: str) -> str:
    """File name (inside ``changes/``) of one of a map's pictures: ``before``, ``after`` or ``emotion``."""
    return f"{map_id}-{which}.svg"


def changes_files(report: Report, vocab: Vocabulary, *, home_title: str = "Preview home") -> dict[str, str]:
    """Path in the site -> text, for the page and every picture it shows."""
    files: dict[str, str] = {}
    sections: list[str] = []
    for d in report.maps:
        pictures = _pictures(d, vocab, report.base_label, report.head_label)
        files.update({f"{FOLDER}/{name}": svg for name, (svg, _) in pictures.items()})
        sections.append(_section(d, {name: alt for name, (_, alt) in pictures.items()}))
    body = "\n".join(sections) if sections else "<p>No journey map changed.</p>"
    files[f"{FOLDER}/index.html"] = (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(TITLE)}</title><style>{_CSS}</style></head><body>\n"
        f'<header><a href="../">{escape(home_title)}</a></header>\n'
        f"<h1>{escape(TITLE)}</h1>\n"
        f"<p><strong>{escape(report.base_label)}</strong> → <strong>{escape(report.head_label)}</strong>: "
        f"{escape(counts(report))}</p>\n{body}\n</body></html>\n")
    return files


def map_href(map_id: str) -> str:
    """URL of a map's page relative to the site root (directory URLs, as MkDocs writes them)."""
    return quote(layout.map_page(map_id).removesuffix("index.md"))


def _pictures(d: MapDiff, vocab: Vocabulary, base_label: str, head_label: str) -> dict[str, tuple[str, str]]:
    """File name -> (SVG, alt text) of the pictures a map's section shows."""
    out: dict[str, tuple[str, str]] = {}
    key = d.head.id if d.head is not None else d.base.id if d.base is not None else None
    if key is None:
        return out
    if d.base is not None and d.head is not None:
        out[picture_name(key, "emotion")] = (
            emotion_overlay(d.base, d.head, vocab, base_label=base_label, head_label=head_label),
            f"Emotion before and after: {d.head.title}")
    if d.base is not None:
        out[picture_name(key, "before")] = (stage_diagram(d.base, vocab), f"{d.base.title}, before")
    if d.head is not None:
        out[picture_name(key, "after")] = (stage_diagram(d.head, vocab), f"{d.head.title}, after")
    return out


def _section(d: MapDiff, alts: dict[str, str]) -> str:
    title = d.title or d.key
    state_class = d.state if d.state in ("added", "removed") else "changed"
    parts = [f'<section id="map-{escape(d.key)}">',
             f'<h2>{escape(title)} <span class="state {state_class}">({escape(state_words(d))})</span></h2>',
             f"<p>{_html(where(d))}"]
    if d.head is not None:
        parts[-1] += f' · <a href="../{map_href(d.head.id)}">open the map page</a>'
    parts[-1] += "</p>"
    if d.summary:
        parts.append(f"<p>{_html(d.summary)}</p>")
    emotion = [n for n in alts if n.endswith("-emotion.svg")]
    for name in emotion:
        parts.append(_figure(name, alts[name], "Emotion curves: before dashed, after solid"))
    sides = [n for n in alts if n.endswith(("-before.svg", "-after.svg"))]
    if sides:
        parts.append('<div class="sides">' + "".join(
            _figure(n, alts[n], "Before" if n.endswith("-before.svg") else "After") for n in sides) + "</div>")
    grouped = dict(d.by_section())
    for key in HIGHLIGHTS:
        phrases = grouped.get(label("en", key))
        if phrases:
            parts.append(f"<h3>{escape(label('en', key))}</h3>" + _list(phrases))
    if grouped:
        parts.append("<h3>Every change in words</h3>")
        for name, phrases in grouped.items():
            parts.append(f"<h4>{escape(name)}</h4>" + _list(phrases))
    if d.base_errors is not None or d.head_errors is not None:
        parts.append("<p>Run <code>journeymaps check</code> on this file for the details.</p>")
    return "\n".join(parts) + "\n</section>"


def _figure(name: str, alt: str, caption: str) -> str:
    return (f'<figure><figcaption>{escape(caption)}</figcaption>'
            f'<img src="{quote(name)}" alt="{escape(alt)}" loading="lazy"></figure>')


def _list(phrases: list[Phrase]) -> str:
    return "<ul>" + "".join(f"<li>{_html(p)}</li>" for p in phrases) + "</ul>"


def _html(phrase: Phrase) -> str:
    out = []
    for part in phrase:
        if isinstance(part, Val):
            text = escape(part.text)
            out.append(f"“{text}”" if part.quoted else f"<code>{text}</code>")
        else:
            out.append(escape(part.replace(" -> ", " → ")))
    return "".join(out)
