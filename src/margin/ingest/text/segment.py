"""Two-state segmentation of a text save's lines: article or chrome.

Each line scores for the article (running text) or against it (chrome); a
Viterbi pass labels the lines so that the article lines' total is highest,
paying a penalty at every switch between the two states. The labelling
starts and ends in chrome, so each piece of article costs two switches and
is taken only when it is worth more than that; the article may so come out
in a few pieces (a "related stories" block in the middle of the body
splits it).
"""

from __future__ import annotations


def viterbi(scores: list[float], switch: float) -> list[bool]:
    """Per line, True where the best labelling says article."""
    n = len(scores)
    if not n:
        return []
    # from_c[i]: the best labelling with line i in the article entered it
    # from chrome at i; from_a[i]: the one with line i in chrome left the
    # article at i.
    from_c = [True] * n
    from_a = [False] * n
    a, c = scores[0] - switch, 0.0
    for i in range(1, n):
        from_c[i] = c - switch > a
        from_a[i] = a - switch > c
        a, c = max(a, c - switch) + scores[i], max(c, a - switch)
    state = a - switch > c  # the page ends in chrome
    out = [False] * n
    for i in range(n - 1, -1, -1):
        out[i] = state
        state = (not from_c[i]) if state else from_a[i]
    return out


def densest_run(scores: list[float]) -> tuple[int, int]:
    """(start, end) of the maximum-sum run of scores; end < start if none."""
    best, span = 0.0, (0, -1)
    total, start = 0.0, 0
    for i, v in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += v
        if total > best:
            best, span = total, (start, i)
    return span


def pieces(labels: list[bool]) -> list[tuple[int, int]]:
    """(start, end) of each run of article lines, ends included."""
    out: list[tuple[int, int]] = []
    start = None
    for i, lab in enumerate([*labels, False]):
        if lab and start is None:
            start = i
        elif not lab and start is not None:
            out.append((start, i - 1))
            start = None
    return out
