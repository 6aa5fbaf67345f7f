"""The translated sample maps are full maps that match their originals in everything but the words."""

from __future__ import annotations

import re

from pathlib import Path

import pytest

# (original id, translation id, language, a pattern every translated text of that language matches)
PAIRS = [
    ("online-banking", "online-banking-zh", "zh", re.compile(r"[\u4e00-\u9fff]")),
    ("fitness-app", "fitness-app-pl", "pl", re.compile(r"[a-ząćęłńóśźż]", re.IGNORECASE)),
    ("fashion-store", "fashion-store-zh", "zh", re.compile(r"[\u4e00-\u9fff]")),
    ("fashion-store", "fashion-store-pl", "pl", re.compile(r"[a-ząćęłńóśźż]", re.IGNORECASE)),
]
POLISH_LETTERS = re.compile(r"[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")
IDS = [p[1] for p in PAIRS]
SYMBOL_UNITS = {"%", "s", "min", "EUR", "kEUR"}


@pytest.fixture(scope="module")
def maps(project):
    return {e.map.id: e for e in project.maps}


def _pair(maps, original_id, translated_id):
    assert original_id in maps, f"{original_id} is missing or does not pass the check"
    assert translated_id in maps, f"{translated_id} is missing or does not pass the check"
    return maps[original_id].map, maps[translated_id].map


def _texts(m):
    """Every human-readable string of a map, with where it sits."""
    yield "title", m.title
    yield "summary", m.summary
    yield "owner", m.owner
    for o in m.objectives:
        yield f"objective {o.id}", o.text
    for p in m.personas:
        yield f"persona {p.id}", p.name
        for field in ("description",):
            if getattr(p, field):
                yield f"persona {p.id} {field}", getattr(p, field)
        for field in ("goals", "needs", "frustrations"):
            for i, t in enumerate(getattr(p, field)):
                yield f"persona {p.id} {field}[{i}]", t
    for s in m.stages:
        if s.goal:
            yield f"{s.id} goal", s.goal
        for field in ("actions", "thoughts", "tactics", "moments_of_truth"):
            for i, t in enumerate(getattr(s, field)):
                yield f"{s.id} {field}[{i}]", t
        for t in s.touchpoints:
            yield f"{s.id} touchpoint", t.name
        for p in s.pain_points:
            yield f"{s.id} pain point {p.id}", p.text
        for o in s.opportunities:
            yield f"{s.id} opportunity {o.id}", o.text
            for p in o.pilots:
                for field in ("hypothesis", "cohort", "result"):
                    if getattr(p, field):
                        yield f"{s.id} pilot {p.id} {field}", getattr(p, field)
        for p in s.plays:
            for field in ("trigger", "audience", "touchpoint", "content", "timing"):
                yield f"{s.id} play {p.id} {field}", getattr(p, field)
        for k in s.kpis:
            yield f"{s.id} KPI {k.id}", k.name


@pytest.mark.parametrize("original_id,translated_id,lang,_", PAIRS, ids=IDS)
def test_language_and_links_both_ways(maps, original_id, translated_id, lang, _):
    original, translated = _pair(maps, original_id, translated_id)
    assert original.lang == "en"
    assert translated.lang == lang
    assert translated.translations == {"en": original_id}
    assert original.translations.get(lang) == translated_id
    assert maps[translated_id].path.parent == maps[original_id].path.parent


@pytest.mark.parametrize("original_id,translated_id,lang,_", PAIRS, ids=IDS)
def test_same_structure_and_figures(maps, original_id, translated_id, lang, _):
    original, translated = _pair(maps, original_id, translated_id)
    assert translated.industry == original.industry
    assert translated.status == original.status
    assert [p.id for p in translated.personas] == [p.id for p in original.personas]
    assert [(o.id, o.kind, o.kpis) for o in translated.objectives] == \
        [(o.id, o.kind, o.kpis) for o in original.objectives]
    # The same scale (range and scored values); only its labels may be translated.
    scale_o = original.emotion_scale or vocabulary_scale()
    scale_t = translated.emotion_scale or vocabulary_scale()
    assert (scale_t.min, scale_t.max, scale_t.low_threshold) == (scale_o.min, scale_o.max, scale_o.low_threshold)
    assert [lbl.value for lbl in scale_t.labels] == [lbl.value for lbl in scale_o.labels]
    assert [s.id for s in translated.stages] == [s.id for s in original.stages]
    for s, t in zip(original.stages, translated.stages):
        where = f"stage {s.id}"
        # Stage names come from the site vocabulary in each language.
        assert t.name is None and s.name is None, where
        assert t.emotions == s.emotions, where
        assert [(x.channel, x.layer) for x in t.touchpoints] == [(x.channel, x.layer) for x in s.touchpoints], where
        assert [(p.id, p.severity, p.status) for p in t.pain_points] == [(p.id, p.severity, p.status) for p in s.pain_points], where
        # Evidence is a study id, a link or the keyword `hypothesis`; none is translated.
        assert [p.evidence for p in t.pain_points] == [p.evidence for p in s.pain_points], where
        assert [(o.id, o.addresses, o.impact, o.effort, o.status) for o in t.opportunities] == \
            [(o.id, o.addresses, o.impact, o.effort, o.status) for o in s.opportunities], where
        assert [(k.id, k.baseline, k.target, k.target_date, k.current, k.observations) for k in t.kpis] == \
            [(k.id, k.baseline, k.target, k.target_date, k.current, k.observations) for k in s.kpis], where
        # Symbols stay; word units ("installs", "stars") are text and get translated.
        assert [k.unit for k in t.kpis if k.unit in SYMBOL_UNITS] == \
            [k.unit for k in s.kpis if k.unit in SYMBOL_UNITS], where
        for field in ("actions", "thoughts", "tactics", "moments_of_truth"):
            assert len(getattr(t, field)) == len(getattr(s, field)), f"{where}: {field} not fully translated"
        assert [[(p.id, p.start, p.end, p.kpis, p.decision, bool(p.result)) for p in o.pilots] for o in t.opportunities] \
            == [[(p.id, p.start, p.end, p.kpis, p.decision, bool(p.result)) for p in o.pilots] for o in s.opportunities], where
        assert [(p.id, p.channel, p.kpi, p.guardrail) for p in t.plays] == \
            [(p.id, p.channel, p.kpi, p.guardrail) for p in s.plays], where
        assert bool(t.goal) == bool(s.goal), where


@pytest.mark.parametrize("original_id,translated_id,lang,script", PAIRS, ids=IDS)
def test_every_text_is_translated(maps, original_id, translated_id, lang, script):
    original, translated = _pair(maps, original_id, translated_id)
    originals = dict(_texts(original))
    texts = dict(_texts(translated))
    assert texts.keys() == originals.keys()
    for where, text in texts.items():
        assert script.search(text), f"{where}: {text!r} is not in {lang}"
        if where != "owner" and len(originals[where]) > 12:
            assert text != originals[where], f"{where} is still in English: {text!r}"
    if lang == "pl":
        # Diacritics lost to a keyboard layout are the classic Polish typo.
        assert POLISH_LETTERS.search(" ".join(texts.values()))


@pytest.mark.parametrize("translated_id", IDS)
def test_strict_check_reports_nothing(project, maps, translated_id):
    display = maps[translated_id].display
    assert [f for f in project.findings if f.path == display] == []


def vocabulary_scale():
    from journeymaps.load.site_config import load_vocabulary

    vocab, _ = load_vocabulary(Path(__file__).resolve().parents[2] / "site_config")
    return vocab.emotion_scale
