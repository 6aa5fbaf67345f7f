"""A small site of its own for the tests about languages and translations, so that editing the
sample maps under maps/ can never silence them: an English map with its Chinese translation
(linked both ways) and a Polish map, written by `journeymaps new` into a throw-away project.
"""

from __future__ import annotations

import atexit
import re
import shutil
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from io import StringIO
from pathlib import Path

from sitebuild import TODAY, copy_project

# map id -> the word its pages hold and no other map's pages do (a title word shows on every page)
WORDS = {
    "shop-en": "garments",          # English
    "shop-zh": "漏斗",               # Chinese: needs jieba segmentation and U+200B in the separator
    "gym-pl": "ćwiczy",             # Polish, diacritic at the start of the word
}
POLISH_END = "społeczność"          # Polish, diacritic at the end of the word (also gym-pl)
TRANSLATIONS = {"shop-en": "shop-zh", "shop-zh": "shop-en"}
_BUILT: dict[str, Path] = {}


def _run(*argv: str) -> None:
    from journeymaps.cli import main

    log = StringIO()
    with redirect_stdout(log), redirect_stderr(log):
        code = main(list(argv))
    if code != 0:
        raise AssertionError(f"journeymaps {' '.join(argv)} failed ({code}):\n{log.getvalue()}")


def language_site() -> Path:
    """The site folder built from the three maps (built on first use, once per test process)."""
    if "site" not in _BUILT:
        work = Path(tempfile.mkdtemp(prefix="jm-lang-site-"))
        atexit.register(shutil.rmtree, work, ignore_errors=True)
        root = copy_project(work / "project", maps=False)
        new = ("new", "--site-config", str(root / "site_config"), "--maps-dir", str(root / "maps"), "--today", TODAY)
        _run(*new, "--industry", "fashion", "--title", "Online shop", "--id", "shop-en")
        _run(*new, "--from", str(root / "maps" / "fashion" / "shop-en.yaml"), "--lang", "zh",
             "--title", "网上商店", "--id", "shop-zh")
        _run(*new, "--industry", "fitness", "--lang", "pl", "--title", "Siłownia", "--id", "gym-pl")
        # The words go into the summaries: a title also shows on the pages of its translations.
        summaries = {"shop-en": "People order garments from a phone", "shop-zh": "网上购物的转化漏斗",
                     "gym-pl": f"Kto ćwiczy razem tworzy {POLISH_END}"}
        for path in (root / "maps").glob("*/*.yaml"):
            text = re.sub(r"(?m)^summary: .*$", f"summary: {summaries[path.stem]}", path.read_text(encoding="utf-8"))
            if path.stem == "shop-en":
                text = text.replace("\nlang: en", "\ntranslations: {zh: shop-zh}\nlang: en", 1)
            path.write_text(text, encoding="utf-8")
        out = work / "site"
        _run("build", "--config-file", str(root / "mkdocs.yml"), "--out", str(out), "--today", TODAY)
        _BUILT["site"] = out
    return _BUILT["site"]
