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

import pandas as pd

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


def dyad_claims_sql(con, options: ScoreOptions, topics=DYAD_TOPICS) -> str:
    """A WITH clause ending in `dyad_claims`: one row per claim and other side, with the claim's
    fields, `sid`, `when` (see scoring.counted_claims), side_org, side_country, side, other_country,
    other_org, other."""
    official = "AND official" if options.official_only else ""
    listed = ", ".join(f"'{t}'" for t in topics)
    scored = ", ".join(f"'{t}'" for t in SCORED_TOPICS)
    parties = pick(claim_table_columns(con), ("doc_id", "start_char", "claim_id", *PARTY_COLUMNS))
    return f"""
        WITH party_columns AS (SELECT {parties} FROM claims),
        named AS ({_parties("counterpart", 1)} UNION ALL {_parties("agent", 2)}),
        sides AS (
            SELECT *, {SPEAKER_ORG_SQL} AS side_org, coalesce(speaker_country, '') AS side_country
            FROM {counted_claims(con, options, f"topic IN ({listed}) {official}")}
        ),
        offered AS (
            SELECT s.claim_id, n.rank, n.country, n.body FROM sides s JOIN named n ON n.claim_id = s.claim_id
            UNION ALL
            SELECT s.claim_id, 3, n.country, n.body FROM sides s
            JOIN named n ON n.doc_id = s.doc_id AND n.start_char = s.start_char AND n.claim_id <> s.claim_id
            WHERE s.topic IN ({scored})  -- a strike's other side is whom it names, not its sentence's
        ),
        others AS (
            SELECT DISTINCT o.claim_id, o.country AS other_country, o.body AS other_org
            FROM offered o JOIN sides s USING (claim_id)
            WHERE (o.country <> '' AND o.country <> s.side_country) OR (o.country = '' AND o.body <> '' AND o.body <> s.side_org)
            QUALIFY o.rank = min(o.rank) OVER (PARTITION BY o.claim_id)
        ),
        dyad_claims AS (
            SELECT s.*, o.other_country, o.other_org,
                   CASE WHEN s.side_country <> '' THEN s.side_country ELSE s.side_org END AS side,
                   CASE WHEN o.other_country <> '' THEN o.other_country ELSE o.other_org END AS other
            FROM sides s JOIN others o USING (claim_id)
            WHERE s.side_org <> '(organisation not named)'
        )"""


def dyad_counts(con, options: ScoreOptions, by_body: bool = True) -> pd.DataFrame:
    """Stance counts per direction (side on other side), topic and period; `by_body=False` groups
    the sides by state alone (what the report plots)."""
    names = ("side_org", "side_country", "side", "other_country", "other_org", "other") if by_body else ("side", "other")
    keys = [(n, n) for n in names] + [(f"CAST(date_trunc('{options.period}', \"when\") AS DATE)", "period_start")]
    head = dyad_claims_sql(con, options)
    scored = ", ".join(f"'{t}'" for t in SCORED_TOPICS)
    by_topic = con.execute(f"{head}\n{grouped_counts_sql('dyad_claims', [*keys, ('topic', 'topic')], options)}").df()
    combined = con.execute(
        f"{head}, scored_claims AS (SELECT * FROM dyad_claims WHERE topic IN ({scored}))\n"
        f"{grouped_counts_sql('scored_claims', keys, options)}").df()
    combined["topic"] = COMBINED
    return pd.concat([f for f in (by_topic, combined) if len(f)], ignore_index=True) if len(by_topic) else by_topic


def dyads(store, options: ScoreOptions | None = None, by_body: bool = True) -> pd.DataFrame:
    """The dyad table (dyads.csv): counts, score and interval per direction, topic and period."""
    options = options or ScoreOptions()
    counts = dyad_counts(store.con, options, by_body)
    columns = DYAD_COLUMNS if by_body else DIRECTION_COLUMNS
    if counts.empty:
        return pd.DataFrame(columns=columns)
    out = add_score(counts)
    out["period"] = [period_label(v, options.period) for v in out["period_start"]]
    out["pair"] = [" | ".join(sorted((a, b))) for a, b in zip(out["side"], out["other"], strict=True)]
    out["direction"] = out["side"] + " on " + out["other"]
    topic_order = {t: i for i, t in enumerate((COMBINED, *DYAD_TOPICS))}
    out["_topic"] = out["topic"].map(topic_order)
    keys = ["pair", "_topic", "period_start", "side", *(["side_org", "other_org"] if by_body else [])]
    out = out.sort_values(keys, na_position="last", kind="stable")
    return out[columns].reset_index(drop=True)


