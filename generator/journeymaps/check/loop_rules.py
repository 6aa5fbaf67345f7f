"""Rules for the improvement loop on a map (issue 14 §3): pilots on opportunities, plays at stages.

Called from ``rules.check_map`` with its collector; kept apart so the cross-reference rules of the
loop (KPI ids, channel ids, dates against today) read in one place.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING, Any

from ..core.phrase import phrase
from ..model.journey import JourneyMap
from .hints import suggestion

if TYPE_CHECKING:
    from .rules import _Collector

Unique = Callable[["_Collector", str, Iterable[tuple[tuple[Any, ...], str]]], None]


def check_loop(c: _Collector, m: JourneyMap, today: _dt.date, kpi_ids: Collection[str],
               channel_ids: Collection[str], unique: Unique) -> None:
    unique(c, "check.id.pilot", ((("stages", i, "opportunities", j, "pilots", k, "id"), p.id)
                                 for i, s in enumerate(m.stages) for j, o in enumerate(s.opportunities)
                                 for k, p in enumerate(o.pilots)))
    unique(c, "check.id.play", ((("stages", i, "plays", j, "id"), p.id)
                                for i, s in enumerate(m.stages) for j, p in enumerate(s.plays)))
    for i, s in enumerate(m.stages):
        for j, o in enumerate(s.opportunities):
            for k, p in enumerate(o.pilots):
                _pilot(c, ("stages", i, "opportunities", j, "pilots", k), p, today, kpi_ids)
        for j, play in enumerate(s.plays):
            pp = ("stages", i, "plays", j)
            if play.channel not in channel_ids:
                c.add("error", "unknown-channel", pp + ("channel",), phrase("check.unknown_channel", channel=play.channel),
                      suggestion(play.channel, channel_ids) or phrase("check.unknown_channel.hint"))
            if play.kpi is not None and play.kpi not in kpi_ids:
                c.add("error", "unknown-kpi", pp + ("kpi",), phrase("check.unknown_play_kpi", play=play.id, kpi=play.kpi),
                      suggestion(play.kpi, kpi_ids) or phrase("check.unknown_kpi.hint"))


def _pilot(c: _Collector, pp: tuple[Any, ...], p, today: _dt.date, kpi_ids: Collection[str]) -> None:
    for n, ref in enumerate(p.kpis):
        if ref not in kpi_ids:
            c.add("error", "unknown-kpi", pp + ("kpis", n), phrase("check.unknown_pilot_kpi", pilot=p.id, kpi=ref),
                  suggestion(ref, kpi_ids) or phrase("check.unknown_kpi.hint"))
    if p.end < p.start:
        c.add("error", "pilot-dates", pp + ("end",), phrase("check.pilot_end_before_start", pilot=p.id,
                                                             end=p.end.isoformat(), start=p.start.isoformat()),
              phrase("check.pilot_end_before_start.hint"))
        return
    if p.decision is not None and p.end >= today:
        c.add("error", "pilot-decided-early", pp + ("decision",),
              phrase("check.pilot_decided_early", pilot=p.id, end=p.end.isoformat()),
              phrase("check.pilot_decided_early.hint"))
    elif p.decision is None and p.end < today:
        c.add("warning", "pilot-overdue", pp + ("end",),
              phrase("check.pilot_overdue", pilot=p.id, end=p.end.isoformat(), days=(today - p.end).days),
              phrase("check.pilot_overdue.hint"))
