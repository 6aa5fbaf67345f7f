"""The goals of issue 16 (and the build budgets of issues 11 and 12), measured side by side.

    .venv/bin/python bench/bench_site.py [--sizes 100 1000 [10000]] [--no-zensical] [--no-serve]
                                         [--no-preview] [--before REV|none] [--keep]

For each N it writes N synthetic maps (bench_check.synthetic_map: about 5 KB each, five stages,
two personas, three industries) with a copy of site_config/, then, each command in its own process:

- `journeymaps build` with no picture cache (cold: every PNG and PDF drawn), then again (warm):
  the full build of every language's site, checked first and swapped in whole;
- `journeymaps generate --engine-config gen/mkdocs.yml` and `zensical build` of each language's
  tree and config, one after the other: the same pages in every language.

Peak memory is the largest sum of the proportional set sizes of the command and its processes
(pages forked processes share counted once; sampled every 0.1 s) or the largest single resident
set. At 1,000 maps (or the largest N) it also builds revision
--before (default: before the language sites and the canvas) on the same maps, measures the
gzip size of the scripts and styles a map page adds, `mkdocs serve` after saving one edited map
(its page, the home page, a catalogue) and a one-map pull-request preview. It ends with ONE
table: every figure, each goal with its ratio and whether it held, and the load average at
start and end. The 10,000-map goals need `--sizes 1000 10000`: one build at 10,000 maps, without
Zensical or a cold build (those are compared at 1,000), about 20 minutes more on 2 cores.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import http.client
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

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_check import write_project  # noqa: E402  (the same synthetic maps as the check bench)
from report import Table, compile_package, ratio, seconds, tree_pss_kb  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TODAY = "2026-11-23"


@dataclass
class Run:
    seconds: float
    peak_mb: float
    code: int
    tail: str


def measure(*argvs: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run the commands one after the other under a wrapper process that reports the wall time
    and the peak memory: the largest sum of the proportional set sizes of the command and every
    process under it (pages shared by forked workers counted once), sampled every 0.1 s, or the
    largest single resident set if higher (a short peak between two samples)."""
    wrapper = [sys.executable, __file__, "--measure", json.dumps(argvs)]
    out = subprocess.run(wrapper, cwd=cwd, capture_output=True, text=True, env=env)
    lines = out.stdout.strip().splitlines()
    data = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {"seconds": 0, "peak_kb": 0, "code": -1}
    return Run(data["seconds"], data["peak_kb"] / 1024, data["code"], (out.stderr or "")[-1500:])


