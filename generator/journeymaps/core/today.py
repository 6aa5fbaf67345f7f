"""The date reviews are judged against: today, unless the environment fixes it.

CI and tests set the variable so that "reviewed more than a year ago" does not change
from one day to the next; every command (`--today`'s default), the language server and the
PR preview build read the same one.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping

TODAY_ENV = "JOURNEYMAPS_TODAY"


def today_from(environ: Mapping[str, str]) -> str | None:
    """The date the environment fixes, as written (not checked), or None."""
    return environ.get(TODAY_ENV) or None


def parse_today(value: str | None) -> _dt.date:
    """``value`` (YYYY-MM-DD) as a date, today when it is empty; ValueError when it is no date."""
    return _dt.date.fromisoformat(value) if value else _dt.date.today()
