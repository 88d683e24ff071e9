"""Loading the editable data files (lexicons, actor dictionary) safely.

Every file is read with PyYAML's safe loader; a syntax error names the file and
line, so a researcher who extends a lexicon sees exactly where it broke.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import NlpToolsError

DATA_PACKAGE = "nlp_tools.data"
# The same safe loader, in C when PyYAML was built with libyaml (ten times faster
# on the actor dictionary); neither constructs arbitrary Python objects.
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL = "tag:yaml.org,2002:bool"


class _SafeLoader(_BASE_LOADER):
    """The safe loader with YAML 1.2 booleans: only true and false are booleans. YAML 1.1 also
    reads a bare no, yes, on and off as booleans, which in a word list ("no", "call off",
    "not_modifiers: [for, on]") silently turns a word into "false" or "true"."""


_SafeLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != _BOOL]
    for first, resolvers in _BASE_LOADER.yaml_implicit_resolvers.items()
}
_SafeLoader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_SAFE_LOADER = _SafeLoader


def data_path(name: str) -> Path:
    """Path of a data file shipped with the package."""
    return Path(str(resources.files(DATA_PACKAGE).joinpath(name)))


def load_yaml(path: str | Path) -> Any:
    """Read a YAML file with the safe loader; errors name the file and line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise NlpToolsError(f"{path}: file not found") from None
    except UnicodeDecodeError as exc:
        raise NlpToolsError(f"{path}: not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise NlpToolsError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        return yaml.load(text, Loader=_SAFE_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown line"
        raise NlpToolsError(f"{path}: YAML error at {where}: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise NlpToolsError(f"{path}: YAML error: {exc}") from None


def load_data(name: str) -> Any:
    """Load one of the package's data files by name."""
    return load_yaml(data_path(name))


def require(mapping: Any, key: str, source: str, kind: type = dict) -> Any:
    """Fetch `key` from a loaded YAML mapping, or say which file lacks it."""
    if not isinstance(mapping, dict) or key not in mapping:
        raise NlpToolsError(f"{source}: missing section '{key}'")
    value = mapping[key]
    if not isinstance(value, kind):
        raise NlpToolsError(f"{source}: section '{key}' should be a {kind.__name__}")
    return value
