"""Reading ``site_config/``: the vocabulary and settings every map is checked against."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from ..core.findings import Finding
from ..core.phrase import phrase
from ..model.vocabulary import Vocabulary
from ..words.reader import english
from .source import read

FILES = ("stages.yaml", "channels.yaml", "industries.yaml", "emotion_scale.yaml", "settings.yaml", "research.yaml")
OPTIONAL = ("settings.yaml", "research.yaml")  # defaults / an empty register when absent


def find_site_config(start: Path) -> Path | None:
    """``site_config/`` in ``start`` or the nearest parent that has one."""
    start = start.resolve()
    for folder in (start, *start.parents):
        candidate = folder / "site_config"
        if (candidate / "stages.yaml").is_file():
            return candidate
    return None


def load_vocabulary(folder: Path, display_root: Path | None = None) -> tuple[Vocabulary | None, list[Finding]]:
    merged: dict[str, object] = {}
    findings: list[Finding] = []
    origins: dict[str, tuple[str, object]] = {}
    for name in FILES:
        path = folder / name
        display = _display(path, display_root)
        if not path.is_file():
            if name not in OPTIONAL:
                message, hint = phrase("load.missing_config", name=name), phrase("load.missing_config.hint")
                findings.append(Finding(display, 1, 1, "error", "missing-config", english(message), english(hint),
                                        text=message, hint_text=hint))
            continue
        result = read(path)
        for i in result.loaded.issues:
            findings.append(i.finding(display))
        if isinstance(result.loaded.data, dict):
            for key, value in result.loaded.data.items():
                merged[key] = value
                origins[key] = (display, result.loaded)
    if findings:
        return None, findings
    try:
        return Vocabulary.model_validate(merged), []
    except ValidationError as exc:
        for e in exc.errors(include_url=False):
            loc = tuple(e["loc"])
            display, loaded = origins.get(str(loc[0]) if loc else "", (_display(folder, display_root), None))
            line, col = loaded.where(loc) if loaded is not None else (1, 1)
            dotted = ".".join(str(p) for p in loc)
            findings.append(Finding(display, line, col, "error", "config", f"`{dotted}`: {e['msg']}", None))
        return None, findings


def _display(path: Path, root: Path | None) -> str:
    try:
        return path.resolve().relative_to((root or Path.cwd()).resolve()).as_posix()
    except ValueError:
        return path.as_posix()
