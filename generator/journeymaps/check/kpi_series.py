"""Rules on KPI series: observation dates and values, the current value, the newest
measurement's age, and the map's KPI data file (CSV), each finding where the value is written."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.findings import Finding
from ..core.phrase import phrase
from ..load.kpi_csv import KpiCsv, default_path, read_kpi_csv
from ..load.yaml12 import Loaded
from ..model.journey import JourneyMap, Kpi, Observation
from ..model.kpi_series import latest
from ..model.units import bounds, plausible
from .hints import suggestion
from .worded import finding

Where = tuple[int, int]


def _n(value: float) -> str:
    """A value as the author wrote it: 101, not 101.0."""
    return f"{value:g}"


@dataclass(frozen=True)
class Seen:
    """An observation and where it is written (the map or its CSV)."""

    obs: Observation
    display: str
    date_at: Where
    value_at: Where


def kpi_paths(m: JourneyMap) -> dict[str, tuple[Any, ...]]:
    """KPI id -> its path in the map (the first, when an id is used twice: that is reported elsewhere)."""
    out: dict[str, tuple[Any, ...]] = {}
    for i, s in enumerate(m.stages):
        for j, k in enumerate(s.kpis):
            out.setdefault(k.id, ("stages", i, "kpis", j))
    return out


def check_in_map(m: JourneyMap, loaded: Loaded, display: str, today, max_age: int) -> list[Finding]:
    """The KPI rules on the map alone: units of its own values, target dates, its observations."""
    out: list[Finding] = []
    for k, path in _kpis(m):
        for name in ("baseline", "target", "current"):
            value = getattr(k, name)
            if value is not None and not plausible(value, k.unit):
                out.append(_implausible(display, loaded.where(path + (name,)), k, value))
        if k.target is not None and k.target_date is None:
            out.append(finding(display, *loaded.where(path + ("id",)), "warning", "kpi-no-target-date",
                               phrase("check.kpi_no_target_date", kpi=k.id), phrase("check.kpi_no_target_date.hint")))
        seen = [Seen(o, display, loaded.where(path + ("observations", n, "date")),
                     loaded.where(path + ("observations", n, "value"))) for n, o in enumerate(k.observations)]
        if seen:
            out += judge(k, seen, lambda name: (display, loaded.where(path + (name,))), today, max_age)
    return out


def judge(k: Kpi, seen: list[Seen], at: Callable[[str], tuple[str, Where]], today, max_age: int) -> list[Finding]:
    """One KPI's series, wherever it is written: each observation, then the series as a whole."""
    out: list[Finding] = []
    first_seen: dict[object, Seen] = {}
    for s in seen:
        if s.obs.date > today:
            out.append(finding(s.display, *s.date_at, "error", "future-observation",
                               phrase("check.future_observation", kpi=k.id, date=s.obs.date.isoformat(),
                                      today=today.isoformat()), phrase("check.future_observation.hint")))
        if not plausible(s.obs.value, k.unit):
            out.append(_implausible(s.display, s.value_at, k, s.obs.value))
        if s.obs.date in first_seen:
            before = first_seen[s.obs.date]
            out.append(finding(s.display, *s.date_at, "error", "duplicate-observation",
                               phrase("check.duplicate_observation", kpi=k.id, date=s.obs.date.isoformat(),
                                      line=before.date_at[0]), phrase("check.duplicate_observation.hint")))
        first_seen.setdefault(s.obs.date, s)
    newest = latest(k.model_copy(update={"observations": [s.obs for s in seen]}))
    if newest is None:
        return out
    if k.current is not None and k.current != newest.value:
        shown, where = at("current")
        out.append(finding(shown, *where, "error", "current-conflict",
                           phrase("check.current_conflict", kpi=k.id, current=_n(k.current), value=_n(newest.value),
                                  date=newest.date.isoformat()), phrase("check.current_conflict.hint")))
    age = (today - newest.date).days
    if age > max_age:
        s = next(s for s in seen if s.obs.date == newest.date)
        out.append(finding(s.display, *s.date_at, "warning", "stale-kpi",
                           phrase("check.stale_kpi", kpi=k.id, days=age, limit=max_age), phrase("check.stale_kpi.hint")))
    return out


