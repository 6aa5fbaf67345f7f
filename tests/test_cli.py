"""The command line as a user meets it: help, version, exit codes 0 / 1 / 2, the schema command."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from journeymaps.cli import main
from journeymaps.schema import SCHEMA_PATH

REPO = Path(__file__).resolve().parent.parent
COMMAND_MODULES = sorted(p.stem for p in (REPO / "generator" / "journeymaps" / "commands").glob("*.py") if not p.stem.startswith("_"))
LOCATED = re.compile(r"^(?P<path>[^\s:]+):(?P<line>\d+):(?P<col>\d+): error\[[a-z0-9-]+\]: ", re.M)


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def journeymaps_command() -> list[str]:
    """The console script that `pip install` put beside this Python: what the README tells users to run."""
    script = Path(sys.executable).with_name("journeymaps")
    assert script.exists(), f"no `journeymaps` console script beside {sys.executable}; run `make test`"
    return [str(script)]


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "--help")
    assert code == 0
    listed = set(re.findall(r"^    ([a-z][a-z_-]*)\s", out, re.M))
    assert {"check", "schema"} <= listed
    for module in COMMAND_MODULES:
        assert module in listed or module.replace("_", "-") in listed, f"command module {module} not in --help"
    assert "journeymaps check maps/" in out  # the help teaches a first step


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys)
    assert code == 2
    assert out.startswith("usage: journeymaps")


def test_version_is_the_package_version() -> None:
    # Through the real entry point, as a user types it.
    done = subprocess.run([*journeymaps_command(), "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"journeymaps {version('journeymaps')}"


def test_check_on_the_sample_maps_exits_0(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    code, out, _ = cli(capsys, "check", "--today", "2026-11-23", "maps/")
    assert code == 0, out
    assert re.search(r"^0 errors, \d+ warnings? in \d+ files? checked$", out, re.M), out


def test_check_on_a_broken_map_exits_1_with_its_location(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "maps" / "banking"
    folder.mkdir(parents=True)
    sample = (REPO / "maps" / "banking" / "online-banking.yaml").read_text(encoding="utf-8")
    lines = sample.splitlines(keepends=True)
    # Misspell the first stage's `goal:` key; remember where it is, 1-based.
    index = next(i for i, line in enumerate(lines) if line.lstrip().startswith("goal:"))
    col = len(lines[index]) - len(lines[index].lstrip()) + 1
    lines[index] = lines[index].replace("goal:", "gaol:", 1)
    (folder / "online-banking.yaml").write_text("".join(lines), encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    code, out, _ = cli(capsys, "check", "--site-config", str(REPO / "site_config"), "--today", "2026-11-23", "maps/")

    assert code == 1
    first = LOCATED.search(out)
    assert first, out
    assert (first["path"], int(first["line"]), int(first["col"])) == ("maps/banking/online-banking.yaml", index + 1, col)
    assert "gaol" in out and "did you mean `goal`?" in out


@pytest.mark.parametrize("argv", [["--no-such-option"], ["check", "--no-such-option"],
                                  ["check", "--format", "xml"], ["check", "--today", "yesterday"],
                                  ["no-such-command"]])
def test_usage_mistakes_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    code, _, err = cli(capsys, *argv)
    assert code == 2
    assert "error:" in err
    assert "Traceback" not in err


def test_schema_prints_the_committed_schema() -> None:
    done = subprocess.run([*journeymaps_command(), "schema"], capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout == SCHEMA_PATH.read_bytes()
    assert SCHEMA_PATH == REPO / "generator" / "journeymaps" / "schema" / "journeymap.schema.json"



def test_the_installed_package_is_journeymaps_and_nothing_named_generator(tmp_path: Path) -> None:
    # Run isolated (-I) from an empty folder so neither the checkout nor the cwd is on the path:
    # what imports is what `pip install` put into the environment.
    probe = ("import importlib.util, importlib.metadata as md; "
             "print(importlib.util.find_spec('generator') is None); "
             "print(sorted({f.parts[0] for f in md.files('journeymaps') if f.suffix == '.py'}))")
    proc = subprocess.run([sys.executable, "-I", "-c", probe], cwd=tmp_path, capture_output=True, text=True,
                          check=True)
    no_generator, top_levels = proc.stdout.splitlines()
    assert no_generator == "True"
    assert "generator" not in top_levels
    run = subprocess.run([sys.executable, "-I", "-m", "journeymaps", "--version"], cwd=tmp_path,
                         capture_output=True, text=True)
    assert run.returncode == 0 and run.stdout.strip().endswith(version("journeymaps")), run.stdout + run.stderr
