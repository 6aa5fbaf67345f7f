"""`journeymaps import-mermaid` as a user runs it: files written, checked, never overwritten."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from journeymaps.cli import main
from journeymaps.schema import MODELINE_TARGET
from journeymaps.schema.site import SITE_SCHEMA_NAME

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[2]
SITE_CONFIG = str(REPO / "site_config")
TODAY = "2026-11-23"


def run(*args: str) -> int:
    return main(["import-mermaid", "--site-config", SITE_CONFIG, "--today", TODAY, *args])


def check(*paths: Path) -> int:
    return main(["check", "--site-config", SITE_CONFIG, "--today", TODAY, *map(str, paths)])


def _schema_of(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema="), first
    return first.removeprefix("# yaml-language-server: $schema=")


OK_FIXTURES = ["acc_multiline.md", "before_section.mmd", "blank_lines.md", "chinese.md", "comments.mmd",
               "no_title.mmd", "polish.mmd", "several.md", "tabs.mmd"]


@pytest.mark.parametrize("name", OK_FIXTURES)
def test_imported_maps_pass_the_check(name, tmp_path, capsys):
    out = tmp_path / "maps"
    assert run(str(FIXTURES / name), "--industry", "fitness", "--out", str(out)) == 0
    written = sorted(out.glob("fitness/*.yaml"))
    assert written
    printed = capsys.readouterr().out
    assert all(f"wrote {p.as_posix()}" in printed for p in written)
    # Each file's modeline leads, from where the file is, to the schema of the site it was imported for.
    assert {(p.parent / _schema_of(p)).resolve() for p in written} == {REPO / "site_config" / SITE_SCHEMA_NAME}
    assert check(*written) == 0, capsys.readouterr().out


def test_exported_sample_map_comes_back_through_the_command(project, vocabulary, tmp_path, capsys):
    from journeymaps.interchange.mermaid_export import to_mermaid

    entry = project.maps[0]
    md = tmp_path / "comment.md"
    md.write_text(f"Pasted from a review:\n\n```mermaid\n{to_mermaid(entry.map, vocabulary)}```\n", encoding="utf-8")
    out = tmp_path / "maps"
    assert run(str(md), "--out", str(out)) == 0  # the industry comes from the exported comment
    target = out / entry.map.industry / f"{entry.map.id}.yaml"
    assert target.is_file()
    assert check(target) == 0


def test_refuses_to_overwrite_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "maps"
    source = tmp_path / "two.md"
    shutil.copy(FIXTURES / "several.md", source)
    (out / "banking").mkdir(parents=True)
    (out / "banking" / "same-title-2.yaml").write_text("keep me\n", encoding="utf-8")
    assert run(str(source), "--industry", "banking", "--out", str(out)) == 1
    err = capsys.readouterr().err
    assert f"{source.as_posix()}:23:1: error[exists]: {(out / 'banking' / 'same-title-2.yaml').as_posix()} already exists" in err
    assert (out / "banking" / "same-title-2.yaml").read_text(encoding="utf-8") == "keep me\n"
    assert sorted(p.name for p in (out / "banking").iterdir()) == ["same-title-2.yaml"]


def test_refuses_an_id_used_in_another_industry_folder(tmp_path, capsys):
    out = tmp_path / "maps"
    (out / "fashion").mkdir(parents=True)
    (out / "fashion" / "tabbed-journey.yaml").write_text("x\n", encoding="utf-8")
    assert run(str(FIXTURES / "tabs.mmd"), "--industry", "banking", "--out", str(out)) == 1
    assert "fashion/tabbed-journey.yaml already exists" in capsys.readouterr().err


def test_stdout_output_and_located_errors(tmp_path, capsys):
    assert run(str(FIXTURES / "polish.mmd"), "--industry", "banking", "--out", "-") == 0
    captured = capsys.readouterr()
    # Printed, the map has no place in a project yet: the generic schema.
    assert captured.out.startswith(f"# yaml-language-server: $schema={MODELINE_TARGET}\n") and "id: zakladanie-konta-w-banku-internetowym" in captured.out
    assert run(str(FIXTURES / "scores.mmd"), "--industry", "banking", "--out", str(tmp_path)) == 1
    captured = capsys.readouterr()
    assert "scores.mmd:8:13: error[score]: the score `good` is not a number" in captured.err
    assert captured.out == "" and not any(tmp_path.iterdir())


def test_usage_mistakes(tmp_path, capsys):
    assert run(str(FIXTURES / "tabs.mmd"), "--industry", "Banking!") == 2
    assert run(str(FIXTURES / "tabs.mmd"), "--lang", "Polish") == 2
    assert run(str(tmp_path / "missing.md"), "--industry", "banking") == 1
    assert "missing.md:1:1: error[not-found]" in capsys.readouterr().err
    assert run(str(FIXTURES / "tabs.mmd"), "--out", "-") == 1  # no industry anywhere
    assert "error[industry]: the map needs an industry" in capsys.readouterr().err
