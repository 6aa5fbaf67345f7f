"""`journeymaps export`: one map as SVG, PNG, Mermaid or JSON."""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import re
import sys
from pathlib import Path

from ..check.report import text as text_report
from ..check.rules import RuleContext
from ..check.runner import check_file, display_path
from ..core.findings import Finding
from ..core.phrase import phrase
from ..load.source import Source, discover, read
from ..model.journey import LANES, SLUG_PATTERN, JourneyMap
from ..model.vocabulary import Vocabulary
from . import (EXIT_FINDINGS, EXIT_OK, UsageError, add_output_language_option, add_site_config_option, add_today_option,
               maps_dir_of, parse_today, reader_language, site_config_dir, tell, usage, vocabulary_for)

HELP = "export one map as an SVG or PNG picture, a Mermaid journey diagram, or JSON"
DESCRIPTION = """\
Export one map. MAP is a map file, or the id of a map under maps/.

  svg      the picture as a standalone SVG file (themable, light and dark)
  png      the picture as PNG, drawn by CairoSVG with local fonts (needs --out or a pipe)
  mermaid  a Mermaid `journey` diagram, for places where only Mermaid renders
  json     the validated map as JSON, keys in the format's order

The picture is the stage diagram unless --diagram says otherwise. The map is checked
first; a map with errors is not exported (run `journeymaps check` for details).

examples:
  journeymaps export online-banking --out banking.svg
  journeymaps export maps/banking/online-banking.yaml --format png --scale 2 --out banking.png
  journeymaps export online-banking --format png --diagram matrix --theme dark --out matrix.png
  journeymaps export online-banking --format mermaid
"""
DIAGRAMS = ("stages", "matrix", "sparkline")
PLACEMENT_ONLY = frozenset({"wrong-folder"})


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help=HELP, description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("map", metavar="MAP", help="a map file, or a map id found under maps/")
    p.add_argument("--format", choices=("svg", "png", "mermaid", "json"), default="svg", help="output format (default: svg)")
    p.add_argument("--diagram", choices=DIAGRAMS, default="stages", help="which picture for svg/png (default: stages)")
    p.add_argument("--out", type=Path, metavar="PATH", help="file to write (default: standard output)")
    p.add_argument("--scale", type=float, default=1.0, metavar="N", help="PNG size factor, e.g. 2 for sharp screens")
    p.add_argument("--theme", choices=("light", "dark"), default="light",
                   help="PNG colours (an SVG carries both and follows the reader's setting)")
    p.add_argument("--lanes", metavar="LIST", help=f"stage diagram lanes in order, comma-separated: {','.join(LANES)}")
    add_site_config_option(p)
    add_output_language_option(p)
    add_today_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.format != "png" and (args.scale != 1.0 or args.theme != "light"):
        raise usage("cli.export.png_only")
    if not 0 < args.scale <= 8:
        raise usage("cli.export.scale", scale=f"{args.scale:g}")
    lanes = _lanes(args.lanes)
    if lanes is not None and args.diagram != "stages":
        raise usage("cli.export.lanes_stages_only")
    if args.format == "png" and args.out is None and sys.stdout.isatty():
        raise usage("cli.export.png_binary")
    path = Path(args.map)
    near = path if path.is_file() else None
    vocab = vocabulary_for(args, near)
    config_dir = site_config_dir(args.site_config, near)
    source = path if path.is_file() else _find_by_id(args.map, maps_dir_of(config_dir) if config_dir else Path("maps"))
    m, findings = _load(source, vocab, parse_today(args.today))
    if m is None:
        sys.stderr.write(text_report(findings, 1, reader_language(args)))
        return EXIT_FINDINGS
    try:
        data = _render(m, vocab, args, lanes)
    except _Unavailable as exc:
        print(tell(args, "cli.usage_error", message=exc.worded(reader_language(args))), file=sys.stderr)
        return EXIT_FINDINGS
    _write(data, args.out, args)
    return EXIT_OK


class _Unavailable(UsageError):
    """An optional part (Cairo, the Mermaid exporter) is not there; the message says what to do."""


def _lanes(value: str | None) -> list[str] | None:
    if value is None:
        return None
    lanes = [lane.strip() for lane in value.split(",") if lane.strip()]
    unknown = [lane for lane in lanes if lane not in LANES]
    if unknown or not lanes:
        raise (usage("cli.export.unknown_lanes", lanes=", ".join(unknown), choices=", ".join(LANES)) if unknown
               else usage("cli.export.no_lanes", choices=", ".join(LANES)))
    return lanes


def _find_by_id(map_id: str, maps_dir: Path) -> Path:
    if not re.match(SLUG_PATTERN, map_id):
        raise usage("cli.export.not_a_map", map=map_id)
    sources, _ = discover([maps_dir])
    for source in sources:
        if source.kind != "map":
            continue
        data = read(source.path).loaded.data
        if isinstance(data, dict) and data.get("id") == map_id:
            return source.path
    raise usage("cli.export.no_such_map", map=map_id, folder=maps_dir)


def _load(path: Path, vocab: Vocabulary, today: _dt.date) -> tuple[JourneyMap | None, list[Finding]]:
    # Per-file checks only: a missing translation elsewhere must not stop exporting this map,
    # nor where the file sits (a draft outside maps/<industry>/ is exported as it is).
    outcome = check_file(Source(path, "map"), display_path(path, Path.cwd()), RuleContext(vocab, today), True)
    errors = [f for f in outcome.findings if f.severity == "error" and f.code not in PLACEMENT_ONLY]
    if errors or outcome.map is None:
        return None, errors or outcome.findings
    return outcome.map, []


def _render(m: JourneyMap, vocab: Vocabulary, args: argparse.Namespace, lanes: list[str] | None) -> bytes:
    if args.format == "json":
        doc = m.model_dump(mode="json")
        return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    if args.format == "mermaid":
        try:
            from ..interchange.mermaid_export import to_mermaid
        except ModuleNotFoundError as exc:
            if not (exc.name or "").startswith("journeymaps.interchange"):
                raise
            raise _Unavailable(phrase("cli.export.no_mermaid")) from exc
        return to_mermaid(m, vocab).encode("utf-8")
    svg = _picture(m, vocab, args.diagram, lanes)
    if args.format == "svg":
        return ('<?xml version="1.0" encoding="UTF-8"?>\n' + svg).encode("utf-8")
    from ..render.png import PngUnavailable, svg_to_png

    try:
        return svg_to_png(svg, scale=args.scale, theme=args.theme, fit=False)
    except PngUnavailable as exc:
        raise _Unavailable(str(exc)) from exc  # PngUnavailable words what to install
    except ValueError as exc:
        raise UsageError(str(exc)) from exc


def _picture(m: JourneyMap, vocab: Vocabulary, diagram: str, lanes: list[str] | None) -> str:
    if diagram == "matrix":
        from ..render.matrix import priority_matrix

        return priority_matrix(m, vocab)
    if diagram == "sparkline":
        from ..render.sparkline import emotion_sparkline

        return emotion_sparkline(m, vocab)
    from ..render.diagram import stage_diagram

    return stage_diagram(m, vocab, lanes=lanes)


def _write(data: bytes, out: Path | None, args: argparse.Namespace) -> None:
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    # Temp file in the same folder, then rename: a reader never sees half a file.
    # os.open with 0o666 lets the umask decide permissions, as for any file the user writes.
    tmp = out.parent / f".{out.name}.{os.getpid()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    print(tell(args, "cli.wrote", path=out), file=sys.stderr)
