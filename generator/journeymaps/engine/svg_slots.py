"""Keep heavy inline SVG out of the Markdown conversion and the search indexer.

Python-Markdown parses a raw HTML block tag by tag (about 15% of a build) and the search
plugin re-parses every page's HTML (26%); a diagram is 15 KB of markup that neither needs.
Each `<svg>...</svg>` is swapped for a comment before conversion and put back in the final
HTML, which is then byte-identical to converting the page with the SVG in place.
"""

from __future__ import annotations

import re

# Only the pictures our page builders place (map text cannot contain a raw `<`).
_SVG = re.compile(r'(?<=<span class="jm-spark">)<svg\b.*?</svg>|(?<=tabindex="0">\n)<svg\b.*?</svg>(?=\n</div>)', re.S)
_SLOT = re.compile(r"<!--jm-svg:(\d+)-->")


def take(markdown: str) -> tuple[str, list[str]]:
    """Markdown with each SVG replaced by a numbered slot, and the SVGs in slot order."""
    svgs: list[str] = []

    def swap(m: re.Match[str]) -> str:
        svgs.append(m.group(0))
        return f"<!--jm-svg:{len(svgs) - 1}-->"

    return _SVG.sub(swap, markdown), svgs


def put_back(html: str, svgs: list[str]) -> str:
    if not svgs:
        return html
    return _SLOT.sub(lambda m: svgs[int(m.group(1))] if int(m.group(1)) < len(svgs) else m.group(0), html)
