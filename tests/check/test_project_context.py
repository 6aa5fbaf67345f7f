"""`journeymaps check FILE` judges the file in its project, and every command finds the same
`site_config/` (issue 9, section 2). Projects are made in tmp_path so the sample content can
change without silencing these tests."""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest

from journeymaps.cli import main

REPO = Path(__file__).resolve().parents[2]
TODAY = "2026-11-23"


def map_text(map_id: str, *, lang: str = "en", translations: dict[str, str] | None = None,
             based_on: str | None = None, status: str = "as-is", industry: str = "banking") -> str:
    extra = ""
    if translations:
        extra += "translations:\n" + "".join(f"  {k}: {v}\n" for k, v in translations.items())
    if based_on:
        extra += f"based_on: {based_on}\n"
    return textwrap.dedent(f"""\
        id: {map_id}
        title: Map {map_id}
        industry: {industry}
        lang: {lang}
        summary: One stage, one persona.
        status: {status}
        owner: Test team
        last_reviewed: "2026-11-01"
        """) + extra + textwrap.dedent("""\
        personas:
          - id: ana
            name: Ana
        stages:
          - id: awareness
            emotions: {ana: 0}
            touchpoints:
              - {name: Search ad, channel: search-ads}
        """)


@pytest.fixture
def proj(tmp_path: Path) -> Path:
    """A project: site_config/ and a maps folder with a translated pair."""
    root = tmp_path / "proj"
    shutil.copytree(REPO / "site_config", root / "site_config")
    banking = root / "maps" / "banking"
    banking.mkdir(parents=True)
    (banking / "savings.yaml").write_text(map_text("savings", translations={"zh": "savings-zh"}), encoding="utf-8")
    (banking / "savings-zh.yaml").write_text(map_text("savings-zh", lang="zh", translations={"en": "savings"}),
                                            encoding="utf-8")
    return root


