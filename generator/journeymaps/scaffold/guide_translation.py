"""The start of a guide translation: the original's front matter for the new language, and its
headings and links as a skeleton to translate, checked for parity before it is written."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pydantic import ValidationError

from ..check.guide_parity import GuideText, check_parity, sections
from ..check.guide_translations import guide_text
from ..load.source import read_text_bytes
from ..model.guide import GuideMeta
from ..model.translation import guide_digest
from .template import scalar
from .verify import ScaffoldError

if TYPE_CHECKING:
    from ..check.runner import GuideEntry

_LINK = re.compile(r"\[([^\]\n]*)\]\(\s*<?(?:map|guide):[^)\s>]*>?\s*\)")
_H1 = re.compile(r"^# +(.+)$", re.M)


def guide_translation(original: GuideEntry, *, guide_id: str, title: str, lang: str) -> str:
    m = original.meta
    front = [
        "---",
        f"# Translation ({lang}) of `{m.id}` ({original.display}), started with",
        f"#   journeymaps new --from {m.id} --lang {lang}",
        "# Translate the title, the summary and the text below for its readers (not word for word).",
        "# Keep every `##` section in its order and every map link in its section: `journeymaps check`",
        "# compares them with the original, and warns when the original changes after this file.",
        f"id: {guide_id}",
        f"title: {scalar(title)}",
        f"summary: {scalar(' '.join(m.summary.split()))}",
        f"order: {m.order}",
        f"lang: {lang}",
        f"maps: [{', '.join(m.maps)}]",
        f"translations: {{{m.lang}: {m.id}}}",
        f"source_digest: \"{guide_digest(m, original.body)}\"",
        "---",
        "",
    ]
    body: list[str] = []
    for s in sections(original.body, original.body_line):
        if s.heading:
            body += [f"## {s.heading}", ""]
        elif _H1.search(s.text):
            body += [f"# {title}", ""]
        links = [link.group(0) for link in _LINK.finditer(s.text)]
        if links:
            body += [f"- {link}" for link in links] + [""]
    return "\n".join(front + body).rstrip("\n") + "\n"


def verify_guide(text: str, display: str, original: GuideEntry) -> None:
    """Raise unless ``text`` is a guide that passes the parity check against ``original``."""
    result = read_text_bytes(text.encode("utf-8"), markdown=True)
    if result.loaded.issues or not isinstance(result.loaded.data, dict):
        raise ScaffoldError("the generated guide does not load")
    try:
        meta = GuideMeta.model_validate(result.loaded.data)
    except ValidationError as exc:
        raise ScaffoldError(f"the generated guide is invalid: {exc}") from None
    mine = GuideText(display, meta.id, meta.order, tuple(meta.maps),
                     tuple(sections(result.body or "", result.body_line)), (1, 1), (1, 1))
    problems = check_parity(mine, guide_text(original))
    if problems:
        raise ScaffoldError("the generated guide is not on par with its original: "
                            + "; ".join(f.message for f in problems))
