"""checker: a fact-consistency checker for news articles."""

__version__ = "0.1.0"

# Where the project is published; rule documentation (docs/rules.md, one section per rule) is
# linked from SARIF (``helpUri``) and reports. Change it here when the repository moves.
REPOSITORY_URL = "https://example.invalid/newsroom/checker"
RULES_DOCS_URL = f"{REPOSITORY_URL}/docs/rules.md"