def check(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, cwd: Path,
          *argv: str) -> tuple[int, str]:
    monkeypatch.chdir(cwd)
    code = main(["check", "--today", TODAY, *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out + err


def test_a_translation_checked_alone_finds_its_original(proj, capsys, monkeypatch) -> None:
    code, out = check(capsys, monkeypatch, proj, "maps/banking/savings-zh.yaml")
    assert code == 0, out
    # Its original is found: no missing link, only the note that it records no source_digest yet.
    assert "missing-translation" not in out
    assert "this translation of `savings` records no `source_digest`" in out
    assert out.strip().endswith("0 errors, 1 warning in 1 file checked")


def test_checked_alone_from_anywhere_the_file_finds_its_project(proj, tmp_path, capsys, monkeypatch) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code, out = check(capsys, monkeypatch, elsewhere, str(proj / "maps" / "banking" / "savings-zh.yaml"))
    assert code == 0, out
    code, out = check(capsys, monkeypatch, proj / "maps" / "banking", "savings-zh.yaml")
    assert code == 0, out


def test_only_the_named_files_are_reported(proj, capsys, monkeypatch) -> None:
    (proj / "maps" / "banking" / "broken.yaml").write_text(map_text("broken") + "oops: 1\n", encoding="utf-8")
    code, out = check(capsys, monkeypatch, proj, "maps/banking/savings.yaml")
    assert code == 0, out
    assert "broken" not in out
    code, out = check(capsys, monkeypatch, proj, "maps/")
    assert code == 1 and "maps/banking/broken.yaml:" in out and "3 files checked" in out


def test_a_missing_translation_is_found_and_the_hint_never_names_the_file_itself(proj, capsys, monkeypatch) -> None:
    (proj / "maps" / "banking" / "savings.yaml").unlink()
    code, out = check(capsys, monkeypatch, proj, "maps/banking/savings-zh.yaml")
    assert code == 1
    assert "maps/banking/savings-zh.yaml:" in out and "error[missing-translation]" in out
    assert "`savings-zh`" not in out.split("hint:", 1)[1], out
    assert "journeymaps new --from savings-zh --lang en" in out


def test_based_on_resolves_against_the_project(proj, capsys, monkeypatch) -> None:
    (proj / "maps" / "banking" / "savings-to-be.yaml").write_text(
        map_text("savings-to-be", status="to-be", based_on="savings"), encoding="utf-8")
    code, out = check(capsys, monkeypatch, proj, "maps/banking/savings-to-be.yaml")
    assert code == 0, out
    (proj / "maps" / "banking" / "savings-to-be.yaml").write_text(
        map_text("savings-to-be", status="to-be", based_on="savingz"), encoding="utf-8")
    code, out = check(capsys, monkeypatch, proj, "maps/banking/savings-to-be.yaml")
    assert code == 1 and "error[unknown-map]" in out and "did you mean `savings`?" in out


def test_a_duplicate_id_is_reported_whichever_copy_is_checked(proj, capsys, monkeypatch) -> None:
    # "a-copy" sorts before "savings.yaml": the named file is the first of the two.
    (proj / "maps" / "banking" / "a-copy.yaml").write_text(map_text("savings"), encoding="utf-8")
    for name in ("a-copy.yaml", "savings.yaml"):
        code, out = check(capsys, monkeypatch, proj, f"maps/banking/{name}")
        assert code == 1, out
        assert re.search(rf"^maps/banking/{re.escape(name)}:\d+:\d+: error\[duplicate-map-id\]", out, re.M), out


def test_a_guide_checked_alone_resolves_its_links(proj, capsys, monkeypatch) -> None:
    method = proj / "maps" / "method"
    method.mkdir()
    (method / "interviews.md").write_text(
        "---\nid: interviews\ntitle: Interviews\nsummary: How to interview.\norder: 1\nmaps: [savings]\n---\n\nSee [the map](map:savings#awareness).\n",
        encoding="utf-8")
    code, out = check(capsys, monkeypatch, proj, "maps/method/interviews.md")
    assert code == 0, out
    (method / "interviews.md").write_text(
        "---\nid: interviews\ntitle: Interviews\nsummary: How to interview.\norder: 1\nmaps: [savings]\n---\n\nSee [the map](map:savings#nowhere).\n",
        encoding="utf-8")
    code, out = check(capsys, monkeypatch, proj, "maps/method/interviews.md")
    assert code == 1 and "map `savings` has no stage `nowhere`" in out


def test_a_draft_outside_the_maps_folder_is_judged_alone(proj, capsys, monkeypatch) -> None:
    # Run from the project root: site_config/ is found above the current directory.
    (proj / "draft.yaml").write_text(map_text("savings"), encoding="utf-8")
    code, out = check(capsys, monkeypatch, proj, "draft.yaml")
    assert "duplicate-map-id" not in out and "no `site_config/`" not in out
    assert "error[wrong-folder]" in out  # placement is still told


def _findings_by_file(out: str) -> dict[str, list[str]]:
    by: dict[str, list[str]] = {}
    for line in out.splitlines():
        m = re.match(r"^([^\s:]+):\d+:\d+: ", line)
        if m:
            by.setdefault(m.group(1), []).append(line)
    return by


def test_every_repository_map_checked_alone_says_what_the_whole_check_says(capsys, monkeypatch) -> None:
    code, whole = check(capsys, monkeypatch, REPO, "maps/")
    expected = _findings_by_file(whole)
    files = sorted(p for p in (REPO / "maps").rglob("*") if p.suffix in (".yaml", ".yml", ".md") and p.is_file())
    assert files
    for path in files:
        rel = path.relative_to(REPO).as_posix()
        code, out = check(capsys, monkeypatch, REPO, rel)
        assert _findings_by_file(out) == ({rel: expected[rel]} if rel in expected else {}), out
        assert code == (1 if any("error[" in f for f in expected.get(rel, [])) else 0), out


def test_the_examples_in_check_help_work(capsys, monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    assert main(["check", "--help"]) == 0
    help_text = capsys.readouterr().out
    examples = re.findall(r"^\s+journeymaps (check [^#\n]*?)\s*(?:#.*)?$", help_text, re.M)
    assert len(examples) >= 3, help_text
    for example in examples:
        code, out = check(capsys, monkeypatch, REPO, *example.split()[1:])
        assert code == 0, f"`journeymaps {example}`:\n{out}"


def test_the_next_step_printed_by_new_lang_passes(proj, capsys, monkeypatch) -> None:
    monkeypatch.chdir(proj)
    code = main(["new", "--from", "savings", "--lang", "pl", "--today", TODAY])
    out = capsys.readouterr().out
    assert code == 0, out
    step = re.search(r"^then: journeymaps (check \S+)", out, re.M)
    assert step, out
    code, out = check(capsys, monkeypatch, proj, *step.group(1).split()[1:])
    assert code == 0, out
