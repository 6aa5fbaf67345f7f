"""One variable fixes the review date for every front end: `--today`'s default in the commands
and the language server's checks (issue 17 follow-up)."""

from __future__ import annotations

import datetime as _dt

import pytest

from journeymaps.cli import build_parser
from journeymaps.core.today import TODAY_ENV
from journeymaps.lsp import server


@pytest.mark.parametrize("command", ["check", "build", "new", "import-mermaid"])
def test_commands_and_the_language_server_read_the_same_date(command: str, monkeypatch) -> None:
    monkeypatch.setenv(TODAY_ENV, "2030-01-02")
    args = build_parser(command.replace("-", "_")).parse_args([command, *(["x.md"] if command == "import-mermaid" else [])])
    assert args.today == "2030-01-02"
    assert server._today() == _dt.date(2030, 1, 2)


def test_a_malformed_date_stops_a_command_but_not_the_editor(monkeypatch, capsys) -> None:
    from journeymaps.cli import main

    monkeypatch.setenv(TODAY_ENV, "2030-02-30")
    assert server._today() == _dt.date.today()
    assert main(["check"]) == 2
    assert "2030-02-30" in capsys.readouterr().err
