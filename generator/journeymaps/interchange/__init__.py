"""Interchange with other journey formats: Mermaid `journey` diagrams, both ways.

``mermaid_export.to_mermaid`` writes a map as a Mermaid diagram (a view that renders where only
Mermaid does, e.g. GitHub comments); ``mermaid_import`` turns Mermaid journey blocks back into
valid map files. The ``journeymaps:`` comments the exporter writes let the importer restore
per-persona scores and the original scale exactly; without them the import still works from the
diagram alone.
"""
