"""Check many files: read, validate and apply rules per file (in parallel), then across files."""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from .context_cache import ContextCache
from ..core.findings import Finding
from ..load.source import Source, discover, read_source
from ..model.journey import JourneyMap
from ..model.vocabulary import Vocabulary
from .guide_translations import check_guide_translations
from .kpi_series import with_csv
from .rules import MapSummary, RuleContext, check_across, check_map
from .translations import check_stale
from ..model.translation import original_of
from ..core.phrase import phrase
from .hints import suggestion
from .worded import finding
from .validate import PLACEHOLDER, finding_from_error, validate_leniently

if TYPE_CHECKING:
    from ..model.guide import GuideMeta

# Below this many files a process pool costs more to start than it saves.
PARALLEL_THRESHOLD = 64
CHUNK = 32

_LINK = re.compile(r"\]\(\s*<?(map|guide):([^)\s>#]*)(?:#([^)\s>]*))?>?\s*\)")


@dataclass(frozen=True)
class MapEntry:
    path: Path
    display: str
    map: JourneyMap


@dataclass(frozen=True)
class GuideEntry:
    path: Path
    display: str
    meta: GuideMeta
    body: str
    map_positions: tuple[tuple[int, int], ...] = ()
    body_line: int = 1  # file line of the body's first line, to locate links in it
    # Where front matter keys sit: "order", "maps", "id", "translations", "source_digest", "translations.<lang>".
    where: dict[str, tuple[int, int]] = field(default_factory=dict, compare=False)

    def pos(self, key: str) -> tuple[int, int]:
        return self.where.get(key, (1, 1))


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    maps: list[MapEntry] = field(default_factory=list)
    guides: list[GuideEntry] = field(default_factory=list)
    files: int = 0

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]


@dataclass(frozen=True)
class _FileOutcome:
    findings: list[Finding]
    map: JourneyMap | None
    summary: MapSummary | None
    guide: GuideEntry | None
    # The id of a map that failed validation: other maps' links to it are not "missing".
    invalid_id: str | None = None


class Folders:
    """The folders of one run, each resolved once and its shown form worked out once: a thousand
    maps share three folders, and resolving every file's path cost a one-file check 20 ms."""

    def __init__(self, root: Path):
        self.root = root.resolve()
        self._real: dict[str, str] = {}
        self._shown: dict[str, str | None] = {}

    def real(self, path: Path) -> str:
        """``str(path.resolve())``; a symlink is resolved itself, any other file through its folder."""
        text = str(path)
        if os.path.islink(text):
            return str(path.resolve())
        folder, name = os.path.split(text)
        if folder not in self._real:
            self._real[folder] = str(Path(folder).resolve())
        return os.path.join(self._real[folder], name)

    def shown(self, path: Path) -> str:
        folder, name = os.path.split(str(path))
        if folder not in self._shown:
            # The folder resolved, not the file: a symlink is shown by its own name, not its target's.
            try:
                self._shown[folder] = Path(folder).absolute().resolve().relative_to(self.root).as_posix()
            except ValueError:
                self._shown[folder] = None
        prefix = self._shown[folder]
        shown = path.as_posix() if prefix is None else name if prefix == "." else f"{prefix}/{name}"
        # A file name that is not UTF-8 arrives with lone surrogates; they cannot be printed.
        return shown.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def display_path(path: Path, root: Path, folders: Folders | None = None) -> str:
    """``path`` as shown in findings: relative to ``root`` when inside it. ``folders``: the run's."""
    return (folders or Folders(root)).shown(path)


def check_file(source: Source, display: str, ctx: RuleContext, keep_model: bool,
               real: str | None = None, *, digest: bool = False) -> _FileOutcome:
    """``real``: the file's resolved path when the caller knows it (``Folders.real``); ``digest``:
    the map's summary carries its digest even when it lists no translations."""
    result = read_source(source)
    loaded = result.loaded
    findings = [i.finding(display) for i in loaded.issues]
    if findings or loaded.data is None:
        return _FileOutcome(findings, None, None, None)
    if source.kind == "guide":
        return _check_guide(source, display, loaded, result.body or "", result.body_line)
    if result.body is not None and result.body.strip():
        if "notes" in loaded.data:
            line, col = loaded.where(("notes",), key=True)
            return _FileOutcome([finding(display, line, col, "error", "notes-twice", phrase("check.notes_twice"),
                                         phrase("check.notes_twice.hint"))],
                                None, None, None)
        loaded.data["notes"] = result.body.strip("\n")
        # Findings about the notes point at the body's first line of text.
        leading = len(result.body) - len(result.body.lstrip("\n"))
        loaded.positions[("notes",)] = (result.body_line + leading, 1)
    model, partial, findings = validate_leniently(loaded, display)
    if model is None:
        if partial is not None:
            # Reference rules on the repaired copy; drop what lands where the schema already complained.
            taken = {(f.line, f.col) for f in findings}
            findings += [_without_placeholder(f) for f in check_map(partial, loaded, display, _resolved(source, real), ctx)
                         if f.severity == "error" and (f.line, f.col) not in taken and PLACEHOLDER not in f.message]
            findings.sort(key=lambda f: (f.line, f.col, f.code))
        map_id = loaded.data.get("id") if isinstance(loaded.data, dict) else None
        return _FileOutcome(findings, None, None, None, map_id if isinstance(map_id, str) else None)
    findings = check_map(model, loaded, display, _resolved(source, real), ctx)
    model, csv_findings = with_csv(model, source.path, loaded, display, ctx.today,
                                   ctx.vocabulary.settings.kpi_max_age_days)
    findings += csv_findings
    return _FileOutcome(findings, model if keep_model else None, MapSummary.of(model, loaded, display, digest=digest),
                        None)


