"""Time `journeymaps check` beside `check-jsonschema` on the same synthetic maps, in one run.

    .venv/bin/python bench/bench_check.py [--n 1000] [--repeat 3] [--profile]

Writes N valid maps of about 5 KB (five stages, two personas, touchpoints, pain points,
opportunities, KPIs, objectives) under a temporary maps/<industry>/, then runs both tools as a
user would: one process each, from the shell's point of view. `journeymaps check` uses its
default workers (one per core); check-jsonschema validates the same files against our published
schema. Then `journeymaps check <one file>` (the pre-commit and editor case) and how fast it
refuses the three hostile files of issue 2 (billion laughs, deep nesting, a 50 MB file). Ends
with one table: each figure, the goals of issues 2 and 16 with their ratios, the load average.
`--profile` adds a cProfile of the check in one process.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import Table, compile_package, ratio, seconds  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SCHEMA = REPO / "generator" / "journeymaps" / "schema" / "journeymap.schema.json"
BIN = Path(sys.executable).parent
TODAY = "2026-11-23"  # fixed, so the review-age rule gives the same findings every run
INDUSTRIES = ("banking", "fashion", "fitness")
STAGES = ("awareness", "consideration", "purchase", "retention", "advocacy")
FRONT_CHANNELS = ("search-ads", "social-ads", "website", "mobile-app", "web-app", "email", "push",
                  "live-chat", "call-centre", "chatbot", "reviews", "community")
BACK_CHANNELS = ("crm", "back-office", "analytics", "payments", "delivery")
WORDS = ("account", "offer", "price", "delivery", "support", "trial", "plan", "card", "order", "return",
         "review", "signup", "checkout", "reminder", "renewal", "referral", "fees", "identity", "size",
         "coach", "workout", "statement", "transfer", "basket", "voucher", "onboarding", "profile")
VERBS = ("compares", "opens", "reads", "asks about", "checks", "skips", "finishes", "shares", "saves",
         "cancels", "retries", "confirms")


# --- synthetic maps -------------------------------------------------------------------------------

def _phrase(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def synthetic_map(i: int) -> tuple[str, str]:
    """(industry, YAML text) of map number ``i``: valid, warning-free, deterministic, about 5 KB."""
    rng = random.Random(i)
    industry = INDUSTRIES[i % len(INDUSTRIES)]
    personas = [{"id": f"persona-{p}", "name": f"Persona {p}, the {_phrase(rng, 2)} customer",
                 "description": f"Wants a {_phrase(rng, 3)} that just works.",
                 "goals": [f"Get the {_phrase(rng, 2)} done quickly"],
                 "frustrations": [f"Unclear {_phrase(rng, 2)}"]} for p in (1, 2)]
    stages, kpi_ids = [], []
    for s, stage_id in enumerate(STAGES):
        pains = [{"id": f"{stage_id}-pain-{k}", "text": f"The {_phrase(rng, 2)} is unclear",
                  "severity": rng.choice(("low", "medium", "high", "critical")),
                  "evidence": rng.choice(("hypothesis", f"https://research.example/{stage_id}/{k}"))}
                 for k in range(1, 3 if s == 0 else 2)]
        kpi = {"id": f"{stage_id}-rate", "name": f"{stage_id.capitalize()} {_phrase(rng, 1)} rate", "unit": "%",
               "baseline": round(rng.uniform(5, 50), 1), "target": round(rng.uniform(50, 90), 1),
               "current": round(rng.uniform(5, 60), 1), "target_date": "2027-06-30"}
        kpi_ids.append(kpi["id"])
        stage = {
            "id": stage_id,
            "goal": f"Find a {_phrase(rng, 1)} that fits",
            "actions": [f"{rng.choice(VERBS).capitalize()} the {_phrase(rng, 2)}" for _ in range(2)],
            "thoughts": [f"Is the {_phrase(rng, 1)} worth it?"],
            "emotions": {p["id"]: rng.randint(-2, 2) for p in personas},
            "touchpoints": [{"name": f"{_phrase(rng, 2).capitalize()} page", "channel": rng.choice(FRONT_CHANNELS)},
                            {"name": f"{_phrase(rng, 1).capitalize()} message", "channel": rng.choice(FRONT_CHANNELS)},
                            {"name": f"{_phrase(rng, 1).capitalize()} process", "channel": rng.choice(BACK_CHANNELS),
                             "layer": "backstage", "owner": "Operations"}],
            "pain_points": pains,
            "opportunities": [{"id": f"{stage_id}-fix-{k}", "text": f"Simplify the {_phrase(rng, 2)}",
                               "addresses": [p["id"]], "impact": rng.randint(1, 5), "effort": rng.randint(1, 5),
                               "status": rng.choice(("idea", "planned", "piloting"))}
                              for k, p in enumerate(pains, 1)],
            "kpis": [kpi],
            "tactics": [f"Test a shorter {_phrase(rng, 2)}"],
        }
        if s % 2 == 0:
            stage["moments_of_truth"] = [f"The first {_phrase(rng, 1)} arrives"]
        stages.append(stage)
    doc = {
        "id": f"{industry}-journey-{i:05d}",
        "title": f"Journey {i}: {_phrase(rng, 3)}",
        "industry": industry,
        "lang": "en",
        "summary": f"How customers move from first {_phrase(rng, 1)} to loyal {_phrase(rng, 1)} users.",
        "status": rng.choice(("as-is", "to-be")),
        "owner": f"Team {rng.randint(1, 40)}",
        "last_reviewed": "2026-10-15",
        "tags": sorted({rng.choice(WORDS) for _ in range(3)}),
        "objectives": [{"id": "conversion", "kind": "conversion", "text": "Convert more visitors",
                        "kpis": kpi_ids[:3]},
                       {"id": "loyalty", "kind": "loyalty", "text": "Keep customers longer", "kpis": kpi_ids[3:]}],
        "personas": personas,
        "stages": stages,
    }
    modeline = "# yaml-language-server: $schema=../../generator/journeymaps/schema/journeymap.schema.json\n"
    return industry, modeline + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100, default_flow_style=None)


def write_project(root: Path, n: int) -> list[Path]:
    shutil.copytree(REPO / "site_config", root / "site_config")
    files = []
    for i in range(n):
        industry, text = synthetic_map(i)
        path = root / "maps" / industry / f"journey-{i:05d}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


# --- hostile files (issue 2) ----------------------------------------------------------------------

def billion_laughs() -> bytes:
    names = "abcdefghi"
    lines = ['a: &a [' + ",".join(['"lol"'] * 9) + "]"]
    lines += [f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]" for prev, cur in zip(names, names[1:])]
    return ("\n".join(lines) + "\n").encode()


def write_hostile(root: Path) -> dict[str, Path]:
    folder = root / "maps" / "banking"
    folder.mkdir(parents=True, exist_ok=True)
    files = {"billion laughs": folder / "billion-laughs.yaml",
             "100,000-deep nesting": folder / "deep.yaml",
             "50 MB file": folder / "huge.yaml"}
    files["billion laughs"].write_bytes(billion_laughs())
    files["100,000-deep nesting"].write_bytes(b"[" * 100_000 + b"]" * 100_000 + b"\n")
    line = b"- " + b"x" * 97 + b"\n"  # real bytes, not a sparse file: the size check must not read them
    with files["50 MB file"].open("wb") as f:
        f.write(line * (50 * 1024 * 1024 // len(line)))
    return files


# --- timing ---------------------------------------------------------------------------------------

@dataclass
class Timing:
    seconds: list[float]
    returncode: int
    output: str

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def timed(argv: list[str], cwd: Path, repeat: int) -> Timing:
    seconds, done = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, stdin=subprocess.DEVNULL)
        seconds.append(time.perf_counter() - start)
    return Timing(seconds, done.returncode, done.stdout + done.stderr)


def tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        sys.exit(f"{path} is missing: run `make bench` (it installs the [bench] extra)")
    return str(path)


def require_ok(label: str, timing: Timing) -> None:
    if timing.returncode != 0:
        sys.exit(f"{label} did not pass on the synthetic maps (exit {timing.returncode}):\n{timing.output[-3000:]}")


def profile_check(root: Path) -> str:
    """cProfile of one in-process check with one worker: where the per-map time goes."""
    from journeymaps.check.runner import check_paths
    from journeymaps.load.site_config import load_vocabulary

    import datetime as _dt
    vocab, _ = load_vocabulary(root / "site_config")
    profiler = cProfile.Profile()
    profiler.enable()
    check_paths([root / "maps"], vocab, root=root, today=_dt.date.fromisoformat(TODAY), jobs=1)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("cumulative").print_stats(30)
    stats.sort_stats("tottime").print_stats(20)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="number of synthetic maps (default 1000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per tool; the median is reported (default 3)")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of the check")
    args = parser.parse_args(argv)
    journeymaps, check_jsonschema = tool("journeymaps"), tool("check-jsonschema")
    table = Table(f"bench_check.py, {args.n} maps, median of {args.repeat} runs")
    compile_package()

    with tempfile.TemporaryDirectory(prefix="bench-check-") as tmp:
        root = Path(tmp)
        files = write_project(root, args.n)
        sizes = [p.stat().st_size for p in files]
        table.note("synthetic maps", f"{args.n}, {statistics.mean(sizes) / 1024:.1f} KB on average "
                                     f"({min(sizes) / 1024:.1f}-{max(sizes) / 1024:.1f} KB)")
        print(f"checking {args.n} maps with journeymaps and check-jsonschema, {args.repeat} runs each", flush=True)
        ours = timed([journeymaps, "check", "--today", TODAY, "maps/"], root, args.repeat)
        require_ok("journeymaps check", ours)
        ours_1 = timed([journeymaps, "check", "--jobs", "1", "--today", TODAY, "maps/"], root, args.repeat)
        require_ok("journeymaps check --jobs 1", ours_1)
        rel = [p.relative_to(root).as_posix() for p in files]
        theirs = timed([check_jsonschema, "--schemafile", str(SCHEMA), *rel], root, args.repeat)
        require_ok("check-jsonschema", theirs)
        startup = timed([journeymaps, "--version"], root, args.repeat)
        # The pre-commit and editor case: one file, in a fresh process, start-up included. The
        # first run, with an empty cache folder, checks the other maps too; later runs find their
        # summaries in the cache (check/context_cache.py), as a second commit or save would.
        cold = timed(["env", f"XDG_CACHE_HOME={root / '.bench-cache'}", journeymaps, "check", "--today", TODAY,
                      rel[0]], root, 1)
        one = timed(["env", f"XDG_CACHE_HOME={root / '.bench-cache'}", journeymaps, "check", "--today", TODAY,
                     rel[0]], root, max(args.repeat, 5))
        require_ok("journeymaps check <one file>", one)

        per_map = lambda t: f"{t.median / args.n * 1000:.2f} ms/map"  # noqa: E731
        table.goal(f"check {args.n} maps (all cores) vs check-jsonschema", f"{seconds(ours.median)} ({per_map(ours)})",
                   ">= 20x", theirs.median / ours.median >= 20,
                   peer=f"{seconds(theirs.median)} ({per_map(theirs)})", ratio=ratio(theirs.median, ours.median))
        table.note(f"check {args.n} maps, --jobs 1", f"{seconds(ours_1.median)} ({per_map(ours_1)})")
        table.goal("check one file (pre-commit, editor)", seconds(one.median), "< 0.25 s", one.median < 0.25)
        table.note("check one file, first run (no cache: every other map read)", seconds(cold.median))
        table.note("journeymaps --version (start-up in every check)", seconds(startup.median))

        if args.profile:
            print(profile_check(root))

    print("refusing the hostile files, one process each", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        root = Path(tmp)
        shutil.copytree(REPO / "site_config", root / "site_config")
        for label, path in write_hostile(root).items():
            t = timed([journeymaps, "check", "--today", TODAY, path.relative_to(root).as_posix()], root, args.repeat)
            located = any(": error[" in line for line in t.output.splitlines())
            table.goal(f"refuse {label} ({path.stat().st_size:,} B): exit 1, path:line:col", seconds(t.median),
                       "< 1 s", t.returncode == 1 and t.median < 1 and located,
                       peer=f"exit {t.returncode}{'' if located else ', no located error'}")
    print()
    print(table.render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
