"""The built search index finds Chinese, Polish and English words on the right map.

Material's search (lunr in the browser) splits every document with the configured separator,
lower-cases the terms and runs the configured pipeline; this reads the built
`search/search_index.json` the same way and asks which map pages hold a term. The browser test
(tests/browser/test_site_search.py) types the same words into the real search box.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from language_site import POLISH_END, WORDS, language_site

# word -> the map whose pages must hold it (and no other map's pages); the maps are the test's own
QUERIES = {word: map_id for map_id, word in WORDS.items()} | {POLISH_END: "gym-pl"}


@pytest.fixture(scope="module")
def index() -> dict:
    return json.loads((language_site() / "search" / "search_index.json").read_text(encoding="utf-8"))


def _terms(index: dict, doc: dict) -> set[str]:
    separator = re.compile(index["config"]["separator"])
    text = re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}").lower()
    return {t for t in separator.split(text) if t}


def _maps_holding(index: dict, word: str) -> set[str]:
    found = set()
    for doc in index["docs"]:
        m = re.match(r"maps/([^/#]+)/", doc["location"])
        if m and word in _terms(index, doc):
            found.add(m.group(1))
    return found


def test_search_config_suits_three_languages(index: dict) -> None:
    config = index["config"]
    assert config["lang"] == ["en"]  # adding zh would trim Polish letters at word edges
    assert "trimmer" not in config["pipeline"]
    assert "\\u200b" in config["separator"]


@pytest.mark.parametrize("word", list(QUERIES))
def test_word_finds_its_map(index: dict, word: str) -> None:
    assert _maps_holding(index, word) == {QUERIES[word]}


def test_chinese_text_is_segmented(index: dict) -> None:
    docs = [d for d in index["docs"] if d["location"].startswith("maps/shop-zh/")]
    assert docs, "the Chinese map has no entry in the search index"
    assert any("\u200b" in d["text"] for d in docs)
