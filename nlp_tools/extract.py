"""Running the pipeline over Documents: from Document to its claims.

The one place where Documents become spaCy Docs, so that `run`, `evaluate`
and the Dask workers extract in exactly the same way.

Two paths give the same claims:

- exact (`fast=False`): every document is one Doc through the whole pipeline;
- fast (the default): a cheap filter (`candidates.CandidateFilter`, built from
  the component's own lexicon) picks the lines that can hold a claim, and a
  learned detector, when the component has one, the segments it proposes; only
  those, with the line before each and the document's head, are parsed, as
  Docs holding part of the document (`DocumentContext.base_offset`,
  `full_text`). The windows of one document share one DocumentContext, so the
  component's memory of the document (people named so far, the issuer of a
  release, its transcript turns) runs on from one window to the next.
"""

from __future__ import annotations

import contextlib
import re
import time
import weakref
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy import attrs as spacy_attrs
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from .claims import Claim, DocumentClaims, DocumentContext
from .documents import Document

DEFAULT_BATCH_SIZE = 32
FAST_BATCH_SIZE = 64  # windows are short: a few lines each
COMPONENT = "press_claims"


def context_for(document: Document) -> DocumentContext:
    return DocumentContext(
        doc_id=document.doc_id,
        date=document.date,
        source=document.source,
        title=document.title,
    )


def extract_claims(
    nlp: Language,
    documents: Iterable[Document],
    batch_size: int | None = None,
    fast: bool = True,
    zones: MemoryZones | None = None,
) -> Iterator[tuple[Document, list[Claim]]]:
    """Yield each document with its claims, in input order, streaming.

    `fast=False` parses every document whole (the reference path); the fast
    path parses only candidate passages and gives the same claims. `zones`:
    memory zones that outlast this call (a worker's partitions), else one per chunk.
    """
    if fast and COMPONENT in nlp.pipe_names:
        extractor = fast_extractor(nlp)
        size = batch_size or FAST_BATCH_SIZE

        def run(chunk):
            return extractor.extract(chunk, size)
    else:
        size = batch_size or DEFAULT_BATCH_SIZE

        def run(chunk):
            return _exact(nlp, chunk, size)

    # Each chunk of documents is extracted inside a spaCy memory zone: the strings and
    # lexemes its texts add to the shared vocabulary are freed when it ends, so memory
    # does not grow with the corpus. Claims are plain records and outlive the zone.
    for chunk in _chunks(documents):
        with _memory_zone(nlp) if zones is None else zones.around(chunk):
            results = list(run(chunk))
        yield from results


ZONE_CHARS = 400_000  # text per memory zone (a few dozen briefings)
ZONE_DOCUMENTS = 100


def _chunks(documents: Iterable[Document]) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    chars = 0
    for document in documents:
        chunk.append(document)
        chars += len(document.text)
        if chars >= ZONE_CHARS or len(chunk) >= ZONE_DOCUMENTS:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def _memory_zone(nlp: Language):
    zone = getattr(nlp, "memory_zone", None)
    return zone() if zone is not None else contextlib.nullcontext()


class MemoryZones:
    """One memory zone kept open over several calls, closed once ZONE_CHARS of text went through it.

    A worker extracts a partition (some thousands of words) per call: a zone per call would
    start every partition with the tokenizer's cache and the vocabulary cold for the words
    the model does not know, about a tenth more time in all. `close()` ends the open zone."""

    def __init__(self, nlp: Language):
        self.nlp = nlp
        self._zone = None
        self._chars = 0

    @contextlib.contextmanager
    def around(self, documents: list[Document]) -> Iterator[None]:
        if self._zone is None:
            self._zone = _memory_zone(self.nlp)
            self._zone.__enter__()
        try:
            yield
        except BaseException:
            self.close()
            raise
        self._chars += sum(len(document.text) for document in documents)
        if self._chars >= ZONE_CHARS:
            self.close()

    def close(self) -> None:
        zone, self._zone, self._chars = self._zone, None, 0
        if zone is not None:
            zone.__exit__(None, None, None)


def _exact(nlp: Language, documents: Iterable[Document], batch_size: int) -> Iterator[tuple[Document, list[Claim]]]:
    def docs():
        for document in documents:
            doc = nlp.make_doc(document.text)
            doc._.press_context = context_for(document)
            yield doc, document

    for doc, document in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
        ctx = doc._.press_context
        yield document, DocumentClaims(doc._.claims or [], ctx.failures if ctx is not None else ())


