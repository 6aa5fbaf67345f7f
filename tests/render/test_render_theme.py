"""Colours: readable in light and dark, themable through CSS custom properties, never colour alone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from journeymaps.render.diagram import stage_diagram, stage_scene
from journeymaps.render.matrix import matrix_scene
from journeymaps.render.personas import persona_style
from journeymaps.render.png import for_cairo
from journeymaps.render.theme import FONT_STACK, GRAPHIC_PAIRS, TEXT_PAIRS, TOKENS, colour, contrast

from render_maps import ALL_FILES, case, file_id, load_map


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_text_colours_reach_4_5_to_1_on_every_background(mode: str) -> None:
    for fg, bg in TEXT_PAIRS:
        ratio = contrast(colour(fg, mode), colour(bg, mode))
        assert ratio >= 4.5, f"{mode}: {fg} on {bg} is {ratio:.2f}:1"


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_curves_and_axes_reach_3_to_1_against_the_page(mode: str) -> None:
    for fg, bg in GRAPHIC_PAIRS:
        assert contrast(colour(fg, mode), colour(bg, mode)) >= 3.0, f"{mode}: {fg} on {bg}"


def test_contrast_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("path", ALL_FILES, ids=file_id)
def test_every_text_is_drawn_on_a_background_checked_for_contrast(path: Path, vocabulary) -> None:
    m = load_map(path)
    for scene in (stage_scene(m, vocabulary), matrix_scene(m, vocabulary)):
        for t in scene.texts():
            assert (t.fill, t.on) in TEXT_PAIRS, f"{scene.kind}: {t.lines[0]!r} is {t.fill} on {t.on}"


def test_css_defaults_match_the_theme_and_read_custom_properties(vocabulary) -> None:
    svg = stage_diagram(case("one-stage"), vocabulary)
    css = re.search(r"<style>\n(.*)\n</style>", svg, re.S).group(1)
    assert f"--jmc-text:var(--jm-text,{TOKENS['text'][0]})" in css
    assert f"--jmc-text:var(--jm-text-dark,{TOKENS['text'][1]})" in css
    assert "@media (prefers-color-scheme:dark)" in css
    assert '[data-md-color-scheme="slate"] #jm-case-one-stage-stages{' in css
    assert '[data-md-color-scheme="default"] #jm-case-one-stage-stages{' in css  # light page on a dark OS
    # Latin with full Polish coverage first: a browser must not draw Latin text with the CJK font.
    stack = re.search(r"font-family:var\(--jm-font,([^)]*)\)", css).group(1)
    assert stack.startswith('"Noto Sans",') and stack.index('"Noto Sans"') < stack.index('"Noto Sans CJK SC"')
    assert stack == FONT_STACK
    # No colour is written outside the stylesheet: everything is themable.
    body = svg.split("</style>", 1)[1]
    assert not re.search(r"#[0-9a-fA-F]{6}", body)
    assert not re.search(r'(fill|stroke)="(?!none)', body)


def test_the_png_stylesheet_is_plain(vocabulary) -> None:
    svg = stage_diagram(case("one-stage"), vocabulary)
    for mode in ("light", "dark"):
        css = re.search(r"<style>(.*)</style>", for_cairo(svg, mode), re.S).group(1)
        assert "var(" not in css and "@media" not in css
        assert f".f-bg{{fill:{TOKENS['bg'][0 if mode == 'light' else 1]}}}" in css


def test_personas_differ_by_shape_and_dash_not_only_colour() -> None:
    styles = [persona_style(i) for i in range(6)]
    assert len({s.shape for s in styles}) == 6
    assert len({(s.shape, s.dash) for s in [persona_style(i) for i in range(30)]}) == 30


def test_backstage_touchpoints_differ_by_border_position_and_words(vocabulary) -> None:
    scene = stage_scene(case("one-stage"), vocabulary)
    texts = [line for t in scene.texts() for line in t.lines]
    assert "Back office \u00b7 Backstage" in texts and "Backstage" in texts and "Frontstage" in texts
    back = next(t for t in scene.texts() if t.lines[0] == "Permit database")
    front = next(t for t in scene.texts() if t.lines[0] == "Renewal page")
    assert back.y > front.y  # below the line of visibility
    dashed = [r for r in scene.leaves() if getattr(r, "dash", None) == "5 3"]
    assert len(dashed) == 1
