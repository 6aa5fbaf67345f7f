"""Every word on a Chinese or Polish page is in the reader's language (issue 12 section 2).

The built site (one site per language: default at the root, the others under /zh/ and /pl/)
is scanned page by page, and every visible text node of the article is judged by the language
it declares, inherited from ``<html lang>`` or from the nearest element with a ``lang``: a map
shown in its original language in another language's site is marked so, and read as such.

- no English value of the wording catalogue shows in text that declares zh or pl (text nodes
  outside code), once the text that comes from the maps themselves is taken out;
- Chinese text always declares zh (screen readers and font choice depend on it), on every page
  of every site.
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
        declared = dict(attrs).get("lang")  # lang="" declares the language unknown (HTML), not inherited
        self.stack.append((tag, lang if declared is None else declared, unseen or tag in _UNSEEN))
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


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def wrong_language(texts: list[tuple[str, str]], lang: str) -> list[str]:
    """Chinese text that does not declare zh, and (on a zh page) text that declares neither zh
    nor anything else while holding letters but no Han: a label left in another script."""
    wrong = []
    for t, got in texts:
        base = got.split("-")[0]
        # lang="" says "language unknown" (a commit subject): honest, and allowed to hold Han.
        if _HAN.search(t) and base not in ("zh", ""):
            wrong.append(f"{t[:40]!r} is lang={got!r}")
        elif lang == "zh" and base == "zh" and _LETTER.search(t) and not _HAN.search(t) and len(t) > 3 \
                and t.casefold() in _ENGLISH_WORDS:
            wrong.append(f"{t[:40]!r} is lang={got!r}")
    return wrong


_ENGLISH_WORDS = frozenset(english_needles("zh"))


def by_declared_language(texts: list[tuple[str, str]]) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for t, got in texts:
        out.setdefault(got.split("-")[0], []).append((t, got))
    return out


@pytest.fixture(scope="module")
def scanned(site_dir: Path) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    """url -> (site language, text nodes) of every page of every language's site."""
    pages = {}
    for path in sorted(site_dir.rglob("index.html")):
        url = path.parent.relative_to(site_dir).as_posix() + "/"
        html = path.read_text(encoding="utf-8")
        if "<article" not in html:
            continue
        found = re.search(r'<html[^>]*\blang="([^"]*)"', html)
        pages["" if url == "./" else url] = (found.group(1).split("-")[0] if found else "", texts_of(html))
    return pages


def test_every_map_page_and_playbook_of_the_zh_and_pl_sites_is_scanned(scanned, project) -> None:
    expected = {f"{lang}/maps/{e.map.id}/{sub}" for lang in OTHER_LANGUAGES for e in project.maps
                for sub in ("", "playbook/")}
    assert expected <= set(scanned)
    assert all(scanned[url][0] == url.split("/")[0] for url in expected)


# The pages a reader of the zh and pl sites lives on: home, industries, catalogues, every map page
# and playbook (the rest of the site is held to the same rule below).
READER_PAGES = re.compile(r"^(zh|pl)/((industries|catalogue)/.*|maps/[^/]+/(playbook/)?)?$")


def english_labels(scanned, project, urls) -> dict[str, list[str]]:
    from_maps = set().union(*(map_strings(e.map.model_dump(mode="json")) for e in project.maps))
    found = {}
    for url in urls:
        for lang, own in by_declared_language(scanned[url][1]).items():
            if lang in OTHER_LANGUAGES and (left := english_left(own, lang, from_maps)):
                found[f"{url} ({lang})"] = left
    return found


def chinese_unmarked(scanned, urls) -> dict[str, list[str]]:
    return {url: wrong[:5] for url in urls if (wrong := wrong_language(scanned[url][1], scanned[url][0]))}


def test_no_english_label_on_the_zh_and_pl_reader_pages(scanned, project) -> None:
    urls = [u for u in scanned if READER_PAGES.match(u)]
    assert len(urls) > 20
    assert english_labels(scanned, project, urls) == {}


def test_chinese_text_declares_its_language_on_the_reader_pages(scanned) -> None:
    assert chinese_unmarked(scanned, [u for u in scanned if READER_PAGES.match(u)]) == {}


def test_every_page_of_every_site(scanned, project) -> None:
    """Guides, the method index, the glossary, the reference and the history pages too."""
    assert english_labels(scanned, project, list(scanned)) == {}
    assert chinese_unmarked(scanned, list(scanned)) == {}


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


def test_the_scan_finds_chinese_text_that_does_not_declare_zh() -> None:
    assert wrong_language(texts_of(_PAGE.format(label="标签", outside="")), "en") == []
    assert wrong_language(texts_of(_PAGE.format(label="标签", outside="<p>后台</p>")), "en") == \
        ["'后台' is lang='en'"]


def test_the_scan_reads_each_text_in_the_language_it_declares() -> None:
    # An English map shown in the Polish site is marked lang="en": its English is not a label left over.
    page = ('<html lang="pl"><body><article><p>Mapa nieprzetłumaczona</p><div lang="en"><h1>Tags</h1></div>'
            '<p>{label}</p></article></body></html>')
    ok = by_declared_language(texts_of(page.format(label="Tagi")))
    assert english_left(ok["pl"], "pl", set()) == [] and [t for t, _ in ok["en"]] == ["Tags"]
    left = by_declared_language(texts_of(page.format(label="Tags")))
    assert english_left(left["pl"], "pl", set()) == ["tags"]


def test_the_scan_reads_an_empty_lang_as_unknown_not_inherited() -> None:
    # A commit subject's language is not known: lang="" says so (HTML), and it is no page label.
    texts = texts_of('<html lang="zh"><body><article><p>变更</p><span lang="">Tags</span></article></body></html>')
    assert by_declared_language(texts) == {"zh": [("变更", "zh")], "": [("Tags", "")]}


# Markup a reader should never see as text: what a template prints escaped a second time (a
# page part passed as plain text instead of Markdown) shows up as literal headings, HTML or
# attribute-list braces.
_RAW_MARKUP = re.compile(r'<(?:div|span|svg|a|p)\b|</\w+>|\{#[\w-]+\}|\{:|(?:^|\s)#{2,6} \S|markdown="1"|\]\([^)]*\)')


def test_no_page_shows_its_own_markup_as_text(scanned) -> None:
    """A literal ``### Maya {#persona-maya} <div ...>`` on a page is a double-escaped template part."""
    shown = {url: [t[:60] for t, _ in texts if _RAW_MARKUP.search(t)] for url, (_, texts) in scanned.items()}
    assert {url: found[:3] for url, found in shown.items() if found} == {}
