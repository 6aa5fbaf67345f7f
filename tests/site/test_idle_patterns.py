"""The inline patterns a document cannot match are skipped, and the HTML is the same byte for byte."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings, strategies as st
from markdown import inlinepatterns as ip
from mkdocs.config import load_config

from journeymaps.engine.idle_patterns import IdlePatternsExtension
from journeymaps.pages import build_site

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def site_markdown():
    """The Markdown extensions and their settings from the site's own mkdocs.yml."""
    config = load_config(str(REPO / "mkdocs.yml"))
    return list(config.markdown_extensions), dict(config.mdx_configs)


def _convert(text: str, site_markdown, *, idle: bool) -> str:
    extensions, configs = site_markdown
    md = markdown.Markdown(extensions=extensions + ([IdlePatternsExtension()] if idle else []),
                           extension_configs=configs)
    return md.convert(text)


# Pieces that start or end inline syntax, so that random documents hit every pattern: links,
# images, references (with and without a definition), autolinks, inline HTML, entities, code,
# escapes, emphasis, hard line breaks, attribute lists, tables, lists, HTML blocks.
_PIECES = st.sampled_from([
    "a", "word", " ", "  \n", "\n", "\n\n", "[", "]", "(", ")", "![", "[x]", "[x][r]", "[r]", "\n\n[r]: http://e.org\n",
    "<", ">", "<b>", "</b>", "<http://e.org>", "<me@e.org>", "&", "&amp;", "&#42;", "`", "``", "\\", "\\*",
    "*", "**", "_", "__", "{ .c }", "{#id}", "| a | b |\n|---|---|\n| 1 | 2 |\n", "- ", "1. ", "# ", "> ",
    "<div markdown=\"1\">\n\n", "\n</div>\n", "http://e.org", "ü", "漏斗",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_random_documents_convert_to_the_same_html(site_markdown, text):
    assert _convert(text, site_markdown, idle=True) == _convert(text, site_markdown, idle=False)


@pytest.mark.parametrize("lang", ["en", "zh", "pl"])
def test_every_page_of_the_sample_sites_converts_to_the_same_html(project, site_markdown, lang):
    site = build_site(project, png=False, lang=lang)
    pages = [vf for vf in site.files if vf.kind == "page"]
    assert len(pages) > 50
    for vf in pages:
        assert _convert(vf.content, site_markdown, idle=True) == _convert(vf.content, site_markdown, idle=False), vf.path


def _patterns_tried(text: str, site_markdown) -> set[str]:
    extensions, configs = site_markdown
    md = markdown.Markdown(extensions=extensions + [IdlePatternsExtension()], extension_configs=configs)
    md.convert(text)
    tried = md.treeprocessors["inline"].inlinePatterns
    return {name for name in md.inlinePatterns._data if md.inlinePatterns[name] in tried}


def test_a_plain_sentence_is_given_only_emphasis(site_markdown):
    assert _patterns_tried("The account delivery is *unclear*.", site_markdown) == {"em_strong"}


def test_references_are_tried_only_where_the_document_defines_one(site_markdown):
    assert "reference" not in _patterns_tried("See [the guide](guide.md) and [x].", site_markdown)
    text = "See [the guide][g].\n\n[g]: guide.md\n"
    assert "reference" in _patterns_tried(text, site_markdown)
    assert '<a href="guide.md">the guide</a>' in _convert(text, site_markdown, idle=True)


def test_a_pattern_another_extension_adds_is_always_tried(site_markdown):
    extensions, configs = site_markdown
    md = markdown.Markdown(extensions=extensions + [IdlePatternsExtension()], extension_configs=configs)
    md.inlinePatterns.register(ip.SimpleTagInlineProcessor(r"(~~)(.+?)~~", "del"), "del", 65)
    assert md.convert("a ~~b~~ c") == "<p>a <del>b</del> c</p>"
