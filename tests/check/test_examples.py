"""Example files, parametrised automatically: every file under examples/positive must pass
`journeymaps check --strict`; every negative case must fail with exactly the findings (and
locations) in its `.expected` file. New cases need only a file; run `pytest --update-golden`
to write its expected output, then read it before committing."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeymaps.cli import main

HERE = Path(__file__).parent / "examples"
SITE_CONFIG = Path(__file__).resolve().parents[2] / "site_config"
TODAY = "2026-11-23"
MAP_SUFFIXES = (".yaml", ".yml", ".map.md")

POSITIVE = sorted(p for p in (HERE / "positive").rglob("*") if p.name.endswith(MAP_SUFFIXES))
SINGLE = sorted(p for p in (HERE / "negative").glob("*/*") if p.parent.name != "_multi" and p.name.endswith(MAP_SUFFIXES))
MULTI = sorted(p for p in (HERE / "negative" / "_multi").iterdir() if p.is_dir())
# Cases whose findings are warnings only: they pass by default and fail under --strict.
WARNING_ONLY = {"warnings-quality.yaml", "pain-status.yaml", "one-way-translation", "stale-translation"}


def run_check(capsys: pytest.CaptureFixture[str], cwd: Path, target: str, *extra: str) -> tuple[int, str]:
    import os

    old = Path.cwd()
    os.chdir(cwd)
    try:
        code = main(["check", "--site-config", str(SITE_CONFIG), "--today", TODAY, *extra, target])
    finally:
        os.chdir(old)
    return code, capsys.readouterr().out


def test_there_are_enough_negative_cases() -> None:
    assert len(SINGLE) + len(MULTI) >= 40


@pytest.mark.parametrize("path", POSITIVE, ids=lambda p: p.name)
def test_positive_examples_pass_strict(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_check(capsys, path.parent.parent, f"{path.parent.name}/{path.name}", "--strict")
    assert code == 0, out
    assert out.startswith("0 errors, 0 warnings")


@pytest.mark.parametrize("path", SINGLE, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_negative_example(path: Path, capsys: pytest.CaptureFixture[str], golden) -> None:
    code, out = run_check(capsys, path.parent.parent, f"{path.parent.name}/{path.name}")
    _assert_case(path.name, code, out)
    golden(path.with_name(path.name + ".expected"), out)


@pytest.mark.parametrize("case", MULTI, ids=lambda p: p.name)
def test_negative_multi_file_case(case: Path, capsys: pytest.CaptureFixture[str], golden) -> None:
    code, out = run_check(capsys, case, ".")
    _assert_case(case.name, code, out)
    golden(case / "expected.txt", out)


def _assert_case(name: str, code: int, out: str) -> None:
    first = out.splitlines()[0]
    # Every finding names file:line:col; the file is never just "1:1" when a better place exists.
    assert ":" in first and ("error[" in first or "warning[" in first), out
    assert "Traceback" not in out
    assert code == (0 if name in WARNING_ONLY else 1), out


@pytest.mark.parametrize("name", sorted(WARNING_ONLY))
def test_warnings_fail_under_strict(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    single = HERE / "negative" / "banking" / name
    if single.exists():
        code, out = run_check(capsys, single.parent.parent, f"banking/{name}", "--strict")
    else:
        code, out = run_check(capsys, HERE / "negative" / "_multi" / name, ".", "--strict")
    assert code == 1
    assert "warning[" not in out and "error[" in out
