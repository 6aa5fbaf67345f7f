"""`journeymaps translated`: record that translations were reviewed against their originals."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..model.translation import guide_digest, map_digest, original_of
from ..project import Project, load_project
from ..scaffold import ScaffoldError
from ..scaffold.digest_field import with_source_digest, write_atomically
from ..core.phrase import Phrase, phrase
from ..words.reader import english, wording
from . import (EXIT_FINDINGS, EXIT_OK, add_site_config_option, maps_dir_of, reader_language, site_config_dir, tell,
               usage)

HELP = "mark translations as reviewed against their originals (records `source_digest`)"
DESCRIPTION = """\
A translation (map or guide) records `source_digest`: the digest of its original when it was
last reviewed against it. When the original changes, `journeymaps check` warns that the
translation is stale. After you have brought the translation up to date, run this command on
it: it writes the original's current digest into the file and changes nothing else.

examples:
  journeymaps translated maps/banking/online-banking-zh.yaml
  journeymaps translated maps/method/eight-steps-pl.md maps/method/measuring-pl.md
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("translated", help=HELP, description=DESCRIPTION,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", type=Path, help="translation files (maps or guides)")
    add_site_config_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    site_config = site_config_dir(args.site_config, args.paths[0])
    if site_config is None:
        raise usage("cli.no_site_config_here")
    project = load_project(site_config.resolve().parent, maps_dir=maps_dir_of(site_config), site_config=site_config)
    if project.vocabulary is None:
        raise usage("cli.translated.bad_site_config")
    code = EXIT_OK
    for path in args.paths:
        try:
            digest, original = source_digest_for(project, path)
            text = path.read_text(encoding="utf-8")
            write_atomically(path, with_source_digest(text, digest, markdown=path.name.endswith(".md")))
        except (LookupError, ScaffoldError, OSError) as exc:
            reason = exc.message.say(wording(reader_language())) if isinstance(exc, _NotATranslation) else exc
            print(tell(args, "cli.translated.failed", path=path.as_posix(), reason=reason), file=sys.stderr)
            code = EXIT_FINDINGS
            continue
        print(tell(args, "cli.translated.done", path=path.as_posix(), digest=digest, original=original))
    return code


def source_digest_for(project: Project, path: Path) -> tuple[str, str]:
    """The current digest of the original of the translation at ``path``, and the original's file."""
    assert project.vocabulary is not None
    default = project.vocabulary.settings.languages[0]
    resolved = path.resolve()
    m = next((e for e in project.maps if e.path.resolve() == resolved), None)
    g = next((e for e in project.guides if e.path.resolve() == resolved), None)
    if m is None and g is None:
        raise _NotATranslation(phrase("cli.translated.not_checked"))
    lang, translations = (m.map.lang, m.map.translations) if m else (g.meta.lang, g.meta.translations)
    original_id = original_of(lang, translations, default)
    if original_id is None:
        raise _NotATranslation(phrase("cli.translated.no_original", lang=default))
    if m is not None:
        original = project.map(original_id)
        if original is not None:
            return map_digest(original.map), original.display
    else:
        og = next((e for e in project.guides if e.meta.id == original_id), None)
        if og is not None:
            return guide_digest(og.meta, og.body), og.display
    raise _NotATranslation(phrase("cli.translated.original_missing", original=original_id))


class _NotATranslation(LookupError):
    """The file has no original to take a digest of; the message is a catalogue phrase."""

    def __init__(self, message: Phrase):
        super().__init__(english(message))
        self.message = message
