"""`journeymaps schema`: print the published JSON Schema, or write the site schema."""

from __future__ import annotations

import argparse
import sys

from ..core.phrase import phrase
from ..schema import SCHEMA_PATH, schema_text
from ..words.reader import english
from . import EXIT_OK, add_site_config_option, refresh_site_schema, site_config_dir, tell, usage, vocabulary_for

HELP = "print the JSON Schema of the map format (what editors use for completion)"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("schema", help=HELP, description=HELP + f". The committed copy is {SCHEMA_PATH.name}.")
    p.add_argument("--write", action="store_true", help="rewrite the committed copy instead of printing")
    p.add_argument("--site", action="store_true",
                   help=english(phrase("cli.schema.site")))
    add_site_config_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.site:
        folder = site_config_dir(args.site_config)
        if folder is None:
            raise usage("cli.no_site_config")
        refresh_site_schema(args, folder, vocabulary_for(args))
    elif args.write:
        SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
        print(tell(args, "cli.wrote", path=SCHEMA_PATH), file=sys.stderr)
    else:
        sys.stdout.write(schema_text())
    return EXIT_OK
