"""Writing a map dict as a map file: stable key order, and strings that stay strings.

PyYAML's SafeDumper already quotes strings that YAML 1.1 would read as something else (`no`,
`on`, `010`, `2024-01-02`); our loader reads YAML 1.2, where `0o17` is a number and plain
`0x1F` too, so a string that 1.2 would resolve to a non-string is quoted as well. Text with line
breaks is written as a literal block (`|`) so it reads as it will show.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import yaml

from ..load.yaml12 import resolve_plain

MODELINE = "# yaml-language-server: $schema=../../generator/journeymaps/schema/journeymap.schema.json\n"


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Indent list items under their key, as the sample maps do.
        super().increase_indent(flow, False)


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = None
    if "\n" in value:
        style = "|"
    elif not isinstance(resolve_plain(value), str):
        style = "'"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump_map(data: dict[str, Any], notes: Iterable[str] = ()) -> str:
    """The text of a map file: the schema modeline, ``notes`` as comments, then ``data`` in its own
    key order."""
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False,
                     width=1_000_000, indent=2)
    # A note is one line of our own words; a line break in it would end the comment.
    comments = "".join(f"# Note: {' '.join(note.split())}\n" for note in notes)
    return MODELINE + comments + body
