"""Icons drawn inside the pictures, read from the icon sets mkdocs-material ships.

The path data comes from the installed package (``material/templates/.icons/<set>/<name>.svg``),
never from the network, and is read once per process. A picture draws each icon it uses once,
as a ``<symbol>``, and places it with ``<use>``.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_PATH = re.compile(r'<path[^>]*\sd="([^"]+)"')
_SAFE = re.compile(r"^[0-9MmLlHhVvCcSsQqTtAaZz.,\s+-eE]+$")  # path data only: nothing else reaches our SVG
VIEWBOX = 24.0  # Material Design icons are drawn on a 24 x 24 grid


@cache
def icon_paths(name: str) -> tuple[str, ...] | None:
    """The ``d`` of each path of icon ``name`` (``material/cart-outline``); None when not installed."""
    try:
        folder = resources.files("material") / "templates" / ".icons"
        text = (folder / f"{name}.svg").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        return None
    paths = tuple(d for d in _PATH.findall(text) if _SAFE.match(d))
    return paths or None
