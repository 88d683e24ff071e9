"""The timeline plot and the self-contained HTML report.

The report is one file with no remote resources: styles and its one script
inline, the timeline embedded as a PNG data URI, the dyad charts as inline SVG,
and every piece of document text and metadata escaped, so a `<script>` in a
document shows as text.
"""

from __future__ import annotations

import base64
import hashlib
import html
import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .claims.record import STANCES

STANCE_COLOURS = {"acknowledge": "#1b7837", "deny": "#b2182b", "conditional": "#e08214", "evade": "#6a51a3"}
MAX_REPORT_DOCUMENTS = 300
MAX_ORGS_PLOTTED = 6
MAX_REPORT_CLAIMS = 3000  # rows of the filterable claim table
MAX_DYADS = 6  # dyad sections
MAX_PAIRS_SHOWN = 25  # contradiction pairs listed per dyad (contradictions.csv holds them all)
SIDE_COLOURS = ("#2b6cb0", "#c05621")


@dataclass
class DyadView:
    """What the dyad sections and the claim table show: per-direction scores by state
    (dyads.dyads(by_body=False)), the contradiction pairs, the claims of the table (the
    first MAX_REPORT_CLAIMS) and the pairs each claim belongs to (dyads.claim_pairs)."""

    directions: pd.DataFrame
    contradictions: pd.DataFrame
    claims: pd.DataFrame
    claim_pairs: pd.DataFrame
    total_claims: int
    period: str = "month"
    pair_counts: dict | None = None  # (kind, dyad) -> pairs in contradictions.csv, when `contradictions` holds only the first

    def pairs_of(self, kind: str, pair: str, rows: pd.DataFrame) -> int:
        """How many pairs of `kind` the dyad `pair` has (`rows`: those of them in `contradictions`)."""
        return len(rows) if self.pair_counts is None else self.pair_counts.get((kind, pair), len(rows))


def plot_timeline(scores: pd.DataFrame, path: str | Path, period: str = "month") -> Path:
    """Score per organisation over time: one panel each (the most claimed first), the
    95% interval as a bar, the number of claims behind each point as its label."""
    # (a Figure of its own, drawn by Agg when saved: pyplot, its backend machinery and its global
    # state are not needed for a file, and importing it was a third of the plot's time)
    from matplotlib.figure import Figure

    path = Path(path)
    dated = scores[scores["period_start"].notna()].copy() if not scores.empty else scores
    if dated is None or dated.empty:
        fig = Figure(figsize=(10, 3), dpi=110)
        ax = fig.subplots()
        ax.text(0.5, 0.5, "No dated official claims about cooperation or notification", ha="center", va="center",
                transform=ax.transAxes)
        ax.set_axis_off()
    else:
        dated["period_start"] = pd.to_datetime(dated["period_start"])
        top = list(dated.groupby("speaker_org")["n"].sum().sort_values(ascending=False).head(MAX_ORGS_PLOTTED).index)
        fig = Figure(figsize=(10, 1.9 * len(top) + 0.8), dpi=110)
        axes = fig.subplots(len(top), 1, sharex=True, squeeze=False)
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
.dyad{border-top:2px solid #ddd;margin-top:1.5rem}.chart{display:block;max-width:100%;height:auto}
.legend span{display:inline-block;margin-right:1rem;font-size:.85rem}.sw{display:inline-block;width:.8rem;height:.8rem;border-radius:50%;margin-right:.3rem;vertical-align:middle}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:.5rem 0;font-size:.85rem}
.filters select{max-width:16rem}td.sent{max-width:34rem}.copies{color:#555;font-size:.75rem}
button{font-size:.8rem;cursor:pointer}
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
    dyad_view: DyadView | None = None,
) -> Path:
    """Write the HTML report; `documents` needs its text, `claims` the claim table.

    For a large corpus, `claims` may hold only the claims of the documents shown,
    with `totals` (claims by topic and stance, all of them) and
    `documents_with_claims` (how many documents have any) counted elsewhere.
    `dyad_view` adds the dyad sections and the filterable claim table.
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
    with_claims = documents[documents["doc_id"].isin(set(claims["doc_id"]))] if len(claims) else documents.iloc[0:0]
    total = max(documents_with_claims or 0, len(with_claims))
    shown_docs = with_claims.head(MAX_REPORT_DOCUMENTS)
    shown_ids = set(shown_docs["doc_id"])
    if dyad_view is not None:
        parts.append(_say_vs_do_html(dyad_view, shown_ids))
        parts.append(_dyads_html(dyad_view, shown_ids))
        parts.append(_claim_table_html(dyad_view, shown_ids))
    parts.append("<h2>Documents</h2>")
    if total > MAX_REPORT_DOCUMENTS or len(with_claims) < total:
        parts.append(f"<p class='meta'>Showing the first {len(shown_docs)} of {total} documents "
                     "with claims; claims.csv holds them all.</p>")
    by_doc = {k: g for k, g in claims.groupby("doc_id", sort=False)} if len(claims) else {}
    for doc in shown_docs.itertuples(index=False):
        parts.append(_document_html(doc, by_doc.get(doc.doc_id), shown_ids))
    if dyad_view is not None:
        parts.append(f"<script>{_SCRIPT}</script>")
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


def doc_anchor(doc_id) -> str:
    """The id of a document's block in the report (doc_ids are paths; ids must be plain)."""
    return "doc-" + hashlib.sha1(str(doc_id).encode("utf-8")).hexdigest()[:12]