def _measure_child(argvs: list[list[str]]) -> int:
    start = time.perf_counter()
    sampled, code = 0, 0
    for argv in argvs:
        with tempfile.TemporaryFile() as err:
            proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err)
            while proc.poll() is None:
                sampled = max(sampled, tree_pss_kb(proc.pid))
                time.sleep(0.1)
            err.seek(0)
            sys.stderr.write(err.read()[-3000:].decode("utf-8", "replace"))
        code = proc.returncode
        if code != 0:
            break
    seconds = time.perf_counter() - start
    peak = max(sampled, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(json.dumps({"seconds": seconds, "peak_kb": peak, "code": code}))
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


def fetch(url: str, attempts: int = 5) -> str | None:
    """The body at ``url``, or None when nothing answers. A body cut short (the server was
    rewriting the file: IncompleteRead) is asked for again rather than taken as an answer."""
    for attempt in range(attempts):
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                return r.read().decode("utf-8")
        except http.client.HTTPException:  # IncompleteRead, RemoteDisconnected, BadStatusLine
            time.sleep(0.1 * (attempt + 1))
        except OSError:
            return None
    return None


def fetch_json(url: str, attempts: int = 10) -> dict:
    """A JSON document that may be caught mid-write: read again until it parses."""
    for attempt in range(attempts):
        body = fetch(url)
        try:
            return json.loads(body or "")
        except ValueError:
            time.sleep(0.2 * (attempt + 1))
    raise SystemExit(f"{url} never served complete JSON in {attempts} attempts")


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


@dataclass
class Serve:
    first_build_s: float
    page_s: float | None  # saved map -> its page serves the edit
    home_s: float | None  # -> the home page's card
    catalogue_s: float | None  # -> the pain-point catalogue
    other_page_nav: bool
    search_has_edit: bool
    search_pages: int
    search_s: float | None = None  # -> the search index has the edit


def serve_latency(root: Path, timeout: float = 1800) -> Serve:
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
        # The summary shows on the map page and on the home page's card, a pain point in the
        # catalogue. Reviewed today: past 12 maps the home page shows the most recently reviewed.
        text = re.sub(r"^summary: ", f"summary: {token} ", text, count=1, flags=re.M)
        text = text.replace(" is unclear", f" is unclear {token}", 1)
        text = re.sub(r"^last_reviewed: .*$", f"last_reviewed: {datetime.date.today().isoformat()}", text,
                      count=1, flags=re.M)
        assert text.count(token) == 2
        saved = time.perf_counter()
        target.write_text(text, encoding="utf-8")
        latency = _until_served(page, token, saved, 120)
        home = _until_served(base, token, saved, 300)
        catalogue = _until_served(f"{base}catalogue/pain-points/", token, saved, 300)
        other = fetch(f"{base}maps/{_map_id(maps[0])}/") or ""
        # The other page still has the whole navigation, with the edited map in it.
        nav_ok = 'class="md-nav md-nav--primary"' in other and "Catalogues" in other
        search_s = None
        while time.perf_counter() - saved < 300:
            index = fetch_json(f"{base}search/search_index.json")
            if any(token in d.get("text", "") for d in index.get("docs", [])):
                search_s = time.perf_counter() - saved
                break
            time.sleep(0.2)
        pages = {d["location"].split("#")[0] for d in index.get("docs", [])}
        search_ok = search_s is not None
        return Serve(first_build, latency, home, catalogue, nav_ok, search_ok, len(pages), search_s)
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


# --- a pull request's preview ----------------------------------------------------------------------

def git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.org",
           "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.org",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def preview_one_map(project: Path, work: Path) -> Run:
    """`python -m journeymaps.preview` of a pull request that edits one map of ``project``, as
    the preview workflow runs it: base tree + the PR's maps, a full `journeymaps build`, the
    semantic diff and the changes page. MkDocs has no incremental build, so the pages are all
    built again; the pictures come from the picture cache of ``project`` (what a CI cache of
    .cache/journeymaps would hold), so only the edited map's pictures are drawn."""
    repo = work / "preview-repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    shutil.copytree(project / "maps", repo / "maps")
    shutil.copytree(project / "site_config", repo / "site_config")
    shutil.copytree(REPO / "theme", repo / "theme")
    cache = (project / ".cache" / "journeymaps" / "png").resolve()
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    plugin = re.search(r"^  - journeymaps:?\n", config, re.M)
    assert plugin, "mkdocs.yml lists no journeymaps plugin"
    config = config[:plugin.start()] + f"  - journeymaps:\n      cache_dir: {cache}\n" + config[plugin.end():]
    (repo / "mkdocs.yml").write_text(config, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    git(repo, "checkout", "-qb", "pr")
    target = sorted((repo / "maps").glob("*/*.yaml"))[0]
    text = target.read_text(encoding="utf-8")
    target.write_text(re.sub(r"^summary: ", "summary: Edited in the pull request. ", text, count=1, flags=re.M),
                      encoding="utf-8")
    git(repo, "commit", "-qam", "one map edited")
    git(repo, "checkout", "-q", "main")
    out = work / "preview-out"
    run = measure([sys.executable, "-m", "journeymaps.preview", "--repo", str(repo), "--base", "main",
                   "--head", "pr", "--out", str(out), "--today", TODAY], cwd=repo)
    require("the pull-request preview", run)
    return run


# --- the build before the canvas and the language sites (issues 11 and 12) -----------------------

BEFORE = "3a02b32"  # main just before the merge of the language sites (65189b0) and the canvas (80bfb92)


def build_before(revision: str, project: Path, work: Path) -> Run:
    """`journeymaps build` of ``revision``'s code, site_config, theme and mkdocs.yml on the same maps:
    its source comes out of git (git archive, no worktree) and is imported ahead of the installed
    package. Its PNG downloads are left out (it would draw them all: its cache is not ours), so
    it does less than the build it is compared with: a conservative comparison."""
    src = work / f"src-{revision}"
    src.mkdir()
    archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", revision,
                              "generator", "theme", "site_config", "mkdocs.yml"], check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(src)], input=archive.stdout, check=True)
    root = work / f"project-{revision}"
    root.mkdir()
    shutil.copytree(project / "maps", root / "maps")
    for path in (root / "maps").rglob("*.yaml"):  # a KPI's target date came after it: its check refuses one
        text = path.read_text(encoding="utf-8")
        text = re.sub(r",\s*target_date: '?[0-9-]+'?", "", text)  # in a flow mapping, as yaml.dump wraps it
        path.write_text(re.sub(r"(?m)^[ \t]*target_date: .*\n", "", text), encoding="utf-8")
    shutil.copytree(src / "site_config", root / "site_config")
    config = (src / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("custom_dir: theme", f"custom_dir: {src / 'theme'}")
    config = config.replace("\n  - journeymaps\n", "\n  - journeymaps:\n      png: false\n")
    config = config.replace("\nstrict: true\n", "\nstrict: false\n")  # its pages link the PNGs left out
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(src / "generator")}
    return measure([sys.executable, "-m", "journeymaps.cli", "build", "--today", TODAY], cwd=root, env=env)


