"""A YAML loader for untrusted map files.

Built on PyYAML's *event* stream (libyaml when present) rather than its composer and
constructor, because those are where the hazards live (FIELD-NOTES section 3): the
composer recurses (RecursionError, or a segfault in libyaml's binding, on deep nesting),
aliases expand into billion-laughs graphs, YAML 1.1 resolution turns ``no`` into False
and ``1:30`` into 90, and duplicate keys are silently dropped. Walking the events with an
explicit stack avoids all of that, and lets every node keep its line and column.

The result is plain JSON-compatible data (dict, list, str, int, float, bool, None) plus
a table of positions keyed by the node's path, e.g. ``("stages", 0, "emotions")``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..core.phrase import Phrase, phrase
from ..core.assemble import fold_breaks
from ..core.text import CONTROL
from .issues import LoadIssue
from .yaml_strict import Spanning, continuation_issues, lexical_issues, needs_token_pass

try:  # libyaml is about 10x faster; the pure-Python parser is a fallback, not an error.
    from yaml import CSafeLoader as _EventLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _EventLoader  # type: ignore[assignment]

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 32
MAX_ERRORS_PER_CODE = 20
# Stands in for a mapping or sequence used as a key, so its value can be skipped.
_COMPLEX_KEY = "\x00complex-key"

Path = tuple[str | int, ...]

_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {"!", _CORE + "str", _CORE + "int", _CORE + "float", _CORE + "bool", _CORE + "null",
                 _CORE + "map", _CORE + "seq"}

# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution).
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT10 = re.compile(r"^[-+]?[0-9]+$")
_INT8 = re.compile(r"^0o[0-7]+$")
_INT16 = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")



@dataclass
class Loaded:
    data: Any = None
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    issues: list[LoadIssue] = field(default_factory=list)

    def where(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """Best position for ``path``: the node itself, else its nearest located ancestor."""
        table = self.key_positions if key else self.positions
        p = tuple(path)
        while p:
            if p in table:
                return table[p]
            if p in self.positions:
                return self.positions[p]
            p = p[:-1]
        return self.positions.get((), (1, 1))


def line_col_of_offset(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1


def decode(raw: bytes) -> tuple[str | None, list[LoadIssue]]:
    """UTF-8 with an optional BOM; CRLF is left to the parser, which accepts it."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8", errors="replace")
        line, col = line_col_of_offset(good, len(good))
        return None, [LoadIssue.of("encoding", phrase("load.encoding", byte=f"{raw[exc.start]:02x}"), line, col,
                                   phrase("load.encoding.hint"))]


def control_characters(text: str, line_offset: int = 0) -> list[LoadIssue]:
    issues = []
    for m in CONTROL.finditer(text):
        line, col = line_col_of_offset(text, m.start())
        issues.append(LoadIssue.of("control-char", phrase("load.control_char", code=f"{ord(m.group()):04X}"),
                                   line + line_offset, col, phrase("load.control_char.hint")))
        if len(issues) >= MAX_ERRORS_PER_CODE:
            break
    return issues


_NOT_SPECIAL_START = frozenset("nNtTfF~0123456789+-.")
_WORD_START = frozenset("nNtTfF~")  # where a null or a boolean can start; a number starts elsewhere
_QUOTED = ('"', "'")
_FOLDED = (None, "", ">")  # plain and folded scalars: YAML turns their line breaks into spaces


def resolve_plain(value: str) -> Any:
    # Fast path: most plain scalars are words, and no null/bool/number starts with another character.
    if value and value[0] not in _NOT_SPECIAL_START:
        return value
    # Each pattern is tried only where its first character allows a match, in the core schema's order.
    if not value or value[0] in _WORD_START:
        if _NULL.match(value):
            return None
        if _BOOL.match(value):
            return value[0] in "tT"
        return value
    if _INT10.match(value):
        return int(value, 10)
    if value[0] == "0":
        if _INT8.match(value):
            return int(value[2:], 8)
        if _INT16.match(value):
            return int(value[2:], 16)
    if _FLOAT.match(value):
        return float(value)
    if _INF.match(value):
        return -math.inf if value.startswith("-") else math.inf
    if _NAN.match(value):
        return math.nan
    return value


def _resolve_tagged(tag: str, value: str) -> Any:
    if tag in ("!", _CORE + "str"):
        return value
    resolved = resolve_plain(value)
    kind = tag[len(_CORE):]
    expected = {"int": int, "float": (int, float), "bool": bool, "null": type(None)}[kind]
    if isinstance(resolved, bool) and kind != "bool":
        raise ValueError
    if not isinstance(resolved, expected):
        raise ValueError
    return float(resolved) if kind == "float" else resolved


