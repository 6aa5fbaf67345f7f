"""Property: whatever the bytes, `journeymaps check` answers with findings, never a traceback."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeymaps.cli import main

SITE_CONFIG = str(Path(__file__).resolve().parents[2] / "site_config")
BASE = (Path(__file__).parent / "examples" / "positive" / "banking" / "minimal.yaml").read_text(encoding="utf-8")

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10) | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


def check_bytes(tmp: Path, raw: bytes, capsys) -> None:
    folder = tmp / "banking"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "fuzz.yaml"
    target.write_bytes(raw)
    code = main(["check", "--site-config", SITE_CONFIG, "--today", "2026-11-23", str(target)])
    captured = capsys.readouterr()
    assert code in (0, 1), captured.err
    assert "internal error" not in captured.err and "Traceback" not in captured.err


common = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@common
@given(raw=st.binary(max_size=400))
def test_random_bytes(tmp_path: Path, capsys, raw: bytes) -> None:
    check_bytes(tmp_path, raw, capsys)


@common
@given(value=json_values)
def test_random_yaml_documents(tmp_path: Path, capsys, value) -> None:
    check_bytes(tmp_path, yaml.safe_dump(value, allow_unicode=True).encode(), capsys)


@common
@given(data=st.data())
def test_random_values_in_a_valid_map(tmp_path: Path, capsys, data) -> None:
    """Mutate one field of a valid map at a time: the schema and rules must cope with anything."""
    doc = yaml.safe_load(BASE)
    paths = [("title",), ("stages",), ("personas",), ("stages", 0, "emotions"), ("stages", 0, "touchpoints"),
             ("stages", 0, "id"), ("personas", 0), ("emotion_scale",), ("translations",), ("last_reviewed",)]
    path = data.draw(st.sampled_from(paths))
    node = doc
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = data.draw(json_values)
    check_bytes(tmp_path, yaml.safe_dump(doc, allow_unicode=True).encode(), capsys)


@common
@given(text=st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"#\n\t ?%@`,~0.")), max_size=200))
def test_random_yaml_syntax(tmp_path: Path, capsys, text: str) -> None:
    check_bytes(tmp_path, text.encode(), capsys)
