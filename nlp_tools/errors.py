"""Errors a user can act on: each prints as one line, never as a traceback."""

from __future__ import annotations


class NlpToolsError(Exception):
    """A problem with the user's input, options or environment."""


class InputError(NlpToolsError):
    """One input file (or part of it) cannot be read; the batch goes on."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class ModelNotFoundError(NlpToolsError):
    """No spaCy model could be loaded."""


class StoreBusyError(NlpToolsError):
    """Another process holds the store."""


class UntrustedModelError(NlpToolsError):
    """A model file asks for types that are not on the trusted list."""
