"""A cross-reference finding names the map it points at as a value (``Finding.target``), so a
consumer such as `mkdocs serve`'s single-map rebuild never parses it out of the message."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from journeymaps.cli import main

REPO = Path(__file__).resolve().parents[2]


def test_cross_reference_findings_carry_their_target(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(REPO / "site_config", tmp_path / "site_config")
    shutil.copytree(REPO / "maps", tmp_path / "maps")
    (tmp_path / "maps" / "fashion" / "fashion-store.yaml").unlink()       # guides link to it
    (tmp_path / "maps" / "banking" / "online-banking-zh.yaml").unlink()   # a translation of online-banking
    monkeypatch.chdir(tmp_path)

    main(["check", "--format", "json", "--today", "2026-11-23", "maps"])

    findings = json.loads(capsys.readouterr().out)["findings"]
    by_code: dict[str, set[str]] = {}
    for f in findings:
        by_code.setdefault(f["code"], set()).add(f.get("target"))
    # online-banking names its missing translation; fashion-store-zh and -pl name their missing original.
    assert by_code["missing-translation"] == {"online-banking-zh", "fashion-store"}
    assert by_code["unknown-map"] == {"fashion-store"}
    assert by_code["broken-link"] == {"fashion-store"}
    # A finding about a file itself carries no target, and the JSON shows none for it.
    from journeymaps.core.findings import Finding

    assert "target" not in Finding("m.yaml", 1, 1, "error", "empty", "the file holds no data").as_dict()