def build_one_language(project: Path, work: Path) -> Run:
    """Today's `journeymaps build` of the same project with only its default language declared:
    one site, the canvas and every page it had before the language sites, so it compares with the
    one-language build of the revision before them like for like. (The full build's wall time over
    the number of languages flatters: the other languages build in forked processes beside it.)
    Built twice, the second timed, so the pictures are cached as in the warm full build."""
    root = work / "one-language"
    shutil.copytree(project, root, ignore=shutil.ignore_patterns("site", "site.*", "gen"))
    path = root / "site_config" / "settings.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    settings = data["settings"]
    settings["languages"] = [settings.get("default_language", "en")]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    jm = tool("journeymaps")
    require("journeymaps build, one language (cold)", measure([jm, "build", "--today", TODAY], cwd=root))
    return measure([jm, "build", "--today", TODAY], cwd=root)


def map_page_assets_kb() -> tuple[float, list[str]]:
    """Gzip-compressed size of the scripts and styles mkdocs.yml adds to every page (the map
    page's canvas among them), as a browser would download them."""
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    names = re.findall(r"^  - (assets/\S+\.(?:css|js))", config, re.M)
    total = sum(len(gzip.compress((REPO / "theme" / n).read_bytes(), 9)) for n in names)
    return total / 1024, names


# --- main ------------------------------------------------------------------------------------------

@dataclass
class Size:
    n: int
    cold: Run | None  # journeymaps build, no picture cache (None: only at the goals' size)
    warm: Run  # journeymaps build again: the full-build figure
    zensical: Run | None  # every language's generated tree, one after the other


def site_languages(root: Path) -> list[str]:
    settings = yaml.safe_load((root / "site_config" / "settings.yaml").read_text(encoding="utf-8"))["settings"]
    return list(settings.get("languages") or [settings.get("default_language", "en")])


