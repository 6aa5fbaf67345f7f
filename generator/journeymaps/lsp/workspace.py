"""The project an open document belongs to: its ``site_config/``, its maps, and the check of
the editor's text in it, as ``journeymaps check`` would judge the same text on disk."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..check.runner import check_paths
from ..core.findings import Finding
from ..load.site_config import FILES, find_site_config, load_vocabulary
from ..load.source import classify, discover, read, read_text_bytes
from ..load.yaml12 import Loaded
from ..model.vocabulary import Vocabulary


# A draft outside maps/ is checked when its modeline names a journey-map schema.
_SCHEMA_MODELINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=\S*journeymap[.\w-]*\.schema\.json", re.MULTILINE)


@dataclass(frozen=True)
class MapInfo:
    id: str
    title: str
    lang: str
    path: Path
    position: tuple[int, int]  # of its `id` value


def _stamp(paths: list[Path]) -> tuple[tuple[str, int], ...]:
    out = []
    for p in paths:
        try:
            out.append((str(p), p.stat().st_mtime_ns))
        except OSError:
            out.append((str(p), -1))
    return tuple(out)


@dataclass
class Project:
    """One ``site_config/`` and the maps beside it; files re-read only when they change on disk."""

    site_config: Path
    _vocab: tuple[Any, Vocabulary | None, list[Finding]] | None = None
    _maps: dict[Path, tuple[int, MapInfo | None]] = field(default_factory=dict)
    _config_files: dict[str, tuple[int, Loaded]] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        return self.site_config.parent

    @property
    def maps_dir(self) -> Path:
        return self.root / "maps"

    def vocabulary(self) -> tuple[Vocabulary | None, list[Finding]]:
        stamp = _stamp([self.site_config / name for name in FILES])
        if self._vocab is None or self._vocab[0] != stamp:
            vocab, findings = load_vocabulary(self.site_config, self.root)
            self._vocab = (stamp, vocab, findings)
        return self._vocab[1], self._vocab[2]

    def config_file(self, name: str) -> Loaded:
        """A ``site_config`` file parsed with positions, for go-to-definition."""
        path = self.site_config / name
        mtime = _stamp([path])[0][1]
        cached = self._config_files.get(name)
        if cached is None or cached[0] != mtime:
            cached = (mtime, read(path).loaded)
            self._config_files[name] = cached
        return cached[1]

    def maps(self) -> list[MapInfo]:
        """Every map of the project with its id, title and language (unreadable ones left out)."""
        sources = [s for s in discover([self.maps_dir])[0] if s.kind == "map"] if self.maps_dir.is_dir() else []
        out = []
        for s in sources:
            path = s.path.resolve()
            mtime = _stamp([path])[0][1]
            cached = self._maps.get(path)
            if cached is None or cached[0] != mtime:
                cached = (mtime, _map_info(path, read(path).loaded))
                self._maps[path] = cached
            if cached[1] is not None:
                out.append(cached[1])
        return out

    def checks(self, path: Path, text: str) -> bool:
        """Whether the editor's file is one ``check`` judges: a map or guide under ``maps/``, or a
        draft elsewhere that names the map schema (never mkdocs.yml, site_config/, workflows)."""
        if classify(path) is None:
            return False
        return self.maps_dir.resolve() in path.resolve().parents or _SCHEMA_MODELINE.search(text) is not None

    def check(self, path: Path, text: str, today: _dt.date, open_texts: Mapping[Path, str] = {}) -> list[Finding]:
        """The findings ``journeymaps check`` reports for ``path`` holding ``text``; other files
        the editor has open are read as the editor holds them."""
        vocab, findings = self.vocabulary()
        if vocab is None:
            return findings
        inside = self.maps_dir.resolve() in path.resolve().parents
        texts = {**{p.resolve(): t for p, t in open_texts.items()}, path.resolve(): text}
        result = check_paths([path], vocab, root=self.root, today=today, jobs=1,
                             context=[self.maps_dir] if inside else [], texts=texts)
        return result.findings


def _map_info(path: Path, loaded: Loaded) -> MapInfo | None:
    data = loaded.data
    if not isinstance(data, dict) or not isinstance(data.get("id"), str):
        return None
    return MapInfo(data["id"], str(data.get("title", "")), str(data.get("lang", "en")), path, loaded.where(("id",)))


def parse_text(path: Path, text: str) -> Loaded:
    """The editor's text parsed as the checker parses a file (positions included)."""
    return read_text_bytes(text.encode("utf-8", "surrogateescape"), markdown=path.name.endswith(".md")).loaded


# How many times a half-typed text is retried with the lines around a syntax error blanked.
_REPAIRS = 8


def parse_leniently(path: Path, text: str) -> Loaded | None:
    """The editor's text parsed as far as it can be: where YAML stops at a half-typed line, that
    line and the one before it are blanked (line numbers kept) and the rest is parsed again, so
    ids defined elsewhere in the map stay known while the author types."""
    lines = text.split("\n")
    for _ in range(_REPAIRS):
        loaded = parse_text(path, "\n".join(lines))
        if isinstance(loaded.data, dict):
            return loaded
        rows = {i.line - 1 for i in loaded.issues if i.line >= 1}
        blank = {r for row in rows for r in (row - 1, row) if 0 <= r < len(lines) and lines[r].strip()}
        if not blank:
            return None
        for r in blank:
            lines[r] = ""
    return None


def project_of(path: Path, projects: dict[Path, Project]) -> Project | None:
    """The project whose ``site_config/`` is nearest above ``path`` (one object per project)."""
    folder = find_site_config(path.parent)
    if folder is None:
        return None
    return projects.setdefault(folder, Project(folder))

