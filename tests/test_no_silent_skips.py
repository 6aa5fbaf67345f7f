"""A green run means the tests ran: every skip in tests/ goes through tests/needs.py, which fails
under CI instead of skipping, and no test skips because the sample content lacks something."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
SKIPS = re.compile(r"pytest\.(skip|importorskip)\(|mark\.skip(if)?\b|\bxfail\b")
# Skips that are not about a missing tool or missing content, each with why it may stay.
ALLOWED = {
    ("needs.py", "pytest.skip("): "the one place that decides: skip on a developer machine, fail under CI",
    ("pages_golden/test_pages_golden.py", "pytest.skip("): "only with --update-golden, after rewriting the folder",
}


def test_every_skip_goes_through_the_shared_helper() -> None:
    found, used = [], set()
    for path in sorted(TESTS.rglob("*.py")):
        rel = path.relative_to(TESTS).as_posix()
        if "node_modules" in rel or path == Path(__file__).resolve():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if (m := SKIPS.search(line)) and (rel, m.group(0)) not in ALLOWED:
                found.append(f"tests/{rel}:{number}: {line.strip()}")
            elif m:
                used.add((rel, m.group(0)))
    assert not found, "use needs.need / needs.need_module (they fail under CI):\n" + "\n".join(found)
    assert set(ALLOWED) <= used, f"allowances nothing uses any more (remove them): {sorted(set(ALLOWED) - used)}"


def _run_a_test_that_needs_frob(tmp_path: Path, ci: str | None) -> subprocess.CompletedProcess:
    (tmp_path / "test_x.py").write_text("from needs import need\n\n"
                                        "def test_a():\n    need(False, 'frob is missing', 'apt install frob')\n")
    env = {k: v for k, v in os.environ.items() if k != "CI"} | {"PYTHONPATH": str(TESTS)}
    if ci is not None:
        env["CI"] = ci
    return subprocess.run([sys.executable, "-m", "pytest", "-rs", "-p", "no:cacheprovider", str(tmp_path)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)


def test_the_helper_fails_under_ci_and_skips_elsewhere(tmp_path: Path) -> None:
    ci = _run_a_test_that_needs_frob(tmp_path, "true")
    assert ci.returncode == 1 and "1 failed" in ci.stdout
    assert "frob is missing (CI=true: a test may not be skipped for it; apt install frob)" in ci.stdout
    local = _run_a_test_that_needs_frob(tmp_path, None)
    assert local.returncode == 0 and "1 skipped" in local.stdout
    assert "frob is missing; apt install frob" in local.stdout
