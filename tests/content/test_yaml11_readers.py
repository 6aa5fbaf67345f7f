"""Other readers of the format: every map we ship or write validates against the published schema
when read by a YAML 1.1 reader too (js-yaml behind ajv-cli, PyYAML's `safe_load`).

A YAML 1.1 reader turns an unquoted `2026-11-04` into a date, which the schema's
`{"type": "string", "format": "date"}` refuses, as ajv does; our loader reads YAML 1.2, where it
stays a string. So the sample maps, `journeymaps new` and `journeymaps import-mermaid` quote dates.
"""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from journeymaps.cli import main
from journeymaps.interchange.mermaid_import import ImportOptions, import_file

REPO = Path(__file__).resolve().parents[2]
SCHEMA = REPO / "generator" / "journeymaps" / "schema" / "journeymap.schema.json"
TODAY = "2026-11-23"


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def yaml11_errors(text: str, validator: jsonschema.protocols.Validator) -> list[str]:
    """What ajv-cli would say about this map file: the YAML 1.1 reading checked against the schema."""
    if text.startswith("---"):  # a Markdown map: the YAML is its front matter
        text = text.split("\n---", 2)[0][3:]
    data = yaml.safe_load(text)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]


def test_the_reader_refuses_an_unquoted_date(validator) -> None:
    """The premise: without quotes, a YAML 1.1 reader breaks a valid map."""
    text = (REPO / "maps" / "banking" / "online-banking.yaml").read_text(encoding="utf-8")
    unquoted = text.replace('last_reviewed: "', "last_reviewed: ").replace('"\n', "\n", 1)
    assert isinstance(yaml.safe_load(unquoted)["last_reviewed"], _dt.date)
    assert any(e.startswith("last_reviewed:") for e in yaml11_errors(unquoted, validator))


SAMPLE_MAPS = sorted(p for p in (REPO / "maps").rglob("*") if p.name.endswith((".yaml", ".map.md")))


@pytest.mark.parametrize("path", SAMPLE_MAPS, ids=lambda p: p.relative_to(REPO).as_posix())
def test_sample_map_validates_as_yaml_11(path: Path, validator) -> None:
    assert yaml11_errors(path.read_text(encoding="utf-8"), validator) == []


def test_there_are_sample_maps() -> None:
    assert len(SAMPLE_MAPS) >= 3


@pytest.fixture
def site(project_copy: Path) -> Path:
    return project_copy


def test_scaffold_writes_maps_yaml_11_readers_accept(site: Path, validator) -> None:
    runs = [
        ["--industry", "banking", "--title", "Opening a savings account", "--id", "fresh"],
        ["--from", "online-banking", "--lang", "pl", "--id", "translated"],
        ["--from", "online-banking", "--id", "designed"]  # same language: a to-be copy,
    ]
    for args in runs:
        assert main(["new", "--today", TODAY, *args]) == 0, args
    written = sorted((site / "maps").rglob("*.yaml"))
    new = [p for p in written if p.stem in ("fresh", "translated", "designed")]
    assert len(new) == len(runs)
    for path in new:
        text = path.read_text(encoding="utf-8")
        assert yaml11_errors(text, validator) == [], path.name
        assert f'last_reviewed: "{TODAY}"' in text or f"last_reviewed: '{TODAY}'" in text


MERMAID = REPO / "tests" / "interchange" / "fixtures"


def test_importer_writes_maps_yaml_11_readers_accept(vocabulary, validator) -> None:
    options = ImportOptions(vocabulary, _dt.date.fromisoformat(TODAY), industry="banking")
    imported = [m for f in sorted(MERMAID.iterdir()) for m in import_file(f, options).maps]
    assert len(imported) >= 8
    for m in imported:
        assert yaml11_errors(m.yaml, validator) == [], m.id