def _without_placeholder(f: Finding) -> Finding:
    if f.hint and PLACEHOLDER in f.hint:
        return replace(f, hint=None, hint_text=None)
    return f


def _check_guide(source: Source, display: str, loaded, body: str, body_line: int) -> _FileOutcome:
    from ..model.guide import GuideMeta  # here: a project without method guides never builds its model

    try:
        meta = GuideMeta.model_validate(loaded.data)
    except ValidationError as exc:
        schema = GuideMeta.model_json_schema()
        return _FileOutcome([finding_from_error(e, loaded, display, schema) for e in exc.errors(include_url=False)],
                            None, None, None)
    positions = tuple(loaded.where(("maps", i)) for i in range(len(meta.maps)))
    where = {key: loaded.where((key,)) for key in ("id", "order", "maps", "source_digest")}
    where["translations"] = loaded.where(("translations",), key=True)
    where.update({f"translations.{lang}": loaded.where(("translations", lang)) for lang in meta.translations})
    return _FileOutcome([], None, None, GuideEntry(source.path, display, meta, body, positions, body_line, where))


def _resolved(source: Source, real: str | None) -> Path:
    return source.path.resolve() if real is None else Path(real)


def _check_chunk(args: tuple[list[tuple[Source, str, str]], RuleContext, bool]) -> list[_FileOutcome]:
    items, ctx, keep = args
    return [check_file(src, disp, ctx, keep, real) for src, disp, real in items]


