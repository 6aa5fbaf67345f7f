"""Text never clips or overlaps: checked on the layout model, and against real font metrics.

The layout knows each text block's lines, size and the region it must stay in (its card,
cell or column). From the estimated widths: every block lies inside its region and inside
the picture, and no two blocks (nor a block and a marker) overlap. Against the real fonts
the PNGs use (Noto Sans, Noto Sans CJK SC, measured by Cairo): no line is wider than the
estimate the layout reserved, so nothing drawn spills out of its box.
"""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest

from journeymaps.render.diagram import stage_scene
from journeymaps.render.matrix import matrix_scene
from journeymaps.render.scene import Box, Marker, Rect, Scene
from journeymaps.render.sparkline import spark_scene
from journeymaps.render.svg import has_cjk
from journeymaps.render.textwidth import text_width
from journeymaps.render.theme import CAIRO_FONT, CAIRO_FONT_CJK

from needs import need_module
from render_maps import ALL_FILES, case, file_id, load_map

SCENES = {"stages": stage_scene, "matrix": matrix_scene}


def _scenes(path: Path, vocabulary) -> list[Scene]:
    m = load_map(path)
    return [make(m, vocabulary) for make in SCENES.values()]


def _marker_box(mk: Marker) -> Box:
    return Box(mk.x - mk.r * 1.3, mk.y - mk.r * 1.3, mk.r * 2.6, mk.r * 2.6)


@pytest.mark.parametrize("path", ALL_FILES, ids=file_id)
def test_text_stays_in_its_region_and_in_the_picture(path: Path, vocabulary) -> None:
    for scene in _scenes(path, vocabulary):
        canvas = Box(0, 0, scene.width, scene.height)
        for t in scene.texts():
            box = t.box()
            assert t.region.contains(box), f"{scene.kind}: {t.lines[0]!r} leaves its region {t.region}: {box}"
            assert canvas.contains(box), f"{scene.kind}: {t.lines[0]!r} leaves the picture"


@pytest.mark.parametrize("path", ALL_FILES, ids=file_id)
def test_no_two_texts_overlap(path: Path, vocabulary) -> None:
    for scene in _scenes(path, vocabulary):
        boxes = [(t, t.box()) for t in scene.texts()]
        for (a, ba), (b, bb) in combinations(boxes, 2):
            assert not ba.overlaps(bb), f"{scene.kind}: {a.lines[0]!r} overlaps {b.lines[0]!r}"


@pytest.mark.parametrize("path", ALL_FILES, ids=file_id)
def test_no_text_sits_on_a_marker_except_the_number_inside_it(path: Path, vocabulary) -> None:
    for scene in _scenes(path, vocabulary):
        markers = [_marker_box(i) for i in scene.leaves() if isinstance(i, Marker)]
        for t in scene.texts():
            box = t.box()
            for mb in markers:
                inside_own = t.region.w <= mb.w and t.region.overlaps(mb)
                assert inside_own or not box.overlaps(mb), f"{scene.kind}: {t.lines[0]!r} covers a marker"


@pytest.mark.parametrize("path", ALL_FILES, ids=file_id)
def test_cards_do_not_overlap(path: Path, vocabulary) -> None:
    scene = stage_scene(load_map(path), vocabulary)
    cards = [i.box for i in scene.leaves() if isinstance(i, Rect) and i.rx == 4 and i.fill not in ("bg", None)]
    assert cards or len(load_map(path).stages) >= 1
    for a, b in combinations(cards, 2):
        assert not a.overlaps(b)


def test_the_long_word_is_broken_and_the_long_label_wraps(vocabulary) -> None:
    texts = [line for t in stage_scene(case("long-word"), vocabulary).texts() for line in t.lines]
    assert any(line.endswith("-") and line.startswith("Pneumono") for line in texts)
    joined = "".join(line.removesuffix("-") for line in texts)
    assert "Pneumonoultramicroscopicsilicovolcanoconiosis" in joined  # broken, never cut
    scene = stage_scene(case("long-label"), vocabulary)
    touch = next(t for t in scene.texts() if t.lines[0].startswith("Emergency claims line"))
    assert len(touch.lines) >= 8
    assert " ".join(touch.lines) == case("long-label").stages[0].touchpoints[0].name


def test_columns_grow_for_long_words_up_to_a_cap(vocabulary) -> None:
    narrow = stage_scene(case("one-stage"), vocabulary)
    wide = stage_scene(case("long-word"), vocabulary)
    twelve = stage_scene(case("twelve-stages"), vocabulary)
    assert narrow.width < wide.width
    assert twelve.width > 12 * 190


def test_the_sparkline_stays_inside_its_frame(vocabulary) -> None:
    for path in ALL_FILES:
        scene = spark_scene(load_map(path), vocabulary)
        canvas = Box(0, 0, scene.width, scene.height)
        for item in scene.leaves():
            if isinstance(item, Marker):
                assert canvas.contains(_marker_box(item))


# --- real fonts ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def measure():
    cairo = need_module("cairocffi", "install the Debian package libcairo2 (`make test` does)")
    surface = cairo.ImageSurface(cairo.FORMAT_ARGB32, 1, 1)
    ctx = cairo.Context(surface)

    def width(line: str, size: float, bold: bool, italic: bool, cjk: bool) -> float:
        ctx.select_font_face(CAIRO_FONT_CJK if cjk else CAIRO_FONT,
                             cairo.FONT_SLANT_ITALIC if italic else cairo.FONT_SLANT_NORMAL,
                             cairo.FONT_WEIGHT_BOLD if bold else cairo.FONT_WEIGHT_NORMAL)
        ctx.set_font_size(size)
        return ctx.text_extents(line)[4]  # x advance

    return width


@pytest.mark.parametrize("path", ALL_FILES, ids=file_id)
def test_real_fonts_are_no_wider_than_the_estimate(path: Path, vocabulary, measure) -> None:
    for scene in _scenes(path, vocabulary):
        for t in scene.texts():
            cjk = has_cjk("".join(t.lines))  # a block with Han text is drawn in Noto Sans CJK throughout
            for line in t.lines:
                real = measure(line, t.size, t.bold, t.italic, cjk)
                estimate = text_width(line, t.size, bold=t.bold)
                assert real <= estimate + 0.5, f"{scene.kind}: {line!r} is {real:.1f}px, {estimate:.1f}px reserved"
