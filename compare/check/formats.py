"""Check stage, output formats: text, json, github workflow commands, junit (sarif: `sarif`).

Every format prints the findings in one order (file, line, column, code) and only what the
result holds, so the same input gives the same bytes. Messages are made `visible` (control,
bidi and zero-width characters as `<U+XXXX>`): a CI log or a code-scanning view never runs them.
Baselined findings are left out of every format but SARIF, which marks them as suppressed.
"""

from __future__ import annotations

import os
from typing import Any

from lxml import etree

from ..report.serialize import dumps_json
from ..textfmt import one_line, visible
from .engine import Result
from .findings import Finding

FORMATS = ("text", "json", "github", "sarif", "junit")
JSON_FORMAT = "scodiff.findings/1"


def uri(path: str) -> str:
    """A path as printed in every format: relative to the current folder when under it."""
    full = os.path.abspath(path)
    cwd = os.getcwd()
    if full.startswith(cwd + os.sep):
        path = os.path.relpath(full, cwd)
    return path.replace(os.sep, "/")


def shown(path: str) -> str:
    """`uri` as a text line, a CI log or an XML attribute prints it: one line, controls visible
    (a file named with ESC[2J or a newline must neither clear a terminal nor forge a finding)."""
    return one_line(uri(path))


def _where(f: Finding) -> str:
    bits = [shown(f.file)] + [str(x) for x in (f.line, f.column) if x is not None]
    return ":".join(bits)


def to_text(result: Result) -> str:
    return "".join(f"{_where(f)}: {f.code} {visible(f.message)}\n" for f in result.reported)


def finding_json(f: Finding) -> dict[str, Any]:
    return {"code": f.code, "name": f.name, "severity": f.severity, "file": uri(f.file),
            "line": f.line, "column": f.column, "declaration": f.declaration, "unit": f.unit,
            "message": visible(f.message), "fingerprint": f.fingerprint,
            "baselined": f.baselined}


def to_json(result: Result) -> str:
    return dumps_json({"format": JSON_FORMAT, "findings": [finding_json(f)
                                                           for f in result.findings]})


def _escape(value: str, prop: bool) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


_GITHUB = {"error": "error", "warning": "warning", "info": "notice"}


def to_github(result: Result) -> str:
    lines = []
    for f in result.reported:
        props = [f"file={_escape(shown(f.file), True)}"]
        if f.line is not None:
            props.append(f"line={f.line}")
        if f.column is not None:
            props.append(f"col={f.column}")
        props.append(f"title={_escape(f'{f.code} {f.name}', True)}")
        lines.append(f"::{_GITHUB[f.severity]} {','.join(props)}::"
                     f"{_escape(visible(f.message), False)}\n")
    return "".join(lines)


def to_junit(result: Result) -> str:
    """JUnit XML: a test suite per file, a test case per finding (a failure at the failing
    level, skipped when baselined, passed with its message below the level), one passing
    case for a file without findings."""
    suites = etree.Element("testsuites", name="scodiff check")
    by_file: dict[str, list[Finding]] = {shown(p): [] for p in result.files}
    for finding in result.findings:
        by_file.setdefault(shown(finding.file), []).append(finding)
    totals = [0, 0, 0]
    for name, found in by_file.items():
        suite = etree.SubElement(suites, "testsuite", name=name)
        counts = [0, 0, 0]  # tests, failures, skipped
        cases: list[Finding | None] = list(found) or [None]
        for f in cases:
            counts[0] += 1
            if f is None:
                etree.SubElement(suite, "testcase", name="no findings", classname=name)
                continue
            case = etree.SubElement(suite, "testcase", classname=name,
                                    name=f"{f.code} {f.name} at {_where(f)}")
            message = visible(f.message)
            if f.baselined:
                counts[2] += 1
                etree.SubElement(case, "skipped", message=f"in the baseline: {message}")
            elif result.failing(f):
                counts[1] += 1
                fail = etree.SubElement(case, "failure", type=f.code, message=message)
                fail.text = f"{_where(f)}: {f.code} [{f.severity}] {message}"
            else:
                etree.SubElement(case, "system-out").text = f"{f.severity}: {message}"
        for key, n in zip(("tests", "failures", "skipped"), counts, strict=True):
            suite.set(key, str(n))
        suite.set("errors", str(int(name in map(shown, result.trouble))))
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
    for key, n in zip(("tests", "failures", "skipped"), totals, strict=True):
        suites.set(key, str(n))
    suites.set("errors", str(len(result.trouble)))
    etree.indent(suites, space="  ")
    body: bytes = etree.tostring(suites, encoding="UTF-8", xml_declaration=True)
    return body.decode("utf-8").replace("<?xml version='1.0' encoding='UTF-8'?>",
                                        '<?xml version="1.0" encoding="UTF-8"?>', 1) + "\n"


def render(result: Result, fmt: str, baseline: str | None = None) -> str:
    """The result in one of `FORMATS`."""
    if fmt == "sarif":
        from .sarif import to_sarif

        return to_sarif(result, baseline)
    return {"text": to_text, "json": to_json, "github": to_github, "junit": to_junit}[fmt](result)
