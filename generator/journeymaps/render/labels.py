"""Collision-avoiding label placement: each label goes to the first free spot around its anchor.

Candidates are tried in a fixed order (right, left, above, below, then the four corners)
on rings at growing distances; a spot is free when it lies inside the area and touches no
obstacle (every anchor, fixed texts), no label placed before it and no leader line drawn
before it, and when its own leader line (needed once a label leaves its anchor's side)
crosses no other label or anchor. Deterministic: the same input always gives the same
spots. A label with no free spot comes back as ``None``; the caller makes room (the matrix
grows its cells) and tries again.
"""

from __future__ import annotations

from dataclasses import dataclass

from .scene import Box

RINGS = (0.0, 14.0, 30.0, 52.0, 80.0, 116.0)
GAP = 3.0
LEADER_FROM = 8.0  # a label further than this from its anchor gets a leader line


@dataclass(frozen=True)
class Placement:
    box: Box
    leader: tuple[tuple[float, float], tuple[float, float]] | None  # from the anchor to the label


def _candidates(anchor: Box, w: float, h: float, d: float, area: Box) -> list[tuple[float, float]]:
    cx, cy = anchor.x + anchor.w / 2, anchor.y + anchor.h / 2
    right, left = anchor.right + GAP + d, anchor.x - GAP - d - w
    above, below = anchor.y - GAP - d - h, anchor.bottom + GAP + d
    # Beside the anchor a label may slide along the free axis to stay inside the area
    # (a marker near the plot's edge still gets its label above or below it).
    def along_x(x: float) -> float:
        return min(max(x, area.x), area.right - w)

    def along_y(y: float) -> float:
        return min(max(y, area.y), area.bottom - h)

    return [
        (right, along_y(cy - h / 2)), (left, along_y(cy - h / 2)), (along_x(cx - w / 2), above),
        (along_x(cx - w / 2), below),
        (right, anchor.y - h - d), (right, anchor.bottom + d), (left, anchor.y - h - d), (left, anchor.bottom + d),
    ]


def leader_for(anchor: Box, box: Box) -> tuple[tuple[float, float], tuple[float, float]] | None:
    gap = max(box.x - anchor.right, anchor.x - box.right, box.y - anchor.bottom, anchor.y - box.bottom)
    if gap <= LEADER_FROM:
        return None
    # From the anchor's edge nearest the label (a group's line must not run through its own
    # markers) to the label's nearest point.
    bx, by = box.x + box.w / 2, box.y + box.h / 2
    start = (min(max(bx, anchor.x), anchor.right), min(max(by, anchor.y), anchor.bottom))
    return start, (min(max(start[0], box.x), box.right), min(max(start[1], box.y), box.bottom))


def segment_hits(p: tuple[float, float], q: tuple[float, float], box: Box) -> bool:
    """Whether the segment p-q passes through the box (Liang-Barsky clipping)."""
    t0, t1 = 0.0, 1.0
    dx, dy = q[0] - p[0], q[1] - p[1]
    for edge_p, edge_q in ((-dx, p[0] - box.x), (dx, box.right - p[0]), (-dy, p[1] - box.y), (dy, box.bottom - p[1])):
        if edge_p == 0:
            if edge_q < 0:
                return False
            continue
        t = edge_q / edge_p
        if edge_p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return t1 - t0 > 1e-6


def place_labels(anchors: list[Box], sizes: list[tuple[float, float]], area: Box,
                 obstacles: list[Box]) -> list[Placement | None]:
    placed: list[Box] = []
    leaders: list[tuple[tuple[float, float], tuple[float, float]]] = []
    result: list[Placement | None] = []
    for index, (anchor, (w, h)) in enumerate(zip(anchors, sizes)):
        others = list(obstacles) + [a for k, a in enumerate(anchors) if k != index]
        spot = None
        for d in RINGS:
            for x, y in _candidates(anchor, w, h, d, area):
                box = Box(x, y, w, h)
                if not area.contains(box, 0) or box.overlaps(anchor, 1.0):
                    continue
                if any(box.overlaps(o, 1.0) for o in others) or any(box.overlaps(p, 2.0) for p in placed):
                    continue
                if any(segment_hits(a, b, box) for a, b in leaders):
                    continue
                leader = leader_for(anchor, box)
                if leader and any(segment_hits(*leader, o) for o in others + placed):
                    continue
                spot = Placement(box, leader)
                break
            if spot is not None:
                break
        result.append(spot)
        if spot is not None:
            placed.append(spot.box)
            if spot.leader:
                leaders.append(spot.leader)
    return result
