"""Memory and time of what `nlp-tools run` does after extraction, on stores of synthetic claims.

    python bench/post_extraction.py                          # 30k, 100k and 300k claims, both shapes
    python bench/post_extraction.py --claims 100000 --shape concentrated

Statement linking, scores, dyads, contradictions, claims.csv, documents.csv
and the report read only the store, so their cost on a claim-dense corpus of
millions of words is measured here without parsing it: bench/claim_store.py
fills a store with synthetic claims (30 per 1,000 words), and a fresh
process per store runs the stages as `nlp-tools run` does after extraction,
with the run's DuckDB memory limit: statement linking, then the outputs. It
prints, per store, the seconds and the peak RSS (VmHWM) after linking and
after the outputs (the whole post-extraction part), and the share of a
whole run that statement linking takes, with extraction counted at
`--words-per-second` (what the fast path reaches on this machine).

Two shapes of corpus: `spread` (dates over nine years, 3% undated) and
`concentrated` (one year, 10% undated: ten times as many claims a day, and so
many more copies of one statement and pairs to compare). A stage that fails
is reported with the first line of its error.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "_work" / "post-extraction"
SHAPES = {"spread": {"years": 9, "undated": 0.03}, "concentrated": {"years": 1, "undated": 0.10}}
STORE_VERSION = 1  # bump when claim_store.py changes (the stores are built again)


def stored(claims: int, shape: str) -> tuple[Path, dict]:
    """The synthetic store for `claims` and `shape` (built once and kept)."""
    sys.path.insert(0, str(HERE))
    import claim_store

    path = WORK / f"claims-{shape}-{claims}.duckdb"
    marker = path.with_suffix(".json")
    if path.exists() and marker.exists():
        info = json.loads(marker.read_text())
        if info.get("version") == STORE_VERSION:
            return path, info
    WORK.mkdir(parents=True, exist_ok=True)
    info = claim_store.build_store(path, claims, seed=1, **SHAPES[shape])
    info["version"] = STORE_VERSION
    marker.write_text(json.dumps(info))
    return path, info


def stages(store_path: str, out: str) -> dict:
    """Run in a fresh process: link the statements, then write the outputs, as `run` does."""
    sys.path.insert(0, str(ROOT))
    from nlp_tools import runner
    from nlp_tools.scoring import ScoreOptions
    from nlp_tools.statements import link_statements
    from nlp_tools.store import Store

    result = {"baseline_mb": _peak_mb()}
    with Store(store_path) as store:
        runner.bound_memory(store)  # the limit extraction leaves
        started = time.perf_counter()
        try:
            link_statements(store)
            result["link_seconds"] = time.perf_counter() - started
        except Exception as exc:  # noqa: BLE001 - reported, not raised
            result["link_error"] = f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
        result["link_mb"] = _peak_mb()
        started = time.perf_counter()
        try:
            runner.write_outputs(store, Path(out), ScoreOptions(), {"synthetic": "store"})
            result["outputs_seconds"] = time.perf_counter() - started
        except Exception as exc:  # noqa: BLE001
            result["outputs_error"] = f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
        result["post_mb"] = _peak_mb()
    return result


def _peak_mb() -> float:
    status = Path("/proc/self/status").read_text()
    return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")) / 1024


def measure(claims: int, shape: str) -> dict:
    source, info = stored(claims, shape)
    run = WORK / f"run-{shape}-{claims}"
    if run.exists():
        shutil.rmtree(run)
    run.mkdir(parents=True)
    store = run / "store.duckdb"
    shutil.copy(source, store)
    child = subprocess.run([sys.executable, __file__, "--stages", str(store), str(run / "out")],
                           capture_output=True, text=True, check=False)
    if child.returncode != 0:
        raise SystemExit(f"the stages failed:\n{child.stderr}")
    result = json.loads(child.stdout.strip().splitlines()[-1])
    return {**info, **result, "shape": shape}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[30_000, 100_000, 300_000])
    parser.add_argument("--shape", choices=[*SHAPES, "both"], default="both")
    parser.add_argument("--words-per-second", type=float, default=6000,
                        help="extraction speed the share of statement linking is counted against")
    parser.add_argument("--stages", nargs=2, metavar=("STORE", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stages:
        print(json.dumps(stages(*args.stages)))
        return
    shapes = list(SHAPES) if args.shape == "both" else [args.shape]
    header = (f"{'shape':13}{'claims':>9}{'words':>12}{'link s':>9}{'link MB':>9}{'outputs s':>11}{'post s':>9}"
              f"{'post MB':>9}{'link share':>12}")
    rows = []
    for shape in shapes:
        for claims in args.claims:
            print(f"{shape}, {claims:,} claims ...", file=sys.stderr, flush=True)
            rows.append(measure(claims, shape))
    print(header)
    print("-" * len(header))
    for r in rows:
        link = r.get("link_seconds")
        outputs = r.get("outputs_seconds")
        post = link + outputs if link is not None and outputs is not None else None
        extraction = r["words"] / args.words_per_second
        share = f"{link / (extraction + post):.1%}" if post is not None else "-"
        print(f"{r['shape']:13}{r['claims']:>9,}{r['words']:>12,}{_cell(link, 9)}{r['link_mb']:>9,.0f}"
              f"{_cell(outputs, 11)}{_cell(post, 9)}{r['post_mb']:>9,.0f}{share:>12}")
        for stage in ("link", "outputs"):
            if f"{stage}_error" in r:
                print(f"    {stage} failed: {r[stage + '_error']}")
    print(f"\nMB: peak RSS of the process (VmHWM), {rows[0]['baseline_mb']:,.0f} MB after its imports; "
          f"link share: statement linking over a whole run, extraction at {args.words_per_second:,.0f} words/s")


def _cell(value, width: int) -> str:
    return f"{value:>{width},.1f}" if value is not None else f"{'failed':>{width}}"


if __name__ == "__main__":
    main()
