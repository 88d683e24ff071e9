"""The coordination score per organisation and period, with its uncertainty.

score = (acknowledge - deny) / (acknowledge + deny + conditional + evade), over
official `cooperation` and `notification` claims (CLAIMS.md), per canonical
speaker organisation and per period. Counts are computed in the store (SQL),
so memory does not grow with the corpus.

Uncertainty: a 95% equal-tailed Bayesian credible interval. The four stance
shares get a Jeffreys prior, Dirichlet(1/2, 1/2, 1/2, 1/2); given the counts,
the posterior is Dirichlet(counts + 1/2), and the score is p_ack - p_deny. The
interval comes from 20,000 posterior draws seeded by the counts, so the same
counts always give the same interval. With few claims it is wide, as it should be.

Say-vs-do flag: in the same period the organisation acknowledged a
notification or a deconfliction channel and denied coordination.
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

SCORE_COLUMNS = [
    "speaker_org", "speaker_country", "period", "period_start", "acknowledge", "deny", "conditional", "evade",
    "n", "score", "ci_low", "ci_high", "notification_ack", "deconfliction_ack", "cooperation_deny", "say_vs_do",
]


@dataclass(frozen=True)
class ScoreOptions:
    period: str = "month"
    official_only: bool = True


def score_counts(con, options: ScoreOptions) -> pd.DataFrame:
    """Stance counts per organisation and period, computed by DuckDB."""
    if options.period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}")
    official = "AND official" if options.official_only else ""
    unit = options.period
    sql = f"""
        SELECT coalesce(nullif(speaker_org, ''), nullif(speaker_country, '') || ' (body not named)',
                        '(organisation not named)') AS speaker_org,
               any_value(speaker_country) AS speaker_country,
               CAST(date_trunc('{unit}', date) AS DATE) AS period_start,
               count(*) FILTER (WHERE stance = 'acknowledge') AS acknowledge,
               count(*) FILTER (WHERE stance = 'deny') AS deny,
               count(*) FILTER (WHERE stance = 'conditional') AS conditional,
               count(*) FILTER (WHERE stance = 'evade') AS evade,
               count(*) FILTER (WHERE topic = 'notification' AND stance = 'acknowledge') AS notification_ack,
               count(*) FILTER (WHERE topic = 'cooperation' AND stance = 'acknowledge' AND "group" = 'deconfliction') AS deconfliction_ack,
               count(*) FILTER (WHERE topic = 'cooperation' AND stance = 'deny') AS cooperation_deny
        FROM claims
        WHERE topic IN ('cooperation', 'notification') {official}
        GROUP BY ALL
        ORDER BY speaker_org, period_start NULLS LAST
    """
    return con.execute(sql).df()


def compute_scores(counts: pd.DataFrame, period: str = "month") -> pd.DataFrame:
    """Add the score, its credible interval, the label and the say-vs-do flag."""
    if counts.empty:
        return pd.DataFrame(columns=SCORE_COLUMNS)
    out = counts.copy()
    for s in STANCES:
        out[s] = out[s].astype(int)
    out["n"] = out[list(STANCES)].sum(axis=1)
    out["score"] = (out["acknowledge"] - out["deny"]) / out["n"].where(out["n"] > 0)
    lows, highs = [], []
    for row in out[list(STANCES)].itertuples(index=False):
        low, high = credible_interval(np.asarray(row, dtype=float))
        lows.append(low)
        highs.append(high)
    out["ci_low"] = lows
    out["ci_high"] = highs
    out["period"] = [period_label(v, period) for v in out["period_start"]]
    out["say_vs_do"] = (out["notification_ack"] + out["deconfliction_ack"] > 0) & (out["cooperation_deny"] > 0)
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
