"""Engine-neutral page generation: a Project in, a list of in-memory docs files and a nav out."""

from .model import Failure, NavItem, Site, VirtualFile
from . import languages
from .site import build_site, failures_of, nav_config, nav_paths

__all__ = ["Failure", "NavItem", "Site", "VirtualFile", "build_site", "failures_of", "nav_config", "nav_paths", "languages"]
