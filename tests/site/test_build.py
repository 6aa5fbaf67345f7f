"""`journeymaps build`: maps are checked before anything is written, the site is swapped in only
when the build succeeded, and PNGs are rendered only for maps whose picture changed."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from sitebuild import TODAY

from journeymaps.cli import main
from journeymaps.pages import build_site


def _build(root: Path, out: Path) -> int:
    return main(["build", "--config-file", str(root / "mkdocs.yml"), "--out", str(out), "--today", TODAY])


def _break_a_map(root: Path) -> tuple[str, int]:
    """Give the first stage an emotion score far outside the scale; return (file, line)."""
    path = sorted((root / "maps").glob("*/*.yaml"))[0]
    lines = path.read_text(encoding="utf-8").splitlines()
    i = next(n for n, line in enumerate(lines) if re.match(r"\s+emotions:", line))
    persona = re.search(r"\{\s*([a-z0-9-]+):", lines[i]) or re.search(r"^\s+([a-z0-9-]+):", lines[i + 1])
    if "{" in lines[i]:
        lines[i] = re.sub(r"\{.*\}", "{" + persona.group(1) + ": 99}", lines[i])
        line = i + 1
    else:
        lines[i + 1] = re.sub(r":\s*-?\d+", ": 99", lines[i + 1])
        line = i + 2
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path.relative_to(root).as_posix(), line


def _leftovers(out: Path) -> list[str]:
    if not out.parent.exists():
        return []
    return [p.name for p in out.parent.iterdir() if p.name.startswith(out.name + ".")]


def test_check_runs_first_and_nothing_is_written(project_copy, tmp_path: Path, capsys) -> None:
    root = project_copy()
    where, line = _break_a_map(root)
    out = tmp_path / "out" / "site"
    assert _build(root, out) == 1
    captured = capsys.readouterr()
    assert re.search(rf"^{re.escape(where)}:{line}:\d+: error\[", captured.out, re.M), captured.out
    assert "nothing was written" in captured.err
    assert not out.exists() and not _leftovers(out)


def test_failed_build_leaves_the_last_good_site(project_copy, tmp_path: Path, capsys) -> None:
    root = project_copy()
    out = tmp_path / "site"
    assert _build(root, out) == 0
    (out / "last-good.txt").write_text("the previous site\n")
    before = (out / "index.html").read_bytes()
    # The check passes, but MkDocs (strict, link validation raised to warn) fails on a dead link.
    guide = sorted((root / "maps" / "method").glob("*.md"))[0]
    guide.write_text(guide.read_text(encoding="utf-8") + "\nSee [a page that does not exist](missing.md).\n",
                     encoding="utf-8")
    assert _build(root, out) == 1
    err = capsys.readouterr().err
    assert "missing.md" in err and "left as it was" in err
    assert (out / "last-good.txt").is_file() and (out / "index.html").read_bytes() == before
    assert not _leftovers(out)


def test_mkdocs_build_with_a_failing_map_stops_before_cleaning(project_copy, tmp_path: Path, caplog) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    root = project_copy()
    site = tmp_path / "site"
    site.mkdir()
    (site / "keep.txt").write_text("previous build\n")
    where, _ = _break_a_map(root)
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    with pytest.raises(Abort):
        build(config)
    assert where in caplog.text and "nothing was built" in caplog.text
    assert (site / "keep.txt").is_file()


def test_by_default_no_png_or_pdf_is_drawn(project, tmp_path: Path, monkeypatch) -> None:
    from journeymaps.engine.mkdocs_plugin import JourneyMapsConfig
    from journeymaps.pages import site as site_module

    def refuse(*args, **kwargs):
        raise AssertionError("Cairo was asked to draw a picture")

    monkeypatch.setattr(site_module, "render_downloads", refuse)
    site = build_site(project, cache_dir=tmp_path / "png-cache")
    assert not [f.path for f in site.files if f.kind in ("png", "pdf")]
    assert site.png_rendered == site.pdf_rendered == 0 and not (tmp_path / "png-cache").exists()
    config = JourneyMapsConfig()  # the plugin without a `png:` line in mkdocs.yml
    config.load_dict({})
    assert not config.validate()[0] and config.png is False


def test_pngs_and_pdf_posters_are_cached_by_digest(project, tmp_path: Path) -> None:
    cache = tmp_path / "png-cache"
    first = build_site(project, png=True, cache_dir=cache)
    assert first.png_rendered == first.pdf_rendered == len(project.maps) and first.png_cached == first.pdf_cached == 0
    again = build_site(project, png=True, cache_dir=cache)
    assert again.png_rendered == again.pdf_rendered == 0
    assert again.png_cached == again.pdf_cached == len(project.maps)
    pngs = lambda site: {f.path: f.content for f in site.files if f.kind in ("png", "pdf")}  # noqa: E731
    assert pngs(again) == pngs(first)
    assert all(data.startswith(b"%PDF-") for path, data in pngs(first).items() if path.endswith(".pdf"))
    # Changing one map's picture renders that one PNG only.
    entry = project.maps[0]
    changed = dataclasses.replace(entry, map=entry.map.model_copy(update={"title": entry.map.title + " (v2)"}))
    edited = dataclasses.replace(project, maps=[changed, *project.maps[1:]])
    third = build_site(edited, png=True, cache_dir=cache)
    assert third.png_rendered == third.pdf_rendered == 1
    assert third.png_cached == third.pdf_cached == len(project.maps) - 1
