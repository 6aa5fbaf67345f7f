"""The three output formats carry the same findings: people read text, programs JSON, GitHub annotations."""

from __future__ import annotations

import json
from pathlib import Path

from journeymaps.cli import main

CASE = Path(__file__).parent / "examples" / "negative" / "banking" / "unknown-channel.yaml"
SITE_CONFIG = str(Path(__file__).resolve().parents[2] / "site_config")


def run(capsys, fmt: str) -> tuple[int, str]:
    code = main(["check", "--site-config", SITE_CONFIG, "--today", "2026-11-23", "--format", fmt, str(CASE)])
    return code, capsys.readouterr().out


def test_json_format_lists_located_findings(capsys) -> None:
    code, out = run(capsys, "json")
    doc = json.loads(out)
    assert code == 1
    assert doc["errors"] == 1 and doc["warnings"] == 0 and doc["files"] == 1
    (finding,) = doc["findings"]
    assert (finding["line"], finding["col"], finding["code"]) == (17, 36, "unknown-channel")
    assert finding["hint"] == "did you mean `search-ads`?"


def test_github_format_is_a_workflow_annotation(capsys) -> None:
    code, out = run(capsys, "github")
    first = out.splitlines()[0]
    assert code == 1
    assert first.startswith("::error file=")
    assert ",line=17,col=36,title=journeymaps unknown-channel::unknown channel `serch-ads`" in first
    assert "(hint: did you mean `search-ads`?)" in first


def test_github_format_escapes_newlines_and_percent() -> None:
    from journeymaps.core.findings import Finding
    from journeymaps.check.report import github

    out = github([Finding("a,b:c.yaml", 1, 2, "warning", "x", "50%\nnext", None)], 1)
    assert out.splitlines()[0] == "::warning file=a%2Cb%3Ac.yaml,line=1,col=2,title=journeymaps x::50%25%0Anext"
