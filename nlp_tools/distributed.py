"""Extraction on a Dask distributed cluster, with one writer of the store.

    nlp-tools run briefings/ --out out/x --workers 8                 # a local cluster, 8 processes
    nlp-tools run briefings/ --out out/x --scheduler tcp://HOST:8786 # an existing cluster

The process that runs `nlp-tools` stays the only one that touches the store:
it reads the pending documents from the store in order, sends them to the
workers in partitions (a few dozen documents, some tens of thousands of
words each), and takes the claims back in the same order, so the store, the
scores and the exports are those of a single-process run. Each worker builds
the pipeline once (the same model, lexicons and actor files as the writer's,
named by `nlp_tools.load()` in `nlp.meta`) and extracts with
`extract.extract_claims`, the function the single-process run uses. Only a
bounded number of partitions are in flight at a time, so memory does not grow
with the corpus on either side.

Workers of a local cluster get one thread each (spaCy is not faster with
more threads per process) and the dashboard is off. On a real cluster every
worker needs `nlp-tools` installed (the same version) and read access to any
`--actors` / `--topics` files given (by the same path).
"""

from __future__ import annotations

import json
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .claims import Claim
from .documents import Document
from .errors import NlpToolsError

PARTITION_WORDS = 8_000  # words of text per task: a few seconds of work, small enough to balance the end
PARTITION_DOCUMENTS = 64
FIRST_PARTITION_WORDS = 2_000  # the first partitions are small, so that every worker starts at once
IN_FLIGHT_PER_WORKER = 3
CONFIG_KEY = "nlp_tools_pipeline"  # what nlp_tools.load() records in nlp.meta


# `--workers auto` starts a local cluster only when at least this many words wait to be
# extracted: below, starting the workers and loading the model in each costs more than the
# other cores give back (measured on 2 cores, dense text: even at 60,000 words, 1.20x at
# 150,000; docs/speed.md, "Clusters")
AUTO_MIN_WORDS = 150_000


@dataclass(frozen=True)
class ClusterOptions:
    workers: int | None = None  # processes of a local cluster
    scheduler: str | None = None  # address of an existing scheduler (tcp://host:port)
    fast: bool = True
    auto: bool = False  # decide from the inputs' size and the machine's cores (`auto_cluster`)
    # the writer extracts too, whenever every worker has its share of partitions (`--workers auto`:
    # one worker fewer than the cores, whose start-up the run then does not pay)
    writer_extracts: bool = False


