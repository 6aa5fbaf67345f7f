"""Collision-avoiding label placement: each label goes to the first free spot around its anchor.

Candidates are tried in a fixed order (right, left, above, below, then the four corners)
on rings at growing distances; a spot is free when it lies inside the area and touches no
obstacle (every anchor, fixed texts) and no label placed before it. Deterministic: the same
input always gives the same spots. A label with no free spot comes back as ``None`` and the
caller makes room (the matrix grows its cells) and tries again.
"""

from __future__ import annotations

from .scene import Box

RINGS = (0.0, 14.0, 30.0, 52.0, 80.0, 116.0)
GAP = 3.0


def _candidates(anchor: Box, w: float, h: float, d: float) -> list[tuple[float, float]]:
    cx, cy = anchor.x + anchor.w / 2, anchor.y + anchor.h / 2
    right, left = anchor.right + GAP + d, anchor.x - GAP - d - w
    above, below = anchor.y - GAP - d - h, anchor.bottom + GAP + d
    return [
        (right, cy - h / 2), (left, cy - h / 2), (cx - w / 2, above), (cx - w / 2, below),
        (right, anchor.y - h - d), (right, anchor.bottom + d), (left, anchor.y - h - d), (left, anchor.bottom + d),
    ]


def place_labels(anchors: list[Box], sizes: list[tuple[float, float]], area: Box,
                 obstacles: list[Box]) -> list[Box | None]:
    placed: list[Box] = []
    result: list[Box | None] = []
    fixed = list(obstacles) + list(anchors)
    for anchor, (w, h) in zip(anchors, sizes):
        spot = None
        for d in RINGS:
            for x, y in _candidates(anchor, w, h, d):
                box = Box(x, y, w, h)
                if not area.contains(box, 0):
                    continue
                if any(box.overlaps(o, 1.0) for o in fixed) or any(box.overlaps(p, 2.0) for p in placed):
                    continue
                spot = box
                break
            if spot is not None:
                break
        result.append(spot)
        if spot is not None:
            placed.append(spot)
    return result
