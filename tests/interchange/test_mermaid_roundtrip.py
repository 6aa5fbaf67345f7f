"""Export to Mermaid, import back: the stages, actions and per-persona scores are the same."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from journeymaps.interchange.mermaid_export import to_mermaid
from journeymaps.interchange.mermaid_import import import_text
from journeymaps.model.journey import JourneyMap
from journeymaps.model.resolve import effective_scale, stage_name

BASE: dict[str, Any] = {
    "id": "crafted", "title": "Crafted journey", "industry": "banking", "lang": "en",
    "summary": "A map made to stress the export.", "status": "to-be", "owner": "Test team",
    "last_reviewed": "2026-11-01",
    "personas": [{"id": "maya", "name": "Maya, the professional"}, {"id": "rob", "name": "Rob: saver; #1 #58;"}],
    "stages": [
        {"id": "awareness", "actions": ["Sees an ad"], "emotions": {"maya": 0, "rob": -2}},
        {"id": "purchase", "actions": ["Pays"], "emotions": {"maya": 2, "rob": 1}},
    ],
}

AWKWARD_TEXTS = [
    "Fees: none; really", "Issue #12; #58; stays literal", "100% sure, 50%% off", "Line one\nLine two",
    "Title search in the app", "journey planning", "Section heads", "accDescr {not a description}",
    "  leading and trailing  ", "tab\tinside", "<br> is text here", "网上银行开户", "Zażółć gęślą jaźń",
    "emoji 🙂 and ZWJ 👩‍💻", "ends with a colon:", "%% not a comment", "a}%%{b", "ﬂ°°35¶ß",
]


def _map(**changes: Any) -> JourneyMap:
    data = copy.deepcopy(BASE)
    data.update(changes)
    return JourneyMap.model_validate(data)


CRAFTED = {
    "awkward-text": _map(stages=[
        {"id": f"s{i}", "name": text.replace("\n", " ").strip() or "x", "actions": [text, text + "!"],
         "emotions": {"maya": (i % 5) - 2, "rob": 2 - (i % 5)}}
        for i, text in enumerate(AWKWARD_TEXTS)]),
    "scale-1-10": _map(emotion_scale={"min": 1, "max": 10, "low_threshold": 3,
                                      "labels": [{"value": 1, "label": "Awful"}, {"value": 10, "label": "Superb"}]},
                       stages=[{"id": f"step-{i}", "name": f"Step {i}", "actions": ["Do it"],
                                "emotions": {"maya": i, "rob": 11 - i}} for i in range(1, 11)]),
    "stage-without-actions": _map(stages=[
        {"id": "awareness", "emotions": {"maya": -1}},
        {"id": "consideration"},
        {"id": "purchase", "name": "Buying (our words)", "actions": ["Pays"], "emotions": {"rob": 2}},
    ]),
    "same-names": _map(personas=[{"id": "a", "name": "Alex"}, {"id": "b", "name": "Alex"},
                                 {"id": "c", "name": "Never scored"}, {"id": "d", "name": "Alex (b)"}],
                       stages=[{"id": "awareness", "actions": ["Looks"], "emotions": {"a": 2, "b": -2, "d": 1}}]),
    "chinese": _map(lang="zh", title="网上银行开户旅程", summary="从认知到推荐。",
                    personas=[{"id": "xiaoming", "name": "小明，忙碌的白领"}],
                    stages=[{"id": "awareness", "actions": ["看到广告：安全吗？"], "emotions": {"xiaoming": -1}},
                            {"id": "retention", "actions": ["每天使用"], "emotions": {"xiaoming": 2}}]),
    "five-personas": _map(personas=[{"id": f"p{i}", "name": f"Persona {i}"} for i in range(5)],
                          stages=[{"id": "awareness", "actions": ["A", "B"],
                                   "emotions": {f"p{i}": i - 2 for i in range(5)}}]),
    "multi-line-summary": _map(summary="First line.\nSecond line: with a colon.\n  indented third"),
}


def essentials(m: JourneyMap, vocab) -> dict[str, Any]:
    scale = effective_scale(m, vocab)
    return {
        "id": m.id, "title": m.title, "lang": m.lang, "status": m.status, "industry": m.industry,
        "scale": (scale.min, scale.max, scale.labels, scale.low_threshold),
        "personas": [(p.id, p.name) for p in m.personas],
        "stages": [(s.id, stage_name(m, s, vocab), list(s.actions), dict(s.emotions)) for s in m.stages],
    }


def round_trip(m: JourneyMap, vocab, options) -> JourneyMap:
    result = import_text(to_mermaid(m, vocab), "x.mmd", options.__class__(vocab, options.today), markdown=False)
    assert result.errors == [], result.findings
    assert [f for f in result.findings if f.severity == "warning"] == []
    assert len(result.maps) == 1
    return JourneyMap.model_validate(result.maps[0].data)


def test_every_sample_map_survives_the_round_trip(project, vocabulary, options):
    assert project.maps, "no sample maps found"
    for entry in project.maps:
        back = round_trip(entry.map, vocabulary, options)
        assert essentials(back, vocabulary) == essentials(entry.map, vocabulary), entry.display


@pytest.mark.parametrize("name", sorted(CRAFTED))
def test_crafted_map_survives_the_round_trip(name, vocabulary, options):
    m = CRAFTED[name]
    back = round_trip(m, vocabulary, options)
    assert essentials(back, vocabulary) == essentials(m, vocabulary)


def test_summary_survives_when_it_is_one_line(vocabulary, options):
    m = CRAFTED["awkward-text"]
    assert round_trip(m, vocabulary, options).summary == m.summary


def test_multi_line_summary_keeps_its_lines(vocabulary, options):
    # Mermaid trims each line of `accDescr { }`; the escaped leading spaces survive.
    back = round_trip(CRAFTED["multi-line-summary"], vocabulary, options)
    assert back.summary == "First line.\nSecond line: with a colon.\n  indented third"


def test_task_scores_are_the_mean_on_mermaids_scale(vocabulary):
    text = to_mermaid(CRAFTED["scale-1-10"], vocabulary)
    tasks = re.findall(r"^ {6}Do it: (\d): ", text, re.MULTILINE)
    # maya i and rob 11-i average 5.5 on 1..10 at every step: 1 + 4.5 * 4 / 9 = 3 on 1..5.
    assert tasks == ["3"] * 10
    first = to_mermaid(_map(), vocabulary).split("section ", 2)[1]
    assert "Sees an ad: 2: Maya#44; the professional, Rob#58; saver#59; #35;1 #35;58#59;\n" in first  # mean(0, -2) = -1 -> 2


def test_export_is_deterministic_and_fence_safe(vocabulary):
    m = CRAFTED["awkward-text"]
    assert to_mermaid(m, vocabulary) == to_mermaid(m, vocabulary)
    body = to_mermaid(m, vocabulary).splitlines()[1:]
    assert all(line.startswith("    ") for line in body), "every body line is indented 4+ so no fence can close"


def test_diagram_without_comments_imports_at_mermaids_resolution(vocabulary, options):
    plain = "\n".join(line for line in to_mermaid(CRAFTED["five-personas"], vocabulary).splitlines()
                      if not line.strip().startswith("%%"))
    result = import_text(plain, "x.mmd", options, markdown=False)
    assert result.errors == []
    (imported,) = result.maps
    # One task score per task (the mean, 3), so every persona gets 3 on the 1..5 scale.
    assert imported.data["emotion_scale"]["min"] == 1 and imported.data["emotion_scale"]["max"] == 5
    assert imported.data["stages"][0]["emotions"] == {f"persona-{i}": 3 for i in range(5)}


def test_edited_scores_win_over_a_stale_comment(vocabulary, options):
    text = to_mermaid(CRAFTED["chinese"], vocabulary)
    edited = text.replace("看到广告：安全吗？: 2:", "看到广告：安全吗？: 5:")
    assert edited != text
    result = import_text(edited, "x.mmd", options, markdown=False)
    assert [f.code for f in result.findings] == ["meta-stale"]
    stages = result.maps[0].data["stages"]
    # The map's scale (-2..2) is kept: Mermaid 5 is +2 there; the untouched stage keeps its comment.
    assert stages[0]["emotions"] == {"xiaoming": 2}
    assert stages[1]["emotions"] == {"xiaoming": 2}


DIRECTIVE = '%%{init: {"theme": "dark"}}%%'


def test_no_map_text_becomes_a_mermaid_directive(vocabulary, options) -> None:
    """Mermaid reads `%%{...}%%` anywhere, even inside a `%%` comment: our metadata comment included."""
    m = _map(title=DIRECTIVE, summary=f"{DIRECTIVE}\n{DIRECTIVE}",
             personas=[{"id": "maya", "name": DIRECTIVE}, {"id": "rob", "name": f"Rob {DIRECTIVE}"}],
             emotion_scale={"min": -2, "max": 2, "labels": [{"value": 2, "label": DIRECTIVE}]},
             stages=[{"id": "s1", "name": DIRECTIVE, "actions": [DIRECTIVE, f"%{DIRECTIVE}%"],
                      "emotions": {"maya": 1, "rob": -1}}])
    exported = to_mermaid(m, vocabulary)
    assert "%%{" not in exported and "}%%" not in exported
    (back,) = import_text(exported, "d.mmd", options, markdown=False).maps
    assert [p["name"] for p in back.data["personas"]] == [DIRECTIVE, f"Rob {DIRECTIVE}"]
    assert back.data["title"] == DIRECTIVE
    assert back.data["emotion_scale"]["labels"] == [{"value": 2, "label": DIRECTIVE}]
