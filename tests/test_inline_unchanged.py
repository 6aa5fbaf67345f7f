"""`inline` hands back text that none of its escaping steps would change without running them
(pages call it for every value they show): the shortcut must never skip a change."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from journeymaps.core.escape import _INLINE, _OTHER_SPACES, _inline_steps, inline

# Every character a step treats specially, mixed with plain letters, digits and CJK text.
_SPECIAL = "".join(_INLINE) + _OTHER_SPACES + " -=+#:.)1\x00\x1b\x7f\x85\ud800\ufffe"
_TEXT = st.text(st.sampled_from(_SPECIAL) | st.sampled_from("ab Zł9旅程") | st.characters(), max_size=12)


@settings(max_examples=3000, deadline=None)
@given(_TEXT)
def test_the_shortcut_gives_what_the_steps_give(text: str) -> None:
    assert inline(text) == _inline_steps(text)


def test_the_spaces_it_knows_are_all_of_them() -> None:
    assert {c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c != " "} == set(_OTHER_SPACES)


def test_plain_text_comes_back_as_it_is() -> None:
    for text in ("Opening and growing with an online bank account", "开户与日常使用", "Zakładanie konta, krok 2."):
        assert inline(text) == text
    assert inline("1. step") == "&#49;. step" and inline(" x") == "x" and inline("a  b") == "a b"
