"""Checking maps: loader issues, schema validation, cross-references and quality rules."""
