"""Check stage: findings on declarations for CI, and a git diff driver that speaks in clauses.

Owns the rules and their codes (`rules`), findings and fingerprints (`findings`), where a finding
is in the file (`locate`), validity (`validity`), lint (`lint` over `textscan`, `numbering`,
`dates`), policy against the previous declaration (`policy`, found by `previous`), the run
(`engine`), configuration (`config`), baselines (`baseline`), output formats (`formats`,
`sarif`), and the git external diff driver and textconv (`gitdiff`, `clausediff`). It is the
last stage: it may import the shared core and every stage before it.

Entry points: `run(paths, settings) -> Result`, `render(result, fmt)`, `git_diff(args)`,
`textconv(path)`.
"""

from .engine import Result, run
from .formats import render
from .gitdiff import git_diff, textconv

__all__ = ["Result", "git_diff", "render", "run", "textconv"]
