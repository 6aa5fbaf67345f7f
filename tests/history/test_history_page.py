"""The site's history page of a map, from the git history the build has."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from journeymaps.pages.history import history_page
from journeymaps.pages.site import context_of
from journeymaps.project import load_project


def page_of(root: Path) -> str:
    project = load_project(root)
    (entry,) = project.maps
    return history_page(entry, context_of(project)).data().decode("utf-8")


def test_curves_kpis_and_changelog_with_commit_text_escaped(history_repo: Path) -> None:
    text = page_of(history_repo)
    assert text.count('<div class="jm-figure jm-history-curve"') == 3  # every commit moved the curve
    assert text.count("<svg ") == 3
    assert "| 2026-11-02 · `" in text and " | 1.2% | – |" in text  # KPI current values per commit
    assert text.count(" | 1% | – |") == 1
    changelog = text.split("## Changelog", 1)[1]
    assert changelog.count("\n### 2026-11-0") == 3
    assert "- Emotions: Maya at Purchase: -1 -&gt; +1, better" in changelog
    assert "- KPIs: KPI Ad click-through rate at Awareness: current 1% -&gt; 1.2%, closer to the target" in changelog
    assert "<script>" not in text and "](javascript" not in text and "&lt;script&gt;" in changelog
    assert "History shortened" not in text


def test_a_shallow_clone_says_so_on_the_page(history_repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{history_repo}", str(clone)], check=True,
                   capture_output=True)
    text = page_of(clone)
    assert "History shortened: the build has 2 commits; fetch the full history." in text
    assert "Changes unknown: the commit before it is not in this build." in text
    assert text.count("\n### 2026-11-0") == 2


def test_a_build_without_git_says_there_is_no_history(history_repo: Path, tmp_path: Path, monkeypatch) -> None:
    plain = tmp_path / "plain"
    for part in ("maps", "site_config"):
        shutil.copytree(history_repo / part, plain / part)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    text = page_of(plain)
    assert "This build has no git history for this map, so its history cannot be shown." in text
    assert "## Changelog" not in text


def test_the_pages_workflow_fetches_the_whole_history() -> None:
    import yaml

    workflow = Path(__file__).parents[2] / ".github" / "workflows" / "pages.yml"
    steps = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"]["build"]["steps"]
    (checkout,) = [s for s in steps if s.get("uses", "").startswith("actions/checkout@")]
    assert checkout["with"]["fetch-depth"] == 0  # a shallow clone would cut every history page short


def test_the_polish_sites_changelog_is_polish_and_declares_the_maps_english(history_repo: Path) -> None:
    project = load_project(history_repo)
    (entry,) = project.maps
    text = history_page(entry, context_of(project, lang="pl")).data().decode("utf-8")
    changelog = text.split("## Dziennik zmian", 1)[1]
    # The diff's phrases in Polish, the map's own text (a persona, a stage, a title) marked English.
    assert '- Emocje: <span lang="en">Maya</span>' in changelog
    assert "3 etapy" in changelog and "2 persony" in changelog and "lepiej" in changelog
    assert "better" not in changelog and "stages" not in changelog
    # The commit subject's language is not known: declared so, not claimed as Polish.
    assert '<span lang="">Rename the account map</span>' in changelog
    # The English site's page is unchanged by the Polish one built before it.
    assert "- Emotions: Maya at Purchase: -1 -&gt; +1, better" in page_of(history_repo)
