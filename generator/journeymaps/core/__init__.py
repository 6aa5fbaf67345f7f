"""The bottom layer: values and text rules every other layer shares (findings, escaping)."""
