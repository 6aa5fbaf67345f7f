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

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake in how the command was called; printed without a traceback, exit 2."""


def add_site_config_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site-config", type=Path, metavar="DIR",
                   help="folder with stages.yaml, channels.yaml ... (default: the nearest `site_config/`)")


def add_today_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--today", metavar="YYYY-MM-DD", default=os.environ.get("JOURNEYMAPS_TODAY"),
                   help="date used for the review-age check (default: today, or $JOURNEYMAPS_TODAY)")


def parse_today(value: str | None) -> _dt.date:
    if not value:
        return _dt.date.today()
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--today: `{value}` is not a date; write YYYY-MM-DD") from None


def vocabulary_for(args: argparse.Namespace, near: Path) -> Vocabulary:
    folder = args.site_config or find_site_config(near)
    if folder is None:
        raise UsageError("no `site_config/` folder found here or above; run from the repository root "
                         "or pass --site-config DIR")
    vocab, findings = load_vocabulary(folder)
    if vocab is None:
        raise ConfigError(findings)
    return vocab


class ConfigError(Exception):
    """site_config/ itself is broken: report its findings, exit 1."""

    def __init__(self, findings: list[Finding]):
        super().__init__("site_config is invalid")
        self.findings = findings

    def report(self) -> None:
        sys.stdout.write(text_report(self.findings, len({f.path for f in self.findings})))
