"""Load a whole project (site_config + maps + guides) for builders: checked, typed, ordered.

This is the entry point the engines (MkDocs plugin, plain docs tree), the diff and the
exporters share, so they all see the maps exactly as `journeymaps check` does.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .check.runner import CheckResult, GuideEntry, MapEntry, check_paths
from .core.findings import Finding
from .load.glossary import NAME as GLOSSARY_NAME
from .load.glossary import load_glossary
from .load.site_config import load_vocabulary
from .model.glossary import Glossary
from .model.vocabulary import Vocabulary


@dataclass
class Project:
    root: Path
    vocabulary: Vocabulary | None
    maps: list[MapEntry] = field(default_factory=list)
    guides: list[GuideEntry] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    glossary: Glossary | None = None

    def errors(self, *, strict: bool = False) -> list[Finding]:
        return [f for f in self.findings if strict or f.severity == "error"]

    def map(self, map_id: str) -> MapEntry | None:
        return next((e for e in self.maps if e.map.id == map_id), None)


def load_project(root: Path, *, maps_dir: Path | None = None, site_config: Path | None = None,
                 today: _dt.date | None = None, jobs: int | None = None,
                 progress: Callable[[int, int], None] | None = None) -> Project:
    root = root.resolve()
    site_config = site_config or root / "site_config"
    vocab, findings = load_vocabulary(site_config, root)
    if vocab is None:
        return Project(root, None, findings=findings)
    glossary, glossary_findings = load_glossary(site_config, _shown(site_config / GLOSSARY_NAME, root),
                                                vocab.settings.languages)
    result: CheckResult = check_paths([maps_dir or root / "maps"], vocab, root=root, today=today, jobs=jobs,
                                      keep_models=True, progress=progress)
    maps = sorted(result.maps, key=lambda e: (e.map.industry, e.map.lang != "en", e.map.id))
    guides = sorted(result.guides, key=lambda g: (g.meta.order, g.meta.id))
    return Project(root, vocab, maps, guides, result.findings + glossary_findings, result.files, glossary)


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
