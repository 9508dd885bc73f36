"""Word lists the extractors share: event words, person nouns, source kinds, hedges.

Kept as data in one place so that a reviewer can read what the extractor knows
without reading the parsing code.
"""

from __future__ import annotations

# Event vocabulary. Verbs/adjectives/nouns (lemmas) that say what happened to the people counted.
EVENT_WORDS: dict[str, str] = {
    # killed
    "kill": "killed", "killed": "killed", "die": "killed", "died": "killed", "dead": "killed", "slay": "killed",
    "slain": "killed", "murder": "killed", "murdered": "killed", "perish": "killed",
    "death": "killed", "fatality": "killed", "fatally": "killed", "deceased": "killed", "behead": "killed",
    "massacre": "killed", "massacred": "killed", "assassinate": "killed", "homicide": "killed",
    # injured
    "injure": "injured", "injured": "injured", "wound": "injured", "wounded": "injured", "hurt": "injured",
    "hospitalize": "injured", "hospitalized": "injured", "injury": "injured", "maim": "injured",
    # shot (hit by gunfire, fatally or not)
    "shoot": "shot", "shot": "shot", "gun": "shot",
    # arrested
    "arrest": "arrested", "arrested": "arrested", "detain": "arrested", "detained": "arrested",
    "apprehend": "arrested", "custody": "arrested", "book": "arrested", "booked": "arrested", "jail": "arrested",
    "jailed": "arrested", "nab": "arrested",
    # missing
    "missing": "missing", "unaccounted": "missing", "disappear": "missing", "abduct": "missing",
    "kidnap": "missing",
    # casualties (dead and wounded together, or either)
    "casualty": "casualties",
    # other events that happen to people
    "evacuate": "other", "displace": "other", "rescue": "other", "stab": "other", "stabbed": "other",
    "hostage": "other",
}

# Nouns that name the event itself when counted: "17 deaths", "two arrests".
EVENT_NOUNS: dict[str, str] = {
    "death": "killed", "fatality": "killed", "homicide": "killed", "murder": "killed", "body": "killed",
    "killing": "killed", "slaying": "killed",
    "injury": "injured", "casualty": "casualties", "arrest": "arrested",
}

EVENT_PRIORITY = {"killed": 5, "injured": 4, "shot": 3, "arrested": 2, "missing": 2, "casualties": 1, "other": 0}

# Words that may stand between a counted noun phrase and its event word ("were reportedly killed").
BRIDGE_WORDS = {
    "be", "have", "get", "also", "later", "reportedly", "allegedly", "apparently", "all", "both", "each",
    "critically", "seriously", "gravely", "badly", "fatally", "mortally", "severely", "slightly", "then",
    "just", "since", "so", "far", "now", "still", "initially", "eventually", "ultimately", "subsequently",
    "believe", "report", "say", "confirm", "feared", "presumed", "found", "find", "left", "leave", "remain",
    "reported", "said", "confirmed", "thought", "known", "to",
}

# Nouns counted as people; "others", "people" and the like are generic.
PERSON_NOUNS = {
    "man", "woman", "men", "women", "boy", "girl", "teen", "teenager", "child", "kid", "baby", "infant",
    "toddler", "person", "people", "victim", "student", "officer", "deputy", "trooper", "resident", "father",
    "mother", "son", "daughter", "brother", "sister", "husband", "wife", "grandson", "granddaughter",
    "grandmother", "grandfather", "friend", "driver", "passenger", "customer", "clerk", "employee", "worker",
    "suspect", "gunman", "shooter", "robber", "youth", "juvenile", "male", "female", "adult", "neighbor",
    "neighbour", "soldier", "guard", "pedestrian", "bystander", "cousin", "uncle", "aunt", "nephew", "niece",
    "girlfriend", "boyfriend", "roommate", "owner", "homeowner", "civilian", "fighter", "militant", "rebel",
    "insurgent", "policeman", "policemen", "agent", "patron", "guest", "attendee", "worshipper", "teacher",
    "pupil", "other", "individual", "member", "relative", "couple", "partner", "occupant", "inmate", "prisoner",
    "security", "serviceman", "troop", "militiaman", "protester", "demonstrator", "miner", "tourist",
    "hostage", "survivor", "assailant", "attacker", "killer", "perpetrator", "bomber", "sniper", "gunmen",
    "spouse", "mom", "dad", "stepfather", "stepmother", "stepson", "stepdaughter", "fiance", "fiancee",
    "old", "year-old", "citizen", "villager", "official", "commander", "general", "colonel", "sergeant",
    "journalist", "reporter", "firefighter", "paramedic", "nurse", "doctor", "pastor", "priest",
}

