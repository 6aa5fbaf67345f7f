"""PNG export: right size, not blank, light and dark, Chinese glyphs rather than boxes, nothing fetched."""

from __future__ import annotations

import builtins
import io
import re
import sys
from pathlib import Path

import pytest

from journeymaps.render import svg as svg_writer
from journeymaps.render.diagram import stage_diagram
from journeymaps.render.png import PngUnavailable, svg_to_png
from journeymaps.render.scene import Box, Scene, text_block

from needs import need_module
from render_maps import SAMPLE_FILES, case, file_id, load_map

Image = need_module("PIL.Image")
ImageStat = need_module("PIL.ImageStat")
need_module("cairosvg", "install the Debian package libcairo2 (`make test` does)")


def _image(png: bytes):
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    return Image.open(io.BytesIO(png)).convert("RGB")


def _size(svg: str) -> tuple[float, float]:
    w, h = re.search(r'width="([0-9.]+)" height="([0-9.]+)"', svg).groups()
    return float(w), float(h)


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=file_id)
def test_each_sample_map_makes_a_png_of_the_right_size_that_is_not_blank(path: Path, vocabulary) -> None:
    svg = stage_diagram(load_map(path), vocabulary)
    image = _image(svg_to_png(svg))
    w, h = _size(svg)
    assert abs(image.width - w) <= 1 and abs(image.height - h) <= 1
    stddev = ImageStat.Stat(image.convert("L")).stddev[0]
    assert stddev > 20, f"the PNG looks blank (grey-level deviation {stddev:.1f})"


def test_light_and_dark_pngs(vocabulary) -> None:
    svg = stage_diagram(case("one-stage"), vocabulary)
    light, dark = _image(svg_to_png(svg, theme="light")), _image(svg_to_png(svg, theme="dark"))
    assert ImageStat.Stat(light.convert("L")).mean[0] > 200
    assert ImageStat.Stat(dark.convert("L")).mean[0] < 80
    assert ImageStat.Stat(dark.convert("L")).stddev[0] > 15  # text is there, not just a dark sheet


def test_scale_multiplies_the_size(vocabulary) -> None:
    svg = stage_diagram(case("one-stage"), vocabulary)
    w, h = _size(svg)
    image = _image(svg_to_png(svg, scale=2))
    assert abs(image.width - 2 * w) <= 2 and abs(image.height - 2 * h) <= 2
    for bad in (0, -1, 9):
        with pytest.raises(ValueError):
            svg_to_png(svg, scale=bad)


def _text_png(text: str) -> bytes:
    scene = Scene("stages", 140, 40, "glyph probe", "glyph probe", "zh")
    scene.add(text_block(10, 10, (text,), 20, "text", "bg", Box(0, 0, 140, 40)))
    return svg_to_png(svg_writer.write(scene, "probe"))


def test_chinese_text_is_drawn_with_real_glyphs_not_boxes() -> None:
    # Missing glyphs all become the same box (.notdef): two different strings would look alike.
    # Two different Chinese strings must look different, unlike two strings of unassigned code points.
    assert _text_png("认知旅程") != _text_png("购买留存")
    assert _text_png("\U000e0ff0\U000e0ff1") == _text_png("\U000e0ff2\U000e0ff3"), "the tofu probe no longer works"
    assert _text_png("认知旅程") != _text_png("\U000e0ff0\U000e0ff1\U000e0ff2\U000e0ff3")


def test_polish_letters_are_drawn_not_boxed() -> None:
    assert _text_png("łąę") != _text_png("ŁĄĘ")
    assert _text_png("łąę") != _text_png("\U000e0ff0\U000e0ff1\U000e0ff2")


def test_a_chinese_map_marks_its_text_for_the_cjk_font(vocabulary) -> None:
    svg = stage_diagram(case("cjk"), vocabulary)  # the crafted Chinese case, not a sample that may go
    assert 'class="f-text cjk"' in svg  # Han text is marked for the CJK font
    assert "Noto Sans CJK SC" in svg


def test_nothing_is_fetched_while_rendering(vocabulary, tmp_path: Path) -> None:
    red = tmp_path / "red.png"
    Image.new("RGB", (40, 40), (255, 0, 0)).save(red)
    svg = stage_diagram(case("one-stage"), vocabulary)
    hostile = svg.replace("</svg>", f'<image href="{red.as_uri()}" x="0" y="0" width="40" height="40"/></svg>')
    with pytest.raises(PermissionError, match="without fetching"):
        svg_to_png(hostile)


def test_only_our_own_svg_is_rasterised() -> None:
    with pytest.raises(ValueError):
        svg_to_png('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg"/>')
    with pytest.raises(ValueError, match="pixels"):
        svg_to_png('<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="20000"><style></style></svg>',
                   fit=False)


def test_a_picture_too_large_for_cairo_is_drawn_smaller_not_refused(monkeypatch: pytest.MonkeyPatch,
                                                                  vocabulary) -> None:
    # The site's downloads: a map that passes check always builds, however long its texts.
    from journeymaps.render import png

    svg = stage_diagram(case("one-stage"), vocabulary)
    w, h = _size(svg)
    monkeypatch.setattr(png, "MAX_PIXELS", int(w * h / 4))
    monkeypatch.setattr(png, "MAX_SIDE", int(h * 0.4))
    image = _image(svg_to_png(svg, scale=2))
    assert image.width * image.height <= png.MAX_PIXELS and max(image.size) <= png.MAX_SIDE
    assert abs(image.width / image.height - w / h) < 0.05  # the same picture, scaled, not cropped
    with pytest.raises(ValueError, match="--scale 0"):
        svg_to_png(svg, scale=2, fit=False)  # an export sized by hand is told what fits


def test_the_fitted_scale_keeps_within_both_limits() -> None:
    from journeymaps.render.png import MAX_PIXELS, MAX_SIDE, fit_scale

    assert fit_scale(1200, 900, 1.0) == 1.0
    for w, h, s in [(6716, 127649.4, 1.0), (200_000, 800, 1.0), (9000, 9000, 2.0)]:
        f = fit_scale(w, h, s)
        assert 0 < f < s and round(w * f) * round(h * f) <= MAX_PIXELS and max(w, h) * f <= MAX_SIDE


def test_a_missing_cairo_library_gives_an_actionable_message(monkeypatch: pytest.MonkeyPatch, vocabulary) -> None:
    real_import = builtins.__import__

    def no_cairo(name: str, *args, **kwargs):
        if name.startswith("cairosvg"):
            raise OSError("no library called \"cairo-2\" was found")
        return real_import(name, *args, **kwargs)

    for mod in [m for m in sys.modules if m.startswith("cairosvg")]:
        monkeypatch.delitem(sys.modules, mod)
    monkeypatch.setattr(builtins, "__import__", no_cairo)
    with pytest.raises(PngUnavailable) as info:
        svg_to_png(stage_diagram(case("one-stage"), vocabulary))
    message = str(info.value)
    assert "Cairo" in message and "apt-get install libcairo2" in message and "--format svg" in message
