"""Statements: the claims that repeat one statement share a `statement_id`.

A ministry's statement quoted by three outlets, or a wire story syndicated by
ten, is one statement, not ten: scores and dyads count statements.

Two claims are copies of one statement when they have the same speaker
organisation (as the score names it), topic and stance, their dates lie within
`window_days` of each other (or both are undated), and their sentences are
near-identical: the Jaccard similarity of their sets of word pairs (lower
case, punctuation dropped) is at least `threshold`.

Candidates come from MinHash signatures (datasketch) cut into bands
(locality-sensitive hashing): two claims are compared only when a band of
their signatures agrees and their dates fall in neighbouring windows, so a
million claims do not mean a million squared comparisons. The signatures and
the bands' buckets are kept in the store (`statement_signatures`,
`statement_buckets`), so a resumed or later run signs only the new claims and
links them to the statements already there; a claim whose document was
re-extracted or removed takes its statement apart, and the claims left in it
are linked again.

The statements come out the same however the runs were split: the claims
joined by links are taken in order of date, then claim id; each joins the
statement of the earliest first copy it is linked to, or starts one (so a copy
lies within the window of its statement's first copy, and a line repeated
every few days is not one statement for ever). A statement's id is the
`claim_id` of its first copy; `copies` is how many claims it has.
"""

from __future__ import annotations

import hashlib
import re
import time
from array import array
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from .memory import unordered
from .scoring import SPEAKER_ORG_SQL

# what a stored signature means: change it and every signature is computed again
SIGNATURE_SCHEME = "datasketch-minhash-affine32-seed1/word-pairs-v1"
SIGN_CHUNK = 20_000  # claims signed per transaction
VERIFY_FETCH = 20_000  # candidate pairs read from DuckDB at a time
FRONTIER_PART = 20_000  # claims whose candidate pairs are found and checked at a time
WRITE_PART = 50_000  # linked claims whose statement is written at a time

_WORD = re.compile(r"[^\W_]+")
_EPOCH = date(1970, 1, 1)
UNDATED = -(2**31) + 2  # the epoch of undated claims (dated epochs are days since 1970 / window; +-1 stays clear)


@dataclass(frozen=True)
class LinkOptions:
    """When two claims are copies of one statement, and how candidates are found.

    64 permutations in 16 bands of 4: a pair with word-pair Jaccard 0.7 is a
    candidate with probability 0.99, one with 0.3 with 0.12 (then checked and
    dropped)."""

    window_days: int = 3
    threshold: float = 0.7
    num_perm: int = 64
    bands: int = 16

    def __post_init__(self):
        if self.window_days < 0:
            raise ValueError("the statement window must be 0 days or more")
        if not 0 < self.threshold <= 1:
            raise ValueError("the similarity threshold must be in (0, 1]")
        if self.bands < 1 or self.num_perm % self.bands:
            raise ValueError("num_perm must be a multiple of bands")

    def key(self) -> str:
        return f"{SIGNATURE_SCHEME}/perm={self.num_perm}/bands={self.bands}/window={self.window_days}"


@dataclass
class LinkSummary:
    claims: int = 0  # claims in the store
    signed: int = 0  # claims signed in this call
    relinked: int = 0  # claims whose statement was formed or formed again
    compared: int = 0  # candidate pairs whose sentences were compared (all pairs would be claims squared)
    statements: int = 0  # distinct statements in the store
    seconds: float = 0.0


# the fields that must agree for two claims to be copies
BLOCK_SQL = f"({SPEAKER_ORG_SQL}) || chr(31) || topic || chr(31) || stance"


