"""Quotation extraction and the verbatim / altered / unsourced check."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core import quotes
from diffviewer.core.compare import compare
from diffviewer.core.model import ChangeOp, Comparison, Document, Paragraph, Quote, QuoteStatus, Role
from diffviewer.core.quotes import check
from diffviewer.formats import load
from tests.conftest import SAMPLES
from tests.core.helpers import doc

VERBATIM, ALTERED, UNSOURCED = QuoteStatus.VERBATIM, QuoteStatus.ALTERED, QuoteStatus.UNSOURCED


def paragraphs(*texts: str) -> list[Paragraph]:
    return [Paragraph(i, t) for i, t in enumerate(texts)]


def assert_consistent(quote: Quote, original: list[Paragraph] | tuple[Paragraph, ...], derivative: str) -> None:
    """The invariants every quotation keeps: offsets slice to the texts, changes rebuild both."""
    assert derivative[quote.start : quote.end] == quote.text
    if quote.source_paragraph is None:
        assert quote.status is UNSOURCED and quote.source_text is None and not quote.changes
        return
    source = original[quote.source_paragraph].text
    assert source[quote.source_start : quote.source_end] == quote.source_text
    if quote.status is ALTERED:
        assert "".join(c.original_side for c in quote.changes) == quote.source_text
        assert "".join(c.derivative_side for c in quote.changes) == quote.text
    else:
        assert not quote.changes


def judged(original: list[str], derivative: list[str], partners: dict[int, list[int]] | None = None) -> list[Quote]:
    """check() with explicit links (identity by default), invariants asserted."""
    a, b = paragraphs(*original), paragraphs(*derivative)
    links = {i: [i] for i in range(min(len(a), len(b)))} if partners is None else partners
    found = list(check(a, b, links))
    for quote in found:
        assert_consistent(quote, a, b[quote.paragraph].text)
    return found


def only(original: list[str], derivative: list[str], partners: dict[int, list[int]] | None = None) -> Quote:
    (quote,) = judged(original, derivative, partners)
    return quote


# -- extraction: which marks make a quotation ---------------------------------------------------


def test_a_nested_quote_is_one_quote_in_the_comparison() -> None:
    found = judged(["They told me no twice, he wrote."], ["He wrote: “They told me ‘no’ twice.”"])
    assert [(q.text, q.status) for q in found] == [("They told me ‘no’ twice.", VERBATIM)]


def test_each_piece_of_a_spanning_quotation_is_checked_on_its_own() -> None:
    original = [
        "He went on: “We will keep sharing our research with everyone.",
        "“And we will keep our models open where it is safe.”",
    ]
    derivative = [
        "Later he added: “We will keep sharing our research with everyone.",
        "“And we will keep our models open when it is safe.”",
    ]
    first, second = judged(original, derivative)
    assert (first.paragraph, first.status, first.source_paragraph) == (0, VERBATIM, 0)
    assert (second.paragraph, second.status, second.source_paragraph) == (1, ALTERED, 1)
    assert second.source_text == "And we will keep our models open where it is safe."


# -- judging: verbatim ----------------------------------------------------------------------------


def test_verbatim_allows_case_punctuation_and_typographic_quotes() -> None:
    quote = only(
        ['The memo said "Open source AI is the path forward" and nothing else about it.'],
        ["According to the memo, “open-source AI is the path forward!” it said."],
    )
    assert quote.status is VERBATIM
    assert quote.source_paragraph == 0 and quote.source_text == "Open source AI is the path forward"


def test_verbatim_allows_either_apostrophe() -> None:
    quote = only(["He said: I don't think it has changed."], ["“I don’t think it has changed,” he said."])
    assert quote.status is VERBATIM and quote.source_text == "I don't think it has changed"


def test_a_one_word_scare_quote_of_the_originals_word_is_verbatim() -> None:
    quote = only(["He wants to build superintelligence soon."], ["He wants to build “superintelligence” soon."])
    assert quote.status is VERBATIM and quote.source_text == "superintelligence"


def test_an_ellipsis_or_an_editors_brackets_may_stand_for_left_out_words() -> None:
    original = ["I expect us to continue to be a leader there, and I also expect us to share our work."]
    elided = only(original, ["He said: “I expect us to continue to be a leader there … to share our work.”"])
    assert elided.status is VERBATIM
    assert elided.source_text == original[0].removesuffix(".")  # the whole stretch, left-out words too
    bracketed = only(original, ["“[Meta will] continue to be a leader there,” he said."])
    assert bracketed.status is VERBATIM and bracketed.source_text == "continue to be a leader there"


def test_a_verbatim_quote_is_found_anywhere_in_the_original() -> None:
    original = [
        "Harbour lanterns were repaired in spring by the volunteer crew.",
        "The mayor later told reporters the repairs cost far less than planned.",
    ]
    derivative = ["Officials were pleased. “The repairs cost far less than planned,” one of them said on Friday."]
    quote = only(original, derivative, partners={})  # the paragraph was not aligned at all
    assert quote.status is VERBATIM and quote.source_paragraph == 1
    assert only(original, derivative, partners={0: [0]}).source_paragraph == 1  # nor aligned with it


# -- judging: altered -----------------------------------------------------------------------------


def test_a_one_word_quote_changed_in_its_place_is_altered() -> None:
    found = {
        q.text: q
        for q in judged(
            ['Citing "safety concerns" he wrote that Meta would need to be "rigorous" about such decisions.'],
            ["Citing “safety concerns” he wrote that Meta would need to be “tough” about such decisions."],
        )
    }
    assert found["safety concerns"].status is VERBATIM
    tough = found["tough"]
    assert tough.status is ALTERED and tough.source_paragraph == 0 and tough.source_text == "rigorous"
    assert [(c.op, c.text) for c in tough.changes] == [(ChangeOp.DELETE, "rigorous"), (ChangeOp.INSERT, "tough")]


def test_compare_checks_quotes_against_the_aligned_paragraphs() -> None:
    result = compare(
        doc("Harbour news.", 'He wrote that Meta would need to be "rigorous" about it.', "Ferries run hourly."),
        doc("Ferries run hourly.", "Harbour news.", "He wrote that Meta would need to be “tough” about it."),
    )
    (quote,) = result.quotes
    assert (quote.paragraph, quote.status, quote.source_paragraph) == (2, ALTERED, 1)
    assert_consistent(quote, result.original.paragraphs, result.derivative.paragraphs[2].text)


def test_a_short_quote_changed_in_its_place_is_altered_even_if_its_word_is_elsewhere() -> None:
    # "tough" is in the original, but not in quotes and not here: the pairing in place is surer.
    quote = only(
        ['He wrote that Meta would need to be "rigorous" about it.', "It was a tough call."],
        ["He wrote that Meta would need to be “tough” about it."],
    )
    assert quote.status is ALTERED and quote.source_text == "rigorous"


def test_a_changed_title_in_quotes_is_altered_and_shows_which_words_differ() -> None:
    quote = only(
        ['In a memo titled "Open Source AI is the Path Forward" he praised open models.'],
        ["In a memo titled “Open Source AI is a way forward” he praised open models."],
    )
    assert quote.status is ALTERED
    assert quote.source_text == "Open Source AI is the Path Forward"
    deleted = " ".join(c.text for c in quote.changes if c.op is ChangeOp.DELETE)
    inserted = " ".join(c.text for c in quote.changes if c.op is ChangeOp.INSERT)
    assert "the Path" in deleted and "a way" in inserted
    assert all("Open Source AI is" not in c.text for c in quote.changes if c.op is not ChangeOp.EQUAL)


def test_quotes_pair_by_their_words_when_the_order_changed() -> None:
    original = ['He said "we ship on Monday" and later "the price stays the same for everyone".']
    derivative = ["He said “the price stays the same for all” and then “we ship on Tuesday”."]
    by_text = {q.text: q for q in judged(original, derivative)}
    assert by_text["the price stays the same for all"].source_text == "the price stays the same for everyone"
    assert by_text["we ship on Tuesday"].source_text == "we ship on Monday"
    assert all(q.status is ALTERED for q in by_text.values())


def test_a_passage_put_in_quotes_with_words_changed_points_at_that_passage() -> None:
    original = [
        "The council met on Tuesday. The new bridge will open to traffic in the spring of next year, "
        "officials said, after a long delay. Residents were relieved."
    ]
    quote = only(original, ["“The new bridge will open to cars in the spring of next year,” officials said."])
    assert quote.status is ALTERED
    assert quote.source_text == "The new bridge will open to traffic in the spring of next year"


def test_a_sentence_quoted_from_a_long_blockquote_points_at_that_sentence() -> None:
    blockquote = (
        "I don't think that our thinking has particularly changed on this. We've always open sourced some of "
        "our models and not open sourced everything that we've done. I expect us to continue to be a leader "
        "there, and I also expect us to continue to not open source everything that we do, which is a "
        "continuation of kind of what we, what we've been, been kind of working on."
    )
    a = [Paragraph(0, blockquote, Role.QUOTE)]
    b = paragraphs(
        "He said: “I expect us to continue to be a leader there… and I also expect us to continue not to open "
        "source everything that we do, which is a continuation of what we’ve been working on.”"
    )
    (quote,) = check(a, b, {0: [0]})
    assert_consistent(quote, a, b[0].text)
    assert quote.status is ALTERED and quote.source_paragraph == 0
    assert quote.source_text is not None
    assert quote.source_text.startswith("I expect us to continue") and quote.source_text.endswith("working on")


def test_an_altered_quote_is_found_anywhere_in_the_original() -> None:
    original = [
        "Harbour lanterns were repaired in spring by the volunteer crew.",
        'The mayor said "the repairs cost far less than we had planned for this year" on Friday.',
        "Ferries run every hour in summer.",
    ]
    derivative = ["Weather: sunny.", "“The repairs cost much less than we had planned for this year,” he said."]
    quote = only(original, derivative, partners={})
    assert quote.status is ALTERED and quote.source_paragraph == 1
    assert quote.source_text == "the repairs cost far less than we had planned for this year"


# -- judging: unsourced ---------------------------------------------------------------------------


def test_a_paraphrase_turned_into_a_quote_is_unsourced() -> None:
    quote = only(
        ['Citing "safety concerns" he wrote that Meta would need to be careful about such decisions.'],
        ["The founder cited safety. “We need to be rigorous about which models we release,” he wrote."],
    )
    assert quote.status is UNSOURCED and quote.source_paragraph is None and quote.source_text is None


def test_words_the_original_never_has_are_unsourced() -> None:
    quote = only(["The harbour opened in May."], ["“We will double the ferry fleet by winter,” the mayor promised."])
    assert quote.status is UNSOURCED


# -- properties and scale -------------------------------------------------------------------------

_WORDS = st.sampled_from(["ab", "cd", "Ab", "ef", "gh", "ab's", "cd’", "x", "“", "”", '"', "'", "‘", "’", ".", "…"])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(_WORDS, max_size=14).map(" ".join), max_size=4),
    st.lists(st.lists(_WORDS, max_size=14).map(" ".join), max_size=4),
    st.booleans(),
)
def test_every_quote_points_at_its_own_text_and_its_source(a: list[str], b: list[str], linked: bool) -> None:
    original, derivative = paragraphs(*a), paragraphs(*b)
    partners = {j: list(range(len(original))) for j in range(len(derivative))} if linked else {}
    for quote in check(original, derivative, partners):
        assert_consistent(quote, original, derivative[quote.paragraph].text)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(_WORDS, max_size=14).map(" ".join), max_size=5),
    st.lists(st.lists(_WORDS, max_size=14).map(" ".join), max_size=5),
    st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4)), max_size=8),
)
def test_quotations_prepared_before_the_links_are_judged_alike(
    a: list[str], b: list[str], links: list[tuple[int, int]]
) -> None:
    """What a helper prepares while the alignment runs changes no verdict, whatever the links."""
    original, derivative = paragraphs(*a), paragraphs(*b)
    partners: dict[int, list[int]] = {}
    for i, j in links:
        if i < len(original) and j < len(derivative):
            partners.setdefault(j, []).append(i)
    prepared = quotes.Quotations(original, derivative)
    prepared.prepare()
    assert prepared.check(partners) == check(original, derivative, partners)


def test_searching_the_whole_original_does_not_compare_every_quote_with_every_other(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A book has thousands of quotations: each is looked up through indexes, not compared with
    all the original's quotations (which the count of word-bag comparisons would show)."""
    rng = random.Random(4)
    vocabulary = [f"w{i}" for i in range(2000)] + ["the", "of", "and", "to"] * 50
    texts = []
    for _ in range(600):
        words = [rng.choice(vocabulary) for _ in range(24)]
        texts.append(f"{' '.join(words[:6])} “{' '.join(words[6:18])}” {' '.join(words[18:])}.")
    changed = []
    for text in texts:
        words = text.split(" ")
        words[10] = "changed"  # inside every quotation: none stays verbatim
        changed.append(" ".join(words))
    calls = {"dice": 0}
    real_dice = quotes.dice

    def counting(a, b):  # type: ignore[no-untyped-def]
        calls["dice"] += 1
        return real_dice(a, b)

    monkeypatch.setattr(quotes, "dice", counting)
    found = check(paragraphs(*texts), paragraphs(*changed), {})  # nothing aligned: all searched globally
    assert len(found) == 600
    assert sum(q.status is ALTERED for q in found) >= 590
    assert all(q.source_paragraph == q.paragraph for q in found if q.status is ALTERED)
    assert calls["dice"] <= 10 * len(found)


