"""The gate between findings and the report: inline suppressions, the baseline, and ``--changed-since``."""
