"""The fourth industry of issue 15 §2: an omnichannel journey with offline and human channels
(store, phone, SMS, chatbot hand-over, delivery, field engineers), a lead-generation and
engagement journey rather than another purchase funnel, two personas, five stages, its
industry and new channels named in every site language with icons that are installed."""

from __future__ import annotations

import pytest

from journeymaps.render.icons import icon_paths

MAP = "fibre-street-leads"
LANGS = ("en", "zh", "pl")


@pytest.fixture(scope="module")
def telecom(project):
    by_id = {e.map.id: e for e in project.maps}
    assert MAP in by_id, "the telecom map is missing or fails the check"
    return by_id[MAP].map


def test_a_fourth_industry_named_in_every_language(telecom, vocabulary):
    assert telecom.industry == "telecom"
    d = vocabulary.industry("telecom")
    assert d is not None and set(d.names) >= set(LANGS)


def test_offline_and_human_channels(telecom, vocabulary):
    channels = {t.channel for s in telecom.stages for t in s.touchpoints}
    assert channels >= {"branch", "call-centre", "sms", "chatbot", "delivery", "field-engineer"}
    assert any(t.channel == "chatbot" and "hand-over" in t.name for s in telecom.stages for t in s.touchpoints)
    for cid in channels:
        c = vocabulary.channel(cid)
        assert c is not None and set(c.names) >= set(LANGS), cid
        assert c.icon and icon_paths(c.icon), f"{cid}: icon {c.icon} is not installed"


def test_a_lead_generation_journey_with_its_milestones(telecom, vocabulary):
    ids = [s.id for s in telecom.stages]
    assert len(ids) == 5 and len(telecom.personas) == 2
    assert "registration" in ids and "activation" in ids and "engagement" in ids  # seed 002's milestones
    for sid in ids:
        st = vocabulary.stage(sid)
        assert st is not None and st.icon and icon_paths(st.icon), sid  # each stage drawn with its icon
    assert {o.kind for o in telecom.objectives} >= {"conversion", "sales", "churn", "efficiency", "satisfaction"}


def test_figures_read_like_measurements(telecom):
    """Not every KPI halfway to target: some reached, some worse than where they started."""
    from journeymaps.model.kpi_series import progress  # the newest measurement of the KPI's series

    kpis = [k for s in telecom.stages for k in s.kpis]
    assert any(progress(k) >= 1 for k in kpis) and any(progress(k) < 0 for k in kpis)
    assert {p.severity for s in telecom.stages for p in s.pain_points} >= {"low", "medium", "high", "critical"}
    assert "dropped" in {o.status for s in telecom.stages for o in s.opportunities}
