"""What counts as a control character, defined once for the loader, the page escaper and SVG."""

from __future__ import annotations

import re

# C0 controls except TAB, LF and CR; DEL; C1 controls; lone surrogates; the non-characters
# U+FFFE and U+FFFF. XML 1.0 cannot carry the C0 ones, surrogates or U+FFFE/U+FFFF even as
# character references, so they make an SVG invalid; DEL and C1 are legal but invisible and
# nobody types them on purpose. They survive HTML escaping, so each sink must handle them:
# the loader refuses them with a location, the page escaper drops them, the SVG writer shows
# U+FFFD for any that a model built in code still holds.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
