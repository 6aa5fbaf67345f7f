"""`journeymaps check` speaks the reader's language: the same findings at the same places with
the same codes, every message, hint and summary worded from the zh or pl catalogue."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from journeymaps.cli import main
from journeymaps.words.reader import output_language

SITE_CONFIG = Path(__file__).resolve().parents[2] / "site_config"
LINE = re.compile(r"^(?P<where>[^ ]+:\d+:\d+): (?P<severity>[^\[]+)\[(?P<code>[a-z0-9-]+)\]: (?P<message>.+)$")

# Several kinds of finding from the loader, the schema and the rules: a typo'd key, text where
# a number goes, an unknown persona and channel, a score off the scale, a duplicate id, a bad
# evidence, an opportunity without pain point, a KPI without target, an old review.
MAP = """\
id: mixed
title: Opening an account
industry: banking
summary: A map with many kinds of mistake.
status: as-is
owner: Test team
last_reviewed: "2024-01-01"
personas:
  - id: ana
    name: Ana
stages:
  - id: awareness
    emotoin: 1
    emotions: {ana: 9, bob: 1}
    touchpoints:
      - {name: Search ad, channel: serch-ads}
    pain_points:
      - {id: slow, text: Slow form, severity: high, evidence: maybe}
      - {id: slow, text: Slow again, severity: high, evidence: hypothesis}
    opportunities:
      - {id: faster, text: Faster form, impact: high, effort: 2, addresses: []}
    kpis:
      - {id: ctr, name: Click-through rate, unit: "%", baseline: 1.2}
