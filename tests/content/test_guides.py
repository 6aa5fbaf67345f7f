"""The seven method guides of the sample content: present, in order, on topic, linked into the maps, clean."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

# (id, words the title must contain, headings the body must cover) in reading order.
GUIDES = [
    ("what-is-a-journey-map", ["journey map"], ["what goes on a map", "what a map brings"]),
    ("eight-steps", ["eight steps"], ["objectives", "collect data", "personas", "map the journey",
                                      "pain points and opportunities", "impact and feasibility",
                                      "implement", "monitor and iterate"]),
    ("key-touchpoints", ["key touchpoints"], ["data analysis", "interviews and surveys",
                                              "market research and competitor analysis", "ux evaluation",
                                              "social media", "omnichannel"]),
    ("strategy-to-pilot", ["strategy", "pilot"], ["design the optimisation", "run a pilot",
                                                  "evaluate with kpis", "improve continuously"]),
    ("orchestration", ["orchestration"], ["map the journey", "identify the key touchpoints",
                                          "analyse behaviour per stage", "touchpoint, content and timing",
                                          "optimise continuously", "real-time interaction management"]),
    ("measuring", ["measuring", "journey"], ["complete each stage", "friction", "satisfied"]),
    ("whole-journey", ["whole journey", "channels"], ["customer", "online and offline", "milestones",
                                                      "roadmap", "segments", "technology",
                                                      "leads into sales", "beyond expectations", "train"]),
]
SAMPLE_MAPS = {"online-banking", "online-banking-to-be", "fashion-store", "fitness-app", "fibre-street-leads"}
STAGES = {"awareness", "consideration", "purchase", "retention", "advocacy", "registration", "engagement",
          "activation"}
MAP_LINK = re.compile(r"\]\(map:([a-z0-9-]+)(?:#([a-z0-9-]+))?\)")
GUIDE_LINK = re.compile(r"\]\(guide:([a-z0-9-]+)\)")
HEADING = re.compile(r"^#{1,4} +(.+)$", re.MULTILINE)
# A tag or comment outside code: guides are Markdown only.
RAW_HTML = re.compile(r"<(?:[A-Za-z][A-Za-z0-9-]*[\s/>]|/[A-Za-z]|!--)")
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)


@pytest.fixture(scope="module")
def guides(project):
    return {g.meta.id: g for g in project.guides if g.display.startswith("maps/method/") and g.meta.lang == "en"}


def test_seven_guides_in_reading_order(project):
    originals = [g for g in project.guides if g.meta.lang == "en"]
    assert [g.meta.id for g in originals] == [gid for gid, _, _ in GUIDES]
    assert [g.meta.order for g in originals] == list(range(1, len(GUIDES) + 1))
    for g in project.guides:
        assert g.path.name == f"{g.meta.id}.md"
    # Every other guide is a translation of one of them.
    for g in project.guides:
        if g.meta.lang != "en":
            assert g.meta.translations.get("en") in {gid for gid, _, _ in GUIDES}, g.display


@pytest.mark.parametrize("gid,title_words,headings", GUIDES, ids=[g[0] for g in GUIDES])
def test_guide_covers_its_topic(guides, gid, title_words, headings):
    g = guides[gid]
    title = g.meta.title.lower()
    for word in title_words:
        assert word in title, f"{gid}: title {g.meta.title!r} does not name {word!r}"
    found = [h.lower() for h in HEADING.findall(g.body)]
    for wanted in headings:
        assert any(wanted in h for h in found), f"{gid}: no heading about {wanted!r} in {found}"
    assert len(g.body.split()) >= 450, f"{gid} is too short to teach the step"


@pytest.mark.parametrize("gid", [g[0] for g in GUIDES])
def test_guide_links_into_sample_map_stages(guides, gid):
    g = guides[gid]
    links = MAP_LINK.findall(g.body)
    stage_links = [(m, s) for m, s in links if s]
    assert stage_links, f"{gid} shows no step in a sample map"
    assert {s for _, s in stage_links} <= STAGES
    linked_maps = {m for m, _ in links}
    assert linked_maps <= SAMPLE_MAPS
    # The front matter lists the maps the guide draws on, so a page can list them.
    assert linked_maps <= set(g.meta.maps), f"{gid}: links to maps missing from front matter `maps`"


def test_guides_link_to_each_other(guides):
    linked = {target for g in guides.values() for target in GUIDE_LINK.findall(g.body)}
    # Every guide but the first is reachable from another guide.
    assert {gid for gid, _, _ in GUIDES[1:]} <= linked


@pytest.mark.parametrize("gid", [g[0] for g in GUIDES])
def test_guide_has_no_raw_html(guides, gid):
    prose = CODE.sub("", guides[gid].body)
    assert not RAW_HTML.search(prose), RAW_HTML.search(prose)


def test_strict_check_reports_nothing_for_guides(repo):
    proc = subprocess.run([sys.executable, "-m", "journeymaps", "check", "--strict", "--format", "json",
                           "--today", "2026-11-23", "maps/"],
                          cwd=repo, capture_output=True, text=True, timeout=120)
    report = json.loads(proc.stdout)
    about_guides = [f for f in report["findings"] if f["path"].startswith("maps/method/")]
    assert about_guides == [], "\n".join(f"{f['path']}:{f['line']}: {f['message']}" for f in about_guides)
