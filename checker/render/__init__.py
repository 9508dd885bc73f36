"""Renderers: each turns a validated report (a dict) into one output format."""
