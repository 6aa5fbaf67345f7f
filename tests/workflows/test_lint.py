"""The workflows pass actionlint and zizmor, and keep the properties a reviewer relies on."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from journeymaps.load.yaml12 import parse

WORKFLOWS = Path(__file__).resolve().parents[2] / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))
_PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def tool(name: str) -> str:
    """The tool from this interpreter's environment (the test extra), else from PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.is_file() else shutil.which(name)
    if found is None:
        pytest.fail(f"`{name}` is not installed: pip install -e '.[test]'")
    return found


def load(name: str) -> dict:
    loaded = parse((WORKFLOWS / name).read_text(encoding="utf-8"))  # YAML 1.2: `on` stays a key
    assert not loaded.issues, loaded.issues
    return loaded.data


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def test_workflows_exist() -> None:
    assert [p.name for p in FILES] == ["ci.yml", "pages.yml", "preview-deploy.yml", "preview.yml"]


def test_actionlint_is_clean() -> None:
    proc = subprocess.run([tool("actionlint"), "-no-color", *map(str, FILES)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_zizmor_is_clean() -> None:
    # --offline: the audits that ask GitHub (impostor commits, known-vulnerable versions) need
    # network; the SHAs were checked when they were written. pedantic: every finding counts.
    proc = subprocess.run([tool("zizmor"), "--offline", "--persona=pedantic", "--no-progress", str(WORKFLOWS)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "No findings to report" in proc.stdout


def test_every_action_is_pinned_by_commit_sha() -> None:
    for path in FILES:
        for job in load(path.name)["jobs"].values():
            for step in steps(job):
                if "uses" in step:
                    assert _PINNED.match(step["uses"]), f"{path.name}: {step['uses']}"


def test_no_checkout_keeps_credentials() -> None:
    for path in FILES:
        for job in load(path.name)["jobs"].values():
            for step in steps(job):
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, path.name


def test_ci_runs_the_readme_test_command_and_the_map_check() -> None:
    ci = load("ci.yml")
    assert set(ci["on"]) == {"push", "pull_request", "schedule", "workflow_dispatch"}
    assert "if" not in ci["jobs"]["test"]  # the locked suite runs on every event
    runs = [s.get("run", "") for s in steps(ci["jobs"]["test"])]
    assert "make test" in runs
    assert ".venv/bin/journeymaps check --format github maps/" in runs
    readme = (WORKFLOWS.parents[1] / "README.md").read_text(encoding="utf-8")
    assert "make test" in readme


def test_a_scheduled_job_runs_the_suite_past_the_lock() -> None:
    ci = load("ci.yml")
    assert ci["on"]["schedule"], "no schedule: a break by a new release would wait for the next push"
    job = ci["jobs"]["newest"]
    assert "schedule" in job["if"] and "workflow_dispatch" in job["if"]
    runs = "\n".join(s.get("run", "") for s in steps(job))
    assert "--upgrade" in runs and "--upgrade-strategy eager" in runs and ".[test,bench]" in runs
    assert "requirements-test.lock" not in runs and "-c " not in runs  # the point is to leave the lock
    assert runs.rstrip().endswith("python -m pytest")


def test_preview_treats_the_pull_request_as_data() -> None:
    wf = load("preview.yml")
    assert set(wf["on"]) == {"pull_request"}  # never pull_request_target: no write token near PR data
    assert wf["permissions"] == {}
    build, closed = wf["jobs"]["build"], wf["jobs"]["closed"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert closed["permissions"] == {}
    assert "closed" in wf["on"]["pull_request"]["types"]  # the removal is asked for by this read-only run
    checkout = steps(build)[0]
    assert checkout["with"]["ref"] == "${{ github.event.pull_request.base.sha }}"
    text = (WORKFLOWS / "preview.yml").read_text(encoding="utf-8")
    assert "secrets." not in text
    assert "python -m journeymaps.preview" in text and '--site-url "${PAGES_URL%/}/pr-preview/pr-${PR_NUMBER}/"' in text


def test_preview_deploy_treats_the_artifact_as_data() -> None:
    wf = load("preview-deploy.yml")
    assert set(wf["on"]) == {"workflow_run"} and wf["on"]["workflow_run"]["workflows"] == ["Preview"]
    assert wf["permissions"] == {}
    job = wf["jobs"]["deploy"]
    assert job["permissions"] == {"actions": "read", "contents": "write", "pull-requests": "write"}
    assert "workflow_run.event == 'pull_request'" in job["if"]
    text = (WORKFLOWS / "preview-deploy.yml").read_text(encoding="utf-8")
    assert "secrets." not in text
    # The code that runs is the default branch's: one checkout, with no ref, and nothing installed.
    checkouts = [s for s in steps(job) if s.get("uses", "").startswith("actions/checkout@")]
    assert len(checkouts) == 1 and "ref" not in checkouts[0]["with"]
    assert not any(s.get("uses", "").startswith(("actions/setup-python@", "actions/download-artifact@"))
                   for s in steps(job))
    runs = "\n".join(s.get("run", "") for s in steps(job))
    assert "pip " not in runs and ".ci/setup" not in runs and "make " not in runs
    # Every use of the artifact goes through the checked commands, run with the standard library only.
    for command in ("unpack", "number", "comment", "preview", "remove"):
        assert f"python3 -S -P -m journeymaps.preview.deploy {command}" in runs
    assert "$RUNNER_TEMP/preview/" not in runs.replace('"$RUNNER_TEMP/preview/pr.txt"', "").replace(
        '"$RUNNER_TEMP/preview/comment.md"', "").replace('"$RUNNER_TEMP/preview/site"', "")
    # The PR number from the artifact must be the pull request whose head the run built.
    assert '[ "$head" != "$RUN_HEAD_SHA" ]' in runs


def test_pages_publishes_main_on_the_branch_with_minimal_permissions() -> None:
    wf = load("pages.yml")
    assert wf["on"]["push"]["branches"] == ["main"]
    assert wf["permissions"] == {}
    assert wf["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}
    build = {s.get("name"): s for s in steps(wf["jobs"]["build"])}["Build"]
    assert build["env"]["JOURNEYMAPS_SITE_URL"] == "${{ steps.pages.outputs.base_url }}"  # 404 under /<repo>/
    assert wf["jobs"]["deploy"]["permissions"] == {"contents": "write"}
    runs = "\n".join(s.get("run", "") for s in steps(wf["jobs"]["deploy"]))
    assert "journeymaps.preview.deploy production" in runs
    uses = [s.get("uses", "").split("@")[0] for job in wf["jobs"].values() for s in steps(job)]
    assert "actions/deploy-pages" not in uses  # it would replace the previews' folders
