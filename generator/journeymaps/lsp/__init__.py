"""`journeymaps lsp`: the checker in the author's editor, as a Language Server Protocol server.

``spot`` reads where the cursor is in half-typed YAML, ``ids`` knows what each kind of id
refers to, ``workspace`` checks an open text in its project, ``diagnostics`` turns findings
into the editor's diagnostics and quick fixes, and ``server`` wires them to pygls.
"""
