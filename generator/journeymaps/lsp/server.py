"""The language server: pygls wiring of the check, completion, hover, definition and quick fixes.

Diagnostics are the checker's findings for the editor's text, judged in its project exactly as
``journeymaps check`` judges the file, recomputed once typing pauses (``DEBOUNCE``).
"""

from __future__ import annotations

import asyncio
import datetime as _dt
import logging
import os
from dataclasses import replace
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from .. import __version__
from ..check.runner import display_path
from ..core.findings import Finding
from ..core.today import parse_today, today_from
from ..load.yaml12 import Loaded
from ..words import REFERENCE
from ..words.reader import UnknownLanguage, Wording, output_language
from .diagnostics import from_utf16, quick_fixes, to_diagnostic, utf16
from .ids import Entry, entries, kind_at
from .spot import spot_at, word_at
from .workspace import Project, parse_leniently, project_of

# A pause in typing this long (seconds) starts a check; a keystroke before then restarts the wait.
DEBOUNCE = 0.2

log = logging.getLogger(__name__)


class JourneyMapsServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("journeymaps", __version__)
        self.projects: dict[Path, Project] = {}
        self.parsed: dict[str, Loaded] = {}  # the last text of each document that parsed
        self.pending: dict[str, asyncio.TimerHandle] = {}
        try:
            lang = output_language(None, os.environ)
        except UnknownLanguage:
            lang = REFERENCE
        self.words = Wording(lang)

    # --- the open text ------------------------------------------------------------------
    def document(self, uri: str) -> tuple[Path | None, str]:
        doc = self.workspace.get_text_document(uri)
        path = to_fs_path(uri)
        return (Path(path) if path else None), doc.source

    def loaded(self, uri: str) -> Loaded | None:
        """The document parsed now, or as it last parsed while it is half typed."""
        path, text = self.document(uri)
        if path is not None:
            now = parse_leniently(path, text)
            if now is not None:
                self.parsed[uri] = now
        return self.parsed.get(uri)

    def project(self, uri: str) -> Project | None:
        path, _ = self.document(uri)
        return project_of(path, self.projects) if path is not None else None

    # --- diagnostics --------------------------------------------------------------------
    def schedule(self, uri: str) -> None:
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.pending[uri] = asyncio.get_running_loop().call_later(DEBOUNCE, self.publish, uri)

    def publish(self, uri: str, *, others: bool = True) -> None:
        """Diagnostics for ``uri``; then for the project's other open files, whose cross-file
        findings (translations, links, duplicate ids) may have changed with it."""
        self.pending.pop(uri, None)
        try:
            diagnostics = self.diagnostics(uri)
        except Exception:  # noqa: BLE001 - a bug of ours must not take the editor's server down
            log.exception("checking %s failed", uri)
            return
        version = self.workspace.get_text_document(uri).version
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics,
                                                                            version=version))
        if others:
            project = self.project(uri)
            for other in list(self.workspace.text_documents):
                if other != uri and other not in self.pending and project is not None and self.project(other) is project:
                    self.publish(other, others=False)

    def open_texts(self) -> dict[Path, str]:
        out = {}
        for uri, doc in self.workspace.text_documents.items():
            path = to_fs_path(uri)
            if path:
                out[Path(path)] = doc.source
        return out

    def diagnostics(self, uri: str) -> list[lsp.Diagnostic]:
        path, text = self.document(uri)
        project = self.project(uri)
        if path is None or project is None or not project.checks(path, text):
            return []
        findings = project.check(path, text, _today(), self.open_texts())
        shown = display_path(path, project.root)
        lines = text.split("\n")
        # Findings of site_config/ itself land on the map's first line, naming their file.
        return [to_diagnostic(f if f.path == shown else _elsewhere(f), lines, self.words) for f in findings]

    # --- ids ----------------------------------------------------------------------------
    def at(self, uri: str, position: lsp.Position, *, whole_word: bool) -> tuple[str | None, list[Entry], str, int]:
        """(kind of id, ids of that kind, word or partial word, its start column) at ``position``."""
        _, text = self.document(uri)
        lines = text.split("\n")
        line = lines[position.line] if position.line < len(lines) else ""
        col = from_utf16(line, position.character)
        word, start = "", col
        if whole_word:
            found = word_at(text, position.line, col)
            if found is None:
                return None, [], "", col
            word, start, col = found
        spot = spot_at(text, position.line, col)
        kind = kind_at(spot)
        if kind is None:
            return None, [], spot.partial, spot.start
        found_entries = entries(kind, self.loaded(uri), self.project(uri))
        if kind == "map" and len(spot.path) == 2 and spot.path[0] == "translations":
            found_entries = [e for e in found_entries if e.detail == spot.path[1]] or found_entries
        return kind, found_entries, word or spot.partial, start if whole_word else spot.start


