"""Check stage, SARIF 2.1.0: what GitHub code scanning and other SARIF viewers read.

One run; the tool's driver lists every rule with its name, descriptions, help and default level;
each result has its `ruleId` and `ruleIndex`, `level`, `message`, a physical location (file
relative to the current folder, line and column in code points) and a stable
`partialFingerprints` entry. Baselined findings are emitted with an external suppression, so a
code-scanning view keeps them as known instead of reading them as fixed.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any

from ..report.serialize import dumps_json
from ..textfmt import visible
from .engine import Result
from .findings import Finding
from .formats import uri
from .rules import RULES

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_INDEX = {r.code: i for i, r in enumerate(RULES)}


def _version() -> str:
    try:
        return version("scodiff")
    except PackageNotFoundError:  # pragma: no cover - a checkout without an install
        return "0"


def _rules() -> list[dict[str, Any]]:
    return [{
        "id": r.code, "name": r.name,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": r.help},
        "help": {"text": r.help, "markdown": f"**{r.code} {r.name}** ({r.family}): {r.help}"},
        "defaultConfiguration": {"level": _LEVEL[r.severity]},
        "properties": {"tags": [r.family]},
    } for r in RULES]


def _result(f: Finding, baseline: str | None) -> dict[str, Any]:
    region: dict[str, int] = {}
    if f.line is not None:
        region["startLine"] = f.line
        if f.column is not None:
            region["startColumn"] = f.column
    location: dict[str, Any] = {"artifactLocation": {"uri": uri(f.file)}}
    if region:
        location["region"] = region
    out: dict[str, Any] = {
        "ruleId": f.code, "ruleIndex": _INDEX[f.code], "level": _LEVEL[f.severity],
        "message": {"text": visible(f.message)},
        "locations": [{"physicalLocation": location}],
        "partialFingerprints": {"scodiffFingerprint/v1": f.fingerprint},
    }
    if f.declaration or f.unit:
        out["properties"] = {"declaration": f.declaration, "unit": f.unit}
    if f.baselined:
        where = f" {uri(baseline)}" if baseline else ""
        out["suppressions"] = [{"kind": "external", "status": "accepted",
                                "justification": f"in the baseline{where}"}]
    return out


def to_sarif(result: Result, baseline: str | None = None) -> str:
    doc = {
        "$schema": SCHEMA, "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "scodiff", "version": _version(), "rules": _rules()}},
            "columnKind": "unicodeCodePoints",
            "results": [_result(f, baseline) for f in result.findings],
        }],
    }
    return dumps_json(doc)
