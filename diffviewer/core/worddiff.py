"""Word-level changes inside a block: diff-match-patch over word tokens, semantically cleaned."""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import cast

from diff_match_patch import diff_match_patch
from rapidfuzz.distance import Indel

from diffviewer.core.model import Change, ChangeOp, CompareOptions, Granularity, Piece
from diffviewer.core.syntax import is_markup
from diffviewer.core.tokens import same_but_typography, token_key
from diffviewer.core.units import diff_units

CONFETTI_TOKENS = 4


# Private-use code points (planes 15 and 16) stand for distinct token keys.
_ALPHABET_SIZE = 2 * 0xFFFD


@dataclass(slots=True)
class _Alphabet:
    """The private characters token keys are written in, shared by the pieces of one block (so
    each distinct token is keyed once a block, not once a piece)."""

    by_key: dict[str, str] = field(default_factory=dict)
    by_token: dict[str, str] = field(default_factory=dict)  # token text → its key's character


def _encode(tokens: list[str], options: CompareOptions, letters: _Alphabet) -> str:
    # Each distinct token key becomes one private character, so the diff compares words,
    # not letters (diff-match-patch's trick for its line mode). Only tokens not seen before are
    # keyed in Python; the join runs at C speed.
    alphabet, seen = letters.by_key, letters.by_token
    plain = not (options.ignore_case or options.ignore_punctuation or options.ignore_whitespace)
    # New tokens in reading order (a set of strings iterates in an order that changes with each
    # process's string hashing): where keys must share characters, the same ones share in the
    # helper process as here.
    for token in [token for token in dict.fromkeys(tokens) if token not in seen]:
        # ASCII needs no normalising unless the options ask for it: the key is the token itself.
        key = token if plain and token.isascii() else token_key(token, options)
        char = alphabet.get(key)
        if char is None:
            n = len(alphabet)
            if n >= _ALPHABET_SIZE:
                # More distinct tokens than private characters (minified data): the rest share
                # characters by a stable hash. A shared character only makes unequal tokens look
                # equal to the diff, and _diff turns such "equal" pairs into replacements.
                n = zlib.crc32(key.encode("utf-8", "surrogatepass")) % _ALPHABET_SIZE
            char = chr(0xF0000 + n) if n < 0xFFFD else chr(0x100000 + n - 0xFFFD)
            alphabet[key] = char
        seen[token] = char
    return "".join(map(seen.__getitem__, tokens))


def _join(group: list[Change]) -> Change:
    if len(group) == 1:
        return group[0]
    op = group[0].op
    text = "".join(c.text for c in group)
    if op is not ChangeOp.EQUAL:
        return Change(op, text, moved=group[0].moved)
    other = "".join(c.derivative_side for c in group)
    return Change(op, text, None if other == text else other)


def _merged(changes: Iterable[Change]) -> tuple[Change, ...]:
    """Drop empty changes and join neighbours of the same kind (in one join: runs can be long).

    A moved phrase (core/moved.py) never joins a neighbour: only changes of one op and one
    `moved` id do."""
    out: list[Change] = []
    group: list[Change] = []
    for change in changes:
        if not change.text and not change.derivative_side:
            continue
        if group and (group[-1].op is not change.op or group[-1].moved != change.moved):
            out.append(_join(group))
            group = []
        group.append(change)
    if group:
        out.append(_join(group))
    return tuple(out)


def _flush(diffs: list[tuple[int, str]], removed: list[str], added: list[str]) -> None:
    if any(removed):
        diffs.append((-1, "".join(removed)))
    if any(added):
        diffs.append((1, "".join(added)))
    removed.clear()
    added.clear()


def token_diff(a: str, b: str) -> list[tuple[int, str]]:
    """A shortest edit script of two token strings (a character a token), as diff_match_patch's
    (op, text) tuples, merged (between two kept runs, the removal then the addition) for its
    cleanups. It comes from rapidfuzz's bit-parallel longest common subsequence: as many kept
    tokens as diff_match_patch's own diff_main, tens of times faster on sentence-sized pieces,
    and with no time limit to cut a long one short."""
    diffs: list[tuple[int, str]] = []
    removed, added = [], []  # between two kept runs: all the removals first, then the additions
    # As plain tuples: attribute reads on rapidfuzz's Opcode objects cost more than the diff.
    opcodes = cast(list[tuple[str, int, int, int, int]], Indel.opcodes(a, b).as_list())
    for tag, a_start, a_end, b_start, b_end in opcodes:
        if tag != "equal":
            removed.append(a[a_start:a_end])
            added.append(b[b_start:b_end])
            continue
        _flush(diffs, removed, added)
        diffs.append((0, a[a_start:a_end]))
    _flush(diffs, removed, added)
    return diffs


