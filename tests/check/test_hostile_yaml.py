"""The hostile inputs of FIELD-NOTES section 3 are refused with a located message.
(How fast they are refused is measured by bench/bench_check.py, not asserted here.)"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from journeymaps.load.source import read, read_text_bytes
from journeymaps.load.yaml12 import MAX_BYTES, MAX_DEPTH, parse

BILLION_LAUGHS = (
    b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    b"b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    b"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    b"f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    b"h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
)


def codes(raw: bytes) -> list[tuple[str, int, int]]:
    return [(i.code, i.line, i.col) for i in read_text_bytes(raw, markdown=False).loaded.issues]


def test_billion_laughs_is_refused_at_the_first_anchor() -> None:
    assert len(BILLION_LAUGHS) == 342  # the classic size
    found = codes(BILLION_LAUGHS)
    assert found[0] == ("anchor", 1, 4)
    assert {c for c, _, _ in found} == {"anchor", "alias"}


DEEP = [  # (text, where the level past MAX_DEPTH opens)
    ("[" * 100_000, (1, MAX_DEPTH + 1)),
    ("a:\n" + "- " * 100_000 + "x\n", (2, 2 * (MAX_DEPTH - 1) + 1)),  # the mapping is the first level
    ("{a: " * 100_000, (1, 4 * MAX_DEPTH + 1)),
    ("a: " + "[" * 1_001 + "]" * 1_001 + "\n", (1, 3 + MAX_DEPTH)),  # just past libyaml 0.2.6's own limit
]


@pytest.mark.parametrize(("text", "where"), DEEP)
def test_deep_nesting_is_refused_without_recursion(text: str, where: tuple[int, int]) -> None:
    assert codes(text.encode()) == [("too-deep", *where)]


@pytest.mark.parametrize("event_loader", [yaml.SafeLoader, yaml.CSafeLoader] if yaml.__with_libyaml__
                         else [yaml.SafeLoader])
@pytest.mark.parametrize(("text", "where"), DEEP)
def test_deep_nesting_answer_does_not_depend_on_libyaml(event_loader: type, text: str,
                                                        where: tuple[int, int]) -> None:
    # libyaml 0.2.6 has a nesting limit of its own that fires before ours; 0.2.5 has none.
    issues = parse(text, event_loader=event_loader).issues
    assert [(i.code, i.line, i.col) for i in issues] == [("too-deep", *where)]
    assert issues[0].message == f"nesting deeper than {MAX_DEPTH} levels"


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as f:  # sparse: 50 MB on paper, nothing written
        f.truncate(50 * 1024 * 1024)
    result = read(big)
    assert [(i.code, i.line, i.col) for i in result.loaded.issues] == [("too-large", 1, 1)]
    assert f"{MAX_BYTES:,}" in result.loaded.issues[0].message


def test_yaml_11_surprises_stay_strings() -> None:
    loaded = read_text_bytes(b"a: no\nb: 1:30\nc: 2024-01-02\nd: on\ne: 010\nf: 0o10\n", markdown=False).loaded
    assert loaded.data == {"a": "no", "b": "1:30", "c": "2024-01-02", "d": "on", "e": 10, "f": 8}


def test_bom_and_crlf_are_accepted_with_right_positions() -> None:
    loaded = read_text_bytes(b"\xef\xbb\xbfa: 1\r\nb:\r\n  c: x\r\n", markdown=False).loaded
    assert loaded.issues == []
    assert loaded.data == {"a": 1, "b": {"c": "x"}}
    assert loaded.positions[("b", "c")] == (3, 6)
