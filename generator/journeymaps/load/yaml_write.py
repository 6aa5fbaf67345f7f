"""Writing a map as a map file: the schema modeline, comments, then the data in its own key order.

The inverse of the loader, shared by everything that writes maps (`journeymaps new`, the Mermaid
import). PyYAML writes YAML 1.1 and already quotes strings 1.1 would read as something else
(`no`, `on`, `010`, `2024-01-02`); our loader reads YAML 1.2, where `0o17` and `.inf` are
numbers too, so a string 1.2 would resolve to a non-string is quoted as well. Text with line
breaks is written as a literal block (`|`) so it reads as it will show; long lines are never
folded, so a value stays on the line an error points at.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import Any

import yaml

from .yaml12 import resolve_plain


def modeline(schema: str) -> str:
    """The first line of a map file: tells yaml-language-server (and so VS Code) which schema
    ``schema`` (a path relative to the file, or a URL) the file follows."""
    return f"# yaml-language-server: $schema={schema}"


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
# Every date of the format (`last_reviewed`, a pilot's start and end) as a quoted string: YAML 1.1
# readers (js-yaml) would read a bare one as a date, which the schema refuses.
_Dumper.add_representer(_dt.date, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:str", value.isoformat(), style="'"))


def map_file(data: dict[str, Any], *, schema: str, comments: Iterable[str] = ()) -> str:
    """The text of a map file: the modeline for ``schema``, each of ``comments`` as a comment
    line, then ``data``."""
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False,
                     width=1_000_000, indent=2)
    # A line break inside a comment would end it and turn the rest into YAML; an empty comment
    # is a blank line.
    lines = [modeline(schema), *(f"# {' '.join(c.split())}" if c.strip() else "" for c in comments)]
    return "\n".join(lines) + "\n" + body
