"""Extraction table: real-style news sentences -> the claims a careful reader finds.

Each row gives a sentence (or two), the publication date, and the claims that must
be read from it; rows with ``absent`` list figures that must NOT become count claims.
"""

from __future__ import annotations

import datetime as dt

import pytest

from checker.extract import extract_article
from checker.nlp.sentences import parse_articles
from checker.records import Article, CountClaim, DateClaim, NameClaim


def claims_of(text: str, published: str | None = "2014-02-11", title: str | None = None):
    article = Article(
        id="t",
        path="t.md",
        text=text,
        title=title,
        published=dt.date.fromisoformat(published) if published else None,
    )
    [(parsed_article, parsed)] = list(parse_articles([article]))
    return list(extract_article(parsed_article, parsed))


def counts(claims, include_background: bool = False):
    return [c for c in claims if isinstance(c, CountClaim) and (include_background or not c.background)]


def find_count(claims, event, low, high):
    return [c for c in counts(claims) if c.event == event and c.min == low and c.max == high]


COUNT_ROWS = [
    # (text, [(event, min, max, extra checks)], absent values)
    (
        "At least 12 soldiers and 30 opposition fighters were killed, said a statement from Tajikistan's security service.",
        [
            (
                "killed",
                12,
                None,
                {
                    "qualifier": "at least",
                    "subject_class": "soldiers",
                    "type": "official",
                    "source": "security service",
                },
            ),
            ("killed", 30, 30, {"subject_class": "fighters"}),
            ("killed", 42, None, {"derived": True}),
        ],
        [],
    ),
    (
        "Four people were injured in the shooting and, so far, three of them have been released from the hospital.",
        [("injured", 4, 4, {})],
        [3],
    ),
    ("A man was shot and killed Monday night in Englewood.", [("killed", 1, 1, {"qualifier": "implicit"})], []),
    ("The shooting left two dead and three wounded.", [("killed", 2, 2, {}), ("injured", 3, 3, {})], []),
    (
        "Five people were shot, two fatally, police said.",
        [("shot", 5, 5, {"type": "official"}), ("killed", 2, 2, {})],
        [],
    ),
    ("The death toll rose to 17, officials said.", [("killed", 17, 17, {"type": "official"})], []),
    ("Police arrested two suspects but were still seeking the leader.", [("arrested", 2, 2, {})], []),
    (
        "LaPrida Shears, 25, of Tyler, was killed in the crossfire. Three others were injured.",
        [("killed", 1, 1, {"qualifier": "implicit"}), ("injured", 3, 3, {})],
        [25],
    ),
    (
        "The gunman killed three people before taking his own life.",
        [("killed", 3, 3, {}), ("killed", 1, 1, {"perpetrator": True})],
        [],
    ),
    ("No one was injured.", [("injured", 0, 0, {"qualifier": "none"})], []),
    ("Dozens of people were wounded, witnesses said.", [("injured", 24, 99, {"type": "witness"})], []),
    ("Nearly 40 people died in the attack.", [("killed", 34, 39, {"qualifier": "nearly"})], []),
    (
        "More than 200 people were arrested during the protests.",
        [("arrested", 201, None, {"qualifier": "more than"})],
        [],
    ),
    ("About 40 people were hurt.", [("injured", 34, 46, {"qualifier": "about"})], []),
    (
        "Up to 200 people may have been killed, residents said.",
        [("killed", None, 200, {"qualifier": "up to", "type": "witness", "hedged": True})],
        [],
    ),
    ("A 13-year-old boy was killed when the gun went off.", [("killed", 1, 1, {"qualifier": "implicit"})], [13]),
    (
        "A dozen people were killed in the raid, according to the Interior Ministry.",
        [("killed", 12, 12, {"type": "official"})],
        [],
    ),
    (
        "Residents said they believed as many as 100 people had died.",
        [("killed", None, 100, {"type": "witness", "hedged": True})],
        [],
    ),
    (
        "A teen and his mother were wounded in the drive-by shooting.",
        [("injured", 2, 2, {"qualifier": "implicit"})],
        [],
    ),
]

NON_COUNT_ROWS = [
    "The shooting happened at 6 p.m. in the 4800 block of South Street.",
    "Police said more than 70 shots were fired from a .45-caliber handgun.",
    "He is facing four counts of attempted murder and is held on a $400,000 bond.",
    "Call police at 555-1234 with information about the shooting.",
    "It was the second shooting in the neighborhood this month.",
    "Two men entered the store and demanded money from the clerk.",
]


@pytest.mark.parametrize("text,expected,absent", COUNT_ROWS, ids=[r[0][:50] for r in COUNT_ROWS])
def test_count_claims(text, expected, absent):
    claims = claims_of(text)
    for event, low, high, checks in expected:
        matches = find_count(claims, event, low, high)
        assert matches, f"missing {event} {low}-{high} in {[(c.event, c.min, c.max, c.text) for c in counts(claims)]}"
        claim = matches[0]
        assert text[claim.start : claim.end] == claim.text, "span offsets must point at the claim text"
        if "qualifier" in checks:
            assert claim.qualifier == checks["qualifier"]
        if "subject_class" in checks:
            assert claim.subject_class == checks["subject_class"]
        if "type" in checks:
            assert claim.attribution.type == checks["type"]
        if "source" in checks:
            assert checks["source"] in claim.attribution.source
        if checks.get("derived"):
            assert len(claim.parts) == 2
        if checks.get("perpetrator"):
            assert any(c.perpetrator for c in matches)
        if checks.get("hedged"):
            assert claim.hedge
    values = {c.min for c in counts(claims)} | {c.max for c in counts(claims)}
    for value in absent:
        assert value not in values, f"{value} must not be read as a count"


