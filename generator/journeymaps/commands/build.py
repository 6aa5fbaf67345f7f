"""`journeymaps build`: check every map, build the site, swap it in only on success."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..check.report import text as text_report
from ..engine import mkdocs_build
from ..engine.atomic import build_and_swap
from ..project import load_project
from . import (EXIT_FINDINGS, EXIT_OK, add_output_language_option, add_today_option, parse_today, reader_language,
               refresh_site_schema, tell, usage)

HELP = "check the maps and build the site into site/ (the last good site stays if anything fails)"
DESCRIPTION = """\
Check every map and guide first: with errors, print them located (path:line:col) and write
nothing. Then run the MkDocs build (strict: any warning fails it) into a temporary folder
next to the output and swap it in only when the build succeeded, so a failed build leaves
the last good site exactly as it was.

examples:
  journeymaps build
  journeymaps build --out public
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("build", help=HELP, description=DESCRIPTION,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", type=Path, default=None, metavar="DIR", help="site folder (default: site/ next to mkdocs.yml)")
    p.add_argument("--config-file", "-f", type=Path, default=Path("mkdocs.yml"), metavar="FILE",
                   help="MkDocs configuration (default: mkdocs.yml)")
    p.add_argument("--verbose", "-v", action="store_true", help="show MkDocs' progress messages")
    add_output_language_option(p)
    add_today_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    config_file = args.config_file.resolve()
    if not config_file.is_file():
        raise usage("cli.build.no_config", file=args.config_file)
    root = config_file.parent
    today = parse_today(args.today)
    project = load_project(root, today=today)
    errors = project.errors()
    if project.vocabulary is not None:
        refresh_site_schema(args, root / "site_config", project.vocabulary)
    if project.vocabulary is None or errors:
        sys.stdout.write(text_report(errors or project.findings, project.files, reader_language(args)))
        print(tell(args, "cli.build.check_failed"), file=sys.stderr)
        return EXIT_FINDINGS
    out = (args.out or root / "site").resolve()
    try:
        build_and_swap(out, lambda tmp: mkdocs_build.build(config_file, tmp, project, verbose=args.verbose),
                       on_swept=lambda folders: _say_swept(args, folders))
    except mkdocs_build.BuildFailed as exc:
        print(tell(args, "cli.build.failed", error=exc, out=out), file=sys.stderr)
        return EXIT_FINDINGS
    print(tell(args, "cli.build.done", maps=len(project.maps), out=out), file=sys.stderr)
    return EXIT_OK


def _say_swept(args: argparse.Namespace, folders: list[Path]) -> None:
    names = ", ".join(f.name for f in folders)
    print(tell(args, "cli.build.swept", n=len(folders), names=names), file=sys.stderr)
