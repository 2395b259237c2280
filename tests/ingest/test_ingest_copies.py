"""Copies of issue 12's kinds met in held-out set 11, each on a small text of our own
(illustrative, invented for these tests): a PDF-to-text copy whose form feeds stand by page
numbers, a banner's tagline over a site's menu, a cover note above the document's own title
(an e-mail, a list post, a chat), a part counter ("(1/2)") of a post split in two, slide
headers repeated over speaker notes, and a Russian database's label lines."""

from __future__ import annotations

import pytest

from compare.errors import DeclarationError
from compare.ingest import importer as ingest

BODY = ("The Ministers of Fisheries of the Member States met in Aktau on 4 May 2301.\n\n"
        "The Member States will count the sturgeon of the sea together every spring.\n\n")
MORE = ("The Member States will close the spawning rivers to nets in May and June.\n\n"
        "Done at Aktau on 4 May 2301.\n")


def _texts(text: str) -> list[str]:
    decl, _ = ingest.parse_text(text, path="t.txt")
    return [u.text for u in decl.units()]


@pytest.mark.parametrize("between", ["\n                 1\n\f2\n",  # pdftotext
                                     "\n\nhttps://fish.example.org/aktau.html   1/2\n\f\n"])
def test_form_feeds_by_page_numbers_are_page_breaks(between: str) -> None:
    """A form feed at a line's edge with a page number or an "n/N" counter beside it is a
    page break of a PDF or print copy: imported without --page-breaks, as with it."""
    data = f"Aktau Declaration on Sturgeon\n\n{BODY}{between}\n{MORE}".encode()
    text = ingest.read_text(data, "t.txt")
    decl, notices = ingest.parse_text(text, path="t.txt")
    assert [u.text[:20] for u in decl.units()] == [
        "The Ministers of Fis", "The Member States wi", "The Member States wi",
        "Done at Aktau on 4 M"]
    assert any("form feed(s) read as page breaks" in n.message for n in notices)
    with_option, _ = ingest.parse_text(ingest.read_text(data, "t.txt", page_breaks=True),
                                       path="t.txt", page_breaks=True)
    assert with_option == decl


@pytest.mark.parametrize(("between", "where"), [("\n\f", "t.txt:8:1"),  # no page's marks
                                                ("\n2 pa\fge 3\n", "t.txt:8:5")])  # in a line
def test_other_form_feeds_are_still_refused(between: str, where: str) -> None:
    data = f"Aktau Declaration on Sturgeon\n\n{BODY}{between}\n{MORE}".encode()
    with pytest.raises(DeclarationError, match=rf"^{where}: .*U\+000C.*--page-breaks"):
        ingest.read_text(data, "t.txt")
