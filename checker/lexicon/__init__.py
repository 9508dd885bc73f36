"""Word lists as data: what the checker knows about how news words things, apart from the code that reads it.

Each list lives once, in a YAML file under ``lexicon/data/`` (calendar, numbers, events, people,
sources, names); this module loads each file once and exposes the lists as typed, read-only
constants. Code never repeats a list: a new month abbreviation or a new speech verb is one line
in a data file. Lexicon sits just above the records and below every layer that reads copy.
"""

from __future__ import annotations

from ._load import data_files, load

__all__ = ["data_files", "load"]
