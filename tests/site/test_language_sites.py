"""One site per language (issue 12, section 1): zh and pl get their own site beside the English
one at the root, with Material's chrome, the navigation and search in their language, and a
language selector that keeps the reader on the same map."""

from __future__ import annotations

import json
import re
from contextlib import redirect_stderr, redirect_stdout
from io import StringIO
from pathlib import Path

import pytest
from pagetext import article, page_file, resolve, text_of
from sitebuild import TODAY

from journeymaps.cli import main

SITES = {"en": "", "zh": "zh/", "pl": "pl/"}
_HTML_LANG = re.compile(r'<html lang="([^"]+)"')
_SELECTOR = re.compile(r'<a href="([^"]*)" hreflang="([^"]+)"[^>]*class="md-select__link"')


def _html(site: Path, url: str) -> str:
    return page_file(site, url).read_text(encoding="utf-8")


def _selector(site: Path, url: str) -> dict[str, str]:
    return {lang: href for href, lang in _SELECTOR.findall(_html(site, url))}


@pytest.mark.parametrize("url, lang, words", [
    ("zh/maps/online-banking-zh/", "zh", ("目录", "搜索")),
    ("pl/maps/fitness-app-pl/", "pl", ("Spis treści", "Szukaj")),
    ("maps/online-banking/", "en", ("Table of contents", "Search")),
])
def test_a_map_page_has_its_language_and_materials_words_in_it(site_dir: Path, url, lang, words) -> None:
    html = _html(site_dir, url)
    assert _HTML_LANG.search(html).group(1) == lang
    for word in words:
        assert word in html, word


def test_every_page_has_the_lang_of_its_site(site_dir: Path) -> None:
    wrong = []
    for page in site_dir.rglob("*.html"):
        rel = page.relative_to(site_dir).as_posix()
        lang = next((code for code, prefix in SITES.items() if prefix and rel.startswith(prefix)), "en")
        found = _HTML_LANG.search(page.read_text(encoding="utf-8"))
        if found and found.group(1) != lang:
            wrong.append((rel, found.group(1)))
    assert not wrong


def test_the_english_selector_leads_to_the_chinese_page_of_the_same_map(site_dir: Path) -> None:
    selector = _selector(site_dir, "maps/online-banking/")
    target = resolve(site_dir, "maps/online-banking/", selector["zh"])
    assert target == page_file(site_dir, "zh/maps/online-banking-zh/")
    assert "开立并用好一个网上银行账户" in text_of(article(site_dir, "zh/maps/online-banking-zh/"))
    # ... and back, and to the Polish site, which has no translation: the English map, marked.
    back = _selector(site_dir, "zh/maps/online-banking-zh/")
    assert resolve(site_dir, "zh/maps/online-banking-zh/", back["en"]) == page_file(site_dir, "maps/online-banking/")
    assert resolve(site_dir, "maps/online-banking/", selector["pl"]) == page_file(site_dir, "pl/maps/online-banking/")


def test_an_untranslated_map_is_in_every_site_in_its_language_and_marked(site_dir: Path) -> None:
    zh = text_of(article(site_dir, "zh/maps/fashion-store/"))
    assert "此旅程尚未译成中文，以下为英文原文。" in zh
    assert "Buying and coming back to an online fashion store" in zh
    pl = text_of(article(site_dir, "pl/maps/online-banking/"))
    assert "Tej ścieżki nie przetłumaczono jeszcze na polski" in pl
    # A translated map carries no such note.
    assert "尚未译成" not in text_of(article(site_dir, "zh/maps/online-banking-zh/"))


def test_the_chinese_navigation_lists_every_journey_once_in_chinese(site_dir: Path) -> None:
    html = _html(site_dir, "zh/")
    nav = html.split('class="md-nav md-nav--primary"', 1)[1].split('class="md-content"', 1)[0]
    for name in ("首页", "网上银行", "时尚电商", "健身应用", "电信与宽带", "方法"):
        assert name in nav, name
    cards = html.split('<li class="jm-card"')[1:]
    titles = {re.search(r">([^<]+)</a>", c).group(1) for c in cards}
    # One card per journey: the Chinese translation where there is one, else the original.
    assert titles == {"开立并用好一个网上银行账户", "在线时装店的购买与回购",
                      "Starting and sticking with a fitness app subscription",
                      "Online banking redesigned: guided capture, an application tracker and a salary switch",
                      "Fibre comes to the street, from registering interest to a connected home"}


