"""Maps the render tests draw: every sample map under maps/ and the crafted cases under cases/.

Both are loaded through the real loader and validator, exactly as `journeymaps check` reads them.
A plain module rather than conftest.py: several test folders have a conftest, so `import conftest`
would be ambiguous.
"""

from __future__ import annotations

import datetime as _dt

from functools import lru_cache
from pathlib import Path

import pytest

from journeymaps.check.kpi_series import with_csv
from journeymaps.check.validate import validate_map
from journeymaps.load.source import read
from journeymaps.model.journey import JourneyMap

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CASES = HERE / "cases"
GOLDEN = HERE / "golden"
SAMPLE_FILES = sorted((REPO / "maps").glob("*/*.yaml"))
CASE_FILES = sorted(CASES.glob("*.yaml"))
ALL_FILES = SAMPLE_FILES + CASE_FILES


def file_id(path: Path) -> str:
    return ("case/" if path.parent == CASES else "sample/") + path.stem


@lru_cache(maxsize=None)
def load_map(path: Path) -> JourneyMap:
    result = read(path)
    assert not result.loaded.issues, result.loaded.issues
    m, findings = validate_map(result.loaded, str(path))
    assert m is not None, findings
    # The KPI series of a CSV beside the map, as the checker adds it (its newest value is "now").
    m, findings = with_csv(m, path, result.loaded, str(path), _dt.date(2026, 11, 23), 365)
    assert not findings, findings
    return m


def case(name: str) -> JourneyMap:
    return load_map(CASES / f"{name}.yaml")


all_maps = pytest.mark.parametrize("path", ALL_FILES, ids=file_id)
sample_maps = pytest.mark.parametrize("path", SAMPLE_FILES, ids=file_id)
