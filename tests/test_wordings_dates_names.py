"""How news words dates, titles and figures, one row per wording, with the claim a careful reader takes
from it (issue "Read what the copy says"; counts are in test_wordings_counts.py).

Every sentence is written for this table in the pattern the wording follows in real copy; none is
taken from the evaluation data.
"""

from __future__ import annotations

import datetime as dt

import pytest

from checker.extract import extract_article
from checker.lexicon.calendar import WEEKDAYS
from checker.nlp.sentences import parse_articles
from checker.records import Article, CountClaim, DateClaim, NameClaim, QuantityClaim


def claims_of(text: str, published: str = "2015-03-11", title: str | None = None) -> list:
    article = Article(id="w", path="w.md", text=text, title=title, published=dt.date.fromisoformat(published))
    [(parsed_article, parsed)] = list(parse_articles([article]))
    return list(extract_article(parsed_article, parsed))


def counts(claims) -> list[CountClaim]:
    return [c for c in claims if isinstance(c, CountClaim) and not c.background]


# --- dates ------------------------------------------------------------------------------------------


DATE_ROWS = [
    # text, published, expression, date, about, event
    ("The storm hit on Thursday evening.", "2015-03-14", "Thursday evening", "2015-03-12", "incident", "storm"),
    ("The earthquake struck early Monday.", "2015-03-14", "early Monday", "2015-03-09", "incident", "quake"),
    ("A blaze broke out at the warehouse on Tuesday.", "2015-03-14", "Tuesday", "2015-03-10", "incident", None),
    ("Flooding swept through the valley on Wednesday.", "2015-03-14", "Wednesday", "2015-03-11", "incident", "flood"),
    ("Officials said Thursday that the fire was under control.", "2015-03-14", "Thursday", "2015-03-12", "other", None),
    # a date between the subject's relative clause and the main verb dates the clause, not the main verb
    (
        "The man who was stabbed outside a bar on Friday has died, police said.",
        "2015-03-16",
        "on Friday",
        "2015-03-13",
        "incident",
        "stabbing:man",
    ),
    ("The man who was stabbed on Friday died on Sunday.", "2015-03-16", "on Sunday", "2015-03-15", "death", None),
    ("On Friday, the man who was stabbed died.", "2015-03-16", "On Friday", "2015-03-13", "death", None),
]


@pytest.mark.parametrize(
    "text,published,expression,expected,about,event", DATE_ROWS, ids=[r[0][:40] for r in DATE_ROWS]
)
def test_date_wordings(text, published, expression, expected, about, event):
    dates = [c for c in claims_of(text, published=published) if isinstance(c, DateClaim)]
    [claim] = [d for d in dates if expression in d.expression]
    assert claim.date == dt.date.fromisoformat(expected)
    assert claim.about == about
    if event is not None:
        assert claim.event == event


_TENSE_FRAMES = [
    ("past", "A cyclist was hurt in a crash {}."),
    ("past", "A teen is recovering after an accidental shooting {}."),
    ("past", "Neighbors are still cleaning up after the storm {} night."),
    ("future", "The driver will appear in court {}."),
    ("future", "A vigil is planned for {}."),
]


@pytest.mark.parametrize("published_weekday", range(7), ids=[w[:3] for w in WEEKDAYS])
def test_weekdays_resolve_to_the_week_the_tense_points_at(published_weekday):
    """Every publication weekday x every weekday word x tense: past copy names a day of the last seven,
    future copy one of the next seven, and the day is always the weekday named."""
    published = dt.date(2015, 3, 9) + dt.timedelta(days=published_weekday)  # 2015-03-09 was a Monday
    cases = [(tense, frame.format(day.capitalize()), day) for tense, frame in _TENSE_FRAMES for day in WEEKDAYS]
    articles = [
        Article(id=str(k), path=f"{k}.md", text=text, published=published) for k, (_, text, _) in enumerate(cases)
    ]
    wrong = []
    for (tense, text, day), (parsed_article, parsed) in zip(cases, parse_articles(articles)):
        [claim] = [c for c in extract_article(parsed_article, parsed) if isinstance(c, DateClaim)]
        assert claim.date is not None
        delta = (claim.date - published).days
        in_week = -6 <= delta <= 0 if tense == "past" else 0 <= delta <= 6
        if not in_week or WEEKDAYS[claim.date.weekday()] != day:
            wrong.append((text, str(published), str(claim.date)))
    assert not wrong, wrong


