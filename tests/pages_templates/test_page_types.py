"""Every page type comes from a template a site overrides from theme/journeymaps/<name>: the
build uses the site's file for the pages of that type and for no other page, map text reaches a
site's template escaped whatever the template does with it, and the README lists every template."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest

from journeymaps.cli import main
from journeymaps.core.findings import Finding
from journeymaps.pages import layout
from journeymaps.pages.catalogues import catalogue_pages
from journeymaps.pages.compare import compare_pages_of
from journeymaps.pages.guides import guide_page
from journeymaps.pages.home import home_page
from journeymaps.pages.model import Failure
from journeymaps.pages.pilots import pilots_page
from journeymaps.pages.playbook import playbook_page
from journeymaps.pages.plays import plays_page
from journeymaps.pages.research import research_pages
from journeymaps.pages.site import context_of, failure_pages
from journeymaps.pages.templates import DEFAULTS, Templates

REPO = Path(__file__).resolve().parents[2]
GOLDEN = REPO / "tests" / "pages_golden" / "golden" / "en"

# Page template -> the pages of the English site it makes (the golden pages list them all).
PAGES = {
    "map_page.md": r"maps/[^/]+/index\.md",
    "playbook.md": r"maps/[^/]+/playbook\.md",
    "history.md": r"maps/[^/]+/history\.md",
    "compare_page.md": r"maps/[^/]+/compare\.md",
    "research_index.md": r"research/index\.md",
    "research_study.md": r"research/(?!index\.md)[^/]+\.md",
    "home.md": r"index\.md",
    "portfolio.md": r"index\.md",
    "industry.md": r"industries/[^/]+/index\.md",
    "catalogue.md": r"catalogue/[^/]+\.md",
    "catalogue_index.md": r"catalogue/index\.md",
    "catalogue_channels.md": r"catalogue/channels\.md",
    "catalogue_pain_points.md": r"catalogue/pain-points\.md",
    "catalogue_opportunities.md": r"catalogue/opportunities\.md",
    "catalogue_kpis.md": r"catalogue/kpis\.md",
    "catalogue_tags.md": r"catalogue/tags\.md",
    "catalogue_pilots.md": r"catalogue/pilots\.md",
    "catalogue_plays.md": r"catalogue/plays\.md",
    "glossary.md": r"glossary/[^/]+\.md",
    "reference.md": r"reference/index\.md",
    "guide.md": r"method/(?!index\.md)[^/]+\.md",
    "method.md": r"method/index\.md",
}
# Page templates whose pages only `mkdocs serve` makes (a map that fails the check keeps its pages).
SERVE_ONLY = {"failure.md": (r"maps/[^/]+/index\.md", r"maps/[^/]+/playbook\.md")}


def _mark(name: str) -> str:
    return f"Restyled by theme/journeymaps/{name}"


def _restyle(theme: Path, name: str) -> None:
    """A site template that extends the default and adds a line under the page's head."""
    theme.mkdir(parents=True, exist_ok=True)
    (theme / name).write_text(f'{{% extends "default/{name}" %}}\n'
                              f"{{% block head %}}{{{{ super() }}}}\n{_mark(name)}\n{{% endblock %}}\n", encoding="utf-8")


def _unmarked(page: str) -> str:
    """A restyled page without the site's lines and with the list marks undone: the default page."""
    return re.sub(r"\nRestyled by theme/journeymaps/\w+\.md\n", "", page).replace("\n* ", "\n- ")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """One build of a site that overrides every page template: it extends the default and adds a
    line under the page's head; the shared macros list items with "*" instead of "-"."""
    root = tmp_path_factory.mktemp("site")
    shutil.copytree(REPO / "site_config", root / "site_config")
    shutil.copytree(REPO / "maps", root / "maps")
    theme = root / "theme" / "journeymaps"
    for name in PAGES:
        _restyle(theme, name)
    blocks = (DEFAULTS / "blocks.md").read_text(encoding="utf-8")
    assert "- {{ item }}" in blocks
    (theme / "blocks.md").write_text(blocks.replace("- {{ item }}", "* {{ item }}"), encoding="utf-8")
    out = root / "docs"
    assert main(["generate", "--out", str(out), "--root", str(root), "--no-png", "--today", "2026-11-23"]) == 0
    en = out / "en"
    return {p.relative_to(en).as_posix(): p.read_text(encoding="utf-8") for p in en.rglob("*.md")}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_build_uses_a_site_template_for_its_pages_only(built: dict[str, str], name: str) -> None:
    pattern = re.compile(PAGES[name])
    ours = {path for path in built if pattern.fullmatch(path)}
    assert ours, f"no page made by {name}"
    marked = {path for path, text in built.items() if _mark(name) in text}
    assert marked == ours
    for path in ours:
        # The page is the default one plus the sites' lines (a catalogue has two: its own and the
        # layout's): the golden page (no golden for
        # history pages: they follow the repository's commits), with the list marks undone.
        golden = GOLDEN / path
        if golden.exists():
            assert _unmarked(built[path]) == golden.read_text(encoding="utf-8")


