"""The report: built from findings, validated against its schema, rendered to every output format."""
