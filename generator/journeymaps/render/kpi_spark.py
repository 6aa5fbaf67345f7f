"""A KPI's trend as a small inline picture: its observations as a line, the baseline and the
target as dashed reference lines, the newest point marked. Too small to carry text; its
``<title>`` and ``<desc>`` say what it shows (first and newest value, baseline, target, date)."""

from __future__ import annotations

from ..core import assemble
from ..model.journey import Kpi
from ..model.kpi_series import series
from . import svg
from .scene import Box, Marker, Path, Rect, Scene
from .words import words_for

WIDTH = 96.0
HEIGHT = 28.0
PAD = 4.0


def kpi_spark_scene(k: Kpi, lang: str) -> Scene | None:
    """None when the KPI has fewer than two observations: one point is not a trend."""
    obs = series(k)
    if len(obs) < 2:
        return None
    w = words_for(lang)
    values = [o.value for o in obs] + [k.baseline] + ([k.target] if k.target is not None else [])
    lo, hi = min(values), max(values)
    span = (hi - lo) or 1.0
    t0, t1 = obs[0].date.toordinal(), obs[-1].date.toordinal()
    days = (t1 - t0) or 1

    def x_of(d) -> float:
        return PAD + (d.toordinal() - t0) / days * (WIDTH - 2 * PAD)

    def y_of(v: float) -> float:
        return PAD + (1 - (v - lo) / span) * (HEIGHT - 2 * PAD)

    def n(v: float | None) -> str:
        return assemble.number(v, lang)

    target = (w["spark.kpi.target_by"].format(target=n(k.target), date=assemble.date(k.target_date, lang))
              if k.target is not None and k.target_date is not None
              else w["spark.kpi.target"].format(target=n(k.target)) if k.target is not None else "")
    desc = assemble.join([
        w["spark.kpi.desc"].format(n=len(obs), first=assemble.date(obs[0].date, lang), start=n(obs[0].value),
                                   last=assemble.date(obs[-1].date, lang), end=n(obs[-1].value), unit=k.unit,
                                   baseline=n(k.baseline)),
        *([target] if target else [])], w["sentence_sep"])
    scene = Scene("kpi-spark", WIDTH, HEIGHT, w["spark.kpi.title"].format(kpi=k.name), desc, lang)
    scene.add(Rect(Box(0.5, 0.5, WIDTH - 1, HEIGHT - 1), None, "grid", rx=3))
    scene.add(Path(((PAD, y_of(k.baseline)), (WIDTH - PAD, y_of(k.baseline))), "axis", 1.0, "2 2"))
    if k.target is not None:
        scene.add(Path(((PAD, y_of(k.target)), (WIDTH - PAD, y_of(k.target))), "p2", 1.0, "5 2"))
    points = tuple((x_of(o.date), y_of(o.value)) for o in obs)
    scene.add(Path(points, "p0", 1.5))
    scene.add(Marker(*points[-1], "circle", 2.6, "p0"))
    return scene


def kpi_sparkline(k: Kpi, lang: str, root_id: str) -> str | None:
    """The picture as one line of markup (it sits in a table cell), or None without a trend."""
    scene = kpi_spark_scene(k, lang)
    if scene is None:
        return None
    return " ".join(line.strip() for line in svg.write(scene, root_id).splitlines())
