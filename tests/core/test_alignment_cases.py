"""Realistic alignment cases: what a reader sees in the blocks, links, word changes and stats.

Each fixture is a short piece of prose and a derivative of it written for one situation the
aligner must get right (a split beside a drop and a move, paragraphs cut in different places,
headings, a title, unrelated text, other languages). The assertions are about the result a
user looks at, not about the engine's internals.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence

import pytest

from diffviewer.core.compare import compare
from diffviewer.core.model import Block, BlockKind, ChangeOp, Comparison, Document, FactKind, Role
from diffviewer.core.tokens import count_words
from diffviewer.formats import load
from tests.conftest import SAMPLES
from tests.core.helpers import doc

_WORD = re.compile(r"\w+")


# --------------------------------------------------------------------------------------------
# Fixtures
# --------------------------------------------------------------------------------------------

# a. A council ferry timetable story. Paragraph 2 ends with the cost sentence, which the
# derivative puts in a paragraph of its own (with another figure); the café paragraph (3) is
# dropped next to it; the season-ticket paragraph (5) is moved to the end.
FERRY_ORIGINAL = (
    "The county council has approved a new winter timetable for the Kellmouth ferry, adding four evening "
    "crossings between the harbour and Tarrow Island from the first week of March.",
    "Councillor Ruth Aldane, who chairs the transport committee, said the change followed two years of "
    "complaints from island residents who work late shifts on the mainland.",
    "Ms Aldane said the vessel Marigold would run the late crossings while the older Skerry is refitted at "
    "the Penhallow yard. The refit is expected to take eleven weeks. She added that the extra sailings would "
    "cost the town about £42,000 a year.",
    "Café owners on the quay complained that the consultation had been rushed, saying they learned of the "
    "plans from a notice pinned to the ticket office. Joan Pettifer, who runs the Anchor Tearoom, said nobody "
    "had asked traders whether evening boats would bring them any custom.",
    "The harbour master, Colin Reeve, confirmed that the slipway lights would be upgraded before the first "
    "evening sailing, after an inspection found corroded cabling beneath the pontoon.",
    "Season ticket prices will stay at £310 for adults and £155 for pupils, the council confirmed, although "
    "single fares rise by twenty pence.",
    "Derek Moyle, chair of the island residents' association, welcomed the decision but warned that the last "
    "crossing, at 23:40, was still too early for hospital staff finishing night shifts in Bradwick.",
    "The new timetable will be reviewed after twelve months, when the council will publish passenger figures "
    "for every crossing.",
)
FERRY_DERIVATIVE = (
    "Kellmouth's ferry will run four extra evening crossings between the harbour and Tarrow Island from early "
    "March, under a new winter timetable approved by the county council.",
    "Ruth Aldane, the councillor who chairs the transport committee, said the change came after two years of "
    "complaints from islanders who work late shifts on the mainland.",
    "According to Ms Aldane, the vessel Marigold will run the late crossings while the older Skerry is being "
    "refitted at the Penhallow yard. The refit should take eleven weeks.",
    "She added that the extra sailings would cost the town about £48,000 a year.",
    "Harbour master Colin Reeve confirmed the slipway lights would be upgraded before the first evening "
    "sailing, after an inspection found corroded cabling under the pontoon.",
    "Derek Moyle, who chairs the island residents' association, welcomed the decision but warned that the "
    "last crossing, at 23:40, was still too early for hospital staff finishing night shifts in Bradwick.",
    "The timetable will be reviewed after twelve months, when the council will publish passenger figures for "
    "every crossing.",
    "Season ticket prices will stay at £310 for adults and £155 for pupils, the council confirmed, though "
    "single fares rise by twenty pence.",
)
FERRY_P, FERRY_P_REST, FERRY_SPLIT, FERRY_CAFE, FERRY_MOVED = 2, 2, 3, 3, 5

# b. A library repair story. Original paragraph 2 (four sentences, kept word for word) is cut
# differently: its first two sentences end derivative paragraph 1 (after a reworded paragraph 1),
# its last two start derivative paragraph 2 (before a reworded paragraph 3).
LIBRARY_ORIGINAL = (
    "Rowanbridge's central library will keep its doors open throughout the repairs, the borough said on "
    "Thursday, although visitors will find several rooms closed off.",
    "The reading room has been shut since January, when plaster fell from the ceiling above the local history "
    "shelves during a busy Saturday morning.",
    "Engineers from Halvorsen and Pike found that rainwater had been seeping through the lantern roof for at "
    "least a decade. Their report recommends replacing the lead flashing and the oak joists beneath it. The "
    "work will be paid for by a heritage grant of £1.2 million awarded in June. Librarians expect the room to "
    "reopen in the autumn of next year.",
    "In the meantime, the local history collection has moved to the former council chamber on Bridge Street, "
    "where it can be consulted by appointment.",
    "The borough's archivist, Imogen Slate, said none of the parish registers had been damaged, though several "
    "maps from the 1840s needed to be dried out.",
    "Volunteers from the Friends of Rowanbridge Library have offered to carry boxes between the two buildings "
    "each Wednesday.",
    "Opening hours for the lending library and the children's room are unchanged.",
)
LIBRARY_DERIVATIVE = (
    "The central library in Rowanbridge will stay open while it is repaired, the borough announced on "
    "Thursday, though some rooms will be closed to visitors.",
    "Its reading room has been closed since January, after plaster came down from the ceiling over the local "
    "history shelves on a busy Saturday morning. Engineers from Halvorsen and Pike found that rainwater had "
    "been seeping through the lantern roof for at least a decade. Their report recommends replacing the lead "
    "flashing and the oak joists beneath it.",
    "The work will be paid for by a heritage grant of £1.2 million awarded in June. Librarians expect the room "
    "to reopen in the autumn of next year. Until then, the local history collection can be consulted by "
    "appointment in the old council chamber on Bridge Street.",
    "None of the parish registers was damaged, according to the borough's archivist, Imogen Slate, but several "
    "maps from the 1840s had to be dried out.",
    "Volunteers from the Friends of Rowanbridge Library will carry boxes between the two buildings every Wednesday.",
    "Opening hours for the lending library and the children's room have not changed.",
)
LIBRARY_LONG, LIBRARY_FIRST, LIBRARY_SECOND = 2, 1, 2

# c. An article with three headings (0, 3, 6); the derivative keeps the headings and rewords the body.
SCHOOL_ORIGINAL = (
    "Why the roof failed",
    "Inspectors found that the roof of Marsh Lane primary school failed because its gutters had been blocked "
    "by moss for several winters, letting water pool on the flat section above the hall.",
    "The school's head teacher, Priya Nandakumar, said staff first noticed damp patches on the hall ceiling "
    "in November.",
    "What happens next",
    "Pupils will be taught in four temporary classrooms on the playing field from Monday while contractors "
    "strip and replace the roof.",
    "The county expects the work to take six weeks, weather permitting, and has promised that the hall will "
    "be ready for the summer concert.",
    "Who pays",
    "The repairs, estimated at £86,000, will come from the county's maintenance budget rather than the "
    "school's own funds.",
    "Governors said they were relieved that the cost would not fall on the school, which had already cut its "
    "spending on books.",
)
SCHOOL_DERIVATIVE = (
    "Why the roof failed",
    "The roof of Marsh Lane primary school failed, inspectors found, because moss had blocked its gutters for "
    "several winters and water pooled on the flat section over the hall.",
    "Head teacher Priya Nandakumar said staff had first spotted damp patches on the hall ceiling in November.",
    "What happens next",
    "From Monday, pupils will be taught in four temporary classrooms on the playing field as contractors strip "
    "and replace the roof.",
    "The county expects the job to take six weeks if the weather holds, and has promised the hall will be "
    "ready in time for the summer concert.",
    "Who pays",
    "The repairs, estimated to cost £86,000, will be paid from the county's maintenance budget, not from the "
    "school's own funds.",
    "Governors were relieved that the school would not bear the cost, having already cut its spending on books.",
)
SCHOOL_HEADINGS = (0, 3, 6)

# d. A title line, then a first paragraph that repeats the title's words; both reworded.
LANTERNS_ORIGINAL = (
    "Storm damage closes Kellmouth harbour lanterns walk",
    "Kellmouth's harbour lanterns walk will stay closed until Easter after last week's storm tore three of the "
    "Victorian lanterns from the sea wall, the town council said.",
    "Two of the cast-iron lanterns were recovered from the beach by fishermen on Sunday morning; the third is "
    "thought to have sunk off the breakwater.",
    "A foundry in Ashcombe that restored the lanterns in 1998 has been asked whether it still holds the "
    "original moulds.",
    "Council officers said the walk was unsafe because the storm had also loosened the railings along a "
    "forty-metre stretch of the promenade.",
    "Local historian Agnes Tremlett said the lanterns were installed in 1887 to mark Queen Victoria's golden "
    "jubilee and had survived every storm since.",
)
LANTERNS_DERIVATIVE = (
    "Kellmouth lanterns walk shut after storm damage",
    "The town council says the harbour lanterns walk in Kellmouth will remain shut until Easter, after last "
    "week's storm ripped three Victorian lanterns off the sea wall.",
    "Fishermen recovered two of the cast-iron lanterns from the beach on Sunday morning; the third is thought "
    "to have sunk off the breakwater.",
    "The Ashcombe foundry that restored the lanterns in 1998 has been asked if it still has the original moulds.",
    "Officers said the walk was unsafe because the storm had also loosened railings along a forty-metre "
    "stretch of the promenade.",
    "According to local historian Agnes Tremlett, the lanterns went up in 1887 to mark Queen Victoria's "
    "golden jubilee and had survived every storm since.",
)

# e. A text on another topic, and a forum comment quoting two sentences of the ferry story.
BEES = (
    "Members of the Upper Wensley beekeeping club met in the village hall on Tuesday to plan the spring "
    "inspection of their hives.",
    "The club's secretary reported that three colonies had been lost over the winter, most likely to varroa "
    "mites rather than the cold.",
    "A demonstration of queen marking drew the largest crowd of the evening, with several newcomers trying it "
    "on drones first.",
    "Honey sales at the autumn show raised enough to buy two new extractors, which will be lent to members in turn.",
    "The chairman reminded everyone that swarms collected from gardens must be kept apart from established "
    "colonies for a month.",
    "Next month's meeting will be held at the apiary itself, weather allowing, and will cover the making of "
    "candles from wax cappings.",
)
FORUM = (
    "Saw the piece in the paper this morning.",
    "> She added that the extra sailings would cost the town about £42,000 a year.",
    "Is that all? I would have guessed twice as much, what with diesel prices the way they are these days.",
    "> Café owners on the quay complained that the consultation had been rushed, saying they learned of the "
    "plans from a notice pinned to the ticket office.",
    "No surprise there. Nobody in that office ever answers the phone, let alone writes to anybody.",
    "Anyway, I'm off to walk the dog before the rain sets in. Have a good weekend, all.",
)
FORUM_QUOTES = {1: FERRY_P, 3: FERRY_CAFE}

# f. Other languages.
STATION_DE_ORIGINAL = (
    "Der Bahnhof von Lindenau wird ab dem Frühjahr umgebaut, teilte die Stadtverwaltung am Dienstag mit.",
    "Die alte Bahnhofsuhr über dem Haupteingang soll restauriert und anschließend wieder aufgehängt werden.",
    "Während der Bauarbeiten halten die Regionalzüge an einem provisorischen Bahnsteig hinter dem Güterschuppen.",
    "Bürgermeister Albrecht Kühn rechnet mit Kosten von rund 3,4 Millionen Euro, die zur Hälfte das Land trägt.",
    "Anwohner der Gleisstraße befürchten monatelangen Lärm und haben eine Bürgerversammlung verlangt.",
    "Der Fahrradparkplatz neben dem Stellwerk wird verdoppelt und erhält ein gläsernes Dach.",
    "Im Empfangsgebäude sollen ein Café und ein Kiosk für Zeitschriften einziehen.",
    "Die Arbeiten sollen bis zum Ende des kommenden Jahres abgeschlossen sein.",
)
STATION_DE_DERIVATIVE = (
    "Ab dem Frühjahr wird der Lindenauer Bahnhof umgebaut, wie die Stadtverwaltung am Dienstag mitteilte.",
    "Die Uhr des alten Bahnhofs über dem Haupteingang wird restauriert und danach wieder aufgehängt.",
    "Solange gebaut wird, halten Regionalzüge an einem Behelfsbahnsteig hinter dem alten Güterschuppen.",
    "Bürgermeister Albrecht Kühn geht von Kosten von etwa 3,4 Millionen Euro aus; die Hälfte übernimmt das Land.",
    "Die Anwohner in der Gleisstraße fürchten monatelangen Baulärm und fordern eine Bürgerversammlung.",
    "Neben dem Stellwerk wird der Parkplatz für Fahrräder verdoppelt und mit einem Glasdach versehen.",
    "Ins Empfangsgebäude ziehen ein Café und ein Zeitschriftenkiosk ein.",
    "Bis Ende des nächsten Jahres sollen die Arbeiten abgeschlossen sein.",
)
HOSPITAL_FR_ORIGINAL = (
    "L'hôpital d'Annecy ouvrira au printemps une nouvelle aile consacrée à l'oncologie, a annoncé la direction lundi.",
    "Le bâtiment de quatre étages accueillera quarante lits et un service d'imagerie entièrement rénové.",
    "Selon le directeur, Étienne Vauclair, les travaux ont coûté près de 18 millions d'euros.",
    "Les patients de la Haute-Savoie n'auront plus à se rendre à Lyon pour leurs séances de radiothérapie.",
    "L'association des riverains s'inquiète toutefois de l'augmentation du trafic dans l'avenue de Genève.",
    "Un parking souterrain de deux cents places doit être construit d'ici l'été prochain.",
    "Les infirmières ont salué l'arrivée de nouveaux équipements, tout en réclamant des embauches.",
    "L'inauguration officielle aura lieu le 14 avril en présence de la ministre de la Santé.",
)
HOSPITAL_FR_DERIVATIVE = (
    "La direction a annoncé lundi que l'hôpital d'Annecy ouvrira au printemps une aile nouvelle dédiée à l'oncologie.",
    "Ce bâtiment de quatre étages comptera quarante lits ainsi qu'un service d'imagerie totalement rénové.",
    "D'après le directeur Étienne Vauclair, le chantier a coûté presque 18 millions d'euros.",
    "Les malades haut-savoyards n'iront plus à Lyon pour leur radiothérapie.",
    "Les riverains, par la voix de leur association, s'inquiètent pourtant de la hausse du trafic avenue de Genève.",
    "D'ici l'été prochain, un parking souterrain de deux cents places sera construit.",
    "Les infirmières saluent l'arrivée des nouveaux équipements mais réclament des embauches.",
    "L'hôpital sera inauguré officiellement le 14 avril, en présence de la ministre de la Santé.",
)
PARK_ZH_ORIGINAL = (
    "市政府周二宣布，滨江公园将于明年春天重新开放。",
    "公园改造工程耗资约三千万元，主要用于修复河岸步道和老旧码头。",
    "新建的儿童游乐区位于公园东侧，靠近地铁二号线出口。",
    "园内原有的两百棵梧桐树将全部保留，并增设夜间照明。",
    "附近居民对施工期间的噪音表示不满，希望尽快完工。",
    "公园开放后，每天早上六点至晚上十点向市民免费开放。",
)
PARK_ZH_DERIVATIVE = (
    "市政府周二宣布，滨江公园将于明年春天重新开放。",
    "公园改造工程耗资约三千万元，主要用于修复河岸步道和老旧码头。",
    "新建的儿童游乐区位于公园东侧，靠近地铁二号线出口。",
    "园内原有的两百棵梧桐树将全部保留，并增设夜间照明。",
    "不少居民抱怨工地噪音太大，并要求施工方缩短工期。",
    "公园开放后，每天早上六点至晚上十点向市民免费开放。",
)
PARK_ZH_CHANGED = 4

FIXTURES: dict[str, tuple[Sequence[str], Sequence[str]]] = {
    "ferry": (FERRY_ORIGINAL, FERRY_DERIVATIVE),
    "library": (LIBRARY_ORIGINAL, LIBRARY_DERIVATIVE),
    "school": (SCHOOL_ORIGINAL, SCHOOL_DERIVATIVE),
    "lanterns": (LANTERNS_ORIGINAL, LANTERNS_DERIVATIVE),
    "unrelated": (FERRY_ORIGINAL, BEES),
    "forum": (FERRY_ORIGINAL, FORUM),
    "german": (STATION_DE_ORIGINAL, STATION_DE_DERIVATIVE),
    "french": (HOSPITAL_FR_ORIGINAL, HOSPITAL_FR_DERIVATIVE),
    "chinese": (PARK_ZH_ORIGINAL, PARK_ZH_DERIVATIVE),
}


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def run(original: Sequence[str], derivative: Sequence[str]) -> Comparison:
    return compare(doc(*original), doc(*derivative))


def block_of_original(result: Comparison, i: int) -> Block:
    (block,) = [b for b in result.blocks if i in b.original]
    return block


def block_of_derivative(result: Comparison, j: int) -> Block:
    (block,) = [b for b in result.blocks if j in b.derivative]
    return block


def deleted_text(blocks: Iterable[Block]) -> str:
    """What the blocks mark removed (a phrase marked moved was kept, elsewhere in its block)."""
    return "\n".join(c.text for b in blocks for c in b.changes if c.op is ChangeOp.DELETE and c.moved is None)


def deleted_spans(block: Block) -> list[tuple[int, int]]:
    """Where the block's DELETE changes lie in its original text (paragraphs joined by "\\n")."""
    spans: list[tuple[int, int]] = []
    at = 0
    for change in block.changes:
        size = len(change.original_side)
        if change.op is ChangeOp.DELETE and change.moved is None:
            spans.append((at, at + size))
        at += size
    return spans