# -- the samples ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def original() -> Document:
    return load(SAMPLES / "original.txt")


def run(original: Document, name: str) -> Comparison:
    result = compare(original, load(SAMPLES / name))
    for quote in result.quotes:
        assert_consistent(quote, result.original.paragraphs, result.derivative.paragraphs[quote.paragraph].text)
    return result


def statuses(result: Comparison) -> dict[str, QuoteStatus]:
    return {q.text: q.status for q in result.quotes}


def test_syndicated_rewrite_flags_its_invented_and_changed_quotes(original: Document) -> None:
    result = run(original, "syndicated-rewrite.txt")
    by_text = {q.text: q for q in result.quotes}
    assert by_text["We need to be rigorous about which models we release,"].status is UNSOURCED
    ending = next(q for t, q in by_text.items() if t.startswith("I expect AI development will continue"))
    assert ending.status is ALTERED and ending.source_paragraph == 6  # "…at that point in time" became "…then"
    assert (ending.source_text or "").endswith("at that point in time.")
    leader = next(q for t, q in by_text.items() if t.startswith("I expect us to continue to be a leader"))
    assert leader.status is ALTERED and leader.source_paragraph == 4  # words dropped without an ellipsis
    assert (leader.source_text or "").startswith("I expect us to continue")  # not the whole blockquote
    # What it copies word for word stays verbatim.
    copied = [
        "superintelligence",
        "safety concerns",
        "fuck that.",
        "I don’t think that our thinking has particularly changed on this.",
        "We’ve always open-sourced some of our models and not open-sourced everything that we’ve done,",
        "I would expect that we will continue to produce and share leading open source models.",
        "We kind of wrestle with whether it’s productive or helpful to share that,",
        "There’s a whole different set of safety concerns that I think we need to take very seriously,",
        "Open Source AI is the Path Forward,",
    ]
    assert all(by_text[t].status is VERBATIM for t in copied)
    people = next(q for t, q in by_text.items() if t.startswith("People often ask"))
    assert people.status is VERBATIM and people.source_paragraph == 6
    safer = next(q for t, q in by_text.items() if t.startswith("There is an ongoing debate"))
    assert safer.status is VERBATIM  # dashes became commas: punctuation only
    # Nothing else is flagged but the boilerplate's scare quote, which the original never has.
    flagged = {q.text for q in result.quotes if q.status is not VERBATIM}
    assert flagged == {ending.text, leader.text, "We need to be rigorous about which models we release,"} | {
        "social proximity"
    }


