"""Engines that publish the pages of ``journeymaps.pages``: the MkDocs plugin and a plain docs tree."""
