"""PNG downloads: rendered in parallel, cached by a digest of their input.

CairoSVG takes about 146 ms per diagram (FIELD-NOTES 2b): 1,000 maps would add minutes to
every build. A PNG depends only on its SVG and the scale, so the digest of those names the
cached file, and a rebuild with no map changed renders none.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .pictures import svg_to_png

# Bump when the rasteriser or its settings change, so old cache entries are not reused.
RENDER_VERSION = "1"
SCALE = 1.0  # diagrams are 1,200 px wide already; 2x made 300 KB files
DEFAULT_CACHE = Path(".cache") / "journeymaps" / "png"


@dataclass(frozen=True)
class PngResult:
    images: dict[str, bytes]
    rendered: int
    cached: int


def digest(svg: str, scale: float = SCALE) -> str:
    h = hashlib.sha256(f"{RENDER_VERSION}\0{scale}\0".encode())
    h.update(svg.encode("utf-8"))
    return h.hexdigest()


def _render(args: tuple[str, float]) -> bytes:
    svg, scale = args
    return svg_to_png(svg, scale=scale)


def render_pngs(svgs: dict[str, str], cache_dir: Path | None, *, jobs: int | None = None,
                scale: float = SCALE) -> PngResult:
    """PNG bytes for each key, from the cache where possible, the rest rendered on all cores."""
    images: dict[str, bytes] = {}
    misses: dict[str, tuple[str, str]] = {}  # key -> (digest, svg)
    for key, svg in svgs.items():
        d = digest(svg, scale)
        cached = _cache_file(cache_dir, d)
        if cached is not None and cached.is_file():
            images[key] = cached.read_bytes()
        else:
            misses[key] = (d, svg)
    jobs = jobs or os.cpu_count() or 1
    work = [(svg, scale) for _, svg in misses.values()]
    if jobs > 1 and len(work) > 1:
        with ProcessPoolExecutor(max_workers=min(jobs, len(work))) as pool:
            out = list(pool.map(_render, work, chunksize=max(1, len(work) // (jobs * 4))))
    else:
        out = [_render(w) for w in work]
    for (key, (d, _)), data in zip(misses.items(), out):
        images[key] = data
        _store(cache_dir, d, data)
    return PngResult({k: images[k] for k in svgs}, rendered=len(misses), cached=len(svgs) - len(misses))


def _cache_file(cache_dir: Path | None, d: str) -> Path | None:
    return cache_dir / d[:2] / f"{d}.png" if cache_dir is not None else None


def _store(cache_dir: Path | None, d: str, data: bytes) -> None:
    target = _cache_file(cache_dir, d)
    if target is None:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    # Write then rename: a build interrupted mid-write never leaves a truncated PNG to reuse.
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, target)
