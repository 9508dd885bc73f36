"""Comparing the right things: facts gather the claims about one fact; people are told apart.

Each test builds real articles and runs the real pipeline (models included).
"""

from __future__ import annotations

from checker.analyse.facts import average_linkage
from checker.extract.people import person_key


def test_average_linkage_does_not_chain():
    """A~B and B~C, but A and C were never paired: B joins one of them, A and C stay apart."""
    similarity = {frozenset(("a", "b")): 0.9, frozenset(("b", "c")): 0.8}
    groups = average_linkage(["a", "b", "c"], similarity, threshold=0.3)
    assert sorted(map(sorted, groups)) == [["a", "b"], ["c"]]
    # with A~C too, one fact
    similarity[frozenset(("a", "c"))] = 0.7
    assert average_linkage(["a", "b", "c"], similarity, threshold=0.3) == [["a", "b", "c"]]


def test_person_keys_keep_suffixes_and_drop_middle_initials():
    assert person_key("Robert Lee Smith Jr.") == person_key("Robert Smith Jr.") != person_key("Robert Smith")
    assert person_key("John A. Smith") == person_key("John Smith")
    assert person_key("Smith") is None


def _rules_fired(checked, rule):
    return [f for f in checked.findings if f.rule == rule]


def test_two_people_sharing_a_surname_are_not_one_person(run_articles):
    text = (
        "John Carter, 19, was charged with murder on Monday, police said.\n\n"
        "His brother, Michael Carter, 23, was charged with helping him hide the gun.\n\n"
        "Carter, 23, appeared in court on Tuesday, prosecutors said."
    )
    checked = run_articles([{"id": "a", "published": "2014-02-11", "source": "KTVB", "text": text}], select=("PER001",))
    assert not _rules_fired(checked, "PER001"), [f.message for f in checked.findings]


def test_a_father_and_son_are_two_people(run_articles):
    text = (
        "David Brown, 17, was shot in the leg outside his home on Friday, police said.\n\n"
        "His father, Brown, 52, said he heard the shots from the kitchen.\n\n"
        "Daniel Brown, 52, told reporters his son would recover."
    )
    checked = run_articles([{"id": "a", "published": "2014-02-11", "source": "KTVB", "text": text}], select=("PER001",))
    assert not _rules_fired(checked, "PER001"), [f.message for f in checked.findings]


def test_one_person_spelled_two_ways_across_articles_has_their_ages_compared(run_articles):
    a = {
        "id": "a",
        "published": "2014-02-11",
        "source": "KTVB",
        "text": "Police said Anna Kowalski, 34, was killed in the crash on Main Street on Monday.",
    }
    b = {
        "id": "b",
        "published": "2014-02-12",
        "source": "Statesman",
        "text": "Anna Kowalsky, 38, died at the scene of the crash on Main Street on Monday, police said.",
    }
    checked = run_articles([a, b], select=("PER",))
    fired = _rules_fired(checked, "PER003")  # two outlets: a disagreement between sources
    assert len(fired) == 1 and "34" in fired[0].message and "38" in fired[0].message


def test_different_first_names_are_never_one_person(run_articles):
    a = {
        "id": "a",
        "published": "2014-02-11",
        "source": "KTVB",
        "text": "Police said Jose Garcia, 34, was killed in the fire on Main Street on Monday.",
    }
    b = {
        "id": "b",
        "published": "2014-02-12",
        "source": "Statesman",
        "text": "Josue Garcia, 61, died in the fire on Main Street on Monday, fire officials said.",
    }
    checked = run_articles([a, b], select=("PER",))
    assert not checked.findings


def test_an_estimate_is_never_a_previous_toll(run_articles):
    """Residents' 'more than 30' then the ministry's 24: a reported disagreement (note), not a lowered toll."""
    a = {
        "id": "a",
        "published": "2012-07-24",
        "source": "AP",
        "text": "Residents said more than 30 people were killed in the fighting in Khorog.",
    }
    b = {
        "id": "b",
        "published": "2012-07-25",
        "source": "Reuters",
        "text": "The interior ministry said 24 people were killed in the fighting in Khorog.",
    }
    checked = run_articles([a, b], select=("CNT",))
    assert {f.rule for f in checked.findings} == {"CNT003"}, [f.message for f in checked.findings]


