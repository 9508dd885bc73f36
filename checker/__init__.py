"""checker: a fact-consistency checker for news articles."""

import os

__version__ = "0.1.0"

# numpy's OpenBLAS starts a worker thread per core for every matrix product; on the small products
# pairing and story grouping make, the workers' spinning made them 3-4 times slower on a busy 2-core
# machine. One thread, unless the user says otherwise (read when numpy is first imported: after this).
# The models keep their own threads (spaCy's blis is single-threaded; ONNX Runtime and torch size theirs).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
