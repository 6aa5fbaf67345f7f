"""Time the site build beside Zensical building the same pages, and `mkdocs serve` after one edit.

    .venv/bin/python bench/bench_site.py [--sizes 10 100 1000] [--no-zensical] [--no-serve]

For each N it writes N synthetic maps (bench_check.synthetic_map: about 5 KB each, five stages,
two personas) with a copy of site_config/, then, each command in its own process:

- `journeymaps generate --out gen/docs --engine-config gen/mkdocs.yml` (renders the PNGs into the
  cache: the "cold PNG" figure), so both engines then work on the same, already drawn pages;
- `journeymaps build` (checks the maps, MkDocs + Material through the journeymaps plugin, swaps
  the site in);
- `zensical build --clean -f gen/mkdocs.yml`: the same pages from the plain docs tree.

It prints wall time, time per map, peak memory (the largest resident set of the command or any
process it waited for: resource.getrusage(RUSAGE_CHILDREN) of a wrapper process) and the ratio.
Goals (issue 5): at N=1000 ours at least 1.5x faster than Zensical; time per map at 1000 within
1.3x of time per map at 100. Then, with --serve (default), `mkdocs serve` on the largest N: the
time from saving one edited map to its rebuilt page being served, and that another page's
navigation and the search index still cover every page.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_check import write_project  # noqa: E402  (the same synthetic maps as the check bench)

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TODAY = "2026-11-23"


@dataclass
class Run:
    seconds: float
    peak_mb: float
    code: int
    tail: str


def measure(argv: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run ``argv`` under a wrapper process that reports its children's peak memory."""
    wrapper = [sys.executable, __file__, "--measure", "--", *argv]
    out = subprocess.run(wrapper, cwd=cwd, capture_output=True, text=True, env=env)
    lines = out.stdout.strip().splitlines()
    data = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {"seconds": 0, "peak_kb": 0, "code": -1}
    return Run(data["seconds"], data["peak_kb"] / 1024, data["code"], (out.stderr or "")[-600:])


def _measure_child(argv: list[str]) -> int:
    start = time.perf_counter()
    proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    sys.stderr.write(proc.stderr[-2000:])
    print(json.dumps({"seconds": seconds, "peak_kb": peak, "code": proc.returncode}))
    return 0


def tool(name: str) -> str:
    found = BIN / name
    return str(found) if found.exists() else (shutil.which(name) or name)


def make_project(root: Path, n: int) -> None:
    write_project(root, n)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace("custom_dir: theme", f"custom_dir: {REPO / 'theme'}"),
                                     encoding="utf-8")


def require(label: str, run: Run) -> None:
    if run.code != 0:
        raise SystemExit(f"{label} failed (exit {run.code}):\n{run.tail}")


# --- mkdocs serve ----------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8")
    except OSError:
        return None


def _until_served(url: str, token: str, since: float, limit: float) -> float | None:
    """Seconds from ``since`` until ``url`` serves a page containing ``token`` (None: never)."""
    while time.perf_counter() - since < limit:
        html = fetch(url)
        if html and token in html:
            return time.perf_counter() - since
        time.sleep(0.05)
    return None


def _map_id(path: Path) -> str:
    return re.search(r"^id: (\S+)", path.read_text(encoding="utf-8"), re.M).group(1)


