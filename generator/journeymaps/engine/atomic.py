"""Build into a temporary folder next to the output and swap it in only on success.

`mkdocs build --strict` exits 1 on warnings but has already rewritten `site/` in full
(FIELD-NOTES 3); building beside the target and renaming keeps the last good output
whenever a build fails, and the swap itself is two renames on the same file system.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def build_and_swap(out: Path, build: Callable[[Path], T]) -> T:
    """Run ``build(tmp)``; on success replace ``out`` with ``tmp``, on failure leave ``out`` as it was."""
    out = Path(os.path.abspath(out))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f"{out.name}.new-", dir=out.parent))
    try:
        result = build(tmp)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = None
    if out.exists() or out.is_symlink():
        old = Path(tempfile.mkdtemp(prefix=f"{out.name}.old-", dir=out.parent))
        os.rmdir(old)
        os.rename(out, old)
    try:
        os.rename(tmp, out)
    except BaseException:
        if old is not None:
            os.rename(old, out)
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return result
