"""`journeymaps diff BASE HEAD`: what changed in the journeys, in plain words."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..diff import SideError, diff
from ..diff import markdown as markdown_report
from ..diff import text as text_report
from ..diff.overlay import emotion_overlay
from ..load.site_config import load_vocabulary
from ..model.vocabulary import Vocabulary
from . import EXIT_FINDINGS, EXIT_OK, UsageError, add_site_config_option, site_config_dir, usage

HELP = "show what changed in the journey maps between two git revisions or folders"
DESCRIPTION = """\
Compare the journey maps of two sides, each a git revision (read from git's object store,
nothing is checked out) or a folder (a checkout holding maps/, or a maps folder itself).
Per map, in plain words: maps added or removed; stages added, removed or reordered;
emotion changes per stage and persona with their direction; pain points, opportunities
and KPIs added, removed or edited; opportunity priority changes; touchpoints moved between
channels; other edits. A map that fails validation on a side is reported as invalid there.

examples:
  journeymaps diff main HEAD
  journeymaps diff origin/main HEAD --format markdown > comment.md
  journeymaps diff main .                  # main against the working tree
  journeymaps diff old-copy/ maps/ --svg-dir out/   # plus before/after emotion curves
"""

RENDERERS = {"text": text_report.render, "markdown": markdown_report.render}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("diff", help=HELP, description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("base", metavar="BASE", help="git revision or folder of the old side")
    p.add_argument("head", metavar="HEAD", help="git revision or folder of the new side")
    p.add_argument("--format", choices=sorted(RENDERERS), default="text", help="output format (default: text)")
    p.add_argument("--maps-dir", default="maps", metavar="DIR",
                   help="folder of the maps inside a revision or checkout (default: maps)")
    p.add_argument("--output", "-o", type=Path, metavar="FILE", help="write the report to FILE instead of stdout")
    p.add_argument("--svg-dir", type=Path, metavar="DIR",
                   help="also write <map-id>.svg with the before/after emotion curves of each changed map")
    p.add_argument("--exit-code", action="store_true", help="exit 1 when any map changed (like `git diff --exit-code`)")
    add_site_config_option(p)
    p.set_defaults(run=run)


def _vocabulary(args: argparse.Namespace) -> Vocabulary | None:
    """Stage and channel names come from site_config; without one the diff shows ids."""
    sides = [Path(s) for s in (args.head, args.base) if Path(s).is_dir()]
    folder = site_config_dir(args.site_config, sides[0] if sides else None)
    if folder is None:
        return None
    vocab, _ = load_vocabulary(folder)
    return vocab


def run(args: argparse.Namespace) -> int:
    if Path(args.maps_dir).is_absolute() or ".." in Path(args.maps_dir).parts:
        raise usage("cli.diff.maps_dir")
    try:
        report = diff(args.base, args.head, vocab=_vocabulary(args), maps_dir=Path(args.maps_dir).as_posix())
    except SideError as exc:
        raise UsageError(str(exc)) from None
    out = RENDERERS[args.format](report)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(out, encoding="utf-8", newline="\n")
    else:
        sys.stdout.write(out)
    if args.svg_dir:
        args.svg_dir.mkdir(parents=True, exist_ok=True)
        vocab = _vocabulary(args)
        for d in report.maps:
            if d.state == "changed" and d.base is not None and d.head is not None:
                svg = emotion_overlay(d.base, d.head, vocab, base_label=args.base, head_label=args.head)
                (args.svg_dir / f"{d.head.id}.svg").write_text(svg, encoding="utf-8", newline="\n")
    return EXIT_FINDINGS if args.exit_code and report.maps else EXIT_OK
