"""The `journeymaps` command line: a thin dispatcher over ``journeymaps.commands``."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from . import __version__
from .commands import EXIT_USAGE, ConfigError, UsageError, reader_language
from .words import REFERENCE, label

# Each entry is a module in generator/journeymaps/commands with register() and a run set as default.
COMMANDS = ("check", "schema", "new", "translated", "export", "import_mermaid", "generate", "build", "diff",
            "history", "lsp")

DESCRIPTION = """\
journeymaps: customer journey maps as code.

Write each map as YAML under maps/<industry>/, check it, and build a site with
diagrams, playbooks and catalogues. Start with:

  journeymaps new --industry banking --title "Opening an account"
  journeymaps check maps/
  journeymaps build            # the whole site, into site/
"""


def _module_for(argv: list[str]) -> str | None:
    """The command module named on the command line, if any: only that one is imported, so
    `journeymaps check` does not pay for loading the site builder and renderers."""
    first = next((a for a in argv if not a.startswith("-")), None)
    if first is None:
        return None
    name = first.replace("-", "_")
    return name if name in COMMANDS else None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="journeymaps", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"journeymaps {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in (only,) if only else COMMANDS:
        try:
            module = importlib.import_module(f".commands.{name}", __package__)
        except ModuleNotFoundError as exc:
            if exc.name == f"{__package__}.commands.{name}":
                continue  # not built yet
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(_module_for(argv))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if not hasattr(args, "run"):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.run(args))
    except UsageError as exc:
        # Worded in English when the language itself is the mistake (--lang xx).
        print(_tell(args, "cli.usage_error", message=exc.worded(_language(args))), file=sys.stderr)
        return EXIT_USAGE
    except ConfigError as exc:
        exc.report(_language(args))
        return 1
    except KeyboardInterrupt:
        print(_tell(args, "cli.interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback for the user
        from .pages.templates import TemplateProblem  # here, not at the top: pages are slow to import

        if isinstance(exc, TemplateProblem):  # a site's page template: its file and line, and what to do
            print(f"journeymaps: {exc}", file=sys.stderr)
            return 1
        if os.environ.get("JOURNEYMAPS_DEBUG"):
            raise
        print(_tell(args, "cli.internal_error", error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return 3


def _language(args: argparse.Namespace) -> str:
    try:
        return reader_language(args)
    except UsageError:
        return REFERENCE


def _tell(args: argparse.Namespace, key: str, /, **values: object) -> str:
    return label(_language(args), key).format(**values)


if __name__ == "__main__":
    sys.exit(main())
