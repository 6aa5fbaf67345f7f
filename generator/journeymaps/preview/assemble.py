"""Put together the tree a preview builds from: the base revision with the pull request's maps.

Both parts come out of git's object store, never from a checkout of the pull request: the
base through ``git archive`` (everything but the maps folder), the maps as blobs written
as plain files. Call only after ``gate.judge`` accepted the pull request.
"""

from __future__ import annotations

import io
import tarfile
from pathlib import Path, PurePosixPath

from ..diff.sides import read_blobs, run_git, tree_entries


def assemble(repo: Path, base: str, head: str, dest: Path, maps_dir: str = "maps") -> int:
    """Write the tree into ``dest`` (which must not exist); returns the number of map files."""
    dest.mkdir(parents=True)
    archive = run_git(repo, "archive", "--format=tar", base)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        members = [m for m in tar.getmembers() if PurePosixPath(m.name).parts[:1] != (maps_dir,)]
        tar.extractall(dest, members=members, filter="data")
    entries = [e for e in tree_entries(repo, head, maps_dir) if e.kind == "blob" and e.mode in ("100644", "100755")]
    blobs = read_blobs(repo, sorted({e.object_id for e in entries}))
    root = dest.resolve()
    for e in entries:
        target = (dest / e.path).resolve()
        if root not in target.parents:  # the gate refuses such names; never write outside dest anyway
            raise ValueError(f"refusing to write outside the preview tree: {e.path!r}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(blobs[e.object_id])
        target.chmod(0o644)
    return len(entries)
