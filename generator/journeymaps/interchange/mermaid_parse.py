"""Reading Mermaid `journey` diagrams, from a `.mmd` file or the ```mermaid blocks of Markdown.

The reader follows Mermaid's own lexer (``journey.jison``) line by line, so what Mermaid draws
is what we read, and what Mermaid rejects is a located error here rather than a guess:

- `%` at the start of a line is a comment (`%%{...}%%` a directive); `#` starts a comment
  anywhere except in an entity code such as `#58;`; `accTitle:`/`accDescr:` take the rest of
  their line, `accDescr { ... }` spans lines up to `}`.
- `title TEXT`, `section TEXT`, and tasks `TEXT: SCORE` or `TEXT: SCORE: ACTOR, ACTOR`; `;`
  anywhere and `:` in a section name make Mermaid fail, so they are errors.
- Keywords are case-insensitive; indentation (spaces or tabs) does not matter.

Nothing is mapped to the journey-map format here: this module only returns what the diagram
says, with positions, plus findings; ``mermaid_import`` does the mapping.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from ..check.worded import finding
from ..core.findings import Finding
from ..core.phrase import Phrase, phrase
from ..load.yaml12 import control_characters, parse
from .mermaid_text import unescape

MAX_FINDINGS = 200

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_FENCE_OPEN = re.compile(r"^([ \t]*)(`{3,}|~{3,})[ \t]*([^\s`]*)[^`]*$")
_ENTITY_AT = re.compile(r"#[A-Za-z0-9_]+;")
_META = re.compile(r"%%\s*journeymaps:(map|stage)\s+(.*)$")
_ACC_TITLE = re.compile(r"acctitle\s*:\s*", re.IGNORECASE)
_ACC_DESCR = re.compile(r"accdescr\s*:\s*", re.IGNORECASE)
_ACC_DESCR_BLOCK = re.compile(r"accdescr\s*\{", re.IGNORECASE)
_TITLE = re.compile(r"title(?:\s|$)", re.IGNORECASE)
_SECTION = re.compile(r"section(?:\s|$)", re.IGNORECASE)
_JOURNEY = re.compile(r"journey", re.IGNORECASE)
# What JavaScript's Number() reads from a task score, less hex, `Infinity` and the empty string.
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


@dataclass(frozen=True)
class Pos:
    line: int
    col: int


@dataclass(frozen=True)
class Located:
    text: str
    pos: Pos


@dataclass
class Task:
    text: str
    pos: Pos
    score: float | None  # None when the score could not be read (an error says why)
    score_pos: Pos
    actors: list[Located]


@dataclass
class Section:
    name: Located | None  # None: tasks written before any `section` line
    pos: Pos
    tasks: list[Task] = field(default_factory=list)
    meta: Located | None = None  # a `%% journeymaps:stage {...}` comment in this section


@dataclass
class Block:
    index: int  # 1-based among the journey diagrams of the file
    pos: Pos  # the `journey` keyword
    title: Located | None = None
    front_title: Located | None = None
    acc_title: Located | None = None
    acc_descr: Located | None = None
    sections: list[Section] = field(default_factory=list)
    meta: Located | None = None  # the `%% journeymaps:map {...}` comment


@dataclass
class ParseResult:
    blocks: list[Block]
    findings: list[Finding]


def split_lines(text: str) -> list[str]:
    # Mermaid turns CR LF and lone CR into LF before lexing; so do we, and count lines the same way.
    return _LINE_BREAK.split(text)


def parse_document(text: str, display: str, *, markdown: bool) -> ParseResult:
    """Every journey diagram of ``text``: the whole text (``markdown=False``) or its ```mermaid blocks."""
    lines = split_lines(text)
    findings: list[Finding] = []
    blocks: list[Block] = []
    if markdown:
        chunks = _mermaid_fences(lines, display, findings)
    else:
        chunks = [(0, lines)]
    for first, chunk in chunks:
        reader = _BlockReader(display, len(blocks) + 1, findings)
        block = reader.read(first, chunk)
        if block is not None:
            blocks.append(block)
        elif not markdown:
            findings.append(_error(display, Pos(1, 1), "not-journey", phrase("mermaid.not_journey"),
                                   phrase("mermaid.not_journey.hint")))
    if not blocks and markdown and not findings:
        findings.append(_error(display, Pos(1, 1), "no-journey", phrase("mermaid.no_journey"),
                               phrase("mermaid.no_journey.hint")))
    if len(findings) > MAX_FINDINGS:
        kept = findings[:MAX_FINDINGS]
        kept.append(_error(display, Pos(kept[-1].line, kept[-1].col), "too-many-errors",
                           phrase("mermaid.too_many", n=len(findings) - MAX_FINDINGS)))
        findings = kept
    return ParseResult(blocks, findings)


def _error(display: str, pos: Pos, code: str, message: Phrase, hint: Phrase | None = None) -> Finding:
    return finding(display, pos.line, pos.col, "error", code, message, hint)


def _mermaid_fences(lines: list[str], display: str, findings: list[Finding]) -> list[tuple[int, list[str]]]:
    """(index of the first content line, content lines) of each ```mermaid fence. Other fences are
    skipped whole, so a ```mermaid line inside a ```markdown example is not taken for a diagram."""
    out: list[tuple[int, list[str]]] = []
    i = 0
    while i < len(lines):
        m = _FENCE_OPEN.match(lines[i])
        if m is None:
            i += 1
            continue
        fence, info = m.group(2), m.group(3).lower()
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        end = next((j for j in range(i + 1, len(lines)) if closing.match(lines[j])), None)
        if info == "mermaid":
            if end is None:
                findings.append(finding(display, i + 1, len(m.group(1)) + 1, "warning", "unclosed-fence",
                                        phrase("mermaid.unclosed_fence"), phrase("mermaid.unclosed_fence.hint", fence=fence)))
            out.append((i + 1, lines[i + 1:end if end is not None else len(lines)]))
        i = (end if end is not None else len(lines)) + 1
    return out


def mask_entities(raw: str) -> str:
    """``raw`` with each entity code blanked to `_` of the same length. Mermaid replaces entity
    codes before lexing, so their `#` and `;` never end a token; searching the masked line for
    `#`, `;`, `:`, `,` and keywords, then slicing the raw line, does the same."""
    return _ENTITY_AT.sub(lambda m: "_" * len(m.group()), raw)


def _split(raw: str, shape: str, sep: str, start: int) -> list[tuple[str, int]]:
    """Pieces of ``raw[start:]`` between ``sep`` characters found in ``shape``, with their offsets."""
    out: list[tuple[str, int]] = []
    at = start
    while True:
        nxt = shape.find(sep, at)
        if nxt < 0:
            out.append((raw[at:], at))
            return out
        out.append((raw[at:nxt], at))
        at = nxt + 1


class _BlockReader:
    def __init__(self, display: str, index: int, findings: list[Finding]):
        self.display = display
        self.index = index
        self.findings = findings
        self.block: Block | None = None
        self.section: Section | None = None
        self.descr: tuple[list[str], Pos] | None = None  # open `accDescr {`: lines so far, where it began
        self.in_directive = False

    # --- reporting -----------------------------------------------------------------------
    def error(self, pos: Pos, code: str, message: Phrase, hint: Phrase | None = None) -> None:
        self.findings.append(_error(self.display, pos, code, message, hint))

    def warning(self, pos: Pos, code: str, message: Phrase, hint: Phrase | None = None) -> None:
        self.findings.append(finding(self.display, pos.line, pos.col, "warning", code, message, hint))

    def text(self, raw: str, line: int, col: int) -> str:
        """Decode a token that starts at (line, col); report entity codes that make no character."""
        value, problems = unescape(raw)
        for offset, entity in problems:
            self.error(Pos(line, col + offset), "entity", phrase("mermaid.entity", entity=entity),
                       phrase("mermaid.entity.hint"))
        return value

    # --- the block -----------------------------------------------------------------------
    def read(self, first: int, lines: list[str]) -> Block | None:
        i = self._preamble(first, lines)
        if i is None:
            return None
        for k in range(i, len(lines)):
            self._line(lines[k], first + k + 1)
        if self.descr is not None:
            self.error(self.descr[1], "acc-descr", phrase("mermaid.acc_descr"), phrase("mermaid.acc_descr.hint"))
        if self.in_directive:
            self.error(self.block.pos, "directive", phrase("mermaid.directive"), phrase("mermaid.directive.hint"))
        return self.block

    def _preamble(self, first: int, lines: list[str]) -> int | None:
        """Skip what may precede `journey` (blank lines, comments, directives, front matter);
        return the index of the line after it, or None when this is not a journey diagram."""
        front_title: Located | None = None
        k = 0
        while k < len(lines) and not lines[k].strip():
            k += 1
        if k < len(lines) and lines[k].strip() == "---":
            end = next((j for j in range(k + 1, len(lines)) if lines[j].strip() == "---"), None)
            if end is None:
                return None
            loaded = parse("\n".join(lines[k + 1:end]), line_offset=first + k + 1)
            title = loaded.data.get("title") if isinstance(loaded.data, dict) else None
            if isinstance(title, str) and title.strip():
                line, col = loaded.where(("title",))
                front_title = Located(title.strip(), Pos(line, col))
            k = end + 1
        for j in range(k, len(lines)):
            raw = lines[j]
            s = raw.lstrip()
            col = len(raw) - len(s) + 1
            if self.in_directive:
                self.in_directive = "}%%" not in s
                continue
            if not s or (s.startswith("%%") and not s.startswith("%%{")):
                continue
            if s.startswith("%%{"):
                self.in_directive = "}%%" not in s[3:]
                continue
            if not _JOURNEY.match(s):
                return None
            self.block = Block(self.index, Pos(first + j + 1, col), front_title=front_title)
            rest = s[len("journey"):]
            if rest.strip():  # `journey title X` is legal Mermaid: the lexer goes on after the keyword
                self._line(" " * (col - 1 + len("journey")) + rest, first + j + 1)
            return j + 1
        return None

    def _line(self, raw: str, line: int) -> None:
        control = control_characters(raw, line_offset=line - 1)
        if control:
            for issue in control:
                self.findings.append(issue.finding(self.display))
            return
        s = raw.lstrip()
        if self.descr is not None:
            # Mermaid removes `%%` comment lines before it reads anything, so a `}` in one never
            # closes an open `accDescr {` (nor is the comment part of the description).
            if not (s.startswith("%%") and not s.startswith("%%{")):
                self._descr_continue(raw, line, 0)
            return
        start = len(raw) - len(s)
        if self.in_directive:
            self.in_directive = "}%%" not in s
            return
        self._statement(raw, line, start)

    def _statement(self, raw: str, line: int, start: int) -> None:
        masked = mask_entities(raw)
        s = masked[start:]
        col = start + 1
        pos = Pos(line, col)
        if not s.strip():
            return
        if s.startswith("%%{"):
            self.in_directive = "}%%" not in s[3:]
            return
        # Mermaid's lexer: `%` (not `%{`) at the start of a token, or any character but `}` then
        # `%%`, comments out the rest of the line.
        if (s[0] == "%" and s[1:2] != "{") or (s[1:3] == "%%" and s[0] != "}"):
            m = _META.match(raw, start)  # the raw line: JSON may hold text that looks like an entity code
            if m:
                self._meta(m.group(1), Located(m.group(2).strip(), Pos(line, m.start(2) + 1)))
            return
        if (m := _ACC_TITLE.match(s)) is not None:
            value = raw[start + m.end():].strip()
            self.block.acc_title = Located(self.text(value, line, start + m.end() + 1), pos)
            return
        if (m := _ACC_DESCR.match(s)) is not None:
            value = raw[start + m.end():].strip()
            self.block.acc_descr = Located(self.text(value, line, start + m.end() + 1), pos)
            return
        if (m := _ACC_DESCR_BLOCK.match(s)) is not None:
            self.descr = ([], pos)
            self._descr_continue(raw, line, start + m.end())
            return
        end = masked.find("#", start)
        end = len(raw) if end < 0 else end
        if not raw[start:end].strip():
            return  # a `#` comment
        semi = masked.find(";", start, end)
        if semi >= 0:
            # Mermaid stops at the first `;`; reading on would only report what follows from it.
            self.error(Pos(line, semi + 1), "semicolon", phrase("mermaid.semicolon"), phrase("mermaid.semicolon.hint"))
            return
        body, shape = raw[start:end], masked[start:end]
        if _TITLE.match(shape):
            self._title(body, line, col)
        elif _SECTION.match(shape):
            self._section(body, shape, line, col)
        elif _JOURNEY.match(shape):
            self.error(pos, "journey-twice", phrase("mermaid.journey_twice"), phrase("mermaid.journey_twice.hint"))
        else:
            self._task(body, shape, line, col)

    def _meta(self, kind: str, value: Located) -> None:
        if kind == "map":
            if self.block.meta is None:
                self.block.meta = value
            else:
                self.warning(value.pos, "meta-twice", phrase("mermaid.meta_twice"))
        elif self.section is None:
            self.warning(value.pos, "meta-place", phrase("mermaid.meta_place"))
        elif self.section.meta is None:
            self.section.meta = value
        else:
            self.warning(value.pos, "meta-twice", phrase("mermaid.meta_twice_stage"))

    def _descr_continue(self, raw: str, line: int, start: int) -> None:
        parts, pos = self.descr
        close = mask_entities(raw).find("}", start)
        parts.append(raw[start:] if close < 0 else raw[start:close])
        if close < 0:
            return
        self.descr = None
        # Mermaid trims the text and the indentation of each of its lines.
        value = re.sub(r"\n\s+", "\n", "\n".join(parts).strip())
        self.block.acc_descr = Located(self.text(value, pos.line, pos.col), pos)
        if raw[close + 1:].strip():
            self._statement(raw, line, close + 1 + len(raw[close + 1:]) - len(raw[close + 1:].lstrip()))

    def _title(self, body: str, line: int, col: int) -> None:
        value = body[6:]
        lead = len(value) - len(value.lstrip())
        if not value.strip():
            self.error(Pos(line, col), "title", phrase("mermaid.title"), phrase("mermaid.title.hint"))
            return
        self.block.title = Located(self.text(value.strip(), line, col + 6 + lead), Pos(line, col + 6 + lead))

    def _section(self, body: str, shape: str, line: int, col: int) -> None:
        value = body[8:]
        colon = shape.find(":", 8)
        colon = colon - 8 if colon >= 0 else -1
        if colon >= 0:
            self.error(Pos(line, col + 8 + colon), "section-colon", phrase("mermaid.section_colon"),
                       phrase("mermaid.section_colon.hint"))
            value = value[:colon]
        lead = len(value) - len(value.lstrip())
        name_pos = Pos(line, col + 8 + lead)
        if not value.strip():
            self.error(Pos(line, col), "section", phrase("mermaid.section"), phrase("mermaid.section.hint"))
            name = None
        else:
            name = Located(self.text(value.strip(), name_pos.line, name_pos.col), name_pos)
        self.section = Section(name if name is not None else Located("", name_pos), Pos(line, col))
        self.block.sections.append(self.section)

    def _task(self, body: str, shape: str, line: int, col: int) -> None:
        colon = shape.find(":")
        if colon < 0:
            self.error(Pos(line, col), "not-a-task", phrase("mermaid.not_a_task"), phrase("mermaid.not_a_task.hint"))
            return
        name = body[:colon].strip()
        if not name:
            self.error(Pos(line, col), "task-text", phrase("mermaid.task_text"))
        parts = _split(body, shape, ":", colon + 1)
        if len(parts) > 2:
            self.error(Pos(line, col + parts[2][1] - 1), "task-colon", phrase("mermaid.task_colon"),
                       phrase("mermaid.task_colon.hint"))
        score_raw, at = parts[0]
        score_pos = Pos(line, col + at + len(score_raw) - len(score_raw.lstrip()))
        score = self._score(score_raw.strip(), score_pos)
        actors: list[Located] = []
        if len(parts) > 1:
            actor_text, actor_at = parts[1]
            for piece, p_at in _split(actor_text, mask_entities(actor_text), ",", 0):
                if piece.strip():
                    apos = Pos(line, col + actor_at + p_at + len(piece) - len(piece.lstrip()))
                    actors.append(Located(self.text(piece.strip(), apos.line, apos.col), apos))
        if self.section is None:
            # Mermaid accepts tasks before any section; they form a section without a name.
            self.section = Section(None, Pos(line, col))
            self.block.sections.append(self.section)
        text_col = col + len(body) - len(body.lstrip())
        self.section.tasks.append(Task(self.text(name, line, text_col), Pos(line, text_col), score, score_pos, actors))

    def _score(self, raw: str, pos: Pos) -> float | None:
        if not raw:
            self.error(pos, "score", phrase("mermaid.no_score"), phrase("mermaid.no_score.hint"))
            return None
        if not _NUMBER.fullmatch(raw):
            self.error(pos, "score", phrase("mermaid.score_nan", score=raw), phrase("mermaid.score.hint"))
            return None
        value = float(raw)
        if not math.isfinite(value):
            # Mermaid reads it, but no scale can hold it.
            self.error(pos, "score-range", phrase("mermaid.score_huge", score=raw), phrase("mermaid.score.hint"))
            return None
        # Any other number is read as Mermaid reads it; the importer picks a scale that holds it.
        return value
