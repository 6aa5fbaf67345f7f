"""Element ids: stable per map and picture, so diagrams sharing an HTML page never collide."""

from __future__ import annotations

from ..model.journey import JourneyMap
from .svg import check_id


def root_id(m: JourneyMap, kind: str, id_prefix: str | None) -> str:
    """``jm-<map id>-<kind>`` unless the caller gives its own prefix (e.g. to show one map twice)."""
    return check_id(id_prefix) if id_prefix is not None else f"jm-{m.id}-{kind}"