def usable_cores() -> int:
    """The cores this process may run on (a container's or a job's share, not the machine's)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)  # pragma: no cover - platforms without affinity


def auto_cluster(options: ClusterOptions, words: int, cores: int | None = None) -> ClusterOptions | None:
    """What `--workers auto` means for `words` words waiting to be extracted: when there are two
    or more usable cores and at least AUTO_MIN_WORDS words, a local cluster of one worker per
    core but one, with this process extracting on the last core between storing what comes back
    (a worker fewer is one start-up fewer: Python, Dask, spaCy and the model, about five CPU
    seconds); else this process alone (None). The outputs are the same either way; only the time
    differs."""
    if not options.auto:
        return options
    cores = usable_cores() if cores is None else cores
    if cores < 2 or words < AUTO_MIN_WORDS:
        return None
    return ClusterOptions(workers=cores - 1, fast=options.fast, writer_extracts=True)


def pipeline_config(nlp) -> dict:
    """How the workers rebuild `nlp`: the arguments `nlp_tools.load()` was given."""
    config = (getattr(nlp, "meta", None) or {}).get(CONFIG_KEY)
    if not config:
        raise NlpToolsError(
            "--workers/--scheduler need the pipeline built by nlp_tools.load() (with the model, "
            "lexicon and actor options), so that every worker can build the same one"
        )
    return dict(config)


# -- on the workers -----------------------------------------------------------------

_PIPELINES: dict[str, tuple] = {}  # this worker's pipeline and its memory zones, by config


def _worker_pipeline(config: dict):
    """The pipeline of this worker process and the memory zones its partitions share, built
    on first use and kept."""
    key = json.dumps(config, sort_keys=True)
    built = _PIPELINES.get(key)
    if built is None:
        from .extract import MemoryZones
        from .pipeline import PipelineConfig, load

        nlp = load(PipelineConfig(**config))
        nlp.get_pipe("press_claims").prepare()  # the detector's model, the actor patterns: before the first partition
        for _, zones in _PIPELINES.values():
            zones.close()
        _PIPELINES.clear()
        built = _PIPELINES[key] = (nlp, MemoryZones(nlp))
    return built


def extract_partition(config: dict, documents: list[Document], fast: bool = True) -> tuple[int, list[tuple[str, list[Claim]]]]:
    """Run on a worker: (its process id, the claims of each document in order)."""
    from .extract import extract_claims

    nlp, zones = _worker_pipeline(config)
    claims = extract_claims(nlp, documents, fast=fast, zones=zones)
    return os.getpid(), [(document.doc_id, found) for document, found in claims]


def warm_up(config: dict) -> int:
    """Run on each worker when the run starts: load the model once, before the first partition."""
    _worker_pipeline(config)
    return os.getpid()


# -- on the writer ---------------------------------------------------------------------


def partitions(documents: Iterable[Document], words: int | None = None,
               max_documents: int = PARTITION_DOCUMENTS, small: int = 0,
               small_words: int | None = None) -> Iterator[list[Document]]:
    """Documents in consecutive groups of about `words` words (PARTITION_WORDS; at most
    `max_documents`); the first `small` groups of about `small_words` (FIRST_PARTITION_WORDS)."""
    words = PARTITION_WORDS if words is None else words
    small_words = FIRST_PARTITION_WORDS if small_words is None else small_words
    batch: list[Document] = []
    size = 0
    count = 0
    for document in documents:
        batch.append(document)
        size += document.words
        if size >= (small_words if count < small else words) or len(batch) >= max_documents:
            yield batch
            batch, size = [], 0
            count += 1
    if batch:
        yield batch


# Dask starts its worker processes with MALLOC_TRIM_THRESHOLD_=65536, which makes glibc give
# memory back to the system on nearly every free: spaCy allocates and frees so much that this
# costs it about 15% of its speed (the workers' memory is bounded by the memory zones anyway).
# Its sampling profiler of worker threads is of no use here either.
WORKER_CONFIG = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
}


def local_cluster(workers: int):
    """A local Dask cluster of `workers` processes with one thread each, set up for spaCy."""
    import dask
    from distributed import LocalCluster

    with dask.config.set(WORKER_CONFIG):
        return LocalCluster(n_workers=workers, processes=True, threads_per_worker=1,
                            dashboard_address=None, scheduler_port=0, silence_logs=40)


class Cluster:
    """A Dask client on a new local cluster or an existing scheduler; closes what it opened."""

    def __init__(self, options: ClusterOptions):
        self.options = options
        try:
            from distributed import Client
        except ImportError as exc:  # pragma: no cover - distributed is a dependency
            raise NlpToolsError(f"--workers needs dask.distributed ({exc})") from None
        self.cluster = None
        if options.scheduler:
            try:
                self.client = Client(options.scheduler, timeout="30s")
            except OSError as exc:
                raise NlpToolsError(f"cannot reach the Dask scheduler at {options.scheduler} ({exc})") from None
        else:
            workers = options.workers or 1
            if workers < 1:
                raise NlpToolsError("--workers must be at least 1")
            self.cluster = local_cluster(workers)
            self.client = Client(self.cluster)
        self.warming = None
        self.closed = False
        # started by `--workers auto` before the inputs were read, on their size on disk: `confirm`
        # decides once the words waiting to be extracted are known
        self.speculative = False

    def warm_up(self, nlp) -> Cluster:
        """Have every worker build the pipeline now, while this process goes on (reading the inputs).
        `nlp`: the pipeline, or its `pipeline_config` (`pipeline.worker_config`)."""
        if self.warming is None:
            config = nlp if isinstance(nlp, dict) else pipeline_config(nlp)
            self.warming = [
                self.client.submit(warm_up, config, workers=[address], allow_other_workers=False, pure=False)
                for address in self.client.scheduler_info(n_workers=-1).get("workers", {})
            ]
        return self

    @property
    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info(n_workers=-1).get("workers", {})))

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        for future in self.warming or []:
            future.cancel()
        self.warming = None
        try:
            self.client.close()
        finally:
            if self.cluster is not None:
                self.cluster.close()


def start(options: ClusterOptions, nlp) -> Cluster:
    """Start the cluster (or connect to it) and have its workers load the pipeline, without waiting.

    `runner.run` calls this before reading the inputs, so that the workers are
    ready when extraction starts; `extract_distributed` takes the result. `nlp`: the pipeline,
    or its `pipeline_config` (the command line starts the workers before loading its own).
    """
    config = nlp if isinstance(nlp, dict) else pipeline_config(nlp)  # fail now, not after reading
    return Cluster(options).warm_up(config)


def start_early(options, nlp, paths: list[str], exclude: list[str] = (), store_path=None):
    """The cluster of a run, started before its inputs are read where that can be known.

    `--workers N` and `--scheduler` start at once. `--workers auto` starts a local cluster
    at once too when the inputs' size on disk (`estimate_words`) says that enough text will
    wait to be extracted and the store holds no document yet (else it may all be extracted
    already); the choice is confirmed after reading (`confirm`), and until then the workers
    start and load the model while this process loads its own and reads. Otherwise the options
    are returned as they are, for `runner.extract` to decide after reading, on the words
    waiting. Returns a started `Cluster`, the options, or None (one process)."""
    from pathlib import Path

    if options is None or isinstance(options, Cluster):
        return options
    if not options.auto:
        return start(options, nlp)
    if store_path is not None and Path(store_path).exists():
        return options
    chosen = auto_cluster(options, estimate_words(paths, exclude))
    if chosen is None:
        return options
    cluster = start(chosen, nlp)
    cluster.speculative = True
    return cluster


def confirm(cluster, words: int):
    """After reading: keep a speculative cluster if `words` (those waiting to be extracted) are
    enough for `--workers auto`, else close it and extract in this process (None). Anything else
    is returned as it is."""
    if isinstance(cluster, Cluster) and cluster.speculative:
        if auto_cluster(ClusterOptions(fast=cluster.options.fast, auto=True), words) is None:
            cluster.close()
            return None
    return cluster


# bytes of a file per word of its text, by kind, for `estimate_words` (a little under the usual,
# so that a corpus near the threshold starts its workers early: plain text and JSONL/CSV hold
# about six bytes a word; HTML pages carry their markup, PDF files their layout and fonts)
BYTES_PER_WORD = {".html": 30, ".htm": 30, ".xhtml": 30, ".pdf": 100}
TEXT_BYTES_PER_WORD = 5.5


def estimate_words(paths: list[str], exclude: list[str] = ()) -> int:
    """About how many words the inputs hold, from their sizes on disk (nothing is read)."""
    from .readers.base import InputFile
    from .readers.paths import expand_paths

    words = 0.0
    for item in expand_paths(list(paths), exclude=list(exclude)):
        if isinstance(item, InputFile):
            try:
                size = os.stat(item.path).st_size
            except OSError:
                continue
            suffix = os.path.splitext(item.path)[1].lower()
            words += size / BYTES_PER_WORD.get(suffix, TEXT_BYTES_PER_WORD)
    return int(words)


def extract_distributed(
    nlp,
    documents: Iterable[Document],
    options: ClusterOptions | Cluster,
    stats: dict | None = None,
) -> Iterator[tuple[Document, list[Claim]]]:
    """Like `extract.extract_claims`, with the extraction done by the cluster's workers.

    Yields each document with its claims, in input order; at most
    IN_FLIGHT_PER_WORKER partitions per worker are out at a time. `stats`, if
    given, receives the number of partitions each worker process did.
    """
    config = pipeline_config(nlp)
    cluster = options if isinstance(options, Cluster) else Cluster(options)
    fast = cluster.options.fast
    helping = cluster.options.writer_extracts
    zones = None
    if helping:
        from .extract import MemoryZones

        zones = MemoryZones(nlp)  # the writer's own partitions share them too
    try:
        client = cluster.client
        if not helping:  # (a writer that extracts starts on its own while the workers load)
            client.run(warm_up, config)  # waits for the workers to have the pipeline (at once if warmed up)
        workers = cluster.workers
        limit = IN_FLIGHT_PER_WORKER * workers
        in_flight: deque = deque()
        stats = stats if stats is not None else {}
        for part in partitions(documents, small=workers + helping):
            while True:
                while helping and in_flight and in_flight[0][1].done():
                    yield from _collect(*in_flight.popleft(), stats)
                remote = sum(1 for _, future in in_flight if not isinstance(future, _Extracted))
                if remote < limit:
                    in_flight.append((part, client.submit(extract_partition, config, part, fast, pure=False)))
                    break
                if helping and len(in_flight) < WRITER_BACKLOG * limit:
                    in_flight.append((part, _Extracted(nlp, part, fast, zones)))  # rather than wait for a worker
                    break
                yield from _collect(*in_flight.popleft(), stats)
        while in_flight:
            yield from _collect(*in_flight.popleft(), stats)
    finally:
        if zones is not None:
            zones.close()
        cluster.close()


# partitions a writer that extracts may hold done, behind the oldest one still out, per one in flight
WRITER_BACKLOG = 3


class _Extracted:
    """A partition the writer extracted itself, held in its place in the order like a future."""

    def __init__(self, nlp, part: list[Document], fast: bool, zones):
        from .extract import extract_claims

        claims = extract_claims(nlp, part, fast=fast, zones=zones)
        self._result = os.getpid(), [(document.doc_id, found) for document, found in claims]

    def done(self) -> bool:
        return True

    def result(self):
        return self._result

    def release(self) -> None:
        self._result = None


def _collect(part: list[Document], future, stats: dict) -> Iterator[tuple[Document, list[Claim]]]:
    pid, results = future.result()
    future.release()
    stats[pid] = stats.get(pid, 0) + 1
    for document, (doc_id, claims) in zip(part, results, strict=True):
        assert doc_id == document.doc_id, "a partition came back out of order"
        yield document, claims
