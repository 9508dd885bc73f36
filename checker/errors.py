"""One error type with stable codes, and the exit codes they map to.

Every problem the checker reports to a user has a code here: a stable id (``E101``), a
slug the report and messages use (``missing-path``) and a category that decides the exit
status. A new kind of problem is one line in ``_CODES``. Nothing else in the package
defines an exception class for users; code raises ``CheckerError(code, message)``.

This module is on the ground floor: it imports nothing from ``checker``.
"""

from __future__ import annotations

from enum import Enum, IntEnum

__all__ = ["Category", "CheckerError", "ErrorCode", "ExitCode"]


class ExitCode(IntEnum):
    """The contract with CI: a crash is never 0 or 1."""

    OK = 0  # nothing at or above the fail level
    FINDINGS = 1  # at least one finding at or above the fail level
    USAGE = 2  # usage, configuration, rule-file or input error
    INTERNAL = 3  # a bug, or the environment lacks something (a model package)


class Category(Enum):
    INPUT = "input"  # an article file cannot be read as an article
    CONFIG = "config"  # configuration, rule files, selectors, baseline, command-line usage, outputs
    ENVIRONMENT = "environment"  # something the installation lacks
    INTERNAL = "internal"  # a bug: the checker broke its own contract

    @property
    def exit_code(self) -> ExitCode:
        return ExitCode.USAGE if self in (Category.INPUT, Category.CONFIG) else ExitCode.INTERNAL


class ErrorCode(str, Enum):
    """Stable problem codes; the value is the slug written in reports and messages."""

    MISSING_PATH = "missing-path"
    UNREADABLE = "unreadable"
    BINARY = "binary"
    DECODE = "decode"
    EMPTY = "empty"
    BAD_FRONT_MATTER = "bad-front-matter"
    BAD_JSON = "bad-json"
    BAD_RECORD = "bad-record"
    UNSUPPORTED_TYPE = "unsupported-type"
    ARTICLE_FAILED = "article-failed"
    NOT_AN_ARTICLE = "not-an-article"
    TOO_LARGE = "too-large"
    ARTICLE_TOO_LARGE = "article-too-large"
    TIME_BUDGET = "time-budget"
    TOO_DEEP = "too-deep"
    YAML_LIMIT = "yaml-limit"
    NOT_A_FILE = "not-a-file"
    CONFIG = "config"
    RULE_FILE = "rule-file"
    SELECTOR = "selector"
    BASELINE = "baseline"
    CHANGED_SINCE = "changed-since"
    USAGE = "usage"
    NO_ARTICLES = "no-articles"
    OUTPUT = "output"
    ARCHIVE = "archive"
    BASELINE_TOO_LARGE = "baseline-too-large"
    MODEL_MISSING = "model-missing"
    REPORT_INVALID = "report-invalid"

    @property
    def id(self) -> str:
        return _CODES[self][0]

    @property
    def category(self) -> Category:
        return _CODES[self][1]

    @property
    def exit_code(self) -> ExitCode:
        return self.category.exit_code


_CODES: dict[ErrorCode, tuple[str, Category]] = {
    ErrorCode.MISSING_PATH: ("E101", Category.INPUT),
    ErrorCode.UNREADABLE: ("E102", Category.INPUT),
    ErrorCode.BINARY: ("E103", Category.INPUT),
    ErrorCode.DECODE: ("E104", Category.INPUT),
    ErrorCode.EMPTY: ("E105", Category.INPUT),
    ErrorCode.BAD_FRONT_MATTER: ("E106", Category.INPUT),
    ErrorCode.BAD_JSON: ("E107", Category.INPUT),
    ErrorCode.BAD_RECORD: ("E108", Category.INPUT),
    ErrorCode.UNSUPPORTED_TYPE: ("E109", Category.INPUT),
    ErrorCode.ARTICLE_FAILED: ("E199", Category.INPUT),
    ErrorCode.NOT_AN_ARTICLE: ("E110", Category.INPUT),
    # Limits (``checker.limits``): a hostile or broken input costs a line in the report, never the batch.
    ErrorCode.TOO_LARGE: ("E111", Category.INPUT),
    ErrorCode.ARTICLE_TOO_LARGE: ("E112", Category.INPUT),
    ErrorCode.TIME_BUDGET: ("E113", Category.INPUT),
    ErrorCode.TOO_DEEP: ("E114", Category.INPUT),
    ErrorCode.YAML_LIMIT: ("E115", Category.INPUT),
    ErrorCode.NOT_A_FILE: ("E116", Category.INPUT),
    ErrorCode.CONFIG: ("E201", Category.CONFIG),
    ErrorCode.RULE_FILE: ("E202", Category.CONFIG),
    ErrorCode.SELECTOR: ("E203", Category.CONFIG),
    ErrorCode.BASELINE: ("E204", Category.CONFIG),
    ErrorCode.CHANGED_SINCE: ("E205", Category.CONFIG),
    ErrorCode.USAGE: ("E206", Category.CONFIG),
    ErrorCode.NO_ARTICLES: ("E207", Category.CONFIG),
    ErrorCode.OUTPUT: ("E208", Category.CONFIG),
    ErrorCode.ARCHIVE: ("E209", Category.CONFIG),
    ErrorCode.BASELINE_TOO_LARGE: ("E210", Category.CONFIG),
    ErrorCode.MODEL_MISSING: ("E301", Category.ENVIRONMENT),
    ErrorCode.REPORT_INVALID: ("E901", Category.INTERNAL),
}


class CheckerError(Exception):
    """A problem a user can act on. ``str()`` is one line naming the file or setting and the problem."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    @property
    def exit_code(self) -> ExitCode:
        return self.code.exit_code

    def __str__(self) -> str:
        return self.message