# -- the fast path ---------------------------------------------------------------


@dataclass
class _Pending:
    """A document whose windows are on their way through the pipeline."""

    document: Document
    ctx: DocumentContext
    windows: int
    done: int = 0
    claims: list[Claim] = field(default_factory=list)


class FastExtractor:
    """Candidate windows through the pipeline, the claim component run per document."""

    def __init__(self, nlp: Language, context: int = 0, lead: int = 12, tail: int = 10, fast_ruler: bool = True,
                 fast_parser: bool = True):
        from .candidates import CandidateFilter

        self.nlp = nlp
        self.component = nlp.get_pipe(COMPONENT)
        self.filter = CandidateFilter(nlp, COMPONENT, context=context, lead=lead, tail=tail)
        self.names = list(nlp.pipe_names)
        self.stats = {"documents": 0, "windows": 0, "chars": 0, "parsed_chars": 0}
        self.seconds: Counter = Counter()  # per pipeline step, for the benchmark's profile
        self.steps = []  # what runs before the claim component, on every window
        self.after = []  # what runs after it (a trained claim classifier), on each window's Doc
        names = nlp.pipe_names
        position = names.index(COMPONENT)
        for name, proc in nlp.pipeline:
            if names.index(name) > position:
                self.after.append((name, proc))
            elif name != COMPONENT:
                if fast_ruler and type(proc).__name__ == "AttributeRuler" and FastAttributeRuler.supports(proc):
                    proc = FastAttributeRuler(proc)
                elif fast_ruler and FastLemmatizer.supports(proc):
                    proc = FastLemmatizer(proc)
                elif fast_parser and GreedyParser.supports(proc):
                    proc = GreedyParser(proc)
                self.steps.append((name, proc))

    def pipe(self, stream, batch_size: int):
        """(Doc, meta) pairs through every step but the claim component, a batch at a time.

        What `nlp.pipe(..., disable=[COMPONENT])` does, with the attribute ruler
        replaced by an equivalent that does not run spaCy's Matcher, the parser
        and the entity recogniser stepped from Python (`GreedyParser`), and the
        time of each step counted.
        """
        seconds = self.seconds
        clock = time.perf_counter
        for batch in minibatch(stream, batch_size):
            docs = [doc for doc, _ in batch]
            for name, proc in self.steps:
                started = clock()
                if hasattr(proc, "pipe"):
                    docs = list(proc.pipe(docs, batch_size=batch_size))
                else:
                    docs = [proc(doc) for doc in docs]
                seconds[name] += clock() - started
            yield from zip(docs, (meta for _, meta in batch), strict=True)

    def plan(self, document: Document) -> tuple[DocumentContext, list[tuple[int, int]]]:
        """The document's context (with its structure) and the windows to parse."""
        from .structure import analyse

        started = time.perf_counter()
        ctx = context_for(document)
        ctx.full_text = document.text
        ctx.windowed = True
        rules = getattr(self.component, "structure_rules", None)
        ctx.structure = analyse(document.text, ctx.title, rules)
        proposed = ()
        if getattr(self.component, "detector", None) is not None:
            # the detector's scores of the whole text, which the component reads; what it
            # proposes is parsed too
            scored = time.perf_counter()
            ctx.detector_scores = self.component.segment_scores(document.text, ctx.structure)
            proposed = self.component.detector.proposed(ctx.detector_scores)
            self.seconds["detector"] += time.perf_counter() - scored
            started += time.perf_counter() - scored
        windows = self.filter.windows(document.text, ctx.structure, also=proposed)
        stats = self.stats
        stats["documents"] += 1
        stats["windows"] += len(windows)
        stats["chars"] += len(document.text)
        stats["parsed_chars"] += sum(end - start for start, end in windows)
        self.seconds["filter"] += time.perf_counter() - started
        return ctx, windows

    def extract(self, documents: Iterable[Document], batch_size: int = FAST_BATCH_SIZE) -> Iterator[tuple[Document, list[Claim]]]:
        nlp = self.nlp
        queue: deque[_Pending] = deque()

        def stream():
            for document in documents:
                ctx, windows = self.plan(document)
                pending = _Pending(document, ctx, len(windows))
                queue.append(pending)
                if not windows:
                    # an empty Doc keeps the document's place in the stream
                    yield nlp.make_doc(""), (pending, None)
                started = time.perf_counter()
                docs = [nlp.make_doc(document.text[start:end]) for start, end in windows]
                self.seconds["tokenizer"] += time.perf_counter() - started
                for (start, _), doc in zip(windows, docs, strict=True):
                    yield doc, (pending, start)

        for doc, (pending, start) in self.pipe(stream(), batch_size):
            if start is not None:
                self._claims(doc, pending, start)
            while queue and queue[0].done >= queue[0].windows:
                finished = queue.popleft()
                yield finished.document, self.component.finish_document(finished.claims, finished.ctx.failures)

    def _claims(self, doc: Doc, pending: _Pending, start: int) -> None:
        started = time.perf_counter()
        ctx = pending.ctx
        ctx.base_offset = start
        doc._.press_context = ctx
        self.component(doc)
        for _name, proc in self.after:
            doc = proc(doc)
        self.seconds[COMPONENT] += time.perf_counter() - started
        pending.claims.extend(doc._.claims or [])
        if start == 0 and not ctx.issuer_resolved:
            _resolve_issuer(self.component, doc, ctx)
        pending.done += 1


