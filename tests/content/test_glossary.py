"""The glossary: one data file, a page per language, its terms settled with the wording catalogue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from journeymaps.load.glossary import load_glossary
from journeymaps.pages.glossary import glossary_page, glossary_pages
from journeymaps.words import has_label, label

LANGS = ["en", "zh", "pl"]
REQUIRED = ["touchpoint", "pain-point", "moment-of-truth", "as-is-to-be", "frontstage-backstage", "orchestration",
            "rtim", "persona", "stage", "kpi", "opportunity", "quick-win-big-bet", "evidence-hypothesis",
            "nps", "csat", "ces"]
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def glossary(repo):
    g, findings = load_glossary(repo / "site_config", "site_config/glossary.yaml", LANGS)
    assert findings == [] and g is not None, findings
    return g


def test_defines_every_term_in_every_language(glossary):
    assert [e.id for e in glossary.terms] == REQUIRED
    for e in glossary.terms:
        assert sorted(e.terms) == sorted(LANGS), e.id
        assert HAN.search(e.terms["zh"].definition), f"{e.id}: zh definition is not Chinese"
        assert not HAN.search(e.terms["pl"].definition)
        # Written for each language, not copied.
        assert len({e.terms[lang].definition for lang in LANGS}) == 3, e.id


def test_terms_agree_with_the_wording_catalogue(glossary):
    checked = 0
    for e in glossary.terms:
        for key in e.labels:
            for lang in LANGS:
                assert has_label(lang, key), f"{e.id}: no catalogue label `{key}`"
                value = label(lang, key)
                assert value.casefold() in e.terms[lang].names(), \
                    f"{e.id} ({lang}): the catalogue's `{key}` is {value!r}, the glossary says {e.terms[lang].term!r}"
                checked += 1
    assert checked >= 60  # every lane, layer, status and quadrant label that names a glossary term


def test_avoided_words_are_not_in_the_catalogue(glossary):
    for e in glossary.terms:
        for lang in LANGS:
            values = {v.casefold() for v in _catalogue(lang)}
            for word in e.terms[lang].avoid:
                assert word.casefold() not in values, f"{e.id} ({lang}): the catalogue still says {word!r}"


def test_a_page_per_language_linking_the_others(glossary):
    pages = {p.path: p.content for p in glossary_pages(glossary, "en")}
    assert sorted(pages) == ["glossary/index.md", "glossary/pl.md", "glossary/zh.md"]
    zh, pl, en = pages["glossary/zh.md"], pages["glossary/pl.md"], pages["glossary/index.md"]
    assert "# 术语表" in zh and "## 触点 {#touchpoint}" in zh and "## 痛点 {#pain-point}" in zh
    assert "## Punkt styku {#touchpoint}" in pl and "## Szybka wygrana / duży zakład {#quick-win-big-bet}" in pl
    assert "## Touchpoint {#touchpoint}" in en
    assert "[English](index.md)" in zh and "[Polski](pl.md)" in zh and "[中文](zh.md)" in en
    assert "不用：接触点" in zh  # the word settled against, after a full-width colon


def test_glossary_text_is_data(glossary):
    entry = glossary.terms[0]
    hostile = entry.terms["en"].model_copy(update={"term": "<script>x</script>", "definition": "{: onclick=x} *a*"})
    g = glossary.model_copy(update={"terms": [entry.model_copy(update={"terms": {**entry.terms, "en": hostile}})]})
    text = glossary_page(g, "en", "en").content
    assert "<script>" not in text and "{: onclick" not in text


def test_a_missing_language_is_located(tmp_path: Path, repo: Path):
    text = (repo / "site_config/glossary.yaml").read_text(encoding="utf-8")
    cut = text.index("  - id: orchestration")
    pl = text.index("    pl:\n", cut)
    end = text.index("\n\n", pl)
    (tmp_path / "glossary.yaml").write_text(text[:pl] + text[end + 1:], encoding="utf-8")
    g, findings = load_glossary(tmp_path, "glossary.yaml", LANGS)
    assert g is None
    assert [(f.line, f.message) for f in findings] == [(text[:cut].count("\n") + 1,
                                                         "the term `orchestration` has no pl entry")]


def _catalogue(lang: str):
    from journeymaps.words import catalogue

    return catalogue(lang).labels.values()


@pytest.mark.parametrize("lang", ["en", "zh", "pl"])
def test_the_navigation_names_the_glossary_in_the_readers_language(glossary, lang):
    from journeymaps.pages.glossary import glossary_nav

    item = glossary_nav(glossary, lang)
    assert item.title == glossary.page[lang].title
    assert lang not in {child.title for child in item.children}  # the others sit below it
    assert len(item.children) == len(glossary.languages()) - 1
