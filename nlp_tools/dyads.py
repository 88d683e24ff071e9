"""Dyads: what one side says about its dealings with another, beside what the other says.

A claim's **side** is its speaker's organisation and country (as the score
names them); its **other side** is the party it is about that is not the
speaker's own: the counterpart, else the agent (a state, or a body with no
state such as NATO), else, when the claim names only its speaker's side, a
party named by another claim of the same sentence ("the United States carried
out the strikes without any coordination with Baghdad", said by Baghdad: the
strike claim names the United States; a strike claim's other side is only
one it names itself). A claim with no other side is in no dyad. The dyad table counts each pair of sides in both directions, so the
United States on Russia sits beside Russia on the United States.

Contradictions are pairs of statements from the two sides of a dyad in the same
period where one side acknowledges a notice or cooperation between them and
the other denies one ("notice acknowledged / coordination denied"), and, within
one organisation, the say-vs-do pattern of the score (a notice or a
deconfliction channel acknowledged, coordination denied). Each statement is
paired with the nearest (in days) statement against it, and each of those with
its nearest in turn, so every statement involved is listed without listing
every combination.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pandas as pd

from .memory import unordered
from .scoring import (
    SCORED_TOPICS,
    SPEAKER_ORG_SQL,
    ScoreOptions,
    add_score,
    claim_table_columns,
    counted_claims,
    grouped_counts_sql,
    period_label,
    pick,
)

DYAD_TOPICS = ("notification", "cooperation", "strike")
DYAD_CLAIMS = "dyad_claim_rows"  # the temporary table of dyad_claims_table
CONTRADICTION_PART = 10_000  # rows of contradictions.csv read from the store at a time
DYAD_PART = 10_000  # rows of the dyad table scored at a time
COMBINED = "notification+cooperation"  # both scored topics together: the coordination score of the codebook
DYAD_COLUMNS = [
    "pair", "direction", "side", "side_org", "side_country", "other", "other_country", "other_org", "topic",
    "period", "period_start", "acknowledge", "deny", "conditional", "evade", "n", "score", "ci_low", "ci_high",
    "statements", "claims",
]
DIRECTION_COLUMNS = [c for c in DYAD_COLUMNS if c not in ("side_org", "side_country", "other_country", "other_org")]
_SIDE = ("date", "speaker", "org", "topic", "sentence", "doc_id", "title", "url", "statement_id", "copies", "claim_id")
CONTRADICTION_COLUMNS = [
    "kind", "label", "pair", "period", "period_start", "gap_days",
    "ack_side", *(f"ack_{f}" for f in _SIDE), "deny_side", *(f"deny_{f}" for f in _SIDE),
]
PARTY_COLUMNS = ("agent_country", "agent_org", "counterpart_country", "counterpart_org")
NOUNS = {"notification": "notice", "cooperation": "coordination", "deconfliction": "deconfliction channel"}


def _parties(role: str, rank: int) -> str:
    """The states (and stateless bodies) a claim names as its `role`, one row each."""
    country, org = f"coalesce({role}_country, '')", f"coalesce({role}_org, '')"
    return f"""
        SELECT doc_id, start_char, claim_id, {rank} AS rank, trim(unnest(string_split({country}, '; '))) AS country,
               CASE WHEN {country} LIKE '%; %' OR {org} LIKE '%; %' THEN '' ELSE {org} END AS body
        FROM party_columns WHERE {country} <> ''
        UNION ALL
        SELECT doc_id, start_char, claim_id, {rank}, '', trim(unnest(string_split({org}, '; ')))
        FROM party_columns WHERE {country} = '' AND {org} <> ''"""


def _dyad_steps(con, options: ScoreOptions) -> list[tuple[str, str]]:
    """The temporary tables that end in DYAD_CLAIMS, in order: one row per claim and other side,
    with the claim's fields, `sid`, `when` (see scoring.counted_claims), side_org, side_country,
    side, other_country, other_org, other."""
    official = "AND official" if options.official_only else ""
    listed = ", ".join(f"'{t}'" for t in DYAD_TOPICS)
    scored = ", ".join(f"'{t}'" for t in SCORED_TOPICS)
    parties = pick(claim_table_columns(con), ("doc_id", "start_char", "claim_id", *PARTY_COLUMNS))
    return [
        ("dyad_named", f"""
            WITH party_columns AS (SELECT {parties} FROM claims)
            {_parties("counterpart", 1)} UNION ALL {_parties("agent", 2)}"""),
        ("dyad_sides", f"""
            SELECT *, {SPEAKER_ORG_SQL} AS side_org, coalesce(speaker_country, '') AS side_country
            FROM {counted_claims(con, options, f"topic IN ({listed}) {official}")}"""),
        # every party a claim names, or (rank 3) another claim of its sentence names, that is not its side
        ("dyad_offered", f"""
            SELECT claim_id, rank, country, body FROM (
                SELECT s.claim_id, n.rank, n.country, n.body, s.side_country, s.side_org
                FROM dyad_sides s JOIN dyad_named n ON n.claim_id = s.claim_id
                UNION ALL
                SELECT s.claim_id, 3, n.country, n.body, s.side_country, s.side_org FROM dyad_sides s
                JOIN dyad_named n ON n.doc_id = s.doc_id AND n.start_char = s.start_char AND n.claim_id <> s.claim_id
                WHERE s.topic IN ({scored}))  -- a strike's other side is whom it names, not its sentence's
            WHERE (country <> '' AND country <> side_country) OR (country = '' AND body <> '' AND body <> side_org)"""),
        # those of the first rank that offers any
        ("dyad_others", """
            SELECT DISTINCT o.claim_id, o.country AS other_country, o.body AS other_org
            FROM dyad_offered o JOIN (SELECT claim_id, min(rank) AS rank FROM dyad_offered GROUP BY claim_id) m
                 ON m.claim_id = o.claim_id AND m.rank = o.rank"""),
        (DYAD_CLAIMS, """
            SELECT s.*, o.other_country, o.other_org,
                   CASE WHEN s.side_country <> '' THEN s.side_country ELSE s.side_org END AS side,
                   CASE WHEN o.other_country <> '' THEN o.other_country ELSE o.other_org END AS other
            FROM dyad_sides s JOIN dyad_others o USING (claim_id)
            WHERE s.side_org <> '(organisation not named)'"""),
    ]


@contextmanager
def dyad_claims_table(con, options: ScoreOptions):
    """The claims of the dyads, one row per claim and other side (_dyad_steps), stored in a
    temporary table for the queries over them; yields its name.

    Made a step at a time, each step a stored table: DuckDB spills stored tables and plain
    joins and groupings to disk within its memory limit, while one query of all the steps
    (and the groupings over it) ran out of memory on some 100,000 claims
    (bench/post_extraction.py)."""
    steps = _dyad_steps(con, options)
    try:
        for name, sql in steps:
            with unordered(con):
                con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {sql}")
        for name, _ in steps[:-1]:
            con.execute(f"DROP TABLE {name}")
        yield DYAD_CLAIMS
    finally:
        for name, _ in steps:
            con.execute(f"DROP TABLE IF EXISTS {name}")


def dyads(store, options: ScoreOptions | None = None, by_body: bool = True) -> pd.DataFrame:
    """The dyad table (dyads.csv): counts, score and interval per direction, topic and period;
    `by_body=False` groups the sides by state alone (what the report plots)."""
    parts = list(dyad_parts(store, options, by_body))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=DYAD_COLUMNS if by_body else DIRECTION_COLUMNS)


def dyad_parts(store, options: ScoreOptions | None = None, by_body: bool = True) -> Iterator[pd.DataFrame]:
    """The rows of the dyad table in its order (pair, topic, period, side, bodies), DYAD_PART at
    a time: counted by DuckDB, numbered in order there, scored here a part at a time."""
    options = options or ScoreOptions()
    con = store.con
    names = ("side_org", "side_country", "side", "other_country", "other_org", "other") if by_body else ("side", "other")
    keys = [(n, n) for n in names] + [(f"CAST(date_trunc('{options.period}', \"when\") AS DATE)", "period_start")]
    scored = ", ".join(f"'{t}'" for t in SCORED_TOPICS)
    topic_order = " ".join(f"WHEN '{t}' THEN {i}" for i, t in enumerate((COMBINED, *DYAD_TOPICS)))
    order = ", ".join(["pair", "topic_order", "period_start", "side", *(["side_org", "other_org"] if by_body else [])])
    columns = DYAD_COLUMNS if by_body else DIRECTION_COLUMNS
    try:
        with dyad_claims_table(con, options) as table:
            with unordered(con):
                con.execute(f"""
                    CREATE OR REPLACE TEMP TABLE dyad_counts AS
                    {grouped_counts_sql(table, [*keys, ("topic", "topic")], options)}
                    UNION ALL BY NAME
                    SELECT *, '{COMBINED}' AS topic FROM (
                        {grouped_counts_sql(f"(SELECT * FROM {table} WHERE topic IN ({scored})) AS scored_claims", keys, options)})
                """)
        with unordered(con):
            con.execute(f"""
                CREATE OR REPLACE TEMP TABLE dyad_order AS
                SELECT row_number() OVER (ORDER BY {order}) AS n, * EXCLUDE (topic_order)
                FROM (SELECT *, CASE WHEN side <= other THEN side || ' | ' || other ELSE other || ' | ' || side END AS pair,
                             CASE topic {topic_order} END AS topic_order
                      FROM dyad_counts)
            """)
        total = con.execute("SELECT count(*) FROM dyad_order").fetchone()[0]
        for start in range(1, total + 1, DYAD_PART):
            out = con.execute("SELECT * EXCLUDE (n) FROM dyad_order WHERE n BETWEEN ? AND ? ORDER BY n",
                              [start, start + DYAD_PART - 1]).df()
            out = add_score(out)
            out["period"] = [period_label(v, options.period) for v in out["period_start"]]
            out["direction"] = out["side"] + " on " + out["other"]
            yield out[columns]
    finally:
        for name in ("dyad_counts", "dyad_order"):
            con.execute(f"DROP TABLE IF EXISTS {name}")


def contradictions(store, options: ScoreOptions | None = None) -> pd.DataFrame:
    """contradictions.csv: statements of two sides against each other, and say-vs-do within one."""
    parts = list(contradiction_parts(store, options))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=CONTRADICTION_COLUMNS)


def contradiction_parts(store, options: ScoreOptions | None = None) -> Iterator[pd.DataFrame]:
    """The rows of contradictions.csv in its order, CONTRADICTION_PART at a time: two sides that
    speak of each other often have many pairs, more than need be in memory at once (the
    order is taken from the sort keys alone; a sort of whole rows ran out of DuckDB's memory)."""
    options = options or ScoreOptions()
    con = store.con
    unit = options.period
    period = f"CAST(date_trunc('{unit}', \"when\") AS DATE)"
    official = "AND official" if options.official_only else ""
    scored = ", ".join(f"'{t}'" for t in SCORED_TOPICS)
    # each kind's statements (one claim each, its first: `reps`), as ack or deny, on a side; the
    # statements against one are those of the other role whose `match` holds in the same period
    between = f"""
        SELECT claim_id, sid, side, other, date, doc_id, topic, topic AS what, {period} AS period_start,
               CASE WHEN stance = 'acknowledge' THEN 'ack' ELSE 'deny' END AS role
        FROM {DYAD_CLAIMS}
        WHERE topic IN ({scored}) AND stance IN ('acknowledge', 'deny') AND "when" IS NOT NULL
        QUALIFY row_number() OVER (PARTITION BY sid, side, other ORDER BY date, claim_id) = 1"""
    within = f"""
        SELECT claim_id, sid, {SPEAKER_ORG_SQL} AS side, '' AS other, date, doc_id, topic,
               CASE WHEN topic = 'cooperation' AND stance = 'acknowledge' THEN 'deconfliction' ELSE topic END AS what,
               {period} AS period_start, CASE WHEN stance = 'deny' THEN 'deny' ELSE 'ack' END AS role
        FROM {counted_claims(con, options, f"topic IN ('cooperation', 'notification') {official}")}
        WHERE "when" IS NOT NULL AND ((topic = 'notification' AND stance = 'acknowledge')
              OR (topic = 'cooperation' AND stance = 'acknowledge' AND "group" = 'deconfliction')
              OR (topic = 'cooperation' AND stance = 'deny'))
        QUALIFY row_number() OVER (PARTITION BY sid ORDER BY date, claim_id) = 1"""
    kinds = (("between sides", between, "t.side = p.other AND t.other = p.side", False),
             ("say-vs-do", within, "t.side = p.side", True))
    claim_columns = pick(claim_table_columns(con), (
        "claim_id", "date", "speaker", "speaker_org", "speaker_country", "sentence", "doc_id", "statement_id", "copies"))
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE contradiction_chosen (kind VARCHAR, ack_claim VARCHAR, deny_claim VARCHAR, "
                    "ack_sid VARCHAR, deny_sid VARCHAR, ack_side VARCHAR, deny_side VARCHAR, ack_topic VARCHAR, "
                    "deny_topic VARCHAR, period_start DATE, gap BIGINT, apart INTEGER)")
        with dyad_claims_table(con, options):
            for kind, reps, match, same_doc in kinds:
                with unordered(con):
                    con.execute(f"CREATE OR REPLACE TEMP TABLE contradiction_reps AS SELECT row_number() OVER () AS pid, * "
                                f"FROM ({reps})")
                    _choose(con, kind, match, same_doc)
                con.execute("DROP TABLE contradiction_reps")
        total = _order_pairs(con)
        for start in range(1, total + 1, CONTRADICTION_PART):
            frame = con.execute(_details_sql(claim_columns), [start, start + CONTRADICTION_PART - 1]).df()
            frame["label"] = [f"{NOUNS.get(a, a)} acknowledged / {NOUNS.get(d, d)} denied"
                              for a, d in zip(frame["ack_topic"], frame["deny_topic"], strict=True)]
            frame["period"] = [period_label(v, unit) for v in frame["period_start"]]
            frame = frame.rename(columns={"gap": "gap_days"})
            yield frame[CONTRADICTION_COLUMNS]
    finally:
        for table in ("contradiction_reps", "contradiction_chosen", "contradiction_order"):
            con.execute(f"DROP TABLE IF EXISTS {table}")


def _choose(con, kind: str, match: str, same_doc: bool) -> None:
    """Adds to `contradiction_chosen` each statement of `contradiction_reps` with its nearest statement
    against it (same document first when `same_doc`, then fewest days apart, then the lowest
    claim id), both ways, as if every pair of the period had been ranked.

    Found by nearest-date (ASOF) joins on the other role's days, not by ranking every pair:
    two sides with a thousand statements each in one month are a million pairs, which DuckDB
    had to hold in memory to rank. One join per statement: several in one query ran out of
    memory even on the sample corpus."""
    keys = "role, side, other, period_start"
    con.execute(f"CREATE OR REPLACE TEMP TABLE contradiction_days AS SELECT {keys}, date, min(claim_id) AS claim_id "
                "FROM contradiction_reps GROUP BY ALL")
    con.execute(f"CREATE OR REPLACE TEMP TABLE contradiction_doc_days AS SELECT {keys}, doc_id, date, "
                "min(claim_id) AS claim_id FROM contradiction_reps GROUP BY ALL")
    con.execute("CREATE OR REPLACE TEMP TABLE contradiction_found "
                "(probe VARCHAR, pid BIGINT, apart INTEGER, gap BIGINT, found VARCHAR)")
    searches = ((0, "contradiction_doc_days", "AND t.doc_id = p.doc_id"), (1, "contradiction_days", "")) if same_doc \
        else ((0, "contradiction_days", ""),)
    for probe, target in (("deny", "ack"), ("ack", "deny")):
        for apart, days, doc in searches:
            for after in (False, True):
                gap = "date_diff('day', p.date, t.date)" if after else "date_diff('day', t.date, p.date)"
                con.execute(
                    f"INSERT INTO contradiction_found SELECT '{probe}', p.pid, {apart}, {gap}, t.claim_id "
                    f"FROM (SELECT * FROM contradiction_reps WHERE role = '{probe}') p "
                    f"ASOF JOIN (SELECT * FROM {days} WHERE role = '{target}') t "
                    f"ON {match} AND t.period_start = p.period_start {doc} AND t.date {'>=' if after else '<='} p.date")
    directions = []
    for probe, target in (("deny", "ack"), ("ack", "deny")):
        a, d = ("t", "p") if probe == "deny" else ("p", "t")
        first, second = ("ack", "deny") if probe == "deny" else ("deny", "ack")
        directions.append(f"""
            SELECT '{kind}' AS kind, {a}.claim_id AS ack_claim, {d}.claim_id AS deny_claim, {a}.sid AS ack_sid,
                   {d}.sid AS deny_sid, {a}.side AS ack_side, {d}.side AS deny_side, {a}.what AS ack_topic,
                   {d}.topic AS deny_topic, p.period_start, n.gap, n.apart
            FROM contradiction_found n
            JOIN contradiction_reps p ON p.pid = n.pid
            JOIN contradiction_reps t ON t.claim_id = n.found AND t.role = '{target}' AND {match}
                 AND t.period_start = p.period_start
            WHERE n.probe = '{probe}'
            QUALIFY row_number() OVER (PARTITION BY {probe}_sid, {target}_side
                                       ORDER BY n.apart, n.gap, {first}_claim, {second}_claim) = 1""")
    con.execute(f"INSERT INTO contradiction_chosen {' UNION '.join(directions)}")
    for table in ("contradiction_days", "contradiction_doc_days", "contradiction_found"):
        con.execute(f"DROP TABLE {table}")


def _order_pairs(con) -> int:
    """`contradiction_order`: the pairs of `contradiction_chosen` numbered (`n`, from 1) in the
    order of contradictions.csv, which only the sort keys are needed for; returns how many."""
    with unordered(con):
        con.execute("""
            CREATE OR REPLACE TEMP TABLE contradiction_order AS
            WITH dates AS (SELECT claim_id, date FROM claims
                           WHERE claim_id IN (SELECT ack_claim FROM contradiction_chosen
                                              UNION SELECT deny_claim FROM contradiction_chosen))
            SELECT row_number() OVER (ORDER BY ch.kind, ch.pair, ch.period_start, a.date, d.date,
                                               ch.ack_claim, ch.deny_claim) AS n, ch.*
            FROM (SELECT *, CASE WHEN ack_side = deny_side THEN ack_side
                                 WHEN ack_side < deny_side THEN ack_side || ' | ' || deny_side
                                 ELSE deny_side || ' | ' || ack_side END AS pair
                  FROM contradiction_chosen) ch
            JOIN dates a ON a.claim_id = ch.ack_claim JOIN dates d ON d.claim_id = ch.deny_claim
        """)
    return con.execute("SELECT count(*) FROM contradiction_order").fetchone()[0]


def _details_sql(claim_columns: str) -> str:
    """The pairs of `contradiction_order` numbered from ? to ?, with the two claims' details, in order."""
    details = ", ".join(
        f"{p}.{field} AS {side}_{name}"
        for side, p in (("ack", "a"), ("deny", "d"))
        for name, field in (("date", "date"), ("speaker", "speaker"), ("org", "speaker_org"), ("sentence", "sentence"),
                            ("doc_id", "doc_id"), ("statement_id", "statement_id"), ("copies", "copies"),
                            ("claim_id", "claim_id"))
    )
    return f"""
        WITH part AS (SELECT * FROM contradiction_order WHERE n BETWEEN $1 AND $2),
        detail AS (
            SELECT c.claim_id, c.date, c.speaker, {SPEAKER_ORG_SQL} AS speaker_org, c.sentence, c.doc_id,
                   coalesce(c.statement_id, c.claim_id) AS statement_id, coalesce(c.copies, 1) AS copies,
                   d.title, d.url
            FROM (SELECT {claim_columns} FROM claims) c JOIN documents d USING (doc_id)
            WHERE c.claim_id IN (SELECT ack_claim FROM part UNION SELECT deny_claim FROM part)
        )
        SELECT ch.kind, ch.period_start, ch.gap, ch.ack_side, ch.deny_side, ch.ack_topic, ch.deny_topic, ch.pair,
               {details}, a.title AS ack_title, a.url AS ack_url, d.title AS deny_title, d.url AS deny_url
        FROM part ch JOIN detail a ON a.claim_id = ch.ack_claim JOIN detail d ON d.claim_id = ch.deny_claim
        ORDER BY ch.n
    """


def claim_pairs(store, options: ScoreOptions | None = None, claim_ids: list[str] | None = None) -> pd.DataFrame:
    """Each claim in a dyad (or each of `claim_ids` that is), with the pairs it belongs to
    ("Russia | United States"; several joined by '; ', in order)."""
    options = options or ScoreOptions()
    where = "" if claim_ids is None else "WHERE claim_id IN (SELECT unnest(?))"
    with dyad_claims_table(store.con, options) as table:
        return store.con.execute(f"""
            SELECT claim_id, string_agg(pair, '; ' ORDER BY pair) AS pairs
            FROM (SELECT DISTINCT claim_id, CASE WHEN side < other THEN side || ' | ' || other
                                                 ELSE other || ' | ' || side END AS pair
                  FROM {table} {where})
            GROUP BY claim_id
        """, [] if claim_ids is None else [list(claim_ids)]).df()


def report_view(store, score_options: ScoreOptions, contradiction_table: pd.DataFrame, pair_counts=None):
    """What the report's dyad sections and claim table need (report.DyadView): `contradiction_table`
    holds at least the first MAX_PAIRS_SHOWN pairs of each kind and dyad, `pair_counts` (by kind
    and dyad) how many there are, when the table does not hold them all."""
    from .report import MAX_REPORT_CLAIMS, DyadView

    # the claims of the first documents, up to MAX_REPORT_CLAIMS
    (last,) = store.con.execute(
        "SELECT coalesce(max(seq) FILTER (WHERE total <= ?), min(seq)) FROM "
        "(SELECT seq, sum(n_claims) OVER (ORDER BY seq) AS total FROM documents WHERE n_claims > 0)",
        [MAX_REPORT_CLAIMS]).fetchone()
    claims = store.claims_frame("d.seq <= ?", [last if last is not None else -1]).head(MAX_REPORT_CLAIMS)
    total = store.counts()["claims"]
    return DyadView(directions=dyads(store, score_options, by_body=False), contradictions=contradiction_table,
                    claims=claims, claim_pairs=claim_pairs(store, score_options, list(claims["claim_id"])), total_claims=total,
                    period=score_options.period, pair_counts=pair_counts)
