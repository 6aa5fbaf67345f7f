"""What a one-file check needs from the rest of its project, kept between runs.

`journeymaps check maps/banking/online-banking.yaml` (pre-commit, an editor's save) judges one
file in its project: translations, `based_on`, guide links and duplicate ids resolve against
every other map. Checking the other 999 maps of a large project again on every run costs
seconds; what the cross-file rules need from each (its summary, its guide entry, whether it
failed validation) depends only on its text, the site vocabulary (site_config/) and this code. So it is kept,
per file, under its modification time, size and inode and a digest of the other two, and a
file is checked again when one of them changed.

The cache lives in the user's cache folder ($XDG_CACHE_HOME, else ~/.cache), never in the
repository: it is pickled, and a pull request must not be able to hand a check a pickle.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

_FORMAT = b"journeymaps check context 1"


@cache
def _code_digest() -> bytes:
    """This code's own fingerprint: the summaries are what this version of the rules makes."""
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    files = []
    for folder, subfolders, names in os.walk(package):  # os.walk, not Path.rglob: a tenth of the time
        subfolders[:] = [d for d in subfolders if d != "__pycache__"]
        relative = os.path.relpath(folder, package)
        parts = () if relative == "." else tuple(relative.split(os.sep))
        files += [(*parts, name) for name in names if name.endswith(".py")]
    h = hashlib.sha256(_FORMAT)
    for parts in sorted(files):
        st = os.stat(os.path.join(package, *parts))
        h.update(f"{'/'.join(parts)}\0{st.st_mtime_ns}\0{st.st_size}\0".encode())
    return h.digest()


def default_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "journeymaps" / "check"


@dataclass
class ContextCache:
    """The other files' outcomes of one project (keyed by absolute path), for one vocabulary."""

    path: Path
    salt: bytes
    entries: dict[str, tuple[bytes, Any]] = field(default_factory=dict)
    changed: bool = False
    _listed: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    @classmethod
    def open(cls, project: Path, site_config: Path, folder: Path | None = None) -> ContextCache:
        """The cache of the maps folder ``project`` checked against the vocabulary in ``site_config``."""
        name = hashlib.sha256(str(project.resolve()).encode()).hexdigest()[:24]
        path = (folder or default_folder()) / f"{name}.pickle"
        salt = hashlib.sha256(_code_digest())
        for file in sorted(p for p in site_config.rglob("*") if p.is_file()):
            salt.update(file.relative_to(site_config).as_posix().encode() + b"\0" + file.read_bytes())
        digest = salt.digest()
        entries: dict[str, tuple[bytes, Any]] = {}
        try:
            data = pickle.loads(path.read_bytes())
            if isinstance(data, dict) and data.get("salt") == digest:
                entries = data["entries"]
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, KeyError, TypeError,
                ValueError):
            pass  # no cache yet, or one this code cannot read: every file is checked
        return cls(path, digest, entries)

    def key(self, path: Path, display: str) -> bytes | None:
        """What identifies a file as the rules see it: where it is shown, and its own and its KPI
        data's modification time, size and inode (an edit, a checkout or a swap changes them;
        reading a thousand files to hash them would cost more than the check it saves)."""
        text = str(path)
        try:
            st = os.stat(text)
        except OSError:
            return None
        parts = [display, f"{st.st_mtime_ns}:{st.st_size}:{st.st_ino}"]
        folder, name = os.path.split(text)
        csv = name.rsplit(".", 1)[0] + ".kpi.csv"
        try:
            # Only a data file the folder holds is looked at: most maps have none.
            st = os.stat(os.path.join(folder, csv)) if csv in self._kpi_files(folder) else None
        except OSError:
            st = None
        parts.append("-" if st is None else f"{st.st_mtime_ns}:{st.st_size}:{st.st_ino}")
        return "\0".join(parts).encode()

    def _kpi_files(self, folder: str) -> frozenset[str]:
        """The KPI data files in ``folder``, listed once per check."""
        if folder not in self._listed:
            try:
                self._listed[folder] = frozenset(n for n in os.listdir(folder or ".") if n.endswith(".kpi.csv"))
            except OSError:
                self._listed[folder] = frozenset()
        return self._listed[folder]

    def get(self, path: Path, key: bytes | None) -> Any | None:
        hit = self.entries.get(os.path.abspath(path)) if key is not None else None
        return hit[1] if hit is not None and hit[0] == key else None

    def put(self, path: Path, key: bytes | None, value: Any) -> None:
        if key is None:
            return
        name = os.path.abspath(path)
        # The named file is checked on every run; when it gave what is kept, the cache is not rewritten.
        if self.entries.get(name) != (key, value):
            self.entries[name] = (key, value)
            self.changed = True

    def keep_only(self, paths: list[Path]) -> None:
        """Forget the files that are no longer in the project."""
        seen = {os.path.abspath(p) for p in paths}
        if any(k not in seen for k in self.entries):
            self.entries = {k: v for k, v in self.entries.items() if k in seen}
            self.changed = True

    def save(self) -> None:
        """Written whole and swapped in: two checks at once never read half a cache."""
        if not self.changed:
            return
        from ..core.files import replace_atomically  # here: it imports tempfile, and most runs write nothing

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            data = pickle.dumps({"salt": self.salt, "entries": self.entries}, protocol=pickle.HIGHEST_PROTOCOL)
            replace_atomically(self.path, data)  # owner-only: it is the user's own cache
        except OSError:
            pass  # a read-only home: the next check is as slow as this one, and as right
        self.changed = False
