"""The set-up scripts: CI runs the README's command, installs come from a lock that covers every
dependency, and the set-up reinstalls when the lock changes (and only then)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parents[2]
CI = REPO / ".ci"
LOCKS = {"site": CI / "requirements-site.lock", "test": CI / "requirements-test.lock"}
_PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^ ;\\]+)")


def locked(path: Path) -> dict[str, set[Version]]:
    """name -> the versions the lock pins (two only where a marker splits them)."""
    pins: dict[str, set[Version]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if m := _PIN.match(line):
            pins.setdefault(canonicalize_name(m.group(1)), set()).add(Version(m.group(2)))
    return pins


def project() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


@pytest.mark.parametrize("script", ["setup", "run", "lock"])
def test_scripts_parse(script: str) -> None:
    proc = subprocess.run(["bash", "-n", str(CI / script)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set up and run", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", setup, re.S).group(1)
    commands = {line.split("#")[0].strip() for line in block.splitlines()}
    test_commands = [c for c in commands if "test" in c]
    assert test_commands == ["make test"]
    body = [line.strip() for line in (CI / "run").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    assert body[-1] == "exec make test"
    assert all(line.startswith(("set ", "cd ")) for line in body[:-1]), body


@pytest.mark.parametrize(("lock", "groups"), [("site", ["dependencies"]), ("test", ["dependencies", "test", "bench"])])
def test_the_lock_pins_every_dependency_within_its_range(lock: str, groups: list[str]) -> None:
    pins = locked(LOCKS[lock])
    meta = project()
    for group in groups:
        reqs = meta["dependencies"] if group == "dependencies" else meta["optional-dependencies"][group]
        for req in map(Requirement, reqs):
            name = canonicalize_name(req.name)
            assert name in pins, f"{req.name} ({group}) is not in {LOCKS[lock].name}: run `make lock`"
            for version in pins[name]:
                assert req.specifier.contains(version, prereleases=True), (
                    f"{LOCKS[lock].name} pins {name}=={version}, outside {req}: run `make lock`")


def test_every_pin_has_hashes_and_the_locks_agree() -> None:
    for path in LOCKS.values():
        blocks = re.split(r"\n(?=[A-Za-z0-9])", path.read_text(encoding="utf-8"))
        for block in blocks:
            if _PIN.match(block):
                assert "--hash=sha256:" in block, f"{path.name}: no hash for {block.splitlines()[0]}"
    site, test = locked(LOCKS["site"]), locked(LOCKS["test"])
    assert {name: site[name] for name in site} == {name: test[name] for name in site}, "run `make lock`"


def test_pyyaml_is_locked_at_the_version_the_suite_expects() -> None:
    # 6.0.4 bundles libyaml 0.2.6, whose nesting limit the hostile-YAML tests are written for.
    for path in LOCKS.values():
        assert min(locked(path)["pyyaml"]) >= Version("6.0.4"), path.name


# --- the stamp logic of .ci/setup, run against a stand-in .venv ------------------------------

FAKE_PYTHON = """#!/usr/bin/env bash
echo "$*" >> "$(dirname "$0")/../calls.log"
"""
FAKE_DPKG_QUERY = """#!/usr/bin/env bash
printf 'install ok installed'
"""


@pytest.fixture
def sandbox(tmp_path: Path) -> Path:
    """A copy of the set-up with a .venv whose python only records how it was called."""
    (tmp_path / ".ci").mkdir()
    for name in ("setup", "requirements-site.lock", "requirements-test.lock"):
        shutil.copy(CI / name, tmp_path / ".ci" / name)
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    for path, text in ((tmp_path / ".venv" / "bin" / "python", FAKE_PYTHON),
                       (tmp_path / "fakebin" / "dpkg-query", FAKE_DPKG_QUERY)):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        path.chmod(0o755)
    return tmp_path


def run_setup(root: Path, want: str) -> tuple[str, list[str]]:
    env = {**os.environ, "PATH": f"{root / 'fakebin'}:{os.environ['PATH']}", "VENV": ".venv"}
    env.pop("VERBOSE", None)
    proc = subprocess.run(["bash", str(root / ".ci" / "setup"), want], cwd=root, env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    log = root / ".venv" / "calls.log"
    calls = log.read_text().splitlines() if log.exists() else []
    log.unlink(missing_ok=True)
    return proc.stdout + proc.stderr, calls


def test_setup_installs_from_the_lock_then_the_package_without_dependencies(sandbox: Path) -> None:
    out, calls = run_setup(sandbox, "site")
    assert len(calls) == 2, calls
    assert "--require-hashes" in calls[0] and "-r .ci/requirements-site.lock" in calls[0]
    assert calls[1].endswith("--no-deps -e .")
    assert "(.venv has" not in out


def test_a_warm_setup_is_one_quiet_line_and_a_changed_lock_reinstalls(sandbox: Path) -> None:
    run_setup(sandbox, "bench")
    out, calls = run_setup(sandbox, "bench")
    assert calls == []
    assert out.strip().splitlines() == ["==> everything `make bench` needs is installed (.ci/requirements-test.lock)"]
    lock = sandbox / ".ci" / "requirements-test.lock"
    lock.write_text(lock.read_text().replace("pyyaml==", "pyyaml===", 1))
    out, calls = run_setup(sandbox, "bench")
    assert any("-r .ci/requirements-test.lock" in c for c in calls), (out, calls)
    _, calls = run_setup(sandbox, "bench")
    assert calls == []


def test_apt_waits_for_the_dpkg_lock_and_failures_say_what_to_do(sandbox: Path) -> None:
    fakebin = sandbox / "fakebin"
    (fakebin / "dpkg-query").write_text("#!/usr/bin/env bash\nprintf 'unknown ok not-installed'\n")
    (fakebin / "apt-get").write_text(f'#!/usr/bin/env bash\necho "$*" >> {sandbox}/apt.log\n'
                                     '[ "${FAIL_APT:-}" != 1 ]\n')
    (fakebin / "sudo").write_text('#!/usr/bin/env bash\n[ "$1" = -n ] && shift\nexec "$@"\n')  # when not root
    for name in ("apt-get", "sudo"):
        (fakebin / name).chmod(0o755)
    run_setup(sandbox, "site")
    update, install = (sandbox / "apt.log").read_text().splitlines()
    for call in (update, install):
        assert re.search(r"-o DPkg::Lock::Timeout=\d+", call), call
    assert update.endswith("update") and "install -y" in install and "fonts-noto-cjk" in install
    env = {**os.environ, "PATH": f"{fakebin}:{os.environ['PATH']}", "FAIL_APT": "1"}
    proc = subprocess.run(["bash", str(sandbox / ".ci" / "setup"), "site"], cwd=sandbox, env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert "another apt is still" in proc.stderr and "sudo apt-get install libcairo2" in proc.stderr