# --- names and titles ---------------------------------------------------------------------------------


NAME_ROWS = [
    # text, name, title
    ("Capt. Rosa Delgado said the fire started in the kitchen.", "Rosa Delgado", "captain"),
    ("Police Capt. Rosa Delgado said two people were hurt.", "Rosa Delgado", "captain"),
    ("Mayor Pete Arnaud said the town would rebuild.", "Pete Arnaud", "mayor"),
    ("Gov. Lena Marsh declared a state of emergency.", "Lena Marsh", "governor"),
    ("Fire Chief Omar Hale said crews arrived within minutes.", "Omar Hale", "fire chief"),
    ("Station commander Yusuf Adem said 12 people were rescued.", "Yusuf Adem", "station commander"),
    ("Sgt. Carla Voss of the state police said one man died.", "Carla Voss", "sergeant"),
    ("Deputy Chief Ray Burns said four officers were hurt.", "Ray Burns", "deputy chief"),
]


@pytest.mark.parametrize("text,name,title", NAME_ROWS, ids=[r[1] + "-" + r[2] for r in NAME_ROWS])
def test_titles_are_titles_not_names(text, name, title):
    names = [c for c in claims_of(text) if isinstance(c, NameClaim)]
    person = [n for n in names if n.name == name]
    assert person and person[0].title == title, [(n.name, n.title) for n in names]
    title_words = set(title.split()) | {"capt", "gov", "police", "sgt"}
    assert not [n for n in names if set(n.name.lower().rstrip(".").split()) <= title_words], "a title read as a name"


def test_source_is_printed_without_the_age():
    [claim] = counts(claims_of("Maria Lopes, 52, said three people were killed."))
    assert claim.attribution.source == "Maria Lopes"


def test_rank_makes_a_source_official():
    [claim] = counts(claims_of("Lt. Col. Sam Ode said 14 militants were killed."))
    assert claim.attribution.type == "official"


# --- figures ------------------------------------------------------------------------------------------


FIGURE_ROWS = [
    # text, unit, min, max
    ("Less than 10% of the residents were evacuated.", "percent", None, 9),
    ("More than a third of the residents were evacuated.", "percent", 34, None),
    ("Two-thirds of the village was flooded.", "percent", 66, 67),
    ("Half the homes on the street were destroyed.", "percent", 50, 50),
    ("It was the company's second recall this year.", "recall (ordinal)", 2, 2),
    ("It was the carmaker's first recall.", "recall (ordinal)", 1, 1),
    ("She finished seventh in the final.", "place (ordinal)", 7, 7),
    ("The rescue took five hours.", "hour", 5, 5),
]


@pytest.mark.parametrize("text,unit,low,high", FIGURE_ROWS, ids=[r[0][:40] for r in FIGURE_ROWS])
def test_figures_have_a_comparable_unit_and_range(text, unit, low, high):
    figures = [c for c in claims_of(text) if isinstance(c, QuantityClaim)]
    assert [(f.unit, f.min, f.max) for f in figures] == [(unit, low, high)]


@pytest.mark.parametrize(
    "text",
    [
        "She spent half an hour at the scene.",
        "First responders arrived within minutes.",
        "He faces a first-degree charge.",
    ],
)
def test_words_that_look_like_figures_are_not(text):
    figures = [c for c in claims_of(text) if isinstance(c, QuantityClaim)]
    assert not [f for f in figures if f.unit == "percent" or f.unit.endswith("(ordinal)")], figures
