"""Build the real site once per test process (imported by tests/site and tests/browser/test_site*).

A module-level cache rather than a fixture, so the site tests and the browser tests share one
build whichever runs first.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from io import StringIO
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TODAY = "2026-11-23"
_BUILT: dict[str, Path] = {}


def built_site() -> Path:
    """The site folder of `journeymaps build` over the repository's maps (built on first use)."""
    if "site" not in _BUILT:
        _BUILT["site"] = _build(REPO / "mkdocs.yml", _workdir() / "site")
    return _BUILT["site"]


def built_site_with_picture_files() -> Path:
    """The same site with the plugin's `png: true`: Cairo draws each map's PNG and PDF poster
    into it (the default leaves them to the reader's browser)."""
    if "site-png" not in _BUILT:
        work = _workdir()
        project = copy_project(work / "project")
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert "png: false" in text, "mkdocs.yml no longer spells out the plugin's png option"
        config.write_text(text.replace("png: false", "png: true"), encoding="utf-8")
        _BUILT["site-png"] = _build(config, work / "site")
    return _BUILT["site-png"]


def _workdir() -> Path:
    work = Path(tempfile.mkdtemp(prefix="jm-site-test-"))
    atexit.register(shutil.rmtree, work, ignore_errors=True)
    return work


def _build(config: Path, out: Path) -> Path:
    from journeymaps.cli import main

    log = StringIO()
    with redirect_stdout(log), redirect_stderr(log):
        code = main(["build", "--config-file", str(config), "--out", str(out), "--today", TODAY])
    if code != 0:
        raise AssertionError(f"journeymaps build failed ({code}):\n{log.getvalue()}")
    return out


def copy_project(dest: Path, *, maps: bool = True) -> Path:
    """A throw-away copy of the project (config, vocabulary, maps) whose mkdocs.yml uses the repo's theme."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "site_config", dest / "site_config")
    if maps:
        shutil.copytree(REPO / "maps", dest / "maps")
    else:
        (dest / "maps").mkdir()
    cache = REPO / ".cache" / "journeymaps" / "png"
    if cache.is_dir():  # reuse rendered PNGs: the tests are about the site, not about Cairo's speed
        shutil.copytree(cache, dest / ".cache" / "journeymaps" / "png")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("custom_dir: theme", f"custom_dir: {REPO / 'theme'}")
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return dest
