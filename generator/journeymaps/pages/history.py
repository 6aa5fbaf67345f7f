"""A map's history page: its emotion curves across revisions, its KPI values across commits and
a changelog in plain words, from the git history the build has (``journeymaps.diff.history``).

Commit subjects and authors are data, like map text: escaped for Markdown. The changes are the
diff's own phrases, so the page and ``journeymaps history`` say the same thing.
"""

from __future__ import annotations

from ..check.runner import MapEntry
from ..core.escape import inline
from ..diff.changes import Phrase, Val, speaking
from ..diff.history import Commit, History, HistoryError, read_history
from ..diff.text import plain
from ..model.journey import JourneyMap
from ..model.kpi_series import current_of
from ..render.fmt import quantity
from . import layout
from .blocks import bullets, figure, in_lang, page, table
from .model import Pictures, SiteContext, VirtualFile
from .pictures import emotion_sparkline
from .words import labelled, word

CURVES = 12  # newest revisions drawn as small multiples; the changelog lists them all


def history_page(entry: MapEntry, ctx: SiteContext) -> VirtualFile:
    with speaking(ctx.lang):  # the changelog's phrases in the reader's language, like the rest of the page
        return _history_page(entry, ctx)


def _history_page(entry: MapEntry, ctx: SiteContext) -> VirtualFile:
    m = entry.map
    here = layout.history_page(m.id)
    w = lambda key: word(key, ctx.lang)  # noqa: E731 - the page's own words are the site's
    parts = [f"# {labelled(w('history.title'), in_lang(inline(m.title), m.lang, ctx.lang), ctx.lang)}", f"[{w('back_to_map')}]({layout.rel(here, layout.map_page(m.id))})"]
    pictures = Pictures()
    try:
        history = read_history(entry.path, ctx.vocab)
    except HistoryError:
        parts.append(f'!!! note "{w("history.title")}"\n\n    {w("history.no_git")}')
        return page(here, f"{w('history.title')}: {m.title}", parts, source=entry.display, site_lang=ctx.lang)
    if history.shallow:
        parts.append(f'!!! warning "{w("history.title")}"\n\n    '
                     + w("history.shortened").format(n=history.commits))
    versions = [(e.commit, e.map) for e in history.entries if e.map is not None]
    parts += [f"## {w('history.curves')} {{#curves}}", _curves(_curve_changes(versions)[:CURVES], ctx, pictures)]
    parts += [f"## {w('history.kpis')} {{#kpis}}", _kpi_table(versions, m, ctx.lang)]
    parts += [f"## {w('history.changelog')} {{#changelog}}", _changelog(history, m.lang, ctx.lang)]
    return page(here, f"{w('history.title')}: {m.title}", parts, source=entry.display, wide=True, pictures=pictures,
                site_lang=ctx.lang)


def _caption(commit: Commit) -> str:
    return f"{commit.date[:10]} · `{commit.short}`"


def _emotions(m: JourneyMap) -> tuple:
    return tuple((s.id, tuple(sorted(s.emotions.items()))) for s in m.stages)


def _curve_changes(versions: list[tuple[Commit, JourneyMap]]) -> list[tuple[Commit, JourneyMap]]:
    """The revisions whose curves differ from the one before them (and the oldest): a commit that
    did not move the curve would only repeat the picture next to it."""
    return [(c, m) for i, (c, m) in enumerate(versions)
            if i + 1 == len(versions) or _emotions(versions[i + 1][1]) != _emotions(m)]


def _curves(versions: list[tuple[Commit, JourneyMap]], ctx: SiteContext, pictures: Pictures) -> str:
    blocks = []
    for commit, m in versions:
        svg = emotion_sparkline(m, ctx.vocab, id_prefix=f"jm-{m.id}-history-{commit.short}")
        blocks.append(f"**{_caption(commit)}**\n\n" + figure(svg, cls="jm-history-curve",
                                                              label=f"{m.title} ({commit.short})", pictures=pictures))
    return "\n\n".join(blocks)


def _kpi_table(versions: list[tuple[Commit, JourneyMap]], current: JourneyMap, lang: str) -> str:
    """One row per commit, one column per KPI (named as in the newest version that has it)."""
    names: dict[str, str] = {}
    for _, m in versions:
        for kpi_id, (_, k) in m.kpi_index().items():
            names.setdefault(kpi_id, k.name)
    if not names:
        return "–"
    rows = []
    for commit, m in versions:
        idx = m.kpi_index()
        cells = [in_lang(quantity(current_of(idx[k][1]), inline(idx[k][1].unit)), current.lang, lang)
                 if k in idx and current_of(idx[k][1]) is not None else "–" for k in names]
        rows.append((_caption(commit), *cells))
    block = table([word("history.commit", lang), *(in_lang(inline(n), current.lang, lang) for n in names.values())], rows,
                  align=["l", *["r"] * len(names)])
    return f'<div class="jm-compact jm-history-kpis" markdown="1">\n\n{block}\n\n</div>'


def phrase_md(phrase: Phrase, map_lang: str, lang: str) -> str:
    """A change for a page: the line `journeymaps history` prints, escaped as a whole (map text
    is data; our words hold no syntax, so escaping them too costs nothing), the map's text
    declared in the map's language when the page is in another."""
    # Escaped as one line (piece by piece, each piece's start would be escaped as a line's), the
    # map's text between two private-use marks that then become the span (none when the page is
    # in the map's language); a mark typed in a map is dropped first so that it cannot open a span
    # of its own. A code (a study id, an address) is in no language: set as code.
    own = in_lang("x", map_lang, lang) == "x"  # the page's own language (or no usable tag)
    marked = "".join((f"{_CODE}{_unmarked(plain((p,)))}{_CODE_END}" if p.code
                      else f"{_OPEN}{_unmarked(plain((p,)))}{_CLOSE}") if isinstance(p, Val) else p for p in phrase)
    return (inline(marked).replace(_OPEN, "" if own else f'<span lang="{map_lang}">')
            .replace(_CLOSE, "" if own else "</span>").replace(_CODE, "<code>").replace(_CODE_END, "</code>"))


_OPEN, _CLOSE, _CODE, _CODE_END = "\ue000", "\ue001", "\ue002", "\ue003"


def _unmarked(text: str) -> str:
    return text.replace(_OPEN, "").replace(_CLOSE, "").replace(_CODE, "").replace(_CODE_END, "")


def _any_language(markdown: str) -> str:
    """A commit subject: written in whatever language its author chose, which the page cannot
    know, so it says so (``lang=""``) rather than claim the page's."""
    return f'<span lang="">{markdown}</span>'


def _changelog(history: History, map_lang: str, lang: str) -> str:
    out = []
    for e in history.entries:
        c = e.commit
        lines = [f"### {_caption(c)} · {_any_language(inline(c.subject))}", "", inline(word("history.by", lang).format(author=c.author))]
        d = e.diff
        if not e.parent_known:
            lines += ["", word("history.unknown", lang)]
        elif d is None:
            lines += ["", word("history.formatting", lang)]
        else:
            items = ([phrase_md(d.summary, map_lang, lang)] if d.summary else []) + [
                labelled(inline(section), phrase_md(p, map_lang, lang), lang) for section, ps in d.by_section() for p in ps]
            lines += ["", bullets(items)]
        out.append("\n".join(lines))
    return "\n\n".join(out)