def _mirror(change: Change) -> Change:
    if change.op is ChangeOp.EQUAL:
        if change.derivative_text is None:
            return change
        return Change(ChangeOp.EQUAL, change.derivative_text, change.text)
    return Change(_MIRROR[change.op], change.text, moved=change.moved)


def _ignorable(text: str, options: CompareOptions) -> bool:
    """True when a whole inserted or deleted run is made only of what the options ignore.

    Dropping a punctuation mark takes its space with it ("the . end" → "the end"), so when
    punctuation is ignored, spaces in a run that has punctuation are ignored too.
    """
    if not text:
        return False
    punctuation = [not (ch.isalnum() or ch == "_" or ch.isspace()) for ch in text]
    spaces = [ch.isspace() for ch in text]
    if not all(p or s for p, s in zip(punctuation, spaces, strict=True)):
        return False
    if any(punctuation) and not options.ignore_punctuation:
        return False
    return options.ignore_whitespace or (options.ignore_punctuation and any(punctuation))


def _absorb_ignored(changes: list[Change], options: CompareOptions) -> list[Change]:
    # A comma or a space only one side has is no change when the user ignores punctuation or
    # spacing: it becomes an equal run whose other side is empty (still lossless).
    if not (options.ignore_punctuation or options.ignore_whitespace):
        return changes
    out: list[Change] = []
    for change in changes:
        if change.op is ChangeOp.DELETE and _ignorable(change.text, options):
            out.append(Change(ChangeOp.EQUAL, change.text, ""))
        elif change.op is ChangeOp.INSERT and _ignorable(change.text, options):
            out.append(Change(ChangeOp.EQUAL, "", change.text))
        else:
            out.append(change)
    return out


def word_diff(
    original: str,
    derivative: str,
    options: CompareOptions = CompareOptions(),
    original_language: str | None = None,
    derivative_language: str | None = None,
) -> tuple[Change, ...]:
    """Changes whose equal+delete texts rebuild `original` and equal+insert rebuild `derivative`.

    A side with a language (the Pygments alias of a code document) is diffed by lexer tokens,
    each side lexed in its own language; prose by words.
    """
    return _word_diff(original, derivative, options, original_language, derivative_language, _Alphabet())


def _word_diff(
    original: str,
    derivative: str,
    options: CompareOptions,
    original_language: str | None,
    derivative_language: str | None,
    letters: _Alphabet,
) -> tuple[Change, ...]:
    # Nothing to diff: no side is tokenized, let alone lexed.
    if original == derivative:
        return _merged([Change(ChangeOp.EQUAL, original)])
    if not original or not derivative:
        whole = [Change(ChangeOp.DELETE, original), Change(ChangeOp.INSERT, derivative)]
        return _merged(_absorb_ignored(whole, options))
    if derivative < original:
        # diff-match-patch is not symmetric; diffing in one canonical direction makes
        # swapping the sides swap inserts and deletes exactly.
        mirrored = _diff(derivative, original, options, derivative_language, original_language, letters)
        return _merged(_ordered([_mirror(c) for c in mirrored]))
    return _diff(original, derivative, options, original_language, derivative_language, letters)


def piecewise_diff(
    original: str,
    derivative: str,
    pieces: Iterable[Piece],
    options: CompareOptions = CompareOptions(),
    original_language: str | None = None,
    derivative_language: str | None = None,
) -> tuple[Change, ...]:
    """word_diff over stretches that tile both texts in order: a block's sentence beads, so no
    word is matched across two beads and no quadratic diff runs over a whole long block."""
    changes: list[Change] = []
    letters = _Alphabet()
    for piece in pieces:
        changes.extend(
            _word_diff(
                original[piece.original_start : piece.original_end],
                derivative[piece.derivative_start : piece.derivative_end],
                options,
                original_language,
                derivative_language,
                letters,
            )
        )
    return _merged(changes)


_MIRROR = {ChangeOp.EQUAL: ChangeOp.EQUAL, ChangeOp.INSERT: ChangeOp.DELETE, ChangeOp.DELETE: ChangeOp.INSERT}