def test_the_shared_macros_are_a_template_too(built: dict[str, str]) -> None:
    home = built["index.md"]
    more = home.split("{#more}", 1)[1]
    assert more.strip().splitlines()[-1].startswith("* [")
    assert "\n- " not in more


def test_every_default_template_is_in_the_test_and_in_the_readme() -> None:
    shipped = {p.name for p in DEFAULTS.glob("*.md")}
    assert shipped == {*PAGES, *SERVE_ONLY, "blocks.md"}
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Restyling the pages", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"^\| `([a-z_]+\.md)` \|", section, re.M))
    assert listed == shipped


@pytest.fixture(scope="module")
def banking(project):
    return next(e for e in project.maps if e.map.id == "online-banking")


HOSTILE = "<script>x</script>{: onclick=y} [a](javascript:b) | *c*"


def _hostile(entry):
    m = entry.map
    stages = [s.model_copy(update={
        "opportunities": [o.model_copy(update={"text": HOSTILE, "pilots": [
            p.model_copy(update={"hypothesis": HOSTILE, "cohort": HOSTILE}) for p in o.pilots]}) for o in s.opportunities],
        "plays": [p.model_copy(update={"trigger": HOSTILE, "content": HOSTILE}) for p in s.plays],
        "pain_points": [p.model_copy(update={"text": HOSTILE}) for p in s.pain_points]}) for s in m.stages]
    return dataclasses.replace(entry, map=m.model_copy(update={"summary": HOSTILE, "title": HOSTILE,
                                                                "stages": stages}))


def _body(page) -> str:
    return page.content.split("---\n", 2)[2]


def test_map_text_reaches_a_site_template_escaped_even_without_a_filter(banking, project, tmp_path: Path) -> None:
    (tmp_path / "playbook.md").write_text(
        "{{ summary }}\n{% for r in ranked %}{{ r.opportunity }} {{ r.owner }}\n{% endfor %}", encoding="utf-8")
    ctx = dataclasses.replace(context_of(project), templates=Templates(tmp_path))
    body = _body(playbook_page(_hostile(banking), ctx))
    assert body.count("&lt;script&gt;") > 2
    for raw in ("<script>", "{: onclick", "](javascript", " | *c*"):
        assert raw not in body


def test_a_site_template_chooses_the_html_context_with_a_filter(project, tmp_path: Path) -> None:
    (tmp_path / "home.md").write_text(
        '{% for c in cards %}<a title="{{ c.summary|attr }}">{{ c.title|html_text }}</a>\n{% endfor %}',
        encoding="utf-8")
    ctx = context_of(project)
    hostile = tuple(_hostile(e) for e in ctx.maps)
    body = _body(home_page(dataclasses.replace(ctx, maps=hostile, templates=Templates(tmp_path))))
    assert '<a title="&lt;script&gt;x&lt;/script&gt;{: onclick=y} [a](javascript:b) | *c*">' in body
    assert "<script>" not in body


def _compare(ctx):
    return compare_pages_of(ctx.entry("online-banking-to-be"), ctx)[0]


def _catalogue(key: str):
    return lambda ctx: next(f for f in catalogue_pages(ctx) if f.path == layout.CATALOGUES[key])


def _study(ctx):
    return next(f for f in research_pages(ctx) if f.path == "research/billing-complaints-review-2026-08.md")


