"""The navigation is sectioned: by industry, and a large industry in chunks, never one flat list
of every map (Material renders the siblings of the current page into every page: N^2)."""

from __future__ import annotations

import dataclasses

from journeymaps.pages.model import NavItem
from journeymaps.pages.site import NAV_CHUNK, context_of, nav_config, navigation


def _many(project, n: int):
    entry = project.maps[0]
    copies = [dataclasses.replace(entry, map=entry.map.model_copy(update={"id": f"copy-{i:03d}",
                                                                          "title": f"Copy {i}", "translations": {}}))
              for i in range(n)]
    return dataclasses.replace(project, maps=copies)


def _pages(item: NavItem) -> list[str]:
    return ([item.path] if item.path else []) + [p for c in item.children for p in _pages(c)]


def test_small_industry_lists_its_maps(project) -> None:
    nav = navigation(context_of(project))
    titles = [i.title for i in nav]
    # The research register, when the project has one, between the catalogues and the reference.
    assert titles[0] == "Home" and titles[-4:] == ["Method", "Catalogues", "Research", "Authoring reference"]
    industries = [i for i in nav if i.path and i.path.startswith("industries/")]
    assert {i.path.split("/")[1] for i in industries} == {e.map.industry for e in project.maps}
    based_on = {e.map.id: e.map.based_on for e in project.maps}
    for ind in industries:
        for child in ind.children:  # each map: its page, with its playbook and history below it
            map_id = child.path.split("/")[1]
            compare = ["compare.md"] if based_on[map_id] else []  # a to-be map: its compare page too
            assert child.path.startswith("maps/") and [c.path.rsplit("/", 1)[1] for c in child.children] == [
                "playbook.md", "history.md", *compare]


def test_large_industry_is_chunked(project) -> None:
    n = NAV_CHUNK * 5 + 3
    nav = navigation(context_of(_many(project, n)))
    (industry,) = [i for i in nav if i.path and i.path.startswith("industries/")]
    assert len(industry.children) == 6
    assert all(len(chunk.children) <= NAV_CHUNK and chunk.path is None for chunk in industry.children)
    pages = _pages(industry)
    assert len(pages) == len(set(pages)) == 1 + 3 * n  # index, then every map, playbook and history once


def test_a_very_large_industry_nests_its_chunks(project) -> None:
    n = NAV_CHUNK * NAV_CHUNK * 2 + 7  # 807 maps at 20 a chunk: more chunks than a section holds
    nav = navigation(context_of(_many(project, n)))
    (industry,) = [i for i in nav if i.path and i.path.startswith("industries/")]
    assert [c.title for c in industry.children] == ["Maps 1–400", "Maps 401–800", "Maps 801–807"]
    for level in (industry, *industry.children):  # no section lists more than NAV_CHUNK entries
        assert len(level.children) <= NAV_CHUNK
    second = industry.children[1].children
    assert len(second) == NAV_CHUNK and all(len(c.children) == NAV_CHUNK for c in second)
    assert second[0].title == "Maps 401–420" and second[-1].title == "Maps 781–800"
    # What a pruned page carries of its industry: its branch, each level's siblings.
    assert len(industry.children) + len(second) + len(second[0].children) <= 3 * NAV_CHUNK
    pages = _pages(industry)
    assert len(pages) == len(set(pages)) == 1 + 3 * n


def test_nav_config_has_section_index_pages_first(project) -> None:
    config = nav_config(navigation(context_of(project)))
    assert config[0] == {"Home": "index.md"}
    section = next(v for item in config for k, v in item.items() if isinstance(v, list)
                   and k not in ("Method", "Catalogues", "Research"))
    assert section[0].startswith("industries/") and section[0].endswith("/index.md")
