"""One module per subcommand; each has ``register(subparsers)`` and returns an exit code from ``run``.

Exit codes: 0 ok, 1 findings (or the command's work failed for a reason it explained), 2 usage.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import sys
from pathlib import Path

from ..check.report import text as text_report
from ..core.findings import Finding
from ..load.site_config import find_site_config, load_vocabulary
from ..model.vocabulary import Vocabulary
from ..core.phrase import Phrase, phrase
from ..core import today as _today
from ..core.today import TODAY_ENV, today_from
from ..words import LANGUAGES, REFERENCE
from ..words.reader import UnknownLanguage, Wording, output_language

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake in how the command was called; printed without a traceback, exit 2. The
    message is a catalogue phrase, worded in the reader's language when printed."""

    def __init__(self, message: Phrase | str):
        super().__init__(message)
        self.message = message  # a plain str is printed as it is

    def worded(self, lang: str) -> str:
        return self.message if isinstance(self.message, str) else self.message.say(Wording(lang))

    def __str__(self) -> str:
        return self.worded(REFERENCE)


def usage(key: str, /, **values: object) -> UsageError:
    """``raise usage("cli.key", value=...)``: a usage error worded from the catalogue."""
    return UsageError(phrase(key, **values))


def tell(args: argparse.Namespace | None, key: str, /, **values: object) -> str:
    """The catalogue text ``key`` with ``values``, in the language the command speaks."""
    return phrase(key, **values).say(Wording(reader_language(args)))


def add_site_config_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site-config", type=Path, metavar="DIR",
                   help="folder with stages.yaml, channels.yaml ... (default: the nearest `site_config/`)")


def add_today_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--today", metavar="YYYY-MM-DD", default=today_from(os.environ),
                   help=f"date used for the review-age check (default: today, or ${TODAY_ENV})")


def add_output_language_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", dest="output_lang", metavar="LANG", default=None,
                   help="language of the messages: en, zh or pl (default: $JOURNEYMAPS_LANG, else the locale, else en)")


def reader_language(args: argparse.Namespace | None = None) -> str:
    """The language this command speaks to the user in (see ``words.reader.output_language``);
    commands whose ``--lang`` names a map's language follow the environment only."""
    try:
        return output_language(getattr(args, "output_lang", None), os.environ)
    except UnknownLanguage as exc:
        raise usage("cli.unknown_language", source=exc.source, value=exc.value,
                    choices=", ".join(LANGUAGES)) from None


def parse_today(value: str | None) -> _dt.date:
    try:
        return _today.parse_today(value)
    except ValueError:
        raise usage("cli.bad_today", value=value) from None


def site_config_dir(explicit: Path | None, near: Path | None = None) -> Path | None:
    """The one rule every command follows to find ``site_config/``: ``--site-config``, else
    the nearest one above ``near`` (the file or folder the command works on), else the
    nearest one above the current directory."""
    if explicit is not None:
        return explicit
    starts = [] if near is None else [near if near.is_dir() else near.parent]
    for start in [*starts, Path.cwd()]:
        found = find_site_config(start)
        if found is not None:
            return found
    return None


def vocabulary_for(args: argparse.Namespace, near: Path | None = None) -> Vocabulary:
    folder = site_config_dir(args.site_config, near)
    if folder is None:
        if near is not None:
            raise usage("cli.no_site_config_near", near=near.as_posix())
        raise usage("cli.no_site_config")
    vocab, findings = load_vocabulary(folder)
    if vocab is None:
        raise ConfigError(findings)
    return vocab


def refresh_site_schema(args: argparse.Namespace | None, site_config: Path, vocab: Vocabulary) -> None:
    """Rewrite the site schema when it is stale, and say so: editors read it through the maps'
    modeline, so it follows ``site_config/`` even when a map fails."""
    from ..schema.site import site_schema_path, write_site_schema  # here: `check` never writes it

    if write_site_schema(site_config, vocab):
        print(tell(args, "cli.wrote", path=site_schema_path(site_config)), file=sys.stderr)


def maps_dir_of(site_config: Path) -> Path:
    """The project's maps folder: beside its ``site_config/``."""
    return site_config.resolve().parent / "maps"


class ConfigError(Exception):
    """site_config/ itself is broken: report its findings, exit 1."""

    def __init__(self, findings: list[Finding]):
        super().__init__("site_config is invalid")
        self.findings = findings

    def report(self, lang: str) -> None:
        sys.stdout.write(text_report(self.findings, len({f.path for f in self.findings}), lang))