# The pages that gather maps' text (pilot log, plays, the home page's portfolio, the compare
# page, a study's page), from a site template that prints it bare between two marks.
GATHERED = {
    "research_study.md": (_study, "{% for p in supports %}{{ p.text }} {{ p.maps }} {{ p.stage }}\n{% endfor %}"),
    "compare_page.md": (_compare, "{{ title }} {{ base }} {{ head }}\n{% for g in pains %}{% for p in g.pains %}"
                                  "{{ p.text }}\n{% endfor %}{% endfor %}"),
    "catalogue_pilots.md": (pilots_page, "{% for r in pilots %}{{ r.hypothesis }} {{ r.opportunity }} {{ r.cohort }}\n"
                                         "{% endfor %}"),
    "catalogue_plays.md": (plays_page, "{% for s in maps %}{% for r in s.plays %}{{ r.trigger }} {{ r.content }}\n"
                                       "{% endfor %}{% endfor %}"),
    # The set-aside tables' links are HTML; printed in Markdown they must still be inert.
    "catalogue_pain_points.md": (_catalogue("pain_points"), "{% for r in pain_points %}{{ r.text }} {{ r.maps }} "
                                                           "{{ r.evidence }}\n{% endfor %}"),
    "catalogue_opportunities.md": (_catalogue("opportunities"), "{% for r in opportunities %}{{ r.text }} {{ r.maps }}"
                                                               "\n{% endfor %}"),
    "portfolio.md": (home_page, "{% for r in portfolio.maps %}{{ r.title }} {% for c in r.cells if c %}{{ c.said }}"
                                "{% endfor %}\n{% endfor %}{% for r in portfolio.table %}{{ r.map }} {{ r.stage }}\n"
                                "{% endfor %}{% for r in portfolio.kpis %}{{ r.map }} {{ r.behind }}\n{% endfor %}"),
}


@pytest.mark.parametrize("name", sorted(GATHERED))
def test_map_text_reaches_the_site_templates_of_gathering_pages_escaped(project, tmp_path: Path, name: str) -> None:
    build, template = GATHERED[name]
    (tmp_path / name).write_text(f"BEGIN\n{template}END\n", encoding="utf-8")
    ctx = context_of(project)
    hostile = tuple(_hostile(e) for e in ctx.maps)
    body = _body(build(dataclasses.replace(ctx, maps=hostile, templates=Templates(tmp_path))))
    printed = body.split("BEGIN\n", 1)[1].split("END\n", 1)[0]
    assert "&lt;script&gt;" in printed
    for raw in ("<script>", "{: onclick", "](javascript", " | *c*"):
        assert raw not in printed


def _failing(display: str, map_id: str | None) -> Failure:
    return Failure(display, (Finding(display, 3, 5, "error", "E100", f"bad ``` value {HOSTILE}", "fix `it`"),
                             Finding(display, 7, 1, "error", "E101", "second", None)), map_id)


def test_a_site_template_restyles_the_pages_of_a_failing_map_only(project, tmp_path: Path) -> None:
    """A map that fails the check under `mkdocs serve` keeps its map page and playbook, from failure.md."""
    _restyle(tmp_path, "failure.md")
    ctx = context_of(project)
    f = _failing("maps/banking/broken.yaml", "broken-map")
    default = failure_pages(f, ctx)
    restyled = failure_pages(f, dataclasses.replace(ctx, templates=Templates(tmp_path)))
    assert [p.path for p in restyled] == ["maps/broken-map/index.md", "maps/broken-map/playbook.md"]
    assert all(re.fullmatch(pattern, p.path) for pattern, p in zip(SERVE_ONLY["failure.md"], restyled))
    for mine, theirs in zip(restyled, default):
        assert _mark("failure.md") in mine.content and _mark("failure.md") not in theirs.content
        assert _unmarked(mine.content) == theirs.content
    # The other pages of that site are not made from failure.md.
    assert _mark("failure.md") not in home_page(dataclasses.replace(ctx, templates=Templates(tmp_path))).content


@pytest.mark.parametrize("lang", ["en", "zh", "pl"])
def test_the_located_errors_show_map_text_as_typed_inside_their_code_block(project, lang: str) -> None:
    """On a failing map's pages and a failing guide's page: the file name escaped in the note's
    title, each report line in the code block as `journeymaps check` prints it, the fence unbroken."""
    ctx = context_of(project, lang=lang)
    guide = ctx.guides[0]
    f = _failing("maps/banking/<b>x</b>*y*.yaml", "broken-map")
    ctx = dataclasses.replace(ctx, failures=(f, _failing(guide.display, None)))
    pages = [*failure_pages(f, ctx), guide_page(guide, ctx)]
    for p, shown in zip(pages, ("&lt;b&gt;x&lt;/b&gt;&#42;y&#42;", "&lt;b&gt;x&lt;/b&gt;&#42;y&#42;", guide.display)):
        body = _body(p)
        title, block = body.split("!!! failure ", 1)[1].split("\n\n", 1)
        assert shown in title and "<b>" not in title
        lines = block.split("\n\n", 1)[0].splitlines()
        assert lines[0] == "    ```text" and lines[-1] == "    ```"
        assert all(line.startswith("    ") and "```" not in line for line in lines[1:-1])
        assert f"bad ''' value {HOSTILE}" in block  # shown, not parsed: as typed
    assert "# broken-map" in _body(pages[0])
    assert _body(pages[2]).index("!!! failure") < _body(pages[2]).index("\n## ")  # the note leads the guide
