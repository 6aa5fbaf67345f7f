"""A Python-Markdown extension that skips the inline patterns a document cannot match.

Python-Markdown tries every inline pattern (links, references, autolinks, inline HTML,
entities ...) on every run of text, one after the other: on our generated pages that is about
half of the whole conversion (FIELD-NOTES 2b: page cost). Most patterns need one literal
character to match at all (a backtick, a backslash, ``[``, ``![``, ``<``, ``&``, two spaces
before a line end), and the reference patterns do nothing when the document defines no
references. Just before the inline pass this looks at the text that pass will see and hands it
only the patterns that can still change something.

The output is the same, byte for byte: a pattern whose regex finds nothing leaves the text as
it was and the next pattern starts from the beginning; an undefined reference is left as
typed. Only Python-Markdown's own patterns, recognised by class and regex, are ever skipped;
anything an extension adds or replaces is always tried.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown, inlinepatterns as ip
from markdown.extensions import Extension
from markdown.treeprocessors import InlineProcessor, Treeprocessor
from markdown.util import AtomicString

# (class, regex) of each built-in pattern -> the text it needs to match anywhere at all.
_NEEDS: dict[tuple[type, str], str] = {
    (ip.BacktickInlineProcessor, ip.BACKTICK_RE): "`",
    (ip.EscapeInlineProcessor, ip.ESCAPE_RE): "\\",
    (ip.LinkInlineProcessor, ip.LINK_RE): "[",
    (ip.ImageInlineProcessor, ip.IMAGE_LINK_RE): "![",
    (ip.AutolinkInlineProcessor, ip.AUTOLINK_RE): "<",
    (ip.AutomailInlineProcessor, ip.AUTOMAIL_RE): "<",
    (ip.SubstituteTagInlineProcessor, ip.LINE_BREAK_RE): "  \n",
    (ip.HtmlInlineProcessor, ip.HTML_RE): "<",
    (ip.HtmlInlineProcessor, ip.ENTITY_RE): "&",
}
# These look the matched label up in the document's references, and leave it as typed when
# there is none.
_REFERENCES = (ip.ReferenceInlineProcessor, ip.ShortReferenceInlineProcessor,
               ip.ImageReferenceInlineProcessor, ip.ShortImageReferenceInlineProcessor)
_REFERENCE_REGEXES = {ip.REFERENCE_RE, ip.IMAGE_REFERENCE_RE}


def _needs(pattern: ip.Pattern, has_references: bool) -> tuple[str, ...] | None:
    """What ``pattern`` needs in a text to change it: any one of these strings (empty: nothing
    can make it match). None for a pattern this module does not know: it is always tried."""
    kind, regex = type(pattern), getattr(pattern, "pattern", None)
    if kind in _REFERENCES and regex in _REFERENCE_REGEXES:
        return ("[",) if has_references else ()
    if kind is ip.DelimiterProcessor:  # emphasis: `*` and `_`
        return tuple(pattern.tokens)
    needs = _NEEDS.get((kind, regex))
    return None if needs is None else (needs,)


class _Inline(InlineProcessor):
    """The inline pass, given only the patterns that can match, and skipping each run of text
    that holds nothing any of its remaining patterns needs."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self.needs_from: list[tuple[str, ...] | None] = []  # per pattern index: what patterns i.. need

    # Python-Markdown's own (name-mangled) method: every run of text goes through it.
    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802, N803
        if patternIndex < len(self.needs_from) and not isinstance(data, AtomicString):
            needs = self.needs_from[patternIndex]
            if needs is not None and not any(n in data for n in needs):
                return data  # no pattern left could match: exactly what trying them all returns
        return super()._InlineProcessor__handleInline(data, patternIndex)


class _Select(Treeprocessor):
    """Runs just before the inline pass and gives it the patterns that can match."""

    def run(self, root: etree.Element) -> None:
        inline = self.md.treeprocessors["inline"]
        if not isinstance(inline, _Inline):
            return  # another extension replaced the inline pass: leave it as it is
        text = "".join(t for el in root.iter() for t in (el.text, el.tail) if t)
        has_references = bool(self.md.references)
        kept: list[ip.Pattern] = []
        needs: list[tuple[str, ...] | None] = []
        for p in self.md.inlinePatterns:
            n = _needs(p, has_references)
            if n is not None and not any(x in text for x in n):
                continue
            kept.append(p)
            needs.append(n)
        # A plain list: the inline pass indexes it once per pattern per run of text, and a
        # Registry re-checks its sort order on every index.
        inline.inlinePatterns = kept
        inline.needs_from = [None if any(n is None for n in needs[i:]) else tuple({x for n in needs[i:] for x in n})
                             for i in range(len(needs))]


class IdlePatternsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        if type(md.treeprocessors["inline"]) is InlineProcessor:
            md.treeprocessors.register(_Inline(md), "inline", 20)
            # The inline pass has priority 20: this runs right before it, after every block and
            # tree processor that could add text.
            md.treeprocessors.register(_Select(md), "journeymaps_idle_patterns", 20.5)


def makeExtension(**kwargs) -> IdlePatternsExtension:  # noqa: N802 - Python-Markdown's entry point name
    return IdlePatternsExtension(**kwargs)
