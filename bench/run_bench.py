"""Speed and memory of `nlp-tools run` against bare `nlp.pipe`, on a generated corpus of briefings.

    python bench/run_bench.py                    # what `make bench` runs: both corpora, 2M words each, 10x for memory
    python bench/run_bench.py --words 300000 --no-10x --corpus dense

On each corpus (`--corpus sparse|dense|both`, default both), on the same texts:

1. builds the benchmark corpus (bench/corpus.py: briefings, releases and news
   reports made from the sample corpus's paragraphs and ordinary briefing
   material, about 4 claims per 1,000 words; the dense variant, nearly every
   sentence about the subject, about 30; at least 2 million words by default)
   in bench/_work/, and, for the sparse one, a corpus 10 times larger for the
   memory figure;
2. bare `nlp.pipe` with the full model (en_core_web_sm, no claim component)
   over the texts `nlp-tools run` reads from that corpus (words per second of
   the pipe alone, the model already loaded);
3. `nlp-tools run` end to end (start-up, reading, extraction, store, scores,
   exports, report), as a separate process: one process (`--workers 1`), then the
   default `--workers auto` (for a corpus this large, one worker per core but one and the writer extracting
   on the last; `--workers N` to choose),
   and `--exact` (every document parsed whole; `--no-exact` skips it);
4. `nlp-tools run` on the 10x corpus, for its peak RSS;
5. the candidate filter alone (no parsing), for the share of the text the
   fast path parses.

It prints a table (and writes bench/_work/results.csv): words per second
(wall clock, and per CPU second, which a busy machine disturbs less), the
ratios, peak RSS, and per corpus its claims per 1,000 words, the share of its
text the filter parses, and whether the claims of the fast path are those of
`--exact`. The outputs of the one-process and the worker runs are compared
byte for byte (they do not depend on the hash seed, which differs between the
processes).
"""

from __future__ import annotations

import argparse
import csv
import filecmp
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "_work"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import corpus as corpus_builder  # noqa: E402


def build(words: int, seed: int, name: str, dense: bool = False) -> tuple[Path, int, int]:
    """The corpus (built once and kept, keyed by its size, seed and variant)."""
    folder = WORK / name
    marker = folder / ".built.json"
    if marker.exists():
        info = json.loads(marker.read_text())
        if (info.get("asked") == words and info.get("seed") == seed and info.get("version") == corpus_builder.VERSION
                and info.get("dense", False) == dense):
            return folder, info["documents"], info["words"]
    if folder.exists():
        import shutil

        shutil.rmtree(folder)
    started = time.perf_counter()
    docs, total = corpus_builder.build(folder, words, seed, dense=dense)
    marker.write_text(json.dumps({"asked": words, "seed": seed, "documents": docs, "words": total,
                                  "version": corpus_builder.VERSION, "dense": dense}))
    print(f"  built {name}: {docs} documents, {total:,} words in {time.perf_counter() - started:.0f} s", flush=True)
    return folder, docs, total


def bare_pipe(folder: Path, batch_size: int) -> dict:
    """Bare nlp.pipe with the full model over the texts the run reads (model load not counted)."""
    from nlp_tools.documents import Document
    from nlp_tools.pipeline import resolve_model
    from nlp_tools.readers import read_documents

    nlp = resolve_model()
    words = 0

    def texts():
        nonlocal words
        for item in read_documents([str(folder)]):
            if isinstance(item, Document):
                words += item.words
                yield item.text

    cpu0, wall0 = time.process_time(), time.perf_counter()
    docs = 0
    for _ in nlp.pipe(texts(), batch_size=batch_size):
        docs += 1
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    return {"what": "bare nlp.pipe (full model)", "documents": docs, "words": words, "seconds": wall,
            "cpu_seconds": cpu, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def nlp_tools_run(folder: Path, out: Path, words: int, label: str, *extra: str) -> dict:
    """`nlp-tools run FOLDER --out OUT`, timed as a child process, with its peak RSS."""
    import shutil

    if out.exists():
        shutil.rmtree(out)
    exe = Path(sys.executable).with_name("nlp-tools")
    command = [str(exe) if exe.exists() else sys.executable, *([] if exe.exists() else ["-m", "nlp_tools.cli"]),
               "run", str(folder), "--out", str(out), "--quiet", *extra]
    env = dict(os.environ)
    started = time.perf_counter()
    with open(out.with_suffix(".log"), "w") as log:
        proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
        watch = MemoryWatch(proc.pid)
        _, status, usage = os.wait4(proc.pid, 0)
        watch.stop()
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}); see {out.with_suffix('.log')}")
    # CPU: the child and the children it reaped (a local cluster's workers)
    return {"what": label, "documents": "", "words": words, "seconds": wall,
            "cpu_seconds": usage.ru_utime + usage.ru_stime, "peak_rss_mb": watch.peak / 2**20,
            "peak_tree_rss_mb": watch.tree_peak / 2**20, "out": str(out)}


