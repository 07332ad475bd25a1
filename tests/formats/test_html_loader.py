"""The HTML loader: paragraphs and roles straight from lxml's parser events."""

from __future__ import annotations

import html
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from diffviewer.core.model import Role
from diffviewer.formats import load_data
from diffviewer.formats.html import html_items

WORD = st.text(alphabet=st.characters(categories=("L", "N", "P"), exclude_characters="<>&"), min_size=1, max_size=8)
INLINE = st.sampled_from(("b", "i", "span", "a", "em", "small"))
BLOCK_ROLES = {"p": Role.BODY, "h2": Role.HEADING, "li": Role.LIST, "blockquote": Role.QUOTE}


@st.composite
def block(draw: st.DrawFn) -> tuple[str, str, Role]:
    """A block element of words, some of them wrapped in inline elements: its HTML, its text, its role."""
    words = draw(st.lists(WORD, min_size=1, max_size=12))
    parts = []
    for word in words:
        escaped = html.escape(word)
        if draw(st.booleans()):
            tag = draw(INLINE)
            escaped = f"<{tag}>{escaped}</{tag}>"
        parts.append(escaped)
    name = draw(st.sampled_from(sorted(BLOCK_ROLES)))
    body = " ".join(parts)
    markup = f"<ul><li>{body}</li></ul>" if name == "li" else f"<{name}>{body}</{name}>"
    return markup, " ".join(" ".join(words).split()), BLOCK_ROLES[name]


@given(st.lists(block(), min_size=1, max_size=8), st.booleans())
def test_each_block_is_a_paragraph_with_its_role(blocks: list[tuple[str, str, Role]], furniture: bool) -> None:
    page = "".join(markup for markup, _, _ in blocks)
    if furniture:
        # A web page's furniture goes with all its text, wherever it sits between the blocks.
        page = f"<nav><p>Home</p></nav>{page}<footer>Contact us</footer><script>var x = '<p>';</script>"
    items, _ = html_items(f"<html><body>{page}</body></html>")
    assert items == [(text, role) for _, text, role in blocks if text]


def test_title_is_the_first_h1_else_the_title_element() -> None:
    page = "<html><head><title>The <i>page</i></title></head><body><header><h1>Big <b>news</b></h1></header>"
    assert html_items(page + "<h1>Later</h1><p>Text.</p></body></html>")[1] == "Big news"
    assert html_items(page.replace("<h1>Big <b>news</b></h1>", "") + "<p>Text.</p>")[1] == "The <i>page</i>"
    assert html_items("<p>No title here.</p>")[1] is None
    # A title given (the front matter's) wins.
    assert html_items(page, "From front matter")[1] == "From front matter"


def test_ruby_readings_and_code_in_a_heading_are_not_prose() -> None:
    items, title = html_items("<h1>東<ruby>京<rp>(</rp><rt>きょう</rt><rp>)</rp></ruby><script>x()</script></h1>")
    assert items == [("東京", Role.HEADING)]
    assert title == "東 京"


def test_a_paragraph_over_libxml2s_text_limit_is_kept() -> None:
    # libxml2 drops a text node over 10 MB when it builds a tree; the loader builds none.
    words = "word " * 2_200_000
    document = load_data(f"<html><body><p>{words}End.</p><p>After.</p></body></html>".encode(), "long.html")
    assert [len(p.text) for p in document.paragraphs] == [len(words) + 4, 6]
    assert document.paragraphs[0].text.endswith("word End.")


def test_html_loads_without_beautifulsoup() -> None:
    # BeautifulSoup is only the tests' way to read reports: the program must not need it.
    code = (
        "import sys; sys.modules['bs4'] = None\n"
        "from diffviewer.formats import load_data\n"
        "print(load_data(b'<p>One.</p><p>Two.</p>', 'page.html').paragraphs[1].text)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Two."