def serve_latency(root: Path, timeout: float = 900) -> dict[str, object]:
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = open(root / "serve.log", "w")
    proc = subprocess.Popen([tool("mkdocs"), "serve", "-a", f"127.0.0.1:{port}"],
                            cwd=root, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        start = time.perf_counter()
        maps = sorted((root / "maps").glob("*/*.yaml"))
        target = maps[len(maps) // 2]
        map_id = _map_id(target)
        page = f"{base}maps/{map_id}/"
        while fetch(page) is None:
            if proc.poll() is not None or time.perf_counter() - start > timeout:
                raise SystemExit(f"mkdocs serve did not come up; see {root / 'serve.log'}")
            time.sleep(0.5)
        first_build = time.perf_counter() - start
        time.sleep(2)  # let the watcher settle after the first build
        token = f"Edited{int(time.time())}"
        text = target.read_text(encoding="utf-8")
        text = re.sub(r"^summary: ", f"summary: {token} ", text, count=1, flags=re.M)
        assert token in text
        saved = time.perf_counter()
        target.write_text(text, encoding="utf-8")
        latency = _until_served(page, token, saved, 120)
        # The pages that gather every map (home cards, catalogues) follow the edited page.
        across = _until_served(base, token, saved, 300)
        other_id = _map_id(maps[0])
        other = fetch(f"{base}maps/{other_id}/") or ""
        # The other page still has the whole navigation, with the edited map in it.
        nav_ok = 'class="md-nav md-nav--primary"' in other and "Catalogues" in other
        time.sleep(1)
        index = json.loads(fetch(f"{base}search/search_index.json") or "{}")
        pages = {d["location"].split("#")[0] for d in index.get("docs", [])}
        search_ok = any(token in d.get("text", "") for d in index.get("docs", []))
        return {"first_build_s": first_build, "edit_to_page_s": latency, "edit_to_home_page_s": across,
                "other_page_nav": nav_ok,
                "search_has_edit": search_ok, "search_pages": len(pages)}
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


# --- main ------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--no-zensical", action="store_true", help="skip Zensical")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve latency")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects")
    args = parser.parse_args(argv)
    zensical = None if args.no_zensical else shutil.which("zensical", path=f"{BIN}:{os.environ.get('PATH', '')}")
    if not args.no_zensical and zensical is None:
        print("zensical not installed (pip install zensical, or the [bench] extra): skipping it")
    work = Path(tempfile.mkdtemp(prefix="bench-site-"))
    rows = []
    try:
        for n in args.sizes:
            root = work / f"n{n}"
            root.mkdir()
            make_project(root, n)
            gen = measure([tool("journeymaps"), "generate", "--out", "gen/docs", "--engine-config", "gen/mkdocs.yml",
                           "--today", TODAY], root)
            require(f"generate N={n}", gen)
            ours = measure([tool("journeymaps"), "build", "--today", TODAY], root)
            require(f"journeymaps build N={n}", ours)
            theirs = None
            if zensical:
                theirs = measure([zensical, "build", "--clean", "-f", "gen/mkdocs.yml"], root)
                require(f"zensical build N={n}", theirs)
            rows.append((n, gen, ours, theirs))
            print(f"N={n:>5}: generate (cold PNG) {gen.seconds:7.1f} s | journeymaps build {ours.seconds:6.1f} s "
                  f"{ours.peak_mb:6.0f} MB" + (f" | zensical {theirs.seconds:6.1f} s {theirs.peak_mb:6.0f} MB"
                                               if theirs else ""), flush=True)
        print()
        print("|     N | journeymaps build | per map | peak MB | Zensical | per map | peak MB | Zensical / ours |")
        print("|------:|------------------:|--------:|--------:|---------:|--------:|--------:|----------------:|")
        for n, _, ours, theirs in rows:
            z = (f"{theirs.seconds:7.1f} s | {theirs.seconds / n * 1000:5.0f} ms | {theirs.peak_mb:7.0f} | "
                 f"{theirs.seconds / ours.seconds:14.2f}x") if theirs else "      – |       – |       – |               –"
            print(f"| {n:5d} | {ours.seconds:15.1f} s | {ours.seconds / n * 1000:5.0f} ms | {ours.peak_mb:7.0f} | {z} |")
        per = {n: ours.seconds / n for n, _, ours, _ in rows}
        if 100 in per and 1000 in per:
            print(f"\ntime per map at 1000 / at 100: {per[1000] / per[100]:.2f} (goal <= 1.3)")
        big = [r for r in rows if r[0] == max(args.sizes)][0]
        if big[3]:
            print(f"N={big[0]}: Zensical / journeymaps = {big[3].seconds / big[2].seconds:.2f}x (goal >= 1.5)")
        if not args.no_serve:
            print(f"\nmkdocs serve with {big[0]} maps, one map edited and saved:")
            result = serve_latency(work / f"n{big[0]}")
            for key, value in result.items():
                print(f"  {key}: {value:.2f}" if isinstance(value, float) else f"  {key}: {value}")
            print("  goal: edit_to_page_s < 2, other_page_nav and search_has_edit true")
    finally:
        if args.keep:
            print(f"projects kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--measure" and sys.argv[2] == "--":
        sys.exit(_measure_child(sys.argv[3:]))
    sys.exit(main())