def contradictions(store, options: ScoreOptions | None = None) -> pd.DataFrame:
    """contradictions.csv: statements of two sides against each other, and say-vs-do within one."""
    options = options or ScoreOptions()
    con = store.con
    unit = options.period
    period = f"CAST(date_trunc('{unit}', \"when\") AS DATE)"
    official = "AND official" if options.official_only else ""
    between = f"""{dyad_claims_sql(con, options, SCORED_TOPICS)},
        reps AS (
            SELECT *, {period} AS period_start FROM dyad_claims
            WHERE stance IN ('acknowledge', 'deny') AND "when" IS NOT NULL
            QUALIFY row_number() OVER (PARTITION BY sid, side, other ORDER BY date, claim_id) = 1
        ),
        pairs AS (
            SELECT 'between sides' AS kind, a.claim_id AS ack_claim, d.claim_id AS deny_claim, a.sid AS ack_sid,
                   d.sid AS deny_sid, a.side AS ack_side, d.side AS deny_side, a.topic AS ack_topic, d.topic AS deny_topic,
                   a.period_start, abs(date_diff('day', a.date, d.date)) AS gap, 0 AS apart
            FROM reps a JOIN reps d ON a.side = d.other AND a.other = d.side AND a.period_start = d.period_start
            WHERE a.stance = 'acknowledge' AND d.stance = 'deny'
        )"""
    within = f"""
        WITH reps AS (
            SELECT *, {SPEAKER_ORG_SQL} AS side_org, {period} AS period_start,
                   CASE WHEN topic = 'cooperation' AND stance = 'acknowledge' THEN 'deconfliction' ELSE topic END AS what
            FROM {counted_claims(con, options, f"topic IN ('cooperation', 'notification') {official}")}
            WHERE "when" IS NOT NULL AND ((topic = 'notification' AND stance = 'acknowledge')
                  OR (topic = 'cooperation' AND stance = 'acknowledge' AND "group" = 'deconfliction')
                  OR (topic = 'cooperation' AND stance = 'deny'))
            QUALIFY row_number() OVER (PARTITION BY sid ORDER BY date, claim_id) = 1
        ),
        pairs AS (
            SELECT 'say-vs-do' AS kind, a.claim_id AS ack_claim, d.claim_id AS deny_claim, a.sid AS ack_sid,
                   d.sid AS deny_sid, a.side_org AS ack_side, d.side_org AS deny_side, a.what AS ack_topic,
                   d.topic AS deny_topic, a.period_start, abs(date_diff('day', a.date, d.date)) AS gap,
                   CASE WHEN a.doc_id = d.doc_id THEN 0 ELSE 1 END AS apart
            FROM reps a JOIN reps d ON a.side_org = d.side_org AND a.period_start = d.period_start
            WHERE a.what IN ('notification', 'deconfliction') AND d.topic = 'cooperation' AND d.stance = 'deny'
        )"""
    claim_columns = pick(claim_table_columns(con), (
        "claim_id", "date", "speaker", "speaker_org", "speaker_country", "sentence", "doc_id", "statement_id", "copies"))
    tail = _nearest_pairs().replace("{claim_columns}", claim_columns)
    frames = [con.execute(f"{head}\n{tail}").df() for head in (between, within)]
    frame = pd.concat([f for f in frames if len(f)], ignore_index=True) if any(len(f) for f in frames) else frames[0]
    if frame.empty:
        return pd.DataFrame(columns=CONTRADICTION_COLUMNS)
    frame["label"] = [f"{NOUNS.get(a, a)} acknowledged / {NOUNS.get(d, d)} denied"
                      for a, d in zip(frame["ack_topic"], frame["deny_topic"], strict=True)]
    frame["period"] = [period_label(v, unit) for v in frame["period_start"]]
    frame["pair"] = [" | ".join(sorted({a, d})) for a, d in zip(frame["ack_side"], frame["deny_side"], strict=True)]
    frame = frame.rename(columns={"gap": "gap_days"})
    frame = frame.sort_values(["kind", "pair", "period_start", "ack_date", "deny_date", "ack_claim_id", "deny_claim_id"],
                              kind="stable")
    return frame[CONTRADICTION_COLUMNS].reset_index(drop=True)


