"""Engines that publish the pages of ``generator.pages``: the MkDocs plugin and a plain docs tree."""
