"""Importing Mermaid journeys as real files contain them: each fixture's maps and findings, exactly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from journeymaps.check.report import text as text_report
from journeymaps.interchange.mermaid_import import ImportResult, import_file
from journeymaps.load.yaml12 import parse

FIXTURES = Path(__file__).parent / "fixtures"
EXPECTED = Path(__file__).parent / "expected"


def describe(result: ImportResult) -> str:
    """What a user sees: the findings as `journeymaps` prints them, then each map file."""
    parts = [text_report(result.findings, 1)]
    parts += [f"=== {m.industry}/{m.id}.yaml\n{m.yaml}" for m in result.maps]
    return "\n".join(parts)


def load(name: str, options) -> ImportResult:
    return import_file(FIXTURES / name, options, display=name)


def codes(result: ImportResult) -> list[tuple[int, int, str, str]]:
    return [(f.line, f.col, f.severity, f.code) for f in result.findings]


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir()))
def test_fixture_output_is_as_expected(name, options, golden):
    golden(EXPECTED / (Path(name).stem + ".txt"), describe(load(name, options)))


def test_chinese_titles_fall_back_to_positional_ids(options):
    result = load("chinese.md", options)
    assert result.errors == []
    (m,) = result.maps
    assert m.id == "journey-9b58e3" and m.data["title"] == "网上银行开户" and m.data["lang"] == "zh"
    assert [p["id"] for p in m.data["personas"]] == ["persona-1", "persona-2"]
    assert [p["name"] for p in m.data["personas"]] == ["小明", "小红"]
    # `认知` is the catalogue's Chinese name of `awareness`; the other section keeps its name.
    assert [(s["id"], s.get("name")) for s in m.data["stages"]] == [("awareness", None), ("stage-2", "开户流程")]
    # Per persona: the mean of their task scores, half up: 小明 (3 + 4) / 2 = 3.5 -> 4.
    assert m.data["stages"][0]["emotions"] == {"persona-1": 4, "persona-2": 3}
    assert m.data["stages"][1]["emotions"] == {"persona-1": 2, "persona-2": 2}  # 小红 (2 + 1) / 2 = 1.5 -> 2


def test_polish_names_slug_without_diacritics(options):
    (m,) = load("polish.mmd", options).maps
    assert m.id == "zakladanie-konta-w-banku-internetowym" and m.data["lang"] == "pl"
    assert [s["id"] for s in m.data["stages"]] == ["awareness", "zakup-w-aplikacji", "platnosc"]
    assert [p["id"] for p in m.data["personas"]] == ["ola", "pawel"]
    assert m.data["stages"][1]["emotions"] == {"ola": 4, "pawel": 3}  # Ola (2 + 5) / 2 = 3.5 -> 4


def test_only_scores_mermaid_cannot_read_are_errors(options):
    # 0, 6, 5.5 and -1 are numbers Mermaid reads; `good` and nothing are not.
    result = load("scores.mmd", options)
    assert result.maps == []
    assert codes(result) == [(8, 13, "error", "score"), (9, 15, "error", "score")]


TEN_POINT = """journey
  title Ten-point journey
  section Find
    Search: 7: Ana
    Compare: 9: Ana, Ben
  section Buy
    Pay: 2: Ben
    Wait: 3: Ana
