"""Run a build step in a forked child process and hear back whether it failed, and why.

`journeymaps build` makes one MkDocs site per language, each as long as the others. On a
machine of two or more cores the other languages' sites are built in forked children while
the default language builds in the parent: a fork starts from the project already loaded and
checked, and nothing has to be pickled. Only where `os.fork` exists (POSIX); elsewhere, and
under `mkdocs serve` (which keeps each language's state in its own process), the languages are
built one after the other, as before.
"""

from __future__ import annotations

import gc
import logging
import os
import signal
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass


def available() -> bool:
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1


@dataclass
class Child:
    pid: int
    reader: int  # the pipe the child writes its failure into (nothing: it succeeded)
    label: str

    def wait(self) -> str | None:
        """None when the child succeeded, else what went wrong in it."""
        chunks = []
        with os.fdopen(self.reader, "rb") as pipe:
            while chunk := pipe.read(65536):
                chunks.append(chunk)
        _, status = os.waitpid(self.pid, 0)
        message = b"".join(chunks).decode("utf-8", "replace").strip()
        code = os.waitstatus_to_exitcode(status)
        if code == 0 and not message:
            return None
        return message or f"{self.label} stopped (exit status {code})"

    def stop(self) -> None:
        """End the child (the parent's own build failed: its work is no longer wanted)."""
        try:
            os.kill(self.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            os.close(self.reader)
        except OSError:
            pass
        os.waitpid(self.pid, 0)


def thaw() -> None:
    """The parent's objects from before its forks are collected again (call once every child
    started with `start` has been waited for or stopped)."""
    gc.unfreeze()


def _die_with_parent(parent: int) -> None:
    """A parent killed outright (kill -9) leaves no child writing into a folder the next build
    sweeps away (Linux: prctl PR_SET_PDEATHSIG; elsewhere the child finishes on its own)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)


def start(work: Callable[[], None], label: str) -> Child:
    """Run ``work()`` in a forked child; its exception, if any, is what `Child.wait` returns."""
    reader, writer = os.pipe()
    for stream in (sys.stdout, sys.stderr):
        stream.flush()  # or both processes would write what was buffered before the fork
    parent = os.getpid()
    # What both processes hold from before the fork stays shared only while neither writes to it,
    # and the cycle collector writes into every object it visits: both leave those objects alone
    # (issue 16: memory). The parent's are collected again once its children are done (`thaw`).
    gc.freeze()
    pid = os.fork()
    if pid:
        os.close(writer)
        return Child(pid, reader, label)
    os.close(reader)
    _die_with_parent(parent)
    code = 0
    try:
        work()
    except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent, which reports it
        code = 1
        message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        if not isinstance(exc, Exception) or os.environ.get("JOURNEYMAPS_DEBUG"):
            message += "\n" + traceback.format_exc()
        os.write(writer, f"{label}: {message}".encode("utf-8", "replace"))
    finally:
        logging.shutdown()
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(code)  # no atexit handlers: they are the parent's (temporary folders, pools)
