"""`journeymaps schema`: print the published JSON Schema."""

from __future__ import annotations

import argparse
import sys

from ..schema import SCHEMA_PATH, schema_text
from . import EXIT_OK, tell

HELP = "print the JSON Schema of the map format (what editors use for completion)"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("schema", help=HELP, description=HELP + f". The committed copy is {SCHEMA_PATH.name}.")
    p.add_argument("--write", action="store_true", help="rewrite the committed copy instead of printing")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.write:
        SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
        print(tell(args, "cli.wrote", path=SCHEMA_PATH), file=sys.stderr)
    else:
        sys.stdout.write(schema_text())
    return EXIT_OK
