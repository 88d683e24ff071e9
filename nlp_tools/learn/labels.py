"""Reading labelled sentences: CSV, gold JSONL, doccano JSONL, Label Studio JSON.

Every reader yields plain `Example` records (a sentence, its label, and when
known the claim's topic and trigger) and `LabelProblem`s (file, line, problem)
for the rows it skips; a problem never stops the reading. The four formats:

- CSV (`.csv`, `.tsv`): a header row; the text and label columns are chosen with
  `text_column` / `label_column` (default `text`, then `label` or the task's
  name); optional `topic` and `trigger` columns.
- gold JSONL in the codebook's format (docs/annotating.md; a line holds a document and its `claims`):
  one example per gold claim, the label being the claim's field named by the
  task (`stance`, `topic`, or any field a researcher added to the claims). The
  claim's sentence, and the trigger the rules would give it, come from running
  the real pipeline over the document (`nlp_tools.load()`); for `topic`, the
  rules' false alarms add examples labelled `none`.
- doccano JSONL export of a text-classification project: `text` and `label`
  (a list with one label); extra fields (`topic`, `trigger`) at the top level or
  under `meta`.
- Label Studio JSON export: a list of tasks, `data.text` and the `choices` of
  the latest annotation not cancelled (`label_column` picks the control by its
  `from_name` when there are several). The JSON-MIN export (flat records) works
  too.

Labels are stripped and lower-cased ("Deny" and "deny" are one label).
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import NlpToolsError

FORMATS = ("csv", "gold", "doccano", "labelstudio")


@dataclass(frozen=True)
class Example:
    """One labelled sentence."""

    text: str
    label: str
    topic: str = ""
    trigger: str = ""
    source: str = ""  # file
    line: int = 0
    rules: str | None = None  # what the built-in rules say about it, when known (gold files)
    doc_id: str = ""
    rules_cue: str = ""  # the words that decided the rules' stance, when known (gold files)


@dataclass(frozen=True)
class LabelProblem:
    """A row that was skipped, and why."""

    path: str
    line: int
    problem: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.problem}" if self.line else f"{self.path}: {self.problem}"


@dataclass
class LabelSet:
    examples: list[Example] = field(default_factory=list)
    problems: list[LabelProblem] = field(default_factory=list)
    files: list[dict] = field(default_factory=list)  # {"path", "format", "sha256", "rows", "skipped"}

    @property
    def labels(self) -> list[str]:
        return [e.label for e in self.examples]

    def digest(self) -> str:
        """SHA-256 of the examples themselves (text, topic, trigger, label), order-independent."""
        lines = sorted(f"{e.text}\x1f{e.topic}\x1f{e.trigger}\x1f{e.label}" for e in self.examples)
        return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def read_labels(
    paths,
    task: str = "stance",
    fmt: str | None = None,
    text_column: str = "text",
    label_column: str | None = None,
    nlp=None,
) -> LabelSet:
    """Read one or more label files into one LabelSet (format guessed from each file)."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    result = LabelSet()
    for raw in paths:
        path = Path(raw)
        if not path.is_file():
            raise NlpToolsError(f"{path}: no such file")
        kind = fmt or detect_format(path)
        if kind not in FORMATS:
            raise NlpToolsError(f"{path}: unknown label format '{kind}' (choose {', '.join(FORMATS)})")
        before_e, before_p = len(result.examples), len(result.problems)
        if kind == "csv":
            items = read_csv(path, task, text_column, label_column)
        elif kind == "doccano":
            items = read_doccano(path, task, text_column, label_column)
        elif kind == "labelstudio":
            items = read_labelstudio(path, task, text_column, label_column)
        else:
            if nlp is None:
                from ..pipeline import load

                nlp = load()
            items = read_gold_labels(path, task, nlp, label_column)
        for item in items:
            (result.problems if isinstance(item, LabelProblem) else result.examples).append(item)
        result.files.append({
            "path": str(raw),
            "format": kind,
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
            "examples": len(result.examples) - before_e,
            "skipped": len(result.problems) - before_p,
        })
    return result


