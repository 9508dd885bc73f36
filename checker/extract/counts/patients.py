"""Who an event happened to: the patient of "was shot", "killed his wife", "the death of a teen", and
whether that patient is one person ("a man", "Garcia", "a 13-year-old") or a group ("a teen and his mother").

The patient role is what makes a word a victim: "a turkey hunter was shot" names a person, "shot the
dog" does not; a singular patient says "at least one", never a toll.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicon.events import EVENT_WORDS, LIFE_VERBS, OCCASION_WORDS, PROJECTILES
from ...lexicon.people import COLLECTIVE_NOUNS, NOT_VICTIMS, PERSON_NOUNS, PLACE_WORDS, REFLEXIVES, SINGULAR_PRONOUNS
from .syntax import conj_root, headline_case, is_title_field

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

__all__ = [
    "conj_group",
    "implicit_subject",
    "life_patient",
    "noun_patient",
    "singular_person",
    "struck_patient",
    "verb_patient",
]


def verb_patient(verb: Token) -> Token | None:
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    passive = verb.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in children)
    if verb.pos_ == "ADJ":  # "was found dead", "is dead"
        head = verb.head
        # "shot dead up to 20 people", "left two dead": the adjective describes the object, not the doer
        subject = next((c for c in head.children if c.dep_ in ("dobj", "obj")), None)
        if subject is None:
            subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return resolve_relative(subject) if subject is not None else None
    if lemma in ("die", "perish"):
        subject = next((c for c in children if c.dep_ == "nsubj"), None)
        if subject is None and verb.dep_ == "conj":
            subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and verb.dep_ == "relcl":
            return verb.head
        return resolve_relative(subject) if subject is not None else None
    obj = next((c for c in children if c.dep_ in ("dobj", "obj")), None)
    if obj is not None and not passive:
        return obj if obj.lower_ not in ("shots", "rounds", "bullets", "gun", "weapon") else None
    if (
        obj is None
        and not passive
        and verb.tag_ in ("VBD", "VBZ")
        and (
            headline_case(verb.sent)
            or is_title_field(verb)
            or any(c.lower_ in ("fatally", "critically", "mortally") for c in children)
        )
    ):
        # headlines drop the auxiliary: "Woman fatally shot in Hazelwood", "Teen shot at mall"
        subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and verb.dep_ in ("csubj", "csubjpass"):
            subject = next((c for c in children if c.dep_ == "nsubj"), None)
        return subject
    if passive:
        subject = next((c for c in children if c.dep_ == "nsubjpass"), None)
        if subject is None:
            # headline parses: "14-year-old killed in accidental shooting" ("old" hangs off the verb)
            subject = next(
                (c for c in children if c.lemma_.lower() == "old" and any("year" in g.lower_ for g in c.subtree)), None
            )
        headline = headline_case(verb.sent) or is_title_field(verb)
        if subject is None and verb.tag_ == "VBN" and (verb.dep_ in ("ccomp", "xcomp", "oprd") or headline):
            # "found a woman shot to death"; headlines drop the auxiliary: "Teen injured in accidental shooting"
            if not any(c.dep_ == "aux" for c in children):
                subject = next((c for c in children if c.dep_ == "nsubj"), None)
        if subject is None and verb.dep_ in ("conj", "xcomp", "oprd"):
            # "was shot and killed", "was found shot to death": the subject of the verb it hangs off
            subject = next((c for c in verb.head.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if subject is None and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return verb.head
        return resolve_relative(subject) if subject is not None else None
    return None


def noun_patient(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
            return child
    return None


def resolve_relative(token: Token | None) -> Token | None:
    if token is None:
        return None
    if token.lower_ in ("who", "that", "whom") and token.head.dep_ == "relcl":
        return token.head.head
    return token


def conj_group(token: Token) -> list[Token]:
    """'a teen and his mother'; in headlines also comma lists parsed as appositions ('wife, son, daughter')."""
    root = conj_root(token)
    group = [root]
    stack = [root]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child.dep_ == "conj" or (
                child.dep_ == "appos"
                and child.tag_ == "NN"
                # "Randolph, the club owner's nephew": a name and its apposition are one person
                and not (node.pos_ == "PROPN" and node.lemma_.lower() not in PERSON_NOUNS)
                and child.lemma_.lower() in PERSON_NOUNS
                and child.lower_ not in ("victim", "suspect")
                and not any(c.dep_ == "det" for c in child.children)
            ):
                if any(c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" for c in child.children):
                    continue  # "toddler killed, adult critically injured": the adult has an outcome of its own
                group.append(child)
                stack.append(child)
    if len(group) > 1 or headline_case(root.sent) or is_title_field(root):
        group += _listed_before(root)  # headlines list without "and": "Father, daughter found dead"
    return sorted(group, key=lambda t: t.i)


def _listed_before(root: Token) -> list[Token]:
    """'A man, his daughter and a neighbor were wounded': the parser may hang the first of a listed group
    off the verb; a person noun just before the list's comma, beside it under one head, is one of them."""
    doc = root.doc
    comma = root.left_edge.i - 1
    if comma - 1 < 0 or doc[comma].text != ",":
        return []
    noun = doc[comma - 1]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() not in PERSON_NOUNS or noun.tag_ not in ("NN", "NNP"):
        return []
    if noun.head.i not in (root.i, root.head.i) or noun.dep_ not in ("npadvmod", "dep", "nsubj", "nsubjpass"):
        return []
    return [noun]