def paragraph_span(block: Block, paragraphs: Sequence[str], i: int) -> tuple[int, int]:
    """Where original paragraph i lies in the block's original text."""
    start = 0
    for k in block.original:
        if k == i:
            return start, start + len(paragraphs[k])
        start += len(paragraphs[k]) + 1
    raise AssertionError(f"paragraph {i} is not in block {block}")


def words_of(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def assert_links_inside_blocks(result: Comparison) -> None:
    for i, j in result.links:
        assert any(i in b.original and j in b.derivative for b in result.blocks), (
            f"link {(i, j)} crosses blocks {block_of_original(result, i)} / {block_of_derivative(result, j)}"
        )


def with_roles(document: Document, roles: dict[int, Role]) -> Document:
    paragraphs = tuple(dataclasses.replace(p, role=roles.get(p.index, p.role)) for p in document.paragraphs)
    return dataclasses.replace(document, paragraphs=paragraphs)


# --------------------------------------------------------------------------------------------
# a. Split beside a drop and a move
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ferry() -> Comparison:
    return run(FERRY_ORIGINAL, FERRY_DERIVATIVE)


def test_split_off_sentence_joins_the_block_of_its_paragraph(ferry: Comparison) -> None:
    block = block_of_original(ferry, FERRY_P)
    assert FERRY_P in block.original
    assert {FERRY_P_REST, FERRY_SPLIT} <= set(block.derivative)
    assert block.kind is BlockKind.REWRITE


def test_dropped_cafe_paragraph_is_a_deleted_block(ferry: Comparison) -> None:
    block = block_of_original(ferry, FERRY_CAFE)
    assert block.kind is BlockKind.DELETED
    assert block.original == (FERRY_CAFE,) and block.derivative == ()
    assert ferry.stats.paragraphs_deleted == 1
    assert ferry.stats.original_dropped > 0


def test_moved_paragraph_is_a_moved_block(ferry: Comparison) -> None:
    block = block_of_original(ferry, FERRY_MOVED)
    assert block.kind is BlockKind.MOVED
    assert block.derivative == (len(FERRY_DERIVATIVE) - 1,)
    assert ferry.stats.paragraphs_moved == 1


def test_split_off_sentence_is_not_paired_with_the_dropped_paragraph(ferry: Comparison) -> None:
    assert (FERRY_CAFE, FERRY_SPLIT) not in ferry.links
    assert not any(FERRY_CAFE in b.original and FERRY_SPLIT in b.derivative for b in ferry.blocks)


def test_words_of_the_split_sentence_are_not_deleted(ferry: Comparison) -> None:
    deleted = deleted_text([block_of_original(ferry, FERRY_P)])
    assert "extra sailings" not in deleted
    assert "cost the town" not in deleted
    assert "Marigold" not in deleted and "Penhallow" not in deleted


def test_changed_cost_figure_is_a_changed_fact(ferry: Comparison) -> None:
    numbers = {(f.original, f.derivative) for f in ferry.changed_facts if f.kind is FactKind.NUMBER}
    assert any(old in {"42,000", "£42,000"} and new in {"48,000", "£48,000"} for old, new in numbers), numbers
    (fact,) = [f for f in ferry.changed_facts if f.kind is FactKind.NUMBER]
    assert ferry.blocks[fact.block] is block_of_original(ferry, FERRY_P)


def test_ferry_links_agree_with_blocks(ferry: Comparison) -> None:
    assert_links_inside_blocks(ferry)
    assert (FERRY_P, FERRY_P_REST) in ferry.links and (FERRY_P, FERRY_SPLIT) in ferry.links


# --------------------------------------------------------------------------------------------
# b. Neighbours cut differently
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def library() -> Comparison:
    return run(LIBRARY_ORIGINAL, LIBRARY_DERIVATIVE)


def test_long_paragraph_links_to_both_derivative_paragraphs(library: Comparison) -> None:
    assert (LIBRARY_LONG, LIBRARY_FIRST) in library.links
    assert (LIBRARY_LONG, LIBRARY_SECOND) in library.links
    block = block_of_original(library, LIBRARY_LONG)
    assert {LIBRARY_FIRST, LIBRARY_SECOND} <= set(block.derivative)


def test_no_word_of_the_kept_paragraph_is_deleted(library: Comparison) -> None:
    block = block_of_original(library, LIBRARY_LONG)
    start, end = paragraph_span(block, LIBRARY_ORIGINAL, LIBRARY_LONG)
    original_text = "\n".join(LIBRARY_ORIGINAL[i] for i in block.original)
    for a, b in deleted_spans(block):
        overlap = original_text[max(a, start) : min(b, end)]
        assert not _WORD.search(overlap), f"kept words marked deleted: {overlap!r}"


def test_only_reworded_neighbour_words_are_deleted(library: Comparison) -> None:
    block = block_of_original(library, LIBRARY_LONG)
    neighbours = "\n".join(LIBRARY_ORIGINAL[i] for i in block.original if i != LIBRARY_LONG)
    deleted = words_of(deleted_text([block]))
    assert deleted, "the neighbours were reworded: some of their words must be deleted"
    assert deleted <= words_of(neighbours)
    # ...and not the words both versions share word for word.
    assert not deleted & {"engineers", "halvorsen", "rainwater", "flashing", "heritage", "librarians"}


def test_library_links_agree_with_blocks(library: Comparison) -> None:
    assert_links_inside_blocks(library)


# --------------------------------------------------------------------------------------------
# c. Headings align with headings
# --------------------------------------------------------------------------------------------


def test_headings_pair_with_headings() -> None:
    roles = {i: Role.HEADING for i in SCHOOL_HEADINGS}
    result = compare(with_roles(doc(*SCHOOL_ORIGINAL), roles), with_roles(doc(*SCHOOL_DERIVATIVE), roles))
    for h in SCHOOL_HEADINGS:
        assert (h, h) in result.links
        block = block_of_original(result, h)
        assert h in block.derivative
    headings = set(SCHOOL_HEADINGS)
    for block in result.blocks:
        if not (block.original and block.derivative):
            continue
        assert bool(headings & set(block.original)) == bool(headings & set(block.derivative)), block
    for i, j in result.links:
        assert (i in headings) == (j in headings), f"link {(i, j)} pairs a heading with body text"


# --------------------------------------------------------------------------------------------
# d. Title and first paragraph do not cross-link
# --------------------------------------------------------------------------------------------


def test_title_and_first_paragraph_do_not_cross_link() -> None:
    result = run(LANTERNS_ORIGINAL, LANTERNS_DERIVATIVE)
    assert (0, 1) not in result.links
    assert (1, 0) not in result.links
    assert (1, 1) in result.links


# --------------------------------------------------------------------------------------------
# e. Unrelated text is not paired
# --------------------------------------------------------------------------------------------


def test_unrelated_documents_have_no_links() -> None:
    result = run(FERRY_ORIGINAL, BEES)
    assert result.links == ()
    assert all(b.kind in {BlockKind.INSERTED, BlockKind.DELETED} for b in result.blocks)
    assert result.stats.original_dropped == pytest.approx(1.0)
    assert result.stats.derivative_new == pytest.approx(1.0)


def test_forum_comment_links_only_its_quotations() -> None:
    result = run(FERRY_ORIGINAL, FORUM)
    assert {j for _, j in result.links} == set(FORUM_QUOTES)
    for j, i in FORUM_QUOTES.items():
        assert (i, j) in result.links
    for j in set(range(len(FORUM))) - set(FORUM_QUOTES):
        assert block_of_derivative(result, j).kind is BlockKind.INSERTED


# --------------------------------------------------------------------------------------------
# f. Other languages
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["german", "french"])
def test_each_reworded_paragraph_pairs_with_its_counterpart(name: str) -> None:
    original, derivative = FIXTURES[name]
    result = run(original, derivative)
    assert set(result.links) == {(i, i) for i in range(len(original))}
    assert all(len(b.original) == 1 and b.original == b.derivative for b in result.blocks)
    assert not any(b.kind in {BlockKind.INSERTED, BlockKind.DELETED, BlockKind.MOVED} for b in result.blocks)


