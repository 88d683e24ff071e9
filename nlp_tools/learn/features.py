"""Features of a claim for scikit-learn: the inputs, and cues from the spaCy parse.

A classifier's input is one claim: its sentence, its topic and its trigger (the
words that made it a claim). `ClaimInputs` turns what a user has at hand (a
list of sentences, dicts, `Claim` records, label rows or a DataFrame) into a
frame with the columns `text`, `topic` and `trigger`, so that
`model.predict(["We were not informed."])` and `model.predict(doc._.claims)`
both work.

`ParseCues` parses each sentence with a real spaCy pipeline (the model named by
`spacy_model`, by default the one `nlp_tools.load()` uses) and describes the
trigger's place in the dependency tree: the lemmas on its path to the root, the
function words hanging off that path (negations, modals, clause markers,
determiners such as "no"), whether a negation, a condition or an evasion frame
reaches the trigger or only sits elsewhere in the sentence. A bag of words sees
"not" and "informed" in "We informed them, not Moscow"; these features see
whether the negation governs the trigger. They come out as a dict per claim for
a `DictVectorizer`.

Both transformers hold only strings and numbers, so a fitted pipeline saves
with skops; the spaCy pipeline itself is never saved but loaded by name, once
per process, and parses are cached per sentence (cross-validation parses each
sentence once).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin

COLUMNS = ("text", "topic", "trigger")

# Cue words (English lemmas). The parse features do not depend on them: these
# only name well-known cues so that a small training set need not discover them.
NEGATION = {"not", "n't", "no", "never", "none", "nothing", "neither", "nor", "without", "nobody", "lack", "absence"}
DENY_VERBS = {"deny", "reject", "refute", "dismiss", "rule", "dispute", "contradict", "stop", "suspend", "halt",
              "end", "cancel", "refuse", "decline", "exclude"}
CONDITION = {"if", "unless", "until", "provided", "providing", "once", "whether", "condition", "depend", "long"}
EVASION = {"decline", "refuse", "comment", "speculate", "characterize", "characterise", "discuss", "confirm",
           "detail", "elaborate", "disclose", "refer", "get", "go", "answer", "specific", "operational"}
TIMING = {"after", "afterwards", "afterward", "later", "subsequently", "during", "while", "underway", "already",
          "before", "advance", "prior", "ahead", "beforehand", "immediately", "minute", "hour"}
HEDGES = {"may", "might", "could", "reportedly", "apparently", "believe", "appear", "seem", "allegedly", "likely",
          "possibly", "perhaps", "suggest"}
MODALS = {"will", "would", "can", "could", "may", "might", "should", "must", "shall"}
CUES = {"neg": NEGATION, "deny": DENY_VERBS, "cond": CONDITION, "evade": EVASION, "time": TIMING, "hedge": HEDGES}
_FUNCTION_DEPS = {"neg", "aux", "auxpass", "mark", "advmod", "det", "prep", "npadvmod", "preconj", "prt", "case",
                  "advcl", "acomp", "xcomp", "ccomp", "nsubj", "nsubjpass", "expl", "cc"}


class ClaimInputs(BaseEstimator, TransformerMixin):
    """Anything claim-like to a DataFrame with `text`, `topic` and `trigger` (stateless).

    Accepts a DataFrame (a `sentence` column stands in for `text`), strings,
    dicts, or objects with `text`/`sentence`, `topic` and `trigger` attributes
    (Claim records, label rows). Whitespace is collapsed. With
    `use_topic=False` the topic is blanked, for models that predict it.
    """

    def __init__(self, use_topic: bool = True):
        self.use_topic = use_topic

    def fit(self, X, y=None):
        return self

    def transform(self, X) -> pd.DataFrame:
        frame = as_frame(X)
        if not self.use_topic:
            frame["topic"] = ""
        return frame

    def __sklearn_is_fitted__(self) -> bool:
        return True


def as_frame(X) -> pd.DataFrame:
    """The claim frame of `X` (see ClaimInputs)."""
    if isinstance(X, pd.DataFrame):
        source = X
        if "text" not in source.columns and "sentence" in source.columns:
            source = source.rename(columns={"sentence": "text"})
        if "text" not in source.columns:
            raise ValueError("a claim frame needs a 'text' (or 'sentence') column")
        return pd.DataFrame(
            {c: [_clean(v) for v in source[c]] if c in source.columns else [""] * len(source) for c in COLUMNS},
            columns=list(COLUMNS),
        )
    if isinstance(X, str):
        raise ValueError("expected a list of sentences, not one string")
    records = [_record(item) for item in _items(X)]
    return pd.DataFrame(records, columns=list(COLUMNS))


def _items(X) -> Iterable:
    if isinstance(X, np.ndarray):
        return X.ravel().tolist() if X.ndim <= 1 or X.shape[1] == 1 else [dict(zip(COLUMNS, row, strict=False)) for row in X.tolist()]
    return X


def _record(item) -> dict:
    if isinstance(item, str):
        return {"text": _clean(item), "topic": "", "trigger": ""}
    if isinstance(item, Mapping):
        text = item.get("text", item.get("sentence", ""))
        return {"text": _clean(text), "topic": _clean(item.get("topic", "")), "trigger": _clean(item.get("trigger", ""))}
    text = getattr(item, "text", None)
    if text is None:
        text = getattr(item, "sentence", "")
    return {"text": _clean(text), "topic": _clean(getattr(item, "topic", "")), "trigger": _clean(getattr(item, "trigger", ""))}


def _clean(value) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    return " ".join(str(value).split())


class ParseCues(BaseEstimator, TransformerMixin):
    """Dependency-parse cues around the trigger, as one feature dict per claim.

    `spacy_model`: the spaCy pipeline to parse with (a package name or path);
    None means the model `nlp_tools.load()` resolves. The fitted attribute
    `spacy_model_` records which model and version parsed the training data.
    """

    def __init__(self, spacy_model: str | None = None):
        self.spacy_model = spacy_model

    def fit(self, X, y=None):
        nlp = parser(self.spacy_model)
        self.spacy_model_ = f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}=={nlp.meta.get('version', '')}"
        return self

    def transform(self, X) -> list[dict[str, float]]:
        frame = as_frame(X)
        return claim_features(frame, self.spacy_model)

    def __sklearn_is_fitted__(self) -> bool:
        return True


# -- the spaCy side ---------------------------------------------------------------
_PARSERS: dict[str, object] = {}
_CACHE: OrderedDict[tuple, dict[str, float]] = OrderedDict()
_CACHE_SIZE = 10_000
_LOCK = threading.Lock()


def parser(name: str | None):
    """The spaCy pipeline for parse features, loaded once per process (NER disabled)."""
    key = name or ""
    with _LOCK:
        nlp = _PARSERS.get(key)
        if nlp is None:
            from ..pipeline import resolve_model

            nlp = resolve_model(name)
            for pipe in ("ner", "press_claims", "line_sentences"):
                if pipe in nlp.pipe_names:
                    nlp.disable_pipe(pipe)
            _PARSERS[key] = nlp
    return nlp


def claim_features(frame: pd.DataFrame, spacy_model: str | None = None) -> list[dict[str, float]]:
    """Parse-cue dicts for the rows of a claim frame, parsing only sentences not cached."""
    keys = [(spacy_model or "", r.text, r.topic, r.trigger) for r in frame.itertuples(index=False)]
    missing = sorted({k[1] for k in keys if k not in _CACHE})
    if missing:
        nlp = parser(spacy_model)
        docs = dict(zip(missing, nlp.pipe(missing, batch_size=64), strict=True))
        for key in keys:
            if key not in _CACHE and key[1] in docs:
                _remember(key, cues(docs[key[1]], key[2], key[3]))
    out = []
    for key in keys:
        features = _CACHE.get(key)
        if features is None:  # evicted meanwhile (a very large batch)
            features = cues(parser(spacy_model)(key[1]), key[2], key[3])
        else:
            _CACHE.move_to_end(key)
        out.append(dict(features))
    return out


def _remember(key: tuple, features: dict[str, float]) -> None:
    _CACHE[key] = features
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)


def find_trigger(doc, trigger: str):
    """The token heading the trigger's first occurrence in `doc`, or None."""
    if not trigger:
        return None
    low = doc.text.lower()
    needle = trigger.lower()
    at = low.find(needle)
    while at != -1:
        # a whole-word match: "strike" must not match inside "airstrikes" ... unless nothing better exists
        before = low[at - 1] if at > 0 else " "
        after = low[at + len(needle)] if at + len(needle) < len(low) else " "
        if not before.isalnum() and not after.isalnum():
            break
        at = low.find(needle, at + 1)
    if at == -1:
        at = low.find(needle)
    if at == -1:
        words = needle.split()
        if not words:
            return None
        for tok in doc:
            if tok.lower_ == words[0] or tok.lemma_.lower() == words[0]:
                return tok
        return None
    span = doc.char_span(at, at + len(needle), alignment_mode="expand")
    return span.root if span is not None and len(span) else None


