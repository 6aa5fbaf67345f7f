"""One definition of "control character": the loader, the page escaper and the SVG writer agree.

Before, each had its own list: DEL and C1 controls went into SVG untouched, and lone
surrogates or U+FFFE reached pages, though the loader refused them in map files.
"""

from __future__ import annotations

import xml.dom.minidom

import pytest

from journeymaps.core.escape import attr, inline
from journeymaps.load.yaml12 import control_characters
from journeymaps.render.svg import escape_attr, escape_text

CONTROLS = ["\x00", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\x9f", "\ud800", "\udfff",
            "\ufffe", "\uffff"]
ORDINARY = ["\t", "a", "é", "ł", "中", "\u00a0", "\u200b", "\U0001f600"]


@pytest.mark.parametrize("ch", CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
def test_a_control_character_is_refused_dropped_and_replaced_alike(ch):
    text = f"Pay{ch}ment"
    issues = control_characters(text)
    assert [(i.code, i.line, i.col) for i in issues] == [("control-char", 1, 4)]
    assert inline(text) == "Payment" and attr(text) == "Payment"
    assert escape_text(text) == "Pay\ufffdment"
    # What the SVG writer emits parses as XML.
    xml.dom.minidom.parseString(f'<t a="{escape_attr(text)}">{escape_text(text)}</t>'.encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize("ch", ORDINARY, ids=lambda c: f"U+{ord(c):04X}")
def test_ordinary_characters_pass_everywhere(ch):
    text = f"Pay{ch}ment"
    assert control_characters(text) == []
    assert escape_text(text) == text
    assert ch in attr(text)
