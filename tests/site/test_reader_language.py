"""Every word on a Chinese or Polish page is in the reader's language (issue 12 section 2).

The built site is scanned page by page. A page's language is the language of the map it shows
(map and playbook pages) or else its ``<html lang>``; that keys the scan to the page, so it keeps
working when the site is built once per language. On every zh or pl page:

- every text node of the article sits in an element whose (inherited) ``lang`` is the page's;
- no English value of the wording catalogue shows in the article's visible text (text nodes
  outside code), once the text that comes from the maps themselves is taken out.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from english_labels import LETTER as _LETTER, english_needles

OTHER_LANGUAGES = ("zh", "pl")
_UNSEEN = {"code", "pre", "kbd", "samp", "script", "style"}  # shown as typed, or not shown
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Texts(HTMLParser):
    """The text nodes of a fragment, each with the language it inherits."""

    def __init__(self, lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str, bool]] = [("", lang, False)]
        self.texts: list[tuple[str, str]] = []
        self.svg_text: list[str] | None = None  # an SVG <text> wraps one string over <tspan>s: read it whole

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        _, lang, unseen = self.stack[-1]
        declared = dict(attrs).get("lang")
        self.stack.append((tag, declared or lang, unseen or tag in _UNSEEN))
        if tag == "text":
            self.svg_text = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        if tag == "text" and self.svg_text is not None:
            if self.svg_text:
                self.texts.append((" ".join(self.svg_text), self.stack[-1][1]))
            self.svg_text = None
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        _, lang, unseen = self.stack[-1]
        if not unseen and data.strip():
            if self.svg_text is not None:
                self.svg_text.append(" ".join(data.split()))
            else:
                self.texts.append((" ".join(data.split()), lang))


def texts_of(html: str) -> list[tuple[str, str]]:
    """(text, language) of every visible text node of the page's article."""
    page_lang = re.search(r'<html[^>]*\blang="([^"]*)"', html)
    article = html[html.index("<article"):html.index("</article>")]
    parser = _Texts(page_lang.group(1) if page_lang else "")
    parser.feed(article)
    return parser.texts


def map_strings(data: Any) -> set[str]:
    """Free text of a map (anything with a space or beyond ASCII): the reader gets it as written.
    Single ASCII words are left out on purpose: those are ids and enum values (``high``,
    ``piloting``, ``as-is``) that must reach the page translated."""
    if isinstance(data, str):
        text = " ".join(data.split())
        return {text} if " " in text or not text.isascii() else set()
    if isinstance(data, dict):
        return set().union(*(map_strings(v) for v in data.values())) if data else set()
    if isinstance(data, list):
        return set().union(*(map_strings(v) for v in data)) if data else set()
    return set()


def english_left(texts: list[tuple[str, str]], lang: str, from_maps: set[str]) -> list[str]:
    """The catalogue's English words found in the page's text, map text taken out."""
    text = " \n ".join(t for t, _ in texts)
    for s in sorted(from_maps, key=len, reverse=True):
        text = text.replace(s, " ")
    return sorted({word for word, pattern in english_needles(lang).items() if pattern.search(text)})


def wrong_language(texts: list[tuple[str, str]], lang: str) -> list[str]:
    return [f"{t[:40]!r} is lang={got!r}" for t, got in texts if got.split("-")[0] != lang and _LETTER.search(t)]


def page_language(url: str, html: str, map_langs: dict[str, str]) -> str:
    parts = url.strip("/").split("/")
    if parts[0] == "maps" and len(parts) >= 2 and parts[1] in map_langs and parts[2:] in ([], ["playbook"]):
        return map_langs[parts[1]]
    found = re.search(r'<html[^>]*\blang="([^"]*)"', html)
    return found.group(1).split("-")[0] if found else ""


@pytest.fixture(scope="module")
def scanned(site_dir: Path, project) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    """url -> (language, text nodes) of every zh or pl page of the built site."""
    map_langs = {e.map.id: e.map.lang.split("-")[0] for e in project.maps}
    pages = {}
    for path in sorted(site_dir.rglob("index.html")):
        url = path.parent.relative_to(site_dir).as_posix() + "/"
        html = path.read_text(encoding="utf-8")
        if "<article" not in html:
            continue
        lang = page_language(url, html, map_langs)
        if lang in OTHER_LANGUAGES:
            pages["" if url == "./" else url] = (lang, texts_of(html))
    return pages


def test_every_zh_and_pl_map_page_and_playbook_is_scanned(scanned, project) -> None:
    expected = {f"maps/{e.map.id}/{sub}" for e in project.maps if e.map.lang.split("-")[0] in OTHER_LANGUAGES
                for sub in ("", "playbook/")}
    assert expected and expected <= set(scanned)


def test_no_english_label_on_a_zh_or_pl_page(scanned, project) -> None:
    from_maps = set().union(*(map_strings(e.map.model_dump(mode="json")) for e in project.maps))
    found = {url: left for url, (lang, texts) in scanned.items() if (left := english_left(texts, lang, from_maps))}
    assert found == {}


def test_every_text_of_a_zh_or_pl_page_is_marked_with_its_language(scanned) -> None:
    found = {url: wrong[:5] for url, (lang, texts) in scanned.items() if (wrong := wrong_language(texts, lang))}
    assert found == {}


# --- the scan itself finds what it is for ----------------------------------------------------

_PAGE = ('<html lang="en"><body><article><div lang="zh"><h1>开户</h1><dl><dt>{label}</dt><dd>现状</dd></dl>'
         '<p>潜在客户的原因。</p><pre><code>Tags: kept as typed</code></pre></div>{outside}</article></body></html>')


def test_the_scan_finds_an_english_label_but_not_map_text_or_code() -> None:
    clean = texts_of(_PAGE.format(label="标签", outside=""))
    assert english_left(clean, "zh", {"潜在客户的原因。"}) == []
    planted = texts_of(_PAGE.format(label="Tags", outside=""))
    assert english_left(planted, "zh", set()) == ["tags"]
    # An untranslated enum value in running text, in any case.
    assert english_left(texts_of(_PAGE.format(label="标签", outside="<p lang='zh'>严重度 HIGH</p>")), "zh", set()) \
        == ["high"]


def test_the_scan_finds_text_outside_the_page_language() -> None:
    assert wrong_language(texts_of(_PAGE.format(label="标签", outside="")), "zh") == []
    assert wrong_language(texts_of(_PAGE.format(label="标签", outside="<p>后台</p>")), "zh") == \
        ["'后台' is lang='en'"]