def _resolve_issuer(component, doc: Doc, ctx: DocumentContext) -> None:
    """Find the issuer of a release while the Doc holding the document's heading is at hand.

    The component looks for it lazily, when a claim first needs it; a person
    named in a heading line is read from the entities of the Doc holding that
    line, which a later window does not.
    """
    from .claims.attribution import Attributor

    Attributor(doc, ctx, component.attribution_rules, component.actors).issuer()


_EXTRACTORS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def fast_extractor(nlp: Language) -> FastExtractor:
    """The fast extractor of `nlp`, built once (the filter's vocabulary comes from its lexicon)."""
    component = nlp.get_pipe(COMPONENT)
    cached = _EXTRACTORS.get(nlp)
    if cached is None or cached.component is not component or cached.names != nlp.pipe_names:
        cached = FastExtractor(nlp)
        _EXTRACTORS[nlp] = cached
    return cached


class FastAttributeRuler:
    """spaCy's AttributeRuler without the Matcher: the same patterns, the same result.

    The model's attribute ruler (the tag map and morphology exceptions, some
    180 patterns of one or two tokens) spends most of its time in the general
    Matcher. Its patterns only test token attributes for equality, set
    membership or a regular expression, so they are indexed here by the value
    of their first token's LOWER or TAG and checked directly; matches are then
    applied in the ruler's own order (later patterns win), with the ruler's own
    attribute setter. `supports()` says whether a ruler's patterns are all of
    that kind; when they are not, the original ruler runs.
    """

    ATTRS = {"TAG": "tag_", "LOWER": "lower_", "DEP": "dep_", "ORTH": "orth_", "TEXT": "text", "NORM": "norm_",
             "POS": "pos_", "LEMMA": "lemma_", "IS_SPACE": "is_space", "IS_PUNCT": "is_punct", "IS_ALPHA": "is_alpha",
             "IS_DIGIT": "is_digit", "IS_LOWER": "is_lower", "IS_UPPER": "is_upper", "IS_TITLE": "is_title"}

    def __init__(self, ruler):
        from spacy.tokens._retokenize import set_token_attrs

        self.name = ruler.name
        self.ruler = ruler
        self.attrs = list(ruler.attrs)
        self._set = set_token_attrs
        self.index: dict[tuple[str, str], list] = {}
        self.generic: list = []
        self.multi_index: dict = {}  # patterns of several tokens, by their first token's key
        used = set()
        for attr_id, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                compiled = (attr_id, [self._compile(spec) for spec in pattern], len(pattern), entry.get("index", 0))
                used.update(self.ATTRS[key] for spec in pattern for key in spec)
                keys = self._keys(pattern[0])
                if len(pattern) > 1:
                    for key in keys or [None]:
                        self.multi_index.setdefault(key, []).append(compiled)
                    continue
                if keys:
                    for key in keys:
                        self.index.setdefault(key, []).append(compiled)
                else:
                    self.generic.append(compiled)
        # one-token patterns only look at these attributes: their matches are memoised by them
        self.used = tuple(sorted(used | {"lower_", "tag_"}))
        self.array_attrs = [self.ARRAY_ATTRS[a] for a in self.used]  # the same, as spaCy attribute ids
        self.multi_index = {k: tuple(v) for k, v in self.multi_index.items()}
        self.memo: dict[tuple, tuple[int, ...]] = {}

    ARRAY_ATTRS = {v: getattr(spacy_attrs, "ORTH" if k == "TEXT" else k) for k, v in ATTRS.items()}

    @classmethod
    def supports(cls, ruler) -> bool:
        try:
            patterns = ruler.patterns
        except Exception:  # noqa: BLE001 - an unusual ruler: keep spaCy's
            return False
        for entry in patterns:
            for pattern in entry.get("patterns") or []:
                if not isinstance(pattern, list) or not pattern:
                    return False
                for spec in pattern:
                    if not isinstance(spec, dict) or not spec:
                        return False
                    for key, value in spec.items():
                        if key not in cls.ATTRS:
                            return False
                        if isinstance(value, dict):
                            if len(value) != 1 or next(iter(value)) not in ("IN", "NOT_IN", "REGEX"):
                                return False
                        elif not isinstance(value, (str, bool)):
                            return False
        return True

    def _compile(self, spec: dict) -> list[tuple[str, str, object]]:
        checks = []
        for key, value in spec.items():
            attr = self.ATTRS[key]
            if isinstance(value, dict):
                op, arg = next(iter(value.items()))
                if op == "REGEX":
                    checks.append((attr, "re", re.compile(arg)))
                else:
                    checks.append((attr, op, frozenset(arg)))
            else:
                checks.append((attr, "eq", value))
        return checks

    @staticmethod
    def _keys(spec: dict) -> list[tuple[str, str]]:
        for key, attr in (("LOWER", "lower_"), ("TAG", "tag_")):
            value = spec.get(key)
            if isinstance(value, str):
                return [(attr, value)]
            if isinstance(value, dict) and "IN" in value:
                return [(attr, v) for v in value["IN"]]
        return []


    @staticmethod
    def _ok(token, checks) -> bool:
        for attr, op, value in checks:
            got = getattr(token, attr)
            if op == "eq":
                if got != value:
                    return False
            elif op == "IN":
                if got not in value:
                    return False
            elif op == "NOT_IN":
                if got in value:
                    return False
            elif not value.search(got):
                return False
        return True

    def _single(self, token) -> tuple[int, ...]:
        found = []
        for attr_id, specs, _, _ in self.index.get(("lower_", token.lower_), []) + self.index.get(("tag_", token.tag_), []) + self.generic:
            if self._ok(token, specs[0]):
                found.append(attr_id)
        return tuple(found)

    def __call__(self, doc: Doc) -> Doc:
        """The ruler's matches, memoised by the attributes its patterns read.

        The attributes of every token come out of the Doc at once (`to_array`:
        hashes and flags, one-to-one with the strings); a Token object is made
        only for a combination not seen before, or where a pattern of several
        tokens may start.
        """
        memo, ok = self.memo, self._ok
        multi_index = self.multi_index
        multi_generic = tuple(multi_index.get(None, ()))
        n = len(doc)
        if not n:
            return doc
        matches = []
        rows = doc.to_array(self.array_attrs).tolist()
        for i, row in enumerate(rows):
            key = tuple(row) if isinstance(row, list) else row
            found = memo.get(key)
            if found is None:
                token = doc[i]
                multi = multi_index.get(("lower_", token.lower_), ()) + multi_index.get(("tag_", token.tag_), ())
                found = memo[key] = (self._single(token), multi + multi_generic)
                if len(memo) > 200_000:
                    memo.clear()
            ids, multi = found
            for attr_id in ids:
                matches.append((attr_id, i))
            if multi:
                token = doc[i]
                for attr_id, specs, length, at in multi:
                    if i + length <= n and ok(token, specs[0]) and all(ok(doc[i + k], specs[k]) for k in range(1, length)):
                        matches.append((attr_id, i + (at if at >= 0 else length + at)))
        matches.sort(key=lambda m: m[0])  # later rules take precedence, as in spaCy
        attrs, set_attrs = self.attrs, self._set
        for attr_id, i in matches:
            set_attrs(doc[i], attrs[attr_id])
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)



