"""Sentence embeddings (all-MiniLM-L6-v2 from an installed package), batched and memoised.

Importing sentence-transformers costs seconds, so it happens on first use only;
the model loads once per process. Vectors are L2-normalised so a dot product is a
cosine. An optional on-disk store keyed by the text's hash lets an unchanged
article skip re-embedding.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

import numpy as np

from ..timing import count, stage
from .models import embedding_model_path, offline

DIMENSIONS = 384
MODEL_ID = "all-MiniLM-L6-v2"


class VectorStore(Protocol):
    def get_vectors(self, keys: Sequence[str]) -> dict[str, np.ndarray]: ...

    def put_vectors(self, items: dict[str, np.ndarray]) -> None: ...


class Embedder:
    """Encodes texts; identical texts are encoded once per run (and once ever with a store)."""

    def __init__(self, *, batch_size: int = 64, store: VectorStore | None = None) -> None:
        self.batch_size = batch_size
        self.store = store
        self._model = None
        self._memo: dict[str, np.ndarray] = {}
        self.encoded = 0  # texts actually run through the model (for benchmarks and cache tests)

    def _load(self):
        if self._model is None:
            with stage("load embedder"):
                self._model = _sentence_transformer()
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        keys = [text_key(t) for t in texts]
        missing = [k for k in dict.fromkeys(keys) if k not in self._memo]
        if missing and self.store is not None:
            self._memo.update(self.store.get_vectors(missing))
            missing = [k for k in missing if k not in self._memo]
        if missing:
            by_key = {k: t for k, t in zip(keys, texts)}
            batch = [by_key[k] for k in missing]
            model = self._load()
            with stage("embed"):
                vectors = model.encode(
                    batch,
                    batch_size=self.batch_size,
                    convert_to_numpy=True,
                    normalize_embeddings=True,
                    show_progress_bar=False,
                ).astype(np.float32)
            count("texts embedded", len(batch))
            fresh = dict(zip(missing, vectors))
            self._memo.update(fresh)
            self.encoded += len(batch)
            if self.store is not None:
                self.store.put_vectors(fresh)
        return np.stack([self._memo[k] for k in keys])


@lru_cache(maxsize=1)
def _sentence_transformer():
    """One model per process, loaded on first use (the import alone takes seconds)."""
    offline()
    path = embedding_model_path()
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(path, device="cpu")


def text_key(text: str) -> str:
    return hashlib.sha1(f"{MODEL_ID}\n{text}".encode()).hexdigest()
