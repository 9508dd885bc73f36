"""all-MiniLM-L6-v2 sentence embeddings on ONNX Runtime, int8: the default embedder.

Same model as the torch backend, about three times faster on two cores, loaded in well under a
second instead of 6-10 s (torch is never imported to run it: onnxruntime, tokenizers and numpy
only). Vectors agree with torch's to a cosine of 0.99 on average; the similarity thresholds were
re-checked on the evaluation data with it (README, Quality).

The model is exported from the installed weights on first use (``onnx_export``, about ten seconds,
needs torch once) into a model store shared by every project on the machine: ``$CHECKER_MODEL_CACHE``,
else ``$XDG_CACHE_HOME/checker/models`` (``~/.cache/checker/models``), else the temporary directory.
Nothing is downloaded. An export is written to a scratch directory and renamed into place, so two
processes exporting at once never see half a model.

Each text is encoded on its own. The int8 model quantises activations dynamically, with one scale
per input tensor: in a padded batch a text's vector would depend on which texts share its batch
(cosine 0.991 between the two), so a cached vector, a re-check and a cold check could disagree.
Alone, a text's vector is a function of the text; no padding is computed either, which makes it
nearly as fast as batching.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import CheckerError, ErrorCode
from .models import EMBEDDING_PACKAGE, embedding_model_path, offline

__all__ = ["MODEL_ID", "OnnxEncoder", "exported_model_dir", "load_onnx_encoder"]

RECIPE = "int8-matmul-per-channel-reduce-range-v1"  # change when the export recipe changes
MODEL_ID = f"all-MiniLM-L6-v2/onnx/{RECIPE}"  # what cached vectors from this model are keyed on
MODEL_FILE = "model.int8.onnx"
TOKENIZER_FILE = "tokenizer.json"
CONFIG_FILE = "embedder.json"


class OnnxEncoder:
    """Tokenise like sentence-transformers, run the encoder, mean-pool over real tokens, normalise.

    One thread per run, and as many runs at once as there are cores (two Python threads; ONNX Runtime
    releases the GIL): a single text is too small a job to split across threads, and on a busy machine
    two threads on one text cost 2.3 times the CPU of one (measured, 400 gva-dev sentences)."""

    def __init__(self, folder: Path, *, workers: int | None = None) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        settings = json.loads((folder / CONFIG_FILE).read_text(encoding="utf-8"))
        self.dimensions = int(settings["dimensions"])
        self.normalize = bool(settings["normalize"])
        # The packaged tokenizer.json pads every text to 128 tokens and truncates at 128; the model's
        # own limit (max_seq_length) is what sentence-transformers truncates at.
        self._tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(max_length=int(settings["max_seq_length"]))
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self._session = ort.InferenceSession(
            str(folder / MODEL_FILE), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._inputs = {i.name for i in self._session.get_inputs()}
        self.workers = workers or min(2, os.cpu_count() or 1)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 row per text, in order."""
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        encodings = self._tokenizer.encode_batch(list(texts))
        if self.workers > 1 and len(texts) > 1:
            with ThreadPoolExecutor(self.workers) as pool:
                for _ in pool.map(lambda rows: self._run(encodings, rows, out), _shares(len(texts), self.workers)):
                    pass
        else:
            self._run(encodings, range(len(texts)), out)
        if self.normalize:
            out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
        return out

    def _run(self, encodings: Sequence[Any], rows: range, out: np.ndarray) -> None:
        for row in rows:
            encoding = encodings[row]
            ids = np.asarray([encoding.ids], dtype=np.int64)
            feeds = {
                "input_ids": ids,
                "attention_mask": np.ones_like(ids),
                "token_type_ids": np.asarray([encoding.type_ids], dtype=np.int64),
            }
            (states,) = self._session.run(None, {k: v for k, v in feeds.items() if k in self._inputs})
            out[row] = states[0].mean(axis=0)  # mean pooling: every token is real, nothing is padded


def _shares(count: int, workers: int) -> list[range]:
    """Rows split into interleaved shares, so long and short texts spread evenly over the workers."""
    return [range(start, count, workers) for start in range(workers)]


@lru_cache(maxsize=1)
def load_onnx_encoder() -> OnnxEncoder:
    """The exported model, exported first if this machine has none yet; loaded once per process."""
    return OnnxEncoder(exported_model_dir())


def exported_model_dir() -> Path:
    """Where this model version's export lives; exported there now if it is missing."""
    name = f"all-MiniLM-L6-v2-{_fingerprint()}"
    stores = _stores()
    for store in stores:
        if (store / name / CONFIG_FILE).is_file():
            return store / name
    problems = []
    for store in stores:
        try:
            return _export_into(store, name)
        except OSError as exc:  # not writable: try the next place
            problems.append(f"{store}: {exc.strerror or exc}")
    message = "cannot write the ONNX sentence-embedding model anywhere: " + "; ".join(problems)
    raise CheckerError(ErrorCode.MODEL_MISSING, message)


def _stores() -> list[Path]:
    override = os.environ.get("CHECKER_MODEL_CACHE")
    if override:
        return [Path(override)]
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    scratch = Path(tempfile.gettempdir()) / f"checker-models-{os.getuid() if hasattr(os, 'getuid') else 'user'}"
    return [base / "checker" / "models", scratch]


def _export_into(store: Path, name: str) -> Path:
    from .onnx_export import export_model

    store.mkdir(parents=True, exist_ok=True)
    target = store / name
    scratch = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=store))
    try:
        export_model(scratch, model_file=MODEL_FILE, tokenizer_file=TOKENIZER_FILE, config_file=CONFIG_FILE)
        try:
            scratch.rename(target)
        except OSError:
            if not (target / CONFIG_FILE).is_file():  # another process won the race: use its export
                raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return target


def _fingerprint() -> str:
    """The packaged weights (version and size), the recipe and the quantiser's version: any change re-exports."""
    offline()
    weights = Path(embedding_model_path()) / "model.safetensors"
    parts: list[Any] = [RECIPE, weights.stat().st_size if weights.exists() else 0]
    for package in (EMBEDDING_PACKAGE, "onnxruntime"):
        try:
            parts.append(metadata.version(package))
        except metadata.PackageNotFoundError:  # pragma: no cover - both are dependencies
            parts.append(None)
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:12]
