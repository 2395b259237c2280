"""Which pairs of texts are compared as two renderings of one work (translation mode) by default.

Two renderings of one work in one language (both versions of the same work, neither a draft)
are: their wording differences of the same force are no commitment changes. A draft and its
adopted text are a revision in one language, whatever their metadata's link: a commitment the
adopted text no longer makes is dropped. The texts are invented for this test (illustrative).
"""

from __future__ import annotations

from compare.alignment.aligner import align
from compare.commitments import api as cm
from compare.commitments.diff import versions_of_one_work
from compare.ingest import importer as ingest
from compare.model import Declaration

DRAFT = ("Statement of the Ministers of Fisheries on Lake Stocks\n\n"
         "1. The ministers will count the fish of the mountain lakes and will close the lakes "
         "where stocks fall.\n\n"
         "2. The ministers shall publish the counts every spring.\n")
ADOPTED = ("Statement of the Ministers of Fisheries on Lake Stocks\n\n"
           "1. The ministers will count the fish of the mountain lakes and close the lakes "
           "where stocks fall.\n\n"
           "2. The ministers must publish the counts every spring.\n")


def imported(text: str, **meta: str) -> Declaration:
    return ingest.parse_text(text, path="t.txt", status=meta.pop("status", "illustrative"),
                             **meta)[0]


def changes(left: Declaration, right: Declaration) -> list[str]:
    return sorted(c.change for c in cm.analyse(align(left, right)).commitments)


def test_a_draft_and_its_adopted_text_are_a_revision_not_a_translation() -> None:
    adopted = imported(ADOPTED, id="2074-lakes")
    for draft in (imported(DRAFT, id="2074-lakes-draft", version_of="2074-lakes"),
                  imported(DRAFT, id="2074-lakes-draft", version_of="2074-lakes",
                           version_label="negotiating draft")):
        assert not versions_of_one_work(draft, adopted)
        assert not versions_of_one_work(adopted, draft)
        assert "dropped" in changes(draft, adopted)
    # two drafts of one work, siblings, are successive versions too
    first = imported(DRAFT, id="d1", version_of="2074-lakes", version_label="draft 1")
    second = imported(ADOPTED, id="d2", version_of="2074-lakes", status="draft")
    assert not versions_of_one_work(first, second)
    # an adopted text that names itself as its work is no sibling of its draft
    own = imported(ADOPTED, id="2074-lakes", version_of="2074-lakes")
    assert not versions_of_one_work(imported(DRAFT, id="x", version_of="2074-lakes"), own)


def test_two_renderings_of_one_work_in_one_language_are_compared_as_translations() -> None:
    one = imported(DRAFT, id="lakes-en-a", version_of="2074-lakes-ru",
                   version_label="rendering by the secretariat")
    other = imported(ADOPTED, id="lakes-en-b", version_of="2074-lakes-ru",
                     version_label="rendering by the ministry")
    assert versions_of_one_work(one, other)
    assert "dropped" not in changes(one, other)
    assert "dropped" in sorted(c.change for c in cm.analyse(
        align(one, other), translation=False).commitments)
