"""Check stage, the rules: every finding code with its name, family, default severity and help.

Codes are stable, a letter and three digits (ruff's `F401`): `V` validity, `L` lint (the text is
never changed, only reported), `P` policy against the previous declaration, `B` the baseline
itself. Each code has a name alias (`doubled-punctuation`); a selector is a code, a prefix of
codes (`L`, `L1`, `P20`), a name, or `ALL`. The README's table of codes is generated from
`RULES` (`rules_table`), and a test keeps the two equal.
"""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("info", "warning", "error")
"""From least to most severe; `--fail-on LEVEL` fails on findings at LEVEL or above."""

FAIL_LEVELS = (*SEVERITIES, "never")


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    summary: str
    help: str

    @property
    def family(self) -> str:
        return {"V": "validity", "L": "lint", "P": "policy", "B": "baseline"}[self.code[0]]


RULES: tuple[Rule, ...] = (
    Rule("V001", "invalid-declaration", "error",
         "the file cannot be read as a declaration (malformed or hostile XML, schema errors)",
         "The file is not well-formed XML, is refused by the hardened parser (DOCTYPE, entities, "
         "too deep, too large), or breaks the RELAX NG schema or its semantic rules. Nothing else "
         "can be checked in it; `scodiff check` exits 2 (trouble), whatever the gate."),
    Rule("V002", "duplicate-id", "error",
         "an id is used twice: in one file, or a declaration id across files",
         "Clause ids (`eId`) must be unique in a file and a declaration id unique in the corpus, "
         "or links, reports and baselines cannot say which one is meant. Give one of them a new "
         "id (a later insertion can be `para_6a`)."),
    Rule("V003", "metadata-malformed", "error",
         "metadata present but malformed (not a calendar date, a bad party code, an unknown kind)",
         "Fix the value in `<meta>`: dates are `YYYY-MM-DD` calendar dates, party codes ISO "
         "3166 alpha-2, kind and status one of the listed values."),
    Rule("V004", "metadata-missing", "warning",
         "metadata missing (title, kind, meeting date/place/body, parties, status, version, "
         "source)",
         "Without the meeting date and kind the previous declaration cannot be found; without a "
         "source a reader cannot check the text. Fill in the missing `<meta>` fields."),
    Rule("V005", "version-of-unknown", "warning",
         "`version/@of` names a declaration that is not in the corpus",
         "A draft or translation points at the text it is a version of; that id is neither "
         "among the files checked nor in their folder."),
    Rule("V006", "validation-warning", "warning",
         "another warning of `scodiff validate` (e.g. a sentence with leading spaces)",
         "See the message; `scodiff validate FILE` prints the same warning."),
    Rule("L101", "unbalanced-quote", "warning",
         "a quotation mark without its partner in the paragraph",
         "A closing quote with no opening one before it (or an opening one never closed) in the "
         "same unit. Often a quote lost when the text was copied. The text is stored as written: "
         "fix it at the source or baseline the finding."),
    Rule("L102", "unbalanced-bracket", "warning",
         "a bracket without its partner in the paragraph",
         "A closing bracket with no opening one, a mismatched pair, or an opening bracket never "
         "closed in the same unit."),
    Rule("L103", "doubled-punctuation", "warning",
         "the same punctuation mark twice in a row (`states..`, `,,`), not an ellipsis",
         "Usually a typing slip or a full stop added after an abbreviation's. `...` is an "
         "ellipsis and is not reported."),
    Rule("L104", "broken-paragraph", "warning",
         "a paragraph that seems broken in mid-sentence",
         "The paragraph does not end a sentence (no full stop, colon or semicolon) and the next "
         "one starts in lower case: probably one paragraph cut in two by a page or line break. "
         "`scodiff import` joins such breaks in text it reads; this finds them in stored files."),
    Rule("L105", "numbering", "warning",
         "paragraph or item numbers with a gap, a repeat or out of order",
         "Printed numbers (`<num>`: 1., 2., a), iv.) of consecutive paragraphs, or of the items "
         "of one list, should run on by one. A gap often means a lost paragraph."),
    Rule("L106", "non-nfc", "warning",
         "text not in Unicode normalisation form NFC",
         "Decomposed characters (`e` + U+0301) look like composed ones but compare, search and "
         "count differently. Re-import the text after normalising it to NFC."),
    Rule("L107", "invisible-character", "warning",
         "a zero-width or other invisible format character in the text",
         "Zero-width spaces, joiners outside the scripts that need them, soft hyphens, word "
         "joiners and tag characters show nothing but change searches, matching and signatures."),
    Rule("L108", "bidi-control", "error",
         "a bidirectional override, embedding or isolate control in the text",
         "U+202A-U+202E and U+2066-U+2069 reorder how text is displayed (the 'Trojan Source' "
         "trick): what a reader sees is not what the file says."),
    Rule("L109", "duplicated-paragraph", "warning",
         "a paragraph or item whose text repeats an earlier one",
         "The same text twice is usually a copy-and-paste slip; if it is meant, baseline it."),
    Rule("L110", "date-mismatch", "warning",
         "a date in the text that contradicts the meeting date in the metadata",
         "A full date written next to the meeting place (`in Bishkek on 16 August 2007`) differs "
         "from `<meeting date>`: one of them is wrong."),
    Rule("P201", "commitment-dropped", "error",
         "a commitment of the previous declaration is no longer made",
         "The previous declaration (`--against`) committed to something this text no longer "
         "commits to: the sentence was removed or no longer commits."),
    Rule("P202", "commitment-softened", "error",
         "a commitment is made with less force than in the previous declaration",
         "A weaker phrase on the ladder (`will` -> `support`), a hedge added (`where possible`), "
         "an intensifier removed or a negation added; the reasons are in the message."),
    Rule("P203", "actor-no-longer-named", "warning",
         "an actor that made commitments in the previous declaration makes none here",
         "Who commits matters: the heads of state, the member states, the SCO, a named body. An "
         "actor of the previous text's commitments is not the actor of any commitment here."),
    Rule("P204", "entity-no-longer-named", "warning",
         "a state, organisation, treaty or region named in the previous declaration is not named",
         "Named entities come from `compare/commitments/data/entities.toml` and treaty names."),
    Rule("B001", "baseline-stale", "warning",
         "a baseline entry that no longer matches any finding",
         "The finding it recorded was fixed (or its text changed). Remove the entry with "
         "`--prune-baseline`, or regenerate the baseline."),
)

