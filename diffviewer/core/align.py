"""Paragraph alignment: an in-order chain, moved paragraphs, then split/merged parts.

1. Candidate pairs come from the rarity-weighted index (never all pairs).
2. The heaviest strictly increasing chain of candidates (a Fenwick tree makes it O(P log P))
   gives the in-order 1:1 backbone; exact duplicates cannot steal it because a chain is 1:1.
3. Strong candidates off the chain between two unlinked paragraphs are moves.
4. Unlinked paragraphs whose text is mostly contained in a neighbour's partner join that
   block (a split or a merge). Overlaps across neighbouring blocks become secondary links.
5. Sentence by sentence, a sentence whose rare words sit clearly in a neighbour of its
   paragraph's partner links the two (both sides cut paragraphs at different places).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from diffviewer.core.similarity import Candidate, SimilarityIndex, terms

CHAIN_MIN = 0.14
MOVE_MIN = 0.45
ATTACH_MIN_CONTAINMENT = 0.35
ATTACH_MIN_SCORE = 0.12
SENTENCE_MIN = 0.3
SENTENCE_MARGIN = 0.1
SENTENCE_SKIP = 0.8  # a one-to-one pair this similar is not searched sentence by sentence
CROSS_MIN = 0.15
CROSS_MIN_CONTAINMENT = 0.25
# Between two anchors, paragraphs left alone on both sides in equal numbers pair up in order when
# each pair shares at least this much (one rewritten paragraph between two kept ones, say).
GAP_MIN = 0.05


class LinkKind(StrEnum):
    CHAIN = "chain"
    MOVED = "moved"
    PART = "part"  # a split or merged piece joined to its neighbour's block
    CROSS = "cross"  # an overlap between neighbouring blocks; does not merge them


@dataclass(frozen=True, slots=True)
class Link:
    original: int
    derivative: int
    score: float
    kind: LinkKind


@dataclass(frozen=True, slots=True)
class Group:
    original: tuple[int, ...]
    derivative: tuple[int, ...]
    moved: bool


@dataclass(frozen=True, slots=True)
class Alignment:
    links: tuple[Link, ...]
    groups: tuple[Group, ...]  # in derivative reading order; deletions where they were lost


class _MaxFenwick:
    def __init__(self, size: int) -> None:
        self.tree: list[tuple[float, int]] = [(0.0, -1)] * (size + 1)

    def update(self, pos: int, value: tuple[float, int]) -> None:
        pos += 1
        while pos < len(self.tree):
            if value[0] > self.tree[pos][0]:
                self.tree[pos] = value
            pos += pos & -pos

    def query(self, pos: int) -> tuple[float, int]:
        """Best value at positions < pos."""
        best = (0.0, -1)
        while pos > 0:
            if self.tree[pos][0] > best[0]:
                best = self.tree[pos]
            pos -= pos & -pos
        return best


def _exact_candidates(original: Sequence[str], derivative: Sequence[str]) -> list[Candidate]:
    # Paragraphs with no content words ("—", "* * *") still match their identical twin;
    # the k-th copy pairs with the k-th copy so duplicates stay linear.
    seen: dict[str, list[int]] = defaultdict(list)
    for i, text in enumerate(original):
        seen[text].append(i)
    used: dict[str, int] = defaultdict(int)
    found = []
    for j, text in enumerate(derivative):
        slots = seen.get(text)
        if slots:
            k = used[text]
            for i in slots[k : k + 1] or slots[-1:]:
                found.append(Candidate(i, j, 1.0, 0.0))
            used[text] += 1
    return found


def _chain(cands: list[Candidate]) -> list[Candidate]:
    usable = sorted((c for c in cands if c.score >= CHAIN_MIN), key=lambda c: (c.original, c.derivative))
    if not usable:
        return []
    size = max(c.derivative for c in usable) + 1
    tree = _MaxFenwick(size)
    best: list[float] = [0.0] * len(usable)
    back: list[int] = [-1] * len(usable)
    start = 0
    while start < len(usable):
        end = start
        while end < len(usable) and usable[end].original == usable[start].original:
            end += 1
        for k in range(start, end):  # query all of one original before inserting any: strict in i
            prev_value, prev_index = tree.query(usable[k].derivative)
            best[k] = prev_value + usable[k].score
            back[k] = prev_index
        for k in range(start, end):
            tree.update(usable[k].derivative, (best[k], k))
        start = end
    k = max(range(len(usable)), key=best.__getitem__)
    chain = []
    while k >= 0:
        chain.append(usable[k])
        k = back[k]
    chain.reverse()
    return chain


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(self, x: tuple[str, int]) -> tuple[str, int]:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: tuple[str, int], b: tuple[str, int]) -> None:
        self.parent[self.find(a)] = self.find(b)


def align(
    original: Sequence[str],
    derivative: Sequence[str],
    on_step: Callable[[], None] = lambda: None,
    overlaps: bool = True,
) -> Alignment:
    """Align paragraph texts; `on_step` is called between stages (for cancel checks).

    `overlaps`: also link neighbouring paragraphs that share a sentence (prose cut in different
    places). Off for code, whose blocks share identifiers everywhere but never a sentence.
    """
    if list(derivative) < list(original):
        # Align in one canonical direction so that swapping the sides mirrors the result.
        mirrored = _links(derivative, original, on_step, overlaps)
        links = [Link(link.derivative, link.original, link.score, link.kind) for link in mirrored]
    else:
        links = _links(original, derivative, on_step, overlaps)
    ordered = tuple(sorted(links, key=lambda link: (link.derivative, link.original)))
    return Alignment(ordered, _groups(len(original), len(derivative), links))


def _links(
    original: Sequence[str], derivative: Sequence[str], on_step: Callable[[], None], overlaps: bool
) -> list[Link]:
    index = SimilarityIndex(original, derivative)
    on_step()
    cands = index.candidates(min_score=min(CHAIN_MIN, CROSS_MIN, ATTACH_MIN_SCORE))
    cands.extend(_exact_candidates(original, derivative))
    on_step()
    links: list[Link] = [Link(c.original, c.derivative, c.score, LinkKind.CHAIN) for c in _chain(cands)]
    a_link = {link.original: link for link in links}
    b_link = {link.derivative: link for link in links}
    on_step()

    for cand in sorted(cands, key=lambda c: -c.score):
        if cand.score < MOVE_MIN:
            break
        if cand.original not in a_link and cand.derivative not in b_link:
            link = Link(cand.original, cand.derivative, cand.score, LinkKind.MOVED)
            links.append(link)
            a_link[cand.original] = link
            b_link[cand.derivative] = link

    for link in _gap_links(index, len(original), len(derivative), links, a_link):
        links.append(link)
        a_link[link.original] = link
        b_link[link.derivative] = link

    # Split and merged parts: an unlinked paragraph joins the block of a neighbour's partner.
    def attach(unlinked_side: str) -> None:
        count = len(derivative) if unlinked_side == "b" else len(original)
        mine, theirs = (b_link, a_link) if unlinked_side == "b" else (a_link, b_link)
        for p in range(count):
            if p in mine:
                continue
            best: tuple[float, int, float] | None = None
            for neighbour in (p - 1, p + 1):
                link = mine.get(neighbour)
                if link is None:
                    continue
                other = link.original if unlinked_side == "b" else link.derivative
                i, j = (other, p) if unlinked_side == "b" else (p, other)
                contained = index.containment(i, j)
                score = index.score(i, j)
                good = contained >= ATTACH_MIN_CONTAINMENT and score >= ATTACH_MIN_SCORE
                if good and (best is None or contained > best[0]):
                    best = (contained, other, score)
            if best is not None:
                i, j = (best[1], p) if unlinked_side == "b" else (p, best[1])
                kind = LinkKind.MOVED if (theirs[best[1]].kind is LinkKind.MOVED) else LinkKind.PART
                new = Link(i, j, best[2], kind)
                links.append(new)
                mine[p] = new

    attach("b")
    attach("a")
    on_step()
    if not overlaps:
        return links

    # Overlaps with the neighbours of a linked pair (paragraphs cut at different places on
    # each side): secondary links that do not merge blocks.
    linked = {(link.original, link.derivative) for link in links}
    for link in list(links):
        i, j = link.original, link.derivative
        for ni, nj in ((i - 1, j), (i + 1, j), (i, j - 1), (i, j + 1)):
            if not (0 <= ni < len(original) and 0 <= nj < len(derivative)) or (ni, nj) in linked:
                continue
            score = index.score(ni, nj)
            if score >= CROSS_MIN and index.containment(ni, nj) >= CROSS_MIN_CONTAINMENT:
                links.append(Link(ni, nj, score, LinkKind.CROSS))
                linked.add((ni, nj))

    links.extend(_sentence_links(index, original, derivative, links))
    return links


def _gap_links(
    index: SimilarityIndex, count_a: int, count_b: int, links: list[Link], a_link: dict[int, Link]
) -> list[Link]:
    """Pair the unlinked paragraphs between consecutive in-order links, when both gaps match up.

    A paraphrased paragraph can share too few rare words to be a candidate, yet sitting alone
    between two anchors on both sides it is plainly the same paragraph rewritten.
    """
    anchors = sorted((link.original, link.derivative) for link in links if link.kind is LinkKind.CHAIN)
    linked_b = {link.derivative for link in links}
    bounds = [(-1, -1), *anchors, (count_a, count_b)]
    found: list[Link] = []
    for (a0, b0), (a1, b1) in zip(bounds, bounds[1:], strict=False):
        gap_a = [i for i in range(a0 + 1, a1) if i not in a_link]
        gap_b = [j for j in range(b0 + 1, b1) if j not in linked_b]
        if not gap_a or len(gap_a) != len(gap_b):
            continue
        scores = [index.score(i, j) for i, j in zip(gap_a, gap_b, strict=True)]
        if all(score >= GAP_MIN for score in scores):
            found.extend(Link(i, j, score, LinkKind.CHAIN) for i, j, score in zip(gap_a, gap_b, scores, strict=True))
    return found


_SENTENCE_END = re.compile(r"(?<=[.;:?!])\s+")


def _sentence_links(
    index: SimilarityIndex, original: Sequence[str], derivative: Sequence[str], links: list[Link]
) -> list[Link]:
    """Links found sentence by sentence, for paragraphs each side cut in different places.

    Each sentence of a linked paragraph is credited to whichever neighbour of its partners
    holds most of its rare words; a sentence clearly at home in a neighbour links the two.
    """
    linked = {(link.original, link.derivative) for link in links}
    partners_a: dict[int, set[int]] = defaultdict(set)
    partners_b: dict[int, set[int]] = defaultdict(set)
    for link in links:
        partners_a[link.original].add(link.derivative)
        partners_b[link.derivative].add(link.original)
    found: list[Link] = []
    idf = index.idf.__getitem__

    def scan(
        texts: Sequence[str], partners: dict[int, set[int]], other_terms: list[frozenset[str]], flip: bool
    ) -> None:
        for p, mates in partners.items():
            if len(mates) == 1:
                (mate,) = mates
                if index.score(*((mate, p) if flip else (p, mate))) >= SENTENCE_SKIP:
                    continue  # the same paragraph, lightly edited: no sentence lives elsewhere
            near = {m + d for m in mates for d in (-1, 0, 1) if 0 <= m + d < len(other_terms)}
            for sentence in _SENTENCE_END.split(texts[p]):
                words = terms(sentence)
                # Every term of either document has an idf, so the getter never misses.
                weight = sum(map(idf, words))
                if len(words) < 3 or weight == 0:
                    continue
                shares = sorted(
                    ((sum(map(idf, words & other_terms[m])) / weight, m) for m in near),
                    reverse=True,
                )
                best, m = shares[0]
                runner_up = shares[1][0] if len(shares) > 1 else 0.0
                pair = (m, p) if flip else (p, m)
                if best >= SENTENCE_MIN and best >= runner_up + SENTENCE_MARGIN and pair not in linked:
                    linked.add(pair)
                    found.append(Link(pair[0], pair[1], index.score(*pair), LinkKind.CROSS))

    scan(original, partners_a, index.b_terms, flip=False)
    scan(derivative, partners_b, index.a_terms, flip=True)
    return found


def _groups(n_original: int, n_derivative: int, links: list[Link]) -> tuple[Group, ...]:
    uf = _UnionFind()
    moved_roots: set[tuple[str, int]] = set()
    for link in links:
        if link.kind is not LinkKind.CROSS:
            uf.union(("a", link.original), ("b", link.derivative))
    members: dict[tuple[str, int], tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i in range(n_original):
        members[uf.find(("a", i))][0].append(i)
    for j in range(n_derivative):
        members[uf.find(("b", j))][1].append(j)
    for link in links:
        if link.kind is LinkKind.MOVED:
            moved_roots.add(uf.find(("b", link.derivative)))

    groups = [Group(tuple(a), tuple(b), root in moved_roots) for root, (a, b) in members.items()]
    # Reading order: by derivative position; a deleted original paragraph goes right after the
    # block holding the nearest earlier original paragraph that survived.
    position_of_original: dict[int, int] = {}
    for g in groups:
        if g.derivative:
            for i in g.original:
                position_of_original[i] = g.derivative[0]

    # One pass gives each original paragraph the position of the nearest earlier survivor.
    anchor_before: list[int] = []
    anchor = -1
    for i in range(n_original):
        anchor_before.append(anchor)
        anchor = position_of_original.get(i, anchor)

    def sort_key(g: Group) -> tuple[int, int, int]:
        if g.derivative:
            return (g.derivative[0], 0, 0)
        return (anchor_before[g.original[0]], 1, g.original[0])

    return tuple(sorted(groups, key=sort_key))
