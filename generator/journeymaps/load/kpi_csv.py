"""A map's KPI data file: CSV rows ``kpi,date,value`` as an analytics export writes them.

Read with the standard ``csv`` module. Every row keeps its line and the column of each field,
so a bad date or value is reported where it sits in the CSV, not in the map. Extra columns
(an export's own ``source`` or ``segment``) are ignored; the three named ones are required.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import math
from dataclasses import dataclass, field
from pathlib import Path

from ..core.phrase import phrase
from .issues import LoadIssue
from .source import read_bytes
from .yaml12 import control_characters, decode

COLUMNS = ("kpi", "date", "value")
SUFFIX = ".kpi.csv"


@dataclass(frozen=True)
class CsvRow:
    kpi: str
    date: _dt.date
    value: float
    line: int
    cols: tuple[int, int, int]  # 1-based columns of kpi, date and value


@dataclass
class KpiCsv:
    path: Path
    rows: list[CsvRow] = field(default_factory=list)
    issues: list[LoadIssue] = field(default_factory=list)


def default_path(map_path: Path) -> Path:
    """``online-banking.yaml`` -> ``online-banking.kpi.csv`` (``x.map.md`` -> ``x.kpi.csv``)."""
    name = map_path.name
    for suffix in (".map.md", ".yaml", ".yml"):
        if name.endswith(suffix):
            return map_path.with_name(name[: -len(suffix)] + SUFFIX)
    return map_path.with_name(map_path.stem + SUFFIX)


def read_kpi_csv(path: Path) -> KpiCsv:
    out = KpiCsv(path)
    raw, issue = read_bytes(path)
    if issue is not None:
        out.issues.append(issue)
        return out
    text, issues = decode(raw or b"")
    issues = issues or control_characters(text or "")
    if issues or text is None:
        out.issues += issues
        return out
    lines = text.splitlines()
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    where: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        cols = _columns(lines[line - 1] if line - 1 < len(lines) else "", len(row))
        if header is None:
            header = [cell.strip().lower() for cell in row]
            missing = [c for c in COLUMNS if c not in header]
            if missing:
                out.issues.append(LoadIssue.of("csv-header", phrase("csv.header", missing=", ".join(missing)), line, 1,
                                               phrase("csv.header.hint")))
                return out
            where = {c: header.index(c) for c in COLUMNS}
            continue
        if len(row) < len(header):
            out.issues.append(LoadIssue.of("csv-row", phrase("csv.short_row", n=len(row), expected=len(header)), line,
                                           cols[-1] if cols else 1, phrase("csv.header.hint")))
            continue
        kpi, date_text, value_text = (row[where[c]].strip() for c in COLUMNS)
        kcol, dcol, vcol = (cols[where[c]] for c in COLUMNS)
        ok = True
        if not kpi:
            out.issues.append(LoadIssue.of("csv-row", phrase("csv.no_kpi"), line, kcol, phrase("csv.no_kpi.hint")))
            ok = False
        try:
            day = _dt.date.fromisoformat(date_text)
            if len(date_text) != 10:
                raise ValueError(date_text)
        except ValueError:
            out.issues.append(LoadIssue.of("csv-date", phrase("csv.bad_date", value=date_text), line, dcol,
                                           phrase("check.bad_date.hint")))
            ok = False
        try:
            value = float(value_text)
            if not math.isfinite(value):
                raise ValueError(value_text)
        except ValueError:
            out.issues.append(LoadIssue.of("csv-value", phrase("csv.bad_value", value=value_text), line, vcol,
                                           phrase("csv.bad_value.hint")))
            ok = False
        if ok:
            out.rows.append(CsvRow(kpi, day, value, line, (kcol, dcol, vcol)))
    if header is None:
        out.issues.append(LoadIssue.of("csv-header", phrase("csv.header", missing=", ".join(COLUMNS)), 1, 1,
                                       phrase("csv.header.hint")))
    return out


def _columns(line: str, n: int) -> tuple[int, ...]:
    """1-based start column of each of the ``n`` fields on ``line`` (commas inside quotes skipped)."""
    starts = [1]
    quoted = False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            starts.append(i + 2)
    starts += [len(line) + 1] * (n - len(starts))
    return tuple(starts[:max(n, 1)])
