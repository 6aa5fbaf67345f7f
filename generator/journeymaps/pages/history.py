"""A map's history page: its emotion curves across revisions, its KPI values across commits and
a changelog in plain words, from the git history the build has (``journeymaps.diff.history``).

Commit subjects and authors are data, like map text: escaped for Markdown. The changes are the
diff's own phrases, so the page and ``journeymaps history`` say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..check.runner import MapEntry
from ..core.escape import inline
from ..diff.changes import Phrase, Val, speaking
from ..diff.history import Commit, History, HistoryError, read_history
from ..diff.text import plain
from ..model.journey import JourneyMap
from ..model.kpi_series import current_of
from ..render.fmt import quantity
from . import layout
from .blocks import figure, in_lang, page
from .model import Pictures, SiteContext, VirtualFile
from .pictures import emotion_sparkline
from .templates import Markdown
from .words import labelled, word

CURVES = 12  # newest revisions drawn as small multiples; the changelog lists them all


def history_page(entry: MapEntry, ctx: SiteContext) -> VirtualFile:
    with speaking(ctx.lang):  # the changelog's phrases in the reader's language, like the rest of the page
        return _history_page(entry, ctx)


@dataclass(frozen=True)
class Curve:
    caption: Markdown  # date and short commit
    figure: Markdown  # the emotion curve of that revision (a picture slot)


@dataclass(frozen=True)
class KpiValues:
    caption: Markdown
    values: list[Markdown]  # one per KPI column, "–" where the revision has no value


@dataclass(frozen=True)
class Change:
    """One commit of the changelog."""

    caption: Markdown
    subject: Markdown  # the commit's subject line: data, escaped, in no language the page can name
    by: Markdown  # "by <author>", escaped
    note: Markdown  # why there is no list of changes, or empty
    changes: list[Markdown]  # the diff's phrases, escaped


@dataclass(frozen=True)
class HistoryView:
    shallow: bool
    commits: int
    curves: list[Curve]
    kpis: list[Markdown]  # KPI names, one column each, in the map's language
    kpi_rows: list[KpiValues]
    changelog: list[Change]


def _history_page(entry: MapEntry, ctx: SiteContext) -> VirtualFile:
    m = entry.map
    here = layout.history_page(m.id)
    w = lambda key: word(key, ctx.lang)  # noqa: E731 - the page's own words are the site's
    pictures = Pictures()
    try:
        history = read_history(entry.path, ctx.vocab, ctx.repositories)
    except HistoryError:
        view = None
    else:
        versions = [(e.commit, e.map) for e in history.entries if e.map is not None]
        names = _kpi_names(versions)
        view = HistoryView(history.shallow, history.commits, _curves(_curve_changes(versions)[:CURVES], ctx, pictures),
                           [Markdown(in_lang(inline(n), m.lang, ctx.lang)) for n in names.values()],
                           _kpi_rows(versions, names, m, ctx.lang), _changelog(history, m.lang, ctx.lang))
    body = ctx.templates.render(
        "history.md", w, heading=Markdown(labelled(w("history.title"), in_lang(inline(m.title), m.lang, ctx.lang),
                                                   ctx.lang)),
        back=Markdown(layout.rel(here, layout.map_page(m.id))), history=view, commit_label=Markdown(w("history.commit")))
    return page(here, f"{w('history.title')}: {m.title}", [body], source=entry.display, wide=view is not None,
                pictures=pictures, site_lang=ctx.lang)


def _caption(commit: Commit) -> str:
    return f"{commit.date[:10]} · `{commit.short}`"


def _emotions(m: JourneyMap) -> tuple:
    return tuple((s.id, tuple(sorted(s.emotions.items()))) for s in m.stages)


def _curve_changes(versions: list[tuple[Commit, JourneyMap]]) -> list[tuple[Commit, JourneyMap]]:
    """The revisions whose curves differ from the one before them (and the oldest): a commit that
    did not move the curve would only repeat the picture next to it."""
    return [(c, m) for i, (c, m) in enumerate(versions)
            if i + 1 == len(versions) or _emotions(versions[i + 1][1]) != _emotions(m)]


def _curves(versions: list[tuple[Commit, JourneyMap]], ctx: SiteContext, pictures: Pictures) -> list[Curve]:
    return [Curve(Markdown(_caption(commit)),
                  Markdown(figure(emotion_sparkline(m, ctx.vocab, id_prefix=f"jm-{m.id}-history-{commit.short}"),
                                  cls="jm-history-curve", label=f"{m.title} ({commit.short})", pictures=pictures)))
            for commit, m in versions]


def _kpi_names(versions: list[tuple[Commit, JourneyMap]]) -> dict[str, str]:
    """KPI id -> name, as in the newest version that has it."""
    names: dict[str, str] = {}
    for _, m in versions:
        for kpi_id, (_, k) in m.kpi_index().items():
            names.setdefault(kpi_id, k.name)
    return names


def _kpi_rows(versions: list[tuple[Commit, JourneyMap]], names: dict[str, str], current: JourneyMap,
              lang: str) -> list[KpiValues]:
    """One row per commit, one column per KPI."""
    rows = []
    for commit, m in versions:
        idx = m.kpi_index()
        cells = [Markdown(in_lang(quantity(current_of(idx[k][1]), inline(idx[k][1].unit)), current.lang, lang)
                          if k in idx and current_of(idx[k][1]) is not None else "–") for k in names]
        rows.append(KpiValues(Markdown(_caption(commit)), cells))
    return rows


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


def _changelog(history: History, map_lang: str, lang: str) -> list[Change]:
    out = []
    for e in history.entries:
        c, d = e.commit, e.diff
        note = (word("history.unknown", lang) if not e.parent_known else word("history.formatting", lang) if d is None
                else "")
        changes = ([] if note or d is None else
                   ([Markdown(phrase_md(d.summary, map_lang, lang))] if d.summary else [])
                   + [Markdown(labelled(inline(section), phrase_md(p, map_lang, lang), lang))
                      for section, ps in d.by_section() for p in ps])
        out.append(Change(Markdown(_caption(c)), Markdown(_any_language(inline(c.subject))),
                          Markdown(inline(word("history.by", lang).format(author=c.author))), Markdown(note), changes))
    return out
