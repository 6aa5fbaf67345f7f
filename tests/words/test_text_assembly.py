"""Text assembly follows each language's rules (issue 12 section 2): CJK lines folded by YAML
join without a space, lists join with the language's punctuation, a join never doubles a mark,
numbers and dates read the way the locale writes them."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from journeymaps.core.assemble import attach, date, end_sentence, join, number
from journeymaps.load.yaml12 import parse
from journeymaps.pages.words import clauses, labelled, lead_in, listed
from journeymaps.words import label

LOADERS = [pytest.param(None, id="libyaml"), pytest.param(yaml.SafeLoader, id="pure-python")]


def _load(text: str, loader) -> dict:
    loaded = parse(text) if loader is None else parse(text, event_loader=loader)
    assert not loaded.issues, loaded.issues
    return loaded.data


@pytest.mark.parametrize("loader", LOADERS)
def test_a_line_break_in_chinese_folds_to_nothing(loader) -> None:
    data = _load("plain: 适应日常使用，\n  最终向他人推荐\n"
                 "folded: >\n  在品牌追踪调研中，\n  50 岁以上受访者\n  有 41% 的人\n"
                 "flow: [认知，\n  考虑]\n", loader)
    assert data["plain"] == "适应日常使用，最终向他人推荐"
    assert data["folded"] == "在品牌追踪调研中，50 岁以上受访者有 41% 的人\n"
    assert data["flow"] == ["认知，考虑"]


@pytest.mark.parametrize("loader", LOADERS)
def test_only_folds_lose_their_space(loader) -> None:
    data = _load(
        "latin: Fees are spread\n  across three pages\n"           # English folds to a space
        "mixed: 支持\n  PDF 和护照\n"                                # Han next to Latin keeps the space
        "typed: 甲 乙\n  丙\n"                                       # a space the author typed stays
        "korean: 한국어\n  문장\n"                                    # Korean separates words with spaces
        "polish: posiłków.\n  Rozwiązuje\n"
        "literal: |\n  第一行\n  第二行\n"                             # a literal block keeps its breaks
        "paragraphs: >\n  第一段\n\n  第二段\n", loader)
    assert data["latin"] == "Fees are spread across three pages"
    assert data["mixed"] == "支持 PDF 和护照"
    assert data["typed"] == "甲 乙丙"
    assert data["korean"] == "한국어 문장"
    assert data["polish"] == "posiłków. Rozwiązuje"
    assert data["literal"] == "第一行\n第二行\n"
    assert data["paragraphs"] == "第一段\n第二段\n"


@pytest.mark.parametrize(("items", "lang", "expected"), [
    (["原因。", "我们的广告"], "zh", "原因。我们的广告"),                  # not "原因。、" nor "原因。，"
    (["转化率", "完成率"], "zh", "转化率、完成率"),
    (["switch.", "Our ads"], "en", "switch. Our ads"),                  # not "switch., Our ads"
    (["Fees", "interest"], "en", "Fees, interest"),
    (["czytać.", "W trzecim tygodniu"], "pl", "czytać. W trzecim tygodniu"),
])
def test_lists_join_with_the_language_s_punctuation_and_never_double_a_mark(items, lang, expected) -> None:
    assert listed(items, lang) == expected


def test_each_language_has_its_own_marks() -> None:
    assert clauses(["甲", "乙"], "zh") == "甲；乙" and clauses(["a", "b"], "en") == "a; b"
    assert listed(["影响 4", "投入 2"], "zh", "comma") == "影响 4，投入 2"
    assert labelled("解决的痛点", "原因", "zh") == "解决的痛点：原因"
    assert lead_in("目标", "弄清楚", "zh") == "**目标：**弄清楚"
    assert lead_in("Goal", "Find out", "en") == "**Goal:** Find out"


@pytest.mark.parametrize(("head", "sep", "tail", "expected"), [
    ("comparison and sign-up.", ": ", "Visit rate", "comparison and sign-up. Visit rate"),
    ("posiłków.", "", "Rozwiązuje:", "posiłków. Rozwiązuje:"),          # the space Polish needs
    ("完成开户。", "：", "转化率", "完成开户。转化率"),                     # and none in Chinese
    ("Really?", ", ", "yes", "Really? yes"),
    ("no mark", ": ", "value", "no mark: value"),
])
def test_a_join_adds_no_mark_after_one_that_ends_the_item(head, sep, tail, expected) -> None:
    assert attach(head, sep, tail) == expected
    for doubled in (".:", ".,", "。，", "。、", "。：", ".;"):
        assert doubled not in attach(head, sep, tail)


def test_a_sentence_gets_one_full_stop() -> None:
    stop = label("zh", "full_stop")
    assert end_sentence("优先级 16（速赢）", stop) == "优先级 16（速赢）。"
    assert end_sentence("已经结束。", stop) == "已经结束。"
    assert end_sentence("ends here.", ".") == "ends here."
    assert join(["One.", "Two"], " ") == "One. Two"


@pytest.mark.parametrize(("value", "lang", "expected"), [
    # Babel groups 4-digit numbers in Polish too (it does not read CLDR's minimumGroupingDigits).
    (38000, "pl", "38\u00a0000"), (3.1, "pl", "3,1"), (4200, "pl", "4\u00a0200"),
    (4200, "zh", "4,200"), (4200, "en", "4,200"), (2.85, "en", "2.85"),
    (1 / 3, "en", "0.3333"), (-0.0000001, "pl", "0"), (None, "zh", "–"), (float("nan"), "en", "–"),
])
def test_numbers_are_written_the_locale_s_way(value, lang, expected) -> None:
    assert number(value, lang) == expected


def test_signed_numbers_and_dates_per_locale() -> None:
    assert number(-0.45, "pl", sign=True) == "-0,45" and number(13500, "pl", sign=True) == "+13\u00a0500"
    day = dt.date(2026, 10, 14)
    assert (date(day, "en"), date(day, "zh"), date(day, "pl")) == \
        ("October 14, 2026", "2026年10月14日", "14 października 2026")
    assert date(day, "zh-Hant") == "2026年10月14日" and date(day, "xx") == "October 14, 2026"


_VALUES = [1, 7, -3, 12, 999, 1000, 4200, 38000, -13500, 1234567, 10**15, 0.5, 2.85, 3.1, -0.45, 0.3333, 1234.5678,
           -98765.4321, 0.0001]


@pytest.mark.parametrize("lang", ["en", "zh", "pl"])
@pytest.mark.parametrize("sign", [False, True])
def test_numbers_read_as_babel_writes_them_with_the_pattern_parsed_once(lang, sign, monkeypatch) -> None:
    """``number`` keeps Babel's parsed pattern per locale; the text is still exactly Babel's."""
    from babel import numbers

    from journeymaps.core import assemble

    expected = [numbers.format_decimal(v, format=assemble._SIGNED if sign else assemble._NUMBER, locale=lang)
                for v in _VALUES]
    parsed = []
    real = numbers.parse_pattern
    monkeypatch.setattr(numbers, "parse_pattern", lambda p: parsed.append(p) or real(p))
    assemble._number_format.cache_clear()
    assert [number(v, lang, sign=sign) for v in _VALUES * 3] == expected * 3
    assert len(parsed) == 1
    assemble._number_format.cache_clear()  # no formatter made with the counting parser stays behind
