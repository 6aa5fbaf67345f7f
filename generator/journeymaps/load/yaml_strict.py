"""What the YAML spec refuses but PyYAML and libyaml let through, where that can hide a mistake.

The parsers accept some invalid documents (the YAML test suite's error cases) and read them
as something the author may not have meant:

- a comment glued to a value (`key: "value"# note`, `[a, b]#x`, `a,#x`, `>#x`): YAML needs a
  space before `#`, and an editor that follows the spec reports the file as broken;
- a quoted value or a flow list/mapping (`[...]`, `{...}`) carried on to lines indented no more
  than the block it sits in, or indented with a tab: the usual sign of a quote or bracket left
  open, which then swallows the keys below it;
- a `%YAML` directive for another version than 1.2: a map is always read as YAML 1.2 (`no`
  stays text), whatever the file says.

This pass reads the token stream (positions included) of a document that already parsed, so it
reports only these, each located.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import yaml

from ..core.phrase import Phrase, phrase
from .issues import LoadIssue

try:  # the same scanner as the event walk in yaml12
    from yaml import CSafeLoader as _TokenLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _TokenLoader  # type: ignore[assignment]

# The line breaks PyYAML's scanner counts (its marks' line numbers follow them).
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_BLOCK_HEADER = re.compile(r"[|>][1-9+-]*")
_FLOW_START = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)
_FLOW_END = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)
_COMMENT_HINT = phrase("load.comment_space.hint")


def lexical_issues(text: str, *, line_offset: int = 0) -> list[LoadIssue]:
    """Issues of a document that parsed without errors (``line_offset`` as in ``yaml12.parse``)."""
    return list(_issues(text, line_offset))


def needs_token_pass(text: str) -> bool:
    """Whether anything but a value over several lines can be found here: a `%YAML` directive or
    a `#` glued to what precedes it. Without them, ``continuation_issues`` on the regions the event
    walk saw finds what ``lexical_issues`` would, without scanning the tokens again."""
    if "%YAML" in text:
        return True
    # str.find, not a regular expression: `[^\s]#` tries a match at every character (0.15 ms a map).
    at = text.find("#")
    while at != -1:
        if at and not text[at - 1].isspace():
            return True
        at = text.find("#", at + 1)
    return False


@dataclass(frozen=True)
class Spanning:
    """A quoted value or an outermost flow collection over several lines (0-based lines), inside
    a block collection at column ``enclosing`` (-1: none)."""

    first: int
    enclosing: int
    last: int
    flow: bool


def continuation_issues(text: str, regions: list[Spanning], *, line_offset: int = 0) -> list[LoadIssue]:
    """The continuation issues of ``regions``, in their order: what ``lexical_issues`` reports for a
    document where ``needs_token_pass`` is false."""
    lines = _lines(text)
    out: list[LoadIssue] = []
    for r in regions:
        what = phrase("load.what.flow") if r.flow else phrase("load.what.quoted")
        out.extend(_continuations(lines, r.first, r.enclosing, r.last, what, line_offset, comments=r.flow))
    return out


def _issues(text: str, line_offset: int) -> Iterator[LoadIssue]:
    lines = _lines(text)
    blocks: list[int] = []  # columns of the open block collections: a continuation goes further right
    flow_depth = 0
    flow_start = (0, -1)  # (0-based line, enclosing block column) of the outermost flow collection
    loader = _TokenLoader(text)
    try:
        while (token := loader.get_token()) is not None:
            start, end = token.start_mark, token.end_mark
            enclosing = blocks[-1] if blocks else -1
            if isinstance(token, (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken)):
                blocks.append(start.column)
            elif isinstance(token, yaml.BlockEndToken):
                blocks.pop()
            elif isinstance(token, yaml.DirectiveToken) and token.name == "YAML" and token.value != (1, 2):
                version = ".".join(map(str, token.value or ()))
                yield LoadIssue.of("yaml-version", phrase("load.yaml_version", version=version),
                                   start.line + 1 + line_offset, start.column + 1, phrase("load.yaml_version.hint"))
            elif isinstance(token, _FLOW_START):
                if flow_depth == 0:
                    flow_start = (start.line, enclosing)
                flow_depth += 1
            elif isinstance(token, _FLOW_END):
                flow_depth -= 1
                yield from _glued_comment(text, end, line_offset)
                if flow_depth == 0:
                    yield from _continuations(lines, *flow_start, end.line, phrase("load.what.flow"),
                                              line_offset, comments=True)
            elif isinstance(token, yaml.FlowEntryToken):
                yield from _glued_comment(text, end, line_offset)
            elif isinstance(token, yaml.ScalarToken) and token.style in ('"', "'"):
                yield from _glued_comment(text, end, line_offset)
                if flow_depth == 0:
                    yield from _continuations(lines, start.line, enclosing, end.line, phrase("load.what.quoted"),
                                              line_offset)
            elif isinstance(token, yaml.ScalarToken) and token.style in ("|", ">"):
                header = _BLOCK_HEADER.match(text, start.index)
                if header is not None and text.startswith("#", header.end()):
                    col = start.column + 1 + header.end() - start.index
                    yield LoadIssue.of("comment-space", phrase("load.comment_space"),
                                       start.line + 1 + line_offset, col, _COMMENT_HINT)
    except yaml.YAMLError:  # the event walk has reported it already
        return
    finally:
        loader.dispose()


def _lines(text: str) -> list[str]:
    """``text`` split where the scanner counts line breaks; ``str.split`` when ``\n`` is the only one."""
    if "\r" in text or "\x85" in text or "\u2028" in text or "\u2029" in text:
        return _LINE_BREAK.split(text)
    return text.split("\n")


def _glued_comment(text: str, mark: yaml.Mark, line_offset: int) -> Iterator[LoadIssue]:
    if text.startswith("#", mark.index):
        yield LoadIssue.of("comment-space", phrase("load.comment_space"), mark.line + 1 + line_offset,
                           mark.column + 1, _COMMENT_HINT)


def _continuations(lines: list[str], first: int, enclosing: int, last: int, what: Phrase, line_offset: int,
                   *, comments: bool = False) -> Iterator[LoadIssue]:
    """Lines ``first + 1 .. last`` continue a value begun on line ``first`` inside a block collection
    at column ``enclosing`` (-1: none); each must be indented with more spaces than that column.
    After those spaces, tabs are fine (they separate, they do not indent)."""
    for n in range(first + 1, last + 1):
        line = lines[n]
        rest = line.lstrip(" \t")
        if not rest or (comments and rest.startswith("#")):
            continue  # blank lines fold into the value; comment lines may sit anywhere
        spaces = len(line) - len(line.lstrip(" "))
        if spaces > enclosing:
            continue
        where = (n + 1 + line_offset, spaces + 1)
        if line[spaces] == "\t":
            yield LoadIssue.of("tab-indent", phrase("load.tab_indent", what=what, line=first + 1 + line_offset),
                               *where, phrase("load.hint.tabs"))
        else:
            yield LoadIssue.of("continuation-indent", phrase("load.continuation_indent", what=what,
                                                             line=first + 1 + line_offset),
                               *where, phrase("load.continuation_indent.hint"))
