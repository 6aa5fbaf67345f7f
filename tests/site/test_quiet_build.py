"""A normal build is quiet: jieba's "Building prefix dict" lines appear only with -v."""

from __future__ import annotations

import subprocess
import sys

import pytest

# The order of `mkdocs build [-v]`: the CLI sets the log level, loading the config imports
# Material's search plugin (and with it jieba), plugins start, then search segments Han text.
SCRIPT = """
import logging, sys
logging.getLogger("mkdocs").setLevel(logging.DEBUG if sys.argv[1] == "-v" else logging.INFO)
import material.plugins.search.plugin
from journeymaps.engine.mkdocs_plugin import JourneyMapsPlugin
JourneyMapsPlugin().on_startup(command="build", dirty=False)
import jieba
print("|".join(jieba.cut("数字银行开户")))
"""


@pytest.mark.parametrize(("flag", "shown"), [("-q", False), ("-v", True)])
def test_jieba_progress_only_with_verbose(flag: str, shown: bool) -> None:
    proc = subprocess.run([sys.executable, "-c", SCRIPT, flag], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "|" in proc.stdout  # jieba did segment, so it did build its dictionary
    assert ("Building prefix dict" in proc.stderr) is shown, proc.stderr
