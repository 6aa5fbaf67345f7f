"""One rule for a test that needs something outside Python's standard library to be installed.

On a developer machine a missing tool skips the test and says how to install it. Under CI
(`CI` set to true, as GitHub Actions and the project's CI do) nothing the suite needs may be
missing: the test fails with the same message, so a green run always means the tests ran.
Every skip in tests/ goes through here (tests/test_no_silent_skips.py checks that).
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

import pytest


def under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def need(condition: bool, missing: str, install: str = "run `make test`, which installs it") -> None:
    """Go on if ``condition``; else skip (fail under CI) with what is missing and how to install it."""
    if condition:
        return
    if under_ci():
        pytest.fail(f"{missing} (CI=true: a test may not be skipped for it; {install})", pytrace=False)
    pytest.skip(f"{missing}; {install}", allow_module_level=True)  # also at a module's top level


def need_module(name: str, install: str = "run `make test`, which installs it") -> ModuleType:
    """``importlib.import_module(name)``, or `need` fails/skips naming the module."""
    try:
        return importlib.import_module(name)
    except (ImportError, OSError) as exc:  # OSError: a wheel whose native library is missing (Cairo)
        need(False, f"`{name}` cannot be imported ({exc})", install)
        raise  # unreachable: need() skipped or failed
