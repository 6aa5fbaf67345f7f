"""KPI series (issue 14 §1) and the research register (§2) as `journeymaps check` sees them:
each mistake found where it is written (the map, or the CSV beside it, by CSV line and column),
all of them in one run, with a hint."""

from __future__ import annotations

import datetime as _dt
import os
import shutil
import time
from pathlib import Path

import pytest

from journeymaps.cli import main
from journeymaps.load.kpi_csv import read_kpi_csv
from journeymaps.model.journey import Kpi
from journeymaps.model.kpi_series import current_of, progress, track

REPO = Path(__file__).resolve().parents[2]
TODAY = "2026-11-23"

MAP = """\
id: savings
title: Opening a savings account
industry: banking
summary: A short test map.
status: as-is
owner: Test team
last_reviewed: "2026-11-01"
personas:
  - id: ana
    name: Ana
stages:
  - id: awareness
    emotions: {{ana: 0}}
    touchpoints:
      - {{name: Search ad, channel: search-ads}}
    pain_points:
      - {{id: slow-form, text: The form is slow, severity: high, evidence: {evidence}}}
    opportunities:
      - {{id: short-form, text: Shorten the form, addresses: [slow-form], impact: 4, effort: 2}}
    kpis:
{kpis}
"""

REGISTER = """\
studies:
  - id: form-usability-2026-10
    title: Usability test of the application form
    method: usability-test
    sample_size: 8
    date: "2026-10-20"
    owner: UX research
  - id: old-survey-2023
    title: Survey from long ago
    method: survey
    sample_size: 900
    date: "2023-02-01"
    owner: Insights
"""

GOOD_KPI = '      - {id: ctr, name: Click-through rate, unit: "%", baseline: 1.2, target: 2, target_date: "2027-06-30"}'


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "site_config", tmp_path / "site_config")
    (tmp_path / "site_config" / "research.yaml").write_text(REGISTER, encoding="utf-8")
    (tmp_path / "banking").mkdir()
    return tmp_path


def check(project: Path, capsys, *, kpis: str = GOOD_KPI, evidence: str = "hypothesis", csv: str | None = None,
          extra: str = "") -> tuple[int, str]:
    (project / "banking" / "savings.yaml").write_text(MAP.format(kpis=kpis, evidence=evidence) + extra, encoding="utf-8")
    if csv is not None:
        (project / "banking" / "savings.kpi.csv").write_text(csv, encoding="utf-8")
    old = Path.cwd()
    os.chdir(project)
    try:
        code = main(["check", "--site-config", str(project / "site_config"), "--today", TODAY, "banking/savings.yaml"])
    finally:
        os.chdir(old)
    return code, capsys.readouterr().out


def test_a_good_series_in_the_map_passes(project, capsys) -> None:
    kpis = ('      - {id: ctr, name: Click-through rate, unit: "%", baseline: 1.2, target: 2, target_date: "2027-06-30",\n'
            '         observations: [{date: "2026-09-30", value: 1.3}, {date: "2026-10-31", value: 1.4}]}')
    code, out = check(project, capsys, kpis=kpis)
    assert code == 0 and out.startswith("0 errors, 0 warnings"), out


def test_every_mistake_of_a_series_in_the_map_is_located_at_once(project, capsys) -> None:
    kpis = ('      - id: ctr\n        name: Click-through rate\n        unit: "%"\n        baseline: 1.2\n        target: 2\n'
            '        current: 1.9\n        observations:\n'
            '          - {date: "2026-12-24", value: 1.5}\n'      # line 28: in the future
            '          - {date: "2026-10-31", value: 140}\n'      # line 29: not a percentage
            '          - {date: "2026-10-31", value: 1.4}\n')     # line 30: the same day twice
    code, out = check(project, capsys, kpis=kpis)
    assert code == 1
    assert "banking/savings.yaml:28:20: error[future-observation]: the measurement of KPI `ctr` on 2026-12-24 " \
           "lies after today (2026-11-23)" in out
    assert "banking/savings.yaml:29:41: error[implausible-value]: 140 is not a plausible value of KPI `ctr`: " \
           "expected 0 to 100 in `%`" in out
    assert "banking/savings.yaml:30:20: error[duplicate-observation]: KPI `ctr` has two measurements on 2026-10-31 " \
           "(the first on line 29)" in out
    # The newest observation is the current value: a different `current` is a conflict.
    assert "banking/savings.yaml:26:18: error[current-conflict]: KPI `ctr` says `current: 1.9`, but its newest " \
           "measurement (2026-12-24) is 1.5" in out
    assert "warning[kpi-no-target-date]: KPI `ctr` has a target but no target date" in out
    assert "hint: remove `current`" in out


