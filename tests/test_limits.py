"""Hostile and broken input costs one error line with its own code, never the batch (issue 12, cases 5-7).

Each case is read next to a good article: the bad one is an input error naming the file and the
problem (exit 2 in a run), the good one is still read. Nothing here hangs, eats memory or escapes
as an exception: FIFOs and devices are refused before a byte is read, sizes and nesting are bounded.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
from pathlib import Path

import pytest

from checker import limits
from checker.errors import Category, CheckerError, ErrorCode
from checker.extract.dates.resolve import resolve
from checker.ingest import Stdin, read_paths, read_stdin
from checker.limits import JsonProblem, TimeBudget, load_json, load_yaml, read_regular

GOOD = "---\ntitle: Fire\npublished: 2014-02-11\nsource: KTVB\n---\nPolice said two people were killed on Monday.\n"


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def read(tmp_path: Path, *names: str):
    """Read the named files (and good.md) from ``tmp_path``; errors by file name."""
    write(tmp_path / "good.md", GOOD)
    result = read_paths([tmp_path / n for n in names] + [tmp_path / "good.md"])
    assert [a.id for a in result.articles if a.path.endswith("good.md")] == ["good"], "the good file is still read"
    return {Path(e.path.split(":")[0]).name: e for e in result.errors}, result


def in_time(function, seconds: float = 20.0):
    """Run ``function`` in a daemon thread; fail (instead of hanging the suite) if it does not return."""
    box: list = []
    thread = threading.Thread(target=lambda: box.append(function()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s"
    return box[0]


def test_every_limit_has_its_own_input_code():
    codes = [ErrorCode.TOO_LARGE, ErrorCode.ARTICLE_TOO_LARGE, ErrorCode.TIME_BUDGET, ErrorCode.TOO_DEEP]
    codes += [ErrorCode.YAML_LIMIT, ErrorCode.NOT_A_FILE]
    assert [c.id for c in codes] == ["E111", "E112", "E113", "E114", "E115", "E116"]
    assert all(c.category is Category.INPUT and c.exit_code == 2 for c in codes)
    assert ErrorCode.BASELINE_TOO_LARGE.id == "E210" and ErrorCode.BASELINE_TOO_LARGE.exit_code == 2
    assert len({c.id for c in ErrorCode}) == len(ErrorCode)


def test_a_fifo_is_refused_without_blocking_named_or_walked(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    errors, _ = in_time(lambda: read(tmp_path, "pipe.md"))
    assert errors["pipe.md"].code is ErrorCode.NOT_A_FILE and "FIFO" in errors["pipe.md"].message
    walked = in_time(lambda: read_paths([tmp_path]))
    assert [e.code for e in walked.errors] == [ErrorCode.NOT_A_FILE] and len(walked.articles) == 1


def test_a_symlink_to_dev_zero_is_not_read(tmp_path):
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    errors, _ = in_time(lambda: read(tmp_path, "zero.txt"))
    assert errors["zero.txt"].code is ErrorCode.NOT_A_FILE and "character device" in errors["zero.txt"].message


def test_stdin_is_read_up_to_the_file_limit(monkeypatch):
    monkeypatch.setattr("checker.ingest.MAX_FILE_BYTES", 10)
    articles, errors = read_stdin(Stdin(b"Police said two people died on Monday.", "draft.txt"))
    assert not articles and errors[0].code is ErrorCode.TOO_LARGE


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    with open(tmp_path / "huge.txt", "wb") as handle:  # sparse: costs no disk
        handle.truncate(limits.MAX_FILE_BYTES + 1)
    errors, _ = read(tmp_path, "huge.txt")
    assert errors["huge.txt"].code is ErrorCode.TOO_LARGE and "over the limit of 64 MB" in errors["huge.txt"].message
    with pytest.raises(CheckerError) as caught:
        read_regular(write(tmp_path / "small.txt", "x" * 100), limit=99)
    assert caught.value.code is ErrorCode.TOO_LARGE


def test_an_article_over_the_length_limit_is_refused_and_the_rest_of_its_file_read(tmp_path):
    long_text = "Police said two people died. " * (limits.MAX_ARTICLE_CHARS // 29 + 1)
    records = [{"id": "short", "text": "Police said two people died on Monday."}, {"id": "long", "text": long_text}]
    write(tmp_path / "batch.jsonl", "\n".join(json.dumps(r) for r in records) + "\n")
    errors, result = read(tmp_path, "batch.jsonl")
    assert errors["batch.jsonl"].code is ErrorCode.ARTICLE_TOO_LARGE and errors["batch.jsonl"].path.endswith(":2")
    assert "short" in [a.id for a in result.articles]


@pytest.mark.parametrize(
    "name,content,code,words",
    [
        ("deep.json", "[" * 100_000 + "]" * 100_000, ErrorCode.TOO_DEEP, "deeper than the limit of 64"),
        ("deep65.json", '{"text": "a", "x": ' + "[" * 64 + "]" * 64 + "}", ErrorCode.TOO_DEEP, "64 levels"),
        ("digits.json", '{"text": "Two died.", "id": ' + "9" * 5000 + "}", ErrorCode.BAD_JSON, "4,300 digits"),
        ("surrogate.json", '{"text": "Two \\ud800 died."}', ErrorCode.BAD_JSON, "lone surrogate"),
        ("nan.json", '{"text": "Two died.", "score": NaN}', ErrorCode.BAD_JSON, "'NaN'"),
        ("empty-id.json", '{"text": "Two died.", "id": ""}', ErrorCode.BAD_RECORD, "'id' is empty"),
        ("line-id.json", '{"text": "Two died.", "id": "a\\n# Heading"}', ErrorCode.BAD_RECORD, "line break"),
        ("line.jsonl", '{"text": "Two died.", "id": ' + "9" * 5000 + "}\n", ErrorCode.BAD_JSON, "4,300 digits"),
    ],
)
def test_json_that_would_crash_the_batch_is_an_input_error(tmp_path, name, content, code, words):
    write(tmp_path / name, content)
    errors, _ = read(tmp_path, name)
    assert errors[name].code is code and words in errors[name].message, errors[name]


def test_json_within_the_limits_reads(tmp_path):
    nested = {"articles": [{"id": "n", "text": "Police said two people died on Monday.", "extra": [[[[[1]]]]]}]}
    write(tmp_path / "ok.json", json.dumps(nested))
    errors, result = read(tmp_path, "ok.json")
    assert not errors and "n" in [a.id for a in result.articles]


LAUGHS = "".join(
    ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n']
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)]
)


@pytest.mark.parametrize(
    "front_matter,code,words",
    [
        ("published: 2012-02-30", ErrorCode.BAD_FRONT_MATTER, "'published': expected an ISO date"),
        ("published: 0001-01-01", ErrorCode.BAD_FRONT_MATTER, "outside the years 1600-2099"),
        ("published: 9999-12-31", ErrorCode.BAD_FRONT_MATTER, "outside the years 1600-2099"),
        (LAUGHS + "title: *i", ErrorCode.YAML_LIMIT, "more than 64 aliases"),
        ("a: &a [1, 2]\nb: [" + ", ".join(["*a"] * 60) + "]\nc: &c [" + ", ".join(["*a"] * 3) + "]", None, ""),
        ("x: &x [*x]", ErrorCode.YAML_LIMIT, "contains it"),
        ("n: " + "9" * 5000, ErrorCode.BAD_FRONT_MATTER, "bad value"),
        ("id: ''", ErrorCode.BAD_FRONT_MATTER, "'id' is empty"),
        ("title: [" * 2000, ErrorCode.YAML_LIMIT, "nested too deep"),
    ],
)
def test_front_matter_that_would_crash_or_explode_is_an_input_error(tmp_path, front_matter, code, words):
    write(tmp_path / "bad.md", f"---\n{front_matter}\n---\nPolice said two people were killed on Monday.\n")
    errors, _ = in_time(lambda: read(tmp_path, "bad.md"))
    if code is None:
        assert "bad.md" not in errors
    else:
        assert errors["bad.md"].code is code and words in errors["bad.md"].message, errors["bad.md"]


def test_yaml_expansion_is_bounded_by_nodes_as_well_as_aliases():
    wide = "a: &a [" + ", ".join(["x"] * 2000) + "]\nb: [" + ", ".join(["*a"] * 60) + "]"
    with pytest.raises(limits.YamlLimit, match="more than 100,000 nodes"):
        load_yaml(wide)
    assert load_yaml("published: 2014-02-11") == {"published": "2014-02-11"}, "dates stay text for the reader"


def test_text_that_is_not_utf8_is_decoded_by_its_byte_order_mark_or_refused(tmp_path):
    write(tmp_path / "u32.txt", "Police said two people were killed on Monday, officials said.".encode("utf-32"))
    write(tmp_path / "nul16.txt", "Police\x00said".encode("utf-16"))
    write(tmp_path / "nul8.txt", b"Police said." + b" " * 9000 + b"\x00")
    errors, result = read(tmp_path, "u32.txt", "nul16.txt", "nul8.txt")
    u32 = next(a for a in result.articles if a.id == "u32")
    assert u32.text.startswith("Police said") and "decoded as UTF-32" in u32.notes
    assert errors["nul16.txt"].code is ErrorCode.BINARY and errors["nul8.txt"].code is ErrorCode.BINARY


def test_an_unreadable_directory_in_a_walk_is_an_input_error(tmp_path, monkeypatch):
    write(tmp_path / "news" / "locked" / "a.md", GOOD)
    write(tmp_path / "news" / "b.md", GOOD)
    real = os.scandir
    locked = tmp_path / "news" / "locked"

    def scandir(path="."):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = read_paths([tmp_path / "news"])
    assert [(e.code, Path(e.path).name) for e in result.errors] == [(ErrorCode.UNREADABLE, "locked")]
    assert "Permission denied" in result.errors[0].message and [a.id for a in result.articles] == ["b"]


@pytest.mark.parametrize("published", [dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(1600, 1, 1)])
def test_date_resolution_never_overflows(published):
    cases = [
        ("weekday", {"wd": "Monday", "mod": "next"}),
        ("weekday", {"wd": "Friday", "mod": "last"}),
        ("relative", {"rel": "tomorrow"}),
        ("relative", {"rel": "overnight"}),
        ("span", {"rel": "next week"}),
        ("span", {"rel": "last year"}),
        ("month_day", {"month": "December", "day": "31"}),
        ("weekday_date", {"wd": "Sunday", "month": "Jan", "day": "1"}),
    ]
    for kind, groups in cases:
        for tense in ("past", "future"):
            resolve(kind, groups, published, tense)  # no OverflowError escapes


def test_the_time_budget_stops_an_article_and_names_it():
    ticks = iter(range(0, 10_000, 7))
    budget = TimeBudget(seconds=20, clock=lambda: float(next(ticks)))
    check = budget.watch("slow")
    check()
    check()
    with pytest.raises(CheckerError) as caught:
        check()
    assert caught.value.code is ErrorCode.TIME_BUDGET and budget.over("slow") and not budget.over("other")
    assert "took over 20 s" in budget.message("slow")


def test_load_json_raises_only_its_own_problem():
    for text in ("", "{", "[1,]", "1e999", "-Infinity", '"\\udc00"', "[" * 5000):
        with pytest.raises(JsonProblem):
            load_json(text)
