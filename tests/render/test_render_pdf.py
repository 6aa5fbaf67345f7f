"""PDF posters as a workshop would check them: a valid one-page PDF on the paper asked for, fonts
embedded, the picture drawn (not a blank sheet), and the Chinese and Polish words there as text.

Checked with Debian's poppler-utils (pdfinfo, pdffonts, pdftotext, pdftoppm), the tools a user
has to hand, rather than with the library that wrote the file.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from journeymaps.cli import main
from journeymaps.render.diagram import stage_diagram
from journeymaps.render.pdf import MARGIN_PT, PAPERS, best_orientation, svg_to_pdf

from needs import need, need_module
from render_maps import REPO, SAMPLE_FILES, case, load_map

Image = need_module("PIL.Image")
need_module("cairosvg", "install the Debian package libcairo2 (`make test` does)")
need(all(shutil.which(t) for t in ("pdfinfo", "pdffonts", "pdftotext", "pdftoppm")),
     "poppler-utils (pdfinfo, pdffonts, pdftotext, pdftoppm) is not installed",
     "install the Debian package poppler-utils (`make test` does)")

ZH = REPO / "maps" / "banking" / "online-banking-zh.yaml"
PL = REPO / "maps" / "fitness" / "fitness-app-pl.yaml"
A3_LANDSCAPE = (1190.55, 841.89)  # 420 x 297 mm in points, as ISO 216 and pdfinfo give it


def _poppler(tool: str, pdf: Path) -> str:
    return subprocess.run([tool, str(pdf)], capture_output=True, text=True, check=True, timeout=60).stdout


def _page_size(pdf: Path) -> tuple[float, float]:
    info = _poppler("pdfinfo", pdf)
    assert re.search(r"^Pages:\s+1$", info, re.M), info
    w, h = re.search(r"^Page size:\s+([0-9.]+) x ([0-9.]+) pts", info, re.M).groups()
    return float(w), float(h)


def _first_page(pdf: Path, tmp_path: Path, dpi: int = 40):
    out = tmp_path / "page"
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(pdf), str(out)],
                   check=True, timeout=60)
    return Image.open(io.BytesIO(out.with_suffix(".png").read_bytes())).convert("L")


def _export(capsys, tmp_path: Path, source: Path, *options: str) -> Path:
    out = tmp_path / "poster.pdf"
    code = main(["export", str(source), "--format", "pdf", "--out", str(out), *options])
    _, err = capsys.readouterr()
    assert code == 0, err
    assert out.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in out.parent.iterdir() if p.name.endswith(".tmp")] == []
    return out


@pytest.mark.parametrize(("source", "words"), [
    (ZH, ["开立并用好一个网上银行账户", "认知"]),
    (PL, ["Jak zacząć i wytrwać z subskrypcją aplikacji fitness", "Świadomość", "Rozważanie"]),
], ids=["zh", "pl"])
def test_the_export_is_an_a3_landscape_poster_with_fonts_embedded_and_the_words_as_text(
        capsys, tmp_path: Path, source: Path, words: list[str]) -> None:
    pdf = _export(capsys, tmp_path, source)
    w, h = _page_size(pdf)
    assert abs(w - A3_LANDSCAPE[0]) <= 1 and abs(h - A3_LANDSCAPE[1]) <= 1, (w, h)
    fonts = _poppler("pdffonts", pdf).splitlines()[2:]
    assert fonts, "the PDF names no fonts: its text was drawn as outlines or is missing"
    assert all(line.split()[-5] == "yes" for line in fonts), f"a font is not embedded:\n{fonts}"
    assert b"/FontFile" in pdf.read_bytes()  # the font programs themselves, not just their names
    text = re.sub(r"\s+", " ", subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                                             text=True, check=True, timeout=60).stdout)
    for word in words:
        assert word in text, f"{word!r} is not in the PDF's text"
    if source == ZH:
        assert any("CJK" in line for line in fonts), "the Chinese text is not set in Noto Sans CJK"
    page = _first_page(pdf, tmp_path)
    assert abs(page.width - A3_LANDSCAPE[0] * 40 / 72) <= 1 and abs(page.height - A3_LANDSCAPE[1] * 40 / 72) <= 1
    inked = sum(page.point(lambda v: 1 if v < 200 else 0).histogram()[1:])  # text, lines, tinted cards
    # A blank page inks nothing; a tall canvas (nine lanes) on landscape paper covers a third of the
    # width at a small scale and inks about 3% of the page, so the bound sits well below that.
    assert inked > 0.02 * page.width * page.height, f"the first page looks blank ({inked} dark pixels)"
    top, bottom = page.point(lambda v: 255 if v < 250 else 0).getbbox()[1::2]
    assert bottom - top > 0.8 * page.height, "the picture does not fill the page's height"


def test_the_picture_fills_the_page_inside_the_margin_and_is_centred(capsys, tmp_path: Path) -> None:
    # Dark, so the canvas stands out from the white paper edge to edge.
    pdf = _export(capsys, tmp_path, PL, "--paper", "A4", "--portrait", "--theme", "dark")
    w, h = _page_size(pdf)
    assert abs(w - 595.28) <= 1 and abs(h - 841.89) <= 1
    dpi = 72  # one pixel per point
    page = _first_page(pdf, tmp_path, dpi)
    left, top, right, bottom = page.point(lambda v: 255 if v < 250 else 0).getbbox()
    gaps = {"left": left, "right": page.width - right, "top": top, "bottom": page.height - bottom}
    assert all(gap >= MARGIN_PT - 2 for gap in gaps.values()), gaps  # nothing drawn in the margin
    # The tall canvas reaches the margin at top and bottom (scaled to fit, not left small) and
    # is centred across.
    assert abs(gaps["top"] - MARGIN_PT) <= 2 and abs(gaps["bottom"] - MARGIN_PT) <= 2, gaps
    assert abs(gaps["left"] - gaps["right"]) <= 3, gaps


@pytest.mark.parametrize("paper", sorted(PAPERS))
@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_each_paper_size_in_each_orientation(tmp_path: Path, vocabulary, paper: str, orientation: str) -> None:
    pdf = tmp_path / "p.pdf"
    pdf.write_bytes(svg_to_pdf(stage_diagram(case("one-stage"), vocabulary), paper=paper, orientation=orientation))
    w, h = _page_size(pdf)
    short, long = sorted((PAPERS[paper].width, PAPERS[paper].height))
    assert (w > h) == (orientation == "landscape")
    assert abs(min(w, h) - short) <= 1 and abs(max(w, h) - long) <= 1


def test_a_tall_stage_diagram_turns_the_site_poster_upright(vocabulary) -> None:
    svg = stage_diagram(load_map(SAMPLE_FILES[0]), vocabulary)
    assert best_orientation(svg) == "portrait"


def test_options_that_do_not_apply_are_refused(capsys, tmp_path: Path) -> None:
    for argv in (["--paper", "A2"], ["--portrait"], ["--format", "png", "--paper", "A4"],
                 ["--format", "pdf", "--scale", "2"]):
        code = main(["export", str(PL), "--out", str(tmp_path / "x"), *argv])
        _, err = capsys.readouterr()
        assert code != 0 and ("apply to" in err or "applies to" in err), (argv, err)
        assert not (tmp_path / "x").exists()


def test_only_our_own_svg_is_drawn_and_nothing_is_fetched(tmp_path: Path) -> None:
    with pytest.raises(ValueError):  # not the shape our renderers write
        svg_to_pdf('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><style></style></svg>')
    picture = tmp_path / "secret.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(PermissionError, match="refused"):
        svg_to_pdf('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="10" height="10"><style></style>'
                   f'<image href="{picture.as_uri()}" width="10" height="10"/></svg>')
