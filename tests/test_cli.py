"""The command line as a user meets it: help, version, exit codes 0 / 1 / 2, the schema command."""

from __future__ import annotations

import os
import re
import shutil
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


# --- one rule for finding site_config/ (issue 9, section 2) --------------------------------

def _project(tmp_path: Path) -> tuple[Path, Path]:
    """A project (site_config/ + maps/banking/savings.yaml) and a folder outside it with a draft."""
    from tests.check.test_project_context import map_text

    root = tmp_path / "proj"
    shutil.copytree(REPO / "site_config", root / "site_config")
    (root / "maps" / "banking").mkdir(parents=True)
    (root / "maps" / "banking" / "savings.yaml").write_text(map_text("savings"), encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "draft.yaml").write_text(map_text("draft"), encoding="utf-8")
    return root, outside


def _run(cwd: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*journeymaps_command(), *argv], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "JOURNEYMAPS_TODAY": "2026-11-23"})


def test_every_command_finds_site_config_above_the_current_directory_for_a_file_outside(tmp_path: Path) -> None:
    root, outside = _project(tmp_path)
    (outside / "flow.mmd").write_text("journey\n  title Flow\n  section Look\n    Browse: 3: Ana\n", encoding="utf-8")
    draft = (outside / "draft.yaml").read_text(encoding="utf-8")
    for side, text in (("old", draft), ("new", draft.replace("{ana: 0}", "{ana: 2}"))):
        (outside / side).mkdir()
        (outside / side / "draft.yaml").write_text(text, encoding="utf-8")
    runs = {
        "check": _run(root, "check", str(outside / "draft.yaml")),
        "export": _run(root, "export", str(outside / "draft.yaml"), "--format", "json"),
        "diff": _run(root / "maps", "diff", str(outside / "old"), str(outside / "new")),
        "import-mermaid": _run(root, "import-mermaid", str(outside / "flow.mmd"), "--industry", "banking", "--out", "-"),
        "new": _run(root / "maps" / "banking", "new", "--industry", "banking", "--title", "Loans"),
    }
    for name, done in runs.items():
        assert "site_config" not in done.stderr and "Traceback" not in done.stderr, (name, done.stderr)
        assert done.returncode in (0, 1), (name, done.returncode, done.stderr)
    assert runs["export"].returncode == 0 and '"id": "draft"' in runs["export"].stdout
    assert "Ana at Awareness" in runs["diff"].stdout  # stage names come from the vocabulary
    assert runs["new"].returncode == 0 and (root / "maps" / "banking" / "loans.yaml").is_file()


def test_every_command_finds_site_config_above_the_file_from_anywhere(tmp_path: Path) -> None:
    root, outside = _project(tmp_path)
    target = root / "maps" / "banking" / "savings.yaml"
    (root / "flows").mkdir()
    (root / "flows" / "flow.mmd").write_text("journey\n  title Flow\n  section Look\n    Browse: 3: Ana\n",
                                             encoding="utf-8")
    runs = {
        "check": _run(outside, "check", str(target)),
        "export": _run(outside, "export", str(target), "--format", "json"),
        "import-mermaid": _run(outside, "import-mermaid", str(root / "flows" / "flow.mmd"), "--industry", "banking",
                               "--out", "-"),
        "new": _run(outside, "new", "--from", str(target), "--lang", "pl"),
        "diff": _run(outside, "diff", str(root), str(root)),
    }
    for name, done in runs.items():
        assert done.returncode == 0, (name, done.stdout, done.stderr)
    assert (root / "maps" / "banking" / "savings-pl.yaml").is_file()


def test_site_config_option_wins_over_the_nearest_folder(tmp_path: Path) -> None:
    from journeymaps.commands import site_config_dir

    root, outside = _project(tmp_path)
    assert site_config_dir(None, root / "maps" / "banking" / "savings.yaml").resolve() == root / "site_config"
    assert site_config_dir(outside / "cfg", root / "maps" / "banking" / "savings.yaml") == outside / "cfg"
    done = _run(root, "check", "--site-config", str(outside / "cfg"), "maps/")
    assert done.returncode == 1 and "outside/cfg/stages.yaml" in done.stdout + done.stderr


def test_without_any_site_config_the_message_says_what_to_do(tmp_path: Path) -> None:
    _, outside = _project(tmp_path)
    done = _run(outside, "check", "draft.yaml")
    assert done.returncode == 2
    assert "no `site_config/` folder found" in done.stderr and "--site-config DIR" in done.stderr
    assert "Traceback" not in done.stderr