def test_a_stale_series_is_a_warning_and_the_age_is_a_setting(project, capsys) -> None:
    kpis = ('      - {id: ctr, name: Click-through rate, unit: "%", baseline: 1.2, target: 2, target_date: "2027-06-30",\n'
            '         observations: [{date: "2026-03-31", value: 1.3}]}')
    code, out = check(project, capsys, kpis=kpis)
    assert code == 0
    assert "warning[stale-kpi]: the newest measurement of KPI `ctr` is 237 days old (limit 120)" in out
    settings = project / "site_config" / "settings.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("settings:\n", "settings:\n  kpi_max_age_days: 365\n"),
                        encoding="utf-8")
    code, out = check(project, capsys, kpis=kpis)
    assert "stale-kpi" not in out


CSV_BAD = """\
kpi,date,value,source
ctr,2026-09-30,1.3,dashboard
crt,2026-10-31,1.4,dashboard
ctr,2026-13-01,1.5,dashboard
ctr,2026-11-15,"1,6",dashboard
ctr,2026-11-20,101,dashboard
"""


def test_csv_mistakes_are_located_by_csv_line_and_column(project, capsys) -> None:
    code, out = check(project, capsys, csv=CSV_BAD)
    assert code == 1
    lines = [line for line in out.splitlines() if line.startswith("banking/savings.kpi.csv")]
    assert lines == [
        "banking/savings.kpi.csv:3:1: error[unknown-kpi]: map `savings` has no KPI `crt`",
        "banking/savings.kpi.csv:4:5: error[csv-date]: `2026-13-01` is not a date",
        "banking/savings.kpi.csv:5:16: error[csv-value]: `1,6` is not a number",
        "banking/savings.kpi.csv:6:16: error[implausible-value]: 101 is not a plausible value of KPI `ctr`: "
        "expected 0 to 100 in `%`",
    ]
    assert "hint: did you mean `ctr`?" in out


def test_a_kpi_with_a_series_in_both_places_is_an_error(project, capsys) -> None:
    kpis = ('      - {id: ctr, name: Click-through rate, unit: "%", baseline: 1.2, target: 2, target_date: "2027-06-30",\n'
            '         observations: [{date: "2026-09-30", value: 1.3}]}')
    code, out = check(project, capsys, kpis=kpis, csv="kpi,date,value\nctr,2026-10-31,1.4\n")
    assert code == 1
    assert "banking/savings.kpi.csv:2:1: error[observations-twice]: KPI `ctr` has measurements in the map (line 22) " \
           "and in this file" in out


def test_a_named_csv_must_exist_and_a_header_is_required(project, capsys) -> None:
    code, out = check(project, capsys, extra="kpi_data: shared.csv\n")
    assert "banking/savings.yaml:22:11: error[missing-kpi-data]: the KPI data file `shared.csv` is not in the map's folder" \
        in out
    code, out = check(project, capsys, csv="ctr;2026-10-31;1.4\n")
    assert "banking/savings.kpi.csv:1:1: error[csv-header]: the KPI data file needs the columns kpi, date, value" in out


