"""The timeline plot and the self-contained HTML report.

The report is one file with no remote resources: styles inline, the timeline
embedded as a PNG data URI, and every piece of document text and metadata
escaped, so a `<script>` in a document shows as text.
"""

from __future__ import annotations

import base64
import html
from pathlib import Path

import pandas as pd

from .claims.record import STANCES

STANCE_COLOURS = {"acknowledge": "#1b7837", "deny": "#b2182b", "conditional": "#e08214", "evade": "#6a51a3"}
MAX_REPORT_DOCUMENTS = 300
MAX_ORGS_PLOTTED = 6


def plot_timeline(scores: pd.DataFrame, path: str | Path, period: str = "month") -> Path:
    """Score per organisation over time: one panel each (the most claimed first), the
    95% interval as a bar, the number of claims behind each point as its label."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    path = Path(path)
    dated = scores[scores["period_start"].notna()].copy() if not scores.empty else scores
    if dated is None or dated.empty:
        fig, ax = plt.subplots(figsize=(10, 3), dpi=110)
        ax.text(0.5, 0.5, "No dated official claims about cooperation or notification", ha="center", va="center",
                transform=ax.transAxes)
        ax.set_axis_off()
    else:
        dated["period_start"] = pd.to_datetime(dated["period_start"])
        top = list(dated.groupby("speaker_org")["n"].sum().sort_values(ascending=False).head(MAX_ORGS_PLOTTED).index)
        fig, axes = plt.subplots(len(top), 1, figsize=(10, 1.9 * len(top) + 0.8), dpi=110, sharex=True, squeeze=False)
        for ax, org in zip(axes[:, 0], top, strict=True):
            part = dated[dated["speaker_org"] == org].sort_values("period_start")
            # the interval is a posterior one and need not contain the raw ratio
            yerr = [(part["score"] - part["ci_low"]).clip(lower=0), (part["ci_high"] - part["score"]).clip(lower=0)]
            ax.errorbar(part["period_start"], part["score"], yerr=yerr, fmt="o", color="#2b6cb0", ecolor="#90a4c8",
                        capsize=3, markersize=4 + min(6, part["n"].max() ** 0.5))
            for x, y, n in zip(part["period_start"], part["score"], part["n"], strict=True):
                ax.annotate(str(int(n)), (x, y), textcoords="offset points", xytext=(5, 4), fontsize=7, color="#444")
            ax.axhline(0, color="#999", linewidth=0.7)
            ax.set_ylim(-1.15, 1.15)
            ax.set_yticks([-1, 0, 1])
            ax.set_title(f"{_literal(org)} (n={int(part['n'].sum())})", fontsize=9, loc="left")
        axes[-1, 0].set_xlabel(f"period ({period}); labels: claims per point; bars: 95% credible interval")
        fig.suptitle("Coordination score (acknowledge \u2212 deny) / n, official statements", fontsize=11)
        fig.autofmt_xdate()
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    return path


def _literal(text) -> str:
    """A name as matplotlib should draw it: a `$` is a dollar sign, not the start of a formula."""
    return str(text).replace("$", "\\$")


_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1100px;color:#222;line-height:1.45}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}.doc{border:1px solid #e3e3e3;border-radius:6px;padding:.8rem 1rem;margin:1rem 0}
.doc pre{white-space:pre-wrap;font-family:inherit;margin:.4rem 0}.meta{color:#666;font-size:.85rem}
mark{padding:0 .1rem;border-radius:3px;background:#fff3b0}
.lbl{font-size:.7rem;border-radius:3px;padding:0 .3rem;margin-left:.25rem;color:#fff;white-space:nowrap;vertical-align:super}
.flag{color:#b2182b;font-weight:600}img{max-width:100%}
"""


