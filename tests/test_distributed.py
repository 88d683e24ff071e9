"""Extraction on a real local Dask cluster (two worker processes) against a single-process run.

The single-process reference runs as its own process with a hash seed other
than the one Dask gives its worker processes (6640): the output must not depend
on it, and the two runs are compared byte for byte.
"""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

import pytest

from nlp_tools.distributed import ClusterOptions, local_cluster, partitions, pipeline_config
from nlp_tools.readers import document_from_text

from .conftest import SAMPLE

OUTPUTS = ["claims.csv", "documents.csv", "scores.csv"]


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """`nlp-tools run` on the sample corpus, one process, started at once (it runs while the cluster starts)."""
    out = tmp_path_factory.mktemp("single")
    exe = Path(sys.executable).with_name("nlp-tools")
    command = [str(exe), "run", str(SAMPLE), "--out", str(out), "--quiet"]
    proc = subprocess.Popen(command, env=dict(os.environ, PYTHONHASHSEED="17"),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    yield proc, out
    if proc.poll() is None:
        proc.kill()


@pytest.fixture(scope="module")
def cluster(reference):
    with local_cluster(2) as local:
        yield local


def test_two_workers_give_the_single_process_output(cluster, reference, tmp_path):
    """With the default pipeline on both sides: the workers rebuild it with the same topic detector."""
    import csv

    import nlp_tools
    from nlp_tools.pipeline import DEFAULT_DETECTOR
    from nlp_tools.runner import run

    nlp = nlp_tools.load()
    assert pipeline_config(nlp)["detector"] == (str(DEFAULT_DETECTOR) if DEFAULT_DETECTOR.is_file() else None)
    result = run([str(SAMPLE)], tmp_path / "dist", nlp=nlp, cluster=ClusterOptions(scheduler=cluster.scheduler_address))
    proc, single = reference
    output, _ = proc.communicate(timeout=300)
    assert proc.returncode == 0, output
    assert result.extract.documents == 46 and result.extract.claims > 150
    for name in OUTPUTS:
        assert filecmp.cmp(single / name, tmp_path / "dist" / name, shallow=False), name
    with open(tmp_path / "dist" / "claims.csv", encoding="utf-8", newline="") as fh:
        found = {row["detector"] for row in csv.DictReader(fh)}
    assert ("model" in found) == DEFAULT_DETECTOR.is_file()


def test_both_workers_take_partitions_and_the_order_holds(nlp, cluster):
    from nlp_tools.distributed import extract_distributed
    from nlp_tools.documents import Document
    from nlp_tools.readers import read_documents

    documents = [d for d in read_documents([str(SAMPLE / "briefings")]) if isinstance(d, Document)]
    stats: dict = {}
    out = list(extract_distributed(nlp, documents, ClusterOptions(scheduler=cluster.scheduler_address), stats))
    assert [d.doc_id for d, _ in out] == [d.doc_id for d in documents]
    assert len(stats) == 2, stats  # two worker processes did partitions


def test_a_writer_that_extracts_takes_partitions_in_their_place(nlp, cluster, monkeypatch):
    """`--workers auto`'s writer extracts a partition itself when the workers have their share:
    the claims, in order, are those of one process."""
    from dataclasses import asdict

    from nlp_tools import distributed
    from nlp_tools.distributed import extract_distributed
    from nlp_tools.documents import Document
    from nlp_tools.extract import extract_claims
    from nlp_tools.readers import read_documents

    monkeypatch.setattr(distributed, "PARTITION_WORDS", 300)  # many small partitions, one out per worker
    monkeypatch.setattr(distributed, "FIRST_PARTITION_WORDS", 300)
    monkeypatch.setattr(distributed, "IN_FLIGHT_PER_WORKER", 1)
    documents = [d for d in read_documents([str(SAMPLE / "briefings")]) if isinstance(d, Document)]
    stats: dict = {}
    options = ClusterOptions(scheduler=cluster.scheduler_address, writer_extracts=True)
    out = list(extract_distributed(nlp, documents, options, stats))
    alone = list(extract_claims(nlp, documents))
    assert [(d.doc_id, [asdict(c) for c in claims]) for d, claims in out] == \
        [(d.doc_id, [asdict(c) for c in claims]) for d, claims in alone]
    assert stats.get(os.getpid(), 0) > 0 and len(stats) >= 2, stats  # the writer and a worker both extracted


def test_workers_start_without_the_malloc_trim_that_slows_spacy(cluster):
    import dask
    from distributed import Client

    with Client(cluster) as client:
        environ = client.run(os.environ.get, "MALLOC_TRIM_THRESHOLD_")
        profiling = client.run(dask.config.get, "distributed.worker.profile.enabled")
    assert len(environ) == 2
    assert set(environ.values()) == {None}
    assert set(profiling.values()) == {False}


def test_partitions_keep_order_and_bound_size():
    documents = [document_from_text(("word " * n).strip(), doc_id=f"d{i}", kind="jsonl", meta={})
                 for i, n in enumerate([10, 5000, 30, 30000, 1, 1, 1])]
    parts = list(partitions(documents, words=6000, max_documents=3))
    assert [d.doc_id for p in parts for d in p] == [d.doc_id for d in documents]
    assert [len(p) for p in parts] == [3, 1, 3]
    first_small = list(partitions(documents, words=6000, max_documents=3, small=1, small_words=8))
    assert [len(p) for p in first_small] == [1, 3, 3]


def test_workers_rebuild_the_pipeline_from_its_recorded_config(nlp):
    config = pipeline_config(nlp)
    assert set(config) >= {"model", "topics", "actors", "detector", "rules_only", "detector_threshold"}
    import spacy

    from nlp_tools.errors import NlpToolsError

    with pytest.raises(NlpToolsError):
        pipeline_config(spacy.blank("en"))


def test_workers_auto_starts_a_cluster_only_for_enough_words_on_several_cores():
    from nlp_tools.distributed import AUTO_MIN_WORDS, auto_cluster

    auto = ClusterOptions(auto=True, fast=False)
    assert auto_cluster(auto, AUTO_MIN_WORDS - 1, cores=8) is None  # too little to pay for starting workers
    assert auto_cluster(auto, 10 * AUTO_MIN_WORDS, cores=1) is None  # one core: one process
    chosen = auto_cluster(auto, AUTO_MIN_WORDS, cores=4)
    assert (chosen.workers, chosen.fast, chosen.auto, chosen.writer_extracts) == (3, False, False, True)  # and the writer
    explicit = ClusterOptions(workers=3)
    assert auto_cluster(explicit, 10, cores=8) is explicit  # an explicit choice stands


def test_workers_option_reads_a_count_one_or_auto():
    from nlp_tools.cli import _cluster
    from nlp_tools.errors import NlpToolsError

    assert _cluster("1", None, exact=False) is None
    assert _cluster("auto", None, exact=False) == ClusterOptions(auto=True)
    assert _cluster("3", None, exact=True) == ClusterOptions(workers=3, fast=False)
    assert _cluster("auto", "tcp://host:8786", exact=False).scheduler == "tcp://host:8786"
    for bad in ("two", "0"):
        with pytest.raises(NlpToolsError):
            _cluster(bad, None, exact=False)


def test_the_words_of_the_inputs_are_estimated_from_their_size_on_disk(tmp_path):
    from nlp_tools.distributed import estimate_words
    from nlp_tools.documents import Document
    from nlp_tools.readers import read_documents

    words = sum(d.words for d in read_documents([str(SAMPLE)]) if isinstance(d, Document))
    estimate = estimate_words([str(SAMPLE)])
    assert words <= estimate <= 2 * words  # a little over, never far off
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "a.txt").write_text("The ministry said it was informed in advance of the strike.\n" * 2000, encoding="utf-8")
    (plain / "out").mkdir()
    (plain / "out" / "b.txt").write_text("word " * 50_000, encoding="utf-8")
    text_words = 2000 * 11
    assert 0.9 * text_words <= estimate_words([str(plain)], exclude=[str(plain / "out")]) <= 1.2 * text_words
    assert estimate_words([str(plain)]) > 50_000  # the excluded folder (a run's own outputs) counts when not excluded