# Subject classes: two counts are about the same fact only if their subjects are of one class.
SUBJECT_CLASSES: dict[str, str] = {
    "people": "people", "person": "people", "victim": "people", "individual": "people", "other": "people",
    "casualty": "people", "body": "people", "dead": "people", "death": "people", "fatality": "people",
    "injury": "people", "arrest": "people", "wounded": "people", "injured": "people",
    "soldier": "soldiers", "troop": "soldiers", "serviceman": "soldiers", "servicemember": "soldiers",
    "service member": "soldiers", "army": "soldiers", "marine": "soldiers",
    "officer": "police", "policeman": "police", "policemen": "police", "police": "police", "deputy": "police",
    "trooper": "police", "agent": "police", "guard": "police",
    "fighter": "fighters", "militant": "fighters", "rebel": "fighters", "insurgent": "fighters",
    "gunman": "attackers", "gunmen": "attackers", "attacker": "attackers", "assailant": "attackers",
    "shooter": "attackers", "militiaman": "fighters",
    "suspect": "suspects", "man": "men", "men": "men", "woman": "women", "women": "women",
    "child": "children", "kid": "children", "boy": "children", "girl": "children", "student": "students",
    "teen": "teens", "teenager": "teens", "youth": "teens", "juvenile": "teens", "civilian": "civilians",
}

PERPETRATOR_NOUNS = {"gunman", "shooter", "attacker", "assailant", "killer", "perpetrator", "bomber", "sniper"}

# Things and animals that can be "shot" or "hit" but are not people (never counted as victims).
NOT_VICTIMS = {
    "car", "vehicle", "truck", "house", "home", "window", "building", "door", "wall", "dog", "cat", "deer", "bear",
    "animal", "horse", "tire", "store", "business", "apartment", "round", "shot", "gun", "weapon", "video",
    "film", "photo", "picture", "game", "ball", "goal", "bill", "plan", "proposal", "idea", "deal", "season",
    "shooting", "incident", "case", "investigation", "report", "story", "scene", "area", "street", "road",
}

# Units after a number that say it is not a count of people.
NON_PERSON_UNITS = {
    "year", "month", "week", "day", "hour", "minute", "second", "decade", "century", "time", "times",
    "a.m.", "p.m.", "am", "pm", "percent", "%", "shot", "shots", "round", "rounds", "bullet", "bullets",
    "casing", "casings", "mile", "miles", "foot", "feet", "yard", "yards", "block", "blocks", "count",
    "counts", "charge", "charges", "dollar", "dollars", "cent", "cents", "point", "points", "mph", "degree",
    "degrees", "pound", "pounds", "gram", "grams", "kilogram", "kilograms", "caliber", "calibre", "mm",
    "millimeter", "inch", "inches", "meter", "meters", "metre", "metres", "kilometer", "kilometers", "car",
    "cars", "vehicle", "vehicles", "gun", "guns", "weapon", "weapons", "handgun", "rifle", "rifles", "story",
    "stories", "floor", "floors", "game", "games", "goal", "goals", "page", "pages", "acre", "acres",
    "house", "houses", "home", "homes", "building", "buildings", "round", "magazine", "magazines", "cartridge",
    "gallon", "gallons", "ton", "tons", "calls", "call", "case", "cases", "incident", "incidents", "shooting",
    "shootings", "attack", "attacks", "bond", "bail", "million", "billion", "grade", "th", "st", "nd", "rd",
    "season", "seasons", "term", "terms", "sentence", "months", "km", "square", "door", "doors", "window",
    "windows", "room", "rooms", "warrant", "warrants", "search", "searches",
}

