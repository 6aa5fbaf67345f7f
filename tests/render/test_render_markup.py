"""The stage diagram's markup contract (``render/svg.py`` docstring): what the canvas scripts read."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from journeymaps.model.lanes import SPECS
from journeymaps.render.diagram import stage_diagram

from render_maps import SAMPLE_FILES, file_id, load_map

NS = "{http://www.w3.org/2000/svg}"


def _groups(root: ET.Element, cls: str) -> list[ET.Element]:
    return [g for g in root.iter(f"{NS}g") if g.get("class") == cls]


def _rects(el: ET.Element) -> list[tuple[float, float, float, float]]:
    return [(float(r.get("x")), float(r.get("y")), float(r.get("width")), float(r.get("height")))
            for r in el.iter(f"{NS}rect")]


def _expected_cards(m) -> dict[str, tuple[str, str | None, str]]:
    """card id suffix -> (kind, item id, stage id), straight from the model."""
    out = {}
    for stage in m.stages:
        for spec in SPECS.values():
            if not spec.item:
                continue
            for n, item in enumerate(getattr(stage, spec.field)):
                item_id = getattr(item, "id", None)
                out[f"{spec.item}-{item_id or f'{stage.id}-{n}'}"] = (spec.item, item_id, stage.id)
    return out


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=file_id)
def test_every_card_carries_the_contract(path: Path, vocabulary) -> None:
    m = load_map(path)
    root = ET.fromstring(stage_diagram(m, vocabulary))
    rid = root.get("id")
    assert root.get("data-map") == m.id
    cards = _groups(root, "jm-card")
    expected = _expected_cards(m)
    assert {c.get("id").removeprefix(rid + "-") for c in cards} == set(expected)
    pains = {p.id: p for s in m.stages for p in s.pain_points}
    opps = {o.id: (s, o) for s in m.stages for o in s.opportunities}
    for card in cards:
        kind, item_id, stage_id = expected[card.get("id").removeprefix(rid + "-")]
        assert card.get("data-kind") == kind
        assert card.get("data-id") == item_id
        assert card.get("data-stage") == stage_id
        assert card.get("tabindex") == "0"
        # Every line drawn on the card is in its label (Han text wraps without spaces, Latin may hyphenate).
        label = "".join(card.get("aria-label").split())
        lines = [el.text for el in card.iter() if el.tag in (f"{NS}text", f"{NS}tspan") and el.text]
        assert lines
        for line in lines:
            assert "".join(line.split()).rstrip("-") in label, (line, label)
        if kind == "pain":
            assert card.get("data-severity") == pains[item_id].severity
        if kind == "opportunity":
            stage, opp = opps[item_id]
            assert card.get("data-status") == opp.status
            assert card.get("data-addresses", "").split() == opp.addresses
            assert card.get("data-kpis", "").split() == [k.id for k in stage.kpis]
    assert any(c.get("data-kind") == "pain" for c in cards)


def test_ids_stay_unique_when_diagrams_share_a_page(vocabulary) -> None:
    ids: list[str] = []
    for path in SAMPLE_FILES:
        m = load_map(path)
        for prefix in (None, f"again-{m.id}"):
            root = ET.fromstring(stage_diagram(m, vocabulary, id_prefix=prefix))
            ids += [el.get("id") for el in root.iter() if el.get("id")]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=file_id)
def test_lanes_headers_and_labels_say_where_they_are(path: Path, vocabulary) -> None:
    m = load_map(path)
    root = ET.fromstring(stage_diagram(m, vocabulary))
    headers, = _groups(root, "jm-headers")
    hy, hh = float(headers.get("data-y")), float(headers.get("data-height"))
    assert [(r[1], r[3]) for r in _rects(headers)][0] == (hy, hh)
    assert [g.get("data-stage") for g in _groups(headers, "jm-stage")] == [s.id for s in m.stages]
    labels, = _groups(root, "jm-labels")
    lx, lw = float(labels.get("data-x")), float(labels.get("data-width"))
    lanes = _groups(root, "jm-lane")
    label_cells = _groups(labels, "jm-lane-label")
    assert [g.get("data-lane") for g in label_cells] == [g.get("data-lane") for g in lanes]
    assert {g.get("data-lane") for g in lanes} >= {"emotion", "pain_points", "opportunities"}
    bottom = hy + hh
    for lane, cell in zip(lanes, label_cells):
        y, h = float(lane.get("data-y")), float(lane.get("data-height"))
        assert y == pytest.approx(bottom, abs=0.01), "lanes follow one another without gaps"
        bottom = y + h
        # the lane's cell in the label column is drawn with the lane's own top and height
        assert _rects(cell)[0] == pytest.approx((lx, y, lw, h), abs=0.01)
        for x, ry, w, rh in _rects(lane):
            assert y - 0.01 <= ry and ry + rh <= y + h + 0.01, f"a card of {lane.get('data-lane')} is outside it"


def test_each_persona_has_its_own_group(vocabulary) -> None:
    m = load_map(SAMPLE_FILES[0])
    root = ET.fromstring(stage_diagram(m, vocabulary))
    emotion, = [g for g in _groups(root, "jm-lane") if g.get("data-lane") == "emotion"]
    scored = [p.id for p in m.personas if any(p.id in s.emotions for s in m.stages)]
    groups = _groups(emotion, "jm-persona")
    assert [g.get("data-persona") for g in groups] == scored
    for g in groups:
        assert g.find(f"{NS}path") is not None, "the persona's curve is in its group"
    assert [g.get("data-persona") for g in _groups(root, "jm-legend-item")] == scored


def test_stage_and_channel_icons_come_from_materials_own_files(vocabulary) -> None:
    m = load_map(SAMPLE_FILES[0])
    root = ET.fromstring(stage_diagram(m, vocabulary))
    symbols = {s.get("id"): s for s in root.iter(f"{NS}symbol")}
    assert all(k.startswith(root.get("id") + "-icon-") for k in symbols), "symbol ids carry the diagram's prefix"
    for cell in _groups(root, "jm-stage"):
        use, = cell.iter(f"{NS}use")
        icon = vocabulary.stage(cell.get("data-stage")).icon
        assert use.get("href") == f"#{root.get('id')}-icon-{icon.replace('/', '-')}"
        assert symbols[use.get("href")[1:]].find(f"{NS}path").get("d")
    channels = {c.get("data-channel") for c in _groups(root, "jm-card") if c.get("data-kind") == "touchpoint"}
    used = {u.get("href") for u in root.iter(f"{NS}use")}
    for channel in channels:
        assert f"#{root.get('id')}-icon-{vocabulary.channel(channel).icon.replace('/', '-')}" in used
