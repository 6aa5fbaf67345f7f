"""Reading a built page the way a test asserts on it: the article, its links, its tables."""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path


def article(site: Path, url: str) -> str:
    """The <article> of the page at a site-relative directory URL such as `maps/x/`."""
    text = page_file(site, url).read_text(encoding="utf-8")
    return text[text.index("<article"):text.index("</article>")]


def page_file(site: Path, url: str) -> Path:
    return site / url.strip("/") / "index.html" if url.strip("/") else site / "index.html"


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment))).strip()


def hrefs(fragment: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'href="([^"]*)"', fragment)]


def resolve(site: Path, page_url: str, href: str) -> Path:
    """The file a relative href on ``page_url`` points at (directory URLs end in index.html)."""
    path = href.split("#", 1)[0]
    joined = posixpath.normpath(posixpath.join(page_url.strip("/"), path)) if path else page_url.strip("/")
    target = site / joined
    return target / "index.html" if target.is_dir() or path.endswith("/") or not path else target


def section(fragment: str, anchor: str) -> str:
    """From the heading with id=anchor to the next heading of the same or a higher level."""
    m = re.search(rf'<h([1-6])[^>]*id="{re.escape(anchor)}"', fragment)
    assert m, f"no heading #{anchor}"
    level = int(m.group(1))
    end = re.compile(rf"<h[1-{level}][ >]").search(fragment, m.end())
    return fragment[m.start():end.start() if end else len(fragment)]


def table_rows(fragment: str) -> list[list[str]]:
    """Body rows of the first table in ``fragment``, each a list of cell texts."""
    body = fragment[fragment.index("<tbody>"):fragment.index("</tbody>")]
    return [[text_of(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def table_head(fragment: str) -> list[str]:
    head = fragment[fragment.index("<thead>"):fragment.index("</thead>")]
    return [text_of(c) for c in re.findall(r"<th[^>]*>(.*?)</th>", head, re.S)]