def test_one_disputed_toll_is_one_finding_per_problem(run_articles):
    """Three reports of one toll, two revisions: one 'rose' note and one 'lowered' warning, naming all figures."""
    specs = [
        {
            "id": "a",
            "published": "2012-07-24",
            "source": "AP",
            "text": "Twelve people were killed in the flooding in Sindh province on Monday, the interior ministry said.",
        },
        {
            "id": "b",
            "published": "2012-07-25",
            "source": "AP",
            "text": "The interior ministry said 20 people were killed in the flooding in Sindh province on Monday.",
        },
        {
            "id": "c",
            "published": "2012-07-26",
            "source": "AP",
            "text": "The interior ministry said 15 people were killed in the flooding in Sindh province on Monday.",
        },
    ]
    checked = run_articles(specs, select=("CNT",))
    assert sorted(f.rule for f in checked.findings) == ["CNT004", "CNT005"], [f.message for f in checked.findings]
    lowered = next(f for f in checked.findings if f.rule == "CNT005")
    assert [e.article_id for e in lowered.evidence] == ["a", "b", "c"]  # the whole timeline, in order
    assert {e.article_id for e in lowered.evidence if e.conflict} == {"b", "c"}


def test_fingerprints_survive_edits_elsewhere_and_fixes_of_other_problems(run_articles):
    base = (
        "Police said two people were killed in the shooting at the mall on Monday.\n\n"
        "Police said four people were killed in the shooting at the mall.\n\n"
        "The mall was closed on Tuesday, July 25, 2012, the manager said.\n\n"
        "Gorno-Badakshan and Gorno-Badakhshan are spelled two ways here."
    )
    spec = {"id": "a", "published": "2014-02-11", "source": "KTVB", "text": base}
    before = {f.rule: f.id for f in run_articles([spec]).findings}
    assert {"CNT001", "DAT001"} <= set(before)
    # an edit to another sentence of the toll's paragraph, and the wrong weekday fixed
    edited = base.replace("at the mall on Monday.", "at the mall on Monday, a spokesman said.")
    edited = edited.replace("Tuesday, July 25, 2012", "Wednesday, July 25, 2012")
    after = {f.rule: f.id for f in run_articles([dict(spec, text=edited)]).findings}
    assert "DAT001" not in after
    assert after["CNT001"] == before["CNT001"]
    assert {r: i for r, i in after.items()} == {r: i for r, i in before.items() if r != "DAT001"}


def _greedy_reference(members, similarity, threshold, apart):
    """Average linkage as first written: every pair of groups compared at every merge (n^3)."""
    groups = [[m] for m in members]
    while len(groups) > 1:
        best = None
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                cross = [
                    None if apart(a, b) else similarity.get(frozenset((a, b))) for a in groups[i] for b in groups[j]
                ]
                if any(s is None for s in cross):
                    continue
                mean = sum(cross) / len(cross)
                if mean >= threshold and (best is None or mean > best[0]):
                    best = (mean, i, j)
        if best is None:
            break
        _, i, j = best
        groups[i] = sorted(groups[i] + groups[j], key=members.index)
        del groups[j]
    return groups


def test_average_linkage_from_a_heap_matches_the_greedy_reference():
    """Random blocks, with ties (similarities in eighths) and pairs kept apart: the same groups, in the same order."""
    import random

    rng = random.Random(7)
    for _ in range(400):
        members = [f"c{i}" for i in range(rng.randint(1, 12))]
        rng.shuffle(members)
        exact = rng.random() < 0.5
        similarity = {
            frozenset((a, b)): (rng.randint(0, 8) / 8 if exact else rng.random())
            for i, a in enumerate(members)
            for b in members[i + 1 :]
            if rng.random() < 0.7
        }
        kept_apart = {key for key in similarity if rng.random() < 0.05}

        def apart(a, b, kept_apart=kept_apart):
            return frozenset((a, b)) in kept_apart

        threshold = rng.choice([0.3, 0.45, 0.5, 0.7])
        assert average_linkage(members, similarity, threshold, apart) == _greedy_reference(
            members, similarity, threshold, apart
        )
