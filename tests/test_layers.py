"""The package's shape: layers as folders, imports running one way, small functions.

The layers, earliest first (docs/architecture.md describes them). A module may import
modules of its own layer or of earlier ones, never of a later one, and the imports between
modules form no cycle. Every import counts, also those inside functions.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, syntax_tree

PACKAGE = ROOT / "analysis"

# (layer, the modules or packages in it), in data-flow order
LAYERS = [
    ("base", ["analysis", "analysis.paths", "analysis.schema"]),
    ("rules", ["analysis.rules"]),
    ("ingest", ["analysis.corpus"]),
    ("components", ["analysis.components"]),
    ("nlp", ["analysis.nlp"]),
    ("assemble", ["analysis.assemble"]),
    ("batch", ["analysis.batch"]),
    ("present", ["analysis.present"]),
    ("evaluate", ["analysis.evaluate"]),
    ("interface", ["analysis.cli", "analysis.__main__"]),
]
MAX_FUNCTION_LINES = 60


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> int:
    """The index in LAYERS of the longest prefix naming `module`'s layer."""
    best, rank = -1, None
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, rank = len(prefix), index
    assert rank is not None, f"{module} belongs to no layer: add it to LAYERS and the docs"
    return rank


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The project modules `path` imports (``from analysis.x import y`` counts y when y is a
    module, else x)."""
    found = set()
    for node in ast.walk(syntax_tree(path)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name in known}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                name = f"{node.module}.{alias.name}"
                if name in known:
                    found.add(name)
                elif node.module in known and node.module != "analysis":
                    found.add(node.module)
    return found


def import_graph() -> dict[str, set[str]]:
    known = set(modules())
    return {name: imports_of(path, known) - {name} for name, path in modules().items()}


def test_every_module_has_a_layer():
    for name in modules():
        layer_of(name)


def test_imports_run_from_later_layers_to_earlier_ones():
    backwards = [f"{name} ({LAYERS[layer_of(name)][0]}) imports {used} "
                 f"({LAYERS[layer_of(used)][0]})"
                 for name, used_set in import_graph().items() for used in sorted(used_set)
                 if layer_of(used) > layer_of(name)]
    assert not backwards, "\n".join(backwards)


def test_imports_form_no_cycle():
    graph = import_graph()
    state: dict[str, int] = {}  # 1 on the current path, 2 done

    def visit(name: str, path: list[str]) -> list[str] | None:
        state[name] = 1
        for used in sorted(graph[name]):
            if state.get(used) == 1:
                return path + [name, used]
            if used not in state and (cycle := visit(used, path + [name])):
                return cycle
        state[name] = 2
        return None

    for name in sorted(graph):
        if name not in state:
            cycle = visit(name, [])
            assert cycle is None, " -> ".join(cycle)


def long_functions() -> list[str]:
    found = []
    for name, path in modules().items():
        for node in ast.walk(syntax_tree(path)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    found.append(f"{name}.{node.name}: {lines} lines")
    return found


def test_no_function_is_over_60_lines():
    too_long = long_functions()
    assert not too_long, "\n".join(too_long)


def test_every_module_has_a_docstring():
    """Every module of ``analysis/`` opens with a docstring saying what it holds (and, in a
    package of stages, which module feeds it): a newcomer reads the package top to bottom."""
    bare = [name or "analysis" for name, path in modules().items()
            if not ast.get_docstring(syntax_tree(path))]
    assert not bare, "modules without a docstring: " + ", ".join(bare)


def _uses_the_error(handler: ast.ExceptHandler) -> bool:
    """The handler raises again, or reads the exception it caught (to log or report it)."""
    for node in ast.walk(handler):
        if isinstance(node, ast.Raise):
            return True
        if handler.name and isinstance(node, ast.Name) and node.id == handler.name:
            return True
    return False


def test_no_silent_except_exception():
    """A broad ``except Exception`` must do something with the error (raise it again, log
    it, report it), never just pass or fall through to a default."""
    silent = []
    for name, path in modules().items():
        for node in ast.walk(syntax_tree(path)):
            if isinstance(node, ast.ExceptHandler) and (
                    node.type is None or isinstance(node.type, ast.Name) and
                    node.type.id in ("Exception", "BaseException")) and \
                    not _uses_the_error(node):
                silent.append(f"{name}:{node.lineno}")
    assert not silent, "except Exception without using the error: " + ", ".join(silent)


@pytest.mark.parametrize("rules_only", [True])
def test_the_pipeline_version_covers_every_module_the_pipeline_uses(rules_only):
    """Building and running the pipeline imports only modules inside PIPELINE_SOURCES: so
    editing anything else (assembly, batch, presentation) rightly keeps the cache."""
    code = ("import sys; from analysis.nlp import build_pipeline, analyse_doc;"
            f"nlp = build_pipeline(rules_only={rules_only});"
            "analyse_doc(nlp('Talks in Doha on Tuesday: 1,200 people were killed.'));"
            "print(' '.join(m.__file__ for n, m in sys.modules.items()"
            " if n.startswith('analysis.') and getattr(m, '__file__', None)))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=ROOT).stdout.split()
    from analysis.nlp import pipeline_files

    versioned = {path.resolve() for path in pipeline_files()}
    outside = [path for path in loaded if Path(path).resolve() not in versioned
               and Path(path).name != "__init__.py"]
    assert not outside, f"the pipeline uses files outside its version: {outside}"


def test_the_pipeline_version_covers_the_data_the_rules_read_outside_the_package():
    """Every path the rules and components import from analysis.paths lies inside the package
    (hashed with its code) or is listed in PIPELINE_DATA: the record of rounds is read by the
    timeline, so editing it must give the per-article results a new key."""
    import analysis.paths as paths
    from analysis.nlp import PIPELINE_DATA

    names = set()
    for folder in ("rules", "components"):
        for source in (ROOT / "analysis" / folder).rglob("*.py"):
            for line in source.read_text(encoding="utf-8").splitlines():
                if line.startswith("from analysis.paths import"):
                    names |= {n.strip() for n in line.split("import", 1)[1].split(",")}
    assert "REFERENCE_ROUNDS" in names
    for name in sorted(names):
        path = Path(getattr(paths, name)).resolve()
        inside = path.is_relative_to(paths.PACKAGE_DIR.resolve())
        assert inside or path in {p.resolve() for p in PIPELINE_DATA}, \
            f"the rules read {name} ({path}) but the pipeline version does not hash it"


def test_editing_the_record_of_rounds_changes_the_pipeline_version(tmp_path, monkeypatch):
    """A round added to the record gives a new version (the cache re-runs the articles)."""
    import analysis.nlp as nlp
    from analysis.paths import REFERENCE_ROUNDS

    record = tmp_path / "data" / "reference" / "negotiation_rounds.csv"
    record.parent.mkdir(parents=True)
    record.write_bytes(REFERENCE_ROUNDS.read_bytes())
    monkeypatch.setattr(nlp, "REPO_ROOT", tmp_path)
    monkeypatch.setattr(nlp, "PIPELINE_DATA", (record,))
    before = nlp.files_version(rules_only=True)
    record.write_bytes(REFERENCE_ROUNDS.read_bytes() + b"\n")
    assert nlp.files_version(rules_only=True) != before


def test_every_project_factory_declares_what_it_assigns():
    """spaCy's own idiom: ``@Language.factory(name, assigns=[...], default_config={...})``, so
    `nlp.analyze_pipes()` can tell what each component writes."""
    from spacy.language import Language

    from analysis.nlp import PROJECT_COMPONENTS, import_components

    import_components()
    for name in PROJECT_COMPONENTS:
        meta = Language.get_factory_meta(name)
        assert meta.assigns, f"{name} declares no assigns"
        assert all(attr.startswith("doc._.") for attr in meta.assigns), meta.assigns
        assert isinstance(meta.default_config, dict)
