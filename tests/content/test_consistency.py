"""The sample maps agree with themselves (issue 15 §1): what a shipped change did to the pain points
it addressed, what a tactic may claim, and KPI figures that read like measurements."""

from __future__ import annotations

import dataclasses
import re

import pytest

from journeymaps.model.priority import OPEN
from journeymaps.pages.map_page import map_page
from journeymaps.pages.site import context_of
from journeymaps.words import label

ENGLISH_SAMPLES = ("online-banking", "fashion-store", "fitness-app")

# Seed plays that are not in place yet in these as-is maps: each is what an opportunity still has to
# deliver, so while that opportunity is open no tactic of its stage may claim it (a tactic of an
# as-is map is in place today). (map, stage, the claim, the opportunity that will deliver it)
NOT_YET_IN_PLACE = [
    ("online-banking", "purchase", "passport chip", "guided-capture"),
    ("online-banking", "purchase", "PDF", "guided-capture"),
    ("online-banking", "retention", "savings buffer", "advice-from-patterns"),
    ("fashion-store", "consideration", "detailed size guide", "garment-measurements"),
    ("fashion-store", "consideration", "measurements", "garment-measurements"),
    ("fashion-store", "purchase", "before payment", "costs-before-checkout"),
    ("fashion-store", "purchase", "before checkout", "costs-before-checkout"),
    ("fashion-store", "advocacy", "every social media share", "personal-share-codes"),
    ("fitness-app", "purchase", "interactive onboarding", "do-it-onboarding"),
]


@pytest.fixture(scope="module")
def entries(project):
    return {e.map.id: e for e in project.maps}


def _all_maps(entries):
    return [e.map for e in entries.values()]


def test_a_shipped_change_leaves_its_pain_points_resolved_or_still_worked_on(entries) -> None:
    stale = []
    for m in _all_maps(entries):
        pains = m.pain_point_index()
        worked_on = {a for s in m.stages for o in s.opportunities if o.status in OPEN for a in o.addresses}
        for s in m.stages:
            for o in s.opportunities:
                if o.status == "shipped":
                    stale += [f"{m.id}: {o.id} shipped, {a} still open" for a in o.addresses
                              if pains[a][1].status == "open" and a not in worked_on]
    assert stale == []


def test_a_resolved_pain_point_was_resolved_by_a_shipped_change(entries) -> None:
    resolved = [(m, p) for m in _all_maps(entries) for s in m.stages for p in s.pain_points if p.status == "resolved"]
    assert len({m.id for m, _ in resolved}) >= 3, "the sample maps show how a fixed pain point is recorded"
    for m, p in resolved:
        fixes = [o for s in m.stages for o in s.opportunities if p.id in o.addresses and o.status == "shipped"]
        assert fixes, f"{m.id}: {p.id} is resolved, but no shipped opportunity addresses it"


@pytest.mark.parametrize("map_id", ENGLISH_SAMPLES)
def test_a_resolved_pain_point_is_told_in_the_past(entries, map_id) -> None:
    """A pain point kept as the record of a fix does not read as today's friction."""
    for s in entries[map_id].map.stages:
        for p in s.pain_points:
            if p.status == "resolved":
                assert re.search(r"\b(was|were|had|showed|defaulted|exceeded|used to)\b|\w+ed\b", p.text), p.text
                assert not re.search(r"\b(is|are)\b", p.text), f"{p.id} reads as current: {p.text}"


@pytest.mark.parametrize("map_id,stage_id,claim,opportunity", NOT_YET_IN_PLACE,
                         ids=[f"{c[0]}-{c[1]}-{c[2]}" for c in NOT_YET_IN_PLACE])
def test_a_tactic_does_not_claim_what_an_open_opportunity_still_has_to_deliver(entries, map_id, stage_id, claim,
                                                                               opportunity) -> None:
    m = entries[map_id].map
    assert m.status == "as-is"
    stage, o = m.opportunity_index()[opportunity]
    assert stage.id == stage_id
    if o.status in OPEN:
        tactics = " ".join(stage.tactics)
        assert not re.search(re.escape(claim), tactics, re.IGNORECASE), \
            f"{map_id}#{stage_id}: a tactic claims {claim!r}, which {opportunity} ({o.status}) has still to deliver"


@pytest.mark.parametrize("map_id,lang", [("online-banking", "en"), ("online-banking-zh", "zh"),
                                         ("fitness-app-pl", "pl")])
def test_the_map_page_says_what_its_tactics_are(entries, project, map_id, lang) -> None:
    """As-is: in place today; to-be: the designed journey's. The heading comes from the catalogue."""
    entry = entries[map_id]
    ctx = context_of(project)
    as_is = map_page(entry, ctx).content
    assert f"**{label(lang, 'lane.tactics.as-is')}**" in as_is
    to_be = dataclasses.replace(entry, map=entry.map.model_copy(update={"status": "to-be"}))
    page = map_page(to_be, ctx).content
    assert f"**{label(lang, 'lane.tactics.to-be')}**" in page
    assert label(lang, "lane.tactics.as-is") not in page


def test_kpi_figures_are_not_all_part_way_to_target(entries) -> None:
    """Real measurements do not all sit between baseline and target: some KPI has reached its
    target, and some has not moved or moved the wrong way (progress of the newest measurement)."""
    from journeymaps.model.kpi_series import progress as progress_of

    progress = [p for map_id in ENGLISH_SAMPLES for s in entries[map_id].map.stages for k in s.kpis
                if (p := progress_of(k)) is not None]
    assert progress
    assert any(p >= 1 for p in progress), "no KPI has reached its target"
    assert any(p <= 0 for p in progress), "no KPI is flat or worse than its baseline"
