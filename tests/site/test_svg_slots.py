"""Inline pictures travel as values of the generated page (``VirtualFile.svgs``), with a slot in
the Markdown: the engine puts them back by value and never pattern-matches page HTML."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sitebuild import TODAY

from journeymaps.pages import build_site, languages
from journeymaps.pages.model import svg_slot


def test_a_map_page_carries_its_diagram_as_a_value(project) -> None:
    site = build_site(project, png=False)
    by_path = {f.path: f for f in site.files}
    entry = project.maps[0]
    diagram = by_path[f"maps/{entry.map.id}/index.md"]
    # The stage diagram, then a trend sparkline per KPI with a series (one line each: they sit in table cells).
    kpis = [k for s in entry.map.stages for k in s.kpis if len(k.observations) >= 2]
    picture = diagram.svgs[0].decode("utf-8")  # held as UTF-8: see test_figure_shared
    assert kpis and len(diagram.svgs) == 1 + len(kpis) and picture.startswith("<svg")
    assert all(f'class="jm jm-kpi-spark"' in svg and "\n" not in svg for svg in diagram.svgs[1:])
    assert "<svg" not in diagram.content and svg_slot(0) in diagram.content
    # Written as a docs tree (`journeymaps generate`), the picture is in its figure again.
    # (The diagram is the .svg download's own text, its last line break included.)
    assert picture.endswith("</svg>\n")
    assert f'tabindex="0">\n{picture}</div>' in diagram.data().decode("utf-8")
    home = by_path["index.md"]
    shown, _ = languages.listed("en", project.maps, project.vocabulary.settings.languages)
    # A sparkline per map card (one per translation group), then the cards and the heat map, set
    # aside whole (raw HTML that Markdown would only copy and search skips), sparklines filled in.
    # The heat map's table and the KPI progress follow, set aside likewise (a row per map and stage).
    sparks, (cards, heat, table, kpis) = home.svgs[:len(shown)], home.svgs[len(shown):]
    assert table.startswith('<details class="jm-heat-details">') and "<table>" in table
    assert kpis.startswith('<div class="jm-catalogue jm-portfolio-kpis"') and "<table>" in kpis
    assert "jm-heat-table" not in home.content and "jm-portfolio-kpis" not in home.content
    assert all(svg.startswith("<svg") for svg in sparks)
    assert cards.startswith('<ul class="jm-cards"') and all(f'<span class="jm-spark">{svg}</span>' in cards
                                                          for svg in sparks)
    assert heat.startswith('<div class="jm-heat"') and heat.count('class="jm-heat-map"') == len(shown)
    assert "jm-cards" not in home.content and "jm-heat-grid" not in home.content
    assert home.content.count(svg_slot(len(shown))) == home.content.count(svg_slot(len(shown) + 1)) == 1
    data = home.data().decode("utf-8")
    assert cards in data and heat in data and "<!--jm-svg:" not in data


def test_a_slot_typed_by_an_author_stays_text(project_copy, tmp_path: Path) -> None:
    """Only the page builder places slots: one written into a map's notes is shown as typed."""
    root = project_copy()
    path = root / "maps" / "banking" / "online-banking.yaml"
    text = path.read_text(encoding="utf-8")
    typed = svg_slot(0)
    text = text.replace("notes: |\n", f"notes: |\n  Inline `{typed}` and a block:\n\n  ```\n  {typed}\n  ```\n\n", 1)
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "site"
    cmd = [sys.executable, "-m", "journeymaps", "build", "--config-file", str(root / "mkdocs.yml"),
           "--out", str(out), "--today", TODAY]
    result = subprocess.run(cmd, cwd=root, capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (out / "maps" / "online-banking" / "index.html").read_text(encoding="utf-8")
    assert html.count("&lt;!--jm-svg:0--&gt;") == 2
    assert html.count('id="jm-online-banking-stages"') == 1  # the diagram once, in its figure
