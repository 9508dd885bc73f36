"""Property-based tests (hypothesis) of the issue's invariants, on inputs shaped like what newsrooms write.

The fuzz targets (``benchmarks/fuzz_targets.py``, run short in ``test_fuzz.py``) feed raw bytes; these
tests generate structured input instead (front matter with hostile values, scraped pages made of copy
and furniture, news sentences with figures, dates and names, whole batches), so they reach the deep
paths quickly. Invariants: no exception escapes a reader or loader; the cleaner loses nothing silently;
numbers and dates parse within their limits; every claim's text is its field's ``[start:end]``; every
report validates and every renderer's output parses; reruns are byte-identical and independent of the
order the files are given in. Seeds are fixed (``derandomize``), so a run is the same every time.
"""

from __future__ import annotations

import datetime as dt
import json
import string
from pathlib import Path

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.fuzz_targets import check_claims, check_cleaned, check_read, check_rendered, synthetic_report
from checker.cli import run
from checker.config import resolve_config
from checker.errors import CheckerError
from checker.extract.dates.resolve import resolve
from checker.extract.numbers import apply_qualifier, parse_number
from checker.gate.baseline import load_baseline
from checker.ingest import Stdin, read_stdin
from checker.lexicon.calendar import MONTH_NAMES, WEEKDAYS, YEARS
from checker.records import Article
from checker.report.schema import report_schema
from checker.rules.loading import load_rule_file

FAST = settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
SLOW = settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))

# Text with what breaks naive code: control characters, escapes, workflow commands, Markdown and HTML.
HOSTILE = st.sampled_from(
    ["\x1b[2J", "\x00", "\n::error::x", "##[warning]", "<script>", "|", "`", "\\", "\u202e", "\ud800", "\u2028", "%0A"]
)
TEXT = st.text(string.printable + "éü—“”’…", max_size=40) | HOSTILE


# --- readers ----------------------------------------------------------------------------------------------

META = st.fixed_dictionaries(
    {},
    optional={
        "title": TEXT | st.integers() | st.lists(TEXT, max_size=2),
        "published": st.dates().map(str) | TEXT | st.integers(),
        "source": TEXT,
        "id": TEXT | st.integers(),
        "url": TEXT,
    },
)
BODY = st.lists(TEXT | st.sampled_from(["Two people were killed on Monday.", "Share this:", "Comments"]), max_size=6)


@FAST
@given(META, BODY, st.sampled_from(["md", "json", "jsonl", "txt"]))
def test_readers_turn_any_document_into_articles_or_input_errors(meta, body, kind):
    text = "\n".join(body)
    if kind == "md":
        raw = "---\n" + "\n".join(f"{k}: {json.dumps(v)}" for k, v in meta.items()) + "\n---\n" + text
    elif kind in ("json", "jsonl"):
        raw = json.dumps({**meta, "text": text})
    else:
        raw = "".join(f"{k.capitalize()}: {v}\n" for k, v in meta.items()) + text
    articles, errors = read_stdin(Stdin(raw.encode("utf-8", "surrogatepass"), f"a.{kind}"))
    check_read(articles, errors)
    assert len(articles) + len(errors) >= 1 or not text.strip()


# --- the cleaner ------------------------------------------------------------------------------------------

LINES = st.sampled_from(
    [
        "Police said the attack happened on Tuesday, July 25, 2012, killing two people.",
        "Photo: Police said the attack happened on Tuesday, killing two people in the market.",
        "Related: Man Shot Dead On Main Street",
        "Share this:",
        "Copyright 2015 The Associated Press. All rights reserved.",
        "Two were hurt. All rights reserved.",
        "• A 20-year-old man was hit in his chest and was pronounced dead at the scene.",
        "2:31 Watch the video",
        "3 Comments",
        "<!-- checker: ignore -->",
        "Posted: March 2, 2015 12:06 AM EST Police said two died.",
        "## Heading",
        "",
    ]
)


@FAST
@given(st.lists(LINES | TEXT, max_size=12), st.booleans())
def test_the_cleaner_keeps_copy_and_records_every_drop(lines, markdown):
    check_cleaned("\n".join(lines), markdown)


# --- numbers and dates ------------------------------------------------------------------------------------


@FAST
@given(st.integers(0, 10**15 - 1), st.lists(st.sampled_from(["a", "dozen", "twenty", "one", "hundred", "million",
       "billion", "trillion", "and", "-", "9" * 20, "1,000"]), max_size=10))  # fmt: skip
def test_numbers_read_back_and_stay_within_the_digit_limit(value, words):
    assert parse_number([f"{value:,}"]) == value == parse_number([str(value)])
    parsed = parse_number(words)
    assert parsed is None or 0 <= parsed < 10**15
    for qualifier in ("exact", "at least", "more than", "nearly", "about", "up to", "fewer than"):
        span = apply_qualifier(value, qualifier)
        assert span.min is None or span.max is None or 0 <= span.min <= span.max


