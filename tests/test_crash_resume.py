"""A real `nlp-tools run` killed, raced and interrupted (issue 7).

A process killed with SIGKILL in the middle of a batch, then run again, leaves
the store with exactly the claims of an uninterrupted run: no duplicates, no
half-written document. A second run on a store in use gets a one-line message
and exit code 3, and the run holding the store is not harmed. Ctrl-C (SIGINT)
stops cleanly with what was done committed. (One scenario, one store: each
step starts from where the last one left it, and a model load is saved each
time.)

The moment to strike is read from the progress bar, which the command draws
when its stderr is a terminal (here a pseudo-terminal): once it shows more
than 64 documents extracted, at least one batch has been committed (the
extractor commits every 64 documents or 2 seconds), and the rest is still to
come. Nothing here depends on timing.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import shutil
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from nlp_tools.readers import ReadProblem, read_documents
from nlp_tools.store import Store

from .conftest import SAMPLE

NLP_TOOLS = shutil.which("nlp-tools") or str(Path(sys.executable).parent / "nlp-tools")
N_TEXT, N_RECORDS = 320, 40  # enough that a run is still extracting when the bar passes the first batch
COMMIT_EVERY = 64  # runner.SAVE_EVERY_DOCS: a batch is surely committed once the bar shows more
# One hash seed for every process: the claims are compared across processes, and
# Python's string hashing must not be what tells them apart.
ENV = {**os.environ, "COLUMNS": "160", "TERM": "xterm"}
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\r")


def _sentences() -> list[str]:
    """Claim-bearing sentences of the sample corpus."""
    sentences = []
    for item in read_documents([str(SAMPLE)]):
        if isinstance(item, ReadProblem):
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", item.text):
            if len(sentence.split()) >= 8 and re.search(r"notif|inform|strike|coordinat|cooperat|advance|warn", sentence, re.I):
                sentences.append(" ".join(sentence.split()))
    assert len(sentences) > 60
    return sentences


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The sample's claim sentences, copied into 200 short documents with varied datelines and text."""
    root = tmp_path_factory.mktemp("crash") / "corpus"
    sentences = _sentences()
    places = ["WASHINGTON", "MOSCOW", "ANKARA", "LONDON", "BRUSSELS", "NEW DELHI", "ISLAMABAD", "BEIJING"]
    for i in range(N_TEXT):
        folder = root / f"batch{i // 40}"
        folder.mkdir(parents=True, exist_ok=True)
        text = (f"{places[i % len(places)]}, {['Oct.', 'Nov.', 'March', 'Sept.'][i % 4]} {1 + i % 28}, {2015 + i % 9} "
                f"\u2014 {sentences[i % len(sentences)]} (Ref. {i}.)\n")
        (folder / f"doc{i:03}.txt").write_text(text)
    with open(root / "feed.jsonl", "w") as fh:
        for j in range(N_RECORDS):
            fh.write(json.dumps({"doc_id": f"rec{j}", "date": f"2016-{1 + j % 12:02}-15", "source": "Wire",
                                 "text": f"{sentences[(7 * j + 3) % len(sentences)]} (Item {j}.)"}) + "\n")
    return root


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    """The store and claims.csv of one uninterrupted `nlp-tools run`."""
    out = tmp_path_factory.mktemp("reference")
    done = _run("run", str(corpus), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "claims extracted    " in done.stdout and f"from {N_TEXT + N_RECORDS} documents" in done.stdout
    with Store(out / "nlp_tools.duckdb", read_only=True) as store:
        return _contents(store), pd.read_csv(out / "claims.csv", keep_default_na=False)


def _contents(store: Store) -> tuple[pd.DataFrame, pd.DataFrame]:
    claims = store.claims_frame().sort_values(["doc_id", "start_char", "claim_id"]).reset_index(drop=True)
    documents = store.con.execute(
        "SELECT doc_id, content_hash, status, n_claims, extractor FROM documents ORDER BY doc_id").df()
    return claims, documents


def _assert_consistent(store: Store) -> int:
    """No half-written document: claims only for documents marked done, and all of them. Returns how many are done."""
    orphans = store.con.execute(
        "SELECT count(*) FROM claims c JOIN documents d USING (doc_id) WHERE d.status <> 'extracted'").fetchone()[0]
    assert orphans == 0
    wrong = store.con.execute(
        "SELECT d.doc_id, d.n_claims, count(c.doc_id) FROM documents d LEFT JOIN claims c USING (doc_id) "
        "WHERE d.status = 'extracted' GROUP BY d.doc_id, d.n_claims HAVING count(c.doc_id) <> d.n_claims").fetchall()
    assert wrong == []
    duplicates = store.con.execute(
        "SELECT count(*) - count(DISTINCT claim_id) FROM claims").fetchone()[0]
    assert duplicates == 0
    return store.counts()["extracted"]


def _assert_same_as_reference(out: Path, reference) -> None:
    (claims, documents), claims_csv = reference
    with Store(out / "nlp_tools.duckdb", read_only=True) as store:
        _assert_consistent(store)
        got_claims, got_documents = _contents(store)
    pd.testing.assert_frame_equal(got_documents, documents)
    pd.testing.assert_frame_equal(got_claims, claims)
    pd.testing.assert_frame_equal(pd.read_csv(out / "claims.csv", keep_default_na=False), claims_csv)


class Watched:
    """`nlp-tools ...` with its stderr on a pseudo-terminal, so that it draws its progress bar."""

    def __init__(self, args: list[str]):
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 160, 0, 0))
        self.proc = subprocess.Popen([NLP_TOOLS, *args], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=slave, env=ENV)
        os.close(slave)
        self._master = master
        self._chunks: list[bytes] = []
        self._pump = threading.Thread(target=self._read, daemon=True)
        self._pump.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self._master, 65536)
            except OSError:  # EIO: the terminal's other end is closed
                return
            if not data:
                return
            self._chunks.append(data)

    @property
    def stderr(self) -> str:
        return _ANSI.sub("\n", b"".join(self._chunks).decode("utf-8", "replace"))

    def extracted(self) -> int:
        """The most documents the progress bar has shown as extracted."""
        return max((int(m.group(1)) for m in re.finditer(r"extracting\D*?(\d+)/(\d+)", self.stderr)), default=0)

    def wait_for_extracted(self, n: int, deadline: float = 300) -> int:
        stop = time.monotonic() + deadline
        while (shown := self.extracted()) < n:
            assert self.proc.poll() is None, f"exited ({self.proc.returncode}) before extracting {n}:\n{self.stderr}"
            assert time.monotonic() < stop, f"no progress past {shown} documents:\n{self.stderr}"
            time.sleep(0.01)
        return shown

    def finish(self, timeout: float = 300) -> tuple[int, str, str]:
        stdout, _ = self.proc.communicate(timeout=timeout)
        self._pump.join(timeout=10)
        os.close(self._master)
        return self.proc.returncode, stdout.decode("utf-8", "replace"), self.stderr


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([NLP_TOOLS, *args], capture_output=True, text=True, timeout=300, env=ENV)