def test_spun_copy_flags_its_one_word_quote_title_and_llama_quote(original: Document) -> None:
    result = run(original, "spun-copy.txt")
    by_text = {q.text: q for q in result.quotes}
    tough = by_text["tough"]
    assert (tough.status, tough.source_paragraph, tough.source_text) == (ALTERED, 1, "rigorous")
    title = by_text["Open Source AI is a way forward."]
    assert (title.status, title.source_paragraph) == (ALTERED, 5)
    assert title.source_text == "Open Source AI is the Path Forward."
    llama = next(q for q in result.quotes if q.text.startswith("People often ask"))
    assert llama.status is ALTERED and llama.source_paragraph == 6
    assert llama.source_text == (
        "People often ask if I’m worried about giving up a technical advantage by open sourcing Llama, "
        "but I think this misses the big picture,"
    )
    assert by_text["safety concerns"].status is VERBATIM
    # Every other spun quotation is a changed version of the original's quotation in its place.
    assert statuses(result) == {
        "Superintendentus": ALTERED,
        "safety concerns": VERBATIM,
        "tough": ALTERED,
        "Fuck": VERBATIM,  # a fragment of "fuck that": its word, unchanged
        "Open Source AI is a way forward.": ALTERED,
        llama.text: ALTERED,
        next(t for t in by_text if t.startswith("I expect the development of AI")): ALTERED,
        next(t for t in by_text if t.startswith("There is an ongoing debate")): ALTERED,
        "superstitles": ALTERED,
    }
    assert by_text["superstitles"].source_text == "superintelligence"