class _Frame:
    __slots__ = ("container", "path", "pending_key", "pending_path", "keys", "flow_line", "column", "is_map")

    def __init__(self, container: Any, path: Path, flow_line: int | None, column: int):
        self.container = container
        self.path = path
        self.pending_key: str | None = None
        self.pending_path: Path = path  # path + (pending_key,) while a key waits for its value
        self.keys: dict[str, tuple[int, int]] = {}
        self.flow_line = flow_line  # the line a `[...]`/`{...}` collection opens on
        self.column = column  # where a block collection's first entry starts (its indentation)
        self.is_map = isinstance(container, dict)


_Scalar, _MappingStart, _SequenceStart = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_MappingEnd, _SequenceEnd = yaml.MappingEndEvent, yaml.SequenceEndEvent

# libyaml 0.2.6 (bundled with PyYAML 6.0.4) stops deep flow collections by itself, while its
# scanner looks ahead, before the first event reaches our depth check: that is its message.
_LIBYAML_DEPTH_PROBLEM = "exceeded maximum nesting depth"


def parse(text: str, *, line_offset: int = 0, event_loader: type = _EventLoader) -> Loaded:
    """Parse one YAML document held in ``text``. ``line_offset`` shifts reported lines
    (used for front matter, whose YAML starts below the opening ``---``). ``event_loader``
    is the PyYAML loader whose events are walked (libyaml's when installed)."""
    out = Loaded()
    counts: dict[str, int] = {}

    def issue(code: str, message: Phrase, mark: Any, hint: Phrase | None = None) -> None:
        counts[code] = counts.get(code, 0) + 1
        if counts[code] <= MAX_ERRORS_PER_CODE:
            out.issues.append(LoadIssue.of(code, message, mark.line + 1 + line_offset, mark.column + 1, hint))

    stack: list[_Frame] = []
    source_lines: list[str] = []
    documents = 0
    # The token pass of yaml_strict costs about as much as this walk. It is needed only for a `#`
    # glued to something or a %YAML directive, or where a tag moves an event's mark away from its
    # token's; otherwise the values over several lines, noted here, are all it could report on.
    token_pass = needs_token_pass(text)
    spanning: list[Spanning] = []
    flow_depth = 0
    loader = event_loader(text)
    next_event = loader.get_event
    positions, key_positions = out.positions, out.key_positions
    top: _Frame | None = None  # stack[-1], kept at hand: most events are scalars in it
    first_line = 1 + line_offset
    try:
        while True:
            event = next_event()
            if event is None:
                break
            kind = type(event)
            # Scalars first: they are most of the events, and this loop is most of a check's time.
            if kind is _Scalar:
                start, end = event.start_mark, event.end_mark
                if event.anchor is not None:
                    issue("anchor", phrase("load.anchor", anchor=event.anchor), start, phrase("load.anchor.hint"))
                tag, style = event.tag, event.style
                if tag is None:
                    value = event.value
                    if not style and (not value or value[0] in _NOT_SPECIAL_START):  # resolve_plain's own fast path
                        value = resolve_plain(value)
                else:
                    token_pass = True
                    if tag in _ALLOWED_TAGS and tag not in (_CORE + "map", _CORE + "seq"):
                        try:
                            value = _resolve_tagged(tag, event.value)
                        except ValueError:
                            issue("tag", phrase("load.tag_value", value=event.value, kind=tag.rsplit(':', 1)[-1]),
                                  start)
                            value = event.value
                    else:
                        issue("tag", phrase("load.tag", tag=_short_tag(tag)), start, phrase("load.tag.hint"))
                        value = event.value
                if start.line != end.line:
                    if style in _QUOTED and not flow_depth:
                        spanning.append(Spanning(start.line, top.column if top else -1, end.line, flow=False))
                    if style in _FOLDED and isinstance(value, str) and not value.isascii():
                        source_lines = source_lines or text.split("\n")
                        value = _unfold_cjk(value, event, source_lines)
            elif kind is _MappingStart or kind is _SequenceStart:
                start = event.start_mark
                if event.anchor is not None:
                    issue("anchor", phrase("load.anchor", anchor=event.anchor), start, phrase("load.anchor.hint"))
                tag = event.tag
                if tag is not None:
                    token_pass = True
                    if tag not in ("!", _CORE + ("map" if kind is _MappingStart else "seq")):
                        issue("tag", phrase("load.tag", tag=_short_tag(tag)), start, phrase("load.tag.hint"))
                if len(stack) >= MAX_DEPTH:
                    issue("too-deep", phrase("load.too_deep", max=MAX_DEPTH), start, phrase("load.too_deep.hint"))
                    out.data = None
                    return out
                container: Any = {} if kind is _MappingStart else []
                path = _child_path(stack, out, event, issue)
                if path is not None:
                    positions[path] = (start.line + 1 + line_offset, start.column + 1)
                    _attach(stack, out, container)
                flow = event.flow_style
                flow_depth += bool(flow)
                top = _Frame(container, path if path is not None else ("<key>",), start.line if flow else None,
                             start.column)
                stack.append(top)
                continue
            elif kind is _MappingEnd or kind is _SequenceEnd:
                done = stack.pop()
                top = stack[-1] if stack else None
                if done.flow_line is not None:
                    flow_depth -= 1
                    if not flow_depth and done.flow_line != event.end_mark.line:
                        spanning.append(Spanning(done.flow_line, top.column if top else -1,
                                                 event.end_mark.line, flow=True))
                continue
            elif kind is yaml.AliasEvent:
                start = event.start_mark
                issue("alias", phrase("load.alias", anchor=event.anchor), start, phrase("load.alias.hint"))
                value = None
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    issue("multiple-documents", phrase("load.multiple_documents"), event.start_mark,
                          phrase("load.multiple_documents.hint"))
                    break
                continue
            else:  # the stream's start and end, a document's end
                continue

            # A scalar or alias: either a mapping key or a value.
            at = (start.line + first_line, start.column + 1)
            if top is None:
                positions[()] = at
                out.data = value
                continue
            if top.is_map:
                key = top.pending_key
                if key is None:
                    key = event.value if kind is _Scalar else "*"
                    if key == "<<" and kind is _Scalar and not event.style:
                        issue("merge-key", phrase("load.merge_key"), start, phrase("load.merge_key.hint"))
                    if key in top.keys:
                        line, col = top.keys[key]
                        issue("duplicate-key", phrase("load.duplicate_key", key=key, line=line, col=col),
                              start, phrase("load.duplicate_key.hint"))
                    else:
                        top.keys[key] = at
                    top.pending_key = key
                    top.pending_path = top.path + (key,)
                    key_positions[top.pending_path] = at
                    continue
                positions[top.pending_path] = at
                top.pending_key = None
                if key != _COMPLEX_KEY and key not in top.container:
                    top.container[key] = value
            else:
                positions[top.path + (len(top.container),)] = at
                top.container.append(value)
    except yaml.MarkedYAMLError as exc:
        if exc.problem == _LIBYAML_DEPTH_PROBLEM and event_loader is not yaml.SafeLoader:
            # Give the answer every libyaml version gives: our own `too-deep`, at the level
            # where the nesting passes MAX_DEPTH. The pure-Python parser has no limit of its
            # own and never recurses, and the walk stops at MAX_DEPTH, so this stays cheap.
            return parse(text, line_offset=line_offset, event_loader=yaml.SafeLoader)
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "invalid YAML"
        line, col = (mark.line + 1 + line_offset, mark.column + 1) if mark else (1 + line_offset, 1)
        out.issues.append(LoadIssue.of("yaml-syntax", phrase("load.yaml_syntax", problem=problem), line, col,
                                       _syntax_hint(problem)))
        out.data = None
    except yaml.YAMLError as exc:  # reader errors (e.g. unacceptable characters) carry no mark
        out.issues.append(LoadIssue.of("yaml-syntax", phrase("load.yaml_error", error=str(exc)), 1 + line_offset, 1))
        out.data = None
    finally:
        loader.dispose()
    if not out.issues and (token_pass or spanning):
        out.issues.extend(lexical_issues(text, line_offset=line_offset) if token_pass
                          else continuation_issues(text, spanning, line_offset=line_offset))
        if out.issues:
            out.data = None
    return out


