"""Exact nearest neighbours by inner product, and character n-gram vectors of short strings.

Pairing asks for the few most similar claims in each block, story grouping for the nearest leads.
Blocks are small, so a matrix product in numpy answers at once; a large set goes to faiss, whose
exact index keeps the cost per row flat. Neither needs scikit-learn, whose import alone costs a
second of every check.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

__all__ = ["char_ngram_vectors", "nearest"]

_DENSE_MAX = 2048  # rows up to which the full similarity matrix is computed in numpy (16 MB)


def nearest(vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """For each row, the ``k`` rows with the highest inner product with it (itself among them), best first:
    (similarities, indices), both of shape (n, min(k, n))."""
    n = len(vectors)
    k = min(k, n)
    if n == 0 or k == 0:
        return np.zeros((n, 0), np.float32), np.zeros((n, 0), np.int64)
    data = np.ascontiguousarray(vectors, dtype=np.float32)
    if n > _DENSE_MAX:
        import faiss

        index = faiss.IndexFlatIP(data.shape[1])
        index.add(data)
        sims, found = index.search(data, k)
        return sims, found.astype(np.int64)
    sims = data @ data.T
    if k < n:
        found = np.argpartition(-sims, k - 1, axis=1)[:, :k]
    else:
        found = np.broadcast_to(np.arange(n), (n, n))
    picked = np.take_along_axis(sims, found, axis=1)
    order = np.argsort(-picked, axis=1, kind="stable")
    return np.take_along_axis(picked, order, axis=1), np.take_along_axis(found, order, axis=1).astype(np.int64)


_SPACES = re.compile(r"\s\s+")


def char_ngram_vectors(texts: Sequence[str], sizes: tuple[int, int] = (2, 3)) -> np.ndarray:
    """L2-normalised tf-idf rows of the character n-grams of each word, padded with a space at each end
    (idf smoothed as ln((1 + n) / (1 + df)) + 1): spellings that share most n-grams get a high cosine."""
    grams = [Counter(_word_ngrams(text.lower(), sizes)) for text in texts]
    vocabulary = {g: i for i, g in enumerate(sorted({g for counts in grams for g in counts}))}
    df = Counter(g for counts in grams for g in counts)
    n = len(texts)
    matrix = np.zeros((n, len(vocabulary)), dtype=np.float64)
    for row, counts in enumerate(grams):
        for gram, tf in counts.items():
            matrix[row, vocabulary[gram]] = tf * (math.log((1 + n) / (1 + df[gram])) + 1.0)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return (matrix / np.where(norms == 0, 1.0, norms)).astype(np.float32)


def _word_ngrams(text: str, sizes: tuple[int, int]) -> list[str]:
    out: list[str] = []
    for word in _SPACES.sub(" ", text).split():
        padded = f" {word} "
        for size in range(sizes[0], sizes[1] + 1):
            if len(padded) <= size:  # a short word counts once, whole
                out.append(padded)
                break
            out.extend(padded[i : i + size] for i in range(len(padded) - size + 1))
    return out