# Relations through which a cue above still has the trigger in its scope (complements,
# modifiers of a noun, coordination); a relative clause, an adverbial clause or an
# apposition closes the scope ("areas targeted by Russia are not ISIL strongholds").
_OPEN = {"dobj", "obj", "attr", "nsubjpass", "oprd", "dative", "acomp", "xcomp", "ccomp", "compound", "amod",
         "nmod", "nummod", "poss", "conj", "pobj", "prep", "pcomp", "nsubj", "csubj", "iobj", "agent", "auxpass",
         "aux", "ROOT"}


def _negation_child(child) -> bool:
    low = child.lower_
    return child.dep_ == "neg" or (child.dep_ in ("det", "advmod", "preconj", "nsubj", "dobj") and low in (
        "no", "never", "neither", "nor", "none", "nothing", "nobody"))


def _scope(f: dict[str, float], path: list, topic: str) -> None:
    """Which cues reach the trigger, and through which chain of relations."""
    chain: list[str] = []
    open_scope = True
    for depth, node in enumerate(path):
        if depth:
            dep = path[depth - 1].dep_
            chain.append(dep)
            if dep not in _OPEN:
                open_scope = False
        tail = ">".join(chain[-2:]) or "self"
        for child in node.children:
            if child.i == (path[depth - 1].i if depth else -1):
                continue
            kind = ""
            if _negation_child(child):
                kind = "neg"
            elif child.dep_ == "prep" and child.lower_ == "without":
                kind = "neg"
            elif child.dep_ in ("advcl", "mark", "prep") and (
                child.lower_ in CONDITION or any(c.dep_ == "mark" and c.lower_ in CONDITION for c in child.children)
            ):
                kind = "cond"
            if not kind:
                continue
            f[f"chain:{kind}:{tail}"] = 1.0
            if open_scope:
                f[f"strict:{kind}"] = 1.0
                f[f"strict:{kind}|{topic}"] = 1.0
            else:
                f[f"blocked:{kind}"] = 1.0
        if node.lemma_.lower() in DENY_VERBS and depth and open_scope:
            f["strict:deny"] = 1.0
            f[f"strict:deny|{topic}"] = 1.0
        if node.lemma_.lower() in EVASION and depth and open_scope:
            f["strict:evade"] = 1.0


