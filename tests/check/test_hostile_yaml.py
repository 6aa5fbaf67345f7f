"""The hostile inputs of FIELD-NOTES section 3 are refused with a located message.
(How fast they are refused is measured by bench/bench_check.py, not asserted here.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from journeymaps.load.source import read, read_text_bytes
from journeymaps.load.yaml12 import MAX_BYTES

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


@pytest.mark.parametrize("text", ["[" * 100_000, "a:\n" + "- " * 100_000 + "x\n", "{a: " * 100_000])
def test_deep_nesting_is_refused_without_recursion(text: str) -> None:
    found = codes(text.encode())
    assert found and found[0][0] in ("too-deep", "yaml-syntax")
    assert any(c == "too-deep" for c, _, _ in found)


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
