"""The three English sample maps hold everything issue 3 promises a new team will find in them."""

from __future__ import annotations

import datetime as _dt
import re

import pytest

from journeymaps.cli import main as cli_main
from journeymaps.model.priority import OPEN
from journeymaps.model.resolve import low_threshold, effective_scale
from journeymaps.schema.site import SITE_MODELINE_TARGET

SAMPLE_MAPS = {"banking": "online-banking", "fashion": "fashion-store", "fitness": "fitness-app"}
STAGES = ["awareness", "consideration", "purchase", "retention", "advocacy"]
OBJECTIVE_KINDS = {"satisfaction", "loyalty", "churn", "conversion", "sales"}  # seed 001's KPI families
MODELINE = f"# yaml-language-server: $schema={SITE_MODELINE_TARGET}"  # the site schema (issue 17)
TODAY = _dt.date(2026, 11, 23)  # the `project` fixture checks against the same date

# Every optimisation seed 000 names per industry and stage, one keyword (or phrase) each. A keyword
# matches at a word start, plurals allowed, case ignored, in the stage's tactics or, for a play not in
# place yet, in an open opportunity of the stage (an as-is map's tactics are what runs today).
SEED_TACTICS: dict[str, dict[str, list[str]]] = {
    "banking": {
        "awareness": ["targeted", "facebook", "google", "security", "user-friendly interface"],
        "consideration": ["webinar", "comparison chart", "account type", "live chat"],
        "purchase": ["sign-up", "step", "document upload", "secure payment"],
        "retention": ["personalised financial advice", "transaction history", "rewards programme",
                      "exclusive feature"],
        "advocacy": ["share", "social media", "referral programme", "new customer"],
    },
    "fashion": {
        "awareness": ["influencer", "instagram", "youtube", "outfit idea", "discount code"],
        "consideration": ["virtual fitting room", "size guide", "customer photo", "live chat"],
        "purchase": ["autofill", "progress bar", "shipping option", "delivery time", "returns policy"],
        "retention": ["style recommendation", "past purchase", "loyalty member", "early access",
                      "limited-time sale", "new collection"],
        "advocacy": ["hashtag campaign", "share their outfit", "loyalty points", "new customer"],
    },
    "fitness": {
        "awareness": ["influencer", "before-and-after", "transformation", "workout plan", "nutrition guide"],
        "consideration": ["free trial", "limited feature", "ai", "personalised workout", "meal plan"],
        "purchase": ["mobile-friendly", "monthly", "quarterly", "yearly", "interactive onboarding"],
        "retention": ["daily motivational", "progress tracking", "community challenge", "forum"],
        "advocacy": ["social media", "tag", "official account", "referral", "months of free premium"],
    },
}


