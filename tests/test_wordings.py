"""How news words tolls, dates, titles and figures, one row per wording, each with the claim a careful
reader takes from it (issue "Read what the copy says").

Every sentence is written for this table in the pattern the wording follows in real copy; none is
taken from the evaluation data. Rows name what must be read and, where a misreading is the risk, what
must not be.
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


def described(claims) -> list[tuple]:
    return [(c.event, c.min, c.max, c.text, c.partitive, c.parts, c.derived_from) for c in counts(claims)]


# (id, text, title, expected [(event, min, max, checks)], absent [(event, min, max)])
# checks: "derived" (a total of parts), "worked_out" (derived_from other claims), "whole" (not a subset),
# "part" (a part of a stated total), "attacker" (the count is of the attacker), "source" (words of the source).
COUNT_ROWS = [
    (
        "shot-expected-to-recover",
        "Three men who were shot outside a bar late Friday are expected to recover, police said.",
        None,
        [("shot", 3, 3, {}), ("injured", 3, 3, {"worked_out": True})],
        [],
    ),
    (
        "shot-overnight-survived",
        "Two shot near a west side park overnight; both were treated and released.",
        None,
        [("injured", 2, 2, {"worked_out": True})],
        [],
    ),
    ("shot-outcome-unknown", "Two shot near a park on the west side.", None, [("shot", 2, 2, {})], [("injured", 2, 2)]),
    (
        "headline-shot-one-fatally",
        "Police have not named the victims.",
        "Three shot, one fatally, outside nightclub",
        [("shot", 3, 3, {}), ("killed", 1, 1, {}), ("injured", 2, 2, {"worked_out": True})],
        [],
    ),
    (
        "wounded-two-mortally",
        "A brawl outside a dance hall left six people wounded -- two mortally, authorities said.",
        None,
        [("shot", 6, 6, {}), ("killed", 2, 2, {}), ("injured", 4, 4, {"worked_out": True})],
        [("injured", 6, 6)],
    ),
    (
        "found-shot-to-death",
        "A woman was found shot to death inside her car on Elm Street.",
        None,
        [("killed", 1, 1, {"implicit": True})],
        [],
    ),
    ("pronounced-dead", "Two passengers were pronounced dead at the scene.", None, [("killed", 2, 2, {})], []),
    (
        "claimed-the-life-of",
        "The blaze claimed the life of a retired teacher.",
        None,
        [("killed", 1, 1, {"implicit": True})],
        [],
    ),
    ("claimed-the-lives-of", "The avalanche claimed the lives of four climbers.", None, [("killed", 4, 4, {})], []),
    (
        "fatally-shoots-self",
        "The state wildlife agency is investigating.",
        "Hunter fatally shoots self in tree stand accident",
        [("killed", 1, 1, {"implicit": True})],
        [("injured", 1, 1)],
    ),
    (
        "murder-suicide-leaves-two-dead",
        "The coroner identified both.",
        "Murder-suicide leaves 2 dead in Maple Grove home",
        [("killed", 2, 2, {}), ("killed", 1, 1, {"attacker": True, "part": True})],
        [("killed", 3, 3)],
    ),
    (
        "double-fatal-shooting",
        "Detectives are investigating a double fatal shooting on Route 5.",
        None,
        [("killed", 2, 2, {})],
        [("killed", 1, 1)],
    ),
    (
        "killed-partner-then-himself",
        "Police say a man killed his girlfriend before turning the gun on himself.",
        None,
        [("killed", 1, 1, {"attacker": True}), ("killed", 2, 2, {"derived": True})],
        [],
    ),
    (
        "shoots-neighbours-killing-some-then-himself",
        "A retiree shoots four neighbors, killing two, then himself.",
        None,
        [("shot", 4, 4, {}), ("killed", 3, 3, {"derived": True}), ("injured", 2, 2, {"worked_out": True})],
        [],
    ),
    (
        "listed-victims-wounded",
        "A man, his daughter and a neighbor were wounded.",
        None,
        [("injured", 3, 3, {"implicit": True})],
        [],
    ),
    (
        "others-beside-the-dead",
        "One man was killed and three others were wounded.",
        None,
        [("killed", 1, 1, {}), ("injured", 3, 3, {"whole": True})],
        [],
    ),
    (
        "others-beside-the-dead-next-sentence",
        "The crash claimed the life of a bus driver. Four others were injured.",
        None,
        [("killed", 1, 1, {"implicit": True}), ("injured", 4, 4, {"whole": True})],
        [],
    ),
    (
        "others-beside-the-wounded",
        "A woman was wounded by gunfire. Two others were hurt by flying glass.",
        None,
        [("injured", 3, 3, {"derived": True})],
        [],
    ),
    (
        "caption-figures-side-by-side",
        "The firefighters said the van rolled over.",
        "2 OF 5 3 HURT IN CRASH",
        [("injured", 3, 3, {})],
        [("injured", 8, 8), ("injured", 15, 15)],
    ),
    (
        "age-range-not-a-count",
        "Five teenagers, aged 15-18, were hurt.",
        None,
        [("injured", 5, 5, {})],
        [("injured", 33, 33)],
    ),
    (
        "headline-one-dead-four-hurt",
        "Troopers closed the road for hours.",
        "One dead, four hurt in highway pileup",
        [("killed", 1, 1, {}), ("injured", 4, 4, {})],
        [("injured", 1, 1)],
    ),
    ("intended-toll", "Prosecutors said he planned to kill dozens of shoppers.", None, [], [("killed", 24, 99)]),
    ("threatened-toll", "The gunman threatened to kill two hostages.", None, [], [("killed", 2, 2)]),
    (
        "gunman-shot-dead-people",
        "A gunman shot dead up to 15 people at a wedding.",
        None,
        [("killed", None, 15, {})],
        [("killed", 1, 1)],
    ),
    ("no-plural-noun-is-zero", "No students were hurt.", None, [("injured", 0, 0, {})], []),
    (
        "dateline-en-dash",
        "MAPLETON – A man was shot and wounded late Tuesday, police said.",
        None,
        [("injured", 1, 1, {"implicit": True, "source": "police"})],
        [],
    ),
    (
        "dateline-with-outlet",
        "GREENVILLE, Ore. (KXYZ) — Two people were hurt in a crash, troopers said.",
        None,
        [("injured", 2, 2, {"source": "troopers"})],
        [],
    ),
    (
        "toll-as-a-change",
        "The number of dead rose to 23 on Monday, the health ministry said.",
        None,
        [("killed", 23, 23, {"source": "health ministry"})],
        [],
    ),
    (
        "toll-climbed",
        "The toll climbed to 17 on Friday, the interior ministry said.",
        None,
        [("killed", 17, 17, {"source": "interior ministry"})],
        [],
    ),
    (
        "breakdown-of-a-total",
        "Of the 40 rescued, 25 were women and 20 were children.",
        None,
        [("other", 40, 40, {}), ("other", 25, 25, {"part": True}), ("other", 20, 20, {"part": True})],
        [],
    ),
    (
        "headline-verb-tagged-as-noun",
        "Police are searching for the car.",
        "Drive-by shooting kills 3, injures 5",
        [("killed", 3, 3, {}), ("injured", 5, 5, {})],
        [],
    ),
    (
        "headline-list-without-and",
        "Neighbors called police after hearing shots.",
        "Mother, son found dead in lakeside home",
        [("killed", 2, 2, {"implicit": True})],
        [],
    ),
    (
        "killed-listed-then-himself",
        "Deputies said the boy's uncle had a long record.",
        "Deputies: man killed nephew, sister, himself",
        [("killed", 3, 3, {"derived": True})],
        [],
    ),
    (
        "second-victim-died",
        "A second hiker has died after the rockfall.",
        None,
        [("killed", 2, 2, {"implicit": True})],
        [],
    ),
    (
        "struck-by-a-stray-bullet",
        "A girl was struck by a stray bullet while she slept, police said.",
        None,
        [("injured", 1, 1, {"implicit": True})],
        [],
    ),
    (
        "headline-injured-without-auxiliary",
        "Doctors expect a full recovery.",
        "Teen injured in hunting accident",
        [("injured", 1, 1, {"implicit": True})],
        [],
    ),
    ("lost-their-lives", "Eleven miners lost their lives in the explosion.", None, [("killed", 11, 11, {})], []),
    ("perished", "Six hikers perished in the avalanche.", None, [("killed", 6, 6, {})], []),
    ("were-hurt", "Nine passengers were hurt when the train derailed.", None, [("injured", 9, 9, {})], []),
    ("were-trapped", "Twelve workers were trapped in the tunnel.", None, [("missing", 12, 12, {})], []),
    (
        "died-in-villages",
        "Fourteen people died in outlying villages, the governor said.",
        None,
        [("killed", 14, 14, {"source": "governor"})],
        [],
    ),
]


@pytest.mark.parametrize("row_id,text,title,expected,absent", COUNT_ROWS, ids=[r[0] for r in COUNT_ROWS])
def test_count_wordings(row_id, text, title, expected, absent):
    claims = claims_of(text, title=title)
    found = counts(claims)
    for event, low, high, checks in expected:
        matches = [c for c in found if c.event == event and c.min == low and c.max == high]
        if checks.get("attacker"):
            matches = [c for c in matches if c.perpetrator]
        assert matches, f"{row_id}: no {event} {low}-{high} in {described(claims)}"
        claim = matches[-1] if checks.get("derived") or checks.get("worked_out") else matches[0]
        field_text = title if claim.field == "title" else text
        assert field_text is not None and field_text[claim.start : claim.end] == claim.text
        if checks.get("derived"):
            assert len(claim.parts) >= 2, described(claims)
        if checks.get("worked_out"):
            assert any(c.derived_from for c in matches), described(claims)
        if checks.get("implicit"):
            assert claim.implicit
        if checks.get("whole"):
            assert not claim.partitive, described(claims)
        if checks.get("part"):
            assert claim.total_of is not None, described(claims)
        if "source" in checks:
            assert checks["source"] in claim.attribution.source, claim.attribution
    for event, low, high in absent:
        wrong = [c for c in found if c.event == event and c.min == low and c.max == high and not c.perpetrator]
        assert not wrong, f"{row_id}: {event} {low}-{high} must not be read: {described(claims)}"


@pytest.mark.parametrize(
    "text",
    [
        "At least nine people were killed and 20 wounded in separate shootings on the South Side.",
        "Three crashes on the interstate killed four people.",
        "Seven people were hurt in weekend stabbings downtown.",
    ],
)
def test_tally_over_several_events_is_background(text):
    tallies = [c for c in claims_of(text) if isinstance(c, CountClaim)]
    assert tallies and all(c.background for c in tallies)
    assert all("several events" in (c.background_reason or "") for c in tallies), tallies


def test_one_event_in_plural_is_no_tally():
    [claim] = counts(claims_of("Two people were killed in the shootings at the mall."))
    assert claim.event == "killed" and claim.min == 2


def test_others_without_a_group_before_stay_a_subset():
    [claim] = counts(claims_of("Three others were hurt, according to the fire department."))
    assert claim.partitive and claim.event == "injured"


# --- dates ------------------------------------------------------------------------------------------


DATE_ROWS = [
    # text, published, expression, date, about, event
    ("The storm hit on Thursday evening.", "2015-03-14", "Thursday evening", "2015-03-12", "incident", "storm"),
    ("The earthquake struck early Monday.", "2015-03-14", "early Monday", "2015-03-09", "incident", "quake"),
    ("A blaze broke out at the warehouse on Tuesday.", "2015-03-14", "Tuesday", "2015-03-10", "incident", None),
    ("Flooding swept through the valley on Wednesday.", "2015-03-14", "Wednesday", "2015-03-11", "incident", "flood"),
    ("Officials said Thursday that the fire was under control.", "2015-03-14", "Thursday", "2015-03-12", "other", None),
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
