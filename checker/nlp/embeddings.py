"""Sentence embeddings (all-MiniLM-L6-v2 from an installed package), memoised and optionally stored.

Two backends run the same model: ``onnx`` (int8 on ONNX Runtime, the default: about three times
faster, loads in under a second, no torch at run time) and ``torch`` (sentence-transformers, the
reference). The configuration picks one (``embedder`` in ``checker.config``). A backend loads on
first use only, once per process: a run whose texts are all cached never loads a model. Vectors
are L2-normalised so a dot product is a cosine. An optional store keyed by the backend and the
text lets an unchanged article skip re-embedding; the two backends never share stored vectors.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import numpy as np

from ..timing import count, stage
from .models import embedding_model_path, offline
from .onnx_embedder import MODEL_ID as ONNX_MODEL_ID

__all__ = ["BACKENDS", "DEFAULT_BACKEND", "DIMENSIONS", "Embedder", "VectorStore", "text_key"]

DIMENSIONS = 384

Encode = Callable[[Sequence[str]], np.ndarray]


class VectorStore(Protocol):
    def get_vectors(self, keys: Sequence[str]) -> dict[str, np.ndarray]: ...

    def put_vectors(self, items: dict[str, np.ndarray]) -> None: ...


@dataclass(frozen=True)
class Backend:
    """How one backend loads (returning its encode function) and what its vectors are keyed on."""

    model_id: str
    load: Callable[[], Encode]


def _load_onnx() -> Encode:
    from .onnx_embedder import load_onnx_encoder

    return load_onnx_encoder().encode


def _load_torch() -> Encode:
    model = _sentence_transformer()

    def encode(texts: Sequence[str]) -> np.ndarray:
        vectors = model.encode(
            list(texts), batch_size=64, convert_to_numpy=True, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)

    return encode


# Backend name -> backend; the configuration validates ``embedder`` against these names.
BACKENDS: dict[str, Backend] = {
    "onnx": Backend(model_id=ONNX_MODEL_ID, load=_load_onnx),
    "torch": Backend(model_id="all-MiniLM-L6-v2", load=_load_torch),
}


DEFAULT_BACKEND = "onnx"  # the configuration's default too (``Config.embedder``)


class Embedder:
    """Encodes texts with one backend; identical texts are encoded once per run (and once ever with a store)."""

    def __init__(self, backend: str = DEFAULT_BACKEND, *, store: VectorStore | None = None) -> None:
        if backend not in BACKENDS:
            raise ValueError(f"unknown embedder {backend!r} (known: {', '.join(BACKENDS)})")
        self.backend = backend
        self.store = store
        self._encode: Encode | None = None
        self._memo: dict[str, np.ndarray] = {}
        self.encoded = 0  # texts actually run through the model (for benchmarks and cache tests)

    def key(self, text: str) -> str:
        """The key this embedder's vector of ``text`` is stored under (the backend's model and the text)."""
        return text_key(text, BACKENDS[self.backend].model_id)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        keys = [self.key(t) for t in texts]
        missing = [k for k in dict.fromkeys(keys) if k not in self._memo]
        if missing and self.store is not None:
            self._memo.update(self.store.get_vectors(missing))
            missing = [k for k in missing if k not in self._memo]
        if missing:
            by_key = dict(zip(keys, texts))
            batch = [by_key[k] for k in missing]
            if self._encode is None:
                with stage("load embedder"):
                    self._encode = BACKENDS[self.backend].load()
            with stage("embed"):
                vectors = self._encode(batch)
            count("texts embedded", len(batch))
            fresh = dict(zip(missing, vectors))
            self._memo.update(fresh)
            self.encoded += len(batch)
            if self.store is not None:
                self.store.put_vectors(fresh)
        return np.stack([self._memo[k] for k in keys])


@lru_cache(maxsize=1)
def _sentence_transformer():
    """One torch model per process, loaded on first use (the import alone takes seconds)."""
    offline()
    path = embedding_model_path()
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(path, device="cpu")


def text_key(text: str, model_id: str) -> str:
    return hashlib.sha1(f"{model_id}\n{text}".encode()).hexdigest()