def _doc_link(doc_id, shown: set, text=None) -> str:
    e = html.escape
    label = e(str(text if text is not None else doc_id))
    return f"<a href='#{doc_anchor(doc_id)}'>{label}</a>" if doc_id in shown else label


def _document_html(doc, claims: pd.DataFrame | None, shown: set | None = None) -> str:
    e = html.escape
    shown = shown or set()
    text = doc.text or ""
    date = "" if doc.date is None or pd.isna(doc.date) else str(doc.date)[:10]
    meta = " · ".join(x for x in (e(str(doc.doc_id)), e(date or "undated"), e(str(doc.source or ""))) if x)
    out = [f"<div class='doc' id='{doc_anchor(doc.doc_id)}'><h3>{e(str(doc.title or doc.doc_id))}</h3>"
           f"<div class='meta'>{meta}</div>"]
    shared = getattr(doc, "shared_with", "")
    if isinstance(shared, str) and shared:
        links = ", ".join(_doc_link(d, shown) if not d.startswith("and ") else e(d) for d in shared.split("; "))
        out.append(f"<div class='meta'>Repeats statements also found in: {links} "
                   f"({int(doc.shared_statements)} shared statement{'s' if int(doc.shared_statements) != 1 else ''})</div>")
    out.append("<pre>")
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
            f"{' (hedged)' if c.hedged else ''} · {e(c.speaker or 'author')}{_copies_note(c)}</span>"
            for c in items
        )
        out.append(f"<mark>{e(text[start:end])}</mark>{labels}")
        pos = end
    out.append(e(text[pos:]))
    out.append("</pre></div>")
    return "".join(out)


def _copies_note(c) -> str:
    copies = getattr(c, "copies", None)
    return f" · {int(copies)} copies" if copies is not None and not pd.isna(copies) and int(copies) > 1 else ""


def _tooltip(c) -> str:
    statement = getattr(c, "statement_id", None)
    return (f"speaker: {c.speaker or '-'}; role: {c.speaker_role or '-'}; org: {c.speaker_org or '-'}; "
            f"official: {c.official}; attribution: {c.attribution}; agent: {c.agent or '-'}; "
            f"counterpart: {c.counterpart or '-'}; trigger: {c.trigger}"
            + (f"; statement: {statement}" if isinstance(statement, str) else ""))


def _say_vs_do_html(view: DyadView, shown: set) -> str:
    rows = view.contradictions[view.contradictions["kind"] == "say-vs-do"] if len(view.contradictions) else None
    if rows is None or rows.empty:
        return ""
    out = ["<h3>Say vs do within one organisation</h3>",
           "<p class='meta'>A notice or a deconfliction channel acknowledged and coordination denied by the same "
           "organisation in the same period (all pairs in contradictions.csv).</p>"]
    out.append(_pairs_table(rows.head(MAX_PAIRS_SHOWN), shown))
    return "".join(out)