def detect_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv", ".txt"):
        return "csv"
    if suffix == ".json":
        return "labelstudio"
    if suffix in (".jsonl", ".ndjson"):
        with path.open(encoding="utf-8-sig", errors="replace") as fh:
            for line in fh:
                if not line.strip():
                    continue
                try:
                    first = json.loads(line)
                except ValueError:
                    continue
                return "gold" if isinstance(first, dict) and "claims" in first else "doccano"
        return "doccano"
    raise NlpToolsError(f"{path}: cannot tell the label format from the name; give --format ({', '.join(FORMATS)})")


def _label(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return " ".join(str(value).split()).lower() if value is not None else ""


def _text(value) -> str:
    return " ".join(str(value).split()) if value is not None else ""


# -- CSV ------------------------------------------------------------------------
def read_csv(path: Path, task: str, text_column: str = "text", label_column: str | None = None) -> Iterator:
    try:
        fh = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise NlpToolsError(f"{path}: cannot open ({exc.strerror})") from None
    with fh:
        sample = fh.read(8192)
        fh.seek(0)
        delimiter = "\t" if path.suffix.lower() == ".tsv" or (sample.count("\t") > sample.count(",")) else ","
        reader = csv.DictReader(fh, delimiter=delimiter)
        header = reader.fieldnames or []
        if text_column not in header:
            raise NlpToolsError(f"{path}: no column '{text_column}' (columns: {', '.join(header) or 'none'}); "
                                "choose one with --text-column")
        label_col = _pick_label_column(path, header, task, label_column)
        try:
            for row in reader:
                line = reader.line_num
                if None in row:
                    yield LabelProblem(str(path), line, f"{len(header) + len(row[None])} fields, the header has {len(header)}")
                    continue
                if any(v is None for v in row.values()):
                    yield LabelProblem(str(path), line, f"fewer fields than the header's {len(header)}")
                    continue
                yield from _example(path, line, row.get(text_column), row.get(label_col),
                                    row.get("topic", ""), row.get("trigger", ""))
        except csv.Error as exc:
            yield LabelProblem(str(path), reader.line_num, f"unreadable CSV ({exc}); the rest of the file is skipped")
        except UnicodeDecodeError:
            yield LabelProblem(str(path), reader.line_num + 1, "not UTF-8 text; the rest of the file is skipped")


def _pick_label_column(path: Path, header: list[str], task: str, label_column: str | None) -> str:
    if label_column:
        if label_column not in header:
            raise NlpToolsError(f"{path}: no column '{label_column}' (columns: {', '.join(header)})")
        return label_column
    for candidate in ("label", task):
        if candidate in header:
            return candidate
    raise NlpToolsError(f"{path}: no 'label' or '{task}' column (columns: {', '.join(header)}); choose one with --label-column")


def _example(path: Path, line: int, text, label, topic="", trigger="") -> Iterator:
    text = _text(text)
    if isinstance(label, list):
        if not label:
            yield LabelProblem(str(path), line, "no label")
            return
        if len(label) > 1:
            yield LabelProblem(str(path), line, f"{len(label)} labels ({', '.join(map(str, label))}); one expected")
            return
        label = label[0]
    if isinstance(label, (dict, list)):
        yield LabelProblem(str(path), line, "the label is not a text label (span or nested annotation)")
        return
    label = _label(label)
    if not text:
        yield LabelProblem(str(path), line, "empty text")
    elif not label:
        yield LabelProblem(str(path), line, "no label")
    else:
        yield Example(text, label, _text(topic).lower(), _text(trigger), str(path), line)


# -- doccano ----------------------------------------------------------------------
def read_doccano(path: Path, task: str, text_column: str = "text", label_column: str | None = None) -> Iterator:
    try:
        fh = path.open(encoding="utf-8-sig")
    except OSError as exc:
        raise NlpToolsError(f"{path}: cannot open ({exc.strerror})") from None
    with fh:
        try:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except ValueError as exc:
                    yield LabelProblem(str(path), number, f"not valid JSON ({exc.msg})")
                    continue
                if not isinstance(obj, dict):
                    yield LabelProblem(str(path), number, "not a JSON object")
                    continue
                meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
                text = obj.get(text_column, obj.get("data"))
                keys = [label_column] if label_column else ["label", "labels", task]
                key = next((k for k in keys if k in obj), None)
                if key is None:
                    yield LabelProblem(str(path), number, f"no '{keys[0]}' field")
                    continue
                label = obj[key]
                if isinstance(label, list) and label and all(isinstance(x, list) for x in label):
                    yield LabelProblem(str(path), number, "span labels (a sequence-labelling project); a text label expected")
                    continue
                topic = obj.get("topic", meta.get("topic", ""))
                trigger = obj.get("trigger", meta.get("trigger", ""))
                yield from _example(path, number, text, label, topic, trigger)
        except UnicodeDecodeError:
            yield LabelProblem(str(path), 0, "not UTF-8 text; the rest of the file is skipped")


# -- Label Studio ----------------------------------------------------------------
def read_labelstudio(path: Path, task: str, text_column: str = "text", label_column: str | None = None) -> Iterator:
    try:
        content = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise NlpToolsError(f"{path}: cannot read as UTF-8 JSON ({exc})") from None
    for number, obj in _json_array(path, content):
        if not isinstance(obj, dict):
            yield LabelProblem(str(path), number, "a task must be a JSON object")
            continue
        data = obj.get("data")
        if isinstance(data, dict):
            text = data.get(text_column)
            topic, trigger = data.get("topic", ""), data.get("trigger", "")
            annotations = obj.get("annotations", obj.get("completions")) or []
            label = _choice(annotations, label_column)
            if isinstance(label, LabelProblem):
                yield LabelProblem(str(path), number, label.problem)
                continue
        else:  # JSON-MIN: flat records
            text = obj.get(text_column)
            topic, trigger = obj.get("topic", ""), obj.get("trigger", "")
            key = next((k for k in ([label_column] if label_column else ["label", task, "choice"]) if k in obj), None)
            label = obj.get(key) if key else None
            if isinstance(label, dict) and "choices" in label:
                label = label["choices"]
        if text is None:
            yield LabelProblem(str(path), number, f"no '{text_column}' in the task data")
            continue
        yield from _example(path, number, text, label, topic, trigger)


def _choice(annotations: list, control: str | None):
    """The choice of the latest annotation that was not cancelled, or a problem."""
    live = [a for a in annotations if isinstance(a, dict) and not a.get("was_cancelled")]
    if not live:
        return LabelProblem("", 0, "not annotated" if not annotations else "annotation cancelled")
    for annotation in reversed(live):
        choices = [
            r for r in annotation.get("result") or []
            if isinstance(r, dict) and r.get("type", "choices") == "choices"
            and isinstance(r.get("value"), dict) and "choices" in r["value"]
            and (control is None or r.get("from_name") == control)
        ]
        if choices:
            if len(choices) > 1:
                names = ", ".join(str(r.get("from_name")) for r in choices)
                return LabelProblem("", 0, f"several choice controls ({names}); pick one with --label-column")
            return choices[0]["value"]["choices"]
    return LabelProblem("", 0, "no choice in the annotation" + (f" for '{control}'" if control else ""))


def _json_array(path: Path, content: str) -> Iterator[tuple[int, object]]:
    """The elements of a top-level JSON array, each with the line it starts on."""
    decoder = json.JSONDecoder()
    pos, line = 0, 1

    def skip(p: int) -> int:
        while p < len(content) and content[p] in " \t\r\n":
            p += 1
        return p

    def line_at(p: int) -> int:
        nonlocal pos, line
        line += content.count("\n", pos, p)
        pos = p
        return line

    p = skip(0)
    if p >= len(content) or content[p] != "[":
        raise NlpToolsError(f"{path}: a Label Studio export is a JSON list of tasks")
    p = skip(p + 1)
    if p < len(content) and content[p] == "]":
        return
    while p < len(content):
        number = line_at(p)
        try:
            obj, end = decoder.raw_decode(content, p)
        except ValueError as exc:
            raise NlpToolsError(f"{path}: line {line_at(min(len(content), getattr(exc, 'pos', p)))}: "
                                f"not valid JSON ({getattr(exc, 'msg', exc)})") from None
        yield number, obj
        p = skip(end)
        if p < len(content) and content[p] == ",":
            p = skip(p + 1)
        elif p < len(content) and content[p] == "]":
            return
        else:
            raise NlpToolsError(f"{path}: line {line_at(p)}: expected ',' or ']' in the list of tasks")
    raise NlpToolsError(f"{path}: the list of tasks is not closed")


# -- gold JSONL ---------------------------------------------------------------------
def read_gold_labels(path: Path, task: str, nlp, label_column: str | None = None) -> Iterator:
    """Sentence-level examples from a gold file's claims (see the module doc)."""
    from ..documents import normalise_with_offsets
    from ..extract import context_for
    from ..readers import document_from_text

    key = label_column or task
    documents = []
    try:
        fh = path.open(encoding="utf-8-sig")
    except OSError as exc:
        raise NlpToolsError(f"{path}: cannot open ({exc.strerror})") from None
    with fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as exc:
                yield LabelProblem(str(path), number, f"not valid JSON ({exc.msg})")
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                yield LabelProblem(str(path), number, "not a gold document (no 'text')")
                continue
            norm = normalise_with_offsets(obj["text"])
            doc_id = str(obj.get("doc_id") or f"{path.name}#{number}")
            claims = []
            for i, c in enumerate(obj.get("claims") or [], start=1):
                try:
                    start = norm.to_normalised(int(c["start_char"]))
                    end = max(start + 1, norm.to_normalised(int(c["end_char"])))
                    topic = str(c["topic"])
                except (KeyError, TypeError, ValueError) as exc:
                    yield LabelProblem(str(path), number, f"claim {i}: malformed ({exc!r}); skipped")
                    continue
                if key not in c or c[key] in (None, ""):
                    yield LabelProblem(str(path), number, f"claim {i}: no '{key}'; skipped")
                    continue
                claims.append((start, end, topic, _label(c[key])))
            meta = {"date": obj.get("date") or "", "source": obj.get("source") or "", "title": obj.get("title") or ""}
            documents.append((number, document_from_text(norm.text, doc_id=doc_id, kind="jsonl", meta=meta), claims))

    def docs():
        for number, document, claims in documents:
            doc = nlp.make_doc(document.text)
            doc._.press_context = context_for(document)
            yield doc, (number, document, claims)

    for doc, (number, document, claims) in nlp.pipe(docs(), as_tuples=True, batch_size=8):
        predicted = list(doc._.claims or [])
        used: set[int] = set()
        for start, end, topic, label in claims:
            match = _best_match(predicted, start, end, topic, used)
            if match is not None:
                used.add(match)
                claim = predicted[match]
                text, trigger, rules = claim.sentence, claim.trigger, (claim.stance if task == "stance" else claim.topic)
                cue = claim.stance_cue if task == "stance" else ""
            else:
                sent = _sentence_at(doc, start)
                text, trigger, rules, cue = (sent.text if sent is not None else doc.text[start:end]), "", None, ""
            if task == "topic":
                label = topic
            yield Example(_text(text), label, "" if task == "topic" else topic, trigger, str(path), number,
                          rules, document.doc_id, cue)
        if task == "topic":
            for i, claim in enumerate(predicted):
                if i not in used and not any(_overlap(claim, s, e) for s, e, *_ in claims):
                    yield Example(_text(claim.sentence), "none", "", claim.trigger, str(path), number,
                                  claim.topic, document.doc_id)


def _overlap(claim, start: int, end: int) -> bool:
    return min(claim.end_char, end) - max(claim.start_char, start) > 0


def _best_match(predicted, start: int, end: int, topic: str, used: set[int]) -> int | None:
    best, best_overlap = None, 0
    for i, claim in enumerate(predicted):
        if i in used or claim.topic != topic:
            continue
        overlap = min(claim.end_char, end) - max(claim.start_char, start)
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


def _sentence_at(doc, char: int):
    for sent in doc.sents:
        if sent.start_char <= char < sent.end_char:
            return sent
    return None
