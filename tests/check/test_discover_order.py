"""Files are found in the order of their paths, part by part, whatever the folder walk met first:
findings and pages come out in the same order on every machine."""

from __future__ import annotations

from pathlib import Path

from journeymaps.check.runner import Folders, display_path
from journeymaps.load.source import discover


def test_sources_come_in_path_order(tmp_path: Path) -> None:
    names = ["maps/z.yaml", "maps/banking/b.yaml", "maps/banking-x/a.yaml", "maps/banking/a.map.md",
             "maps/bank/c.yml", "maps/method/guide.md", "maps/Banking/d.yaml"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("id: x\n", encoding="utf-8")
    sources, problems = discover([tmp_path / "maps"])
    assert problems == []
    found = [s.path.relative_to(tmp_path).as_posix() for s in sources]
    assert found == ["maps/Banking/d.yaml", "maps/bank/c.yml", "maps/banking/a.map.md", "maps/banking/b.yaml",
                     "maps/banking-x/a.yaml", "maps/method/guide.md", "maps/z.yaml"]
    assert [s.kind for s in sources][-2:] == ["guide", "map"]


def test_a_path_is_shown_from_the_root_or_as_given(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "maps" / "banking").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path)
    folders = Folders(tmp_path / "maps")
    assert folders.shown(Path("maps/banking/a.yaml")) == "banking/a.yaml"
    assert folders.shown(Path("maps/banking/../banking/b.yaml")) == "banking/b.yaml"
    assert folders.shown(tmp_path / "maps" / "top.yaml") == "top.yaml"
    assert folders.shown(Path("elsewhere/c.yaml")) == "elsewhere/c.yaml"  # outside the root: as given
    assert display_path(Path("a.yaml"), tmp_path) == "a.yaml"
    assert folders.real(Path("maps/banking/../banking/a.yaml")) == str(tmp_path.resolve() / "maps/banking/a.yaml")