def test_chinese_pairs_identical_paragraphs() -> None:
    result = run(PARK_ZH_ORIGINAL, PARK_ZH_DERIVATIVE)
    for i in range(len(PARK_ZH_ORIGINAL)):
        if i == PARK_ZH_CHANGED:
            continue
        assert (i, i) in result.links
        assert block_of_original(result, i).kind is BlockKind.EQUAL
    assert not any(i != j for i, j in result.links)


# --------------------------------------------------------------------------------------------
# g. Identity and symmetry
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_a_document_against_itself_is_all_equal(name: str) -> None:
    for texts in FIXTURES[name]:
        result = run(texts, texts)
        assert all(b.kind is BlockKind.EQUAL for b in result.blocks)
        assert [b.original for b in result.blocks] == [(i,) for i in range(len(texts))]
        assert set(result.links) == {(i, i) for i in range(len(texts))}
        assert result.similarity == 1.0


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_swapping_sides_mirrors_links(name: str) -> None:
    original, derivative = FIXTURES[name]
    forward = run(original, derivative)
    backward = run(derivative, original)
    assert set(backward.links) == {(j, i) for i, j in forward.links}


# --------------------------------------------------------------------------------------------
# h. The bundled samples
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def syndicated() -> Comparison:
    return compare(load(SAMPLES / "original.txt"), load(SAMPLES / "syndicated-rewrite.txt"))


