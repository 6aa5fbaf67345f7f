"""`journeymaps check`: validate maps and guides, report every finding of every file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..check.report import FORMATS
from ..check.context_cache import ContextCache
from ..check.runner import check_paths
from . import (EXIT_FINDINGS, EXIT_OK, add_output_language_option, add_site_config_option, add_today_option,
               maps_dir_of, parse_today, reader_language, site_config_dir, tell, vocabulary_for)

HELP = "check maps against the schema, the site vocabulary and the quality rules"
DESCRIPTION = """\
Check journey maps and method guides. Every finding of every file is reported at once as
`path:line:col: severity[code]: message`, with a hint where one helps. A file named on its
own is judged in its project: translations, `based_on`, guide links and duplicate ids
resolve against every map beside it, and only the named files are reported on.

Errors: schema violations, unknown personas/channels/stages/pain points, duplicate ids,
emotion scores outside the scale, broken translation links, a file outside its industry
folder, unsafe YAML (anchors, aliases, tags, duplicate keys, deep nesting, huge files).
Warnings: a stage with no touchpoint, a pain point with no opportunity, a low emotion with
no pain point, a KPI with no target, a review older than the site's limit.

examples:
  journeymaps check maps/
  journeymaps check --strict maps/banking/online-banking.yaml
  journeymaps check --format github maps/      # annotations in a GitHub workflow
  journeymaps check --lang zh maps/            # messages in Chinese (or JOURNEYMAPS_LANG=zh)

Messages are in the language of --lang, else $JOURNEYMAPS_LANG, else the locale (LC_ALL,
LC_MESSAGES, LANG) when it is en, zh or pl, else English. Finding codes stay English.
`--format json` and `github` keep the English message for programs and add the localised one.
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help=HELP, description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="*", type=Path, default=[Path("maps")], help="map files or folders (default: maps/)")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--format", choices=sorted(FORMATS), default="text", help="output format (default: text)")
    p.add_argument("--jobs", "-j", type=int, default=None, help="worker processes (default: one per core)")
    add_output_language_option(p)
    add_site_config_option(p)
    add_today_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    lang = reader_language(args)
    today = parse_today(args.today)
    near = args.paths[0] if args.paths else None
    vocab = vocabulary_for(args, near)
    folder = site_config_dir(args.site_config, near)
    context = _project_context(args.paths, folder)
    # A file judged in its project: the other files' summaries come from the last run where unchanged.
    cache = ContextCache.open(context[0], folder) if context and folder is not None else None
    result = check_paths(args.paths, vocab, today=today, jobs=args.jobs, progress=_progress_reporter(args),
                         context=context, context_cache=cache)
    findings = [f.promoted() for f in result.findings] if args.strict else result.findings
    sys.stdout.write(FORMATS[args.format](findings, result.files, lang))
    return EXIT_FINDINGS if any(f.severity == "error" for f in findings) else EXIT_OK


def _project_context(paths: list[Path], site_config: Path | None) -> list[Path]:
    """The project's maps folder when some named file lies inside it: a file is judged in its
    project (its translations, `based_on`, guide links and duplicate ids resolve against every
    map), while a draft elsewhere is judged alone."""
    if site_config is None:
        return []
    maps = maps_dir_of(site_config)
    inside = [p for p in paths if maps in p.resolve().parents]
    return [maps] if inside and maps.is_dir() else []


def _progress_reporter(args: argparse.Namespace):
    """Progress on stderr for long runs at a terminal; silent in CI logs and pipes."""
    if not sys.stderr.isatty():
        return None

    def report(done: int, total: int) -> None:
        if total >= 200:
            end = "\n" if done == total else ""
            sys.stderr.write("\r" + tell(args, "cli.check.progress", done=done, total=total) + end)
            sys.stderr.flush()

    return report
