"""The site schema: in sync with site_config/, and it knows the site's vocabulary where the
generic schema knows only the shape of an id (issue 17, part 1)."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from journeymaps.load.site_config import load_vocabulary
from journeymaps.load.source import read
from journeymaps.schema.site import SITE_SCHEMA_NAME, site_schema_text

REPO = Path(__file__).resolve().parents[2]
SITE_SCHEMA = REPO / "site_config" / SITE_SCHEMA_NAME
MAP = REPO / "maps" / "banking" / "online-banking.yaml"


def _vocab():
    vocab, findings = load_vocabulary(REPO / "site_config")
    assert vocab is not None, findings
    return vocab


def _errors(data: dict) -> list[str]:
    schema = json.loads(SITE_SCHEMA.read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [e.message for e in validator.iter_errors(data)]


def _sample() -> dict:
    return copy.deepcopy(read(MAP).loaded.data)


def test_committed_site_schema_matches_site_config() -> None:
    assert SITE_SCHEMA.read_text(encoding="utf-8") == site_schema_text(_vocab()), \
        "run `journeymaps schema --site` and commit site_config/journeymap.site.schema.json"


def test_site_schema_is_valid_2020_12_and_has_no_null_placeholders() -> None:
    schema = json.loads(SITE_SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert '"default": null' not in SITE_SCHEMA.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", sorted((REPO / "maps").rglob("*.yaml")), ids=lambda p: p.name)
def test_sample_maps_validate_against_the_site_schema(path: Path) -> None:
    assert _errors(read(path).loaded.data) == []


def test_channels_industries_and_stages_are_the_site_catalogues() -> None:
    schema = json.loads(SITE_SCHEMA.read_text(encoding="utf-8"))
    vocab = _vocab()
    channel = schema["$defs"]["Touchpoint"]["properties"]["channel"]
    assert channel["enum"] == [c.id for c in vocab.channels]
    assert channel["enumDescriptions"][channel["enum"].index("search-ads")] == "Search ads"
    assert schema["properties"]["industry"]["enum"] == [i.id for i in vocab.industries]
    assert "telecom" in schema["properties"]["industry"]["enum"]

    data = _sample()
    data["stages"][0]["touchpoints"][0]["channel"] = "pigeon-post"
    data["industry"] = "mining"
    assert sum("pigeon-post" in m for m in _errors(data)) == 1
    assert sum("mining" in m for m in _errors(data)) == 1


def test_a_stage_outside_the_catalogue_needs_a_name() -> None:
    data = _sample()
    data["stages"][1]["id"] = "branch-visit"
    assert any("branch-visit" in m for m in _errors(data))
    data["stages"][1]["name"] = "Branch visit"
    assert _errors(data) == []


def test_scores_are_held_to_the_site_scale_unless_the_map_has_its_own() -> None:
    data = _sample()
    data.pop("emotion_scale", None)
    data["stages"][0]["emotions"]["maya"] = 7
    assert any("7" in m and "maximum" in m for m in _errors(data))
    data["emotion_scale"] = {"min": 1, "max": 10}
    assert _errors(data) == []


def test_evidence_is_a_link_or_hypothesis() -> None:
    data = _sample()
    data["stages"][0]["pain_points"][0]["evidence"] = "we asked around"
    assert len(_errors(data)) == 1
    data["stages"][0]["pain_points"][0]["evidence"] = "hypothesis"
    assert _errors(data) == []


def test_snippets_for_repeated_items() -> None:
    defs = json.loads(SITE_SCHEMA.read_text(encoding="utf-8"))["$defs"]
    for name in ("Stage", "PainPoint", "Opportunity", "Kpi"):
        (snippet,) = defs[name]["defaultSnippets"]
        required = set(defs[name].get("required", []))
        assert required <= set(snippet["body"]), name


def test_schema_site_command_rewrites_a_stale_copy(tmp_path: Path) -> None:
    shutil.copytree(REPO / "site_config", tmp_path / "site_config")
    (tmp_path / "site_config" / SITE_SCHEMA_NAME).unlink()
    cmd = [sys.executable, "-m", "journeymaps", "schema", "--site"]
    done = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site_config" / SITE_SCHEMA_NAME).read_text(encoding="utf-8") == SITE_SCHEMA.read_text(encoding="utf-8")
    # A channel added to the catalogue appears in the schema the next time it is written.
    channels = tmp_path / "site_config" / "channels.yaml"
    channels.write_text(channels.read_text(encoding="utf-8")
                        + "  - id: carrier-pigeon\n    group: owned\n    names: {en: Carrier pigeon}\n", encoding="utf-8")
    done = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "wrote" in done.stderr
    schema = json.loads((tmp_path / "site_config" / SITE_SCHEMA_NAME).read_text(encoding="utf-8"))
    assert "carrier-pigeon" in schema["$defs"]["Touchpoint"]["properties"]["channel"]["enum"]
    again = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert again.returncode == 0 and again.stderr == ""  # unchanged: not rewritten, nothing said


def test_the_build_rewrites_a_stale_site_schema_even_when_a_map_fails(project_copy: Path, capsys) -> None:
    from journeymaps.cli import main

    (project_copy / "mkdocs.yml").write_text((REPO / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    channels = project_copy / "site_config" / "channels.yaml"
    channels.write_text(channels.read_text(encoding="utf-8")
                        + "  - id: carrier-pigeon\n    group: owned\n    names: {en: Carrier pigeon}\n", encoding="utf-8")
    broken = project_copy / "maps" / "banking" / "online-banking.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("    goal:", "    gaol:", 1), encoding="utf-8")
    # The map's error stops the build before MkDocs runs; the editor's schema follows site_config/ regardless.
    assert main(["build", "--config-file", str(project_copy / "mkdocs.yml"), "--out", str(project_copy / "out")]) == 1
    schema = json.loads((project_copy / "site_config" / SITE_SCHEMA_NAME).read_text(encoding="utf-8"))
    assert "carrier-pigeon" in schema["$defs"]["Touchpoint"]["properties"]["channel"]["enum"]
    assert SITE_SCHEMA_NAME in capsys.readouterr().err
    assert not (project_copy / "out").exists()


def test_mkdocs_build_through_the_plugin_rewrites_a_stale_site_schema(project_copy: Path, caplog) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("custom_dir: theme", f"custom_dir: {REPO / 'theme'}")
    (project_copy / "mkdocs.yml").write_text(config, encoding="utf-8")
    channels = project_copy / "site_config" / "channels.yaml"
    channels.write_text(channels.read_text(encoding="utf-8")
                        + "  - id: carrier-pigeon\n    group: owned\n    names: {en: Carrier pigeon}\n", encoding="utf-8")
    broken = project_copy / "maps" / "banking" / "online-banking.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("    goal:", "    gaol:", 1), encoding="utf-8")
    # A failing map stops `mkdocs build` (and every `mkdocs serve` rebuild starts the same way);
    # the schema editors read has followed site_config/ by then.
    loaded = load_config(str(project_copy / "mkdocs.yml"), site_dir=str(project_copy / "out"))
    loaded.plugins.on_startup(command="build", dirty=False)
    # The plugin's own logger: an earlier test's in-process MkDocs run may have left "mkdocs" at WARNING.
    with caplog.at_level("INFO", logger="mkdocs.plugins.journeymaps"), pytest.raises(Abort):
        build(loaded)
    schema = json.loads((project_copy / "site_config" / SITE_SCHEMA_NAME).read_text(encoding="utf-8"))
    assert "carrier-pigeon" in schema["$defs"]["Touchpoint"]["properties"]["channel"]["enum"]
    assert SITE_SCHEMA_NAME in caplog.text
