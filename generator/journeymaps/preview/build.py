"""Build a pull request's preview: the site from its maps, with the base branch's code, and the comment.

    gate.judge      only maps/ changed, plain files, no symlinks?   -> refused, with reasons
    assemble        base tree (git archive) + the PR's maps/ (blobs)  -> OUT/tree
    build           `journeymaps build` of the installed base code, no secrets in its env
    diff            the semantic diff merge-base..head as the PR comment (+ emotion overlays)

Run as ``python -m journeymaps.preview --repo DIR --base REV --head REV --out DIR``; the
workflow `.github/workflows/preview.yml` does exactly that, so the same logic is tested here.
"""

from __future__ import annotations

import datetime as _dt
import importlib.util
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..diff import markdown as diff_markdown
from ..diff.overlay import emotion_overlay
from ..diff.report import build_report
from ..diff.sides import SideError, read_git, resolve_revision, run_git
from ..load.site_config import load_vocabulary
from .assemble import assemble
from .gate import judge

Status = Literal["refused", "failed", "built"]
# The only variables the build sees: no tokens (ACTIONS_RUNTIME_TOKEN could upload
# artifacts or poison caches, GITHUB_TOKEN could call the API), no proxies, no secrets.
_ENV_KEEP = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "JOURNEYMAPS_TODAY", "SOURCE_DATE_EPOCH")
MARKER = diff_markdown.MARKER


@dataclass(frozen=True)
class Outcome:
    status: Status
    comment: str


def build_env() -> dict[str, str]:
    return {k: os.environ[k] for k in _ENV_KEEP if k in os.environ}


def _build_command(out: Path, today: _dt.date | None) -> list[str]:
    # -P: do not import from the tree being built; the installed (base) package does the work.
    command = "build" if importlib.util.find_spec("journeymaps.commands.build") else "check"
    args = [sys.executable, "-P", "-m", "journeymaps.cli", command]
    args += ["--out", str(out)] if command == "build" else ["maps"]
    return args + (["--today", today.isoformat()] if today else [])


def run_preview(repo: Path, base: str, head: str, out: Path, *, maps_dir: str = "maps",
                today: _dt.date | None = None, base_label: str = "base", head_label: str = "pull request") -> Outcome:
    out.mkdir(parents=True, exist_ok=True)
    base_commit, head_commit = resolve_revision(repo, base), resolve_revision(repo, head)
    if base_commit is None or head_commit is None:
        return _finish(out, Outcome("refused", _comment(["cannot find the base or the head revision"])))
    verdict = judge(repo, base_commit, head_commit, maps_dir)
    if not verdict.accepted:
        return _finish(out, Outcome("refused", _comment(list(verdict.refusals))))

    tree = out / "tree"
    assemble(repo, base_commit, head_commit, tree, maps_dir)
    (tree / maps_dir).mkdir(exist_ok=True)
    proc = subprocess.run(_build_command(out / "site", today), cwd=tree, env=build_env(), capture_output=True,
                          text=True, check=False)
    (out / "build.log").write_text(proc.stdout + proc.stderr, encoding="utf-8")
    status: Status = "built" if proc.returncode == 0 else "failed"

    try:
        merge_base = run_git(repo, "merge-base", base_commit, head_commit).decode("ascii").strip()
        vocab, _ = load_vocabulary(tree / "site_config")
        report = build_report(read_git(repo, merge_base, maps_dir, base_label),
                              read_git(repo, head_commit, maps_dir, head_label), vocab)
    except SideError as exc:
        return _finish(out, Outcome("failed", _comment([f"cannot read the maps: {exc}"])))
    overlays = out / "overlays"
    for d in report.maps:
        if d.state == "changed" and d.base is not None and d.head is not None:
            overlays.mkdir(exist_ok=True)
            try:
                svg = emotion_overlay(d.base, d.head, vocab, base_label=base_label, head_label=head_label)
            except Exception as exc:  # noqa: BLE001 - a picture is extra; the comment must still be posted
                with (out / "build.log").open("a", encoding="utf-8") as log:
                    log.write(f"overlay of {d.head.id} failed: {type(exc).__name__}: {exc}\n")
                continue
            (overlays / f"{d.head.id}.svg").write_text(svg, encoding="utf-8")
    first = ("The preview site was built: download the `preview` artifact of this run." if status == "built" else
             "The preview build failed: the maps do not pass `journeymaps check` (see the check job).")
    body = diff_markdown.render(report).removeprefix(MARKER + "\n")
    return _finish(out, Outcome(status, f"{MARKER}\n{first}\n\n{body}"))


def _comment(refusals: list[str]) -> str:
    lines = [MARKER, "### Journey map preview", "", "Not built: this pull request cannot be previewed.", ""]
    lines += [f"- {diff_markdown.escape(r)}" for r in refusals]
    return "\n".join(lines) + "\n"


def _finish(out: Path, outcome: Outcome) -> Outcome:
    (out / "comment.md").write_text(outcome.comment, encoding="utf-8", newline="\n")
    (out / "status").write_text(outcome.status + "\n", encoding="utf-8")
    return outcome
