"""The catalogues and the home page's portfolio are raw HTML tables set aside from Markdown and
from the search index (pages.model.Pictures.aside): a reader still finds every pain point and
every opportunity with the site search, on its map's page, in every language's site."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from sitebuild import REPO, built_site

from journeymaps.project import load_project


def _plain(text: str) -> str:
    """Text as a reader types it: tags gone, entities decoded, no segmentation marks, spaces single."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text)).replace("\u200b", "")
    return " ".join(text.split())


def _map_pages_text(index_file: Path) -> dict[str, str]:
    """Map id -> the searchable text of its map page (every section of it)."""
    found: dict[str, list[str]] = {}
    for doc in json.loads(index_file.read_text(encoding="utf-8"))["docs"]:
        m = re.fullmatch(r"maps/([^/#]+)/(#.*)?", doc["location"])
        if m:
            found.setdefault(m.group(1), []).append(_plain(f"{doc['title']} {doc['text']}"))
    return {k: " ".join(v) for k, v in found.items()}


@pytest.fixture(scope="module")
def indexes() -> list[dict[str, str]]:
    site = built_site()
    return [_map_pages_text(f) for f in sorted(site.glob("**/search/search_index.json"))]


def test_every_pain_point_and_opportunity_is_found_on_its_map_page(indexes) -> None:
    project = load_project(REPO)
    assert len(indexes) == 3  # one per language's site
    checked = 0
    for index in indexes:
        for e in project.maps:
            if e.map.id not in index:
                continue  # a translation this language's site does not publish
            for s in e.map.stages:
                for item in [*s.pain_points, *s.opportunities]:
                    assert _plain(html.escape(item.text)) in index[e.map.id], (e.map.id, item.text)
                    checked += 1
    assert checked > 100
