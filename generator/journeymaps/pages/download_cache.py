"""Picture downloads drawn by Cairo (PNG, PDF poster): rendered in parallel, cached by a digest.

CairoSVG takes about 146 ms per PNG (FIELD-NOTES 2b) and about 0.5 s per PDF poster (its
fonts are subset and embedded): 1,000 maps would add many minutes to every build. A download
depends only on its SVG, its format and that format's settings, so the digest of those names
the cached file, and a rebuild with no map changed renders none. PNGs and PDFs go to the same
pool of processes, so a build waits for the slowest core, not for one format after the other.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..core.files import replace_atomically
from .pictures import POSTER_MARGIN_PT, POSTER_PAPER, poster_orientation, svg_to_pdf, svg_to_png

# Bump when the renderer or its settings change, so old cache entries are not reused.
RENDER_VERSION = "1"
SCALE = 1.0  # diagrams are 1,200 px wide already; 2x made 300 KB files


def _png(svg: str) -> bytes:
    return svg_to_png(svg, scale=SCALE)


def _pdf(svg: str) -> bytes:
    # A stage diagram is usually taller than wide: the poster turns to fit it.
    return svg_to_pdf(svg, paper=POSTER_PAPER, orientation=poster_orientation(svg))


@dataclass(frozen=True)
class Format:
    render: Callable[[str], bytes]  # a module-level function: it crosses to worker processes
    settings: str  # everything besides the SVG that changes the bytes; part of the digest


FORMATS: dict[str, Format] = {
    "png": Format(_png, f"scale={SCALE}"),
    "pdf": Format(_pdf, f"paper={POSTER_PAPER} margin={POSTER_MARGIN_PT:.3f} orientation=fit"),
}


@dataclass(frozen=True)
class RenderResult:
    files: dict[str, bytes]  # path -> bytes, in the order asked
    rendered: Counter[str]  # per format
    cached: Counter[str]


def digest(fmt: str, svg: str) -> str:
    h = hashlib.sha256(f"{RENDER_VERSION}\0{fmt}\0{FORMATS[fmt].settings}\0".encode())
    h.update(svg.encode("utf-8"))
    return h.hexdigest()


def _render(args: tuple[str, str]) -> bytes:
    fmt, svg = args
    return FORMATS[fmt].render(svg)


def render_downloads(work: dict[str, tuple[str, str]], cache_dir: Path | None, *,
                     jobs: int | None = None) -> RenderResult:
    """Bytes for each path of ``work`` (path -> (format, svg)), from the cache where possible,
    the rest rendered on all cores."""
    files: dict[str, bytes] = {}
    misses: dict[str, tuple[str, str, str]] = {}  # path -> (digest, format, svg)
    cached: Counter[str] = Counter()
    for path, (fmt, svg) in work.items():
        d = digest(fmt, svg)
        hit = _cache_file(cache_dir, d, fmt)
        if hit is not None and hit.is_file():
            files[path] = hit.read_bytes()
            cached[fmt] += 1
        else:
            misses[path] = (d, fmt, svg)
    jobs = jobs or os.cpu_count() or 1
    # The slow PDFs first, so no core is left with one at the end while the others idle.
    order = sorted(misses, key=lambda p: misses[p][1] != "pdf")
    todo = [(misses[p][1], misses[p][2]) for p in order]
    if jobs > 1 and len(todo) > 1:
        with ProcessPoolExecutor(max_workers=min(jobs, len(todo))) as pool:
            out = list(pool.map(_render, todo, chunksize=max(1, len(todo) // (jobs * 4))))
    else:
        out = [_render(t) for t in todo]
    for path, data in zip(order, out):
        d, fmt, _ = misses[path]
        files[path] = data
        _store(cache_dir, d, fmt, data)
    rendered = Counter(fmt for _, fmt, _ in misses.values())
    return RenderResult({p: files[p] for p in work}, rendered, cached)


def _cache_file(cache_dir: Path | None, d: str, fmt: str) -> Path | None:
    return cache_dir / d[:2] / f"{d}.{fmt}" if cache_dir is not None else None


def _store(cache_dir: Path | None, d: str, fmt: str, data: bytes) -> None:
    target = _cache_file(cache_dir, d, fmt)
    if target is None:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    # Write then rename: a build interrupted mid-write never leaves a truncated file to reuse.
    replace_atomically(target, data)
