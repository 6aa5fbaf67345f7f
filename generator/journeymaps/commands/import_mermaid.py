"""`journeymaps import-mermaid`: turn Mermaid `journey` diagrams into map files."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ..check.report import text as text_report
from ..check.worded import finding
from ..core.findings import Finding
from ..core.phrase import phrase
from ..interchange.mermaid_import import ImportOptions, import_file
from ..load.source import MAP_SUFFIXES
from ..model.journey import SLUG_PATTERN
from ..schema.site import modeline_target
from . import (EXIT_FINDINGS, EXIT_OK, add_site_config_option, add_today_option, parse_today, reader_language,
               refresh_site_schema, site_config_dir, tell, usage, vocabulary_for)

HELP = "turn the Mermaid journey diagrams of a Markdown or .mmd file into map files"
DESCRIPTION = """\
Turn each Mermaid `journey` diagram of FILE (every ```mermaid block of a Markdown file, or a
whole .mmd file) into a map: sections become stages, tasks become actions, actors become
personas, and task scores become emotions on a 1..5 scale (a persona's score at a stage is the
mean of their task scores there, rounded half up). A diagram exported by
`journeymaps export --format mermaid` comes back with its ids, scale and per-persona scores.

Fields Mermaid has no place for are filled with TODO values that pass the check: fill them in.
Maps are written to DIR/<industry>/<id>.yaml; existing files are never overwritten. Scores
outside 1..5 and lines Mermaid cannot read are reported as FILE:line:col errors, and then
nothing is written.

examples:
  journeymaps import-mermaid docs/journeys.md --industry banking
  journeymaps import-mermaid onboarding.mmd --industry fitness --lang pl --out -
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import-mermaid", help=HELP, description=DESCRIPTION,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", type=Path, metavar="FILE", help="a Markdown file with ```mermaid blocks, or a .mmd file")
    p.add_argument("--industry", metavar="ID", help="industry of the maps (an id from site_config/industries.yaml)")
    p.add_argument("--out", default="maps", metavar="DIR",
                   help="folder that holds the industry folders (default: maps); `-` prints the YAML instead")
    p.add_argument("--lang", metavar="LANG", help="language of the diagrams, e.g. en, zh, pl (default: guessed)")
    add_site_config_option(p)
    add_today_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.industry is not None and not re.match(SLUG_PATTERN, args.industry):
        raise usage("cli.import.bad_industry", industry=args.industry)
    if args.lang is not None and not re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", args.lang):
        raise usage("cli.import.bad_lang", lang=args.lang)
    vocab = vocabulary_for(args, args.file)
    site_config = site_config_dir(args.site_config, args.file)
    # Printed maps have no place yet: they point at the generic schema.
    schema = modeline_target(None if args.out == "-" else Path(args.out), site_config)
    options = ImportOptions(vocab, parse_today(args.today), args.industry, args.lang, schema)
    display = args.file.as_posix()
    if not args.file.is_file():
        return _fail([finding(display, 1, 1, "error", "not-found", phrase("cli.import.no_such_file"))])
    result = import_file(args.file, options, display)
    if result.errors:
        return _fail(result.findings)
    if args.out == "-":
        _report(result.findings)
        sys.stdout.write("---\n".join(m.yaml for m in result.maps))
        return EXIT_OK
    out = Path(args.out)
    targets = [(m, out / m.industry / f"{m.id}.yaml") for m in result.maps]
    clashes = [finding(display, m.pos.line, m.pos.col, "error", "exists",
                       phrase("cli.import.exists", path=_taken_by(out, m.id, target)), phrase("cli.import.exists.hint"))
               for m, target in targets if _taken_by(out, m.id, target)]
    if clashes:
        return _fail(result.findings + clashes)
    _report(result.findings)
    if site_config is not None:
        refresh_site_schema(args, site_config, vocab)  # the file the maps' modeline points at
    for m, target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8", newline="\n") as fh:  # "x": never overwrite, even in a race
            fh.write(m.yaml)
        print(tell(args, "cli.wrote", path=target.as_posix()))
        for note in m.notes:  # also at the top of the file
            print(tell(args, "cli.import.note", note=note))
    return EXIT_OK


def _taken_by(out: Path, map_id: str, target: Path) -> str | None:
    """The file that already holds this path or this map id's file name in any industry folder."""
    if target.exists():
        return target.as_posix()
    if out.is_dir():
        for folder in sorted(p for p in out.iterdir() if p.is_dir()):
            for suffix in MAP_SUFFIXES:
                if (folder / f"{map_id}{suffix}").exists():
                    return (folder / f"{map_id}{suffix}").as_posix()
    return None


def _report(findings: list[Finding]) -> None:
    # Findings go to stderr so `--out -` leaves clean YAML on stdout.
    if findings:
        sys.stderr.write(text_report(findings, 1, reader_language()))


def _fail(findings: list[Finding]) -> int:
    sys.stderr.write(text_report(findings, 1, reader_language()))
    return EXIT_FINDINGS

