"""Rebuilding an archive's derived data: the lead index, and every article's story.

Stories are placed again in publication order from what is stored (leads, names, dates), exactly as
``add`` placed them, so a rebuild after a change of story parameters or a removal needs no parsing
and no embedding. One transaction: a crash mid-rebuild leaves the previous assignment intact.
"""

from __future__ import annotations

from pathlib import Path

from ..analyse.story_signals import StoryParams
from .assign import as_story_article, place
from .index import LeadIndex
from .store import ArchiveStore

__all__ = ["rebuild"]


def rebuild(directory: Path, params: StoryParams = StoryParams()) -> int:  # noqa: B008 - frozen
    """Re-place every article; returns the number of stories."""
    store = ArchiveStore(directory)
    try:
        with store.writer():
            everything = store.load(seqs=range(store.next_seq()))
            with store.transaction():
                store.db.execute("UPDATE articles SET story = '' ")
                store.db.execute("DELETE FROM meta WHERE key = 'last_story'")
                index = LeadIndex.empty(store)
                for stored in everything:
                    placement = place(store, index, as_story_article(stored), params)
                    story = placement.story or store.next_story_id()
                    store.set_story(stored.article.id, story)
                    index.add(stored.seq, stored.lead)
            LeadIndex(store).rebuild()
            return int(store.db.execute("SELECT COUNT(DISTINCT story) FROM articles").fetchone()[0])
    finally:
        store.close()