def _elsewhere(f: Finding) -> Finding:
    return replace(f, line=1, col=1, text=None, message=f"{f.path}:{f.line}:{f.col}: {f.message}")


def _today() -> _dt.date:
    # The date `journeymaps check` defaults to; a malformed one is not worth stopping the editor for.
    try:
        return parse_today(today_from(os.environ))
    except ValueError:
        return _dt.date.today()


def _label(server: JourneyMapsServer, kind: str) -> str:
    return server.words(f"lsp.{kind}")


def create_server() -> JourneyMapsServer:
    server = JourneyMapsServer()

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: JourneyMapsServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: JourneyMapsServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: JourneyMapsServer, params: lsp.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: JourneyMapsServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        waiting = ls.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        ls.parsed.pop(uri, None)
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(lsp.TEXT_DOCUMENT_COMPLETION,
                    lsp.CompletionOptions(trigger_characters=[" ", "[", "{", ",", ":"]))
    def completion(ls: JourneyMapsServer, params: lsp.CompletionParams) -> lsp.CompletionList:
        try:
            kind, found, _, start = ls.at(params.text_document.uri, params.position, whole_word=False)
        except Exception:  # noqa: BLE001 - half-typed text must never cost the editor its server
            log.exception("completion failed")
            return lsp.CompletionList(is_incomplete=False, items=[])
        if kind is None:
            return lsp.CompletionList(is_incomplete=False, items=[])
        _, text = ls.document(params.text_document.uri)
        line = text.split("\n")[params.position.line]
        rng = lsp.Range(lsp.Position(params.position.line, utf16(line, start)), params.position)
        items = [lsp.CompletionItem(label=e.id, kind=lsp.CompletionItemKind.Reference,
                                    detail=f"{_label(ls, kind)}: {e.title}" if e.title else _label(ls, kind),
                                    documentation=e.detail or None, sort_text=f"{i:04d}",
                                    text_edit=lsp.TextEdit(rng, e.id))
                 for i, e in enumerate(found)]
        return lsp.CompletionList(is_incomplete=False, items=items)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: JourneyMapsServer, params: lsp.HoverParams) -> lsp.Hover | None:
        entry = _entry_at(ls, params.text_document.uri, params.position)
        if entry is None:
            return None
        text = f"**{_label(ls, entry.kind)}** `{entry.id}`" + (f": {entry.title}" if entry.title else "")
        if entry.detail:
            text += f"\n\n{entry.detail}"
        return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=text))

    @server.feature(lsp.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: JourneyMapsServer, params: lsp.DefinitionParams) -> lsp.Location | None:
        entry = _entry_at(ls, params.text_document.uri, params.position)
        if entry is None or entry.position is None:
            return None
        uri = params.text_document.uri if entry.path is None else from_fs_path(str(entry.path))
        if entry.path is None:
            lines = ls.document(uri)[1].split("\n")
        else:
            lines = entry.path.read_text(encoding="utf-8").split("\n")
        row, col = entry.position[0] - 1, entry.position[1] - 1
        line = lines[row] if row < len(lines) else ""
        at = lsp.Position(row, utf16(line, col))
        return lsp.Location(uri=uri, range=lsp.Range(at, lsp.Position(row, utf16(line, col + len(entry.id)))))

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]))
    def code_action(ls: JourneyMapsServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        return quick_fixes(params.text_document.uri, list(params.context.diagnostics), ls.words)

    return server


def _entry_at(ls: JourneyMapsServer, uri: str, position: lsp.Position) -> Entry | None:
    try:
        kind, found, word, _ = ls.at(uri, position, whole_word=True)
    except Exception:  # noqa: BLE001 - as in completion
        log.exception("looking up the id failed")
        return None
    return next((e for e in found if e.id == word), None) if kind else None


def serve() -> None:
    """Serve on stdin/stdout until the editor says exit. Quiet: only problems are logged (stderr)."""
    logging.basicConfig(level=logging.WARNING)
    for name in ("pygls", __name__.rsplit(".", 1)[0]):
        logging.getLogger(name).setLevel(logging.WARNING)
    create_server().start_io()
