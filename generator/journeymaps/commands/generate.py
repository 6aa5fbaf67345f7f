"""`journeymaps generate`: write the site's pages as a plain docs tree for any engine."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..check.report import text as text_report
from ..engine.atomic import build_and_swap
from ..engine.plain_tree import MARKER, language_config_path, may_replace, write_engine_config, write_tree
from ..pages import Site, build_site, languages
from ..pages.templates import Templates
from ..project import load_project
from . import (EXIT_FINDINGS, EXIT_OK, add_output_language_option, add_today_option, parse_today, reader_language,
               tell, usage)

HELP = "write the site's pages (Markdown, SVG, JSON, Mermaid; PNG and PDF with --png) as a plain docs tree"
DESCRIPTION = """\
Write every page and picture the MkDocs plugin publishes, byte for byte, for an engine that
runs no MkDocs plugins (Zensical, or any static-site tool that reads Markdown): one tree per
language declared in site_config/settings.yaml, in DIR/<lang>/. The maps are checked first;
with errors nothing is written. The folder is replaced whole, and only if it is empty or was
written by this command. --engine-config FILE writes FILE for the default language and
FILE's name with the language tag (mkdocs.zh.yml) for each other one; build the default
language first, its build empties the site folder the others go into.

examples:
  journeymaps generate --out build/docs
  journeymaps generate --out build/docs --engine-config build/mkdocs.yml
  zensical build -f build/mkdocs.yml && zensical build -f build/mkdocs.zh.yml && zensical build -f build/mkdocs.pl.yml
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("generate", help=HELP, description=DESCRIPTION,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write the docs tree into")
    p.add_argument("--root", type=Path, default=Path("."), metavar="DIR",
                   help="repository root with maps/ and site_config/ (default: here)")
    p.add_argument("--engine-config", type=Path, metavar="FILE",
                   help="also write an mkdocs.yml for this tree (the project's, without the plugin, nav spelled out)")
    # Off by default, as the plugin's `png` option: the map page's buttons make them in the browser.
    p.add_argument("--png", action=argparse.BooleanOptionalAction, default=False,
                   help="also write each map's PNG and PDF poster, drawn by Cairo and cached (default: --no-png, "
                        "the reader's browser makes them from the page)")
    add_output_language_option(p)
    add_today_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root = args.root.resolve()
    if not (root / "site_config").is_dir():
        raise usage("cli.generate.no_site_config", root=root)
    if not may_replace(args.out):
        raise usage("cli.generate.not_ours", out=args.out)
    project = load_project(root, today=parse_today(args.today))
    errors = project.errors()
    if project.vocabulary is None or errors:
        sys.stdout.write(text_report(errors or project.findings, project.files, reader_language(args)))
        print(tell(args, "cli.generate.nothing_written"), file=sys.stderr)
        return EXIT_FINDINGS
    assert project.vocabulary is not None
    eds = languages.editions(project.vocabulary.settings)
    cache_dir = root / ".cache" / "journeymaps" / "png"
    templates = Templates.for_project(root)  # compiled once, for every language's site
    sites = {ed: build_site(project, png=args.png, cache_dir=cache_dir, lang=ed.lang, templates=templates)
             for ed in eds}
    count = build_and_swap(args.out, lambda tmp: _write_trees(sites, tmp))
    if args.engine_config:
        site_root = args.engine_config.parent / "site"
        for ed, site in sites.items():
            write_engine_config(root / "mkdocs.yml", args.out / ed.lang, site,
                                language_config_path(args.engine_config, ed, eds[0]), ed, eds,
                                site_dir=site_root / ed.prefix)
    written = dict(files=count, maps=len(project.maps), languages=len(sites), out=args.out)
    if args.png:
        print(tell(args, "cli.generate.done_with_pictures", **written,
                   rendered=sum(s.png_rendered for s in sites.values()),
                   posters=sum(s.pdf_rendered for s in sites.values()),
                   cached=sum(s.png_cached + s.pdf_cached for s in sites.values())), file=sys.stderr)
    else:  # nothing drawn: no count of nothing
        print(tell(args, "cli.generate.done", **written), file=sys.stderr)
    return EXIT_OK


def _write_trees(sites: dict[languages.Edition, Site], out: Path) -> int:
    count = sum(write_tree(site, out / ed.lang) for ed, site in sites.items())
    (out / MARKER).write_text("written by `journeymaps generate`; safe to delete and regenerate\n", encoding="utf-8")
    return count
