"""Mermaid `journey` diagrams -> journey maps (dicts and YAML text that pass `journeymaps check`).

Mapping, per diagram:

- `title` (else the front-matter `title:`, else `accTitle:`) -> `title`; its slug -> `id`, or
  `journey-<6 hex digits>` (a digest of the title, or of the diagram's text when it has no
  title) when the title has no Latin letters or digits, so two imports never share an id.
  No title at all -> `TODO: title` and a warning.
- `accDescr` -> `summary`, else a TODO sentence naming the source. An `accTitle` that is not
  the title is kept in `notes`, so nothing the diagram says is dropped.
- `section` -> a stage. A section whose text is a catalogue stage's name in the map's language
  becomes that stage (no `name`); otherwise id = slug of the text (unique; `stage-N` when
  empty) and the text is kept as `name`. Tasks before any section form a stage named
  `TODO: stage name`. Sections without tasks are stages without actions.
- task text -> an action of its stage; actor -> persona (id = slug of the name, unique,
  `persona-N` when empty; the name is kept). Tasks without actors count for a `customer` persona.
- score -> emotion. Without `journeymaps:` comments the map keeps the diagram's own scores on a
  scale that holds them: 1..5, or 1..7, 1..10 ... when they go higher (Mermaid reads any number;
  many real diagrams score 1..10), with a note in the file. Each persona's score in a stage is
  the mean of the scores of the stage's tasks they take part in, rounded half up (4 and 5 -> 5).
  With the exporter's comments the original scale, ids and per-persona scores come back exactly
  (see ``mermaid_meta``).
- Required fields the diagram cannot hold: `industry` (from the option, or the comment),
  `owner: "TODO: owner"`, `last_reviewed` (today), `status: as-is`, `lang` (option, comment,
  else guessed from the script: kana -> ja, Hangul -> ko, Han -> zh, Polish letters -> pl, else
  en; a guess that is not one of the site's languages is a warning).

Unreadable scores and text Mermaid would reject are located errors; no map is produced from a
diagram with errors.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from ..check.hints import suggestion
from ..check.rules import RuleContext, check_map
from ..check.validate import validate_map
from ..check.worded import finding
from ..core.findings import Finding
from ..core.phrase import Phrase, phrase
from ..load.yaml12 import MAX_BYTES, decode, parse
from ..load.yaml_write import map_file
from ..model.journey import SLUG_PATTERN
from ..model.vocabulary import Vocabulary
from ..schema import MODELINE_TARGET
from . import mermaid_meta as meta_io
from . import mermaid_scores as scores
from .mermaid_parse import Block, Located, Pos, Section, parse_document
from .mermaid_text import dedupe, slug, unique_id

SHORT, LONG = 300, 2000  # ShortText and Text limits of the format
TODO_OWNER = "TODO: owner"
TODO_TITLE = "TODO: title"
TODO_STAGE = "TODO: stage name"
CUSTOMER = ("customer", "Customer")
_FALLBACK_LABELS = ("Frustrated", "Uneasy", "Neutral", "Pleased", "Delighted")
_SLUG = re.compile(SLUG_PATTERN)
_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")  # hiragana, katakana: Japanese only
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_POLISH = re.compile(r"[ąćęłńśźżĄĆĘŁŃŚŹŻ]")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")


@dataclass(frozen=True)
class ImportedMap:
    id: str
    industry: str
    data: dict[str, Any]
    yaml: str
    pos: Pos  # the `journey` line of the source diagram
    notes: tuple[str, ...] = ()  # what the import decided that the author should know (also in the file)


@dataclass
class ImportResult:
    maps: list[ImportedMap] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]


@dataclass(frozen=True)
class ImportOptions:
    vocabulary: Vocabulary
    today: _dt.date
    industry: str | None = None
    lang: str | None = None
    schema: str = MODELINE_TARGET  # the modeline's target (see ``schema.site.modeline_target``)


def import_file(path: Path, options: ImportOptions, display: str | None = None) -> ImportResult:
    """Every journey diagram of a Markdown file (```mermaid blocks) or a `.mmd` file (the whole file)."""
    display = display or path.as_posix()
    try:
        size = path.stat().st_size
        raw = path.read_bytes() if size <= MAX_BYTES else b""
    except OSError as exc:
        return ImportResult(findings=[finding(display, 1, 1, "error", "unreadable",
                                              phrase("mermaid.unreadable", reason=exc.strerror))])
    if size > MAX_BYTES:
        return ImportResult(findings=[finding(display, 1, 1, "error", "too-large",
                                              phrase("mermaid.too_large", size=size, limit=MAX_BYTES))])
    text, issues = decode(raw)
    if text is None:
        return ImportResult(findings=[i.finding(display) for i in issues])
    return import_text(text, display, options, markdown=path.name.lower().endswith(MARKDOWN_SUFFIXES))


def import_text(text: str, display: str, options: ImportOptions, *, markdown: bool) -> ImportResult:
    parsed = parse_document(text, display, markdown=markdown)
    result = ImportResult(findings=list(parsed.findings))
    used_ids: set[str] = set()
    for block in parsed.blocks:
        builder = _MapBuilder(block, display, options, used_ids)
        data = builder.build()
        result.findings.extend(builder.findings)
        if data is None or any(f.severity == "error" for f in result.findings):
            continue
        yaml_text = map_file(data, schema=options.schema, comments=[f"Note: {note}" for note in builder.notes])
        problems = _recheck(yaml_text, display, block.pos, options)
        result.findings.extend(problems)
        if not problems:
            result.maps.append(ImportedMap(data["id"], data["industry"], data, yaml_text, block.pos,
                                           tuple(builder.notes)))
    if result.errors:
        result.maps.clear()
    result.findings.sort(key=lambda f: (f.line, f.col, f.code))
    return result


def _recheck(yaml_text: str, display: str, pos: Pos, options: ImportOptions) -> list[Finding]:
    """The produced file, read back and checked like any map: errors here are the importer's bugs
    or an unusable option, reported at the diagram they came from."""
    loaded = parse(yaml_text)
    problems = [i.finding(display) for i in loaded.issues]
    if not problems:
        model, findings = validate_map(loaded, display)
        if model is not None:
            findings = check_map(model, loaded, display, None, RuleContext(options.vocabulary, options.today))
        problems = [f for f in findings if f.severity == "error"]
    return [finding(display, pos.line, pos.col, "error", "import",
                    phrase("mermaid.recheck", code=p.code, problem=p.text if p.text is not None else p.message))
            for p in problems]


def guess_lang(texts: list[str]) -> str:
    joined = "".join(texts)
    if _KANA.search(joined):  # Japanese mixes kana with Han; Chinese has no kana
        return "ja"
    if _HANGUL.search(joined):
        return "ko"
    if _HAN.search(joined):
        return "zh"
    if _POLISH.search(joined):
        return "pl"
    return "en"


class _MapBuilder:
    def __init__(self, block: Block, display: str, options: ImportOptions, used_map_ids: set[str]):
        self.block = block
        self.display = display
        self.options = options
        self.vocab = options.vocabulary
        self.used_map_ids = used_map_ids
        self.findings: list[Finding] = []
        self.meta: meta_io.MapMeta | None = None
        self.personas: list[dict[str, str]] = []
        self.by_label: dict[str, str] = {}  # actor label -> persona id
        self.label_of: dict[str, str] = {}  # persona id -> actor label
        self.persona_ids: set[str] = set()
        self.customer: str | None = None
        self.stage_ids: set[str] = set()
        self.lang = "en"
        self.range = (scores.MERMAID_MIN, scores.MERMAID_MAX)
        self.notes: list[str] = []

    def error(self, pos: Pos, code: str, message: Phrase, hint: Phrase | None = None) -> None:
        self.findings.append(finding(self.display, pos.line, pos.col, "error", code, message, hint))

    def warning(self, pos: Pos, code: str, message: Phrase, hint: Phrase | None = None) -> None:
        self.findings.append(finding(self.display, pos.line, pos.col, "warning", code, message, hint))

    def limited(self, value: Located, limit: int, what: str) -> str:
        """``what``: the catalogue's name of the text (``mermaid.what.title``)."""
        if len(value.text) > limit:
            self.error(value.pos, "too-long", phrase("mermaid.too_long", what=phrase(what), n=len(value.text),
                                                     limit=limit), phrase("mermaid.too_long.hint"))
        return value.text

    # --- the whole map -------------------------------------------------------------------
    def build(self) -> dict[str, Any] | None:
        b = self.block
        if b.meta is not None:
            self.meta, why = meta_io.load(meta_io.MapMeta, b.meta.text)
            if why:
                self.warning(b.meta.pos, "meta", phrase("mermaid.meta_ignored", kind="map", why=why),
                             phrase("mermaid.meta_ignored.hint"))
            elif self.meta.range[0] >= self.meta.range[1]:
                self.warning(b.meta.pos, "meta", phrase("mermaid.meta_empty_range"))
                self.meta = None
        task_scores = [t.score for s in b.sections for t in s.tasks if t.score is not None]
        for t in (t for s in b.sections for t in s.tasks if t.score is not None):
            if abs(t.score) > scores.MAX_ABS_SCORE:
                self.error(t.score_pos, "score-range", phrase("mermaid.score_beyond", score=f"{t.score:g}",
                                                                    limit=scores.MAX_ABS_SCORE),
                           phrase("mermaid.score_beyond.hint"))
        if self.meta is not None and any(not scores.MERMAID_MIN <= v <= scores.MERMAID_MAX for v in task_scores):
            self.warning(b.meta.pos, "meta-stale", phrase("mermaid.meta_stale_map"), phrase("mermaid.meta_stale_map.hint"))
            self.meta = None
        if self.meta is not None:
            self.range = self.meta.range
        else:
            self.range = scores.fitted_range(task_scores)
            if self.range != (scores.MERMAID_MIN, scores.MERMAID_MAX):
                self.notes.append(f"The diagram's scores run outside Mermaid's 1..5, so the map keeps them on "
                                  f"an emotion scale of {self.range[0]}..{self.range[1]}.")
        industry = self._industry()
        self.lang = self._lang()
        title = self._title()
        map_id = self._map_id(title)
        self._meta_personas()
        stages = [self._stage(i, s) for i, s in enumerate(b.sections, 1)]
        if not stages:
            self.error(b.pos, "no-stages", phrase("mermaid.no_stages"), phrase("mermaid.no_stages.hint"))
        if not self.personas:
            self._persona_for_customer(b.pos, warn=False)
        if industry is None:
            return None
        data: dict[str, Any] = {
            "id": map_id, "title": title, "industry": industry, "lang": self.lang,
            "summary": self._summary(), "status": self._status(), "owner": TODO_OWNER,
            # A string, not a date: quoted in the file, so YAML 1.1 readers (js-yaml) get a string too.
            "last_reviewed": self.options.today.isoformat(), "personas": self.personas,
        }
        scale = self._scale()
        if scale is not None:
            data["emotion_scale"] = scale
        data["stages"] = stages
        notes = self._notes()
        if notes:
            data["notes"] = notes
        return data

    def _industry(self) -> str | None:
        industry = self.options.industry or (self.meta.industry if self.meta else None)
        known = [i.id for i in self.vocab.industries]
        if industry is None:
            self.error(self.block.pos, "industry", phrase("mermaid.no_industry"),
                       phrase("mermaid.no_industry.hint", industries=", ".join(known)))
            return None
        if self.vocab.industry(industry) is None:
            self.error(self.block.pos, "industry", phrase("check.unknown_industry", industry=industry),
                       suggestion(industry, known) or phrase("mermaid.industries", industries=", ".join(known)))
            return None
        return industry

    def _lang(self) -> str:
        if self.options.lang:
            return self.options.lang
        if self.meta and self.meta.lang and re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", self.meta.lang):
            return self.meta.lang
        guessed = guess_lang(self._texts())
        site = self.vocab.settings.languages
        if guessed not in site:
            self.warning(self.block.pos, "lang", phrase("mermaid.lang", lang=guessed, languages=", ".join(site)),
                         phrase("mermaid.lang.hint", lang=guessed))
        return guessed

    def _texts(self) -> list[str]:
        b = self.block
        texts = [x.text for x in (b.title, b.front_title, b.acc_title, b.acc_descr) if x is not None]
        for s in b.sections:
            texts += [s.name.text] if s.name else []
            texts += [t.text for t in s.tasks] + [a.text for t in s.tasks for a in t.actors]
        return texts

    def _title(self) -> str:
        b = self.block
        found = b.title or b.front_title or b.acc_title
        if found is None:
            self.warning(b.pos, "no-title", phrase("mermaid.no_title", title=TODO_TITLE), phrase("mermaid.no_title.hint"))
            return TODO_TITLE
        return self.limited(found, SHORT, "mermaid.what.title")

    def _map_id(self, title: str) -> str:
        wanted = self.meta.id if self.meta and self.meta.id and _SLUG.match(self.meta.id) else None
        if wanted is None:
            wanted = slug(title) if title != TODO_TITLE else ""
        # No Latin letters to slug: a digest of what the diagram says is stable across runs and
        # differs between diagrams, where a position (`journey-1`) would collide between files.
        said = title if title != TODO_TITLE else "\n".join(self._texts())
        digest = hashlib.sha256(said.encode("utf-8")).hexdigest()[:6]
        return unique_id(wanted, self.used_map_ids, f"journey-{digest}")

    def _summary(self) -> str:
        if self.block.acc_descr is not None and self.block.acc_descr.text:
            return self.limited(self.block.acc_descr, LONG, "mermaid.what.acc_descr")
        name = Path(self.display).name
        return f"TODO: summary. Imported from the Mermaid journey diagram at {name}:{self.block.pos.line}."

    def _notes(self) -> str | None:
        """What the diagram says that the map has no field for, kept as narrative."""
        lines = []
        b = self.block
        title = b.title or b.front_title
        if b.acc_title is not None and b.acc_title.text and title is not None and b.acc_title.text != title.text:
            lines.append(f"Accessible title of the Mermaid diagram (`accTitle`): {b.acc_title.text}")
        return "\n\n".join(lines) or None

    def _status(self) -> str:
        return self.meta.status if self.meta and self.meta.status in ("as-is", "to-be") else "as-is"

    def _scale(self) -> dict[str, Any] | None:
        if self.meta is None and self.range != (scores.MERMAID_MIN, scores.MERMAID_MAX):
            lo, hi = self.range
            return {"min": lo, "max": hi, "labels": [{"value": lo, "label": _FALLBACK_LABELS[0]},
                                                     {"value": hi, "label": _FALLBACK_LABELS[-1]}]}
        if self.meta is None:
            site = self.vocab.emotion_scale
            labels = sorted(site.labels, key=lambda lbl: lbl.value)
            words = ([lbl.label for lbl in labels] if site.max - site.min == 4 and len(labels) == 5
                     else list(_FALLBACK_LABELS))
            return {"min": scores.MERMAID_MIN, "max": scores.MERMAID_MAX,
                    "labels": [{"value": v, "label": w} for v, w in zip(range(1, 6), words)]}
        if self.meta.scale is not None:
            return self.meta.scale.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
        site = self.vocab.emotion_scale
        if (site.min, site.max) == tuple(self.range):
            return None
        return {"min": self.range[0], "max": self.range[1]}

    # --- personas ------------------------------------------------------------------------
    def _add_persona(self, wanted: str, name: str, label: str, fallback: str) -> str:
        pid = unique_id(wanted, self.persona_ids, fallback)
        self.personas.append({"id": pid, "name": name})
        self.by_label.setdefault(label, pid)
        self.label_of[pid] = label
        return pid

    def _meta_personas(self) -> None:
        for p in self.meta.personas if self.meta else []:
            if not _SLUG.match(p.id) or not p.name or len(p.name) > SHORT or p.label in self.by_label:
                continue  # not usable: the persona comes back from the actors instead
            self._add_persona(p.id, p.name, p.label, p.id)

    def _persona_of(self, actor: Located) -> str:
        pid = self.by_label.get(actor.text)
        if pid is None:
            name = self.limited(actor, SHORT, "mermaid.what.actor")
            pid = self._add_persona(slug(name), name, actor.text, f"persona-{len(self.personas) + 1}")
        return pid

    def _persona_for_customer(self, pos: Pos, *, warn: bool = True) -> str:
        if self.customer is None:
            self.customer = self._add_persona(CUSTOMER[0], CUSTOMER[1], "\0customer", CUSTOMER[0])
            if warn:
                self.warning(pos, "no-actor", phrase("mermaid.no_actor", persona=self.customer),
                             phrase("mermaid.no_actor.hint"))
        return self.customer

    # --- stages --------------------------------------------------------------------------
    def _stage(self, index: int, section: Section) -> dict[str, Any]:
        if section.name is None:
            self.warning(section.pos, "no-section", phrase("mermaid.no_section", stage=TODO_STAGE),
                         phrase("mermaid.no_section.hint"))
            name = TODO_STAGE
        else:
            name = self.limited(section.name, SHORT, "mermaid.what.section")
        stage_meta = self._stage_meta(section)
        sid = self._stage_id(index, name, stage_meta, self.stage_ids)
        stage: dict[str, Any] = {"id": sid}
        catalogue = self.vocab.stage(sid)
        if catalogue is None or catalogue.name(self.lang) != name:
            stage["name"] = name
        tasks = section.tasks
        if stage_meta is not None and stage_meta.placeholder and len(tasks) == 1 and tasks[0].text == name:
            tasks = []
        actions = [self.limited(Located(t.text, t.pos), LONG, "mermaid.what.task") for t in tasks]
        if actions:
            stage["actions"] = actions
        emotions = self._emotions_from_meta(stage_meta) if stage_meta is not None else self._emotions(section)
        if emotions:
            stage["emotions"] = emotions
        return stage

    def _stage_id(self, index: int, name: str, stage_meta: meta_io.StageMeta | None, used: set[str]) -> str:
        if stage_meta is not None and _SLUG.match(stage_meta.id) and stage_meta.id not in used:
            used.add(stage_meta.id)
            return stage_meta.id
        folded = name.casefold()
        for st in self.vocab.stages:
            if st.name(self.lang).casefold() == folded and st.id not in used:
                used.add(st.id)
                return st.id
        return unique_id(slug(name) if name != TODO_STAGE else "", used, f"stage-{index}")

    def _stage_meta(self, section: Section) -> meta_io.StageMeta | None:
        """The section's `journeymaps:stage` comment, when it still agrees with the tasks."""
        if section.meta is None or self.meta is None:
            return None
        stage_meta, why = meta_io.load(meta_io.StageMeta, section.meta.text)
        if stage_meta is None:
            self.warning(section.meta.pos, "meta", phrase("mermaid.meta_ignored", kind="stage", why=why))
            return None
        lo, hi = self.range
        known = all(pid in self.label_of for pid in stage_meta.emotions)
        in_range = all(lo <= v <= hi for v in stage_meta.emotions.values())
        expected_score = scores.task_score(stage_meta.emotions.values(), lo, hi)
        expected_actors = {self.label_of[pid] for pid in stage_meta.emotions} if known else set()
        agrees = known and in_range and all(
            t.score == expected_score and {a.text for a in t.actors} == expected_actors for t in section.tasks)
        if not agrees:
            self.warning(section.meta.pos, "meta-stale", phrase("mermaid.meta_stale_stage"),
                         phrase("mermaid.meta_stale_stage.hint"))
            return None
        return stage_meta

    def _emotions_from_meta(self, stage_meta: meta_io.StageMeta) -> dict[str, int]:
        order = [p["id"] for p in self.personas]
        return {pid: stage_meta.emotions[pid] for pid in order if pid in stage_meta.emotions}

    def _emotions(self, section: Section) -> dict[str, int]:
        collected: dict[str, list[Fraction]] = {}
        for t in section.tasks:
            targets = dedupe(self._persona_of(a) for a in t.actors)
            if not targets:
                targets = [self._persona_for_customer(t.pos)]
            if t.score is None:
                continue
            for pid in targets:
                collected.setdefault(pid, []).append(Fraction(str(t.score)))
        lo, hi = self.range
        order = [p["id"] for p in self.personas]
        if self.meta is None:  # the map keeps the diagram's own scale
            return {pid: scores.native_score(collected[pid]) for pid in order if pid in collected}
        return {pid: scores.persona_score(collected[pid], lo, hi) for pid in order if pid in collected}
