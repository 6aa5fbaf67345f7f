"""Escaping for each context, checked through the Markdown converter the site uses."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeymaps.core.escape import inline, narrative, safe_url

EXTENSIONS = ["toc", "tables", "attr_list", "md_in_html", "def_list", "admonition"]


def render(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def visible(rendered: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", rendered))


@pytest.mark.parametrize("typed", [
    "<script>alert(1)</script>", "a | b | c", "{: onclick=\"x\" }", "{{ secret }}", "{% include 'x' %}",
    "*not em* _nor_ `code` [link](javascript:x) ![i](x.png)", "# not a heading", "- not a list", "1. nor this",
    "&amp; stays &amp;", ": not a definition", "+ nor a list", "=== not an underline", "back\\slash", "<!-- comment -->", "==mark== ^^ins^^ ~~del~~ $math$",
])
def test_inline_text_renders_as_typed(typed: str) -> None:
    out = render(inline(typed))
    assert visible(out).strip() == typed
    assert "<script" not in out and "<a " not in out and "<em>" not in out and "<h1" not in out


def test_inline_in_a_table_cell_keeps_one_cell() -> None:
    out = render(f"| a | b |\n|---|---|\n| {inline('x | y')} | z |\n")
    assert out.count("<td>") == 2 and "x | y" in html.unescape(out)


def test_inline_drops_controls_and_newlines() -> None:
    assert inline("a\x00b\x1bc\nd") == "abc d"


@given(st.text(max_size=80))
@settings(max_examples=300, deadline=None)
def test_inline_never_makes_markup(text: str) -> None:
    out = render(inline(text))
    tags = set(re.findall(r"<([a-z0-9]+)", out))
    assert tags <= {"p"}, (text, out)


@pytest.mark.parametrize(("url", "kept"), [
    ("https://example.com/a", True), ("http://x.y", True), ("mailto:a@b.c", True), ("../a.md#b", True),
    ("javascript:alert(1)", False), ("JavaScript:alert(1)", False), ("jav&#97;script:alert(1)", False),
    ("java\tscript:alert(1)", False), ("data:text/html,x", False), ("vbscript:x", False),
    ("//evil.example/x", False), ("\\\\evil\\x", False), ("file:///etc/passwd", False),
])
def test_safe_url(url: str, kept: bool) -> None:
    assert (safe_url(url) is not None) == kept


def test_narrative_keeps_formatting_and_safe_links() -> None:
    out = render(narrative("**bold** and [site](https://example.com/a_(b)) and [rel](other.md) and `<b>code</b>`"))
    assert "<strong>bold</strong>" in out
    assert 'href="https://example.com/a_%28b%29"' in out
    assert 'href="other.md"' in out
    assert "<code>&lt;b&gt;code&lt;/b&gt;</code>" in out


def test_a_link_whose_text_wraps_onto_the_next_line_is_still_a_link() -> None:
    # Authors wrap long paragraphs; a guide's `map:` link broken across lines used to show raw.
    resolve = lambda scheme, rest: f"../{rest}.md" if scheme == "map" else None  # noqa: E731
    out = render(narrative("See [the fitness\napp at retention](map:fitness-app) and `a\nspan`.", resolve))
    assert 'href="../fitness-app.md"' in out and "map:" not in out
    assert "<code>a\nspan</code>" in out or "<code>a span</code>" in out


@pytest.mark.parametrize("hostile", [
    "[x](java\nscript:alert(1))", "[multi\nline](javascript:alert(1))",
    "<script>alert(1)</script>", "<div onclick=alert(1)>x</div>", "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))", "[x](javascript:alert(1) \"t\")", "[x](jav&#97;script:alert(1))",
    "[x][r]\n\n[r]: javascript:alert(1)", "[d](data:text/html,<script>alert(1)</script>)",
    "para\n{: onclick=\"alert(1)\" }", "# H {: onclick=\"alert(1)\" }", "<a href=\"javascript:alert(1)\">a</a>",
    "![p](https://example.com/track.png)", "<https://example.com>", "[x](<javascript:alert(1)>)",
])
def test_narrative_neutralises(hostile: str) -> None:
    out = render(narrative(hostile))
    for tag, attrs in elements(out):
        assert tag in ("p", "h1", "a", "strong", "em", "code"), out
        assert all(not name.startswith("on") for name in attrs), out
        href = html.unescape(attrs.get("href") or "")
        assert not href or href.startswith(("https:", "http:", "mailto:")) or ":" not in href.split("/")[0], out


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def elements(rendered: str) -> list[tuple[str, dict[str, str | None]]]:
    c = _Collect()
    c.feed(rendered)
    return c.found


def test_narrative_map_links_resolve() -> None:
    def resolve(scheme: str, rest: str):
        return {"map:m#s": "../maps/m/#stage-s", "guide:g": "g.md"}.get(f"{scheme}:{rest}")

    out = render(narrative("[a](map:m#s) [b](guide:g) [c](map:unknown)", resolve))
    assert 'href="../maps/m/#stage-s"' in out and 'href="g.md"' in out and "<a" in out
    assert visible(out) == "a b c"


def test_fenced_code_is_left_alone() -> None:
    src = "```html\n<script>x</script> {: y }\n```"
    assert narrative(src) == src
