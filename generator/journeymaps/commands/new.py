"""`journeymaps new`: start a map, or a translation or to-be version of an existing one."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ..check.hints import one_of, slugify, suggestion
from ..check.kpi_series import data_file
from ..core.phrase import Phrase, phrase
from ..load.yaml12 import control_characters
from ..model.journey import SLUG_PATTERN
from ..project import load_project
from ..schema.site import modeline_target
from ..scaffold import ScaffoldError, derived, fresh, verify
from ..scaffold.guide_translation import guide_translation, verify_guide
from . import (EXIT_FINDINGS, EXIT_OK, add_site_config_option, add_today_option, maps_dir_of, parse_today,
               refresh_site_schema, site_config_dir, tell, usage, vocabulary_for)

HELP = "start a new map file (or a translation / to-be version of an existing map)"
DESCRIPTION = """\
Write maps/<industry>/<id>.yaml: a valid map with the schema modeline and comments that
teach the format, ready to fill in. An existing file is never overwritten.

With --from MAP (a map id or file), the new map is a copy with the same ids:
  --lang LANG (another language)  a translation that links back to MAP;
  otherwise                       a to-be version (status: to-be, based_on: MAP).
With --from GUIDE (a method guide's id or file) and --lang LANG, writes
maps/method/<GUIDE>-<LANG>.md: the guide's front matter for LANG and its headings and
links as a skeleton to translate.

examples:
  journeymaps new --industry banking --title "Opening a savings account"
  journeymaps new --from online-banking --lang pl --title "Bankowość online"
  journeymaps new --from online-banking --title "Online banking, redesigned"
  journeymaps new --from eight-steps --lang pl --title "Osiem kroków do mapy ścieżki klienta"
"""

_SLUG = re.compile(SLUG_PATTERN)
_LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help=HELP, description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--industry", metavar="ID", help="industry id from site_config/industries.yaml "
                                                    "(default with --from: the industry of MAP)")
    p.add_argument("--title", metavar="TEXT", help="title of the map (default with --from: taken from MAP)")
    p.add_argument("--lang", metavar="LANG", help="language of the map, e.g. en, zh, pl (default: en, or MAP's)")
    p.add_argument("--from", dest="source", metavar="MAP", help="start from an existing map (id or file)")
    p.add_argument("--id", dest="map_id", metavar="ID", help="id of the new map (default: from the title)")
    p.add_argument("--maps-dir", type=Path, metavar="DIR", help="the maps folder (default: maps/ beside site_config/)")
    add_site_config_option(p)
    add_today_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    today = parse_today(args.today)
    near = args.maps_dir or (Path(args.source) if args.source and Path(args.source).is_file() else None)
    vocab = vocabulary_for(args, near)
    site_config = site_config_dir(args.site_config, near) or Path.cwd() / "site_config"
    root = site_config.resolve().parent
    maps_dir = args.maps_dir or maps_dir_of(site_config)
    if args.lang is not None and not _LANG.match(args.lang):
        raise usage("cli.new.bad_lang", lang=args.lang)
    if args.title is not None:
        _check_title(args.title)

    project = load_project(root, maps_dir=maps_dir, site_config=site_config, today=today)
    source_entry = None
    if args.source:
        guide = _find_guide(project, args.source)
        if guide is not None:
            return _new_guide_translation(args, project, guide)
        source_entry = _find_source(project, args.source)
        if source_entry is None:
            raise usage("cli.new.no_source", map=args.source, suggestion=_suggest(args.source, [e.map.id for e in project.maps]))
    industry = args.industry or (source_entry.map.industry if source_entry else None)
    if industry is None:
        raise usage("cli.new.give_industry", choices=one_of(i.id for i in vocab.industries))
    if vocab.industry(industry) is None:
        raise usage("cli.new.unknown_industry", industry=industry,
                    suggestion=_suggest(industry, [i.id for i in vocab.industries]))

    src = source_entry.map if source_entry else None
    lang = args.lang or (src.lang if src else "en")
    translation = src is not None and lang != src.lang
    title = args.title or (src.title if translation else (f"{src.title} (to-be)" if src else None))
    if title is None:
        raise usage("cli.new.give_title")
    _check_title(title)
    map_id = args.map_id or _default_id(title, src, lang, translation)
    if not _SLUG.match(map_id) or len(map_id) > 64:
        raise usage("cli.new.bad_id", id=map_id, example=slugify(map_id))

    path = maps_dir / industry / f"{map_id}.yaml"
    shown = _shown(path)
    if path.exists() or path.is_symlink():
        print(tell(args, "cli.new.exists", path=shown), file=sys.stderr)
        return EXIT_FINDINGS
    taken = project.map(map_id)
    if taken is not None:
        print(tell(args, "cli.new.id_taken", id=map_id, path=taken.display), file=sys.stderr)
        return EXIT_FINDINGS

    schema = modeline_target(maps_dir, site_config)
    if src is not None and source_entry is not None:
        series = data_file(src, source_entry.path)
        text = derived(src, source_entry.display, map_id=map_id, title=title, lang=lang,
                       mode="translation" if translation else "to-be", today=today, schema=schema,
                       series_file=series.name if series is not None else None)
    else:
        text = fresh(map_id=map_id, title=title, industry=industry, lang=lang, vocab=vocab, today=today,
                     schema=schema)
    try:
        warnings = verify(text, path, vocab, today)
    except ScaffoldError as exc:
        raise RuntimeError(str(exc)) from None

    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as f:  # "x": never replace a file created meanwhile
        f.write(text)
    refresh_site_schema(args, site_config, vocab)  # the file the new map's modeline points at
    print(tell(args, "cli.new.created", path=shown))
    if translation and src is not None and source_entry is not None:
        print(tell(args, "cli.new.next_translation", lang=lang, id=map_id, source=source_entry.display))
    elif src is not None:
        print(tell(args, "cli.new.next_to_be", source=src.id))
    else:
        print(tell(args, "cli.new.next_fresh"))
    print(tell(args, "cli.new.then_warnings", path=shown, n=len(warnings)) if warnings
          else tell(args, "cli.new.then", path=shown))
    return EXIT_OK


def _check_title(title: str) -> None:
    if not title.strip() or len(title) > 300 or "\n" in title or "\r" in title or control_characters(title):
        raise usage("cli.new.bad_title")


def _find_guide(project, source: str):
    """The guide ``--from`` names: a guide file, or a guide id that is no map's id."""
    candidate = Path(source)
    if candidate.suffix == ".md" and candidate.exists():
        resolved = candidate.resolve()
        return next((g for g in project.guides if g.path.resolve() == resolved), None)
    if project.map(source) is not None:
        return None
    return next((g for g in project.guides if g.meta.id == source), None)


def _new_guide_translation(args: argparse.Namespace, project, guide) -> int:
    if args.lang is None or args.lang == guide.meta.lang:
        raise usage("cli.new.guide_lang", guide=guide.meta.id)
    if args.industry:
        raise usage("cli.new.guide_industry")
    title = args.title or guide.meta.title
    guide_id = args.map_id or f"{guide.meta.id}-{args.lang.lower()}"
    if not _SLUG.match(guide_id) or len(guide_id) > 64:
        raise usage("cli.new.bad_id", id=guide_id, example=slugify(guide_id))
    path = guide.path.parent / f"{guide_id}.md"
    shown = _shown(path)
    taken = next((g for g in project.guides if g.meta.id == guide_id), None)
    if path.exists() or path.is_symlink() or taken is not None:
        print(tell(args, "cli.new.exists", path=taken.display if taken else shown), file=sys.stderr)
        return EXIT_FINDINGS
    text = guide_translation(guide, guide_id=guide_id, title=title, lang=args.lang)
    try:
        verify_guide(text, shown, guide)
    except ScaffoldError as exc:
        raise RuntimeError(str(exc)) from None
    with path.open("x", encoding="utf-8", newline="\n") as f:  # "x": never replace a file created meanwhile
        f.write(text)
    print(tell(args, "cli.new.created", path=shown))
    print(tell(args, "cli.new.next_guide", lang=args.lang, source=guide.display))
    print(tell(args, "cli.new.then", path=shown))
    return EXIT_OK


def _find_source(project, source: str):
    candidate = Path(source)
    if candidate.suffix in (".yaml", ".yml", ".md") and candidate.exists():
        resolved = candidate.resolve()
        return next((e for e in project.maps if e.path.resolve() == resolved), None)
    return project.map(source)


def _default_id(title: str, src, lang: str, translation: bool) -> str:
    if translation:
        return f"{src.id}-{lang.lower()}"
    if src is not None:
        return f"{src.id}-to-be"
    if not re.search(r"[a-z0-9]", title.lower()):
        raise usage("cli.new.title_no_id")
    slug = slugify(title)
    while len(slug) > 64:
        slug = slug.rsplit("-", 1)[0] if "-" in slug else slug[:64]
    return slug


def _suggest(word: str, choices: list[str]) -> Phrase | str:
    hint = suggestion(word, choices)
    return phrase("cli.new.suggestion", hint=hint) if hint else ""


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