def check_paths(paths: list[Path], vocabulary: Vocabulary, *, root: Path | None = None,
                today: _dt.date | None = None, jobs: int | None = None, keep_models: bool = False,
                progress: Callable[[int, int], None] | None = None,
                context: list[Path] | tuple[Path, ...] = (), texts: Mapping[Path, str] | None = None,
                context_cache: ContextCache | None = None) -> CheckResult:
    """Check the files under ``paths`` and report on them only.

    ``context`` names the rest of the project (usually its maps folder): those files are read
    too, so translations, ``based_on``, guide links and duplicate ids resolve as they do when
    the whole project is checked, but their own findings are not reported. ``texts`` holds
    what an editor has for some files (by resolved path): checked instead of the files on disk.
    ``context_cache``: what the context files gave last time, so only the changed ones are read again."""
    root = root or Path.cwd()
    ctx = RuleContext(vocabulary, today or _dt.date.today())
    sources, problems = discover(paths)
    folders = Folders(root)
    named = {folders.real(s.path) for s in sources}
    # Only a file of the same name can be a named one: the others' paths need not be resolved.
    names = {os.path.basename(r) for r in named}
    others = [s for s in discover(list(context))[0]
              if s.path.name not in names or folders.real(s.path) not in named] if context else []
    if texts:
        sources, others = ([replace(s, text=texts.get(s.path.resolve(), s.text)) for s in group] for group in (sources, others))
    result = CheckResult(files=len(sources))
    for p, issue in problems:
        result.findings.append(issue.finding(display_path(p, root), issue.severity))
    items = [(s, folders.shown(s.path)) for s in sources + others]
    reported = {disp for _, disp in items[:len(sources)]}
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    known: dict[int, _FileOutcome] = {}  # item index -> what the cache holds for a context file
    keys: dict[int, bytes | None] = {}
    names: list[str] = []  # each item's absolute path, what the cache knows it by
    if context_cache is not None:
        names = [os.path.abspath(src.path) for src, _ in items]
        for i, (src, disp) in enumerate(items):
            if src.text is None:  # an editor's unsaved text is never cached
                keys[i] = context_cache.key(src.path, disp)
                hit = context_cache.get(names[i], keys[i]) if i >= len(sources) else None
                if hit is not None:
                    known[i] = _FileOutcome([], None, *hit)
    # Resolved here, where each folder is resolved once, rather than file by file in the workers.
    todo = [(src, disp, folders.real(src.path)) for i, (src, disp) in enumerate(items) if i not in known]
    checked: list[_FileOutcome] = []
    if jobs > 1 and len(todo) >= PARALLEL_THRESHOLD:
        from concurrent.futures import ProcessPoolExecutor  # here: a one-file check never starts a pool

        chunks = [todo[i:i + CHUNK] for i in range(0, len(todo), CHUNK)]
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for chunk_out in pool.map(_check_chunk, [(c, ctx, keep_models) for c in chunks]):
                checked.extend(chunk_out)
                if progress:
                    progress(len(checked) + len(known), len(items))
    else:
        for (src, disp, real) in todo:
            checked.append(check_file(src, disp, ctx, keep_models, real))
            if progress:
                progress(len(checked) + len(known), len(items))
    fresh = iter(checked)
    outcomes = [known[i] if i in known else next(fresh) for i in range(len(items))]
    if context_cache is not None:
        for i, out in enumerate(outcomes):
            if i not in known and i in keys:
                context_cache.put(names[i], keys[i], (out.summary, out.guide, out.invalid_id))
        context_cache.keep_only(names)
        context_cache.save()

    summaries = []
    invalid_ids: set[str] = set()
    guides: list[GuideEntry] = []
    for (src, disp), out in zip(items, outcomes):
        if out.invalid_id:
            invalid_ids.add(out.invalid_id)
        if out.summary is not None:
            summaries.append(out.summary)
        if out.guide is not None:
            guides.append(out.guide)
        if disp not in reported:
            continue
        result.findings.extend(out.findings)
        if out.map is not None:
            result.maps.append(MapEntry(src.path, disp, out.map))
        if out.guide is not None:
            result.guides.append(out.guide)
    default_lang = vocabulary.settings.languages[0] if vocabulary.settings.languages else "en"
    summaries = _with_digests(summaries, {disp: src for src, disp in items}, ctx, default_lang)
    across = (check_across(summaries, invalid_ids) + _check_guide_links(guides, summaries, invalid_ids)
              + check_guide_translations(guides, default_lang)
              + check_stale([s.doc() for s in summaries], default_lang))
    result.findings.extend(f for f in across if f.path in reported)
    result.findings.sort(key=lambda f: (f.path, f.line, f.col, f.code, f.message))
    return result


def _with_digests(summaries: list[MapSummary], sources: dict[str, Source], ctx: RuleContext,
                   default_lang: str) -> list[MapSummary]:
    """Every original a translation names, with its digest. A map that lists no translations is
    summarised without one (most maps); when a translation names it all the same, it is read again."""
    named = {original_of(s.lang, s.translations, default_lang) for s in summaries} - {None}
    out = []
    for s in summaries:
        if s.digest is None and s.id in named and s.lang == default_lang:
            again = check_file(sources[s.display], s.display, ctx, False, digest=True).summary
            s = replace(s, digest=again.digest) if again is not None else s
        out.append(s)
    return out


def _check_guide_links(guides: list[GuideEntry], summaries: list[MapSummary],
                       invalid_ids: set[str] = frozenset()) -> list[Finding]:  # type: ignore[assignment]
    maps = {s.id: s for s in summaries}
    guide_ids = {g.meta.id for g in guides}
    out = []
    for g in guides:
        for ref, pos in zip(g.meta.maps, g.map_positions):
            if ref not in maps and ref not in invalid_ids:
                out.append(finding(g.display, *pos, "error", "unknown-map", phrase("check.guide_unknown_map", map=ref),
                                   suggestion(ref, maps), target=ref))
        for m in _LINK.finditer(g.body):
            scheme, target, anchor = m.group(1), m.group(2), m.group(3)
            line = g.body.count("\n", 0, m.start()) + g.body_line
            col = m.start() - g.body.rfind("\n", 0, m.start())
            if scheme == "map" and target in invalid_ids:
                continue  # the map has errors of its own, reported at its file
            if scheme == "map" and target not in maps:
                out.append(finding(g.display, line, col, "error", "broken-link", phrase("check.link_unknown_map", map=target),
                                   target=target))
            elif scheme == "map" and anchor and anchor not in maps[target].stage_ids:
                out.append(finding(g.display, line, col, "error", "broken-link",
                                   phrase("check.link_unknown_stage", map=target, stage=anchor),
                                   phrase("check.link_unknown_stage.hint", stages=", ".join(maps[target].stage_ids))))
            elif scheme == "guide" and target not in guide_ids:
                out.append(finding(g.display, line, col, "error", "broken-link", phrase("check.link_unknown_guide", guide=target)))
    return out