def test_killed_raced_and_interrupted_the_store_ends_with_the_claims_of_an_uninterrupted_run(
    corpus, reference, tmp_path
):
    """A bad day in one store: SIGKILL mid-batch, a second run while the next one works,
    Ctrl-C, and a last run; at the end, exactly what one uninterrupted run gives."""
    out = tmp_path / "out"
    store_path = out / "nlp_tools.duckdb"
    total = N_TEXT + N_RECORDS

    # 1. SIGKILL in the middle of a batch: what was committed is whole, the rest untouched
    first = Watched(["run", str(corpus), "--out", str(out)])
    try:
        # (a save comes at the latest 64 documents after the one before; under load a time-based one may
        # come earlier, so only once the bar passes two batches is a whole batch surely committed)
        first.wait_for_extracted(2 * COMMIT_EVERY + 1)
        first.proc.send_signal(signal.SIGKILL)
    finally:
        code, _, _ = first.finish()
    assert code == -signal.SIGKILL
    with Store(store_path) as store:  # opening it replays what the log holds
        killed_at = _assert_consistent(store)
        assert COMMIT_EVERY <= killed_at < total  # killed mid-run: a batch committed, not all
        assert store.counts()["documents"] == total
        assert store.runs_frame()["status"].tolist() == ["running"]  # it never got to say otherwise

    # 2. run again; while it extracts, a second run on the same store is refused in one line
    second = Watched(["run", str(corpus), "--out", str(out)])
    try:
        second.wait_for_extracted(1)
        second.proc.send_signal(signal.SIGSTOP)  # hold it mid-batch, with the store open
        try:
            for args in (["run", str(corpus), "--out", str(out)],
                         ["export", "claims", "--store", str(store_path), "--out", str(tmp_path / "c.csv")]):
                third = _run(*args)
                assert third.returncode == 3, (args, third.stdout, third.stderr)
                assert third.stderr == (f"error: {store_path}: the store is in use by another nlp-tools process; "
                                        "wait for it to finish or use another --store\n")
            assert not (tmp_path / "c.csv").exists()
            shown = second.extracted()
        finally:
            second.proc.send_signal(signal.SIGCONT)
        # 3. Ctrl-C: it stops cleanly, with what was done committed
        second.proc.send_signal(signal.SIGINT)
    finally:
        code, stdout, stderr = second.finish()
    assert code == 130, (code, stderr[-1500:])
    assert "interrupted: what was done is committed; run the same command again to resume" in stderr
    assert "Traceback" not in stderr and "Traceback" not in stdout
    assert f"{total} unchanged" in stdout
    assert not (out / "claims.csv").exists()  # no outputs from half a run
    with Store(store_path) as store:
        interrupted_at = _assert_consistent(store)
        # everything the bar counted is committed; the rest is not begun
        assert killed_at + shown <= interrupted_at < total
        assert store.runs_frame()["status"].tolist() == ["running", "interrupted"]

    # 4. a last run does only what is left, and the store is as if nothing had happened
    last = _run("run", str(corpus), "--out", str(out))
    assert last.returncode == 0, last.stderr
    assert f"from {total - interrupted_at} documents" in last.stdout, last.stdout
    _assert_same_as_reference(out, reference)