def test_auto_starts_its_workers_before_reading_when_the_inputs_are_large(reference, cluster, tmp_path, monkeypatch):
    """`--workers auto` on inputs whose size says "enough words": the local cluster starts before
    the inputs are read (its workers load the pipeline meanwhile), is kept when the words read
    say so too, and the outputs are those of one process; a speculative cluster that the words
    read do not justify is closed, and the run extracts in its own process."""
    import nlp_tools
    from nlp_tools import distributed
    from nlp_tools.distributed import Cluster, confirm, start_early, usable_cores
    from nlp_tools.runner import run

    small = ClusterOptions(auto=True)
    assert start_early(small, {}, [str(SAMPLE)]) is small  # the sample is far below AUTO_MIN_WORDS: decided after reading
    assert start_early(None, {}, [str(SAMPLE)]) is None
    monkeypatch.setattr(distributed, "AUTO_MIN_WORDS", 1_000)
    assert start_early(small, {}, [str(SAMPLE)], store_path=SAMPLE) is small  # a store already there: after reading
    if usable_cores() < 2:
        pytest.skip("one usable core: --workers auto never starts a cluster")
    nlp = nlp_tools.load()
    started = start_early(small, nlp, [str(SAMPLE)])
    assert isinstance(started, Cluster) and started.speculative and started.workers == usable_cores() - 1
    assert confirm(started, 1_000) is started
    result = run([str(SAMPLE)], tmp_path / "auto", nlp=nlp, cluster=started)
    assert started.closed
    proc, single = reference
    output, _ = proc.communicate(timeout=300)
    assert proc.returncode == 0, output
    assert result.extract.documents == 46
    for name in OUTPUTS:
        assert filecmp.cmp(single / name, tmp_path / "auto" / name, shallow=False), name
    # too few words read for the cluster that the inputs' size started: closed, one process
    guess = Cluster(ClusterOptions(scheduler=cluster.scheduler_address))
    guess.speculative = True
    assert confirm(guess, 999) is None and guess.closed
    assert confirm(ClusterOptions(workers=2), 10) == ClusterOptions(workers=2)  # an explicit choice stands
