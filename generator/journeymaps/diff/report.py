"""Pair the maps of two sides and build the report: added, removed, changed, invalid."""

from __future__ import annotations

from ..model.journey import JourneyMap
from ..model.vocabulary import Vocabulary
from .changes import Change, MapDiff, Phrase, Report, Val
from .compare import compare_maps
from .sides import LoadedMap, SideMaps
from .words import counted, phrase, q, stage_label, word


def build_report(base: SideMaps, head: SideMaps, vocab: Vocabulary | None) -> Report:
    before, after = _keyed(base.maps), _keyed(head.maps)
    _pair_by_path(after, before)
    _pair_by_path(before, after)
    diffs: list[MapDiff] = []
    unchanged = 0
    for key in sorted(set(before) | set(after)):
        d = _map_diff(key, before.get(key), after.get(key), vocab)
        if d is None:
            unchanged += 1
        else:
            diffs.append(d)
    return Report(base.label, head.label, tuple(diffs), unchanged, tuple(base.problems + head.problems))


def _keyed(maps: list[LoadedMap]) -> dict[str, LoadedMap]:
    """Maps by id, so a renamed file is the same map; a file whose id cannot be read goes by path."""
    out: dict[str, LoadedMap] = {}
    for m in maps:
        key = m.map.id if m.map is not None else (m.raw_id or m.path)
        out[key if key not in out else f"{key} ({m.path})"] = m
    return out


def _pair_by_path(side: dict[str, LoadedMap], other: dict[str, LoadedMap]) -> None:
    """A file too broken to show its id is the same map as the file at its path on the other side."""
    other_by_path = {m.path: key for key, m in other.items()}
    for key, m in list(side.items()):
        target = other_by_path.get(m.path)
        if key == m.path and target is not None and target != key and target not in side:
            side[target] = side.pop(key)


def _map_diff(key: str, old: LoadedMap | None, new: LoadedMap | None, vocab: Vocabulary | None) -> MapDiff | None:
    title = next((m.map.title for m in (new, old) if m is not None and m.map is not None), "")
    if old is None or new is None:
        side = new or old
        assert side is not None
        errors = side.errors if side.map is None else None
        return MapDiff(key, title, "added" if old is None else "removed", old and old.path, new and new.path,
                       summary=_summary(side.map, vocab) if side.map is not None else (),
                       base_errors=errors if new is None else None, head_errors=errors if old is None else None,
                       base=old and old.map, head=new and new.map)
    if old.digest is not None and old.digest == new.digest and old.path == new.path:
        return None
    if old.map is None or new.map is None:
        return MapDiff(key, title, "changed", old.path, new.path,
                       base_errors=old.errors if old.map is None else None,
                       head_errors=new.errors if new.map is None else None, base=old.map, head=new.map)
    changes = compare_maps(old.map, new.map, vocab)
    if old.path != new.path:
        changes.append(Change("diff.other", phrase("diff.file_moved", before=Val(old.path), after=Val(new.path))))
    if not changes:
        return None  # only comments or formatting changed
    return MapDiff(key, title, "changed", old.path, new.path, tuple(changes), base=old.map, head=new.map)


def _summary(m: JourneyMap, vocab: Vocabulary | None) -> Phrase:
    stages: list = []
    for i, s in enumerate(m.stages):
        stages += ([word("comma")] if i else []) + [Val(stage_label(m, s, vocab))]
    counts = word("comma").join(counted(family, n) for family, n in (
        ("n.personas.", len(m.personas)), ("n.pain_points.", len(m.pain_point_index())),
        ("n.opportunities.", len(m.opportunity_index())), ("n.kpis.", len(m.kpi_index()))))
    return phrase("diff.summary", title=q(m.title), status=word("map_status." + m.status),
                  stages=counted("n.stages.", len(m.stages)), names=tuple(stages), counts=counts)
