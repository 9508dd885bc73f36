"""Claims -> the analysed batch: stories, candidate pairs of claims that may be about one fact, the cache.

Judges nothing. Kept import-light (``from checker.analyse.build import build_batch`` loads the
models' code), so the rule engines can name ``Batch`` without pulling in numpy or faiss.
"""