def _nearest_pairs() -> str:
    """Each statement with its nearest statement against it (same document first, then fewest
    days apart), both ways; then the two claims' details."""
    details = ", ".join(
        f"{p}.{field} AS {side}_{name}"
        for side, p in (("ack", "a"), ("deny", "d"))
        for name, field in (("date", "date"), ("speaker", "speaker"), ("org", "speaker_org"), ("sentence", "sentence"),
                            ("doc_id", "doc_id"), ("statement_id", "statement_id"), ("copies", "copies"),
                            ("claim_id", "claim_id"))
    )
    return f""",
        chosen AS (
            SELECT * FROM pairs QUALIFY row_number() OVER (
                PARTITION BY deny_sid, ack_side ORDER BY apart, gap, ack_claim, deny_claim) = 1
            UNION
            SELECT * FROM pairs QUALIFY row_number() OVER (
                PARTITION BY ack_sid, deny_side ORDER BY apart, gap, deny_claim, ack_claim) = 1
        ),
        detail AS (
            SELECT c.claim_id, c.date, c.speaker, {SPEAKER_ORG_SQL} AS speaker_org, c.sentence, c.doc_id,
                   coalesce(c.statement_id, c.claim_id) AS statement_id, coalesce(c.copies, 1) AS copies,
                   d.title, d.url
            FROM (SELECT {{claim_columns}} FROM claims) c JOIN documents d USING (doc_id)
            WHERE c.claim_id IN (SELECT ack_claim FROM chosen UNION SELECT deny_claim FROM chosen)
        )
        SELECT ch.kind, ch.period_start, ch.gap, ch.ack_side, ch.deny_side, ch.ack_topic, ch.deny_topic,
               {details}, a.title AS ack_title, a.url AS ack_url, d.title AS deny_title, d.url AS deny_url
        FROM chosen ch JOIN detail a ON a.claim_id = ch.ack_claim JOIN detail d ON d.claim_id = ch.deny_claim
    """


def claim_pairs(store, options: ScoreOptions | None = None) -> pd.DataFrame:
    """Each claim in a dyad, with the pairs it belongs to ("Russia | United States"; several joined by '; ')."""
    options = options or ScoreOptions()
    sql = f"""{dyad_claims_sql(store.con, options)}
        SELECT claim_id, string_agg(DISTINCT CASE WHEN side < other THEN side || ' | ' || other
                                                  ELSE other || ' | ' || side END, '; ') AS pairs
        FROM dyad_claims GROUP BY claim_id
    """
    return store.con.execute(sql).df()


def report_view(store, score_options: ScoreOptions, contradiction_table: pd.DataFrame):
    """What the report's dyad sections and claim table need (report.DyadView)."""
    from .report import MAX_REPORT_CLAIMS, DyadView

    # the claims of the first documents, up to MAX_REPORT_CLAIMS
    (last,) = store.con.execute(
        "SELECT coalesce(max(seq) FILTER (WHERE total <= ?), min(seq)) FROM "
        "(SELECT seq, sum(n_claims) OVER (ORDER BY seq) AS total FROM documents WHERE n_claims > 0)",
        [MAX_REPORT_CLAIMS]).fetchone()
    claims = store.claims_frame("d.seq <= ?", [last if last is not None else -1]).head(MAX_REPORT_CLAIMS)
    total = store.counts()["claims"]
    return DyadView(directions=dyads(store, score_options, by_body=False), contradictions=contradiction_table,
                    claims=claims, claim_pairs=claim_pairs(store, score_options), total_claims=total,
                    period=score_options.period)
