"""TEMPORARY stand-ins for generator.render / generator.interchange while they are written."""

from xml.sax.saxutils import escape


def _svg(title: str, w: int, h: int, body: str, id_prefix: str | None) -> str:
    pid = id_prefix or "jm"
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
            f'role="img" aria-labelledby="{pid}-t"><title id="{pid}-t">{escape(title)}</title>{body}</svg>')


def stage_diagram(m, vocab, *, lanes=None, id_prefix=None):
    body = "".join(f'<text x="{10 + 160 * i}" y="30" fill="currentColor">{escape(s.name or s.id)}</text>'
                   for i, s in enumerate(m.stages))
    return _svg(f"Stage diagram: {m.title}", 160 * len(m.stages) + 20, 60, body, id_prefix)


def priority_matrix(m, vocab, *, id_prefix=None):
    return _svg(f"Priority matrix: {m.title}", 300, 300, '<rect width="300" height="300" fill="none" stroke="currentColor"/>', id_prefix)


def emotion_sparkline(m, vocab, *, id_prefix=None):
    return _svg(f"Emotion: {m.title}", 120, 30, '<path d="M0 15 L120 15" stroke="currentColor"/>', id_prefix)


def to_mermaid(m, vocab):
    return "journey\n  title " + m.title.replace("\n", " ") + "\n"


def svg_to_png(svg, *, scale=1.0):
    import cairosvg

    def refuse(url, *a, **k):
        raise ValueError("no external resources")

    return cairosvg.svg2png(bytestring=svg.encode(), scale=scale, unsafe=False)
