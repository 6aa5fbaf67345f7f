"""`journeymaps import-mermaid` words its findings in the reader's language (JOURNEYMAPS_LANG;
its own --lang names the diagrams' language): the same findings at the same places with the
same codes, each message and hint from the zh or pl catalogue (issue 10 section 4)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from english_labels import english_needles

from journeymaps.cli import main

SITE_CONFIG = str(Path(__file__).resolve().parents[2] / "site_config")
LINE = re.compile(r"^(?P<where>[^ ]+:\d+:\d+): (?P<severity>[^\[]+)\[(?P<code>[a-z0-9-]+)\]: (?P<message>.+)$")

# One diagram with a mistake of each kind the parser and the importer report: a line that is no
# task, a score that is no number, a `;`, a `:` in a section name, an entity code that makes no
# character, an unclosed accDescr, and (with --industry unknown) the industry.
DIAGRAM = """\
journey
  section Discover: now
    Read a review: x: Maya
    Compare plans; then pick: 3: Maya
    just words
    Bad &#0; code: 4: Maya
  accDescr {
    never closed
"""


def _run(tmp_path: Path, capsys, monkeypatch, lang: str) -> tuple[list[re.Match[str]], str]:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("JOURNEYMAPS_LANG", lang)
    tmp_path.mkdir()
    source = tmp_path / "journey.mmd"
    source.write_text(DIAGRAM, encoding="utf-8")
    assert main(["import-mermaid", "--site-config", SITE_CONFIG, "--today", "2026-11-23",
                 "--industry", "fitnes", "--out", str(tmp_path / "maps"), str(source)]) != 0
    err = capsys.readouterr().err
    assert not (tmp_path / "maps").exists() or not any((tmp_path / "maps").rglob("*.yaml"))
    return [m for m in map(LINE.match, err.splitlines()) if m], err


@pytest.mark.parametrize("lang", ["zh", "pl"])
def test_import_findings_speak_the_readers_language(tmp_path, capsys, monkeypatch, lang: str) -> None:
    english, _ = _run(tmp_path / "en", capsys, monkeypatch, "en")
    found, err = _run(tmp_path / lang, capsys, monkeypatch, lang)
    codes = {"not-a-task", "score", "semicolon", "section-colon", "entity", "acc-descr"}
    assert codes <= {m["code"] for m in english}
    # The same findings, at the same places, with the same codes ...
    assert [(m["where"].split(":", 1)[1], m["code"]) for m in found] == \
        [(m["where"].split(":", 1)[1], m["code"]) for m in english]
    # ... none of them worded in English: neither the message nor the hint.
    needles = english_needles(lang)
    words = [m["message"] for m in found] + [line for line in err.splitlines() if line.startswith("  ")]
    left = {w for text in words for w, p in needles.items() if p.search(re.sub(r"`[^`]*`", "", text))}
    assert left == set()
    assert all(m["message"] != e["message"] for m, e in zip(found, english))
