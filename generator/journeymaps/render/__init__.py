"""Pictures of a journey map: the stage diagram, the priority matrix, the emotion sparkline, PNG.

Each picture is built in two steps: a layout function turns the map into a ``Scene`` (boxes,
lines and wrapped text with their positions, see ``scene.py``), and ``svg.py`` writes the
scene as a standalone ``<svg>`` element. Tests check geometry on the scene, not on strings.

Public entry points (keep their signatures; page builders call them):

- ``diagram.stage_diagram(m, vocab, *, lanes=None, id_prefix=None) -> str``
- ``matrix.priority_matrix(m, vocab, *, id_prefix=None) -> str``
- ``sparkline.emotion_sparkline(m, vocab, *, id_prefix=None) -> str``
- ``png.svg_to_png(svg, *, scale=1.0) -> bytes``
"""
