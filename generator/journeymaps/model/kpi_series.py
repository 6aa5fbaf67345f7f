"""A KPI's series and where it stands: the current value, progress to target, on track or not.

The rule, defined here once and shown to readers in the words catalogue (``track.rule``):

* progress is how far the current value has come from the baseline towards the target
  (0% at the baseline, 100% at the target, negative when it moved the wrong way);
* expected progress is the share of the time from the first observation to the target date
  that has passed at the newest observation (a straight line from baseline to target);
* **on track**: the target is reached, or progress is at least expected progress less
  ``TOLERANCE``;
* **off track**: worse than the baseline, the target date passed without reaching it, or
  progress below half the expected progress;
* **at risk**: in between.

The newest observation, not the day of the build, is "now": a page says the same thing
whenever it is built, and a KPI nobody measures is caught by the checker's age warning.
"""

from __future__ import annotations

from typing import Literal, get_args

from .journey import Kpi, Observation

Track = Literal["off-track", "at-risk", "on-track"]
TRACKS: tuple[str, ...] = get_args(Track)  # most urgent first: the order the KPI catalogue sorts by
TOLERANCE = 0.1  # progress this far behind the straight line still counts as on track


def series(k: Kpi) -> list[Observation]:
    """The observations, oldest first (a map may list them in any order)."""
    return sorted(k.observations, key=lambda o: o.date)


def latest(k: Kpi) -> Observation | None:
    return max(k.observations, key=lambda o: o.date, default=None)


def current_of(k: Kpi) -> float | None:
    """The KPI's current value: its newest observation, else the value the author wrote."""
    newest = latest(k)
    return newest.value if newest is not None else k.current


def progress(k: Kpi) -> float | None:
    """Share of the way from baseline to target (1.0 = reached); None without target or value."""
    now = current_of(k)
    if k.target is None or now is None or k.target == k.baseline:
        return None
    return (now - k.baseline) / (k.target - k.baseline)


def expected_progress(k: Kpi) -> float | None:
    """Share of the time from the first observation to the target date passed at the newest one."""
    obs = series(k)
    if k.target_date is None or not obs:
        return None
    start, now = obs[0].date, obs[-1].date
    if k.target_date <= start:
        return 1.0
    return min(1.0, max(0.0, (now - start).days / (k.target_date - start).days))


def track(k: Kpi) -> Track | None:
    """on-track / at-risk / off-track by the rule above; None when the KPI has no target, target
    date or observations to judge by."""
    done, expected = progress(k), expected_progress(k)
    newest = latest(k)
    if done is None or expected is None or newest is None or k.target_date is None:
        return None
    if done >= 1:
        return "on-track"
    if done < 0 or newest.date >= k.target_date:
        return "off-track"
    if done >= expected - TOLERANCE:
        return "on-track"
    if done >= expected / 2:
        return "at-risk"
    return "off-track"
