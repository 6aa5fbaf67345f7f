"""Where every generated page and picture lives in the docs tree, and links between them.

Maps live under ``maps/<id>/`` (ids are unique across the site), industries under
``industries/<id>/``: the two can never collide with each other or with the fixed
sections (method, catalogue, reference) whatever an industry is called.
"""

from __future__ import annotations

import posixpath

HOME = "index.md"
METHOD = "method/index.md"
CATALOGUE = "catalogue/index.md"
REFERENCE = "reference/index.md"
CATALOGUES = {
    "channels": "catalogue/channels.md",
    "pain_points": "catalogue/pain-points.md",
    "opportunities": "catalogue/opportunities.md",
    "kpis": "catalogue/kpis.md",
    "tags": "catalogue/tags.md",
    "pilots": "catalogue/pilots.md",
    "plays": "catalogue/plays.md",
}
RESEARCH = "research/index.md"
ASSET_KINDS = ("svg", "png", "pdf", "json", "mmd")  # a map's downloads, in the order its page lists them
# The downloads drawn from the stage diagram: files Cairo draws at build time (the `png` switch),
# else made by the reader's browser from the page (the PNG rasterised, the poster printed).
PICTURE_KINDS = ("png", "pdf")


def map_page(map_id: str) -> str:
    return f"maps/{map_id}/index.md"


def playbook_page(map_id: str) -> str:
    return f"maps/{map_id}/playbook.md"


def history_page(map_id: str) -> str:
    return f"maps/{map_id}/history.md"


def compare_page(map_id: str) -> str:
    """The page that sets a to-be map beside the as-is map it redesigns."""
    return f"maps/{map_id}/compare.md"


def asset(map_id: str, ext: str) -> str:
    return f"maps/{map_id}/{map_id}.{ext}"


def map_id_of_asset(path: str) -> str:
    """The map id in a path made by ``asset``."""
    return posixpath.splitext(posixpath.basename(path))[0]


def research_page(study_id: str) -> str:
    return f"research/{study_id}.md"


def industry_page(industry_id: str) -> str:
    return f"industries/{industry_id}/index.md"


def guide_page(guide_id: str) -> str:
    return f"method/{guide_id}.md"


def stage_anchor(stage_id: str) -> str:
    return f"stage-{stage_id}"


def rel(from_src: str, to_src: str) -> str:
    """Relative link between two docs files, as written in Markdown (engines resolve `.md`)."""
    start = posixpath.dirname(from_src)
    if (not start or _plain(start)) and _plain(to_src):
        # posixpath.relpath, without its two abspath calls (a site writes ~50 links a map):
        # for paths with no `.`, `..` or empty part it comes to dropping the common folders.
        here, there = start.split("/") if start else [], to_src.split("/")
        common = 0
        for a, b in zip(here, there):
            if a != b:
                break
            common += 1
        return "/".join([".."] * (len(here) - common) + there[common:]) or "."
    return posixpath.relpath(to_src, start or ".")


def _plain(path: str) -> bool:
    """A relative path whose every part is a name (what the functions above make)."""
    return all(part not in ("", ".", "..") for part in path.split("/"))


def href(from_src: str, to_src: str) -> str:
    """Relative URL for raw HTML (not rewritten by engines), for directory-style URLs."""
    if not to_src.endswith(".md"):
        return rel(_url_of(from_src), to_src)
    return rel(_url_of(from_src), _url_of(to_src)).removesuffix("index.html") or "./"


def _url_of(src: str) -> str:
    """`a/b.md` -> `a/b/index.html`, `a/index.md` -> `a/index.html` (use_directory_urls)."""
    if not src.endswith(".md"):
        return src
    stem = src[:-3]
    return stem + ".html" if posixpath.basename(stem) == "index" else stem + "/index.html"


def glossary_page(lang: str, default_lang: str = "en") -> str:
    return "glossary/index.md" if lang == default_lang else f"glossary/{lang}.md"
