"""The archive's nearest-lead index (faiss): derived data, rebuilt from the store whenever it is behind.

Exact inner-product search (leads are unit vectors, so it is cosine) over every archived article,
keyed by the article's sequence number in the store. At the sizes an archive reaches on one machine
(tens of thousands of articles, a million claims) an exact search takes milliseconds, and exact means
a draft finds the same stories as the batch run would. The file is written atomically after each
change; when it is missing, unreadable or holds another number of articles than the store, it is
rebuilt from the store (so a crash between the store's commit and the index write costs a rebuild,
never a wrong answer).
"""

from __future__ import annotations

import os
from pathlib import Path

import faiss
import numpy as np

from .store import ArchiveStore

__all__ = ["LeadIndex"]

INDEX_NAME = "leads.faiss"


class LeadIndex:
    def __init__(self, store: ArchiveStore) -> None:
        self.path = store.directory / INDEX_NAME
        self.store = store
        self.index = self._load() or self.rebuild()

    @classmethod
    def empty(cls, store: ArchiveStore) -> LeadIndex:
        """An in-memory index with nothing in it (to re-place articles one by one); never saved."""
        index = cls.__new__(cls)
        index.path = store.directory / f"{INDEX_NAME}.rebuilding"
        index.store = store
        index.index = faiss.IndexIDMap2(faiss.IndexFlatIP(384))
        return index

    def _load(self) -> faiss.Index | None:
        if not self.path.exists():
            return None
        try:
            index = faiss.read_index(str(self.path))
        except RuntimeError:
            return None
        return index if index.ntotal == self.store.count() else None

    def rebuild(self) -> faiss.Index:
        ids, vectors = self.store.leads()
        index = faiss.IndexIDMap2(faiss.IndexFlatIP(vectors.shape[1] if len(ids) else 384))
        if len(ids):
            index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), ids)
        self.index = index
        self.save()
        return index

    @property
    def size(self) -> int:
        return int(self.index.ntotal)

    def add(self, seq: int, vector: np.ndarray) -> None:
        self.index.add_with_ids(
            np.ascontiguousarray(vector.reshape(1, -1), dtype=np.float32), np.array([seq], np.int64)
        )

    def remove(self, seq: int) -> None:
        self.index.remove_ids(faiss.IDSelectorBatch(np.array([seq], dtype=np.int64)))

    def search(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        """(sequence number, cosine) of the ``k`` nearest archived leads."""
        if self.size == 0:
            return []
        sims, ids = self.index.search(np.ascontiguousarray(vector.reshape(1, -1), dtype=np.float32), min(k, self.size))
        return [(int(i), float(s)) for i, s in zip(ids[0], sims[0]) if i >= 0]

    def save(self) -> None:
        tmp = Path(f"{self.path}.tmp")
        faiss.write_index(self.index, str(tmp))
        os.replace(tmp, self.path)
