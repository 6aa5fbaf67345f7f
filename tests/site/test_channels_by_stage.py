"""The channels catalogue stays readable however many stages the site's journeys have: the stages
every new map starts with in one table, the others (lead-journey milestones, custom stages) in
tables of their own, none wider than STAGE_COLUMNS stage columns."""

from __future__ import annotations

from journeymaps.pages import build_site
from journeymaps.pages.catalogues import STAGE_COLUMNS


def _headers(page: str) -> list[list[str]]:
    return [[c.strip() for c in line.strip("|").split("|")] for line in page.splitlines()
            if line.startswith("| Channel |")]


def test_purchase_stages_first_then_the_lead_journey_stages(project):
    page = next(f for f in build_site(project, png=False).files if f.path == "catalogue/channels.md").content
    tables = _headers(page)
    assert tables[0][1:] == ["Awareness", "Consideration", "Purchase", "Retention", "Advocacy"]
    assert tables[1][1:] == ["Registration", "Engagement", "Activation"]
    assert all(len(t) - 1 <= STAGE_COLUMNS for t in tables)
    # A channel only the telecom journey's milestones use is listed in their table alone.
    lead_rows = page.split("| Channel | Registration")[1]
    assert "| Field engineer visit |" in lead_rows and "| Field engineer visit |" not in page.split(
        "| Channel | Registration")[0]
