"""checker: a fact-consistency checker for news articles."""

import os

__version__ = "0.1.0"

# Where the project is published; rule documentation (docs/rules.md, one section per rule) is
# linked from SARIF (``helpUri``) and reports. Change it here when the repository moves.
REPOSITORY_URL = "https://example.invalid/newsroom/checker"
RULES_DOCS_URL = f"{REPOSITORY_URL}/docs/rules.md"

# numpy's OpenBLAS starts a worker thread per core for every matrix product; on the small products
# pairing and story grouping make, the workers' spinning made them 3-4 times slower on a busy 2-core
# machine. One thread, unless the user says otherwise (read when numpy is first imported: after this).
# The models keep their own threads (spaCy's blis is single-threaded; ONNX Runtime and torch size theirs).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