def _dyads_html(view: DyadView, shown: set) -> str:
    """A section per leading dyad: both directions' scores on one time axis, the pairs beneath."""
    from .dyads import COMBINED

    e = html.escape
    out = ["<h2 id='dyads'>Dyads: each side on the other</h2>",
           "<p class='meta'>Official statements about notice and cooperation between two states (or bodies), "
           "grouped by who speaks and whom it is about; score as above with its 95% interval, the number beside "
           "each point is the statements behind it. Copies of one statement count once. All dyads are in dyads.csv.</p>"]
    table = view.directions
    scored = table[table["topic"] == COMBINED] if len(table) else table
    if scored is None or scored.empty:
        out.append("<p>No official statement names both sides of a dyad.</p>")
        return "".join(out)
    ranking = scored.groupby("pair").agg(directions=("direction", "nunique"), statements=("statements", "sum"))
    ranking = ranking.sort_values(["directions", "statements"], ascending=False).head(MAX_DYADS)
    pairs = view.contradictions[view.contradictions["kind"] == "between sides"] if len(view.contradictions) else None
    for pair in ranking.index:
        part = scored[scored["pair"] == pair]
        sides = pair.split(" | ")
        directions = [f"{sides[0]} on {sides[1]}", f"{sides[1]} on {sides[0]}"] if len(sides) == 2 else [pair]
        title = " \u2194 ".join(sides)
        out.append(f"<section class='dyad'><h3>{e(title)}</h3>")
        out.append(_dyad_chart(part, directions))
        counts = ", ".join(
            f"{e(d)}: {int(part.loc[part['direction'] == d, 'statements'].sum())} statements" for d in directions)
        out.append(f"<p class='meta'>{counts}. <button type='button' data-show-pair='{e(pair, quote=True)}'>"
                   "Show these claims in the claim table</button></p>")
        mine = pairs[pairs["pair"] == pair] if pairs is not None else None
        if mine is not None and len(mine):
            total = view.pairs_of("between sides", pair, mine)
            out.append(f"<h4>Where one side acknowledges what the other denies ({total})</h4>")
            out.append(_pairs_table(mine.head(MAX_PAIRS_SHOWN), shown))
            if total > MAX_PAIRS_SHOWN:
                out.append(f"<p class='meta'>First {MAX_PAIRS_SHOWN} of {total}; contradictions.csv has all.</p>")
        else:
            out.append("<p class='meta'>No statement of one side acknowledges what the other denies in the same period.</p>")
        out.append("</section>")
    return "".join(out)


def _pairs_table(rows: pd.DataFrame, shown: set) -> str:
    e = html.escape

    def side(r, p):
        date = "" if pd.isna(getattr(r, f"{p}_date")) else str(getattr(r, f"{p}_date"))[:10]
        speaker = getattr(r, f"{p}_speaker")
        speaker = speaker if isinstance(speaker, str) and speaker else "(author)"
        copies = getattr(r, f"{p}_copies")
        note = f" <span class='copies'>({int(copies)} copies)</span>" if not pd.isna(copies) and int(copies) > 1 else ""
        return (f"<b>{e(speaker)}</b> ({e(str(getattr(r, f'{p}_org')))}), {e(date)}: "
                f"&ldquo;{e(str(getattr(r, f'{p}_sentence')).strip(chr(34) + ' “”'))}&rdquo;{note}<br>"
                f"<span class='meta'>{_doc_link(getattr(r, f'{p}_doc_id'), shown)}</span>")

    body = "".join(
        f"<tr><td>{e(r.period)}</td><td>{e(r.label)}</td><td>{side(r, 'ack')}</td><td>{side(r, 'deny')}</td></tr>"
        for r in rows.itertuples(index=False))
    return ("<table class='pairs'><thead><tr><th>period</th><th>what</th><th>acknowledged</th><th>denied</th></tr>"
            f"</thead><tbody>{body}</tbody></table>")