# Speech and report verbs that introduce who gives a figure.
SPEECH_VERBS = {
    "say", "tell", "report", "confirm", "state", "announce", "add", "note", "explain", "estimate", "claim",
    "allege", "count", "insist", "indicate", "write", "post", "tweet", "reveal", "declare", "put", "quote",
    "believe", "describe", "testify", "stress", "warn", "disclose", "acknowledge", "list", "record", "show",
}

# Source kinds, matched against the lemmas of the source phrase (first match by priority).
SOURCE_TYPES: list[tuple[str, set[str]]] = [
    ("media", {
        "news", "agency", "newspaper", "media", "television", "tv", "radio", "reporter", "journalist",
        "outlet", "press", "broadcaster", "channel", "times", "post", "tribune", "herald", "gazette", "wire",
        "daily", "journal", "sun", "abc", "cbs", "nbc", "cnn", "fox", "bbc", "reuters", "ap", "afp", "itar-tass",
        "interfax", "xinhua", "novosti", "ria",
    }),
    ("witness", {
        "resident", "witness", "eyewitness", "neighbor", "neighbour", "bystander", "onlooker", "local",
        "villager", "survivor", "activist", "people", "passerby", "customer", "patron", "worker", "employee",
        "protester", "student", "opposition",
    }),
    ("family", {
        "family", "relative", "mother", "father", "brother", "sister", "son", "daughter", "wife", "husband",
        "cousin", "aunt", "uncle", "grandmother", "grandfather", "friend", "parent", "mom", "dad", "girlfriend",
        "boyfriend", "fiance", "fiancee", "widow", "stepfather", "stepmother", "niece", "nephew",
    }),
    ("unnamed", {"source", "sources", "insider"}),
    ("official", {
        "police", "officer", "sheriff", "deputy", "detective", "trooper", "investigator", "department",
        "authority", "authorities", "official", "officials", "spokesman", "spokeswoman", "spokesperson",
        "ministry", "minister", "government", "service", "committee", "military", "army", "commander", "chief",
        "mayor", "governor", "president", "prosecutor", "attorney", "coroner", "examiner", "hospital", "fire",
        "ems", "paramedic", "statement", "office", "bureau", "fbi", "atf", "agency", "council", "court", "judge",
        "lieutenant", "sergeant", "captain", "sgt.", "lt.", "capt.", "cmdr.", "spokesmen", "patrol", "state",
        "county", "city", "troopers", "sheriffs", "nypd", "lapd", "cpd", "doctor", "surgeon", "physician",
        "ambassador", "embassy", "senator", "congressman", "congresswoman", "representative", "legislator",
        "administration", "general", "colonel", "major", "cabinet", "kremlin", "pentagon", "un",
    }),
]

HEDGE_WORDS = {
    "believe": "believed", "believed": "believed", "estimate": "estimated", "estimated": "estimated",
    "reportedly": "reportedly", "allegedly": "allegedly", "unconfirmed": "unconfirmed", "possibly": "possibly",
    "probably": "probably", "perhaps": "perhaps", "may": "may", "might": "might", "feared": "feared",
    "unverified": "unverified", "presumably": "presumably", "presumed": "presumed", "rumored": "rumored",
}
HEDGE_PHRASES = (
    "could not be independently verified", "could not be verified", "not independently confirmed",
    "could not be confirmed", "not been confirmed", "not been verified",
)
