"""Small Markdown building blocks shared by the page builders (all text passes through escape)."""

from __future__ import annotations

import re

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import json

from ..check.report import text as text_report
from ..core.escape import attr, html_text, inline, safe_url, url_path
from ..words import label
from ..model.journey import HYPOTHESIS
from ..model.vocabulary import Vocabulary
from . import layout
from .model import Failure, Pictures, VirtualFile
from .templates import Markdown



def table(headers: Sequence[str], rows: Iterable[Sequence[str]], *, align: Sequence[str] | None = None) -> str:
    """A Markdown table; cells must already be escaped (`inline`) or be our own links."""
    align = align or ["l"] * len(headers)
    rule = {"l": "---", "r": "---:", "c": ":---:"}
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(rule[a] for a in align) + " |"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def link(text: str, target: str) -> str:
    """A Markdown link to one of our files; `text` is map text (escaped here)."""
    return f"[{inline(text)}]({url_path(target)})"


def html_link(text: str, href: str, lang: str = "") -> str:
    """A link in raw HTML (a table set aside from Markdown, ``Pictures.aside``), as Markdown's
    ``link`` comes out of the engine: ``href`` from ``layout.href``, ``lang`` the language of the
    text where it differs from the page's. ``text`` is map text, escaped as inline Markdown: its
    character references are HTML's too, so the link is safe where a site template puts it."""
    mark = f' lang="{attr(lang)}"' if lang else ""
    return f'<a href="{attr(url_path(href))}"{mark}>{inline(text)}</a>'


def bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {i}" for i in items)


def evidence(text: str, lang: str, here: str | None = None, vocab: Vocabulary | None = None, *,
             html: bool = False) -> str:
    """A pain point's evidence: a study of the register linked to its page (from page ``here``),
    a link when it is a web address, else the word as text (the format's reserved word
    `hypothesis` in the reader's language). ``html``: as raw HTML instead of Markdown."""
    study = vocab.study(text) if vocab is not None and here is not None else None
    if study is not None:  # its title is in the register's language, which may not be the page's
        if html:
            return html_link(study.title, layout.href(here, layout.research_page(study.id)),
                             study.lang if study.lang != lang else "")
        return link(study.title, layout.rel(here, layout.research_page(study.id))) + (
            lang_mark(study.lang) if study.lang != lang else "")
    url = safe_url(text)
    if url and url.lower().startswith(("http://", "https://")):
        if html:
            return f'<a href="{attr(url_path_abs(url))}">{inline(_short(url))}</a>'
        return f"[{inline(_short(url))}]({url_path_abs(url)})"
    return inline(label(lang, "hypothesis") if text == HYPOTHESIS else text)


def url_path_abs(url: str) -> str:
    from urllib.parse import quote

    return quote(url, safe=":/?#[]@!$&'*+,;=%-._~")


def _short(url: str) -> str:
    host = url.split("//", 1)[-1].split("/", 1)[0]
    return host or url


def figure(svg: str, *, cls: str, label: str, pictures: Pictures) -> str:
    """Inline SVG in its own raw HTML block (Python-Markdown leaves a <div> alone but would
    wrap a bare <svg> in <p> and run Markdown inside <title>). The wrapper scrolls sideways
    on a narrow screen instead of shrinking the text to nothing."""
    # A blank line would end the raw HTML block early. A picture as render/svg.py writes it has
    # none and goes in as it is: the very string of its .svg download, held once (issue 16).
    body = svg if _as_written(svg) else "\n".join(line for line in svg.strip().splitlines() if line.strip()) + "\n"
    slot = pictures.slot(body)
    return f'<div class="jm-figure {cls}" role="group" aria-label="{attr(label)}" tabindex="0">\n{slot}</div>'


def _as_written(svg: str) -> bool:
    """True when figure() would make of ``svg`` the same text: one "\\n" at the end and no
    whitespace around it, no blank line, no line break but "\\n" (splitlines knows others)."""
    if not svg.endswith("\n") or svg[:1].isspace() or svg[-2:-1].isspace():
        return False
    lines = svg[:-1].split("\n")
    return all(line.strip() for line in lines) and svg[:-1].splitlines() == lines




def json_for_script(value: object) -> str:
    """JSON for a ``<script type="application/json">`` element. The HTML parser ends the element
    at any ``</script``, and ``<!--`` switches it into an escaped state; U+2028/2029 end a line in
    older JavaScript. Escaping ``<``, ``>``, ``&`` and those two keeps the JSON equal after parsing."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for ch in "<>&\u2028\u2029":
        text = text.replace(ch, f"\\u{ord(ch):04x}")
    return text


@dataclass(frozen=True)
class FailureNote:
    """The located errors of a failing file, as `journeymaps check` prints them: under `mkdocs
    serve` the pages it affects show them (``b.failure`` in blocks.md lays them out)."""

    title: Markdown  # "<file> has errors: <what to do>"
    report: list[str]  # the report's lines, map text shown as typed in a code block (``|code``)


def failure_note(f: Failure, advice: str, lang: str) -> FailureNote:
    """``advice``: words of the catalogue saying what to do, in ``lang``, the site's language."""
    return FailureNote(Markdown(label(lang, "failure.note").format(file=inline(f.display), advice=advice)),
                       text_report(list(f.findings), 1).rstrip().splitlines())


def page(path: str, title: str, parts: list[str], *, source: str | None = None, wide: bool = False,
         canvas: bool = False, pictures: Pictures | None = None, lang: str | None = None,
         site_lang: str) -> VirtualFile:
    """A Markdown page. The front-matter title is HTML-escaped: Material prints it unescaped in
    <title> and the header, and only the front-matter title avoids its `striptags`, which turns
    `&lt;` back into `<`. ``lang``: the language of the page's content when it is not the
    site's, declared on a wrapper so that screen readers pronounce it and browsers pick its fonts."""
    front = "---\ntitle: " + json.dumps(html_text(title), ensure_ascii=False) + "\n"
    if canvas:  # a journey canvas takes the whole width: no navigation column either
        front += "hide:\n  - navigation\n  - toc\n"
    elif wide:  # pages of wide tables give the table of contents' column to the content
        front += "hide:\n  - toc\n"
    front += "---\n\n"
    body = "\n\n".join(parts)
    if lang is not None and lang != site_lang:
        body = f'<div class="jm-lang" lang="{attr(lang)}" markdown="1">\n\n{body}\n\n</div>'
    svgs = tuple(pictures.svgs) if pictures else ()
    return VirtualFile(path, front + body + "\n", "page", source, title, svgs)


_LANG_TAG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def lang_mark(lang: str) -> str:
    """attr_list braces that declare the language of the Markdown element before them, or nothing
    for a tag that is not a plain language tag (it lands inside the braces, so it must be checked)."""
    return f'{{: lang="{lang}" }}' if _LANG_TAG.fullmatch(lang) else ""


def in_lang(markdown: str, lang: str, around: str) -> str:
    """Inline Markdown in ``lang`` inside text in ``around``: wrapped in a span that says so (for
    screen readers and font choice), or left as it is when the two are the same language."""
    if lang == around or not _LANG_TAG.fullmatch(lang):
        return markdown
    return f'<span lang="{lang}">{markdown}</span>'
