"""`journeymaps check FILE` keeps what the other files of the project gave, and notices when they change.

A file named on its own is judged in its project (translations, `based_on`, duplicate ids).
The other maps' summaries come from the user's cache folder when their text, site_config/ and
the code are unchanged; any change to one of them is seen on the next run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def _check(root: Path, cache: Path, *paths: str) -> subprocess.CompletedProcess:
    env = {"XDG_CACHE_HOME": str(cache), "PATH": "/usr/bin:/bin", "JOURNEYMAPS_LANG": "en"}
    return subprocess.run([sys.executable, "-m", "journeymaps", "check", "--today", "2026-11-23", *paths],
                          cwd=root, capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def project(project_copy, tmp_path):
    return project_copy, tmp_path / "cache"


def test_a_change_to_another_map_is_seen_through_the_cache(project):
    root, cache = project
    named = "maps/banking/online-banking.yaml"
    first = _check(root, cache, named)
    assert first.returncode == 0, first.stdout + first.stderr
    assert list(cache.rglob("*.pickle")), "the first run keeps the other maps' summaries"
    assert not list(root.rglob("*.pickle")), "never inside the repository"
    again = _check(root, cache, named)
    assert again.stdout == first.stdout
    # The Chinese translation changes its id: the named map's translation link now points nowhere.
    zh = root / "maps" / "banking" / "online-banking-zh.yaml"
    zh.write_text(zh.read_text(encoding="utf-8").replace("id: online-banking-zh", "id: online-banking-cn", 1),
                  encoding="utf-8")
    broken = _check(root, cache, named)
    assert broken.returncode == 1
    assert "online-banking-zh" in broken.stdout and named in broken.stdout
    # The same as a check that keeps nothing.
    fresh = _check(root, cache.parent / "empty-cache", named)
    assert fresh.stdout == broken.stdout


def test_a_change_to_site_config_checks_every_file_again(project):
    root, cache = project
    named = "maps/banking/online-banking.yaml"
    assert _check(root, cache, named).returncode == 0
    (stored,) = cache.rglob("*.pickle")
    before = stored.read_bytes()
    settings = root / "site_config" / "settings.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert _check(root, cache, named).returncode == 0
    assert stored.read_bytes() != before  # a new vocabulary: a new salt, the summaries made again


def test_a_damaged_cache_is_ignored(project):
    root, cache = project
    named = "maps/banking/online-banking.yaml"
    first = _check(root, cache, named)
    (stored,) = cache.rglob("*.pickle")
    stored.write_bytes(b"not a pickle")
    again = _check(root, cache, named)
    assert again.returncode == first.returncode and again.stdout == first.stdout and not again.stderr


def test_a_check_that_learns_nothing_new_leaves_the_cache_alone(project):
    """The named file is checked on every run; when nothing changed, the cache is not written again
    (rewriting a thousand summaries cost every save in an editor), and an edit still updates it."""
    root, cache = project
    named = "maps/banking/online-banking.yaml"
    first = _check(root, cache, named)
    (stored,) = cache.rglob("*.pickle")
    before = stored.stat()
    again = _check(root, cache, named)
    assert again.stdout == first.stdout
    after = stored.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    target = root / named
    target.write_text(target.read_text(encoding="utf-8").replace("title: ", "title: Renamed ", 1), encoding="utf-8")
    assert _check(root, cache, named).returncode == 0
    assert stored.stat().st_ino != before.st_ino  # swapped in whole: the edited file's summary is kept


def test_a_maps_kpi_data_is_part_of_its_key(tmp_path):
    """A map's KPI data (`<name>.kpi.csv` beside it) changes what the rules see: adding, editing or
    removing it gives the map a new key, and a data file of another map does not."""
    from journeymaps.check.context_cache import ContextCache

    folder = tmp_path / "maps" / "banking"
    folder.mkdir(parents=True)
    (tmp_path / "site_config").mkdir()
    path = folder / "online.yaml"
    path.write_text("id: online\n", encoding="utf-8")

    def key() -> bytes | None:  # a new cache per run, as each check opens one
        return ContextCache.open(tmp_path / "maps", tmp_path / "site_config", tmp_path / "cache").key(path, "x")

    alone = key()
    (folder / "other.kpi.csv").write_text("kpi,date,value\n", encoding="utf-8")
    assert key() == alone
    data = folder / "online.kpi.csv"
    data.write_text("kpi,date,value\n", encoding="utf-8")
    with_data = key()
    assert with_data != alone
    data.write_text("kpi,date,value\nrate,2026-01-01,5\n", encoding="utf-8")
    assert key() not in (alone, with_data)
    data.unlink()
    assert key() == alone
    path.unlink()
    assert key() is None
