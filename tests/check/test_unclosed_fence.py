"""A code fence left open in `notes` (issue 9, section 4): check warns, located, with a hint;
and the page writer closes it, so a map's Markdown can never turn the page's generated
headings into code, whichever Markdown engine reads the page."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import markdown
import pytest

from journeymaps.cli import main
from journeymaps.core.markdown import unclosed_fence
from journeymaps.core.escape import narrative

from tests.check.test_project_context import map_text

REPO = Path(__file__).resolve().parents[2]


def check(tmp_path: Path, name: str, text: str, capsys: pytest.CaptureFixture[str]) -> list[dict]:
    folder = tmp_path / "maps" / "banking"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    code = main(["check", "--site-config", str(REPO / "site_config"), "--today", "2026-11-23", "--format", "json",
                 str(folder / name)])
    doc = json.loads(capsys.readouterr().out)
    assert code == 0  # a warning: the page stays safe either way
    return [f for f in doc["findings"] if f["code"] == "unclosed-fence"]


@pytest.mark.parametrize("md, expected", [
    ("text\n```python\nprint(1)", (1, "```")),
    ("~~~~\ncode\n~~~", (0, "~~~~")),  # a shorter fence does not close a longer one
    ("```\ncode\n```python", (0, "```")),  # a fence with an info string does not close one
    ("```\ncode\n```\n\n~~~\nmore\n~~~", None),
    ("``` and `` inline ``", (0, "```")),
    ("    ```\nindented code, not a fence", None),
    ("no fence at all", None),
])
def test_unclosed_fence_finds_the_opening_line(md: str, expected) -> None:
    assert unclosed_fence(md) == expected


def test_check_warns_at_the_map_notes(tmp_path: Path, capsys) -> None:
    text = map_text("fenced") + "notes: |\n  Intro.\n\n  ```python\n  print(1)\n"
    [f] = check(tmp_path, "fenced.yaml", text, capsys)
    assert f["severity"] == "warning" and f["path"].endswith("maps/banking/fenced.yaml")
    assert f["line"] == text.splitlines().index("notes: |") + 1
    assert "line 3 of `notes`" in f["message"] and "```" in f["hint"]


def test_check_warns_at_a_stage_notes(tmp_path: Path, capsys) -> None:
    text = map_text("fenced").replace("    emotions: {ana: 0}\n", "    emotions: {ana: 0}\n    notes: \"~~~\\nx\"\n")
    [f] = check(tmp_path, "fenced.yaml", text, capsys)
    assert f["line"] == next(i for i, line in enumerate(text.splitlines(), 1) if "notes:" in line)


def test_check_warns_at_the_markdown_body_of_a_map_md(tmp_path: Path, capsys) -> None:
    front = map_text("fenced")
    text = f"---\n{front}---\n\nThe story.\n\n```\nnever closed\n"
    [f] = check(tmp_path, "fenced.map.md", text, capsys)
    assert f["line"] == text.splitlines().index("The story.") + 1  # the body's first line of text
    assert "line 3 of `notes`" in f["message"]


@pytest.mark.parametrize("fence", ["```", "````", "~~~", "```python"])
def test_narrative_closes_a_fence_left_open(fence: str) -> None:
    out = narrative(f"Intro.\n\n{fence}\ncode <b>\n")
    assert unclosed_fence(out) is None
    assert "code <b>" in out  # kept as code, not escaped twice


def test_the_page_headings_after_open_notes_stay_headings(vocabulary) -> None:
    from journeymaps.check.runner import MapEntry
    from journeymaps.model.journey import JourneyMap
    from journeymaps.pages.map_page import map_page
    from journeymaps.pages.model import SiteContext
    import yaml

    data = yaml.safe_load(map_text("fenced"))
    data["stages"].append({"id": "retention", "emotions": {"ana": 1}})
    data["stages"][0]["notes"] = "```\nopen"
    entry = MapEntry(Path("maps/banking/fenced.yaml"), "maps/banking/fenced.yaml", JourneyMap.model_validate(data))
    ctx = SiteContext(vocabulary, (entry,), (), "test")
    page = map_page(ctx.entry("fenced"), ctx, diagram="<svg></svg>").content
    assert unclosed_fence(page) is None
    for ext in ("fenced_code", "pymdownx.superfences"):
        out = markdown.markdown(page, extensions=["toc", "attr_list", "md_in_html", "def_list", ext])
        assert 'id="stage-retention"' in out, ext