def test_forum_comment_quoted_lines_are_found(original: Document) -> None:
    result = run(original, "forum-comment.txt")
    texts = [p.text for p in result.derivative.paragraphs]
    marked = [j for j, t in enumerate(texts) if t.startswith(">")]
    assert {q.paragraph for q in result.quotes if q.paragraph in marked} == set(marked)
    found = statuses(result)
    verbatim = [t for t, s in found.items() if s is VERBATIM]
    assert any(t.startswith("There is an ongoing debate about the safety of open source AI models") for t in verbatim)
    # Lines of last year's memo, which this original does not contain, have no source here.
    assert found["We need to protect our data."] is UNSOURCED
    stitched = next(q for q in result.quotes if q.text.startswith("I think it will be better"))
    assert stitched.status is ALTERED and stitched.source_paragraph == 7
    # Its first sentence, before "[...]", comes from elsewhere: the source is the part it quotes.
    assert (stitched.source_text or "").startswith("As long as everyone has access")


def test_no_quote_comes_from_an_apostrophe_in_the_samples(original: Document) -> None:
    for name in ("spun-copy.txt", "syndicated-rewrite.txt", "ai-rewrite.txt", "forum-comment.txt"):
        for quote in run(original, name).quotes:
            assert len(quote.text) > 2 and not quote.text.startswith(("s ", "t ", "re ", "ve "))
    assert run(original, "ai-rewrite.txt").quotes == ()