def cues(doc, topic: str = "", trigger: str = "") -> dict[str, float]:
    """The feature dict of one parsed sentence and its trigger."""
    f: dict[str, float] = {}
    topic = topic or "?"
    f[f"topic={topic}"] = 1.0
    if not len(doc):
        f["empty"] = 1.0
        return f
    head = find_trigger(doc, trigger)
    if head is None:
        f["trigger=none"] = 1.0
        sents = list(doc.sents)
        head = max(sents, key=len).root if sents else doc[0]
    else:
        f[f"trigger={head.lemma_.lower()}"] = 1.0
    sent = head.sent
    if doc.text.rstrip("\"'”’)] ").endswith("?"):
        f["question"] = 1.0
    path = [head, *[a for a in head.ancestors if sent.start <= a.i < sent.end]]
    on_path = {t.i for t in path}
    near: set[int] = set(on_path)
    _scope(f, path, topic)
    for depth, node in enumerate(path):
        d = min(depth, 3)
        lemma = node.lemma_.lower()
        if depth:
            f[f"path:{lemma}"] = 1.0
            f[f"path_dep:{path[depth - 1].dep_}"] = 1.0
        for child in node.children:
            if child.i in on_path or child.dep_ not in _FUNCTION_DEPS:
                continue
            near.add(child.i)
            cl = child.lemma_.lower()
            if child.dep_ == "advcl":
                mark = next((c.lower_ for c in child.children if c.dep_ in ("mark", "advmod") and c.i < child.i), "")
                f[f"kid:advcl:{mark or child.lemma_.lower()}"] = 1.0
                if mark in CONDITION:
                    f["scope:cond"] = 1.0
                    f[f"scope:cond|{topic}"] = 1.0
                continue
            if child.dep_ in ("xcomp", "ccomp", "acomp"):
                f[f"kid:{child.dep_}:{cl}"] = 1.0
                continue
            if child.dep_ in ("nsubj", "nsubjpass", "expl"):
                f[f"subj:{cl if child.pos_ == 'PRON' else child.pos_}"] = 1.0
                if child.lower_ in ("no", "none", "nobody", "nothing"):
                    f["scope:neg"] = 1.0
                continue
            f[f"kid:{child.dep_}:{cl}"] = 1.0
            f[f"kid@{d}:{child.dep_}:{cl}"] = 1.0
            if child.dep_ == "neg" or cl in ("no", "never", "neither", "nor", "without"):
                f["scope:neg"] = 1.0
                f[f"scope:neg@{d}"] = 1.0
                f[f"scope:neg|{topic}"] = 1.0
            if child.dep_ in ("aux", "auxpass") and cl in MODALS:
                f[f"modal:{cl}"] = 1.0
            if child.dep_ == "prep" and cl in ("after", "during", "until", "unless", "without", "before", "ahead"):
                obj = " ".join(t.lemma_.lower() for t in child.subtree if t.dep_ == "pobj")
                f[f"prep:{cl}"] = 1.0
                if cl in ("until", "unless"):
                    f["scope:cond"] = 1.0
                if obj:
                    f[f"prep:{cl}:{obj.split()[0]}"] = 1.0
        if lemma in DENY_VERBS and depth:
            f["scope:deny"] = 1.0
            f[f"scope:deny|{topic}"] = 1.0
        if lemma in EVASION and depth:
            f["scope:evade"] = 1.0
    for tok in doc:
        lemma, low = tok.lemma_.lower(), tok.lower_
        for name, words in CUES.items():
            if lemma in words or low in words:
                f[f"cue:{name}"] = 1.0
                f[f"cue:{name}={lemma}"] = 1.0
                if tok.i in near:
                    f[f"near:{name}"] = 1.0
                    f[f"near:{name}|{topic}"] = 1.0
    return f