def _dyad_chart(part: pd.DataFrame, directions: list[str]) -> str:
    """Both directions' scores per period on one axis (inline SVG): points with their 95%
    intervals, side by side within a period, labelled with the statements behind them."""
    e = html.escape
    dated = part[part["period_start"].notna()]
    periods = sorted(dated[["period_start", "period"]].drop_duplicates().itertuples(index=False), key=lambda r: r[0])
    width, height, left, right, top, bottom = 760, 250, 44, 16, 14, 58
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / max(len(periods), 1)
    xs = {p.period: left + step * (i + 0.5) for i, p in enumerate(periods)}

    def y(v):
        return top + (1 - (float(v) + 1) / 2) * plot_h

    out = [f"<svg class='chart' role='img' viewBox='0 0 {width} {height}' width='{width}' height='{height}' "
           "font-family='sans-serif' font-size='11'>",
           f"<title>{e(' and '.join(directions))}: score per {e('period')}</title>"]
    for v in (-1, -0.5, 0, 0.5, 1):
        colour = "#999" if v == 0 else "#e5e5e5"
        out.append(f"<line x1='{left}' x2='{width - right}' y1='{y(v):.1f}' y2='{y(v):.1f}' stroke='{colour}'/>")
        out.append(f"<text x='{left - 6}' y='{y(v) + 4:.1f}' text-anchor='end' fill='#555'>{v:+g}</text>")
    every = max(1, math.ceil(len(periods) / 14))
    for i, p in enumerate(periods):
        if i % every == 0:
            out.append(f"<text x='{xs[p.period]:.1f}' y='{height - bottom + 16}' text-anchor='end' fill='#333' "
                       f"transform='rotate(-35 {xs[p.period]:.1f} {height - bottom + 16})'>{e(p.period)}</text>")
    offset = min(10.0, step / 5)
    for k, direction in enumerate(directions):
        colour = SIDE_COLOURS[k % len(SIDE_COLOURS)]
        rows = dated[dated["direction"] == direction].sort_values("period_start")
        dx = (-offset if k == 0 else offset) if len(directions) > 1 else 0
        points = []
        for r in rows.itertuples(index=False):
            if pd.isna(r.score):
                continue
            x = xs[r.period] + dx
            points.append(f"{x:.1f},{y(r.score):.1f}")
            tip = (f"{direction}, {r.period}: score {r.score:+.2f}, 95% interval [{r.ci_low:+.2f}, {r.ci_high:+.2f}]; "
                   f"{int(r.statements)} statements (acknowledge {int(r.acknowledge)}, deny {int(r.deny)}, "
                   f"conditional {int(r.conditional)}, evade {int(r.evade)}), {int(r.claims)} claims")
            out.append(f"<line x1='{x:.1f}' x2='{x:.1f}' y1='{y(r.ci_low):.1f}' y2='{y(r.ci_high):.1f}' "
                       f"stroke='{colour}' stroke-opacity='.55' stroke-width='3'/>")
            radius = 3 + min(5.0, math.sqrt(max(int(r.n), 0)))
            out.append(f"<circle cx='{x:.1f}' cy='{y(r.score):.1f}' r='{radius:.1f}' fill='{colour}'>"
                       f"<title>{e(tip)}</title></circle>")
            out.append(f"<text x='{x + radius + 2:.1f}' y='{y(r.score) - 4:.1f}' fill='{colour}' font-size='10'>"
                       f"{int(r.statements)}</text>")
        if len(points) > 1:
            out.append(f"<polyline points='{' '.join(points)}' fill='none' stroke='{colour}' stroke-opacity='.35' "
                       "stroke-dasharray='4 3'/>")
    out.append("</svg>")
    legend = "".join(
        f"<span><i class='sw' style='background:{SIDE_COLOURS[k % len(SIDE_COLOURS)]}'></i>{e(d)}</span>"
        for k, d in enumerate(directions))
    if not periods:
        return "<p class='meta'>Only undated statements.</p>"
    return "".join(out) + f"<div class='legend'>{legend}</div>"


