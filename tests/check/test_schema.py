"""The published JSON Schema: in sync with the models, valid 2020-12, usable by yaml-language-server,
and in agreement with the checker on the sample maps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from journeymaps.load.source import read
from journeymaps.schema import SCHEMA_PATH, schema_text
from journeymaps.schema.site import SITE_SCHEMA_NAME

REPO = Path(__file__).resolve().parents[2]


def test_committed_schema_matches_the_models() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), "run `journeymaps schema --write` and commit"


def test_schema_is_valid_draft_2020_12_without_unsupported_keywords() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    text = SCHEMA_PATH.read_text(encoding="utf-8")
    assert "unevaluatedProperties" not in text and "prefixItems" not in text
    # Unknown keys are errors everywhere: every object schema closes itself.
    for name, sub in schema["$defs"].items():
        assert sub.get("additionalProperties") is False, name
    assert schema["additionalProperties"] is False


MAPS = sorted(p for p in (REPO / "maps").rglob("*.yaml"))


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_sample_maps_validate_against_the_published_schema(path: Path) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    data = read(path).loaded.data
    errors = list(Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER).iter_errors(data))
    assert errors == []


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_sample_maps_start_with_the_site_schema_modeline(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../site_config/journeymap.site.schema.json"
    assert (path.parent / first.split("$schema=")[1]).resolve() == REPO / "site_config" / SITE_SCHEMA_NAME
