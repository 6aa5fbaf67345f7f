"""Size limits (issue 9, section 4): a map at every bound passes check and draws; one past a
bound is refused by check, located at the offending list, with a hint."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from journeymaps.cli import main
from journeymaps.model.limits import CARD_LANES, MAX_CARDS_PER_LANE, MAX_PERSONAS, MAX_STAGES

REPO = Path(__file__).resolve().parents[2]


def sized_map(stages: int, personas: int, cards: int) -> dict:
    ps = [{"id": f"p{i}", "name": f"Persona {i}"} for i in range(personas)]

    def stage(s: int) -> dict:
        return {
            "id": f"s{s}", "name": f"Stage {s}", "emotions": {p["id"]: 0 for p in ps},
            "actions": [f"Action {j}" for j in range(cards)],
            "thoughts": [f"Thought {j}" for j in range(cards)],
            "moments_of_truth": [f"Moment {j}" for j in range(cards)],
            "touchpoints": [{"name": f"Touchpoint {j}", "channel": "search-ads"} for j in range(cards)],
            "pain_points": [{"id": f"pp-{s}-{j}", "text": "Pain", "severity": "low", "evidence": "hypothesis"}
                            for j in range(cards)],
            "opportunities": [{"id": f"o-{s}-{j}", "text": "Fix", "addresses": [f"pp-{s}-{j}"], "impact": 1,
                               "effort": 1} for j in range(cards)],
            "kpis": [{"id": f"k-{s}-{j}", "name": "Rate", "unit": "%", "baseline": 1, "target": 2}
                     for j in range(cards)],
            "plays": [{"id": f"pl-{s}-{j}", "trigger": "a visit", "audience": "All", "channel": "search-ads",
                       "touchpoint": "Ad", "content": "Offer", "timing": "Now"} for j in range(cards)],
        }

    return {"id": "sized", "title": "Sized", "industry": "banking", "summary": "A map at its bounds.",
            "status": "as-is", "owner": "Team", "last_reviewed": "2026-11-01", "personas": ps,
            "stages": [stage(s) for s in range(stages)]}


def run_check(tmp_path: Path, data: dict, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict], Path]:
    folder = tmp_path / "maps" / "banking"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "sized.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    code = main(["check", "--site-config", str(REPO / "site_config"), "--today", "2026-11-23", "--format", "json",
                 str(path)])
    return code, json.loads(capsys.readouterr().out)["findings"], path


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(needle))


def test_the_lanes_with_cards_are_stage_lists() -> None:
    from journeymaps.model.journey import Stage

    assert CARD_LANES and all(lane in Stage.model_fields for lane in CARD_LANES)


def test_a_map_at_every_bound_passes_check_and_draws(tmp_path: Path, capsys, vocabulary) -> None:
    from journeymaps.model.journey import JourneyMap
    from journeymaps.render.diagram import stage_diagram
    from journeymaps.render.png import MAX_PIXELS, MAX_SIDE, fit_scale

    data = sized_map(MAX_STAGES, MAX_PERSONAS, MAX_CARDS_PER_LANE)
    code, findings, _ = run_check(tmp_path, data, capsys)
    assert code == 0, [f for f in findings if f["severity"] == "error"]
    svg = stage_diagram(JourneyMap.model_validate(data), vocabulary)
    w, h = (float(v) for v in __import__("re").search(r'width="([0-9.]+)" height="([0-9.]+)"', svg).groups())
    # Typical texts at every bound: drawn at full scale, within the rasteriser's limits.
    assert fit_scale(w, h, 1.0) == 1.0 and w * h <= MAX_PIXELS and max(w, h) <= MAX_SIDE


@pytest.mark.parametrize("what", ["stages", "personas", "cards"])
def test_one_past_a_bound_is_refused_at_the_list(what: str, tmp_path: Path, capsys) -> None:
    sizes = {"stages": (MAX_STAGES + 1, 1, 1), "personas": (1, MAX_PERSONAS + 1, 1),
             "cards": (2, 1, MAX_CARDS_PER_LANE + 1)}[what]
    code, findings, path = run_check(tmp_path, sized_map(*sizes), capsys)
    assert code == 1
    too_many = [f for f in findings if f["code"] == "too-many"]
    assert too_many and all(f["severity"] == "error" and f["hint"] for f in too_many)
    if what == "cards":
        assert len(too_many) == 2 * len(CARD_LANES)  # every lane of both stages
        assert any("13 actions at stage `s0`" in f["message"] for f in too_many)
        assert too_many[0]["line"] == line_of(path, "  actions:")  # the first stage's list
    else:
        assert len(too_many) == 1 and too_many[0]["line"] == line_of(path, f"{what}:")
        assert too_many[0]["col"] == 1


def test_the_ten_thousand_stage_map_of_the_issue_is_refused_quickly(tmp_path: Path, capsys) -> None:
    import time

    data = sized_map(1, 1, 0)
    data["stages"] = [{"id": f"s{i}", "name": f"Stage {i}", "emotions": {"p0": 0}} for i in range(10_000)]
    started = time.monotonic()
    code, findings, path = run_check(tmp_path, data, capsys)
    assert code == 1 and time.monotonic() - started < 60
    [f] = [f for f in findings if f["code"] == "too-many"]
    assert f["message"].startswith("10000 stages") and f["line"] == line_of(path, "stages:")


def test_export_refuses_an_oversized_map_with_the_check_finding(tmp_path: Path, capsys) -> None:
    _, _, path = run_check(tmp_path, sized_map(MAX_STAGES + 1, 1, 1), capsys)
    code = main(["export", "--site-config", str(REPO / "site_config"), str(path), "--format", "png",
                 "--out", str(tmp_path / "x.png")])
    assert code == 1 and "too-many" in capsys.readouterr().err and not (tmp_path / "x.png").exists()
    shutil.rmtree(tmp_path / "maps")
