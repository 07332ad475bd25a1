"""Moved phrases: words a rewrite kept but put elsewhere are marked at both ends, losslessly."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core.compare import compare
from diffviewer.core.model import Change, ChangeOp, Treatment
from diffviewer.core.moved import MIN_MOVED_WORDS, _Words, is_replacement, mark_moved, replacements, word_key
from diffviewer.core.tokens import count_words, words
from diffviewer.core.worddiff import _merged, word_diff
from tests.core.helpers import code, doc

DEL, INS, EQ = ChangeOp.DELETE, ChangeOp.INSERT, ChangeOp.EQUAL


def _sides(changes: Sequence[Change]) -> tuple[str, str]:
    return "".join(c.original_side for c in changes), "".join(c.derivative_side for c in changes)


def _moves(changes: Sequence[Change]) -> dict[int, list[Change]]:
    found: dict[int, list[Change]] = {}
    for change in changes:
        if change.moved is not None:
            found.setdefault(change.moved, []).append(change)
    return found


def _block(original: str, derivative: str) -> tuple[Change, ...]:
    (block,) = compare(doc(original), doc(derivative)).blocks
    return block.changes


def test_a_quote_moved_to_the_end_of_its_sentence_is_one_moved_phrase() -> None:
    original = "“We will not back down,” the mayor told reporters at the town hall."
    derivative = "The mayor told reporters at the town hall: “we will not back down.”"
    changes = _block(original, derivative)
    assert _sides(changes) == (original, derivative)
    moves = _moves(changes)
    assert list(moves) == [1]
    (gone, came) = moves[1]
    # Each end keeps its own side's text: the original's capital, the derivative's lower case.
    assert (gone.op, gone.text) == (DEL, "We will not back down")
    assert (came.op, came.text) == (INS, "we will not back down")


def test_swapped_clauses_are_both_moved_and_count_as_kept() -> None:
    original = "After the long meeting on Friday, the minister resigned from the cabinet."
    derivative = "The minister resigned from the cabinet after the long meeting on Friday."
    result = compare(doc(original), doc(derivative))
    (block,) = result.blocks
    moves = _moves(block.changes)
    assert sorted(moves) == [1, 2]
    # Numbered in the original's order: the meeting came first there.
    assert moves[1][0].text == "After the long meeting on Friday"
    assert moves[2][0].text == "the minister resigned from the cabinet"
    stats = result.stats
    assert stats.words_moved == 12
    assert stats.words_equal == 12 and stats.words_inserted == stats.words_deleted == 0
    assert result.similarity == 1.0 and block.similarity == 1.0
    # Kept words in another order: not a copy, and nothing was dropped or reworded.
    assert block.treatment is Treatment.LIGHTLY_EDITED
    assert stats.original_verbatim == 1.0 and stats.original_dropped == 0.0


def test_an_edit_in_place_is_not_a_move() -> None:
    # The same words, casefolded, in the same place: a change of case, not a move.
    changes = _block("The Big Dog barked loudly at night.", "the big dog barked loudly at night.")
    assert not _moves(changes)
    assert [c.op for c in changes[:2]] == [DEL, INS]


def test_two_shared_words_are_too_few() -> None:
    changes = (
        Change(DEL, "red wagon "),
        Change(EQ, "rolled down the hill"),
        Change(INS, " in the red wagon"),
    )
    assert mark_moved(changes) == changes


def test_three_words_across_an_equal_run_are_moved() -> None:
    changes = (
        Change(DEL, "the red wagon "),
        Change(EQ, "rolled down the hill"),
        Change(INS, ", The Red Wagon"),
    )
    marked = mark_moved(changes)
    assert marked == (
        Change(DEL, "the red wagon", moved=1),
        Change(DEL, " "),
        Change(EQ, "rolled down the hill"),
        Change(INS, ", "),
        Change(INS, "The Red Wagon", moved=1),
    )


def test_words_cut_by_a_character_diff_are_no_phrase_words() -> None:
    # "red wagons" is cut inside "wagons": only whole words make a phrase.
    changes = (
        Change(EQ, "a"),
        Change(DEL, "nd red wagon"),
        Change(EQ, "s rolled down"),
        Change(INS, " and red wagon"),
    )
    marked = mark_moved(changes)
    assert not _moves(marked)


def test_moved_pieces_never_merge_with_their_neighbours() -> None:
    pieces = [Change(DEL, "a "), Change(DEL, "b c d", moved=1), Change(DEL, " e"), Change(INS, "x")]
    assert _merged(pieces) == tuple(pieces)
    assert _merged([Change(DEL, "a "), Change(DEL, "b")]) == (Change(DEL, "a b"),)


def test_a_moved_end_is_no_half_of_a_replacement() -> None:
    changes = (
        Change(DEL, "one two three", moved=1),
        Change(INS, "four"),
        Change(EQ, " x "),
        Change(INS, "One two three", moved=1),
    )
    assert not is_replacement(changes, 0) and not is_replacement(changes, 1)
    plain = (Change(DEL, "one"), Change(INS, "two"))
    assert is_replacement(plain, 0) and is_replacement(plain, 1)


def test_programs_get_no_moved_phrases() -> None:
    original = code("def f(a, b, c):\n    x = call_one(a, b, c)\n    return call_two(a, b, c)\n")
    derivative = code("def f(a, b, c):\n    x = call_two(a, b, c)\n    return call_one(a, b, c)\n")
    result = compare(original, derivative)
    assert all(c.moved is None for block in result.blocks for c in block.changes)


def test_a_block_too_big_to_search_is_left_as_it_is() -> None:
    many = " ".join(f"w{n}" for n in range(12_000))
    changes = (Change(DEL, many), Change(EQ, " x "), Change(INS, many))
    assert mark_moved(changes) == changes


VOCAB = ["the", "red", "wagon", "Red", "Wagon", "rolled", "down", "hill", "said", ",", ".", "“", "”", "\n"]
texts = st.lists(st.sampled_from(VOCAB), min_size=0, max_size=30).map(" ".join)


def _check_moved(before: Sequence[Change], after: Sequence[Change]) -> None:
    assert _sides(after) == _sides(before)
    for move, ends in _moves(after).items():
        # One removed end and one added end, the same words up to case.
        assert sorted(c.op for c in ends) == sorted([DEL, INS]), move
        gone, came = (ends[0], ends[1]) if ends[0].op is DEL else (ends[1], ends[0])
        assert [word_key(w) for w in words(gone.text)] == [word_key(w) for w in words(came.text)]
        assert count_words(gone.text) >= MIN_MOVED_WORDS
    assert sorted(_moves(after)) == list(range(1, len(_moves(after)) + 1))


CLAUSES = [
    "the red wagon rolled",
    "The Red Wagon",
    "down the hill",
    "“we will not back down”",
    "he said",
    "at the town hall",
    "after the meeting",
]


@st.composite
def reordered(draw: st.DrawFn) -> tuple[str, str]:
    """A text of clauses and words, and the same pieces shuffled, a few words changed: moves abound."""
    pieces = draw(st.lists(st.sampled_from(CLAUSES + VOCAB), min_size=1, max_size=10))
    shuffled = draw(st.permutations(pieces))
    edits = draw(st.lists(st.tuples(st.integers(0, 10), st.sampled_from(VOCAB)), max_size=3))
    changed = list(shuffled)
    for at, word in edits:
        changed.insert(min(at, len(changed)), word)
    return " ".join(pieces), " ".join(changed)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.tuples(texts, texts), reordered()))
def test_the_moved_pass_keeps_both_sides_of_any_word_diff(pair: tuple[str, str]) -> None:
    before = word_diff(*pair)
    _check_moved(before, mark_moved(before))


clause_runs = st.lists(st.sampled_from(CLAUSES), min_size=1, max_size=3).map(" ".join)


@st.composite
def changes_lists(draw: st.DrawFn) -> list[Change]:
    """Any changes, often with a clause removed in one place and added in another."""
    changes = draw(st.lists(st.builds(Change, st.sampled_from([DEL, INS, EQ]), texts.filter(bool)), max_size=8))
    for _ in range(draw(st.integers(0, 2))):
        clause = draw(clause_runs)
        at = draw(st.integers(0, len(changes)))
        to = draw(st.integers(at, len(changes)))
        changes[to:to] = [Change(EQ, draw(st.sampled_from(CLAUSES + [" "]))), Change(INS, clause.swapcase())]
        changes.insert(at, Change(DEL, clause))
    return changes


@settings(max_examples=150, deadline=None)
@given(changes_lists())
def test_the_moved_pass_keeps_both_sides_of_any_changes(changes: list[Change]) -> None:
    _check_moved(changes, mark_moved(changes))


@settings(max_examples=150, deadline=None)
@given(changes_lists())
def test_replacements_in_one_pass_are_each_change_asked_alone(changes: list[Change]) -> None:
    marked = mark_moved(changes)  # moved ends among them: never halves of a replacement
    for found in (changes, marked):
        assert replacements(found) == [is_replacement(found, n) for n in range(len(found))]


def _mirrored(changes: Sequence[Change]) -> list[Change]:
    flip = {DEL: INS, INS: DEL, EQ: EQ}
    return [Change(flip[c.op], c.text, c.derivative_text, c.moved) for c in changes]


@settings(max_examples=100, deadline=None)
@given(changes_lists())
def test_swapping_the_sides_moves_the_same_words(changes: list[Change]) -> None:
    forward = mark_moved(changes)
    backward = mark_moved(_mirrored(changes))

    def moved_words(marked: Sequence[Change], op: ChangeOp) -> list[str]:
        return [c.text for c in marked if c.moved is not None and c.op is op]

    assert moved_words(forward, DEL) == moved_words(backward, INS)
    assert moved_words(forward, INS) == moved_words(backward, DEL)


@settings(max_examples=60, deadline=None)
@given(st.lists(reordered(), max_size=4))
def test_moved_words_are_counted_once_as_kept(pairs: list[tuple[str, str]]) -> None:
    result = compare(doc(*(a for a, _ in pairs)), doc(*(b for _, b in pairs)))
    stats = result.stats
    assert stats.words_equal + stats.words_deleted == stats.words_original
    moved_deleted = sum(count_words(c.text) for bl in result.blocks for c in bl.changes if c.moved and c.op is DEL)
    moved_inserted = sum(count_words(c.text) for bl in result.blocks for c in bl.changes if c.moved and c.op is INS)
    assert stats.words_moved == moved_deleted == moved_inserted
    # Ids run over the whole comparison: each names one phrase, its two ends in one block or
    # (a sentence moved into a paragraph aligned elsewhere) in two.
    everywhere = [c for block in result.blocks for c in block.changes]
    _check_moved(everywhere, everywhere)


# A sentence moved into a paragraph that is aligned elsewhere: paragraph 2's second sentence
# ends paragraph 5 of the derivative; every paragraph keeps its own partner.
MOVED_ACROSS_ORIGINAL = (
    "The county council approved a new winter timetable for the Kellmouth ferry on Tuesday. "
    "Four evening crossings will be added between the harbour and Tarrow Island.",
    "Island residents had complained for two years about the lack of late boats. "
    "The harbour master promised brighter lights on the slipway before March.",
    "The vessel Marigold will run the late crossings while the Skerry is refitted. "
    "The refit at the Penhallow yard is expected to take eleven weeks.",
    "Café owners on the quay said the consultation had been rushed. "
    "Season ticket prices will stay the same, although single fares rise slightly.",
    "Hospital staff in Bradwick said the last crossing was still too early for them. "
    "Passenger figures will be published after the first twelve months.",
)
MOVED_SENTENCE = "The harbour master promised brighter lights on the slipway before March."
MOVED_ACROSS_DERIVATIVE = (
    MOVED_ACROSS_ORIGINAL[0],
    "Island residents had complained for two years about the lack of late boats.",
    *MOVED_ACROSS_ORIGINAL[2:4],
    f"{MOVED_ACROSS_ORIGINAL[4]} {MOVED_SENTENCE}",
)


def test_a_sentence_moved_into_a_paragraph_aligned_elsewhere_is_moved_not_removed_and_added() -> None:
    result = compare(doc(*MOVED_ACROSS_ORIGINAL), doc(*MOVED_ACROSS_DERIVATIVE))
    # Each paragraph keeps its partner: the sentence is linked without tying blocks 2 and 5.
    assert [(b.original, b.derivative) for b in result.blocks] == [((k,), (k,)) for k in range(5)]
    assert (1, 4) in result.links
    ends = {(k, c.op): c for k, b in enumerate(result.blocks) for c in b.changes if c.moved is not None}
    assert set(ends) == {(1, DEL), (4, INS)}
    gone, came = ends[(1, DEL)], ends[(4, INS)]
    assert gone.moved == came.moved
    assert gone.text == came.text == MOVED_SENTENCE.rstrip(".")
    assert result.stats.words_deleted == result.stats.words_inserted == 0
    assert result.stats.words_moved == count_words(MOVED_SENTENCE)


def test_moved_ids_are_unique_in_the_comparison() -> None:
    # Two blocks, each with a quotation moved inside it: their phrases get different ids.
    original = (
        "“We will not back down,” the mayor told reporters at the town hall.",
        "“The harbour budget is final,” the treasurer said after the long meeting on Friday.",
    )
    derivative = (
        "The mayor told reporters at the town hall: “we will not back down.”",
        "The treasurer said after the long meeting on Friday: “the harbour budget is final.”",
    )
    result = compare(doc(*original), doc(*derivative))
    ids = [(k, c.moved) for k, b in enumerate(result.blocks) for c in b.changes if c.moved is not None]
    assert sorted(ids) == [(0, 1), (0, 1), (1, 2), (1, 2)]


def test_a_phrase_of_fewer_than_three_distinct_words_is_no_moved_phrase() -> None:
    from diffviewer.core.model import Change, ChangeOp
    from diffviewer.core.moved import mark_moved

    changes = (Change(ChangeOp.DELETE, "a a A"), Change(ChangeOp.EQUAL, " e"), Change(ChangeOp.INSERT, " a a a"))
    assert mark_moved(changes) == changes


def _segments_told_apart(found: _Words) -> list[tuple[int, int, int, str, bool]]:
    """Words as places and keys, and whether each one shares its segment with the word before
    (segment numbers themselves are only compared with each other)."""
    return [
        (
            found.change[n],
            found.start[n],
            found.end[n],
            found.key[n],
            n > 0 and found.segment[n] == found.segment[n - 1],
        )
        for n in range(len(found))
    ]


@settings(max_examples=150, deadline=None)
@given(changes_lists(), st.data())
def test_the_words_within_a_span_are_those_of_the_whole_block_there(changes: list[Change], data: st.DataObject) -> None:
    # Reading only the changes a span reaches (a crossing's sentence) finds what reading them all
    # and keeping those in the span finds.
    from diffviewer.core.moved import BlockSide, _keyed, _side_starts, _words, words_inside

    for op in (DEL, INS):
        starts = _side_starts(changes, original=op is DEL)
        length = (
            starts[-1] + len(changes[-1].original_side if op is DEL else changes[-1].derivative_side) if changes else 0
        )
        low = data.draw(st.integers(0, length))
        span = (low, data.draw(st.integers(low, length)))
        shared = {word_key(w) for c in changes for w in words(c.text)}
        keys = _keyed(changes, op)
        everything = _words(changes, op, [0] * len(changes), shared, keys)
        kept = everything.only(
            k
            for k in range(len(everything))
            if span[0] <= starts[everything.change[k]] + everything.start[k]
            and starts[everything.change[k]] + everything.end[k] <= span[1]
        )
        assert _segments_told_apart(words_inside(BlockSide.of(changes, op), span, shared)) == _segments_told_apart(kept)
