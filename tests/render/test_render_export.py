"""`journeymaps export` as a user runs it: by file or id, each format, errors that say what to do."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from journeymaps.cli import main
from journeymaps.model.journey import JourneyMap

from needs import need_module
from render_maps import CASES, REPO, SAMPLE_FILES, load_map

SAMPLE = SAMPLE_FILES[0]


@pytest.fixture(autouse=True)
def at_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["export", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_svg_by_id_to_a_file(capsys, tmp_path: Path) -> None:
    m = load_map(SAMPLE)
    out = tmp_path / "deep" / "map.svg"
    code, _, err = run(capsys, m.id, "--out", str(out))
    assert code == 0 and f"wrote {out}" in err
    text = out.read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')
    assert ET.fromstring(text.split("\n", 1)[1]).get("id") == f"jm-{m.id}-stages"
    assert [p.name for p in out.parent.iterdir()] == ["map.svg"]  # no temporary file left behind


@pytest.mark.parametrize(("diagram", "kind"), [("stages", "stages"), ("matrix", "matrix"), ("sparkline", "spark")])
def test_each_picture_by_path_to_stdout(capsys, diagram: str, kind: str) -> None:
    code, out, _ = run(capsys, str(SAMPLE), "--diagram", diagram)
    assert code == 0
    assert f'class="jm jm-{kind}"' in out


def test_png_to_a_file(capsys, tmp_path: Path) -> None:
    need_module("cairosvg", "install the Debian package libcairo2 (`make test` does)")
    out = tmp_path / "map.png"
    code, _, _ = run(capsys, str(CASES / "one-stage.yaml"), "--format", "png", "--scale", "2", "--theme", "dark",
                     "--out", str(out))
    assert code == 0
    assert out.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_json_is_the_validated_model_in_format_order(capsys) -> None:
    code, out, _ = run(capsys, str(SAMPLE), "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert list(doc)[:4] == ["schema_version", "id", "title", "industry"]
    assert JourneyMap.model_validate_json(out) == load_map(SAMPLE)
    assert run(capsys, str(SAMPLE), "--format", "json")[1] == out


def test_mermaid(capsys) -> None:
    code, out, err = run(capsys, str(SAMPLE), "--format", "mermaid")
    try:
        import journeymaps.interchange.mermaid_export  # noqa: F401
    except ModuleNotFoundError:
        assert code == 1 and "not available yet" in err
        return
    assert code == 0 and out.lstrip().startswith("journey")


def test_lanes_option(capsys) -> None:
    code, out, _ = run(capsys, str(CASES / "one-stage.yaml"), "--lanes", "emotion,actions")
    assert code == 0 and "Opens the renewal page" in out and "Renewal page<" not in out
    code, _, err = run(capsys, str(CASES / "one-stage.yaml"), "--lanes", "feelings")
    assert code == 2 and "unknown lane" in err


@pytest.mark.parametrize(("argv", "message"), [
    (("no-such-map",), "no map with id `no-such-map`"),
    (("Not A Path!",), "neither a map file nor a map id"),
    ((str(SAMPLE), "--format", "svg", "--scale", "2"), "--format png only"),
    ((str(SAMPLE), "--format", "png", "--scale", "0"), "--scale"),
    ((str(SAMPLE), "--diagram", "matrix", "--lanes", "actions"), "stage diagram only"),
])
def test_usage_mistakes_exit_2_with_a_message(capsys, argv: tuple[str, ...], message: str) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2 and message in err


def test_a_map_with_errors_is_not_exported(capsys, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text((CASES / "one-stage.yaml").read_text(encoding="utf-8").replace("channel: website",
                                                                                    "channel: websight"))
    out = tmp_path / "out.svg"
    code, _, err = run(capsys, str(broken), "--out", str(out), "--site-config", str(REPO / "site_config"))
    assert code == 1
    assert "unknown-channel" in err and "websight" in err
    assert not out.exists()
