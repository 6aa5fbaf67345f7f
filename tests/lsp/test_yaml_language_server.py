"""The site schema in the real yaml-language-server (the server behind the VS Code YAML
extension), driven over stdio as an editor drives it (issue 17, acceptance)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from journeymaps.load.site_config import load_vocabulary
from lsp_client import Client, position
from needs import need

REPO = Path(__file__).resolve().parents[2]
SERVER = Path(__file__).resolve().parent / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
MAP = REPO / "maps" / "banking" / "online-banking.yaml"


@pytest.fixture(scope="module")
def yamlls():
    node = shutil.which("node")
    need(node is not None, "Node.js is not installed", "install Node.js (Debian: nodejs npm), then run `make test`")
    need(SERVER.is_file(), "yaml-language-server is not installed in tests/lsp/node_modules")
    client = Client([node, str(SERVER), "--stdio"], REPO)
    client.show = Editor(client)
    yield client
    client.close()


@pytest.fixture(scope="module")
def vocab():
    found, findings = load_vocabulary(REPO / "site_config")
    assert found is not None, findings
    return found


class Editor:
    """One open document, changed for each case (the server re-validates on every change)."""

    def __init__(self, client: Client):
        self.client, self.version = client, 0

    def __call__(self, text: str) -> tuple[str, list[dict]]:
        self.version += 1
        if self.version == 1:
            self.client.open(MAP, text)
        else:
            self.client.change(MAP.as_uri(), text, self.version)
        return MAP.as_uri(), self.client.diagnostics(MAP.as_uri())


def test_the_sample_map_is_clean_under_the_site_schema(yamlls: Client) -> None:
    assert yamlls.show(MAP.read_text(encoding="utf-8"))[1] == []


def test_an_unknown_channel_is_flagged_where_it_is(yamlls: Client, vocab) -> None:
    text = MAP.read_text(encoding="utf-8").replace("channel: social-ads", "channel: pigeon-post", 1)
    _, diagnostics = yamlls.show(text)
    (flagged,) = diagnostics
    assert flagged["range"]["start"] == position(text, "channel: pigeon-post", len("channel: "))
    assert all(c.id in flagged["message"] for c in vocab.channels)  # the allowed values are listed


def test_channel_completes_the_sites_channels_with_their_names(yamlls: Client, vocab) -> None:
    text = MAP.read_text(encoding="utf-8").replace("channel: social-ads", "channel: ", 1)
    uri, _ = yamlls.show(text)
    found = yamlls.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                       "position": position(text, "channel: ")})
    items = found["items"] if isinstance(found, dict) else found
    assert [i["label"] for i in items] == [c.id for c in vocab.channels]
    website = next(i for i in items if i["label"] == "website")
    assert "Website" in str(website.get("documentation"))


def test_ranges_and_the_catalogue_are_stated_in_the_messages(yamlls: Client) -> None:
    text = (MAP.read_text(encoding="utf-8")
            .replace("emotions: {maya: 1, robert: 0}", "emotions: {maya: 7, robert: 0}", 1)
            .replace("impact: 4", 'impact: "high"', 1)
            .replace("  - id: retention", "  - id: retension", 1)
            .replace("evidence: hypothesis", "evidence: we asked around", 1))
    _, diagnostics = yamlls.show(text)
    by_line = {d["range"]["start"]["line"]: d["message"] for d in diagnostics}
    assert len(diagnostics) == 4
    assert "maximum of 2" in by_line[position(text, "{maya: 7")["line"]]
    assert "1 (low) to 5 (high)" in by_line[position(text, 'impact: "high"')["line"]]
    assert "`name`" in by_line[position(text, "id: retension")["line"]]
    assert "hypothesis" in by_line[position(text, "evidence: we asked")["line"]]


def test_new_items_complete_as_skeletons_and_no_key_as_null(yamlls: Client) -> None:
    text = MAP.read_text(encoding="utf-8").replace("  - id: consideration\n", "  - id: consideration\n    \n", 1)
    uri, _ = yamlls.show(text)
    found = yamlls.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                       "position": position(text, "  - id: consideration\n    ")})
    items = found["items"] if isinstance(found, dict) else found
    assert {"name", "notes"} <= {i["label"] for i in items}
    assert not any("null" in (i.get("insertText") or "") for i in items)

    text = MAP.read_text(encoding="utf-8").replace("notes: |", "stages:\n  - \nnotes: |", 1)
    text = text.replace("\nstages:\n  - id: awareness", "\nstagez:\n  - id: awareness", 1)  # one `stages`
    uri, _ = yamlls.show(text)
    found = yamlls.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                       "position": position(text, "stages:\n  - ")})
    items = found["items"] if isinstance(found, dict) else found
    skeleton = next(i for i in items if i["label"] == "New stage")
    assert "emotions:" in skeleton["insertText"] and "touchpoints:" in skeleton["insertText"]


def test_an_impossible_date_is_flagged_and_a_leap_day_is_not(yamlls: Client) -> None:
    original = MAP.read_text(encoding="utf-8")
    reviewed = next(line for line in original.splitlines() if line.startswith("last_reviewed:"))
    text = original.replace(reviewed, 'last_reviewed: "2026-02-30"', 1)
    _, diagnostics = yamlls.show(text)
    (flagged,) = diagnostics
    assert flagged["range"]["start"] == position(text, 'last_reviewed: "2026-02-30"', len("last_reviewed: "))
    assert "calendar" in flagged["message"] and "YYYY-MM-DD" in flagged["message"]
    assert yamlls.show(original.replace(reviewed, "last_reviewed: 2028-02-29", 1))[1] == []
    assert len(yamlls.show(original.replace(reviewed, "last_reviewed: 2100-02-29", 1))[1]) == 1  # not a leap year
