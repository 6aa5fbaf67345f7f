"""Time the pictures: all three SVGs for 1,000 synthetic maps, and PNG export for 100.

    .venv/bin/python bench/bench_render.py [--maps 1000] [--png 100] [--repeat 3] [--profile]

The maps are the ones bench_check.py writes (about 5 KB of YAML each: five stages, two
personas, three touchpoints, pain points, opportunities and a KPI per stage), built here in
memory and validated into models once; only rendering is timed. For each map: the stage
diagram, the priority matrix and the emotion sparkline, as strings. Prints the time per map
(median of the repeats, and the slowest single map), the SVG sizes, and the share of a site
build: the issue's goal is rendering under 5% of the build it feeds; FIELD-NOTES 2b measured
the sectioned MkDocs build at 33.7 ms per page. PNG: the stage diagram of the first N maps
through CairoSVG, one process, per map; the first call (which loads Cairo) is reported apart.
All figures are CPU time of this process, so other work on a shared machine does not count.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_check import REPO, synthetic_map  # noqa: E402 - the same maps as the check benchmark

from journeymaps.load.site_config import load_vocabulary  # noqa: E402
from journeymaps.model.journey import JourneyMap  # noqa: E402
from journeymaps.render.diagram import stage_diagram  # noqa: E402
from journeymaps.render.matrix import priority_matrix  # noqa: E402
from journeymaps.render.sparkline import emotion_sparkline  # noqa: E402

PAGE_BUILD_MS = 33.7  # FIELD-NOTES 2b: 1,000 pages, 10 sections + navigation.prune, 33.7 s
PICTURES = (("stages", stage_diagram), ("matrix", priority_matrix), ("sparkline", emotion_sparkline))


def build_maps(n: int) -> tuple[list[JourneyMap], float]:
    maps, size = [], 0
    for i in range(n):
        _, text = synthetic_map(i)
        size += len(text.encode("utf-8"))
        maps.append(JourneyMap.model_validate(yaml.safe_load(text)))
    return maps, size / n


def render_all(maps: list[JourneyMap], vocab) -> tuple[dict[str, float], list[float], dict[str, int]]:
    """CPU seconds per picture kind, CPU seconds per map, total bytes per kind.

    CPU time of this process (``process_time``), not wall time: on a shared machine other
    processes would otherwise show up in the figures. Rendering is single-threaded, so on an
    idle machine the two agree.
    """
    per_kind = {name: 0.0 for name, _ in PICTURES}
    sizes = {name: 0 for name, _ in PICTURES}
    per_map = []
    for m in maps:
        start_map = time.process_time()
        for name, draw in PICTURES:
            t = time.process_time()
            svg = draw(m, vocab)
            per_kind[name] += time.process_time() - t
            sizes[name] += len(svg.encode("utf-8"))
        per_map.append(time.process_time() - start_map)
    return per_kind, per_map, sizes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--maps", type=int, default=1000)
    parser.add_argument("--png", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="cProfile one pass over the SVG rendering")
    args = parser.parse_args()

    vocab, findings = load_vocabulary(REPO / "site_config")
    assert vocab is not None, findings
    maps, yaml_bytes = build_maps(args.maps)
    print(f"{len(maps)} synthetic maps, {yaml_bytes / 1024:.1f} KB of YAML each on average")

    runs = [render_all(maps, vocab) for _ in range(args.repeat)]
    totals = [sum(r[1]) for r in runs]
    best = runs[totals.index(statistics.median(totals))] if args.repeat % 2 else runs[totals.index(min(totals))]
    per_kind, per_map, sizes = best
    n = len(maps)
    total_ms = sum(per_map) / n * 1000
    print(f"\nSVG, all three pictures: {statistics.median(totals):.2f} s CPU for {n} maps "
          f"(median of {args.repeat}; runs {', '.join(f'{t:.2f}' for t in totals)} s)")
    print(f"  per map: {total_ms:.2f} ms mean, {statistics.median(per_map) * 1000:.2f} ms median, "
          f"{max(per_map) * 1000:.2f} ms slowest")
    for name, _ in PICTURES:
        print(f"  {name:<9} {per_kind[name] / n * 1000:6.2f} ms per map, {sizes[name] / n / 1024:6.1f} KB per SVG")
    for pages in (1, 2):
        share = total_ms / (pages * PAGE_BUILD_MS) * 100
        print(f"  share of building {pages} page{'s' if pages > 1 else ''} at {PAGE_BUILD_MS} ms (FIELD-NOTES 2b): "
              f"{share:.1f}% ({'within' if share < 5 else 'over'} the 5% goal)")
    print("  (each map gets two pages, its map page and its playbook; indexes and catalogues come on top)")

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        render_all(maps, vocab)
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(20)
        print(out.getvalue())

    if args.png:
        from journeymaps.render.png import svg_to_png

        svgs = [stage_diagram(m, vocab) for m in maps[:args.png]]
        t = time.process_time()
        first = svg_to_png(svgs[0])
        first_s = time.process_time() - t
        times, png_bytes = [], len(first)
        for svg in svgs[1:]:
            t = time.process_time()
            png_bytes += len(svg_to_png(svg))
            times.append(time.process_time() - t)
        print(f"\nPNG (stage diagram, CairoSVG, one process): first call {first_s * 1000:.0f} ms (loads Cairo)")
        if times:
            print(f"  next {len(times)}: {statistics.mean(times) * 1000:.0f} ms mean, "
                  f"{statistics.median(times) * 1000:.0f} ms median, {max(times) * 1000:.0f} ms slowest per map; "
                  f"{png_bytes / len(svgs) / 1024:.0f} KB per PNG")
            print(f"  {len(svgs)} PNGs: {(first_s + sum(times)):.1f} s; at this rate 1,000 would take "
                  f"{statistics.mean(times) * 1000:.0f} s on one core: cache PNGs by digest, never on every build")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
