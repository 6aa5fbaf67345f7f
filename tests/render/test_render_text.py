"""Number formatting, text width estimates and wrapping: the ground the layouts stand on."""

from __future__ import annotations

import re

import pytest

from journeymaps.render.fmt import num, quantity, signed
from journeymaps.render.textwidth import em, text_width
from journeymaps.render.wrap import wrap


@pytest.mark.parametrize(("value", "text"), [
    (0, "0"), (-0.0, "0"), (-0.001, "0"), (12, "12"), (12.5, "12.5"), (12.345, "12.35"), (1 / 3, "0.33"),
    (-3.1, "-3.1"), (0.1 + 0.2, "0.3"), (1e-7, "0"), (123456.0, "123456"),
])
def test_numbers_have_one_spelling(value: float, text: str) -> None:
    assert num(value) == text


def test_values_shown_to_people() -> None:
    assert signed(2, always_sign=True) == "+2"
    assert signed(-2, always_sign=True) == "-2"
    assert signed(0, always_sign=True) == "0"
    assert signed(-0.0, always_sign=False) == "0"
    assert quantity(1.4, "%") == "1.4%"
    assert quantity(12, "s") == "12 s"
    assert quantity(-0.0, "%") == "0%"


def test_cjk_is_full_width_and_latin_is_narrower() -> None:
    assert em("认知考虑") == pytest.approx(4.0)
    assert em("，。") == pytest.approx(2.0)  # full-width punctuation
    assert em("iiii") < em("mmmm")  # narrow and wide Latin classes differ
    assert 0.25 < em("a") < 0.7


def test_polish_letters_are_as_wide_as_their_base_letters() -> None:
    assert em("zażółć gęślą jaźń") == pytest.approx(em("zazolc gesla jazn"))
    assert em("ŁÓDŹ") == pytest.approx(em("LODZ"))


def test_bold_is_wider() -> None:
    assert text_width("Awareness", 14, bold=True) > text_width("Awareness", 14)


def _fits(lines: tuple[str, ...], width: float, size: float) -> bool:
    return all(text_width(line, size) <= width + 1e-6 for line in lines)


def test_wrapping_keeps_every_word_and_fits() -> None:
    text = "Show security certifications in ads, and explain deposit protection in plain words"
    lines = wrap(text, 120, 13)
    assert len(lines) > 1 and _fits(lines, 120, 13)
    assert " ".join(lines) == text


def test_a_word_longer_than_the_line_is_broken_with_a_hyphen_not_cut() -> None:
    word = "Pneumonoultramicroscopicsilicovolcanoconiosis"  # 45 letters
    lines = wrap(word, 100, 13)
    assert len(lines) > 2 and _fits(lines, 100, 13)
    assert all(line.endswith("-") for line in lines[:-1])
    assert "".join(line.removesuffix("-") for line in lines) == word
    assert all(len(line.removesuffix("-")) >= 3 for line in lines)  # no one-letter tails


def test_a_url_breaks_after_its_slashes_before_breaking_inside_a_name() -> None:
    url = "https://example.org/research/2026/onboarding/diary-study"
    lines = wrap(url, 110, 12)
    assert _fits(lines, 110, 12)
    assert "".join(lines) == url  # natural breaks add no hyphen
    assert any(line.endswith("/") for line in lines)


def test_cjk_breaks_between_characters_and_keeps_punctuation_off_line_starts() -> None:
    text = "我不确定网上银行是否安全，需要更多的证据。还有其他问题吗？"
    for width in (60, 90, 120, 150):
        lines = wrap(text, width, 13)
        assert _fits(lines, width, 13)
        assert "".join(lines) == text
        assert not any(re.match("[，。？、]", line) for line in lines)


def test_line_breaks_in_the_text_are_kept_and_spaces_collapse() -> None:
    assert wrap("first  line\nsecond\tline", 500, 13) == ("first line", "second line")
    assert wrap("", 100, 13) == ("",)
