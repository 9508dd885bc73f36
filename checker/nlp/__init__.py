"""Language models, loaded once per process, offline: spaCy parses (sentences) and sentence embeddings.

Nothing here is imported until a command needs it: importing spaCy or torch costs seconds.
"""