def _paragraph_starting(document: Document, start: str) -> int:
    (index,) = [p.index for p in document.paragraphs if p.text.startswith(start)]
    return index


def _paragraphs_holding(document: Document, words: str) -> set[int]:
    return {p.index for p in document.paragraphs if words in p.text.replace("’", "'")}


def test_memo_quote_keeps_its_derivative_paragraphs_and_most_of_its_words(syndicated: Comparison) -> None:
    i = _paragraph_starting(syndicated.original, '"People often ask')
    block = block_of_original(syndicated, i)
    # The two sentences of the quote, wherever the derivative puts them, are in its block.
    holding = _paragraphs_holding(syndicated.derivative, "People often ask") | _paragraphs_holding(
        syndicated.derivative, "I expect AI development will continue"
    )
    assert holding and holding <= set(block.derivative)
    deleted_words = count_words(deleted_text([block]))
    assert deleted_words < 0.25 * count_words(syndicated.original.paragraphs[i].text)


def test_earnings_call_quote_split_over_derivative_paragraphs_is_one_block(syndicated: Comparison) -> None:
    i = _paragraph_starting(syndicated.original, "I don't think that our thinking")
    block = block_of_original(syndicated, i)
    # Derivative paragraphs quoting its sentences, each in a paragraph of its own.
    quoting = (
        _paragraphs_holding(syndicated.derivative, "I don't think that our thinking has particularly changed")
        | _paragraphs_holding(syndicated.derivative, "some of our models and not open-sourced everything")
        | _paragraphs_holding(syndicated.derivative, "wrestle with whether it's productive")
    )
    assert len(quoting) >= 2
    assert quoting <= set(block.derivative)