def word_pairs(sentence: str) -> frozenset[str]:
    """The set a sentence is compared by: its consecutive word pairs (a one-word sentence, its word)."""
    words = _WORD.findall(str(sentence).lower())
    if len(words) < 2:
        return frozenset(words)
    return frozenset(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def link_statements(store, options: LinkOptions | None = None) -> LinkSummary:
    """Give every claim of `store` its statement: sign the new claims, link them, store the ids."""
    options = options or LinkOptions()
    started = time.perf_counter()
    summary = LinkSummary()
    con = store.con
    _check_scheme(store, options)
    _forget_stale(store)
    summary.signed = _sign_new(store, options)
    with unordered(con):
        con.execute("CREATE OR REPLACE TEMP TABLE link_dirty AS SELECT s.sig FROM statement_signatures s "
                    "JOIN claims c ON c.doc_id = s.doc_id AND c.seq = s.seq WHERE c.statement_id IS NULL")
    dirty = con.execute("SELECT count(*) FROM claims WHERE statement_id IS NULL").fetchone()[0]
    if dirty:
        try:
            summary.compared = _linked_components(store, options)
            linked = _assign(con)
            _store_statements(store)
        finally:
            for table in ("link_edges", "link_nodes", "link_assigned"):
                con.execute(f"DROP TABLE IF EXISTS {table}")
        summary.relinked = max(dirty, linked)
    con.execute("DROP TABLE link_dirty")
    summary.claims = con.execute("SELECT count(*) FROM claims").fetchone()[0]
    summary.statements = store.count_statements()
    summary.seconds = time.perf_counter() - started
    return summary


def _store_statements(store) -> None:
    """Write the statements: every claim without one is first a statement of its own, then the
    linked claims (`link_assigned`, by signature) take theirs, WRITE_PART at a time so that
    no join holds them all; a signature keeps its claim's statement."""
    con = store.con
    (count,) = con.execute("SELECT count(*) FROM link_assigned").fetchone()
    with store.transaction() as tx:
        tx.execute("UPDATE claims SET statement_id = claim_id, copies = 1 WHERE statement_id IS NULL")
        tx.execute("UPDATE statement_signatures SET statement_id = claim_id WHERE sig IN (SELECT sig FROM link_dirty)")
        for start in range(0, count, WRITE_PART):
            with unordered(tx):
                tx.execute("CREATE OR REPLACE TEMP TABLE assigned AS SELECT s.doc_id, s.seq, n.sig, n.statement_id, n.copies "
                           "FROM (SELECT * FROM link_assigned WHERE i BETWEEN ? AND ?) n JOIN statement_signatures s USING (sig)",
                           [start, start + WRITE_PART - 1])
            tx.execute("UPDATE claims SET statement_id = a.statement_id, copies = a.copies FROM assigned a "
                       "WHERE claims.doc_id = a.doc_id AND claims.seq = a.seq")
            tx.execute("UPDATE statement_signatures SET statement_id = a.statement_id FROM assigned a "
                       "WHERE statement_signatures.sig = a.sig")
        tx.execute("DROP TABLE IF EXISTS assigned")


def _check_scheme(store, options: LinkOptions) -> None:
    """Signatures made another way (another version, window or banding) are made again."""
    con = store.con
    row = con.execute("SELECT value FROM meta WHERE key = 'statement_scheme'").fetchone()
    if row and row[0] == options.key():
        links = con.execute("SELECT value FROM meta WHERE key = 'statement_threshold'").fetchone()
        if links and links[0] == repr(options.threshold):
            return
    with store.transaction() as tx:
        if not row or row[0] != options.key():
            tx.execute("DELETE FROM statement_buckets")
            tx.execute("DELETE FROM statement_signatures")
        tx.execute("UPDATE claims SET statement_id = NULL, copies = NULL WHERE statement_id IS NOT NULL")
        tx.execute("INSERT OR REPLACE INTO meta VALUES ('statement_scheme', ?)", [options.key()])
        tx.execute("INSERT OR REPLACE INTO meta VALUES ('statement_threshold', ?)", [repr(options.threshold)])


def _forget_stale(store) -> None:
    """Signatures of claims that are gone or changed (re-extracted, re-ingested documents):
    their statements are formed again from the claims that are left."""
    con = store.con
    with unordered(con):
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE stale_signatures AS
            SELECT s.sig, s.doc_id, s.seq, s.statement_id FROM statement_signatures s
            WHERE NOT EXISTS (
                SELECT 1 FROM claims c
                WHERE c.doc_id = s.doc_id AND c.seq = s.seq AND c.claim_id = s.claim_id
                  AND {BLOCK_SQL} = s.block AND c.date IS NOT DISTINCT FROM s.date AND md5(c.sentence) = s.sentence_md5)
        """)
    if con.execute("SELECT count(*) FROM stale_signatures").fetchone()[0]:
        with store.transaction() as tx:
            tx.execute("UPDATE claims SET statement_id = NULL, copies = NULL "
                       "WHERE statement_id IN (SELECT statement_id FROM stale_signatures WHERE statement_id IS NOT NULL)")
            # a claim still there whose signature is stale (its stance changed, say) is signed again
            tx.execute("UPDATE claims SET statement_id = NULL, copies = NULL FROM stale_signatures s "
                       "WHERE claims.doc_id = s.doc_id AND claims.seq = s.seq")
            tx.execute("DELETE FROM statement_buckets WHERE sig IN (SELECT sig FROM stale_signatures)")
            tx.execute("DELETE FROM statement_signatures WHERE sig IN (SELECT sig FROM stale_signatures)")
    con.execute("DROP TABLE stale_signatures")


def _sign_new(store, options: LinkOptions) -> int:
    """MinHash signatures and band buckets of the claims that have none. A signature's `sig`
    is a number of its own, so that the buckets and the joins over them hold integers only."""
    from datasketch import MinHash

    con = store.con
    with unordered(con):
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE unsigned_claims AS
            SELECT row_number() OVER (ORDER BY c.doc_id, c.seq) AS i, c.doc_id, c.seq, c.claim_id,
                   {BLOCK_SQL} AS block, c.date, c.sentence
            FROM claims c
            WHERE NOT EXISTS (SELECT 1 FROM statement_signatures s WHERE s.doc_id = c.doc_id AND s.seq = c.seq)
        """)
    total = con.execute("SELECT count(*) FROM unsigned_claims").fetchone()[0]
    first_sig = con.execute("SELECT coalesce(max(sig), 0) FROM statement_signatures").fetchone()[0]
    width = options.window_days + 1  # two dates within the window lie in the same or neighbouring epochs
    rows = options.num_perm // options.bands
    for start in range(1, total + 1, SIGN_CHUNK):
        part = con.execute(
            "SELECT i, doc_id, seq, claim_id, block, date, sentence FROM unsigned_claims WHERE i BETWEEN ? AND ? ORDER BY i",
            [start, start + SIGN_CHUNK - 1],
        ).df()
        minhashes = MinHash.bulk(
            ([p.encode("utf-8") for p in sorted(word_pairs(s))] for s in part["sentence"]),
            num_perm=options.num_perm, seed=1, scheme="affine32",
        )
        values = np.stack([m.hashvalues for m in minhashes]).astype(np.uint64)  # (n, num_perm)
        block_hash = np.array([_hash64(b) for b in part["block"]], dtype=np.uint64)
        buckets = _band_buckets(values.reshape(len(part), options.bands, rows), block_hash)  # (n, bands)
        dates = pd.to_datetime(part["date"])
        epochs = np.array([UNDATED if pd.isna(d) else (d.date() - _EPOCH).days // width for d in dates], dtype=np.int64)
        sigs = first_sig + part["i"].to_numpy(dtype=np.int64)
        signatures = pd.DataFrame({
            "sig": sigs, "doc_id": part["doc_id"], "seq": part["seq"], "claim_id": part["claim_id"],
            "block": part["block"], "date": dates.dt.date,
            "sentence_md5": [hashlib.md5(str(s).encode("utf-8")).hexdigest() for s in part["sentence"]],
            "signature": [v.astype("<u4").tobytes() for v in values], "statement_id": None,
        })
        bucket_rows = pd.DataFrame({
            "bucket": buckets.reshape(-1),
            "epoch": np.repeat(epochs, options.bands),
            "sig": np.repeat(sigs, options.bands),
        })
        with store.transaction() as tx:
            tx.register("new_signatures", signatures)
            tx.execute("INSERT INTO statement_signatures SELECT sig, doc_id, seq, claim_id, block, date, sentence_md5, "
                       "signature, statement_id FROM new_signatures")
            tx.unregister("new_signatures")
            tx.register("new_buckets", bucket_rows)
            tx.execute("INSERT INTO statement_buckets SELECT bucket, epoch, sig FROM new_buckets")
            tx.unregister("new_buckets")
    con.execute("DROP TABLE unsigned_claims")
    return int(total)


def _hash64(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def _band_buckets(bands: np.ndarray, block_hash: np.ndarray) -> np.ndarray:
    """One signed 64-bit bucket per band: the block, the band's index and its values, mixed
    (splitmix64's finaliser), so that only claims of one block can share a bucket."""
    n, b, r = bands.shape
    h = block_hash[:, None] ^ (np.arange(b, dtype=np.uint64)[None, :] * np.uint64(0x9E3779B97F4A7C15))
    with np.errstate(over="ignore"):
        for k in range(r):
            h = _mix(h ^ bands[:, :, k])
    return h.view(np.int64)


def _mix(x: np.ndarray) -> np.ndarray:
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def _linked_components(store, options: LinkOptions) -> int:
    """`link_edges`: the links of every claim without a statement, and of every claim linked to
    one of them, and so on: whole connected groups, so that forming them again gives what
    one run over everything would. Returns how many candidate pairs were compared.

    The links and the claims reached are kept in DuckDB, not in Python: on a corpus dense in
    copies they are millions."""
    con = store.con
    compared = 0
    con.execute("CREATE OR REPLACE TEMP TABLE link_edges (x BIGINT, y BIGINT)")
    with unordered(con):
        con.execute("CREATE OR REPLACE TEMP TABLE link_seen AS SELECT sig FROM link_dirty")
        con.execute("CREATE OR REPLACE TEMP TABLE link_frontier_sigs AS SELECT sig FROM link_dirty")
    try:
        while True:
            _cut_frontier(con)
            con.execute("CREATE OR REPLACE TEMP TABLE link_round (x BIGINT, y BIGINT)")
            compared += _verified_pairs(con, options)
            con.execute("INSERT INTO link_edges SELECT x, y FROM link_round")
            with unordered(con):  # the claims this round's links reach that no round has started from
                con.execute("CREATE OR REPLACE TEMP TABLE link_frontier_sigs AS "
                            "SELECT sig FROM (SELECT x AS sig FROM link_round UNION SELECT y FROM link_round) "
                            "ANTI JOIN link_seen USING (sig)")
            if not con.execute("SELECT count(*) FROM link_frontier_sigs").fetchone()[0]:
                break
            con.execute("INSERT INTO link_seen SELECT sig FROM link_frontier_sigs")
    finally:
        for table in ("link_frontier_sigs", "link_frontier", "link_seen", "link_round"):
            con.execute(f"DROP TABLE IF EXISTS {table}")
    return compared


def _cut_frontier(con) -> None:
    """`link_frontier`: the frontier's signatures in parts of FRONTIER_PART, in order of
    their dates (a part's candidates lie in a few neighbouring epochs), so that the
    candidate pairs held at once do not grow with the corpus."""
    with unordered(con):
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE link_frontier AS
            SELECT sig, epoch, (row_number() OVER (ORDER BY epoch, sig) - 1) // {FRONTIER_PART} AS part
            FROM (SELECT b.sig, min(b.epoch) AS epoch FROM statement_buckets b SEMI JOIN link_frontier_sigs USING (sig)
                  GROUP BY b.sig)
        """)


def _verified_pairs(con, options: LinkOptions) -> int:
    """Candidate pairs of the frontier (a shared bucket in the same or a neighbouring epoch),
    checked against the window and the similarity threshold; adds the links found to
    `link_round` and returns how many pairs were checked.

    One part of the frontier at a time; a pair of two frontier claims is taken with
    the earlier part of the two, so each pair is checked once."""
    parts = con.execute("SELECT coalesce(max(part), -1) + 1 FROM link_frontier").fetchone()[0]
    checked = 0
    for part in range(parts):
        # the claims a pair of this part can reach lie in its epochs or next to them: joins over
        # those alone stay the same size however large the corpus
        low, high = con.execute(f"SELECT min(epoch) - 1, max(epoch) + 1 FROM link_frontier WHERE part = {part}").fetchone()
        with unordered(con):
            con.execute(f"""
                CREATE OR REPLACE TEMP TABLE candidate_pairs AS
                SELECT DISTINCT least(f.sig, o.sig) AS x, greatest(f.sig, o.sig) AS y
                FROM (SELECT b.bucket, b.epoch + k.d AS epoch, b.sig
                      FROM statement_buckets b SEMI JOIN (SELECT sig FROM link_frontier WHERE part = {part}) USING (sig)
                      CROSS JOIN (VALUES (-1), (0), (1)) AS k(d)
                      WHERE b.epoch <> {UNDATED} OR k.d = 0) f
                JOIN (SELECT * FROM statement_buckets WHERE epoch BETWEEN {low} AND {high}) o
                     ON o.bucket = f.bucket AND o.epoch = f.epoch
                WHERE o.sig <> f.sig
                  AND NOT EXISTS (SELECT 1 FROM link_frontier e
                                  WHERE e.sig = o.sig AND e.part < {part} AND e.epoch BETWEEN {low} AND {high})
            """)
            # the two claims of each pair, read once per claim (joining the whole tables twice per
            # pair would hold four hash tables of them at once)
            con.execute("""
                CREATE OR REPLACE TEMP TABLE candidate_claims AS
                SELECT s.sig, s.block, s.date, c.sentence
                FROM (SELECT x AS sig FROM candidate_pairs UNION SELECT y FROM candidate_pairs) p
                JOIN statement_signatures s USING (sig)
                JOIN claims c ON c.doc_id = s.doc_id AND c.seq = s.seq
            """)
        result = con.execute(f"""
            SELECT p.x, p.y, a.sentence, b.sentence
            FROM candidate_pairs p
            JOIN candidate_claims a ON a.sig = p.x
            JOIN candidate_claims b ON b.sig = p.y
            WHERE a.block = b.block
              AND ((a.date IS NULL AND b.date IS NULL) OR abs(date_diff('day', a.date, b.date)) <= {int(options.window_days)})
        """)
        xs, ys, n = _check_pairs(result, options)
        checked += n
        if len(xs):
            con.register("links_found", pd.DataFrame({"x": xs, "y": ys}))
            con.execute("INSERT INTO link_round SELECT x, y FROM links_found")
            con.unregister("links_found")
    con.execute("DROP TABLE IF EXISTS candidate_pairs")
    con.execute("DROP TABLE IF EXISTS candidate_claims")
    return checked


def _check_pairs(result, options: LinkOptions) -> tuple[np.ndarray, np.ndarray, int]:
    """Compare the sentences of the candidate pairs in `result` (a DuckDB result, read a chunk
    at a time); returns the pairs similar enough to be links, and how many were compared."""
    words: dict[int, frozenset] = {}  # word pairs of the claims of the last chunks
    xs, ys = array("q"), array("q")
    checked = 0
    while True:
        chunk = result.fetchmany(VERIFY_FETCH)
        if not chunk:
            break
        checked += len(chunk)
        if len(words) > VERIFY_FETCH:
            words.clear()
        for x, y, x_text, y_text in chunk:
            sx = words.get(x) or words.setdefault(x, word_pairs(x_text))
            sy = words.get(y) or words.setdefault(y, word_pairs(y_text))
            if jaccard(sx, sy) >= options.threshold:
                xs.append(x)
                ys.append(y)
    return np.frombuffer(xs, dtype=np.int64), np.frombuffer(ys, dtype=np.int64), checked


def _assign(con) -> int:
    """`link_assigned`: the statement id and number of copies of every linked claim (`i` numbers
    them from 0). In order of date, then claim id, each claim joins the earliest first copy
    it is linked to, or becomes one. The links are read from DuckDB in that order, each
    claim's earlier neighbours together; what is kept is two numbers per claim. Returns
    how many claims are linked."""
    with unordered(con):
        con.execute("""
            CREATE OR REPLACE TEMP TABLE link_nodes AS
            SELECT row_number() OVER (ORDER BY date NULLS LAST, claim_id) - 1 AS rank, sig, claim_id
            FROM statement_signatures SEMI JOIN (SELECT x AS sig FROM link_edges UNION SELECT y FROM link_edges) USING (sig)
        """)
    (count,) = con.execute("SELECT count(*) FROM link_nodes").fetchone()
    first = np.arange(count, dtype=np.int64)  # each claim's first copy, by rank
    anchor = np.ones(count, dtype=bool)  # whether a claim is a first copy
    result = con.execute("""
        SELECT DISTINCT greatest(a.rank, b.rank) AS later, least(a.rank, b.rank) AS earlier
        FROM link_edges e JOIN link_nodes a ON a.sig = e.x JOIN link_nodes b ON b.sig = e.y
        ORDER BY later, earlier
    """)
    current, placed = -1, False
    while True:
        chunk = result.fetchmany(VERIFY_FETCH)
        if not chunk:
            break
        for later, earlier in chunk:
            if later != current:
                current, placed = later, False
            if not placed and anchor[earlier]:
                first[later] = earlier
                anchor[later] = False
                placed = True
    copies = np.bincount(first, minlength=count)
    con.register("link_first", pd.DataFrame({"rank": np.arange(count, dtype=np.int64), "anchor": first,
                                             "copies": copies[first].astype(np.int32)}))
    with unordered(con):
        con.execute("""
            CREATE OR REPLACE TEMP TABLE link_assigned AS
            SELECT row_number() OVER () - 1 AS i, n.sig, a.claim_id AS statement_id, f.copies
            FROM link_first f JOIN link_nodes n ON n.rank = f.rank JOIN link_nodes a ON a.rank = f.anchor
        """)
    con.unregister("link_first")
    return count
