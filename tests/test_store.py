"""The store: transactions, resume after an interrupted run, no duplicates."""

from __future__ import annotations

import pytest

from nlp_tools.documents import Document
from nlp_tools.errors import StoreBusyError
from nlp_tools.runner import extract, extractor_version
from nlp_tools.store import Store

TEXTS = [
    "WASHINGTON, Oct. 7, 2015 \u2014 There has been no coordination with Russia, Pentagon Press Secretary Peter Cook said.",
    "MOSCOW, Oct. 8, 2015 \u2014 The Russian Defence Ministry said it had informed the U.S. side in advance of the strikes.",
    "ANKARA, Oct. 9, 2015 \u2014 Turkish officials said the door is open to cooperation if Russia stops the airstrikes.",
    "Nothing in this text is about the three topics at all.",
]


def _docs():
    return [Document(f"d{i}", t) for i, t in enumerate(TEXTS)]


class _Stop(Exception):
    pass


class StopAfter:
    """A reporter that interrupts extraction after n documents, like a crash would."""

    def __init__(self, n):
        self.n = n

    def phase(self, *a, **k):
        pass

    def problem(self, *a):
        pass

    def done(self):
        pass

    def advance(self, n=1, words=0):
        self.n -= n
        if self.n < 0:
            raise _Stop


def test_interrupted_extraction_resumes_without_duplicates(tmp_path, nlp):
    version = extractor_version(nlp)
    reference_path = tmp_path / "ref.duckdb"
    with Store(reference_path) as ref:
        ref.add_documents(_docs(), run_id=1)
        extract(ref, nlp, 1, version)
        expected = ref.claims_frame().drop(columns=["extractor"])

    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.add_documents(_docs(), run_id=1)
        import nlp_tools.runner as runner

        old = runner.SAVE_EVERY_DOCS
        runner.SAVE_EVERY_DOCS = 1  # commit after each document, as a long run would
        try:
            with pytest.raises(_Stop):
                extract(store, nlp, 2, version, reporter=StopAfter(1))
        finally:
            runner.SAVE_EVERY_DOCS = old
        done = store.counts()["extracted"]
        assert 1 <= done < len(TEXTS)
        # every document is either complete or untouched
        partial = store.con.execute(
            "SELECT count(*) FROM documents d WHERE status <> 'extracted' AND EXISTS (SELECT 1 FROM claims c WHERE c.doc_id = d.doc_id)"
        ).fetchone()[0]
        assert partial == 0
        summary = extract(store, nlp, 3, version)
        assert summary.documents == len(TEXTS) - done
        got = store.claims_frame().drop(columns=["extractor"])
    assert got.equals(expected)
    assert got["claim_id"].is_unique
    # a second run has nothing left to do
    with Store(path) as store:
        assert extract(store, nlp, 4, version).documents == 0


def test_changed_text_resets_the_documents_claims(tmp_path, nlp):
    version = extractor_version(nlp)
    with Store(tmp_path / "s.duckdb") as store:
        store.add_documents(_docs()[:1], run_id=1)
        extract(store, nlp, 1, version)
        assert store.counts()["claims"] >= 1
        store.add_documents([Document("d0", "A new text without any of the topics.")], run_id=2)
        assert store.counts() == {"documents": 1, "extracted": 0, "claims": 0}


def test_second_writer_gets_a_clear_error(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "busy.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", f"from nlp_tools.store import Store; import time; s = Store({str(path)!r}); print('ready', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreBusyError, match="in use by another nlp-tools process"):
            Store(path)
    finally:
        holder.kill()
        holder.wait()


def test_ctrl_c_during_a_write_waits_for_the_commit(tmp_path):
    import os
    import signal

    with Store(tmp_path / "s.duckdb") as store:
        run_id = store.start_run("test", "0", "x")
        with pytest.raises(KeyboardInterrupt):
            with store.transaction() as con:
                os.kill(os.getpid(), signal.SIGINT)  # arrives mid-transaction
                con.execute("UPDATE runs SET status = 'done' WHERE run_id = ?", [run_id])
        # the write finished and was committed before the interrupt was raised
        assert store.runs_frame()["status"].tolist() == ["done"]
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_a_store_from_before_the_party_columns_reads_them_empty_and_gains_them(tmp_path, nlp):
    import duckdb

    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.add_documents(_docs()[1:2], 1)
        extract(store, nlp, 1, extractor_version(nlp))
    con = duckdb.connect(str(path))  # back to schema version 2: claims without the parties' country and body
    for column in ("agent_country", "agent_org", "counterpart_country", "counterpart_org"):
        con.execute(f"ALTER TABLE claims DROP COLUMN {column}")
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.close()
    with Store(path, read_only=True) as store:
        assert store.claims_frame()["agent_country"].isna().all()
    with Store(path) as store:
        extract(store, nlp, 2, extractor_version(nlp), force=True)
        claims = store.claims_frame()
    informed = claims[claims.topic == "notification"].iloc[0]
    assert (informed.agent, informed.agent_country, informed.agent_org) == (
        "Russia", "Russia", "Russia Ministry of Defence")  # "it": the ministry speaking, for its state
    assert (informed.counterpart, informed.counterpart_country) == ("United States", "United States")  # "the U.S. side"


def test_a_store_of_the_previous_schema_opens_and_gains_the_detector_column(tmp_path, nlp):
    import duckdb

    from nlp_tools.store import SCHEMA_VERSION

    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.add_documents(_docs()[:1], 1)
        extract(store, nlp, 1, extractor_version(nlp))
    con = duckdb.connect(str(path))  # back to schema version 1: claims without `detector`
    con.execute("ALTER TABLE claims DROP COLUMN detector")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    with Store(path, read_only=True) as store:  # an old store reads as it is
        assert "detector" not in store.claim_columns
        frame = store.claims_frame()
        assert len(frame) == 1 and frame["detector"].isna().all()
    with Store(path) as store:  # and gains the column when opened for writing
        assert "detector" in store.claim_columns
        assert store.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        extract(store, nlp, 2, extractor_version(nlp), force=True)
        assert list(store.claims_frame()["detector"]) == ["rules"]
