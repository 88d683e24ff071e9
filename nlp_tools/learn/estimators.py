"""The model families: scikit-learn Pipelines over a claim's text and parse.

Every family is one `Pipeline`:

    ClaimInputs  ->  ColumnTransformer( word 1-2-grams (TF-IDF) of the sentence,
                                        ParseCues -> DictVectorizer )  ->  classifier

so it has fit / predict / predict_proba / get_params and can be cloned,
cross-validated and grid-searched like any estimator
(`make_estimator("logreg").set_params(classify__C=4)`).

- `logreg` (the default): parse cues + n-grams, logistic regression with class
  weights balanced. Linear, calibrated enough to use its probabilities as
  confidence, fast, few hyper-parameters; works with a few dozen labels.
- `bow`: n-grams only, the same logistic regression: the bag-of-words baseline.
- `nb`: parse cues + n-grams, complement naive Bayes (made for skewed classes).
- `forest`: parse cues + n-grams, a class-balanced random forest.
"""

from __future__ import annotations

from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import ComplementNB
from sklearn.pipeline import Pipeline

from ..errors import NlpToolsError
from .features import COLUMNS, ClaimInputs, ParseCues

FAMILIES = {
    "logreg": "spaCy parse cues + word n-grams, logistic regression (balanced class weights)",
    "bow": "word n-grams only (bag of words), logistic regression (balanced class weights)",
    "nb": "spaCy parse cues + word n-grams, complement naive Bayes",
    "forest": "spaCy parse cues + word n-grams, random forest (300 trees, balanced class weights)",
}
DEFAULT_FAMILY = "logreg"


def make_estimator(
    family: str = DEFAULT_FAMILY,
    spacy_model: str | None = None,
    use_topic: bool = True,
    random_state: int = 0,
) -> Pipeline:
    """An unfitted Pipeline of the given family (see FAMILIES)."""
    if family not in FAMILIES:
        raise NlpToolsError(f"unknown model family '{family}' (choose {', '.join(FAMILIES)})")
    parts = [("ngrams", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b"), "text")]
    if family != "bow":
        cues = Pipeline([("cues", ParseCues(spacy_model=spacy_model)), ("vectorize", DictVectorizer())])
        parts.append(("parse", cues, list(COLUMNS)))
    if family == "nb":
        classifier = ComplementNB(alpha=0.3)
    elif family == "forest":
        classifier = RandomForestClassifier(
            n_estimators=300, class_weight="balanced_subsample", random_state=random_state, n_jobs=1
        )
    else:
        classifier = LogisticRegression(C=4.0, class_weight="balanced", max_iter=5000)
    return Pipeline([
        ("inputs", ClaimInputs(use_topic=use_topic)),
        ("features", ColumnTransformer(parts, sparse_threshold=1.0)),
        ("classify", classifier),
    ])