def bench_size(root: Path, n: int, zensical: str | None, *, cold_too: bool = True) -> Size:
    """``cold_too`` False (a size the goals do not compare with Zensical, such as 10,000 maps): one
    build only, the warm one's figure; Zensical is skipped by passing None."""
    make_project(root, n)
    jm = tool("journeymaps")
    cold = None
    if cold_too:
        cold = measure([jm, "build", "--today", TODAY], cwd=root)
        require(f"journeymaps build N={n} (cold)", cold)
    warm = measure([jm, "build", "--today", TODAY], cwd=root)
    require(f"journeymaps build N={n}", warm)
    theirs = None
    if zensical:
        gen = measure([jm, "generate", "--out", "gen/docs", "--engine-config", "gen/mkdocs.yml", "--today", TODAY],
                      cwd=root)
        require(f"generate N={n}", gen)
        # The default language first: its --clean empties the site folder the others go into.
        configs = sorted((root / "gen").glob("mkdocs*.yml"), key=lambda p: (p.name != "mkdocs.yml", p.name))
        theirs = measure(*([zensical, "build", "--clean", "-f", str(c.relative_to(root))] for c in configs), cwd=root)
        require(f"zensical build N={n}", theirs)
    langs = len(site_languages(root))
    print(f"N={n:>5}: journeymaps build " + (f"cold {cold.seconds:7.1f} s, " if cold else "") +
          f"warm {warm.seconds:6.1f} s {warm.peak_mb:6.0f} MB "
          f"({langs} languages)" + (f" | zensical {theirs.seconds:6.1f} s {theirs.peak_mb:6.0f} MB" if theirs else ""),
          flush=True)
    return Size(n, cold, warm, theirs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000],
                        help="numbers of maps (default 100 1000; add 10000 for the 10,000-map goals, ~20 min more)")
    parser.add_argument("--no-zensical", action="store_true", help="skip Zensical")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve latency")
    parser.add_argument("--no-preview", action="store_true", help="skip the pull-request preview")
    parser.add_argument("--before", default=BEFORE, metavar="REV",
                        help=f"revision to compare the per-language build with (default {BEFORE}); 'none' skips it")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects")
    args = parser.parse_args(argv)
    compile_package()
    zensical = None if args.no_zensical else shutil.which("zensical", path=f"{BIN}:{os.environ.get('PATH', '')}")
    if not args.no_zensical and zensical is None:
        print("zensical not installed (pip install zensical, or the [bench] extra): skipping it")
    sizes = sorted(set(args.sizes))
    goal_n = 1000 if 1000 in sizes else sizes[-1]  # the goals are stated at 1,000 maps
    table = Table(f"bench_site.py, sizes {', '.join(map(str, sizes))}")
    work = Path(tempfile.mkdtemp(prefix="bench-site-"))
    runs: dict[int, Size] = {}
    try:
        for n in sizes:
            root = work / f"n{n}"
            root.mkdir()
            # No Zensical above the goals' size (at 10,000 maps it alone takes about an hour: those
            # goals compare journeymaps with itself), and the cold build at the goals' size only.
            runs[n] = bench_size(root, n, zensical if n <= goal_n else None, cold_too=n == goal_n)
        for n, r in runs.items():
            if r.cold:
                table.note(f"N={n}: journeymaps build, every language (cold: no picture cache)",
                           f"{seconds(r.cold.seconds)}, {r.cold.peak_mb:.0f} MB")
            per = f"{r.warm.seconds / n * 1000:.0f} ms/map"
            if r.zensical:
                zper = f"{r.zensical.seconds / n * 1000:.0f} ms/map"
                table.goal(f"N={n}: full build, every language, vs Zensical on the generated trees",
                           f"{seconds(r.warm.seconds)} ({per})", ">= 3x" if n == goal_n else "",
                           r.zensical.seconds / r.warm.seconds >= 3, peer=f"{seconds(r.zensical.seconds)} ({zper})",
                           ratio=ratio(r.zensical.seconds, r.warm.seconds))
                table.goal(f"N={n}: peak memory vs Zensical's", f"{r.warm.peak_mb:.0f} MB", "below",
                           r.warm.peak_mb < r.zensical.peak_mb, peer=f"{r.zensical.peak_mb:.0f} MB",
                           ratio=ratio(r.warm.peak_mb, r.zensical.peak_mb))
            else:
                table.note(f"N={n}: full build, every language", f"{seconds(r.warm.seconds)} ({per}), "
                           f"{r.warm.peak_mb:.0f} MB")
            if r.cold:
                table.goal(f"N={n}: cold build / warm build", seconds(r.cold.seconds), "<= 1.3x",
                           r.cold.seconds / r.warm.seconds <= 1.3, peer=f"warm {seconds(r.warm.seconds)}",
                           ratio=ratio(r.cold.seconds, r.warm.seconds))
        if 1000 in runs and 10000 in runs:
            a, b = runs[1000].warm, runs[10000].warm
            table.goal("time per map at 10,000 / at 1,000", f"{b.seconds / 10:.0f} ms/map", "<= 1.3x",
                       b.seconds / 10 / a.seconds <= 1.3, peer=f"{a.seconds:.0f} ms/map", ratio=ratio(b.seconds / 10, a.seconds))
            table.goal("peak memory at 10,000 / at 1,000 (linear: 10x)", f"{b.peak_mb:.0f} MB", "<= 10x",
                       b.peak_mb / a.peak_mb <= 10, peer=f"{a.peak_mb:.0f} MB", ratio=ratio(b.peak_mb, a.peak_mb))
        else:
            table.missing("10,000 maps: time per map and memory growth", "run with --sizes 1000 10000")
        root = work / f"n{goal_n}"
        if args.before != "none":
            print(f"building {args.before} (before the language sites and the canvas) on the same {goal_n} maps",
                  flush=True)
            before = build_before(args.before, root, work)
            if before.code == 0:
                ours = runs[goal_n].warm.seconds
                languages = len(site_languages(root))
                print(f"building today's code with one language on the same {goal_n} maps", flush=True)
                one = build_one_language(root, work)
                require(f"journeymaps build N={goal_n}, one language", one)
                table.goal(f"N={goal_n}: one language, canvas included, vs {args.before} (issues 11 and 12)",
                           f"{seconds(one.seconds)}, {one.peak_mb:.0f} MB", "<= 1.1x",
                           one.seconds / before.seconds <= 1.1, peer=f"{seconds(before.seconds)}, {before.peak_mb:.0f} MB",
                           ratio=ratio(one.seconds, before.seconds))
                table.note(f"N={goal_n}: full build's wall time per language (forked side by side: flatters)",
                           f"{seconds(ours / languages)} ({seconds(ours)} / {languages}), "
                           f"{ratio(ours / languages, before.seconds)} of {args.before}")
                table.note(f"N={goal_n}: full build, every language, vs {args.before} (one language)",
                           f"{seconds(ours)}, {ratio(ours, before.seconds)}")
            else:
                table.missing(f"build of {args.before}", f"it failed (exit {before.code}): {before.tail[-200:]!r}")
        kb, names = map_page_assets_kb()
        table.goal("scripts and styles a map page adds, gzip (issue 11)", f"{kb:.1f} KB", "< 40 KB", kb < 40,
                   peer=f"{len(names)} files")
        if not args.no_serve:
            print(f"mkdocs serve with {goal_n} maps, one map edited and saved", flush=True)
            s = serve_latency(root)
            table.note(f"mkdocs serve, {goal_n} maps: first build", seconds(s.first_build_s))
            fmt = lambda v: "never" if v is None else seconds(v)  # noqa: E731
            table.goal("serve: saved map -> its page", fmt(s.page_s), "< 1 s", s.page_s is not None and s.page_s < 1)
            table.goal("serve: saved map -> home page", fmt(s.home_s), "< 3 s", s.home_s is not None and s.home_s < 3)
            table.goal("serve: saved map -> pain-point catalogue", fmt(s.catalogue_s), "< 3 s",
                       s.catalogue_s is not None and s.catalogue_s < 3)
            table.goal("serve: another page keeps the whole navigation", str(s.other_page_nav), "true", s.other_page_nav)
            table.goal("serve: search index has the edit, every page",
                       f"{s.search_has_edit} after {fmt(s.search_s)}, {s.search_pages} pages", "true", s.search_has_edit)
        if not args.no_preview:
            print(f"pull-request preview of a one-map change at {goal_n} maps", flush=True)
            p = preview_one_map(root, work)
            table.note(f"N={goal_n}: one-map pull-request preview (full page build, cached pictures)",
                       f"{seconds(p.seconds)}, {p.peak_mb:.0f} MB")
    finally:
        if args.keep:
            print(f"projects kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
        print()
        print(table.render())
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--measure":
        sys.exit(_measure_child(json.loads(sys.argv[2])))
    sys.exit(main())
