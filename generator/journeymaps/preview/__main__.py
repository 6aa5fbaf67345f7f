"""``python -m journeymaps.preview``: the preview build the pull-request workflow runs."""

from __future__ import annotations

import argparse
import datetime as _dt
import sys
from pathlib import Path

from .build import run_preview


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m journeymaps.preview", description=__doc__)
    p.add_argument("--repo", type=Path, default=Path.cwd(), help="git repository holding both revisions")
    p.add_argument("--base", required=True, help="base revision (its config, theme and code are used)")
    p.add_argument("--head", required=True, help="pull request head (only its maps/ are used, as data)")
    p.add_argument("--out", type=Path, required=True, help="output folder: site/, comment.md, overlays/, status")
    p.add_argument("--maps-dir", default="maps")
    p.add_argument("--today", type=_dt.date.fromisoformat, default=None)
    args = p.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        p.error(f"{args.out} is not empty")
    outcome = run_preview(args.repo.resolve(), args.base, args.head, args.out.resolve(), maps_dir=args.maps_dir,
                          today=args.today)
    print(f"preview: {outcome.status}", file=sys.stderr)
    return 0 if outcome.status == "built" else 1


if __name__ == "__main__":
    sys.exit(main())
