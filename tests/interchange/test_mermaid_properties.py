"""Properties: the importer never raises on any text, and any text survives escaping."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeymaps.interchange.mermaid_export import to_mermaid
from journeymaps.interchange.mermaid_import import import_text
from journeymaps.interchange.mermaid_parse import parse_document
from journeymaps.interchange.mermaid_text import escape
from journeymaps.model.journey import JourneyMap
from journeymaps.model.resolve import stage_name

FIXED = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Pieces that steer random text into every branch of the reader.
PIECES = ["journey", "title T", "section S", "accTitle: A", "accDescr: D", "accDescr {", "}", "%%{init: {}", "}%%",
          "%% c", "# c", "t: 3: a, b", "t: 9", "t:", ": 2", "---", "```mermaid", "```", "~~~mermaid", "#58;",
          "#7;", "#99999999;", "<br>", ";", "\t", "\r", '%% journeymaps:map {"v":1,"range":[1,10],"personas":[]}',
          '%% journeymaps:map {"range":[5,1]}', '%% journeymaps:stage {"id":"x","emotions":{"a":99}}',
          '%% journeymaps:stage {"id":"Bad Id","placeholder":true}', "%% journeymaps:map [[[[[[[[[[", "\x00"]
lines = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=30)), max_size=25)


@FIXED
@given(body=lines, markdown=st.booleans())
def test_importer_only_returns_findings(body, markdown, options):
    text = "\n".join(["```mermaid", "journey", *body, "```"] if markdown else ["journey", *body])
    result = import_text(text, "fuzz.md", options, markdown=markdown)
    # Whatever it read, a map it returns passed the checker (the importer re-checks its own output).
    assert not [f for f in result.findings if f.code == "import"], result.findings
    assert not (result.maps and result.errors)
    for f in result.findings:
        assert f.line >= 1 and f.col >= 1


@FIXED
@given(text=st.text(max_size=300), markdown=st.booleans())
def test_importer_survives_arbitrary_text(text, markdown, options):
    import_text(text, "fuzz.md", options, markdown=markdown)


# Characters a map may hold (the loader refuses other controls; surrogates cannot be UTF-8), mixed
# with pieces that mean something to Mermaid or to our escaping.
_chars = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff") | st.sampled_from("\n\t:;#%,<>{}&"), max_size=8)
_tricky = st.sampled_from(["#58;", "#amp;", "#x41;", "<br>", "<BR />", "%%", "%", "journey", "Title ", "section\t",
                           "accDescr {", "accTitle:", " ", "\n", "\ufeff", "}%%", "---", "```"])
map_text = st.lists(_chars | _tricky, min_size=1, max_size=6).map("".join).filter(lambda s: 0 < len(s) <= 300)


@FIXED
@given(task=map_text, section=map_text, actor=map_text, title=map_text)
def test_escaped_text_reads_back_exactly(task, section, actor, title):
    diagram = (f"journey\n  title {escape(title)}\n  section {escape(section)}\n"
               f"    {escape(task, line_start=True)}: 3: {escape(actor, also=',')}\n")
    parsed = parse_document(diagram, "p.mmd", markdown=False)
    assert parsed.findings == []
    (block,) = parsed.blocks
    (sec,) = block.sections
    (t,) = sec.tasks
    assert (block.title.text, sec.name.text, t.text, [a.text for a in t.actors]) == (title, section, task, [actor])


persona_ids = st.lists(st.from_regex(r"[a-z][a-z0-9]{0,6}", fullmatch=True), min_size=1, max_size=5, unique=True)


@st.composite
def journey_maps(draw) -> JourneyMap:
    lo = draw(st.integers(-5, 3))
    hi = draw(st.integers(lo + 1, lo + 12))
    ids = draw(persona_ids)
    personas = [{"id": pid, "name": draw(map_text)} for pid in ids]
    stages: list[dict[str, Any]] = []
    for i in range(draw(st.integers(1, 5))):
        scored = draw(st.lists(st.sampled_from(ids), unique=True))
        stages.append({"id": f"stage-{i}", "name": draw(map_text), "actions": draw(st.lists(map_text, max_size=3)),
                       "emotions": {pid: draw(st.integers(lo, hi)) for pid in scored}})
    return JourneyMap.model_validate({
        "id": "random", "title": draw(map_text), "industry": "banking", "summary": draw(map_text),
        "status": "as-is", "owner": "x", "last_reviewed": "2026-01-01", "personas": personas,
        "emotion_scale": {"min": lo, "max": hi}, "stages": stages})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(m=journey_maps())
def test_any_map_survives_the_round_trip(m, vocabulary, options):
    exported = to_mermaid(m, vocabulary)
    assert "%%{" not in exported  # no text of a map can become a Mermaid directive
    result = import_text(exported, "r.mmd", options, markdown=False)
    assert result.errors == [], result.findings
    back = JourneyMap.model_validate(result.maps[0].data)
    assert [(p.id, p.name) for p in back.personas] == [(p.id, p.name) for p in m.personas]
    assert [(s.id, stage_name(back, s, vocabulary), s.actions, s.emotions) for s in back.stages] == [
        (s.id, stage_name(m, s, vocabulary), s.actions, s.emotions) for s in m.stages]
