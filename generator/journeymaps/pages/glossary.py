"""The glossary: one page per language from site_config/glossary.yaml, each linking the others."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.escape import html_text, inline
from ..model.glossary import Entry, Glossary
from . import layout
from .blocks import in_lang, lang_mark, link, page
from .model import NavItem, VirtualFile
from .templates import Markdown, Templates
from .words import labelled, language_name, listed, word


@dataclass(frozen=True)
class Term:
    id: str  # the entry's id, its anchor
    heading: str
    definition: str
    avoid: Markdown  # "Avoid: ..." (escaped), empty when nothing is to be avoided
    elsewhere: list[Markdown]  # "<language>: <term>" per other language


def glossary_pages(glossary: Glossary, site_lang: str, source: str | None = None,
                   templates: Templates | None = None) -> list[VirtualFile]:
    templates = templates or Templates()
    return [glossary_page(glossary, lang, site_lang, source, templates) for lang in glossary.languages()]


def glossary_page(glossary: Glossary, lang: str, site_lang: str, source: str | None = None,
                  templates: Templates | None = None) -> VirtualFile:
    """``templates``: the site's (the defaults when None)."""
    default = glossary.languages()[0]
    here = layout.glossary_page(lang, default)
    text = glossary.page[lang]
    # Each language's name, and its term below, are in that language: declared so.
    others = [link(language_name(o), layout.rel(here, layout.glossary_page(o, default))) + lang_mark(o)
              for o in glossary.languages() if o != lang]
    terms = []
    for entry in glossary.terms:
        term = entry.terms.get(lang)
        if term is None:
            continue
        # A word to avoid is often another language's term (Polish writers borrow "touchpoint"):
        # declared in that language.
        avoid = (labelled(inline(text.avoid), listed((in_lang(inline(w), _language_of(w, entry, lang), lang)
                                                      for w in term.avoid), lang), lang) if term.avoid else "")
        elsewhere = [Markdown(in_lang(labelled(inline(language_name(o)), inline(entry.terms[o].term), o), o, lang))
                     for o in glossary.languages() if o != lang and o in entry.terms]
        # "pain point" heads its entry as "Pain point"
        terms.append(Term(entry.id, term.term[:1].upper() + term.term[1:], term.definition, Markdown(avoid), elsewhere))
    body = (templates or Templates()).render(
        "glossary.md", lambda key: word(key, lang), title=text.title, intro=text.intro,
        other_languages=Markdown(labelled(inline(text.other_languages), " · ".join(others), lang)), terms=terms)
    return page(here, text.title, [body], source=source, lang=lang, site_lang=site_lang)


def _language_of(word: str, entry: Entry, lang: str) -> str:
    """The language whose term for ``entry`` ``word`` is, or ``lang``, the page's, if none."""
    return next((o for o, t in entry.terms.items() if o != lang and word.casefold() in t.names()), lang)


def glossary_nav(glossary: Glossary, lang: str) -> NavItem:
    """The glossary in the reader's language first (when it has that language), the others below it."""
    default = glossary.languages()[0]
    own = lang if lang in glossary.page else default
    return NavItem(html_text(glossary.page[own].title), layout.glossary_page(own, default),
                   tuple(NavItem(html_text(language_name(o)), layout.glossary_page(o, default))
                         for o in glossary.languages() if o != own))
