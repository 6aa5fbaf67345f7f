"""`journeymaps lsp`: the language server for editors, on stdin/stdout."""

from __future__ import annotations

import argparse

from ..core.phrase import phrase
from ..words.reader import english
from . import EXIT_OK

HELP = english(phrase("cli.lsp.help"))


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("lsp", help=HELP, description=HELP + ". See the README for Neovim, Helix, Emacs and VS Code.")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..lsp.server import serve  # here: pygls is loaded only by the command that needs it

    serve()
    return EXIT_OK
