"""Running the same pipeline on a distributed engine (Ray Data) for batches too big for one process.

Optional: ``pip install "newsroom-checker[scale]"``; nothing here is imported unless ``--engine ray``
is asked for.
"""
