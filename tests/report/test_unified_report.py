from __future__ import annotations

from diffviewer.core.compare import compare
from diffviewer.report import unified_report
from tests.core.helpers import doc


def test_unified_diff_lists_changed_paragraphs_with_their_numbers() -> None:
    original = doc("Alpha harbour lanterns.", "Beta orchard grants doubled.", "Gamma council budget.")
    derivative = doc("Alpha harbour lanterns.", "Beta orchard grants tripled.", "Gamma council budget.", "Delta new.")
    lines = unified_report.render([compare(original, derivative)]).splitlines()
    assert lines[:2] == ["--- mem.txt", "+++ mem.txt"]
    assert lines[2:5] == ["@@ -2 +2 @@", "-Beta orchard grants doubled.", "+Beta orchard grants tripled."]
    assert lines[5:] == ["@@ -3,0 +4 @@", "+Delta new."]


def test_identical_documents_give_no_hunks() -> None:
    same = doc("One paragraph.", "Another one.")
    assert unified_report.render([compare(same, same)]).splitlines() == ["--- mem.txt", "+++ mem.txt"]
