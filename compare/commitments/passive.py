"""Analyse stage, reading a sentence: the clause a commitment is found as, the adverbs between
an actor and its phrase, and the passive voice.

`Clause` is one actor + phrase found in a sentence, as `commitments.grammar` finds it;
`adverbs` skips the negations, intensifiers and gap words after an actor or a modal; a passive
("will be revitalized", "it is agreed to") is a clause of the implicit actor (`passive_at` at a
token, `find_passive` over a sentence without an actor-led commitment).
"""

from __future__ import annotations

from dataclasses import dataclass

from .config import Rules
from .lexicon import Tokens, match


@dataclass(frozen=True)
class Clause:
    """One actor + phrase found in a sentence; token indexes, `end` exclusive."""

    start: int
    actor: str
    phrase: tuple[int, int]
    level: str
    negated: bool
    intensifiers: tuple[str, ...]
    end: int = 0
    passive: bool = False
    hedges: tuple[str, ...] = ()
    carried: str = ""
    """The phrase as it applies when carried over a coordination ("will" + "consider")."""

    @staticmethod
    def made(start: int, actor: str, phrase: tuple[int, int], level: str, negated: bool,
             intensifiers: tuple[str, ...]) -> Clause:
        """`Clause(start, actor, phrase, level, negated, intensifiers)`, its fields set as the
        instance's dict, as `ending` copies them (the grammar's most made clause)."""
        out = object.__new__(Clause)
        out.__dict__.update(start=start, actor=actor, phrase=phrase, level=level,
                            negated=negated, intensifiers=intensifiers, end=0, passive=False,
                            hedges=(), carried="")
        return out

    def ending(self, end: int, hedges: tuple[str, ...] | None = None,
               intensifiers: tuple[str, ...] | None = None) -> Clause:
        """This clause with `end` (and hedges, intensifiers) set; copies the fields as the
        instance's dict, faster on a hot path than `replace` (the frozen `__init__` sets each
        field by `object.__setattr__`)."""
        out = object.__new__(Clause)
        out.__dict__.update(self.__dict__, end=end, hedges=self.hedges if hedges is None
                            else hedges, intensifiers=self.intensifiers if intensifiers is None
                            else intensifiers)
        return out


def adverbs(rules: Rules, toks: Tokens, k: int) -> tuple[bool, list[str], int]:
    """Skip negations, intensifiers and gap words from token `k`: (negated, intensifiers, next)."""
    negated, intens = False, []
    starts = rules.adverb_starts
    while k < len(toks):
        if toks[k] not in starts:  # no negation, intensifier or gap word starts here
            if (toks[k].endswith(rules.gap_suffixes) and len(toks[k]) > 4
                    and not match(rules.phrases, toks, k)):
                k += 1
                continue
            break
        if hit := match(rules.negations, toks, k):
            negated, k = True, hit[0]
        elif hit := match(rules.intensifiers, toks, k):
            intens.append(hit[1])
            k = hit[0]
        elif hit := match(rules.gap, toks, k):
            k = hit[0]
        elif toks[k].endswith(rules.gap_suffixes) and len(toks[k]) > 4 and not match(
            rules.phrases, toks, k
        ):
            k += 1
        else:
            break
    return negated, intens, k


def passive_at(rules: Rules, toks: Tokens, i: int) -> Clause | None:
    """A passive form at token `i` ("will be revitalized"): a commitment of the implicit actor,
    its phrase running to the participle; the subject before it is the object."""
    if i and toks[i - 1] in ("that", "which", "who"):
        return None
    if hit := _passive_form(rules, toks, i):
        negated, intens, k = adverbs(rules, toks, hit[0])
        if k >= len(toks) or not _participle(rules, toks[k]):
            return None
        level = rules.passive_levels.get(hit[1], rules.passive_level)
        return Clause(0, rules.passive_actor, (i, k + 1), level,
                      negated or bool(match(rules.negations, toks, i + 1)), tuple(intens),
                      len(toks), passive=True)
    if hit := match(rules.impersonal, toks, i):
        negated, intens, k = adverbs(rules, toks, hit[0])
        phrase = match(rules.phrases, toks, k)
        if phrase is None or not _participle(rules, toks[k]):
            return None
        return Clause(0, rules.passive_actor, (i, phrase[0]), phrase[1], negated, tuple(intens),
                      len(toks), passive=True)
    return None


def _passive_form(rules: Rules, toks: Tokens, i: int) -> tuple[int, str] | None:
    """A passive form at token `i`, a negation allowed after its modal ("will not be")."""
    if hit := match(rules.passive, toks, i):
        return hit
    if i < len(toks) and toks[i] in rules.modals and (neg := match(rules.negations, toks, i + 1)):
        probe = (toks[i], *toks[neg[0] : neg[0] + 3])
        if hit := match(rules.passive, probe, 0):
            return neg[0] + hit[0] - 1, hit[1]
    return None


def _participle(rules: Rules, tok: str) -> bool:
    return tok.endswith(rules.passive_endings) or tok in rules.participles


def find_passive(rules: Rules, toks: Tokens) -> Clause | None:
    """The first passive commitment of a sentence without an actor-led one."""
    return next((c for i in range(len(toks))
                 if toks[i] in rules.passive_starts and (c := passive_at(rules, toks, i))),
                None)
