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

from ..pages import Site, nav_config, nav_paths
from ..pages.languages import Edition, site_alternates

MARKER = ".journeymaps-generated"


class _ConfigLoader(yaml.SafeLoader):
    """Safe YAML plus MkDocs' `!ENV [NAME, default]` (mkdocs.yml takes site_url from one)."""


add_env_tag(_ConfigLoader)


def write_tree(site: Site, out: Path) -> int:
    """Write every file of ``site`` under ``out``; returns the number of files."""
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


def engine_config(base: Path, docs_dir: Path, site: Site, config_path: Path, edition: Edition,
                  all_editions: list[Edition], site_dir: Path | None = None) -> dict[str, Any]:
    """The project's mkdocs.yml adapted to the plain tree of one language: no journeymaps
    plugin, the nav spelled out, that language's chrome, selector and site folder."""
    data = yaml.load(base.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}  # noqa: S506 - safe + !ENV
    here = config_path.parent.resolve()
    data["docs_dir"] = os.path.relpath(docs_dir.resolve(), here)
    data.pop("site_dir", None)
    if site_dir is not None:
        data["site_dir"] = os.path.relpath(site_dir.resolve(), here)
    plugins = data.get("plugins") or []
    data["plugins"] = [p for p in plugins if p != "journeymaps" and not (isinstance(p, dict) and "journeymaps" in p)]
    theme = data.get("theme")
    if isinstance(theme, dict):
        if theme.get("custom_dir"):
            theme["custom_dir"] = os.path.relpath((base.parent / theme["custom_dir"]).resolve(), here)
        theme["language"] = edition.lang
    # Edit links of a plain tree point at generated files, not the maps: leave them out.
    data.pop("edit_uri_template", None)
    data.pop("edit_uri", None)
    data["nav"] = nav_config(site.nav)
    extra = data.get("extra") if isinstance(data.get("extra"), dict) else {}
    extra["alternate"] = site_alternates(edition, all_editions)
    data["extra"] = extra
    listed = nav_paths(site.nav)
    # The translations this language's site publishes without listing (see pages/languages.py).
    unlisted = sorted("/" + f.path for f in site.files if f.kind == "page" and f.path not in listed)
    if unlisted:
        data["not_in_nav"] = "\n".join(unlisted) + "\n"
    return data


def write_engine_config(base: Path, docs_dir: Path, site: Site, config_path: Path, edition: Edition,
                        all_editions: list[Edition], site_dir: Path | None = None) -> None:
    data = engine_config(base, docs_dir, site, config_path, edition, all_editions, site_dir)
    config_path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def language_config_path(config_path: Path, edition: Edition, default: Edition) -> Path:
    """`mkdocs.yml` for the default language, `mkdocs.zh.yml` beside it for the others."""
    if edition == default:
        return config_path
    return config_path.with_name(f"{config_path.stem}.{edition.lang}{config_path.suffix or '.yml'}")
