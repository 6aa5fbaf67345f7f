"""Engine-neutral page generation: a Project in, a list of in-memory docs files and a nav out."""

from .model import Failure, NavItem, Site, VirtualFile
from .site import build_site, failures_of, nav_config

__all__ = ["Failure", "NavItem", "Site", "VirtualFile", "build_site", "failures_of", "nav_config"]
