"""The pages and the diagrams draw text with one font stack (issue 11): the site stylesheet's
``--md-text-font`` is the SVG's FONT_STACK, Latin fonts with full Polish coverage first."""

from __future__ import annotations

import re
from pathlib import Path

from journeymaps.render.theme import FONT_STACK

CSS = Path(__file__).resolve().parents[2] / "theme" / "assets" / "stylesheets" / "journeymaps.css"


def _families(stack: str) -> list[str]:
    return [f.strip().strip('"') for f in stack.split(",")]


def test_the_pages_use_the_diagrams_font_stack() -> None:
    found = re.search(r":root\s*\{[^}]*--md-text-font:\s*([^;]+);", CSS.read_text(encoding="utf-8"))
    assert found, "journeymaps.css sets no --md-text-font on :root"
    assert _families(found.group(1)) == _families(FONT_STACK)


def test_latin_fonts_with_polish_come_before_the_cjk_font() -> None:
    families = _families(FONT_STACK)
    assert families[0] == "Noto Sans"  # Debian's fonts-noto-core: full Latin, Polish included
    cjk = families.index("Noto Sans CJK SC")
    assert all("CJK" not in f and "YaHei" not in f and "PingFang" not in f for f in families[:cjk])
