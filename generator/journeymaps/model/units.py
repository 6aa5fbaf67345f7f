"""What values a KPI's unit allows: the one place the checker learns a unit's plausible range.

Units are free text (``%``, ``s``, ``EUR``, ``pkt``, ``户/月``); only those whose range is certain
are known here. Anything else is accepted as any finite number."""

from __future__ import annotations

import re

PERCENT = frozenset({"%", "percent", "pct"})
DURATIONS = frozenset({"ms", "s", "sec", "min", "h", "hours", "d", "days", "weeks", "秒", "分钟", "小时", "天",
                       "godz", "dni"})
# ISO 4217 codes, optionally scaled (kEUR, mUSD): money amounts of a KPI are never negative.
_CURRENCY = re.compile(r"^[kmKM]?[A-Z]{3}$")


def bounds(unit: str) -> tuple[float | None, float | None]:
    """(lowest, highest) plausible value in ``unit``; ``None`` where it is open."""
    u = unit.strip()
    if u in PERCENT:
        return 0.0, 100.0
    if u in DURATIONS or _CURRENCY.match(u):
        return 0.0, None
    return None, None


def plausible(value: float, unit: str) -> bool:
    lo, hi = bounds(unit)
    return (lo is None or value >= lo) and (hi is None or value <= hi)
