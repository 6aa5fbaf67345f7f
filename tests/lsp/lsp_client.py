"""A language-server client as an editor is one: JSON-RPC with Content-Length framing over a
child process's stdin/stdout. Used for `journeymaps lsp` and for yaml-language-server alike."""

from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from pathlib import Path
from typing import Any


class Client:
    def __init__(self, cmd: list[str], root: Path, env: dict[str, str] | None = None,
                 settings: dict[str, Any] | None = None):
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     cwd=root, env=env)
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.notifications: list[dict[str, Any]] = []
        self.next_id = 0
        self.settings = settings or {}
        threading.Thread(target=self._read, daemon=True).start()
        self.stderr = b""
        threading.Thread(target=self._drain_stderr, daemon=True).start()
        self.request("initialize", {
            "processId": None, "rootUri": root.as_uri(), "workspaceFolders": [{"uri": root.as_uri(), "name": "w"}],
            "capabilities": {
                "textDocument": {"completion": {"completionItem": {"snippetSupport": True}},
                                 "hover": {"contentFormat": ["markdown", "plaintext"]},
                                 "publishDiagnostics": {}, "codeAction": {}},
                "workspace": {"configuration": True, "didChangeConfiguration": {"dynamicRegistration": True}}}})
        self.notify("initialized", {})

    # --- wire ---------------------------------------------------------------------------
    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            self.messages.put(json.loads(out.read(int(headers["content-length"]))))

    def _drain_stderr(self) -> None:
        assert self.proc.stderr is not None
        for chunk in iter(lambda: self.proc.stderr.read(4096), b""):
            self.stderr += chunk

    def _answer_server_request(self, msg: dict[str, Any]) -> None:
        # yaml-language-server asks for its settings and registers capabilities.
        if msg["method"] == "workspace/configuration":
            result = [self.settings.get(item.get("section", ""), None) for item in msg["params"]["items"]]
        else:
            result = None
        self._send({"id": msg["id"], "result": result})

    def _pump(self, until, timeout: float) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no answer in {timeout}s; server stderr: {self.stderr.decode(errors='replace')[-2000:]}")
            try:
                msg = self.messages.get(timeout=left)
            except queue.Empty:
                continue
            if "method" in msg and "id" in msg:
                self._answer_server_request(msg)
                continue
            if "method" in msg:
                self.notifications.append(msg)
            found = until(msg)
            if found is not None:
                return found

    # --- what an editor does ------------------------------------------------------------
    def request(self, method: str, params: Any, timeout: float = 30) -> Any:
        self.next_id += 1
        rid = self.next_id
        self._send({"id": rid, "method": method, "params": params})
        reply = self._pump(lambda m: m if m.get("id") == rid and "method" not in m else None, timeout)
        assert "error" not in reply, reply["error"]
        return reply["result"]

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def open(self, path: Path, text: str, language: str = "yaml") -> str:
        uri = path.resolve().as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}})
        return uri

    def change(self, uri: str, text: str, version: int) -> None:
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": [{"text": text}]})

    def diagnostics(self, uri: str, version: int | None = None, timeout: float = 30) -> list[dict[str, Any]]:
        """The next diagnostics published for ``uri`` (for its ``version`` when given: earlier
        ones may be on their way after a later change)."""
        def wanted(m: dict[str, Any]) -> list[dict[str, Any]] | None:
            if m.get("method") != "textDocument/publishDiagnostics" or m["params"]["uri"] != uri:
                return None
            if version is not None and m["params"].get("version") != version:
                return None
            return m["params"]["diagnostics"]
        return self._pump(wanted, timeout)

    def close(self) -> None:
        try:
            self.request("shutdown", None, timeout=10)
            self.notify("exit", None)
            self.proc.wait(timeout=10)
        except Exception:  # noqa: BLE001 - whatever state it is in, do not leave it running
            self.proc.kill()
            self.proc.wait()


def position(text: str, needle: str, offset: int | None = None) -> dict[str, int]:
    """The LSP position of ``needle`` in ``text`` (plus ``offset`` characters; default: its end).
    Test texts are kept to the Basic Multilingual Plane, where UTF-16 units are characters."""
    at = text.index(needle) + (len(needle) if offset is None else offset)
    line = text.count("\n", 0, at)
    return {"line": line, "character": at - (text.rfind("\n", 0, at) + 1)}
