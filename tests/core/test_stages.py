"""Each stage of the aligner on its own: sentences, unit similarity, the heaviest chain, beads,
and paragraph groups."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core.align import Alignment, align
from diffviewer.core.beads import Bead, align_units, heaviest_chain
from diffviewer.core.compare import compare
from diffviewer.core.merges import in_step
from diffviewer.core.sentences import sentence_spans, split_units
from diffviewer.core.similarity import UnitSimilarity
from tests.core.helpers import doc
from tests.core.test_alignment_cases import (
    FERRY_DERIVATIVE,
    FERRY_ORIGINAL,
    FORUM,
    LIBRARY_DERIVATIVE,
    LIBRARY_ORIGINAL,
)

FAST = settings(max_examples=40, deadline=None)

# --------------------------------------------------------------------------------------------
# sentences
# --------------------------------------------------------------------------------------------

_sentence_text = st.lists(
    st.one_of(
        st.sampled_from(["Mr.", "e.g.", "Dr.", "3.5", "U.S.", "p.m.", "?", "!", ".", "...", "«", "»", "—", "\n"]),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
        st.sampled_from(["the", "Harbour", "ferry", "Ölmühle", "l'été", "市政府", "Кельмут"]),
    ),
    max_size=30,
).map(" ".join)


def _assert_tiles(text: str, spans: list[tuple[int, int]]) -> None:
    assert spans, "no span at all"
    assert spans[0][0] == 0
    assert spans[-1][1] == len(text)
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert end == start, spans
    assert all(start <= end for start, end in spans)
    assert "".join(text[a:b] for a, b in spans) == text


@FAST
@given(st.one_of(st.text(max_size=200), _sentence_text))
def test_sentence_spans_tile_the_text(text: str) -> None:
    _assert_tiles(text, sentence_spans(text))


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def test_abbreviations_do_not_split() -> None:
    assert _sentences("Mr. Smith arrived at noon. He sat down.") == ["Mr. Smith arrived at noon. ", "He sat down."]
    assert _sentences("Bring fruit, e.g. apples and pears, to the picnic. Then leave.") == [
        "Bring fruit, e.g. apples and pears, to the picnic. ",
        "Then leave.",
    ]


def test_question_and_exclamation_marks_split() -> None:
    assert _sentences("Is it late? Yes! We go home.") == ["Is it late? ", "Yes! ", "We go home."]


def test_a_lone_surrogate_is_cut_around_not_refused() -> None:
    # The segmenter reads UTF-8, which a lone surrogate (left by a lenient decoding) is not.
    text = "The café \udcff shut. It opened again in May."
    spans = sentence_spans(text)
    assert "".join(text[s:e] for s, e in spans) == text
    assert len(spans) == 2


def test_empty_text_is_one_empty_span() -> None:
    assert sentence_spans("") == [(0, 0)]


def test_split_units_without_sentences_gives_one_unit_per_paragraph() -> None:
    paragraphs = ["One. Two. Three.", "", "Four? Five!"]
    units = split_units(paragraphs, by_sentence=False)
    assert [(u.paragraph, u.start, u.end) for u in units] == [(0, 0, 16), (1, 0, 0), (2, 0, 11)]


def test_split_units_keeps_whole_paragraphs_whole() -> None:
    paragraphs = ["One. Two. Three.", "Four? Five!", "Six. Seven."]
    units = split_units(paragraphs, by_sentence=True, whole={1})
    by_paragraph = Counter(u.paragraph for u in units)
    assert by_paragraph == {0: 3, 1: 1, 2: 2}
    (kept,) = [u for u in units if u.paragraph == 1]
    assert (kept.start, kept.end) == (0, len(paragraphs[1]))
    for index, text in enumerate(paragraphs):
        _assert_tiles(text, [(u.start, u.end) for u in units if u.paragraph == index])


# --------------------------------------------------------------------------------------------
# similarity
# --------------------------------------------------------------------------------------------

# Ten units a side (enough for the chance model), mostly unrelated across the sides.
SIM_A = (
    "The council approved the harbour budget on Monday.",
    "Ottoline Brackwater painted the lighthouse in 1921.",
    "Fishermen landed a record catch of mackerel last week.",
    "The school hall will reopen after the summer holidays.",
    "L'Himalaya est haut.",
    "Volunteers repaired the footpath along the river.",
    "A new bus route links the station with the hospital.",
    "The library has extended its opening hours on Saturdays.",
    "Bees prefer lavender to almost any other flower.",
    "Snow closed the mountain pass for three days.",
)
SIM_B = (
    "The council approved the harbour budget on Monday.",
    "A portrait of the quay by Ottoline Brackwater was sold.",
    "A record mackerel catch was landed by fishermen.",
    "After the summer holidays the school hall reopens.",
    "L'Himalaya est très haut.",
    "Frost damaged the tennis courts in the park.",
    "Traders on the high street want cheaper parking.",
    "The choir will sing carols at the market in December.",
    "Wind turbines were installed on the northern ridge.",
    "Rents in the old town rose again this spring.",
)


@pytest.fixture(scope="module")
def sim() -> UnitSimilarity:
    return UnitSimilarity(SIM_A, SIM_B)


def test_identical_units_score_one(sim: UnitSimilarity) -> None:
    assert sim.measurable
    assert sim.unit_match(0, 0).score == pytest.approx(1.0)


def test_unrelated_units_score_near_zero_or_below(sim: UnitSimilarity) -> None:
    # Bees vs turbines, the footpath vs tennis courts, the pass vs rents: nothing in common.
    for i, j in [(8, 8), (5, 5), (9, 9), (6, 7), (2, 9)]:
        assert sim.unit_match(i, j).score < 0.1, (SIM_A[i], SIM_B[j], sim.unit_match(i, j))


def test_elided_and_inflected_pair_beats_an_unrelated_pair(sim: UnitSimilarity) -> None:
    elided = sim.unit_match(4, 4).score  # "L'Himalaya est haut." / "L'Himalaya est très haut."
    assert elided > 0.5
    assert elided > max(sim.unit_match(4, j).score for j in range(len(SIM_B)) if j != 4)
    assert elided > sim.unit_match(8, 8).score


def test_rare_pairs_find_the_pair_sharing_a_rare_name(sim: UnitSimilarity) -> None:
    pairs = sim.rare_pairs(1)
    assert (1, 1) in pairs  # Ottoline Brackwater
    assert not any(i == 1 and j != 1 for i, j in pairs)


# Units of one template: every word of the two "common" units below is in every unit of the
# other side, so they resemble anything; the "rare" pair shares a name nobody else has.
_FILLER_A = (
    "The council said that the budget of the harbour was agreed and that it was fair.",
    "The fishermen said that the catch of the week was large and that it was sold.",
    "The school said that the hall of the village was repaired and that it was open.",
    "The volunteers said that the path of the river was cleared and that it was safe.",
    "The library said that the hours of the week were longer and that it was busy.",
    "The traders said that the parking of the street was dear and that it was full.",
    "The choir said that the carols of the season were chosen and that it was ready.",
    "The engineers said that the roof of the hall was leaking and that it was old.",
)
_FILLER_B = (
    "The mayor said that the road of the town was closed and that it was muddy.",
    "The farmers said that the price of the milk was low and that it was unfair.",
    "The nurses said that the ward of the hospital was full and that it was cold.",
    "The drivers said that the route of the bus was longer and that it was slow.",
    "The pupils said that the test of the term was hard and that it was long.",
    "The bakers said that the cost of the flour was high and that it was rising.",
    "The rowers said that the race of the year was close and that it was fun.",
    "The builders said that the wall of the yard was cracked and that it was unsafe.",
)
COMMON_A, COMMON_B = "It was said that it was.", "And that was said of it."
RARE_A, RARE_B = "Ottoline Brackwater painted the lighthouse.", "Ottoline Brackwater sold a portrait."


def _raw_dice(sim: UnitSimilarity, i: int, j: int) -> float:
    a, b = sim.a_units[i], sim.b_units[j]
    return 2 * sim.weight(a.features & b.features) / (a.weight + b.weight)


@pytest.fixture(scope="module")
def template_sim() -> UnitSimilarity:
    return UnitSimilarity((*_FILLER_A, COMMON_A, RARE_A), (*_FILLER_B, COMMON_B, RARE_B))


def test_common_words_pair_is_less_surprising_than_a_rare_word_pair(template_sim: UnitSimilarity) -> None:
    common, rare = len(_FILLER_A), len(_FILLER_A) + 1
    assert template_sim.unit_match(common, common).surprise < template_sim.unit_match(rare, rare).surprise


def test_common_words_pair_is_no_surprise_where_a_rare_word_pair_is(template_sim: UnitSimilarity) -> None:
    common, rare = len(_FILLER_A), len(_FILLER_A) + 1
    # Before correcting for chance the common pair looks at least as alike...
    assert _raw_dice(template_sim, common, common) >= _raw_dice(template_sim, rare, rare)
    # ...but units made of words every unit has share nothing unlikely: no surprise, no pair.
    assert template_sim.unit_match(common, common).surprise < 1.0
    assert template_sim.unit_match(rare, rare).surprise > 3.0
    # Chance is taken off the score too, more for the common pair than for the rare one.
    common_drop = _raw_dice(template_sim, common, common) - template_sim.unit_match(common, common).score
    rare_drop = _raw_dice(template_sim, rare, rare) - template_sim.unit_match(rare, rare).score
    assert common_drop >= 0 and rare_drop >= 0


# --------------------------------------------------------------------------------------------
# beads.heaviest_chain
# --------------------------------------------------------------------------------------------


def _brute_force_chain_weight(pairs: dict[tuple[int, int], float]) -> float:
    items = sorted((i, j, w) for (i, j), w in pairs.items() if w > 0)
    best = 0.0
    for size in range(1, len(items) + 1):
        for subset in combinations(items, size):
            if all(a[0] < b[0] and a[1] < b[1] for a, b in zip(subset, subset[1:], strict=False)):
                best = max(best, sum(w for _, _, w in subset))
    return best


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(
        st.tuples(st.integers(0, 5), st.integers(0, 5)),
        st.integers(-3, 9).map(float),
        max_size=9,
    )
)
def test_heaviest_chain_is_strictly_increasing_and_heaviest(pairs: dict[tuple[int, int], float]) -> None:
    chain = heaviest_chain([(i, j, w) for (i, j), w in pairs.items()])
    for (i0, j0), (i1, j1) in zip(chain, chain[1:], strict=False):
        assert i0 < i1 and j0 < j1, chain
    assert all(p in pairs and pairs[p] > 0 for p in chain)
    assert sum(pairs[p] for p in chain) == pytest.approx(_brute_force_chain_weight(pairs))


def test_heaviest_chain_of_nothing_is_empty() -> None:
    assert heaviest_chain([]) == []
    assert heaviest_chain([(0, 0, 0.0), (1, 1, -2.0)]) == []


# --------------------------------------------------------------------------------------------
# beads.align_units
# --------------------------------------------------------------------------------------------

STORY = (
    "The county council approved a new winter timetable for the Kellmouth ferry on Tuesday.",
    "Four evening crossings will be added between the harbour and Tarrow Island.",
    "Island residents had complained for two years about the lack of late boats.",
    "The vessel Marigold will run the late crossings while the Skerry is refitted.",
    "The refit at the Penhallow yard is expected to take eleven weeks.",
    "Café owners on the quay said the consultation had been rushed.",
    "The harbour master promised brighter lights on the slipway before March.",
    "Season ticket prices will stay the same, although single fares rise slightly.",
    "Hospital staff in Bradwick said the last crossing was still too early for them.",
    "Passenger figures will be published after the first twelve months.",
)
SPLIT_HALVES = ("The vessel Marigold will run the late crossings.", "Meanwhile the Skerry is refitted.")
UNRELATED = "Bees prefer lavender to almost any other flower in the garden."


def _pairs(beads: Sequence[Bead]) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(b.original, b.derivative) for b in beads}


def _beads_with(beads: Sequence[Bead], side: str, unit: int) -> list[Bead]:
    return [b for b in beads if unit in (b.original if side == "a" else b.derivative)]


def test_identical_sequences_align_one_to_one() -> None:
    beads = align_units(STORY, STORY)
    assert sorted(_pairs(beads)) == [((k,), (k,)) for k in range(len(STORY))]
    assert len(beads) == len(STORY)
    assert not any(b.moved for b in beads)


def test_split_sentence_is_one_bead_of_one_and_two_units() -> None:
    derivative = (*STORY[:3], *SPLIT_HALVES, *STORY[4:])
    beads = align_units(STORY, derivative)
    assert _beads_with(beads, "a", 3) == [b for b in beads if b.original == (3,) and b.derivative == (3, 4)]
    assert len(_beads_with(beads, "a", 3)) == 1
    # The rest stays 1:1, shifted by one.
    for k in [*range(3), *range(4, len(STORY))]:
        (bead,) = _beads_with(beads, "a", k)
        assert bead.derivative == ((k,) if k < 3 else (k + 1,))


def test_swapped_far_apart_units_are_moved_beads() -> None:
    derivative = (STORY[0], STORY[8], *STORY[2:8], STORY[1], *STORY[9:])
    beads = align_units(STORY, derivative)
    assert [(b.derivative, b.moved) for b in _beads_with(beads, "a", 1)] == [((8,), True)]
    assert [(b.derivative, b.moved) for b in _beads_with(beads, "a", 8)] == [((1,), True)]
    for k in [0, *range(2, 8), 9]:
        assert [(b.derivative, b.moved) for b in _beads_with(beads, "a", k)] == [((k,), False)]


def test_unrelated_inserted_unit_stays_alone() -> None:
    derivative = (*STORY[:5], UNRELATED, *STORY[5:])
    beads = align_units(STORY, derivative)
    assert _beads_with(beads, "b", 5) == []
    assert len(beads) == len(STORY)
    assert all(len(b.original) == 1 and len(b.derivative) == 1 for b in beads)


def test_a_fragment_that_says_little_joins_with_the_fragment_beyond_it() -> None:
    # Three sentences of the derivative from one: the middle one alone is hardly found in the
    # original sentence, but it lies between the other two, and the two together mostly are.
    fragments = (
        "The vessel Marigold will run the late crossings.",
        "That is the plan.",
        "Meanwhile the Skerry is refitted.",
    )
    beads = align_units(STORY, (*STORY[:3], *fragments, *STORY[4:]))
    assert _beads_with(beads, "a", 3) == _beads_with(beads, "b", 4) == _beads_with(beads, "b", 5)
    assert _beads_with(beads, "a", 3)[0].derivative == (3, 4, 5)


_PARAPHRASE = "The refit at the yard should last about three months."  # of STORY[4], loosely


def test_one_lone_unit_a_side_between_two_beads_pairs_when_it_shares_beyond_chance() -> None:
    for replacement, pairs in [(_PARAPHRASE, True), ("Work at the yard should last about three months.", False)]:
        derivative = (*STORY[:4], replacement, *STORY[5:])
        sim = UnitSimilarity(STORY, derivative)
        around = [Bead((k,), (k,), 1.0, moved=False) for k in range(len(STORY)) if k != 4]
        found = in_step(sim, around)
        # The first shares a little, beyond chance and significantly; the second not significantly.
        assert (found == [Bead((4,), (4,), sim.unit_match(4, 4).score, moved=False)]) is pairs, replacement
    unrelated = (*STORY[:4], UNRELATED, *STORY[5:])
    assert in_step(UnitSimilarity(STORY, unrelated), around) == []


def _check_bead_properties(beads: Sequence[Bead], n: int, m: int) -> None:
    used_a = Counter(u for b in beads for u in b.original)
    used_b = Counter(u for b in beads for u in b.derivative)
    assert all(c == 1 for c in used_a.values()), f"original units in two beads: {used_a}"
    assert all(c == 1 for c in used_b.values()), f"derivative units in two beads: {used_b}"
    for b in beads:
        assert b.original and b.derivative, b
        assert b.original == tuple(range(b.original[0], b.original[-1] + 1)), b
        assert b.derivative == tuple(range(b.derivative[0], b.derivative[-1] + 1)), b
        assert b.original[0] >= 0 and b.derivative[0] >= 0, b
        assert b.original[-1] < n and b.derivative[-1] < m, b
    ordered = sorted((b for b in beads if not b.moved), key=lambda b: b.original)
    for x, y in zip(ordered, ordered[1:], strict=False):
        assert x.original[-1] < y.original[0] and x.derivative[-1] < y.derivative[0], (x, y)


def test_bead_properties_on_the_fixed_cases() -> None:
    cases = [
        (STORY, STORY),
        (STORY, (*STORY[:3], *SPLIT_HALVES, *STORY[4:])),
        (STORY, (STORY[0], STORY[8], *STORY[2:8], STORY[1], *STORY[9:])),
        (STORY, (*STORY[:5], UNRELATED, *STORY[5:])),
    ]
    for a, b in cases:
        _check_bead_properties(align_units(a, b), len(a), len(b))


# A pool the random documents draw on: the story's sentences, lightly edited forms of some,
# the halves of a split one, and unrelated sentences.
_POOL = (
    *STORY,
    *SPLIT_HALVES,
    UNRELATED,
    "The council approved a winter timetable for the ferry at Kellmouth on Tuesday.",
    "Island residents complained for two years that there were no late boats.",
    "Passenger figures are to be published after twelve months.",
    "Rents in the old town rose again this spring.",
    "The choir will sing carols at the market in December.",
)


@FAST
@given(
    st.lists(st.sampled_from(range(len(_POOL))), min_size=1, max_size=14),
    st.lists(st.sampled_from(range(len(_POOL))), min_size=1, max_size=14),
)
def test_beads_never_share_units_and_keep_order(a: list[int], b: list[int]) -> None:
    a_texts, b_texts = [_POOL[k] for k in a], [_POOL[k] for k in b]
    _check_bead_properties(align_units(a_texts, b_texts), len(a_texts), len(b_texts))


@FAST
@given(st.permutations(range(len(STORY))), st.sets(st.sampled_from(range(len(STORY))), max_size=4))
def test_beads_of_a_reordered_story_never_share_units(order: list[int], dropped: set[int]) -> None:
    derivative = [STORY[k] for k in order if k not in dropped] or [UNRELATED]
    _check_bead_properties(align_units(STORY, derivative), len(STORY), len(derivative))


# --------------------------------------------------------------------------------------------
# align.align
# --------------------------------------------------------------------------------------------


def _check_groups(alignment: Alignment, original: Sequence[str], derivative: Sequence[str]) -> None:
    seen_a = Counter(i for g in alignment.groups for i in g.original)
    seen_b = Counter(j for g in alignment.groups for j in g.derivative)
    assert seen_a == Counter(range(len(original))), seen_a
    assert seen_b == Counter(range(len(derivative))), seen_b
    for g in alignment.groups:
        assert g.original or g.derivative
        a_len = len("\n".join(original[i] for i in g.original))
        b_len = len("\n".join(derivative[j] for j in g.derivative))
        assert g.pieces, g
        at_a = at_b = 0
        for piece in g.pieces:
            assert (piece.original_start, piece.derivative_start) == (at_a, at_b), g
            assert piece.original_end >= piece.original_start and piece.derivative_end >= piece.derivative_start
            at_a, at_b = piece.original_end, piece.derivative_end
        assert (at_a, at_b) == (a_len, b_len), g
        assert sum(p.original_end - p.original_start for p in g.pieces) == a_len
        assert sum(p.derivative_end - p.derivative_start for p in g.pieces) == b_len


@pytest.mark.parametrize(
    ("original", "derivative"),
    [
        (FERRY_ORIGINAL, FERRY_DERIVATIVE),
        (LIBRARY_ORIGINAL, LIBRARY_DERIVATIVE),
        (FERRY_ORIGINAL, FORUM),
        (FERRY_ORIGINAL, FERRY_ORIGINAL),
    ],
)
def test_groups_cover_every_paragraph_once_and_pieces_tile(original: Sequence[str], derivative: Sequence[str]) -> None:
    _check_groups(align(original, derivative), original, derivative)
    _check_groups(align(derivative, original), derivative, original)


_paragraph = st.lists(st.sampled_from(_POOL), min_size=1, max_size=3).map(" ".join)


@FAST
@given(st.lists(_paragraph, min_size=1, max_size=6), st.lists(_paragraph, min_size=1, max_size=6))
def test_groups_cover_and_tile_on_random_documents(original: list[str], derivative: list[str]) -> None:
    _check_groups(align(original, derivative), original, derivative)


# --------------------------------------------------------------------------------------------
# Cases a review found
# --------------------------------------------------------------------------------------------


def test_a_refrain_rewritten_the_same_way_on_every_line_pairs_in_order() -> None:
    # Every line is like every other, so chance cannot tell pairs apart: order must.
    for count in (3, 8, 200):
        original, derivative = ["The cat sat on the mat today."] * count, ["The cat sat on a mat today."] * count
        result = compare(doc(*original), doc(*derivative))
        assert set(result.links) == {(k, k) for k in range(count)}


def test_scripts_without_spaces_and_one_word_headings_still_pair() -> None:
    chinese = compare(doc("我们今天去学校了，天气很好。"), doc("我们今天去公园了，天气不错。"))
    assert chinese.links == ((0, 0),)
    body = "Der Text ist lang und gut."
    heading = compare(doc("Intro.", "Quellen", body), doc("Intro.", "Quelle", body))
    assert (1, 1) in heading.links


def test_a_lone_unit_is_scored_against_a_few_candidates_only() -> None:
    # Unrelated documents whose rarest n-grams are still common: no probe may collect them all.
    texts = [f"the people of the land went up to the city number {k % 7}." for k in range(300)]
    sim = UnitSimilarity(texts, list(reversed(texts)))
    near = sim.nearest(range(300), range(300), probe_terms=16, max_posting=8, keep=4)
    assert all(len(found) <= 4 for found in near.values())


def test_a_long_stretch_without_anchors_can_be_cancelled() -> None:
    calls = 0

    def step() -> None:
        nonlocal calls
        calls += 1

    lines = [f"Line {k} of the log: the job ran and the job ended." for k in range(3000)]
    align_units(lines, [line.replace("ended", "stopped") for line in lines], step)
    assert calls >= 5  # a cancel check at least every few thousand units, inside the DP too


def test_alignment_reports_its_progress_in_order() -> None:
    seen: list[float] = []
    texts = [f"Sentence {k} tells of the harbour, the lanterns and orchard {k}." for k in range(40)]
    compare(doc(*texts), doc(*texts[::-1]), on_progress=seen.append)
    inside = [f for f in seen if 0 < f < 0.4]
    assert len(inside) >= 3  # the aligner's stages, before the word diffs
    assert seen == sorted(seen) and seen[-1] == 1.0


def test_an_option_only_the_word_diffs_see_aligns_nothing_again(monkeypatch: pytest.MonkeyPatch) -> None:
    from diffviewer.core import align as align_module
    from diffviewer.core.model import CompareOptions

    calls: list[int] = []
    real = align_module.align_units

    def counting(*args: object, **kwargs: object) -> list[Bead]:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(align_module, "align_units", counting)
    original, derivative = doc(*LIBRARY_ORIGINAL), doc(*LIBRARY_DERIVATIVE)
    plain = compare(original, derivative)
    ignoring = compare(original, derivative, CompareOptions(ignore_punctuation=True))
    assert len(calls) == 1  # the second comparison reused the alignment
    assert plain.links == ignoring.links
    # A paragraph that becomes a twin under an option does change the alignment: aligned again.
    twin_original, twin_derivative = (
        doc("The Ferry Sails.", *LIBRARY_ORIGINAL),
        doc("the ferry sails", *LIBRARY_DERIVATIVE),
    )
    compare(twin_original, twin_derivative)
    compare(twin_original, twin_derivative, CompareOptions(ignore_case=True, ignore_punctuation=True))
    assert len(calls) == 3
    # And what is kept is what aligning again gives.
    align_module.forget_alignments()
    assert compare(original, derivative).links == plain.links
    assert len(calls) == 4


def test_a_million_blank_lines_around_a_paragraph_split_at_once() -> None:
    from diffviewer.core.segment import split_paragraphs

    assert split_paragraphs("\n" * 1_000_000 + "One.\n\nTwo." + "\n" * 1_000_000) == ["One.", "Two."]
    assert split_paragraphs("\n" * 1_000_000) == []
