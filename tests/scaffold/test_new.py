"""`journeymaps new`: valid maps that teach the format, never an overwrite, translations and to-be copies."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeymaps.check.runner import check_paths
from journeymaps.cli import main
from journeymaps.load.site_config import load_vocabulary
from journeymaps.project import load_project
from journeymaps.schema.site import SITE_MODELINE_TARGET, SITE_SCHEMA_NAME

# A map in the project points at its site's schema (issue 17).
MODELINE = f"# yaml-language-server: $schema={SITE_MODELINE_TARGET}"

TODAY = "2026-11-23"


@pytest.fixture
def site(project_copy: Path) -> Path:
    return project_copy


def new(*args: str) -> int:
    return main(["new", "--today", TODAY, *args])


def errors_of(root: Path, path: Path) -> list:
    vocab, _ = load_vocabulary(root / "site_config")
    result = check_paths([root / "maps"], vocab, root=root)  # the whole folder: cross-map rules too
    return [f for f in result.findings if f.severity == "error" and f.path == path.relative_to(root).as_posix()]


def test_fresh_map_is_valid_and_teaches_the_format(site: Path, capsys, golden) -> None:
    assert new("--industry", "banking", "--title", "Opening a savings account") == 0
    path = site / "maps" / "banking" / "opening-a-savings-account.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(MODELINE + "\n")
    assert errors_of(site, path) == []
    out = capsys.readouterr().out
    assert out.startswith("created maps/banking/opening-a-savings-account.yaml\n")
    assert "journeymaps check maps/banking/opening-a-savings-account.yaml" in out
    golden(Path(__file__).parent / "golden" / "fresh-banking-en.yaml", text)


def test_fresh_map_names_stages_in_its_language(site: Path) -> None:
    assert new("--industry", "banking", "--title", "开设储蓄账户", "--lang", "zh", "--id", "savings-zh") == 0
    path = site / "maps" / "banking" / "savings-zh.yaml"
    text = path.read_text(encoding="utf-8")
    assert "# 认知: " in text and "# 购买: " in text and "industry: banking  # 网上银行" in text
    assert 'title: "开设储蓄账户"' in text
    assert errors_of(site, path) == []


def test_title_is_kept_as_text_whatever_it_holds(site: Path) -> None:
    title = 'Fees: "none" # {{ x }} & <b>yes</b> \\ no'
    assert new("--industry", "banking", "--title", title, "--id", "odd-title") == 0
    project = load_project(site)
    assert project.map("odd-title").map.title == title


def test_refuses_to_overwrite(site: Path, capsys) -> None:
    assert new("--industry", "banking", "--title", "Opening a savings account") == 0
    path = site / "maps" / "banking" / "opening-a-savings-account.yaml"
    path.write_text("# my edits\n", encoding="utf-8")
    capsys.readouterr()
    assert new("--industry", "banking", "--title", "Opening a savings account") == 1
    err = capsys.readouterr().err
    assert "maps/banking/opening-a-savings-account.yaml already exists; nothing was written" in err
    assert "choose another id with --id" in err
    assert path.read_text(encoding="utf-8") == "# my edits\n"


def test_refuses_an_id_another_map_uses(site: Path, capsys) -> None:
    assert new("--industry", "fashion", "--title", "x", "--id", "online-banking") == 1
    assert "already used by maps/banking/online-banking.yaml" in capsys.readouterr().err
    assert not (site / "maps" / "fashion" / "online-banking.yaml").exists()


def test_translation_keeps_the_ids_and_asks_for_the_back_link(site: Path, capsys) -> None:
    assert new("--from", "online-banking", "--lang", "pl", "--title", "Bankowość internetowa") == 0
    out = capsys.readouterr().out
    assert ("next: add `pl: online-banking-pl` under `translations:` in maps/banking/online-banking.yaml, "
            "so the two maps link both ways") in out
    path = site / "maps" / "banking" / "online-banking-pl.yaml"
    assert path.read_text(encoding="utf-8").startswith(MODELINE + "\n")
    assert errors_of(site, path) == []
    project = load_project(site)
    source, copy = project.map("online-banking").map, project.map("online-banking-pl").map
    assert (copy.lang, copy.title, copy.status, copy.translations) == ("pl", "Bankowość internetowa", "as-is",
                                                                       {"en": "online-banking"})
    assert [s.id for s in copy.stages] == [s.id for s in source.stages]
    assert [p.id for p in copy.personas] == [p.id for p in source.personas]
    assert copy.pain_point_index().keys() == source.pain_point_index().keys()
    assert copy.opportunity_index().keys() == source.opportunity_index().keys()
    assert copy.stages == source.stages  # the text to translate is all there
    # The KPI series is read from the original's CSV, not copied into the translation.
    assert copy.kpi_data == "online-banking.kpi.csv" and "observations" not in path.read_text(encoding="utf-8")


def test_to_be_version(site: Path, capsys) -> None:
    # The sample content has an online-banking-to-be map already: this one is a second redesign.
    assert new("--from", "maps/banking/online-banking.yaml", "--id", "online-banking-next") == 0
    path = site / "maps" / "banking" / "online-banking-next.yaml"
    assert errors_of(site, path) == []
    project = load_project(site)
    source, copy = project.map("online-banking").map, project.map("online-banking-next").map
    assert (copy.status, copy.based_on, copy.lang) == ("to-be", "online-banking", "en")
    assert copy.title == source.title + " (to-be)"
    assert copy.translations == {}
    # A designed journey has no measurements yet: the copy leaves the KPI series (the CSV) behind.
    assert all(not k.observations for s in copy.stages for k in s.kpis)
    unmeasured = [s.model_copy(update={"kpis": [k.model_copy(update={"observations": []}) for k in s.kpis]})
                  for s in source.stages]
    assert copy.model_copy(update={"id": source.id, "title": source.title, "status": source.status,
                                   "based_on": None, "translations": source.translations,
                                   "last_reviewed": source.last_reviewed}) == source.model_copy(
        update={"stages": unmeasured})


def test_the_modeline_finds_the_site_schema_from_any_maps_folder(site: Path, capsys) -> None:
    (site / "site_config" / SITE_SCHEMA_NAME).unlink()
    elsewhere = site / "docs" / "journeys"
    assert new("--industry", "banking", "--title", "Elsewhere", "--maps-dir", str(elsewhere)) == 0
    path = elsewhere / "banking" / "elsewhere.yaml"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    target = first.removeprefix("# yaml-language-server: $schema=")
    assert target == "../../../site_config/" + SITE_SCHEMA_NAME
    # The schema it points at is there: `new` wrote it, as the build would have.
    assert (path.parent / target).resolve().is_file()
    assert SITE_SCHEMA_NAME in capsys.readouterr().err


def test_copy_keeps_text_that_yaml_1_1_would_misread(site: Path) -> None:
    source = site / "maps" / "banking" / "online-banking.yaml"
    text = source.read_text(encoding="utf-8").replace("owner: Digital Onboarding Tribe", 'owner: "0o17"', 1)
    source.write_text(text, encoding="utf-8")
    assert new("--from", "online-banking", "--id", "copy") == 0
    assert load_project(site).map("copy").map.owner == "0o17"


@pytest.mark.parametrize("args, message", [
    (["--industry", "bankin", "--title", "x"], "unknown industry `bankin` (did you mean `banking`?)"),
    (["--title", "x"], "give the industry with --industry ID"),
    (["--industry", "banking"], "give the map a title with --title TEXT"),
    (["--industry", "banking", "--title", "开户"], "give one with --id"),
    (["--industry", "banking", "--title", "x", "--id", "Bad Id"], "is not a valid id"),
    (["--industry", "banking", "--title", "x", "--lang", "Polish"], "is not a language tag"),
    (["--from", "no-such-map"], "--from: no valid map `no-such-map`"),
])
def test_usage_mistakes(site: Path, capsys, args: list[str], message: str) -> None:
    assert new(*args) == 2
    assert message in capsys.readouterr().err
