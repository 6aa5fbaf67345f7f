"""The diff output shown in the README is what `journeymaps diff` prints for that change."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from journeymaps.diff import diff
from journeymaps.diff import text as text_report



def git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)

EDITS = [
    ("    emotions: {maya: -1, robert: -2}", "    emotions: {maya: 0, robert: -1}"),
    ("a third of those applicants never return.\n        severity: critical",
     "a third of those applicants never return.\n        severity: high"),
    ("        status: piloting\n        owner: Onboarding squad", "        status: shipped\n        owner: Onboarding squad"),
    ("        impact: 2\n        effort: 1\n        status: idea\n        owner: Payments team",
     "        impact: 3\n        effort: 1\n        status: idea\n        owner: Payments team"),
    ("baseline: 71, target: 90, target_date: \"2027-03-31\"}", "baseline: 71, target: 92, target_date: \"2027-03-31\"}"),
    ("{name: Welcome email with next steps, channel: email,", "{name: Welcome email with next steps, channel: push,"),
]


def test_readme_diff_output_is_real(tmp_path: Path, repo: Path, vocabulary) -> None:
    readme = (repo / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Review a journey change", 1)[1]
    shown = re.search(r"```text\n(.*?)```", section, re.S).group(1)

    r = tmp_path / "r"
    r.mkdir()
    git(r, "init", "-q", "-b", "main")
    shutil.copytree(repo / "maps", r / "maps")
    git(r, "add", "-A")
    git(r, "commit", "-qm", "base")
    git(r, "checkout", "-qb", "guided-capture")
    path = r / "maps" / "banking" / "online-banking.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in EDITS:
        assert old in text, f"the sample map changed; update the README example: {old!r}"
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    git(r, "commit", "-qam", "guided capture shipped")

    actual = text_report.render(diff("main", "guided-capture", vocab=vocabulary, cwd=r))
    # The unchanged count grows with every new sample map; the rest must match exactly.
    drop_count = lambda s: [line for i, line in enumerate(s.splitlines()) if i != 1]  # noqa: E731
    assert drop_count(actual) == drop_count(shown)
