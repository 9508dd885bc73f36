"""How news words tolls, one row per wording, each with the claim a careful reader takes from it
(issue "Read what the copy says"; dates, titles and figures are in test_wordings_dates_names.py).

Every sentence is written for this table in the pattern the wording follows in real copy; none is
taken from the evaluation data. Rows name what must be read and, where a misreading is the risk, what
must not be.
"""

from __future__ import annotations

import datetime as dt

import pytest

from checker.extract import extract_article
from checker.nlp.sentences import parse_articles
from checker.records import Article, CountClaim


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