class MemoryWatch:
    """Peak RSS of a process (its VmHWM) and of its process tree (sampled every 0.2 s).

    (ru_maxrss of wait4 is no use here: on Linux a child starts with the high-water
    mark of the process it was forked from, this benchmark's own.)"""

    def __init__(self, pid: int):
        import threading

        self.pid, self.peak, self.tree_peak = pid, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psutil

        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self._stop.is_set():
            try:
                status = Path(f"/proc/{self.pid}/status").read_text()
                hwm = next((int(line.split()[1]) * 1024 for line in status.splitlines() if line.startswith("VmHWM:")), 0)
                self.peak = max(self.peak, hwm)
                tree = root.memory_info().rss + sum(c.memory_info().rss for c in root.children(recursive=True))
                self.tree_peak = max(self.tree_peak, tree)
            except (OSError, psutil.Error):
                pass
            self._stop.wait(0.2)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def same_outputs(a: str, b: str) -> str:
    names = ["claims.csv", "documents.csv", "scores.csv"]
    return "yes, byte for byte" if all(filecmp.cmp(Path(a) / n, Path(b) / n, shallow=False) for n in names) else "NO"


def filter_share(folder: Path) -> float:
    """The share of the corpus's text that the fast path parses: the candidate filter's windows
    (extract.FastExtractor.plan, with the pipeline `nlp-tools run` loads), nothing parsed."""
    import nlp_tools
    from nlp_tools.documents import Document
    from nlp_tools.extract import FastExtractor
    from nlp_tools.readers import read_documents

    extractor = FastExtractor(nlp_tools.load())
    for item in read_documents([str(folder)]):
        if isinstance(item, Document):
            extractor.plan(item)
    return extractor.stats["parsed_chars"] / max(1, extractor.stats["chars"])


def count_claims(out: str) -> int:
    with open(Path(out) / "claims.csv", encoding="utf-8", newline="") as fh:
        return sum(1 for _ in csv.reader(fh)) - 1


