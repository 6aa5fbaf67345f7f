"""`journeymaps build` through MkDocs: the one place the command line meets the MkDocs API."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from ..project import Project


class BuildFailed(Exception):
    """MkDocs stopped the build (strict-mode warnings, a plugin or configuration error)."""


def build(config_file: Path, site_dir: Path, project: Project, *, verbose: bool = False) -> None:
    """Build the site of ``config_file`` into ``site_dir`` from an already-checked ``project``."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from .mkdocs_plugin import JourneyMapsPlugin

    _log_to_stderr(verbose)
    try:
        config = load_config(str(config_file), site_dir=str(site_dir))
        plugin = config.plugins.get("journeymaps")
        if isinstance(plugin, JourneyMapsPlugin):
            plugin.preload(project)  # checked already: no need to load the maps twice
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as exc:  # Abort, PluginError, ConfigurationError: each carries its message
        raise BuildFailed(getattr(exc, "message", None) or str(exc)) from exc


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is at the time of the record, not at creation: the
    handler outlives one build (and, under test capture, one replaced stderr)."""

    @property  # type: ignore[override]
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def _log_to_stderr(verbose: bool) -> None:
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_journeymaps", False) for h in logger.handlers):
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler._journeymaps = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