@pytest.mark.parametrize("text", NON_COUNT_ROWS)
def test_numbers_that_are_not_tolls(text):
    assert counts(claims_of(text)) == []


def test_counts_in_headline_title():
    claims = claims_of("Police said the victims were taken to a hospital.", title="4 shot, 1 killed in Stockton park")
    assert find_count(claims, "shot", 4, 4) and find_count(claims, "killed", 1, 1)
    assert all(c.field == "title" for c in counts(claims))


@pytest.mark.parametrize(
    "text",
    [
        "Police said the 2009 attack at the club killed 13 people.",
        "So far this year, 25 people have been killed in the city, police said.",
        "The region was a stronghold of rebels during a five-year civil war in the 1990s that claimed tens of thousands of lives.",
    ],
)
def test_tolls_of_other_events_are_background(text):
    claims = claims_of(text, published="2014-02-11")
    assert counts(claims) == []
    assert all(c.background_reason for c in counts(claims, include_background=True))


def test_pronoun_source_resolves_to_previous_sentence():
    claims = claims_of("A statement from the Interior Ministry described the raid. It said 14 militants were killed.")
    [claim] = find_count(claims, "killed", 14, 14)
    assert claim.attribution.type == "official"
    assert "Interior Ministry" in claim.attribution.source


def test_unattributed_figure_is_the_reporter_voice():
    [claim] = find_count(claims_of("Two people were killed in the crash."), "killed", 2, 2)
    assert claim.attribution.type == "reporter"


DATE_ROWS = [
    # text, publication date, expression, resolved date (or range start, end), about
    (
        "Fighting erupted Tuesday in an autonomous region of Tajikistan.",
        "2012-07-24",
        "Tuesday",
        "2012-07-24",
        "incident",
    ),
    ("A man was shot Monday night in Englewood.", "2014-02-11", "Monday night", "2014-02-10", "incident"),
    ("They are scheduled to appear in bond court Sunday, police said.", "2016-11-19", "Sunday", "2016-11-20", "court"),
    ("The shooting occurred Feb. 6 at a home on 11th Street.", "2014-05-16", "Feb. 6", "2014-02-06", "incident"),
    ("The shooting occurred Dec. 28 outside a bar.", "2015-01-03", "Dec. 28", "2014-12-28", "incident"),
    ("The victim died last Tuesday at a hospital.", "2012-07-31", "last Tuesday", "2012-07-24", "death"),
    ("He was arrested yesterday near the border.", "2014-02-11", "yesterday", "2014-02-10", "arrest"),
    (
        "The hearing was held Tuesday, July 25, 2012, in Dushanbe.",
        "2012-07-30",
        "Tuesday, July 25, 2012",
        "2012-07-25",
        "court",
    ),
]


@pytest.mark.parametrize("text,published,expression,expected,about", DATE_ROWS, ids=[r[0][:40] for r in DATE_ROWS])
def test_date_claims(text, published, expression, expected, about):
    dates = [c for c in claims_of(text, published=published) if isinstance(c, DateClaim)]
    match = [d for d in dates if expression in d.expression]
    assert match, f"no date claim for {expression!r}: {[d.expression for d in dates]}"
    claim = match[0]
    assert claim.date == dt.date.fromisoformat(expected)
    assert claim.about == about
    assert text[claim.start : claim.end] == claim.text


def test_stated_date_keeps_the_weekday_for_checking():
    [claim] = [
        c for c in claims_of("The hearing was held Tuesday, July 25, 2012.", "2012-07-30") if isinstance(c, DateClaim)
    ]
    assert claim.weekday == "Tuesday" and claim.stated_date == dt.date(2012, 7, 25)


def test_relative_dates_without_publication_date_stay_unresolved():
    [claim] = [
        c for c in claims_of("Fighting erupted Tuesday in the region.", published=None) if isinstance(c, DateClaim)
    ]
    assert claim.date is None and claim.resolution == "unresolved"


def test_year_and_decade_are_ranges():
    dates = [
        c
        for c in claims_of("The country gained independence in 1991 and fought a war in the 1990s.")
        if isinstance(c, DateClaim)
    ]
    years = {(d.granularity, d.range_start.isoformat(), d.range_end.isoformat()) for d in dates}
    assert ("year", "1991-01-01", "1991-12-31") in years
    assert ("decade", "1990-01-01", "1999-12-31") in years


def test_names_titles_and_ages():
    claims = claims_of(
        "The violence stemmed from the death of Maj. Gen. Abdullo Nazarov, head of the regional branch. "
        "Nazarov, 56, was stabbed. Residents of Gorno-Badakshan were cut off."
    )
    names = [c for c in claims if isinstance(c, NameClaim)]
    full = [n for n in names if n.name == "Abdullo Nazarov"]
    assert full and full[0].title == "major general" and full[0].entity_type == "person"
    short = [n for n in names if n.name == "Nazarov"]
    assert short and short[0].age == 56 and short[0].person_key == full[0].person_key
    assert any(n.name == "Gorno-Badakshan" for n in names)


def test_an_age_limit_is_not_a_count():
    claims = claims_of("He is the fourth child under the age of 8 to be shot on the South Side this month.")
    assert not [c for c in counts(claims, include_background=True) if c.min == 8]


def test_ages_listed_after_the_people_are_not_counts():
    claims = claims_of(
        "Three women, ages 21, 32 and 49, and two men, 30 and 42, were injured in the shooting, police said."
    )
    values = {c.min for c in counts(claims, include_background=True)}
    assert not values & {21, 32, 49, 30, 42}, values
    assert 3 in values
