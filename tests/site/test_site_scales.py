"""The site model grows linearly with the number of maps (issue 16: 10,000 maps on one machine).

Nothing is timed: the tests count work. Every time a page builder walks the list of maps it
visits each map; a builder that looks something up by scanning all maps for every map (the
to-be maps of a map, a map by id, a translation group) visits N^2 of them, and doubling the maps
quadruples the visits. So the site is built twice, from the sample maps copied K and 2K times
(translations and to-be maps included, renamed together), and the visits must at most double.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from journeymaps.check.runner import MapEntry
from journeymaps.diff import history
from journeymaps.pages import site as site_module
from journeymaps.project import Project

COPIES = 6  # 6 and 12 copies of the sample maps: about 50 and 100 maps


class Visits:
    """How many map entries the builders took out of the site's lists, by iterating over them."""

    def __init__(self) -> None:
        self.count = 0

    def counted(self, items, kind: type):
        """``items`` as a ``kind`` (tuple or list) that counts what is taken out of it."""
        visits = self

        class Counted(kind):
            def __iter__(self):
                for item in kind.__iter__(self):
                    visits.count += 1
                    yield item

        return Counted(items)


def _copies(project: Project, k: int, folder: Path) -> list[MapEntry]:
    """The project's maps ``k`` times over, each copy's ids (and the ids its translations and
    ``based_on`` name) suffixed alike, so every copy is a group of its own; their files sit in a
    folder outside git (history pages then say so, without asking git once per map)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for c in range(k):
        def renamed(map_id: str) -> str:
            return f"{map_id}-copy{c}"

        for e in project.maps:
            m = e.map.model_copy(update={
                "id": renamed(e.map.id),
                "translations": {lang: renamed(i) for lang, i in e.map.translations.items()},
                "based_on": renamed(e.map.based_on) if e.map.based_on else None})
            out.append(MapEntry(folder / f"{m.id}.yaml", f"maps/{m.industry}/{m.id}.yaml", m))
    return out


def _work(project: Project, k: int, folder: Path, monkeypatch) -> tuple[int, int, int]:
    """(map visits, map pages built, git top-level lookups) of one English site of ``k`` copies."""
    visits = Visits()
    big = dataclasses.replace(project, maps=visits.counted(_copies(project, k, folder), list))
    real_context = site_module.context_of

    def counted_context(*args, **kwargs):
        ctx = real_context(*args, **kwargs)
        return dataclasses.replace(ctx, maps=visits.counted(ctx.maps, tuple),
                                   unlisted=visits.counted(ctx.unlisted, tuple))

    tops = []
    real_top = history.git_toplevel
    monkeypatch.setattr(site_module, "context_of", counted_context)
    monkeypatch.setattr(history, "git_toplevel", lambda where: tops.append(where) or real_top(where))
    built = site_module.build_site(big, png=False, lang="en")
    monkeypatch.undo()
    map_pages = sum(1 for f in built.files if f.path.startswith("maps/") and f.path.endswith("/index.md"))
    return visits.count, map_pages, len(tops)


@pytest.fixture(scope="module")
def growth(project, tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        small = _work(project, COPIES, tmp_path_factory.mktemp("small"), mp)
        large = _work(project, 2 * COPIES, tmp_path_factory.mktemp("large"), mp)
    return small, large


def test_twice_the_maps_build_twice_the_map_pages(growth, project) -> None:
    (_, small_pages, _), (_, large_pages, _) = growth
    assert small_pages == COPIES * len(project.maps)
    assert large_pages == 2 * small_pages


def test_twice_the_maps_visit_the_map_list_at_most_twice_as_often(growth) -> None:
    (small, _, _), (large, _, _) = growth
    # Linear work (a + b*N) at most doubles; a scan per map makes it nearly four times.
    assert large <= 2.2 * small, f"{small} map visits for {COPIES} copies, {large} for {2 * COPIES}: quadratic"


def test_git_is_asked_for_the_repository_once_per_folder_not_once_per_map(growth) -> None:
    (_, _, small_tops), (_, _, large_tops) = growth
    assert small_tops == large_tops <= 2
