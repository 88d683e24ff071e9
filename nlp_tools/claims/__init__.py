"""Claim extraction: the `press_claims` component and one module per decision.

topics (which topic), stance (acknowledge/deny/conditional/evade, hedged),
attribution (who says it), participants (agent, counterpart), actors (the
actor dictionary), lexicon (the YAML rule files), record (the Claim).
"""

from .component import EXTRACTOR_VERSION, PressClaims, register_extensions
from .context import DocumentContext
from .record import ATTRIBUTIONS, CLAIM_FIELDS, STANCES, TOPICS, Claim, DocumentClaims

__all__ = [
    "ATTRIBUTIONS",
    "CLAIM_FIELDS",
    "Claim",
    "DocumentClaims",
    "DocumentContext",
    "EXTRACTOR_VERSION",
    "PressClaims",
    "STANCES",
    "TOPICS",
    "register_extensions",
]
