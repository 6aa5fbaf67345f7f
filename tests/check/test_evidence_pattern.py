"""A pain point's evidence: the checker and both schemas (as editors run them) agree on every
link (issue 17 follow-up: `HTTPS://` passed the check but not the schema)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from journeymaps.check.runner import check_paths
from journeymaps.load.site_config import load_vocabulary
from journeymaps.schema import SCHEMA_PATH
from journeymaps.schema.site import SITE_SCHEMA_NAME
from needs import need

REPO = Path(__file__).resolve().parents[2]
MAP = REPO / "maps" / "banking" / "online-banking.yaml"

# (evidence, a research link or `hypothesis`?)
TABLE = [
    ("hypothesis", True),
    ("https://research.example.com/interviews/7", True),
    ("http://example.com", True),
    ("HTTPS://EXAMPLE.COM/Report", True),
    ("Https://example.com", True),
    ("https://example.com/a?b=c#d", True),
    ("https://例子.测试/研究", True),
    ("Hypothesis", False),
    ("hypothesis, see interviews", False),
    ("we asked around", False),
    ("ftp://example.com/file", False),
    ("javascript:alert(1)", False),
    ("https://", False),
    ("https:///path", False),
    ("https://.example.com", False),
    ("https://exa mple.com", False),
    ("https://example.com/\u00a0x", False),   # no-break space
    ("https://example.com/\u2003x", False),   # em space
    ("https://example.com/\ufeffx", False),   # ECMAScript's \s has it, Python's has not
    ("https://example.com/\u3000x", False),   # ideographic space
    ("https://example.com\n", False),         # Python's `$` would let this through
    ("see https://example.com", False),
]


def _checker_accepts(evidences: list[str], tmp_path: Path) -> list[bool]:
    """What `journeymaps check` says of each, written into a copy of a sample map."""
    vocab, _ = load_vocabulary(REPO / "site_config")
    text = MAP.read_text(encoding="utf-8")
    assert "evidence: hypothesis" in text
    verdicts = []
    for i, evidence in enumerate(evidences):
        path = tmp_path / "maps" / "banking" / f"case-{i}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.replace("evidence: hypothesis", f"evidence: {json.dumps(evidence)}", 1)
                        .replace("id: online-banking", f"id: case-{i}", 1), encoding="utf-8")
        codes = {f.code for f in check_paths([path], vocab, root=tmp_path).findings}
        verdicts.append("bad-evidence" not in codes)
    return verdicts


def _editor_accepts(schema: Path, evidences: list[str]) -> list[bool]:
    """The schema's pattern as yaml-language-server and VS Code run it: an ECMAScript RegExp with
    the `u` flag (yaml-language-server's ``extendedRegExp``)."""
    node = shutil.which("node")
    need(node is not None, "Node.js is not installed", "install Node.js (Debian: nodejs npm)")
    pattern = json.loads(schema.read_text(encoding="utf-8"))["$defs"]["PainPoint"]["properties"]["evidence"]["pattern"]
    script = ("const [p, xs] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "const r = new RegExp(p, 'u'); process.stdout.write(JSON.stringify(xs.map(x => r.test(x))));")
    done = subprocess.run([node, "-e", script], input=json.dumps([pattern, evidences]), capture_output=True,
                          text=True, timeout=60, check=True)
    return json.loads(done.stdout)


@pytest.mark.parametrize("schema", [SCHEMA_PATH, REPO / "site_config" / SITE_SCHEMA_NAME], ids=["generic", "site"])
def test_schema_and_checker_agree_on_every_link(schema: Path, tmp_path: Path) -> None:
    evidences = [e for e, _ in TABLE]
    expected = [ok for _, ok in TABLE]
    assert _checker_accepts(evidences, tmp_path) == expected
    assert _editor_accepts(schema, evidences) == expected
