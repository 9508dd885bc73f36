"""The package is a stack of layers; each imports only the layers below it (or its own).

records (with errors, files, limits and terminal) -> lexicon -> ingest -> nlp -> extract -> analyse -> rules ->
archive -> scale -> gate -> report -> the application (cli, commands, config, progress, the service). Checked on the source
with the ast module, imports under ``TYPE_CHECKING`` included, so a violation fails here
before it shows up as an import cycle or a slow ``checker --help``.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "checker"
RANKS = {
    "__init__": 0,
    "errors": 0,
    "files": 0,
    "globs": 0,
    "limits": 0,
    "terminal": 0,
    "timing": 0,
    "records": 1,
    "lexicon": 2,
    "ingest": 3,
    "nlp": 4,
    "extract": 5,
    "analyse": 6,
    "rules": 7,
    "archive": 8,
    "scale": 9,
    "gate": 10,
    "report": 11,
    "config": 12,
    "progress": 12,
    "commands": 12,
    "outputs": 12,
    "cli": 12,
    "cli_archive": 12,
    "cli_options": 12,
    "archive_commands": 12,
    "service": 12,
    "__main__": 12,
}


def _layer(module: str) -> str:
    """'checker.extract.counts.figures' -> 'extract'."""
    parts = module.split(".")
    if len(parts) == 1 or not ((PACKAGE / parts[1]).is_dir() or (PACKAGE / f"{parts[1]}.py").is_file()):
        return "__init__"  # the package itself, or a name it defines (``from checker import __version__``)
    return parts[1]


def _module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names = [target] if node.module else [f"{target}.{a.name}" for a in node.names]
            found += [(node.lineno, n) for n in names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
    return [(line, name) for line, name in found if name == "checker" or name.startswith("checker.")]


def test_every_layer_is_ranked():
    top = {
        p.stem if p.is_file() else p.name
        for p in PACKAGE.iterdir()
        if p.suffix == ".py" or (p / "__init__.py").exists()
    }
    assert top <= set(RANKS), f"new top-level modules need a layer in RANKS: {sorted(top - set(RANKS))}"


def test_layers_import_only_downward():
    violations = []
    for path in sorted(PACKAGE.rglob("*.py")):
        own = _layer(_module_name(path))
        for line, target in _imports(path):
            other = _layer(target)
            if RANKS[other] > RANKS[own]:
                violations.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {own} imports {target} ({other})")
    assert not violations, "\n".join(violations)


def test_light_commands_import_no_models():
    """`checker --help`, `--version`, `rules`, `schema`, `config`, usage errors and "no articles found" answer
    without torch, spaCy or sklearn (benchmarks/startup.py times them)."""
    probe = (
        "import sys, contextlib, io, tempfile\n"
        "from checker.cli import run\n"
        "empty = tempfile.mkdtemp()\n"
        "for argv in (['--help'], ['--version'], ['rules'], ['rules', 'explain', 'CNT001'], ['schema'], ['config'],\n"
        "             ['check', 'nope/'], ['check', empty], ['check', 'seeds', '--fail-on', 'bogus'],\n"
        "             ['check', 'seeds', '--select', 'NOPE9'], ['check', empty, '--allow-empty', '--no-cache']):\n"
        "    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "        run(argv)\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'torch', 'spacy', 'sklearn', 'sentence_transformers'})\n"
        "print(','.join(heavy))\n"
    )
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=PACKAGE.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"light commands imported {result.stdout.strip()}"
