"""The coverage table (tests/content/coverage.yaml): every item of the four sources has a place in
the content, and every place it names is really there and says it (issue 15 §2)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

TABLE = Path(__file__).with_name("coverage.yaml")
REPO = Path(__file__).resolve().parents[2]
SOURCES = {"000", "001", "002", "003"}
HEADING = re.compile(r"^(#{1,6}) +(.+?)\s*(?:\{#[^}]*\})?\s*$")


def _table() -> dict:
    return yaml.safe_load(TABLE.read_text(encoding="utf-8"))["sources"]


def _items():
    for source, entry in sorted(_table().items()):
        for n, item in enumerate(entry["items"], 1):
            yield pytest.param(source, item, id=f"{source}-{n}")


def _targets():
    for source, entry in sorted(_table().items()):
        for n, item in enumerate(entry["items"], 1):
            for m, target in enumerate(item.get("targets") or [], 1):
                yield pytest.param(target, id=f"{source}-{n}-{m}")


def section(markdown: str, heading: str) -> str | None:
    """The text under ``heading`` (its own line included) up to the next heading of the same or a
    higher level; None when the guide has no such heading. Code fences are not headings."""
    lines, out, level, fenced = markdown.splitlines(), None, 0, False
    for line in lines:
        if line.lstrip().startswith("```"):
            fenced = not fenced
        m = None if fenced else HEADING.match(line)
        if out is not None:
            if m and len(m.group(1)) <= level:
                break
            out.append(line)
        elif m and m.group(2) == heading:
            out, level = [line], len(m.group(1))
    return "\n".join(out) if out is not None else None


def element(data, wanted: str):
    """The mapping whose ``id`` is ``wanted``, anywhere in a loaded YAML document."""
    if isinstance(data, dict):
        if data.get("id") == wanted:
            return data
        children = data.values()
    elif isinstance(data, list):
        children = data
    else:
        return None
    for child in children:
        found = element(child, wanted)
        if found is not None:
            return found
    return None


def text_at(target: dict) -> str | None:
    path = REPO / target["file"]
    assert path.is_file(), f"{target['file']} does not exist"
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        return section(raw, target["at"])
    found = element(yaml.safe_load(raw), target["at"])
    return None if found is None else json.dumps(found, ensure_ascii=False, default=str)


def test_the_table_covers_the_four_sources():
    table = _table()
    assert set(table) == SOURCES
    for source, entry in table.items():
        assert entry["source"].startswith(source + "_") and entry["items"], source
        passages = [i["passage"] for i in entry["items"]]
        assert len(passages) == len(set(passages)), f"{source}: an item is listed twice"


@pytest.mark.parametrize("source,item", list(_items()))
def test_every_item_has_a_target(source, item):
    assert item.get("passage"), f"{source}: an item without its passage"
    assert item.get("targets"), f"{source}: {item['passage']!r} has no place in the content"


@pytest.mark.parametrize("target", list(_targets()))
def test_every_target_exists_and_says_it(target):
    text = text_at(target)
    assert text is not None, f"{target['file']} has no {target['at']!r}"
    # Compared with the whitespace collapsed: prose is wrapped at any word.
    assert " ".join(str(target["says"]).lower().split()) in " ".join(text.lower().split()), \
        f"{target['file']} at {target['at']!r} does not say {target['says']!r}"


def test_the_checks_can_fail():
    md = "# T\n\n## A\n\ntext a\n\n### A1\n\nsub\n\n## B\n\ntext b\n"
    assert "sub" in section(md, "A") and "text b" not in section(md, "A")
    assert section(md, "C") is None
    assert element({"stages": [{"id": "x", "k": [{"id": "y", "v": 1}]}]}, "y") == {"id": "y", "v": 1}
    assert element({"stages": []}, "y") is None