class FastLemmatizer:
    """spaCy's rule lemmatizer, its answer for each (form, part of speech, morphology) taken once.

    A rule lemma depends on nothing else (`Lemmatizer.rule_lemmatize`, and the
    English `is_base_form`, which reads the part of speech and the morphology),
    and most of the lemmatizer's time went on the per-token work around it: a
    Token, a MorphAnalysis and a cache key made for every word. Here the three
    are read from the Doc in one array, the lemma is asked of spaCy's own
    lemmatizer the first time a triple is seen, and the lemmas are written back
    in one array: the same lemma for every token, as a test checks.
    `supports()` says whether a lemmatizer is such a one; otherwise it runs as it is.
    """

    MAX_REMEMBERED = 200_000  # triples; past this the memo starts again (memory flat on any corpus)

    def __init__(self, lemmatizer):
        self.name = lemmatizer.name
        self.lemmatizer = lemmatizer
        self._lemmas: dict[tuple[int, int, int], str] = {}
        self._attrs = [spacy_attrs.ORTH, spacy_attrs.POS, spacy_attrs.MORPH, spacy_attrs.LEMMA]

    @staticmethod
    def supports(proc) -> bool:
        from spacy.lang.en.lemmatizer import EnglishLemmatizer
        from spacy.pipeline import Lemmatizer

        return type(proc) in (Lemmatizer, EnglishLemmatizer) and proc.mode == "rule" and not proc.overwrite

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        if not lemmatizer._validated or not len(doc):
            return lemmatizer(doc)  # (spaCy checks its tables on its first Doc)
        rows = doc.to_array(self._attrs)
        lemmas = rows[:, 3].copy()
        memo = self._lemmas
        add = doc.vocab.strings.add
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            text = memo.get(key)
            if text is None:
                if len(memo) >= self.MAX_REMEMBERED:
                    memo.clear()
                text = memo[key] = lemmatizer.lemmatize(doc[i])[0]
            lemmas[i] = add(text)
        doc.from_array([spacy_attrs.LEMMA], lemmas)
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