def _unfold_cjk(value: str, event: Any, lines: list[str]) -> str:
    """A folded or plain scalar over several lines without the spaces YAML put where a line
    break sat between CJK text ("适应日常使用，\\n最终" reads "适应日常使用，最终")."""
    first = event.start_mark.line + (1 if event.style == ">" else 0)  # a block scalar starts at its `>`
    last = event.end_mark.line - (1 if event.end_mark.column == 0 else 0)
    return fold_breaks(value, lines[first:last + 1])


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE):] if tag.startswith(_CORE) else tag


def _syntax_hint(problem: str) -> Phrase:
    if "mapping values are not allowed" in problem:
        return phrase("load.hint.quote_colon")
    if "found character '\\t'" in problem or "tab" in problem:
        return phrase("load.hint.tabs")
    if "could not find expected ':'" in problem:
        return phrase("load.hint.key_value")
    if "found undefined alias" in problem or "alias" in problem:
        return phrase("load.hint.alias")
    return phrase("load.hint.syntax")


def _child_path(stack: list[_Frame], out: Loaded, event: Any, issue: Any) -> Path | None:
    if not stack:
        return ()
    top = stack[-1]
    if isinstance(top.container, dict):
        if top.pending_key is None:
            # A mapping or sequence used as a key.
            issue("complex-key", phrase("load.complex_key"), event.start_mark, phrase("load.complex_key.hint"))
            top.pending_key = _COMPLEX_KEY
            top.pending_path = top.path + (_COMPLEX_KEY,)
            return None
        return top.pending_path
    return top.path + (len(top.container),)


def _attach(stack: list[_Frame], out: Loaded, value: Any) -> None:
    if not stack:
        out.data = value
        return
    top = stack[-1]
    if isinstance(top.container, dict):
        key = top.pending_key
        top.pending_key = None
        if key is not None and key != _COMPLEX_KEY and key not in top.container:
            top.container[key] = value
    else:
        top.container.append(value)
