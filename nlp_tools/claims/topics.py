"""Topic triggers: which words of a sentence make it a claim of which topic.

Single words are matched on their lemma (optionally with a part of speech),
phrases on their surface form with alternatives per position. Weak triggers
("attack", "talks", "informed") need corroboration in the sentence: military
vocabulary, or, for a notice, a word of timing ("in advance", "after").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .lexicon import TopicRules, find_phrase


@dataclass(frozen=True)
class Trigger:
    topic: str
    start: int  # first token (document index)
    end: int  # one past the last token
    head: int  # the trigger's syntactic head (document index)
    text: str
    group: str = ""
    weak: bool = False


def _words(sent: Span) -> tuple[list[str], list[int]]:
    """Lower-case words of a sentence without hyphen tokens, and their indexes."""
    words, index = [], []
    for tok in sent:
        if tok.is_space or tok.text in ("-", "\u2010", "\u2011"):
            continue
        words.append(tok.lower_)
        index.append(tok.i)
    return words, index


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def find_triggers(sent: Span, rules: TopicRules) -> list[Trigger]:
    """All topic triggers of `sent`, strong ones first, weak ones only when corroborated."""
    words, index = _words(sent)
    strong = list(_strong(sent, words, index, rules))
    has_context = bool(strong) or any(_lemma(t) in rules.context or t.lower_ in rules.context for t in sent)
    has_timing = find_phrase(words, rules.timing) is not None or any(t.topic == "strike" for t in strong)
    taken = {i for t in strong for i in range(t.start, t.end)}
    weak = []
    for tok in sent:
        if tok.i in taken:
            continue
        lemma = _lemma(tok)
        for topic, lex in rules.topics.items():
            for w in lex.weak:
                if w.lemma != lemma or (w.pos and tok.pos_ != w.pos):
                    continue
                ok = has_timing if w.needs == "timing" else has_context
                if ok:
                    weak.append(Trigger(topic, tok.i, tok.i + 1, tok.i, tok.text, _group(lex, [lemma, tok.lower_]), True))
    return strong + weak


def _strong(sent: Span, words: list[str], index: list[int], rules: TopicRules) -> Iterator[Trigger]:
    doc = sent.doc
    for topic, lex in rules.topics.items():
        covered: set[int] = set()
        for i, word in enumerate(words):
            for phrase in lex.by_first_word.get(word, ()):
                n = len(phrase)
                if i + n <= len(words) and all(words[i + k] in phrase[k] for k in range(1, n)):
                    start, end = index[i], index[i + n - 1] + 1
                    if covered.intersection(range(start, end)):
                        continue
                    covered.update(range(start, end))
                    span = doc[start:end]
                    yield Trigger(topic, start, end, span.root.i, span.text, _group(lex, [w for w in words[i : i + n]] + [span.text.lower()]))
        for tok in sent:
            if tok.i in covered:
                continue
            lemma = _lemma(tok)
            pos = lex.lemmas.get(lemma, lex.lemmas.get(tok.lower_))
            if pos is None or (pos and tok.pos_ != pos):
                continue
            covered.add(tok.i)
            yield Trigger(topic, tok.i, tok.i + 1, tok.i, tok.text, _group(lex, [lemma, tok.lower_]))


def _group(lex, forms: list[str]) -> str:
    for name, members in lex.groups.items():
        if any(f in members for f in forms):
            return name
    return ""
