"""`journeymaps history MAP`: every commit that changed a map, with what changed, in plain words."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..diff.changes import speaking
from ..diff.history import HistoryError, read_history
from ..diff.history_report import RENDERERS, shortened
from ..load.site_config import load_vocabulary
from . import EXIT_OK, UsageError, add_output_language_option, add_site_config_option, reader_language, site_config_dir

HELP = "show every commit that changed a journey map and what it changed"
DESCRIPTION = """\
List the commits that changed one map file, newest first, following renames
(`git log --follow`), each with its date, author, short SHA, subject and the semantic
changes against the commit before it, in the same words as `journeymaps diff`.
Maps are read from git's object store; nothing is checked out.

examples:
  journeymaps history maps/banking/online-banking.yaml
  journeymaps history maps/banking/online-banking.yaml --format markdown > history.md
  journeymaps history maps/banking/online-banking.yaml --format json
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("history", help=HELP, description=DESCRIPTION,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("map", metavar="MAP", type=Path, help="the map file (its current path)")
    p.add_argument("--format", choices=sorted(RENDERERS), default="text", help="output format (default: text)")
    add_site_config_option(p)
    add_output_language_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path: Path = args.map
    if path.is_dir():
        raise UsageError(f"{path.as_posix()} is a folder; name one map file, e.g. maps/banking/online-banking.yaml")
    folder = site_config_dir(args.site_config, path)
    # Stage and persona names come from site_config; without one the history shows ids.
    vocab = load_vocabulary(folder)[0] if folder is not None else None
    with speaking(reader_language(args)):  # the changes, like the frame, in the reader's language
        try:
            history = read_history(path, vocab)
        except HistoryError as exc:
            raise UsageError(str(exc)) from None
        if history.shallow and args.format == "json":
            print(f"journeymaps: note: {shortened(history)}", file=sys.stderr)  # the list itself has no room for it
        sys.stdout.write(RENDERERS[args.format](history))
    return EXIT_OK
