"""Starting points for new maps: a commented skeleton, or a copy of an existing map.

``fresh`` writes a skeleton whose comments teach the format (the modeline, what each key is
for, the stage catalogue in the map's language, worked examples of every lane as comments);
``derived`` copies an existing map with the same ids, as a translation or as a to-be version.
Either text is checked with the real loader, schema and rules before it is written, so
`journeymaps new` never leaves a map that `journeymaps check` rejects.
"""

from __future__ import annotations

from .template import derived, fresh
from .verify import ScaffoldError, verify

__all__ = ["ScaffoldError", "derived", "fresh", "verify"]