def _diff(
    original: str,
    derivative: str,
    options: CompareOptions,
    a_language: str | None,
    b_language: str | None,
    letters: _Alphabet,
) -> tuple[Change, ...]:
    a_tokens = diff_units(original, a_language, options.granularity)
    b_tokens = diff_units(derivative, b_language, options.granularity)
    a_chars = _encode(a_tokens, options, letters)
    b_chars = _encode(b_tokens, options, letters)
    dmp = diff_match_patch()
    diffs = token_diff(a_chars, b_chars)
    # Tokens are the diff units, so "edit cost" counts tokens: an equal run shorter than
    # this many tokens between two edits (" the ", ", ") is confetti and joins the edit,
    # while longer shared phrases in a paraphrase stay visible. (Semantic cleanup would swallow
    # those too and leave a heavy rewrite as one giant replacement.)
    ignoring = options.ignore_case or options.ignore_punctuation or options.ignore_whitespace
    if options.granularity is Granularity.CHARACTER and ignoring:
        # Merging edits across equalities would fold ignorable marks into real changes.
        dmp.diff_cleanupSemanticLossless(diffs)
    elif options.granularity is Granularity.CHARACTER:
        # Letters are too small to stand alone: semantic cleanup keeps the edits readable.
        dmp.diff_cleanupSemantic(diffs)
    elif _program(a_language) or _program(b_language):
        # Code is read token by token: even a lone shared "+" or "(" between two edits is
        # structure worth seeing, and merging across it would turn a renamed identifier
        # (`total + total` → `acc + acc`) into one replacement of the whole expression.
        # (Markup source is prose in a syntax: it keeps the prose cleanup below.)
        dmp.diff_cleanupSemanticLossless(diffs)
    else:
        dmp.Diff_EditCost = CONFETTI_TOKENS
        dmp.diff_cleanupSemanticLossless(diffs)
        dmp.diff_cleanupEfficiency(diffs)
    # Tokens with equal keys are equal when the options ignore what tells them apart, or when
    # only their typography differs and the user has not asked to see it.
    # (In a program a curly quote or a dash is another character, never typography.)
    typography_shown = options.show_typography or _program(a_language) or _program(b_language)
    equal_keys_are_equal = ignoring or not typography_shown
    changes: list[Change] = []
    ai = bi = 0
    for op, chars in diffs:
        n = len(chars)
        if op == 0:
            # Equal keys may still differ in raw text. What the user chose to ignore (case,
            # spacing...) and typography (“curly” or "straight" quotes), unless asked to show
            # it, stay equal, with the derivative's own text kept so the output is lossless;
            # anything else is a replacement.
            a_run, b_run = a_tokens[ai : ai + n], b_tokens[bi : bi + n]
            if a_run == b_run:  # the usual case: one change for the whole run
                changes.append(Change(ChangeOp.EQUAL, "".join(a_run)))
                ai += n
                bi += n
                continue
            for a_tok, b_tok in zip(a_run, b_run, strict=True):
                if a_tok == b_tok:
                    changes.append(Change(ChangeOp.EQUAL, a_tok))
                elif equal_keys_are_equal and token_key(a_tok, options) == token_key(b_tok, options):
                    changes.append(Change(ChangeOp.EQUAL, a_tok, b_tok))
                else:
                    changes.append(Change(ChangeOp.DELETE, a_tok))
                    changes.append(Change(ChangeOp.INSERT, b_tok))
            ai += n
            bi += n
        elif op == -1:
            changes.append(Change(ChangeOp.DELETE, "".join(a_tokens[ai : ai + n])))
            ai += n
        else:
            changes.append(Change(ChangeOp.INSERT, "".join(b_tokens[bi : bi + n])))
            bi += n
    ordered = _ordered(_absorb_ignored(changes, options))
    if typography_shown:
        return _merged(ordered)
    # Runs joined first: a replacement may come as several removals, then several additions.
    joined = list(_merged(ordered))
    absorbed = _absorb_typography(joined)
    return _merged(absorbed) if len(absorbed) < len(joined) else tuple(absorbed)


def _absorb_typography(changes: list[Change]) -> list[Change]:
    # "open sourced" → "open-sourced", or an accent written as two characters, is typography,
    # not rewording: such a replacement becomes an equal run keeping each side's spelling.
    out: list[Change] = []
    n = 0
    while n < len(changes):
        change = changes[n]
        following = changes[n + 1] if n + 1 < len(changes) else None
        if (
            change.op is ChangeOp.DELETE
            and following is not None
            and following.op is ChangeOp.INSERT
            and same_but_typography(change.text, following.text)
        ):
            out.append(Change(ChangeOp.EQUAL, change.text, following.text))
            n += 2
            continue
        out.append(change)
        n += 1
    return out


def _program(language: str | None) -> bool:
    return language is not None and not is_markup(language)


def _ordered(changes: list[Change]) -> list[Change]:
    """Put each delete before the insert it pairs with, so replacements read delete→insert."""
    out: list[Change] = []
    pending_insert: list[Change] = []
    pending_delete: list[Change] = []
    for change in changes:
        if change.op is ChangeOp.EQUAL:
            out.extend(pending_delete)
            out.extend(pending_insert)
            pending_delete, pending_insert = [], []
            out.append(change)
        elif change.op is ChangeOp.DELETE:
            pending_delete.append(change)
        else:
            pending_insert.append(change)
    out.extend(pending_delete)
    out.extend(pending_insert)
    return out
