"""Build into a temporary folder next to the output and swap it in only on success.

`mkdocs build --strict` exits 1 on warnings but has already rewritten `site/` in full
(FIELD-NOTES 3); building beside the target and renaming keeps the last good output
whenever a build fails, and the swap itself is two renames on the same file system.

A build killed outright (`kill -9`, power loss) cannot clean up after itself, so each build
first removes the folders earlier builds left: the builder's pid is in each folder's name,
and only folders of our own naming whose process is gone are touched.
"""

from __future__ import annotations

import os
import re
import shutil
import time
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

# Folders of builds from before the pid was in the name are swept only when this old: no
# build takes that long, so nothing still writes to them.
LEGACY_AGE_S = 24 * 3600


def build_and_swap(out: Path, build: Callable[[Path], T], *,
                   on_swept: Callable[[list[Path]], None] | None = None) -> T:
    """Run ``build(tmp)``; on success replace ``out`` with ``tmp``, on failure leave ``out`` as it was.
    ``on_swept`` hears of folders left by interrupted builds that were removed first."""
    out = Path(os.path.abspath(out))
    out.parent.mkdir(parents=True, exist_ok=True)
    swept = sweep_stale(out)
    if swept and on_swept is not None:
        on_swept(swept)
    tmp = Path(tempfile.mkdtemp(prefix=_prefix(out, "new"), dir=out.parent))
    try:
        result = build(tmp)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = None
    if out.exists() or out.is_symlink():
        old = Path(tempfile.mkdtemp(prefix=_prefix(out, "old"), dir=out.parent))
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


def _prefix(out: Path, kind: str) -> str:
    return f"{out.name}.{kind}-{os.getpid()}-"


def sweep_stale(out: Path) -> list[Path]:
    """Remove ``<out>.new-*`` / ``<out>.old-*`` folders whose build is no longer running."""
    ours = re.compile(rf"{re.escape(out.name)}\.(?:new|old)-(?:(\d+)-)?[a-z0-9_]{{8}}")
    removed = []
    for entry in sorted(out.parent.iterdir()):
        m = ours.fullmatch(entry.name)
        if m is None or entry.is_symlink() or not entry.is_dir():
            continue
        if m.group(1) is not None:
            if _running(int(m.group(1))):
                continue
        elif time.time() - entry.stat().st_mtime < LEGACY_AGE_S:
            continue
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry)
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # someone else's process, or not a pid we can ask about: leave it
    return True