@FAST
@given(
    st.dates(),
    st.sampled_from(["weekday", "relative", "span", "month_day", "weekday_date"]),
    st.sampled_from(WEEKDAYS),
    st.sampled_from(MONTH_NAMES),
    st.integers(0, 40),
    st.sampled_from(["yesterday", "tomorrow", "overnight", "last week", "next week", "last month", "last year"]),
    st.sampled_from(["past", "future"]),
)
def test_dates_resolve_against_any_publication_date_without_crashing(published, kind, wd, month, day, rel, tense):
    resolved = resolve(kind, {"wd": wd, "month": month, "day": str(day), "rel": rel}, published, tense)
    if resolved is not None and YEARS[0] <= published.year <= YEARS[1]:
        for value in resolved[:3]:
            assert value is None or abs((value - published).days) <= 800


# --- extraction ----------------------------------------------------------------------------------------------

NAMES = st.sampled_from(["Abdullo Nazarov", "Maj. Gen. Tolib Ayombekov", "Kurt Myers", "Emomali Rahmon"])
SENTENCE = st.builds(
    "{} said {} people were killed on {}, {} {}, {}.".format,
    NAMES,
    st.sampled_from(["two", "12", "at least 30", "nearly 40", "dozens of", "1,200"]),
    st.sampled_from([w.capitalize() for w in WEEKDAYS]),
    st.sampled_from([m.capitalize() for m in MONTH_NAMES]),
    st.integers(1, 31),
    st.integers(1990, 2030),
)
HEADLINE = st.sampled_from(["Gunman Kills Two In Khorog On Monday", "İstanbul Blast Kills 12", "Fighting Erupts"])


@SLOW
@given(HEADLINE, st.lists(SENTENCE | LINES | TEXT, min_size=1, max_size=5), st.dates(dt.date(1990, 1, 1)))
def test_every_claim_quotes_its_field_exactly(title, lines, published):
    from checker.extract import extract_article
    from checker.nlp.sentences import parse_articles

    article = Article(id="p", path="p.md", format="markdown", title=title, text="\n\n".join(lines), published=published)
    for parsed_article, parsed in parse_articles([article]):
        check_claims(parsed_article, extract_article(parsed_article, parsed))


# --- renderers ---------------------------------------------------------------------------------------------------


@SLOW
@given(st.binary(min_size=40, max_size=1500))
def test_every_report_validates_and_every_renderer_output_parses(data):
    report, rules = synthetic_report(data)
    check_rendered(report, rules)


# --- loaders -----------------------------------------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=12,
)


@FAST
@given(JSON_VALUES, st.sampled_from(["toml", "yaml", "baseline"]))
def test_loaders_raise_only_their_own_error(value, kind):
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        try:
            if kind == "toml":
                path = Path(folder) / "checker.toml"
                path.write_text(f"select = {json.dumps(value)}\nfail-on = {json.dumps(value)}\n", encoding="utf-8")
                resolve_config({}, config_file=path)
            elif kind == "yaml":
                path = Path(folder) / "XYZ001-x.yaml"
                path.write_text(json.dumps({"id": "XYZ001", "message": value, "params": value}), encoding="utf-8")
                load_rule_file(path)
            else:
                path = Path(folder) / "baseline.json"
                path.write_text(json.dumps({"tool": "checker", "findings": [value]}), encoding="utf-8")
                load_baseline(path)
        except CheckerError as exc:
            assert str(exc).strip()


# --- whole runs ---------------------------------------------------------------------------------------------------

ARTICLE = st.tuples(
    st.sampled_from(["AP", "Reuters", "\x1b[31mKTVB\x1b[0m", "##[error]x"]),
    st.lists(SENTENCE | LINES, min_size=1, max_size=4),
    st.sampled_from(["2012-07-24", "2012-07-25", "2012-07-27"]),
)


@settings(max_examples=4, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.lists(ARTICLE, min_size=2, max_size=3), st.randoms(use_true_random=False))
def test_runs_are_byte_identical_whatever_the_order_of_the_files(tmp_path_factory, articles, random):
    folder = tmp_path_factory.mktemp("batch")
    paths = []
    for number, (source, lines, published) in enumerate(articles):
        path = folder / f"{number}.md"
        front = f"---\ntitle: Fighting in Khorog\npublished: {published}\nsource: {json.dumps(source)}\n---\n"
        path.write_text(front + "\n\n".join(lines) + "\n", encoding="utf-8")
        paths.append(str(path))
    shuffled = paths[:]
    random.shuffle(shuffled)
    outputs = []
    for order, name in ((paths, "a"), (shuffled, "b"), (paths, "c")):
        out = folder / f"{name}.json"
        code = run(["check", *order, "--no-cache", "--quiet", "--format", f"json={out}", "--fail-on", "never"])
        assert code in (0, 2)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    jsonschema.Draft202012Validator(report_schema()).validate(json.loads(outputs[0]))