def test_a_kpi_data_path_cannot_leave_the_map_s_folder(project, capsys) -> None:
    code, out = check(project, capsys, extra="kpi_data: ../../etc/passwd.csv\n")
    assert code == 1 and "banking/savings.yaml:22:11: error[value]: `kpi_data` must name a `.csv` file" in out


def test_the_csv_loader_keeps_rows_and_columns(tmp_path: Path) -> None:
    path = tmp_path / "m.kpi.csv"
    path.write_text('\ufeffdate,kpi,value\r\n2026-10-31,"nps",27\r\n\r\n2026-11-15,nps,28.5\r\n', encoding="utf-8")
    data = read_kpi_csv(path)
    assert data.issues == []
    assert [(r.kpi, r.date, r.value, r.line, r.cols) for r in data.rows] == [
        ("nps", _dt.date(2026, 10, 31), 27.0, 2, (12, 1, 18)),
        ("nps", _dt.date(2026, 11, 15), 28.5, 4, (12, 1, 16))]


def test_a_csv_series_becomes_the_kpi_s_current_value(project, capsys, vocabulary) -> None:
    from journeymaps.check.runner import check_paths

    check(project, capsys, csv="kpi,date,value\nctr,2026-10-31,1.6\nctr,2026-09-30,1.3\n")
    result = check_paths([project / "banking"], vocabulary, root=project, today=_dt.date(2026, 11, 23), keep_models=True)
    (k,) = result.maps[0].map.stages[0].kpis
    assert [o.value for o in k.observations] == [1.6, 1.3] and current_of(k) == 1.6


def test_evidence_names_a_study_of_the_register(project, capsys) -> None:
    code, out = check(project, capsys, evidence="form-usability-2026-10")
    assert code == 0 and out.startswith("0 errors, 0 warnings"), out
    code, out = check(project, capsys, evidence="form-usabilty-2026-10")
    assert "banking/savings.yaml:17:75: error[bad-evidence]: evidence `form-usabilty-2026-10` is not a study" in out
    assert "hint: did you mean `form-usability-2026-10`?" in out
    code, out = check(project, capsys, evidence="old-survey-2023")
    assert code == 0
    assert "banking/savings.yaml:17:75: warning[stale-study]: study `old-survey-2023` is 1391 days old (limit 730)" in out


def test_one_map_alone_resolves_study_ids_quickly(capsys) -> None:
    started = time.perf_counter()
    code = main(["check", "--today", TODAY, str(REPO / "maps" / "fashion" / "fashion-store.yaml")])
    elapsed = time.perf_counter() - started
    out = capsys.readouterr().out
    assert code == 0 and "bad-evidence" not in out, out
    assert elapsed < 3, elapsed


@pytest.mark.parametrize("values, target_date, expected", [
    ((10, 12, 14), "2027-02-28", "on-track"),     # ahead of the straight line
    ((10, 10, 10), "2027-02-28", "off-track"),    # flat for half the time: under half the expected progress
    ((10, 11, 12), "2027-02-28", "at-risk"),    # behind, not hopeless
    ((10, 9, 8), "2027-12-31", "off-track"),      # worse than the baseline
    ((10, 15, 20.5), "2027-12-31", "on-track"),   # target reached
    ((10, 12, 15), "2026-10-31", "off-track"),    # the target date has passed
])
def test_the_track_rule(values, target_date, expected) -> None:
    dates = ("2026-08-31", "2026-09-30", "2026-10-31")
    k = Kpi(id="k", name="K", unit="%", baseline=10, target=20, target_date=target_date,
            observations=[{"date": d, "value": float(v)} for d, v in zip(dates, values)])
    assert track(k) == expected
    assert progress(k) == pytest.approx((values[-1] - 10) / 10)


def test_no_track_without_a_target_date_or_a_series() -> None:
    assert track(Kpi(id="k", name="K", unit="%", baseline=10, target=20, current=15)) is None
    assert track(Kpi(id="k", name="K", unit="%", baseline=10, target=20,
                     observations=[{"date": "2026-10-31", "value": 15.0}])) is None