@pytest.mark.parametrize("lang, word, map_id", [("zh", "漏斗", "online-banking-zh"),
                                                ("pl", "ćwiczy", "fitness-app-pl"),
                                                ("pl", "społeczność", "fitness-app-pl")])
def test_each_language_has_its_own_search_index(site_dir: Path, lang, word, map_id) -> None:
    index = json.loads((site_dir / SITES[lang] / "search" / "search_index.json").read_text(encoding="utf-8"))
    # Han text is segmented (jieba) and joined with U+200B, which the separator splits on.
    assert "\\u200b" in index["config"]["separator"] and index["config"]["lang"] == ["en"]
    found = {d["location"].split("#")[0] for d in index["docs"] if word in d["text"].lower()}
    assert f"maps/{map_id}/" in found


def _selector_targets(site: Path) -> list[tuple[str, str]]:
    """(page, selector href) of every selector link that leads nowhere."""
    broken = []
    for page in site.rglob("index.html"):
        url = page.parent.relative_to(site).as_posix() + "/"
        url = "" if url == "./" else url
        for href, _ in _SELECTOR.findall(page.read_text(encoding="utf-8")):
            if not resolve(site, url, href).is_file():
                broken.append((url, href))
    return broken


def _build(root: Path, out: Path) -> None:
    log = StringIO()
    with redirect_stdout(log), redirect_stderr(log):
        code = main(["build", "--config-file", str(root / "mkdocs.yml"), "--out", str(out), "--today", TODAY])
    assert code == 0, log.getvalue()


def test_selector_links_hold_when_a_translation_is_added_or_removed(project_copy, tmp_path: Path) -> None:
    root = project_copy()
    banking = root / "maps" / "banking"
    # Removed: the Chinese online-banking translation goes; its group shows the English map in zh.
    (banking / "online-banking-zh.yaml").unlink()
    original = (banking / "online-banking.yaml").read_text(encoding="utf-8")
    (banking / "online-banking.yaml").write_text(original.replace("translations: {zh: online-banking-zh}\n", ""),
                                                 encoding="utf-8")
    _build(root, tmp_path / "removed")
    assert not _selector_targets(tmp_path / "removed")
    selector = _selector(tmp_path / "removed", "maps/online-banking/")
    assert resolve(tmp_path / "removed", "maps/online-banking/", selector["zh"]) == \
        page_file(tmp_path / "removed", "zh/maps/online-banking/")
    # Added: a Polish translation of the telecom map; the selector now leads to it.
    telecom = root / "maps" / "telecom"
    text = (telecom / "fibre-street-leads.yaml").read_text(encoding="utf-8")
    (telecom / "fibre-street-leads.yaml").write_text(
        re.sub(r"^(tags: .*\n)", r"\1translations: {pl: fibre-street-leads-pl}\n", text, count=1, flags=re.M),
        encoding="utf-8")
    polish = re.sub(r"^id: fibre-street-leads$", "id: fibre-street-leads-pl", text, count=1, flags=re.M)
    polish = re.sub(r"^lang: en$", "lang: pl", polish, count=1, flags=re.M)
    polish = re.sub(r"^(tags: .*\n)", r"\1translations: {en: fibre-street-leads}\n", polish, count=1, flags=re.M)
    (telecom / "fibre-street-leads-pl.yaml").write_text(polish, encoding="utf-8")
    _build(root, tmp_path / "added")
    assert not _selector_targets(tmp_path / "added")
    selector = _selector(tmp_path / "added", "maps/fibre-street-leads/")
    assert resolve(tmp_path / "added", "maps/fibre-street-leads/", selector["pl"]) == \
        page_file(tmp_path / "added", "pl/maps/fibre-street-leads-pl/")


def test_every_language_under_its_tag_when_the_settings_say_so(project_copy, tmp_path: Path) -> None:
    root = project_copy()
    settings = root / "site_config" / "settings.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "url_scheme: default-at-root", "url_scheme: every-language-prefixed"), encoding="utf-8")
    out = tmp_path / "site"
    _build(root, out)
    assert 'url=en/' in (out / "index.html").read_text(encoding="utf-8")
    for lang in SITES:
        assert _HTML_LANG.search(_html(out, f"{lang}/maps/fashion-store/")).group(1) == lang
    assert not _selector_targets(out)