BY_CODE = {r.code: r for r in RULES}
BY_NAME = {r.name: r for r in RULES}


def rule(code_or_name: str) -> Rule:
    return BY_CODE.get(code_or_name) or BY_NAME[code_or_name]


def matches(selector: str, r: Rule) -> bool:
    """Whether a selector (code, code prefix, name or ALL) names rule `r`."""
    s = selector.strip()
    return s == "ALL" or s == r.name or (s[:1].isalpha() and r.code.startswith(s.upper()))


def unknown_selectors(selectors: tuple[str, ...]) -> list[str]:
    """The selectors that name no rule (a typo must not silently select nothing)."""
    return [s for s in selectors if not any(matches(s, r) for r in RULES)]


def enabled(r: Rule, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    """Selected and not ignored; when both match, the more specific selector wins (ruff)."""
    def best(sels: tuple[str, ...]) -> int:
        lengths = [(99 if s == r.name else 0 if s == "ALL" else len(s)) for s in sels
                   if matches(s, r)]
        return max(lengths, default=-1)

    sel, ign = best(select), best(ignore)
    return sel >= 0 and sel > ign


def rules_table() -> str:
    """The Markdown table of every code: the README's copy is tested against this."""
    rows = ["| code | name | default | what it reports |", "|---|---|---|---|"]
    rows += [f"| `{r.code}` | `{r.name}` | {r.severity} | {r.summary} |" for r in RULES]
    return "\n".join(rows) + "\n"