def _implausible(display: str, where: Where, k: Kpi, value: float) -> Finding:
    lo, hi = bounds(k.unit)
    limits = phrase("check.unit_range", unit=k.unit, min=_n(lo), max=_n(hi)) if hi is not None else \
        phrase("check.unit_min", unit=k.unit, min=_n(lo))
    return finding(display, *where, "error", "implausible-value",
                   phrase("check.implausible_value", kpi=k.id, value=_n(value), limits=limits),
                   phrase("check.implausible_value.hint"))


def _kpis(m: JourneyMap):
    for i, s in enumerate(m.stages):
        for j, k in enumerate(s.kpis):
            yield k, ("stages", i, "kpis", j)


def data_file(m: JourneyMap, map_path: Path) -> Path | None:
    """The KPI data file of a map: the one it names, else ``<name>.kpi.csv`` beside it if present."""
    if m.kpi_data is not None:
        return map_path.parent / m.kpi_data
    found = default_path(map_path)
    return found if found.is_file() else None


def with_csv(m: JourneyMap, map_path: Path, loaded: Loaded, display: str, today,
             max_age: int) -> tuple[JourneyMap, list[Finding]]:
    """The map with its CSV observations added to its KPIs, and the findings about the CSV."""
    path = data_file(m, map_path)
    if path is None:
        return m, []
    if m.kpi_data is not None and not path.is_file() and not path.is_symlink():
        return m, [finding(display, *loaded.where(("kpi_data",)), "error", "missing-kpi-data",
                           phrase("check.missing_kpi_data", file=m.kpi_data), phrase("check.missing_kpi_data.hint"))]
    shown = posixpath.join(posixpath.dirname(display), path.name)
    data: KpiCsv = read_kpi_csv(path)
    out = [i.finding(shown) for i in data.issues]
    paths = kpi_paths(m)
    kpis = {k.id: k for k, _ in _kpis(m)}
    added: dict[str, list[Seen]] = {}
    for row in data.rows:
        k = kpis.get(row.kpi)
        if k is None:
            out.append(finding(shown, row.line, row.cols[0], "error", "unknown-kpi",
                               phrase("check.csv_unknown_kpi", kpi=row.kpi, map=m.id),
                               suggestion(row.kpi, kpis) or phrase("check.csv_unknown_kpi.hint")))
            continue
        if k.observations:
            if row.kpi not in added:  # said once per KPI, at its first row
                out.append(finding(shown, row.line, row.cols[0], "error", "observations-twice",
                                   phrase("check.observations_twice", kpi=row.kpi,
                                          line=loaded.where(paths[row.kpi] + ("observations",))[0]),
                                   phrase("check.observations_twice.hint")))
                added[row.kpi] = []
            continue
        added.setdefault(row.kpi, []).append(
            Seen(Observation(date=row.date, value=row.value), shown, (row.line, row.cols[1]), (row.line, row.cols[2])))
    merged: dict[str, list[Observation]] = {}
    for kpi_id, seen in added.items():
        if not seen:
            continue
        k = kpis[kpi_id]
        out += judge(k, seen, lambda name, p=paths[kpi_id]: (display, loaded.where(p + (name,))), today, max_age)
        merged[kpi_id] = [s.obs for s in seen]
    return _merge(m, merged), out


def _merge(m: JourneyMap, merged: dict[str, list[Observation]]) -> JourneyMap:
    if not merged:
        return m
    stages = [s.model_copy(update={"kpis": [k.model_copy(update={"observations": merged[k.id]}) if k.id in merged
                                            else k for k in s.kpis]}) for s in m.stages]
    return m.model_copy(update={"stages": stages})
