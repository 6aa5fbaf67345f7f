"""Write the generated pages as a plain docs tree, for any engine that reads Markdown folders.

Zensical reads `mkdocs.yml` but runs no MkDocs plugins (FIELD-NOTES 2); with this tree and
the config from `engine_config` it builds the same pages the plugin publishes.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from yaml_env_tag import add_env_tag

from ..pages import Site, nav_config

MARKER = ".journeymaps-generated"


class _ConfigLoader(yaml.SafeLoader):
    """Safe YAML plus MkDocs' `!ENV [NAME, default]` (mkdocs.yml takes site_url from one)."""


add_env_tag(_ConfigLoader)


def write_tree(site: Site, out: Path) -> int:
    """Write every file of ``site`` under ``out`` (a fresh folder); returns the number of files."""
    out.mkdir(parents=True, exist_ok=True)
    for vf in site.files:
        target = out.joinpath(*vf.path.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(vf.data())
    (out / MARKER).write_text("written by `journeymaps generate`; safe to delete and regenerate\n", encoding="utf-8")
    return len(site.files)


def may_replace(out: Path) -> bool:
    """Only an empty folder or one we generated is replaced: never someone's own docs."""
    return not out.exists() or (out.is_dir() and (not any(out.iterdir()) or (out / MARKER).is_file()))


def engine_config(base: Path, docs_dir: Path, site: Site, config_path: Path) -> dict[str, Any]:
    """The project's mkdocs.yml adapted to a plain tree: no journeymaps plugin, the nav spelled out."""
    data = yaml.load(base.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}  # noqa: S506 - safe + !ENV
    here = config_path.parent.resolve()
    data["docs_dir"] = os.path.relpath(docs_dir.resolve(), here)
    data.pop("site_dir", None)
    plugins = data.get("plugins") or []
    data["plugins"] = [p for p in plugins if p != "journeymaps" and not (isinstance(p, dict) and "journeymaps" in p)]
    theme = data.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = os.path.relpath((base.parent / theme["custom_dir"]).resolve(), here)
    # Edit links of a plain tree point at generated files, not the maps: leave them out.
    data.pop("edit_uri_template", None)
    data.pop("edit_uri", None)
    data["nav"] = nav_config(site.nav)
    return data


def write_engine_config(base: Path, docs_dir: Path, site: Site, config_path: Path) -> None:
    data = engine_config(base, docs_dir, site, config_path)
    config_path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
