"""Which document a translation follows, and the digest that tells when it fell behind.

A translation records ``source_digest``: the digest of its original's normalised content when
the translation was last reviewed against it. ``journeymaps check`` compares it with the
original's digest now, so a stale translation is found without git. Normalised means that what
does not change the meaning leaves the digest alone: comments, key order, quoting, re-wrapped
lines, the list of translations and the review date.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import StringConstraints

if TYPE_CHECKING:
    from .guide import GuideMeta
    from .journey import JourneyMap

DIGEST_LENGTH = 16
SOURCE_DIGEST_HELP = ("Digest of the original's content when this translation was last reviewed against it; "
                      "`journeymaps translated FILE` records it.")
SourceDigest = Annotated[str, StringConstraints(pattern=rf"^[0-9a-f]{{{DIGEST_LENGTH}}}$")]
# Fields that say nothing about the text a translator follows.
NOT_CONTENT = frozenset({"translations", "source_digest", "last_reviewed"})


def digest_of(content: Mapping[str, Any], body: str | None = None) -> str:
    """Digest of a document's fields (as JSON data) and, for Markdown, its body."""
    fields = {k: v for k, v in content.items() if k not in NOT_CONTENT}
    if body is not None:
        fields["body"] = normalised_markdown(body)
    canonical = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:DIGEST_LENGTH]


# Defaults left out: writing `lang: en` or not, or a new optional field in the format, is no change.
def map_digest(m: JourneyMap) -> str:
    data = m.model_dump(mode="json", exclude_defaults=True)
    notes = data.pop("notes", None)
    return digest_of(data, notes or "")


def guide_digest(meta: GuideMeta, body: str) -> str:
    return digest_of(meta.model_dump(mode="json", exclude_defaults=True), body)


def normalised_markdown(text: str) -> str:
    """Paragraphs with their whitespace collapsed: re-wrapping a paragraph is not a change."""
    paragraphs = text.replace("\r\n", "\n").split("\n\n")
    return "\n\n".join(p for p in (" ".join(par.split()) for par in paragraphs) if p)


def original_of(lang: str, translations: Mapping[str, str], default_lang: str) -> str | None:
    """The id of the document this one translates: its version in the site's default language.
    A document in the default language is an original."""
    return None if lang == default_lang else translations.get(default_lang)
