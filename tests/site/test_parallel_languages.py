"""`journeymaps build` builds the other languages' sites in forked processes beside the default
language's (issue 16): the same site, byte for byte, as building them one after the other, and a
language that fails in its process fails the build as it would in the parent."""

from __future__ import annotations

import os
from pathlib import Path

from sitebuild import TODAY

from journeymaps.cli import main
from journeymaps.engine import forked
from journeymaps.engine.mkdocs_plugin import JourneyMapsPlugin


def _build(root: Path, out: Path) -> int:
    return main(["build", "--config-file", str(root / "mkdocs.yml"), "--out", str(out), "--today", TODAY])


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_languages_built_side_by_side_give_the_same_site(project_copy, tmp_path: Path, monkeypatch) -> None:
    root = project_copy()
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert forked.available()
    started: list[str] = []
    start = forked.start
    monkeypatch.setattr(forked, "start", lambda work, label: started.append(label) or start(work, label))
    assert _build(root, tmp_path / "side-by-side") == 0
    assert started == ["the zh site", "the pl site"]
    monkeypatch.setattr(forked, "available", lambda: False)
    assert _build(root, tmp_path / "one-after-another") == 0
    side, serial = _files(tmp_path / "side-by-side"), _files(tmp_path / "one-after-another")
    assert side.keys() == serial.keys() and any(k.startswith("zh/maps/") for k in side)
    assert [k for k in side if side[k] != serial[k]] == []


def test_a_language_failing_in_its_process_fails_the_build(project_copy, tmp_path: Path, monkeypatch,
                                                           capsys) -> None:
    root = project_copy()
    out = tmp_path / "site"
    assert _build(root, out) == 0
    before = (out / "pl" / "index.html").read_bytes()
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    build_language = JourneyMapsPlugin._build_language

    def broken(self, config, ed):
        if ed.lang == "zh":
            raise RuntimeError("the zh navigation could not be drawn")
        build_language(self, config, ed)

    monkeypatch.setattr(JourneyMapsPlugin, "_build_language", broken)
    assert _build(root, out) == 1
    err = capsys.readouterr().err
    assert "the zh site: the zh navigation could not be drawn" in err
    assert (out / "pl" / "index.html").read_bytes() == before, "the last good site stays"
    assert not [p.name for p in out.parent.iterdir() if p.name.startswith("site.")]