"""


def test_scores_above_5_import_on_a_scale_that_holds_them(import_mmd, tmp_path):
    result = import_mmd(TEN_POINT)
    assert result.errors == []
    (m,) = result.maps
    assert m.data["emotion_scale"]["min"] == 1 and m.data["emotion_scale"]["max"] == 10
    # The diagram's own scores, not squeezed from 1..5: Ana (7 + 9) / 2 = 8.
    assert [s["emotions"] for s in m.data["stages"]] == [{"ana": 8, "ben": 9}, {"ben": 2, "ana": 3}]
    assert m.notes == ("The diagram's scores run outside Mermaid's 1..5, so the map keeps them on an emotion "
                       "scale of 1..10.",)
    assert "# Note: The diagram's scores run outside Mermaid's 1..5" in m.yaml
    assert parse(m.yaml).issues == []


@pytest.mark.parametrize(("scores", "scale"), [
    ((1, 5), None), ((1, 6), (1, 7)), ((2, 7), (1, 7)), ((1, 8), (1, 10)), ((0, 10), (0, 10)),
    ((-2, 3), (-2, 5)), ((1, 12.5), (1, 13)),
])
def test_the_fitted_scale(import_mmd, scores, scale):
    low, high = scores
    (m,) = import_mmd(f"journey\n  title T\n  section S\n    A: {low}: Me\n    B: {high}: Me\n").maps
    found = m.data["emotion_scale"]
    assert (found["min"], found["max"]) == (scale or (1, 5))
    assert bool(m.notes) == (scale is not None)


def test_absurd_and_infinite_scores_are_located_errors(import_mmd):
    result = import_mmd("journey\n  title T\n  section S\n    A: 1e9: Me\n    B: 1e999: Me\n")
    assert result.maps == []
    assert codes(result) == [(4, 8, "error", "score-range"), (5, 8, "error", "score-range")]


def test_comments_directives_and_accessibility_fields(options):
    (m,) = load("comments.mmd", options).maps
    assert m.data["title"] == "Weekly groceries"
    assert m.data["summary"] == "Shopping for the week, from list to fridge"
    plan = m.data["stages"][0]
    assert plan["actions"] == ["Write the list", "Check the fridge #2"]
    assert plan["emotions"] == {"me": 4, "partner": 3}


def test_multi_line_description_becomes_the_summary(options):
    (m,) = load("acc_multiline.md", options).maps
    assert m.data["summary"] == "A user journey for\nfamily shopping,\nwith a second line"
    assert m.data["title"] == "Family shopping"  # no `title`: the accessible title stands in


def test_tabs_are_whitespace(options):
    (m,) = load("tabs.mmd", options).maps
    assert m.data["title"] == "Tabbed journey"
    assert m.data["stages"][0]["actions"] == ["Task with tabs", "Other task"]
    assert m.data["stages"][0]["emotions"] == {"me": 4, "you": 4}


def test_missing_title_and_empty_sections(options):
    result = load("no_title.mmd", options)
    (m,) = result.maps
    assert re.fullmatch(r"journey-[0-9a-f]{6}", m.id) and m.data["title"] == "TODO: title"
    assert [(s["id"], s.get("actions")) for s in m.data["stages"]] == [
        ("discover", None), ("decide", ["Compare plans"]), ("decide-2", ["Decide again"])]
    assert codes(result) == [(1, 1, "warning", "no-title")]


def test_tasks_before_any_section(options):
    result = load("before_section.mmd", options)
    (m,) = result.maps
    first = m.data["stages"][0]
    assert (first["id"], first["name"], first["actions"]) == ("stage-1", "TODO: stage name", ["Wake up", "Make tea"])
    assert first["emotions"] == {"me": 2, "customer": 5}
    assert codes(result) == [(3, 5, "warning", "no-section"), (4, 5, "warning", "no-actor")]


def test_lines_mermaid_rejects_are_located_errors(options):
    result = load("mermaid_rejects.mmd", options)
    assert result.maps == []
    assert codes(result) == [
        (1, 1, "warning", "no-title"), (2, 32, "error", "semicolon"), (3, 18, "error", "section-colon"), (4, 11, "error", "semicolon"),
        (5, 7, "error", "not-a-task"), (6, 17, "error", "task-colon"), (7, 7, "error", "task-text"),
        (8, 16, "error", "entity"), (9, 5, "error", "journey-twice"), (10, 5, "error", "section"),
    ]


def test_several_blocks_and_fences_inside_fences(options):
    result = load("several.md", options)
    assert [(m.id, m.pos.line) for m in result.maps] == [("same-title", 16), ("same-title-2", 23)]


def test_files_without_a_journey(options):
    assert codes(load("no_journey.md", options)) == [(1, 1, "error", "no-journey")]
    assert codes(load("not_journey.mmd", options)) == [(1, 1, "error", "not-journey")]


def test_crlf_and_lone_cr_line_endings(import_mmd):
    result = import_mmd("journey\r\n  title CRLF\r  section S\r\n    Task: good: Me\r\n")
    assert codes(result) == [(4, 11, "error", "score")]


def test_front_matter_title_and_unknown_industry(import_mmd):
    result = import_mmd("---\ntitle: From front matter\n---\njourney\n  section S\n    T: 3: Me\n", industry="banks")
    assert [(f.code, f.message, f.hint) for f in result.errors] == [
        ("industry", "unknown industry `banks`", "did you mean `banking`?")]
    (m,) = import_mmd("---\ntitle: From front matter\n---\njourney\n  section S\n    T: 3: Me\n").maps
    assert m.data["title"] == "From front matter"


def test_industry_and_language_options(import_mmd):
    (m,) = import_mmd("journey\n  title Fit\n  section S\n    T: 3: Me\n", industry="fitness", lang="pl").maps
    assert (m.industry, m.data["lang"], m.data["industry"]) == ("fitness", "pl", "fitness")
    result = import_mmd("journey\n  title Fit\n", industry=None)
    assert [f.code for f in result.errors] == ["industry", "no-stages"]


def test_yaml_keeps_strings_as_strings(import_mmd):
    # Section and task texts that YAML 1.1 or 1.2 would read as booleans, numbers or dates.
    text = "journey\n  title 0o17\n  section no\n    2024-01-02: 3: on\n    0x1F: 3: 010\n    1#58;30: 3: ~\n"
    (m,) = import_mmd(text).maps
    loaded = parse(m.yaml)
    assert loaded.issues == []
    assert loaded.data["title"] == "0o17"
    assert loaded.data["stages"][0]["name"] == "no"
    assert loaded.data["stages"][0]["actions"] == ["2024-01-02", "0x1F", "1:30"]
    assert [p["name"] for p in loaded.data["personas"]] == ["on", "010", "~"]


def test_titles_without_latin_letters_get_stable_distinct_ids(import_mmd):
    def map_id(title: str) -> str:
        (m,) = import_mmd(f"journey\n  title {title}\n  section S\n    T: 3: Me\n").maps
        return m.id

    first, second = map_id("网上银行开户"), map_id("手机银行转账")
    assert re.fullmatch(r"journey-[0-9a-f]{6}", first) and re.fullmatch(r"journey-[0-9a-f]{6}", second)
    assert first != second
    assert map_id("网上银行开户") == first  # the same diagram imported again: the same id


def test_japanese_is_guessed_as_ja_and_said_when_the_site_lacks_it(import_mmd, vocabulary):
    text = "journey\n  title 口座開設\n  section 申し込み\n    書類をアップロードする: 3: 花子\n"
    result = import_mmd(text)
    (m,) = result.maps
    assert m.data["lang"] == "ja"
    assert "ja" not in vocabulary.settings.languages
    (warning,) = [f for f in result.findings if f.code == "lang"]
    assert (warning.severity, warning.line, warning.col) == ("warning", 1, 1)
    assert "`ja`" in warning.message and "site_config/settings.yaml" in warning.hint
    (m,) = import_mmd(text, lang="zh").maps  # the author decides
    assert m.data["lang"] == "zh"
    # Chinese has no kana: still zh, and no warning.
    zh = import_mmd("journey\n  title 网上银行开户\n  section 认知\n    搜索: 3: 小明\n")
    assert zh.maps[0].data["lang"] == "zh" and not [f for f in zh.findings if f.code == "lang"]


def test_acc_title_is_kept(import_mmd):
    text = ("journey\n  title Shopping\n  accTitle: Weekly grocery run\n  accDescr: Buying food\n"
            "  section S\n    T: 3: Me\n")
    (m,) = import_mmd(text).maps
    assert m.data["title"] == "Shopping" and m.data["summary"] == "Buying food"
    assert "Weekly grocery run" in m.data["notes"]
    (m,) = import_mmd("journey\n  accTitle: Only this\n  section S\n    T: 3: Me\n").maps
    assert m.data["title"] == "Only this" and "notes" not in m.data  # used as the title: nothing lost


def test_a_brace_in_a_comment_never_closes_an_open_acc_descr() -> None:
    # Found by the Mermaid oracle: Mermaid drops `%%` comment lines before it reads anything, so
    # the `}` of a journeymaps metadata comment does not end `accDescr {`; Mermaid rejects this.
    from journeymaps.interchange.mermaid_parse import parse_document

    text = 'journey\naccDescr {\n--title\n%% journeymaps:map {"id": "x"}\n'
    found = [(f.code, f.line) for f in parse_document(text, "x.mmd", markdown=False).findings]
    assert ("acc-descr", 2) in found
    closed = parse_document(text + "}\n", "x.mmd", markdown=False)
    assert not [f for f in closed.findings if f.severity == "error"]
