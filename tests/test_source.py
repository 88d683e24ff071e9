"""The package's own source: no module binds one name twice at its top level, where the later
binding silently replaces the earlier (two word sets of the same name once did, and the
rules that read the first one read the second)."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "nlp_tools"


def _bound_twice(source: str) -> list[str]:
    names: Counter[str] = Counter()
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names[node.target.id] += 1
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] += 1
    return sorted(name for name, count in names.items() if count > 1)


def test_no_module_binds_a_top_level_name_twice():
    found = {str(path.relative_to(PACKAGE)): _bound_twice(path.read_text(encoding="utf-8"))
             for path in sorted(PACKAGE.rglob("*.py"))}
    assert {path: names for path, names in found.items() if names} == {}


def test_the_check_finds_a_name_bound_twice():
    assert _bound_twice("_WORDS = {1}\n\ndef f():\n    return _WORDS\n\n_WORDS = {2}\n") == ["_WORDS"]
    assert _bound_twice("_WORDS = {1}\n\ndef f():\n    _WORDS = 2\n") == []
