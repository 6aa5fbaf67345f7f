"""What every bench script shares: one table of figures per run, with the machine's load.

A figure without the load beside it cannot be judged on a shared 2-core machine, so the table
opens and closes with the load average (1, 5, 15 minutes) and nothing is printed as a verdict
without the measured value, the goal and the ratio it was judged on.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f} on {os.cpu_count()} cores"


@dataclass
class Row:
    figure: str
    ours: str
    peer: str = ""
    ratio: str = ""
    goal: str = ""
    held: bool | None = None  # None: a figure with no goal of its own


@dataclass
class Table:
    """Figures of one run, printed once at the end as a Markdown table."""

    title: str
    rows: list[Row] = field(default_factory=list)
    started: float = field(default_factory=time.time)

    def __post_init__(self) -> None:
        self.note("load average at start (1/5/15 min)", load_average())

    def note(self, figure: str, value: str) -> None:
        self.rows.append(Row(figure, value))

    def goal(self, figure: str, ours: str, goal: str, held: bool, *, peer: str = "", ratio: str = "") -> None:
        self.rows.append(Row(figure, ours, peer, ratio, goal, held))

    def missing(self, figure: str, why: str) -> None:
        """A goal this run could not measure: said, never left out."""
        self.rows.append(Row(figure, f"not measured: {why}", goal="", held=None))

    def render(self) -> str:
        self.note("load average at end (1/5/15 min)", load_average())
        self.note("run time", f"{time.time() - self.started:.0f} s")
        head = ("figure", "journeymaps", "peer", "ratio", "goal", "held")
        cells = [head] + [(r.figure, r.ours, r.peer, r.ratio, r.goal,
                           "" if r.held is None else ("yes" if r.held else "NO")) for r in self.rows]
        widths = [max(len(c[i]) for c in cells) for i in range(len(head))]
        lines = [f"### {self.title}", ""]
        for i, c in enumerate(cells):
            lines.append("| " + " | ".join(v.ljust(w) for v, w in zip(c, widths)) + " |")
            if i == 0:
                lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
        return "\n".join(lines)


def seconds(s: float) -> str:
    return f"{s:.2f} s" if s < 10 else f"{s:.1f} s"


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b else "-"


def tree_pss_kb(pid: int) -> int:
    """Memory of ``pid`` and every process under it (Linux /proc), in KB: processes that run side
    by side count together, and the pages forked workers share with their parent count once
    (proportional set size: a shared page is split between the processes that map it)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue  # gone meanwhile
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += _pss_kb(p)
        todo += children.get(p, [])
    return total


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass  # gone meanwhile
    return 0


def compile_package() -> None:
    """Bytecode as an installed package has it (pip compiles on install): with
    PYTHONDONTWRITEBYTECODE set, or __pycache__ older than the sources, every process would compile
    the changed modules again (up to 0.5 s each) and the figures would time the compiler."""
    import subprocess
    import sys
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent / "generator" / "journeymaps"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True, capture_output=True)