def _keyword(word: str) -> re.Pattern[str]:
    return re.compile(r"\b" + re.escape(word) + r"(?:s|es)?\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def entries(project):
    by_id = {e.map.id: e for e in project.maps}
    missing = sorted(set(SAMPLE_MAPS.values()) - set(by_id))
    assert not missing, f"sample maps missing or failing the check: {missing}"
    return {industry: by_id[map_id] for industry, map_id in SAMPLE_MAPS.items()}


@pytest.fixture(params=sorted(SAMPLE_MAPS), ids=[SAMPLE_MAPS[i] for i in sorted(SAMPLE_MAPS)])
def industry(request):
    return request.param


def _stage_cases():
    return [(ind, stage) for ind in sorted(SAMPLE_MAPS) for stage in STAGES]


def test_identity_and_placement(entries, industry):
    entry = entries[industry]
    m = entry.map
    assert m.industry == industry and m.lang == "en" and m.status == "as-is"
    assert entry.path.parent.name == industry
    assert entry.path.read_text(encoding="utf-8").splitlines()[0] == MODELINE
    assert m.tags and m.owner and m.summary and m.notes
    assert 0 <= (TODAY - m.last_reviewed).days <= 365


def test_five_stages_in_order(entries, industry):
    assert [s.id for s in entries[industry].map.stages] == STAGES


def test_objectives_cover_seed_kinds_and_name_real_kpis(entries, industry):
    m = entries[industry].map
    kpis = m.kpi_index()
    assert {o.kind for o in m.objectives} >= OBJECTIVE_KINDS
    for o in m.objectives:
        assert o.kpis, f"objective {o.id} names no KPI"
        assert set(o.kpis) <= set(kpis), f"objective {o.id} names unknown KPIs"


def test_personas_complete_with_a_score_at_every_stage(entries, vocabulary, industry):
    m = entries[industry].map
    scale = effective_scale(m, vocabulary)
    assert len(m.personas) >= 2
    for p in m.personas:
        assert p.name and p.description and p.goals and p.needs and p.frustrations, p.id
        for s in m.stages:
            assert p.id in s.emotions, f"no score for {p.id} at {s.id}"
            assert scale.min <= s.emotions[p.id] <= scale.max
    # The personas must tell different stories, not copy one curve.
    curves = {tuple(s.emotions[p.id] for s in m.stages) for p in m.personas}
    assert len(curves) == len(m.personas)


@pytest.mark.parametrize("industry,stage_id", _stage_cases())
def test_stage_minimums(entries, vocabulary, industry, stage_id):
    m = entries[industry].map
    s = next(s for s in m.stages if s.id == stage_id)
    assert s.goal
    assert len(s.actions) >= 3
    assert s.thoughts
    assert s.tactics and s.moments_of_truth
    assert len(s.touchpoints) >= 3
    layers = [t.layer for t in s.touchpoints]
    assert "frontstage" in layers and "backstage" in layers
    for t in s.touchpoints:
        assert vocabulary.channel(t.channel) is not None, t.channel
        assert t.owner, f"touchpoint {t.name!r} has no owner"
    assert s.pain_points
    for p in s.pain_points:
        # A study of the research register (no made-up research URLs), or an honest hypothesis.
        assert p.evidence == "hypothesis" or vocabulary.study(p.evidence) is not None, p.id
    stage_pains = {p.id for p in s.pain_points}
    assert s.opportunities
    for o in s.opportunities:
        assert 1 <= o.impact <= 5 and 1 <= o.effort <= 5 and o.status
        assert set(o.addresses) & stage_pains, f"opportunity {o.id} addresses no pain point of its stage"
    assert s.kpis
    for k in s.kpis:
        # A measured series (issue 14): the newest measurement is the current value; a date to reach the target.
        assert k.unit and k.target is not None and len(k.observations) >= 2 and k.target_date, k.id
        assert k.target != k.baseline, f"KPI {k.id} has nothing to move"
        if k.unit == "%":
            assert all(0 <= v <= 100 for v in (k.baseline, k.target, *(o.value for o in k.observations))), k.id
    low = low_threshold(effective_scale(m, vocabulary))
    assert not any(v <= low for v in s.emotions.values()) or any(p.status == "open" for p in s.pain_points)


def test_every_pain_point_has_an_opportunity(entries, industry):
    m = entries[industry].map
    addressed = {a for s in m.stages for o in s.opportunities for a in o.addresses}
    assert set(m.pain_point_index()) <= addressed


@pytest.mark.parametrize("industry,stage_id", _stage_cases())
def test_seed_tactics_in_their_stage(entries, industry, stage_id):
    s = next(s for s in entries[industry].map.stages if s.id == stage_id)
    text = " ".join([*s.tactics, *(o.text for o in s.opportunities if o.status in OPEN)])
    missing = [w for w in SEED_TACTICS[industry][stage_id] if not _keyword(w).search(text)]
    assert not missing, f"{SAMPLE_MAPS[industry]}#{stage_id}: seed tactics not found: {missing}"


def test_keyword_matching_is_not_vacuous():
    assert _keyword("forum").search("community challenges and forums")
    assert not _keyword("ai").search("a plain plan")
    assert not _keyword("tag").search("a vintage look")


def test_strict_check_of_all_maps_is_clean(repo, monkeypatch, capsys):
    monkeypatch.chdir(repo)
    code = cli_main(["check", "--strict", "--today", TODAY.isoformat(), "maps"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert re.fullmatch(r"0 errors, 0 warnings in \d+ files checked\n", out), out
