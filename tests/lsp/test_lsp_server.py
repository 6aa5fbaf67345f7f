"""`journeymaps lsp` driven over stdio as an editor drives it (issue 17, part 2): open, change,
diagnostics, completion, hover, definition and quick fixes; its findings are `check`'s."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lsp_client import Client, position

REPO = Path(__file__).resolve().parents[2]
TODAY = "2026-11-23"
MAP = Path("maps/banking/online-banking.yaml")


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "site_config", tmp_path / "site_config")
    shutil.copytree(REPO / "maps", tmp_path / "maps")
    return tmp_path


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "JOURNEYMAPS_"))}
    return {**env, "JOURNEYMAPS_TODAY": TODAY, "LANG": "C.UTF-8"}


@pytest.fixture()
def server(project: Path):
    client = Client([sys.executable, "-m", "journeymaps", "lsp"], project, env=_env())
    yield client
    client.close()
    assert client.stderr == b"", "normal runs are quiet"


def _broken(text: str) -> str:
    """Mistakes of every family: typos with suggestions, a score off the scale, free text as
    evidence, an impossible date, a translation that points nowhere (a cross-file finding)."""
    return (text.replace("channel: social-ads", "channel: social-adz", 1)
            .replace("emotions: {maya: 0,", "emotions: {mya: 0,", 1)
            .replace("emotions: {maya: 1, robert: 0}", "emotions: {maya: 7, robert: 0}", 1)
            .replace("addresses: [security-doubts,", "addresses: [security-doubtz,", 1)
            .replace("    goal:", "    gaol:", 1)
            .replace('last_reviewed: "2026-10-14"', 'last_reviewed: "2026-02-30"', 1)
            .replace("translations: {zh: online-banking-zh}", "translations: {zh: online-banking-cn}", 1)
            .replace("evidence: brand-tracker-2026-04", "evidence: we asked around", 1))


def _check_json(project: Path, path: Path) -> list[dict]:
    done = subprocess.run([sys.executable, "-m", "journeymaps", "check", "--format", "json", str(path)],
                          cwd=project, env=_env(), capture_output=True, text=True, timeout=120)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)["findings"]


def _as_check(d: dict, lines: list[str]) -> tuple:
    message, _, hint = d["message"].partition("\nhint: ")
    start = d["range"]["start"]
    return (start["line"] + 1, start["character"] + 1, "error" if d["severity"] == 1 else "warning",
            d["code"], message, hint or None)


def test_an_open_sample_map_is_clean(server: Client, project: Path) -> None:
    uri = server.open(project / MAP, (project / MAP).read_text(encoding="utf-8"))
    assert server.diagnostics(uri) == []


@pytest.mark.parametrize("mistakes", ["many", "cross-file"])
def test_diagnostics_are_the_findings_of_check_on_the_same_text(server: Client, project: Path, mistakes: str) -> None:
    original = (project / MAP).read_text(encoding="utf-8")
    # A map with schema errors is not compared with other maps (check's rule); a translation
    # that points nowhere is, and so is one whose original changed under it (the zh map's digest).
    text = _broken(original) if mistakes == "many" else original.replace(
        "translations: {zh: online-banking-zh}", "translations: {zh: online-banking-cn}", 1)
    uri = server.open(project / MAP, (project / MAP).read_text(encoding="utf-8"))
    assert server.diagnostics(uri) == []
    server.change(uri, text, 2)
    got = server.diagnostics(uri)
    (project / MAP).write_text(text, encoding="utf-8")  # what check reads
    expected = [(f["line"], f["col"], f["severity"], f["code"], f["message"], f["hint"]) for f in _check_json(project, MAP)]
    assert sorted(_as_check(d, text.split("\n")) for d in got) == sorted(expected)
    codes = {d["code"] for d in got}
    # Every family the issue names is there, so the comparison above compared something.
    assert codes == ({"unknown-key", "unknown-persona", "unknown-channel", "unknown-pain-point", "score-out-of-scale",
                      "bad-evidence", "value"} if mistakes == "many" else codes) and codes, codes
    if mistakes == "cross-file":
        assert any("online-banking-cn" in d["message"] for d in got)
    assert all(d["source"] == "journeymaps" for d in got)


def test_a_burst_of_keystrokes_is_checked_once_after_the_pause(server: Client, project: Path) -> None:
    text = (project / MAP).read_text(encoding="utf-8")
    uri = server.open(project / MAP, text)
    server.diagnostics(uri)
    for version, typed in enumerate(("gaol", "gaol2", "gaol3"), start=2):
        server.change(uri, text.replace("    goal:", f"    {typed}:", 1), version)
    started = time.monotonic()
    (last,) = [d for d in server.diagnostics(uri) if d["code"] == "unknown-key"]
    assert "gaol3" in last["message"]
    assert time.monotonic() - started < 2
    time.sleep(0.6)
    server.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    published = [n for n in server.notifications if n["method"] == "textDocument/publishDiagnostics"]
    assert len(published) == 2  # on open, and once for the burst


def _labels(server: Client, uri: str, text: str, needle: str) -> list[str]:
    found = server.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": position(text, needle)})
    return [item["label"] for item in found["items"]]


def test_completion_of_ids_where_they_are_referenced(server: Client, project: Path) -> None:
    text = (project / MAP).read_text(encoding="utf-8")
    # Half-typed: the new lines do not parse, and completion still works.
    text = text.replace("    emotions: {maya: 0, robert: -1}\n", "    emotions: {maya: 0, robert: -1}\n    emotions: {\n", 1)
    uri = server.open(project / MAP, text)
    assert _labels(server, uri, text, "emotions: {maya") == ["maya", "robert"]
    at = position(text, "emotions: {\n", len("emotions: {"))
    found = server.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": at})
    assert [item["label"] for item in found["items"]] == ["maya", "robert"]
    assert "search-ads" in _labels(server, uri, text, "channel: ") and "pigeon-post" not in _labels(server, uri, text, "channel: ")
    assert _labels(server, uri, text, "industry: ") == ["banking", "fashion", "fitness", "telecom"]
    at = position(text, "  - id: consideration", len("  - id: "))
    found = server.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": at})
    assert [item["label"] for item in found["items"]] == ["awareness", "consideration", "purchase", "retention", "advocacy",
                                                          "registration", "engagement", "activation"]
    pains = _labels(server, uri, text, "addresses: [")
    assert "security-doubts" in pains and "upload-rejections" in pains and "maya" not in pains
    kpis = _labels(server, uri, text, "kpis: [")
    assert "visit-to-application" in kpis and "nps" in kpis
    assert _labels(server, uri, text, "translations: {") == ["en", "zh", "pl"]
    assert _labels(server, uri, text, "translations: {zh: ") == ["fashion-store-zh", "online-banking-zh"]  # every zh map


def test_hover_and_definition_of_an_id(server: Client, project: Path) -> None:
    text = (project / MAP).read_text(encoding="utf-8")
    uri = server.open(project / MAP, text)
    at = {"textDocument": {"uri": uri}, "position": position(text, "addresses: [security-doubts", 14)}
    hover = server.request("textDocument/hover", at)["contents"]["value"]
    assert "security-doubts" in hover and "Pain point" in hover
    target = server.request("textDocument/definition", at)
    assert target["uri"] == uri and target["range"]["start"] == position(text, "- id: security-doubts", len("- id: "))

    at = {"textDocument": {"uri": uri}, "position": position(text, "channel: website", len("channel: we"))}
    assert "Website" in server.request("textDocument/hover", at)["contents"]["value"]
    target = server.request("textDocument/definition", at)
    channels = (project / "site_config" / "channels.yaml").read_text(encoding="utf-8")
    assert target["uri"] == (project / "site_config" / "channels.yaml").as_uri()
    assert target["range"]["start"] == position(channels, "- id: website", len("- id: "))

    at = {"textDocument": {"uri": uri}, "position": position(text, "zh: online-banking-zh", len("zh: on"))}
    target = server.request("textDocument/definition", at)
    assert target["uri"] == (project / "maps" / "banking" / "online-banking-zh.yaml").as_uri()


def test_quick_fix_for_every_did_you_mean(server: Client, project: Path) -> None:
    text = (project / MAP).read_text(encoding="utf-8")
    uri = server.open(project / MAP, text)
    server.diagnostics(uri)
    broken = _broken(text)
    server.change(uri, broken, 2)
    diagnostics = server.diagnostics(uri)
    suggested = [d for d in diagnostics if "did you mean" in d["message"]]
    assert len(suggested) >= 4
    actions = server.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": suggested[0]["range"],
                                                          "context": {"diagnostics": diagnostics}})
    assert len(actions) == len(suggested) and all(a["kind"] == "quickfix" for a in actions)
    lines = broken.split("\n")
    for action in actions:
        (edit,) = action["edit"]["changes"][uri]
        start, end = edit["range"]["start"], edit["range"]["end"]
        line = lines[start["line"]]
        lines[start["line"]] = line[:start["character"]] + edit["newText"] + line[end["character"]:]
    fixed = "\n".join(lines)
    server.change(uri, fixed, 3)
    assert not any("did you mean" in d["message"] for d in server.diagnostics(uri))
    assert "channel: social-ads" in fixed and "{maya: 0," in fixed and "    goal:" in fixed


def test_half_typed_yaml_never_takes_the_server_down(server: Client, project: Path) -> None:
    text = (project / MAP).read_text(encoding="utf-8")
    uri = server.open(project / MAP, text)
    server.diagnostics(uri)
    for version, cut in enumerate(range(50, len(text), max(len(text) // 25, 1)), start=2):
        partial = text[:cut] + "\n  - {id: x, channel: [\n"
        server.change(uri, partial, version)
        server.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                   "position": position(partial, "channel: [")})
        server.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 3, "character": 2}})
    server.change(uri, text + "\nextra: {id: x, channel: [\n", 100)
    # Still answering, and the broken text is reported.
    assert "yaml-syntax" in {d["code"] for d in server.diagnostics(uri, version=100)}


def test_other_open_files_are_read_as_the_editor_holds_them(server: Client, project: Path) -> None:
    zh = project / "maps" / "banking" / "online-banking-zh.yaml"
    en_text = (project / MAP).read_text(encoding="utf-8")
    zh_uri = server.open(zh, zh.read_text(encoding="utf-8"))
    assert server.diagnostics(zh_uri, version=1) == []
    en_uri = server.open(project / MAP, en_text)
    assert server.diagnostics(en_uri, version=1) == []
    assert server.diagnostics(zh_uri) == []  # re-checked with it: still clean
    # The original is renamed in the editor, not on disk: its translation now points nowhere.
    server.change(en_uri, en_text.replace("id: online-banking\n", "id: online-bank\n", 1), 2)
    server.diagnostics(en_uri, version=2)
    assert any("online-banking" in d["message"] for d in server.diagnostics(zh_uri))


def test_files_that_are_not_maps_get_no_diagnostics(server: Client, project: Path) -> None:
    channels = project / "site_config" / "channels.yaml"
    uri = server.open(channels, channels.read_text(encoding="utf-8"))
    assert server.diagnostics(uri) == []
    draft = project / "draft.yaml"  # outside maps/, but it says it is a map: judged alone, as check does
    draft.write_text("# yaml-language-server: $schema=site_config/journeymap.site.schema.json\nid: x\n", encoding="utf-8")
    uri = server.open(draft, draft.read_text(encoding="utf-8"))
    assert {d["code"] for d in server.diagnostics(uri)} == {"missing-key"}