def write_report(
    path: str | Path,
    summary: dict,
    scores: pd.DataFrame,
    documents: pd.DataFrame,
    claims: pd.DataFrame,
    timeline_png: str | Path | None = None,
    totals: pd.DataFrame | None = None,
    documents_with_claims: int | None = None,
) -> Path:
    """Write the HTML report; `documents` needs its text, `claims` the claim table.

    For a large corpus, `claims` may hold only the claims of the documents shown,
    with `totals` (claims by topic and stance, all of them) and
    `documents_with_claims` (how many documents have any) counted elsewhere.
    """
    path = Path(path)
    e = html.escape
    parts = ["<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
             "<meta name='viewport' content='width=device-width,initial-scale=1'>",
             "<title>nlp-tools report</title><style>", _CSS, "</style></head><body>",
             "<h1>Claims about notifications, strikes and cooperation</h1>"]
    parts.append("<h2>Summary</h2><table>")
    for key, value in summary.items():
        parts.append(f"<tr><th>{e(str(key))}</th><td>{e(str(value))}</td></tr>")
    parts.append("</table>")
    if totals is None and len(claims):
        totals = pd.crosstab(claims["topic"], claims["stance"])
    if totals is not None and len(totals):
        table = totals.reindex(columns=list(STANCES), fill_value=0)
        table.columns.name = "stance"
        table.index.name = "topic"
        parts.append("<h3>Claims by topic and stance</h3>" + _table(table.reset_index()))
    parts.append("<h2>Coordination score</h2>")
    parts.append("<p class='meta'>(acknowledge &minus; deny) / all, over official cooperation and notification claims; "
                 "interval: 95% credible interval (Jeffreys&ndash;Dirichlet). "
                 "<span class='flag'>say-vs-do</span>: a notification or deconfliction channel acknowledged in a period in "
                 "which coordination was denied.</p>")
    if timeline_png and Path(timeline_png).exists():
        data = base64.b64encode(Path(timeline_png).read_bytes()).decode("ascii")
        parts.append(f"<img alt='timeline of coordination scores' src='data:image/png;base64,{data}'>")
    if len(scores):
        shown = scores.copy()
        shown["score"] = shown["score"].map(lambda v: "" if pd.isna(v) else f"{v:+.2f}")
        shown["interval"] = [f"[{lo:+.2f}, {hi:+.2f}]" for lo, hi in zip(scores["ci_low"], scores["ci_high"], strict=False)]
        shown["say_vs_do"] = shown["say_vs_do"].map(lambda v: "say-vs-do" if v else "")
        cols = ["speaker_org", "period", "acknowledge", "deny", "conditional", "evade", "n", "score", "interval", "say_vs_do"]
        parts.append(_table(shown[cols]))
    else:
        parts.append("<p>No official claims about cooperation or notification.</p>")
    parts.append("<h2>Documents</h2>")
    with_claims = documents[documents["doc_id"].isin(set(claims["doc_id"]))] if len(claims) else documents.iloc[0:0]
    total = max(documents_with_claims or 0, len(with_claims))
    if total > MAX_REPORT_DOCUMENTS or len(with_claims) < total:
        parts.append(f"<p class='meta'>Showing the first {min(MAX_REPORT_DOCUMENTS, len(with_claims))} of {total} documents "
                     "with claims; claims.csv holds them all.</p>")
        with_claims = with_claims.head(MAX_REPORT_DOCUMENTS)
    by_doc = {k: g for k, g in claims.groupby("doc_id", sort=False)} if len(claims) else {}
    for doc in with_claims.itertuples(index=False):
        parts.append(_document_html(doc, by_doc.get(doc.doc_id)))
    parts.append("</body></html>")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(parts), encoding="utf-8")
    return path


def _table(frame: pd.DataFrame) -> str:
    e = html.escape
    head = "".join(f"<th>{e(str(c))}</th>" for c in frame.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{e('' if pd.isna(v) else str(v))}</td>" for v in row) + "</tr>"
        for row in frame.itertuples(index=False)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _document_html(doc, claims: pd.DataFrame | None) -> str:
    e = html.escape
    text = doc.text or ""
    date = "" if doc.date is None or pd.isna(doc.date) else str(doc.date)[:10]
    meta = " · ".join(x for x in (e(str(doc.doc_id)), e(date or "undated"), e(str(doc.source or ""))) if x)
    out = [f"<div class='doc'><h3>{e(str(doc.title or doc.doc_id))}</h3><div class='meta'>{meta}</div><pre>"]
    spans: dict[tuple[int, int], list] = {}
    if claims is not None:
        for c in claims.itertuples(index=False):
            spans.setdefault((int(c.start_char), int(c.end_char)), []).append(c)
    pos = 0
    for (start, end), items in sorted(spans.items()):
        if start < pos:
            continue
        out.append(e(text[pos:start]))
        labels = "".join(
            f"<span class='lbl' style='background:{STANCE_COLOURS.get(c.stance, '#555')}' "
            f"title='{e(_tooltip(c), quote=True)}'>{e(c.topic)}: {e(c.stance)}"
            f"{' (hedged)' if c.hedged else ''} · {e(c.speaker or 'author')}</span>"
            for c in items
        )
        out.append(f"<mark>{e(text[start:end])}</mark>{labels}")
        pos = end
    out.append(e(text[pos:]))
    out.append("</pre></div>")
    return "".join(out)


def _tooltip(c) -> str:
    return (f"speaker: {c.speaker or '-'}; role: {c.speaker_role or '-'}; org: {c.speaker_org or '-'}; "
            f"official: {c.official}; attribution: {c.attribution}; agent: {c.agent or '-'}; "
            f"counterpart: {c.counterpart or '-'}; trigger: {c.trigger}")