"""


def _check(capsys: pytest.CaptureFixture[str], folder: Path, *extra: str) -> tuple[int, str]:
    old = Path.cwd()
    os.chdir(folder)
    try:
        code = main(["check", "--site-config", str(SITE_CONFIG), "--today", "2026-11-23", *extra, "banking/mixed.yaml"])
    finally:
        os.chdir(old)
    return code, capsys.readouterr().out


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("JOURNEYMAPS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "banking").mkdir()
    (tmp_path / "banking" / "mixed.yaml").write_text(MAP, encoding="utf-8")
    return tmp_path


def _findings(out: str) -> list[re.Match[str]]:
    return [m for m in map(LINE.match, out.splitlines()) if m]


def _hints(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("  ")]


@pytest.mark.parametrize("lang, error, hint, summary", [
    ("zh", "错误", "  提示：", r"^\d+ 个错误，\d+ 个警告，共检查 1 个文件$"),
    ("pl", "błąd", "  wskazówka: ", r"^\d+ błęd(y|ów), \d+ ostrzeże(nie|nia|ń); sprawdzono 1 plik$"),
])
def test_check_speaks_the_language_asked_for(project: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                             error: str, hint: str, summary: str) -> None:
    en_code, en = _check(capsys, project)
    code, out = _check(capsys, project, "--lang", lang)
    assert code == en_code == 1
    ours, theirs = _findings(out), _findings(en)
    assert {m["code"] for m in theirs} == {"unknown-key", "type", "unknown-persona", "score-out-of-scale",
                                           "unknown-channel", "duplicate-id", "bad-evidence", "addresses-nothing"}, en
    # Same findings, same places, same codes; every message worded anew.
    assert [(m["where"], m["code"]) for m in ours] == [(m["where"], m["code"]) for m in theirs]
    assert all(a["message"] != b["message"] for a, b in zip(ours, theirs)), out
    assert {m["severity"] for m in ours} == {error}
    assert len(_hints(out)) == len(_hints(en)) and all(h.startswith(hint) for h in _hints(out))
    assert "hint:" not in out and re.match(summary, out.splitlines()[-1]), out.splitlines()[-1]
    if lang == "zh":  # every message carries Chinese words, not only the ids it quotes
        assert all(re.search(r"[\u4e00-\u9fff]", m["message"]) for m in ours), out
    # Ids, file names and numbers quoted in messages stay as the author wrote them.
    for a, b in zip(ours, theirs):
        assert set(re.findall(r"`([^`]+)`", b["message"])) <= set(re.findall(r"`([^`]+)`", a["message"])) | {
            "hypothesis"}, (a["message"], b["message"])


def test_english_is_the_default_and_json_keeps_it(project: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    _, en = _check(capsys, project)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    _, by_locale = _check(capsys, project)
    assert "错误[" in by_locale and by_locale != en
    _, machine = _check(capsys, project, "--format", "json")
    doc = json.loads(machine)
    first = doc["findings"][0]
    # Programs keep matching the English message; the reader's wording sits beside it.
    assert first["message"] in en and first["localized"]["lang"] == "zh"
    assert re.search(r"[\u4e00-\u9fff]", first["localized"]["message"])
    monkeypatch.setenv("JOURNEYMAPS_LANG", "en")
    assert _check(capsys, project)[1] == en


def test_an_unknown_language_is_a_usage_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = Path.cwd()
    os.chdir(project)
    try:
        code = main(["check", "--site-config", str(SITE_CONFIG), "--lang", "fr", "banking/mixed.yaml"])
    finally:
        os.chdir(old)
    assert code == 2
    assert "--lang: no wording for `fr`; choose one of en, zh, pl" in capsys.readouterr().err


@pytest.mark.parametrize("requested, environ, expected", [
    ("pl", {"JOURNEYMAPS_LANG": "zh", "LANG": "zh_CN.UTF-8"}, "pl"),
    (None, {"JOURNEYMAPS_LANG": "zh-Hans", "LANG": "pl_PL.UTF-8"}, "zh"),
    (None, {"LANG": "zh_CN.UTF-8"}, "zh"),
    (None, {"LANG": "pl_PL"}, "pl"),
    (None, {"LC_ALL": "C.UTF-8", "LANG": "pl_PL.UTF-8"}, "en"),  # LC_ALL wins, and names no catalogue
    (None, {"LC_MESSAGES": "pl_PL.UTF-8", "LANG": "zh_CN.UTF-8"}, "pl"),
    (None, {"LANG": "de_DE.UTF-8"}, "en"),
    (None, {}, "en"),
])
def test_one_function_decides_the_language(requested: str | None, environ: dict[str, str], expected: str) -> None:
    assert output_language(requested, environ) == expected


def test_usage_errors_and_command_messages_are_worded_too(project: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    code = main(["check", "--site-config", str(SITE_CONFIG), "--lang", "pl", "--today", "jutro", str(project)])
    assert code == 2
    assert capsys.readouterr().err == "journeymaps: błąd: --today: `jutro` nie jest datą; zapisz RRRR-MM-DD\n"
    # `new --lang` names the map's language, so the messages follow JOURNEYMAPS_LANG.
    monkeypatch.setenv("JOURNEYMAPS_LANG", "zh")
    code = main(["new", "--site-config", str(SITE_CONFIG), "--maps-dir", str(project), "--title", "Kredyt"])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("journeymaps：错误：请用 --industry ID 给出行业：`banking`"), err


@pytest.mark.parametrize("lang, described, limit", [
    ("zh", "添加 `stages:`（旅程的各个阶段，按顺序排列）", "最多 300 个字符"),
    ("pl", "dodaj `stages:` (etapy podróży, po kolei)", "najwyżej 300 znaków"),
])
def test_what_pydantic_reports_is_worded_in_the_language(project: Path, capsys: pytest.CaptureFixture[str],
                                                         lang: str, described: str, limit: str) -> None:
    # A missing key's hint says what the field is (the schema's description, in the reader's
    # language), and a text over its limit says the limit in words of the language.
    text = MAP.replace("stages:\n", "stages_missing:\n").replace("owner: Test team", "owner: " + "x" * 301)
    (project / "banking" / "mixed.yaml").write_text(text, encoding="utf-8")
    _, out = _check(capsys, project, "--lang", lang)
    assert described in out
    assert limit in out and "string should have" not in out
    _, out = _check(capsys, project, "--lang", "en")
    assert "add `stages:` (the stages of the journey, in order)" in out
    assert "string should have at most 300 characters" in out
