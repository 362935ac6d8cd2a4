"""The reading cursor: the paragraph (or sentence) the reader is on.

Pure code (no widgets): it knows text offsets and blocks, nothing of lines or
the screen. The reading pane keeps one, and after each move scrolls it into
view and redraws. Every span here is a ``(start, end)`` pair of offsets into
``Article.text``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from margin.model import Block, Highlight
from margin.ui.sentences import sentence_spans

Span = tuple[int, int]


class ReadingCursor:
    """A cursor on one block of an article, or on one sentence of that block."""

    def __init__(self, *, sentence_mode: bool = False) -> None:
        self.blocks: Sequence[Block] = ()
        self._starts: list[int] = []
        #: Index into ``blocks`` of the block the cursor is on.
        self.block = 0
        self.sentence_mode = sentence_mode
        #: In sentence mode, the sentence of ``block`` the cursor is on.
        self.sentence: Span | None = None
        #: The cursor's span when the selection started (None: not selecting).
        self.anchor: Span | None = None
        #: The search match or highlight the cursor was sent to (None once it moves on).
        self.match: Span | None = None
        self._sentences: dict[int, list[Span]] = {}

    def reset(self, blocks: Sequence[Block]) -> None:
        """Start over on the first block of a new article."""
        self.blocks = blocks
        self._starts = [b.start for b in blocks]
        self.block = 0
        self.sentence = self.anchor = self.match = None
        self._sentences = {}

    # ------------------------------------------------------------- queries

    def block_at(self, offset: int) -> int | None:
        """The block holding text ``offset`` (the one before it, between blocks)."""
        if not self.blocks:
            return None
        return max(0, bisect_right(self._starts, offset) - 1)

    def sentences(self, block: int) -> list[Span]:
        """The sentences of block ``block`` (cached)."""
        spans = self._sentences.get(block)
        if spans is None:
            if not 0 <= block < len(self.blocks):
                return []
            b = self.blocks[block]
            spans = [(b.start + s, b.start + e) for s, e in sentence_spans(b.text)]
            self._sentences[block] = spans
        return spans

    def span(self) -> Span | None:
        """What the cursor covers: its sentence, or its whole block."""
        if not self.blocks:
            return None
        if self.sentence_mode and self.sentence is not None:
            return self.sentence
        block = self.blocks[self.block]
        return block.start, block.end

    def offset(self) -> int:
        """Where the cursor starts (0 with no article)."""
        span = self.span()
        return span[0] if span is not None else 0

    def selected_range(self) -> Span | None:
        """The selection, else the match the cursor was sent to, else the cursor."""
        cursor = self.span()
        if cursor is None:
            return None
        if self.match is not None and self.anchor is None:
            return self.match
        anchor = cursor if self.anchor is None else self.anchor
        return min(anchor[0], cursor[0]), max(anchor[1], cursor[1])

    def highlights_here(self, highlights: Sequence[Highlight]) -> list[Highlight]:
        """The placed highlights that overlap the cursor."""
        span = self.span()
        if span is None:
            return []
        start, end = span
        return [
            h
            for h in highlights
            if h.start is not None and h.end is not None and h.start < end and h.end > start
        ]

    def next_highlight(self, highlights: Sequence[Highlight], forward: bool) -> Highlight | None:
        """The placed highlight after (or before) the cursor, wrapping round."""
        placed = sorted(
            (h for h in highlights if h.start is not None and h.end is not None),
            key=lambda h: h.start or 0,
        )
        if not placed:
            return None
        here = self.match[0] if self.match else self.offset()
        if forward:
            later = [h for h in placed if (h.start or 0) > here]
            return later[0] if later else placed[0]
        earlier = [h for h in placed if (h.start or 0) < here]
        return earlier[-1] if earlier else placed[-1]

    def next_match(self, matches: Sequence[Span], forward: bool) -> int | None:
        """Index of the match (sorted spans) after (or before) the cursor, wrapping round."""
        if not matches:
            return None
        # from the cursor's own start, so that its first match counts as "next"
        here = self.match[0] if self.match else self.offset() - 1
        starts = [s for s, _ in matches]
        if forward:
            index = bisect_right(starts, here)
            return index if index < len(starts) else 0
        index = bisect_left(starts, here) - 1
        return index if index >= 0 else len(starts) - 1

    # ------------------------------------------------------------- moves

    def go_to(self, block: int) -> bool:
        """Put the cursor on ``block`` (clamped; its first sentence in sentence
        mode). False when there is no block to go to."""
        if not self.blocks:
            return False
        self.block = max(0, min(len(self.blocks) - 1, block))
        self.sentence = None
        if self.sentence_mode:
            spans = self.sentences(self.block)
            self.sentence = spans[0] if spans else None
        self.match = None
        return True

    def move(self, delta: int) -> bool:
        """Move ``delta`` blocks on (or back)."""
        return self.go_to(self.block + delta)

    def move_sentence(self, delta: int) -> bool:
        """Move ``delta`` sentences on, across blocks; turns sentence mode on.

        From a block cursor the first step lands on the block's first sentence.
        """
        if not self.blocks:
            return False
        entering = not self.sentence_mode or self.sentence is None
        self.sentence_mode = True
        spans = self.sentences(self.block)
        if entering:
            index = 0
            self.sentence = spans[0] if spans else None
            delta = 0 if spans else delta
        else:
            index = spans.index(self.sentence) if self.sentence in spans else 0
        block, index, spans = self._step_sentences(self.block, index, spans, delta)
        if spans and 0 <= index < len(spans):
            self.block = block
            self.sentence = spans[index]
        self.match = None
        return True

    def _step_sentences(
        self, block: int, index: int, spans: list[Span], delta: int
    ) -> tuple[int, int, list[Span]]:
        """``delta`` sentences on from sentence ``index`` of ``block``; the
        first or last sentence of the article stays where it is."""
        step = 1 if delta > 0 else -1
        for _ in range(abs(delta)):
            to_block, to_index, to_spans = block, index + step, spans
            while not 0 <= to_index < len(to_spans):
                to_block += step
                if not 0 <= to_block < len(self.blocks):
                    return block, index, spans
                to_spans = self.sentences(to_block)
                to_index = 0 if step > 0 else len(to_spans) - 1
            block, index, spans = to_block, to_index, to_spans
        return block, index, spans

    def paragraph_mode(self) -> None:
        """The cursor covers whole blocks again."""
        self.sentence_mode = False
        self.sentence = None

    def place(self, block: int, offset: int) -> None:
        """Put the cursor on ``block``, on the sentence holding ``offset``."""
        self.block = block
        self._sentence_at(offset)

    def land_on(self, offset: int) -> None:
        """Put the cursor on the block (and sentence) holding ``offset``."""
        block = self.block_at(offset)
        if block is not None:
            self.place(block, offset)

    def jump_to(self, start: int, end: int) -> None:
        """Send the cursor to the text [start, end) (a match, a highlight)."""
        self.match = (start, end)
        self.anchor = None
        self.land_on(start)

    def _sentence_at(self, offset: int) -> None:
        if not self.sentence_mode:
            return
        spans = self.sentences(self.block)
        chosen = spans[0] if spans else None
        for span in spans:
            if span[0] <= offset:
                chosen = span
        self.sentence = chosen

    # ------------------------------------------------------------- selection

    def toggle_selection(self) -> bool:
        """Start a selection at the cursor, or drop it; whether one is active now."""
        self.anchor = None if self.anchor is not None else self.span()
        return self.anchor is not None

    def clear_selection(self) -> None:
        self.anchor = None
        self.match = None
