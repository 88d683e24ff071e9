"""The coordination score per organisation and period, with its uncertainty.

score = (acknowledge - deny) / (acknowledge + deny + conditional + evade), over
official `cooperation` and `notification` claims (codebook), per canonical
speaker organisation and per period. Counts are computed in the store (SQL),
so memory does not grow with the corpus.

Uncertainty: a 95% equal-tailed Bayesian credible interval. The four stance
shares get a Jeffreys prior, Dirichlet(1/2, 1/2, 1/2, 1/2); given the counts,
the posterior is Dirichlet(counts + 1/2), and the score is p_ack - p_deny. The
interval comes from 20,000 posterior draws seeded by the counts, so the same
counts always give the same interval. With few claims it is wide, as it should be.

Say-vs-do flag: in the same period the organisation acknowledged a
notification or a deconfliction channel and denied coordination.

What is counted: by default distinct statements (statements.py: the copies of
one statement syndicated by several outlets count once, in the period of its
first copy); `count="claims"` counts every claim, as before statements were
linked.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from .claims.record import STANCES

PERIODS = ("day", "week", "month", "quarter", "year")
SCORED_TOPICS = ("cooperation", "notification")
DRAWS = 20_000
SEED = 20151001
CREDIBLE = 0.95

COUNTS = ("statements", "claims")

SCORE_COLUMNS = [
    "speaker_org", "speaker_country", "period", "period_start", "acknowledge", "deny", "conditional", "evade",
    "n", "score", "ci_low", "ci_high", "notification_ack", "deconfliction_ack", "cooperation_deny", "say_vs_do",
    "statements", "claims",
]

# the organisation a claim is scored under (and a statement's copies must share)
SPEAKER_ORG_SQL = ("coalesce(nullif(speaker_org, ''), nullif(speaker_country, '') || ' (body not named)', "
                   "'(organisation not named)')")


@dataclass(frozen=True)
class ScoreOptions:
    period: str = "month"
    official_only: bool = True
    count: str = "statements"  # or "claims": every copy of a statement counts

    def __post_init__(self):
        if self.period not in PERIODS:
            raise ValueError(f"period must be one of {', '.join(PERIODS)}")
        if self.count not in COUNTS:
            raise ValueError(f"count must be one of {', '.join(COUNTS)}")


COUNTED_COLUMNS = (
    "claim_id", "doc_id", "start_char", "topic", "stance", "group", "date", "official", "speaker_org",
    "speaker_country", "agent_country", "agent_org", "counterpart_country", "counterpart_org", "statement_id",
)


def counted_claims(con, options: ScoreOptions, where: str) -> str:
    """A FROM clause: the claims matching `where`, each with `sid` (its statement, or itself when
    not yet linked) and `when` (the date its period is taken from: its statement's first
    copy when statements are counted, its own otherwise)."""
    columns = claim_table_columns(con)
    sid = "coalesce(statement_id, claim_id)" if "statement_id" in columns else "claim_id"
    if options.count != "statements":
        return f"(SELECT {pick(columns, COUNTED_COLUMNS)}, {sid} AS sid, date AS \"when\" FROM claims WHERE {where}) AS counted"
    # the first copy's date, from a plain grouping (which DuckDB spills to disk within its memory limit)
    return (f"(SELECT c.*, w.\"when\" FROM (SELECT {pick(columns, COUNTED_COLUMNS)}, {sid} AS sid FROM claims WHERE {where}) c "
            f"JOIN (SELECT {sid} AS sid, min(date) AS \"when\" FROM claims WHERE {where} GROUP BY ALL) w USING (sid)) AS counted")


def claim_table_columns(con) -> set[str]:
    return {r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'claims'").fetchall()}


def pick(columns: set[str], wanted) -> str:
    """A select list of `wanted` claim columns; those a store of an older version lacks are NULL."""
    return ", ".join(f'"{c}"' if c in columns else f'NULL AS "{c}"' for c in wanted)


STANCE_FILTERS = tuple((stance, f"stance = '{stance}'") for stance in STANCES)


def grouped_counts_sql(source: str, keys: list[tuple[str, str]], options: ScoreOptions,
                       filters=STANCE_FILTERS, carry: tuple[str, ...] = ()) -> str:
    """Counts per group of `keys` ((expression, name) pairs) over `source` (see counted_claims):
    for each (name, condition) of `filters`, the statements (or claims) meeting it, then
    `statements` and `claims`. The claims are first reduced to one row per group, topic,
    stance and statement (a statement has one topic and stance), so that no distinct count
    is needed: DuckDB spills plain groupings to disk within its memory limit, distinct
    counts of many groups it does not. `deconfliction` is true for a row whose claims are
    in that trigger group; `carry` columns keep any one of their values."""
    names = ", ".join(name for _, name in keys)
    inner_keys = ", ".join(f"{expression} AS {name}" for expression, name in keys)
    carried = "".join(f", any_value({c}) AS {c}" for c in carry)
    body = "count(*)" if options.count == "statements" else "sum(n)"
    counts = ", ".join(f"coalesce({body} FILTER (WHERE {condition}), 0) AS {name}" for name, condition in filters)
    return f"""
        SELECT {names}{carried}, {counts}, count(*) AS statements, sum(n) AS claims
        FROM (SELECT {inner_keys}, topic, stance, sid, count(*) AS n,
                     bool_or(coalesce("group", '') = 'deconfliction') AS deconfliction{carried}
              FROM {source} GROUP BY ALL) AS per_statement
        GROUP BY {names}"""


def score_counts(con, options: ScoreOptions) -> pd.DataFrame:
    """Stance counts per organisation and period, computed by DuckDB."""
    official = "AND official" if options.official_only else ""
    filters = (*STANCE_FILTERS,
               ("notification_ack", "topic = 'notification' AND stance = 'acknowledge'"),
               ("deconfliction_ack", "topic = 'cooperation' AND stance = 'acknowledge' AND deconfliction"),
               ("cooperation_deny", "topic = 'cooperation' AND stance = 'deny'"))
    keys = [(SPEAKER_ORG_SQL, "speaker_org"), (f"CAST(date_trunc('{options.period}', \"when\") AS DATE)", "period_start")]
    source = counted_claims(con, options, f"topic IN ('cooperation', 'notification') {official}")
    sql = grouped_counts_sql(source, keys, options, filters, carry=("speaker_country",))
    return con.execute(f"{sql} ORDER BY speaker_org, period_start NULLS LAST").df()


def add_score(frame: pd.DataFrame) -> pd.DataFrame:
    """`n`, the score and its credible interval from the four stance counts (in place)."""
    for s in STANCES:
        frame[s] = frame[s].astype(int)
    frame["n"] = frame[list(STANCES)].sum(axis=1)
    frame["score"] = (frame["acknowledge"] - frame["deny"]) / frame["n"].where(frame["n"] > 0)
    lows, highs = [], []
    for row in frame[list(STANCES)].itertuples(index=False):
        low, high = credible_interval(np.asarray(row, dtype=float))
        lows.append(low)
        highs.append(high)
    frame["ci_low"] = lows
    frame["ci_high"] = highs
    return frame


def compute_scores(counts: pd.DataFrame, period: str = "month") -> pd.DataFrame:
    """Add the score, its credible interval, the label and the say-vs-do flag."""
    if counts.empty:
        return pd.DataFrame(columns=SCORE_COLUMNS)
    out = add_score(counts.copy())
    out["period"] = [period_label(v, period) for v in out["period_start"]]
    out["say_vs_do"] = (out["notification_ack"] + out["deconfliction_ack"] > 0) & (out["cooperation_deny"] > 0)
    if "statements" not in out:  # counts made elsewhere, claim by claim
        out["statements"] = out["claims"] = out["n"]
    return out[SCORE_COLUMNS].reset_index(drop=True)


def credible_interval(counts: np.ndarray) -> tuple[float, float]:
    """95% interval of p_ack - p_deny under a Dirichlet(counts + 1/2) posterior.

    The generator is seeded with the counts themselves, so the same counts give
    the same interval whatever else is in the table (and are computed once).
    """
    return _interval(tuple(int(c) for c in counts))


@lru_cache(maxsize=4096)
def _interval(counts: tuple[int, ...]) -> tuple[float, float]:
    rng = np.random.default_rng([SEED, *counts])
    counts = np.asarray(counts, dtype=float)
    draws = rng.dirichlet(counts + 0.5, size=DRAWS)
    diff = draws[:, 0] - draws[:, 1]
    tail = (1 - CREDIBLE) / 2
    low, high = np.quantile(diff, [tail, 1 - tail])
    return float(round(low, 4)), float(round(high, 4))


def period_label(start, period: str) -> str:
    if start is None or pd.isna(start):
        return "undated"
    ts = pd.Timestamp(start)
    if period == "day":
        return ts.strftime("%Y-%m-%d")
    if period == "week":
        iso = ts.isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}"
    if period == "month":
        return ts.strftime("%Y-%m")
    if period == "quarter":
        return f"{ts.year}-Q{(ts.month - 1) // 3 + 1}"
    return str(ts.year)


def scores(store, options: ScoreOptions | None = None) -> pd.DataFrame:
    """Scores of everything in `store` (a Store)."""
    options = options or ScoreOptions()
    return compute_scores(score_counts(store.con, options), options.period)