def singular_person(token: Token) -> bool:
    if token.lower_ in SINGULAR_PRONOUNS or (token.lower_ in REFLEXIVES and token.lower_ != "themselves"):
        return True
    headline = headline_case(token.sent) or is_title_field(token)
    lemma = token.lemma_.lower()
    if token.ent_type_ == "PERSON" and token.pos_ == "PROPN" and lemma not in PERSON_NOUNS:
        return True
    if token.pos_ == "PROPN" and token.tag_ == "NNP" and token.is_title and token.ent_type_ == "" and not headline:
        # a named victim the recogniser missed: "LaPrida Shears, 25, was killed" (a multi-word name)
        return lemma not in PLACE_WORDS and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)
    if lemma == "old" and any("year" in c.lower_ for c in token.subtree):
        return True  # "a 13-year-old", "14-year-old killed"
    if token.tag_ not in ("NN", "NNP"):
        return False
    if lemma in ("people", "other", "security", "official") or lemma in NOT_VICTIMS or lemma in COLLECTIVE_NOUNS:
        return False
    if lemma in PERSON_NOUNS or _victim_word(token):
        if any(c.dep_ in ("det", "poss") or c.lower_ in ("a", "an", "the") for c in token.children):
            return True
        # headlines drop articles: "Woman fatally shot in Hazelwood", "Teen shot in head at mall"
        return headline or token.i == token.sent.start
    if lemma == "old" and any("year" in c.lower_ for c in token.subtree):
        return True
    return False


def _victim_word(token: Token) -> bool:
    """A singular common noun that is the one shot or killed names a person ("turkey hunter", "senator",
    "ex-wife") unless it is a thing or an animal; the patient role is what makes it a victim."""
    if token.lemma_.lower() in EVENT_WORDS or token.lemma_.lower() in OCCASION_WORDS:
        return False  # "the death of a teen, an arrest": events are not people
    return (
        token.pos_ in ("NOUN", "PROPN")
        and token.is_alpha is not None
        and token.ent_type_
        not in ("GPE", "LOC", "FAC", "ORG", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PRODUCT", "EVENT")
    )


def implicit_subject(token: Token) -> str:
    """The victim as named ("Garcia", "toddler"): two differently named victims are two people."""
    if token.pos_ == "PROPN" and token.is_title:  # the whole name: "Kadin T. Mann", so "Kadin" can be matched
        names = [c.text for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < token.i]
        return " ".join([*names, token.text])
    if token.lower_ in SINGULAR_PRONOUNS:
        return "person"
    return token.lemma_.lower()


def life_patient(verb: Token) -> Token | None:
    """Whose life a verb took: 'claimed the life of a teen', 'cost him his life', 'lost his life'."""
    lemma = verb.lemma_.lower()
    life = next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.lemma_.lower() == "life"), None)
    if life is None or verb.pos_ != "VERB" or life.tag_ != "NN":
        return None
    if lemma == "lose":
        return resolve_relative(next((c for c in verb.children if c.dep_ == "nsubj"), None))
    if lemma not in LIFE_VERBS:
        return None
    for child in life.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    dative = next((c for c in verb.children if c.dep_ in ("dative", "iobj")), None)
    if dative is not None:
        return dative
    return next((c for c in life.children if c.dep_ == "poss" and c.lower_ not in ("their", "its")), None)


def struck_patient(token: Token) -> Token | None:
    """Who was shot without the verb "shoot": "a teen was struck by shotgun pellets", "hit by a stray bullet";
    and the headline noun "shot" after its victim: "4-month-old baby shot while in mother's arms"."""
    headline = headline_case(token.sent) or is_title_field(token)
    if token.lemma_.lower() in ("strike", "hit") and (token.tag_ == "VBN" or headline and token.tag_ == "VBD"):
        agent = next((c for c in token.children if c.dep_ == "agent" or c.lower_ == "by"), None)
        if agent is None or not any(g.lemma_.lower() in PROJECTILES for g in agent.subtree):
            return None
        subject = next((c for c in token.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        return resolve_relative(subject)
    if token.lower_ == "shot" and token.pos_ == "NOUN" and headline:
        return next((c for c in token.children if c.dep_ == "compound" and c.lemma_.lower() in PERSON_NOUNS), None)
    return None
