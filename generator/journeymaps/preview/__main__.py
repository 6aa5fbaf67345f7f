"""``python -m journeymaps.preview``: the preview build the pull-request workflow runs."""

from __future__ import annotations

import argparse
import datetime as _dt
import sys
from pathlib import Path

from .build import check_site_url, run_preview


def _site_url(text: str) -> str:
    try:
        return check_site_url(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m journeymaps.preview", description=__doc__)
    p.add_argument("--repo", type=Path, default=Path.cwd(), help="git repository holding both revisions")
    p.add_argument("--base", required=True, help="base revision (its config, theme and code are used)")
    p.add_argument("--head", required=True, help="pull request head (only its maps/ are used, as data)")
    p.add_argument("--out", type=Path, required=True, help="output folder: site/ (with changes/), comment.md, status")
    p.add_argument("--site-url", type=_site_url, default=None,
                   help="where the preview will be published (e.g. https://o.github.io/r/pr-preview/pr-7/): "
                        "the site's 404 page and the comment's links use it")
    p.add_argument("--maps-dir", default="maps")
    p.add_argument("--today", type=_dt.date.fromisoformat, default=None)
    args = p.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        p.error(f"{args.out} is not empty")
    outcome = run_preview(args.repo.resolve(), args.base, args.head, args.out.resolve(), maps_dir=args.maps_dir,
                          today=args.today, site_url=args.site_url)
    print(f"preview: {outcome.status}", file=sys.stderr)
    return 0 if outcome.status == "built" else 1


if __name__ == "__main__":
    sys.exit(main())