class GreedyParser:
    """spaCy's greedy transition-based parser (the dependency parser, the entity recogniser)
    with its loop over the transitions driven from Python: the same model, the same steps,
    the same result, in about half the time.

    `Parser.greedy_parse` runs that loop in C without the GIL; but the entity
    recogniser's and the parser's checks of which transition is valid, called
    some eighty times per token, take the GIL and give it back each time (spaCy
    3.8's compiled code), and that was four fifths of the entity recogniser's
    time. Stepped from Python (`Parser.transition_states`, which holds the
    GIL, and the step model's own `predict`, the computation spaCy uses when
    it trains), the checks cost nothing extra. Each step scores the states with
    the same precomputed features, the same BLIS matrix product and maxout, and
    takes the same best valid transition: a test compares every head, label,
    sentence start and entity with spaCy's. `supports()` says whether a
    component is such a parser (greedy, on the CPU); otherwise it runs as it is.
    """

    def __init__(self, parser):
        self.name = parser.name
        self.parser = parser

    @staticmethod
    def supports(proc) -> bool:
        from spacy.pipeline.transition_parser import Parser
        from thinc.api import NumpyOps

        if not isinstance(proc, Parser) or proc.cfg.get("beam_width", 1) != 1:
            return False
        return isinstance(proc.model.ops, NumpyOps) and all(
            hasattr(proc, name) for name in ("transition_states", "set_annotations", "_ensure_labels_are_added"))

    def predict(self, docs: list[Doc]):
        """The final states of a batch of Docs (`Parser.greedy_parse`, stepped from Python)."""
        parser = self.parser
        if not any(len(doc) for doc in docs):
            return parser.moves.init_batch(docs)
        parser._ensure_labels_are_added(docs)
        states = parser.moves.init_batch(docs)
        step = parser.model.predict(docs)  # the token vectors and precomputed features of the batch
        todo = [state for state in states if not state.is_final()]
        while todo:
            todo = parser.transition_states(todo, step.predict(todo))
        step.clear_memory()
        return states

    def __call__(self, doc: Doc) -> Doc:
        self.parser.set_annotations([doc], self.predict([doc]))
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for batch in minibatch(docs, batch_size):
            self.parser.set_annotations(batch, self.predict(batch))
            yield from batch