def _claim_table_html(view: DyadView, shown: set) -> str:
    """Every claim of the report (up to MAX_REPORT_CLAIMS), with filters run by the inline script."""
    from .scoring import period_label

    e = html.escape
    claims = view.claims
    out = ["<h2 id='claims'>Claims</h2>"]
    if claims is None or claims.empty:
        out.append("<p>No claims.</p>")
        return "".join(out)
    if view.total_claims > len(claims):
        out.append(f"<p class='meta'>The first {len(claims)} of {view.total_claims} claims; claims.csv holds them all.</p>")
    pairs = dict(zip(view.claim_pairs["claim_id"], view.claim_pairs["pairs"], strict=True)) if len(view.claim_pairs) else {}
    rows, values = [], {"org": set(), "topic": set(), "stance": set(), "period": set(), "pair": set()}
    for c in claims.itertuples(index=False):
        org = c.speaker_org or (f"{c.speaker_country} (body not named)" if c.speaker_country else "(organisation not named)")
        period = period_label(c.date, view.period)
        claim_pairs = [p for p in str(pairs.get(c.claim_id) or "").split("; ") if p]
        first = not isinstance(c.statement_id, str) or c.statement_id == c.claim_id
        values["org"].add(org)
        values["topic"].add(c.topic)
        values["stance"].add(c.stance)
        values["period"].add(period)
        values["pair"].update(claim_pairs)
        copies = int(c.copies) if isinstance(c.copies, (int, float)) and not pd.isna(c.copies) else 1
        date = "" if c.date is None or pd.isna(c.date) else str(c.date)[:10]
        rows.append(
            f"<tr data-org='{e(org, quote=True)}' data-topic='{e(c.topic, quote=True)}' data-stance='{e(c.stance, quote=True)}' "
            f"data-period='{e(period, quote=True)}' data-pairs='{e(';'.join(claim_pairs), quote=True)}' data-first='{int(first)}'>"
            f"<td>{e(date)}</td><td>{e(org)}</td><td>{e(c.speaker or '(author)')}</td><td>{e(c.topic)}</td>"
            f"<td>{e(c.stance)}</td><td class='sent'>{e(str(c.sentence))}</td><td>{copies}</td>"
            f"<td>{_doc_link(c.doc_id, shown)}</td></tr>")

    def select(name, label):
        options = "".join(f"<option value='{e(v, quote=True)}'>{e(v)}</option>" for v in sorted(values[name]))
        return f"<label>{label} <select id='f-{name}'><option value=''>all</option>{options}</select></label>"

    out.append("<div class='filters'>" + select("org", "organisation") + select("topic", "topic")
               + select("stance", "stance") + select("period", "period") + select("pair", "dyad")
               + "<label><input type='checkbox' id='f-first'> one row per statement</label>"
               + "<button type='button' id='f-reset'>show all</button> <b id='f-count'></b></div>")
    out.append("<table id='claims-table'><thead><tr><th>date</th><th>organisation</th><th>speaker</th><th>topic</th>"
               "<th>stance</th><th>sentence</th><th>copies</th><th>document</th></tr></thead><tbody>"
               + "".join(rows) + "</tbody></table>")
    return "".join(out)


_SCRIPT = """
(function () {
  var table = document.getElementById('claims-table');
  if (!table) { return; }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var names = ['org', 'topic', 'stance', 'period', 'pair'];
  var selects = {};
  names.forEach(function (n) { selects[n] = document.getElementById('f-' + n); });
  var first = document.getElementById('f-first');
  var count = document.getElementById('f-count');
  function apply() {
    var shown = 0;
    rows.forEach(function (r) {
      var ok = names.every(function (n) {
        var want = selects[n].value;
        if (!want) { return true; }
        if (n === 'pair') { return (';' + r.getAttribute('data-pairs') + ';').indexOf(';' + want + ';') >= 0; }
        return r.getAttribute('data-' + n) === want;
      }) && (!first.checked || r.getAttribute('data-first') === '1');
      r.hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.textContent = shown + ' of ' + rows.length + ' claims shown';
  }
  names.forEach(function (n) { selects[n].addEventListener('change', apply); });
  first.addEventListener('change', apply);
  document.getElementById('f-reset').addEventListener('click', function () {
    names.forEach(function (n) { selects[n].value = ''; });
    first.checked = false;
    apply();
  });
  Array.prototype.forEach.call(document.querySelectorAll('[data-show-pair]'), function (b) {
    b.addEventListener('click', function () {
      names.forEach(function (n) { selects[n].value = ''; });
      selects.pair.value = b.getAttribute('data-show-pair');
      apply();
      document.getElementById('claims').scrollIntoView();
    });
  });
  apply();
})();
"""
