"""The one writer of map files (`journeymaps new` and the Mermaid import): what it writes reads
back, through our YAML 1.2 loader, as exactly the data it was given."""

from __future__ import annotations

from journeymaps.load.yaml12 import parse
from journeymaps.load.yaml_write import map_file


def test_text_comes_back_as_the_same_text() -> None:
    data = {"id": "odd", "owner": "0o17", "summary": ".inf", "title": "no", "tags": ["010", "2024-01-02", "~"],
            "notes": "line one\nline two\n", "last_reviewed": "2026-11-23"}
    text = map_file(data, schema="../../site_config/journeymap.site.schema.json",
                    comments=["first note", "a note\nwith: a line break", ""])
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../site_config/journeymap.site.schema.json"
    assert lines[1:4] == ["# first note", "# a note with: a line break", ""]
    assert "notes: |" in text  # multi-line text reads as it will show
    loaded = parse(text)
    assert loaded.data == data


def test_a_date_is_written_as_quoted_text() -> None:
    import datetime as dt

    text = map_file({"start": dt.date(2026, 3, 1)}, schema="x.json")
    assert "start: '2026-03-01'" in text  # YAML 1.1 readers (js-yaml) would read a bare one as a date
    assert parse(text).data == {"start": "2026-03-01"}