def claim_differences(a: str, b: str) -> str:
    """How many claims of run `a` are found by run `b` with every field the same (extractor aside)."""
    def rows(folder: str) -> dict:
        with open(Path(folder) / "claims.csv", encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            return {(r["doc_id"], r["start_char"], r["topic"]): {k: v for k, v in r.items() if k != "extractor_version"}
                    for r in reader}
    x, y = rows(a), rows(b)
    same = sum(1 for k, v in x.items() if y.get(k) == v)
    missing = sum(1 for k in x if k not in y)
    extra = sum(1 for k in y if k not in x)
    return (f"{same} of {len(x)} claims identical in every field; {len(x) - same - missing} differ in a field, "
            f"{missing} only in --exact, {extra} only in the fast run")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=2_000_000, help="size of each benchmark corpus (default 2,000,000)")
    parser.add_argument("--corpus", choices=["sparse", "dense", "both"], default="both",
                        help="the sparse corpus (~4 claims per 1,000 words), the dense one (~30), or both")
    parser.add_argument("--scale", type=int, default=10, help="the memory corpus is this many times larger")
    parser.add_argument("--no-10x", dest="big", action="store_false", help="skip the large corpus (no memory ratio)")
    parser.add_argument("--workers", default="auto",
                        help="the worker row's --workers: auto (the default run's: one worker per core but one, and the "
                             "writer, when the corpus is large enough) or a number")
    parser.add_argument("--no-exact", dest="exact", action="store_false",
                        help="skip `nlp-tools run --exact` (and the comparison of its claims with the fast path's)")
    parser.add_argument("--batch-size", type=int, default=64, help="batch size of the bare nlp.pipe")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    kinds = ["sparse", "dense"] if args.corpus == "both" else [args.corpus]
    rows, summaries = [], {}
    for kind in kinds:
        rows_of, summaries[kind] = measure(kind, args)
        rows.extend(rows_of)
    header = (f"{'':52}{'words':>12}{'seconds':>10}{'words/s':>10}{'vs bare':>9}{'words/CPU-s':>13}{'vs bare':>9}"
              f"{'peak RSS MB':>13}")
    print()
    print(header)
    print("-" * len(header))
    for row in rows:
        if "peak_tree_rss_mb" in row and row["peak_tree_rss_mb"] > row["peak_rss_mb"] * 1.2:
            row["what"] += " *"
        print(f"{row['what']:52}{row['words']:>12,}{row['seconds']:>10.1f}{row['words_per_s']:>10,.0f}{row['vs_bare']:>8.2f}x"
              f"{row['words_per_cpu_s']:>13,.0f}{row['vs_bare_cpu']:>8.2f}x{row['peak_rss_mb']:>13,.0f}")
    if any(row["what"].endswith(" *") for row in rows):
        print("* peak RSS of the nlp-tools process; with its worker processes: " + ", ".join(
            f"{r['peak_tree_rss_mb']:,.0f} MB" for r in rows if r["what"].endswith(" *")))
    print("bare nlp.pipe: RSS of the benchmark process itself (it holds a batch of whole documents)")
    for kind, summary in summaries.items():
        print(f"\n{kind} corpus")
        for key, value in summary.items():
            print(f"  {key:50}{value}")
    with open(WORK / "results.csv", "w", newline="", encoding="utf-8") as fh:
        fields = ["what", "words", "seconds", "cpu_seconds", "words_per_s", "vs_bare", "words_per_cpu_s", "vs_bare_cpu",
                  "peak_rss_mb", "peak_tree_rss_mb"]
        writer = csv.DictWriter(fh, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        for kind, summary in summaries.items():
            for key, value in summary.items():
                writer.writerow({"what": f"{kind}: {key}", "words": value})
    print(f"\nwrote {WORK / 'results.csv'}")


def measure(kind: str, args) -> tuple[list[dict], dict]:
    """The runs on one corpus (`sparse` or `dense`): their rows, and the corpus's summary."""
    dense = kind == "dense"
    name = f"corpus-dense-{args.words}" if dense else f"corpus-{args.words}"  # the sparse one keeps its old name
    runs = WORK / ("dense" if dense else "")
    runs.mkdir(parents=True, exist_ok=True)
    print(f"{kind} corpus: {args.words:,} words in {WORK / name}", flush=True)
    small, n_docs, words = build(args.words, 1, name, dense=dense)
    rows = []
    print("bare nlp.pipe ...", flush=True)
    bare = bare_pipe(small, args.batch_size)
    bare["what"] = f"{kind}: {bare['what']}"
    rows.append(bare)
    print("nlp-tools run (one process) ...", flush=True)
    single = nlp_tools_run(small, runs / "run-1", words, f"{kind}: nlp-tools run, one process", "--workers", "1")
    rows.append(single)
    print(f"nlp-tools run --workers {args.workers} ...", flush=True)
    multi = nlp_tools_run(small, runs / "run-workers", words, f"{kind}: nlp-tools run --workers {args.workers}",
                          "--workers", str(args.workers))
    rows.append(multi)
    exact = None
    if args.exact:
        print("nlp-tools run --exact ...", flush=True)
        exact = nlp_tools_run(small, runs / "run-exact", words, f"{kind}: nlp-tools run --exact (one process)", "--exact", "--workers", "1")
        rows.append(exact)
    big = None
    if args.big and not dense:
        large, _, big_words = build(args.words * args.scale, 2, f"corpus-{args.words * args.scale}")
        print(f"nlp-tools run on the x{args.scale} corpus ...", flush=True)
        big = nlp_tools_run(large, runs / "run-10x", big_words, f"{kind}: nlp-tools run, one process, x{args.scale} corpus",
                             "--workers", "1")
        rows.append(big)
    print("candidate filter ...", flush=True)
    share = filter_share(small)

    for row in rows:
        row["words_per_s"] = row["words"] / row["seconds"]
        row["words_per_cpu_s"] = row["words"] / row["cpu_seconds"]
        row["vs_bare"] = row["words_per_s"] / bare["words_per_s"]
        row["vs_bare_cpu"] = row["words_per_cpu_s"] / bare["words_per_cpu_s"]
    claims = count_claims(single["out"])
    summary = {
        "corpus": f"{n_docs} documents, {words:,} words",
        "claims (one process)": claims,
        "claims per 1,000 words": f"{1000 * claims / words:.1f}",
        "text the candidate filter parses": f"{share:.0%}",
        "run vs bare nlp.pipe (words/s)": f"{single['vs_bare']:.2f}x",
        "run vs bare nlp.pipe (words/CPU-s)": f"{single['vs_bare_cpu']:.2f}x",
        f"--workers {args.workers} vs one process": f"{multi['words_per_s'] / single['words_per_s']:.2f}x",
        f"--workers {args.workers} output = one-process output": same_outputs(single["out"], multi["out"]),
    }
    if exact:
        summary["run vs run --exact"] = f"{single['words_per_s'] / exact['words_per_s']:.2f}x"
        summary["--exact claims vs fast claims"] = claim_differences(exact["out"], single["out"])
    if big:
        summary[f"peak RSS x{args.scale} / x1"] = f"{big['peak_rss_mb'] / single['peak_rss_mb']:.2f}"
    return rows, summary


if __name__ == "__main__":
    main()
