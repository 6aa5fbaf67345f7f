"""Build a pull request's preview: the site from its maps, with the base branch's code, and the comment.

    gate.judge      only maps/ changed, plain files, no symlinks?   -> refused, with reasons
    assemble        base tree (git archive) + the PR's maps/ (blobs)  -> OUT/tree
    build           `journeymaps build` of the installed base code, no secrets in its env
    diff            the semantic diff merge-base..head: the PR comment and the site's changes page

Run as ``python -m journeymaps.preview --repo DIR --base REV --head REV --out DIR``; the
workflow `.github/workflows/preview.yml` does exactly that, so the same logic is tested here.
"""

from __future__ import annotations

import datetime as _dt
import importlib.util
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import quote

from ..core.today import TODAY_ENV
from ..diff import markdown as diff_markdown
from ..diff.changes import Report
from ..diff.report import build_report
from ..diff.sides import SideError, read_git, resolve_revision, run_git
from ..load.site_config import load_vocabulary
from ..model.vocabulary import Vocabulary
from .assemble import assemble
from .changes_page import FOLDER as CHANGES_FOLDER
from .changes_page import TITLE as CHANGES_TITLE
from .changes_page import changes_files, map_href, picture_name
from .gate import judge

Status = Literal["refused", "failed", "built"]
# The only variables the build sees: no tokens (ACTIONS_RUNTIME_TOKEN could upload
# artifacts or poison caches, GITHUB_TOKEN could call the API), no proxies, no secrets.
_ENV_KEEP = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", TODAY_ENV, "SOURCE_DATE_EPOCH")
MARKER = diff_markdown.MARKER
SITE_URL_VARIABLE = "JOURNEYMAPS_SITE_URL"  # read by mkdocs.yml's site_url
_SITE_URL = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]+)?/([A-Za-z0-9._~-]+/)*")


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
                today: _dt.date | None = None, base_label: str = "base", head_label: str = "pull request",
                site_url: str | None = None) -> Outcome:
    """Build the preview into ``out``; ``site_url`` is where it will be published (links, 404 page)."""
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
    env = build_env() | ({SITE_URL_VARIABLE: check_site_url(site_url)} if site_url else {})
    proc = subprocess.run(_build_command(out / "site", today), cwd=tree, env=env, capture_output=True,
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
    pictures = _write_changes_page(out, report, vocab) if status == "built" else False
    body = diff_markdown.render(report).removeprefix(MARKER + "\n")
    return _finish(out, Outcome(status, f"{MARKER}\n{_first_lines(status, report, site_url, pictures)}\n\n{body}"))


def _write_changes_page(out: Path, report: Report, vocab: Vocabulary | None) -> bool:
    """The changes page and its pictures, into the built site; False when they could not be drawn."""
    if vocab is None:
        return False
    try:
        files = changes_files(report, vocab)
    except Exception as exc:  # noqa: BLE001 - the page is extra; the comment must still be posted
        with (out / "build.log").open("a", encoding="utf-8") as log:
            log.write(f"the changes page failed: {type(exc).__name__}: {exc}\n")
        return False
    for rel, text in files.items():
        (out / "site" / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / "site" / rel).write_text(text, encoding="utf-8", newline="\n")
    return True


def _first_lines(status: Status, report: Report, site_url: str | None, pictures: bool) -> str:
    """What the comment says first: where to look at the preview, each changed map and its emotion curves."""
    if status != "built":
        return "The preview build failed: the maps do not pass `journeymaps check` (see the check job)."
    if site_url is None:
        return "The preview site was built: download the `preview` artifact of this run."
    lines = ["### Journey map preview", "",
             f"**[Open the preview]({site_url})** · [{CHANGES_TITLE}]({site_url}{CHANGES_FOLDER}/)", ""]
    for d in report.maps:
        if d.head is None:
            continue
        title = diff_markdown.escape(d.head.title)
        lines.append(f"- [{title}]({site_url}{map_href(d.head.id)}) ({d.state})")
        if pictures and d.base is not None:
            # GitHub shows an image from a public URL inline (through its image proxy).
            lines.append(f"  ![Emotion before and after: {title}]"
                         f"({site_url}{CHANGES_FOLDER}/{quote(picture_name(d.head.id, 'emotion'))})")
    return "\n".join(lines)


def check_site_url(url: str) -> str:
    """The preview's public URL as the comment and MkDocs use it: http(s), plain characters, one final slash."""
    if not _SITE_URL.fullmatch(url):
        raise ValueError(f"not a plain http(s) URL ending in '/': {url!r}")
    return url


def _comment(refusals: list[str]) -> str:
    lines = [MARKER, "### Journey map preview", "", "Not built: this pull request cannot be previewed.", ""]
    lines += [f"- {diff_markdown.escape(r)}" for r in refusals]
    return "\n".join(lines) + "\n"


def _finish(out: Path, outcome: Outcome) -> Outcome:
    (out / "comment.md").write_text(outcome.comment, encoding="utf-8", newline="\n")
    (out / "status").write_text(outcome.status + "\n", encoding="utf-8")
    return outcome
