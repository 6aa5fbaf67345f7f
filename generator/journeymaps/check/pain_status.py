"""Whether a map's pain points and its shipped opportunities tell the same story.

A shipped opportunity says the change is live; the pain points it addresses must then say what is
left of the friction. One is ``resolved`` (the text tells what it was) when no change still works
on it, or stays ``open`` while another opportunity (idea, planned, piloting) is still meant to
relieve it. And a ``resolved`` pain point needs the shipped opportunity that resolved it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..core.phrase import Phrase, phrase
from ..model.journey import JourneyMap

# Opportunities that are still meant to change something (neither live nor given up).
_OPEN = ("idea", "planned", "piloting")

Found = tuple[str, str, tuple[Any, ...], Phrase, Phrase]  # severity, code, path, message, hint


def pain_status_findings(m: JourneyMap) -> Iterator[Found]:
    pains = {p.id: p for s in m.stages for p in s.pain_points}
    worked_on = {a for s in m.stages for o in s.opportunities if o.status in _OPEN for a in o.addresses}
    shipped_for = {a for s in m.stages for o in s.opportunities if o.status == "shipped" for a in o.addresses}
    for i, s in enumerate(m.stages):
        for j, o in enumerate(s.opportunities):
            if o.status != "shipped":
                continue
            for k, ref in enumerate(o.addresses):
                pain = pains.get(ref)
                if pain is not None and pain.status == "open" and ref not in worked_on:
                    yield ("warning", "shipped-pain-open", ("stages", i, "opportunities", j, "addresses", k),
                           phrase("check.shipped_pain_open", opportunity=o.id, pain_point=ref),
                           phrase("check.shipped_pain_open.hint"))
        for j, p in enumerate(s.pain_points):
            if p.status == "resolved" and p.id not in shipped_for:
                yield ("warning", "resolved-not-shipped", ("stages", i, "pain_points", j, "status"),
                       phrase("check.resolved_not_shipped", pain_point=p.id),
                       phrase("check.resolved_not_shipped.hint"))
